// Find All References: every mention of the entity under the cursor and, for people (and organisations
// speaking for them), all their quotes. Document highlight: every mention of that entity.
import { DocumentHighlightKind, type DocumentHighlight, type Location } from 'vscode-languageserver';
import { spanToLocation, spanToRange } from '../../positions';
import { entityAt, entityById, quoteAt, quotesOf } from '../../query';
import type { AnalysisView } from '../view';

export function references(view: AnalysisView, offset: number): Location[] | null {
  const a = view.analysis;
  const entity = entityAt(a, offset) ?? entityById(a, quoteAt(a, offset)?.speaker);
  if (!entity) return null;
  const spans = [...entity.mentions, ...(entity.type === 'country' ? [] : quotesOf(a, entity))];
  spans.sort((x, y) => x.start - y.start);
  return spans.map((s) => spanToLocation(view.doc, s));
}

export function highlights(view: AnalysisView, offset: number): DocumentHighlight[] | null {
  const entity = entityAt(view.analysis, offset);
  if (!entity) return null;
  return entity.mentions.map((m) => ({ range: spanToRange(view.doc, m), kind: DocumentHighlightKind.Text }));
}
