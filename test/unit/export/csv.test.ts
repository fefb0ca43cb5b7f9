// CSV export read back with the same library family (csv-parse): the rows equal the data, including a
// quote holding commas, quotation marks and line breaks; the head (BOM + header) is what csv-stringify
// writes; streamed bodies concatenate into one valid file; formulas are neutralised.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { CSV_COLUMNS, CSV_HEAD, exportArticle, streamHead } from '../../../server/src/export';
import { csvRows } from '../../../server/src/export/csv';
import { crafted, EMOJI_CRLF, inputOf, PARIS, seedInput } from './fixtures';

/** What a reader gets back: every cell a string, empty for missing values. */
function expected(rows: ReturnType<typeof csvRows>): Record<string, string>[] {
  return rows.map((r) => Object.fromEntries(CSV_COLUMNS.map((c) => [c, r[c] === null ? '' : String(r[c])])));
}

function readBack(csv: string): Record<string, string>[] {
  return parse(csv, { bom: true, columns: true, relax_quotes: false, skip_empty_lines: false });
}

test('csv: the head is a UTF-8 BOM and the header row exactly as csv-stringify writes it', () => {
  assert.equal(CSV_HEAD, stringify([], { header: true, columns: [...CSV_COLUMNS], bom: true, record_delimiter: 'windows' }));
  assert.equal(streamHead('csv'), CSV_HEAD);
  assert.equal(streamHead('jsonl'), '');
});

test('csv: a quote with commas, quotation marks and line breaks reads back equal to the data', () => {
  const input = inputOf(PARIS, 'dir/paris, "final".txt');
  const [file] = exportArticle('csv', input);
  assert.equal(file.name, 'paris, _final_.csv');
  assert.ok(file.content.startsWith(CSV_HEAD), 'BOM and header first');
  const rows = readBack(file.content);
  assert.deepEqual(rows, expected(csvRows(input)));
  const quote = rows.find((r) => r.kind === 'direct')!;
  assert.match(quote.quote, /^"We said “no”, and we meant it, with all our partners — in Kyiv, in Warsaw, in Chișinău\.\n\n"Europe will not be divided, not now, not ever,"$/);
  assert.equal(quote.quote, PARIS.slice(Number(quote.quote_start), Number(quote.quote_end)), 'the offsets are the text’s (UTF-16)');
  assert.equal(quote.speaker, 'Emmanuel Macron');
  assert.equal(quote.speaker_country, 'FRA');
  assert.equal(quote.speaker_title, 'President');
  assert.equal(quote.cue, 'said');
  assert.equal(quote.file, 'dir/paris, "final".txt');
  assert.equal(quote.sha256, input.annotations.source.sha256);
  // Every field holding a line break, comma or quotation mark is quoted; records end in CRLF.
  assert.ok(file.content.includes('"""We said “no”, and we meant it'), 'quotation marks are doubled inside a quoted field');
  assert.ok(file.content.endsWith('\r\n'));
});

test('csv: the seed article gives one row per quote, with speakers, titles, countries and cues', () => {
  const input = seedInput();
  const rows = readBack(exportArticle('csv', input)[0].content);
  assert.deepEqual(rows, expected(csvRows(input)));
  assert.equal(rows.length, input.annotations.quotes.length);
  const byQuote = (s: string) => rows.find((r) => r.quote.includes(s))!;
  assert.deepEqual(
    { speaker: byQuote('unanimous opinion').speaker, country: byQuote('unanimous opinion').speaker_country, words: byQuote('unanimous opinion').speaker_words, cue: byQuote('unanimous opinion').cue },
    { speaker: 'the Kremlin', country: 'RUS', words: 'the Kremlin', cue: 'said' },
  );
  const office = byQuote('Israeli PM Netanyahu spoke');
  assert.deepEqual([office.speaker, office.speaker_type, office.speaker_for, office.speaker_country, office.cue], ["Netanyahu's Office", 'organization', 'Benjamin Netanyahu', 'ISR', 'read']);
});

test('csv: streamed bodies after one head make one valid file for many articles', () => {
  const inputs = [inputOf(PARIS, 'paris.txt'), seedInput(), inputOf(EMOJI_CRLF, 'emoji.txt')];
  const csv = streamHead('csv') + inputs.map((i) => exportArticle('csv', i, { part: 'body' })[0].content).join('');
  assert.equal(csv.indexOf('\ufeff'), 0);
  assert.equal(csv.lastIndexOf('\ufeff'), 0, 'one BOM');
  assert.equal(csv.split('quote_id,kind').length, 2, 'one header');
  assert.deepEqual(readBack(csv), inputs.flatMap((i) => expected(csvRows(i))));
  const emoji = readBack(csv).find((r) => r.file === 'emoji.txt')!;
  assert.equal(emoji.quote, '"We are united \u{1F4AA}, today\r\n\r\n"and tomorrow,"', 'CRLF inside a field survives');
});

test('csv: cells that a spreadsheet would run as formulas get a leading apostrophe, nothing else changes', () => {
  const text = '=HYPERLINK("http://evil.example","click"), said @someone. -1 +1 are numbers.\n';
  const input = crafted(text, {
    entities: [{ id: 'person:x', type: 'person', name: '@someone', mentions: ['@someone'] }],
    quotes: [
      { text: '=HYPERLINK("http://evil.example","click")', speaker: 'person:x', cue: 'said' },
      { text: '-1 +1 are numbers', speaker: null, kind: 'indirect' },
    ],
  });
  const rows = readBack(exportArticle('csv', input)[0].content);
  assert.equal(rows[0].quote, `'=HYPERLINK("http://evil.example","click")`);
  assert.equal(rows[0].speaker, `'@someone`);
  assert.equal(rows[1].quote, `'-1 +1 are numbers`);
  // Stripping the one added apostrophe gives the data back.
  const strip = (r: Record<string, string>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v.replace(/^'(?=[=+\-@\t\r])/, '')]));
  assert.deepEqual(rows.map(strip), expected(csvRows(input)));
});

test('csv: an article without quotes is a header alone (or nothing, as a streamed body)', () => {
  const input = inputOf('Nothing was said here.\n', 'quiet.txt');
  assert.equal(exportArticle('csv', input)[0].content, CSV_HEAD);
  assert.equal(exportArticle('csv', input, { part: 'body' })[0].content, '');
});
