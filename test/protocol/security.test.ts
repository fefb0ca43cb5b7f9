// Safety of the real built server: article text never becomes active content (no `command:` link, other
// link, image or HTML from an article reaches a hover as such), an untrusted workspace's gazetteer files
// are not read (restricted mode) and the user is told once, and a whole session makes no network request
// (a preload makes every network API throw and records the attempt, in the server and its worker threads).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  DocumentSymbolRequest,
  HoverRequest,
  InlayHintRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  SemanticTokensRequest,
  ShowMessageNotification,
  WorkspaceSymbolRequest,
  type MarkupContent,
  type ShowMessageParams,
} from 'vscode-languageserver-protocol/node';
import { AnnotationsRequest, ConversationsRequest, ExportRequest, GraphRequest, QuotesRequest, WorkspaceTrustNotification } from '../../common/protocol';
import { makeWorkspace, positionOf, SEED, startServer, textOf, type LspClient } from './harness';

const hoverText = (h: { contents: unknown } | null) => (h ? ((h.contents as MarkupContent).value ?? String(h.contents)) : '');

async function withServer<T>(files: Record<string, string>, options: Omit<Parameters<typeof startServer>[0], 'workspace'>, fn: (client: LspClient, workspace: string) => Promise<T>): Promise<T> {
  const workspace = makeWorkspace(files);
  const { client } = await startServer({ workspace, ...options });
  try {
    return await fn(client, workspace);
  } finally {
    await client.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

describe('article text is only ever read', () => {
  it('no command: link, link, image or HTML written in an article reaches a hover as such', async () => {
    const text =
      'Russian President Vladimir Putin said: "[Open a terminal](command:workbench.action.terminal.new) ' +
      '<a href="command:workbench.action.reloadWindow">reload</a> ![x](command:x) command:workbench.action.quit ' +
      '[ref]: command:workbench.action.openSettings <https://evil.example> `code`"\n\n' +
      'The [Kremlin](command:workbench.action.quit) statement said: "<img src=x onerror=alert(1)> **[click](command:a)**"\n';
    await withServer({}, { initializationOptions: { indexWorkspace: false } }, async (client) => {
      const d = client.open('links.txt', text);
      await client.waitForDiagnostics(d.uri, (p) => p.version === 1);
      const positions = ['Open a terminal', 'reload', 'workbench.action.quit', 'Vladimir Putin', 'Kremlin', 'onerror', 'click'];
      let hovers = 0;
      for (const needle of positions) {
        const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: d.uri }, position: positionOf(d, needle, 2) });
        const md = hoverText(h);
        if (!md) continue;
        hovers++;
        // Every colon, bracket, parenthesis and angle bracket from the article is backslash-escaped.
        assert.ok(!/command:/i.test(md), `a command: link in the hover over "${needle}": ${md}`);
        assert.ok(!/(?<!\\)\](?:\(|\[|:)|(?<!\\)<(?:a|img|https?)\b/i.test(md), `an active link or tag in the hover over "${needle}": ${md}`);
      }
      assert.ok(hovers >= 3, `only ${hovers} hovers`);
      // Inlay hints (speaker names) are plain labels with plain tooltips: no markdown, no command.
      const hints = await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri: d.uri }, range: { start: { line: 0, character: 0 }, end: d.doc.positionAt(text.length) } });
      for (const h of hints ?? []) {
        assert.equal(typeof h.label, 'string', 'plain text');
        assert.ok(h.tooltip === undefined || typeof h.tooltip === 'string', 'a plain-text tooltip, never markdown');
      }
    });
  });
});

describe('restricted mode (an untrusted workspace)', () => {
  const RECORD = JSON.stringify([{ id: 'kristen-michal', name: 'Kristen Michal', offices: [{ title: 'Prime Minister', country: 'EST', role: 'head_of_government', start: '2024-07-23' }] }]);
  const ARTICLE = 'Estonian Prime Minister Kristen Michal met French President Emmanuel Macron in Paris on Tuesday. "We are united," Michal said.\n';

  it('ignores the workspace’s gazetteer files and says so once; trusting the workspace reads them', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-user-'));
    fs.writeFileSync(path.join(outside, 'mine.json'), '[]');
    try {
      await withServer(
        { 'kb.json': RECORD, 'nested/more.json': RECORD },
        { settings: { gazetteerFiles: ['kb.json', 'nested/more.json', path.join(outside, 'mine.json')] }, initializationOptions: { workspaceTrusted: false, indexWorkspace: false } },
        async (client, workspace) => {
          const messages: ShowMessageParams[] = [];
          client.connection.onNotification(ShowMessageNotification.type, (m) => void messages.push(m));
          const kbId = async (uri: string) => (await client.connection.sendRequest(AnnotationsRequest, { textDocument: { uri } }))?.entities.find((e) => /Michal/.test(e.name))?.kbId;
          const a = client.open('a.txt', ARTICLE);
          const b = client.open('b.txt', ARTICLE);
          await client.waitForDiagnostics(a.uri, (p) => p.version === 1);
          await client.waitForDiagnostics(b.uri, (p) => p.version === 1);
          assert.equal(await kbId(a.uri), undefined, 'the workspace gazetteer must not be read');
          // The workspace's gazetteer files are not even looked at: no diagnostics on them.
          const inWorkspace = pathToFileURL(workspace).toString();
          assert.ok(![...client.diagnostics.keys()].some((u) => u.endsWith('.json') && u.startsWith(inWorkspace)), JSON.stringify([...client.diagnostics.keys()]));
          assert.ok(client.diagnostics.has(pathToFileURL(path.join(outside, 'mine.json')).toString()), 'the file outside the workspace is read');
          assert.equal(messages.length, 1, `told once: ${JSON.stringify(messages)}`);
          assert.match(messages[0].message, /restricted mode.*not trusted.*kb\.json, nested\/more\.json/);
          assert.ok(!messages[0].message.includes('mine.json'), 'a file outside the workspace (user settings) is still read');

          await client.connection.sendNotification(WorkspaceTrustNotification, { trusted: true });
          for (let i = 0; i < 100 && (await kbId(a.uri)) !== 'kristen-michal'; i++) await new Promise((r) => setTimeout(r, 50));
          assert.equal(await kbId(a.uri), 'kristen-michal', 'trusted: the gazetteer is read');
          assert.equal(messages.length, 1);
        },
      );
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('a trusted workspace (the default for other clients) reads them', async () => {
    await withServer({ 'kb.json': RECORD }, { settings: { gazetteerFiles: ['kb.json'] }, initializationOptions: { indexWorkspace: false } }, async (client) => {
      const a = client.open('a.txt', ARTICLE);
      await client.waitForDiagnostics(a.uri, (p) => p.version === 1);
      const annotations = await client.connection.sendRequest(AnnotationsRequest, { textDocument: { uri: a.uri } });
      assert.equal(annotations?.entities.find((e) => /Michal/.test(e.name))?.kbId, 'kristen-michal');
    });
  });
});

/** A preload for the server process (and, through execArgv, its worker threads): every network API throws and is logged. */
const PRELOAD = `
'use strict';
const fs = require('fs');
const { threadId } = require('worker_threads');
const log = process.env.NEWS_LENS_NETWORK_LOG;
fs.appendFileSync(log, 'loaded ' + threadId + '\\n');
function deny(what) {
  return function denied() {
    fs.appendFileSync(log, 'CALL ' + what + ' in thread ' + threadId + ': ' + new Error().stack.split('\\n').slice(2, 7).join(' | ') + '\\n');
    throw new Error('News Lens test: network access is forbidden (' + what + ')');
  };
}
const net = require('net');
for (const k of ['connect', 'createConnection']) net[k] = deny('net.' + k);
net.Socket.prototype.connect = deny('net.Socket.prototype.connect');
for (const m of ['http', 'https']) { const mod = require(m); mod.request = deny(m + '.request'); mod.get = deny(m + '.get'); }
require('http2').connect = deny('http2.connect');
require('tls').connect = deny('tls.connect');
require('dgram').createSocket = deny('dgram.createSocket');
const dns = require('dns');
for (const k of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'lookupService']) dns[k] = deny('dns.' + k);
for (const k of ['lookup', 'resolve', 'resolve4', 'resolve6']) dns.promises[k] = deny('dns.promises.' + k);
globalThis.fetch = deny('fetch');
globalThis.WebSocket = deny('WebSocket');
globalThis.EventSource = deny('EventSource');
`;

describe('no network', () => {
  it('a whole session (analysis, every feature, workspace index, graph, export, gazetteer) makes no network request', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-net-'));
    const preload = path.join(dir, 'no-network.js');
    const log = path.join(dir, 'network.log');
    fs.writeFileSync(preload, PRELOAD);
    fs.writeFileSync(log, '');
    try {
      await withServer(
        { 'seed.txt': SEED, 'other/macron.txt': 'French President Emmanuel Macron spoke with German Chancellor Olaf Scholz. "We agree," Macron said.\n', 'kb.json': '[]' },
        { nodeArgs: ['--require', preload], env: { ...process.env, NEWS_LENS_NETWORK_LOG: log }, settings: { gazetteerFiles: ['kb.json'] } },
        async (client) => {
          const d = client.open('seed.txt', SEED);
          const p = await client.waitForDiagnostics(d.uri, (x) => x.version === 1);
          const at = positionOf(d, 'Vladimir Putin', 10);
          const doc = { textDocument: { uri: d.uri } };
          assert.match(hoverText(await client.connection.sendRequest(HoverRequest.type, { ...doc, position: at })), /Putin/);
          await client.connection.sendRequest(ReferencesRequest.type, { ...doc, position: at, context: { includeDeclaration: true } });
          await client.connection.sendRequest(DocumentSymbolRequest.type, doc);
          await client.connection.sendRequest(SemanticTokensRequest.type, doc);
          await client.connection.sendRequest(PrepareRenameRequest.type, { ...doc, position: at });
          const mismatch = p.diagnostics.find((x) => x.code === 'title-mismatch')!;
          await client.connection.sendRequest(CodeActionRequest.type, { ...doc, range: mismatch.range, context: { diagnostics: [mismatch] } });
          await client.connection.sendRequest(ConversationsRequest, doc);
          await client.connection.sendRequest(QuotesRequest, doc);
          await client.connection.sendRequest(AnnotationsRequest, doc);
          for (const format of ['json', 'csv', 'brat', 'w3c', 'markdown', 'graphml']) await client.connection.sendRequest(ExportRequest, { ...doc, format });
          let symbols: unknown[] = [];
          for (let i = 0; i < 100 && !symbols.length; i++) {
            symbols = ((await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'macron' })) ?? []) as unknown[];
            if (!symbols.length) await new Promise((r) => setTimeout(r, 100));
          }
          assert.ok(symbols.length, 'the workspace index ran');
          const graph = await client.connection.sendRequest(GraphRequest, { scope: 'workspace' });
          assert.ok(graph && graph.nodes.length > 0);
          assert.equal(textOf(d, p.diagnostics[0].range).length > 0, true);
        },
      );
      const lines = fs.readFileSync(log, 'utf8').trim().split('\n');
      assert.ok(lines.includes('loaded 0'), `the preload ran in the server: ${lines}`);
      assert.ok(lines.some((l) => /^loaded [1-9]/.test(l)), `the preload ran in the analysis workers: ${lines}`);
      assert.deepEqual(lines.filter((l) => l.startsWith('CALL')), [], 'network calls');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
