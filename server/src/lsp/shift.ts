// Moves an analysis of an older version of a document onto the current text by replaying the edits made
// since: spans before an edit stay, spans after it move by the edit's length change, spans an edit touched
// are dropped. Requests are served from this while a fresh analysis runs, so no request waits behind the
// engine, and every offset handed to positions.ts is an offset into the current text.
import type { Analysis, Entity, Mention, Quote, Span } from '../core/types';
import type { Edit } from './documents';

function shiftOffsetSpan<T extends { start: number; end: number }>(span: T, edits: readonly Edit[]): T | null {
  let { start, end } = span;
  for (const e of edits) {
    if (end <= e.start && !(start === end && start === e.start)) continue;
    if (start >= e.end) {
      const delta = e.newLength - (e.end - e.start);
      start += delta;
      end += delta;
      continue;
    }
    return null;
  }
  return start === span.start && end === span.end ? span : { ...span, start, end };
}

function shiftSpan(span: Span | null | undefined, edits: readonly Edit[]): Span | null {
  return span ? shiftOffsetSpan(span, edits) : null;
}

export function shiftAnalysis(analysis: Analysis, edits: readonly Edit[]): Analysis {
  if (edits.length === 0) return analysis;
  const entities: Entity[] = [];
  for (const e of analysis.entities) {
    const mentions: Mention[] = [];
    for (const m of e.mentions) {
      const s = shiftOffsetSpan(m, edits);
      if (!s) continue;
      if (m.title) {
        const t = shiftSpan(m.title, edits);
        mentions.push(t ? (t === m.title ? s : { ...s, title: t }) : { ...s, title: undefined });
      } else mentions.push(s);
    }
    if (mentions.length) entities.push({ ...e, mentions });
  }
  const quotes: Quote[] = [];
  for (const q of analysis.quotes) {
    const s = shiftOffsetSpan(q, edits);
    if (!s) continue;
    quotes.push({ ...s, speakerMention: shiftSpan(q.speakerMention, edits), cue: shiftSpan(q.cue, edits) });
  }
  const interactions = analysis.interactions.flatMap((i) => {
    const evidence = shiftSpan(i.evidence, edits);
    return evidence ? [{ ...i, evidence }] : [];
  });
  const diagnostics = analysis.diagnostics.flatMap((d) => {
    const s = shiftOffsetSpan(d, edits);
    if (!s) return [];
    const related = d.related?.flatMap((r) => {
      const span = shiftSpan(r.span, edits);
      return span ? [{ ...r, span }] : [];
    });
    return [{ ...s, related }];
  });
  const delta = edits.reduce((n, e) => n + e.newLength - (e.end - e.start), 0);
  return { ...analysis, source: { ...analysis.source, length: analysis.source.length + delta }, entities, quotes, interactions, diagnostics };
}
