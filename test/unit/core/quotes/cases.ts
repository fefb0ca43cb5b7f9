// Quote detection and attribution on short snippets of real-world reporting conventions. Every
// expectation is what a careful human reader would mark — never copied from the engine's output.
//
// For each case: `quotes` lists ALL the direct and mixed quotes in the snippet (span text including the
// quotation marks, kind, speaker entity name or null); the engine must find exactly these. `indirect`
// lists reported-speech clauses that must be found as kind 'indirect' (≥ 50% overlap of the longer span,
// since the boundaries of a reported clause are fuzzy); other indirect quotes are not penalised.
// The case format, its runner and the engine's known gaps, shared by the quote and speaker tables.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeArticle } from '../../../../server/src/core';
import type { Analysis, EntityType, Quote, QuoteKind } from '../../../../server/src/core/types';

export interface Expected {
  /** Exact span text, quotation marks included (indirect: the reported clause). */
  text: string;
  kind: QuoteKind;
  /** Canonical name of the speaker entity, or null when a human would name none. */
  speaker: string | null;
  speakerType?: EntityType;
  /** The speaker is an unnamed person or group the article cites ("a reporter", "a senior official"). */
  group?: boolean;
  /** Which occurrence of `text` (1-based) when it occurs more than once. */
  occurrence?: number;
}

export interface Case {
  name: string;
  text: string;
  quotes: Expected[];
  indirect?: Expected[];
}

export const direct = (text: string, speaker: string | null, speakerType?: EntityType): Expected => ({ text, kind: 'direct', speaker, speakerType });
export const mixed = (text: string, speaker: string | null, speakerType?: EntityType): Expected => ({ text, kind: 'mixed', speaker, speakerType });
export const indirect = (text: string, speaker: string | null, speakerType?: EntityType): Expected => ({ text, kind: 'indirect', speaker, speakerType });
export const ORG: EntityType = 'organization';
/** A direct quote whose speaker is an unnamed source, named by the words that cite it. */
export const byGroup = (text: string, words: string): Expected => ({ text, kind: 'direct', speaker: words, group: true });

// ---------------------------------------------------------------------------------------------------
// Runner

/** Case, diacritics, curly apostrophes and a leading "the" do not matter in names. */
const normName = (s: string | null | undefined) =>
  (s ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘]/g, "'")
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();

function locate(text: string, e: Expected): { start: number; end: number } {
  let at = -1;
  for (let k = 0; k < (e.occurrence ?? 1); k++) at = text.indexOf(e.text, at + 1);
  assert.ok(at >= 0, `test bug: ${JSON.stringify(e.text)} is not in the input`);
  return { start: at, end: at + e.text.length };
}

const show = (q: { kind: string; text: string }) => `${q.kind} ${q.text}`;

function checkSpeaker(a: Analysis, q: Quote, e: Expected): void {
  const nameOf = (id: string | null) => (id ? a.entities.find((x) => x.id === id)?.name : undefined);
  if (e.speaker === null) {
    assert.equal(q.speaker, null, `${e.text}: expected no speaker, got ${nameOf(q.speaker)}`);
    return;
  }
  assert.ok(q.speaker, `${e.text}: expected speaker ${e.speaker}, got none`);
  const entity = a.entities.find((x) => x.id === q.speaker);
  assert.ok(entity, `${e.text}: speaker id ${q.speaker} is not an entity`);
  assert.equal(normName(entity.name), normName(e.speaker), `${e.text}: speaker`);
  if (e.speakerType) assert.equal(entity.type, e.speakerType, `${e.text}: speaker type`);
  assert.equal(!!entity.group, !!e.group, `${e.text}: ${e.group ? 'an unnamed source' : 'a named speaker'} expected`);
}

function runCase(c: Case): void {
  const a = analyzeArticle(c.text);
  const text = c.text;
  for (const q of a.quotes) {
    assert.equal(q.text, text.slice(q.start, q.end), `quote ${q.id}: text !== input.slice(start, end)`);
    if (q.speakerMention) assert.equal(q.speakerMention.text, text.slice(q.speakerMention.start, q.speakerMention.end));
    if (q.cue) assert.equal(q.cue.text, text.slice(q.cue.start, q.cue.end));
  }

  // Direct and mixed quotes: exactly the expected spans and kinds.
  const got = a.quotes.filter((q) => q.kind !== 'indirect').sort((x, y) => x.start - y.start);
  const want = c.quotes.map((e) => ({ e, ...locate(text, e) })).sort((x, y) => x.start - y.start);
  assert.deepEqual(got.map(show), want.map((w) => show(w.e)));
  for (const w of want) {
    const q = got.find((g) => g.start === w.start && g.end === w.end);
    assert.ok(q, `quote ${w.e.text} not found at ${w.start}`);
    checkSpeaker(a, q, w.e);
  }

  // Indirect speech: overlap of at least half of the longer span.
  for (const e of c.indirect ?? []) {
    const span = locate(text, e);
    const q = a.quotes.find((p) => {
      if (p.kind !== 'indirect') return false;
      const o = Math.min(p.end, span.end) - Math.max(p.start, span.start);
      return o > 0 && o >= 0.5 * Math.max(p.end - p.start, span.end - span.start);
    });
    assert.ok(q, `indirect speech "${e.text}" not found; indirect quotes: ${JSON.stringify(a.quotes.filter((p) => p.kind === 'indirect').map((p) => p.text))}`);
    checkSpeaker(a, q, e);
  }
}


// Cases the engine still gets wrong (see the engine issue's closing note). They run and report as TODO
// so that the table keeps the human expectation; move a case out of this list once it passes.
export const KNOWN_GAPS = new Set<string>([
  "a British quote next to Hamas’ and the players’ union",
  "a headline with India's before a single-quoted fragment",
  "a plural possessive right before the closing mark",
  "continuation stops at the next attributed quote",
  "mixed quote: \"called X …\"",
  "mixed quote: a fragment in marks inside reported speech",
]);

export function runTables(tables: [string, Case[]][]): void {
  for (const [title, cases] of tables) {
    describe(title, () => {
      for (const c of cases) test(c.name, KNOWN_GAPS.has(c.name) ? { todo: 'known engine gap' } : {}, () => runCase(c));
    });
  }
}
