// Paragraph-level candidates: names with their attached titles, title-only and descriptive mentions,
// country names, demonyms, capitals and metonyms. Everything here depends on one paragraph's text only,
// so results are cached by paragraph text and shifted to absolute offsets by the caller.
import { lexicon, type Lexicon, type PhraseMatch, type TitleInfo } from './lexicon';
import type { KnowledgeBase } from './knowledgeBase';
import { tokenize, type Token } from './text';
import { knowledgeBaseNameWords, shippedNameModel, tagNames } from './names/nameTagger';
import type { SequenceModel } from './names/perceptron';
import { findSpeechPatterns, type SpeechPattern } from './speechPatterns';
import { findTriggerPatterns, type TriggerPattern } from './interactions';
import {
  CAPTION_WORDS, COMMON_CAPITALISED, COMMON_WORD_FIRST_NAMES, DESCRIPTOR_WORDS, DETERMINERS, EPONYM_HEADS, GEOGRAPHIC_HEADS,
  GOVERNMENT_HEADS, looksCommonWord, NAME_PARTICLES, ORGANISATION_WORDS, QUOTE_VERBS, SAINT_WORDS,
} from './vocabulary';

export interface TitleSpan {
  start: number;
  end: number;
  /** Normalised office ("Prime Minister"); empty for honorifics-only titles. */
  office: string;
  /** "former", "acting", "then"...: the office is not (only) held at the article's date. */
  modifier?: string;
  leader: boolean;
  country?: string;
}

export type CandidateKind = 'person' | 'maybe-person' | 'country' | 'org' | 'title-only' | 'description';

export interface Candidate {
  kind: CandidateKind;
  start: number;
  end: number;
  form: 'name' | 'title' | 'description' | 'demonym' | 'capital' | 'metonym' | 'acronym';
  /** Country (ISO alpha-3) for country mentions; the person's country from the title for persons. */
  iso3?: string;
  title?: TitleSpan;
  /** Knowledge-base id of a person whose full name or alias this is. */
  kbId?: string;
  /** Metonym/organisation id and name for 'org' candidates. */
  orgId?: string;
  orgName?: string;
  /** For "<Person>'s Office": the start offset of the person's name inside the org mention. */
  ownerStart?: number;
  /** For an organisation named after a person ("Chiang Kai Shek Memorial"): where the person's name starts. */
  eponymStart?: number;
  /** Name tokens (original spelling) for persons. */
  nameTokens?: string[];
  sentence: number;
  /** Token index range in the paragraph's token list. */
  tokenFrom: number;
  tokenTo: number;
  /** Evidence that a name is a person: followed by a speech verb, has a first name, etc. */
  evidence?: string;
}

export interface ParagraphFacts {
  tokens: Token[];
  candidates: Candidate[];
  speech: SpeechPattern[];
  triggers: TriggerPattern[];
}

const NON_NAME_TAGS = new Set([
  'Determiner', 'Preposition', 'Conjunction', 'Adverb', 'Pronoun', 'QuestionWord', 'Copula', 'Modal', 'Negative',
  'Verb', 'PastTense', 'PresentTense', 'Infinitive', 'Gerund', 'Participle', 'PhrasalVerb', 'Adjective', 'Comparative',
  'Superlative', 'Expression', 'Month', 'WeekDay', 'Date', 'Duration', 'Holiday', 'Cardinal', 'Ordinal', 'TextValue',
  'Plural', 'Singular', 'Noun', 'Uncountable', 'Condition', 'Reflexive', 'Possessive', 'Unit', 'Currency', 'Actor',
]);
const NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'Honorific']);
const PLACE_ORG_TAGS = new Set(['Place', 'City', 'Country', 'Region', 'Organization', 'SportsTeam', 'Demonym']);





/** compromise's lexicon tags, with the everyday words it lacks read as nouns. */
function wordTags(lex: Lexicon, lower: string): string[] {
  const tags = lex.tagsOf(lower);
  if (tags.length) return tags;
  if (COMMON_CAPITALISED.has(lower) || looksCommonWord(lower)) return ['Noun'];
  // A compound ending in a common word ("Prize-winner", "Nobel-laureate") is no name; short syllables
  // ("Ki-moon", "Jae-in") may be parts of romanised names.
  const tail = lower.slice(lower.lastIndexOf('-') + 1);
  if (tail !== lower && tail.length >= 5 && lex.tagsOf(tail).some((t) => NON_NAME_TAGS.has(t)) && !lex.tagsOf(tail).some((t) => NAME_TAGS.has(t)))
    return ['Noun'];
  return tags;
}


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

export function analyzeParagraph(text: string, kb: KnowledgeBase, nameModel: SequenceModel = shippedNameModel()): ParagraphFacts {
  const lex = lexicon();
  const tokens = tokenize(text);
  const candidates: Candidate[] = [];
  // 1. Phrase matches.
  const slots = paragraphSlots(text, tokens, lex);
  // Where people's names are is the learned tagger's decision; the rules below find organisations and places,
  // and what they read as a name the tagger did not tag is kept only to link to a person named elsewhere.
  const names = tagNames(nameModel, tokens, slots, lex, knowledgeBaseNameWords(kb)).flatMap(([from, to]) => {
    // Titles, role nouns and caption labels the tagger took into a name: "PM Netanyahu", "Coauthor Elena Varga",
    // "… Haddad Image" (titles are read by the rules, and attached to the name).
    const isTitle = (k: number) => slots[k]?.kind === 'phrase' && (slots[k] as { match: PhraseMatch }).match.value.type === 'title';
    while (from < to && (DESCRIPTOR_WORDS.has(tokens[from].lower) || CAPTION_WORDS.has(tokens[from].lower) || DETERMINERS.has(tokens[from].lower) || isTitle(from))) from++;
    while (to > from && (CAPTION_WORDS.has(tokens[to - 1].lower) || NAME_PARTICLES.has(tokens[to - 1].lower))) to--;
    return from < to ? [[from, to] as [number, number]] : [];
  }).reduce<[number, number][]>((acc, span) => {
    // Two names joined only by particles are one ("Ursula" von der "Leyen").
    const last = acc[acc.length - 1];
    if (last && span[0] > last[1] && tokens.slice(last[1], span[0]).every((t, k) => NAME_PARTICLES.has(t.lower) && adjacent(tokens, last[1] + k - 1, last[1] + k)) && adjacent(tokens, span[0] - 1, span[0])) last[1] = span[1];
    else acc.push(span);
    return acc;
  }, []);
  const nameAt = new Int32Array(tokens.length).fill(-1);
  names.forEach(([from, to], k) => nameAt.fill(k, from, to));
  const overlapsName = (c: Candidate) => {
    for (let k = c.tokenFrom; k < c.tokenTo; k++) if (nameAt[k] >= 0) return true;
    return false;
  };
  for (const [from, to] of names) candidates.push(personFromTagger(tokens, slots, from, to, lex, kb));

  // 2. Name chunks: runs of capitalised words (with inner particles), then their title prefixes.
  for (let i = 0; i < tokens.length; i++) {
    if (slots[i].kind !== 'cap' && !isNameLikePhrase(slots, tokens, i)) continue;
    let j = i;
    while (
      j < tokens.length &&
      (j === i || !tokens[j].spaceBefore || tokens[j].spaceBefore) &&
      (slots[j].kind === 'cap' ||
        isNameLikePhrase(slots, tokens, j) ||
        (slots[j].kind === 'particle' && j + 1 < tokens.length && slots[j + 1].kind === 'cap' && j > i)) &&
      (j === i || adjacent(tokens, j - 1, j)) &&
      // A caption label after a name ends it: "… student Ahmed Mohamed Image: Twitter".
      !(j > i && CAPTION_WORDS.has(tokens[j].lower) && tokens[j + 1]?.text === ':')
    ) {
      j++;
      // An organisation's name goes on over "of"/"for"/"on" ("Department of Foreign Affairs", "Ministry of
      // Defence"), so that its tail is not read as a person's name.
      const link = tokens[j];
      if (link && ['of', 'for', 'on'].includes(link.text) && slots[j + 1]?.kind === 'cap' && adjacent(tokens, j - 1, j) &&
          adjacent(tokens, j, j + 1) && tokens.slice(i, j).some((t) => ORGANISATION_WORDS.has(t.lower)))
        j++;
    }
    const chunk = classifyChunk(tokens, slots, i, j, lex, kb, listedAfterPerson(tokens, candidates, i));
    for (const c of chunk ?? []) {
      if (overlapsName(c)) continue;
      // The knowledge base names people whatever the tagger says ("Putin briefed Netanyahu").
      // So do a title before a name, a known first name, a romanised East Asian name, initials, and a name right
      // after an organisation's: patterns the tagger's few thousand training names cover too thinly.
      if ((c.kind === 'person' || c.kind === 'maybe-person') && !c.evidence?.startsWith('knowledge-base') && !(c.kind === 'person' && STRONG_RULE_EVIDENCE.has(c.evidence ?? ''))) candidates.push({ ...c, kind: 'maybe-person', evidence: LINK_ONLY });
      else candidates.push(c);
    }
    i = j - 1;
  }

  // 3. Country, capital and metonym mentions from phrase matches; title-only and descriptive mentions.
  for (let i = 0; i < tokens.length; ) {
    const s = slots[i];
    if (s.kind !== 'phrase') {
      i++;
      continue;
    }
    const m = s.match;
    const v = m.value;
    const start = tokens[m.from].start;
    const end = tokens[m.to - 1].end;
    const base = { start, end, sentence: tokens[m.from].sentence, tokenFrom: m.from, tokenTo: m.to };
    if (v.type === 'country') candidates.push({ ...base, kind: 'country', form: v.form, iso3: v.iso3 });
    else if (v.type === 'demonym') candidates.push({ ...base, kind: 'country', form: 'demonym', iso3: v.iso3 });
    else if (v.type === 'capital') candidates.push({ ...base, kind: 'country', form: 'capital', iso3: v.iso3 });
    else if (v.type === 'metonym')
      candidates.push({ ...base, kind: 'org', form: 'metonym', iso3: v.iso3, orgId: v.id, orgName: v.name });
    else if (v.type === 'org')
      candidates.push({ ...base, kind: 'org', form: 'name', iso3: v.iso3, orgName: v.name });
    else if (v.type === 'title') {
      const tm = titleOnlyMention(tokens, slots, m, lex);
      if (tm) candidates.push(tm);
    }
    i = m.to;
  }

  // 4. Offices of people: "Netanyahu's Office", "the office of Prime Minister X" become organisations.
  addOfficeOrganisations(tokens, candidates);

  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  return { tokens, candidates: dropOverlaps(candidates), speech: findSpeechPatterns(tokens), triggers: findTriggerPatterns(tokens) };
}

function adjacent(tokens: Token[], a: number, b: number): boolean {
  // Single spaces only: a line break or double space ends a name.
  const gap = tokens[b].start - tokens[a].end;
  return gap === 1 || (gap === 0 && tokens[b].text !== "'s");
}

function isNameLikePhrase(slots: Slot[], tokens: Token[], i: number): boolean {
  const s = slots[i];
  if (s.kind !== 'phrase') return false;
  const v = s.match.value;
  // An ambiguous country or capital word next to a capitalised word is part of a name ("Michael Jordan").
  if ((v.type === 'country' || v.type === 'capital') && s.match.to - s.match.from === 1) {
    const lex = lexicon();
    const ambiguous = lex.isAmbiguousCountry(tokens[i].text) || v.type === 'capital';
    if (!ambiguous) return false;
    const prevCap = i > 0 && slots[i - 1].kind === 'cap' && adjacent(tokens, i - 1, i) && lex.isFirstName(tokens[i - 1].lower);
    const nextCap = i + 1 < tokens.length && slots[i + 1].kind === 'cap' && adjacent(tokens, i, i + 1) && !ORGANISATION_WORDS.has(tokens[i + 1].lower);
    return prevCap || (nextCap && v.type === 'country');
  }
  return false;
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

/** A title word not followed by a name: "the PM", "the Russian leader", "the president". */
function titleOnlyMention(tokens: Token[], slots: Slot[], m: PhraseMatch, lex: Lexicon): Candidate | undefined {
  const v = m.value;
  if (v.type !== 'title' || !v.info.office || v.info.kind === 'honorific' || v.info.kind === 'modifier') return undefined;
  const next = tokens[m.to];
  if (next && (next.cap || slots[m.to]?.kind === 'phrase') && adjacent(tokens, m.to - 1, m.to)) return undefined; // a name follows
  if (next && (next.text === 'of' || next.text === 'for') ) return undefined; // "the president of the company"
  // Look left for the determiner and an optional demonym: "the Russian leader", "the PM".
  let from = m.from;
  let country: string | undefined;
  const prevSlot = slots[from - 1];
  if (prevSlot?.kind === 'phrase' && prevSlot.match.value.type === 'demonym') {
    country = prevSlot.match.value.iso3;
    from = prevSlot.match.from;
  }
  const det = tokens[from - 1];
  if (!det || det.lower !== 'the') return undefined;
  const head = tokens.slice(m.from, m.to).map((t) => t.lower).join(' ');
  const isDescription = country !== undefined || !lex.titleForms.has(head) || v.info.kind === 'leader';
  return {
    kind: isDescription ? 'description' : 'title-only',
    form: isDescription ? 'description' : 'title',
    start: tokens[from - 1].start,
    end: tokens[m.to - 1].end,
    sentence: tokens[m.from].sentence,
    tokenFrom: from - 1,
    tokenTo: m.to,
    title: { start: tokens[from].start, end: tokens[m.to - 1].end, office: v.info.office, leader: v.info.leader, country },
  };
}

/**
 * Classifies a run of capitalised tokens [i, j): drops sentence-initial common words, then decides whether
 * what remains is a person's name (with the title words before it) or something else.
 */
function classifyChunk(tokens: Token[], slots: Slot[], i: number, j: number, lex: Lexicon, kb: KnowledgeBase, afterPerson = false): Candidate[] | undefined {
  // Trim common words at the start of a sentence or after an opening quote: "During", "The", "Meanwhile".
  while (i < j && isCommonCapitalised(tokens, i, lex) && !nameStartEvidence(tokens, i, j, lex)) i++;
  while (j > i && slots[j - 1].kind === 'particle') j--;
  if (i >= j) return undefined;
  const words = tokens.slice(i, j);
  const lowers = words.map((w) => w.lower);
  // Organisations and places, not people.
  // A leading org word may be a name ("Park Joo-Ho"); anywhere else it makes an organisation or place.
  const restLooksLikeName = lowers.length > 1 && lowers.slice(1).every((x) => x.length > 2 && !ORGANISATION_WORDS.has(x) && (wordTags(lex, x).length === 0 || wordTags(lex, x).some((t) => NAME_TAGS.has(t))));
  const orgWordAt = lowers.findIndex((w, k) => ORGANISATION_WORDS.has(w) && (k > 0 || !restLooksLikeName));
  // A lone "Office" or "Times" is the tail of a name split by a possessive or a place ("The Moscow Times").
  if (lowers.length === 1 && orgWordAt === 0) return undefined;
  // "Gaza Strip", "West Bank", "Red Sea", "Golan Heights": places, neither people nor organisations.
  if (lowers.length > 1 && GEOGRAPHIC_HEADS.has(lowers[lowers.length - 1])) return undefined;
  if (orgWordAt >= 0 && !(lowers.length >= 2 && lex.isFirstName(lowers[0]) && !ORGANISATION_WORDS.has(lowers[1]))) {
    // "University of Texas Arlington Amneh Jafari": a person's name after an organisation's.
    const person = trailingName(tokens, i, j, orgWordAt, lex, kb);
    if (person) return [...(orgWordAt + i < j - 2 ? orgCandidate(tokens, i, person.tokenFrom) : []), person];
    const eponym = eponymName(tokens, i, orgWordAt, lex);
    return eponym ? [...orgCandidate(tokens, i, j).map((o) => ({ ...o, eponymStart: eponym.start })), eponym] : orgCandidate(tokens, i, j);
  }
  if (words.length >= 2 && SAINT_WORDS.has(lowers[0])) return undefined;
  const title = titlePrefix(tokens, slots, i, lex);
  const nameText = tokens[i].text + tokens.slice(i + 1, j).map((t, k) => ' '.repeat(t.start - tokens[i + k].end) + t.text).join('');
  const kbHits = kb.lookup(nameText);
  const fullKb = kbHits.length > 0 && kb.isFullName(nameText) ? kbHits[0] : undefined;
  const base: Candidate = {
    kind: 'maybe-person',
    form: 'name',
    start: tokens[i].start,
    end: tokens[j - 1].end,
    sentence: tokens[i].sentence,
    tokenFrom: i,
    tokenTo: j,
    nameTokens: words.map((w) => w.text),
    title,
    iso3: title?.country,
  };
  if (fullKb) return [{ ...base, kind: 'person', kbId: fullKb.id, evidence: 'knowledge-base' }];
  const tags = lowers.map((w) => wordTags(lex, w));
  // compromise knows many multi-word places and organisations ("San Francisco", "New York").
  if (words.length > 1 && !title && lex.tagsOf(lowers.join(' ')).some((t) => PLACE_ORG_TAGS.has(t))) return undefined;
  const firstIsFirstName = lex.isFirstName(lowers[0]) && !tags[0].some((t) => t === 'Place' || t === 'Country' || t === 'City');
  const personTitle = title && title.office !== '' ? true : !!title;
  const placeOrOrg = tags.every((ts) => ts.some((t) => PLACE_ORG_TAGS.has(t)) && !ts.some((t) => NAME_TAGS.has(t)));
  if (placeOrOrg && !personTitle) return undefined;
  if (personTitle) return [{ ...base, kind: 'person', evidence: 'title' }];
  if (words.length >= 2 && firstIsFirstName) return [{ ...base, kind: 'person', evidence: 'first-name' }];
  const startEvidence = words.length === 2 ? nameStartEvidence(tokens, i, j, lex) : undefined;
  if (startEvidence) return [{ ...base, kind: 'person', evidence: startEvidence }];
  if (kbHits.length) return [{ ...base, kind: 'maybe-person', kbId: kbHits[0].id, evidence: 'knowledge-base-surname' }];
  const context = speechContext(tokens, i, j);
  const allUnknownOrNames = tags.every((ts, k) => (ts.length === 0 && !ORGANISATION_WORDS.has(lowers[k])) || ts.some((t) => NAME_TAGS.has(t)));
  const acronymInside = words.some((w) => /^\p{Lu}+$/u.test(w.text) && w.text.length > 1);
  if (words.length >= 2 && words.length <= 4 && allUnknownOrNames && !acronymInside)
    return [{ ...base, kind: 'person', evidence: context ? 'speech' : 'unknown-words' }];
  // Mid-sentence, capitals mark a name even when a part is also a common word ("Dean Kamen", "Dries Mertens").
  const nameish = (ts: string[]) => ts.length === 0 || ts.some((t) => NAME_TAGS.has(t));
  const placeish = (ts: string[]) => ts.some((t) => PLACE_ORG_TAGS.has(t)) && !ts.some((t) => NAME_TAGS.has(t));
  // …but only with some evidence beyond the capitals: a speech verb after it, a surname-like last word
  // that compromise knows as a name, or a surname-like last word in a list of people ("Romelu Lukaku,
  // Yannick Carrasco, and Dries Mertens") or before a past-tense verb ("Dries Mertens scored").
  const next = tokens[j];
  // The last word must look like a surname in every case: "the Department of Health and Social Care said".
  const lastIsSurname = surnameLike(words[words.length - 1], lex);
  const personContext = afterPerson || (!!next && adjacent(tokens, j - 1, j) && lex.tagsOf(next.lower).includes('PastTense'));
  if (words.length >= 2 && words.length <= 3 && !acronymInside && !atSentenceStart(tokens, i) && !tags.some(placeish) && !lowers.some(looksCommonWord) &&
      lastIsSurname && (context || personContext || tags[tags.length - 1].some((t) => NAME_TAGS.has(t)) || (tags[tags.length - 1].length === 0 && tags[0].some((t) => t === 'Noun' || t === 'PresentTense') && lex.isFirstName(lowers[0]))))
    return [{ ...base, kind: 'person', evidence: context ? 'speech' : 'capitals' }];
  void nameish;
  if (words.length >= 3) {
    // "Texas Arlington Amneh Jafari": a two- or three-word name after a place or organisation's name.
    const person = trailingName(tokens, i, j, 0, lex, kb);
    if (person) return [person];
  }
  if (words.length === 1 && tokens[i - 1]?.lower === 'the' && GOVERNMENT_HEADS.has(tokens[j]?.lower ?? '') && surnameLike(words[0], lex) &&
      !tags[0].some((t) => t === 'FirstName' || t === 'MaleName' || t === 'FemaleName'))
    return [{ ...base, kind: 'person', evidence: 'government' }];
  if (words.length === 1 && tags[0].some((t) => t === 'LastName' || t === 'Person' || t === 'FirstName' || t === 'MaleName' || t === 'FemaleName'))
    return [{ ...base, kind: 'maybe-person', evidence: context ? 'speech' : 'lexicon' }];
  if (words.length === 1 && allUnknownOrNames && !/^\p{Lu}+$/u.test(words[0].text))
    return [{ ...base, kind: 'maybe-person', evidence: context ? 'speech' : 'unknown-word' }];
  return undefined;
}

// Romanised East Asian given names: two short syllables joined by a hyphen ("Joo-Ho", "Jae-in", "Lung-bin").
const HYPHENATED_GIVEN_NAME_RE = /^\p{Lu}\p{Ll}{1,5}-\p{L}\p{Ll}{1,5}$/u;

/** A surname-like word: unknown to the lexicon (and not a common word by its ending) or a known surname. */
function surnameLike(t: Token, lex: Lexicon): boolean {
  if (!t.cap || ORGANISATION_WORDS.has(t.lower) || !/\p{Ll}/u.test(t.text)) return false;
  const tags = wordTags(lex, t.lower);
  return tags.length === 0 ? !looksCommonWord(t.lower) : tags.some((x) => x === 'LastName' || x === 'Person');
}

/**
 * Evidence that the token at i starts a two-word person's name although the lexicon reads it as a common word:
 * a first name compromise lacks ("Dean Kamen"), a family name before a romanised East Asian given name
 * ("Park Joo-Ho", "Moon Jae-in"), or initials written without dots ("AS Heagle").
 */
function nameStartEvidence(tokens: Token[], i: number, j: number, lex: Lexicon): string | undefined {
  const t = tokens[i];
  const next = tokens[i + 1];
  if (!next || i + 1 >= j || DETERMINERS.has(t.lower) || t.lower === 'i' || !adjacent(tokens, i, i + 1)) return undefined;
  const tags = lex.tagsOf(t.lower);
  if (tags.some((x) => PLACE_ORG_TAGS.has(x))) return undefined;
  if (COMMON_WORD_FIRST_NAMES.has(t.lower) && /^\p{Lu}\p{Ll}+$/u.test(t.text) && surnameLike(next, lex)) return 'first-name';
  if (HYPHENATED_GIVEN_NAME_RE.test(next.text) && /^\p{Lu}\p{Ll}{1,4}$/u.test(t.text) && !ORGANISATION_WORDS.has(next.lower.split('-')[0]))
    return 'east-asian-name';
  if (/^\p{Lu}{1,2}$/u.test(t.text) && surnameLike(next, lex)) return 'initials';
  return undefined;
}

/** Does the chunk at i follow a person's name in a list ("A B, C D and E F")? */
function listedAfterPerson(tokens: Token[], candidates: Candidate[], i: number): boolean {
  const last = candidates[candidates.length - 1];
  if (!last || last.kind !== 'person') return false;
  let k = i - 1;
  if (tokens[k]?.lower === 'and' || tokens[k]?.text === '&') k--;
  if (tokens[k]?.text === ',') k--;
  return k < i - 1 && k === last.tokenTo - 1;
}

function atSentenceStart(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  return !prev || prev.sentence !== tokens[i].sentence || OPENING_PUNCT.has(prev.text);
}

/** A two- or three-word person's name at the end of a longer capitalised run, after `afterIdx` (relative). */
function trailingName(tokens: Token[], i: number, j: number, afterIdx: number, lex: Lexicon, kb: KnowledgeBase): Candidate | undefined {
  for (const len of [3, 2]) {
    const from = j - len;
    if (from <= i + afterIdx || from <= i) continue;
    const words = tokens.slice(from, j);
    const tags = words.map((w) => wordTags(lex, w.lower));
    if (words.some((w) => ORGANISATION_WORDS.has(w.lower) || /^\p{Lu}+$/u.test(w.text) || looksCommonWord(w.lower))) continue;
    // "East Los Angeles": a place compromise knows is no name.
    if (lex.tagsOf(words.map((w) => w.lower).join(' ')).some((t) => PLACE_ORG_TAGS.has(t))) continue;
    const firstName = lex.isFirstName(words[0].lower);
    const firstOk = firstName || tags[0].length === 0;
    // After a known first name, a surname may also be a place's name ("Alia Salem").
    const restOk = tags.slice(1).every((ts) => ts.length === 0 || ts.some((t) => NAME_TAGS.has(t) || (firstName && PLACE_ORG_TAGS.has(t) && t !== 'Demonym')));
    const prevTags = wordTags(lex, tokens[from - 1].lower);
    const prevIsPlaceOrOrg = ORGANISATION_WORDS.has(tokens[from - 1].lower) || looksCommonWord(tokens[from - 1].lower) || prevTags.some((t) => PLACE_ORG_TAGS.has(t)) || prevTags.length > 0 && !prevTags.some((t) => NAME_TAGS.has(t));
    if (!firstOk || !restOk || !prevIsPlaceOrOrg) continue;
    const name = words.map((w) => w.text).join(' ');
    const kbHit = kb.isFullName(name) ? kb.lookup(name)[0] : undefined;
    return nameCandidate(tokens, from, j, 'person', 'after-organisation', kbHit ? { kbId: kbHit.id } : {});
  }
  return undefined;
}


/**
 * The person an organisation is named after, as news annotators count it: a full name before the
 * organisation word, either with a known first name ("John Smith Foundation") or of three unknown words
 * ("Chiang Kai Shek Memorial"); two unknown words are too often a place ("Palo Alto").
 */
function eponymName(tokens: Token[], i: number, orgWordAt: number, lex: Lexicon): Candidate | undefined {
  if (orgWordAt < 2 || orgWordAt > 4 || !EPONYM_HEADS.has(tokens[i + orgWordAt].lower)) return undefined;
  const words = tokens.slice(i, i + orgWordAt);
  const tags = words.map((w) => wordTags(lex, w.lower));
  if (words.some((w) => ORGANISATION_WORDS.has(w.lower) || !/\p{Ll}/u.test(w.text))) return undefined;
  if (!tags.every((ts) => ts.length === 0 || ts.some((t) => NAME_TAGS.has(t)))) return undefined;
  if (lex.tagsOf(words.map((w) => w.lower).join(' ')).some((t) => PLACE_ORG_TAGS.has(t))) return undefined;
  if (!lex.isFirstName(words[0].lower) && words.length < 3) return undefined;
  return nameCandidate(tokens, i, i + orgWordAt, 'person', 'eponym');
}

function orgCandidate(tokens: Token[], i: number, j: number): Candidate[] {
  // Keep "The" of "The Moscow Times" as part of the organisation's name.
  const from = i > 0 && tokens[i - 1].lower === 'the' && tokens[i - 1].cap && adjacent(tokens, i - 1, i) ? i - 1 : i;
  const name = tokens.slice(from, j).map((t) => t.text).join(' ');
  return [
    {
      kind: 'org',
      form: 'name',
      start: tokens[from].start,
      end: tokens[j - 1].end,
      sentence: tokens[i].sentence,
      tokenFrom: from,
      tokenTo: j,
      orgName: name,
    },
  ];
}


/** Is the capitalised token at i an ordinary word capitalised only by its position? */
function isCommonCapitalised(tokens: Token[], i: number, lex: Lexicon): boolean {
  const t = tokens[i];
  const prev = tokens[i - 1];
  const atStart = !prev || prev.sentence !== t.sentence || OPENING_PUNCT.has(prev.text) || !t.spaceBefore && !prev.word;
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

/**
 * Title words before a name, read right to left: "Russian President", "Israeli PM", "former Prime Minister",
 * "Malaysia's Prime Minister", "Afghan Ambassador to the United States", "Minister of Education".
 */
function titlePrefix(tokens: Token[], slots: Slot[], nameStart: number, lex: Lexicon): TitleSpan | undefined {
  let k = nameStart - 1;
  let start = -1;
  let end = -1;
  let office = '';
  let leader = false;
  let country: string | undefined;
  let sawTitle = false;
  let modifier: string | undefined;
  while (k >= 0) {
    const s = slots[k];
    const t = tokens[k];
    if (s.kind === 'phrase' && s.match.value.type === 'title') {
      const info: TitleInfo = s.match.value.info;
      if (info.kind === 'modifier') {
        modifier = t.lower;
        start = tokens[s.match.from].start;
        k = s.match.from - 1;
        continue;
      }
      if (!sawTitle || !office) {
        // The title nearest the name wins ("Prime Minister Mr X" keeps Prime Minister if it comes first).
        if (!office || info.kind !== 'honorific') {
          if (!office || !sawTitle) office = info.office;
          if (info.kind === 'honorific' && sawTitle) office = office || info.office;
        }
      }
      leader = leader || info.leader;
      sawTitle = true;
      start = tokens[s.match.from].start;
      if (end < 0) end = tokens[s.match.to - 1].end;
      k = s.match.from - 1;
      continue;
    }
    if (s.kind === 'phrase' && (s.match.value.type === 'demonym' || s.match.value.type === 'country') && sawTitle) {
      country = s.match.value.iso3;
      start = tokens[s.match.from].start;
      k = s.match.from - 1;
      if (tokens[k]?.text === "'s" || tokens[k]?.text === '’s') break;
      // "Malaysia's Prime Minister": the possessive sits between country and title.
      continue;
    }
    if ((t.text === "'s" || t.text === '’s') && sawTitle && slots[k - 1]?.kind === 'phrase') {
      const v = (slots[k - 1] as { match: PhraseMatch }).match.value;
      if (v.type === 'country') {
        country = v.iso3;
        start = tokens[(slots[k - 1] as { match: PhraseMatch }).match.from].start;
      }
      break;
    }
    // Right after "of"/"for" the capitalised words are the title's complement, not a name
    // ("the secretary general of CEI", "Undersecretary for Education").
    if (!sawTitle && k === nameStart - 1 && (t.lower === 'of' || t.lower === 'for')) break;
    // "Ambassador to the United States", "Minister of Education": skip back over "to/of (the) X".
    if (!sawTitle && (t.lower === 'of' || t.lower === 'to' || t.lower === 'for' || t.word && k < nameStart - 1)) {
      const back = backOverComplement(tokens, slots, k, nameStart);
      if (back !== undefined) {
        k = back.k;
        if (back.country) country = back.country;
        end = tokens[nameStart - 1].end;
        continue;
      }
    }
    break;
  }
  if (!sawTitle) return undefined;
  // Honorific-only titles ("Mr", "Professor") mark a person without an office.
  const onlyHonorific = !office || ['Mr', 'Mrs', 'Ms', 'Dr', 'Professor', 'Sir'].includes(office);
  if (end < 0 || start < 0) return undefined;
  void lex;
  return { start, end, office: onlyHonorific ? '' : office, leader, country, ...(modifier ? { modifier } : {}) };
}

/** From inside "Ambassador to the United States Hamdullah Mohib", walks back to the title word. */
function backOverComplement(tokens: Token[], slots: Slot[], k: number, nameStart: number): { k: number; country?: string } | undefined {
  let country: string | undefined;
  let m = k;
  let steps = 0;
  while (m >= 0 && steps < 6) {
    const s = slots[m];
    if (s.kind === 'phrase' && s.match.value.type === 'country') {
      country = s.match.value.iso3;
      m = s.match.from - 1;
    } else if (['the', 'of', 'to', 'for'].includes(tokens[m].lower) || (tokens[m].cap && s.kind === 'cap')) {
      m--;
    } else if (s.kind === 'phrase' && s.match.value.type === 'title') {
      return { k: m, country };
    } else return undefined;
    steps++;
  }
  void nameStart;
  return undefined;
}

// After a name, a speech verb or these words mark a person ("X spoke", "X met", "X, who …").
const PERSON_AFTER = new Set(['spoke', 'met', 'called', 'who']);

function speechContext(tokens: Token[], i: number, j: number): boolean {
  const next = tokens[j];
  const prev = tokens[i - 1];
  if (next && (QUOTE_VERBS.has(next.lower) || PERSON_AFTER.has(next.lower))) return true;
  if (next && next.text === ',' && tokens[j + 1] && (tokens[j + 1].lower === 'who' || /^\d+$/.test(tokens[j + 1].text))) return true;
  if (prev && (prev.lower === 'said' || prev.lower === 'says' || prev.lower === 'according')) return true;
  // "According to Midland's chief information officer": the source is the officer, not Midland.
  if (prev && prev.lower === 'to' && tokens[i - 2]?.lower === 'according' && !/^['’]s$/.test(next?.text ?? '')) return true;
  return false;
}

/** "Netanyahu's Office", "the office of X": an organisation that speaks for a person. */
function addOfficeOrganisations(tokens: Token[], candidates: Candidate[]): void {
  for (const c of candidates) {
    if (c.kind !== 'person' && c.kind !== 'maybe-person') continue;
    const pos = tokens[c.tokenTo];
    const head = tokens[c.tokenTo + 1];
    if (pos && (pos.text === "'s" || pos.text === '’s') && head && /^(office|spokesman|spokeswoman|spokesperson|government|administration|cabinet|party|campaign)$/i.test(head.text)) {
      candidates.push({
        kind: 'org',
        form: 'name',
        start: c.start,
        end: head.end,
        sentence: c.sentence,
        tokenFrom: c.tokenFrom,
        tokenTo: c.tokenTo + 2,
        orgName: `${tokens.slice(c.tokenFrom, c.tokenTo).map((t) => t.text).join(' ')}'s ${head.text}`,
        ownerStart: c.start,
      });
    }
  }
}

/** Removes candidates fully inside a longer one of an incompatible kind (keeps persons inside their office org). */
function dropOverlaps(cands: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  // Candidates come sorted by start; only those still open at c.start can contain c.
  let open: Candidate[] = [];
  for (const c of cands) {
    if (open.length > 8) open = open.filter((o) => o.end >= c.start);
    const clash = open.find(
      (o) => o.start <= c.start && o.end >= c.end && o !== c && !(o.kind === 'org' && (o.ownerStart !== undefined || o.eponymStart === c.start)) &&
        !(o.kind === 'org' && c.kind === 'country') && !(o.title && c.kind === 'country' && c.end <= o.start),
    );
    if (clash && !(c.kind === 'country' && clash.kind === 'org')) continue;
    out.push(c);
    open.push(c);
  }
  return out;
}

/** Evidence of a name the rules read but the tagger did not tag: it may only join a person named elsewhere. */
export const LINK_ONLY = 'link-only';
/** Rule evidence that makes a person's name without the tagger (measured by cross-validation: see README). */
const STRONG_RULE_EVIDENCE = new Set(['title', 'first-name', 'east-asian-name', 'initials', 'after-organisation', 'speech', 'capitals', 'government', 'eponym']);

/** A tagged name as a candidate, with the title words before it and its knowledge-base record. */
function personFromTagger(tokens: Token[], slots: Slot[], from: number, to: number, lex: Lexicon, kb: KnowledgeBase): Candidate {
  const words = tokens.slice(from, to);
  const nameText = words[0].text + words.slice(1).map((t, k) => ' '.repeat(t.start - words[k].end) + t.text).join('');
  const kbHits = kb.lookup(nameText);
  const fullKb = kbHits.length > 0 && kb.isFullName(nameText) ? kbHits[0] : undefined;
  // "Johnson Space Center": a name inside an organisation's name is no leader's surname.
  const inOrganisation = (() => {
    for (let k = to; k < tokens.length && k < to + 4 && tokens[k].cap && adjacent(tokens, k - 1, k); k++) if (ORGANISATION_WORDS.has(tokens[k].lower)) return true;
    return false;
  })();
  const title = titlePrefix(tokens, slots, from, lex);
  return nameCandidate(tokens, from, to, words.length > 1 || fullKb ? 'person' : 'maybe-person', 'tagger', {
    title,
    iso3: title?.country,
    ...(fullKb ? { kbId: fullKb.id } : kbHits.length && !inOrganisation ? { kbId: kbHits[0].id } : {}),
  });
}

/** A person-name candidate over tokens [from, to). */
function nameCandidate(tokens: Token[], from: number, to: number, kind: CandidateKind, evidence: string, extra: Partial<Candidate> = {}): Candidate {
  return {
    kind,
    form: 'name',
    start: tokens[from].start,
    end: tokens[to - 1].end,
    sentence: tokens[from].sentence,
    tokenFrom: from,
    tokenTo: to,
    nameTokens: tokens.slice(from, to).map((w) => w.text),
    ...extra,
    evidence,
  };
}
