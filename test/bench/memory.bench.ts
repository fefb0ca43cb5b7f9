// Memory and size-budget benchmark through the protocol (not a timed test): the real built server over stdio.
//   npm run bench:memory
// 1. Opens ten distinct ~1 MB documents (every paragraph unique, so no cache can share them), waits for
//    each one's diagnostics, and reports the server process's resident memory (VmRSS from
//    /proc/<pid>/status; the analysis worker threads live in the same process) and its peak (VmHWM); then
//    closes them all and reports the resident memory again as it settles. Target: under 500 MB with the
//    ten documents open, and closing them gives the memory back (the document, its analyses and the
//    worker's per-document analyser are dropped on close).
// 2. Opens a 50 MB article: the server analyses its first newsLens.maxFileSize bytes (2 MB) and says what
//    it skipped; reports the time from didOpen to its diagnostics and the engine's time.
// Env: BENCH_DOCS (default 10), BENCH_MB (default 1), BENCH_SETTLE_S (default 20), BENCH_LARGE_MB (default 50).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HoverRequest } from 'vscode-languageserver-protocol/node';
import { AnalysisStateNotification, type AnalysisStateParams } from '../../common/protocol';
import { makeWorkspace, SEED, SHARED, startServer, type Doc } from '../protocol/harness';

const DOCS = Number(process.env.BENCH_DOCS ?? 10);
const MB = Number(process.env.BENCH_MB ?? 1);
const SETTLE_S = Number(process.env.BENCH_SETTLE_S ?? 20);
const LARGE_MB = Number(process.env.BENCH_LARGE_MB ?? 50);

function status(pid: number): { rss: number; hwm: number } {
  const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(s)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;

/** News text (seed + GUM dev), every paragraph numbered with the document and copy, about `bytes` long. */
function article(doc: number, bytes: number): string {
  const texts = [SEED];
  const gum = path.join(SHARED, 'data/gum-news-dev.jsonl');
  if (fs.existsSync(gum)) for (const line of fs.readFileSync(gum, 'utf8').split('\n')) if (line.trim()) texts.push(JSON.parse(line).text);
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const body = texts[i % texts.length]
      .trim()
      .split('\n')
      .map((p) => (p.trim() ? `(${doc}.${i}) ${p}` : p))
      .join('\n');
    const t = `Section ${i + 1}.\n\n${body}\n\n`;
    parts.push(t);
    size += Buffer.byteLength(t);
  }
  return parts.join('');
}

async function main(): Promise<void> {
  if (!fs.existsSync('/proc/self/status')) throw new Error('this benchmark reads /proc/<pid>/status (Linux)');
  const workspace = makeWorkspace({});
  const { client } = await startServer({ workspace, initializationOptions: { indexWorkspace: false } });
  const pid = client.proc.pid!;
  const rows: [string, string][] = [];
  try {
    const warm = client.open('warm.txt', SEED);
    await client.waitForDiagnostics(warm.uri, (p) => p.version === 1);
    const base = status(pid);
    rows.push(['server with the seed article open (engine loaded)', mb(base.rss)]);

    const texts = Array.from({ length: DOCS }, (_, i) => article(i, MB * 1e6));
    const t0 = performance.now();
    const docs: Doc[] = texts.map((text, i) => client.open(`doc-${i}.txt`, text));
    await Promise.all(docs.map((d) => client.waitForDiagnostics(d.uri, (p) => p.version === 1, 600000)));
    rows.push([`${DOCS} documents of ${(Buffer.byteLength(texts[0]) / 1e6).toFixed(2)} MB: all analysed after`, `${((performance.now() - t0) / 1000).toFixed(1)} s`]);
    // Every feature's caches filled: one request per document.
    for (const d of docs) await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: d.uri }, position: { line: 2, character: 3 } });
    const openedAt = performance.now();
    let open = status(pid);
    let most = 0;
    for (const s of [1, 5, 10, SETTLE_S]) {
      await new Promise((r) => setTimeout(r, Math.max(0, openedAt + s * 1000 - performance.now())));
      open = status(pid);
      most = Math.max(most, open.rss);
      rows.push([`resident with the ${DOCS} documents open, ${s} s after the last request`, mb(open.rss)]);
    }
    rows.push(['peak resident so far (VmHWM)', mb(open.hwm)]);

    for (const d of docs) client.closeDocument(d.uri);
    const closedAt = performance.now();
    let settled = status(pid);
    for (const s of [1, 5, 10, SETTLE_S]) {
      if (s > SETTLE_S) break;
      await new Promise((r) => setTimeout(r, Math.max(0, closedAt + s * 1000 - performance.now())));
      settled = status(pid);
      rows.push([`resident ${s} s after closing them`, mb(settled.rss)]);
    }
    rows.push(['given back on close', `${mb(most - settled.rss)} of the ${mb(most - base.rss)} the documents took`]);

    // ---- 2. a file far above the budget ----
    const large = article(99, LARGE_MB * 1e6);
    const ready = new Promise<AnalysisStateParams>((resolve) =>
      client.connection.onNotification(AnalysisStateNotification, (p) => void (p.uri.endsWith('/large.txt') && p.state === 'ready' && resolve(p))),
    );
    const sentAt = performance.now();
    const doc = client.open('large.txt', large);
    const published = await client.waitForDiagnostics(doc.uri, (p) => p.version === 1, 600000);
    const diagnosticsMs = performance.now() - sentAt;
    const state = await ready;
    const skipped = published.diagnostics.find((d) => d.code === 'analysis-truncated');
    rows.push([`a ${(Buffer.byteLength(large) / 1e6).toFixed(1)} MB file: diagnostics after (didOpen sent → published)`, `${(diagnosticsMs / 1000).toFixed(1)} s`]);
    rows.push(['… of which the engine, on the analysed beginning', `${(state.truncated!.analyzedBytes / 1e6).toFixed(2)} MB in ${((state.durationMs ?? 0) / 1000).toFixed(2)} s`]);
    rows.push(['… the skipped part said where it starts', skipped ? `line ${skipped.range.start.line + 1}` : 'NO DIAGNOSTIC']);
    rows.push(['resident with it open', mb(status(pid).rss)]);
    client.closeDocument(doc.uri);
    const width = Math.max(...rows.map(([k]) => k.length));
    console.log(`\nNews Lens server memory (pid ${pid}, Node ${process.version}):`);
    for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
    console.log(`  target: under 500 MB with ${DOCS} documents open (peak included): ${open.hwm < 500e6 ? 'met' : 'NOT met'}`);
  } finally {
    await client.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
