// Moves an analysis of an older version of a document onto the current text by replaying the edits made
// since: spans before an edit stay, spans after it move by the edit's length change, spans an edit touched
// are dropped. Requests are served from this while a fresh analysis runs, so no request waits behind the
// engine, and every offset handed to ../../positions.ts is an offset into the current text.
//
// It runs on the LSP thread for every new document version that receives a request, over every span of
// the document (tens of thousands in a 1 MB article), so it is written for speed: one pass, no closures
// per span, and spans before the first edit are reused as they are.
import type { Analysis, Entity, Mention, Quote, Span } from '../../core/types';
import type { Edit } from './documents';

interface Offsets {
  start: number;
  end: number;
}

/** A compiled list of edits. `first` is the lowest offset any edit touches: spans ending before it never move. */
class EditMap {
  readonly first: number;
  constructor(private readonly edits: readonly Edit[]) {
    // Edit i's offsets are in the text after edits 0..i-1; an original offset p is at most p + grown there,
    // `grown` being what those edits added. So any original span ending before start − grown is untouched.
    let first = Infinity;
    let grown = 0;
    for (const e of edits) {
      first = Math.min(first, e.start - grown);
      grown += Math.max(0, e.newLength - (e.end - e.start));
    }
    this.first = first;
  }

  /** The span's offsets in the current text, or null when an edit touched it; the span itself when unmoved. */
  map<T extends Offsets>(span: T): T | null {
    if (span.end < this.first) return span;
    let start = span.start;
    let end = span.end;
    for (let i = 0; i < this.edits.length; i++) {
      const e = this.edits[i];
      if (end < e.start || (end === e.start && start < end)) continue;
      if (start >= e.end) {
        const d = e.newLength - (e.end - e.start);
        start += d;
        end += d;
        continue;
      }
      return null;
    }
    if (start === span.start) return span;
    const moved = Object.assign({}, span);
    moved.start = start;
    moved.end = end;
    return moved;
  }
}

export function shiftAnalysis(analysis: Analysis, edits: readonly Edit[]): Analysis {
  if (edits.length === 0) return analysis;
  const map = new EditMap(edits);
  const entities: Entity[] = [];
  for (const e of analysis.entities) {
    const mentions: Mention[] = [];
    for (const m of e.mentions) {
      const s = map.map(m);
      if (!s) continue;
      if (m.title) {
        const t = map.map(m.title);
        if (t !== m.title) {
          const c = s === m ? Object.assign({}, m) : s;
          c.title = t ?? undefined;
          mentions.push(c);
          continue;
        }
      }
      mentions.push(s);
    }
    if (mentions.length) entities.push(mentions.length === e.mentions.length && mentions.every((m, i) => m === e.mentions[i]) ? e : { ...e, mentions });
  }
  const quotes: Quote[] = [];
  for (const q of analysis.quotes) {
    const s = map.map(q);
    if (!s) continue;
    const speakerMention = q.speakerMention && map.map(q.speakerMention);
    const cue = q.cue && map.map(q.cue);
    if (s === q && speakerMention === q.speakerMention && cue === q.cue) quotes.push(q);
    else quotes.push({ ...s, speakerMention: speakerMention ?? null, cue: cue ?? null });
  }
  const interactions = [];
  for (const i of analysis.interactions) {
    const evidence = map.map(i.evidence);
    if (evidence) interactions.push(evidence === i.evidence ? i : { ...i, evidence });
  }
  const diagnostics = [];
  for (const d of analysis.diagnostics) {
    const s = map.map(d);
    if (!s) continue;
    const related = d.related?.flatMap((r) => {
      const span = map.map(r.span) as Span | null;
      return span ? [span === r.span ? r : { ...r, span }] : [];
    });
    diagnostics.push({ ...s, related });
  }
  const delta = edits.reduce((n, e) => n + e.newLength - (e.end - e.start), 0);
  return { ...analysis, source: { ...analysis.source, length: analysis.source.length + delta }, entities, quotes, interactions, diagnostics };
}
