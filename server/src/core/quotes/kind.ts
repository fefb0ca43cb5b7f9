// Direct or mixed: how a quotation stands in its sentence.
import type { QuoteSpan } from './scan';

const MID_CUES = /\b(?:said|says|say|told|tells|called|calls|described|describes|insisted|warned|added|stated|wrote|argued|claimed|urged|vowed|promised|pledged|according to|branded|dubbed|termed|labelled|labeled|denounced|praised|hailed|condemned)\b/i;
// Verbs after which a whole quoted sentence is a direct quote even without a comma or colon.
const DIRECT_BEFORE = new Set(['said', 'says', 'say', 'saying', 'wrote', 'writes', 'writing', 'reads', 'read', 'stated', 'states', 'added', 'adds', 'declared', 'declares', 'tweeted', 'posted']);
const AFTER_CUE = /^[\s,]*(?:[\p{L}'’.-]+\s){0,6}?(?:said|says|told|added|stated|wrote|insisted|warned|explained|argued|noted)\b/iu;

/**
 * Direct, mixed, or neither: a quotation standing as its own sentence or introduced by punctuation is
 * direct; a fragment inside a sentence is a mixed quote when a cue governs it, and otherwise a scare
 * quote or a title, which is not speech at all (undefined).
 */
export function quoteKind(text: string, q: QuoteSpan, paraStart: number, paraEnd: number = text.length): 'direct' | 'mixed' | undefined {
  // Bounded windows throughout: a pathological paragraph (100,000 marks) must stay linear.
  const inner = text.slice(q.start + 1, Math.min(q.closed ? q.end - 1 : q.end, q.start + 400));
  const words = inner.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  let k = q.start - 1;
  while (k >= paraStart && /[ \t]/.test(text[k])) k--;
  const before = k >= paraStart ? text[k] : '';
  const midSentence = /[\p{L}\p{N}]/u.test(before);
  // Search back only within the paragraph: lastIndexOf over the whole text would make this quadratic.
  const paraBefore = text.slice(Math.max(paraStart, q.start - 600), q.start);
  const sentenceStart = Math.max(paraBefore.lastIndexOf('. '), paraBefore.lastIndexOf('? '), paraBefore.lastIndexOf('! ')) + 1;
  const sentenceBefore = paraBefore.slice(sentenceStart);
  const after = text.slice(q.end, Math.min(paraEnd, q.end + 80));
  const cueAfter = AFTER_CUE.test(after);
  if (midSentence) {
    // `said "it is reasonable to assume …"`, `the letter reads "we may extend …"`: a whole sentence in quotation marks
    // right after the verb (or its "that") is the source's own words, a direct quote; a fragment that the sentence
    // goes on after is mixed.
    const lastWords = /(\p{L}+)(?:\s+that)?\s*$/u.exec(sentenceBefore);
    const verbRightBefore = !!lastWords && DIRECT_BEFORE.has(lastWords[1].toLowerCase());
    const innerEnd = text.slice(Math.max(q.start + 1, q.end - 4), q.end - 1);
    const whole = words >= 6 && q.closed && (/[.?!]\s*$/.test(innerEnd) || /^\s*(?:[.?!]|\n|$)/.test(after));
    if (verbRightBefore && whole) return 'direct';
    if (MID_CUES.test(sentenceBefore) || cueAfter) return 'mixed';
    return words >= 8 ? 'mixed' : undefined;
  }
  if (words >= 3 || cueAfter || before === ':') return 'direct';
  return undefined;
}
