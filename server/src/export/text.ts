// Helpers shared by the formatters: file names, text and small lookups over the annotations. Offsets in other
// units (code points for brat and W3C) come from ../positions.ts.
import countries from 'world-countries';
import type { Entity, Mention, Quote, Span } from '../core/types';
import type { Annotations } from './types';

export { baseName, safeFileName, stemOf } from '../../../common/fileNames';

/** The text with CRLF and lone CR turned into LF. */
export function lfText(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** base64url (RFC 4648 §5, no padding) of a hex string, for RFC 6920 ni: URIs. */
export function hexToBase64Url(hex: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const bytes = (hex.match(/../g) ?? []).map((h) => parseInt(h, 16));
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let k = 0; k < chars; k++) out += alphabet[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

// ---- lookups over the annotations ----

export function entityIndex(a: Annotations): Map<string, Entity> {
  return new Map(a.entities.map((e) => [e.id, e]));
}

/** Mentions in text order. */
export function sortedMentions(e: Entity): Mention[] {
  return [...e.mentions].sort((x, y) => x.start - y.start || x.end - y.end);
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

let names: Map<string, string> | undefined;

/** The country's common English name: the article's country entity if there is one, else world-countries, else the code. */
export function countryName(iso3: string | undefined, a?: Annotations): string | undefined {
  if (!iso3) return undefined;
  const inArticle = a?.entities.find((e) => e.type === 'country' && e.iso3 === iso3);
  if (inArticle) return inArticle.name;
  names ??= new Map(countries.map((c) => [c.cca3, c.name.common]));
  return names.get(iso3.toUpperCase()) ?? iso3;
}

/**
 * Where a quote's speaker is named, as one of the speaker's mentions: the mention inside the attribution
 * words ("the Kremlin" in "the Kremlin statement"), else the speaker's nearest mention before the quote
 * ("Netanyahu's Office" for "the statement read"), else after it. (The rule of Go to Speaker.)
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

/** A participant's mention for an interaction: the first inside the evidence, else the nearest before it, else the first. */
export function participantMention(e: Entity, evidence: Span): Mention | undefined {
  const ms = sortedMentions(e);
  return ms.find((m) => m.start >= evidence.start && m.end <= evidence.end) ?? [...ms].reverse().find((m) => m.end <= evidence.start) ?? ms[0];
}
