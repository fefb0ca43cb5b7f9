// newsLens/quotes (the Quotes view, Go to Speaker) and newsLens/entityAt (Show Quotes by This Speaker): the
// document's quotes with the ranges of the quote, where its speaker is named, the attribution words and
// the cue; and the entity (or quote speaker) under a position.
import type { EntityAtResult, QuotesResult } from '../../../../common/protocol';
import { spanToRange } from '../../positions';
import { entityAt, entityById, quoteAt, speakerTarget } from '../../query';
import type { AnalysisView } from '../view';

export function quotes(view: AnalysisView): QuotesResult {
  const a = view.analysis;
  return {
    uri: view.uri,
    version: view.version,
    quotes: a.quotes.map((q) => {
      const speaker = entityById(a, q.speaker);
      const target = speakerTarget(a, q);
      return {
        id: q.id,
        kind: q.kind,
        range: spanToRange(view.doc, q),
        text: q.text,
        speaker: speaker ? { id: speaker.id, name: speaker.name } : null,
        speakerRange: target ? spanToRange(view.doc, target) : null,
        speakerWordsRange: q.speakerMention ? spanToRange(view.doc, q.speakerMention) : null,
        cueRange: q.cue ? spanToRange(view.doc, q.cue) : null,
        cue: q.cue?.text ?? null,
      };
    }),
  };
}

export function entityAtOffset(view: AnalysisView, offset: number): EntityAtResult | null {
  const a = view.analysis;
  const e = entityAt(a, offset);
  if (e) return { id: e.id, name: e.name, type: e.type };
  const q = quoteAt(a, offset);
  const speaker = entityById(a, q?.speaker);
  return q && speaker ? { id: speaker.id, name: speaker.name, type: speaker.type, quoteId: q.id } : null;
}
