// The News Lens language service: the stores, the analysis pipeline (pipeline/) and the features
// (features/) wired together, one method per message the client sends. It knows no transport: server.ts
// passes each message in and gives it a ServiceClient for what goes back (diagnostics, the analysis
// state, configuration and progress requests). Every request handler is the same three steps: the
// document's view from the cache, the position as an offset, the feature.
import {
  CodeActionKind,
  MessageType,
  TextDocumentSyncKind,
  type CancellationToken,
  type CodeActionParams,
  type DidChangeConfigurationParams,
  type DidChangeTextDocumentParams,
  type DidChangeWatchedFilesParams,
  type DidChangeWorkspaceFoldersParams,
  type DidCloseTextDocumentParams,
  type DidOpenTextDocumentParams,
  type DocumentSymbolParams,
  type InitializeParams,
  type InitializeResult,
  type InlayHintParams,
  type PublishDiagnosticsParams,
  type RenameParams,
  type SemanticTokens,
  type SemanticTokensParams,
  type SemanticTokensRangeParams,
  type ServerCapabilities,
  type ShowMessageParams,
  type TextDocumentPositionParams,
  type WorkDoneProgressServerReporter,
  type WorkspaceSymbolParams,
} from 'vscode-languageserver';
import type { AnalysisCounts, AnalysisStateParams, DocumentParams, ExportParams, GraphParams } from '../../../common/protocol';
import type { Analysis } from '../core/types';
import { GazetteerStore } from '../gazetteer/store';
import { positionToOffset } from '../positions';
import { annotations } from './features/annotations';
import { codeActions } from './features/codeActions';
import { conversations } from './features/conversations';
import { definition } from './features/definition';
import { exportDocument } from './features/export';
import { graph } from './features/graph';
import { hover } from './features/hover';
import { inlayHints } from './features/inlayHints';
import { entityAtOffset, quotes } from './features/quotes';
import { highlights, references } from './features/references';
import { prepareRename, rename } from './features/rename';
import { semanticTokens, semanticTokensLegend } from './features/semanticTokens';
import { documentSymbols, workspaceSymbols } from './features/symbols';
import { AnalysisCache } from './pipeline/cache';
import { DocumentStore } from './pipeline/documents';
import { IdleCollector } from './pipeline/memory';
import { AnalysisWorkerHost } from './pipeline/worker';
import { WorkspaceIndex } from './pipeline/workspaceIndex';
import { SettingsStore } from './settings';
import type { AnalysisView } from './view';

export interface InitializationOptions {
  /** Milliseconds to wait after the last edit before re-analysing (default 150). */
  debounceMs?: number;
  /** newsLens.* settings for clients without workspace/configuration. */
  settings?: unknown;
  /** Index the workspace folders for workspace symbols (default true). */
  indexWorkspace?: boolean;
  /**
   * False in an untrusted workspace (VS Code's restricted mode): no gazetteer file inside a workspace folder
   * or named by a relative path is read until newsLens/workspaceTrust says otherwise. Default true.
   */
  workspaceTrusted?: boolean;
}

/** What the service sends to the client. Notifications return nothing: nothing waits for them. */
export interface ServiceClient {
  log(message: string): void;
  publishDiagnostics(params: PublishDiagnosticsParams): void;
  analysisState(params: AnalysisStateParams): void;
  showMessage(params: ShowMessageParams): void;
  /** workspace/configuration: the newsLens section for a resource. */
  configuration(uri: string): Promise<unknown>;
  refreshSemanticTokens(): Promise<void>;
  refreshInlayHints(): Promise<void>;
  createProgress(): Promise<WorkDoneProgressServerReporter>;
}

export function serverCapabilities(): ServerCapabilities {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    hoverProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    documentHighlightProvider: true,
    documentSymbolProvider: { label: 'News Lens' },
    workspaceSymbolProvider: true,
    semanticTokensProvider: { legend: semanticTokensLegend, full: true, range: true },
    inlayHintProvider: true,
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
    renameProvider: { prepareProvider: true },
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
}

/** The status bar's counts. */
export function analysisCounts(a: Analysis): AnalysisCounts {
  const people = a.entities.filter((e) => e.type === 'person');
  return {
    leaders: people.filter((e) => e.leader).length,
    people: people.length,
    countries: a.entities.filter((e) => e.type === 'country').length,
    quotes: a.quotes.filter((q) => q.kind !== 'indirect').length,
    paraphrases: a.quotes.filter((q) => q.kind === 'indirect').length,
    interactions: a.interactions.length,
    diagnostics: a.diagnostics.length,
  };
}

export type NewsLensService = ReturnType<typeof createNewsLensService>;

/** `entryScript` is the server's own file: the analysis workers run it (worker.ts). */
export function createNewsLensService(client: ServiceClient, entryScript: string) {
  const log = client.log;
  const documents = new DocumentStore();
  const settings = new SettingsStore((uri) => client.configuration(uri));
  const gazetteers = new GazetteerStore({
    diagnostics: (uri, diagnostics) => client.publishDiagnostics({ uri, diagnostics }),
    untrusted: (message) => client.showMessage({ type: MessageType.Info, message }),
  });
  const worker = new AnalysisWorkerHost(log, entryScript);
  const indexWorker = new AnalysisWorkerHost(log, entryScript);
  const index = new WorkspaceIndex(() => client.createProgress(), indexWorker, settings, log);
  const collector = new IdleCollector(1000);
  let refreshTokens = false;
  let refreshHints = false;
  let indexWorkspace = true;
  let folders: string[] = [];

  const cache = new AnalysisCache(settings, gazetteers, worker, {
    diagnostics(uri, version, diagnostics) {
      client.publishDiagnostics({ uri, version, diagnostics });
    },
    analyzed(view, durationMs) {
      if (!view.skipped) client.analysisState({ uri: view.uri, version: view.version, state: 'ready', counts: analysisCounts(view.analysis), durationMs, ...(view.truncated ? { truncated: view.truncated } : {}) });
      if (refreshTokens) void client.refreshSemanticTokens().catch(() => undefined);
      if (refreshHints) void client.refreshInlayHints().catch(() => undefined);
    },
    state(uri, version, state, message) {
      client.analysisState({ uri, version, state, message });
    },
  }, log);

  const reindex = () => {
    if (indexWorkspace) index.start();
  };
  /** The view to answer from (a read-only request), or null when the document is not analysed. */
  const view = async (uri: string, token: CancellationToken) => {
    const v = await cache.view(uri, token);
    return v && !v.skipped ? v : null;
  };
  const exact = async (uri: string, token: CancellationToken, options?: { partial?: boolean }) => {
    const v = await cache.exact(uri, token, options);
    return v && !v.skipped ? v : null;
  };
  const at = <R>(fn: (view: AnalysisView, offset: number) => R) => async (params: TextDocumentPositionParams, token: CancellationToken): Promise<R | null> => {
    const v = await view(params.textDocument.uri, token);
    return v ? fn(v, positionToOffset(v.doc, params.position)) : null;
  };

  return {
    initialize(params: InitializeParams): InitializeResult {
      const caps = params.capabilities;
      const init = (params.initializationOptions ?? {}) as InitializationOptions;
      if (typeof init.debounceMs === 'number') cache.debounceMs = Math.max(0, init.debounceMs);
      indexWorkspace = init.indexWorkspace !== false;
      settings.init(!!caps.workspace?.configuration, init.settings);
      refreshTokens = !!caps.workspace?.semanticTokens?.refreshSupport;
      refreshHints = !!caps.workspace?.inlayHint?.refreshSupport;
      index.progressSupported = !!caps.window?.workDoneProgress;
      folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
      gazetteers.setWorkspaceFolders(folders);
      gazetteers.setTrusted(init.workspaceTrusted !== false);
      index.setFolders(folders);
      return { capabilities: serverCapabilities(), serverInfo: { name: 'News Lens', version: '0.1.0' } };
    },
    initialized: reindex,

    // ---- documents, workspace and settings ----
    didOpen(params: DidOpenTextDocumentParams): void {
      cache.opened(documents.open(params));
    },
    didChange(params: DidChangeTextDocumentParams): void {
      const d = documents.change(params);
      if (d) cache.changed(d);
    },
    didClose(params: DidCloseTextDocumentParams): void {
      const uri = params.textDocument.uri;
      documents.close(uri);
      cache.closed(uri);
      client.publishDiagnostics({ uri, diagnostics: [] });
      // The document's text and analyses are garbage now: give the memory back once things are quiet.
      collector.soon();
    },
    didChangeWorkspaceFolders({ event }: DidChangeWorkspaceFoldersParams): void {
      folders = [...folders.filter((f) => !event.removed.some((r) => r.uri === f)), ...event.added.map((f) => f.uri)];
      gazetteers.setWorkspaceFolders(folders);
      index.setFolders(folders);
      reindex();
    },
    workspaceTrust({ trusted }: { trusted: boolean }): void {
      gazetteers.setTrusted(trusted !== false);
      cache.invalidateAll();
    },
    didChangeConfiguration(params: DidChangeConfigurationParams): void {
      settings.changed(params.settings);
      cache.invalidateAll();
      reindex();
    },
    didChangeWatchedFiles(params: DidChangeWatchedFilesParams): void {
      if (params.changes.filter((c) => gazetteers.concerns(c.uri)).length) cache.invalidateAll();
      void index.filesChanged(params.changes);
    },

    // ---- LSP features ----
    hover: at(hover),
    definition: at(definition),
    references: at(references),
    documentHighlight: at(highlights),
    async documentSymbol(params: DocumentSymbolParams, token: CancellationToken) {
      const v = await view(params.textDocument.uri, token);
      return v ? documentSymbols(v) : null;
    },
    async semanticTokens(params: SemanticTokensParams, token: CancellationToken): Promise<SemanticTokens> {
      const v = await view(params.textDocument.uri, token);
      return v ? semanticTokens(v) : { data: [] };
    },
    async semanticTokensRange(params: SemanticTokensRangeParams, token: CancellationToken): Promise<SemanticTokens> {
      const v = await view(params.textDocument.uri, token);
      return v ? semanticTokens(v, params.range) : { data: [] };
    },
    async inlayHints(params: InlayHintParams, token: CancellationToken) {
      const v = await view(params.textDocument.uri, token);
      return v ? inlayHints(v, params.range) : null;
    },
    async codeActions(params: CodeActionParams, token: CancellationToken) {
      // Quick fixes edit only inside the analysed part, so a document analysed in part still gets them.
      const v = await exact(params.textDocument.uri, token, { partial: true });
      return v ? codeActions(v, params.range, params.context.diagnostics, gazetteers) : null;
    },
    async prepareRename(params: TextDocumentPositionParams, token: CancellationToken) {
      const v = await exact(params.textDocument.uri, token);
      return v ? prepareRename(v, positionToOffset(v.doc, params.position)) : null;
    },
    async rename(params: RenameParams, token: CancellationToken) {
      const v = await exact(params.textDocument.uri, token);
      return v ? rename(v, positionToOffset(v.doc, params.position), params.newName) : null;
    },
    async workspaceSymbol(params: WorkspaceSymbolParams, token: CancellationToken) {
      const open = new Set(cache.uris());
      const live = await Promise.all([...open].map((uri) => view(uri, token)));
      return workspaceSymbols(params.query, live.filter((v): v is AnalysisView => !!v), index.files(open));
    },

    // ---- custom requests (common/protocol.ts) ----
    async conversations(params: DocumentParams, token: CancellationToken) {
      const v = await view(params.textDocument.uri, token);
      return v ? conversations(v) : null;
    },
    async annotations(params: DocumentParams, token: CancellationToken) {
      const v = await exact(params.textDocument.uri, token);
      return v ? annotations(v) : null;
    },
    async quotes(params: DocumentParams, token: CancellationToken) {
      const v = await view(params.textDocument.uri, token);
      return v ? quotes(v) : null;
    },
    entityAt: at(entityAtOffset),
    export: (params: ExportParams, token: CancellationToken) => exportDocument(params, { cache, settings, gazetteers, worker: indexWorker }, token),
    graph: (params: GraphParams, token: CancellationToken) => graph(params, cache, index, token),
    async refresh(): Promise<void> {
      settings.changed(undefined);
      gazetteers.clear();
      worker.reset();
      cache.invalidateAll();
      reindex();
    },

    shutdown(): void {
      worker.terminate();
      indexWorker.terminate();
    },
  };
}
