// newsLens/graph: the conversation graph of one document (from its cached analysis) or of the whole
// workspace (open documents from their live analysis, the other articles from the workspace index),
// built by graph/model.ts; this adds the countries' names and flags.
import type { CancellationToken } from 'vscode-languageserver';
import type { GraphParams, GraphResult } from '../../../../common/protocol';
import { articleGraph, mergeGraphs } from '../../graph/model';
import { spanToRange } from '../../positions';
import { countryInfo } from '../../query';
import type { IndexedFile } from '../pipeline/workspaceIndex';
import type { AnalysisView } from '../view';

export interface GraphSources {
  view(uri: string, token?: CancellationToken): Promise<AnalysisView | undefined>;
  /** Documents open in the editor. */
  uris(): Iterable<string>;
}

export interface IndexedGraphs {
  /** Indexed articles that are not in `open`. */
  files(open: Set<string>): ReadonlyArray<{ file: Pick<IndexedFile, 'graph'> }>;
  readonly indexing: boolean;
}

export function documentGraph(view: AnalysisView): GraphResult {
  return decorate(articleGraph(view.analysis, view.uri, (s) => spanToRange(view.doc, s), view.version));
}

export async function graph(params: GraphParams, cache: GraphSources, index: IndexedGraphs, token?: CancellationToken): Promise<GraphResult | null> {
  if (params?.scope === 'workspace') {
    const open = new Set(cache.uris());
    const live = await Promise.all([...open].map((uri) => cache.view(uri, token)));
    const graphs = live.flatMap((v) => (v && !v.skipped ? [articleGraph(v.analysis, v.uri, (s) => spanToRange(v.doc, s), v.version)] : []));
    return decorate(mergeGraphs([...graphs, ...index.files(open).map((f) => f.file.graph)], index.indexing));
  }
  const uri = params?.scope === 'document' ? params.textDocument?.uri : undefined;
  if (typeof uri !== 'string') return null;
  const view = await cache.view(uri, token);
  return view && !view.skipped ? documentGraph(view) : null;
}

function decorate(g: GraphResult): GraphResult {
  for (const n of g.nodes) {
    const info = countryInfo(n.country);
    if (!info) continue;
    n.countryName = info.name;
    if (info.flag) n.flag = info.flag;
  }
  return g;
}
