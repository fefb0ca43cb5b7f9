// The News Lens language server. `createConnection(ProposedFeatures.all)` picks the transport from the
// command line: --stdio, --node-ipc (what the VS Code client uses) or --socket=N. Every handler is a thin
// adapter: get the document's cached analysis, convert the position once, call the feature module.
// Started as a worker thread (workerData.newsLensWorker), this same file runs the analysis engine instead.
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWorkspaceFoldersNotification,
  ProposedFeatures,
  TextDocumentSyncKind,
  type CancellationToken,
  type InitializeParams,
  type InitializeResult,
  type ServerCapabilities,
  type TextDocumentPositionParams,
} from 'vscode-languageserver/node';
import type { Analysis } from './core/types';
import { AnalysisCache } from './lsp/pipeline/cache';
import type { AnalysisView } from './lsp/view';
import { AnalysisWorkerHost, isAnalysisWorker, runAnalysisWorker } from './lsp/pipeline/worker';
import { codeActions } from './lsp/features/codeActions';
import { annotations, conversations, entityAtOffset, quotes } from './lsp/features/custom';
import { definition } from './lsp/features/definition';
import { graph } from './lsp/features/graph';
import { exportDocument } from './lsp/features/export';
import { DocumentStore } from './lsp/pipeline/documents';
import { GazetteerStore } from './gazetteer/store';
import { hover } from './lsp/features/hover';
import { inlayHints } from './lsp/features/inlayHints';
import { positionToOffset } from './positions';
import { highlights, references } from './lsp/features/references';
import { prepareRename, rename } from './lsp/features/rename';
import { semanticTokens, semanticTokensLegend } from './lsp/features/semanticTokens';
import { SettingsStore } from './lsp/pipeline/settings';
import { documentSymbols, workspaceSymbolsOf } from './lsp/features/symbols';
import { matches, WorkspaceIndex } from './lsp/pipeline/workspaceIndex';
import { IdleCollector } from './lsp/pipeline/memory';
import {
  AnalysisStateNotification,
  AnnotationsRequest,
  ConversationsRequest,
  EntityAtRequest,
  GraphRequest,
  QuotesRequest,
  RefreshRequest,
  WorkspaceTrustNotification,
  type AnalysisCounts,
} from '../../common/protocol';
import { ExportRequest } from '../../common/protocol';

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

function counts(a: Analysis): AnalysisCounts {
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

function serverCapabilities(): ServerCapabilities {
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

function startServer(): void {
  const connection = createConnection(ProposedFeatures.all);
  const log = (m: string) => connection.console.log(m);
  // A promise nobody waits for that fails (a client that refuses a refresh request, a write to a closed
  // pipe) must not end the process: Node's default for unhandled rejections is to exit. Log it and go on.
  process.on('unhandledRejection', (reason) => {
    try {
      log(`News Lens: unhandled rejection: ${reason instanceof Error ? reason.stack || reason.message : String(reason)}`);
    } catch {
      /* the connection itself is gone */
    }
  });
  const documents = new DocumentStore();
  const settings = new SettingsStore(connection);
  const gazetteers = new GazetteerStore(connection);
  const worker = new AnalysisWorkerHost(log, __filename);
  const indexWorker = new AnalysisWorkerHost(log, __filename);
  const index = new WorkspaceIndex(connection, indexWorker, settings, log);
  let refreshTokens = false;
  let refreshHints = false;
  let indexWorkspace = true;
  let folders: string[] = [];

  const collector = new IdleCollector(1000);
  const cache = new AnalysisCache(documents, settings, gazetteers, worker, {
    diagnostics(uri, version, diagnostics) {
      void connection.sendDiagnostics({ uri, version, diagnostics });
    },
    analyzed(view, durationMs) {
      if (!view.skipped) void connection.sendNotification(AnalysisStateNotification, { uri: view.uri, version: view.version, state: 'ready', counts: counts(view.analysis), durationMs, ...(view.truncated ? { truncated: view.truncated } : {}) });
      if (refreshTokens) void connection.languages.semanticTokens.refresh().catch(() => undefined);
      if (refreshHints) void connection.languages.inlayHint.refresh().catch(() => undefined);
    },
    state(uri, version, state, message) {
      void connection.sendNotification(AnalysisStateNotification, { uri, version, state, message });
    },
  }, log);
  documents.listen(connection, {
    opened: (d) => cache.opened(d),
    changed: (d) => cache.changed(d),
    closed: (uri) => {
      cache.closed(uri);
      void connection.sendDiagnostics({ uri, diagnostics: [] });
      // The document's text and analyses are garbage now: give the memory back once things are quiet.
      collector.soon();
    },
  });

  connection.onInitialize((params: InitializeParams): InitializeResult => {
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
  });

  connection.onInitialized(() => {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'newsLens' }).catch(() => undefined);
    if (indexWorkspace) index.start();
  });

  connection.onNotification(DidChangeWorkspaceFoldersNotification.type, ({ event }) => {
    folders = [...folders.filter((f) => !event.removed.some((r) => r.uri === f)), ...event.added.map((f) => f.uri)];
    gazetteers.setWorkspaceFolders(folders);
    index.setFolders(folders);
    if (indexWorkspace) index.start();
  });

  connection.onNotification(WorkspaceTrustNotification, ({ trusted }) => {
    gazetteers.setTrusted(trusted !== false);
    cache.invalidateAll();
  });

  connection.onDidChangeConfiguration((params) => {
    settings.changed(params.settings);
    cache.invalidateAll();
    if (indexWorkspace) index.start();
  });

  connection.onDidChangeWatchedFiles((params) => {
    if (params.changes.filter((c) => gazetteers.concerns(c.uri)).length) cache.invalidateAll();
    void index.filesChanged(params.changes);
  });

  // ---- handlers: view → offset → feature ----
  const withView = <R>(fn: (view: AnalysisView, params: TextDocumentPositionParams) => R) =>
    async (params: TextDocumentPositionParams, token: CancellationToken): Promise<R | null> => {
      const view = await cache.view(params.textDocument.uri, token);
      return view && !view.skipped ? fn(view, params) : null;
    };
  const offset = (view: AnalysisView, p: TextDocumentPositionParams) => positionToOffset(view.doc, p.position);

  connection.onHover(withView((v, p) => hover(v, offset(v, p))));
  connection.onDefinition(withView((v, p) => definition(v, offset(v, p))));
  connection.onReferences(withView((v, p) => references(v, offset(v, p))));
  connection.onDocumentHighlight(withView((v, p) => highlights(v, offset(v, p))));
  connection.onDocumentSymbol(async (params, token) => {
    const view = await cache.view(params.textDocument.uri, token);
    return view && !view.skipped ? documentSymbols(view) : null;
  });
  connection.languages.semanticTokens.on(async (params, token) => {
    const view = await cache.view(params.textDocument.uri, token);
    return view && !view.skipped ? semanticTokens(view) : { data: [] };
  });
  connection.languages.semanticTokens.onRange(async (params, token) => {
    const view = await cache.view(params.textDocument.uri, token);
    return view && !view.skipped ? semanticTokens(view, params.range) : { data: [] };
  });
  connection.languages.inlayHint.on(async (params, token) => {
    const view = await cache.view(params.textDocument.uri, token);
    return view && !view.skipped ? inlayHints(view, params.range) : null;
  });
  connection.onCodeAction(async (params, token) => {
    // Quick fixes edit only inside the analysed part, so a document analysed in part still gets them.
    const view = await cache.exact(params.textDocument.uri, token, { partial: true });
    return view && !view.skipped ? codeActions(view, params.range, params.context.diagnostics, gazetteers) : null;
  });
  connection.onPrepareRename(async (params, token) => {
    const view = await cache.exact(params.textDocument.uri, token);
    return view && !view.skipped ? prepareRename(view, offset(view, params)) : null;
  });
  connection.onRenameRequest(async (params, token) => {
    const view = await cache.exact(params.textDocument.uri, token);
    return view && !view.skipped ? rename(view, offset(view, params), params.newName) : null;
  });
  connection.onWorkspaceSymbol(async (params, token) => {
    const open = new Set(cache.uris());
    const live = await Promise.all([...open].map((uri) => cache.view(uri, token)));
    const fromOpen = live.flatMap((v) => (v && !v.skipped ? workspaceSymbolsOf(v, params.query, matches) : []));
    return [...fromOpen, ...index.symbols(params.query, open)];
  });

  // ---- custom requests (common/protocol.ts) ----
  connection.onRequest(ConversationsRequest, async (params, token) => {
    const view = await cache.view(params.textDocument.uri, token);
    return view && !view.skipped ? conversations(view) : null;
  });
  connection.onRequest(AnnotationsRequest, async (params, token) => {
    const view = await cache.exact(params.textDocument.uri, token);
    return view && !view.skipped ? annotations(view) : null;
  });
  connection.onRequest(ExportRequest, (params, token) => exportDocument(params, { cache, settings, gazetteers, worker: indexWorker }, token));
  connection.onRequest(QuotesRequest, async (params, token) => {
    const view = await cache.view(params.textDocument.uri, token);
    return view && !view.skipped ? quotes(view) : null;
  });
  connection.onRequest(EntityAtRequest, withView((v, p) => entityAtOffset(v, offset(v, p))));
  connection.onRequest(GraphRequest, (params, token) => graph(params, cache, index, token));
  connection.onRequest(RefreshRequest, async () => {
    settings.changed(undefined);
    gazetteers.clear();
    worker.reset();
    cache.invalidateAll();
    if (indexWorkspace) index.start();
  });

  connection.onShutdown(() => {
    worker.terminate();
    indexWorker.terminate();
  });
  if (process.env.NEWS_LENS_LAG_MS) watchEventLoop(Number(process.env.NEWS_LENS_LAG_MS));
  connection.listen();
}

/** Diagnostics for the benchmark: logs to stderr every event-loop stall longer than `limitMs`. */
function watchEventLoop(limitMs: number): void {
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    if (now - last > limitMs + 5) process.stderr.write(`news-lens: event loop blocked ${(now - last - 5).toFixed(1)} ms\n`);
    last = now;
  }, 5).unref();
}

if (isAnalysisWorker()) runAnalysisWorker();
else startServer();
