// Starts the real built server (dist/server.js) as a child process and speaks LSP to it over stdio with
// vscode-languageserver-protocol's client side. No mocks: every answer comes from the server.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import {
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  InlayHintRefreshRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  SemanticTokensRefreshRequest,
  ShutdownRequest,
  WorkDoneProgressCreateRequest,
  type ClientCapabilities,
  type InitializeResult,
  type Position,
  type PublishDiagnosticsParams,
  type Range,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const ROOT = path.resolve(__dirname, '../../..');
export const SERVER = path.join(ROOT, 'dist/server.js');
export const SHARED = path.resolve(ROOT, '../shared');
export const SEED_PATH = path.join(SHARED, 'seed/putin-netanyahu-call.txt');
export const SEED = fs.readFileSync(SEED_PATH, 'utf8');

export const CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true }, symbol: {} },
  window: { workDoneProgress: true },
  textDocument: {
    synchronization: { didSave: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    definition: {},
    references: {},
    documentHighlight: {},
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    semanticTokens: {
      requests: { full: true },
      tokenTypes: ['leader', 'person', 'country', 'quote', 'speaker'],
      tokenModifiers: ['firstMention', 'unattributed'],
      formats: ['relative'],
    },
    inlayHint: {},
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, dataSupport: true },
    rename: { prepareSupport: true },
  },
};

export interface Doc {
  uri: string;
  version: number;
  text: string;
  doc: TextDocument;
}

export class LspClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  /** The order in which publications (and whatever a test stamps with `tick()`) arrived. */
  readonly arrival = new WeakMap<PublishDiagnosticsParams, number>();
  private ticks = 0;
  private readonly listeners: Array<() => void> = [];
  settings: Record<string, unknown> = {};
  stderr = '';
  readonly progress: unknown[] = [];

  constructor(readonly proc: ChildProcess, readonly connection: ProtocolConnection, readonly workspace: string) {
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.arrival.set(p, this.tick());
      const list = this.diagnostics.get(p.uri) ?? [];
      list.push(p);
      this.diagnostics.set(p.uri, list);
      for (const l of this.listeners.splice(0)) l();
    });
    connection.onRequest(ConfigurationRequest.type, (p) => p.items.map((i) => (i.section === 'newsLens' ? this.settings : null)));
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onRequest(SemanticTokensRefreshRequest.type, () => undefined);
    connection.onRequest(InlayHintRefreshRequest.type, () => undefined);
    connection.onNotification('$/progress', (p: unknown) => {
      this.progress.push(p);
    });
    connection.onNotification('window/logMessage', () => undefined);
  }

  /** The next number of the arrival order (stamp a response with it when it arrives). */
  tick(): number {
    return ++this.ticks;
  }

  /** Resolves with the first diagnostics publication for `uri` that satisfies `ok` (past ones included). */
  waitForDiagnostics(uri: string, ok: (p: PublishDiagnosticsParams) => boolean, timeoutMs = 60000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for diagnostics of ${uri}: ${JSON.stringify(this.diagnostics.get(uri)?.map((p) => ({ version: p.version, codes: p.diagnostics.map((d) => d.code) })))}\n${this.stderr}`)), timeoutMs);
      const check = () => {
        const hit = (this.diagnostics.get(uri) ?? []).find(ok);
        if (hit) {
          clearTimeout(timer);
          resolve(hit);
        } else this.listeners.push(check);
      };
      check();
    });
  }

  open(name: string, text: string, languageId = 'plaintext'): Doc {
    const uri = pathToFileURL(path.join(this.workspace, name)).toString();
    void this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return { uri, version: 1, text, doc: TextDocument.create(uri, languageId, 1, text) };
  }

  closeDocument(uri: string): void {
    void this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Sends one incremental change replacing [start, end) with `newText`. */
  edit(d: Doc, start: number, end: number, newText: string): Doc {
    const change: TextDocumentContentChangeEvent = { range: { start: d.doc.positionAt(start), end: d.doc.positionAt(end) }, text: newText };
    const version = d.version + 1;
    void this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: d.uri, version }, contentChanges: [change] });
    const text = d.text.slice(0, start) + newText + d.text.slice(end);
    return { uri: d.uri, version, text, doc: TextDocument.create(d.uri, d.doc.languageId, version, text) };
  }

  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { newsLens: settings } });
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 3000))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      /* already gone */
    }
    const exited = new Promise((r) => this.proc.once('exit', r));
    const timer = setTimeout(() => this.proc.kill(), 3000);
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}

/** A temporary workspace folder holding the given files. */
export function makeWorkspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-lsp-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

export async function startServer(options: {
  workspace: string;
  settings?: Record<string, unknown>;
  initializationOptions?: Record<string, unknown>;
  /** Extra node flags for the server process. */
  nodeArgs?: string[];
  /** The server process's environment (default: this process's). */
  env?: NodeJS.ProcessEnv;
  /** Client capabilities (default CAPABILITIES). */
  capabilities?: ClientCapabilities;
}): Promise<{ client: LspClient; init: InitializeResult }> {
  if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build first`);
  // NEWS_LENS_SERVER_NODE_ARGS: extra node flags for the server process (e.g. --cpu-prof when profiling).
  const nodeArgs = [...(process.env.NEWS_LENS_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean), ...(options.nodeArgs ?? [])];
  const proc = spawn(process.execPath, [...nodeArgs, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: options.env ?? process.env });
  const connection = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const client = new LspClient(proc, connection, options.workspace);
  proc.stderr!.on('data', (b) => {
    client.stderr += b.toString();
    if (process.env.NEWS_LENS_ECHO_STDERR) process.stderr.write(b);
  });
  client.settings = options.settings ?? {};
  connection.listen();
  const folder = pathToFileURL(options.workspace).toString();
  const init = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: folder,
    workspaceFolders: [{ uri: folder, name: path.basename(options.workspace) }],
    capabilities: options.capabilities ?? CAPABILITIES,
    initializationOptions: { debounceMs: 20, ...options.initializationOptions },
  });
  await connection.sendNotification(InitializedNotification.type, {});
  return { client, init };
}

export function offsetOf(text: string, needle: string, delta = 0, from = 0): number {
  const at = text.indexOf(needle, from);
  if (at < 0) throw new Error(`"${needle}" not found`);
  return at + delta;
}

export function positionOf(d: Doc, needle: string, delta = 1, from = 0): Position {
  return d.doc.positionAt(offsetOf(d.text, needle, delta, from));
}

export function textOf(d: Doc, range: Range): string {
  return d.doc.getText(range);
}
