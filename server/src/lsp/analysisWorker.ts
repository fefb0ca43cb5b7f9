// Runs the engine off the LSP thread. The server bundle starts itself as a worker_threads Worker
// (workerData.newsLensWorker), so dist/server.js stays one file. The worker keeps one ArticleAnalyzer per
// document (the engine's per-paragraph cache), so re-analysing after a one-paragraph edit only re-parses
// that paragraph. Requests are handled one at a time in arrival order; the LSP thread never blocks on them.
import { Worker, parentPort, isMainThread, workerData } from 'node:worker_threads';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeArticle, createAnalyzer, type ArticleAnalyzer } from '../core/index';
import type { Analysis, AnalyzeOptions } from '../core/types';
import { spanToRange } from './positions';
import type { Range } from 'vscode-languageserver';

export interface IndexedEntity {
  name: string;
  type: 'person' | 'country' | 'organization';
  leader: boolean;
  range: Range;
  mentions: number;
}

type WorkerRequest =
  | { id: number; type: 'analyze'; uri: string; text: string; optionsKey: string; options: AnalyzeOptions }
  | { id: number; type: 'index'; uri: string; text: string; options: AnalyzeOptions }
  | { id: number; type: 'dispose'; uri: string }
  | { id: number; type: 'reset' };

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
type WorkerResponse = { id: number; ok: true; result: any; ms: number } | { id: number; ok: false; error: string };

export function isAnalysisWorker(): boolean {
  return !isMainThread && !!workerData && (workerData as { newsLensWorker?: boolean }).newsLensWorker === true;
}

/** The worker side. */
export function runAnalysisWorker(): void {
  const analyzers = new Map<string, { key: string; analyzer: ArticleAnalyzer }>();
  const handle = (msg: WorkerRequest): unknown => {
    switch (msg.type) {
      case 'analyze': {
        let a = analyzers.get(msg.uri);
        if (!a || a.key !== msg.optionsKey) {
          a = { key: msg.optionsKey, analyzer: createAnalyzer(msg.options) };
          analyzers.set(msg.uri, a);
        }
        return a.analyzer.analyze(msg.text);
      }
      case 'index':
        return indexEntities(msg.uri, msg.text, analyzeArticle(msg.text, msg.options));
      case 'dispose':
        analyzers.delete(msg.uri);
        return null;
      case 'reset':
        analyzers.clear();
        return null;
    }
  };
  parentPort!.on('message', (msg: WorkerRequest) => {
    const t0 = performance.now();
    let response: WorkerResponse;
    try {
      response = { id: msg.id, ok: true, result: handle(msg), ms: performance.now() - t0 };
    } catch (e) {
      response = { id: msg.id, ok: false, error: e instanceof Error ? e.stack || e.message : String(e) };
    }
    parentPort!.postMessage(response);
  });
}

function indexEntities(uri: string, text: string, analysis: Analysis): IndexedEntity[] {
  const doc = TextDocument.create(uri, 'plaintext', 0, text);
  return analysis.entities
    .filter((e) => e.mentions.length > 0)
    .map((e) => ({
      name: e.name,
      type: e.type,
      leader: !!e.leader,
      range: spanToRange(doc, e.mentions[0]),
      mentions: e.mentions.length,
    }));
}

/** The LSP-thread side: a promise API over one worker, with an in-thread fallback. */
export class AnalysisWorkerHost {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: { result: any; ms: number }) => void; reject: (e: Error) => void }>();
  private inline: { analyzers: Map<string, { key: string; analyzer: ArticleAnalyzer }> } | undefined;

  /** `entryScript` is the server entry (dist/server.js, or server.js under out/), which calls runAnalysisWorker() in a worker. */
  constructor(private readonly log: (message: string) => void, entryScript: string) {
    try {
      this.worker = new Worker(entryScript, { workerData: { newsLensWorker: true } });
      this.worker.unref();
      this.worker.on('message', (r: WorkerResponse) => {
        const p = this.pending.get(r.id);
        if (!p) return;
        this.pending.delete(r.id);
        if (r.ok) p.resolve({ result: r.result, ms: r.ms });
        else p.reject(new Error(r.error));
      });
      this.worker.on('error', (e) => {
        this.log(`News Lens analysis worker failed: ${e.stack || e.message}; analysing in the server thread from now on`);
        this.fallBack(e);
      });
    } catch (e) {
      this.log(`News Lens could not start an analysis worker (${String(e)}); analysing in the server thread`);
      this.fallBack(e as Error);
    }
  }

  private fallBack(e: Error): void {
    this.worker = undefined;
    this.inline = { analyzers: new Map() };
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }

  private request(msg: WithoutId<WorkerRequest>): Promise<{ result: any; ms: number }> {
    if (!this.worker) return this.runInline(msg as WorkerRequest);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker!.postMessage({ ...msg, id });
    });
  }

  private async runInline(msg: WorkerRequest): Promise<{ result: any; ms: number }> {
    const t0 = performance.now();
    const analyzers = this.inline!.analyzers;
    switch (msg.type) {
      case 'analyze': {
        let a = analyzers.get(msg.uri);
        if (!a || a.key !== msg.optionsKey) analyzers.set(msg.uri, (a = { key: msg.optionsKey, analyzer: createAnalyzer(msg.options) }));
        return { result: a.analyzer.analyze(msg.text), ms: performance.now() - t0 };
      }
      case 'index':
        return { result: indexEntities(msg.uri, msg.text, analyzeArticle(msg.text, msg.options)), ms: performance.now() - t0 };
      case 'dispose':
        analyzers.delete(msg.uri);
        return { result: null, ms: 0 };
      case 'reset':
        analyzers.clear();
        return { result: null, ms: 0 };
    }
  }

  analyze(uri: string, text: string, optionsKey: string, options: AnalyzeOptions): Promise<{ result: Analysis; ms: number }> {
    return this.request({ type: 'analyze', uri, text, optionsKey, options });
  }

  index(uri: string, text: string, options: AnalyzeOptions): Promise<{ result: IndexedEntity[]; ms: number }> {
    return this.request({ type: 'index', uri, text, options });
  }

  dispose(uri: string): void {
    void this.request({ type: 'dispose', uri }).catch(() => undefined);
  }

  reset(): void {
    void this.request({ type: 'reset' }).catch(() => undefined);
  }

  terminate(): void {
    void this.worker?.terminate();
  }
}
