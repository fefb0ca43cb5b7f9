// The conversation graph's browser script (bundled to dist/graph.js, an IIFE): draws the graph the
// extension posts with Cytoscape.js, in the theme's colours (VS Code's CSS variables), with keyboard
// navigation, a details panel, text lists for screen readers, and SVG/PNG export. It never builds HTML
// from strings: article text (names, quotes, evidence) only ever goes into text nodes.
import cytoscape from 'cytoscape';
import type { Core, EdgeSingular, ElementDefinition, NodeSingular } from 'cytoscape';
import type { GraphEdge, GraphNode, GraphResult, GraphScope } from '../../../../common/protocol';
import { parseToWebview, type ExportFormat, type FromWebview, type ModelMessage } from '../messages';

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

// ---- theme ----

const PALETTE = [
  ['--vscode-charts-blue', '#3794ff'],
  ['--vscode-charts-red', '#f14c4c'],
  ['--vscode-charts-green', '#89d185'],
  ['--vscode-charts-orange', '#d18616'],
  ['--vscode-charts-purple', '#b180d7'],
  ['--vscode-charts-yellow', '#cca700'],
] as const;

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

interface Theme {
  fg: string;
  bg: string;
  muted: string;
  line: string;
  focus: string;
  neutral: string;
  font: string;
  palette: string[];
}

function theme(): Theme {
  return {
    fg: cssVar('--vscode-editor-foreground', '#333333'),
    bg: cssVar('--vscode-editor-background', '#ffffff'),
    muted: cssVar('--vscode-descriptionForeground', '#717171'),
    line: cssVar('--vscode-charts-lines', cssVar('--vscode-descriptionForeground', '#808080')),
    focus: cssVar('--vscode-focusBorder', '#0078d4'),
    neutral: cssVar('--vscode-charts-foreground', cssVar('--vscode-descriptionForeground', '#808080')),
    font: cssVar('--vscode-font-family', 'system-ui, sans-serif'),
    palette: PALETTE.map(([v, f]) => cssVar(v, f)),
  };
}

/** Each country of the graph gets one of the theme's chart colours, in order of its code (distinct up to six countries). */
function countryColours(t: Theme, g: GraphResult): (iso3: string | undefined) => string {
  const countries = [...new Set(g.nodes.flatMap((n) => (n.country ? [n.country] : [])))].sort();
  return (iso3) => (iso3 ? t.palette[countries.indexOf(iso3) % t.palette.length] : t.neutral);
}

/** Natural sizes of the flag images (for the SVG export's "cover" placement), filled as they load. */
const flagSizes = new Map<string, { w: number; h: number }>();
function measureFlags(flags: Record<string, string>): void {
  for (const src of Object.values(flags)) {
    if (flagSizes.has(src)) continue;
    const img = new Image();
    img.onload = () => flagSizes.set(src, { w: img.naturalWidth || 3, h: img.naturalHeight || 2 });
    img.src = src;
  }
}

// ---- the graph ----

const NODE_FONT = 13;
const EDGE_FONT = 12;
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

function stylesheet(t: Theme): cytoscape.StylesheetJson {
  const style = [
    {
      selector: 'node',
      style: {
        'background-color': 'data(color)',
        'border-color': 'data(color)',
        'border-width': 3,
        width: 'data(size)',
        height: 'data(size)',
        label: 'data(label)',
        color: t.fg,
        'font-family': t.font,
        'font-size': NODE_FONT,
        'text-wrap': 'wrap',
        'text-max-width': '180px',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 5,
        'text-outline-color': t.bg,
        'text-outline-width': 2,
      },
    },
    { selector: 'node[flag]', style: { 'background-image': 'data(flag)', 'background-fit': 'cover', 'background-clip': 'node' } },
    { selector: 'node[type = "organization"]', style: { shape: 'round-rectangle' } },
    { selector: 'node:selected', style: { 'border-color': t.focus, 'border-width': 4 } },
    { selector: 'node.focused', style: { 'outline-color': t.focus, 'outline-width': 3, 'outline-offset': 3, 'outline-opacity': 1 } },
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
        'line-color': t.line,
        'curve-style': 'straight',
        label: 'data(label)',
        color: t.muted,
        'font-family': t.font,
        'font-size': EDGE_FONT,
        'text-rotation': 'autorotate',
        'text-outline-color': t.bg,
        'text-outline-width': 3,
      },
    },
    { selector: 'edge:selected', style: { 'line-color': t.focus, color: t.fg } },
    { selector: 'node.dim, edge.dim', style: { opacity: 0.35 } },
  ];
  return style as unknown as cytoscape.StylesheetJson;
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

const xml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const num = (n: number) => String(Math.round(n * 100) / 100);

/** The graph as it is drawn, as a standalone SVG document (colours resolved from the theme). */
function toSvg(c: Core, title: string): string {
  const t = theme();
  const bb = c.elements().boundingBox({ includeLabels: true });
  const pad = 20;
  const [x0, y0, w, h] = [bb.x1 - pad, bb.y1 - pad, bb.w + 2 * pad, bb.h + 2 * pad];
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(w)}" height="${num(h)}" viewBox="${num(x0)} ${num(y0)} ${num(w)} ${num(h)}" font-family="${xml(t.font)}">`,
    `<title>${xml(title)}</title>`,
    `<rect x="${num(x0)}" y="${num(y0)}" width="${num(w)}" height="${num(h)}" fill="${xml(t.bg)}"/>`,
  ];
  c.edges().forEach((e) => {
    const s = e.sourceEndpoint();
    const d = e.targetEndpoint();
    out.push(`<line x1="${num(s.x)}" y1="${num(s.y)}" x2="${num(d.x)}" y2="${num(d.y)}" stroke="${xml(t.line)}" stroke-width="${num(Number(e.data('width')))}" stroke-linecap="round"/>`);
    const m = e.midpoint();
    let angle = (Math.atan2(d.y - s.y, d.x - s.x) * 180) / Math.PI;
    if (angle > 90) angle -= 180;
    if (angle < -90) angle += 180;
    out.push(
      `<text x="${num(m.x)}" y="${num(m.y)}" transform="rotate(${num(angle)} ${num(m.x)} ${num(m.y)})" text-anchor="middle" dominant-baseline="central" font-size="${EDGE_FONT}" fill="${xml(t.muted)}" stroke="${xml(t.bg)}" stroke-width="3" paint-order="stroke" stroke-linejoin="round">${xml(String(e.data('label')))}</text>`,
    );
  });
  c.nodes().forEach((n, i) => {
    const p = n.position();
    const size = Number(n.data('size'));
    const r = size / 2;
    const colour = xml(String(n.data('color')));
    const org = n.data('type') === 'organization';
    const shape = (attrs: string) =>
      org
        ? `<rect x="${num(p.x - r)}" y="${num(p.y - r)}" width="${num(size)}" height="${num(size)}" rx="${num(size / 5)}" ${attrs}/>`
        : `<circle cx="${num(p.x)}" cy="${num(p.y)}" r="${num(r)}" ${attrs}/>`;
    out.push(`<g><title>${xml(String(n.data('label')).replace(/\n/g, ', '))}</title>`);
    out.push(shape(`fill="${colour}"`));
    const flag = n.data('flag') as string | undefined;
    if (flag) {
      // Cover the node with the flag, as the canvas does (background-fit: cover).
      const natural = flagSizes.get(flag) ?? { w: 3, h: 2 };
      const scale = size / Math.min(natural.w, natural.h);
      const [fw, fh] = [natural.w * scale, natural.h * scale];
      out.push(`<clipPath id="clip${i}">${shape('')}</clipPath>`);
      out.push(`<image href="${xml(flag)}" x="${num(p.x - fw / 2)}" y="${num(p.y - fh / 2)}" width="${num(fw)}" height="${num(fh)}" preserveAspectRatio="none" clip-path="url(#clip${i})"/>`);
    }
    out.push(shape(`fill="none" stroke="${colour}" stroke-width="3"`));
    const lines = String(n.data('label')).split('\n');
    const tspans = lines.map((line, k) => `<tspan x="${num(p.x)}" dy="${k === 0 ? '0' : '1.2em'}">${xml(line)}</tspan>`).join('');
    out.push(
      `<text x="${num(p.x)}" y="${num(p.y + r + 5 + NODE_FONT)}" text-anchor="middle" font-size="${NODE_FONT}" fill="${xml(t.fg)}" stroke="${xml(t.bg)}" stroke-width="2" paint-order="stroke" stroke-linejoin="round">${tspans}</text></g>`,
    );
  });
  out.push('</svg>');
  return out.join('\n');
}

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
