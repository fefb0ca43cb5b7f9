// Reliability of the real built server (dist/server.js over stdio): a burst of 100 edits in one second, a
// server killed mid-analysis and started again, documents far above newsLens.maxFileSize (50 MB, a 5 MB
// single line), and bad input (NUL bytes, a BOM, CRLF and lone CR, right-to-left text, emoji before
// entities). The server keeps answering, publishes only what is current, and every range it returns is
// valid in the text it describes.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import {
  DocumentSymbolRequest,
  ErrorCodes,
  HoverRequest,
  InlayHintRefreshRequest,
  ResponseError,
  SemanticTokensRefreshRequest,
  SemanticTokensRequest,
  type Diagnostic,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisStateNotification, AnnotationsRequest, QuotesRequest, type AnalysisStateParams } from '../../common/protocol';
import { CAPABILITIES, makeWorkspace, offsetOf, SEED, startServer, textOf, type Doc, type LspClient } from './harness';

/** A deterministic pseudo-random sequence (the same edits on every run). */
function random(seed: number): (n: number) => number {
  let s = seed;
  return (n) => ((s = (s * 1103515245 + 12345) % 2147483648) % n);
}

/** Diagnostics without what depends on the document's uri or version, for comparing two documents. */
function comparable(list: Diagnostic[]): unknown[] {
  return list.map((d) => ({
    range: d.range,
    code: d.code,
    severity: d.severity,
    message: d.message,
    related: d.relatedInformation?.map((r) => ({ range: r.location.range, message: r.message })),
  }));
}

/** Every diagnostic's range is inside the text, and its data (offsets, version) agrees with it. */
function assertRangesValid(doc: TextDocument, p: PublishDiagnosticsParams): void {
  for (const d of p.diagnostics) {
    const start = doc.offsetAt(d.range.start);
    const end = doc.offsetAt(d.range.end);
    assert.deepEqual(doc.positionAt(start), d.range.start, `range start ${JSON.stringify(d.range.start)} is not in version ${p.version}`);
    assert.deepEqual(doc.positionAt(end), d.range.end, `range end ${JSON.stringify(d.range.end)} is not in version ${p.version}`);
    const data = d.data as { start: number; end: number; version: number } | undefined;
    if (data) {
      assert.equal(data.version, p.version, 'diagnostic data names another version');
      assert.deepEqual([data.start, data.end], [start, end], `${d.code}: data offsets differ from the range`);
    }
  }
}

const rss = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;

/** An article of about `bytes` bytes: copies of the seed whose paragraphs are numbered, so none repeats. */
function article(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const copy = SEED.trim().replace(/\n\n/g, `\n\n(${i}) `) + '\n\n';
    parts.push(copy);
    size += copy.length;
  }
  return parts.join('');
}

describe('a burst of 100 edits in one second', () => {
  let client: LspClient;
  let workspace: string;

  before(async () => {
    workspace = makeWorkspace({});
    // No debounce: analyses start during the burst, so results for superseded versions do come back.
    ({ client } = await startServer({ workspace, initializationOptions: { debounceMs: 0, indexWorkspace: false } }));
    const warm = client.open('warm.txt', SEED);
    await client.waitForDiagnostics(warm.uri, (p) => p.version === 1);
  });
  after(async () => {
    await client?.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('an edit during the first analysis: that analysis is never published', async () => {
    const uri = pathToFileURL(path.join(workspace, 'first.txt')).toString();
    const analysing = new Promise<void>((resolve) => client.connection.onNotification(AnalysisStateNotification, (p) => void (p.uri === uri && p.state === 'analyzing' && resolve())));
    let doc = client.open('first.txt', article(500_000));
    await analysing;
    doc = client.edit(doc, 0, 0, 'Update: ');
    const p = await client.waitForDiagnostics(doc.uri, (x) => x.version === 2);
    assert.deepEqual(client.diagnostics.get(doc.uri)!.map((x) => x.version), [2], 'only version 2 is published');
    assertRangesValid(doc.doc, p);
  });

  it('publishes only current versions; the final diagnostics equal a fresh analysis of the final text; requests answer in the newest text', async (t) => {
    let doc = client.open('burst.txt', article(60_000));
    await client.waitForDiagnostics(doc.uri, (p) => p.version === 1);
    const states: AnalysisStateParams[] = [];
    client.connection.onNotification(AnalysisStateNotification, (p) => void (p.uri === doc.uri && states.push(p)));
    const firstPublished = client.diagnostics.get(doc.uri)!.length;
    const texts = new Map<number, TextDocument>([[1, doc.doc]]);
    /** Versions the server answered requests for, in arrival order: it had received that version then. */
    const answered: { version: number; arrival: number }[] = [];
    const rand = random(42);
    const inserts = ['Meanwhile, ', 'Israeli President ', 'Israeli Prime Minister ', '"We are ready," Putin said. ', '\u{1F1F7}\u{1F1FA} ', '\u201cNo,\u201d ', 'the Kremlin ', '\n\n', '"'];
    const answers: Promise<void>[] = [];
    const startedAt = performance.now();
    for (let i = 0; i < 100; i++) {
      // Edits near the start and near the end of the document.
      const from = i % 3 ? 0 : doc.text.length - 3000;
      const words = [...doc.text.slice(from, from + 3000).matchAll(/\S+/g)];
      const w = words[rand(words.length)];
      const at = from + w.index!;
      const op = rand(3);
      doc = op === 0 ? client.edit(doc, at, at, inserts[rand(inserts.length)]) : op === 1 ? client.edit(doc, at, at + w[0].length, '') : client.edit(doc, at, at + w[0].length, w[0].toUpperCase());
      texts.set(doc.version, doc.doc);
      // A request right after each edit is answered in that edit's text (the older analysis shifted).
      const sent = doc;
      answers.push(
        client.connection.sendRequest(QuotesRequest, { textDocument: { uri: doc.uri } }).then((r) => {
          assert.ok(r, 'newsLens/quotes answered null');
          answered.push({ version: r.version, arrival: client.tick() });
          assert.equal(r.version, sent.version, 'a request after an edit is answered for that version');
          for (const q of r.quotes) assert.equal(textOf(sent, q.range), q.text, `quote range off in version ${sent.version}`);
        }),
      );
      // One edit every 10 ms.
      await new Promise((r) => setTimeout(r, Math.max(0, startedAt + (i + 1) * 10 - performance.now())));
    }
    const burstMs = performance.now() - startedAt;
    await Promise.all(answers);
    const final = await client.waitForDiagnostics(doc.uri, (p) => p.version === doc.version);
    await new Promise((r) => setTimeout(r, 500)); // anything late would show up now
    const published = client.diagnostics.get(doc.uri)!.slice(firstPublished);
    t.diagnostic(`100 edits in ${Math.round(burstMs)} ms; ${published.length} publications (versions ${published.map((p) => p.version).join(', ')})`);
    assert.ok(burstMs < 2000, `the burst took ${burstMs} ms`);
    for (let i = 1; i < published.length; i++) assert.ok(published[i].version! > published[i - 1].version!, `versions published out of order: ${published.map((p) => p.version)}`);
    // Never stale: a version is published only while it is the newest the server has. The server's
    // messages arrive in the order it sent them, so no publication of a version may come after an answer
    // the server gave for a newer one.
    for (const p of published) {
      const newer = answered.find((a) => a.version > p.version! && a.arrival < client.arrival.get(p)!);
      assert.ok(!newer, `version ${p.version} was published after the server had answered a request for version ${newer?.version}`);
    }
    assert.equal(published.at(-1)!.version, doc.version, 'the last publication is the final version');
    for (const p of published) assertRangesValid(texts.get(p.version!)!, p);
    const ready = states.filter((s) => s.state === 'ready').map((s) => s.version);
    assert.deepEqual(ready, [...new Set(ready)].sort((a, b) => a - b), 'analysis states in version order');

    // From scratch: the same text opened as a new document gives the same diagnostics and annotations.
    const fresh = client.open('fresh.txt', doc.text);
    const scratch = await client.waitForDiagnostics(fresh.uri, (p) => p.version === 1);
    assert.deepEqual(comparable(final.diagnostics), comparable(scratch.diagnostics));
    const [a, b] = await Promise.all([doc, fresh].map((d) => client.connection.sendRequest(AnnotationsRequest, { textDocument: { uri: d.uri } })));
    assert.ok(a && b);
    assert.deepEqual({ ...a, source: { ...a.source, path: '' } }, { ...b, source: { ...b.source, path: '' } }, 'the annotations after 100 edits equal those of the final text analysed from scratch');
  });
});

describe('a server killed mid-analysis', () => {
  it('dies with its analysis threads; a new server on the same workspace answers again', async (t) => {
    const workspace = makeWorkspace({ 'seed.txt': SEED });
    try {
      const first = await startServer({ workspace });
      const seed = first.client.open('seed.txt', SEED);
      await first.client.waitForDiagnostics(seed.uri, (p) => p.version === 1);
      // An analysis in flight: a 1 MB document just opened.
      first.client.open('big.txt', `${SEED}\n\n`.repeat(Math.ceil(1e6 / SEED.length)));
      await new Promise((r) => setTimeout(r, 50));
      const exited = new Promise<NodeJS.Signals | null>((r) => first.client.proc.once('exit', (_code, signal) => r(signal)));
      const killedAt = performance.now();
      first.client.proc.kill('SIGKILL');
      assert.equal(await exited, 'SIGKILL');
      first.client.connection.dispose();
      assert.ok(!fs.existsSync(`/proc/${first.client.proc.pid}`) || /State:\s+Z/.test(fs.readFileSync(`/proc/${first.client.proc.pid}/status`, 'utf8')), 'the killed server is gone');

      // What the editor's language client does: start the server again and re-open the documents.
      const second = await startServer({ workspace });
      try {
        const again = second.client.open('seed.txt', SEED);
        const p = await second.client.waitForDiagnostics(again.uri, (x) => x.version === 1);
        assert.ok(p.diagnostics.some((d) => d.code === 'title-mismatch'));
        const h = await second.client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: again.uri }, position: again.doc.positionAt(offsetOf(SEED, 'Vladimir Putin', 10)) });
        assert.match(JSON.stringify(h?.contents), /Vladimir Putin/);
        t.diagnostic(`from the kill to diagnostics and hovers from a new server: ${Math.round(performance.now() - killedAt)} ms`);
      } finally {
        await second.client.stop();
      }
    } finally {
      fs.rmSync(workspace, { recursive: true, force: true });
    }
  });

  it('a server whose client disappears (stdin closed, no shutdown) exits by itself', async () => {
    const workspace = makeWorkspace({});
    try {
      const { client } = await startServer({ workspace, initializationOptions: { indexWorkspace: false } });
      const d = client.open('a.txt', SEED);
      await client.waitForDiagnostics(d.uri, (p) => p.version === 1);
      const exited = new Promise<boolean>((r) => {
        client.proc.once('exit', () => r(true));
        setTimeout(() => r(false), 10000);
      });
      client.proc.stdin!.end();
      const gone = await exited;
      if (!gone) client.proc.kill('SIGKILL');
      client.connection.dispose();
      assert.ok(gone, 'the orphaned server is still running after 10 s');
    } finally {
      fs.rmSync(workspace, { recursive: true, force: true });
    }
  });
});

describe('memory', () => {
  it('ten open 1 MB documents keep the server under 500 MB resident; closing them gives the memory back', { skip: !fs.existsSync('/proc/self/status') && 'reads /proc' }, async (t) => {
    const workspace = makeWorkspace({});
    const { client } = await startServer({ workspace, initializationOptions: { indexWorkspace: false } });
    const pid = client.proc.pid!;
    try {
      const warm = client.open('warm.txt', SEED);
      await client.waitForDiagnostics(warm.uri, (p) => p.version === 1);
      const base = rss(pid);
      const docs = Array.from({ length: 10 }, (_, i) => client.open(`doc-${i}.txt`, article(1_000_000).replace(/\((\d+)\) /g, `(${i}.$1) `)));
      await Promise.all(docs.map((d) => client.waitForDiagnostics(d.uri, (p) => p.version === 1, 120000)));
      for (const d of docs) await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: d.uri }, position: { line: 2, character: 3 } });
      await new Promise((r) => setTimeout(r, 1500));
      const open = rss(pid);
      t.diagnostic(`resident: ${Math.round(base / 1e6)} MB with the seed, ${Math.round(open / 1e6)} MB with ten 1 MB documents open`);
      assert.ok(open < 500e6, `${Math.round(open / 1e6)} MB resident with ten 1 MB documents open`);
      for (const d of docs) client.closeDocument(d.uri);
      const closedAt = performance.now();
      let closed = rss(pid);
      while (closed > open - (open - base) / 2 && performance.now() - closedAt < 20000) {
        await new Promise((r) => setTimeout(r, 500));
        closed = rss(pid);
      }
      t.diagnostic(`resident ${Math.round(closed / 1e6)} MB ${Math.round((performance.now() - closedAt) / 1000)} s after closing them`);
      assert.ok(closed <= open - (open - base) / 2, `closing gave back only ${Math.round((open - closed) / 1e6)} of ${Math.round((open - base) / 1e6)} MB`);
    } finally {
      await client.stop();
      fs.rmSync(workspace, { recursive: true, force: true });
    }
  });
});

describe('a client that fails the server’s own requests', () => {
  it('does not bring the server down (refresh requests answered with errors)', async () => {
    const workspace = makeWorkspace({});
    try {
      const capabilities = { ...CAPABILITIES, workspace: { ...CAPABILITIES.workspace, semanticTokens: { refreshSupport: true }, inlayHint: { refreshSupport: true } } };
      const { client } = await startServer({ workspace, capabilities, initializationOptions: { indexWorkspace: false } });
      try {
        // This client announces refresh support, then answers every refresh request with an error.
        const fail = () => {
          throw new ResponseError(ErrorCodes.InternalError, 'no refresh here');
        };
        client.connection.onRequest(SemanticTokensRefreshRequest.type, fail);
        client.connection.onRequest(InlayHintRefreshRequest.type, fail);
        let d = client.open('a.txt', SEED);
        await client.waitForDiagnostics(d.uri, (p) => p.version === 1, 20000);
        d = client.edit(d, 0, 0, 'Update: ');
        await client.waitForDiagnostics(d.uri, (p) => p.version === 2, 20000);
        await new Promise((r) => setTimeout(r, 200));
        assert.equal(client.proc.exitCode, null, `the server exited: ${client.stderr.slice(-500)}`);
        const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: d.uri }, position: d.doc.positionAt(offsetOf(d.text, 'Vladimir Putin', 10)) });
        assert.match(JSON.stringify(h?.contents), /Vladimir Putin/);
      } finally {
        await client.stop();
      }
    } finally {
      fs.rmSync(workspace, { recursive: true, force: true });
    }
  });
});

describe('documents above newsLens.maxFileSize', () => {
  let client: LspClient;
  let workspace: string;
  const states: AnalysisStateParams[] = [];
  const stateListeners: Array<() => void> = [];
  /** The first state notification satisfying `ok` (past ones included). */
  const waitForState = (ok: (p: AnalysisStateParams) => boolean) =>
    new Promise<AnalysisStateParams>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no such state: ${JSON.stringify(states.slice(-5))}`)), 60000);
      const check = () => {
        const hit = states.find(ok);
        if (hit) {
          clearTimeout(timer);
          resolve(hit);
        } else stateListeners.push(check);
      };
      check();
    });

  before(async () => {
    workspace = makeWorkspace({});
    ({ client } = await startServer({ workspace, initializationOptions: { indexWorkspace: false } }));
    client.connection.onNotification(AnalysisStateNotification, (p) => {
      states.push(p);
      for (const l of stateListeners.splice(0)) l();
    });
    // Load the engine first, so the budget below is about the analysis.
    const warm = client.open('warm.txt', SEED);
    await client.waitForDiagnostics(warm.uri, (p) => p.version === 1);
  });
  after(async () => {
    await client?.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  /** One truncation diagnostic, at the start of the skipped part, saying what was skipped and why. */
  function truncation(d: Doc, p: PublishDiagnosticsParams, analyzedBytesAtMost: number): Diagnostic {
    const found = p.diagnostics.filter((x) => x.code === 'analysis-truncated');
    assert.equal(found.length, 1, `one analysis-truncated diagnostic: ${JSON.stringify(p.diagnostics.map((x) => x.code))}`);
    const [t] = found;
    assert.equal(t.severity, 3, 'information');
    assert.equal(t.codeDescription?.href, 'https://github.com/news-lens/news-lens#diagnostic-analysis-truncated');
    const message = typeof t.message === 'string' ? t.message : t.message.value;
    assert.match(message, /analysed only the first [\d.]+ MB of this [\d.]+ MB file and skipped the rest/);
    assert.match(message, /newsLens\.maxFileSize \(2,000,000 bytes\)/);
    const cut = d.doc.offsetAt(t.range.start);
    assert.ok(cut > 0 && Buffer.byteLength(d.text.slice(0, cut)) <= analyzedBytesAtMost, `cut at ${cut}`);
    // Every other diagnostic lies in the analysed part.
    for (const x of p.diagnostics) if (x !== t) assert.ok(d.doc.offsetAt(x.range.end) <= cut, `${x.code} beyond the cut`);
    return t;
  }

  it('a 50 MB article: its first 2 MB are analysed within seconds, and one diagnostic and the status say what was skipped', async (t) => {
    const text = article(50e6);
    const openedAt = performance.now();
    const d = client.open('fifty.txt', text);
    const p = await client.waitForDiagnostics(d.uri, (x) => x.version === 1, 120000);
    const ms = performance.now() - openedAt;
    t.diagnostic(`50 MB: diagnostics after ${Math.round(ms)} ms (including sending 50 MB over stdio)`);
    assert.ok(ms < 60000, `no hang: ${ms} ms`);
    const tr = truncation(d, p, 2_000_000);
    assert.equal(d.doc.offsetAt(tr.range.start) === 0 ? '' : d.text[d.doc.offsetAt(tr.range.start) - 1], '\n', 'cut at a line break');
    assert.match(String(tr.message), /of this 50\.0 MB file/);
    assert.ok(p.diagnostics.some((x) => x.code === 'title-mismatch'), 'the analysed part has its diagnostics');
    const ready = await waitForState((s) => s.uri === d.uri && s.state === 'ready');
    assert.ok(ready.truncated, 'the status notification says the analysis was truncated');
    assert.equal(ready.truncated.totalBytes, Buffer.byteLength(text));
    assert.ok(ready.truncated.analyzedBytes <= 2_000_000 && ready.truncated.analyzedBytes > 1_000_000);
    t.diagnostic(`50 MB: the engine analysed ${ready.truncated.analyzedBytes} bytes in ${Math.round(ready.durationMs ?? 0)} ms; server RSS ${Math.round(rss(client.proc.pid!) / 1e6)} MB`);
    // Hovers in the analysed part work; past the cut there is nothing; whole-document requests refuse.
    const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: d.uri }, position: d.doc.positionAt(offsetOf(text, 'Vladimir Putin', 10)) });
    assert.match(JSON.stringify(h?.contents), /Vladimir Putin/);
    const late = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: d.uri }, position: d.doc.positionAt(offsetOf(text, 'Vladimir Putin', 10, text.length - SEED.length - 10)) });
    assert.equal(late, null);
    assert.equal(await client.connection.sendRequest(AnnotationsRequest, { textDocument: { uri: d.uri } }), null);
    const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: d.uri } });
    assert.ok(symbols && symbols.length > 0);
    client.closeDocument(d.uri);
  });

  it('a 5 MB single line is cut at a space; an edit after the cut is analysed again and said again', async (t) => {
    const line = SEED.replace(/\s*\n\s*/g, ' ');
    const text = line.repeat(Math.ceil(5e6 / line.length));
    let d = client.open('line.txt', text);
    const openedAt = performance.now();
    const p = await client.waitForDiagnostics(d.uri, (x) => x.version === 1, 120000);
    t.diagnostic(`5 MB single line: diagnostics after ${Math.round(performance.now() - openedAt)} ms`);
    const tr = truncation(d, p, 2_000_000);
    assert.equal(tr.range.start.line, 0);
    assert.equal(d.text[d.doc.offsetAt(tr.range.start) - 1], ' ', 'cut after a space');
    assert.ok(tr.range.end.character - tr.range.start.character <= 200, 'the diagnostic underlines a short stretch');
    d = client.edit(d, text.length, text.length, ' The end.');
    const p2 = await client.waitForDiagnostics(d.uri, (x) => x.version === 2, 60000);
    truncation(d, p2, 2_000_000);
    client.closeDocument(d.uri);
  });
});

describe('bad input in the editor', () => {
  let client: LspClient;
  let workspace: string;

  before(async () => {
    workspace = makeWorkspace({});
    ({ client } = await startServer({ workspace, initializationOptions: { indexWorkspace: false } }));
  });
  after(async () => {
    await client?.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  const SENTENCE = 'Russian President Vladimir Putin spoke to Israeli President Benjamin Netanyahu. "We will not give up," Putin said.';
  const CASES: [string, string][] = [
    ['NUL bytes', `\u0000\u0000${SENTENCE}\u0000 "a\u0000b," he said.`],
    ['a byte-order mark', `\ufeff${SENTENCE}`],
    ['CRLF line ends', `MOSCOW\r\n\r\n${SENTENCE}\r\n\r\n"Yes," the Kremlin said.\r\n`],
    ['lone CR line ends', `MOSCOW\r\r${SENTENCE}\r\r"Yes," the Kremlin said.\r`],
    ['right-to-left text', `\u0642\u0627\u0644 \u0627\u0644\u0631\u0626\u064a\u0633 \u202e${SENTENCE}\u202c \u05e0\u05ea\u05e0\u05d9\u05d4\u05d5`],
    ['emoji and other surrogate pairs before the entities', `\u{1F1F7}\u{1F1FA}\u{1F468}\u200D\u{1F469}\u200D\u{1F467} \u{1D4D0}\u{20BB7} ${SENTENCE} \u{1F600}`],
    ['a lone surrogate', `\ud800 ${SENTENCE} \udfff`],
    ['binary-looking control characters', `\u0001\u0002\u001b[31m${SENTENCE}\u007f\ufffd`],
  ];

  for (const [name, text] of CASES) {
    it(`${name}: valid ranges in UTF-16, hovers on the right words`, async () => {
      const d = client.open(`${name.replace(/\W+/g, '-')}.txt`, text);
      const p = await client.waitForDiagnostics(d.uri, (x) => x.version === 1);
      assertRangesValid(d.doc, p);
      assert.ok(p.diagnostics.some((x) => x.code === 'title-mismatch' && textOf(d, x.range) === 'Israeli President Benjamin Netanyahu'), JSON.stringify(p.diagnostics.map((x) => [x.code, textOf(d, x.range)])));
      const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: d.uri }, position: d.doc.positionAt(offsetOf(text, 'Vladimir Putin', 10)) });
      assert.ok(h?.range, 'hover on Putin');
      assert.equal(textOf(d, h.range), 'Vladimir Putin');
      const q = await client.connection.sendRequest(QuotesRequest, { textDocument: { uri: d.uri } });
      assert.ok(q && q.quotes.length > 0);
      for (const x of q.quotes) assert.equal(textOf(d, x.range), x.text);
      const tokens = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: d.uri } });
      assert.ok(tokens && tokens.data.length > 0 && tokens.data.length % 5 === 0);
      client.closeDocument(d.uri);
    });
  }
});
