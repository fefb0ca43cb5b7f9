// Runs the engine off the LSP thread. The server bundle starts itself as a worker_threads Worker
// (workerData.newsLensWorker), so dist/server.js stays one file. The worker keeps one ArticleAnalyzer per
// document (the engine's per-paragraph cache), so re-analysing after a one-paragraph edit only re-parses
// that paragraph. Requests are handled one at a time in arrival order; the LSP thread never blocks on them.
import { Worker, parentPort, isMainThread, workerData } from 'node:worker_threads';
import type { Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ArticleAnalyzer } from '../../core/index';
import type { Analysis, AnalyzeOptions } from '../../core/types';
import { toLspDiagnostics } from './diagnostics';
import { fullGc, heapUsed, IdleCollector } from './memory';

/** One analysis of a document version. */
export interface AnalyzeJob {
  uri: string;
  languageId: string;
  version: number;
  text: string;
  optionsKey: string;
  /** Also carries newsLens.severity (`severities`), which the engine applies to its diagnostics. */
  options: AnalyzeOptions;
}

/**
 * The LSP diagnostics of a finished analysis, sent ahead of the (much larger) Analysis itself so they can
 * be published without waiting for it to be copied to the LSP thread.
 */
export interface EarlyDiagnostics {
  diagnostics: Diagnostic[];
  ms: number;
}

type WorkerRequest =
  | ({ id: number; type: 'analyze' } & AnalyzeJob)
  | { id: number; type: 'analyzeOnce'; text: string; options: AnalyzeOptions }
  | { id: number; type: 'dispose'; uri: string }
  | { id: number; type: 'reset' };

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

type WorkerResponse =
  | { id: number; ok: true; result: any; ms: number }
  | { id: number; ok: false; error: string }
  | { id: number; early: EarlyDiagnostics };

type Engine = typeof import('../../core/index');
let engine: Engine | undefined;

/**
 * The engine, loaded on first use. A require() (not an import) so that esbuild initialises the engine and
 * its NLP model lazily: the LSP thread never pays for them (start-up time, heap, GC pauses) unless the
 * worker could not start.
 */
function loadEngine(): Engine {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (engine ??= require('../../core/index') as Engine);
}

/**
 * Characters of text whose analysers (with their per-paragraph caches, about 40 bytes of heap per character
 * of text) are kept. The least recently analysed documents beyond it lose theirs: their next edit is
 * analysed from scratch (fast enough for a document nobody is typing in), and ten open 1 MB documents stay
 * under 500 MB (npm run bench:memory). The document being analysed always keeps its analyser.
 */
export const ANALYZER_CACHE_CHARS = 2_000_000;

/** The engine's analysers, one per document (in the worker, or in the LSP thread when no worker could start). */
class AnalyzerPool {
  /** In order of last use, least recent first. */
  private readonly analyzers = new Map<string, { key: string; analyzer: ArticleAnalyzer; chars: number }>();

  /** Set when analysers were dropped: their memory is garbage now. */
  dropped = false;

  analyze(job: AnalyzeJob, early: (e: EarlyDiagnostics) => void): Analysis {
    const t0 = performance.now();
    let a = this.analyzers.get(job.uri);
    if (!a || a.key !== job.optionsKey) a = { key: job.optionsKey, analyzer: loadEngine().createAnalyzer(job.options), chars: 0 };
    this.analyzers.delete(job.uri);
    this.analyzers.set(job.uri, a);
    const analysis = a.analyzer.analyze(job.text);
    a.chars = job.text.length;
    this.evict(job.uri);
    const ms = performance.now() - t0;
    const doc = TextDocument.create(job.uri, job.languageId, job.version, job.text);
    early({ diagnostics: toLspDiagnostics(doc, analysis.diagnostics, job.version), ms });
    return analysis;
  }

  /** One analysis without an analyser kept for it (files that are not open: the workspace index, exports). */
  analyzeOnce(text: string, options: AnalyzeOptions): Analysis {
    return loadEngine().analyzeArticle(text, options);
  }

  dispose(uri: string): void {
    if (this.analyzers.delete(uri)) this.dropped = true;
  }

  /** Drops the least recently used analysers (never `keep`'s) while they hold more than ANALYZER_CACHE_CHARS. */
  private evict(keep: string): void {
    let total = 0;
    for (const a of this.analyzers.values()) total += a.chars;
    for (const [uri, a] of this.analyzers) {
      if (total <= ANALYZER_CACHE_CHARS) break;
      if (uri === keep) continue;
      this.analyzers.delete(uri);
      this.dropped = true;
      total -= a.chars;
    }
  }

  reset(): void {
    this.analyzers.clear();
    this.dropped = true;
  }

  run(msg: WorkerRequest, early: (e: EarlyDiagnostics) => void): unknown {
    switch (msg.type) {
      case 'analyze':
        return this.analyze(msg, early);
      case 'analyzeOnce':
        return this.analyzeOnce(msg.text, msg.options);
      case 'dispose':
        return this.dispose(msg.uri);
      case 'reset':
        return this.reset();
    }
  }
}

export function isAnalysisWorker(): boolean {
  return !isMainThread && !!workerData && (workerData as { newsLensWorker?: boolean }).newsLensWorker === true;
}

/** Idle time after which the worker collects the analysers it dropped. */
const GC_IDLE_MS = 500;
/**
 * Heap in use above which the worker collects right after an analysis (bursts of large documents): twice
 * what was live after the last collection, and at least this.
 */
const GC_ABOVE_BYTES = 150e6;

/** The worker side. */
export function runAnalysisWorker(): void {
  const pool = new AnalyzerPool();
  const port = parentPort!;
  // Memory (memory.ts): when analysers were dropped (a closed document, an evicted cache) the worker
  // collects once it has been idle for a moment, and at once when a burst of large documents has grown
  // its heap past a limit.
  const collector = new IdleCollector(GC_IDLE_MS);
  const canCollect = !!fullGc();
  let limit = GC_ABOVE_BYTES;
  port.on('message', (msg: WorkerRequest) => {
    collector.busy();
    const t0 = performance.now();
    let response: WorkerResponse;
    try {
      const result = pool.run(msg, (early) => port.postMessage({ id: msg.id, early } satisfies WorkerResponse));
      response = { id: msg.id, ok: true, result: result ?? null, ms: performance.now() - t0 };
    } catch (e) {
      response = { id: msg.id, ok: false, error: e instanceof Error ? e.stack || e.message : String(e) };
    }
    port.postMessage(response);
    if (!canCollect) return;
    if (msg.type === 'analyze' && heapUsed() > limit) {
      collector.collect();
      limit = Math.max(GC_ABOVE_BYTES, 2 * heapUsed());
    } else if (pool.dropped) {
      pool.dropped = false;
      collector.soon();
    } else collector.idle();
  });
}

interface Pending {
  resolve: (r: { result: any; ms: number }) => void;
  reject: (e: Error) => void;
  early?: (e: EarlyDiagnostics) => void;
}

/** The LSP-thread side: a promise API over one worker, with an in-thread fallback. */
export class AnalysisWorkerHost {
  private worker: Worker | undefined;
  private nextId = 1;
  private terminating = false;
  private readonly pending = new Map<number, Pending>();
  private inline: AnalyzerPool | undefined;

  /** `entryScript` is the server entry (dist/server.js, or server.js under out/), which calls runAnalysisWorker() in a worker. */
  constructor(private readonly log: (message: string) => void, entryScript: string) {
    try {
      this.worker = new Worker(entryScript, { workerData: { newsLensWorker: true } });
      this.worker.unref();
      this.worker.on('message', (r: WorkerResponse) => {
        const p = this.pending.get(r.id);
        if (!p) return;
        if ('early' in r) return p.early?.(r.early);
        this.pending.delete(r.id);
        if (r.ok) p.resolve({ result: r.result, ms: r.ms });
        else p.reject(new Error(r.error));
      });
      this.worker.on('error', (e) => {
        this.log(`News Lens analysis worker failed: ${e.stack || e.message}; analysing in the server thread from now on`);
        this.fallBack(e);
      });
      this.worker.on('exit', (code) => {
        if (this.terminating || !this.worker) return;
        this.log(`News Lens analysis worker exited (code ${code}); analysing in the server thread from now on`);
        this.fallBack(new Error(`the analysis worker exited with code ${code}`));
      });
    } catch (e) {
      this.log(`News Lens could not start an analysis worker (${String(e)}); analysing in the server thread`);
      this.fallBack(e as Error);
    }
  }

  private fallBack(e: Error): void {
    this.worker = undefined;
    this.inline = new AnalyzerPool();
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }

  private request(msg: WithoutId<WorkerRequest>, early?: (e: EarlyDiagnostics) => void): Promise<{ result: any; ms: number }> {
    if (!this.worker) {
      const t0 = performance.now();
      try {
        const result = this.inline!.run({ ...msg, id: 0 } as WorkerRequest, (e) => early?.(e));
        return Promise.resolve({ result: result ?? null, ms: performance.now() - t0 });
      } catch (e) {
        return Promise.reject(e);
      }
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, early });
      this.worker!.postMessage({ ...msg, id });
    });
  }

  /** Analyses one version; `early` gets its LSP diagnostics before the Analysis has been copied over. */
  analyze(job: AnalyzeJob, early: (e: EarlyDiagnostics) => void): Promise<{ result: Analysis; ms: number }> {
    return this.request({ type: 'analyze', ...job }, early);
  }

  /** Analyses a text once, keeping no analyser (a file that is not open). */
  analyzeOnce(text: string, options: AnalyzeOptions): Promise<{ result: Analysis; ms: number }> {
    return this.request({ type: 'analyzeOnce', text, options });
  }

  dispose(uri: string): void {
    void this.request({ type: 'dispose', uri }).catch(() => undefined);
  }

  reset(): void {
    void this.request({ type: 'reset' }).catch(() => undefined);
  }

  terminate(): void {
    this.terminating = true;
    void this.worker?.terminate();
  }
}
