// The user's gazetteer files (newsLens.gazetteerFiles, relative to the document's workspace folder):
// loaded with the shared loader, cached by modification time, their errors published as diagnostics on
// the gazetteer file itself. In an untrusted workspace (restricted mode) files inside a workspace folder or
// named by a relative path are not read at all, and the user is told once.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { LeaderRecord } from '../core/types';
import { lineColumnRange } from '../positions';

interface Loaded {
  mtimeMs: number;
  records: LeaderRecord[];
}

/** What the store tells the editor. */
export interface GazetteerReports {
  /** The problems of one gazetteer file, published on that file (an empty list clears them). */
  diagnostics(uri: string, diagnostics: Diagnostic[]): void;
  /** Said once: the workspace is not trusted, so its gazetteer files are not read. */
  untrusted(message: string): void;
}

/** Record lists kept for reuse (one per distinct set of files and modification times). */
const MAX_LISTS = 16;

export class GazetteerStore {
  private readonly cache = new Map<string, Loaded>();
  /** The record lists handed out, by signature. */
  private readonly lists = new Map<string, LeaderRecord[]>();
  private folders: string[] = [];
  /** Every gazetteer path some document's settings named (existing or not). */
  private readonly known = new Set<string>();
  private trusted = true;
  private told = false;

  constructor(private readonly reports: GazetteerReports) {}

  /** False in an untrusted workspace: workspace gazetteer files are then ignored. */
  setTrusted(trusted: boolean): void {
    if (trusted !== this.trusted) this.cache.clear();
    this.trusted = trusted;
  }

  /** A file the workspace provides: named by a relative path, or inside a workspace folder. */
  private inWorkspace(configured: string, file: string): boolean {
    if (!path.isAbsolute(configured)) return true;
    return this.folders.some((f) => file === f || file.startsWith(f.endsWith(path.sep) ? f : f + path.sep));
  }

  setWorkspaceFolders(uris: string[]): void {
    this.folders = uris.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
  }

  /** The workspace folder that contains `uri` (the longest match), else the first folder. */
  folderFor(uri: string): string | undefined {
    if (uri.startsWith('file:')) {
      const p = fileURLToPath(uri);
      const hits = this.folders.filter((f) => p === f || p.startsWith(f.endsWith(path.sep) ? f : f + path.sep));
      if (hits.length) return hits.sort((a, b) => b.length - a.length)[0];
    }
    return this.folders[0];
  }

  resolve(uri: string, files: string[]): string[] {
    const folder = this.folderFor(uri);
    return files.map((f) => (path.isAbsolute(f) ? f : path.resolve(folder ?? process.cwd(), f)));
  }

  /** Records from every configured file, plus a signature that changes whenever one of them does. */
  async load(uri: string, files: string[]): Promise<{ records: LeaderRecord[]; signature: string }> {
    const records: LeaderRecord[] = [];
    const parts: string[] = [];
    const resolved = this.resolve(uri, files);
    const ignored: string[] = [];
    for (let i = 0; i < resolved.length; i++) {
      const file = resolved[i];
      if (!this.trusted && this.inWorkspace(files[i], file)) {
        ignored.push(files[i]);
        parts.push(`${file}:untrusted`);
        continue;
      }
      this.known.add(file);
      let mtimeMs: number;
      try {
        mtimeMs = (await fs.promises.stat(file)).mtimeMs;
      } catch {
        parts.push(`${file}:missing`);
        continue;
      }
      let loaded = this.cache.get(file);
      if (!loaded || loaded.mtimeMs !== mtimeMs) {
        loaded = { mtimeMs, records: await this.read(file) };
        this.cache.set(file, loaded);
      }
      parts.push(`${file}:${mtimeMs}`);
      records.push(...loaded.records);
    }
    if (ignored.length && !this.told) {
      this.told = true;
      this.reports.untrusted(`News Lens is in restricted mode: this workspace is not trusted, so its gazetteer files are not read (${ignored.join(', ')}). Trust the workspace to use them.`);
    }
    const signature = parts.join('|');
    // The same list for the same files: what is built from it (the hover's knowledge base) is built once.
    const same = this.lists.get(signature);
    if (same) return { records: same, signature };
    if (this.lists.size >= MAX_LISTS) this.lists.clear();
    this.lists.set(signature, records);
    return { records, signature };
  }

  private async read(file: string): Promise<LeaderRecord[]> {
    const uri = pathToFileURL(file).toString();
    try {
      // Loaded on first use: most workspaces configure no gazetteer.
      const { loadGazetteerFile } = await import('./file');
      const { records, errors } = await Promise.resolve(loadGazetteerFile(file));
      const diagnostics: Diagnostic[] = errors.map((e) => {
        return {
          range: lineColumnRange(e.line ?? 1, e.column ?? 1),
          severity: DiagnosticSeverity.Error,
          source: 'News Lens',
          code: 'gazetteer',
          message: e.field ? `${e.field}: ${e.message}` : e.message,
        };
      });
      this.reports.diagnostics(uri, diagnostics);
      return records;
    } catch (e) {
      this.reports.diagnostics(uri, [{ range: lineColumnRange(1, 1), severity: DiagnosticSeverity.Error, source: 'News Lens', code: 'gazetteer', message: `Could not read the gazetteer: ${(e as Error).message}` }]);
      return [];
    }
  }

  /** True when a watched-file event concerns a configured gazetteer file; that file is then re-read. */
  concerns(uri: string): boolean {
    if (!uri.startsWith('file:') || !this.known.has(fileURLToPath(uri))) return false;
    this.cache.delete(fileURLToPath(uri));
    return true;
  }

  clear(): void {
    this.cache.clear();
    this.lists.clear();
  }
}
