// newsLens/export against the real built server: an open document (its current text, unsaved edits
// included) and files read from disk, in every format; the streamed-body part; errors with reasons.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ResponseError } from 'vscode-languageserver-protocol';
import { CSV_HEAD, EXPORT_FORMATS, FORMAT_INFO } from '../../server/src/export';
import { ExportCancelledError, writeStreamAtomic } from '../../common/atomicWrite';
import { ExportRequest, type ExportResult } from '../../common/protocol';
import { makeWorkspace, SEED, startServer, type Doc, type LspClient } from './harness';

const SEED_NAME = 'putin-netanyahu-call.txt';
const ON_DISK = 'French President Emmanuel Macron spoke with German Chancellor Olaf Scholz on Tuesday. "We stand together," Macron told reporters after the call.\n';

describe('newsLens/export', () => {
  let client: LspClient;
  let workspace: string;
  let seed: Doc;
  const fileUri = (name: string) => pathToFileURL(path.join(workspace, name)).toString();
  const request = (params: Parameters<typeof client.connection.sendRequest<typeof ExportRequest>>[1]) =>
    client.connection.sendRequest(ExportRequest, params) as Promise<ExportResult>;

  before(async () => {
    workspace = makeWorkspace({
      [SEED_NAME]: SEED,
      'disk/macron.txt': ON_DISK,
      'disk/big.txt': 'Putin spoke. '.repeat(200),
      'disk/binary.txt': 'a\u0000b',
      'disk/off.md': ON_DISK,
    });
    fs.writeFileSync(path.join(workspace, 'disk/latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    ({ client } = await startServer({ workspace, settings: { maxFileSize: 2400 }, initializationOptions: { indexWorkspace: false } }));
    seed = client.open(SEED_NAME, SEED);
    await client.waitForDiagnostics(seed.uri, (p) => p.version === 1);
  });

  after(async () => {
    await client?.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('exports an open document in every format, named after it', async () => {
    for (const format of EXPORT_FORMATS) {
      const r = await request({ textDocument: { uri: seed.uri }, format });
      assert.equal(r.uri, seed.uri);
      assert.equal(r.version, 1);
      assert.equal(r.files[0].name, `putin-netanyahu-call${FORMAT_INFO[format].suffix}`, format);
      if (format === 'brat') assert.deepEqual(r.files.map((f) => f.name), ['putin-netanyahu-call.ann', 'putin-netanyahu-call.txt', 'annotation.conf']);
    }
    const [json] = (await request({ textDocument: { uri: seed.uri }, format: 'json' })).files;
    const doc = JSON.parse(json.content);
    assert.equal(doc.schema, 'news-lens/annotations@1');
    assert.equal(doc.source.path, path.join(workspace, SEED_NAME));
    assert.equal(doc.source.sha256, createHash('sha256').update(SEED).digest('hex'));
    assert.equal(doc.interactions.length, 5);
  });

  it('exports what the editor holds: unsaved edits of an open document are in the export', async () => {
    const edited = client.edit(seed, 0, 0, 'EDITED. ');
    const r = await request({ uri: seed.uri, format: 'jsonl' });
    assert.equal(r.version, edited.version);
    const doc = JSON.parse(r.files[0].content);
    assert.equal(doc.source.length, SEED.length + 'EDITED. '.length);
    assert.equal(doc.source.sha256, createHash('sha256').update(edited.text).digest('hex'));
    const putin = doc.entities.find((e: { id: string }) => e.id === 'person:vladimir-putin');
    assert.equal(putin.mentions[0].start, 18 + 'EDITED. '.length);
    seed = edited;
  });

  it('reads a file that is not open from disk, with its own stem and the streamed CSV body', async () => {
    const uri = fileUri('disk/macron.txt');
    const whole = await request({ uri, format: 'csv' });
    assert.equal(whole.version, undefined);
    assert.equal(whole.files[0].name, 'macron.csv');
    assert.ok(whole.files[0].content.startsWith(CSV_HEAD));
    assert.match(whole.files[0].content, /Emmanuel Macron/);
    const body = await request({ uri, format: 'csv', part: 'body', stem: 'renamed' });
    assert.equal(body.files[0].name, 'renamed.csv');
    assert.equal(CSV_HEAD + body.files[0].content, whole.files[0].content);
    const json = JSON.parse((await request({ uri, format: 'json' })).files[0].content);
    assert.equal(json.source.sha256, createHash('sha256').update(ON_DISK).digest('hex'));
    assert.equal(json.source.path, path.join(workspace, 'disk/macron.txt'));
  });

  it('fails with a reason for an unknown format, a missing, binary, non-UTF-8 or too large file', async () => {
    const fails = async (params: Parameters<typeof request>[0], pattern: RegExp) => {
      await assert.rejects(request(params), (e: unknown) => {
        assert.ok(e instanceof ResponseError, String(e));
        assert.match(e.message, pattern);
        return true;
      });
    };
    await fails({ uri: seed.uri, format: 'xml' }, /unknown export format "xml"/);
    await fails({ format: 'json' }, /needs textDocument or uri/);
    await fails({ uri: fileUri('disk/missing.txt'), format: 'json' }, /missing\.txt: no such file/);
    await fails({ uri: fileUri('disk/binary.txt'), format: 'json' }, /binary file/);
    await fails({ uri: fileUri('disk/latin1.txt'), format: 'json' }, /not valid UTF-8/);
    await fails({ uri: fileUri('disk/big.txt'), format: 'json' }, /too large/);
    await fails({ uri: 'untitled:Untitled-9', format: 'json' }, /neither open nor a file/);
    const big = client.open('open-big.txt', 'Putin spoke. '.repeat(200));
    await fails({ textDocument: { uri: big.uri }, format: 'json' }, /open-big\.txt is not analysed \(larger than newsLens\.maxFileSize\)/);
  });

  it('a workspace of 1,000 articles streams from the server into one jsonl file; cancelled, it leaves nothing', async (t) => {
    const dir = path.join(workspace, 'thousand');
    fs.mkdirSync(dir);
    const uris = Array.from({ length: 1000 }, (_, i) => {
      const f = path.join(dir, `a${String(i).padStart(4, '0')}.txt`);
      fs.writeFileSync(f, `Article ${i}. Russian President Vladimir Putin spoke with French President Emmanuel Macron. "We talked, at length," Putin said.\n`);
      return pathToFileURL(f).toString();
    });
    // As the extension does: 4 requests in flight, results written in order, progress per article.
    async function* chunks(token: { isCancellationRequested: boolean }, progress: (n: number) => void) {
      const inFlight: Promise<ExportResult>[] = [];
      let next = 0;
      const start = () => inFlight.push(request({ uri: uris[next++], format: 'jsonl', part: 'body' }));
      while (next < 4) start();
      for (let i = 0; i < uris.length; i++) {
        const r = await inFlight.shift()!;
        if (next < uris.length) start();
        progress(i + 1);
        if (token.isCancellationRequested) await Promise.allSettled(inFlight);
        yield r.files[0].content;
      }
    }
    const target = path.join(dir, '..', 'thousand.jsonl');
    const token = { isCancellationRequested: false };
    let done = 0;
    const started = performance.now();
    const result = await writeStreamAtomic(target, chunks(token, (n) => (done = n)), { token });
    const seconds = (performance.now() - started) / 1000;
    // Peak resident memory of the server process (with its workers), where /proc tells it.
    const serverPeak = (() => {
      try {
        return `, server peak rss ${Math.round(Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${client.proc.pid}/status`, 'utf8'))![1]) / 1000)} MB`;
      } catch {
        return '';
      }
    })();
    t.diagnostic(`1,000 articles through newsLens/export into one jsonl file: ${seconds.toFixed(2)} s, ${(result.bytes / 1e6).toFixed(2)} MB; client process rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB${serverPeak}`);
    assert.equal(done, 1000);
    const lines = fs.readFileSync(target, 'utf8').trimEnd().split('\n');
    assert.equal(lines.length, 1000);
    assert.deepEqual(lines.map((l) => pathToFileURL(JSON.parse(l).source.path).toString()), uris);

    const cancel = { isCancellationRequested: false };
    const target2 = path.join(workspace, 'cancelled.jsonl');
    await assert.rejects(writeStreamAtomic(target2, chunks(cancel, (n) => n === 300 && (cancel.isCancellationRequested = true)), { token: cancel }), ExportCancelledError);
    assert.ok(!fs.readdirSync(workspace).some((f) => f.includes('cancelled.jsonl')), 'no file, no temporary file');
  });

  it('serves many exports of files on disk concurrently, each its own article', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `many/a${i}.txt`);
    for (const [i, name] of names.entries()) {
      fs.mkdirSync(path.join(workspace, 'many'), { recursive: true });
      fs.writeFileSync(path.join(workspace, name), `Article ${i}. Russian President Vladimir Putin spoke with Indian Prime Minister Narendra Modi.\n`);
    }
    const results = await Promise.all(names.map((n) => request({ uri: fileUri(n), format: 'jsonl' })));
    results.forEach((r, i) => {
      const doc = JSON.parse(r.files[0].content);
      assert.equal(doc.source.path, path.join(workspace, names[i]));
      assert.equal(doc.interactions.length, 1);
    });
  });
});
