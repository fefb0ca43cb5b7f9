// The Outline: leaders (then other people and organisations) with their quotes as children, then
// countries. Each symbol's range covers its first to last mention and quote; the selection is the first mention.
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver';
import type { Analysis, Entity, Quote } from '../../core/types';
import type { AnalysisView } from '../view';
import { countryName, firstMention, quotesOf } from '../../query';
import { excerpt } from './markdown';
import { spanToLocation, spanToRange } from '../../positions';

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
    kind: e.type === 'country' ? SymbolKind.Namespace : e.type === 'organization' ? SymbolKind.Module : e.leader ? SymbolKind.Class : SymbolKind.Variable,
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

/** Workspace-symbol entries for an open document, from its live analysis. */
export function workspaceSymbolsOf(view: AnalysisView, query: string, matches: (q: string, name: string) => boolean): SymbolInformation[] {
  const container = view.uri.split('/').pop() ?? view.uri;
  return view.analysis.entities.flatMap((e) => {
    const first = firstMention(e);
    if (!first || !matches(query, e.name)) return [];
    const kind = e.type === 'country' ? SymbolKind.Namespace : e.type === 'organization' ? SymbolKind.Module : e.leader ? SymbolKind.Class : SymbolKind.Variable;
    return [{ name: e.name, kind, location: spanToLocation(view.doc, first), containerName: decodeURIComponent(container) }];
  });
}
