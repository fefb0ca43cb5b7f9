// Queries over one Analysis by offset or id, shared by the feature modules. Offsets only: converting to
// LSP positions is positions.ts's job.
import type { Analysis, Entity, Mention, Quote, Span } from './core/types';

export interface MentionHit {
  entity: Entity;
  mention: Mention;
}

const within = (s: { start: number; end: number }, offset: number) => offset >= s.start && offset <= s.end;
const width = (s: { start: number; end: number }) => s.end - s.start;

/** The narrowest mention containing the offset (a cursor right after a word still counts). */
export function mentionAt(a: Analysis, offset: number): MentionHit | undefined {
  let best: MentionHit | undefined;
  for (const entity of a.entities) {
    for (const mention of entity.mentions) {
      if (within(mention, offset) && (!best || width(mention) < width(best.mention))) best = { entity, mention };
    }
  }
  return best;
}

export function quoteAt(a: Analysis, offset: number): Quote | undefined {
  let best: Quote | undefined;
  for (const q of a.quotes) if (within(q, offset) && (!best || width(q) < width(best))) best = q;
  return best;
}

/** A quote whose speaker words (or cue) contain the offset. */
export function speakerSpanAt(a: Analysis, offset: number): { quote: Quote; span: Span } | undefined {
  for (const quote of a.quotes) {
    if (quote.speakerMention && within(quote.speakerMention, offset)) return { quote, span: quote.speakerMention };
  }
  return undefined;
}

export function entityById(a: Analysis, id: string | null | undefined): Entity | undefined {
  return id ? a.entities.find((e) => e.id === id) : undefined;
}

/** The entity under the cursor: a mention, or the speaker words of a quote. */
export function entityAt(a: Analysis, offset: number): Entity | undefined {
  const hit = mentionAt(a, offset);
  if (hit) return hit.entity;
  const sp = speakerSpanAt(a, offset);
  return sp ? entityById(a, sp.quote.speaker) : undefined;
}

/** The person an entity speaks for ("Netanyahu's Office" → Netanyahu), or the entity itself. */
export function principal(a: Analysis, e: Entity): Entity {
  return (e.speaksFor && entityById(a, e.speaksFor)) || e;
}

/** Quotes said by the entity, or by an organisation speaking for it. */
export function quotesOf(a: Analysis, entity: Entity): Quote[] {
  const ids = new Set([entity.id, ...a.entities.filter((e) => e.speaksFor === entity.id).map((e) => e.id)]);
  return a.quotes.filter((q) => q.speaker !== null && ids.has(q.speaker));
}

export interface Partner {
  entity: Entity;
  kinds: Set<string>;
  evidence: Span[];
}

/** Whom the entity spoke to (interactions it takes part in), with evidence. */
export function partnersOf(a: Analysis, entity: Entity): Partner[] {
  const out = new Map<string, Partner>();
  for (const i of a.interactions) {
    if (!i.participants.includes(entity.id)) continue;
    for (const pid of i.participants) {
      const other = pid === entity.id ? undefined : entityById(a, pid);
      if (!other) continue;
      let p = out.get(pid);
      if (!p) out.set(pid, (p = { entity: other, kinds: new Set(), evidence: [] }));
      p.kinds.add(i.kind);
      p.evidence.push(i.evidence);
    }
  }
  return [...out.values()];
}

export function firstMention(e: Entity): Mention | undefined {
  let first: Mention | undefined;
  for (const m of e.mentions) if (!first || m.start < first.start) first = m;
  return first;
}

export function isPerson(e: Entity): boolean {
  return e.type === 'person';
}

/**
 * Where a quote's speaker is named: the speaker's mention inside the attribution words ("the Kremlin" in
 * "the Kremlin statement said"); else, when those words only describe the source ("the statement read"),
 * the speaker's nearest mention before the quote ("Netanyahu's Office also put out a statement"), else
 * after it; else the attribution words themselves.
 */
export function speakerTarget(a: Analysis, quote: Quote): Span | undefined {
  const speaker = entityById(a, quote.speaker);
  const words = quote.speakerMention;
  if (!speaker) return words ?? undefined;
  const mentions = speaker.mentions;
  if (words) {
    const inside = mentions.find((m) => m.start >= words.start && m.end <= words.end);
    if (inside) return inside;
    if (mentions.some((m) => m.start <= words.start && m.end >= words.end)) return words;
  }
  let before: Mention | undefined;
  let after: Mention | undefined;
  for (const m of mentions) {
    if (m.end <= quote.start && (!before || m.start > before.start)) before = m;
    if (m.start >= quote.end && (!after || m.start < after.start)) after = m;
  }
  return before ?? after ?? words ?? undefined;
}
