// The analysis budget (server/src/lsp/pipeline/limits.ts): where a document larger than newsLens.maxFileSize is cut,
// and the one diagnostic that says what was skipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analysisCut, byteLimitIndex, formatSize, truncationDiagnostic } from '../../../../server/src/lsp/pipeline/limits';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

test('a text within the budget is not cut', () => {
  assert.equal(analysisCut('Putin spoke.', 100), undefined);
  assert.equal(analysisCut('é'.repeat(50), 100), undefined, '100 bytes exactly');
  assert.ok(analysisCut('é'.repeat(51), 100));
});

test('the cut falls after the last paragraph break within the budget', () => {
  const text = 'First paragraph here.\n\nSecond paragraph, rather longer than the first.\n\nThird paragraph.\n\nFourth.';
  const t = analysisCut(text, 80)!;
  assert.equal(text.slice(0, t.analyzedLength), 'First paragraph here.\n\nSecond paragraph, rather longer than the first.\n\n');
  assert.equal(t.totalLength, text.length);
  assert.equal(t.totalBytes, bytes(text));
  assert.equal(t.analyzedBytes, t.analyzedLength);
  assert.equal(t.maxBytes, 80);
});

test('CRLF and lone CR paragraph breaks; a CRLF is never split', () => {
  const crlf = 'Alpha alpha alpha.\r\n\r\nBeta beta beta beta.\r\n\r\nGamma.';
  assert.equal(crlf.slice(0, analysisCut(crlf, 46)!.analyzedLength), 'Alpha alpha alpha.\r\n\r\nBeta beta beta beta.\r\n\r\n');
  // One byte less and the second break does not fit whole: the cut falls after its first line break.
  assert.equal(crlf.slice(0, analysisCut(crlf, 45)!.analyzedLength), 'Alpha alpha alpha.\r\n\r\nBeta beta beta beta.\r\n');
  const cr = 'Alpha alpha alpha.\r\rBeta beta beta beta.\r\rGamma.';
  assert.equal(cr.slice(0, analysisCut(cr, 42)!.analyzedLength), 'Alpha alpha alpha.\r\rBeta beta beta beta.\r\r');
  // The limit falls between CR and LF: the break is not used half.
  const split = 'Alpha alpha alpha alpha.\r\nBeta beta.';
  const t = analysisCut(split, 25)!;
  assert.notEqual(split[t.analyzedLength - 1], '\r');
});

test('without paragraph breaks: the last line break, else the last space, else the byte limit', () => {
  const lines = 'one line of text\nanother line of text\nand a third line';
  assert.equal(lines.slice(0, analysisCut(lines, 30)!.analyzedLength), 'one line of text\n');
  const line = 'word '.repeat(100);
  const t = analysisCut(line, 52)!;
  assert.equal(t.analyzedLength, 50, 'after the last space within 52 bytes');
  const solid = 'x'.repeat(100);
  assert.equal(analysisCut(solid, 40)!.analyzedLength, 40);
});

test('a break in the first half of the budget is not used: the cut stays near the limit', () => {
  const text = 'Short.\n\n' + 'y'.repeat(200);
  assert.equal(analysisCut(text, 100)!.analyzedLength, 100);
});

test('never inside a surrogate pair; the budget counts UTF-8 bytes', () => {
  const text = '\u{1F600}'.repeat(30); // 4 bytes, 2 UTF-16 units each
  const t = analysisCut(text, 10)!;
  assert.equal(t.analyzedLength, 4, 'two emoji (8 bytes) fit in 10 bytes');
  assert.equal(t.analyzedBytes, 8);
  assert.equal(byteLimitIndex('a\u{1F600}', 4), 1, 'the emoji does not fit in the 3 bytes left');
  assert.equal(byteLimitIndex('\u00e9\u20ac\u{1F600}', 9), 4, '2 + 3 + 4 bytes');
  assert.equal(byteLimitIndex('\ud800x', 3), 1, 'a lone surrogate counts 3 bytes (as its replacement character)');
});

test('property: every cut is within the budget, not inside a surrogate pair or a CRLF, and not before half of it', () => {
  const piece = fc.oneof(fc.string({ unit: 'binary', maxLength: 5 }), fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\r\n\r\n', ' ', '\u{1F1F7}\u{1F1FA}', 'é', '€'));
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 60 }), fc.integer({ min: 1, max: 120 }), (pieces, max) => {
      const text = pieces.join('');
      const t = analysisCut(text, max);
      if (bytes(text) <= max) return assert.equal(t, undefined);
      assert.ok(t);
      const cut = t.analyzedLength;
      assert.ok(bytes(text.slice(0, cut)) <= max + 1, 'within the budget (a CR may take its LF along)');
      assert.equal(t.analyzedBytes, bytes(text.slice(0, cut)));
      const c = text.charCodeAt(cut - 1);
      const d = text.charCodeAt(cut);
      assert.ok(!(c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff), 'inside a surrogate pair');
      assert.ok(!(c === 13 && d === 10), 'between CR and LF');
      assert.ok(cut >= Math.floor(byteLimitIndex(text, max) / 2) - 1, `cut ${cut} too early`);
    }),
    { seed: 7, numRuns: 500 },
  );
});

test('formatSize', () => {
  assert.equal(formatSize(50_002_713), '50.0 MB');
  assert.equal(formatSize(1_998_462), '2.0 MB');
  assert.equal(formatSize(4_500), '4.5 KB');
  assert.equal(formatSize(45_000), '45 KB');
  assert.equal(formatSize(12), '12 bytes');
});

test('the diagnostic: at the start of the skipped part, one line long at most, saying what was skipped and why', () => {
  const text = 'Para one is here.\n\nPara two is here and long enough.\n\nPara three, skipped: a long line that goes on and on.\nLast line.';
  const doc = TextDocument.create('file:///a.txt', 'plaintext', 3, text);
  const t = analysisCut(text, 60)!;
  const d = truncationDiagnostic(doc, t, {}, 3)!;
  assert.equal(d.code, 'analysis-truncated');
  assert.equal(d.severity, 3);
  assert.equal(d.source, 'News Lens');
  assert.equal(d.codeDescription?.href, 'https://github.com/news-lens/news-lens#diagnostic-analysis-truncated');
  assert.equal(doc.getText(d.range), 'Para three, skipped: a long line that goes on and on.');
  const message = String(d.message);
  assert.match(message, new RegExp(`analysed only the first 54 bytes of this ${text.length} bytes file and skipped the rest \\(lines 5–6, ${text.length - 54} bytes\\)`));
  assert.match(message, /larger than newsLens\.maxFileSize \(60 bytes\)/);
  assert.deepEqual(d.data, { code: 'analysis-truncated', start: 54, end: 107, version: 3 });
  assert.equal(truncationDiagnostic(doc, t, { 'analysis-truncated': 'off' }, 3), undefined, 'newsLens.severity can turn it off');
  assert.equal(truncationDiagnostic(doc, t, { 'analysis-truncated': 'warning' }, 3)?.severity, 2);
  // Cut inside a line: "from line …, character …".
  const line = TextDocument.create('file:///b.txt', 'plaintext', 1, 'word '.repeat(400));
  const d2 = truncationDiagnostic(line, analysisCut(line.getText(), 1000)!, {}, 1)!;
  assert.match(String(d2.message), /from line 1, character 1001, to the end/);
  assert.equal(d2.range.end.character - d2.range.start.character, 200, 'at most 200 characters underlined');
});
