// A paragraph's tokens as slots: phrase matches (countries, demonyms, capitals, metonyms, organisations,
// titles; longest first), capitalised words, name particles, other words — and the word tests that decide
// them. A foundation: the learned name tagger (names/) reads these slots as features, and the paragraph
// rules (paragraph/) read them to find names, titles, organisations and countries.
import type { Lexicon, PhraseMatch } from './lexicon';
import type { Token } from './text';
import { CAPTION_WORDS, DESCRIPTOR_WORDS, DETERMINERS, NAME_PARTICLES, ORGANISATION_WORDS } from './vocabulary';

export const NON_NAME_TAGS = new Set([
  'Determiner', 'Preposition', 'Conjunction', 'Adverb', 'Pronoun', 'QuestionWord', 'Copula', 'Modal', 'Negative',
  'Verb', 'PastTense', 'PresentTense', 'Infinitive', 'Gerund', 'Participle', 'PhrasalVerb', 'Adjective', 'Comparative',
  'Superlative', 'Expression', 'Month', 'WeekDay', 'Date', 'Duration', 'Holiday', 'Cardinal', 'Ordinal', 'TextValue',
  'Plural', 'Singular', 'Noun', 'Uncountable', 'Condition', 'Reflexive', 'Possessive', 'Unit', 'Currency', 'Actor',
]);
export const NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'Honorific']);
export const PLACE_ORG_TAGS = new Set(['Place', 'City', 'Country', 'Region', 'Organization', 'SportsTeam', 'Demonym']);

export const OPENING_PUNCT = new Set(['"', '“', '‘', "'", '«', '»', '„', '(', '[', '—', '–', '-', ':']);

/** Token kinds after phrase matching. */
export type Slot =
  | { kind: 'phrase'; match: PhraseMatch }
  | { kind: 'cap' }
  | { kind: 'particle' }
  | { kind: 'other' };

/** Phrase matches (longest first) for countries, demonyms, capitals, metonyms and titles; else the token's kind. */
export function paragraphSlots(text: string, tokens: Token[], lex: Lexicon): Slot[] {
  const slots: Slot[] = new Array(tokens.length);
  const wholeTextLower = !/\p{Lu}/u.test(text);
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i];
    const matches = t.word || t.text === '.' ? lex.matchAt(tokens, i) : [];
    const usable = matches.find((m) => phraseUsable(m, tokens, lex, wholeTextLower));
    if (usable) {
      for (let j = usable.from; j < usable.to; j++) slots[j] = { kind: 'phrase', match: usable };
      i = usable.to;
      continue;
    }
    slots[i] = t.cap && t.word ? { kind: 'cap' } : NAME_PARTICLES.has(t.lower) ? { kind: 'particle' } : { kind: 'other' };
    i++;
  }
  return slots;
}

export function adjacent(tokens: Token[], a: number, b: number): boolean {
  // Single spaces only: a line break or double space ends a name.
  const gap = tokens[b].start - tokens[a].end;
  return gap === 1 || (gap === 0 && tokens[b].text !== "'s");
}

function phraseUsable(m: PhraseMatch, tokens: Token[], lex: Lexicon, wholeTextLower: boolean): boolean {
  const first = tokens[m.from];
  const v = m.value;
  if (v.type === 'title') return true;
  // Proper names need a capital (except in all-lower-case text): "china" the porcelain is no country.
  const head = first.lower === 'the' && m.to - m.from > 1 ? tokens[m.from + 1] : first;
  if (!head.cap && !wholeTextLower) return false;
  if (v.type === 'country' || v.type === 'capital') {
    // Part of a longer proper name: "North America", "Captain America", "Team Estonia", "Hitwise UK".
    const prev = tokens[m.from - 1];
    if (prev && prev.cap && prev.word && adjacent(tokens, m.from - 1, m.from) && !isCommonCapitalised(tokens, m.from - 1, lex) &&
        !lex.matchAt(tokens, m.from - 1).length && !NAME_PARTICLES.has(prev.lower)) return false;
    // "US$ 20,000" is a currency.
    const next = tokens[m.to];
    if (next && next.text === '$' && !next.spaceBefore) return false;
  }
  if (v.type === 'country' && m.to - m.from === 1 && lex.isAmbiguousCountry(head.text)) {
    return ambiguousCountryInContext(tokens, m.from, lex);
  }
  if (v.type === 'capital' || v.type === 'demonym') {
    // "Jordan Smith", "Paris Hilton": not when a capitalised non-organisation word follows a capital.
    const next = tokens[m.to];
    if (v.type === 'capital' && next && next.cap && next.word && adjacent(tokens, m.to - 1, m.to) && !ORGANISATION_WORDS.has(next.lower))
      return false;
    if (v.type === 'capital' && lex.isFirstName(head.lower)) return false;
  }
  return true;
}

const COUNTRY_CONTEXT_BEFORE = new Set(['in', 'to', 'from', 'of', 'with', 'and', 'between', 'across', 'visit', 'visited', 'visiting', 'against', 'into', 'toward', 'towards', 'by', 'for', 'neighbouring', 'neighboring', ',', 'including', 'like']);
const COUNTRY_CONTEXT_AFTER = new Set(["'s", '’s', 'and', ',', 'has', 'have', 'is', 'was', 'will', 'said', 'says', 'government', 'authorities', 'officials', 'embassy', 'ministry', 'border', 'forces']);

/** "Jordan", "Georgia", "Chad", "Turkey": a country only where the context makes it one. */
function ambiguousCountryInContext(tokens: Token[], i: number, lex: Lexicon): boolean {
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (next && next.cap && next.word && adjacent(tokens, i, i + 1)) return false; // "Georgia Tech", "Chad Smith"
  if (prev && prev.cap && prev.word && adjacent(tokens, i - 1, i) && lex.isFirstName(prev.lower)) return false;
  if (tokens[i].text === 'Turkey' && prev && /^(roast|wild|thanksgiving)$/i.test(prev.text)) return false;
  const before = prev ? prev.lower : '';
  const after = next ? next.lower : '';
  // Another country in the same list or sentence supports a country reading.
  // Another (unambiguous) country in the same sentence, looking at most 40 tokens either way.
  let otherCountry = false;
  for (let k = Math.max(0, i - 40); k < Math.min(tokens.length, i + 40) && !otherCountry; k++) {
    if (k === i || tokens[k].sentence !== tokens[i].sentence || !tokens[k].cap) continue;
    otherCountry = lex.matchAt(tokens, k).some((m) => m.value.type === 'country' && !lex.isAmbiguousCountry(tokens[k].text));
  }
  return COUNTRY_CONTEXT_BEFORE.has(before) || COUNTRY_CONTEXT_AFTER.has(after) || otherCountry;
}

/** Is the capitalised token at i an ordinary word capitalised only by its position? */
export function isCommonCapitalised(tokens: Token[], i: number, lex: Lexicon): boolean {
  const t = tokens[i];
  const prev = tokens[i - 1];
  // A straight double quote right after a word or comma closes a quote (`…united," Pence said`): no start.
  const closingMark = !!prev && (prev.text === '”' || (prev.text === '"' && !prev.spaceBefore && i > 1)) && t.spaceBefore;
  const atStart = !prev || prev.sentence !== t.sentence || (OPENING_PUNCT.has(prev.text) && !closingMark) || !t.spaceBefore && !prev.word;
  const tags = lex.tagsOf(t.lower);
  if (DETERMINERS.has(t.lower) || t.lower === 'i' || CAPTION_WORDS.has(t.lower)) return true;
  if (DESCRIPTOR_WORDS.has(t.lower) || (/^co-?/.test(t.lower) && lex.tagsOf(t.lower.replace(/^co-?/, '')).includes('Actor'))) return true;
  if (tags.some((x) => NAME_TAGS.has(x) || PLACE_ORG_TAGS.has(x))) return false;
  if (!atStart) {
    // Mid-sentence capitalised function words ("In", "And" in headlines) are not names either.
    return tags.some((x) => x === 'Preposition' || x === 'Conjunction' || x === 'Determiner' || x === 'Pronoun' || x === 'Copula' || x === 'Modal') ||
      ['according', 'during', 'meanwhile', 'however'].includes(t.lower);
  }
  if (tags.some((x) => NON_NAME_TAGS.has(x))) return true;
  // Inflected forms missing from the lexicon: "Maintaining", "Analysts", "Officials".
  return /(?:ing|ed|ly|ers|ists|ians|ments|tions|als)$/.test(t.lower) || ['according', 'during', 'meanwhile', 'however'].includes(t.lower);
}
