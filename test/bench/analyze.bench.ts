// npm run bench — engine speed on ≥ 1 MB of news-like text, against bare compromise parsing of the same
// text in the same process (these machines are noisy: compare ratios, not absolute times).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import nlp from 'compromise';
import { analyzeArticle, createAnalyzer } from '../../server/src/core';

const root = path.resolve(__dirname, '../../..');
const shared = process.env.NEWS_LENS_SHARED ?? path.resolve(root, '../shared');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function time<T>(fn: () => T): [number, T] {
  const t0 = performance.now();
  const r = fn();
  return [performance.now() - t0, r];
}

function newsCorpus(): { seed: string; parts: string[] } {
  const seed = readFileSync(path.join(shared, 'seed/putin-netanyahu-call.txt'), 'utf8');
  const parts = [seed];
  const gum = path.join(shared, 'data/gum-news-dev.jsonl');
  if (existsSync(gum)) for (const line of readFileSync(gum, 'utf8').trim().split('\n')) parts.push(JSON.parse(line).text);
  for (const sub of ['wire', 'intl']) {
    const dir = path.join(root, 'test/fixtures/quotes', sub);
    if (existsSync(dir)) for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt'))) parts.push(readFileSync(path.join(dir, f), 'utf8'));
  }
  return { seed, parts };
}

function main(): void {
  const sizeMb = Number(process.env.BENCH_MB ?? 1);
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  const { seed, parts } = newsCorpus();
  // Articles one after another, as in a long file of wire copy. Each copy's paragraphs carry the story's
  // number so that no paragraph repeats: the paragraph cache must not make the full analysis look cheap.
  let text = '';
  for (let n = 0; text.length < sizeMb * 1_000_000; n++) {
    const story = parts[n % parts.length].replace(/([^\n])(\r?\n|$)/g, `$1 (${n})$2`);
    text += `Story ${n}\n\n${story}\n\n`;
  }
  console.log(`text: ${(text.length / 1e6).toFixed(2)} M UTF-16 units, ${parts.length} distinct articles, ${runs} runs each`);

  // Measured first, in a fresh heap, as in an editor that has only this document open.
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const analyzer = createAnalyzer();
  analyzer.analyze(text);
  // Edits at 10 %, 15 %, … 80 % of the document: a new paragraph each time (everything after it moves), then
  // a word typed into an existing paragraph. The first five are warm-up (the JIT has not yet seen the
  // incremental paths) and are not counted.
  const edits: number[] = [];
  let current = text;
  for (let k = 0; k < 36; k++) {
    const at = current.indexOf('\n\n', Math.floor(current.length * (0.1 + (k % 15) * 0.05))) + 2;
    const edited =
      k % 2 === 0
        ? current.slice(0, at) + `Foreign Minister Sergei Lavrov told reporters the talks (${k}) went well.\n\n` + current.slice(at)
        : current.slice(0, at) + `Meanwhile ${k}, ` + current.slice(at);
    const ms = time(() => analyzer.analyze(edited))[0];
    if (k >= 5) edits.push(ms);
    current = edited;
  }
  console.log(`re-analysis after a one-paragraph edit (1 MB): median ${median(edits).toFixed(1)} ms, p90 ${[...edits].sort((a, b) => a - b)[Math.floor(edits.length * 0.9)].toFixed(1)} ms over ${edits.length} edits  (target ≤ 50 ms median)`);

  // Full analysis against bare compromise parsing, both warmed up on the seed first.
  nlp(seed);
  analyzeArticle(seed);

  const bare: number[] = [];
  const ours: number[] = [];
  for (let r = 0; r < runs; r++) {
    bare.push(time(() => nlp(text))[0]);
    ours.push(time(() => analyzeArticle(text))[0]);
  }
  const mb = median(bare);
  const mo = median(ours);
  console.log(`bare compromise nlp(text):      median ${mb.toFixed(0)} ms  (${((mb * 1000) / text.length).toFixed(2)} µs/char)`);
  console.log(`full News Lens analysis:        median ${mo.toFixed(0)} ms  (${((mo * 1000) / text.length).toFixed(2)} µs/char)`);
  console.log(`ratio analysis / compromise:    ${(mo / mb).toFixed(2)}   (target ≤ 1.0, aim 0.5)`);

  const seedTimes: number[] = [];
  for (let k = 0; k < 50; k++) seedTimes.push(time(() => analyzeArticle(seed))[0]);
  console.log(`seed article, warm, fresh analyzer: median ${median(seedTimes).toFixed(2)} ms  (target ≤ 60 ms)`);
  gc?.();
  console.log(`heap after: ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
}

main();
