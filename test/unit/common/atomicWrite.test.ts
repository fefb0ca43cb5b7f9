// The export writer (common/atomicWrite.ts), which the CLI and the extension share: atomic,
// all-or-nothing writes that never replace a file without confirmation, and the streamed workspace
// export: 1,000 generated articles analysed by the engine and streamed into one jsonl and one csv file,
// with progress, measured for time and memory, and cancelled half-way without leaving a partial file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { analyzeArticle, toAnnotations } from '../../../server/src/core';
import { exportArticle, streamHead, type ExportFormat } from '../../../server/src/export';
import { readArticleFile } from '../../../server/src/io/article';
import {
  ExportCancelledError,
  FileExistsError,
  insideFolder,
  ProtectedFileError,
  writeFilesAtomic,
  writeFolderAtomic,
  writeStreamAtomic,
  type CancellationLike,
} from '../../../common/atomicWrite';
import { tempCases } from '../helpers';

const { tmp, fresh } = tempCases('news-lens-writer-');
const listing = (d: string) => fs.readdirSync(d).sort();

test('writeFilesAtomic: writes new files; refuses to replace one without overwrite or confirmation and leaves it intact', async () => {
  const d = fresh();
  const a = path.join(d, 'a.json');
  const b = path.join(d, 'b.txt');
  assert.deepEqual(await writeFilesAtomic([{ path: a, content: 'A1' }, { path: b, content: 'B1' }]), [a, b]);
  await assert.rejects(writeFilesAtomic([{ path: a, content: 'A2' }, { path: b, content: 'B2' }]), FileExistsError);
  assert.equal(fs.readFileSync(a, 'utf8'), 'A1');
  assert.equal(fs.readFileSync(b, 'utf8'), 'B1');
  // Declined confirmation: cancelled, nothing changed.
  const asked: string[][] = [];
  await assert.rejects(writeFilesAtomic([{ path: a, content: 'A2' }], { confirm: (x) => (asked.push(x), false) }), ExportCancelledError);
  assert.deepEqual(asked, [[a]]);
  assert.equal(fs.readFileSync(a, 'utf8'), 'A1');
  // Confirmed: replaced. An identical file needs no confirmation and is not rewritten.
  const before = fs.statSync(b).mtimeMs;
  await writeFilesAtomic([{ path: a, content: 'A2' }, { path: b, content: 'B1' }], { confirm: (x) => (asked.push(x), true) });
  assert.deepEqual(asked[1], [a], 'only the file that differs is asked about');
  assert.equal(fs.readFileSync(a, 'utf8'), 'A2');
  assert.equal(fs.statSync(b).mtimeMs, before);
  assert.deepEqual(listing(d), ['a.json', 'b.txt'], 'no temporary or backup file is left');
});

test('writeFilesAtomic: a protected file (the article) is never replaced, even with overwrite, unless identical', async () => {
  const d = fresh();
  const article = path.join(d, 'x.txt');
  fs.writeFileSync(article, 'line one\r\n');
  await assert.rejects(writeFilesAtomic([{ path: path.join(d, 'x.ann'), content: 'T1' }, { path: article, content: 'line one\n' }], { overwrite: true, protect: [article] }), ProtectedFileError);
  assert.equal(fs.readFileSync(article, 'utf8'), 'line one\r\n');
  assert.deepEqual(listing(d), ['x.txt'], 'all or nothing: the .ann was not written either');
  await writeFilesAtomic([{ path: path.join(d, 'x.ann'), content: 'T1' }, { path: article, content: 'line one\r\n' }], { protect: [article] });
  assert.deepEqual(listing(d), ['x.ann', 'x.txt']);
});

test('writeFilesAtomic: if a rename fails half-way, the files already replaced get their old content back', async () => {
  const d = fresh();
  const files = ['1.txt', '2.txt', '3.txt'].map((f) => path.join(d, f));
  files.forEach((f, i) => fs.writeFileSync(f, `old ${i}`));
  const rename = fs.promises.rename;
  let calls = 0;
  fs.promises.rename = (async (from: fs.PathLike, to: fs.PathLike) => {
    // Renames: backup 1, place 1, backup 2, place 2, backup 3 ← fails
    if (++calls === 5) throw Object.assign(new Error('disk on fire'), { code: 'EIO' });
    return rename(from, to);
  }) as typeof fs.promises.rename;
  try {
    await assert.rejects(writeFilesAtomic(files.map((f, i) => ({ path: f, content: `new ${i}` })), { overwrite: true }), /disk on fire/);
  } finally {
    fs.promises.rename = rename;
  }
  assert.deepEqual(files.map((f) => fs.readFileSync(f, 'utf8')), ['old 0', 'old 1', 'old 2']);
  assert.deepEqual(listing(d), ['1.txt', '2.txt', '3.txt']);
});

test('a folder standing where a file should go is never replaced, even with overwrite', async () => {
  const d = fresh();
  const dir = path.join(d, 'taken.json');
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'inside.txt'), 'keep me');
  await assert.rejects(writeFilesAtomic([{ path: dir, content: '{}' }], { overwrite: true }), /exists and is not a file/);
  await assert.rejects(writeStreamAtomic(dir, ['{}'], { overwrite: true }), /exists and is not a file/);
  assert.equal(fs.readFileSync(path.join(dir, 'inside.txt'), 'utf8'), 'keep me');
  assert.deepEqual(listing(d), ['taken.json']);
});

test('insideFolder: export names never leave their folder', () => {
  const d = path.join(tmp, 'out');
  assert.equal(insideFolder(d, 'a/b.json'), path.join(d, 'a/b.json'));
  for (const bad of ['../evil.json', '/etc/passwd', 'a/../../evil', '', '.']) assert.throws(() => insideFolder(d, bad), /refusing to write/, bad);
});

// ---- streaming a workspace of 1,000 articles ----

const LEADERS = [
  ['Russian President', 'Vladimir Putin', 'Putin'],
  ['French President', 'Emmanuel Macron', 'Macron'],
  ['German Chancellor', 'Olaf Scholz', 'Scholz'],
  ['Ukrainian President', 'Volodymyr Zelensky', 'Zelensky'],
  ['Israeli Prime Minister', 'Benjamin Netanyahu', 'Netanyahu'],
  ['Egyptian President', 'Abdel Fattah al-Sisi', 'Sisi'],
  ['Indian Prime Minister', 'Narendra Modi', 'Modi'],
  ['Japanese Prime Minister', 'Fumio Kishida', 'Kishida'],
];

function article(i: number): string {
  const [t1, n1, s1] = LEADERS[i % LEADERS.length];
  const [t2, n2, s2] = LEADERS[(i * 3 + 1) % LEADERS.length];
  return (
    `${t1} ${n1} spoke with ${t2} ${n2} on Monday, article ${i}.\n\n` +
    `"We agreed, again, to keep talking about \u201ctrade\u201d and security," ${s1} said after the call.\n\n` +
    `${s2} told reporters the talks were "useful, frank and long".\n`
  );
}

const workspaces = new Map<number, string[]>();

/** `count` generated articles in a temporary folder (made once per count). */
function workspace(count: number): string[] {
  let files = workspaces.get(count);
  if (!files) {
    const d = path.join(tmp, `workspace-${count}`);
    fs.mkdirSync(d, { recursive: true });
    files = Array.from({ length: count }, (_, i) => {
      const f = path.join(d, `article-${String(i).padStart(4, '0')}.txt`);
      fs.writeFileSync(f, article(i));
      return f;
    });
    workspaces.set(count, files);
  }
  return files;
}

/** Like the extension: each article read, analysed and rendered in turn; the head first; progress per article. */
async function* exportChunks(files: string[], format: ExportFormat, onArticle: (i: number) => void): AsyncGenerator<string> {
  const head = streamHead(format);
  if (head) yield head;
  for (let i = 0; i < files.length; i++) {
    const read = await readArticleFile(files[i]);
    const annotations = toAnnotations(analyzeArticle(read.text), { path: files[i], sha256: read.sha256 });
    onArticle(i);
    yield exportArticle(format, { annotations, text: read.text, path: files[i] }, { part: 'body' })[0].content;
  }
}

const token = (cancelAt?: number) => {
  const t = { isCancellationRequested: false, progress: 0 };
  return { t: t as CancellationLike & { progress: number }, onArticle: (i: number) => ((t.progress = i + 1), cancelAt !== undefined && i + 1 >= cancelAt && (t.isCancellationRequested = true)) };
};

test('workspace export: 1,000 articles stream into one jsonl file and one csv file, with progress', async (t) => {
  const files = workspace(1000);
  const out = fresh();
  for (const format of ['jsonl', 'csv'] as const) {
    const target = path.join(out, `all.${format}`);
    const { t: tok, onArticle } = token();
    global.gc?.();
    const heap0 = process.memoryUsage().heapUsed;
    let peak = heap0;
    const started = performance.now();
    const result = await writeStreamAtomic(
      target,
      (async function* () {
        for await (const chunk of exportChunks(files, format, onArticle)) {
          peak = Math.max(peak, process.memoryUsage().heapUsed);
          yield chunk;
        }
      })(),
      { token: tok },
    );
    const ms = performance.now() - started;
    const msg = `${format}: 1,000 articles in ${(ms / 1000).toFixed(2)} s (${(ms / files.length).toFixed(2)} ms per article), ${(result.bytes / 1e6).toFixed(2)} MB written, heap growth at peak ${((peak - heap0) / 1e6).toFixed(1)} MB, rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`;
    t.diagnostic(msg);
    assert.equal(tok.progress, 1000);
    const text = fs.readFileSync(target, 'utf8');
    if (format === 'jsonl') {
      const lines = text.split('\n');
      assert.equal(lines.pop(), '');
      assert.equal(lines.length, 1000);
      lines.forEach((l, i) => assert.equal(JSON.parse(l).source.path, files[i]));
    } else {
      const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
      assert.equal(new Set(rows.map((r) => r.file)).size, 1000, 'every article has rows');
      assert.ok(rows.length >= 1000);
      assert.equal(text.split('quote_id').length, 2, 'one header');
    }
  }
  assert.deepEqual(listing(out), ['all.csv', 'all.jsonl'], 'no temporary file is left');
});

test('workspace export: cancelling half-way deletes the temporary file and leaves the old export intact', async () => {
  const files = workspace(1000);
  const out = fresh();
  const target = path.join(out, 'all.jsonl');
  fs.writeFileSync(target, 'the previous export\n');
  const { t: tok, onArticle } = token(500);
  await assert.rejects(writeStreamAtomic(target, exportChunks(files, 'jsonl', onArticle), { token: tok, overwrite: true }), ExportCancelledError);
  assert.equal(tok.progress, 500, 'stopped at the cancellation');
  assert.equal(fs.readFileSync(target, 'utf8'), 'the previous export\n');
  assert.deepEqual(listing(out), ['all.jsonl']);
  // Without an old file: nothing at all remains.
  const target2 = path.join(out, 'new.csv');
  const second = token(10);
  await assert.rejects(writeStreamAtomic(target2, exportChunks(files, 'csv', second.onArticle), { token: second.t }), ExportCancelledError);
  assert.deepEqual(listing(out), ['all.jsonl']);
});

test('workspace export: an error in the middle (an unreadable article) leaves nothing partial', async () => {
  const files = workspace(1000).slice(0, 20);
  const out = fresh();
  const broken = [...files.slice(0, 10), path.join(tmp, 'missing.txt'), ...files.slice(10)];
  await assert.rejects(writeStreamAtomic(path.join(out, 'x.jsonl'), exportChunks(broken, 'jsonl', () => undefined)), /ENOENT/);
  assert.deepEqual(listing(out), []);
});

test('writeStreamAtomic: memory stays flat while 100 MB stream through (nothing is buffered but the current chunk)', async (t) => {
  const out = fresh();
  const chunk = 'x'.repeat(100_000) + '\n';
  global.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  let peak = heap0;
  const started = performance.now();
  const result = await writeStreamAtomic(
    path.join(out, 'big.jsonl'),
    (function* () {
      for (let i = 0; i < 1000; i++) {
        peak = Math.max(peak, process.memoryUsage().heapUsed);
        yield chunk;
      }
    })(),
  );
  const msg = `100 MB in ${(performance.now() - started).toFixed(0)} ms, heap growth at peak ${((peak - heap0) / 1e6).toFixed(1)} MB`;
  t.diagnostic(msg);
  assert.equal(result.bytes, 100_001_000);
  assert.equal(fs.statSync(path.join(out, 'big.jsonl')).size, 100_001_000);
  assert.ok(peak - heap0 < 30e6, msg);
});

// ---- folders (per-article formats) ----

test('writeFolderAtomic: per-article files appear all at once in a new folder; a shared identical file is written once', async () => {
  const out = fresh();
  const dir = path.join(out, 'brat');
  const result = await writeFolderAtomic(dir, [
    [{ path: 'a.ann', content: 'A' }, { path: 'annotation.conf', content: 'CONF' }],
    [{ path: 'sub/b.ann', content: 'B' }, { path: 'annotation.conf', content: 'CONF' }],
  ]);
  assert.deepEqual(result.files.map((f) => path.relative(dir, f)).sort(), ['a.ann', 'annotation.conf', path.join('sub', 'b.ann')]);
  assert.deepEqual(listing(out), ['brat'], 'no staging folder is left');
  await assert.rejects(writeFolderAtomic(path.join(out, 'other'), [[{ path: 'x', content: '1' }], [{ path: 'x', content: '2' }]]), /two articles export to the same file x/);
  await assert.rejects(writeFolderAtomic(path.join(out, 'evil'), [[{ path: '../evil.txt', content: '1' }]]), /refusing to write/);
  assert.deepEqual(listing(out), ['brat']);
});

test('writeFolderAtomic: into an existing folder, other files are left alone and existing outputs need confirmation', async () => {
  const out = fresh();
  fs.writeFileSync(path.join(out, 'notes.txt'), 'mine');
  fs.writeFileSync(path.join(out, 'a.json'), 'old');
  await assert.rejects(writeFolderAtomic(out, [[{ path: 'a.json', content: 'new' }, { path: 'b.json', content: 'B' }]]), FileExistsError);
  assert.deepEqual(listing(out), ['a.json', 'notes.txt']);
  assert.equal(fs.readFileSync(path.join(out, 'a.json'), 'utf8'), 'old');
  await writeFolderAtomic(out, [[{ path: 'a.json', content: 'new' }, { path: 'b.json', content: 'B' }]], { confirm: () => true });
  assert.deepEqual(listing(out), ['a.json', 'b.json', 'notes.txt']);
  assert.equal(fs.readFileSync(path.join(out, 'a.json'), 'utf8'), 'new');
});

/** Per-article brat outputs of the files, as the extension streams them into a folder. */
async function* bratBatches(files: string[], onArticle: (i: number) => void) {
  for (let i = 0; i < files.length; i++) {
    const read = await readArticleFile(files[i]);
    const annotations = toAnnotations(analyzeArticle(read.text), { path: files[i], sha256: read.sha256 });
    onArticle(i);
    yield exportArticle('brat', { annotations, text: read.text, path: files[i] }).map((f) => ({ path: f.name, content: f.content }));
  }
}

test('writeFolderAtomic: a brat folder of 1,000 articles (2,001 files) appears complete', async (t) => {
  const files = workspace(1000);
  const out = fresh();
  const { t: tok, onArticle } = token();
  const started = performance.now();
  const result = await writeFolderAtomic(path.join(out, 'brat'), bratBatches(files, onArticle), { token: tok });
  t.diagnostic(`brat folder: 1,000 articles, ${result.files.length} files in ${((performance.now() - started) / 1000).toFixed(2)} s`);
  assert.equal(result.files.length, 2001);
  assert.equal(fs.readdirSync(path.join(out, 'brat')).length, 2001);
  assert.deepEqual(listing(out), ['brat']);
});

test('writeFolderAtomic: cancelling after 500 of 1,000 articles leaves no folder and no staging files', async () => {
  const files = workspace(1000);
  const out = fresh();
  const { t: tok, onArticle } = token(500);
  await assert.rejects(writeFolderAtomic(path.join(out, 'brat'), bratBatches(files, onArticle), { token: tok }), ExportCancelledError);
  assert.equal(tok.progress, 500);
  assert.deepEqual(listing(out), []);
});
