// The News Lens language server: the connection adapted to the language service (lsp/service.ts).
// `createConnection(ProposedFeatures.all)` picks the transport from the command line: --stdio, --node-ipc
// (what the VS Code client uses) or --socket=N. Each message goes to the service's method of that name.
// Started as a worker thread (workerData.newsLensWorker), this same file runs the analysis engine instead.
import {
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWorkspaceFoldersNotification,
  ProposedFeatures,
  ShowMessageNotification,
} from 'vscode-languageserver/node';
import {
  AnalysisStateNotification,
  AnnotationsRequest,
  ConversationsRequest,
  EntityAtRequest,
  ExportRequest,
  GraphRequest,
  QuotesRequest,
  RefreshRequest,
  WorkspaceTrustNotification,
} from '../../common/protocol';
import { isAnalysisWorker, runAnalysisWorker } from './lsp/pipeline/worker';
import { createNewsLensService, type ServiceClient } from './lsp/service';

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
  // Notifications are not awaited: nothing waits for them, and nothing fails when the client cannot take them.
  const client: ServiceClient = {
    log,
    publishDiagnostics: (params) => void connection.sendDiagnostics(params),
    analysisState: (params) => void connection.sendNotification(AnalysisStateNotification, params),
    showMessage: (params) => void connection.sendNotification(ShowMessageNotification.type, params),
    configuration: (uri) => connection.workspace.getConfiguration({ scopeUri: uri, section: 'newsLens' }),
    refreshSemanticTokens: () => connection.languages.semanticTokens.refresh(),
    refreshInlayHints: () => connection.languages.inlayHint.refresh(),
    createProgress: () => connection.window.createWorkDoneProgress(),
  };
  const service = createNewsLensService(client, __filename);

  connection.onInitialize((params) => service.initialize(params));
  connection.onInitialized(() => {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'newsLens' }).catch(() => undefined);
    service.initialized();
  });
  connection.onDidOpenTextDocument((params) => service.didOpen(params));
  connection.onDidChangeTextDocument((params) => service.didChange(params));
  connection.onDidCloseTextDocument((params) => service.didClose(params));
  connection.onNotification(DidChangeWorkspaceFoldersNotification.type, (params) => service.didChangeWorkspaceFolders(params));
  connection.onNotification(WorkspaceTrustNotification, (params) => service.workspaceTrust(params));
  connection.onDidChangeConfiguration((params) => service.didChangeConfiguration(params));
  connection.onDidChangeWatchedFiles((params) => service.didChangeWatchedFiles(params));

  connection.onHover(service.hover);
  connection.onDefinition(service.definition);
  connection.onReferences(service.references);
  connection.onDocumentHighlight(service.documentHighlight);
  connection.onDocumentSymbol(service.documentSymbol);
  connection.languages.semanticTokens.on(service.semanticTokens);
  connection.languages.semanticTokens.onRange(service.semanticTokensRange);
  connection.languages.inlayHint.on(service.inlayHints);
  connection.onCodeAction(service.codeActions);
  connection.onPrepareRename(service.prepareRename);
  connection.onRenameRequest(service.rename);
  connection.onWorkspaceSymbol(service.workspaceSymbol);

  connection.onRequest(ConversationsRequest, service.conversations);
  connection.onRequest(AnnotationsRequest, service.annotations);
  connection.onRequest(ExportRequest, service.export);
  connection.onRequest(QuotesRequest, service.quotes);
  connection.onRequest(EntityAtRequest, service.entityAt);
  connection.onRequest(GraphRequest, service.graph);
  connection.onRequest(RefreshRequest, service.refresh);

  connection.onShutdown(() => service.shutdown());
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
