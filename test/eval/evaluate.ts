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
import { formatAttributionScores, loadAttributionSet, scoreAttributionSet } from './attribution-set';
import { newsroomReport } from './newsroom';
import { crossValidateNames, formatCrossValidation } from './cross-validation';
import { evaluateGum, type GumReport } from './gum';
import type { Detail } from './harness';
import { evaluateQuoteCorpus, type QuoteCorpusReport } from './quote-corpora';
import { listQuoteCorpora, loadQuoteCorpus, quoteFixturesDir, sharedDir } from './quote-fixtures';
import { greedyMatch, overlap, prf, type PRF } from './scoring';

export { greedyMatch, overlap, prf, type PRF };
export { nameTokens, namesMatch, speakerMatches } from './matching';

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
    console.log('usage: node out/test/eval/evaluate.js [--json] [--verbose] [--only=cv,attribution,newsroom,gum,wire,intl]');
    return 0;
  }
  const want = (k: string) => !only || only.includes(k);
  // What is learned is scored only on documents its model was not trained on; the attribution set is our
  // development set for the hand-written attribution rules.
  const cv = want('cv') ? crossValidateNames(5) : undefined;
  const attribution = want('attribution') ? loadAttributionSet() : undefined;
  const attributionDetails: string[] | undefined = verbose ? [] : undefined;
  const attributionScores = attribution ? scoreAttributionSet(attribution.documents, {}, attributionDetails) : undefined;
  const newsroom = want('newsroom') ? newsroomReport(verbose) : undefined;
  const rep = evaluate({ only, verbose });
  if (attribution) rep.problems.push(...attribution.problems.map((p) => `attribution set: ${p}`));
  if (newsroom) rep.problems.push(...newsroom.problems.map((p) => `newsroom set: ${p}`));
  if (json) {
    console.log(JSON.stringify({ crossValidation: cv, attribution: attributionScores, newsroom: newsroom && { dev: newsroom.dev, test: newsroom.test } }, null, 2));
  } else {
    if (cv) console.log(formatCrossValidation(cv) + '\n');
    else if (want('cv')) console.log('Names cross-validation: no GUM documents found (set NEWS_LENS_SHARED)\n');
    if (attributionScores) {
      console.log(formatAttributionScores(attributionScores, 'Attribution set (Wikinews news and interviews, annotated by us; development set of the attribution rules)'));
      for (const d of attributionDetails ?? []) console.log('    ' + d);
      console.log('');
    }
    if (newsroom) console.log(newsroom.text + '\n');
  }
  if (json) {
    const strip = <T extends { details?: Detail[] }>(x: T) => (verbose ? x : { ...x, details: undefined });
    const g = rep.gum && !('missing' in rep.gum) ? strip(rep.gum) : rep.gum;
    console.log(JSON.stringify({ ...rep, gum: g, corpora: rep.corpora.map(strip) }, null, 2));
  } else printReport(rep, verbose);
  return rep.problems.length ? 2 : 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
