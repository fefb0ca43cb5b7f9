// One analysis per document version; analyse once, serve every feature. Edits are debounced; opening a
// document, or a request that needs the exact current version (rename, code actions, annotations),
// analyses at once. Analysis runs in a worker (one ArticleAnalyzer per document there, so an edit only
// re-parses the paragraphs it touched); at most one job per document is in flight and versions that were
// superseded before their turn are never analysed. A result is published only if the document is still
// at the analysed version; otherwise it is kept to serve requests, shifted through the newer edits.
// A document larger than newsLens.maxFileSize is analysed up to a paragraph break within that budget
// (limits.ts): read-only features serve that beginning; what needs the whole document (rename, the
// annotations request, export) treats it as too large.
import type { CancellationToken, Diagnostic } from 'vscode-languageserver';
import type { AnalysisStateKind, AnalysisTruncation } from '../../../../common/protocol';
import type { Analysis, AnalyzeOptions, LeaderRecord } from '../../core/types';
import type { GazetteerStore } from '../../gazetteer/store';
import type { NewsLensSettings, SettingsStore } from '../settings';
import type { AnalysisView } from '../view';
import type { OpenDocument } from './documents';
import { analysisCut, truncationDiagnostic } from './limits';
import { shiftAnalysis } from './shift';
import type { AnalysisWorkerHost } from './worker';

export interface AnalysisEvents {
  /**
   * The LSP diagnostics of the document's current version, once per analysed version: as soon as the worker
   * has them (before the analysis itself arrives), or none for a document that is not analysed.
   */
  diagnostics(uri: string, version: number, diagnostics: Diagnostic[]): void;
  /** A fresh analysis of the document's current version (its diagnostics already went out). */
  analyzed(view: AnalysisView, durationMs: number): void;
  state(uri: string, version: number, state: AnalysisStateKind, message?: string): void;
}

interface DocState {
  open: OpenDocument;
  latest?: { version: number; analysis: Analysis; settings: NewsLensSettings; gazetteer: readonly LeaderRecord[]; skipped?: AnalysisStateKind; truncated?: AnalysisTruncation; outdated?: boolean };
  shifted?: { version: number; analysis: Analysis };
  timer?: NodeJS.Timeout;
  running: boolean;
  rerun: boolean;
  closed: boolean;
  waiters: Array<() => void>;
}

export const EMPTY_ANALYSIS: Analysis = { schema: 'news-lens/annotations@1', source: { length: 0 }, entities: [], quotes: [], interactions: [], diagnostics: [] };

export class AnalysisCache {
  private readonly states = new Map<string, DocState>();
  debounceMs = 150;

  constructor(
    private readonly settings: SettingsStore,
    private readonly gazetteers: GazetteerStore,
    private readonly worker: AnalysisWorkerHost,
    private readonly events: AnalysisEvents,
    private readonly log: (m: string) => void,
  ) {}

  opened(open: OpenDocument): void {
    const s: DocState = { open, running: false, rerun: false, closed: false, waiters: [] };
    this.states.set(open.doc.uri, s);
    void this.run(s);
  }

  changed(open: OpenDocument): void {
    const s = this.states.get(open.doc.uri);
    if (!s) return;
    s.shifted = undefined;
    if (s.timer) clearTimeout(s.timer);
    s.timer = setTimeout(() => void this.run(s), this.debounceMs);
  }

  closed(uri: string): void {
    const s = this.states.get(uri);
    if (!s) return;
    s.closed = true;
    if (s.timer) clearTimeout(s.timer);
    this.states.delete(uri);
    this.settings.forget(uri);
    this.worker.dispose(uri);
    for (const w of s.waiters.splice(0)) w();
  }

  /** Re-analyses every open document (settings, gazetteers or the engine's inputs changed). */
  invalidateAll(): void {
    for (const s of this.states.values()) {
      if (s.latest) s.latest.outdated = true;
      void this.run(s);
    }
  }

  uris(): string[] {
    return [...this.states.keys()];
  }

  /**
   * The analysis to serve a read-only request from: the current version's if there is one, else the
   * newest one shifted onto the current text. Waits only when the document was never analysed yet.
   */
  async view(uri: string, token?: CancellationToken): Promise<AnalysisView | undefined> {
    const s = this.states.get(uri);
    if (!s) return undefined;
    if (!s.latest) await this.exactState(s, token);
    if (!s.latest || s.closed || token?.isCancellationRequested) return undefined;
    return this.makeView(s);
  }

  /**
   * The analysis of exactly the current version (for edits: rename, code actions, annotations, export).
   * A document analysed only in part counts as too large (`skipped: 'too-large'`) unless `partial` is set
   * (code actions: their edits stay inside the analysed part).
   */
  async exact(uri: string, token?: CancellationToken, options: { partial?: boolean } = {}): Promise<AnalysisView | undefined> {
    const s = this.states.get(uri);
    if (!s) return undefined;
    await this.exactState(s, token);
    if (!s.latest || s.closed || token?.isCancellationRequested || s.latest.outdated || s.latest.version !== s.open.doc.version) return undefined;
    const view = this.makeView(s);
    return view.truncated && !options.partial && !view.skipped ? { ...view, skipped: 'too-large' } : view;
  }

  private async exactState(s: DocState, token?: CancellationToken): Promise<void> {
    while (!s.closed && !token?.isCancellationRequested && (!s.latest || s.latest.outdated || s.latest.version !== s.open.doc.version)) {
      const done = new Promise<void>((resolve) => s.waiters.push(resolve));
      if (s.timer || !s.running) void this.run(s);
      await done;
    }
  }

  private makeView(s: DocState): AnalysisView {
    const latest = s.latest!;
    const doc = s.open.doc;
    let analysis = latest.analysis;
    if (latest.version !== doc.version) {
      if (s.shifted?.version !== doc.version) {
        s.shifted = { version: doc.version, analysis: shiftAnalysis(latest.analysis, s.open.edits.filter((e) => e.version > latest.version)) };
      }
      analysis = s.shifted.analysis;
    }
    return { uri: doc.uri, doc, version: doc.version, analysis, analyzedVersion: latest.version, settings: latest.settings, gazetteer: latest.gazetteer, skipped: latest.skipped, truncated: latest.truncated };
  }

  private async run(s: DocState): Promise<void> {
    if (s.timer) {
      clearTimeout(s.timer);
      s.timer = undefined;
    }
    if (s.running) {
      s.rerun = true;
      return;
    }
    s.running = true;
    try {
      do {
        s.rerun = false;
        await this.analyzeOnce(s);
        for (const w of s.waiters.splice(0)) w();
      } while (s.rerun && !s.closed);
    } finally {
      s.running = false;
    }
  }

  private async analyzeOnce(s: DocState): Promise<void> {
    const { doc } = s.open;
    const uri = doc.uri;
    const version = doc.version;
    const text = doc.getText();
    const settings = await this.settings.get(uri);
    const skipped = !settings.enable || !settings.languages.includes(doc.languageId) ? 'disabled' : undefined;
    const truncated = skipped ? undefined : analysisCut(text, settings.maxFileSize);
    let analysis = EMPTY_ANALYSIS;
    let ms = 0;
    let gazetteer: readonly LeaderRecord[] = [];
    if (!skipped) {
      this.events.state(uri, version, 'analyzing');
      try {
        const { options, key } = await engineOptions(uri, settings, this.gazetteers);
        gazetteer = options.gazetteer ?? [];
        if (s.closed) return;
        if (doc.version !== version && s.timer) return; // superseded while loading options; the timer will run it
        const analysed = truncated ? text.slice(0, truncated.analyzedLength) : text;
        const job = { uri, languageId: doc.languageId, version, text: analysed, optionsKey: key, options };
        ({ result: analysis, ms } = await this.worker.analyze(job, (early) => {
          if (s.closed || doc.version !== version) return; // stale: never published
          // A document analysed only in part: one more diagnostic where the skipped part starts (limits.ts).
          const skippedPart = truncated && truncationDiagnostic(doc, truncated, settings.severity, version);
          this.events.diagnostics(uri, version, skippedPart ? [...early.diagnostics, skippedPart] : early.diagnostics);
        }));
      } catch (e) {
        this.log(`News Lens: analysis of ${uri} failed: ${(e as Error).stack || e}`);
        this.events.state(uri, version, 'error', (e as Error).message);
        s.latest = { version, analysis: EMPTY_ANALYSIS, settings, gazetteer: [], skipped: 'error' };
        s.shifted = undefined;
        return;
      }
    }
    if (s.closed) return;
    s.latest = { version, analysis, settings, gazetteer, skipped, truncated };
    s.shifted = undefined;
    s.open.edits = s.open.edits.filter((e) => e.version > version);
    if (doc.version !== version) return; // stale: never published; the pending timer analyses the newer text
    if (skipped) {
      this.events.state(uri, version, skipped);
      this.events.diagnostics(uri, version, []);
    }
    this.events.analyzed(this.makeView(s), ms);
  }
}

/**
 * The engine's options for a document: its article date, severities and gazetteer records (read now), and
 * a key that changes whenever one of them does (the worker keeps a document's analyser while it is equal).
 */
export async function engineOptions(uri: string, settings: NewsLensSettings, gazetteers: GazetteerStore): Promise<{ options: AnalyzeOptions; key: string }> {
  const { records, signature } = await gazetteers.load(uri, settings.gazetteerFiles);
  const options: AnalyzeOptions = {};
  if (settings.articleDate) options.date = settings.articleDate;
  if (records.length) options.gazetteer = records;
  if (Object.keys(settings.severity).length) options.severities = settings.severity;
  return { options, key: JSON.stringify([settings.articleDate, settings.severity, signature]) };
}
