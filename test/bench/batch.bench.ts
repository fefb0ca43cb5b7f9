// Batch CLI benchmark (not a timed test): the built `news-lens annotate` over a corpus of news-like
// articles, as users run it.
//   npm run bench:batch
// 1. Builds BENCH_ARTICLES (default 2,000) distinct news-like articles in a temporary folder (corpus.ts:
//    no paragraph appears twice in the corpus).
// 2. Runs the CLI over the folder with --jobs 1 and --jobs 2, alternately, BENCH_RUNS times each (default
//    3), and reports medians: MB/s, time per article, peak resident memory of the whole process (workers
//    are threads in it; from --json-summary's ru_maxrss), and the scaling ratio jobs 2 / jobs 1.
// 3. A 50 MB article with the default --max-file-size under `node --max-old-space-size=512`.
// Baseline, in the same run: a CPU-bound loop in 1 and in 2 worker threads, so that the CLI's scaling can
// be read against the parallelism the machine actually gave (on a machine shared with other work, two
// threads get less than twice one thread's CPU). Targets: ≥ 1 MB/s per job, ≥ 1.7× with two jobs, peak
// RSS ≤ 300 MB + 150 MB per job, the 50 MB file annotated under a 512 MB heap. The numbers depend on the
// machine's load: run it on a quiet machine.
import { spawnSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../unit/batch/fixtures';
import { buildCorpus } from './corpus';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 2000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CLI = path.join(ROOT, 'dist/cli.js');

interface Summary {
  documents: number;
  analysed: number;
  bytes: number;
  seconds: number;
  mbPerSecond: number;
  cpuSeconds: number;
  peakRssMB: number;
}

function runCli(args: string[], nodeArgs: string[] = []): { summary: Summary; wall: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-bench-run-'));
  const summaryFile = path.join(dir, 'summary.json');
  const out = fs.openSync(path.join(dir, 'out.jsonl'), 'w');
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [...nodeArgs, CLI, 'annotate', '--format', 'jsonl', '--quiet', `--json-summary=${summaryFile}`, ...args], { stdio: ['ignore', out, 'pipe'], encoding: 'utf8', timeout: 1_800_000 });
  const wall = (performance.now() - t0) / 1000;
  fs.closeSync(out);
  if (r.status !== 0) throw new Error(`news-lens ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  const summary = JSON.parse(fs.readFileSync(summaryFile, 'utf8')) as Summary;
  fs.rmSync(dir, { recursive: true, force: true });
  return { summary, wall };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Seconds for `threads` worker threads each running the same CPU-bound loop (no memory traffic). */
async function spin(threads: number): Promise<number> {
  const code = `let x = 0; for (let i = 0; i < 4e8; i++) x = (x * 31 + i) | 0; require('node:worker_threads').parentPort.postMessage(x);`;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: threads }, () => new Promise((resolve, reject) => new Worker(code, { eval: true }).once('message', resolve).once('error', reject))));
  return (performance.now() - t0) / 1000;
}

async function main(): Promise<void> {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: npm run build`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-bench-batch-'));
  try {
    const corpusDir = path.join(work, 'corpus');
    const corpus = buildCorpus(corpusDir, ARTICLES);
    const rows: [string, string][] = [];
    rows.push(['corpus', `${corpus.files.length.toLocaleString('en-US')} articles, ${(corpus.bytes / 1e6).toFixed(1)} MB, ${corpus.paragraphs.toLocaleString('en-US')} paragraphs (all distinct), ${os.cpus().length} CPUs`]);

    const byJobs = new Map<number, Summary[]>([
      [1, []],
      [2, []],
    ]);
    const machine: number[] = [];
    const normalised: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const one = await spin(1);
      const two = await spin(2);
      machine.push((2 * one) / two);
      for (const jobs of [1, 2]) {
        const { summary } = runCli(['--jobs', String(jobs), corpusDir]);
        if (summary.analysed !== corpus.files.length) throw new Error(`only ${summary.analysed} of ${corpus.files.length} articles annotated`);
        byJobs.get(jobs)!.push(summary);
        console.error(`run ${r + 1}, --jobs ${jobs}: ${summary.mbPerSecond.toFixed(2)} MB/s, ${summary.seconds.toFixed(1)} s, CPU ${summary.cpuSeconds.toFixed(1)} s, peak RSS ${summary.peakRssMB} MB (load ${os.loadavg()[0].toFixed(1)})`);
      }
      const [j1, j2] = [byJobs.get(1)![r], byJobs.get(2)![r]];
      normalised.push(j2.mbPerSecond / j1.mbPerSecond / machine[r]);
    }
    const rate = new Map<number, number>();
    for (const [jobs, runs] of byJobs) {
      const mbs = median(runs.map((s) => s.mbPerSecond));
      rate.set(jobs, mbs);
      rows.push([`--jobs ${jobs}: throughput (median of ${runs.length})`, `${mbs.toFixed(2)} MB/s (${(mbs / jobs).toFixed(2)} MB/s per job)`]);
      rows.push([`--jobs ${jobs}: time per article`, `${((median(runs.map((s) => s.seconds)) * 1000) / corpus.files.length).toFixed(2)} ms (wall, whole run incl. start-up)`]);
      rows.push([`--jobs ${jobs}: CPU time per MB (all threads)`, `${median(runs.map((s) => s.cpuSeconds / (s.bytes / 1e6))).toFixed(2)} s`]);
      rows.push([`--jobs ${jobs}: peak resident memory`, `${median(runs.map((s) => s.peakRssMB)).toFixed(0)} MB (max ${Math.max(...runs.map((s) => s.peakRssMB)).toFixed(0)}; target ≤ ${300 + 150 * jobs} MB)`]);
    }
    const ratio = rate.get(2)! / rate.get(1)!;
    rows.push(['scaling, --jobs 2 / --jobs 1', `${ratio.toFixed(2)}× (target ≥ 1.7×)`]);
    // Start-up (process, workers, engine) is paid once per run whatever the corpus: a run over one short
    // article measures it, and the scaling of the rest is what a larger corpus approaches.
    const short = path.join(work, 'short.txt');
    fs.writeFileSync(short, 'Russian President Vladimir Putin spoke by phone with Israeli Prime Minister Benjamin Netanyahu.\n');
    const startup = median(Array.from({ length: 5 }, () => runCli(['--jobs', '1', short]).summary.seconds));
    const steady = (jobs: number) => median(byJobs.get(jobs)!.map((s) => s.seconds)) - startup;
    rows.push(['start-up (a run over one short article, median of 5)', `${startup.toFixed(2)} s`]);
    rows.push(['scaling without start-up', `${(steady(1) / steady(2)).toFixed(2)}× (what a larger corpus approaches)`]);
    rows.push(['baseline: a CPU-bound loop, 2 threads / 1 thread (same run)', `${median(machine).toFixed(2)}× (the parallelism the machine gave at the time; load average ${os.loadavg()[0].toFixed(1)})`]);
    rows.push(['scaling / baseline, per round (median)', `${median(normalised).toFixed(2)}`]);

    // The 50 MB article under a 512 MB heap, with the default budget.
    const big = path.join(work, 'fifty.txt');
    const fd = fs.openSync(big, 'w');
    let size = 0;
    for (let i = 0; size < 50e6; i++) {
      const chunk = fs.readFileSync(corpus.files[i % corpus.files.length], 'utf8').replace(/\n\n/g, `\n\n(${i}) `) + '\n';
      fs.writeSync(fd, chunk);
      size += Buffer.byteLength(chunk);
    }
    fs.closeSync(fd);
    const fifty = runCli(['--jobs', '1', big], ['--max-old-space-size=512']);
    rows.push([`${(size / 1e6).toFixed(0)} MB article, default --max-file-size, --max-old-space-size=512`, `annotated (first 2.0 MB) in ${fifty.summary.seconds.toFixed(1)} s, peak RSS ${fifty.summary.peakRssMB.toFixed(0)} MB`]);

    const width = Math.max(...rows.map(([k]) => k.length));
    for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
    const peak = (jobs: number) => Math.max(...byJobs.get(jobs)!.map((s) => s.peakRssMB));
    const ok = rate.get(1)! >= 1 && rate.get(2)! / 2 >= 1 && ratio >= 1.7 && peak(1) <= 450 && peak(2) <= 600 && fifty.summary.analysed === 1;
    console.log(ok ? 'targets met: ≥ 1 MB/s per job, ≥ 1.7× with two jobs, peak RSS ≤ 300 + 150 MB per job, 50 MB under a 512 MB heap' : 'TARGETS MISSED (see above)');
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module)
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
