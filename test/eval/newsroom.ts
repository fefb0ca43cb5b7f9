// The newsroom set (test/fixtures/newsroom/): 50 articles written in the style of Canadian and US dailies and
// wires and of international news, with every person-name mention and every quote of every kind annotated by
// writers who never ran the engine. Scored like the attribution set (quotes, indirect speech, speakers) plus
// person names (any overlap / exact, as for GUM).
//
// It is split once, by article number, into a development part (01, 03, 04, 06, 07, 09 of each style) and a
// test part (02, 05, 08, 10) that is only ever scored as a whole: its errors are not printed, so that the
// rules are not tuned on it (see test/fixtures/newsroom/README.md).
import path from 'node:path';
import { analyzeArticle } from '../../server/src/core';
import type { AnalyzeOptions } from '../../server/src/core/types';
import { formatAttributionScores, scoreAttributionSet, type AttributionDocument, type AttributionScores, type GoldAttribution } from './attribution-set';
import { anyOverlap, exactSpan, greedyMatch, prf, type Interval, type PRF } from './scoring';

export interface NewsroomDocument extends AttributionDocument {
  style: string;
  part: 'dev' | 'test';
  persons: (Interval & { text: string })[];
}

const TEST_NUMBERS = new Set(['02', '05', '08', '10']);

/** The part of the split an article belongs to, by the number in its name ("us-wire-05-…" → test). */
export function newsroomPart(doc: string): 'dev' | 'test' {
  const m = /-(\d\d)-/.exec(doc);
  return m && TEST_NUMBERS.has(m[1]) ? 'test' : 'dev';
}

export function loadNewsroom(): { documents: NewsroomDocument[]; problems: string[] } {
  // Plain CommonJS so that writers can run the checker without a build (check.cjs).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const lib = require(path.resolve(__dirname, '../../../test/fixtures/newsroom/check.cjs')) as {
    loadNewsroom: () => { documents: { doc: string; style: string; text: string; persons: (Interval & { text: string })[]; quotes: GoldAttribution[] }[]; problems: string[] };
  };
  const { documents, problems } = lib.loadNewsroom();
  return { documents: documents.map((d) => ({ ...d, genre: d.style, part: newsroomPart(d.doc) })), problems };
}

export interface NewsroomScores {
  part: string;
  documents: number;
  persons: { overlap: PRF; exact: PRF };
  quotes: AttributionScores;
}

export function scoreNewsroom(documents: NewsroomDocument[], part: string, options: AnalyzeOptions = {}, details?: string[]): NewsroomScores {
  const o = [0, 0, 0];
  const x = [0, 0, 0];
  for (const d of documents) {
    const a = analyzeArticle(d.text, options);
    const pred: Interval[] = [];
    for (const e of a.entities) if (e.type === 'person' && !e.group) for (const m of e.mentions) if (m.form === 'name') pred.push(m);
    const add = (acc: number[], g2p: number[]) => {
      const tp = g2p.filter((j) => j >= 0).length;
      acc[0] += tp;
      acc[1] += pred.length - tp;
      acc[2] += g2p.length - tp;
    };
    const g2p = greedyMatch(d.persons, pred, anyOverlap);
    add(o, g2p);
    add(x, greedyMatch(d.persons, pred, exactSpan));
    if (details) {
      const ctx = (s: Interval) => JSON.stringify(d.text.slice(Math.max(0, s.start - 30), s.start) + '[' + d.text.slice(s.start, s.end) + ']' + d.text.slice(s.end, s.end + 20));
      d.persons.forEach((g, i) => g2p[i] < 0 && details.push(`${d.doc} person FN ${ctx(g)}`));
      const used = new Set(g2p);
      pred.forEach((p, j) => !used.has(j) && details.push(`${d.doc} person FP ${ctx(p)}`));
    }
  }
  return {
    part,
    documents: documents.length,
    persons: { overlap: prf(o[0], o[1], o[2]), exact: prf(x[0], x[1], x[2]) },
    quotes: scoreAttributionSet(documents, options, details),
  };
}

const pct = (v: number) => (100 * v).toFixed(1).padStart(5);

export function formatNewsroom(s: NewsroomScores, title: string): string {
  const p = s.persons;
  return [
    formatAttributionScores(s.quotes, title),
    `  person names   any overlap  P ${pct(p.overlap.precision)}  R ${pct(p.overlap.recall)}  F1 ${pct(p.overlap.f1)} · exact F1 ${pct(p.exact.f1)}   (tp ${p.overlap.tp}, fp ${p.overlap.fp}, fn ${p.overlap.fn})`,
  ].join('\n');
}

/** Every figure of the set: the development part by style and whole, and the test part whole only. */
export function newsroomReport(verbose: boolean): { text: string; dev?: NewsroomScores; test?: NewsroomScores; problems: string[] } {
  const { documents, problems } = loadNewsroom();
  if (!documents.length) return { text: 'Newsroom set: no articles found', problems };
  const out: string[] = [];
  const dev = documents.filter((d) => d.part === 'dev');
  const test = documents.filter((d) => d.part === 'test');
  const details: string[] | undefined = verbose ? [] : undefined;
  const devScores = scoreNewsroom(dev, 'dev', {}, details);
  out.push(formatNewsroom(devScores, 'Newsroom set, development part (styles of real outlets, written and annotated blind to the engine)'));
  for (const style of [...new Set(dev.map((d) => d.style))].sort()) {
    const s = scoreNewsroom(dev.filter((d) => d.style === style), style);
    const q = s.quotes;
    const acc = (c: { correct: number; total: number }) => pct(c.total ? c.correct / c.total : 0);
    out.push(`    ${style.padEnd(9)} persons F1 ${pct(s.persons.overlap.f1)} · all-kind quotes F1 ${pct(f1(q.all))} · indirect R ${pct(recall(q.indirect))} · right speaker direct ${acc(q.speakerDirect)}% all ${acc(q.speakerAll)}%`);
  }
  for (const d of details ?? []) out.push('    ' + d);
  const testScores = test.length ? scoreNewsroom(test, 'test') : undefined;
  if (testScores) out.push('', formatNewsroom(testScores, 'Newsroom set, test part (scored as a whole; its errors are never printed)'));
  return { text: out.join('\n'), dev: devScores, test: testScores, problems };
}

function f1(c: { tp: number; fp: number; fn: number }): number {
  return prf(c.tp, c.fp, c.fn).f1;
}
function recall(c: { tp: number; fn: number }): number {
  return c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
}

if (require.main === module) {
  const r = newsroomReport(process.argv.includes('--verbose'));
  console.log(r.text);
  for (const p of r.problems) console.log(`MALFORMED: ${p}`);
}
