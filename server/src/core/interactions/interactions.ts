// Who spoke to whom: communication events in a sentence ("X spoke to Y", "X's call with Y", "X held talks
// with Y", "X met Y", "X briefed Y", "telephone conversations with A, B, C and D") between the people and
// organisations the article names, each with a kind and the sentence as evidence. The triggers themselves
// are found per paragraph (paragraph/triggerPatterns.ts).
import type { Attributor } from '../attribution/attributor';
import type { DocParagraph } from '../attribution/context';
import type { EntityTable, ResolvedMention } from '../entities/table';
import type { Interaction, InteractionKind } from '../types';

const CALL_CONTEXT = /\b(?:call|calls|phone|phoned|telephone|telephoned|telephonic|conversation|conversations)\b/i;

export function findInteractions(text: string, paras: DocParagraph[], table: EntityTable, attributor: Attributor): Interaction[] {
  const found: Interaction[] = [];
  const seen = new Set<string>();
  const isParticipant = (m: ResolvedMention) => m.type === 'person' || (m.type === 'organization' && !!table.byId.get(m.entityId)?.speaksFor);
  const personOf = (id: string) => table.byId.get(id)?.speaksFor ?? id;
  for (const para of paras) {
    const base = para.start;
    for (const tp of para.triggers) {
      const sStart = tp.sentence.start + base;
      const sEnd = tp.sentence.end + base;
      const objStart = tp.objects.start + base;
      const objects = table.range(objStart, tp.objects.end + base).filter((m) => m.start >= objStart && m.end <= tp.objects.end + base && isParticipant(m));
      const direct = tp.adjacentObject ? objects.filter((m) => m.start - objStart < 60) : objects;
      if (!direct.length) continue;
      const trigStart = tp.trigger.start + base;
      let subject: string | undefined;
      if (tp.possessive) subject = attributor.resolveSpeaker({ start: tp.possessive.start + base, end: tp.possessive.end + base }, trigStart, 'possessive')?.entityId;
      if (!subject) {
        const before = table.range(sStart, trigStart).filter((m) => m.start >= sStart && m.end <= trigStart && isParticipant(m));
        subject = before.length ? before[before.length - 1].entityId : undefined;
      }
      if (!subject && tp.subjectPronoun) subject = attributor.resolveSpeaker({ start: tp.subjectPronoun.start + base, end: tp.subjectPronoun.end + base }, trigStart, 'pronoun')?.entityId;
      if (!subject) continue;
      const kind: InteractionKind = tp.kind === 'message' && CALL_CONTEXT.test(text.slice(Math.max(0, sStart - 160), sEnd)) ? 'call' : tp.kind;
      const seenObj = new Set<string>();
      for (const obj of direct) {
        if (seenObj.has(obj.entityId)) continue;
        seenObj.add(obj.entityId);
        const a = personOf(subject);
        const b = personOf(obj.entityId);
        if (a === b) continue;
        const key = a < b ? `${a}|${b}` : `${b}|${a}`;
        if (seen.has(key)) continue;
        seen.add(key);
        found.push({ kind, participants: [a, b], evidence: { start: sStart, end: sEnd, text: text.slice(sStart, sEnd) } });
      }
    }
  }
  return found;
}
