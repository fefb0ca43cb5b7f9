// Property-based tests of the engine (fast-check): articles assembled from random news fragments (leaders
// with titles, countries, organisations, cues, every kind of quotation mark, balanced or not) and random
// Unicode (emoji and other surrogate pairs, right-to-left text, combining marks, lone surrogates, NUL, CR,
// CRLF, BOM). For every article:
//   - every span is in range, its `text` equals the slice, and no span boundary splits a surrogate pair;
//   - quotes never overlap;
//   - every speaker, participant and speaks-for id names an existing entity;
//   - the output is deterministic (twice the same; createAnalyzer equals analyzeArticle);
//   - analysing a document and re-analysing it after edits equals analysing the edited text from scratch.
// Reproducible: a fixed seed (NEWS_LENS_FC_SEED overrides it) and run counts sized for CI
// (NEWS_LENS_FC_RUNS multiplies them for a longer local search).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeArticle, createAnalyzer } from '../../../server/src/core';
import type { Analysis, Span } from '../../../server/src/core/types';

const SEED = Number(process.env.NEWS_LENS_FC_SEED ?? 20261126);
const SCALE = Number(process.env.NEWS_LENS_FC_RUNS ?? 1);
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));
fc.configureGlobal({ seed: SEED });

// ---- generators ----

const PEOPLE = [
  'Russian President Vladimir Putin', 'Putin', "Putin's", 'Israeli Prime Minister Benjamin Netanyahu', 'Israeli PM Netanyahu',
  'Netanyahu', 'Mahmud Abbas', 'Palestinian President Mahmoud Abbas', 'Egyptian President Abdel Fattah el-Sisi', 'al-Sisi',
  'French President Emmanuel Macron', 'Macron', 'German Chancellor Olaf Scholz', 'Scholz', 'Ukrainian President Volodymyr Zelensky',
  'Zelenskiy', 'U.S. President Joe Biden', 'Biden', 'the Russian leader', 'the PM', 'the president', 'he', 'she', 'they',
  'Foreign Minister Sergei Lavrov', 'Maria Gonzalez', 'Dr. Amina Yusuf', 'Chinese President Xi Jinping', 'Xi',
];
const PLACES = ['Russia', 'Israel', 'Gaza', 'the Gaza Strip', 'Egypt', 'Iran', 'Syria', 'Moscow', 'Cairo', 'Jordan', 'Georgia', 'Turkey', 'China', 'the United States', 'U.S.', 'Ukraine', 'Kyiv', 'Palestine'];
const ORGS = ['the Kremlin', 'the White House', "Netanyahu's Office", 'Hamas', 'Reuters', 'Downing Street', 'the statement', 'the Kremlin statement', 'a spokesperson', 'officials'];
const CUES = ['said', 'told reporters', 'said on Monday', 'added', 'wrote', 'stated', 'read', 'according to', 'said that', 'told Reuters', ':'];
const VERBS = ['spoke to', 'spoke with', 'held talks with', 'met', 'briefed', 'had a phone call with', 'called', 'thanked', 'criticised'];
const MARKS: [string, string][] = [['"', '"'], ['\u201c', '\u201d'], ['\u00ab', '\u00bb'], ['\u201e', '\u201c'], ["'", "'"], ['\u2018', '\u2019'], ['\u00bb', '\u00ab']];
const WORDS = ['the', 'talks', 'on', 'Monday', 'a', 'ceasefire', 'peace', 'war', 'in', 'and', 'it\u2019s', "'90s", 'Hamas\u2019', 'we', 'will', 'not', 'give', 'up', 'today', 'region', 'situation', 'of', 'for', 'US$5', '12.5%', '#tag', '@user', '[link](command:evil)', '<b>x</b>'];
const LINE_BREAKS = ['\n', '\n\n', '\r\n', '\r\n\r\n', '\r', '\r\r', '\n\n\n', '\u2028'];
const UNICODE_BITS = [
  '\u{1F1F7}\u{1F1FA}', '\u{1F44D}\u{1F3FD}', '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}', '\u{1D4D0}\u{1D4D1}', '\u{20BB7}', '\u{1F600}',
  '\u0642\u0627\u0644 \u0627\u0644\u0631\u0626\u064a\u0633', '\u05e0\u05ea\u05e0\u05d9\u05d4\u05d5', '\u200f', '\u200e', '\u202e', '\u2066', '\u2069',
  'e\u0301', 'Z\u0351\u0360', '\u00a0', '\u2009', '\t', '\ufeff', '\u0000', '\ud800', '\udfff', '\ufffd', '\u3000', '\u0130', '\u00df', '\uFB01',
];

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);

/** A bit of arbitrary Unicode: any code point, ASCII, or one of the awkward pieces above. */
const unicode: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  pick(UNICODE_BITS),
);

const words = fc.array(fc.oneof({ weight: 5, arbitrary: pick(WORDS) }, { weight: 1, arbitrary: unicode }), { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));

/** A quotation: opening and closing marks (sometimes mismatched or missing) around words. */
const quotation = fc.tuple(pick(MARKS), words, fc.nat(9), pick(MARKS)).map(([[open, close], body, r, [, other]]) => {
  if (r === 0) return open + body; // never closed
  if (r === 1) return body + close; // never opened
  if (r === 2) return open + body + other; // the wrong closing mark
  return open + body + (r === 3 ? ',' : '') + close;
});

const sentence: fc.Arbitrary<string> = fc.oneof(
  // "X said: "…"" / ""…," X said."
  fc.tuple(pick(PEOPLE), pick(CUES), quotation).map(([who, cue, q]) => `${who} ${cue} ${q}`),
  fc.tuple(quotation, pick(PEOPLE), pick(CUES)).map(([q, who, cue]) => `${q} ${who} ${cue}.`),
  fc.tuple(quotation, pick(ORGS), pick(CUES)).map(([q, who, cue]) => `${q} ${who} ${cue}.`),
  fc.tuple(pick(PEOPLE), pick(VERBS), pick(PEOPLE), pick(PLACES)).map(([a, v, b, p]) => `${a} ${v} ${b} in ${p}.`),
  fc.tuple(pick(PEOPLE), pick(CUES), words).map(([who, cue, w]) => `${who} ${cue} ${w}.`),
  fc.tuple(pick(PLACES), words, pick(ORGS)).map(([p, w, o]) => `${p} ${w} ${o}.`),
  fc.tuple(pick(['According to', 'Speaking to', 'In a call with']), pick(PEOPLE), words).map(([a, who, w]) => `${a} ${who}, ${w}.`),
  fc.array(pick(['"', '\u201c', '\u201d', '\u00ab', '\u00bb', "'", '\u2019', '\u201e']), { minLength: 1, maxLength: 6 }).map((m) => m.join(' ')),
  words,
  unicode,
);

const paragraph = fc.array(sentence, { minLength: 1, maxLength: 5 }).map((s) => s.join(' '));

/** An article: paragraphs separated by any kind of line break, sometimes with front matter, a dateline or a BOM. */
const article: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(fc.tuple(paragraph, pick(LINE_BREAKS)), { minLength: 1, maxLength: 7 }),
    fc.constantFrom('', '', '\ufeff', '---\ndate: 2023-10-16\n---\n', 'MOSCOW, Oct 16 (Reuters) \u2014 ', '\u{1F4F0} '),
  )
  .map(([ps, head]) => head + ps.map(([p, br]) => p + br).join(''));

// ---- checks ----

function spansOf(a: Analysis): { what: string; span: Span }[] {
  const out: { what: string; span: Span }[] = [];
  for (const e of a.entities) {
    for (const m of e.mentions) {
      out.push({ what: `mention of ${e.id}`, span: m });
      if (m.title) out.push({ what: `title of a mention of ${e.id}`, span: m.title });
    }
  }
  for (const q of a.quotes) {
    out.push({ what: `quote ${q.id}`, span: q });
    if (q.cue) out.push({ what: `cue of ${q.id}`, span: q.cue });
    if (q.speakerMention) out.push({ what: `speaker of ${q.id}`, span: q.speakerMention });
  }
  for (const i of a.interactions) out.push({ what: `evidence of ${i.kind}`, span: i.evidence });
  for (const d of a.diagnostics) {
    out.push({ what: `diagnostic ${d.code}`, span: d });
    for (const r of d.related ?? []) out.push({ what: `related of ${d.code}`, span: r.span });
  }
  return out;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** True when `i` falls between the two halves of a surrogate pair. */
const splitsPair = (text: string, i: number) => i > 0 && i < text.length && isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i));

/** Every invariant of one analysis of `text`; throws with the first one broken. */
function checkInvariants(text: string, a: Analysis): void {
  assert.equal(a.source.length, text.length, 'source.length');
  for (const { what, span } of spansOf(a)) {
    assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end) && 0 <= span.start && span.start <= span.end && span.end <= text.length, `${what} out of range: ${JSON.stringify(span)}`);
    assert.equal(text.slice(span.start, span.end), span.text, `${what}: text differs from the slice`);
    assert.ok(!splitsPair(text, span.start) && !splitsPair(text, span.end), `${what} splits a surrogate pair: ${JSON.stringify(span)}`);
  }
  const quotes = [...a.quotes].sort((x, y) => x.start - y.start);
  for (let i = 1; i < quotes.length; i++) {
    assert.ok(quotes[i - 1].end <= quotes[i].start, `quotes overlap: ${JSON.stringify(quotes[i - 1])} and ${JSON.stringify(quotes[i])}`);
  }
  const ids = new Set(a.entities.map((e) => e.id));
  assert.equal(ids.size, a.entities.length, 'entity ids are unique');
  assert.equal(new Set(a.quotes.map((q) => q.id)).size, a.quotes.length, 'quote ids are unique');
  for (const q of a.quotes) if (q.speaker !== null) assert.ok(ids.has(q.speaker), `quote ${q.id}'s speaker ${q.speaker} is not an entity`);
  for (const i of a.interactions) for (const p of i.participants) assert.ok(ids.has(p), `participant ${p} is not an entity`);
  for (const e of a.entities) if (e.speaksFor) assert.ok(ids.has(e.speaksFor), `${e.id} speaks for ${e.speaksFor}, not an entity`);
}

/** Reproduction hint printed with a failure. */
const params = (n: number): fc.Parameters<unknown> => ({ numRuns: runs(n), seed: SEED });

// ---- properties ----

test('warm-up: the engine and its model are loaded', () => {
  analyzeArticle('Russian President Vladimir Putin said: "Yes."');
});

test('every span is in range, equals its slice and keeps surrogate pairs whole; quotes never overlap; every id names an entity', () => {
  fc.assert(fc.property(article, (text) => checkInvariants(text, analyzeArticle(text))), params(1500));
});

test('the same holds for random Unicode with quotation marks sprinkled in, and for news fragments cut at random places', () => {
  const noise = fc.array(fc.oneof(unicode, pick(['"', '\u201c', '\u201d', '\u00ab', '\u00bb', "'", '\u2019', '\n\n', '\r', ' said', ' Putin'])), { maxLength: 40 }).map((xs) => xs.join(''));
  fc.assert(fc.property(noise, (text) => checkInvariants(text, analyzeArticle(text))), params(900));
  fc.assert(
    fc.property(article, fc.nat(), fc.nat(), (text, a, b) => {
      const [from, to] = [a % (text.length + 1), b % (text.length + 1)].sort((x, y) => x - y);
      const cut = text.slice(from, to); // may start or end inside a surrogate pair or a CRLF
      checkInvariants(cut, analyzeArticle(cut));
    }),
    params(450),
  );
});

test('the output is deterministic: twice the same, and createAnalyzer gives what analyzeArticle gives', () => {
  fc.assert(
    fc.property(article, (text) => {
      const once = JSON.stringify(analyzeArticle(text));
      assert.equal(JSON.stringify(analyzeArticle(text)), once);
      assert.equal(JSON.stringify(createAnalyzer().analyze(text)), once);
    }),
    params(300),
  );
});

/** An edit: replace [start, end) of the current text (positions as fractions, so they fit any length). */
const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.nat(40),
  insert: fc.oneof(sentence, pick(LINE_BREAKS), pick(['', ' ', '"', '\u201d', 'Putin', '\n\n"We are ready," Macron said.\n\n', '\u{1F600}']), unicode),
});

function applyEdit(text: string, e: { at: number; length: number; insert: string }): string {
  const start = Math.min(text.length, Math.floor(e.at * (text.length + 1)));
  const end = Math.min(text.length, start + e.length);
  return text.slice(0, start) + e.insert + text.slice(end);
}

/** Long articles (tens of paragraphs, several KB): edits far from each other and from the ends. */
const longArticle: fc.Arbitrary<string> = fc.array(fc.tuple(paragraph, pick(LINE_BREAKS)), { minLength: 20, maxLength: 60 }).map((ps) => ps.map(([p, br]) => p + br).join(''));

test('re-analysing after edits gives the same result as analysing the edited text from scratch', () => {
  fc.assert(
    fc.property(fc.oneof({ weight: 3, arbitrary: article }, { weight: 1, arbitrary: longArticle }), fc.array(edit, { minLength: 1, maxLength: 6 }), (text, edits) => {
      const analyzer = createAnalyzer();
      analyzer.analyze(text);
      let current = text;
      for (const e of edits) {
        current = applyEdit(current, e);
        const incremental = analyzer.analyze(current);
        checkInvariants(current, incremental);
        assert.equal(JSON.stringify(incremental), JSON.stringify(analyzeArticle(current)), `after editing to ${JSON.stringify(current)}`);
      }
      // Undo everything at once: back to the first text.
      assert.equal(JSON.stringify(analyzer.analyze(text)), JSON.stringify(analyzeArticle(text)));
    }),
    params(450),
  );
});
