// Token features for the name tagger, in the style of classic news NER (Ratinov and Roth 2009): the word,
// its shape, prefixes and suffixes, its neighbours and their shapes, compromise's lexicon tags, our
// gazetteers (countries, titles, organisations, the leaders knowledge base) and the position in the
// sentence. One paragraph at a time, so the features (and the tags) are cached with the paragraph.
import type { Lexicon } from '../lexicon';
import type { Slot } from '../slots';
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
  // What the context features and capitalised runs ask of a word, looked up once per spelling.
  opener: boolean;
  /** The possessive 's. */
  poss: boolean;
  region: boolean;
  regionWord: boolean;
  det: boolean;
  /** A role noun: a descriptor word or an actor. */
  role: boolean;
  speech: boolean;
  org: boolean;
  particle: boolean;
  firstName: boolean;
}

const titleSlotNames = new Map<string, string>();

function slotName(s: Slot | undefined): string {
  if (!s) return 'none';
  if (s.kind !== 'phrase') return s.kind;
  const v = s.match.value;
  if (v.type !== 'title') return v.type;
  // One string per title kind, not one per token.
  let name = titleSlotNames.get(v.info.kind);
  if (!name) titleSlotNames.set(v.info.kind, (name = `title:${v.info.kind}`));
  return name;
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
  const lower = t.lower;
  w = {
    lower,
    shape: wordShape(t.text),
    groups: [...groups].sort(),
    cap: t.cap,
    word: t.word,
    opener: OPENERS.has(t.text),
    poss: /^['’]s$/i.test(t.text),
    region: REGIONS.has(lower),
    regionWord: REGION_WORDS.has(lower),
    det: DETERMINERS.has(lower),
    role: DESCRIPTOR_WORDS.has(lower) || groups.has('actor'),
    speech: SPEECH_VERBS.has(lower),
    org: ORGANISATION_WORDS.has(lower),
    particle: NAME_PARTICLES.has(lower),
    firstName: groups.has('first') || groups.has('male') || groups.has('female'),
  };
  wordInfos.set(t.text, w);
  return w;
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
  if (x.org) f.push('orgw');
  if (GEOGRAPHIC_HEADS.has(x.lower)) f.push('geo');
  if (COMMON_CAPITALISED.has(x.lower)) f.push('commoncap');
  if (looksCommonWord(x.lower)) f.push('commonsuffix');
  if (DESCRIPTOR_WORDS.has(x.lower)) f.push('descriptor');
  if (CAPTION_WORDS.has(x.lower)) f.push('caption');
  if (x.particle) f.push('particle');
  if (SAINT_WORDS.has(x.lower)) f.push('saint');
  if (x.det) f.push('det');
  return f;
}

/** Features a word gives the token `name` positions away (m2, m1, p1, p2), from its spelling alone. */
export function neighbourFeatures(y: WordInfo, name: string, nameWords: NameWords): string[] {
  const f = [`${name}w=${y.lower}`];
  if (name === 'm1' || name === 'p1') {
    f.push(`${name}sh=${y.shape}`);
    for (const g of y.groups) f.push(`${name}g=${g}`);
    if (nameWords.has(y.lower)) f.push(`${name}kb`);
    if (y.org) f.push(`${name}orgw`);
    if (y.speech) f.push(`${name}speech`);
  }
  return f;
}

/**
 * A context feature's name, or its start: the feature is `name`, `name + a` or `name + a + '|' + b` (see
 * FeatureSink). Context features are the per-token work, so at run time their names are not built: their
 * weights are looked up by the template and the parts.
 */
interface Template {
  readonly id: number;
  readonly name: string;
}
const TEMPLATES: Template[] = [];
function template(name: string): Template {
  const t = { id: TEMPLATES.length, name };
  TEMPLATES.push(t);
  return t;
}
const SLOT = template('sl=');
const SENTENCE_START = template('ss');
const SENTENCE_START_SHAPE = template('ss&sh=');
const LOWER_SEEN = template('lowerseen');
const REGION = template('region');
const PREVIOUS_SLOT_SHAPE = template('m1sl&sh=');
const GLUED = template('glued');
const POSSESSIVE = template('poss');
const RUN = template('run=');
const RUN_FIRST = template('run&first=');
const RUN_ORG = template('run&org=');
const RUN_BEFORE = template('run&before=');
const RUN_AFTER = template('run&after=');
const RUN_SENTENCE_START = template('run&ss=');
const NEIGHBOUR_TEMPLATES = NEIGHBOURS.map(([d, name]) => ({
  d,
  none: template(`${name}=none`),
  slot: template(`${name}sl=`),
  shapes: d === -1 || d === 1 ? template(`${name}sh&sh=`) : undefined,
}));
const RUN_LENGTHS = ['0', '1', '2', '3', '4'];

/** Where context features go: their names (training), or their weights straight into the scores (run time). */
interface FeatureSink {
  /** The feature `t.name`. */
  constant(t: Template): void;
  /** The feature `t.name + a`. */
  one(t: Template, a: string): void;
  /** The feature `t.name + a + '|' + b`. */
  two(t: Template, a: string, b: string): void;
}

class FeatureNames implements FeatureSink {
  constructor(readonly names: string[]) {}
  constant(t: Template): void {
    this.names.push(t.name);
  }
  one(t: Template, a: string): void {
    this.names.push(t.name + a);
  }
  two(t: Template, a: string, b: string): void {
    this.names.push(`${t.name}${a}|${b}`);
  }
}

/** Features of token i that depend on its context: slots, sentence position, runs, neighbours' shapes. */
function contextFeatures(tokens: Token[], c: ParagraphContext, i: number, out: FeatureSink): void {
  const { info, slots, runs, lowerSeen } = c;
  const n = tokens.length;
  const t = tokens[i];
  const x = info[i];
  const prev = i > 0 ? tokens[i - 1] : undefined;
  out.one(SLOT, slots[i]);
  const start = !prev || prev.sentence !== t.sentence || info[i - 1].opener;
  if (start) {
    out.constant(SENTENCE_START);
    out.one(SENTENCE_START_SHAPE, x.shape);
  }
  if (x.cap && lowerSeen.has(x.lower)) out.constant(LOWER_SEEN);
  if (x.region) out.constant(REGION);
  else if (x.regionWord && (REGIONS.has(`${info[i - 1]?.lower} ${x.lower}`) || REGIONS.has(`${x.lower} ${info[i + 1]?.lower}`))) out.constant(REGION);
  out.two(PREVIOUS_SLOT_SHAPE, i > 0 ? slots[i - 1] : 'none', x.shape);
  if (t.cap && !t.spaceBefore && prev && prev.word) out.constant(GLUED);
  for (const nt of NEIGHBOUR_TEMPLATES) {
    const j = i + nt.d;
    if (j < 0 || j >= n) {
      out.constant(nt.none);
      continue;
    }
    out.one(nt.slot, slots[j]);
    if (nt.shapes) out.two(nt.shapes, info[j].shape, x.shape);
  }
  if (i + 1 < n && info[i + 1].poss) out.constant(POSSESSIVE);
  const r = runs[i];
  if (r) {
    const len = r.to - r.from;
    const pos = len === 1 ? 'S' : i === r.from ? 'B' : i === r.to - 1 ? 'E' : 'I';
    out.two(RUN, RUN_LENGTHS[Math.min(len, 4)], pos);
    out.two(RUN_FIRST, pos, String(r.firstName));
    out.two(RUN_ORG, pos, String(r.org));
    out.two(RUN_BEFORE, pos, r.before);
    out.two(RUN_AFTER, pos, r.after);
    if (r.start) out.two(RUN_SENTENCE_START, pos, String(len > 1));
  }
}

interface ParagraphContext {
  info: WordInfo[];
  slots: string[];
  runs: (CapitalisedRun | undefined)[];
  lowerSeen: Set<string>;
}

function paragraphContext(tokens: Token[], info: WordInfo[], slots: Slot[]): ParagraphContext {
  const names = new Array<string>(tokens.length);
  for (let i = 0; i < tokens.length; i++) names[i] = slotName(slots[i]);
  const lowerSeen = new Set<string>();
  for (const x of info) if (x.word && !x.cap) lowerSeen.add(x.lower);
  return { info, slots: names, runs: capitalisedRuns(tokens, info, names), lowerSeen };
}

/**
 * Features of every token of a paragraph (for training). `nameWords` are the words of known leaders' names;
 * `lowerSeen` are the words the paragraph also writes in lower case (a capitalised common word at a sentence start).
 */
export function paragraphFeatures(tokens: Token[], slots: Slot[], lex: Lexicon, nameWords: NameWords): string[][] {
  const c = paragraphContext(tokens, tokens.map((t) => wordInfo(t, lex)), slots);
  return tokens.map((_, i) => {
    const f = spellingFeatures(c.info[i], nameWords);
    contextFeatures(tokens, c, i, new FeatureNames(f));
    for (const [d, name] of NEIGHBOURS) if (c.info[i + d]) f.push(...neighbourFeatures(c.info[i + d], name, nameWords));
    return f;
  });
}

/** A feature's weights, one per label; null when the model does not have the feature. */
type Row = Float64Array | null;

function sumWeights(model: SequenceModel, features: string[]): Float64Array {
  const L = model.labels.length;
  const out = new Float64Array(L);
  for (const f of features) {
    const w = model.weights.get(f);
    if (w) for (let y = 0; y < L; y++) out[y] += w[y];
  }
  return out;
}

/** Run time: context features' weights summed per token, each looked up once by its template and parts. */
class ContextScores implements FeatureSink {
  /** The current token's sum (added in the order of `contextFeatures`, as `sumWeights` would). */
  readonly sum: Float64Array;
  private readonly constants: (Row | undefined)[] = [];
  private readonly ones: Map<string, Row>[] = TEMPLATES.map(() => new Map());
  private readonly twos: Map<string, Map<string, Row>>[] = TEMPLATES.map(() => new Map());
  private size = 0;

  constructor(private readonly model: SequenceModel) {
    this.sum = new Float64Array(model.labels.length);
  }

  private row(name: string): Row {
    const w = this.model.weights.get(name);
    return w ? Float64Array.from(w) : null;
  }

  private add(r: Row): void {
    if (!r) return;
    const s = this.sum;
    for (let y = 0; y < s.length; y++) s[y] += r[y];
  }

  constant(t: Template): void {
    let r = this.constants[t.id];
    if (r === undefined) r = this.constants[t.id] = this.row(t.name);
    this.add(r);
  }

  one(t: Template, a: string): void {
    const m = this.ones[t.id];
    let r = m.get(a);
    if (r === undefined) {
      m.set(a, (r = this.row(t.name + a)));
      this.size++;
    }
    this.add(r);
  }

  two(t: Template, a: string, b: string): void {
    const byA = this.twos[t.id];
    let m = byA.get(a);
    if (!m) byA.set(a, (m = new Map()));
    let r = m.get(b);
    if (r === undefined) {
      m.set(b, (r = this.row(`${t.name}${a}|${b}`)));
      this.size++;
    }
    this.add(r);
  }

  /** Shapes and punctuation are open sets: past `max` entries, start again. */
  bound(max: number): void {
    if (this.size <= max) return;
    for (const m of this.ones) m.clear();
    for (const m of this.twos) m.clear();
    this.size = 0;
  }
}

/** A spelling's own scores: its spelling features, and what it gives each neighbour (m2, m1, p1, p2). */
interface WordScores {
  info: WordInfo;
  spelling: Float64Array;
  neighbour: Float64Array[];
}

interface Scorer {
  nameWords: NameWords;
  words: Map<string, WordScores>;
  context: ContextScores;
}
const scorers = new WeakMap<SequenceModel, Scorer[]>();

function scorer(model: SequenceModel, nameWords: NameWords): Scorer {
  let list = scorers.get(model);
  if (!list) scorers.set(model, (list = []));
  let s = list.find((c) => c.nameWords === nameWords);
  if (!s) list.push((s = { nameWords, words: new Map(), context: new ContextScores(model) }));
  return s;
}

function wordScores(model: SequenceModel, s: Scorer, t: Token, lex: Lexicon): WordScores {
  let w = s.words.get(t.text);
  if (!w) {
    const info = wordInfo(t, lex);
    w = {
      info,
      spelling: sumWeights(model, spellingFeatures(info, s.nameWords)),
      neighbour: NEIGHBOURS.map(([, name]) => sumWeights(model, neighbourFeatures(info, name, s.nameWords))),
    };
    s.words.set(t.text, w);
  }
  return w;
}

/**
 * Emission scores of a paragraph's tokens, the same sums as over `paragraphFeatures` (in the same order: the
 * spelling features, the context features, the neighbours'), with the features that depend on a spelling
 * alone summed once per spelling and model (words repeat: this was most of the work), and the context
 * features' weights looked up by their parts without building their names.
 */
export function paragraphEmissions(model: SequenceModel, tokens: Token[], slots: Slot[], lex: Lexicon, nameWords: NameWords): Float64Array {
  const s = scorer(model, nameWords);
  if (s.words.size > 100_000) s.words.clear();
  s.context.bound(100_000);
  const n = tokens.length;
  const L = model.labels.length;
  const words = new Array<WordScores>(n);
  const info = new Array<WordInfo>(n);
  for (let i = 0; i < n; i++) info[i] = (words[i] = wordScores(model, s, tokens[i], lex)).info;
  const c = paragraphContext(tokens, info, slots);
  const ctx = s.context;
  const sum = ctx.sum;
  const scores = new Float64Array(n * L);
  for (let i = 0; i < n; i++) {
    const base = i * L;
    const sp = words[i].spelling;
    for (let y = 0; y < L; y++) scores[base + y] = sp[y];
    sum.fill(0);
    contextFeatures(tokens, c, i, ctx);
    for (let y = 0; y < L; y++) scores[base + y] += sum[y];
    for (let k = 0; k < NEIGHBOURS.length; k++) {
      const j = i + NEIGHBOURS[k][0];
      if (j < 0 || j >= n) continue;
      const nb = words[j].neighbour[k];
      for (let y = 0; y < L; y++) scores[base + y] += nb[y];
    }
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
function capitalisedRuns(tokens: Token[], info: WordInfo[], slots: string[]): (CapitalisedRun | undefined)[] {
  const out: (CapitalisedRun | undefined)[] = new Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i].cap || !tokens[i].word) continue;
    let j = i + 1;
    while (j < tokens.length && tokens[j].start - tokens[j - 1].end === 1 && tokens[j].word && (tokens[j].cap || (info[j].particle && tokens[j + 1]?.cap))) j++;
    const prev = i > 0 ? tokens[i - 1] : undefined;
    const next = j < tokens.length ? tokens[j] : undefined;
    const before = !prev
      ? 'none'
      : slots[i - 1].startsWith('title') ? 'title'
      : info[i - 1].det ? 'det'
      : info[i - 1].role ? 'role'
      : prev.word ? (prev.cap ? 'cap' : 'lower')
      : info[i - 1].opener ? 'open' : prev.text;
    const after = !next
      ? 'none'
      : info[j].speech ? 'speech'
      : info[j].poss ? 'poss'
      : next.word ? (next.cap ? 'cap' : next.lower === 'who' ? 'who' : 'lower')
      : next.text === ',' ? ',' : next.text === '.' ? '.' : 'punct';
    let org = false;
    for (let k = i; k < j && !org; k++) org = info[k].org;
    const run: CapitalisedRun = { from: i, to: j, firstName: info[i].firstName, org, before, after, start: !prev || prev.sentence !== tokens[i].sentence || info[i - 1].opener };
    for (let k = i; k < j; k++) out[k] = run;
    i = j - 1;
  }
  return out;
}
