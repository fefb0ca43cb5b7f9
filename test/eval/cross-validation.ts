// Honest accuracy for what News Lens learns from data: document-level k-fold cross-validation and
// leave-one-genre-out over the shared GUM documents. Every score is on documents the fold's model was not
// trained on; the engine runs whole (names, coreference, countries), with the fold's name model.
import { analyzeArticle } from '../../server/src/core';
import type { SequenceModel } from '../../server/src/core/names/perceptron';
import { readGumDocuments, type GumDocument, type GumSpan } from '../../server/src/train/gumData';
import { trainNameModel } from '../../server/src/train/trainNames';
import { greedyMatch, overlap, type Interval } from './scoring';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface NameScores {
  overlap: Counts;
  exact: Counts;
  countries: Counts;
}

const zero = (): NameScores => ({ overlap: { tp: 0, fp: 0, fn: 0 }, exact: { tp: 0, fp: 0, fn: 0 }, countries: { tp: 0, fp: 0, fn: 0 } });

export function f1(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

function add(into: NameScores, from: NameScores): void {
  for (const k of ['overlap', 'exact', 'countries'] as const) {
    into[k].tp += from[k].tp;
    into[k].fp += from[k].fp;
    into[k].fn += from[k].fn;
  }
}

/** How many gold spans a one-to-one matching (best score first) pairs with a prediction. */
function matchCount<G extends Interval, P extends Interval>(gold: G[], pred: P[], ok: (g: G, p: P) => number | null): number {
  return greedyMatch(gold, pred, ok).filter((j) => j >= 0).length;
}

const overlapOf = overlap;

/** Person-name and country scores of one document analysed with `nameModel` (the shipped model when undefined). */
export function scoreDocument(doc: GumDocument, nameModel?: SequenceModel): NameScores {
  const a = analyzeArticle(doc.text, { ...(doc.date ? { date: doc.date } : {}), ...(nameModel ? { nameModel } : {}) });
  const s = zero();
  if (doc.layers?.persons !== false) {
    const pred: Interval[] = [];
    for (const e of a.entities) if (e.type === 'person') for (const m of e.mentions) if (m.form === 'name') pred.push(m);
    const gold = doc.persons ?? [];
    const o = matchCount(gold, pred, (g, p) => overlapOf(g, p) || null);
    const x = matchCount(gold, pred, (g, p) => (g.start === p.start && g.end === p.end ? 1 : null));
    s.overlap = { tp: o, fp: pred.length - o, fn: gold.length - o };
    s.exact = { tp: x, fp: pred.length - x, fn: gold.length - x };
  }
  if (doc.layers?.countries !== false) {
    const pred: (Interval & { iso3?: string })[] = [];
    for (const e of a.entities)
      if (e.type === 'country') for (const m of e.mentions) if (m.form === 'name' || m.form === 'acronym') pred.push({ start: m.start, end: m.end, iso3: e.iso3 });
    const gold: GumSpan[] = doc.countries ?? [];
    const c = matchCount(gold, pred, (g, p) => (g.iso3 && g.iso3 === p.iso3 ? overlapOf(g, p) || null : null));
    s.countries = { tp: c, fp: pred.length - c, fn: gold.length - c };
  }
  return s;
}

/** Folds by document, round-robin within each genre so that every fold has every genre. */
export function foldsOf(docs: GumDocument[], k: number): number[] {
  const seen = new Map<string, number>();
  return docs.map((d) => {
    const n = seen.get(d.genre) ?? 0;
    seen.set(d.genre, n + 1);
    return n % k;
  });
}

export interface CrossValidation {
  k: number;
  /** Scores pooled over the held-out documents of each fold. */
  folds: NameScores[];
  /** Pooled over all held-out documents, per genre. */
  byGenre: Record<string, NameScores>;
  /** Leave one genre out: trained on the others, scored on it. */
  leaveGenreOut: Record<string, NameScores>;
}

export function crossValidateNames(k = 5, opts: { genreOut?: boolean } = {}): CrossValidation | undefined {
  const { documents } = readGumDocuments();
  if (!documents.length) return undefined;
  const folds = foldsOf(documents, k);
  const foldScores: NameScores[] = [];
  const byGenre: Record<string, NameScores> = {};
  for (let f = 0; f < k; f++) {
    const model = trainNameModel(documents.filter((_, i) => folds[i] !== f));
    const fs = zero();
    documents.forEach((d, i) => {
      if (folds[i] !== f) return;
      const s = scoreDocument(d, model);
      add(fs, s);
      add((byGenre[d.genre] ??= zero()), s);
    });
    foldScores.push(fs);
  }
  const leaveGenreOut: Record<string, NameScores> = {};
  if (opts.genreOut !== false) {
    for (const g of [...new Set(documents.map((d) => d.genre))]) {
      const model = trainNameModel(documents.filter((d) => d.genre !== g));
      const s = zero();
      for (const d of documents) if (d.genre === g) add(s, scoreDocument(d, model));
      leaveGenreOut[g] = s;
    }
  }
  return { k, folds: foldScores, byGenre, leaveGenreOut };
}

/** Mean and (sample) standard deviation. */
export function meanSd(xs: number[]): { mean: number; sd: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = xs.length > 1 ? Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1)) : 0;
  return { mean, sd };
}

function pct(x: number): string {
  return (100 * x).toFixed(1).padStart(5);
}

export function formatCrossValidation(cv: CrossValidation): string {
  const out: string[] = [];
  const line = (label: string, s: NameScores) => {
    const o = f1(s.overlap);
    const e = f1(s.exact);
    const c = f1(s.countries);
    return `  ${label.padEnd(22)} persons overlap P ${pct(o.precision)} R ${pct(o.recall)} F1 ${pct(o.f1)} · exact F1 ${pct(e.f1)} · countries F1 ${pct(c.f1)}`;
  };
  const of = (key: 'overlap' | 'exact' | 'countries') => meanSd(cv.folds.map((s) => f1(s[key]).f1));
  const fmt = (m: { mean: number; sd: number }) => `${pct(m.mean)} ± ${(100 * m.sd).toFixed(1)}`;
  out.push(`Names, ${cv.k}-fold cross-validation by document (GUM, all genres; fold models trained on the other folds):`);
  out.push(`  mean over folds        persons overlap F1 ${fmt(of('overlap'))} · exact F1 ${fmt(of('exact'))} · countries F1 ${fmt(of('countries'))}`);
  for (const [g, s] of Object.entries(cv.byGenre)) out.push(line(`held-out ${g}`, s));
  if (Object.keys(cv.leaveGenreOut).length) {
    out.push('Names, leave one genre out (trained on the other genres):');
    for (const [g, s] of Object.entries(cv.leaveGenreOut)) out.push(line(g, s));
  }
  return out.join('\n');
}

if (require.main === module) {
  const k = Number(process.argv.find((a) => a.startsWith('--k='))?.slice(4) ?? 5);
  const cv = crossValidateNames(k, { genreOut: !process.argv.includes('--no-genre-out') });
  console.log(cv ? formatCrossValidation(cv) : 'no GUM documents found (set NEWS_LENS_SHARED)');
}
