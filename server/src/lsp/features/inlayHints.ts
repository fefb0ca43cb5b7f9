// Inlay hints: "— Speaker" after each attributed quotation (direct or mixed) in the requested range
// (newsLens.inlayHints.enable). Paraphrases are skipped: their speaker is named right beside them.
import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver';
import { offsetToPosition, rangeToSpan } from '../../positions';
import { entityById, principal } from '../../query';
import type { AnalysisView } from '../view';

export function inlayHints(view: AnalysisView, range: Range): InlayHint[] {
  if (!view.settings.inlayHints.enable) return [];
  const a = view.analysis;
  const within = rangeToSpan(view.doc, range);
  const hints: InlayHint[] = [];
  for (const q of a.quotes) {
    if (q.kind === 'indirect' || q.end < within.start || q.end > within.end) continue; // paraphrase: the speaker is named beside it
    const speaker = entityById(a, q.speaker);
    if (!speaker) continue;
    const who = principal(a, speaker);
    const label = who === speaker ? speaker.name : `${who.name} (${speaker.name})`;
    hints.push({
      position: offsetToPosition(view.doc, q.end),
      label: `— ${label}`,
      kind: InlayHintKind.Parameter,
      paddingLeft: true,
      tooltip: q.cue ? `Attributed by “${q.cue.text}”` : undefined,
    });
  }
  return hints;
}
