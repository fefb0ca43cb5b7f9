// npm run bench:tagger — the learned name tagger alone (emission scores and Viterbi), against the tagger of
// a baseline commit in the same process (these machines are noisy: compare ratios, not absolute times).
//   BENCH_BASELINE  git commit of the baseline (default: the merge base with main); its
//                   server/src/core/names/{features,perceptron}.ts are transpiled and loaded beside the build
//   BENCH_ARTICLES  articles in the corpus (default 250, about 1.3 MB; corpus.ts, every paragraph distinct)
//   BENCH_RUNS      rounds (default 5); each round times both taggers, in alternating order
// Tokens and slots are computed once, untimed. "cold" is the first pass over the corpus with a freshly loaded
// model (its caches empty), "warm" a second pass with the same model (as in a batch job after its first MB).
// Before timing, the emission scores of both taggers are compared on every paragraph: they must be equal.
// Then the whole analysis (analyzeArticle) of the corpus as one text, with each tagger swapped into the
// engine in turn (its exported paragraphEmissions and viterbi replaced), in alternating order.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import ts from 'typescript';
import modelData from '../../server/data/name-tagger.json';
import { analyzeArticle } from '../../server/src/core';
import { defaultKnowledgeBase } from '../../server/src/core/knowledgeBase';
import { lexicon, type Lexicon } from '../../server/src/core/lexicon';
import { paragraphSlots, type Slot } from '../../server/src/core/slots';
import * as current from '../../server/src/core/names/features';
import { knowledgeBaseNameWords } from '../../server/src/core/names/nameTagger';
import * as perceptron from '../../server/src/core/names/perceptron';
import { splitParagraphs, tokenize, type Token } from '../../server/src/core/text';
import { ROOT } from '../unit/batch/fixtures';
import { buildCorpus } from './corpus';

type NamesModel = perceptron.SequenceModel;
interface Tagger {
  name: string;
  paragraphEmissions: (model: NamesModel, tokens: Token[], slots: Slot[], lex: Lexicon, nameWords: ReadonlySet<string>) => Float64Array;
  viterbi: (model: NamesModel, scores: Float64Array, n: number) => number[];
  deserializeModel: (m: perceptron.SerializedModel) => NamesModel;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** A module of the baseline commit, transpiled and loaded as if it sat beside its build output (for its relative imports). */
function baselineModule(commit: string, file: string): unknown {
  const source = execFileSync('git', ['show', `${commit}:${file}`], { cwd: ROOT, encoding: 'utf8' });
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } }).outputText;
  const filename = path.join(ROOT, 'out', file.replace(/\.ts$/, `.baseline-${commit.slice(0, 8)}.js`));
  const m = new Module(filename, module) as Module & { _compile(code: string, filename: string): void };
  m.filename = filename;
  m.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(filename));
  m._compile(js, filename);
  return m.exports;
}

function baselineTagger(): Tagger | undefined {
  const commit = process.env.BENCH_BASELINE ?? execFileSync('git', ['merge-base', 'HEAD', 'main'], { cwd: ROOT, encoding: 'utf8' }).trim();
  try {
    const features = baselineModule(commit, 'server/src/core/names/features.ts') as Tagger;
    const p = baselineModule(commit, 'server/src/core/names/perceptron.ts') as Tagger;
    return { name: `baseline ${commit.slice(0, 8)}`, paragraphEmissions: features.paragraphEmissions, viterbi: p.viterbi, deserializeModel: p.deserializeModel };
  } catch (e) {
    console.log(`baseline ${commit}: not loadable (${(e as Error).message.split('\n')[0]}); timing this build alone`);
    return undefined;
  }
}

interface Paragraph {
  tokens: Token[];
  slots: Slot[];
}

function pass(t: Tagger, model: NamesModel, paragraphs: Paragraph[], lex: Lexicon, words: ReadonlySet<string>): number {
  const t0 = performance.now();
  let names = 0;
  for (const p of paragraphs) {
    if (!p.tokens.length) continue;
    const labels = t.viterbi(model, t.paragraphEmissions(model, p.tokens, p.slots, lex, words), p.tokens.length);
    for (const y of labels) if (y === 1) names++;
  }
  if (names === 0) throw new Error('no names tagged');
  return performance.now() - t0;
}

function main(): void {
  const articles = Number(process.env.BENCH_ARTICLES ?? 250);
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-bench-tagger-'));
  const lex = lexicon();
  const words = knowledgeBaseNameWords(defaultKnowledgeBase());
  const paragraphs: Paragraph[] = [];
  const texts: string[] = [];
  let chars = 0;
  try {
    for (const f of buildCorpus(dir, articles).files) {
      const text = fs.readFileSync(f, 'utf8');
      texts.push(text);
      chars += text.length;
      for (const p of splitParagraphs(text)) {
        const tokens = tokenize(p.text);
        paragraphs.push({ tokens, slots: paragraphSlots(p.text, tokens, lex) });
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const tokens = paragraphs.reduce((n, p) => n + p.tokens.length, 0);
  const mb = chars / 1e6;
  console.log(`corpus: ${articles} articles, ${mb.toFixed(2)} M UTF-16 units, ${paragraphs.length.toLocaleString('en-US')} paragraphs, ${tokens.toLocaleString('en-US')} tokens; ${runs} rounds`);

  const ours: Tagger = { name: 'this build', paragraphEmissions: current.paragraphEmissions, viterbi: perceptron.viterbi, deserializeModel: perceptron.deserializeModel };
  const base = baselineTagger();
  const taggers = base ? [base, ours] : [ours];

  if (base) {
    const a = base.deserializeModel(modelData as perceptron.SerializedModel);
    const b = ours.deserializeModel(modelData as perceptron.SerializedModel);
    for (const [k, p] of paragraphs.entries()) {
      const x = base.paragraphEmissions(a, p.tokens, p.slots, lex, words);
      const y = ours.paragraphEmissions(b, p.tokens, p.slots, lex, words);
      if (x.length !== y.length || x.some((v, i) => !Object.is(v, y[i]))) throw new Error(`paragraph ${k}: the emission scores differ from the baseline's`);
    }
    console.log(`emission scores: identical to the baseline's on all ${paragraphs.length.toLocaleString('en-US')} paragraphs`);
  }

  const cold = new Map<Tagger, number[]>(taggers.map((t) => [t, []]));
  const warm = new Map<Tagger, number[]>(taggers.map((t) => [t, []]));
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let r = 0; r < runs; r++) {
    for (const t of r % 2 ? [...taggers].reverse() : taggers) {
      gc?.();
      const model = t.deserializeModel(modelData as perceptron.SerializedModel);
      cold.get(t)!.push(pass(t, model, paragraphs, lex, words));
      warm.get(t)!.push(pass(t, model, paragraphs, lex, words));
    }
  }
  for (const t of taggers) {
    const c = median(cold.get(t)!);
    const w = median(warm.get(t)!);
    console.log(`${t.name.padEnd(18)} cold median ${c.toFixed(0).padStart(5)} ms (${(mb / (c / 1000)).toFixed(1)} MB/s), warm median ${w.toFixed(0).padStart(5)} ms (${(mb / (w / 1000)).toFixed(1)} MB/s)`);
  }
  if (base) {
    const ratio = (m: Map<Tagger, number[]>) => (median(m.get(base)!) / median(m.get(ours)!)).toFixed(2);
    const perRound = (m: Map<Tagger, number[]>) => median(m.get(base)!.map((x, i) => x / m.get(ours)![i])).toFixed(2);
    console.log(`speed-up, baseline / this build: cold ${ratio(cold)}× (per round ${perRound(cold)}×), warm ${ratio(warm)}× (per round ${perRound(warm)}×)`);
    fullAnalysis(texts.join('\n'), base, ours, runs);
  }
}

/** analyzeArticle of the whole text with each tagger in the engine, in alternating order; the same result from both. */
function fullAnalysis(text: string, base: Tagger, ours: Tagger, runs: number): void {
  // The compiled modules' exports, which the engine reads at each call.
  const features = require('../../server/src/core/names/features') as Pick<Tagger, 'paragraphEmissions'>;
  const p = require('../../server/src/core/names/perceptron') as Pick<Tagger, 'viterbi'>;
  const use = (t: Tagger) => {
    features.paragraphEmissions = t.paragraphEmissions;
    p.viterbi = t.viterbi;
  };
  const times = new Map<Tagger, number[]>([
    [base, []],
    [ours, []],
  ]);
  const results = new Map<Tagger, string>();
  const gc = (globalThis as { gc?: () => void }).gc;
  try {
    for (let r = 0; r <= runs; r++) {
      for (const t of r % 2 ? [ours, base] : [base, ours]) {
        use(t);
        gc?.();
        const t0 = performance.now();
        const a = analyzeArticle(text);
        const ms = performance.now() - t0;
        // Round 0 warms both up (and fills the tagger's caches) and is not counted.
        if (r > 0) times.get(t)!.push(ms);
        else results.set(t, JSON.stringify(a));
      }
    }
  } finally {
    use(ours);
  }
  if (results.get(base) !== results.get(ours)) throw new Error('the analysis differs with the baseline tagger');
  const mb = text.length / 1e6;
  for (const t of [base, ours]) {
    const m = median(times.get(t)!);
    console.log(`full analysis, ${t.name.padEnd(18)} median ${m.toFixed(0).padStart(5)} ms for ${mb.toFixed(2)} M UTF-16 units (${(m / mb).toFixed(0)} ms/MB)`);
  }
  console.log(`full analysis speed-up: ${(median(times.get(base)!) / median(times.get(ours)!)).toFixed(2)}× (per round ${median(times.get(base)!.map((x, i) => x / times.get(ours)![i])).toFixed(2)}×); the same analysis with both`);
}

main();
