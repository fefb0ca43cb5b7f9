// Bad and extreme input, straight into the engine and through the CLI: binary content and NUL bytes, invalid
// UTF-8, a byte-order mark, CRLF and lone CR line ends, right-to-left text, emoji and other surrogate pairs
// before entities (UTF-16 offsets), 100,000 quotation marks, unbalanced marks everywhere, a 1 MB and a 5 MB
// single line. No crash, no hang (a generous guard: speed belongs to `npm run bench`), and every span valid.
// Documents far larger than the budget (a 50 MB file) go through the language server's budget in
// test/protocol/reliability.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyzeArticle } from '../../../server/src/core';
import type { Analysis } from '../../../server/src/core/types';
import { seedOr, spansConsistent } from '../helpers';

const root = path.resolve(__dirname, '../../../..');
const SEED = seedOr(
  'Russian President Vladimir Putin spoke to Israeli President Benjamin Netanyahu on Monday.\n\n"We will win," Netanyahu said.\n\nPutin later called Egyptian President Abdel Fattah al-Sisi.\n',
);
const SENTENCE = 'Russian President Vladimir Putin spoke to Israeli President Benjamin Netanyahu. "We will not give up," Putin said.';
const NO_HANG_MS = 30_000;

/** Analyses `text` and checks every invariant: spans in range and equal to their slice, ids that exist. */
function analyseChecked(text: string, limitMs = NO_HANG_MS): Analysis {
  const t0 = performance.now();
  const a = analyzeArticle(text);
  const ms = performance.now() - t0;
  assert.ok(ms < limitMs, `no hang: ${Math.round(ms)} ms`);
  assert.equal(a.source.length, text.length);
  assert.deepEqual(spansConsistent(text, a).slice(0, 3), []);
  const spans = [...a.entities.flatMap((e) => e.mentions), ...a.quotes, ...a.interactions.map((i) => i.evidence), ...a.diagnostics];
  for (const s of spans) assert.ok(s.start >= 0 && s.start <= s.end && s.end <= text.length, `span out of range: ${JSON.stringify(s).slice(0, 200)}`);
  const ids = new Set(a.entities.map((e) => e.id));
  for (const q of a.quotes) assert.ok(q.speaker === null || ids.has(q.speaker));
  for (const i of a.interactions) for (const p of i.participants) assert.ok(ids.has(p));
  JSON.stringify(a); // serialisable
  return a;
}

/** The mention of `name` starts exactly where the text has it (UTF-16 code units). */
function assertMentionAt(text: string, a: Analysis, name: string, needle = name): void {
  const e = a.entities.find((x) => x.name === name);
  assert.ok(e, `${name} not found among ${a.entities.map((x) => x.name)}`);
  assert.ok(e.mentions.some((m) => m.start === text.indexOf(needle)), `${name}: ${JSON.stringify(e.mentions.map((m) => [m.start, m.text]))}, expected ${text.indexOf(needle)}`);
}

test('warm-up', () => {
  analyzeArticle(SENTENCE);
});

test('NUL bytes and other control characters', () => {
  const text = `\u0000\u0000${SENTENCE}\u0000 "a\u0000b," he said.\u0001\u001b[31m\u007f`;
  const a = analyseChecked(text);
  assertMentionAt(text, a, 'Vladimir Putin');
});

test('a byte-order mark (inside the text, as an editor may pass it)', () => {
  const text = `\ufeff${SENTENCE}\n\n\ufeff"Yes," Netanyahu said.`;
  const a = analyseChecked(text);
  assertMentionAt(text, a, 'Vladimir Putin');
  assert.ok(a.diagnostics.some((d) => d.code === 'title-mismatch'));
});

test('CRLF and lone CR line ends: paragraphs, quotes and offsets', () => {
  for (const br of ['\r\n', '\r']) {
    const text = SEED.replace(/\n/g, br);
    const a = analyseChecked(text);
    const lf = analyzeArticle(SEED);
    assert.equal(a.quotes.filter((q) => q.kind === 'direct').length, lf.quotes.filter((q) => q.kind === 'direct').length, `direct quotes with ${JSON.stringify(br)}`);
    assert.equal(a.interactions.length, lf.interactions.length);
    assert.deepEqual(a.entities.map((e) => e.id).sort(), lf.entities.map((e) => e.id).sort());
    // A multi-paragraph quote across CR/CRLF paragraphs.
    const multi = `"We will hold talks,${br}${br}"and we will not give up," Putin said.${br}`;
    const m = analyseChecked(multi);
    assert.equal(m.quotes.length, 1, JSON.stringify(m.quotes));
  }
});

test('right-to-left text and bidirectional controls around the entities', () => {
  const text = `\u0642\u0627\u0644 \u0627\u0644\u0631\u0626\u064a\u0633 \u202e${SENTENCE}\u202c \u05e0\u05ea\u05e0\u05d9\u05d4\u05d5 \u200f"\u05e9\u05dc\u05d5\u05dd," he said.`;
  const a = analyseChecked(text);
  assertMentionAt(text, a, 'Vladimir Putin');
});

test('emoji and other surrogate pairs before the entities: offsets in UTF-16 code units', () => {
  const text = `\u{1F1F7}\u{1F1FA}\u{1F468}\u200D\u{1F469}\u200D\u{1F467} \u{1D4D0}\u{20BB7} ${SENTENCE} \u{1F600} Egypt.`;
  const a = analyseChecked(text);
  assertMentionAt(text, a, 'Vladimir Putin');
  assertMentionAt(text, a, 'Benjamin Netanyahu');
  const quote = a.quotes.find((q) => q.kind === 'direct');
  assert.equal(quote?.start, text.indexOf('"We will'));
  // Lone surrogates (invalid UTF-16, which an editor can hold) do not upset the offsets either.
  const lone = `\ud800 \udfff ${SENTENCE}`;
  assertMentionAt(lone, analyseChecked(lone), 'Vladimir Putin');
});

test('100,000 straight quotation marks, and 100,000 curly ones', () => {
  analyseChecked('"'.repeat(100_000));
  analyseChecked('\u201c\u201d'.repeat(50_000));
  analyseChecked(`${SENTENCE} ${'" '.repeat(50_000)}`);
});

test('unbalanced marks everywhere', () => {
  const marks = ['"', '\u201c', '\u201d', '\u00ab', '\u00bb', '\u201e', "'", '\u2018', '\u2019'];
  const paragraphs: string[] = [];
  for (let i = 0; i < 2000; i++) paragraphs.push(`${marks[i % marks.length]}${SENTENCE.slice(0, 40 + (i % 60))} ${marks[(i * 7) % marks.length]} said ${marks[(i * 3) % marks.length]}`);
  const text = paragraphs.join(i2br(2000));
  const a = analyseChecked(text);
  assert.ok(a.diagnostics.some((d) => d.code === 'unbalanced-quote'));
});

function i2br(n: number): string {
  return n % 2 ? '\n' : '\n\n';
}

test('one paragraph of 1 MB (no line break)', () => {
  const line = SEED.replace(/\s*\n\s*/g, ' ');
  const text = line.repeat(Math.ceil(1_000_000 / line.length));
  const a = analyseChecked(text);
  assert.ok(a.quotes.length > 100 && a.entities.length > 5);
});

test('one line of 5 MB', () => {
  const line = SEED.replace(/\s*\n\s*/g, ' ');
  const text = line.repeat(Math.ceil(5_000_000 / line.length));
  // Slow (seconds) but linear enough: the editor analyses at most newsLens.maxFileSize of it.
  const a = analyseChecked(text, 120_000);
  assert.ok(a.quotes.length > 1000);
});

test('regression (found by the property tests): a quote opening after a multi-paragraph quote closes in the same paragraph is carried on', () => {
  // Paragraph 2 continues paragraph 1's quote, closes it and opens another, which paragraph 3 continues.
  const text = '" a\n" the Kremlin said. " "\n" the Kremlin said.\n';
  const a = analyseChecked(text);
  const quotes = a.quotes.map((q) => [q.start, q.end]);
  assert.deepEqual(quotes, [[0, 25], [26, 47]], JSON.stringify(a.quotes));
});

// ---- the CLI ----

const bin = path.join(root, 'server/bin/news-lens.js');

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('CLI: binary files, NUL bytes, invalid UTF-8 and UTF-16 are refused with a reason; good files next to them are annotated', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'news-lens-bad-'));
  try {
    const files: Record<string, Buffer> = {
      'png.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
      'nul-inside.txt': Buffer.from(`${SENTENCE}\u0000${SENTENCE}`),
      'latin1.txt': Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x69, 0x72]),
      'overlong.txt': Buffer.from([0x41, 0xc0, 0xaf, 0x42]),
      'truncated-sequence.txt': Buffer.concat([Buffer.from(SENTENCE), Buffer.from([0xe2, 0x82])]),
      'surrogate-in-utf8.txt': Buffer.from([0x41, 0xed, 0xa0, 0x80, 0x42]),
      'utf16le.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SENTENCE, 'utf16le')]),
      'good.txt': Buffer.from(SENTENCE),
    };
    for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(dir, name), bytes);
    const r = cli(['annotate', '--format', 'jsonl', ...Object.keys(files).map((f) => path.join(dir, f))]);
    assert.equal(r.code, 1, r.stderr);
    for (const name of ['png.txt', 'nul-inside.txt', 'utf16le.txt']) assert.match(r.stderr, new RegExp(`${name.replace('.', '\\.')}: binary file`));
    for (const name of ['latin1.txt', 'overlong.txt', 'truncated-sequence.txt', 'surrogate-in-utf8.txt']) assert.match(r.stderr, new RegExp(`${name.replace('.', '\\.')}: not valid UTF-8`));
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.length, 1);
    assert.equal(JSON.parse(lines[0]).source.path, path.join(dir, 'good.txt'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('CLI: a byte-order mark is not part of the text: offsets are those an editor shows; CRLF and emoji keep offsets exact', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'news-lens-bom-'));
  try {
    const text = `\u{1F4F0} ${SENTENCE}\r\n\r\n"Yes," the Kremlin said.\r\n`;
    const file = path.join(dir, 'bom.txt');
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    const r = cli(['annotate', '--format', 'json', file]);
    assert.equal(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout) as Analysis;
    assert.equal(doc.source.length, text.length);
    assert.deepEqual(spansConsistent(text, doc), []);
    assertMentionAt(text, doc, 'Vladimir Putin');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
