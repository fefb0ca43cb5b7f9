// `news-lens export` as users run it (the built bundle through the bin script): outputs next to each
// input or in --out DIR, never outside DIR, never replacing a file without --force nor an article at all;
// unreadable inputs reported with exit 1 while the others are exported; bad arguments exit 2.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { PARIS, ROOT, SEED, SEED_BYTES, sha256 } from './export/fixtures';
import { tempCases } from './helpers';

const bin = path.join(ROOT, 'server/bin/news-lens.js');
const { fresh } = tempCases('news-lens-export-cli-');

function cli(args: string[], cwd = ROOT, input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd, input, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const ls = (d: string) => readdirSync(d).sort();

test('export --format json writes next to the input, prints the path, and the file is the annotations of the input', () => {
  const d = fresh();
  const seed = path.join(d, 'putin-netanyahu-call.txt');
  writeFileSync(seed, SEED_BYTES);
  const r = cli(['export', '--format', 'json', seed]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, `${path.join(d, 'putin-netanyahu-call.json')}\n`);
  const doc = JSON.parse(readFileSync(path.join(d, 'putin-netanyahu-call.json'), 'utf8'));
  assert.equal(doc.schema, 'news-lens/annotations@1');
  assert.equal(doc.source.sha256, sha256(SEED_BYTES));
  assert.equal(doc.source.path, seed);
  assert.ok(doc.quotes.length >= 2);
});

test('export --out DIR: every format for several files, created in DIR; brat adds the .txt copy and one annotation.conf', () => {
  const d = fresh();
  const a = path.join(d, 'in', 'seed.txt');
  const b = path.join(d, 'in', 'paris.md');
  mkdirSync(path.dirname(a));
  writeFileSync(a, SEED);
  writeFileSync(b, PARIS);
  const out = path.join(d, 'out', 'nested');
  for (const format of ['json', 'jsonl', 'csv', 'brat', 'w3c', 'markdown', 'graphml']) {
    const r = cli(['export', '--format', format, '--out', out, a, b]);
    assert.equal(r.code, 0, `${format}: ${r.stderr}`);
  }
  assert.deepEqual(ls(out), [
    'annotation.conf',
    'paris.ann', 'paris.csv', 'paris.graphml', 'paris.json', 'paris.jsonl', 'paris.jsonld', 'paris.report.md', 'paris.txt',
    'seed.ann', 'seed.csv', 'seed.graphml', 'seed.json', 'seed.jsonl', 'seed.jsonld', 'seed.report.md', 'seed.txt',
  ]);
  assert.equal(readFileSync(path.join(out, 'paris.txt'), 'utf8'), PARIS, 'brat text copy');
  assert.deepEqual(ls(path.dirname(a)), ['paris.md', 'seed.txt'], 'nothing written next to the inputs');
  const rows = parse(readFileSync(path.join(out, 'paris.csv'), 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
  assert.equal(rows[0].speaker, 'Emmanuel Macron');
});

test('export never writes outside DIR: a file named ../evil.txt exports to DIR/evil.json', () => {
  const d = fresh();
  const work = path.join(d, 'work');
  mkdirSync(path.join(work, 'sub'), { recursive: true });
  writeFileSync(path.join(work, 'evil.txt'), 'French President Emmanuel Macron said "no".\n');
  const r = cli(['export', '--format', 'json', '--out', 'out', '../evil.txt'], path.join(work, 'sub'));
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(ls(path.join(work, 'sub', 'out')), ['evil.json']);
  assert.deepEqual(ls(work), ['evil.txt', 'sub'], 'nothing next to ../evil.txt');
  assert.deepEqual(ls(d), ['work']);
});

test('export: two inputs with the same name into one DIR get distinct outputs', () => {
  const d = fresh();
  for (const sub of ['a', 'b']) {
    mkdirSync(path.join(d, sub));
    writeFileSync(path.join(d, sub, 'x.txt'), `${sub === 'a' ? 'German Chancellor Olaf Scholz' : 'French President Emmanuel Macron'} spoke.\n`);
  }
  const r = cli(['export', '--format', 'json', '--out', path.join(d, 'out'), path.join(d, 'a/x.txt'), path.join(d, 'b/x.txt')]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(ls(path.join(d, 'out')), ['x-2.json', 'x.json']);
  assert.match(readFileSync(path.join(d, 'out', 'x-2.json'), 'utf8'), /Macron/);
});

test('export: an existing different file is not replaced without --force (exit 1, old content kept); --force replaces it', () => {
  const d = fresh();
  const f = path.join(d, 'a.txt');
  writeFileSync(f, 'German Chancellor Olaf Scholz spoke.\n');
  writeFileSync(path.join(d, 'a.json'), 'precious\n');
  const r = cli(['export', '--format', 'json', f]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /a\.txt: not exported: .*a\.json already exists.*use --force/);
  assert.equal(readFileSync(path.join(d, 'a.json'), 'utf8'), 'precious\n');
  assert.deepEqual(ls(d), ['a.json', 'a.txt'], 'no temporary file left');
  const again = cli(['export', '--format', 'json', '--force', f]);
  assert.equal(again.code, 0, again.stderr);
  assert.match(readFileSync(path.join(d, 'a.json'), 'utf8'), /Olaf Scholz/);
  // Exporting again unchanged needs no --force: the file is already identical.
  assert.equal(cli(['export', '--format', 'json', f]).code, 0);
});

test('export --format brat next to a .txt article uses the article itself as brat text, and never replaces it', () => {
  const d = fresh();
  const lf = path.join(d, 'lf.txt');
  writeFileSync(lf, PARIS);
  const r = cli(['export', '--format', 'brat', lf]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(ls(d), ['annotation.conf', 'lf.ann', 'lf.txt']);
  assert.equal(readFileSync(lf, 'utf8'), PARIS);
  // A CRLF article: brat needs an LF copy, which would replace the article: refused, even with --force.
  const crlf = path.join(d, 'crlf.txt');
  writeFileSync(crlf, PARIS.replace(/\n/g, '\r\n'));
  const refused = cli(['export', '--format', 'brat', '--force', crlf]);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /crlf\.txt: not exported: .*crlf\.txt is an article being exported.*use --out DIR/);
  assert.equal(readFileSync(crlf, 'utf8'), PARIS.replace(/\n/g, '\r\n'));
  assert.ok(!ls(d).includes('crlf.ann'), 'all or nothing');
  const moved = cli(['export', '--format', 'brat', '--out', path.join(d, 'brat'), crlf]);
  assert.equal(moved.code, 0, moved.stderr);
  assert.equal(readFileSync(path.join(d, 'brat', 'crlf.txt'), 'utf8'), PARIS);
});

test('export: an unreadable, binary or non-UTF-8 file is reported with exit 1 while the others are exported', () => {
  const d = fresh();
  const good = path.join(d, 'good.txt');
  writeFileSync(good, 'Russian President Vladimir Putin spoke to reporters.\n');
  writeFileSync(path.join(d, 'bin.txt'), Buffer.from([0x89, 0x50, 0x00, 0x01]));
  writeFileSync(path.join(d, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
  const r = cli(['export', '--format', 'csv', '--out', path.join(d, 'out'), path.join(d, 'missing.txt'), path.join(d, 'bin.txt'), good, path.join(d, 'latin1.txt'), d]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /missing\.txt: no such file/);
  assert.match(r.stderr, /bin\.txt: binary file/);
  assert.match(r.stderr, /latin1\.txt: not valid UTF-8/);
  assert.match(r.stderr, /is a directory/);
  assert.deepEqual(ls(path.join(d, 'out')), ['good.csv']);
  assert.equal(r.stdout, `${path.join(d, 'out', 'good.csv')}\n`);
});

test('export reads stdin as "-" and names it stdin', () => {
  const d = fresh();
  const r = cli(['export', '--format', 'markdown', '--out', d, '-'], ROOT, PARIS);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(ls(d), ['stdin.report.md']);
  assert.match(readFileSync(path.join(d, 'stdin.report.md'), 'utf8'), /^# News Lens report: -\n/);
});

for (const [name, args, pattern] of [
  ['no format', ['export', 'x.txt'], /export needs --format FORMAT/],
  ['an unknown format', ['export', '--format', 'xml', 'x.txt'], /--format must be one of json, jsonl, csv, brat, w3c, markdown, graphml, not "xml"/],
  ['no file', ['export', '--format', 'json'], /no FILE given/],
  ['--out without a value', ['export', '--format', 'json', 'x.txt', '--out'], /--out needs a value/],
  ['an unknown option', ['export', '--format', 'json', '--colour', 'x.txt'], /unknown option "--colour"/],
  ['an impossible date', ['export', '--format', 'json', '--date', '2023-02-30', 'x.txt'], /--date must be a calendar date/],
] as const) {
  test(`export with bad arguments (${name}) prints usage and exits 2, writing nothing`, () => {
    const d = fresh();
    const r = cli([...args], d);
    assert.equal(r.code, 2);
    assert.match(r.stderr, pattern);
    assert.match(r.stderr, /news-lens export --format FORMAT/);
    assert.equal(r.stdout, '');
    assert.deepEqual(ls(d), []);
  });
}

test('annotate is unchanged by the export command (its usage still leads the help)', () => {
  const r = cli(['--help']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^Usage: news-lens annotate /);
  assert.match(r.stdout, /news-lens export --format FORMAT/);
  assert.equal(cli(['annotate', '--out', 'x', 'y.txt']).code, 2, 'annotate does not take export options');
});
