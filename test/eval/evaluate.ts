// Accuracy harness: measures the engine against human annotation. Not a test — it always exits 0 unless
// a fixture is malformed (exit 2).
//
//   npm run build && node out/test/eval/evaluate.js [--json] [--verbose] [--only=gum,wire,intl]
//
// 1. GUM news dev set (shared/data/gum-news-dev.jsonl; NEWS_LENS_SHARED overrides the shared folder):
//    person-name mentions (any overlap / exact boundaries) and country-name mentions (overlap + same ISO3).
// 2. Our quote corpora (test/fixtures/quotes/wire, intl): direct-quote P/R/F1 (≥ 50% overlap of the
//    longer span, and exact), speaker accuracy, interactions, people.
import fs from 'node:fs';
import path from 'node:path';
import { analyzeArticle } from '../../server/src/core';
import { formatAttributionScores, loadAttributionSet, scoreAttributionSet } from './attribution-set';
import { crossValidateNames, formatCrossValidation } from './cross-validation';
import { greedyMatch, overlap, prf, type Interval, type PRF } from './scoring';

export { greedyMatch, overlap, prf, type PRF };
import type { Analysis, Entity, Quote } from '../../server/src/core/types';
import {
  foldText,
  listQuoteCorpora,
  loadQuoteCorpus,
  quoteFixturesDir,
  sharedDir,
  type QuoteFixture,
  type ResolvedGoldQuote,
} from './quote-fixtures';

// ---------------------------------------------------------------------------------------------------
// Generic scoring (test/eval/scoring.ts)

const anyOverlap = (g: Interval, p: Interval) => {
  const o = overlap(g, p);
  return o > 0 ? o : null;
};
const exactSpan = (g: Interval, p: Interval) => (g.start === p.start && g.end === p.end ? 1 : null);
/** Overlap of at least half of the longer span; the score prefers larger overlap ratios. */
const halfOfLonger = (g: Interval, p: Interval) => {
  const o = overlap(g, p);
  const longer = Math.max(g.end - g.start, p.end - p.start);
  return longer > 0 && o / longer >= 0.5 ? o / longer : null;
};

// ---------------------------------------------------------------------------------------------------
// Names

const HONORIFICS = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'rev', 'rt',
  'sen', 'senator', 'rep', 'gov', 'governor', 'president', 'prime', 'minister', 'chancellor', 'judge',
  'king', 'queen', 'sheikh', 'sheik', 'pm',
]);
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'kc', 'qc', 'mp', 'phd']);

/** Folded name tokens without a leading "the", honorifics, possessive "s" or suffixes like Jr./KC. */
export function nameTokens(name: string): string[] {
  let t = foldText(name).split(' ').filter(Boolean);
  if (t[0] === 'the') t = t.slice(1);
  while (t.length > 1 && HONORIFICS.has(t[0])) t = t.slice(1);
  while (t.length > 1 && SUFFIXES.has(t[t.length - 1])) t = t.slice(0, -1);
  return t;
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

const sameSurname = (a: string, b: string) => a === b || (a.length >= 5 && b.length >= 5 && editDistanceAtMostOne(a, b));

/**
 * Whether two names denote the same speaker: case, diacritics, punctuation and a leading "the" are
 * ignored ("the Kremlin" = "Kremlin", "Šefčovič" = "Sefcovic"); a single word matches the first or
 * last word of a longer name ("Putin" = "Vladimir Putin", "Xi" = "Xi Jinping"); full names match when
 * the surnames agree (one spelling slip allowed: Zelensky/Zelenskyy) and the first names agree or share
 * the initial (Mahmud/Mahmoud Abbas); an organisation name matches a longer one it ends
 * ("Foreign Ministry" = "Russian Foreign Ministry").
 */
export function namesMatch(a: string, b: string, type?: 'person' | 'organization' | 'country'): boolean {
  const x = nameTokens(a);
  const y = nameTokens(b);
  if (!x.length || !y.length) return false;
  if (x.join(' ') === y.join(' ')) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  // Organisations: no surname logic ("House" is not "the White House"), only a multi-word suffix.
  if (type === 'organization') return short.length >= 2 && long.slice(long.length - short.length).join(' ') === short.join(' ');
  if (short.length === 1) return sameSurname(short[0], long[long.length - 1]) || short[0] === long[0];
  if (sameSurname(short[short.length - 1], long[long.length - 1]) && short[0][0] === long[0][0]) return true;
  // Organisation suffix: "foreign ministry" vs "russian foreign ministry".
  return long.slice(long.length - short.length).join(' ') === short.join(' ');
}

const SPEAKER_MENTION_FORMS = new Set(['name', 'acronym', 'capital', 'metonym']);

/** Does the predicted speaker entity denote the gold speaker (or one of its accepted alternatives)? */
export function speakerMatches(
  entity: Entity | undefined,
  gold: string,
  alts: string[] = [],
  goldType?: 'person' | 'organization' | 'country',
): boolean {
  if (!entity) return false;
  const wanted = [gold, ...alts];
  if (namesMatch(entity.name, gold, goldType) || alts.some((w) => namesMatch(entity.name, w))) return true;
  // The entity is named in the text by the gold speaker's words ("the Kremlin" as a metonym of Russia).
  const exact = new Set(wanted.map((w) => nameTokens(w).join(' ')));
  return entity.mentions.some((m) => SPEAKER_MENTION_FORMS.has(m.form) && exact.has(nameTokens(m.text).join(' ')));
}

// ---------------------------------------------------------------------------------------------------
// Running the engine

interface RunResult {
  analysis: Analysis;
  ms: number;
  error?: string;
  badSpans: number;
}

const EMPTY: Analysis = {
  schema: 'news-lens/annotations@1',
  source: { length: 0 },
  entities: [],
  quotes: [],
  interactions: [],
  diagnostics: [],
};

function run(text: string, date?: string): RunResult {
  const t0 = process.hrtime.bigint();
  try {
    const analysis = analyzeArticle(text, date ? { date } : {});
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    let badSpans = 0;
    const check = (s: { start: number; end: number; text: string } | null | undefined) => {
      if (s && text.slice(s.start, s.end) !== s.text) badSpans++;
    };
    for (const e of analysis.entities) for (const m of e.mentions) check(m);
    for (const q of analysis.quotes) {
      check(q);
      check(q.speakerMention);
      check(q.cue);
    }
    return { analysis, ms, badSpans };
  } catch (e) {
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    return { analysis: { ...EMPTY, source: { length: text.length } }, ms, error: (e as Error)?.stack || String(e), badSpans: 0 };
  }
}

// ---------------------------------------------------------------------------------------------------
// Verbose output helpers

function context(text: string, s: Interval, width = 40): string {
  const clip = (x: string) => x.replace(/\r/g, '').replace(/\n/g, '⏎');
  const inner = text.slice(s.start, s.end);
  const shown = inner.length > 90 ? inner.slice(0, 60) + ' … ' + inner.slice(-25) : inner;
  return `…${clip(text.slice(Math.max(0, s.start - width), s.start))}[${clip(shown)}]${clip(text.slice(s.end, s.end + width))}…`;
}

interface Detail {
  where: string;
  what: string;
}

// ---------------------------------------------------------------------------------------------------
// 1. GUM: people and countries

interface GumSpan {
  start: number;
  end: number;
  text: string;
  iso3?: string;
}
interface GumArticle {
  id: string;
  date?: string;
  text: string;
  persons?: GumSpan[];
  countries?: GumSpan[];
  /** Which layers the article is annotated for; a layer marked false is not scored. */
  layers?: { persons?: boolean; countries?: boolean };
}

interface GumReport {
  file: string;
  articles: number;
  ms: number;
  errors: string[];
  badSpans: number;
  persons: { overlap: PRF; exact: PRF };
  countries: { overlap: PRF; exact: PRF; excluded: Record<string, number> };
  details: Detail[];
}

function evaluateGum(file: string, verbose: boolean): GumReport | { file: string; missing: true } {
  if (!fs.existsSync(file)) return { file, missing: true };
  const articles: GumArticle[] = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
  const acc = { pO: [0, 0, 0], pE: [0, 0, 0], cO: [0, 0, 0], cE: [0, 0, 0] };
  const excluded: Record<string, number> = {};
  const errors: string[] = [];
  const details: Detail[] = [];
  let ms = 0;
  let badSpans = 0;
  const add = (a: number[], g2p: number[], nPred: number) => {
    const tp = g2p.filter((j) => j >= 0).length;
    a[0] += tp;
    a[1] += nPred - tp;
    a[2] += g2p.length - tp;
  };
  for (const art of articles) {
    const r = run(art.text, art.date);
    ms += r.ms;
    badSpans += r.badSpans;
    if (r.error) errors.push(`${art.id}: ${r.error.split('\n')[0]}`);
    const ents = r.analysis.entities;
    const predP: Interval[] = [];
    for (const e of ents) if (e.type === 'person') for (const m of e.mentions) if (m.form === 'name') predP.push(m);
    const predC: (Interval & { iso3?: string })[] = [];
    for (const e of ents)
      if (e.type === 'country')
        for (const m of e.mentions) {
          if (m.form === 'name' || m.form === 'acronym') predC.push({ start: m.start, end: m.end, iso3: e.iso3 });
          else excluded[m.form] = (excluded[m.form] ?? 0) + 1;
        }
    if (art.layers?.persons === false) predP.length = 0;
    if (art.layers?.countries === false) predC.length = 0;
    const goldP = art.layers?.persons === false ? [] : art.persons ?? [];
    const goldC = art.layers?.countries === false ? [] : art.countries ?? [];
    const pO = greedyMatch(goldP, predP, anyOverlap);
    add(acc.pO, pO, predP.length);
    add(acc.pE, greedyMatch(goldP, predP, exactSpan), predP.length);
    const sameIso = (g: GumSpan, p: { iso3?: string }) => !!g.iso3 && g.iso3 === p.iso3;
    const cO = greedyMatch(goldC, predC, (g, p) => (sameIso(g, p) ? anyOverlap(g, p) : null));
    add(acc.cO, cO, predC.length);
    add(acc.cE, greedyMatch(goldC, predC, (g, p) => (sameIso(g, p) ? exactSpan(g, p) : null)), predC.length);
    if (verbose) {
      const where = `gum/${art.id}`;
      goldP.forEach((g, i) => pO[i] < 0 && details.push({ where, what: `person FN ${context(art.text, g)}` }));
      const usedP = new Set(pO);
      predP.forEach((p, j) => !usedP.has(j) && details.push({ where, what: `person FP ${context(art.text, p)}` }));
      goldC.forEach((g, i) => cO[i] < 0 && details.push({ where, what: `country FN (${g.iso3}) ${context(art.text, g)}` }));
      const usedC = new Set(cO);
      predC.forEach((p, j) => !usedC.has(j) && details.push({ where, what: `country FP (${p.iso3}) ${context(art.text, p)}` }));
    }
  }
  const P = (a: number[]) => prf(a[0], a[1], a[2]);
  return {
    file,
    articles: articles.length,
    ms,
    errors,
    badSpans,
    persons: { overlap: P(acc.pO), exact: P(acc.pE) },
    countries: { overlap: P(acc.cO), exact: P(acc.cE), excluded },
    details,
  };
}

// ---------------------------------------------------------------------------------------------------
// 2. Quote corpora

interface QuoteCorpusReport {
  corpus: string;
  fixtures: number;
  ms: number;
  errors: string[];
  badSpans: number;
  gold: { direct: number; mixed: number; scare: number; indirect: number };
  predicted: { direct: number; mixed: number; indirect: number };
  /** Main measure: gold direct+mixed; predictions overlapping a scare span are ignored. */
  quotes: PRF;
  /** Same, but predictions on scare-quoted terms count as false positives. */
  quotesScareAsNonQuotes: PRF;
  /** Exact span match (scare excluded). */
  quotesExact: PRF;
  /** Only full direct quotes: gold 'direct'; predictions on mixed fragments and scare terms ignored. */
  directOnly: PRF;
  /** Matched quotes whose kind (direct vs mixed) agrees with the gold. */
  kindAgreement: { same: number; matched: number };
  speaker: {
    /** Matched gold quotes that have a named speaker. */
    withSpeaker: number;
    correct: number;
    /** correct / withSpeaker. */
    accuracy: number;
    /** correct / all gold direct+mixed quotes with a named speaker (unmatched count as wrong). */
    endToEnd: number;
    goldWithSpeaker: number;
    /** Matched gold quotes with no named speaker that got one anyway. */
    spuriousSpeaker: number;
    goldWithoutSpeaker: number;
  };
  indirect: { gold: number; found: number; recall: number };
  interactions: { pairs: PRF; sameKind: number } | null;
  people: PRF;
  details: Detail[];
}

const entityById = (a: Analysis) => {
  const m = new Map<string, Entity>();
  for (const e of a.entities) m.set(e.id, e);
  return m;
};

function pairsOf(kind: string, names: string[]): { kind: string; a: string; b: string }[] {
  const out: { kind: string; a: string; b: string }[] = [];
  for (let i = 0; i < names.length; i++) for (let j = i + 1; j < names.length; j++) out.push({ kind, a: names[i], b: names[j] });
  return out;
}

function evaluateQuoteCorpus(corpus: string, fixtures: QuoteFixture[], verbose: boolean): QuoteCorpusReport {
  const c = {
    main: [0, 0, 0],
    scareFp: [0, 0, 0],
    exact: [0, 0, 0],
    direct: [0, 0, 0],
    int: [0, 0, 0],
    people: [0, 0, 0],
  };
  const gold = { direct: 0, mixed: 0, scare: 0, indirect: 0 };
  const predicted = { direct: 0, mixed: 0, indirect: 0 };
  const sp = { withSpeaker: 0, correct: 0, goldWithSpeaker: 0, spuriousSpeaker: 0, goldWithoutSpeaker: 0 };
  const ind = { gold: 0, found: 0 };
  let intSameKind = 0;
  const kinds = { matched: 0, same: 0 };
  let anyInteractions = false;
  const errors: string[] = [];
  const details: Detail[] = [];
  let ms = 0;
  let badSpans = 0;

  for (const fx of fixtures) {
    const where = `${corpus}/${fx.name}`;
    const r = run(fx.text);
    ms += r.ms;
    badSpans += r.badSpans;
    if (r.error) errors.push(`${where}: ${r.error.split('\n')[0]}`);
    const a = r.analysis;
    const byId = entityById(a);
    const nameOf = (id: string | null) => (id ? byId.get(id)?.name ?? id : null);

    for (const q of fx.quotes) gold[q.kind]++;
    const goldQ = fx.quotes.filter((q) => q.kind === 'direct' || q.kind === 'mixed');
    const goldDirect = fx.quotes.filter((q) => q.kind === 'direct');
    const scare = fx.quotes.filter((q) => q.kind === 'scare');
    const mixed = fx.quotes.filter((q) => q.kind === 'mixed');
    const predQ = a.quotes.filter((q) => q.kind === 'direct' || q.kind === 'mixed');
    for (const q of a.quotes) predicted[q.kind]++;

    const onScare = (p: Interval) => scare.some((s) => overlap(s, p) > 0);
    const onMixed = (p: Interval) => mixed.some((s) => overlap(s, p) > 0);
    const tally = (acc: number[], g2p: number[], nGold: number, unmatchedPred: Quote[], ignore: (p: Quote) => boolean) => {
      const tp = g2p.filter((j) => j >= 0).length;
      acc[0] += tp;
      acc[1] += unmatchedPred.filter((p) => !ignore(p)).length;
      acc[2] += nGold - tp;
    };
    const unmatched = (g2p: number[], preds: Quote[]) => {
      const used = new Set(g2p);
      return preds.filter((_, j) => !used.has(j));
    };

    const main = greedyMatch(goldQ, predQ, halfOfLonger);
    const extra = unmatched(main, predQ);
    main.forEach((j, i) => {
      if (j < 0) return;
      kinds.matched++;
      if (predQ[j].kind === goldQ[i].kind) kinds.same++;
      else if (verbose) details.push({ where, what: `kind ✗ gold=${goldQ[i].kind} predicted=${predQ[j].kind} ${context(fx.text, goldQ[i])}` });
    });
    tally(c.main, main, goldQ.length, extra, onScare);
    tally(c.scareFp, main, goldQ.length, extra, () => false);
    const ex = greedyMatch(goldQ, predQ, exactSpan);
    tally(c.exact, ex, goldQ.length, unmatched(ex, predQ), onScare);
    const dOnly = greedyMatch(goldDirect, predQ, halfOfLonger);
    tally(c.direct, dOnly, goldDirect.length, unmatched(dOnly, predQ), (p) => onScare(p) || onMixed(p));

    // Speakers.
    goldQ.forEach((g, i) => {
      const p = main[i] >= 0 ? predQ[main[i]] : undefined;
      if (g.speaker) {
        sp.goldWithSpeaker++;
        if (!p) return;
        sp.withSpeaker++;
        const ent = p.speaker ? byId.get(p.speaker) : undefined;
        if (speakerMatches(ent, g.speaker, g.speakerAlt, g.speakerType)) sp.correct++;
        else if (verbose)
          details.push({ where, what: `speaker ✗ gold=${g.speaker} predicted=${nameOf(p.speaker) ?? 'null'} ${context(fx.text, g)}` });
      } else {
        sp.goldWithoutSpeaker++;
        if (p && p.speaker) {
          sp.spuriousSpeaker++;
          if (verbose) details.push({ where, what: `speaker ✗ gold=null predicted=${nameOf(p.speaker)} ${context(fx.text, g)}` });
        }
      }
    });

    // Indirect speech (informational): gold indirect spans covered ≥ 50% by a predicted indirect quote.
    const goldInd = fx.quotes.filter((q) => q.kind === 'indirect');
    const predInd = a.quotes.filter((q) => q.kind === 'indirect');
    ind.gold += goldInd.length;
    ind.found += greedyMatch(goldInd, predInd, (g, p) => {
      const o = overlap(g, p);
      return o / (g.end - g.start) >= 0.5 ? o : null;
    }).filter((j) => j >= 0).length;

    if (verbose) {
      goldQ.forEach((g, i) => main[i] < 0 && details.push({ where, what: `quote FN (${g.kind}) ${context(fx.text, g)}` }));
      for (const p of extra)
        details.push({ where, what: `quote FP (${p.kind}${onScare(p) ? ', on a scare quote' : ''}) ${context(fx.text, p)}` });
    }

    // Interactions: unordered participant pairs.
    if (fx.gold.interactions) {
      anyInteractions = true;
      const gp = fx.gold.interactions.flatMap((it) => pairsOf(it.kind, it.participants));
      const pp = a.interactions.flatMap((it) => pairsOf(it.kind, it.participants.map((id) => nameOf(id) ?? id)));
      const same = (g: { a: string; b: string }, p: { a: string; b: string }) =>
        (namesMatch(g.a, p.a) && namesMatch(g.b, p.b)) || (namesMatch(g.a, p.b) && namesMatch(g.b, p.a));
      const m = greedyMatch(gp, pp, (g, p) => (same(g, p) ? (g.kind === p.kind ? 2 : 1) : null));
      const tp = m.filter((j) => j >= 0).length;
      c.int[0] += tp;
      c.int[1] += pp.length - tp;
      c.int[2] += gp.length - tp;
      intSameKind += m.filter((j, i) => j >= 0 && pp[j].kind === gp[i].kind).length;
      if (verbose) {
        gp.forEach((g, i) => m[i] < 0 && details.push({ where, what: `interaction FN ${g.kind} ${g.a} — ${g.b}` }));
        const used = new Set(m);
        pp.forEach((p, j) => !used.has(j) && details.push({ where, what: `interaction FP ${p.kind} ${p.a} — ${p.b}` }));
      }
    }

    // People (entity level).
    const predPeople = a.entities.filter((e) => e.type === 'person' && !e.group);
    const pm = greedyMatch(fx.gold.people, predPeople, (g, p) => (namesMatch(g, p.name) ? 1 : null));
    const tpP = pm.filter((j) => j >= 0).length;
    c.people[0] += tpP;
    c.people[1] += predPeople.length - tpP;
    c.people[2] += fx.gold.people.length - tpP;
    if (verbose) {
      fx.gold.people.forEach((g, i) => pm[i] < 0 && details.push({ where, what: `person FN ${g}` }));
      const used = new Set(pm);
      predPeople.forEach((p, j) => !used.has(j) && details.push({ where, what: `person FP ${p.name}` }));
    }
  }

  const P = (x: number[]) => prf(x[0], x[1], x[2]);
  return {
    corpus,
    fixtures: fixtures.length,
    ms,
    errors,
    badSpans,
    gold,
    predicted,
    quotes: P(c.main),
    quotesScareAsNonQuotes: P(c.scareFp),
    quotesExact: P(c.exact),
    directOnly: P(c.direct),
    kindAgreement: kinds,
    speaker: {
      ...sp,
      accuracy: sp.withSpeaker ? sp.correct / sp.withSpeaker : 0,
      endToEnd: sp.goldWithSpeaker ? sp.correct / sp.goldWithSpeaker : 0,
    },
    indirect: { ...ind, recall: ind.gold ? ind.found / ind.gold : 0 },
    interactions: anyInteractions ? { pairs: P(c.int), sameKind: intSameKind } : null,
    people: P(c.people),
    details,
  };
}

// ---------------------------------------------------------------------------------------------------
// Main

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
const fmt = (m: PRF) => `P ${pct(m.precision)}  R ${pct(m.recall)}  F1 ${pct(m.f1)}   (tp ${m.tp}, fp ${m.fp}, fn ${m.fn})`;

export interface EvaluationReport {
  gum: GumReport | { file: string; missing: true } | null;
  corpora: QuoteCorpusReport[];
  /** Macro average of the direct-quote F1 over the quote corpora. */
  quoteF1Mean: number | null;
  problems: string[];
}

export function evaluate(opts: { only?: string[]; verbose?: boolean } = {}): EvaluationReport {
  const want = (k: string) => !opts.only || opts.only.includes(k);
  const verbose = !!opts.verbose;
  const gumFile = [path.join(sharedDir(), 'data', 'gum-news-dev.jsonl'), path.join(sharedDir(), 'gum-news-dev.jsonl')].find((f) =>
    fs.existsSync(f),
  ) ?? path.join(sharedDir(), 'data', 'gum-news-dev.jsonl');
  const gum = want('gum') ? evaluateGum(gumFile, verbose) : null;
  const problems: string[] = [];
  const corpora: QuoteCorpusReport[] = [];
  const names = listQuoteCorpora();
  if (!names.length) problems.push(`no quote corpora under ${quoteFixturesDir()}`);
  for (const name of names) {
    if (!want(name)) continue;
    const loaded = loadQuoteCorpus(name);
    problems.push(...loaded.problems);
    corpora.push(evaluateQuoteCorpus(name, loaded.fixtures, verbose));
  }
  const quoteF1Mean = corpora.length ? corpora.reduce((s, c) => s + c.quotes.f1, 0) / corpora.length : null;
  return { gum, corpora, quoteF1Mean, problems };
}

function printReport(rep: EvaluationReport, verbose: boolean): void {
  const out: string[] = [];
  const g = rep.gum;
  if (g && 'missing' in g) out.push(`GUM: ${g.file} not found (set NEWS_LENS_SHARED to the shared folder)`, '');
  else if (g) {
    out.push(`GUM news dev with the shipped name model — ${g.articles} articles, ${g.ms.toFixed(0)} ms  (${g.file})`);
    out.push('  (the shipped model was trained on these documents: a check, not an accuracy figure; see the cross-validation above)');
    out.push(`  persons   any overlap  ${fmt(g.persons.overlap)}`);
    out.push(`  persons   exact        ${fmt(g.persons.exact)}`);
    out.push(`  countries overlap+iso  ${fmt(g.countries.overlap)}`);
    out.push(`  countries exact+iso    ${fmt(g.countries.exact)}`);
    const ex = Object.entries(g.countries.excluded)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    out.push(`  country mentions not scored (only forms name/acronym count): ${ex || 'none'}`);
    if (g.badSpans) out.push(`  !! ${g.badSpans} predicted spans whose text differs from the source slice`);
    for (const e of g.errors) out.push(`  !! engine error: ${e}`);
    if (verbose) for (const d of g.details) out.push(`    ${d.where}: ${d.what}`);
    out.push('');
  }
  for (const c of rep.corpora) {
    out.push(`Quotes — ${c.corpus}: ${c.fixtures} articles, ${c.ms.toFixed(0)} ms`);
    out.push(
      `  gold: ${c.gold.direct} direct, ${c.gold.mixed} mixed, ${c.gold.scare} scare, ${c.gold.indirect} indirect;` +
        ` predicted: ${c.predicted.direct} direct, ${c.predicted.mixed} mixed, ${c.predicted.indirect} indirect`,
    );
    out.push(`  direct+mixed, ≥50% overlap, scare excluded     ${fmt(c.quotes)}`);
    out.push(`  direct+mixed, ≥50% overlap, scare = non-quote  ${fmt(c.quotesScareAsNonQuotes)}`);
    out.push(`  direct+mixed, exact span, scare excluded       ${fmt(c.quotesExact)}`);
    out.push(`  direct only (mixed & scare ignored)            ${fmt(c.directOnly)}`);
    out.push(`  direct/mixed kind agrees on ${c.kindAgreement.same}/${c.kindAgreement.matched} matched quotes`);
    const s = c.speaker;
    out.push(
      `  speaker accuracy on matched quotes ${pct(s.accuracy)}% (${s.correct}/${s.withSpeaker});` +
        ` end-to-end ${pct(s.endToEnd)}% of ${s.goldWithSpeaker};` +
        ` speaker given where gold has none: ${s.spuriousSpeaker}/${s.goldWithoutSpeaker}`,
    );
    out.push(`  indirect speech recall (info) ${pct(c.indirect.recall)}% (${c.indirect.found}/${c.indirect.gold})`);
    if (c.interactions)
      out.push(`  interaction pairs  ${fmt(c.interactions.pairs)}; same kind ${c.interactions.sameKind}/${c.interactions.pairs.tp}`);
    out.push(`  people (entities)  ${fmt(c.people)}`);
    if (c.badSpans) out.push(`  !! ${c.badSpans} predicted spans whose text differs from the source slice`);
    for (const e of c.errors) out.push(`  !! engine error: ${e}`);
    if (verbose) for (const d of c.details) out.push(`    ${d.where}: ${d.what}`);
    out.push('');
  }
  if (rep.quoteF1Mean !== null) out.push(`Direct-quote F1, mean over ${rep.corpora.length} corpora: ${pct(rep.quoteF1Mean)}`);
  for (const p of rep.problems) out.push(`MALFORMED FIXTURE: ${p}`);
  console.log(out.join('\n'));
}

function main(argv: string[]): number {
  const json = argv.includes('--json');
  const verbose = argv.includes('--verbose') || argv.includes('-v');
  const onlyArg = argv.find((a) => a.startsWith('--only='));
  const only = onlyArg ? onlyArg.slice('--only='.length).split(',').filter(Boolean) : undefined;
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log('usage: node out/test/eval/evaluate.js [--json] [--verbose] [--only=cv,attribution,gum,wire,intl]');
    return 0;
  }
  const want = (k: string) => !only || only.includes(k);
  // What is learned is scored only on documents its model was not trained on; the attribution set is our
  // development set for the hand-written attribution rules.
  const cv = want('cv') ? crossValidateNames(5) : undefined;
  const attribution = want('attribution') ? loadAttributionSet() : undefined;
  const attributionDetails: string[] | undefined = verbose ? [] : undefined;
  const attributionScores = attribution ? scoreAttributionSet(attribution.documents, {}, attributionDetails) : undefined;
  const rep = evaluate({ only, verbose });
  if (attribution) rep.problems.push(...attribution.problems.map((p) => `attribution set: ${p}`));
  if (json) {
    console.log(JSON.stringify({ crossValidation: cv, attribution: attributionScores }, null, 2));
  } else {
    if (cv) console.log(formatCrossValidation(cv) + '\n');
    else if (want('cv')) console.log('Names cross-validation: no GUM documents found (set NEWS_LENS_SHARED)\n');
    if (attributionScores) {
      console.log(formatAttributionScores(attributionScores, 'Attribution set (Wikinews news and interviews, annotated by us; development set of the attribution rules)'));
      for (const d of attributionDetails ?? []) console.log('    ' + d);
      console.log('');
    }
  }
  if (json) {
    const strip = <T extends { details?: Detail[] }>(x: T) => (verbose ? x : { ...x, details: undefined });
    const g = rep.gum && !('missing' in rep.gum) ? strip(rep.gum) : rep.gum;
    console.log(JSON.stringify({ ...rep, gum: g, corpora: rep.corpora.map(strip) }, null, 2));
  } else printReport(rep, verbose);
  return rep.problems.length ? 2 : 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
