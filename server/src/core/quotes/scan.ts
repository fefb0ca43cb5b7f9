// Finds quotations by their marks: straight and curly double quotes, guillemets (« » and » «), German „ “,
// and single quotes where a text uses them for quotation. Apostrophes never open or close a quote
// ("Hamas’", "it's", "'90s"). Nested quotes stay inside their outer quote. A quote that runs over several
// paragraphs has an opening mark on each paragraph and a closing mark only on the last.
import type { Paragraph } from '../text';
import { shifted } from '../span';

export interface QuoteSpan {
  start: number;
  end: number;
  /** The opening mark's character. */
  open: string;
  /** False when no closing mark was found (the span then runs to the end of its paragraph). */
  closed: boolean;
  /** Paragraphs the quote runs over. */
  paragraphs: number;
  /** Filled by the paragraph cache: the quote's kind (null: not speech), and its cue. */
  kind?: 'direct' | 'mixed' | null;
  found?: CueMatch | null;
}

/** Where a quote's cue and speaker phrase are (see attribution/cues.ts). */
export interface CueMatch {
  np: { start: number; end: number };
  cue: { start: number; end: number };
  cueVerb: string;
  via: 'cue' | 'colon' | 'according-to';
  /** The clause before the cue ("The director, Rosalind Tate, said"): where to look when `np` names nobody. */
  wide?: { start: number; end: number };
}

/** One paragraph scanned on its own (offsets relative to it), as the analyzer caches it. */
export interface ParagraphQuotes {
  quotes: QuoteSpan[];
  stray: StrayMark[];
  /** A quote still open at the paragraph's end (a multi-paragraph quote, or an unbalanced mark). */
  open?: OpenState;
}

export interface StrayMark {
  offset: number;
  mark: string;
  reason: 'unclosed' | 'unopened';
}

export interface QuoteScan {
  quotes: QuoteSpan[];
  stray: StrayMark[];
}

const LETTER = /[\p{L}\p{N}]/u;
const SPACE_OR_START = /[\s([{\u2014\u2013\-/:;,]/u;
const AFTER_CLOSE = /[\s)\]}.,;:!?\u2014\u2013\-…'’"”»]/u;

type MarkRole = 'open' | 'close' | 'either' | 'none';

interface MarkClass {
  family: 'double' | 'single' | 'guillemet' | 'guillemet-rev';
  role: MarkRole;
}

/** Decides what a quotation-mark character at position i can be. */
function classify(text: string, i: number, singlesAreQuotes: boolean): MarkClass | undefined {
  const ch = text[i];
  const prev = i > 0 ? text[i - 1] : '';
  const next = i + 1 < text.length ? text[i + 1] : '';
  const prevIsBoundary = prev === '' || SPACE_OR_START.test(prev) || prev === '"' || prev === '“' || prev === '‘' || prev === '«';
  const nextIsBoundary = next === '' || AFTER_CLOSE.test(next);
  switch (ch) {
    case '“':
      // “ closes German „…“ quotes; it opens everywhere else.
      return { family: 'double', role: prevIsBoundary || !nextIsBoundary ? 'open' : 'either' };
    case '”':
      return { family: 'double', role: 'close' };
    case '„':
      return { family: 'double', role: 'open' };
    case '"':
      if (prevIsBoundary && !nextIsBoundary) return { family: 'double', role: 'open' };
      if (!prevIsBoundary && nextIsBoundary) return { family: 'double', role: 'close' };
      return { family: 'double', role: 'either' };
    case '«':
      return { family: 'guillemet', role: 'open' };
    case '»':
      return { family: 'guillemet', role: 'close' };
    case '‘':
    case "'":
    case '’': {
      if (!singlesAreQuotes) return undefined;
      // Inside a word: an apostrophe (it's, O'Brien, rock 'n' roll).
      if (LETTER.test(prev) && LETTER.test(next)) return undefined;
      // '90s, 'em, 'n'
      if (/^['’‘]\d/.test(text.slice(i, i + 2)) || /^['’‘](?:em|n|til|cause|tis)\b/i.test(text.slice(i, i + 6))) return undefined;
      // Closing marks follow a word or punctuation ("final,'"); opening marks follow a space or bracket.
      const prevIsSpace = prev === '' || /[\s([{\u2014\u2013]/u.test(prev) || prev === '"' || prev === '“' || prev === '«';
      if (ch === '’') return prevIsSpace ? undefined : { family: 'single', role: 'close' };
      if (prevIsSpace && next && !/\s/.test(next)) return { family: 'single', role: 'open' };
      if (!prevIsSpace && nextIsBoundary) return { family: 'single', role: 'close' };
      return undefined;
    }
  }
  return undefined;
}

/** Does the text use single quotes for quotation (British style) rather than only as apostrophes? */
export function usesSingleQuotes(text: string): boolean {
  return singlesFromCounts(quoteMarkCounts(text));
}

export interface QuoteMarkCounts {
  doubles: number;
  singleOpens: number;
}

export function quoteMarkCounts(text: string): QuoteMarkCounts {
  return {
    doubles: (text.match(/["“”„«»]/g) ?? []).length,
    // Only opening marks count: closing ’ doubles as the apostrophe.
    singleOpens: (text.match(/(?:^|[\s(—–-])[‘'](?=[\p{L}\p{N}])/gmu) ?? []).length,
  };
}

export function singlesFromCounts(c: QuoteMarkCounts): boolean {
  return c.singleOpens >= 1 && c.singleOpens * 2 >= c.doubles;
}

const DOUBLE_CLOSERS = new Set(['"', '”']);
const MARKS_RE = /["“”„«»‘’']/g;

/** Scans one paragraph as if it stood alone: what the analyzer caches per paragraph text. */
export function scanParagraphAlone(paraText: string, singles: boolean): ParagraphQuotes {
  const quotes: QuoteSpan[] = [];
  const stray: StrayMark[] = [];
  const open = scanParagraphFresh(paraText, { start: 0, end: paraText.length, text: paraText, index: 0 }, singles, quotes, stray);
  return { quotes, stray, ...(open ? { open } : {}) };
}

export function scanQuotes(
  text: string,
  paragraphs: Paragraph[],
  singles: boolean = usesSingleQuotes(text),
  fresh: (p: number) => ParagraphQuotes = (p) => scanParagraphAlone(paragraphs[p].text, singles),
): QuoteScan {
  const quotes: QuoteSpan[] = [];
  const stray: StrayMark[] = [];
  // State carried across paragraphs for multi-paragraph quotes.
  let open: { start: number; mark: string; family: MarkClass['family']; paragraphs: number; lastParaEnd: number } | undefined;

  for (let p = 0; p < paragraphs.length; p++) {
    const para = paragraphs[p];
    const firstNonSpace = para.start + (para.text.length - para.text.trimStart().length);
    if (open) {
      // A quote left open continues only if this paragraph starts with an opening mark of its family.
      const c = classify(text, firstNonSpace, singles);
      if (c && c.family === open.family && (c.role === 'open' || c.role === 'either')) {
        open.paragraphs++;
        open.lastParaEnd = para.end;
        // Closed here, a new quote may open later in the same paragraph: carry that one on instead.
        open = scanParagraph(text, para, firstNonSpace + 1, singles, quotes, stray, open);
        continue;
      }
      // A paragraph whose first mark closes a quote, with no opening mark before it, ends the open quote
      // (copy that drops the opening mark of a quote's later paragraphs, or breaks a quote mid-speech).
      const alone = fresh(p);
      const closer = alone.stray.find((m) => m.reason === 'unopened');
      if (closer && open.family === 'double' && DOUBLE_CLOSERS.has(closer.mark) && !alone.quotes.some((q) => q.start < closer.offset)) {
        open.paragraphs++;
        open.lastParaEnd = para.end;
        open = scanParagraph(text, para, para.start, singles, quotes, stray, open);
        continue;
      }
      quotes.push({ start: open.start, end: trimEnd(text, open.lastParaEnd), open: open.mark, closed: false, paragraphs: open.paragraphs });
      stray.push({ offset: open.start, mark: open.mark, reason: 'unclosed' });
      open = undefined;
    }
    // A paragraph that starts with no quote open reads the same as on its own: use the cached scan.
    const f = fresh(p);
    const base = para.start;
    for (const q of f.quotes) quotes.push({ ...q, start: q.start + base, end: q.end + base, ...(q.found ? { found: shiftCue(q.found, base) } : {}) });
    for (const m of f.stray) stray.push({ ...m, offset: m.offset + base });
    open = f.open ? { ...f.open, start: f.open.start + base, lastParaEnd: para.end } : undefined;
  }
  if (open) {
    quotes.push({ start: open.start, end: trimEnd(text, open.lastParaEnd), open: open.mark, closed: false, paragraphs: open.paragraphs });
    stray.push({ offset: open.start, mark: open.mark, reason: 'unclosed' });
  }
  quotes.sort((a, b) => a.start - b.start);
  return { quotes, stray };
}

function shiftCue(c: CueMatch, by: number): CueMatch {
  return {
    ...c,
    np: shifted(c.np, by),
    cue: shifted(c.cue, by),
    ...(c.wide ? { wide: shifted(c.wide, by) } : {}),
  };
}

function trimEnd(text: string, end: number): number {
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end;
}

export type OpenState = { start: number; mark: string; family: MarkClass['family']; paragraphs: number; lastParaEnd: number };

function scanParagraphFresh(text: string, para: Paragraph, singles: boolean, quotes: QuoteSpan[], stray: StrayMark[]): OpenState | undefined {
  const state: { open?: OpenState } = {};
  scanRange(text, para, para.start, singles, quotes, stray, state);
  return state.open;
}

/**
 * Continues an open multi-paragraph quote; returns the quote still open at the paragraph's end: the same
 * one, a new one opened after it closed, or none.
 */
function scanParagraph(text: string, para: Paragraph, from: number, singles: boolean, quotes: QuoteSpan[], stray: StrayMark[], open: OpenState): OpenState | undefined {
  const state: { open?: OpenState } = { open };
  scanRange(text, para, from, singles, quotes, stray, state);
  return state.open;
}

/**
 * Pairs marks within one paragraph. A stack holds the open top-level quote and any nested quotes inside it;
 * only top-level quotes are reported.
 */
function scanRange(
  text: string,
  para: Paragraph,
  from: number,
  singles: boolean,
  quotes: QuoteSpan[],
  stray: StrayMark[],
  state: { open?: OpenState },
): void {
  const stack: { family: MarkClass['family']; offset: number }[] = [];
  if (state.open) stack.push({ family: state.open.family, offset: state.open.start });
  MARKS_RE.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = MARKS_RE.exec(text)) && m.index < para.end) {
    const i = m.index;
    const c = classify(text, i, singles);
    if (!c) continue;
    const top = stack[stack.length - 1];
    const closesTop =
      top &&
      ((sameFamily(top.family, c.family, text[i]) && (c.role === 'close' || c.role === 'either')) ||
        (top.family === 'guillemet-rev' && text[i] === '«'));
    if (closesTop && !(c.family === 'single' && possessiveApostrophe(text, i, para.end))) {
      stack.pop();
      if (stack.length === 0) {
        const start = state.open ? state.open.start : top.offset;
        quotes.push({
          start,
          end: i + 1,
          open: text[start],
          closed: true,
          paragraphs: state.open ? state.open.paragraphs : 1,
        });
        state.open = undefined;
      }
      continue;
    }
    if (c.role === 'open' || c.role === 'either') {
      if (c.family === 'guillemet-rev') continue;
      // German-style »…«: » opening at a word start.
      stack.push({ family: c.family, offset: i });
      if (stack.length === 1) state.open = { start: i, mark: text[i], family: c.family, paragraphs: 1, lastParaEnd: para.end };
      continue;
    }
    if (c.role === 'close' && c.family === 'guillemet' && text[i] === '»' && stack.length === 0 && /\p{L}/u.test(text[i + 1] ?? '')) {
      stack.push({ family: 'guillemet-rev', offset: i });
      state.open = { start: i, mark: '»', family: 'guillemet-rev', paragraphs: 1, lastParaEnd: para.end };
      continue;
    }
    if (c.role === 'close' && stack.length === 0 && c.family !== 'single') {
      stray.push({ offset: i, mark: text[i], reason: 'unopened' });
    }
  }
  if (state.open) state.open.lastParaEnd = para.end;
  // Nested quotes left open inside a still-open outer quote are ignored; the outer one carries on.
}

function sameFamily(open: MarkClass['family'], close: MarkClass['family'], ch: string): boolean {
  if (open === close) return true;
  // »…« closes with «
  return open === 'guillemet-rev' && ch === '«';
}

/**
 * Inside a single-quoted quotation, "the Joneses’ house" has a closing-looking apostrophe. Treat ’ after
 * an s and before a lower-case word as possessive when another closing mark follows in the paragraph.
 */
function possessiveApostrophe(text: string, i: number, paraEnd: number): boolean {
  if (!/s/i.test(text[i - 1] ?? '') || !/^\s\p{Ll}/u.test(text.slice(i + 1, i + 3))) return false;
  const rest = text.slice(i + 1, paraEnd);
  return /[\p{L}\p{N}.,!?][’'](?=[\s.,;:!?—–)]|$)/u.test(rest);
}
