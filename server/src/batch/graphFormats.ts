// The corpus conversation graph (`news-lens graph`) as files for network tools. The graph itself is the
// editor's workspace graph (server/src/graph/model.ts: people and organisations merged across articles by
// knowledge-base id, else normalised name; one undirected edge per pair who spoke, with its kinds, count
// and evidence); this adds each article's date and writes it as
//   graphml  for Gephi, yEd, NetworkX, igraph: edge `weight` = number of interactions, articles and dates
//   csv      Gephi's spreadsheet import: an edge table (Source, Target, Type, Weight, …) and a node table
//   json     news-lens/corpus-graph@1, everything above in one object
import { stringify } from 'csv-stringify/sync';
import { xmlEscape } from '../export/graphml';
import type { GraphEdge, GraphNode, GraphResult } from '../../../common/protocol';

export const GRAPH_FORMATS = ['graphml', 'csv', 'json'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

export const CORPUS_GRAPH_SCHEMA = 'news-lens/corpus-graph@1';

/** Article id (a path or a record's id) → its date (YYYY-MM-DD), where known. */
export type ArticleDates = Map<string, string>;

const kbId = (n: GraphNode) => (n.id.startsWith('kb:') ? n.id.slice(3) : undefined);
const sortedDates = (articles: string[], dates: ArticleDates) => [...new Set(articles.flatMap((a) => (dates.has(a) ? [dates.get(a)!] : [])))].sort();
const nodeArticles = (n: GraphNode) => [...new Set([...n.mentions.map((m) => m.uri), ...n.quotes.map((q) => q.uri)])].sort();

export interface CorpusNode {
  id: string;
  name: string;
  type: string;
  country?: string;
  title?: string;
  leader?: boolean;
  kbId?: string;
  /** Articles in which the node takes part in a conversation or is quoted. */
  articles: number;
  quotes: number;
  firstDate?: string;
  lastDate?: string;
}

export interface CorpusEdge {
  id: string;
  source: string;
  target: string;
  kinds: string[];
  /** Interactions reported between the two. */
  weight: number;
  articles: string[];
  dates: string[];
  evidence: { article: string; date?: string; line: number; kind: string; text: string }[];
}

export interface CorpusGraph {
  schema: typeof CORPUS_GRAPH_SCHEMA;
  articles: { id: string; date?: string }[];
  nodes: CorpusNode[];
  edges: CorpusEdge[];
}

export function corpusGraph(g: GraphResult, dates: ArticleDates): CorpusGraph {
  const nodes = g.nodes.map((n): CorpusNode => {
    const arts = nodeArticles(n);
    const ds = sortedDates(arts, dates);
    const out: CorpusNode = { id: n.id, name: n.name, type: n.type, articles: arts.length, quotes: n.quotes.length };
    if (n.country) out.country = n.country;
    if (n.title) out.title = n.title;
    if (n.leader) out.leader = true;
    if (kbId(n)) out.kbId = kbId(n);
    if (ds.length) [out.firstDate, out.lastDate] = [ds[0], ds[ds.length - 1]];
    return out;
  });
  const edges = g.edges.map(
    (e: GraphEdge): CorpusEdge => ({
      id: e.id,
      source: e.source,
      target: e.target,
      kinds: e.kinds,
      weight: e.count,
      articles: e.articles,
      dates: sortedDates(e.articles, dates),
      evidence: e.evidence.map((v) => ({ article: v.uri, ...(dates.has(v.uri) ? { date: dates.get(v.uri) } : {}), line: v.range.start.line + 1, kind: v.kind, text: v.text })),
    }),
  );
  return { schema: CORPUS_GRAPH_SCHEMA, articles: g.articles.map((a) => (dates.has(a.uri) ? { id: a.uri, date: dates.get(a.uri) } : { id: a.uri })), nodes, edges };
}

const evidenceLine = (v: CorpusEdge['evidence'][number]) => `${v.article}${v.date ? ` (${v.date})` : ''}, line ${v.line}, ${v.kind}: ${v.text.replace(/\s+/g, ' ')}`;

const GRAPHML_KEYS: [id: string, forWhat: 'graph' | 'node' | 'edge', type: 'string' | 'boolean' | 'int' | 'double'][] = [
  ['schema', 'graph', 'string'],
  ['articles', 'graph', 'int'],
  ['label', 'node', 'string'],
  ['merge_key', 'node', 'string'],
  ['type', 'node', 'string'],
  ['country', 'node', 'string'],
  ['title', 'node', 'string'],
  ['leader', 'node', 'boolean'],
  ['kb_id', 'node', 'string'],
  ['article_count', 'node', 'int'],
  ['quotes', 'node', 'int'],
  ['first_date', 'node', 'string'],
  ['last_date', 'node', 'string'],
  ['weight', 'edge', 'double'],
  ['kinds', 'edge', 'string'],
  ['article_count', 'edge', 'int'],
  ['articles', 'edge', 'string'],
  ['first_date', 'edge', 'string'],
  ['last_date', 'edge', 'string'],
  ['dates', 'edge', 'string'],
  ['evidence', 'edge', 'string'],
];

/** GraphML, undirected; node ids are n1, n2, … (GraphML ids are NMTOKENs: merge keys have spaces), the key in `merge_key`. */
export function corpusGraphml(c: CorpusGraph): string {
  const ids = new Map(c.nodes.map((n, i) => [n.id, `n${i + 1}`]));
  const data = (key: string, value: string | number | boolean | undefined) => (value === undefined || value === '' ? [] : [`<data key="${key}">${xmlEscape(String(value))}</data>`]);
  const keyId = (forWhat: string, name: string) => `${forWhat[0]}_${name}`;
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...GRAPHML_KEYS.map(([name, forWhat, type]) => `  <key id="${keyId(forWhat, name)}" for="${forWhat}" attr.name="${name === 'article_count' ? 'articles' : name}" attr.type="${type}"/>`),
    '  <graph id="G" edgedefault="undirected">',
    ...[...data(keyId('graph', 'schema'), c.schema), ...data(keyId('graph', 'articles'), c.articles.length)].map((l) => `    ${l}`),
  ];
  for (const n of c.nodes) {
    const d = (name: string, v: string | number | boolean | undefined) => data(keyId('node', name), v).map((l) => `      ${l}`);
    out.push(
      `    <node id="${ids.get(n.id)}">`,
      ...d('label', n.name),
      ...d('merge_key', n.id),
      ...d('type', n.type),
      ...d('country', n.country),
      ...d('title', n.title),
      ...d('leader', n.type === 'person' ? !!n.leader : undefined),
      ...d('kb_id', n.kbId),
      ...d('article_count', n.articles),
      ...d('quotes', n.quotes),
      ...d('first_date', n.firstDate),
      ...d('last_date', n.lastDate),
      '    </node>',
    );
  }
  c.edges.forEach((e, i) => {
    const d = (name: string, v: string | number | boolean | undefined) => data(keyId('edge', name), v).map((l) => `      ${l}`);
    out.push(
      `    <edge id="e${i + 1}" source="${ids.get(e.source)}" target="${ids.get(e.target)}">`,
      ...d('weight', e.weight),
      ...d('kinds', e.kinds.join(' ')),
      ...d('article_count', e.articles.length),
      ...d('articles', e.articles.join('\n')),
      ...d('first_date', e.dates[0]),
      ...d('last_date', e.dates[e.dates.length - 1]),
      ...d('dates', e.dates.join(' ')),
      ...d('evidence', e.evidence.map(evidenceLine).join('\n')),
      '    </edge>',
    );
  });
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}

const CSV = { record_delimiter: 'windows', quote_record_delimiter: true, escape_formulas: true, header: true, bom: true } as const;

/** Gephi's edge table: Source and Target are node ids (the merge keys), with the people's names beside them. */
export function corpusEdgesCsv(c: CorpusGraph): string {
  const names = new Map(c.nodes.map((n) => [n.id, n.name]));
  const columns = ['Source', 'Target', 'Type', 'Weight', 'Label', 'source_name', 'target_name', 'kinds', 'articles', 'first_date', 'last_date', 'article_ids', 'evidence'];
  const rows = c.edges.map((e) => [
    e.source,
    e.target,
    'Undirected',
    e.weight,
    e.kinds.join(' '),
    names.get(e.source) ?? '',
    names.get(e.target) ?? '',
    e.kinds.join(' '),
    e.articles.length,
    e.dates[0] ?? '',
    e.dates[e.dates.length - 1] ?? '',
    e.articles.join('\n'),
    e.evidence.map(evidenceLine).join('\n'),
  ]);
  return stringify(rows, { ...CSV, columns });
}

/** Gephi's node table: Id (the merge key) and Label, then the attributes. */
export function corpusNodesCsv(c: CorpusGraph): string {
  const columns = ['Id', 'Label', 'type', 'country', 'title', 'leader', 'kb_id', 'articles', 'quotes', 'first_date', 'last_date'];
  const rows = c.nodes.map((n) => [n.id, n.name, n.type, n.country ?? '', n.title ?? '', n.type === 'person' ? String(!!n.leader) : '', n.kbId ?? '', n.articles, n.quotes, n.firstDate ?? '', n.lastDate ?? '']);
  return stringify(rows, { ...CSV, columns });
}
