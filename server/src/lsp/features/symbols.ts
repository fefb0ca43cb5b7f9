// The Outline: leaders (then other people and organisations) with their quotes as children, then
// countries. Each symbol's range covers its first to last mention and quote; the selection is the first
// mention. Go to Symbol in Workspace: the entities of every article, open or indexed.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver';
import type { Analysis, Entity, Quote } from '../../core/types';
import { spanToLocation, spanToRange } from '../../positions';
import { countryName, firstMention, quotesOf } from '../../query';
import type { IndexedFile } from '../pipeline/workspaceIndex';
import type { AnalysisView } from '../view';
import { excerpt } from './markdown';

const ORDER = (e: Entity) => (e.type === 'person' ? (e.leader ? 0 : 1) : e.type === 'organization' ? 2 : 3);

export function documentSymbols(view: AnalysisView): DocumentSymbol[] {
  const a = view.analysis;
  const entities = a.entities.filter((e) => e.mentions.length > 0);
  entities.sort((x, y) => ORDER(x) - ORDER(y) || firstMention(x)!.start - firstMention(y)!.start);
  return entities.map((e) => entitySymbol(view, a, e));
}

function entitySymbol(view: AnalysisView, a: Analysis, e: Entity): DocumentSymbol {
  const quotes = e.type === 'country' ? [] : quotesOf(a, e);
  const spans = [...e.mentions, ...quotes];
  let start = Infinity;
  let end = -Infinity;
  for (const s of spans) {
    if (s.start < start) start = s.start;
    if (s.end > end) end = s.end;
  }
  const role = e.roles?.[0];
  const detail =
    e.type === 'country'
      ? e.iso3 ?? ''
      : [role ? `${role.title}${role.country ? ', ' + countryName(role.country) : ''}` : e.type === 'organization' ? 'organisation' : '', `${e.mentions.length}×`].filter(Boolean).join(' · ');
  return {
    name: e.name,
    detail,
    kind: symbolKind(e),
    range: spanToRange(view.doc, { start, end }),
    selectionRange: spanToRange(view.doc, firstMention(e)!),
    children: quotes.map((q) => quoteSymbol(view, q)),
  };
}

function quoteSymbol(view: AnalysisView, q: Quote): DocumentSymbol {
  const range = spanToRange(view.doc, q);
  return { name: plainExcerpt(q.text), detail: q.cue?.text ?? q.kind, kind: SymbolKind.String, range, selectionRange: range };
}

/** Symbols are plain text (not markdown): shorten without escaping. */
function plainExcerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? flat.slice(0, 57) + '…' : flat || excerpt(text);
}

/** The LSP symbol kind of an entity: leaders are classes, other people variables, organisations modules, countries namespaces. */
export function symbolKind(e: { type: string; leader?: boolean }): SymbolKind {
  return e.type === 'country' ? SymbolKind.Namespace : e.type === 'organization' ? SymbolKind.Module : e.leader ? SymbolKind.Class : SymbolKind.Variable;
}

/** Case-insensitive subsequence match, as VS Code's symbol search expects from servers. */
export function matches(query: string, name: string): boolean {
  const q = query.toLowerCase().replace(/\s+/g, '');
  const n = name.toLowerCase();
  let i = 0;
  for (const ch of n) if (ch === q[i]) i++;
  return i === q.length;
}

/**
 * Go to Symbol in Workspace: the entities of the open documents from their live analyses (`views`), and
 * those of the other indexed articles (`indexed`) from the workspace index.
 */
export function workspaceSymbols(query: string, views: readonly AnalysisView[], indexed: ReadonlyArray<{ uri: string; file: IndexedFile }>): SymbolInformation[] {
  const out: SymbolInformation[] = [];
  for (const view of views) {
    const container = decodeURIComponent(view.uri.split('/').pop() ?? view.uri);
    for (const e of view.analysis.entities) {
      const first = firstMention(e);
      if (first && matches(query, e.name)) out.push({ name: e.name, kind: symbolKind(e), location: spanToLocation(view.doc, first), containerName: container });
    }
  }
  for (const { uri, file } of indexed) {
    for (const e of file.entities) {
      if (matches(query, e.name)) out.push({ name: e.name, kind: symbolKind(e), location: { uri, range: e.range }, containerName: path.basename(fileURLToPath(uri)) });
    }
  }
  return out;
}
