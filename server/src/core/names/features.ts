// Token features for the name tagger, in the style of classic news NER (Ratinov and Roth 2009): the word,
// its shape, prefixes and suffixes, its neighbours and their shapes, compromise's lexicon tags, our
// gazetteers (countries, titles, organisations, the leaders knowledge base) and the position in the
// sentence. One paragraph at a time, so the features (and the tags) are cached with the paragraph.
import type { Lexicon } from '../lexicon';
import type { Slot } from '../mentions';
import type { Token } from '../text';
import type { SequenceModel } from './perceptron';
import {
  CAPTION_WORDS, COMMON_CAPITALISED, DESCRIPTOR_WORDS, DETERMINERS, GEOGRAPHIC_HEADS, looksCommonWord, NAME_PARTICLES,
  ORGANISATION_WORDS, REGIONS, REGION_WORDS, SAINT_WORDS, SPEECH_VERBS,
} from '../vocabulary';

const OPENERS = new Set(['"', '“', '‘', "'", '«', '»', '„', '(', '[', '—', '–', '-', ':', '``']);
// compromise's tags that say something about names; its other tags are folded into a few groups.
const TAG_GROUPS: Record<string, string> = {
  FirstName: 'first', MaleName: 'male', FemaleName: 'female', LastName: 'last', Person: 'person', Honorific: 'hon',
  Place: 'place', City: 'place', Country: 'place', Region: 'place', Organization: 'org', SportsTeam: 'org',
  Demonym: 'demonym', Month: 'date', WeekDay: 'date', Date: 'date', Holiday: 'date', Actor: 'actor',
  Verb: 'verb', PastTense: 'verb', PresentTense: 'verb', Infinitive: 'verb', Gerund: 'verb', Participle: 'verb', PhrasalVerb: 'verb',
  Adjective: 'adj', Comparative: 'adj', Superlative: 'adj', Adverb: 'adv', Noun: 'noun', Singular: 'noun', Plural: 'plural',
  Uncountable: 'noun', Determiner: 'func', Preposition: 'func', Conjunction: 'func', Pronoun: 'func', Copula: 'func',
  Modal: 'func', QuestionWord: 'func', Negative: 'func', Possessive: 'func', Reflexive: 'func', Condition: 'func',
  Cardinal: 'num', Ordinal: 'num', TextValue: 'num', Value: 'num', Expression: 'expr', Abbreviation: 'abbr',
  Unit: 'noun', Currency: 'noun', ProperNoun: 'proper', Leader: 'leader', Title: 'title', Metonym: 'metonym',
};

/** The word's shape: letters to X/x, digits to d, runs collapsed ("McCain" → "XxXx", "U.S." → "X.X."). */
export function wordShape(text: string): string {
  let out = '';
  let last = '';
  for (const ch of text) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : /\p{L}/u.test(ch) ? 'x' : ch;
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

interface WordInfo {
  lower: string;
  shape: string;
  groups: string[];
  cap: boolean;
  word: boolean;
}

interface TokenInfo extends WordInfo {
  slot: string;
}

function slotName(s: Slot | undefined): string {
  if (!s) return 'none';
  if (s.kind !== 'phrase') return s.kind;
  const v = s.match.value;
  if (v.type === 'title') return `title:${v.info.kind}`;
  return v.type;
}

const wordInfos = new Map<string, WordInfo>();

/** What a spelling says by itself (its shape, compromise's tag groups); computed once per spelling. */
function wordInfo(t: Token, lex: Lexicon): WordInfo {
  let w = wordInfos.get(t.text);
  if (w) return w;
  if (wordInfos.size > 100_000) wordInfos.clear();
  const groups = new Set<string>();
  for (const tag of lex.tagsOf(t.lower)) {
    const g = TAG_GROUPS[tag];
    if (g) groups.add(g);
  }
  w = { lower: t.lower, shape: wordShape(t.text), groups: [...groups].sort(), cap: t.cap, word: t.word };
  wordInfos.set(t.text, w);
  return w;
}

function tokenInfo(t: Token, slot: Slot | undefined, lex: Lexicon): TokenInfo {
  return { ...wordInfo(t, lex), slot: slotName(slot) };
}

/** Lower-case words of the knowledge base's names ("putin", "netanyahu"), per knowledge base. */
export type NameWords = ReadonlySet<string>;

const NEIGHBOURS = [[-2, 'm2'], [-1, 'm1'], [1, 'p1'], [2, 'p2']] as const;

/** Features of a token that depend on its spelling alone (and the knowledge base's name words). */
export function spellingFeatures(x: WordInfo, nameWords: NameWords): string[] {
  const f: string[] = ['b', `w=${x.lower}`, `sh=${x.shape}`];
  const n = x.lower.length;
  if (x.word) {
    if (n > 3) f.push(`p3=${x.lower.slice(0, 3)}`, `s3=${x.lower.slice(-3)}`);
    if (n > 4) f.push(`s4=${x.lower.slice(-4)}`);
    if (n > 2) f.push(`s2=${x.lower.slice(-2)}`);
  }
  for (const g of x.groups) f.push(`g=${g}`, `g&cap=${g}|${x.cap}`);
  if (!x.groups.length) f.push(`g=unknown|${x.cap}`);
  if (nameWords.has(x.lower)) f.push('kb');
  if (ORGANISATION_WORDS.has(x.lower)) f.push('orgw');
  if (GEOGRAPHIC_HEADS.has(x.lower)) f.push('geo');
  if (COMMON_CAPITALISED.has(x.lower)) f.push('commoncap');
  if (looksCommonWord(x.lower)) f.push('commonsuffix');
  if (DESCRIPTOR_WORDS.has(x.lower)) f.push('descriptor');
  if (CAPTION_WORDS.has(x.lower)) f.push('caption');
  if (NAME_PARTICLES.has(x.lower)) f.push('particle');
  if (SAINT_WORDS.has(x.lower)) f.push('saint');
  if (DETERMINERS.has(x.lower)) f.push('det');
  return f;
}

/** Features a word gives the token `name` positions away (m2, m1, p1, p2), from its spelling alone. */
export function neighbourFeatures(y: WordInfo, name: string, nameWords: NameWords): string[] {
  const f = [`${name}w=${y.lower}`];
  if (name === 'm1' || name === 'p1') {
    f.push(`${name}sh=${y.shape}`);
    for (const g of y.groups) f.push(`${name}g=${g}`);
    if (nameWords.has(y.lower)) f.push(`${name}kb`);
    if (ORGANISATION_WORDS.has(y.lower)) f.push(`${name}orgw`);
    if (SPEECH_VERBS.has(y.lower)) f.push(`${name}speech`);
  }
  return f;
}

/** Features of token i that depend on its context: slots, sentence position, runs, neighbours' shapes. */
function contextFeatures(tokens: Token[], info: TokenInfo[], runs: (CapitalisedRun | undefined)[], lowerSeen: Set<string>, i: number): string[] {
  const t = tokens[i];
  const x = info[i];
  const prev = tokens[i - 1];
  const f: string[] = [`sl=${x.slot}`];
  const start = !prev || prev.sentence !== t.sentence || OPENERS.has(prev.text);
  if (start) f.push('ss', `ss&sh=${x.shape}`);
  if (x.cap && lowerSeen.has(x.lower)) f.push('lowerseen');
  if (REGIONS.has(x.lower)) f.push('region');
  else if (REGION_WORDS.has(x.lower) && (REGIONS.has(`${info[i - 1]?.lower} ${x.lower}`) || REGIONS.has(`${x.lower} ${info[i + 1]?.lower}`))) f.push('region');
  f.push(`m1sl&sh=${info[i - 1]?.slot ?? 'none'}|${x.shape}`);
  if (t.cap && !t.spaceBefore && prev && prev.word) f.push('glued');
  for (const [d, name] of NEIGHBOURS) {
    const y = info[i + d];
    if (!y) {
      f.push(`${name}=none`);
      continue;
    }
    f.push(`${name}sl=${y.slot}`);
    if (d === -1 || d === 1) f.push(`${name}sh&sh=${y.shape}|${x.shape}`);
  }
  if (tokens[i + 1] && /^['’]s$/i.test(tokens[i + 1].text)) f.push('poss');
  const r = runs[i];
  if (r) {
    const len = r.to - r.from;
    const pos = len === 1 ? 'S' : i === r.from ? 'B' : i === r.to - 1 ? 'E' : 'I';
    f.push(`run=${Math.min(len, 4)}|${pos}`, `run&first=${pos}|${r.firstName}`, `run&org=${pos}|${r.org}`, `run&before=${pos}|${r.before}`, `run&after=${pos}|${r.after}`);
    if (r.start) f.push(`run&ss=${pos}|${len > 1}`);
  }
  return f;
}

interface ParagraphContext {
  info: TokenInfo[];
  runs: (CapitalisedRun | undefined)[];
  lowerSeen: Set<string>;
}

function paragraphContext(tokens: Token[], slots: Slot[], lex: Lexicon): ParagraphContext {
  const info = tokens.map((t, i) => tokenInfo(t, slots[i], lex));
  const lowerSeen = new Set<string>();
  for (const t of tokens) if (t.word && !t.cap) lowerSeen.add(t.lower);
  return { info, runs: capitalisedRuns(tokens, info), lowerSeen };
}

/**
 * Features of every token of a paragraph (for training). `nameWords` are the words of known leaders' names;
 * `lowerSeen` are the words the paragraph also writes in lower case (a capitalised common word at a sentence start).
 */
export function paragraphFeatures(tokens: Token[], slots: Slot[], lex: Lexicon, nameWords: NameWords): string[][] {
  const { info, runs, lowerSeen } = paragraphContext(tokens, slots, lex);
  return tokens.map((_, i) => {
    const f = [...spellingFeatures(info[i], nameWords), ...contextFeatures(tokens, info, runs, lowerSeen, i)];
    for (const [d, name] of NEIGHBOURS) if (info[i + d]) f.push(...neighbourFeatures(info[i + d], name, nameWords));
    return f;
  });
}

interface ScoreCache {
  nameWords: NameWords;
  spelling: Map<string, Float64Array>;
  neighbour: Map<string, Float64Array>[];
}
const scoreCaches = new WeakMap<SequenceModel, ScoreCache[]>();

function sumWeights(model: SequenceModel, features: string[]): Float64Array {
  const L = model.labels.length;
  const out = new Float64Array(L);
  for (const f of features) {
    const w = model.weights.get(f);
    if (w) for (let y = 0; y < L; y++) out[y] += w[y];
  }
  return out;
}

/**
 * Emission scores of a paragraph's tokens, the same sums as over `paragraphFeatures` but with the features
 * that depend on a spelling alone summed once per spelling and model (words repeat: this is most of the work).
 */
export function paragraphEmissions(model: SequenceModel, tokens: Token[], slots: Slot[], lex: Lexicon, nameWords: NameWords): Float64Array {
  let caches = scoreCaches.get(model);
  if (!caches) scoreCaches.set(model, (caches = []));
  let cache = caches.find((c) => c.nameWords === nameWords);
  if (!cache) caches.push((cache = { nameWords, spelling: new Map(), neighbour: NEIGHBOURS.map(() => new Map()) }));
  if (cache.spelling.size > 100_000) {
    cache.spelling.clear();
    for (const m of cache.neighbour) m.clear();
  }
  const { info, runs, lowerSeen } = paragraphContext(tokens, slots, lex);
  const L = model.labels.length;
  const scores = new Float64Array(tokens.length * L);
  const add = (base: number, v: Float64Array) => {
    for (let y = 0; y < L; y++) scores[base + y] += v[y];
  };
  for (let i = 0; i < tokens.length; i++) {
    const base = i * L;
    const text = tokens[i].text;
    let sp = cache.spelling.get(text);
    if (!sp) cache.spelling.set(text, (sp = sumWeights(model, spellingFeatures(info[i], nameWords))));
    add(base, sp);
    add(base, sumWeights(model, contextFeatures(tokens, info, runs, lowerSeen, i)));
    NEIGHBOURS.forEach(([d, name], k) => {
      const y = info[i + d];
      if (!y) return;
      const key = tokens[i + d].text;
      let nb = cache!.neighbour[k].get(key);
      if (!nb) cache!.neighbour[k].set(key, (nb = sumWeights(model, neighbourFeatures(y, name, nameWords))));
      add(base, nb);
    });
  }
  return scores;
}

interface CapitalisedRun {
  from: number;
  to: number;
  /** The run starts with a known first name. */
  firstName: boolean;
  /** An organisation word is in the run. */
  org: boolean;
  /** What stands before it: a title, a determiner, a role noun, a lower-case word, punctuation, nothing. */
  before: string;
  /** What follows: a speech verb, a possessive, a comma, a lower-case word, another... */
  after: string;
  start: boolean;
}

/** Runs of adjacent capitalised words (with particles inside), and what surrounds them. */
function capitalisedRuns(tokens: Token[], info: TokenInfo[]): (CapitalisedRun | undefined)[] {
  const out: (CapitalisedRun | undefined)[] = new Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i].cap || !tokens[i].word) continue;
    let j = i + 1;
    while (j < tokens.length && tokens[j].start - tokens[j - 1].end === 1 && tokens[j].word && (tokens[j].cap || (NAME_PARTICLES.has(tokens[j].lower) && tokens[j + 1]?.cap))) j++;
    const prev = tokens[i - 1];
    const prevInfo = info[i - 1];
    const next = tokens[j];
    const before = !prev
      ? 'none'
      : prevInfo.slot.startsWith('title') ? 'title'
      : DETERMINERS.has(prev.lower) ? 'det'
      : DESCRIPTOR_WORDS.has(prev.lower) || prevInfo.groups.includes('actor') ? 'role'
      : prev.word ? (prev.cap ? 'cap' : 'lower')
      : OPENERS.has(prev.text) ? 'open' : prev.text;
    const after = !next
      ? 'none'
      : SPEECH_VERBS.has(next.lower) ? 'speech'
      : /^['’]s$/i.test(next.text) ? 'poss'
      : next.word ? (next.cap ? 'cap' : next.lower === 'who' ? 'who' : 'lower')
      : next.text === ',' ? ',' : next.text === '.' ? '.' : 'punct';
    const run: CapitalisedRun = {
      from: i,
      to: j,
      firstName: info[i].groups.includes('first') || info[i].groups.includes('male') || info[i].groups.includes('female'),
      org: tokens.slice(i, j).some((t) => ORGANISATION_WORDS.has(t.lower)),
      before,
      after,
      start: !prev || prev.sentence !== tokens[i].sentence || OPENERS.has(prev.text),
    };
    for (let k = i; k < j; k++) out[k] = run;
    i = j - 1;
  }
  return out;
}
