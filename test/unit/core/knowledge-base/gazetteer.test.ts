// User gazetteers: user records in the knowledge base, and the gazetteer file loader's error reports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createKnowledgeBase, defaultKnowledgeBase } from '../../../../server/src/core/knowledgeBase';
import { loadGazetteerFile } from '../../../../server/src/gazetteer';
import type { LeaderRecord } from '../../../../server/src/core/types';
import { DATA, ids, kb } from './fixtures';

// ---------------------------------------------------------------------------------------------------------
// User gazetteers

test('user records replace built-in records with the same id and are marked as such', () => {
  const mine: LeaderRecord = {
    id: 'vladimir-putin',
    name: 'Vladimir Putin',
    aliases: ['V. V. Putin'],
    offices: [{ title: 'President', country: 'RUS', role: 'head_of_state', start: '2000-05-07' }],
  };
  const extra: LeaderRecord = { id: 'jane-doe', name: 'Jane Doe', surname: 'Doe', gender: 'f', offices: [{ title: 'Mayor', country: 'XYZ', role: 'other', start: '2020' }] };
  const k = createKnowledgeBase([mine, extra]);
  assert.equal(k.records.length, kb.records.length + 1);
  assert.equal(k.lookup('Putin')[0], mine);
  assert.equal(k.lookup('V. V. Putin')[0], mine);
  assert.equal(k.sourceOf(mine), 'user-gazetteer');
  assert.equal(k.sourceOf(k.lookup('Jane Doe')[0]), 'user-gazetteer');
  assert.equal(k.sourceOf(k.lookup('Xi Jinping')[0]), 'knowledge-base');
  assert.deepEqual(ids(k.holdersOf('XYZ', 'Mayor', '2021-06-01')), ['jane-doe']);
  // The shared instance is untouched.
  assert.notEqual(kb.lookup('Putin')[0], mine);
  assert.equal(kb.sourceOf(kb.lookup('Putin')[0]), 'knowledge-base');
  assert.equal(defaultKnowledgeBase(), kb);
});

function tmpFile(name: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-gaz-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text, 'utf8');
  return file;
}

test('gazetteer: a valid file (object or bare array) loads without errors', () => {
  const record = { id: 'jane-doe', name: 'Jane Doe', offices: [{ title: 'Mayor', country: 'XYZ', role: 'other', start: '2020-01-02' }] };
  const a = loadGazetteerFile(tmpFile('a.json', JSON.stringify({ $schema: './leaders.schema.json', leaders: [record] }, null, 2)));
  assert.deepEqual(a.errors, []);
  assert.deepEqual(a.records, [record]);
  const b = loadGazetteerFile(tmpFile('b.json', JSON.stringify([record])));
  assert.deepEqual(b.errors, []);
  assert.equal(b.records.length, 1);
  const empty = loadGazetteerFile(tmpFile('c.json', '  \n'));
  assert.deepEqual(empty, { records: [], errors: [] });
  // The built-in file is itself a valid gazetteer.
  const builtin = loadGazetteerFile(path.join(DATA, 'leaders.json'));
  assert.deepEqual(builtin.errors, []);
  assert.equal(builtin.records.length, kb.records.length);
});

test('gazetteer: a syntax error names the file, line and column', () => {
  const text = ['{', '  "leaders": [', '    { "id": "jane-doe", "name": "Jane Doe"', '      "offices": [] }', '  ]', '}'].join('\n');
  const file = tmpFile('syntax.json', text);
  const r = loadGazetteerFile(file);
  assert.equal(r.records.length, 0);
  assert.equal(r.errors.length, 1);
  const e = r.errors[0];
  assert.equal(e.file, file);
  assert.equal(e.line, 4);
  assert.equal(e.column, 7);
  assert.match(e.message, /expected "," or "}"/);

  const trailing = loadGazetteerFile(tmpFile('trailing.json', '[\n  {"id": "a", "name": "A", "offices": []},\n]\n'));
  assert.equal(trailing.errors[0].line, 3);
  assert.match(trailing.errors[0].message, /trailing comma/);
  const unterminated = loadGazetteerFile(tmpFile('unterminated.json', '{"leaders": [\n{"id": "a\n'));
  assert.equal(unterminated.errors[0].line, 2);
});

test('gazetteer: schema errors name the line and field; the bad record is left out', () => {
  const text = `{
  "leaders": [
    {
      "id": "jane-doe",
      "offices": [
        { "title": "Mayor", "country": "XYZ", "role": "other", "start": "2020" }
      ]
    },
    {
      "id": "john-doe",
      "name": "John Doe",
      "offices": [
        { "title": "Mayor", "country": "XYZ", "role": "other",
          "start": "2019/05/01" },
        { "title": "Mayor", "country": "xy", "role": "boss", "start": "2021-02-30", "end": "2020-01-01", "colour": "red" }
      ]
    },
    {
      "id": "ok-person",
      "name": "Ok Person",
      "offices": [ { "title": "Mayor", "country": "XYZ", "role": "other", "start": "2015-03", "end": "2015" } ]
    },
    { "id": "ok-person", "name": "Ok Again", "offices": [ { "title": "Mayor", "country": "XYZ", "role": "other", "start": "2015" } ] }
  ]
}
`;
  const file = tmpFile('schema.json', text);
  const r = loadGazetteerFile(file);
  const find = (field: string) => r.errors.find((e) => e.field === field);
  const missing = find('leaders[0].name');
  assert.ok(missing, JSON.stringify(r.errors, null, 1));
  assert.equal(missing.file, file);
  assert.equal(missing.line, 3);
  assert.match(missing.message, /missing required field "name"/);
  const badDate = find('leaders[1].offices[0].start');
  assert.ok(badDate);
  assert.equal(badDate.line, 14);
  assert.equal(badDate.column, 11);
  assert.match(badDate.message, /YYYY-MM-DD/);
  assert.match(badDate.message, /john-doe/);
  assert.equal(find('leaders[1].offices[1].country')?.line, 15);
  assert.equal(find('leaders[1].offices[1].role')?.line, 15);
  assert.match(find('leaders[1].offices[1].colour')?.message ?? '', /unknown field "colour"/);
  assert.match(find('leaders[1].offices[1].start')?.message ?? '', /no such day/);
  assert.match(find('leaders[3].id')?.message ?? '', /duplicate id "ok-person"/);
  assert.equal(find('leaders[3].id')?.line, 23);
  // Records 0, 1 and 3 have errors; record 2 (partial dates, start within end's year) is fine.
  assert.deepEqual(ids(r.records), ['ok-person']);
  assert.equal(r.records[0].name, 'Ok Person');
});

test('gazetteer: start after end, wrong root, missing file — reported, never thrown', () => {
  const order = loadGazetteerFile(
    tmpFile('order.json', '[{"id": "a-b", "name": "A B", "offices": [{"title": "Mayor", "country": "XYZ", "role": "other", "start": "2020-05-01", "end": "2019"}]}]'),
  );
  assert.equal(order.errors.length, 1);
  assert.equal(order.errors[0].field, '[0].offices[0].end');
  assert.match(order.errors[0].message, /ends \(2019\) before it starts \(2020-05-01\)/);
  const root = loadGazetteerFile(tmpFile('root.json', '"just a string"'));
  assert.equal(root.records.length, 0);
  assert.equal(root.errors[0].field, '');
  assert.equal(root.errors[0].line, 1);
  const missing = loadGazetteerFile(path.join(os.tmpdir(), 'news-lens-no-such-dir', 'nope.json'));
  assert.equal(missing.records.length, 0);
  assert.match(missing.errors[0].message, /not found/);
  const weird = loadGazetteerFile(tmpFile('weird.json', '{"leaders": [1, null, {"id": "x", "name": "X", "offices": [{}]}], "extra": true}'));
  assert.ok(weird.errors.length >= 4, JSON.stringify(weird.errors));
  assert.deepEqual(weird.records, []);
});
