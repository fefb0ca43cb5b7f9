// The attribution development set: real Wikinews articles (the GUM news and interview documents in the
// shared folder) annotated by us with every quote of every kind, its cue and its speaker
// (test/fixtures/attribution/, GUIDELINE.md there). Scores quotes (direct; every kind), indirect speech
// and speakers the way the hidden corpora are scored: a prediction matches a gold quote when they overlap by
// at least half of the longer span; each is matched at most once.
import path from 'node:path';
import { analyzeArticle } from '../../server/src/core';
import type { Analysis, AnalyzeOptions, Entity, Quote } from '../../server/src/core/types';
import { greedyMatch, overlap, type Interval } from './scoring';

export interface GoldAttribution {
  kind: 'direct' | 'mixed' | 'indirect' | 'scare';
  start: number;
  end: number;
  text: string;
  cue: { start: number; end: number; text: string } | null;
  speakerSpan: { start: number; end: number; text: string } | null;
  speaker: string | null;
  speakerType?: 'person' | 'organization' | 'country' | 'group';
  speakerAlt: string[];
}

export interface AttributionDocument {
  doc: string;
  genre: string;
  text: string;
  quotes: GoldAttribution[];
}

interface Loaded {
  documents: AttributionDocument[];
  problems: string[];
}

export function loadAttributionSet(): Loaded {
  // The loader is plain CommonJS so that annotators can run it without a build (check.cjs).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const lib = require(path.resolve(__dirname, '../../../test/fixtures/attribution/check.cjs')) as { loadAttributionSet: () => Loaded };
  return lib.loadAttributionSet();
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface AttributionScores {
  documents: number;
  gold: Record<GoldAttribution['kind'], number>;
  predicted: Record<Quote['kind'], number>;
  /** Gold direct quotes against predicted direct quotes (predictions on gold mixed or scare spans ignored). */
  direct: Counts;
  /** Gold direct, mixed and indirect against every predicted quote (predictions on scare spans ignored). */
  all: Counts;
  /** Gold indirect against predicted indirect (predictions on other gold spans ignored). */
  indirect: Counts;
  /** Speakers of matched quotes that have a gold speaker. */
  speakerDirect: { correct: number; total: number };
  speakerAll: { correct: number; total: number };
  errors: string[];
}

const halfOfLonger = (a: { start: number; end: number }, b: { start: number; end: number }) => {
  const o = overlap(a, b);
  const longer = Math.max(a.end - a.start, b.end - b.start);
  return longer > 0 && o / longer >= 0.5 ? o / longer : null;
};

/** One-to-one matches, best overlap first: pred index per gold index (-1 = unmatched). */
const match = <G extends Interval, P extends Interval>(gold: G[], pred: P[]) => greedyMatch(gold, pred, halfOfLonger);

function fold(s: string): string[] {
  let t = s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  if (t[0] === 'the') t = t.slice(1);
  while (t.length > 1 && ['mr', 'mrs', 'ms', 'dr', 'professor', 'prof', 'president', 'minister', 'sir'].includes(t[0])) t = t.slice(1);
  return t;
}

/** Two names of the same speaker: equal, or one a first or last word of the other ("Putin" / "Vladimir Putin"). */
export function sameSpeakerName(a: string, b: string): boolean {
  const x = fold(a);
  const y = fold(b);
  if (!x.length || !y.length) return false;
  if (x.join(' ') === y.join(' ')) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.length === 1) return short[0] === long[long.length - 1] || short[0] === long[0];
  return short[short.length - 1] === long[long.length - 1] && short[0][0] === long[0][0];
}

/** Is the predicted speaker the gold one? By name; for a group, by the words that name it. */
export function speakerCorrect(g: GoldAttribution, p: Quote, byId: Map<string, Entity>): boolean {
  if (!g.speaker) return false;
  const e = p.speaker ? byId.get(p.speaker) : undefined;
  const names = [g.speaker, ...g.speakerAlt];
  if (e && names.some((n) => sameSpeakerName(e.name, n))) return true;
  if (e && e.mentions.some((m) => (m.form === 'name' || m.form === 'acronym' || m.form === 'metonym') && names.some((n) => fold(n).join(' ') === fold(m.text).join(' ')))) return true;
  // An unnamed group is named by its words in this attribution ("officials", "the report's authors").
  if (g.speakerType === 'group' && g.speakerSpan && p.speakerMention && overlap(g.speakerSpan, p.speakerMention) > 0) return true;
  return false;
}

export function scoreAttributionSet(documents: AttributionDocument[], options: AnalyzeOptions = {}, details?: string[]): AttributionScores {
  const s: AttributionScores = {
    documents: documents.length,
    gold: { direct: 0, mixed: 0, indirect: 0, scare: 0 },
    predicted: { direct: 0, mixed: 0, indirect: 0 },
    direct: { tp: 0, fp: 0, fn: 0 },
    all: { tp: 0, fp: 0, fn: 0 },
    indirect: { tp: 0, fp: 0, fn: 0 },
    speakerDirect: { correct: 0, total: 0 },
    speakerAll: { correct: 0, total: 0 },
    errors: [],
  };
  for (const d of documents) {
    let a: Analysis;
    try {
      a = analyzeArticle(d.text, options);
    } catch (e) {
      s.errors.push(`${d.doc}: ${(e as Error).message}`);
      continue;
    }
    const byId = new Map(a.entities.map((e) => [e.id, e]));
    for (const q of d.quotes) s.gold[q.kind]++;
    for (const q of a.quotes) s.predicted[q.kind]++;
    const ctx = (x: { start: number; end: number }) => JSON.stringify(d.text.slice(Math.max(0, x.start - 30), x.start) + '[' + d.text.slice(x.start, x.end).slice(0, 90) + ']' + d.text.slice(x.end, x.end + 20));
    const on = (kinds: GoldAttribution['kind'][]) => (p: Quote) => d.quotes.some((g) => kinds.includes(g.kind) && overlap(g, p) > 0);

    const tally = (c: Counts, gold: GoldAttribution[], pred: Quote[], ignore: (p: Quote) => boolean, label: string) => {
      const g2p = match(gold, pred);
      const used = new Set(g2p);
      const tp = g2p.filter((j) => j >= 0).length;
      c.tp += tp;
      c.fn += gold.length - tp;
      const extra = pred.filter((p, j) => !used.has(j) && !ignore(p));
      c.fp += extra.length;
      if (details) {
        gold.forEach((g, i) => g2p[i] < 0 && details.push(`${d.doc} ${label} FN (${g.kind}) ${ctx(g)}`));
        for (const p of extra) details.push(`${d.doc} ${label} FP (${p.kind}) ${ctx(p)}`);
      }
      return g2p;
    };
    const goldDirect = d.quotes.filter((q) => q.kind === 'direct');
    const predDirect = a.quotes.filter((q) => q.kind === 'direct');
    const dm = tally(s.direct, goldDirect, predDirect, on(['mixed', 'scare', 'indirect']), 'direct');
    const goldAll = d.quotes.filter((q) => q.kind !== 'scare');
    const am = tally(s.all, goldAll, a.quotes, on(['scare']), 'all');
    tally(s.indirect, d.quotes.filter((q) => q.kind === 'indirect'), a.quotes.filter((q) => q.kind === 'indirect'), on(['direct', 'mixed', 'scare']), 'indirect');
    const speakers = (gold: GoldAttribution[], g2p: number[], pred: Quote[], into: { correct: number; total: number }, label: string) =>
      gold.forEach((g, i) => {
        if (!g.speaker || g2p[i] < 0) return;
        into.total++;
        const p = pred[g2p[i]];
        if (speakerCorrect(g, p, byId)) into.correct++;
        else if (details) details.push(`${d.doc} ${label} speaker ✗ gold=${g.speaker} predicted=${(p.speaker && byId.get(p.speaker)?.name) ?? 'null'} (${p.speakerMention?.text ?? '-'}) ${ctx(g)}`);
      });
    speakers(goldDirect, dm, predDirect, s.speakerDirect, 'direct');
    speakers(goldAll, am, a.quotes, s.speakerAll, 'all');
  }
  return s;
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
export function prfOf(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

export function formatAttributionScores(s: AttributionScores, title: string): string {
  const line = (label: string, c: Counts) => {
    const m = prfOf(c);
    return `  ${label.padEnd(36)} P ${pct(m.precision)}  R ${pct(m.recall)}  F1 ${pct(m.f1)}   (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`;
  };
  const acc = (x: { correct: number; total: number }) => `${pct(x.total ? x.correct / x.total : 0)}% (${x.correct}/${x.total})`;
  return [
    `${title} — ${s.documents} documents`,
    `  gold: ${s.gold.direct} direct, ${s.gold.mixed} mixed, ${s.gold.indirect} indirect, ${s.gold.scare} scare; predicted: ${s.predicted.direct} direct, ${s.predicted.mixed} mixed, ${s.predicted.indirect} indirect`,
    line('direct quotes', s.direct),
    line('quotes of every kind', s.all),
    line('indirect speech', s.indirect),
    `  right speaker, matched direct quotes   ${acc(s.speakerDirect)}`,
    `  right speaker, all matched quotes      ${acc(s.speakerAll)}`,
    ...s.errors.map((e) => `  !! engine error: ${e}`),
  ].join('\n');
}

if (require.main === module) {
  const set = loadAttributionSet();
  for (const p of set.problems) console.log(`MALFORMED: ${p}`);
  const details: string[] | undefined = process.argv.includes('--verbose') ? [] : undefined;
  const s = scoreAttributionSet(set.documents, {}, details);
  console.log(formatAttributionScores(s, 'Attribution set (Wikinews, annotated by us)'));
  if (details) for (const d of details) console.log('    ' + d);
}
