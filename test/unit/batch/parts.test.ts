// The batch CLI's parts, in process: reading a large file's beginning cuts it exactly where the editor
// cuts the whole text; the corpus graph merger gives mergeGraphs' result in any order; stdin lines.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeArticle } from '../../../server/src/core';
import { analysisCut, analysisCutOfPrefix, cutPrefixBytes } from '../../../server/src/budget';
import { streamLines } from '../../../server/src/batch/inputs';
import { calendarDateOf } from '../../../server/src/batch/dates';
import { articleGraph, GraphMerger, mergeGraphs } from '../../../server/src/graph/model';
import { readArticleBeginning } from '../../../server/src/io/article';
import { repoArticles } from './fixtures';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'news-lens-batch-parts-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

test('a file read only up to cutPrefixBytes is cut exactly as analysisCut cuts the whole text', async () => {
  const piece = fc.constantFrom('Putin said.', ' ', '\n', '\r\n', '\n\n', '\r\n\r\n', 'é', '€', '😀', 'word ', '\t', '\u2028');
  let k = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(piece, { minLength: 1, maxLength: 400 }), fc.integer({ min: 1, max: 600 }), fc.boolean(), async (parts, max, bom) => {
      const text = parts.join('');
      const file = path.join(tmp, `p${k++}.txt`);
      writeFileSync(file, (bom ? '\ufeff' : '') + text);
      const read = readArticleBeginning(file, cutPrefixBytes(max));
      assert.equal(read.length, text.length);
      assert.equal(read.textBytes, Buffer.byteLength(text));
      const expected = analysisCut(text, max);
      const got = read.partial ? analysisCutOfPrefix(read.text, max, { length: read.length, bytes: read.textBytes }) : analysisCut(read.text, max);
      assert.deepEqual(got, expected);
    }),
    { seed: 11, numRuns: 300 },
  );
});

test('a large file: only about the budget is kept, the hash and length are of the whole file', async () => {
  const file = path.join(tmp, 'large.txt');
  const para = 'Russian President Vladimir Putin spoke by phone with Israeli Prime Minister Benjamin Netanyahu.\n\n';
  writeFileSync(file, para.repeat(40_000));
  const read = readArticleBeginning(file, 100_000);
  assert.ok(read.partial);
  assert.ok(read.text.length < 2 * (1 << 20) && read.text.length >= 100_000, String(read.text.length));
  assert.equal(read.length, para.length * 40_000);
  const whole = readArticleBeginning(file);
  assert.equal(whole.sha256, read.sha256);
  assert.equal(whole.text.slice(0, read.text.length), read.text);
  writeFileSync(file, Buffer.concat([Buffer.from(para.repeat(30_000)), Buffer.from([0xff, 0xfe])]));
  assert.throws(() => readArticleBeginning(file, 100_000), /not valid UTF-8/, 'a bad tail is found though it is not kept');
});

test('GraphMerger gives mergeGraphs\' graph whatever the order the articles come in', () => {
  const graphs = repoArticles().map((a, i) => {
    const doc = TextDocument.create(`file:///${i}.txt`, 'plaintext', 1, a.text);
    return articleGraph(analyzeArticle(a.text), doc.uri, (s) => ({ start: doc.positionAt(s.start), end: doc.positionAt(s.end) }));
  });
  const expected = mergeGraphs(graphs);
  assert.ok(expected.edges.length > 3 && expected.nodes.length > 10);
  fc.assert(
    fc.property(fc.shuffledSubarray(graphs, { minLength: graphs.length }), (order) => {
      const m = new GraphMerger();
      for (const g of order) m.add(g);
      assert.deepEqual(m.result(), expected);
    }),
    { seed: 5, numRuns: 20 },
  );
});

test('stdin lines: numbered from 1 across chunks, CRLF and a byte-order mark dropped, blank lines skipped but counted', async () => {
  const input = '\ufeff{"a":1}\r\n\n  \n{"b":"é"}\n{"c":3}';
  const bytes = Buffer.from(input, 'utf8');
  const chunks = [bytes.subarray(0, 5), bytes.subarray(5, 17), bytes.subarray(17)];
  const lines: [number, string][] = [];
  for await (const l of streamLines(Readable.from(chunks))) lines.push([l.line, Buffer.from(l.raw).toString('utf8')]);
  assert.deepEqual(lines, [
    [1, '{"a":1}'],
    [4, '{"b":"é"}'],
    [5, '{"c":3}'],
  ]);
});

test('a record\'s date: YYYY-MM-DD or the date of an ISO 8601 date and time; nothing else', () => {
  assert.equal(calendarDateOf('2023-10-16'), '2023-10-16');
  assert.equal(calendarDateOf('2023-10-16T08:30:00Z'), '2023-10-16');
  assert.equal(calendarDateOf('2023-10-16 08:30'), '2023-10-16');
  for (const bad of ['2023-02-30', '16/10/2023', 'last Tuesday', 20231016, null, '2023-10-16x']) assert.equal(calendarDateOf(bad), undefined, String(bad));
});
