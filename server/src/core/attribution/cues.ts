// A quote's cue: the verb and speaker phrase after it (`"…," Smith said.`, `"…," said Smith`), or before it
// (`Smith said: "…"`, `According to X, "…"`, a colon introduction), and whether a quote with no cue
// continues the previous speaker. The speaker phrase is resolved separately (speakers.ts).
import type { CueMatch, QuoteSpan } from '../quotes/scan';
import { phraseRange, skipParentheticals } from '../paragraph/speechPatterns';
import type { Token } from '../text';
import type { Quote } from '../types';
import { NAMING_VERBS, QUOTE_VERBS, STATEMENT_READ_VERBS } from '../vocabulary';
import { firstTokenAtOrAfter, type AttributionContext } from './context';

// Speech verbs that are more often nouns ("a post", "the tweet"): verbs only after a pronoun ("she posts").
const NOUN_FORMS = new Set(['post', 'posts', 'tweet', 'tweets']);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we', 'it']);
const NOT_A_SUBJECT = new Set(['and', 'but', 'or', 'to', 'then', 'which', 'that', 'as', 'while']);

/** The cue after the quote, else before it; the speaker phrase is resolved separately. */
export function findCue(ctx: AttributionContext, q: QuoteSpan, firstPara: number, lastPara: number, nextQuoteStart: number | undefined, prevQuoteEnd: number | undefined): CueMatch | undefined {
  // A fragment inside a sentence ("said the plan was "reckless" and vowed …") is governed by the cue before it.
  const para = ctx.paras[firstPara];
  const before = ctx.text.slice(para.start, q.start).trimEnd();
  if (/[\p{L}\p{N}]$/u.test(before)) return cueBefore(ctx, q, firstPara, prevQuoteEnd) ?? cueAfter(ctx, q, lastPara, nextQuoteStart);
  return cueAfter(ctx, q, lastPara, nextQuoteStart) ?? cueBefore(ctx, q, firstPara, prevQuoteEnd);
}

/** A quote with no cue continues the previous speaker in the same or the next paragraph. */
export function continues(ctx: AttributionContext, prevQuote: Quote, prevEndPara: number, q: QuoteSpan, firstPara: number): boolean {
  if (firstPara - prevEndPara > 1) return false;
  const between = ctx.text.slice(prevQuote.end, q.start);
  // Only a short attribution or nothing may stand between them: no new sentence about someone else.
  return between.length < 200 && !/[.!?]\s+\p{Lu}[^"“”]*\b(?:said|told|says)\b/u.test(between);
}

/** `"…," Smith said.` / `"…," said Smith, a …` / `"…," the statement read.` */
function cueAfter(ctx: AttributionContext, q: QuoteSpan, p: number, nextQuoteStart: number | undefined) {
  const all = ctx.abs(p);
  const first = firstTokenAtOrAfter(all, q.end);
  const toks: typeof all = [];
  for (let k = first; k < all.length && toks.length < 16; k++) {
    if (nextQuoteStart !== undefined && all[k].s >= nextQuoteStart) break;
    toks.push(all[k]);
  }
  if (!toks.length) return undefined;
  const sent = toks[0].sent;
  // Stop at the end of the sentence that the closing mark ends or is inside.
  const window = [];
  for (const x of toks) {
    if (x.sent !== sent && window.length) break;
    window.push(x);
    if (window.length > 14) break;
  }
  // `"…" — Shimon Peres` / `"…" - Matthew Ingram`: a dash before a name after the quote names its author.
  if (window[0] && /^[—–-]$/.test(window[0].t.text) && window[1]?.t.cap) {
    const np = phraseAfter(ctx, window, 1);
    if (np.end > np.start) return { np, cue: { start: window[0].s, end: window[0].e }, cueVerb: '—', via: 'cue' as const };
  }
  if (window[0] && /^[.!?]$/.test(window[0].t.text) && !/[,:—–-]$/.test(ctx.text.slice(q.start, q.end - 1))) {
    // `"…." Smith said.` is rare; a sentence that ended before the cue is a new sentence.
    return undefined;
  }
  // An appositive between the name and the verb (`"…," Sen. Patricia Munoz, the bill's sponsor, said`) may
  // push the verb further back.
  const reach = window.slice(0, 8).some((x) => x.t.text === ',') ? 14 : 10;
  for (let v = 0; v < Math.min(window.length, reach); v++) {
    const w = window[v].t;
    const isAccording = w.lower === 'according' && window[v + 1]?.t.lower === 'to';
    if (!QUOTE_VERBS.has(w.lower) && !isAccording) continue;
    // (A full stop inside the sentence belongs to an abbreviation: "Sen. Patricia Munoz said".)
    if (window.slice(0, v).some((x) => /^[!?;]$/.test(x.t.text))) return undefined;
    if (isAccording) {
      const np = phraseAfter(ctx, window, v + 2);
      return { np, cue: { start: w.start + ctx.paras[p].start, end: window[v + 1].e }, cueVerb: 'according', via: 'according-to' as const };
    }
    const npBefore = window.slice(0, v).filter((x) => x.t.word || x.t.text === "'s" || x.t.text === '’s');
    // `"…" and vowed to …`: a coordinated verb, not a speaker before a cue.
    if (npBefore.length && NOT_A_SUBJECT.has(npBefore[0].t.lower)) return undefined;
    if (npBefore.length) {
      if (STATEMENT_READ_VERBS.has(w.lower) && !npBefore.some((x) => ctx.lex.statementNouns.has(x.t.lower))) return undefined;
      // After a quote that ended its sentence, the verb starts a new sentence: about something else when words of
      // its own follow it (`"… research." He recalled a quote …`), or introducing the next quote when only a comma
      // or colon stands before that quote (`"… out there." After the match, Maaloul said, "…"`).
      if (/\.\s*["“”'’»]*$/u.test(ctx.text.slice(q.start, q.end))) {
        const rest = window.slice(v + 1);
        if (rest.filter((x) => x.t.word).length >= 2) return undefined;
        // (The window is a run of `all` from `first`: the token after it is the next quote's opening when it stopped there.)
        if (nextQuoteStart !== undefined && rest.length <= 1 && rest.every((x) => x.t.text === ',' || x.t.text === ':') && all[first + window.length]?.s === nextQuoteStart) return undefined;
      }
      return { np: { start: npBefore[0].s, end: npBefore[npBefore.length - 1].e }, cue: { start: window[v].s, end: window[v].e }, cueVerb: w.lower, via: 'cue' as const };
    }
    const np = phraseAfter(ctx, window, v + 1);
    if (np.end <= np.start) return undefined;
    return { np, cue: { start: window[v].s, end: window[v].e }, cueVerb: w.lower, via: 'cue' as const };
  }
  return undefined;
}

/** The noun phrase after an inverted cue: `said Smith, a spokesman` → "Smith". */
function phraseAfter(ctx: AttributionContext, window: { t: Token; s: number; e: number }[], from: number): { start: number; end: number } {
  const r = phraseRange(window, from, window.length, (x) => x.t);
  return r ? { start: window[r[0]].s, end: window[r[1]].e } : { start: 0, end: 0 };
}

/** `Smith said: "…"` / `the Kremlin statement said: "…"` / `According to X, "…"` / `X: "…"`. */
function cueBefore(ctx: AttributionContext, q: QuoteSpan, p: number, prevQuoteEnd: number | undefined): CueMatch | undefined {
  const all = ctx.abs(p);
  const openIdx = firstTokenAtOrAfter(all, q.start);
  // The cue stands within the sentence before the quote: look back a bounded number of tokens.
  let toks = all.slice(Math.max(0, openIdx - 80), openIdx).filter((x) => prevQuoteEnd === undefined || x.s >= prevQuoteEnd);
  if (!toks.length) {
    // A quote opening its paragraph, introduced at the end of the one before: `Calloway said:`.
    if (p === 0) return undefined;
    const prev = ctx.abs(p - 1);
    const last = prev[prev.length - 1];
    // `Calloway said:` and `Rathbun stated,` at the end of the paragraph before.
    if (!last || (last.t.text !== ':' && !(last.t.text === ',' && QUOTE_VERBS.has(prev[prev.length - 2]?.t.lower ?? ''))) || (prevQuoteEnd !== undefined && last.s < prevQuoteEnd)) return undefined;
    toks = prev.filter((x) => x.sent === last.sent && (prevQuoteEnd === undefined || x.s >= prevQuoteEnd));
  }
  // The sentence the quote opens in (or the previous one when it ended with a colon).
  const lastSent = toks[toks.length - 1].sent;
  toks = toks.filter((x) => x.sent === lastSent);
  const last = toks[toks.length - 1];
  const mixed = !(last.t.text === ':' || last.t.text === ',');
  for (let v = toks.length - 1; v >= 0; v--) {
    const w = toks[v].t;
    const isAccording = w.lower === 'according' && toks[v + 1]?.t.lower === 'to';
    if (isAccording) {
      const np = phraseAfter(ctx, toks, v + 2);
      if (np.end > np.start) return { np, cue: { start: toks[v].s, end: toks[v + 1].e }, cueVerb: 'according', via: 'according-to' };
    }
    // "a quote attributed to Einstein — "…"": the author named after "attributed to", the quote right after.
    if (w.lower === 'attributed' && toks[v + 1]?.t.lower === 'to' && v + 2 < toks.length && toks.length - v <= 8 && /^[—–:,-]$/.test(toks[toks.length - 1].t.text)) {
      const np = phraseAfter(ctx, toks, v + 2);
      if (np.end > np.start) return { np, cue: { start: toks[v].s, end: toks[v + 1].e }, cueVerb: 'attributed', via: 'cue' };
    }
    // ("reads" before a quote only after a statement noun: `The Home Office letter reads "…"`.)
    if ((!QUOTE_VERBS.has(w.lower) && !NAMING_VERBS.has(w.lower)) || (STATEMENT_READ_VERBS.has(w.lower) && !toks.slice(Math.max(0, v - 3), v).some((x) => ctx.lex.statementNouns.has(x.t.lower)))) continue;
    // "In a separate post on Truth Social, …", "a LinkedIn post": the noun, unless a pronoun makes it the verb.
    if (NOUN_FORMS.has(w.lower) && !SUBJECT_PRONOUNS.has(toks[v - 1]?.t.lower ?? '')) continue;
    const wide = { start: toks[0].s, end: toks[v].s };
    // The subject: words before the verb back to the previous comma or the sentence start.
    let last = v;
    if (toks[v - 1]?.t.text === ',') {
      const before = skipParentheticals(toks, 0, v - 2, (x) => x.t);
      if (before !== v - 2) last = before + 1;
    }
    let b = last - 1;
    while (b >= 0 && toks[b].t.text !== ',' && toks[b].t.text !== ';' && last - b <= 8) b--;
    const subj = toks.slice(b + 1, last).filter((x) => x.t.word || x.t.text === "'s" || x.t.text === '’s');
    if (subj.length) return { np: { start: subj[0].s, end: subj[subj.length - 1].e }, cue: { start: toks[v].s, end: toks[v].e }, cueVerb: w.lower, via: 'cue', wide };
    // Inverted before the quote: `Said Smith: "…"`; or an appositive: `The director, Rosalind Tate, said …`.
    const np = phraseAfter(ctx, toks, v + 1);
    if (np.end > np.start || v > 0) return { np: np.end > np.start && v === 0 ? np : wide, cue: { start: toks[v].s, end: toks[v].e }, cueVerb: w.lower, via: 'cue', wide };
  }
  if (!mixed && last.t.text === ':') {
    // A colon introduction without a verb: `Netanyahu's statement: "…"`.
    // The clause right before the colon: `On NASA's budget, she was blunt:` → "she was blunt".
    let from = toks.length - 1;
    while (from > 0 && toks[from - 1].t.text !== ',' && toks[from - 1].t.text !== ';') from--;
    const words = toks.slice(from).filter((x) => x.t.word || x.t.text === "'s" || x.t.text === '’s');
    const np = words.slice(-6);
    if (np.length) return { np: { start: np[0].s, end: np[np.length - 1].e }, cue: { start: last.s, end: last.e }, cueVerb: ':', via: 'colon', wide: { start: toks[0].s, end: last.s } };
  }
  return undefined;
}
