// `news-lens annotate` and `news-lens graph` as batch tools, run as users run them (the built bundle
// through the bin script): directories, --stdin records, --jobs ordering, documents that hang or crash,
// the size budget, the summary, and the corpus graph.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import sax from 'sax';
import { analysisCut, formatSize } from '../../../server/src/budget';
import { BIN, repoArticles, repoParagraphs } from './fixtures';
import { tempCases } from '../helpers';

const { fresh } = tempCases('news-lens-batch-');

function cli(args: string[], input?: string, execArgv: string[] = []) {
  const r = spawnSync(process.execPath, [...execArgv, BIN, ...args], { encoding: 'utf8', input, timeout: 120_000, maxBuffer: 1 << 28 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const jsonl = (s: string) => s.split('\n').filter(Boolean).map((l) => JSON.parse(l));

/** A corpus folder: the repository's articles, some made much longer so that they finish late. */
function corpus(dir: string): string[] {
  const files: string[] = [];
  const articles = repoArticles();
  const paragraphs = repoParagraphs();
  articles.forEach((a, i) => {
    const sub = path.join(dir, i % 3 ? 'wire' : 'desk');
    mkdirSync(sub, { recursive: true });
    // Every fifth article is long (a hundred paragraphs, each numbered so none repeats).
    const text = i % 5 ? a.text : `${a.text}\n\n${paragraphs.map((p, k) => `(${i}.${k}) ${p}`).join('\n\n')}\n`;
    const f = path.join(sub, `${String(i).padStart(3, '0')}-${a.name.replace(/\.md$/, '.txt')}`);
    writeFileSync(f, text);
    files.push(f);
  });
  return files.sort();
}

test('a directory under --jobs 2 comes out in input order (name order, depth first), identical to --jobs 1', () => {
  const d = fresh();
  const files = corpus(d);
  const two = cli(['annotate', '--format', 'jsonl', '--jobs', '2', '--quiet', d]);
  assert.equal(two.code, 0, two.stderr);
  assert.deepEqual(jsonl(two.stdout).map((a) => a.source.path), files);
  const one = cli(['annotate', '--format', 'jsonl', '--jobs', '1', '--quiet', d]);
  assert.equal(one.stdout, two.stdout);
  // --format json for several articles: one array, the same objects.
  const arr = cli(['annotate', '--jobs', '2', '--quiet', d]);
  assert.deepEqual(JSON.parse(arr.stdout), jsonl(two.stdout));
});

test('directories: hidden folders, node_modules and News Lens outputs are skipped; --include and --exclude', () => {
  const d = fresh();
  const put = (rel: string, text = 'German Chancellor Olaf Scholz met French President Emmanuel Macron.\n') => {
    mkdirSync(path.dirname(path.join(d, rel)), { recursive: true });
    writeFileSync(path.join(d, rel), text);
  };
  put('a.txt');
  put('b.md');
  put('c.article');
  put('notes.csv', 'x,y\n');
  put('.hidden/h.txt');
  put('node_modules/pkg/readme.txt');
  put('a.report.md', '# News Lens report: a.txt\n');
  put('drafts/d.txt');
  // A brat export into another folder: its text copy is not an article of its own.
  const exp = cli(['export', '--format', 'brat', '--out', path.join(d, 'brat'), path.join(d, 'a.txt')]);
  assert.equal(exp.code, 0, exp.stderr);
  const paths = (args: string[]) => jsonl(cli(['annotate', '--format', 'jsonl', '--quiet', ...args, d]).stdout).map((a) => path.relative(d, a.source.path));
  assert.deepEqual(paths([]), ['a.txt', 'b.md', 'c.article', 'drafts/d.txt']);
  assert.deepEqual(paths(['--exclude', 'drafts']), ['a.txt', 'b.md', 'c.article']);
  assert.deepEqual(paths(['--include', '*.txt']), ['a.txt', 'drafts/d.txt']);
  assert.deepEqual(paths(['--include', 'drafts/**']), ['drafts/d.txt']);
});

test('--stdin: records in order, metadata passed through, "date" used as the article date; bad lines named, the run goes on', () => {
  const records = [
    JSON.stringify({ id: 'r1', text: 'Prime Minister Boris Johnson said the plan would work.', date: '2023-05-01', outlet: 'Wire', tags: ['uk'] }),
    '{"id": "r2", "text": "unterminated',
    JSON.stringify({ id: 7, text: 'Russian President Vladimir Putin spoke to reporters.', date: '2023-10-16T08:30:00Z' }),
    '',
    JSON.stringify(['not', 'a', 'record']),
    JSON.stringify({ id: 'r5', body: 'no text field' }),
    JSON.stringify({ id: 'r6', text: 'Ukrainian President Volodymyr Zelensky spoke.', date: 'last Tuesday' }),
  ].join('\n');
  const r = cli(['annotate', '--stdin', '--jobs', '2'], records + '\n');
  assert.equal(r.code, 1);
  const out = jsonl(r.stdout);
  assert.deepEqual(out.map((a) => a.source.path), ['r1', '7', 'r6']);
  assert.deepEqual(out[0].source.metadata, { date: '2023-05-01', outlet: 'Wire', tags: ['uk'] });
  assert.equal(out[0].source.id, 'r1');
  assert.equal(out[1].source.id, 7);
  assert.equal(out[0].source.date, '2023-05-01');
  // Johnson left office in 2022: with the record's date the title is wrong.
  assert.ok(out[0].diagnostics.some((d: { code: string }) => d.code === 'title-mismatch'));
  assert.equal(out[1].source.date, '2023-10-16');
  assert.equal(out[2].source.date, undefined);
  assert.match(r.stderr, /stdin line 2: not valid JSON/);
  assert.match(r.stderr, /stdin line 5: a record must be a JSON object/);
  assert.match(r.stderr, /stdin line 6 \(id "r5"\): the record has no "text" string/);
  assert.match(r.stderr, /stdin line 7 \(id "r6"\): "date" "last Tuesday" is not a date/);
  assert.match(r.stderr, /6 documents, 3 annotated, 3 skipped \(3 bad records\)/);
});

test('a hanging document (past --timeout) is reported and the run goes on', () => {
  const d = fresh();
  const [first, second] = repoArticles();
  writeFileSync(path.join(d, 'a.txt'), first.text);
  // Three megabytes on one line, no budget: far more than a second of analysis.
  const line = repoParagraphs().join(' ').replace(/\s+/g, ' ');
  writeFileSync(path.join(d, 'b.txt'), line.repeat(Math.ceil(3e6 / line.length)));
  writeFileSync(path.join(d, 'c.txt'), second.text);
  const r = cli(['annotate', '--format', 'jsonl', '--jobs', '1', '--max-file-size', '0', '--timeout', '1', d]);
  assert.equal(r.code, 1);
  assert.deepEqual(jsonl(r.stdout).map((a) => path.basename(a.source.path)), ['a.txt', 'c.txt']);
  assert.match(r.stderr, /b\.txt: timed out after 1 s/);
  assert.match(r.stderr, /3 documents, 2 annotated, 1 skipped \(1 timed out\)/);
});

test('a document that crashes its worker (out of memory under --worker-memory) is reported and the run goes on', () => {
  const d = fresh();
  const [first, second] = repoArticles();
  writeFileSync(path.join(d, 'a.txt'), first.text);
  const paragraphs = repoParagraphs();
  const parts: string[] = [];
  for (let i = 0, size = 0; size < 12e6; i++) {
    const p = `(${i}) ${paragraphs[i % paragraphs.length]}\n\n`;
    parts.push(p);
    size += p.length;
  }
  writeFileSync(path.join(d, 'b.txt'), parts.join(''));
  writeFileSync(path.join(d, 'c.txt'), second.text);
  const r = cli(['annotate', '--format', 'jsonl', '--jobs', '2', '--max-file-size', '0', '--worker-memory', '256', d]);
  assert.equal(r.code, 1, r.stderr);
  assert.deepEqual(jsonl(r.stdout).map((a) => path.basename(a.source.path)), ['a.txt', 'c.txt']);
  assert.match(r.stderr, /b\.txt: the analysis ran out of memory/);
  assert.match(r.stderr, /1 skipped \(1 crashed\)/);
});

test('the budget: a file over --max-file-size is analysed up to the editor\'s cut and says so', () => {
  const d = fresh();
  const paragraphs = repoParagraphs();
  const text = paragraphs.slice(0, 40).join('\n\n') + '\n';
  const f = path.join(d, 'long.txt');
  writeFileSync(f, text);
  const max = 4000;
  const expected = analysisCut(text, max)!;
  assert.ok(expected && expected.analyzedLength < text.length);
  for (const args of [[f], ['--stdin']]) {
    const input = args[0] === '--stdin' ? JSON.stringify({ id: 'long', text }) + '\n' : undefined;
    const r = cli(['annotate', '--format', 'jsonl', '--max-file-size', String(max), ...args], input);
    assert.equal(r.code, 0, r.stderr);
    const [a] = jsonl(r.stdout);
    assert.deepEqual(a.source.truncated, expected);
    assert.equal(a.source.length, text.length);
    const diag = a.diagnostics.find((x: { code: string }) => x.code === 'analysis-truncated');
    assert.equal(diag.start, expected.analyzedLength);
    assert.equal(diag.text, text.slice(diag.start, diag.end));
    assert.ok(diag.message.includes(`analysed only the first ${formatSize(expected.analyzedBytes)} of this ${formatSize(Buffer.byteLength(text))} article`), diag.message);
    for (const e of a.entities) for (const m of e.mentions) assert.ok(m.end <= expected.analyzedLength, 'nothing found past the cut');
    assert.match(r.stderr, /1 annotated \(1 truncated to --max-file-size\)/);
  }
  // Within the budget: no cut, no diagnostic.
  const whole = cli(['annotate', '--max-file-size', '0', f]);
  const doc = JSON.parse(whole.stdout);
  assert.equal(doc.source.truncated, undefined);
  assert.ok(!doc.diagnostics.some((x: { code: string }) => x.code === 'analysis-truncated'));
});

test('the summary: one line, or --json-summary with documents, bytes, rate and skipped reasons; --quiet prints none', () => {
  const d = fresh();
  const files = corpus(d).slice(0, 6);
  const missing = path.join(d, 'missing.txt');
  const r = cli(['annotate', '--format', 'jsonl', '--json-summary', ...files, missing]);
  assert.equal(r.code, 1);
  const lines = r.stderr.trim().split('\n');
  assert.match(lines[0], /missing\.txt: no such file/);
  const s = JSON.parse(lines[lines.length - 1]);
  const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
  assert.deepEqual(
    { ...s, seconds: 0, mbPerSecond: 0, cpuSeconds: 0, peakRssMB: 0 },
    { documents: 7, analysed: 6, truncated: 0, skipped: 1, skippedBy: { unreadable: 1 }, bytes, seconds: 0, mbPerSecond: 0, jobs: 2, cpuSeconds: 0, peakRssMB: 0 },
  );
  assert.ok(s.seconds > 0 && s.mbPerSecond > 0 && s.cpuSeconds > 0 && s.peakRssMB > 0);
  const text = cli(['annotate', '--format', 'jsonl', ...files]);
  assert.match(text.stderr, new RegExp(`^news-lens: 6 documents, 6 annotated, 0 skipped; ${(bytes / 1e6).toFixed(1)} MB in \\d+\\.\\d s, \\d+\\.\\d\\d MB/s with 2 jobs\\n$`));
  const quiet = cli(['annotate', '--format', 'jsonl', '--quiet', ...files]);
  assert.equal(quiet.stderr, '');
  assert.equal(quiet.stdout, text.stdout);
  const file = path.join(d, 'summary.json');
  cli(['annotate', '--quiet', `--json-summary=${file}`, files[0]]);
  assert.equal(JSON.parse(readFileSync(file, 'utf8')).documents, 1);
});

test('the progress bar is drawn on a terminal only', { skip: !existsScript() && 'no script(1)' }, () => {
  const d = fresh();
  const files = corpus(d);
  // script(1) gives the CLI a terminal for stderr; without one (above) there is no bar.
  const r = spawnSync('script', ['-qec', `${process.execPath} ${BIN} annotate --format jsonl --jobs 2 ${d} > /dev/null`, '/dev/null'], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, new RegExp(`\\r\\[[#-]+\\] \\d+/${files.length} docs · [\\d.]+ MB · [\\d.]+ MB/s · ETA \\d+:\\d\\d`));
  assert.match(r.stdout, /news-lens: \d+ documents/);
  assert.doesNotMatch(cli(['annotate', '--format', 'jsonl', d]).stderr, /docs ·|\r/);
});

function existsScript(): boolean {
  return spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
}

test('graph: one person under two spellings in two articles is one node; edges weighted with articles and dates', () => {
  const d = fresh();
  const a = path.join(d, 'a.txt');
  const b = path.join(d, 'b.txt');
  // "Mahmud" and "Mahmoud" Abbas (the knowledge base's id), "José" and "Jose" Montalvo (no id: the normalised name).
  writeFileSync(a, 'RAMALLAH, Monday, October 16, 2023 — Russian President Vladimir Putin spoke by phone with Mahmud Abbas. Putin also spoke with Mexican envoy José Montalvo on Monday.\n');
  writeFileSync(b, 'MOSCOW, Friday, October 20, 2023 — Putin held talks with Mahmoud Abbas. Vladimir Putin spoke with Jose Montalvo on Friday.\n');
  const r = cli(['graph', '--format', 'json', a, b]);
  assert.equal(r.code, 0, r.stderr);
  const g = JSON.parse(r.stdout);
  assert.equal(g.schema, 'news-lens/corpus-graph@1');
  const abbas = g.nodes.filter((x: { name: string }) => /Abbas/.test(x.name));
  assert.equal(abbas.length, 1, JSON.stringify(g.nodes));
  assert.equal(abbas[0].id, 'kb:mahmoud-abbas');
  assert.equal(abbas[0].articles, 2);
  const montalvo = g.nodes.filter((x: { name: string }) => /Montalvo/.test(x.name));
  assert.equal(montalvo.length, 1, JSON.stringify(g.nodes));
  assert.equal(montalvo[0].id, 'name:jose montalvo');
  const edge = g.edges.find((e: { id: string }) => e.id === 'kb:mahmoud-abbas|kb:vladimir-putin');
  assert.equal(edge.weight, 2);
  assert.deepEqual(edge.articles, [a, b]);
  assert.deepEqual(edge.dates, ['2023-10-16', '2023-10-20']);
  assert.deepEqual(edge.kinds, ['call', 'talks']);
  assert.deepEqual(edge.evidence.map((e: { article: string; date: string }) => [e.article, e.date]), [[a, '2023-10-16'], [b, '2023-10-20']]);
  const toMontalvo = g.edges.find((e: { id: string }) => e.id === 'kb:vladimir-putin|name:jose montalvo');
  assert.equal(toMontalvo.weight, 2);

  // The same network as GraphML (Gephi): undirected, weight and dates on the edge.
  const xml = cli(['graph', a, b]).stdout;
  const parser = sax.parser(true, {});
  const keys = new Map<string, string>();
  const edges: Record<string, string>[] = [];
  let current: Record<string, string> | undefined;
  let key = '';
  let undirected = false;
  parser.onopentag = (t: { name: string; attributes: unknown }) => {
    const at = t.attributes as Record<string, string>;
    if (t.name === 'key') keys.set(at.id, at['attr.name']);
    if (t.name === 'graph') undirected = at.edgedefault === 'undirected';
    if (t.name === 'edge') edges.push((current = { source: at.source, target: at.target }));
    if (t.name === 'data') key = keys.get(at.key) ?? '';
  };
  parser.ontext = (s: string) => {
    if (current && key) current[key] = (current[key] ?? '') + s;
  };
  parser.onclosetag = (name: string) => {
    if (name === 'data') key = '';
    if (name === 'edge') current = undefined;
  };
  parser.write(xml).close();
  assert.ok(undirected);
  assert.equal(edges.length, g.edges.length);
  const heavy = edges.filter((e) => e.weight === '2' && e.first_date === '2023-10-16' && e.last_date === '2023-10-20');
  assert.equal(heavy.length, 2);

  // CSV for Gephi's spreadsheet import: --out DIR gets nodes.csv and edges.csv.
  const out = path.join(d, 'csv');
  const c = cli(['graph', '--format', 'csv', '--out', out, a, b]);
  assert.equal(c.code, 0, c.stderr);
  const nodes = parse(readFileSync(path.join(out, 'nodes.csv'), 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
  const rows = parse(readFileSync(path.join(out, 'edges.csv'), 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
  assert.deepEqual(nodes.map((x) => x.Id), g.nodes.map((x: { id: string }) => x.id));
  assert.deepEqual(rows.map((x) => [x.Source, x.Target, x.Weight]), g.edges.map((e: { source: string; target: string; weight: number }) => [e.source, e.target, String(e.weight)]));
  assert.equal(cli(['graph', '--format', 'csv', '--out', out, a, b]).code, 0, 'identical files need no --force');
  writeFileSync(path.join(out, 'edges.csv'), 'old\n');
  const refused = cli(['graph', '--format', 'csv', '--out', out, a, b]);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /use --force/);
  assert.equal(readFileSync(path.join(out, 'edges.csv'), 'utf8'), 'old\n');
});

test('graph over --stdin uses the records\' dates and ids, and the same graph comes from --jobs 1 and 2', () => {
  const articles = repoArticles();
  const input = articles.map((a, i) => JSON.stringify({ id: `art-${i}`, text: a.text, date: `2023-03-${String((i % 28) + 1).padStart(2, '0')}` })).join('\n') + '\n';
  const one = cli(['graph', '--format', 'json', '--stdin', '--jobs', '1', '--quiet'], input);
  const two = cli(['graph', '--format', 'json', '--stdin', '--jobs', '2', '--quiet'], input);
  assert.equal(one.code, 0, one.stderr);
  assert.equal(one.stdout, two.stdout);
  const g = JSON.parse(one.stdout);
  assert.ok(g.edges.length > 3);
  for (const e of g.edges) for (const v of e.evidence) assert.equal(v.date, `2023-03-${String((Number(v.article.slice(4)) % 28) + 1).padStart(2, '0')}`);
});

test('a slow reader gets the output through backpressure, in order and complete', async () => {
  const d = fresh();
  const files = corpus(d);
  const child = spawn(process.execPath, [BIN, 'annotate', '--format', 'jsonl', '--quiet', '--jobs', '2', d], { stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks: Buffer[] = [];
  child.stdout.pause();
  // Read a little at a time, so the pipe stays full and the CLI has to wait for it to drain.
  const reading = (async () => {
    for await (const c of child.stdout) {
      chunks.push(c as Buffer);
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  const code = await new Promise<number | null>((r) => child.on('close', r));
  await reading;
  assert.equal(code, 0);
  assert.deepEqual(jsonl(Buffer.concat(chunks).toString('utf8')).map((a) => a.source.path), files);
});

for (const [name, args, pattern] of [
  ['--stdin with files', ['annotate', '--stdin', 'x.txt'], /--stdin reads the articles from standard input/],
  ['a bad --jobs', ['annotate', '--jobs', '0', 'x.txt'], /--jobs must be a whole number above 0/],
  ['a bad --max-file-size', ['annotate', '--max-file-size', 'big', 'x.txt'], /--max-file-size must be a size in bytes/],
  ['a bad --timeout', ['annotate', '--timeout', '-1', 'x.txt'], /--timeout must be a number \(0 or more\)/],
  ['a small --worker-memory', ['annotate', '--worker-memory', '64', 'x.txt'], /--worker-memory must be at least 256/],
  ['a bad graph format', ['graph', '--format', 'gexf', 'x.txt'], /--format must be graphml, csv or json/],
] as const) {
  test(`bad batch arguments (${name}) print usage and exit 2`, () => {
    const r = cli([...args]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, pattern);
    assert.equal(r.stdout, '');
  });
}
