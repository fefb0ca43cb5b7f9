// The messages between the extension and the conversation-graph webview, both ways, and their validators.
// The webview is a browser page showing article text: the extension treats everything it sends as
// untrusted and acts only on messages that parse here (known type, known fields of the right types and
// sizes, nothing else). Reveal messages carry ids into the graph the extension itself holds, never file
// names or ranges, so the webview cannot make the extension open anything the graph did not contain.
// No vscode or Node imports: the webview bundle and the unit tests use this file too.
import type { GraphResult, GraphScope } from '../../../common/protocol';

export type ExportFormat = 'svg' | 'png';

// ---- extension → webview ----

export interface ModelMessage {
  type: 'model';
  /** Increases with every model posted; the webview echoes it in `rendered`. */
  seq: number;
  scope: GraphScope;
  /** What the graph shows: the article's file name, or "Workspace". */
  title: string;
  graph: GraphResult | null;
  /** Shown instead of the graph when `graph` is null or empty (no article open, not analysed…). */
  message?: string;
  /** The article in the active editor (the one a node click prefers to reveal). */
  current?: string;
  /** Flag images (data: URIs of SVG) by ISO alpha-3. */
  flags: Record<string, string>;
}

export interface ExportRequestMessage {
  type: 'export';
  requestId: number;
  format: ExportFormat;
}

export type ToWebview = ModelMessage | ExportRequestMessage;

// ---- webview → extension ----

export type FromWebview =
  | { type: 'ready' }
  | { type: 'setScope'; scope: GraphScope }
  /** Reveal a node's mention: `index` into node.mentions, else the mention in the current article (else the first). */
  | { type: 'revealNode'; node: string; index?: number }
  /** Reveal an edge's evidence: `index` into edge.evidence, else the evidence in the current article (else the first). */
  | { type: 'revealEdge'; edge: string; index?: number }
  | { type: 'revealQuote'; node: string; index: number }
  /** The picture, for a `requestId` the extension asked for, or (without one) from the panel's Save buttons. */
  | { type: 'exported'; format: ExportFormat; data: string; requestId?: number }
  | { type: 'exportFailed'; message: string; requestId?: number }
  | { type: 'rendered'; seq: number; nodes: number; edges: number };

export const MAX_ID_LENGTH = 1000;
export const MAX_EXPORT_CHARS = 48 * 1024 * 1024;
const MAX_MESSAGE_LENGTH = 2000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isIndex = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_ID_LENGTH;
const isFormat = (v: unknown): v is ExportFormat => v === 'svg' || v === 'png';
const isScope = (v: unknown): v is GraphScope => v === 'document' || v === 'workspace';

/** Only these keys (and `type`), with `required` among them. */
function shape(m: Record<string, unknown>, required: string[], optional: string[] = []): boolean {
  const allowed = new Set(['type', ...required, ...optional]);
  return Object.keys(m).every((k) => allowed.has(k)) && required.every((k) => m[k] !== undefined);
}

/** The message if it is one the extension accepts from the webview, else undefined. */
export function parseFromWebview(raw: unknown): FromWebview | undefined {
  if (!isObject(raw) || typeof raw.type !== 'string') return undefined;
  const m = raw;
  const optIndex = (k: string) => m[k] === undefined || isIndex(m[k]);
  switch (m.type) {
    case 'ready':
      return shape(m, []) ? { type: 'ready' } : undefined;
    case 'setScope':
      return shape(m, ['scope']) && isScope(m.scope) ? { type: 'setScope', scope: m.scope } : undefined;
    case 'revealNode':
      if (!shape(m, ['node'], ['index']) || !isId(m.node) || !optIndex('index')) return undefined;
      return m.index === undefined ? { type: 'revealNode', node: m.node } : { type: 'revealNode', node: m.node, index: m.index as number };
    case 'revealEdge':
      if (!shape(m, ['edge'], ['index']) || !isId(m.edge) || !optIndex('index')) return undefined;
      return m.index === undefined ? { type: 'revealEdge', edge: m.edge } : { type: 'revealEdge', edge: m.edge, index: m.index as number };
    case 'revealQuote':
      return shape(m, ['node', 'index']) && isId(m.node) && isIndex(m.index) ? { type: 'revealQuote', node: m.node, index: m.index } : undefined;
    case 'exported': {
      if (!shape(m, ['format', 'data'], ['requestId']) || !isFormat(m.format) || !optIndex('requestId')) return undefined;
      if (typeof m.data !== 'string' || m.data.length > MAX_EXPORT_CHARS) return undefined;
      if (m.format === 'svg' ? !isSafeSvg(m.data) : !isPngDataUri(m.data)) return undefined;
      const out: FromWebview = { type: 'exported', format: m.format, data: m.data };
      if (m.requestId !== undefined) out.requestId = m.requestId as number;
      return out;
    }
    case 'exportFailed': {
      if (!shape(m, ['message'], ['requestId']) || typeof m.message !== 'string' || !optIndex('requestId')) return undefined;
      const out: FromWebview = { type: 'exportFailed', message: m.message.slice(0, MAX_MESSAGE_LENGTH) };
      if (m.requestId !== undefined) out.requestId = m.requestId as number;
      return out;
    }
    case 'rendered':
      return shape(m, ['seq', 'nodes', 'edges']) && isIndex(m.seq) && isIndex(m.nodes) && isIndex(m.edges)
        ? { type: 'rendered', seq: m.seq, nodes: m.nodes, edges: m.edges }
        : undefined;
    default:
      return undefined;
  }
}

/**
 * An SVG document as the webview's exporter writes it: one <svg> root (an XML declaration before it at
 * most), no scripts, event handlers, foreign objects, entities or external references; images only as
 * data: URIs of images.
 */
export function isSafeSvg(svg: string): boolean {
  const s = svg.trim();
  if (!/^(<\?xml[^>]*\?>\s*)?<svg[\s>]/.test(s) || !s.endsWith('</svg>')) return false;
  if (/<\s*(script|foreignObject|iframe|embed|object|use)\b|<!(DOCTYPE|ENTITY)|javascript:|\son[a-z]+\s*=/i.test(s)) return false;
  for (const m of s.matchAll(/\b(?:xlink:)?href\s*=\s*(["'])(.*?)\1/gi)) {
    if (!/^(data:image\/(png|jpeg|gif|svg\+xml);base64,|#)/.test(m[2])) return false;
  }
  return !/url\(\s*['"]?(?!#)/i.test(s);
}

const PNG_PREFIX = 'data:image/png;base64,';

/** A data: URI of a PNG image (base64, starting with the PNG signature). */
export function isPngDataUri(data: string): boolean {
  if (!data.startsWith(PNG_PREFIX)) return false;
  const b64 = data.slice(PNG_PREFIX.length);
  if (b64.length < 12 || b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) return false;
  // The first 8 bytes: \x89 P N G \r \n \x1a \n, i.e. base64 "iVBORw0KGgo".
  return b64.startsWith('iVBORw0KGgo');
}

/** The bytes to write for an export: the SVG text as UTF-8, or the PNG decoded. */
export function exportBytes(format: ExportFormat, data: string, decodeBase64: (b64: string) => Uint8Array): Uint8Array {
  return format === 'svg' ? new TextEncoder().encode(data.trim() + '\n') : decodeBase64(data.slice(PNG_PREFIX.length));
}

/** The webview's check of what the extension sends (it trusts the extension, but not blindly the shape). */
export function parseToWebview(raw: unknown): ToWebview | undefined {
  if (!isObject(raw)) return undefined;
  if (raw.type === 'model' && isIndex(raw.seq) && isScope(raw.scope) && typeof raw.title === 'string' && (raw.graph === null || isObject(raw.graph)) && isObject(raw.flags)) {
    const g = raw.graph as GraphResult | null;
    if (g && (!Array.isArray(g.nodes) || !Array.isArray(g.edges))) return undefined;
    return raw as unknown as ModelMessage;
  }
  if (raw.type === 'export' && isIndex(raw.requestId) && isFormat(raw.format)) return raw as unknown as ExportRequestMessage;
  return undefined;
}
