// 1. GUM news dev set: person-name mentions (any overlap / exact boundaries) and country-name mentions
// (overlap + same ISO3).

import fs from 'node:fs';
import { context, run, type Detail } from './harness';
import { anyOverlap, exactSpan, greedyMatch, prf, type Interval, type PRF } from './scoring';

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

export interface GumReport {
  file: string;
  articles: number;
  ms: number;
  errors: string[];
  badSpans: number;
  persons: { overlap: PRF; exact: PRF };
  countries: { overlap: PRF; exact: PRF; excluded: Record<string, number> };
  details: Detail[];
}

export function evaluateGum(file: string, verbose: boolean): GumReport | { file: string; missing: true } {
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
