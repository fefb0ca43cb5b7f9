// One batch document, in a worker thread: read it (a file, a `--stdin` record, or standard input as one
// article), cut it to the budget as the editor does, analyse it with the engine's public API, and hand
// back what the run writes: the annotations as one JSON line (annotate) or the article's conversation
// graph (graph). A document that cannot be read or parsed comes back as a reason, never as an exception;
// the pool (pool.ts) deals with documents that crash or hang the worker itself.
import { parentPort, workerData } from 'node:worker_threads';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analysisCut, analysisCutOfPrefix, cutPrefixBytes, formatSize, type AnalysisTruncation } from '../budget';
import type { Annotations, LeaderRecord } from '../core';
import { articleGraph } from '../graph/model';
import { decodeArticle, readArticleBeginning, readFailure, sha256Hex } from '../io/article';
import { spanToRange } from '../positions';
import type { GraphResult } from '../../../common/protocol';
import type { BatchInput } from './inputs';
import { calendarDateOf } from './dates';

export interface BatchSettings {
  mode: 'annotate' | 'graph';
  /** The budget in UTF-8 bytes; 0: none. */
  maxBytes: number;
  /** --date: the article date of every document. */
  date?: string;
  gazetteer: LeaderRecord[];
}

export type SkipCategory = 'unreadable' | 'bad-record' | 'analysis-error' | 'timeout' | 'crash';

export type JobResult =
  | {
      seq: number;
      ok: true;
      /** Bytes of the article (a file's bytes; a record's text in UTF-8). */
      bytes: number;
      truncated: boolean;
      warnings: string[];
      /** annotate: the annotations, as one line of JSON. */
      json?: string;
      /** graph: the article's graph, its id and date. */
      graph?: GraphResult;
      article?: string;
      date?: string;
    }
  | { seq: number; ok: false; category: SkipCategory; reason: string; bytes: number };

export type JobRequest = { seq: number; input: BatchInput };

/** Sent once the engine is loaded: the pool starts a document's timeout only then. */
export const READY = 'news-lens-batch-worker-ready';

type Engine = typeof import('../core');

class RecordError extends Error {}

/** Keys of a record that are not metadata. */
const RECORD_FIELDS = new Set(['id', 'text']);

interface Article {
  path: string;
  text: string;
  sha256: string;
  bytes: number;
  truncated?: AnalysisTruncation;
  date?: string;
  id?: string | number;
  metadata?: Record<string, unknown>;
  warnings: string[];
}

function parseRecord(raw: Uint8Array, line: number, maxBytes: number, date: string | undefined): Article {
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    throw new RecordError(`stdin line ${line}: not valid UTF-8`);
  }
  let record: unknown;
  try {
    record = JSON.parse(json);
  } catch (e) {
    throw new RecordError(`stdin line ${line}: not valid JSON (${(e as Error).message}); a record is one JSON object {"id": …, "text": …} per line`);
  }
  if (!record || typeof record !== 'object' || Array.isArray(record)) {
    throw new RecordError(`stdin line ${line}: a record must be a JSON object {"id": …, "text": …}, not ${Array.isArray(record) ? 'an array' : JSON.stringify(record)}`);
  }
  const r = record as Record<string, unknown>;
  const hasId = typeof r.id === 'string' || typeof r.id === 'number';
  const named = hasId ? ` (id ${JSON.stringify(r.id)})` : '';
  if (r.id !== undefined && !hasId) throw new RecordError(`stdin line ${line}: "id" must be a string or a number, not ${JSON.stringify(r.id)}`);
  if (typeof r.text !== 'string') throw new RecordError(`stdin line ${line}${named}: the record has no "text" string`);
  const metadata: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) if (!RECORD_FIELDS.has(k)) metadata[k] = v;
  const warnings: string[] = [];
  let recordDate: string | undefined;
  if (r.date !== undefined && date === undefined) {
    recordDate = calendarDateOf(r.date);
    if (!recordDate) warnings.push(`stdin line ${line}${named}: "date" ${JSON.stringify(r.date)} is not a date (YYYY-MM-DD, or an ISO 8601 date and time); the article's own date is used`);
  }
  const text = r.text;
  return {
    path: hasId ? String(r.id) : `stdin:${line}`,
    text,
    sha256: sha256Hex(text),
    bytes: Buffer.byteLength(text, 'utf8'),
    truncated: maxBytes ? analysisCut(text, maxBytes) : undefined,
    date: date ?? recordDate,
    id: hasId ? (r.id as string | number) : undefined,
    metadata: Object.keys(metadata).length ? metadata : undefined,
    warnings,
  };
}

async function readInput(input: BatchInput, settings: BatchSettings): Promise<Article> {
  const { maxBytes, date } = settings;
  if (input.kind === 'record') return parseRecord(input.raw, input.line, maxBytes, date);
  if (input.kind === 'text') {
    const text = decodeArticle(input.bytes);
    return { path: input.path, text, sha256: sha256Hex(input.bytes), bytes: input.bytes.length, truncated: maxBytes ? analysisCut(text, maxBytes) : undefined, date, warnings: [] };
  }
  // Room past the cut for the first line of the skipped part, which the diagnostic quotes.
  const read = readArticleBeginning(input.path, maxBytes ? cutPrefixBytes(maxBytes) + 1024 : Infinity);
  const truncated = !maxBytes ? undefined : read.partial ? analysisCutOfPrefix(read.text, maxBytes, { length: read.length, bytes: read.textBytes }) : analysisCut(read.text, maxBytes);
  return { path: input.path, text: read.text, sha256: read.sha256, bytes: read.bytes, truncated, date, warnings: [] };
}

/** Characters of the skipped part the diagnostic covers: its first line, at most this many (as in the editor). */
const RANGE_CHARS = 200;

/** The `analysis-truncated` diagnostic, as the engine's diagnostics are written: a span of the file's text. */
function truncationDiagnostic(text: string, t: AnalysisTruncation) {
  const start = t.analyzedLength;
  let end = start;
  while (end < text.length && end - start < RANGE_CHARS && !/[\r\n\u2028\u2029]/.test(text[end])) end++;
  if (end > start && text.charCodeAt(end - 1) >= 0xd800 && text.charCodeAt(end - 1) <= 0xdbff) end--;
  const line = (text.slice(0, start).match(/\r\n|\r|\n|\u2028|\u2029/g)?.length ?? 0) + 1;
  return {
    start,
    end,
    text: text.slice(start, end),
    code: 'analysis-truncated',
    severity: 'information' as const,
    message:
      `News Lens analysed only the first ${formatSize(t.analyzedBytes)} of this ${formatSize(t.totalBytes)} article and skipped the rest ` +
      `(from line ${line.toLocaleString('en-US')}, ${formatSize(t.totalBytes - t.analyzedBytes)}): it is larger than --max-file-size ` +
      `(${t.maxBytes.toLocaleString('en-US')} bytes), the budget that keeps each analysis within seconds and the run's memory bounded. ` +
      `Nothing after this point has annotations. Raise --max-file-size (0: no limit) to analyse more.`,
  };
}

export async function runJob(engine: Engine, req: JobRequest, settings: BatchSettings): Promise<JobResult> {
  const { seq, input } = req;
  let article: Article;
  try {
    article = await readInput(input, settings);
  } catch (e) {
    const bytes = input.kind === 'record' ? input.raw.length : input.kind === 'text' ? input.bytes.length : 0;
    if (e instanceof RecordError) return { seq, ok: false, category: 'bad-record', reason: e.message, bytes };
    return { seq, ok: false, category: 'unreadable', reason: `${input.kind === 'file' ? input.path : '-'}: ${readFailure(e)}`, bytes };
  }
  const { text, truncated: t } = article;
  const analysed = t ? text.slice(0, t.analyzedLength) : text;
  try {
    const analysis = engine.analyzeArticle(analysed, { date: article.date, gazetteer: settings.gazetteer });
    const base = { seq, ok: true as const, bytes: article.bytes, truncated: !!t, warnings: article.warnings };
    if (settings.mode === 'graph') {
      const doc = TextDocument.create(article.path, 'plaintext', 0, analysed);
      const graph = articleGraph(analysis, article.path, (s) => spanToRange(doc, s));
      // The corpus graph counts quotes; their text would only make a year of articles weigh on memory.
      for (const n of graph.nodes) for (const q of n.quotes) q.text = '';
      return { ...base, graph, article: article.path, date: analysis.source.date };
    }
    const annotations: Annotations & { source: Record<string, unknown> } = engine.toAnnotations(analysis, { path: article.path, sha256: article.sha256 });
    if (article.id !== undefined) annotations.source.id = article.id;
    if (article.metadata) annotations.source.metadata = article.metadata;
    if (t) {
      annotations.source.length = t.totalLength;
      annotations.source.truncated = { ...t };
      annotations.diagnostics.push(truncationDiagnostic(text, t));
    }
    return { ...base, json: JSON.stringify(annotations) };
  } catch (e) {
    return { seq, ok: false, category: 'analysis-error', reason: `${article.path}: analysis failed: ${(e as Error).message}`, bytes: article.bytes };
  }
}

export function isBatchWorker(): boolean {
  return !!workerData && (workerData as { newsLensBatchWorker?: boolean }).newsLensBatchWorker === true;
}

/** The worker side: loads the engine, says so, then runs one document per message. */
export function runBatchWorker(): void {
  const port = parentPort!;
  const settings = (workerData as { settings: BatchSettings }).settings;
  // A require(), not an import: the engine loads in the workers only, never in the CLI's main thread.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const engine = require('../core') as Engine;
  engine.analyzeArticle('Warm-up.', {});
  port.postMessage(READY);
  // One at a time, in arrival order (the pool sends the next document before this one is done, and
  // reading a file is asynchronous): the pool matches each answer with its oldest question.
  let previous: Promise<void> = Promise.resolve();
  port.on('message', (req: JobRequest) => {
    previous = previous.then(() => runJob(engine, req, settings).then((r) => port.postMessage(r)));
  });
}
