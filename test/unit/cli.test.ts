// The CLI as users run it: the built bundle through the package's bin script.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import schema from '../../server/data/annotations.schema.json';

const root = path.resolve(__dirname, '../../..');
const bin = path.join(root, 'server/bin/news-lens.js');
const shared = process.env.NEWS_LENS_SHARED ?? path.resolve(root, '../shared');
const seed = path.join(shared, 'seed/putin-netanyahu-call.txt');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'news-lens-cli-'));

function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', input, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const validate = new Ajv2020({ strict: false }).compile(schema);

test('annotate --format json prints one annotations@1 object that validates against the contract', () => {
  const r = cli(['annotate', '--format', 'json', seed]);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout) as { schema: string; source: { path: string; sha256: string; date?: string }; diagnostics: { code: string }[] };
  assert.ok(validate(doc), JSON.stringify(validate.errors));
  assert.equal(doc.schema, 'news-lens/annotations@1');
  assert.equal(doc.source.path, seed);
  assert.match(doc.source.sha256, /^[0-9a-f]{64}$/);
});

test('the seed article passes ../shared/tools/check-seed.mjs', { skip: !existsSync(seed) && 'no ../shared' }, () => {
  const r = cli(['annotate', '--format', 'json', seed]);
  const check = spawnSync(process.execPath, [path.join(shared, 'tools/check-seed.mjs')], { input: r.stdout, encoding: 'utf8', timeout: 30_000 });
  assert.equal(check.status, 0, check.stdout + check.stderr);
  assert.match(check.stdout, / 0 failed/);
});

test('--format jsonl prints one object per line in input order', () => {
  const a = path.join(tmp, 'a.txt');
  const b = path.join(tmp, 'b.txt');
  writeFileSync(a, 'German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris.');
  writeFileSync(b, '"We will not give up," Ukrainian President Volodymyr Zelensky said on Monday.');
  const r = cli(['annotate', '--format', 'jsonl', a, b]);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((l) => l.source.path), [a, b]);
  for (const l of lines) assert.ok(validate(l), JSON.stringify(validate.errors));
});

test('an unreadable file gets a message and exit 1 while the other files are still annotated', () => {
  const good = path.join(tmp, 'good.txt');
  writeFileSync(good, 'Russian President Vladimir Putin spoke to reporters.');
  const missing = path.join(tmp, 'missing.txt');
  const r = cli(['annotate', '--format', 'jsonl', missing, good]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /missing\.txt: no such file/);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 1);
  assert.equal(JSON.parse(lines[0]).source.path, good);
});

test('a binary file and invalid UTF-8 are refused with a clear reason', () => {
  const bin1 = path.join(tmp, 'image.png');
  writeFileSync(bin1, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a]));
  const bad = path.join(tmp, 'latin1.txt');
  writeFileSync(bad, Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x69, 0x72]));
  const r = cli(['annotate', bin1, bad]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /image\.png: binary file/);
  assert.match(r.stderr, /latin1\.txt: not valid UTF-8/);
  assert.equal(r.stdout, '');
});

for (const [name, args, pattern] of [
  ['no command', [], /missing command/],
  ['an unknown command', ['summarise', 'x.txt'], /unknown command "summarise"/],
  ['no file', ['annotate'], /no FILE given/],
  ['a bad format', ['annotate', '--format', 'xml', 'x.txt'], /--format must be json or jsonl/],
  ['an impossible date', ['annotate', '--date', '2023-02-30', 'x.txt'], /--date must be a calendar date/],
  ['an unknown option', ['annotate', '--colour', 'x.txt'], /unknown option "--colour"/],
  ['a missing option value', ['annotate', 'x.txt', '--date'], /--date needs a value/],
] as const) {
  test(`bad arguments (${name}) print usage and exit 2`, () => {
    const r = cli([...args]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, pattern);
    assert.match(r.stderr, /Usage: news-lens annotate/);
    assert.equal(r.stdout, '');
  });
}

test('--help prints usage and exits 0', () => {
  const r = cli(['--help']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /Usage: news-lens annotate/);
});

test('--date sets the article date used for date-aware checks', () => {
  const f = path.join(tmp, 'dated.txt');
  writeFileSync(f, 'Prime Minister Boris Johnson said the plan would work.');
  const r = cli(['annotate', '--date', '2023-05-01', f]);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout) as { schema: string; source: { path: string; sha256: string; date?: string }; diagnostics: { code: string }[] };
  assert.equal(doc.source.date, '2023-05-01');
  // Johnson left office in 2022: on this date the title is wrong.
  assert.ok(doc.diagnostics.some((d: { code: string }) => d.code === 'title-mismatch'), JSON.stringify(doc.diagnostics));
});
