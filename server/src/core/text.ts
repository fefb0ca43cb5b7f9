// Tokens, paragraphs and sentences with UTF-16 offsets. A regular-expression tokenizer is used instead of
// compromise's own because it is two orders of magnitude cheaper and keeps exact offsets; compromise's
// lexicon then classifies the tokens (see lexicon.ts).

export interface Token {
  /** Offsets relative to the text the token was read from. */
  start: number;
  end: number;
  text: string;
  lower: string;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** A word (letters/digits), as opposed to punctuation. */
  word: boolean;
  /** Whitespace (or nothing) separates it from the previous token: true when there was whitespace. */
  spaceBefore: boolean;
  /** Index of the sentence the token belongs to (within its paragraph). */
  sentence: number;
}

export interface Paragraph {
  start: number;
  end: number;
  text: string;
  /** Position among the document's paragraphs (kept up to date by the analyzer). */
  index: number;
}

// Words: letters/digits with inner hyphens, inner apostrophes (O'Brien, don't) and dotted acronyms
// (U.S., D.C.). A possessive 's is its own token so that "Putin's" yields the name "Putin".
// A US legislator's party and state, AP style ("R-S.C.", "D-Calif.", "R-W.Va."), is one token, so that its
// full stops end no sentence.
const TOKEN_RE =
  /(?:[DRI]|Ind)-(?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|Okla|Ore|Pa|Tenn|Vt|Va|Wash|W\.Va|Wis|Wyo|N\.H|N\.J|N\.M|N\.Y|N\.C|N\.D|R\.I|S\.C|S\.D|D\.C|P\.R)\.(?![\p{L}\p{N}])|(?:\p{L}\.){2,}|\p{L}[\p{L}\p{M}\p{N}]*(?:[-‐‑][\p{L}\p{M}\p{N}]+)*(?:['’](?![sS](?![\p{L}\p{N}]))[\p{L}\p{M}]+)*|\p{N}+(?:[.,:]\p{N}+)*(?:\p{L}+)?|['’][sS](?![\p{L}\p{N}])|\S/gu;

// "al-Sisi", "el-Sisi", "bin-Zayed": an Arabic article or particle before a capitalised name part.
const UPPER_RE = /^(?:\p{Lu}|(?:al|el|ad|as|ash|at|an|ar|bin|ibn|abu|abd|ben|d|l)['’‐‑-]\p{Lu})/u;
const WORD_RE = /^[\p{L}\p{N}]/u;

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'sen', 'rep', 'st', 'jr', 'sr', 'lt', 'col', 'gov', 'capt', 'sgt',
  'maj', 'adm', 'cmdr', 'rev', 'fr', 'hon', 'no', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'jan', 'feb', 'mar',
  'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mt', 'ft', 'approx', 'dept', 'est', 'e.g',
  'i.e', 'p.m', 'a.m', 'u.s', 'u.k', 'op', 'pp', 'vol', 'fig', 'al',
]);
// AP's party–state identifier after a legislator's name: "R-S.C.", "D-Calif.", "R-Texas", "I-Vt.", "D-Ohio".
const PARTY_STATE_RE = /^(?:[DRI]|Ind)-(?:(?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|Okla|Ore|Pa|Tenn|Vt|Va|Wash|W\.Va|Wis|Wyo|N\.H|N\.J|N\.M|N\.Y|N\.C|N\.D|R\.I|S\.C|S\.D|D\.C|P\.R)\.|Texas|Ohio|Utah|Hawaii|Iowa|Maine|Alaska|Idaho|[A-Z]{2})$/u;

/** "R-S.C.", "D-Calif.", "R-Texas": a legislator's party and state (an appositive, never a name). */
export function isPartyAndState(text: string): boolean {
  return PARTY_STATE_RE.test(text);
}

/** "Ont", "Calif": a province's or state's abbreviation, written with a full stop after a town. */
export function isPlaceAbbreviation(text: string): boolean {
  return PLACE_ABBREVIATIONS.has(text);
}

/** A word shortened with a full stop that does not end a sentence: "Sen.", "Rep.", "Gov.", "Mr.". */
export function isAbbreviation(lower: string): boolean {
  return ABBREVIATIONS.has(lower);
}
// Canadian provinces' and US states' abbreviations after a town ("Brampton, Ont.", "Springfield, Ill.").
const PLACE_ABBREVIATIONS = new Set(['Ont', 'Que', 'Alta', 'Sask', 'Man', 'Nfld', 'Ala', 'Ariz', 'Ark', 'Calif', 'Colo', 'Conn', 'Del', 'Fla', 'Ga', 'Ill', 'Ind', 'Kan', 'Ky', 'La', 'Md', 'Mass', 'Mich', 'Minn', 'Miss', 'Mo', 'Mont', 'Neb', 'Nev', 'Okla', 'Ore', 'Pa', 'Tenn', 'Vt', 'Va', 'Wash', 'Wis', 'Wyo']);
const NUMBER_ABBREVIATIONS = new Set(['no', 'vol', 'fig', 'pp', 'op']);
const SENTENCE_STARTERS = new Set(['the', 'he', 'she', 'it', 'they', 'we', 'i', 'but', 'and', 'in', 'a', 'an', 'this', 'that', 'there', 'his', 'her', 'their', 'its', 'on', 'at', 'after', 'as', 'meanwhile', 'however']);

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let prevEnd = 0;
  let sentence = 0;
  while ((m = TOKEN_RE.exec(text))) {
    const t = m[0];
    const start = m.index;
    tokens.push({
      start,
      end: start + t.length,
      text: t,
      lower: t.toLowerCase(),
      cap: UPPER_RE.test(t),
      word: WORD_RE.test(t),
      spaceBefore: start > prevEnd,
      sentence,
    });
    prevEnd = start + t.length;
  }
  markSentences(tokens);
  return tokens;
}

const CLOSERS = new Set(['"', '”', '’', "'", '»', ')', ']']);

/** Assigns sentence indexes: a sentence ends at . ! ? (and any closing quotes) before a likely sentence start. */
function markSentences(tokens: Token[]): void {
  let sentence = 0;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    tok.sentence = sentence;
    const t = tok.text;
    let endsSentence = false;
    if (t === '!' || t === '?' || t === '.' || t === '…') {
      endsSentence = true;
      if (t === '.' && i > 0 && !tokens[i].spaceBefore) {
        const prev = tokens[i - 1].lower;
        // "No. 10", "vol. 3": these shorten a word only before a number ("The senators said no. Democrats …").
        const beforeNumber = NUMBER_ABBREVIATIONS.has(prev) ? /^\p{N}/u.test(tokens[i + 1]?.text ?? '') : true;
        if ((ABBREVIATIONS.has(prev) && beforeNumber) || (prev.length === 1 && tokens[i - 1].cap)) endsSentence = false;
        // "Brampton, Ont., said", "Springfield, Ill., on": a province's or state's abbreviation after a town.
        if (PLACE_ABBREVIATIONS.has(tokens[i - 1].text) && tokens[i - 2]?.text === ',' && tokens[i + 1]?.text !== undefined && !(tokens[i + 1].cap && SENTENCE_STARTERS.has(tokens[i + 1].lower))) endsSentence = false;
      }
    } else if (/^(?:\p{L}\.){2,}$/u.test(t) || PARTY_STATE_RE.test(t)) {
      // "U.S." (and "D-Calif.") ends a sentence only when a typical sentence opener follows.
      const next = tokens[i + 1];
      endsSentence = !!next && next.cap && SENTENCE_STARTERS.has(next.lower);
    }
    if (!endsSentence) continue;
    // Keep closing quotes/brackets in this sentence.
    let j = i + 1;
    while (j < tokens.length && CLOSERS.has(tokens[j].text) && !tokens[j].spaceBefore) {
      tokens[j].sentence = sentence;
      j++;
    }
    const next = tokens[j];
    if (!next) break;
    if (next.cap || !next.word || /^\p{N}/u.test(next.text)) {
      i = j - 1;
      sentence++;
    }
  }
}

const LINE_BREAK_RE = /\r\n|\r|\n|\u2028|\u2029/g;

/** Splits text into lines (paragraphs); empty lines are dropped. Offsets are absolute. */
export function splitParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  LINE_BREAK_RE.lastIndex = 0;
  let start = 0;
  let m: RegExpExecArray | null;
  const push = (s: number, e: number) => {
    if (e <= s) return;
    const para = text.slice(s, e);
    if (/\S/.test(para)) out.push({ start: s, end: e, text: para, index: out.length });
  };
  while ((m = LINE_BREAK_RE.exec(text))) {
    push(start, m.index);
    start = m.index + m[0].length;
  }
  push(start, text.length);
  return out;
}

/** Removes diacritics and unifies apostrophes, hyphens and case for name comparison. */
const foldCache = new Map<string, string>();

export function foldName(s: string): string {
  let f = foldCache.get(s);
  if (f === undefined) {
    // Names repeat across a document and across analyses: fold each spelling once.
    if (foldCache.size > 50_000) foldCache.clear();
    foldCache.set(s, (f = foldUncached(s)));
  }
  return f;
}

function foldUncached(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/[‐‑–—]/g, '-')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const slugs = new Map<string, string>();

export function slugify(s: string): string {
  let slug = slugs.get(s);
  if (slug === undefined) {
    if (slugs.size > 20_000) slugs.clear();
    slugs.set(s, (slug = slugUncached(s)));
  }
  return slug;
}

function slugUncached(s: string): string {
  return foldName(s)
    .replace(/'/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
