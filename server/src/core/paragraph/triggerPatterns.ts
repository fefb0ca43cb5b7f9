// Communication triggers inside one paragraph ("spoke to", "call with", "held talks with", "met", "briefed"):
// the trigger word, where its objects are named, and the possessive or subject pronoun before it. They depend
// on the paragraph's tokens only, so they are cached with the paragraph; interactions/ resolves them to the
// people the article names.
import type { Token } from '../text';
import type { InteractionKind } from '../types';
import { COMMUNICATION_WORDS } from '../vocabulary';

interface Trigger {
  kind: InteractionKind;
  /** Words of the trigger, lower-case. */
  words: string[];
  /** The object follows a preposition ("with", "to"); false when it follows directly ("met Y"). */
  needsPreposition: boolean;
}

const TRIGGERS: Trigger[] = COMMUNICATION_WORDS.flatMap(({ kind, words, preposition }) => words.map((w) => ({ kind, words: [w], needsPreposition: preposition })));
const TRIGGER_BY_WORD = new Map<string, Trigger[]>();
for (const t of TRIGGERS) (TRIGGER_BY_WORD.get(t.words[0]) ?? TRIGGER_BY_WORD.set(t.words[0], []).get(t.words[0])!).push(t);

const PREPOSITIONS = new Set(['with', 'to']);
const CLAUSE_BREAK = new Set([';', 'but', 'while', 'whereas', 'which', 'although', 'though']);
// Words after which the objects of a communication verb are over: "met X in Kyiv", "spoke to X about Y".
const OBJECT_END = new Set(['about', 'on', 'for', 'after', 'before', 'in', 'at', 'during', 'over', 'by', 'from', 'to', 'regarding', 'concerning', 'amid', 'since', 'when']);
const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'their']);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they']);

export interface TriggerPattern {
  kind: InteractionKind;
  /** Offsets relative to the paragraph. */
  trigger: { start: number; end: number };
  /** Where the other participants are named. */
  objects: { start: number; end: number };
  /** "met Y": the object must follow the verb closely. */
  adjacentObject: boolean;
  sentence: { start: number; end: number };
  /** "his call with …": the possessive pronoun before a noun trigger. */
  possessive?: { start: number; end: number };
  /** "He informed …": the nearest subject pronoun before the trigger. */
  subjectPronoun?: { start: number; end: number };
}

/** Communication triggers in one paragraph; cached with it, resolved to entities per document. */
export function findTriggerPatterns(tokens: Token[]): TriggerPattern[] {
  const out: TriggerPattern[] = [];
  let s = 0;
  while (s < tokens.length) {
    let e = s;
    while (e < tokens.length && tokens[e].sentence === tokens[s].sentence) e++;
    for (let v = s; v < e; v++) {
      const triggers = TRIGGER_BY_WORD.get(tokens[v].lower);
      if (!triggers) continue;
      const trig = triggers[0];
      let o = v + 1;
      if (trig.needsPreposition) {
        while (o < e && !PREPOSITIONS.has(tokens[o].lower) && o - v <= 4 && !CLAUSE_BREAK.has(tokens[o].lower) && tokens[o].text !== ',') o++;
        if (o >= e || !PREPOSITIONS.has(tokens[o].lower)) continue;
        o++;
      }
      if (o >= e) continue;
      let objEnd = tokens[e - 1].end;
      for (let k = o; k < e; k++) {
        if (CLAUSE_BREAK.has(tokens[k].lower) || (OBJECT_END.has(tokens[k].lower) && k > o)) {
          objEnd = tokens[k].start;
          break;
        }
      }
      const prev = tokens[v - 1];
      let subjectPronoun: TriggerPattern['subjectPronoun'];
      for (let k = v - 1; k >= s; k--) if (SUBJECT_PRONOUNS.has(tokens[k].lower)) { subjectPronoun = { start: tokens[k].start, end: tokens[k].end }; break; }
      out.push({
        kind: trig.kind,
        trigger: { start: tokens[v].start, end: tokens[v].end },
        objects: { start: tokens[o].start, end: objEnd },
        adjacentObject: !trig.needsPreposition,
        sentence: { start: tokens[s].start, end: tokens[e - 1].end },
        ...(prev && v > s && POSSESSIVE_PRONOUNS.has(prev.lower) ? { possessive: { start: prev.start, end: prev.end } } : {}),
        ...(subjectPronoun ? { subjectPronoun } : {}),
      });
    }
    s = e;
  }
  return out;
}
