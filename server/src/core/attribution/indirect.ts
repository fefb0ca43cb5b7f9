// Reported speech outside quotation marks, from the paragraphs' speech patterns (paragraph/speechPatterns.ts)
// set against the direct quotes: `X said (that) …`, `according to X, …`, `…, X said.`.
import type { Quote } from '../types';
import type { AttributionContext, Resolved } from './context';
import { VERB_LIKE } from './phraseFacts';
import { resolveSpeaker, speakerNamedIn } from './speakers';
import { overlaps, shifted, type Interval } from '../span';

/**
 * Reported speech outside quotation marks: `X said (that) …`, `according to X, …`, `…, X said.`. A reported
 * clause that contains a quoted fragment is one mixed quote (the fragment is absorbed: its id is returned);
 * a clause running into a full direct quote stops before it.
 */
export function indirect(ctx: AttributionContext, direct: Quote[], startId: number): { quotes: Quote[]; absorbed: Set<string> } {
  const out: Quote[] = [];
  const absorbed = new Set<string>();
  // Direct quotes are sorted by start, so overlap checks are binary searches.
  const starts = direct.map((q) => q.start);
  const overlapping = (s: number, e: number) => {
    let lo = 0;
    let hi = direct.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < s) lo = mid + 1;
      else hi = mid;
    }
    const found: Quote[] = [];
    for (let k = Math.max(0, lo - 1); k < direct.length && direct[k].start < e; k++) if (direct[k].end > s) found.push(direct[k]);
    return found;
  };
  let n = startId;
  for (const para of ctx.paras) {
    for (const sp of para.speech) {
      const cue = shifted(sp.cue, para.start);
      const speaker = shifted(sp.speaker, para.start);
      let body = shifted(sp.body, para.start);
      // One lookup of the quotes around the pattern serves every check below.
      const near = overlapping(Math.min(cue.start, speaker.start, body.start), Math.max(cue.end, speaker.end, body.end + 400));
      const hits = (a: Interval) => near.some((q) => overlaps(q, a));
      // The cue or the speaker inside a quotation: the speaker is reporting someone else.
      if (near.length && (hits(cue) || hits(speaker))) continue;
      let kind: Quote['kind'] = 'indirect';
      const inside: Quote[] = [];
      let cut = false;
      for (const q of near) {
        if (!overlaps(q, body)) continue;
        // (The clause ends before the sentence's final stop, which a quote may close over: `of "playing games."`.)
        if (q.kind === 'mixed' && q.start >= body.start && (q.end <= body.end + 1 || /^[\s.!?,;:"“”'‘’»]*$/.test(ctx.text.slice(body.end, q.end)))) {
          inside.push(q);
          kind = 'mixed';
        } else if (q.start > body.start) {
          // A full quotation inside the clause ends it: `said he was sure: "…"`.
          body = { start: body.start, end: trimClauseEnd(ctx, body.start, q.start) };
          cut = true;
          break;
        } else {
          body = { start: body.start, end: body.start };
          break;
        }
      }
      if (cut) for (let k = inside.length - 1; k >= 0; k--) if (inside[k].end > body.end) inside.splice(k, 1);
      // "According to Fox News, the Kremlin statement said: "…"": the clause is a quote's own cue.
      if (near.some((q) => q.cue && q.cue.start >= body.start && q.cue.start < body.end + 2)) continue;
      if (!inside.length) kind = 'indirect';
      // The clause's last quoted words end at their closing mark.
      for (const q of inside) if (q.end > body.end) body = { start: body.start, end: q.end };
      if (!hasWords(ctx, body.start, body.end, 3)) continue;
      const r = resolveSpeaker(ctx, speaker, body.start, sp.verb) ?? speakerNamedIn(ctx, speaker);
      // A speaker phrase that is no noun phrase ("we had met like she said"): not reported speech.
      if (!r) {
        const words = ctx.text.slice(speaker.start, speaker.end).toLowerCase().split(/\s+/);
        if (words.length > 6 || words.some((w) => VERB_LIKE.has(w))) continue;
      }
      for (const q of inside) absorbed.add(q.id);
      if (r) ctx.spoke.push({ pos: body.start, entityId: r.entityId });
      out.push(indirectQuote(ctx, `q${++n}`, kind, body.start, body.end, r ?? { entityId: null, mention: ctx.span(speaker.start, speaker.end), via: 'none' }, cue));
    }
  }
  return { quotes: out, absorbed };
}

/** Whether [start, end) holds at least `n` words (counted without slicing: this runs for every clause). */
function hasWords(ctx: AttributionContext, start: number, end: number, n: number): boolean {
  let words = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const c = ctx.text.charCodeAt(i);
    const letter = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127;
    if (letter && !inWord && ++words >= n) return true;
    inWord = letter;
  }
  return false;
}

/** The end of a clause cut before `at`: back over spaces, commas, colons and dashes. */
function trimClauseEnd(ctx: AttributionContext, start: number, at: number): number {
  let e = at;
  while (e > start && /[\s,:;—–-]/.test(ctx.text[e - 1])) e--;
  return e;
}

function indirectQuote(ctx: AttributionContext, id: string, kind: Quote['kind'], start: number, end: number, r: Omit<Resolved, 'entityId'> & { entityId: string | null }, cue: { start: number; end: number }): Quote {
  return {
    id, kind, start, end, text: ctx.text.slice(start, end), speaker: r.entityId, speakerMention: r.mention,
    cue: ctx.span(cue.start, cue.end), attribution: r.via === 'pronoun' ? 'pronoun' : r.via === 'none' ? 'none' : 'cue',
  };
}
