// The News Lens VS Code extension: starts the language server (dist/server.js) over IPC and shows what it
// finds. The client never analyses text itself: the views, commands and status bar ask the server.
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { AnalysisStateNotification, WorkspaceTrustNotification } from '../../common/protocol';
import { registerCommands } from './commands';
import { registerExportCommands } from './export/commands';
import { ConversationsProvider } from './conversationsView';
import { registerGraph, type GraphApi } from './graph/panel';
import { QuotesProvider } from './quotesView';
import { StatusBar } from './statusBar';

export interface NewsLensApi {
  client: LanguageClient;
  conversationsProvider: ConversationsProvider;
  quotesProvider: QuotesProvider;
  /** Resolves when the language client has started. */
  ready: Promise<void>;
  /** The conversation graph panel (tests wait on its events). */
  graph: GraphApi;
  /** The status bar item's text and tooltip (tests read them). */
  statusBar: { readonly shown: { text: string; tooltip: string } };
}

const DEFAULT_LANGUAGES = ['plaintext', 'markdown', 'news-article'];

function documentSelector(): LanguageClientOptions['documentSelector'] {
  const languages = vscode.workspace.getConfiguration('newsLens').get<string[]>('languages', DEFAULT_LANGUAGES);
  return languages.flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
  ]);
}

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): NewsLensApi {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    synchronize: {
      // Articles (for the workspace index) and JSON (gazetteer files; the server ignores other JSON).
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{txt,md,markdown,article,json}'),
    },
    markdown: { isTrusted: false, supportHtml: false },
    outputChannelName: 'News Lens',
    // Read again at every (re)start of the server.
    initializationOptions: () => ({ workspaceTrusted: vscode.workspace.isTrusted }),
  };
  const lc = (client = new LanguageClient('newsLens', 'News Lens', serverOptions, clientOptions));

  const conversationsProvider = new ConversationsProvider(lc);
  const quotesProvider = new QuotesProvider(lc);
  const statusBar = new StatusBar();
  const refreshViews = () => {
    conversationsProvider.refresh();
    quotesProvider.refresh();
    statusBar.update();
  };

  context.subscriptions.push(
    statusBar,
    vscode.window.createTreeView('newsLens.conversations', { treeDataProvider: conversationsProvider, showCollapseAll: true }),
    vscode.window.createTreeView('newsLens.quotes', { treeDataProvider: quotesProvider, showCollapseAll: true }),
    vscode.window.onDidChangeActiveTextEditor(refreshViews),
    vscode.workspace.onDidCloseTextDocument((d) => statusBar.forget(d.uri.toString())),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration('newsLens.languages')) return;
      lc.clientOptions.documentSelector = documentSelector();
      await lc.restart();
    }),
  );
  registerCommands(context, lc, quotesProvider, refreshViews);
  registerExportCommands(context, lc);
  const graph = registerGraph(context, lc, conversationsProvider.onDidChangeTreeData);

  let pending: NodeJS.Timeout | undefined;
  context.subscriptions.push(
    lc.onNotification(AnalysisStateNotification, (p) => {
      statusBar.set(p);
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (p.uri !== active || p.state === 'analyzing') return;
      // Coalesce bursts of analyses (typing) into one view refresh.
      if (pending) clearTimeout(pending);
      pending = setTimeout(() => {
        conversationsProvider.refresh();
        quotesProvider.refresh();
      }, 50);
    }),
  );

  // A server that dies is restarted by the language client (up to 4 times in 3 minutes); it re-opens the
  // documents, so diagnostics come back on their own. The status bar says so meanwhile, and the views
  // refresh once the new server runs.
  let ran = false;
  context.subscriptions.push(
    lc.onDidChangeState(({ newState }) => {
      if (newState === State.Running) {
        if (ran) {
          statusBar.started();
          refreshViews();
        }
        ran = true;
      } else if (ran && newState === State.Starting) statusBar.serverRestarting();
    }),
  );

  // Restricted mode (package.json capabilities.untrustedWorkspaces): VS Code hides workspace values of
  // newsLens.gazetteerFiles, and the server reads no gazetteer file inside the workspace, until it is trusted.
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void lc.sendNotification(WorkspaceTrustNotification, { trusted: true }).catch(() => undefined)));
  if (!vscode.workspace.isTrusted) void tellRestricted(context);

  const ready = lc.start().then(() => statusBar.started());
  ready.catch((e) => void vscode.window.showErrorMessage(`News Lens: the language server did not start: ${e instanceof Error ? e.message : e}`));
  return { client: lc, conversationsProvider, quotesProvider, ready, graph, statusBar };
}

/** Whether the workspace's own settings name gazetteer files (read as text, never run). */
async function workspaceNamesGazetteers(): Promise<boolean> {
  const inspected = vscode.workspace.getConfiguration('newsLens').inspect<string[]>('gazetteerFiles');
  if (inspected?.workspaceValue?.length || inspected?.workspaceFolderValue?.length) return true;
  const files = [...(vscode.workspace.workspaceFolders ?? []).map((f) => vscode.Uri.joinPath(f.uri, '.vscode', 'settings.json'))];
  if (vscode.workspace.workspaceFile?.scheme === 'file') files.push(vscode.workspace.workspaceFile);
  for (const f of files) {
    try {
      if (new TextDecoder().decode(await vscode.workspace.fs.readFile(f)).includes('newsLens.gazetteerFiles')) return true;
    } catch {
      /* no settings file */
    }
  }
  return false;
}

/** Tells the user once per workspace that its gazetteer files are ignored while it is not trusted. */
async function tellRestricted(context: vscode.ExtensionContext): Promise<void> {
  const key = 'newsLens.restrictedModeTold';
  if (context.workspaceState.get(key) || !(await workspaceNamesGazetteers())) return;
  await context.workspaceState.update(key, true);
  const manage = 'Manage Workspace Trust';
  const choice = await vscode.window.showInformationMessage(
    'News Lens runs in restricted mode: this workspace is not trusted, so the gazetteer files named in its settings (newsLens.gazetteerFiles) are not read. Everything else works. Trust the workspace to use them.',
    manage,
  );
  if (choice === manage) await vscode.commands.executeCommand('workbench.trust.manage');
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
