// What the extension does with each message from the conversation-graph webview, behind an interface so
// that the unit tests drive it with fakes (no vscode). Every message is validated first (messages.ts);
// reveals look the node or edge up in the graph the extension posted and reveal the range it holds.
import type { Range } from 'vscode-languageserver-protocol';
import type { GraphLocation, GraphResult, GraphScope } from '../../../common/protocol';
import { exportBytes, parseFromWebview, type ExportFormat, type FromWebview } from './messages';

export interface GraphHandlerDeps {
  /** The graph the webview shows (the last one posted). */
  model(): GraphResult | undefined;
  /** The article in the active editor, preferred when a node or edge is in several articles. */
  current(): string | undefined;
  reveal(uri: string, range: Range): Promise<unknown>;
  setScope(scope: GraphScope): void | Promise<void>;
  ready(): void | Promise<void>;
  rendered(info: { seq: number; nodes: number; edges: number }): void;
  /** The exported picture; `requestId` is set when the extension asked for it (else the user pressed Save). */
  exported(format: ExportFormat, bytes: Uint8Array, requestId?: number): Promise<unknown>;
  exportFailed(message: string, requestId?: number): void;
  decodeBase64(b64: string): Uint8Array;
  log(message: string): void;
}

/** The location in `current` if there is one, else the first. */
function preferred<T extends GraphLocation>(items: T[], current: string | undefined): T | undefined {
  return items.find((x) => x.uri === current) ?? items[0];
}

/** Handles one message; resolves to the parsed message, or undefined when it was rejected or pointed at nothing. */
export async function handleWebviewMessage(raw: unknown, deps: GraphHandlerDeps): Promise<FromWebview | undefined> {
  const msg = parseFromWebview(raw);
  if (!msg) {
    deps.log(`News Lens graph: ignored a malformed message from the webview: ${describe(raw)}`);
    return undefined;
  }
  const g = deps.model();
  const missing = (what: string) => {
    deps.log(`News Lens graph: ${what} is not in the graph shown`);
    return undefined;
  };
  switch (msg.type) {
    case 'ready':
      await deps.ready();
      return msg;
    case 'setScope':
      await deps.setScope(msg.scope);
      return msg;
    case 'rendered':
      deps.rendered({ seq: msg.seq, nodes: msg.nodes, edges: msg.edges });
      return msg;
    case 'revealNode': {
      const node = g?.nodes.find((n) => n.id === msg.node);
      const at = node && (msg.index === undefined ? preferred(node.mentions, deps.current()) : node.mentions[msg.index]);
      if (!at) return missing(`node ${msg.node}${msg.index === undefined ? '' : ` mention ${msg.index}`}`);
      await deps.reveal(at.uri, at.range);
      return msg;
    }
    case 'revealEdge': {
      const edge = g?.edges.find((e) => e.id === msg.edge);
      const at = edge && (msg.index === undefined ? preferred(edge.evidence, deps.current()) : edge.evidence[msg.index]);
      if (!at) return missing(`edge ${msg.edge}${msg.index === undefined ? '' : ` evidence ${msg.index}`}`);
      await deps.reveal(at.uri, at.range);
      return msg;
    }
    case 'revealQuote': {
      const at = g?.nodes.find((n) => n.id === msg.node)?.quotes[msg.index];
      if (!at) return missing(`quote ${msg.index} of ${msg.node}`);
      await deps.reveal(at.uri, at.range);
      return msg;
    }
    case 'exported':
      await deps.exported(msg.format, exportBytes(msg.format, msg.data, deps.decodeBase64), msg.requestId);
      return msg;
    case 'exportFailed':
      deps.exportFailed(msg.message, msg.requestId);
      return msg;
  }
}

function describe(raw: unknown): string {
  try {
    const s = JSON.stringify(raw) ?? String(raw);
    return s.length > 200 ? `${s.slice(0, 200)}…` : s;
  } catch {
    return String(raw);
  }
}
