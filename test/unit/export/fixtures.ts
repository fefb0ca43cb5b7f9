// Shared by the export tests: articles (the seed and small crafted ones), turning a text into an
// ExportInput through the real engine, hand-built annotations for hostile names, and offset helpers.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeArticle, toAnnotations } from '../../../server/src/core';
import type { Annotations } from '../../../server/src/core/annotations';
import type { Entity, EntityType, Interaction, Quote } from '../../../server/src/core/types';
import type { ExportInput } from '../../../server/src/export';

export const ROOT = path.resolve(__dirname, '../../../..');
export const SEED_PATH = path.resolve(__dirname, '../../../../../shared/seed/putin-netanyahu-call.txt');
export const SEED_BYTES = readFileSync(SEED_PATH);
export const SEED = SEED_BYTES.toString('utf8');

/** A multi-paragraph quote holding commas, curly and straight quotation marks, an em dash and non-ASCII. */
export const PARIS =
  'PARIS \u2014 French President Emmanuel Macron spoke with German Chancellor Olaf Scholz on Friday.\n\n' +
  '"We said \u201cno\u201d, and we meant it, with all our partners \u2014 in Kyiv, in Warsaw, in Chi\u0219in\u0103u.\n\n' +
  '"Europe will not be divided, not now, not ever," Macron said.\n';

/** Emoji (surrogate pairs, a flag of two) before entities, CRLF line ends, a quote over two paragraphs. */
export const EMOJI_CRLF =
  '\u{1F642}\u{1F1FA}\u{1F1E6} Ukrainian President Volodymyr Zelensky spoke with \u{1F91D} Polish President Andrzej Duda on Monday.\r\n\r\n' +
  '"We are united \u{1F4AA}, today\r\n\r\n"and tomorrow," Zelensky said.\r\n';

export function sha256(s: string | Buffer): string {
  return createHash('sha256').update(s).digest('hex');
}

/** The engine's annotations of `text` as an export input. */
export function inputOf(text: string, file = 'article.txt', uri?: string): ExportInput {
  const annotations = toAnnotations(analyzeArticle(text), { path: file, sha256: sha256(text) });
  return { annotations, text, path: file, uri };
}

/** The seed article as exported from a file of that name (SHA-256 of the file's bytes). */
export function seedInput(): ExportInput {
  const file = 'putin-netanyahu-call.txt';
  return { annotations: toAnnotations(analyzeArticle(SEED), { path: file, sha256: sha256(SEED_BYTES) }), text: SEED, path: file };
}

interface CraftEntity {
  id: string;
  type: EntityType;
  name: string;
  /** Each string's occurrences in the text become mentions (all of them). */
  mentions: string[];
  country?: string;
  iso3?: string;
  leader?: boolean;
  title?: string;
  speaksFor?: string;
}

function spansOf(text: string, needle: string): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) out.push({ start: at, end: at + needle.length, text: needle });
  if (!out.length) throw new Error(`"${needle}" is not in the crafted text`);
  return out;
}

/**
 * Annotations built by hand, for names the engine would never produce (markup, ampersands, quotation
 * marks, control characters). Spans are found by searching the text, so they are always consistent.
 */
export function crafted(
  text: string,
  spec: { entities: CraftEntity[]; quotes?: { text: string; speaker: string | null; kind?: Quote['kind']; cue?: string }[]; interactions?: { kind: string; participants: string[]; evidence: string }[] },
  file = 'crafted.txt',
): ExportInput {
  const entities: Entity[] = spec.entities.map((e) => ({
    id: e.id,
    type: e.type,
    name: e.name,
    ...(e.iso3 ? { iso3: e.iso3 } : {}),
    ...(e.country ? { country: e.country } : {}),
    ...(e.leader !== undefined ? { leader: e.leader } : {}),
    ...(e.title ? { roles: [{ title: e.title, ...(e.country ? { country: e.country } : {}), source: 'text' as const }] } : {}),
    ...(e.speaksFor ? { speaksFor: e.speaksFor } : {}),
    mentions: e.mentions.flatMap((m) => spansOf(text, m).map((s) => ({ ...s, form: 'name' as const }))),
  }));
  const quotes: Quote[] = (spec.quotes ?? []).map((q, i) => {
    const span = spansOf(text, q.text)[0];
    const cue = q.cue ? spansOf(text, q.cue)[0] : null;
    return { id: `q${i + 1}`, kind: q.kind ?? 'direct', ...span, speaker: q.speaker, speakerMention: null, cue };
  });
  const interactions: Interaction[] = (spec.interactions ?? []).map((i) => ({ kind: i.kind as Interaction['kind'], participants: i.participants, evidence: spansOf(text, i.evidence)[0] }));
  const annotations: Annotations = {
    schema: 'news-lens/annotations@1',
    source: { path: file, sha256: sha256(text), length: text.length },
    entities,
    quotes,
    interactions,
    diagnostics: [],
  };
  return { annotations, text, path: file };
}

/** UTF-16 offset → code point offset, by counting (independent of the exporters' own mapper). */
export function codePoints(text: string, utf16: number): number {
  return [...text.slice(0, utf16)].length;
}

/** Code point offset → UTF-16 offset. */
export function utf16Of(text: string, cp: number): number {
  return [...text].slice(0, cp).join('').length;
}
