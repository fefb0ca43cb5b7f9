// The conversation graph's browser script (bundled to dist/graph.js, an IIFE): draws the graph the
// extension posts with Cytoscape.js, in the theme's colours (VS Code's CSS variables), with keyboard
// navigation, a details panel, text lists for screen readers, and SVG/PNG export. It never builds HTML
// from strings: article text (names, quotes, evidence) only ever goes into text nodes.
import cytoscape from 'cytoscape';
import type { Core, EdgeSingular, ElementDefinition, NodeSingular } from 'cytoscape';
import type { GraphEdge, GraphNode, GraphResult, GraphScope } from '../../../../common/protocol';
import { parseToWebview, type ExportFormat, type FromWebview, type ModelMessage } from '../messages';
import { toSvg } from './svg';
import { countryColours, measureFlags, stylesheet, theme, type Theme } from './theme';

declare function acquireVsCodeApi(): { postMessage(message: unknown): void };
const vscode = acquireVsCodeApi();
const send = (m: FromWebview) => vscode.postMessage(m);

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const container = $<HTMLDivElement>('graph');
const details = $<HTMLElement>('details');
const status = $<HTMLElement>('status');
const messageEl = $<HTMLParagraphElement>('message');
const nodeList = $<HTMLUListElement>('node-list');
const edgeList = $<HTMLUListElement>('edge-list');
const announcer = $<HTMLElement>('announce');

let model: ModelMessage | undefined;
let cy: Core | undefined;
/** Keyboard order of the nodes: most conversations first, then by name. */
let order: string[] = [];
let focused: string | undefined;
let selectedEdge: string | undefined;
/** The node and edge ids last laid out. */
let drawnShape = '';

// ---- the graph ----

const degree = (g: GraphResult, id: string) => g.edges.reduce((n, e) => n + (e.source === id || e.target === id ? 1 : 0), 0);
const nodeSize = (n: GraphNode) => Math.round(Math.min(96, 36 + 14 * Math.sqrt(n.quotes.length)));
const edgeWidth = (e: GraphEdge) => Math.min(12, 2 + 2.5 * Math.log2(e.count));
const edgeLabel = (e: GraphEdge) => e.kinds.join(' · ') + (e.count > 1 ? ` ×${e.count}` : '');
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const basename = (uri: string) => decodeURIComponent(uri.replace(/[?#].*$/, '').split('/').pop() || uri);
const shorten = (s: string, max = 120) => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

function subtitle(n: GraphNode): string {
  return [n.title, n.countryName ?? n.country].filter(Boolean).join(' · ');
}

function nodeLabel(n: GraphNode): string {
  const sub = subtitle(n);
  return sub ? `${n.name}\n${sub}` : n.name;
}

function describeNode(g: GraphResult, n: GraphNode): string {
  const what = [n.title, n.countryName ? `${n.title ? 'of ' : ''}${n.countryName}` : ''].filter(Boolean).join(' ');
  return `${n.name}${what ? `, ${what}` : ''}: ${plural(degree(g, n.id), 'conversation')}, ${plural(n.quotes.length, 'quote')}`;
}

function nameOf(id: string): string {
  return model?.graph?.nodes.find((n) => n.id === id)?.name ?? id;
}

function elements(g: GraphResult, t: Theme, flags: Record<string, string>): ElementDefinition[] {
  const countryColour = countryColours(t, g);
  const nodes: ElementDefinition[] = g.nodes.map((n) => ({
    group: 'nodes',
    data: {
      id: n.id,
      label: nodeLabel(n),
      color: countryColour(n.country),
      size: nodeSize(n),
      type: n.type,
      degree: degree(g, n.id),
      ...(n.country && flags[n.country] ? { flag: flags[n.country] } : {}),
    },
  }));
  const edges: ElementDefinition[] = g.edges.map((e) => ({
    group: 'edges',
    data: { id: e.id, source: e.source, target: e.target, label: edgeLabel(e), width: edgeWidth(e) },
  }));
  return [...nodes, ...edges];
}

/** Concentric: the most-connected people in the middle, their contacts around them. Deterministic (no randomness). */
const LAYOUT = {
  name: 'concentric',
  concentric: (n: NodeSingular) => n.degree(false),
  levelWidth: () => 1,
  minNodeSpacing: 50,
  spacingFactor: 1.4,
  avoidOverlap: true,
  startAngle: (3 / 2) * Math.PI,
  fit: false,
  animate: false,
  boundingBox: { x1: 0, y1: 0, w: 1, h: 1 },
} as cytoscape.LayoutOptions;

/**
 * Each connected group (a star of calls around one leader, a pair, a lone quoted speaker) gets its own
 * concentric layout; the groups are then packed in rows, largest first, into a roughly square picture.
 */
function layout(c: Core): void {
  const groups = c.elements().components();
  const size = (g: cytoscape.CollectionReturnValue) => g.nodes().length;
  groups.sort((a, b) => size(b) - size(a) || (a.nodes()[0].id() < b.nodes()[0].id() ? -1 : 1));
  const boxes = groups.map((g) => {
    g.layout(LAYOUT).run();
    return g.boundingBox({ includeLabels: true });
  });
  const gap = 40;
  const area = boxes.reduce((sum, b) => sum + (b.w + gap) * (b.h + gap), 0);
  // Rows as wide as makes the picture about the shape of the view.
  const aspect = container.clientWidth > 0 && container.clientHeight > 0 ? container.clientWidth / container.clientHeight : 1.3;
  const rowWidth = Math.max(Math.sqrt(area * aspect), ...boxes.map((b) => b.w));
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  groups.forEach((g, i) => {
    const b = boxes[i];
    if (x > 0 && x + b.w > rowWidth) {
      x = 0;
      y += rowHeight + gap;
      rowHeight = 0;
    }
    g.nodes().shift({ x: x - b.x1, y: y - b.y1 });
    x += b.w + gap;
    rowHeight = Math.max(rowHeight, b.h);
  });
}

function render(msg: ModelMessage): void {
  model = msg;
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-scope]')) b.setAttribute('aria-checked', String(b.dataset.scope === msg.scope));
  const g = msg.graph;
  const empty = !g || !g.nodes.length;
  const counts = g ? `${plural(g.nodes.length, 'person or organisation', 'people and organisations')} · ${plural(g.edges.length, 'conversation')}` : '';
  status.textContent = [msg.title, counts, g?.indexing ? 'indexing…' : ''].filter(Boolean).join(' · ');
  messageEl.hidden = !empty;
  messageEl.textContent = empty ? msg.message ?? 'Nothing to show.' : '';
  container.hidden = empty;
  for (const b of document.querySelectorAll<HTMLButtonElement>('.actions button')) b.disabled = empty;
  renderLists(g);
  if (empty) {
    cy?.destroy();
    cy = undefined;
    drawnShape = '';
    order = [];
    focused = selectedEdge = undefined;
    showDetails();
    send({ type: 'rendered', seq: msg.seq, nodes: 0, edges: 0 });
    return;
  }
  const t = theme();
  if (!cy) {
    cy = cytoscape({ container, style: stylesheet(t), minZoom: 0.2, maxZoom: 3, boxSelectionEnabled: false, selectionType: 'single' });
    cy.on('tap', 'node', (e) => {
      const id = (e.target as NodeSingular).id();
      focusNode(id);
      send({ type: 'revealNode', node: id });
    });
    cy.on('tap', 'edge', (e) => {
      const id = (e.target as EdgeSingular).id();
      selectEdge(id);
      send({ type: 'revealEdge', edge: id });
    });
    cy.on('tap', (e) => {
      if (e.target === cy) clearSelection();
    });
  } else cy.style(stylesheet(t));
  measureFlags(msg.flags);
  // The same people and conversations as before (an edit elsewhere, a theme change): keep the picture as it is.
  const shape = JSON.stringify([g.nodes.map((n) => n.id), g.edges.map((e) => e.id)]);
  const kept = shape === drawnShape ? { positions: new Map(cy.nodes().map((n) => [n.id(), { ...n.position() }])), zoom: cy.zoom(), pan: { ...cy.pan() } } : undefined;
  drawnShape = shape;
  cy.elements().remove();
  cy.add(elements(g, t, msg.flags));
  if (kept) {
    cy.nodes().positions((n) => kept.positions.get(n.id()) ?? { x: 0, y: 0 });
    cy.viewport({ zoom: kept.zoom, pan: kept.pan });
  } else {
    layout(cy);
    cy.fit(undefined, 30);
  }
  order = [...g.nodes].sort((a, b) => degree(g, b.id) - degree(g, a.id) || a.name.localeCompare(b.name)).map((n) => n.id);
  container.setAttribute('aria-label', `Conversation graph of ${msg.title}: ${counts}`);
  // Keep what was selected if it is still there.
  if (focused && cy.getElementById(focused).nonempty()) focusNode(focused, false);
  else if (selectedEdge && cy.getElementById(selectedEdge).nonempty()) selectEdge(selectedEdge);
  else {
    focused = selectedEdge = undefined;
    showDetails();
  }
  document.body.dataset.rendered = String(msg.seq);
  send({ type: 'rendered', seq: msg.seq, nodes: cy.nodes().length, edges: cy.edges().length });
}

function clearSelection(): void {
  cy?.elements().unselect().removeClass('focused dim');
  focused = selectedEdge = undefined;
  showDetails();
}

function focusNode(id: string, announce = true): void {
  if (!cy) return;
  const node = cy.getElementById(id);
  if (node.empty()) return;
  cy.elements().unselect().removeClass('focused dim');
  node.select().addClass('focused');
  cy.elements().not(node.closedNeighborhood()).addClass('dim');
  focused = id;
  selectedEdge = undefined;
  // Keep the focused node on screen.
  const ext = cy.extent();
  const p = node.position();
  if (p.x < ext.x1 || p.x > ext.x2 || p.y < ext.y1 || p.y > ext.y2) cy.center(node);
  showDetails();
  if (announce && model?.graph) {
    const n = model.graph.nodes.find((x) => x.id === id);
    if (n) announcer.textContent = describeNode(model.graph, n);
  }
}

function selectEdge(id: string): void {
  if (!cy) return;
  const edge = cy.getElementById(id);
  if (edge.empty()) return;
  cy.elements().unselect().removeClass('focused dim');
  edge.select();
  cy.elements().not(edge.union(edge.connectedNodes())).addClass('dim');
  selectedEdge = id;
  focused = undefined;
  showDetails();
}

// ---- details and lists (DOM built node by node: article text is untrusted) ----

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

function button(text: string, title: string, onClick: () => void): HTMLButtonElement {
  const b = el('button', text, 'link');
  b.type = 'button';
  b.title = title;
  b.addEventListener('click', onClick);
  return b;
}

function flagImage(n: GraphNode): HTMLElement | undefined {
  const src = n.country && model?.flags[n.country];
  if (!src) return undefined;
  const img = el('img', undefined, 'flag');
  img.src = src;
  img.alt = `flag of ${n.countryName ?? n.country}`;
  return img;
}

function section(title: string, items: HTMLElement[]): HTMLElement[] {
  if (!items.length) return [];
  const ul = el('ul');
  for (const item of items) {
    const li = el('li');
    li.append(item);
    ul.append(li);
  }
  return [el('h3', title), ul];
}

function showDetails(): void {
  const g = model?.graph;
  const node = g && focused ? g.nodes.find((n) => n.id === focused) : undefined;
  const edge = g && selectedEdge ? g.edges.find((e) => e.id === selectedEdge) : undefined;
  details.replaceChildren();
  if (node && g) {
    const h = el('h2');
    const flag = flagImage(node);
    if (flag) h.append(flag, ' ');
    h.append(node.name);
    details.append(h);
    const sub = subtitle(node);
    if (sub) details.append(el('p', sub, 'sub'));
    details.append(el('p', `${plural(degree(g, node.id), 'conversation')} · ${plural(node.quotes.length, 'quote')}`, 'sub'));
    const edges = g.edges.filter((e) => e.source === node.id || e.target === node.id);
    details.append(
      ...section('Spoke to', edges.map((e) => {
        const other = nameOf(e.source === node.id ? e.target : e.source);
        const where = g.articles.length > 1 ? ` — ${e.articles.map(basename).join(', ')}` : '';
        return button(`${other}: ${edgeLabel(e)}${where}`, 'Show the evidence in the article', () => {
          selectEdge(e.id);
          send({ type: 'revealEdge', edge: e.id });
        });
      })),
      ...section('Quotes', node.quotes.map((q, index) => {
        const by = q.via ? ` (${q.via})` : '';
        const where = g.articles.length > 1 ? ` — ${basename(q.uri)}` : '';
        return button(`${q.kind === 'indirect' ? '' : ''}${shorten(q.text)}${by}${where}`, `${q.kind} quote: show it in the article`, () => send({ type: 'revealQuote', node: node.id, index }));
      })),
      ...section(g.articles.length > 1 ? 'Mentioned in' : 'First mention', node.mentions.map((m, index) =>
        button(g.articles.length > 1 ? basename(m.uri) : `line ${m.range.start.line + 1}`, 'Show the first mention', () => send({ type: 'revealNode', node: node.id, index })),
      )),
    );
    return;
  }
  if (edge && g) {
    details.append(el('h2', `${nameOf(edge.source)} — ${nameOf(edge.target)}`));
    details.append(el('p', `${edge.kinds.join(', ')} · ${plural(edge.count, 'time')}`, 'sub'));
    details.append(
      ...section('Reported in', edge.articles.map((u) => el('span', basename(u)))),
      ...section('Evidence', edge.evidence.map((ev, index) =>
        button(`${shorten(ev.text, 160)}${g.articles.length > 1 ? ` — ${basename(ev.uri)}` : ''}`, `${ev.kind}: show it in the article`, () => send({ type: 'revealEdge', edge: edge.id, index })),
      )),
    );
    return;
  }
  details.append(el('p', g && g.nodes.length ? 'Select a person (click, or Tab and the arrow keys) to see their conversations and quotes.' : '', 'hint'));
}

function renderLists(g: GraphResult | null): void {
  nodeList.replaceChildren();
  edgeList.replaceChildren();
  if (!g) return;
  for (const n of g.nodes) {
    const li = el('li');
    li.append(button(describeNode(g, n), 'Show the first mention', () => {
      focusNode(n.id);
      send({ type: 'revealNode', node: n.id });
    }));
    nodeList.append(li);
  }
  for (const e of g.edges) {
    const li = el('li');
    const where = g.articles.length > 1 ? `, in ${e.articles.map(basename).join(', ')}` : '';
    li.append(button(`${nameOf(e.source)} and ${nameOf(e.target)}: ${e.kinds.join(', ')}, ${plural(e.count, 'time')}${where}`, 'Show the evidence', () => {
      selectEdge(e.id);
      send({ type: 'revealEdge', edge: e.id });
    }));
    edgeList.append(li);
  }
}

// ---- keyboard ----

/** The nearest node in an arrow's direction (within a 45° cone either side), else undefined. */
function nearestInDirection(from: string, dx: number, dy: number): string | undefined {
  if (!cy) return undefined;
  const p = cy.getElementById(from).position();
  let best: { id: string; score: number } | undefined;
  cy.nodes().forEach((n) => {
    if (n.id() === from) return;
    const q = n.position();
    const vx = q.x - p.x;
    const vy = q.y - p.y;
    const along = vx * dx + vy * dy;
    const across = Math.abs(vx * dy - vy * dx);
    if (along <= 0 || across > along) return;
    const score = along + 2 * across;
    if (!best || score < best.score) best = { id: n.id(), score };
  });
  return best?.id;
}

container.addEventListener('focus', () => {
  container.classList.add('has-focus');
  if (!focused && order.length) focusNode(order[0]);
});
container.addEventListener('blur', () => container.classList.remove('has-focus'));
container.addEventListener('keydown', (e) => {
  if (!cy || !order.length) return;
  const at = focused ? order.indexOf(focused) : -1;
  let next: string | undefined;
  switch (e.key) {
    case 'Tab':
      // Through the nodes, then out of the graph (no trap).
      next = e.shiftKey ? (at > 0 ? order[at - 1] : undefined) : at < order.length - 1 ? order[at + 1] : undefined;
      break;
    case 'ArrowRight':
      next = focused ? nearestInDirection(focused, 1, 0) ?? order[(at + 1) % order.length] : order[0];
      break;
    case 'ArrowLeft':
      next = focused ? nearestInDirection(focused, -1, 0) ?? order[(at - 1 + order.length) % order.length] : order[0];
      break;
    case 'ArrowDown':
      next = focused ? nearestInDirection(focused, 0, 1) ?? order[(at + 1) % order.length] : order[0];
      break;
    case 'ArrowUp':
      next = focused ? nearestInDirection(focused, 0, -1) ?? order[(at - 1 + order.length) % order.length] : order[0];
      break;
    case 'Home':
      next = order[0];
      break;
    case 'End':
      next = order[order.length - 1];
      break;
    case 'Enter':
    case ' ':
      if (focused) send({ type: 'revealNode', node: focused });
      else if (selectedEdge) send({ type: 'revealEdge', edge: selectedEdge });
      e.preventDefault();
      return;
    case 'Escape':
      clearSelection();
      e.preventDefault();
      return;
    default:
      return;
  }
  if (next) {
    e.preventDefault();
    focusNode(next);
  }
});

// ---- export ----

function doExport(format: ExportFormat, requestId?: number): void {
  const withId = <T extends object>(m: T) => (requestId === undefined ? m : { ...m, requestId });
  try {
    if (!cy || !model?.graph) throw new Error('there is no graph to export');
    const data =
      format === 'svg'
        ? toSvg(cy, `Conversation graph: ${model.title}`)
        : cy.png({ output: 'base64uri', full: true, scale: 2, bg: theme().bg, maxWidth: 8192, maxHeight: 8192 });
    send(withId({ type: 'exported' as const, format, data }));
  } catch (e) {
    send(withId({ type: 'exportFailed' as const, message: e instanceof Error ? e.message : String(e) }));
  }
}

// ---- wiring ----

for (const b of document.querySelectorAll<HTMLButtonElement>('[data-scope]')) {
  b.addEventListener('click', () => {
    const scope = b.dataset.scope as GraphScope;
    for (const o of document.querySelectorAll<HTMLButtonElement>('[data-scope]')) o.setAttribute('aria-checked', String(o === b));
    send({ type: 'setScope', scope });
  });
}
$<HTMLButtonElement>('save-svg').addEventListener('click', () => doExport('svg'));
$<HTMLButtonElement>('save-png').addEventListener('click', () => doExport('png'));

window.addEventListener('message', (event: MessageEvent) => {
  const msg = parseToWebview(event.data);
  if (!msg) return;
  if (msg.type === 'model') render(msg);
  else doExport(msg.format, msg.requestId);
});

new ResizeObserver(() => {
  if (!cy) return;
  cy.resize();
  cy.fit(undefined, 30);
}).observe(container);

// The theme changed (VS Code swaps the body's class and the CSS variables): redraw in the new colours.
new MutationObserver(() => {
  if (model) render(model);
}).observe(document.body, { attributes: true, attributeFilter: ['class'] });

send({ type: 'ready' });
