// Speaker pronouns ("he said", "she told"): the person a pronoun stands for, scored over the people named
// before it, and the sentence and gender facts the score reads.
import type { ResolvedMention } from '../entities/table';
import { firstAtOrAfter, type AttributionContext, type Resolved } from './context';

const AFTER_PREPOSITION_RE = /\b(?:to|with|by|from|for|of|at|on|about|than|and)\s+$/;

/**
 * The person a speaker pronoun stands for, chosen by a score over the people named before it (within a
 * few paragraphs) whose gender fits. Features (weights in PRONOUN_WEIGHTS, fitted by the evaluation):
 *   - sentences back from the pronoun (same sentence 0), subtracted per sentence;
 *   - the person spoke in the last quote before it, or in one of the two before that;
 *   - the mention is its sentence's subject (the first person named in it, not after a preposition);
 *   - the mention follows a preposition ("to Mohamed", "with Netanyahu"), subtracted;
 *   - the mention is in the pronoun's paragraph.
 * Other fitting people in the chosen person's sentence, or scoring within 1 of it, make the pronoun ambiguous.
 */
export function resolvePronoun(ctx: AttributionContext, np: { start: number; end: number }, gender: 'm' | 'f' | 'n' | 'p' | 'x'): Resolved | undefined {
  // A few paragraphs back at most, and never more than a few thousand characters (one huge paragraph).
  const from = Math.max(ctx.paras[Math.max(0, ctx.paraIndexAt(np.start) - 8)].start, np.start - 3000);
  const fits = (m: ResolvedMention) => {
    if (gender === 'm' || gender === 'f') {
      if (m.type !== 'person' || ctx.entity(m.entityId).group) return false;
      const g = genderOf(ctx, m.entityId);
      return !g || g === gender;
    }
    if (gender === 'n') return m.type !== 'person' && (m.type !== 'country' || m.form !== 'demonym');
    // ('x': a description of someone, "the 45-year-old", any one person.)
    if (gender === 'x') return m.type === 'person' && !ctx.entity(m.entityId).group;
    return m.type !== 'country' || m.form !== 'demonym';
  };
  const all = ctx.table.range(from, np.start);
  const candidates: ResolvedMention[] = [];
  // The last few dozen fitting mentions are plenty: salience falls with every sentence back.
  for (let k = all.length - 1; k >= 0 && candidates.length < 40; k--) if (all[k].end <= np.start && fits(all[k])) candidates.push(all[k]);
  candidates.reverse();
  if (!candidates.length) return undefined;
  const here = sentenceIndexAt(ctx, np.start);
  const recent: { pos: number; entityId: string }[] = [];
  for (let k = ctx.spoke.length - 1; k >= 0 && k >= ctx.spoke.length - 50 && recent.length < 3; k--) if (ctx.spoke[k].pos < np.start && np.start - ctx.spoke[k].pos < 5000) recent.unshift(ctx.spoke[k]);
  const lastSpeaker = recent[recent.length - 1]?.entityId;
  const firstInSentence = new Map<number, string>();
  for (const m of candidates) if (m.type === 'person' && !firstInSentence.has(m.sentenceKey) && !afterPreposition(ctx, m.start)) firstInSentence.set(m.sentenceKey, m.entityId);
  const w = ctx.pronounWeights;
  const herePara = ctx.paraIndexAt(np.start);
  const best = new Map<string, { score: number; m: ResolvedMention }>();
  for (const m of candidates) {
    const back = here - sentenceOfMention(ctx, m);
    let score = -w.sentence * Math.min(back, 8);
    if (m.entityId === lastSpeaker) score += w.lastSpeaker;
    else if (recent.some((x) => x.entityId === m.entityId)) score += w.earlierSpeaker;
    if (firstInSentence.get(m.sentenceKey) === m.entityId) score += w.subject;
    if (afterPreposition(ctx, m.start)) score -= w.afterPreposition;
    if (m.para === herePara) score += w.sameParagraph;
    const prev = best.get(m.entityId);
    if (!prev || score > prev.score) best.set(m.entityId, { score, m });
  }
  const ranked = [...best.values()].sort((a, b) => b.score - a.score || b.m.start - a.m.start);
  if (!ranked.length) return undefined;
  const top = ranked[0];
  // Other fitting people named in the chosen person's sentence, or as salient, make the pronoun ambiguous.
  const others = gender === 'm' || gender === 'f'
    ? [...new Set(candidates.filter((o) => o.entityId !== top.m.entityId && o.type === 'person' && (o.sentenceKey === top.m.sentenceKey || (best.get(o.entityId)?.score ?? -99) > top.score - 1)).map((o) => o.entityId))]
    : [];
  return { entityId: top.m.entityId, mention: ctx.span(np.start, np.end), via: 'pronoun', ambiguous: others };
}

/** A document-wide sentence number for an offset (paragraph-major), for sentence distances. */
function sentenceIndexAt(ctx: AttributionContext, offset: number): number {
  const p = ctx.paraIndexAt(offset);
  const toks = ctx.paras[p].tokens;
  const k = Math.min(toks.length - 1, firstAtOrAfter(toks, offset - ctx.paras[p].start, (t) => t.start));
  return sentenceBase(ctx, p) + (k >= 0 ? toks[k].sentence : 0);
}

/** The document-wide sentence number of a mention, from its paragraph and sentence key. */
function sentenceOfMention(ctx: AttributionContext, m: ResolvedMention): number {
  return sentenceBase(ctx, m.para) + (m.sentenceKey % 100000);
}

/** Sentences in the paragraphs before p; filled up to p on demand, so each paragraph is counted once. */
function sentenceBase(ctx: AttributionContext, p: number): number {
  for (let q = ctx.sentenceBases.length; q <= p; q++) {
    const prev = ctx.paras[q - 1].tokens;
    ctx.sentenceBases.push(ctx.sentenceBases[q - 1] + (prev.length ? prev[prev.length - 1].sentence + 1 : 0));
  }
  return ctx.sentenceBases[p];
}

function afterPreposition(ctx: AttributionContext, offset: number): boolean {
  let v = ctx.prepositionBefore.get(offset);
  if (v === undefined) {
    v = AFTER_PREPOSITION_RE.test(ctx.text.slice(Math.max(0, offset - 6), offset).toLowerCase());
    ctx.prepositionBefore.set(offset, v);
  }
  return v;
}

export function genderOf(ctx: AttributionContext, entityId: string): 'm' | 'f' | undefined {
  if (ctx.genders.has(entityId)) return ctx.genders.get(entityId);
  const g = genderFromName(ctx, entityId);
  ctx.genders.set(entityId, g);
  return g;
}

// Honorifics and role words that say a person's gender ("Ms. Haley", "his wife, Sophie", "a spokeswoman, X,").
const MALE_WORDS = new Set(['mr', 'mr.', 'sir', 'lord', 'king', 'prince', 'father', 'brother', 'husband', 'son', 'uncle', 'grandfather', 'spokesman', 'chairman', 'congressman', 'businessman', 'councilman', 'sheikh', 'emir', 'sultan', 'monsignor']);
const FEMALE_WORDS = new Set(['mrs', 'mrs.', 'ms', 'ms.', 'miss', 'dame', 'lady', 'queen', 'princess', 'mother', 'sister', 'wife', 'daughter', 'aunt', 'grandmother', 'spokeswoman', 'chairwoman', 'congresswoman', 'businesswoman', 'councilwoman', 'actress', 'madam', 'mme', 'mme.']);

function genderFromName(ctx: AttributionContext, entityId: string): 'm' | 'f' | undefined {
  const e = ctx.entity(entityId);
  if (e.type !== 'person') return undefined;
  const first = e.name.split(/\s+/)[0].toLowerCase();
  const tags = ctx.lex.tagsOf(first);
  if (tags.includes('MaleName')) return 'm';
  if (tags.includes('FemaleName')) return 'f';
  // An honorific or a gendered role word right before a mention: "Ms. Haley", "his wife, Sophie Grégoire Trudeau".
  // (The first mentions say it if any do: a person named a thousand times is not read a thousand times.)
  const mentions = e.mentions.length > GENDER_MENTIONS ? e.mentions.slice(0, GENDER_MENTIONS) : e.mentions;
  for (const m of mentions) {
    const words = (m.title?.text ?? ctx.text.slice(Math.max(0, m.start - 24), m.start)).toLowerCase().split(/[\s,]+/).filter(Boolean);
    const last = words[words.length - 1];
    if (!last) continue;
    if (MALE_WORDS.has(last)) return 'm';
    if (FEMALE_WORDS.has(last)) return 'f';
  }
  // A possessive or object pronoun soon after the name, in its sentence, with no one else named between: "Tunde
  // Bakare arrived with his wife" (a subject pronoun may start what someone else said, so only these count).
  for (const m of mentions) {
    if (m.form !== 'name') continue;
    const after = FOLLOWING_PRONOUN_RE.exec(ctx.text.slice(m.end, m.end + 60));
    if (!after) continue;
    const at = m.end + after.index;
    if (/[.!?"“”]/.test(ctx.text.slice(m.end, at))) continue;
    if (ctx.table.range(m.end, at).some((x) => x.type === 'person' && x.start >= m.end)) continue;
    if (after[1] === 'his' || after[1] === 'him') return 'm';
    if (after[1] === 'her') return 'f';
  }
  return undefined;
}
const FOLLOWING_PRONOUN_RE = /\b(his|him|her)\b/i;
const GENDER_MENTIONS = 12;
