// The workspace index: every article in the workspace, for workspace symbols (its entities) and the
// workspace conversation graph. Files are analysed in the background (its own worker, so open documents
// never queue behind it) with LSP work-done progress that the user can cancel; what the index keeps of each
// analysis is built here. Watched-file events keep it current. Open documents are served from their live
// analysis instead.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FileChangeType, type FileEvent, type Range, type WorkDoneProgressServerReporter } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { GraphResult } from '../../../../common/protocol';
import type { Analysis } from '../../core/types';
import { articleGraph } from '../../graph/model';
import { readArticleFile } from '../../io/article';
import { spanToRange } from '../../positions';
import { firstMention } from '../../query';
import type { SettingsStore } from '../settings';
import type { AnalysisWorkerHost } from './worker';

const EXTENSIONS: Record<string, string[]> = { plaintext: ['.txt'], markdown: ['.md', '.markdown'], 'news-article': ['.article'] };
const SKIP_DIRS = new Set(['node_modules', 'out', 'dist', 'build', 'coverage']);
const MAX_FILES = 5000;
const PROGRESS_INTERVAL_MS = 100;

export interface IndexedEntity {
  name: string;
  type: 'person' | 'country' | 'organization';
  leader: boolean;
  range: Range;
  mentions: number;
}

/** What the index keeps of one article: its entities (workspace symbols) and its conversation graph. */
export interface IndexedFile {
  entities: IndexedEntity[];
  graph: GraphResult;
}

/** The index entry of one article from its analysis. */
export function indexFile(uri: string, text: string, analysis: Analysis): IndexedFile {
  const doc = TextDocument.create(uri, 'plaintext', 0, text);
  const entities = analysis.entities.flatMap((e) => {
    const first = firstMention(e);
    return first ? [{ name: e.name, type: e.type, leader: !!e.leader, range: spanToRange(doc, first), mentions: e.mentions.length }] : [];
  });
  return { entities, graph: articleGraph(analysis, uri, (s) => spanToRange(doc, s)) };
}

export class WorkspaceIndex {
  private readonly entries = new Map<string, IndexedFile>();
  private folders: string[] = [];
  private generation = 0;
  progressSupported = false;
  /** Resolves when the current indexing pass ends (tests and the benchmark wait for it). */
  idle: Promise<void> = Promise.resolve();
  /** True while an indexing pass runs. */
  indexing = false;

  /** `createProgress` asks the client for a work-done progress (window/workDoneProgress/create). */
  constructor(
    private readonly createProgress: () => Promise<WorkDoneProgressServerReporter>,
    private readonly worker: AnalysisWorkerHost,
    private readonly settings: SettingsStore,
    private readonly log: (m: string) => void,
  ) {}

  setFolders(uris: string[]): void {
    this.folders = uris.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
  }

  /** (Re)indexes every folder in the background. A newer pass cancels an older one. */
  start(): void {
    const generation = ++this.generation;
    this.indexing = true;
    this.idle = this.run(generation)
      .catch((e) => this.log(`News Lens: indexing failed: ${(e as Error).stack || e}`))
      .finally(() => {
        if (generation === this.generation) this.indexing = false;
      });
  }

  private async run(generation: number): Promise<void> {
    const reporter = this.progressSupported ? await this.createProgress().catch(() => undefined) : undefined;
    reporter?.begin('News Lens: indexing articles', 0, undefined, true);
    try {
      const files: string[] = [];
      for (const folder of this.folders) {
        const settings = await this.settings.get(pathToFileURL(folder).toString());
        if (!settings.enable) continue;
        const exts = new Set(settings.languages.flatMap((l) => EXTENSIONS[l] ?? []));
        await walk(folder, exts, files);
      }
      const live = new Set(files.map((f) => pathToFileURL(f).toString()));
      for (const uri of this.entries.keys()) if (!live.has(uri)) this.entries.delete(uri);
      let reported = -Infinity;
      for (let i = 0; i < files.length; i++) {
        if (generation !== this.generation || reporter?.token.isCancellationRequested) return;
        // At most ten reports a second: one per file of a large workspace would keep this thread busy.
        if (performance.now() - reported >= PROGRESS_INTERVAL_MS || i === files.length - 1) {
          reported = performance.now();
          reporter?.report(Math.round((100 * i) / files.length), `${i + 1}/${files.length} ${path.basename(files[i])}`);
        }
        await this.indexFile(files[i]);
      }
    } finally {
      reporter?.done();
    }
  }

  private async indexFile(file: string): Promise<void> {
    const uri = pathToFileURL(file).toString();
    try {
      const settings = await this.settings.get(uri);
      const stat = await fs.promises.stat(file);
      if (!stat.isFile() || stat.size > settings.maxFileSize) return void this.entries.delete(uri);
      // Binary files and invalid UTF-8 are refused with a reason (logged below), as by the CLI.
      const { text } = await readArticleFile(file, settings.maxFileSize);
      const { result } = await this.worker.analyzeOnce(text, settings.articleDate ? { date: settings.articleDate } : {});
      this.entries.set(uri, indexFile(uri, text, result));
    } catch (e) {
      this.entries.delete(uri);
      this.log(`News Lens: could not index ${file}: ${(e as Error).message}`);
    }
  }

  async filesChanged(events: FileEvent[]): Promise<void> {
    for (const ev of events) {
      if (!ev.uri.startsWith('file:')) continue;
      if (ev.type === FileChangeType.Deleted) this.entries.delete(ev.uri);
      else if (this.entries.has(ev.uri) || isCandidate(ev.uri)) await this.indexFile(fileURLToPath(ev.uri));
    }
  }

  /** The indexed files that are not open in the editor (`open` are served by their live analysis). */
  files(open: Set<string>): Array<{ uri: string; file: IndexedFile }> {
    return [...this.entries].filter(([uri]) => !open.has(uri)).map(([uri, file]) => ({ uri, file }));
  }

  get size(): number {
    return this.entries.size;
  }
}

function isCandidate(uri: string): boolean {
  return Object.values(EXTENSIONS).flat().includes(path.extname(uri).toLowerCase());
}

async function walk(dir: string, exts: Set<string>, out: string[]): Promise<void> {
  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (out.length >= MAX_FILES) return;
    if (e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) await walk(full, exts, out);
    } else if (e.isFile() && exts.has(path.extname(e.name).toLowerCase())) out.push(full);
  }
}

