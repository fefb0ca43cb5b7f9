// Go to Definition: on a mention → the entity's first mention; inside a quote (not on a mention) → where
// its speaker is named (lookup.speakerTarget).
import type { Location } from 'vscode-languageserver';
import type { AnalysisView } from '../view';
import { firstMention, mentionAt, quoteAt, speakerTarget } from '../../query';
import { spanToLocation } from '../../positions';

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
