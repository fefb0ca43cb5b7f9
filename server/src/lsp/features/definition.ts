// Go to Definition: on a mention → the entity's first mention; inside a quote (not on a mention) → where
// its speaker is named (query.ts speakerTarget).
import type { Location } from 'vscode-languageserver';
import { spanToLocation } from '../../positions';
import { firstMention, mentionAt, quoteAt, speakerTarget } from '../../query';
import type { AnalysisView } from '../view';

export function definition(view: AnalysisView, offset: number): Location | null {
  const a = view.analysis;
  const hit = mentionAt(a, offset);
  if (hit) {
    const first = firstMention(hit.entity);
    return first ? spanToLocation(view.doc, first) : null;
  }
  const quote = quoteAt(a, offset);
  if (!quote) return null;
  const target = speakerTarget(a, quote);
  return target ? spanToLocation(view.doc, target) : null;
}
