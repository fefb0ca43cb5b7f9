// The export registry: every format renders every test article with safe names; the formatters are pure
// (no editor, no file system); json is the annotations contract; jsonl is one article per line; the
// metadata the extension's pickers use agrees with what the formatters write.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import schema from '../../../server/data/annotations.schema.json';
import { EXPORT_FORMATS, exportArticle, FORMAT_INFO, isExportFormat, safeFileName, stemOf } from '../../../server/src/export';
import { codePointMapper } from '../../../server/src/positions';
import { crafted, EMOJI_CRLF, inputOf, PARIS, ROOT, seedInput } from './fixtures';

const validate = new Ajv2020({ strict: false }).compile(schema);

test('export: server/src/export imports no editor API, file system or other I/O module', () => {
  const dir = path.join(ROOT, 'server/src/export');
  const forbidden = /^(vscode|vscode-languageserver.*|vscode-languageclient.*|(node:)?(fs|fs\/promises|child_process|net|http|https|http2|worker_threads))$/;
  const offences: string[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
    const src = readFileSync(path.join(dir, f), 'utf8');
    for (const m of src.matchAll(/(?:from\s*|require\s*\(\s*|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)) if (forbidden.test(m[1])) offences.push(`${f} imports ${m[1]}`);
  }
  assert.deepEqual(offences, []);
});

test('export: every format renders every test article; the main file carries the format suffix', () => {
  const inputs = [seedInput(), inputOf(PARIS, 'paris.txt'), inputOf(EMOJI_CRLF, 'emoji.txt'), inputOf('', 'empty.txt')];
  for (const format of EXPORT_FORMATS) {
    for (const input of inputs) {
      const files = exportArticle(format, input);
      assert.ok(files.length >= 1);
      assert.ok(files[0].name.endsWith(FORMAT_INFO[format].suffix), `${format}: ${files[0].name}`);
      for (const f of files) {
        assert.equal(f.name, safeFileName(f.name), `${format}: ${f.name} is a safe file name`);
        assert.equal(typeof f.content, 'string');
      }
      assert.deepEqual(exportArticle(format, input), files, `${format} is deterministic`);
    }
  }
  assert.ok(!isExportFormat('xml') && isExportFormat('w3c'));
  assert.throws(() => exportArticle('xml' as never, seedInput()), /unknown export format "xml"/);
});

test('export: json is the annotations contract (validated), jsonl one line of it', () => {
  const input = seedInput();
  const [json] = exportArticle('json', input);
  const doc = JSON.parse(json.content);
  assert.ok(validate(doc), JSON.stringify(validate.errors));
  assert.deepEqual(doc, input.annotations);
  const [line] = exportArticle('jsonl', input);
  assert.equal(line.content.split('\n').length, 2);
  assert.deepEqual(JSON.parse(line.content), input.annotations);
});

test('export: jsonl keeps one article on one line even with U+2028, U+2029 and NEL in the text', () => {
  const text = 'Jane\u2028Doe\u0085said\u2029"no," Jane Doe said.\n';
  const input = crafted(text, { entities: [{ id: 'person:jane', type: 'person', name: 'Jane\u2028Doe', mentions: ['Jane\u2028Doe'] }] });
  const [line] = exportArticle('jsonl', input);
  assert.ok(!/[\n\r\u2028\u2029\u0085]/.test(line.content.slice(0, -1)));
  assert.deepEqual(JSON.parse(line.content), input.annotations);
});

test('export: output names come from the file name only, made safe', () => {
  assert.equal(stemOf('../../etc/passwd.txt'), 'passwd');
  assert.equal(stemOf('C:\\news\\a.b.article'), 'a.b');
  assert.equal(stemOf('.hidden.txt'), 'hidden');
  assert.equal(stemOf('..'), 'article');
  assert.equal(stemOf('con.txt'), '_con');
  assert.equal(stemOf('what?<now>:|*.md'), 'what__now____');
  assert.ok(Buffer.byteLength(stemOf('日本'.repeat(200) + '.txt')) <= 120);
  const [file] = exportArticle('json', { ...seedInput(), stem: '../../evil' });
  assert.equal(file.name, '_.._evil.json');
  assert.ok(!file.name.includes('/') && !file.name.startsWith('.'));
});

test('export: code point mapping (brat, W3C) agrees with counting, with CRLF folded for brat', () => {
  const text = 'a\u{1F600}b\r\nc\u{1F1FA}\u{1F1E6}d\re';
  const cp = codePointMapper(text);
  const lf = codePointMapper(text, { crlfToLf: true });
  for (let i = 0; i <= text.length; i++) {
    const inPair = /[\udc00-\udfff]/.test(text[i] ?? '') && /[\ud800-\udbff]/.test(text[i - 1] ?? '');
    if (inPair) continue;
    assert.equal(cp(i), [...text.slice(0, i)].length, `cp(${i})`);
    if (text[i - 1] === '\r' && text[i] === '\n') continue;
    assert.equal(lf(i), [...text.slice(0, i).replace(/\r\n/g, '\n')].length, `lf(${i})`);
  }
  const plain = codePointMapper('plain ascii');
  assert.equal(plain(5), 5);
});
