// "News Lens: Show Conversation Graph": one webview panel beside the editor with the who-spoke-to-whom
// graph of the active article or of the whole workspace, asked of the server (newsLens/graph) and drawn by
// the webview script (dist/graph.js, Cytoscape.js). The graph follows the active article and its edits;
// clicks in the graph reveal mentions, evidence and quotes; the picture is saved as SVG or PNG.
import * as crypto from 'crypto';
import * as path from 'path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Range } from 'vscode-languageserver-protocol';
import { tempPathFor, writeFilesAtomic } from '../../../common/atomicWrite';
import { GraphRequest, type GraphResult, type GraphScope } from '../../../common/protocol';
import { activeArticle, reveal } from '../reveal';
import { handleWebviewMessage, type GraphHandlerDeps } from './handler';
import type { ExportFormat, FromWebview, ModelMessage, ToWebview } from './messages';

export interface ShowGraphArgs {
  scope?: GraphScope;
  /** The article to show (default: the active one). */
  uri?: string;
}

export interface ExportGraphArgs {
  format?: ExportFormat;
  /** Write here (a file path or a URI) without asking. */
  path?: string;
}

/** What tests (and other extensions) see of the graph, on the API object activate() returns. */
export interface GraphApi {
  readonly panel: vscode.WebviewPanel | undefined;
  /** The last graph posted to the webview. */
  readonly lastModel: GraphResult | undefined;
  readonly lastMessage: ModelMessage | undefined;
  /** What the webview last reported drawing. */
  readonly lastRendered: { seq: number; nodes: number; edges: number } | undefined;
  /** Fires when a model has been posted to the webview. */
  readonly onDidPostModel: vscode.Event<ModelMessage>;
  /** Fires when the webview has drawn a model. */
  readonly onDidRender: vscode.Event<{ seq: number; nodes: number; edges: number }>;
  /** Handles a message as if the webview had sent it (what the panel does with every webview message). */
  handle(message: unknown): Promise<FromWebview | undefined>;
}

const EXPORT_TIMEOUT_MS = 30000;
const INDEXING_RETRY_MS = 1500;
/** Refresh after an edit of the shown article when it is not in the active editor (whose analyses refresh the views). */
const EDIT_REFRESH_MS = 500;

function basename(uri: string): string {
  return path.posix.basename(vscode.Uri.parse(uri).path) || uri;
}

export class GraphPanel implements GraphApi {
  panel: vscode.WebviewPanel | undefined;
  lastModel: GraphResult | undefined;
  lastMessage: ModelMessage | undefined;
  lastRendered: { seq: number; nodes: number; edges: number } | undefined;
  private scope: GraphScope = 'document';
  private article: string | undefined;
  private webviewReady = false;
  private seq = 0;
  private request = 0;
  private exportId = 0;
  private renderedSeq = 0;
  private retry: NodeJS.Timeout | undefined;
  private editTimer: NodeJS.Timeout | undefined;
  private readonly flagCache = new Map<string, string | undefined>();
  private readonly pendingExports = new Map<number, { resolve: (bytes: Uint8Array) => void; reject: (e: Error) => void }>();
  private readonly posted = new vscode.EventEmitter<ModelMessage>();
  private readonly renderedEmitter = new vscode.EventEmitter<{ seq: number; nodes: number; edges: number }>();
  readonly onDidPostModel = this.posted.event;
  readonly onDidRender = this.renderedEmitter.event;
  private readonly deps: GraphHandlerDeps;
  private readonly panelDisposables: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
    private readonly log: (m: string) => void,
  ) {
    this.article = activeArticle()?.document.uri.toString();
    this.deps = {
      model: () => this.lastModel,
      current: () => this.article,
      reveal: (uri, range) => this.reveal(uri, range),
      setScope: (scope) => this.setScope(scope),
      ready: () => {
        this.webviewReady = true;
        if (this.lastMessage) void this.post(this.lastMessage);
        else void this.refresh();
      },
      rendered: (info) => {
        this.renderedSeq = Math.max(this.renderedSeq, info.seq);
        this.lastRendered = info;
        this.renderedEmitter.fire(info);
      },
      exported: (format, bytes, requestId) => this.exported(format, bytes, requestId),
      exportFailed: (message, requestId) => {
        const pending = requestId === undefined ? undefined : this.pendingExports.get(requestId);
        if (pending) pending.reject(new Error(message));
        else void vscode.window.showErrorMessage(`News Lens: could not export the graph: ${message}`);
      },
      decodeBase64: (b64) => Buffer.from(b64, 'base64'),
      log,
    };
  }

  handle(message: unknown): Promise<FromWebview | undefined> {
    return handleWebviewMessage(message, this.deps);
  }

  show(args: ShowGraphArgs = {}): void {
    if (args.uri) this.article = args.uri;
    else this.article = activeArticle()?.document.uri.toString() ?? this.article;
    if (args.scope) this.scope = args.scope;
    if (this.panel) {
      this.panel.reveal(undefined, true);
      void this.refresh();
      return;
    }
    const dist = vscode.Uri.joinPath(this.context.extensionUri, 'dist');
    const panel = (this.panel = vscode.window.createWebviewPanel(
      'newsLens.conversationGraph',
      'Conversation Graph',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [dist] },
    ));
    panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, 'client', 'media', 'news-lens.svg');
    this.webviewReady = false;
    this.lastMessage = undefined;
    this.renderedSeq = 0;
    panel.webview.html = this.html(panel.webview, dist);
    this.panelDisposables.push(
      panel.webview.onDidReceiveMessage((m) => void this.handle(m).catch((e) => this.log(`News Lens graph: ${e instanceof Error ? e.message : e}`))),
      panel.onDidChangeViewState(() => {
        // A hidden webview is destroyed (no retainContextWhenHidden); shown again, it says 'ready' and gets the model again.
        if (!panel.visible) this.webviewReady = false;
      }),
      panel.onDidDispose(() => this.disposed()),
    );
    void this.refresh();
  }

  private disposed(): void {
    this.panel = undefined;
    this.webviewReady = false;
    this.lastModel = undefined;
    this.lastMessage = undefined;
    this.lastRendered = undefined;
    clearTimeout(this.retry);
    clearTimeout(this.editTimer);
    for (const p of this.pendingExports.values()) p.reject(new Error('the graph was closed'));
    this.pendingExports.clear();
    this.panelDisposables.splice(0).forEach((d) => d.dispose());
  }

  private async setScope(scope: GraphScope): Promise<void> {
    if (scope === this.scope) return;
    this.scope = scope;
    await this.refresh();
  }

  /** The active editor changed: follow it when it shows another article. */
  activeEditorChanged(): void {
    const uri = activeArticle()?.document.uri.toString();
    if (!uri || uri === this.article) return;
    this.article = uri;
    if (this.panel) void this.refresh();
  }

  /** An analysis of the active article finished (the views refreshed). */
  analysisChanged(): void {
    if (this.panel) void this.refresh();
  }

  textChanged(e: vscode.TextDocumentChangeEvent): void {
    if (!this.panel || !e.contentChanges.length) return;
    const uri = e.document.uri.toString();
    if (this.scope === 'document' ? uri !== this.article : !this.isArticle(e.document)) return;
    // The active article's analyses refresh the graph through analysisChanged(); others are polled once after edits.
    if (activeArticle()?.document.uri.toString() === uri) return;
    clearTimeout(this.editTimer);
    this.editTimer = setTimeout(() => void this.refresh(), EDIT_REFRESH_MS);
  }

  private isArticle(doc: vscode.TextDocument): boolean {
    const languages = vscode.workspace.getConfiguration('newsLens', doc.uri).get<string[]>('languages', ['plaintext', 'markdown', 'news-article']);
    return languages.includes(doc.languageId);
  }

  /** Asks the server for the graph and posts it to the webview (a newer refresh supersedes an older one). */
  async refresh(): Promise<void> {
    if (!this.panel) return;
    const request = ++this.request;
    clearTimeout(this.retry);
    const scope = this.scope;
    const article = this.article;
    let graph: GraphResult | null = null;
    let message: string | undefined;
    if (scope === 'document' && !article) message = 'Open a news article to see who spoke to whom.';
    else {
      try {
        graph = await this.client.sendRequest(GraphRequest, scope === 'workspace' ? { scope } : { scope, textDocument: { uri: article! } });
        if (!graph) message = 'News Lens does not analyse this document (see the status bar).';
      } catch (e) {
        message = `The language server did not answer: ${e instanceof Error ? e.message : e}`;
      }
    }
    if (request !== this.request || !this.panel) return;
    if (graph && !graph.nodes.length) message = scope === 'workspace' ? 'No conversations or quotes found in the workspace yet.' : 'No conversations or quotes found in this article.';
    const title = scope === 'workspace' ? `Workspace (${graph?.articles.length ?? 0} article${graph?.articles.length === 1 ? '' : 's'})` : article ? basename(article) : 'No article';
    this.panel.title = scope === 'workspace' ? 'Conversation Graph: Workspace' : `Conversation Graph: ${article ? basename(article) : '—'}`;
    const msg: ModelMessage = { type: 'model', seq: ++this.seq, scope, title, graph, flags: graph ? await this.flags(graph) : {}, current: article };
    if (message) msg.message = message;
    if (request !== this.request || !this.panel) return;
    this.lastModel = graph ?? undefined;
    this.lastMessage = msg;
    if (graph?.indexing) this.retry = setTimeout(() => void this.refresh(), INDEXING_RETRY_MS);
    if (this.webviewReady) await this.post(msg);
  }

  private async post(msg: ModelMessage): Promise<void> {
    const delivered = await this.postMessage(msg);
    if (delivered && msg === this.lastMessage) this.posted.fire(msg);
  }

  private postMessage(msg: ToWebview): Thenable<boolean> {
    return this.panel ? this.panel.webview.postMessage(msg) : Promise.resolve(false);
  }

  /** Flag images of the graph's countries, from dist/flags (copied from world-countries at build time). */
  private async flags(graph: GraphResult): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const iso of new Set(graph.nodes.flatMap((n) => (n.country && /^[A-Z]{3}$/.test(n.country) ? [n.country] : [])))) {
      if (!this.flagCache.has(iso)) {
        const file = vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'flags', `${iso.toLowerCase()}.svg`);
        const data = await vscode.workspace.fs.readFile(file).then(
          (bytes) => `data:image/svg+xml;base64,${Buffer.from(bytes).toString('base64')}`,
          () => undefined,
        );
        this.flagCache.set(iso, data);
      }
      const data = this.flagCache.get(iso);
      if (data) out[iso] = data;
    }
    return out;
  }

  /** Reveals in an editor beside the graph (the one already showing the article, if any). */
  private reveal(uri: string, range: Range): Promise<vscode.TextEditor> {
    const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
    const column = shown?.viewColumn ?? (this.panel?.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
    return reveal(uri, range, column);
  }

  /** Asks the webview for the picture and writes it to `args.path`, or where the user chooses. Returns where it was written. */
  async export(args: ExportGraphArgs = {}): Promise<string | undefined> {
    let format = args.format;
    if (format !== 'svg' && format !== 'png') {
      const picked = await vscode.window.showQuickPick(
        [
          { label: 'SVG', description: 'vector picture', format: 'svg' as const },
          { label: 'PNG', description: 'bitmap picture', format: 'png' as const },
        ],
        { title: 'Export the conversation graph as' },
      );
      if (!picked) return undefined;
      format = picked.format;
    }
    if (!this.panel) this.show();
    else if (!this.panel.visible) this.panel.reveal(undefined, true);
    await this.whenRendered();
    const requestId = ++this.exportId;
    const bytes = await new Promise<Uint8Array>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pendingExports.delete(requestId);
        reject(new Error(`the graph view did not produce the ${format!.toUpperCase()} within ${EXPORT_TIMEOUT_MS / 1000} s`));
      }, EXPORT_TIMEOUT_MS);
      const done = <T>(fn: (v: T) => void) => (v: T) => {
        clearTimeout(timer);
        this.pendingExports.delete(requestId);
        fn(v);
      };
      this.pendingExports.set(requestId, { resolve: done(resolve), reject: done(reject) });
      void this.postMessage({ type: 'export', requestId, format: format! });
    });
    const target = args.path ? (/^[a-z][a-z0-9+.-]+:/i.test(args.path) && !/^[a-z]:[\\/]/i.test(args.path) ? vscode.Uri.parse(args.path) : vscode.Uri.file(args.path)) : await this.askTarget(format);
    if (!target) return undefined;
    await savePicture(target, bytes);
    return target.scheme === 'file' ? target.fsPath : target.toString();
  }

  /** Resolves once the webview has drawn the current model (at once if it already has). */
  private whenRendered(): Promise<void> {
    if (this.webviewReady && this.lastMessage && this.renderedSeq >= this.lastMessage.seq) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        sub.dispose();
        reject(new Error('the graph view did not draw the graph'));
      }, EXPORT_TIMEOUT_MS);
      const sub = this.onDidRender((r) => {
        if (this.lastMessage && r.seq < this.lastMessage.seq) return;
        clearTimeout(timer);
        sub.dispose();
        resolve();
      });
    });
  }

  private async exported(format: ExportFormat, bytes: Uint8Array, requestId?: number): Promise<void> {
    const pending = requestId === undefined ? undefined : this.pendingExports.get(requestId);
    if (pending) return pending.resolve(bytes);
    // From the panel's Save buttons.
    const target = await this.askTarget(format);
    if (!target) return;
    try {
      await savePicture(target, bytes);
      void vscode.window.showInformationMessage(`News Lens: saved the conversation graph to ${target.scheme === 'file' ? target.fsPath : target.toString()}`);
    } catch (e) {
      void vscode.window.showErrorMessage(`News Lens: could not save the graph: ${e instanceof Error ? e.message : e}`);
    }
  }

  private askTarget(format: ExportFormat): Thenable<vscode.Uri | undefined> {
    const name = `${this.scope === 'workspace' || !this.article ? 'workspace' : basename(this.article).replace(/\.[^.]+$/, '')}-conversations.${format}`;
    const folder = (this.article && vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(this.article))) ?? vscode.workspace.workspaceFolders?.[0];
    return vscode.window.showSaveDialog({
      title: 'Save the conversation graph',
      defaultUri: folder ? vscode.Uri.joinPath(folder.uri, name) : undefined,
      filters: format === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] },
    });
  }

  private html(webview: vscode.Webview, dist: vscode.Uri): string {
    const nonce = crypto.randomBytes(18).toString('base64');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(dist, 'graph.js'));
    const css = webview.asWebviewUri(vscode.Uri.joinPath(dist, 'graph.css'));
    const csp = [`default-src 'none'`, `img-src ${webview.cspSource} data:`, `style-src ${webview.cspSource}`, `script-src 'nonce-${nonce}'`].join('; ');
    // The stylesheet's id is the one Cytoscape.js looks for before injecting an inline <style> (which the CSP would block).
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link id="__________cytoscape_stylesheet" rel="stylesheet" href="${css}">
<title>Conversation Graph</title>
</head>
<body>
<header class="toolbar">
  <div class="scope" role="radiogroup" aria-label="Show">
    <button type="button" role="radio" aria-checked="true" data-scope="document">This article</button>
    <button type="button" role="radio" aria-checked="false" data-scope="workspace">Workspace</button>
  </div>
  <span id="status" class="status" role="status" aria-live="polite"></span>
  <span class="actions">
    <button type="button" id="save-svg">Save as SVG</button>
    <button type="button" id="save-png">Save as PNG</button>
  </span>
</header>
<main>
  <div id="graph" tabindex="0" role="application" aria-roledescription="conversation graph" aria-label="Conversation graph" aria-describedby="graph-help"></div>
  <aside id="details" aria-label="Selection"></aside>
  <p id="message" class="message" hidden></p>
</main>
<p id="announce" class="sr-only" aria-live="polite"></p>
<p id="graph-help" class="sr-only">Tab, Shift+Tab and the arrow keys move between people; Enter shows where the focused person is first mentioned; the panel beside the graph lists their conversations and quotes. The lists below give the whole graph as text.</p>
<section id="lists" class="sr-only" aria-label="The graph as lists">
  <h2>People and organisations</h2>
  <ul id="node-list"></ul>
  <h2>Conversations</h2>
  <ul id="edge-list"></ul>
</section>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
  }

  dispose(): void {
    this.panel?.dispose();
    this.posted.dispose();
    this.renderedEmitter.dispose();
  }
}

/**
 * Saves the picture so that a reader never sees half a file. A file on disk is written by common/atomicWrite,
 * as annotation exports are (the save dialog already confirmed replacing it). A target on a virtual file
 * system (another URI scheme), which Node's file system cannot reach, goes through the editor's file system
 * API: the same temporary file beside the target, then a rename over it.
 */
async function savePicture(target: vscode.Uri, bytes: Uint8Array): Promise<void> {
  if (target.scheme === 'file') {
    await writeFilesAtomic([{ path: target.fsPath, content: bytes }], { overwrite: true });
    return;
  }
  const tmp = vscode.Uri.joinPath(target, '..', path.basename(tempPathFor(target.path)));
  await vscode.workspace.fs.writeFile(tmp, bytes);
  try {
    await vscode.workspace.fs.rename(tmp, target, { overwrite: true });
  } catch (e) {
    await vscode.workspace.fs.delete(tmp).then(undefined, () => undefined);
    throw e;
  }
}

/**
 * Registers the graph commands and keeps the panel following the active article. `analyses` fires when
 * an analysis of the active article is ready (the Who Spoke to Whom view's refresh event).
 */
export function registerGraph(context: vscode.ExtensionContext, client: LanguageClient, analyses?: vscode.Event<unknown>): GraphApi {
  const log = (m: string) => client.outputChannel.appendLine(m);
  const graph = new GraphPanel(context, client, log);
  context.subscriptions.push(
    graph,
    vscode.commands.registerCommand('newsLens.showConversationGraph', (args?: ShowGraphArgs | vscode.Uri) =>
      graph.show(args instanceof vscode.Uri ? { uri: args.toString() } : isShowArgs(args) ? args : {}),
    ),
    vscode.commands.registerCommand('newsLens.exportConversationGraph', async (args?: ExportGraphArgs) => {
      try {
        return await graph.export(isExportArgs(args) ? args : {});
      } catch (e) {
        void vscode.window.showErrorMessage(`News Lens: could not export the graph: ${e instanceof Error ? e.message : e}`);
        throw e;
      }
    }),
    vscode.window.onDidChangeActiveTextEditor(() => graph.activeEditorChanged()),
    vscode.workspace.onDidChangeTextDocument((e) => graph.textChanged(e)),
  );
  if (analyses) context.subscriptions.push(analyses(() => graph.analysisChanged()));
  return graph;
}

function isShowArgs(a: unknown): a is ShowGraphArgs {
  if (typeof a !== 'object' || a === null || Array.isArray(a)) return false;
  const { scope, uri } = a as ShowGraphArgs;
  return (scope === undefined || scope === 'document' || scope === 'workspace') && (uri === undefined || typeof uri === 'string');
}

function isExportArgs(a: unknown): a is ExportGraphArgs {
  if (typeof a !== 'object' || a === null || Array.isArray(a)) return false;
  const { format, path: where } = a as ExportGraphArgs;
  return (format === undefined || format === 'svg' || format === 'png') && (where === undefined || typeof where === 'string');
}
