// Queries over one analysis (or the annotations made from it, which have the same shape), shared by the
// language server's features and the export formatters: what is at an offset, entities by id, where a
// quote's speaker is named, whom an entity spoke to, and the countries' names and flags. Offsets only:
// converting them to positions, code points or lines is positions.ts's job.
import countries from 'world-countries';
import type { Analysis, Entity, Mention, Quote, Span } from './core/types';

/** What every query reads: an Analysis or the news-lens/annotations@1 object made from it. */
type Parts = Pick<Analysis, 'entities' | 'quotes' | 'interactions'>;

export interface MentionHit {
  entity: Entity;
  mention: Mention;
}

const within = (s: { start: number; end: number }, offset: number) => offset >= s.start && offset <= s.end;
const width = (s: { start: number; end: number }) => s.end - s.start;

// ---- by id ----

const indexes = new WeakMap<readonly Entity[], { length: number; byId: Map<string, Entity> }>();

/** The entities by id, built once per entity list (rebuilt if the list grew). */
export function entityIndex(a: Pick<Analysis, 'entities'>): Map<string, Entity> {
  let index = indexes.get(a.entities);
  if (!index || index.length !== a.entities.length) {
    index = { length: a.entities.length, byId: new Map(a.entities.map((e) => [e.id, e])) };
    indexes.set(a.entities, index);
  }
  return index.byId;
}

export function entityById(a: Pick<Analysis, 'entities'>, id: string | null | undefined): Entity | undefined {
  return id ? entityIndex(a).get(id) : undefined;
}

// ---- by offset ----

/** The narrowest mention containing the offset (a cursor right after a word still counts). */
export function mentionAt(a: Parts, offset: number): MentionHit | undefined {
  let best: MentionHit | undefined;
  for (const entity of a.entities) {
    for (const mention of entity.mentions) {
      if (within(mention, offset) && (!best || width(mention) < width(best.mention))) best = { entity, mention };
    }
  }
  return best;
}

export function quoteAt(a: Parts, offset: number): Quote | undefined {
  let best: Quote | undefined;
  for (const q of a.quotes) if (within(q, offset) && (!best || width(q) < width(best))) best = q;
  return best;
}

/** A quote whose speaker words contain the offset. */
export function speakerSpanAt(a: Parts, offset: number): { quote: Quote; span: Span } | undefined {
  for (const quote of a.quotes) {
    if (quote.speakerMention && within(quote.speakerMention, offset)) return { quote, span: quote.speakerMention };
  }
  return undefined;
}

/** The entity under the cursor: a mention, or the speaker words of a quote. */
export function entityAt(a: Parts, offset: number): Entity | undefined {
  const hit = mentionAt(a, offset);
  if (hit) return hit.entity;
  const sp = speakerSpanAt(a, offset);
  return sp ? entityById(a, sp.quote.speaker) : undefined;
}

// ---- an entity's mentions, quotes and contacts ----

export function firstMention(e: Entity): Mention | undefined {
  let first: Mention | undefined;
  for (const m of e.mentions) if (!first || m.start < first.start) first = m;
  return first;
}

/** Mentions in text order. */
export function sortedMentions(e: Entity): Mention[] {
  return [...e.mentions].sort((x, y) => x.start - y.start || x.end - y.end);
}

/** The person an entity speaks for ("Netanyahu's Office" → Netanyahu), or the entity itself. */
export function principal(a: Parts, e: Entity): Entity {
  return (e.speaksFor && entityById(a, e.speaksFor)) || e;
}

/** Quotes said by the entity, or by an organisation speaking for it. */
export function quotesOf(a: Parts, entity: Entity): Quote[] {
  const ids = new Set([entity.id, ...a.entities.filter((e) => e.speaksFor === entity.id).map((e) => e.id)]);
  return a.quotes.filter((q) => q.speaker !== null && ids.has(q.speaker));
}

export interface Partner {
  entity: Entity;
  kinds: Set<string>;
  evidence: Span[];
}

/** Whom the entity spoke to (interactions it takes part in), with evidence. */
export function partnersOf(a: Parts, entity: Entity): Partner[] {
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

/** A participant's mention for an interaction: the first inside the evidence, else the nearest before it, else the first. */
export function participantMention(e: Entity, evidence: Span): Mention | undefined {
  const ms = sortedMentions(e);
  return ms.find((m) => m.start >= evidence.start && m.end <= evidence.end) ?? [...ms].reverse().find((m) => m.end <= evidence.start) ?? ms[0];
}

/** A person's office: the knowledge base's (or gazetteer's) first, else the article's; organisations and countries have none. */
export function titleOf(e: Entity | undefined): string | undefined {
  if (!e || e.type !== 'person') return undefined;
  const roles = e.roles ?? [];
  return (roles.find((r) => r.source !== 'text') ?? roles[0])?.title;
}

/** ISO alpha-3 of the entity's country (a country's own code). */
export function countryOf(e: Entity | undefined): string | undefined {
  return e ? e.country ?? e.iso3 : undefined;
}

// ---- where a quote's speaker is named ----

/**
 * The speaker's mention that names them for a quote: the mention inside the attribution words ("the
 * Kremlin" in "the Kremlin statement said"), else one around those words, else the speaker's nearest
 * mention before the quote ("Netanyahu's Office also put out a statement" for "the statement read"), else
 * after it.
 */
export function speakerMentionOf(quote: Quote, speaker: Entity | undefined): Mention | undefined {
  if (!speaker) return undefined;
  const words = quote.speakerMention;
  if (words) {
    const inside = speaker.mentions.find((m) => m.start >= words.start && m.end <= words.end);
    if (inside) return inside;
    const around = speaker.mentions.find((m) => m.start <= words.start && m.end >= words.end);
    if (around) return around;
  }
  let before: Mention | undefined;
  let after: Mention | undefined;
  for (const m of speaker.mentions) {
    if (m.end <= quote.start && (!before || m.start > before.start)) before = m;
    if (m.start >= quote.end && (!after || m.start < after.start)) after = m;
  }
  return before ?? after;
}

/**
 * Where the editor takes you for a quote's speaker (Go to Definition, Go to Speaker): speakerMentionOf,
 * except that words inside a longer mention are shown as written, and the attribution words themselves
 * when the speaker is unknown or never mentioned.
 */
export function speakerTarget(a: Parts, quote: Quote): Span | undefined {
  const words = quote.speakerMention ?? undefined;
  const named = speakerMentionOf(quote, entityById(a, quote.speaker));
  if (named && words && named.start <= words.start && named.end >= words.end) return named.start >= words.start && named.end <= words.end ? named : words;
  return named ?? words;
}

// ---- countries ----

export interface CountryInfo {
  name: string;
  cca2: string;
  /** The flag as an emoji ('' when the code has no regional-indicator pair). */
  flag: string;
}

let byIso3: Map<string, CountryInfo> | undefined;

/** A country's common English name and flag from world-countries. */
export function countryInfo(iso3: string | undefined): CountryInfo | undefined {
  if (!iso3) return undefined;
  if (!byIso3) {
    byIso3 = new Map();
    for (const c of countries) {
      const flag = /^[A-Z]{2}$/.test(c.cca2) ? String.fromCodePoint(...[...c.cca2].map((ch) => 0x1f1e6 + ch.charCodeAt(0) - 65)) : '';
      byIso3.set(c.cca3, { name: c.name.common, cca2: c.cca2, flag });
    }
  }
  return byIso3.get(iso3.toUpperCase());
}

/** The country's common English name: the article's own country entity if `a` has one, else world-countries, else the code. */
export function countryName(iso3: string | undefined, a?: Pick<Analysis, 'entities'>): string | undefined {
  if (!iso3) return undefined;
  const inArticle = a?.entities.find((e) => e.type === 'country' && e.iso3 === iso3);
  if (inArticle) return inArticle.name;
  return countryInfo(iso3)?.name ?? iso3;
}
