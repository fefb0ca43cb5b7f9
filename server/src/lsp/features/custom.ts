// The custom requests of common/protocol.ts: newsLens/conversations (who spoke to whom, with evidence ranges),
// newsLens/annotations (the full news-lens/annotations@1), newsLens/quotes and newsLens/entityAt.
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { toAnnotations } from '../../core/annotations';
import type { Annotations, ConversationEdge, ConversationsResult, EntityAtResult, QuotesResult } from '../../../../common/protocol';
import type { AnalysisView } from '../view';
import { entityAt, entityById, firstMention, quoteAt, speakerTarget } from '../../query';
import { spanToRange } from '../../positions';

export function conversations(view: AnalysisView): ConversationsResult {
  const a = view.analysis;
  const edges = new Map<string, ConversationEdge>();
  const used = new Set<string>();
  for (const i of a.interactions) {
    const [from, ...others] = i.participants;
    for (const to of others) {
      const key = `${from}\u0000${to}\u0000${i.kind}`;
      let edge = edges.get(key);
      if (!edge) edges.set(key, (edge = { from, to, kind: i.kind, evidence: [] }));
      edge.evidence.push({ range: spanToRange(view.doc, i.evidence), text: i.evidence.text });
      used.add(from).add(to);
    }
  }
  const nodes = [...used].flatMap((id) => {
    const e = entityById(a, id);
    const first = e && firstMention(e);
    return e && first ? [{ id, name: e.name, type: e.type, country: e.country ?? e.iso3, leader: e.leader, range: spanToRange(view.doc, first) }] : [];
  });
  return { uri: view.uri, version: view.version, nodes, edges: [...edges.values()] };
}

export function annotations(view: AnalysisView): Annotations {
  const text = view.doc.getText();
  const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
  const path = view.uri.startsWith('file:') ? fileURLToPath(view.uri) : view.uri;
  return toAnnotations(view.analysis, { path, sha256 }) as Annotations;
}

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
