// newsLens/conversations (the Who Spoke to Whom view): each interaction's participants, first to the
// others, with the evidence's ranges and text; nodes are the participants with their first mention.
import type { ConversationEdge, ConversationsResult } from '../../../../common/protocol';
import { spanToRange } from '../../positions';
import { entityById, firstMention } from '../../query';
import type { AnalysisView } from '../view';

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
