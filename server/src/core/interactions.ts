// Who spoke to whom: communication events in a sentence ("X spoke to Y", "X's call with Y", "X held talks
// with Y", "X met Y", "X briefed Y", "telephone conversations with A, B, C and D") between the people and
// organisations the article names, each with a kind and the sentence as evidence.
import type { Attributor, DocParagraph } from './attribution';
import type { EntityTable, ResolvedMention } from './entities';
import type { Interaction, InteractionKind } from './types';

interface Trigger {
  kind: InteractionKind;
  /** Words of the trigger, lower-case. */
  words: string[];
  /** The object follows a preposition ("with", "to"); false when it follows directly ("met Y"). */
  needsPreposition: boolean;
}

const TRIGGERS: Trigger[] = [
  ...['spoke', 'speaks', 'speaking', 'talked', 'chatted'].map((w) => ({ kind: 'call' as const, words: [w], needsPreposition: true })),
  ...['phoned', 'telephoned', 'rang', 'called'].map((w) => ({ kind: 'call' as const, words: [w], needsPreposition: false })),
  ...['call', 'calls', 'conversation', 'conversations', 'phone', 'telephone'].map((w) => ({ kind: 'call' as const, words: [w], needsPreposition: true })),
  ...['met', 'meets', 'meet', 'hosted', 'hosts', 'received', 'welcomed'].map((w) => ({ kind: 'meeting' as const, words: [w], needsPreposition: false })),
  ...['meeting', 'meetings', 'summit', 'visit'].map((w) => ({ kind: 'meeting' as const, words: [w], needsPreposition: true })),
  ...['talks', 'discussions', 'negotiations', 'negotiated', 'discussed'].map((w) => ({ kind: 'talks' as const, words: [w], needsPreposition: true })),
  ...['briefed', 'informed', 'congratulated', 'thanked', 'urged', 'assured', 'invited', 'wrote', 'messaged', 'texted', 'told'].map((w) => ({ kind: 'message' as const, words: [w], needsPreposition: false })),
  ...['letter', 'message', 'messages'].map((w) => ({ kind: 'message' as const, words: [w], needsPreposition: true })),
];
const TRIGGER_BY_WORD = new Map<string, Trigger[]>();
for (const t of TRIGGERS) (TRIGGER_BY_WORD.get(t.words[0]) ?? TRIGGER_BY_WORD.set(t.words[0], []).get(t.words[0])!).push(t);

const PREPOSITIONS = new Set(['with', 'to']);
const CALL_CONTEXT = /\b(?:call|calls|phone|phoned|telephone|telephoned|telephonic|conversation|conversations)\b/i;
const CLAUSE_BREAK = new Set([';', 'but', 'while', 'whereas', 'which', 'although', 'though']);
// Words after which the objects of a communication verb are over: "met X in Kyiv", "spoke to X about Y".
const OBJECT_END = new Set(['about', 'on', 'for', 'after', 'before', 'in', 'at', 'during', 'over', 'by', 'from', 'to', 'regarding', 'concerning', 'amid', 'since', 'when']);
const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'their']);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they']);

export function findInteractions(text: string, paras: DocParagraph[], table: EntityTable, attributor: Attributor): Interaction[] {
  const found: Interaction[] = [];
  const seen = new Set<string>();
  const isParticipant = (m: ResolvedMention) => m.type === 'person' || (m.type === 'organization' && !!table.byId.get(m.entityId)?.speaksFor);
  const personOf = (id: string) => table.byId.get(id)?.speaksFor ?? id;

  paras.forEach((para) => {
    const toks = para.tokens.map((t) => ({ t, s: t.start + para.start, e: t.end + para.start }));
    const sentences = new Map<number, typeof toks>();
    for (let k = 0; k < toks.length; k++) (sentences.get(para.tokens[k].sentence) ?? sentences.set(para.tokens[k].sentence, []).get(para.tokens[k].sentence)!).push(toks[k]);
    for (const st of sentences.values()) {
      const sStart = st[0].s;
      const sEnd = st[st.length - 1].e;
      const ms = table.range(sStart, sEnd).filter((m) => m.start >= sStart && m.end <= sEnd && isParticipant(m));
      const sentenceText = text.slice(sStart, sEnd);
      for (let v = 0; v < st.length; v++) {
        const triggers = TRIGGER_BY_WORD.get(st[v].t.lower);
        if (!triggers) continue;
        const trig = triggers[0];
        // Objects: after the trigger (and its preposition) up to a clause break.
        let o = v + 1;
        if (trig.needsPreposition) {
          while (o < st.length && !PREPOSITIONS.has(st[o].t.lower) && o - v <= 4 && !CLAUSE_BREAK.has(st[o].t.lower) && st[o].t.text !== ',') o++;
          if (!PREPOSITIONS.has(st[o]?.t.lower ?? '')) continue;
          o++;
        }
        let objEnd = sEnd;
        for (let k = o; k < st.length; k++) {
          if (CLAUSE_BREAK.has(st[k].t.lower) || (OBJECT_END.has(st[k].t.lower) && k > o)) {
            objEnd = st[k].s;
            break;
          }
        }
        const objStart = st[o]?.s ?? sEnd;
        // "met Y": the object must come right after the verb (allowing titles before the name).
        const objects = ms.filter((m) => m.start >= objStart && m.end <= objEnd);
        if (!objects.length) continue;
        const direct = trig.needsPreposition ? objects : objects.filter((m) => m.start - objStart < 60);
        if (!direct.length) continue;
        const subject = findSubject(st, v, ms, table, attributor);
        if (!subject) continue;
        const kind: InteractionKind = trig.kind === 'message' && CALL_CONTEXT.test(sentenceText + ' ' + precedingText(text, sStart)) ? 'call' : trig.kind;
        for (const obj of objectsList(direct)) {
          const a = personOf(subject);
          const b = personOf(obj.entityId);
          if (a === b) continue;
          const key = [a, b].sort().join('|');
          if (seen.has(key)) continue;
          seen.add(key);
          found.push({ kind, participants: [a, b], evidence: { start: sStart, end: sEnd, text: text.slice(sStart, sEnd) } });
        }
      }
    }
  });
  return found;
}

function precedingText(text: string, start: number): string {
  // "During the call, …" often sits in the previous sentence or at this sentence's start.
  return text.slice(Math.max(0, start - 160), start);
}

/** One mention per entity, in order. */
function objectsList(ms: ResolvedMention[]): ResolvedMention[] {
  const seen = new Set<string>();
  return ms.filter((m) => (seen.has(m.entityId) ? false : (seen.add(m.entityId), true)));
}

/** The initiator: "X's call with", a person before the trigger, or a pronoun ("He informed …", "his call"). */
function findSubject(
  st: { t: { lower: string; text: string }; s: number; e: number }[],
  v: number,
  ms: ResolvedMention[],
  table: EntityTable,
  attributor: Attributor,
): string | undefined {
  const trigStart = st[v].s;
  const before = ms.filter((m) => m.end <= trigStart);
  // A possessive pronoun right before a noun trigger: "his call with Putin".
  const prev = st[v - 1];
  if (prev && POSSESSIVE_PRONOUNS.has(prev.t.lower)) {
    const r = attributor.resolveSpeaker({ start: prev.s, end: prev.e }, prev.s, 'possessive');
    if (r) return r.entityId;
  }
  if (before.length) {
    const last = before[before.length - 1];
    return last.entityId;
  }
  // "He informed Netanyahu …": a subject pronoun before the trigger.
  for (let k = v - 1; k >= 0; k--) {
    if (SUBJECT_PRONOUNS.has(st[k].t.lower)) {
      const r = attributor.resolveSpeaker({ start: st[k].s, end: st[k].e }, st[k].s, 'pronoun');
      return r?.entityId;
    }
  }
  void table;
  return undefined;
}
