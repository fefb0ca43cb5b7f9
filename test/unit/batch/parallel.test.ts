// The --stdin / stdout JSON Lines contract as a map step for other engines: GNU parallel splits a JSONL
// corpus into chunks (--pipe), runs one `news-lens annotate --stdin` per chunk and, with --keep-order,
// concatenates their outputs; that must equal a single-process run of the whole corpus. (Over
// --sshlogin the same command runs on several machines.) GNU parallel is a Debian package: installed
// here with apt-get if it is missing; the test is skipped, saying why, only if that fails.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BIN, repoArticles, repoParagraphs } from './fixtures';

function hasParallel(): boolean {
  const r = spawnSync('parallel', ['--version'], { encoding: 'utf8' });
  return r.status === 0 && /GNU parallel/.test(r.stdout);
}

let skip: string | false = false;
before(() => {
  if (hasParallel()) return;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => spawnSync('apt-get', ['install', '-y', '-q', 'parallel'], { encoding: 'utf8', env, timeout: 300_000 });
  let r = install();
  if (r.status !== 0) {
    spawnSync('apt-get', ['update', '-q'], { encoding: 'utf8', env, timeout: 300_000 });
    r = install();
  }
  if (!hasParallel()) skip = `GNU parallel is not installed and apt-get could not install it: ${(r.stderr || r.error?.message || '').trim().split('\n').pop()}`;
});

test('parallel --pipe over a JSONL corpus, merged in order, equals the single-process run', (t) => {
  if (skip) return t.skip(skip);
  const articles = repoArticles();
  const paragraphs = repoParagraphs();
  const records: string[] = [];
  for (let i = 0; i < 120; i++) {
    const a = articles[i % articles.length];
    // Every record differs: its own dateline number and a paragraph of another article.
    const text = `${a.text.trim()}\n\n(${i}) ${paragraphs[(i * 7) % paragraphs.length]}\n`;
    records.push(JSON.stringify({ id: `doc-${i}`, text, date: `2023-${String((i % 12) + 1).padStart(2, '0')}-15`, desk: i % 2 ? 'world' : 'politics' }));
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'news-lens-parallel-'));
  const corpus = path.join(dir, 'corpus.jsonl');
  writeFileSync(corpus, records.join('\n') + '\n');

  const single = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" annotate --stdin --quiet --jobs 1 < "${corpus}"`], { encoding: 'utf8', maxBuffer: 1 << 28, timeout: 300_000 });
  assert.equal(single.status, 0, single.stderr);
  // Chunks of 10 records (-N 10, records are whole lines), two at a time, outputs kept in input order (-k).
  const map = spawnSync(
    'sh',
    ['-c', `parallel --will-cite --pipe -k -N 10 -j 2 "${process.execPath}" "${BIN}" annotate --stdin --quiet --jobs 1 < "${corpus}"`],
    { encoding: 'utf8', maxBuffer: 1 << 28, timeout: 300_000 },
  );
  assert.equal(map.status, 0, map.stderr);
  const lines = map.stdout.split('\n').filter(Boolean);
  assert.equal(lines.length, records.length);
  assert.deepEqual(lines.map((l) => JSON.parse(l).source.id), records.map((r) => JSON.parse(r).id));
  assert.equal(map.stdout, single.stdout);
});
