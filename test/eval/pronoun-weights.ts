// npm run eval:pronouns — fits the weights of the pronoun-antecedent score (attribution/pronouns.ts) on our
// annotated documents and says how well the fitted weights do on documents they were not fitted on.
//
// Units are documents: the attribution set (Wikinews news and interviews), the quote fixtures (wire, intl) and
// the development part of the newsroom set (never its test part). Only documents with a pronoun-attributed quote can change with the weights; the score is the number
// of matched quotes with the right speaker. 5-fold cross-validation by document (round-robin): for each fold
// the grid's best weights on the other four folds are scored on the held-out one; the held-out sum is compared
// with the shipped weights on the same documents. The last line is the best weights on all documents, which
// is what PRONOUN_WEIGHTS should ship only if the cross-validated figure beats the shipped one.
import { analyzeArticle } from '../../server/src/core';
import { PRONOUN_WEIGHTS } from '../../server/src/core/attribution/context';
import type { PronounWeights } from '../../server/src/core/types';
import { loadAttributionSet, scoreAttributionSet, type AttributionDocument } from './attribution-set';
import { loadNewsroom } from './newsroom';
import { evaluateQuoteCorpus } from './quote-corpora';
import { listQuoteCorpora, loadQuoteCorpus, type QuoteFixture } from './quote-fixtures';

type Unit = { name: string; score: (w: PronounWeights) => number; total: number };

function units(): Unit[] {
  const out: Unit[] = [];
  const hasPronoun = (text: string) => analyzeArticle(text).quotes.some((q) => q.attribution === 'pronoun');
  for (const d of loadAttributionSet().documents as AttributionDocument[]) {
    if (!hasPronoun(d.text)) continue;
    const score = (w: PronounWeights) => scoreAttributionSet([d], { pronounWeights: w }).speakerAll.correct;
    out.push({ name: d.doc, score, total: scoreAttributionSet([d]).speakerAll.total });
  }
  for (const d of loadNewsroom().documents.filter((x) => x.part === 'dev')) {
    if (!hasPronoun(d.text)) continue;
    const score = (w: PronounWeights) => scoreAttributionSet([d], { pronounWeights: w }).speakerAll.correct;
    out.push({ name: `newsroom/${d.doc}`, score, total: scoreAttributionSet([d]).speakerAll.total });
  }
  for (const corpus of listQuoteCorpora()) {
    for (const fx of loadQuoteCorpus(corpus).fixtures as QuoteFixture[]) {
      if (!hasPronoun(fx.text)) continue;
      const score = (w: PronounWeights) => evaluateQuoteCorpus(corpus, [fx], false, { pronounWeights: w }).speaker.correct;
      out.push({ name: `${corpus}/${fx.name}`, score, total: evaluateQuoteCorpus(corpus, [fx], false).speaker.withSpeaker });
    }
  }
  return out;
}

function grid(): PronounWeights[] {
  const out: PronounWeights[] = [];
  for (const lastSpeaker of [0, 1, 2, 2.5, 3.5])
    for (const earlierSpeaker of [0, 1])
      for (const subject of [0, 0.75, 1.5, 2.5])
        for (const afterPreposition of [0, 1.5, 3])
          for (const sameParagraph of [0, 1, 2]) out.push({ sentence: 1, lastSpeaker, earlierSpeaker, subject, afterPreposition, sameParagraph });
  return out;
}

const same = (a: PronounWeights, b: PronounWeights) => (Object.keys(a) as (keyof PronounWeights)[]).every((k) => a[k] === b[k]);
const show = (w: PronounWeights) => (Object.keys(w) as (keyof PronounWeights)[]).map((k) => `${k} ${w[k]}`).join(', ');

function main(): void {
  const us = units();
  const ws = grid();
  if (!ws.some((w) => same(w, PRONOUN_WEIGHTS))) ws.push(PRONOUN_WEIGHTS);
  const t0 = Date.now();
  // scores[u][w]: right speakers in document u with weights w.
  const scores = us.map((u) => ws.map((w) => u.score(w)));
  const shippedAt = ws.findIndex((w) => same(w, PRONOUN_WEIGHTS));
  const best = (docs: number[]) => {
    let bi = shippedAt;
    let bs = -1;
    ws.forEach((_, i) => {
      const s = docs.reduce((a, d) => a + scores[d][i], 0);
      // Ties keep the shipped weights, then the earlier grid point.
      if (s > bs || (s === bs && i === shippedAt)) [bi, bs] = [i, s];
    });
    return bi;
  };
  const K = 5;
  let heldOut = 0;
  let shipped = 0;
  for (let k = 0; k < K; k++) {
    const test = us.map((_, i) => i).filter((i) => i % K === k);
    const train = us.map((_, i) => i).filter((i) => i % K !== k);
    const w = best(train);
    heldOut += test.reduce((a, d) => a + scores[d][w], 0);
    shipped += test.reduce((a, d) => a + scores[d][shippedAt], 0);
    console.log(`  fold ${k + 1}: ${show(ws[w])}`);
  }
  const total = us.reduce((a, u) => a + u.total, 0);
  const pct = (x: number) => ((100 * x) / total).toFixed(1);
  console.log(`documents with pronoun speakers: ${us.length}; matched quotes with a named speaker there: ${total}; ${ws.length} weightings searched in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  console.log(`right speaker, cross-validated (weights fitted on the other folds): ${pct(heldOut)}% (${heldOut}/${total})`);
  console.log(`right speaker, shipped weights on the same documents:               ${pct(shipped)}% (${shipped}/${total})`);
  const all = best(us.map((_, i) => i));
  console.log(`best on all documents: ${show(ws[all])} → ${pct(us.reduce((a, _, d) => a + scores[d][all], 0))}%`);
}

main();
