// A batch run in the CLI's main thread: find the inputs, feed them to the worker pool, write the results
// in input order as they come (annotate: JSON Lines, or one JSON array streamed; graph: one merged
// network at the end), and report progress and the summary on stderr. The engine never loads here.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { GraphMerger } from '../graph/model';
import { FileExistsError, writeFilesAtomic } from '../../../common/atomicWrite';
import type { LeaderRecord } from '../core';
import { walkArticles, streamLines, type BatchInput } from './inputs';
import { corpusEdgesCsv, corpusGraph, corpusGraphml, corpusNodesCsv, type ArticleDates, type GraphFormat } from './graphFormats';
import { runOrdered, WorkerPool } from './pool';
import { ProgressBar, RunStats, summaryLine } from './report';
import type { BatchSettings, JobResult } from './worker';

export interface BatchArgs {
  command: 'annotate' | 'graph';
  format: 'json' | 'jsonl' | GraphFormat;
  date?: string;
  gazetteer: LeaderRecord[];
  inputs: string[];
  stdin: boolean;
  include: string[];
  exclude: string[];
  jobs: number;
  /** Seconds per document; 0: none. */
  timeout: number;
  /** Bytes; 0: no limit. */
  maxFileSize: number;
  /** MB of heap per worker; undefined: Node's default. */
  workerMemory?: number;
  quiet: boolean;
  /** true: the summary as JSON on stderr; a string: into that file. */
  jsonSummary: boolean | string;
  /** graph: write here (csv: a folder for nodes.csv and edges.csv) instead of stdout. */
  out?: string;
  force: boolean;
}

export interface BatchStreams {
  stdin: NodeJS.ReadableStream & AsyncIterable<Buffer | string> & { fd?: number };
  stdout: NodeJS.WritableStream & { writableNeedDrain?: boolean };
  stderr: NodeJS.WriteStream;
}

/** At most this many documents per job are in flight or waiting to be written (memory: window × a result). */
const WINDOW_PER_JOB = 8;

/** V8's --interrupt-budget for the workers: 4 MiB of bytecode run before a function is considered for optimisation (V8's default: 132 KiB). */
const INTERRUPT_BUDGET = 4 * 1024 * 1024;

async function readAll(stream: AsyncIterable<Buffer | string>): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c, 'utf8') : c);
  return Buffer.concat(chunks);
}

/** Runs annotate or graph over the inputs; returns the exit code (0, or 1 when a document was skipped). */
export async function runBatch(args: BatchArgs, io: BatchStreams, script: string, initialStatus: number): Promise<number> {
  let status = initialStatus;
  const stats = new RunStats();
  const { stderr } = io;
  let progress: ProgressBar | undefined;
  const message = (s: string) => {
    progress?.clear();
    stderr.write(s);
    progress?.update(true);
  };

  // ---- the inputs ----
  let inputs: AsyncIterable<BatchInput> | BatchInput[];
  let total: { documents?: number; bytes?: number } = {};
  if (args.stdin) {
    inputs = (async function* () {
      for await (const { line, raw } of streamLines(io.stdin)) yield { kind: 'record' as const, line, raw };
    })();
    try {
      const st = fs.fstatSync(0);
      if (st.isFile()) total = { bytes: st.size };
    } catch {
      // not a file: no total
    }
  } else {
    const list: BatchInput[] = [];
    for (const arg of args.inputs) {
      if (arg === '-') {
        list.push({ kind: 'text', path: '-', bytes: await readAll(io.stdin) });
        continue;
      }
      const stat = await fs.promises.stat(arg).catch(() => undefined);
      if (stat?.isDirectory()) {
        const found = await walkArticles(arg, { include: args.include, exclude: args.exclude }, (f, reason) => {
          message(`news-lens: ${f}: not read: ${reason}\n`);
          status = 1;
        });
        if (!found.length) message(`news-lens: ${arg}: no articles found (${args.include.length ? `--include ${args.include.join(' ')}` : '*.txt, *.md, *.markdown, *.article'})\n`);
        for (const f of found) list.push({ kind: 'file', path: f });
      } else list.push({ kind: 'file', path: arg });
    }
    inputs = list;
    total = { documents: list.length };
  }
  const showProgress = !args.quiet && !!stderr.isTTY;
  if (showProgress) progress = new ProgressBar(stderr, stats, total);

  // ---- the output ----
  let stopped = false;
  let drained: (() => void) | undefined;
  io.stdout.on('error', (e: NodeJS.ErrnoException) => {
    // A closed pipe (`| head`): stop reading and analysing; anything else is reported at the end.
    if (e.code !== 'EPIPE') message(`news-lens: cannot write the output: ${e.message}\n`);
    stopped = true;
    status = 1;
    drained?.();
  });
  const write = (s: string): Promise<void> | void => {
    if (stopped) return;
    if (io.stdout.write(s)) return;
    return new Promise<void>((resolve) => {
      drained = resolve;
      io.stdout.once('drain', resolve);
    });
  };

  // annotate --format json: one object for one document, else an array; written as results come.
  let held: string | undefined;
  let arrayOpen = false;
  const emitJson = (json: string) => {
    if (args.format === 'jsonl') return write(json + '\n');
    if (!arrayOpen && held === undefined) {
      held = json;
      return;
    }
    if (!arrayOpen) {
      arrayOpen = true;
      const first = held!;
      held = undefined;
      return write(`[${first},${json}`);
    }
    return write(`,${json}`);
  };

  const merger = args.command === 'graph' ? new GraphMerger() : undefined;
  const dates: ArticleDates = new Map();

  // Optimise only what is really hot. With V8's default budget each worker spent about as much CPU in
  // TurboFan's background threads (compiling, and recompiling what deoptimised) as in analysing a 2,000-
  // article corpus, so two workers kept more than two cores busy and ran no faster than one; with 32 times
  // the budget they compile a fraction of that and the work scales (README, "Speed"). Set before the
  // workers' isolates exist, so it applies to them; only the batch commands run here.
  v8.setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
  const settings: BatchSettings = { mode: args.command, maxBytes: args.maxFileSize, date: args.date, gazetteer: args.gazetteer };
  const size = Math.max(1, Math.min(args.jobs, total.documents ?? args.jobs));
  const pool = new WorkerPool({
    size,
    script,
    settings,
    timeoutMs: args.timeout * 1000,
    resourceLimits: args.workerMemory ? { maxOldGenerationSizeMb: args.workerMemory } : undefined,
  });
  const emit = (input: BatchInput, r: JobResult): void | Promise<void> => {
    stats.documents++;
    if (!r.ok) {
      stats.skipped[r.category]++;
      stats.bytes += r.bytes;
      status = 1;
      message(`news-lens: ${r.reason}\n`);
      progress?.update();
      return;
    }
    stats.done++;
    stats.bytes += r.bytes;
    if (r.truncated) stats.truncated++;
    for (const w of r.warnings) message(`news-lens: ${w}\n`);
    progress?.update();
    if (r.graph) {
      merger!.add(r.graph);
      if (r.date && r.graph.nodes.length) dates.set(r.article!, r.date);
      return;
    }
    if (r.json !== undefined) return emitJson(r.json);
  };
  try {
    await runOrdered(inputs, pool, size * WINDOW_PER_JOB, emit, () => stopped);
  } finally {
    await pool.close();
  }
  if (held !== undefined) await write(held + '\n');
  else if (arrayOpen) await write(']\n');

  if (merger && !stopped) {
    const graph = corpusGraph(merger.result(), dates);
    const files: { name: string; content: string }[] =
      args.format === 'csv' ? [{ name: 'nodes.csv', content: corpusNodesCsv(graph) }, { name: 'edges.csv', content: corpusEdgesCsv(graph) }] : [{ name: '', content: args.format === 'json' ? JSON.stringify(graph) + '\n' : corpusGraphml(graph) }];
    if (!args.out) await write(files[files.length - 1].content);
    else {
      const targets = args.format === 'csv' ? files.map((f) => ({ path: path.join(args.out!, f.name), content: f.content })) : [{ path: args.out, content: files[0].content }];
      try {
        await writeFilesAtomic(targets, { overwrite: args.force });
        if (!args.quiet) message(`news-lens: wrote ${targets.map((t) => t.path).join(', ')} (${graph.nodes.length.toLocaleString('en-US')} nodes, ${graph.edges.length.toLocaleString('en-US')} edges)\n`);
      } catch (e) {
        message(`news-lens: the graph was not written: ${(e as Error).message}${e instanceof FileExistsError ? '; use --force to replace' : ''}\n`);
        status = 1;
      }
    }
  }

  progress?.clear();
  progress = undefined;
  if (stopped) stderr.write(`news-lens: the output was closed: stopped after ${stats.documents.toLocaleString('en-US')} documents\n`);
  const summary = stats.summary(size);
  if (args.jsonSummary === true) stderr.write(JSON.stringify(summary) + '\n');
  else if (typeof args.jsonSummary === 'string') {
    try {
      await writeFilesAtomic([{ path: args.jsonSummary, content: JSON.stringify(summary) + '\n' }], { overwrite: true });
    } catch (e) {
      stderr.write(`news-lens: the summary was not written: ${(e as Error).message}\n`);
      status = 1;
    }
  }
  if (!args.quiet && args.jsonSummary !== true) stderr.write(summaryLine(summary, args.command === 'graph' ? 'analysed' : 'annotated'));
  return status;
}
