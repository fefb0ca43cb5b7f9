// The conversation graph: people and organisations as nodes, who-spoke-to-whom as edges. Pure: it reads
// an engine Analysis (or already-built graphs) and a span → range converter, so the same code serves the
// language server (open documents), the workspace index worker (files on disk) and the unit tests.
//
//   articleGraph(analysis, uri, toRange)  one article: the participants of its interactions and the people
//                                         and organisations it quotes; one undirected edge per pair
//   mergeGraphs(graphs)                   several articles merged by entity (knowledge-base id, else the
//                                         normalised name), with the articles listed on each edge
//   GraphMerger                           the same merge one article at a time (a corpus: news-lens graph)
//
// Everything comes out sorted, so the same input always gives the same graph (and the same layout).
import type { Range } from 'vscode-languageserver-protocol';
import type { Analysis, Entity } from '../core/types';
import type { GraphEdge, GraphEvidence, GraphLocation, GraphNode, GraphQuote, GraphResult } from '../../../common/protocol';

export interface OffsetSpan {
  start: number;
  end: number;
}

export type ToRange = (span: OffsetSpan) => Range;

/** Lower case, no accents, no leading "the", punctuation and hyphens as spaces: "Abdel Fattah el-Sisi" → "abdel fattah el sisi". */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

/** The merge key of an entity across articles: knowledge-base id, else a country's ISO code, else its normalised name. */
export function nodeKey(e: Pick<Entity, 'type' | 'name' | 'kbId' | 'iso3'>): string {
  if (e.kbId) return `kb:${e.kbId}`;
  if (e.type === 'country' && e.iso3) return `country:${e.iso3}`;
  return `name:${normaliseName(e.name)}`;
}

const comparePosition = (a: Range['start'], b: Range['start']) => a.line - b.line || a.character - b.character;
const compareLocation = (a: GraphLocation, b: GraphLocation) => compareText(a.uri, b.uri) || comparePosition(a.range.start, b.range.start) || comparePosition(a.range.end, b.range.end);
/** Code-unit order: the same everywhere (no locale). */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function firstMention(e: Entity): OffsetSpan | undefined {
  let first: OffsetSpan | undefined;
  for (const m of e.mentions) if (!first || m.start < first.start) first = m;
  return first;
}

/** The graph of one article. Node ids are merge keys, so graphs of several articles merge directly. */
export function articleGraph(a: Analysis, uri: string, toRange: ToRange, version?: number): GraphResult {
  const byId = new Map(a.entities.map((e) => [e.id, e]));
  const principal = (e: Entity) => (e.speaksFor && byId.get(e.speaksFor)) || e;
  const nodes = new Map<string, GraphNode>();
  const nodeOf = (e: Entity): GraphNode | undefined => {
    const key = nodeKey(e);
    let node = nodes.get(key);
    if (node) return node;
    const first = firstMention(e);
    if (!first) return undefined;
    const title = e.roles?.find((r) => r.source === 'text')?.title ?? e.roles?.[0]?.title;
    node = { id: key, name: e.name, type: e.type, mentions: [{ uri, range: toRange(first) }], quotes: [] };
    const country = e.country ?? e.iso3;
    if (country) node.country = country;
    if (title) node.title = title;
    if (e.leader) node.leader = true;
    nodes.set(key, node);
    return node;
  };

  const edges = new Map<string, GraphEdge>();
  for (const i of a.interactions) {
    const [first, ...others] = i.participants.map((id) => byId.get(id));
    const from = first && nodeOf(first);
    if (!from) continue;
    const evidence: GraphEvidence = { uri, range: toRange(i.evidence), text: i.evidence.text, kind: i.kind };
    for (const other of others) {
      const to = other && nodeOf(other);
      if (!to || to.id === from.id) continue;
      const [source, target] = from.id < to.id ? [from.id, to.id] : [to.id, from.id];
      const id = `${source}|${target}`;
      let edge = edges.get(id);
      if (!edge) edges.set(id, (edge = { id, source, target, kinds: [], count: 0, articles: [uri], evidence: [] }));
      if (!edge.kinds.includes(i.kind)) edge.kinds.push(i.kind);
      edge.count++;
      edge.evidence.push(evidence);
    }
  }

  // The people and organisations it quotes; an office's quotes go to the person it speaks for.
  for (const q of a.quotes) {
    const speaker = q.speaker ? byId.get(q.speaker) : undefined;
    if (!speaker) continue;
    const who = principal(speaker);
    const node = who.type === 'country' ? nodes.get(nodeKey(who)) : nodeOf(who);
    if (!node) continue;
    const quote: GraphQuote = { uri, range: toRange(q), text: q.text, kind: q.kind };
    if (who !== speaker) quote.via = speaker.name;
    node.quotes.push(quote);
  }

  return finish({ scope: 'document', articles: [version === undefined ? { uri } : { uri, version }], nodes: [...nodes.values()], edges: [...edges.values()] });
}

/**
 * Merges article graphs by node id (the merge key): names, titles and countries from the first article
 * (in uri order) that has them, mentions and quotes of every article, edges of the same pair joined with
 * their kinds, counts, articles and evidence added up.
 */
export function mergeGraphs(graphs: GraphResult[], indexing?: boolean): GraphResult {
  const merger = new GraphMerger();
  for (const g of graphs) merger.add(g);
  return merger.result(indexing);
}

type NodeAttribute = 'country' | 'countryName' | 'flag' | 'title';
const NODE_ATTRIBUTES: NodeAttribute[] = ['country', 'countryName', 'flag', 'title'];

/**
 * mergeGraphs one graph at a time, for a corpus too large to hold every article's graph (the CLI's
 * `news-lens graph`): the result does not depend on the order in which graphs are added, because each
 * node remembers which article (uri) gave it its name and each attribute, and a graph from an earlier
 * uri takes them over.
 */
export class GraphMerger {
  private readonly nodes = new Map<string, { node: GraphNode; from: { base: string } & Partial<Record<NodeAttribute, string>> }>();
  private readonly edges = new Map<string, GraphEdge>();
  /** Each edge's articles as a set: an edge of a corpus can come from thousands of them. */
  private readonly edgeArticles = new Map<string, Set<string>>();
  private readonly articles = new Map<string, GraphResult['articles'][number]>();

  add(g: GraphResult): void {
    const uri = g.articles.reduce((min, a) => (compareText(a.uri, min) < 0 ? a.uri : min), g.articles[0]?.uri ?? '');
    for (const art of g.articles) if (!this.articles.has(art.uri)) this.articles.set(art.uri, art);
    for (const n of g.nodes) {
      const held = this.nodes.get(n.id);
      if (!held) {
        const from: { base: string } & Partial<Record<NodeAttribute, string>> = { base: uri };
        for (const k of NODE_ATTRIBUTES) if (n[k] !== undefined) from[k] = uri;
        this.nodes.set(n.id, { node: { ...n, mentions: [...n.mentions], quotes: [...n.quotes] }, from });
        continue;
      }
      const { node, from } = held;
      if (compareText(uri, from.base) < 0) {
        node.name = n.name;
        node.type = n.type;
        from.base = uri;
      }
      for (const k of NODE_ATTRIBUTES) {
        const f = from[k];
        if (n[k] !== undefined && (f === undefined || compareText(uri, f) < 0)) {
          node[k] = n[k];
          from[k] = uri;
        }
      }
      if (n.leader) node.leader = true;
      node.mentions.push(...n.mentions);
      node.quotes.push(...n.quotes);
    }
    for (const e of g.edges) {
      const edge = this.edges.get(e.id);
      if (!edge) {
        this.edges.set(e.id, { ...e, kinds: [...e.kinds], articles: [...e.articles], evidence: [...e.evidence] });
        this.edgeArticles.set(e.id, new Set(e.articles));
        continue;
      }
      for (const k of e.kinds) if (!edge.kinds.includes(k)) edge.kinds.push(k);
      const seen = this.edgeArticles.get(e.id)!;
      for (const u of e.articles) {
        if (seen.has(u)) continue;
        seen.add(u);
        edge.articles.push(u);
      }
      edge.count += e.count;
      edge.evidence.push(...e.evidence);
    }
  }

  /** The merged graph, sorted (see finish). */
  result(indexing?: boolean): GraphResult {
    const merged: GraphResult = { scope: 'workspace', articles: [...this.articles.values()], nodes: [...this.nodes.values()].map((h) => h.node), edges: [...this.edges.values()] };
    if (indexing !== undefined) merged.indexing = indexing;
    return finish(merged);
  }
}

/** Sorts everything so that equal inputs give equal (and equally laid out) graphs. */
function finish(g: GraphResult): GraphResult {
  g.articles.sort((x, y) => compareText(x.uri, y.uri));
  for (const n of g.nodes) {
    n.mentions.sort(compareLocation);
    n.quotes.sort(compareLocation);
  }
  g.nodes.sort((x, y) => compareText(x.id, y.id));
  for (const e of g.edges) {
    e.kinds.sort(compareText);
    e.articles.sort(compareText);
    e.evidence.sort(compareLocation);
  }
  g.edges.sort((x, y) => compareText(x.id, y.id));
  return g;
}

/** Edges touching a node (the e2e test and the webview's details use it). */
export function edgesOf(g: Pick<GraphResult, 'edges'>, nodeId: string): GraphEdge[] {
  return g.edges.filter((e) => e.source === nodeId || e.target === nodeId);
}
