// The conversation-graph webview's messages (client/src/graph/messages.ts) and what the extension does
// with them (client/src/graph/handler.ts), driven with fakes instead of vscode: malformed messages are
// rejected and do nothing; reveal, scope and export messages reach the right dependency.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { handleWebviewMessage, type GraphHandlerDeps } from '../../client/src/graph/handler';
import { isPngDataUri, isSafeSvg, parseFromWebview, parseToWebview, MAX_EXPORT_CHARS } from '../../client/src/graph/messages';
import type { GraphResult } from '../../common/protocol';

const A = 'file:///news/a.txt';
const B = 'file:///news/b.txt';
const r = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });

const GRAPH: GraphResult = {
  scope: 'workspace',
  articles: [{ uri: A }, { uri: B }],
  nodes: [
    { id: 'kb:putin', name: 'Vladimir Putin', type: 'person', mentions: [{ uri: A, range: r(0, 18, 32) }, { uri: B, range: r(2, 0, 5) }], quotes: [] },
    { id: 'kb:netanyahu', name: 'Benjamin Netanyahu', type: 'person', mentions: [{ uri: A, range: r(0, 60, 78) }], quotes: [{ uri: A, range: r(5, 1, 40), text: '"Israeli PM…"', kind: 'direct', via: "Netanyahu's Office" }] },
  ],
  edges: [
    {
      id: 'kb:netanyahu|kb:putin', source: 'kb:netanyahu', target: 'kb:putin', kinds: ['call', 'meeting'], count: 2, articles: [A, B],
      evidence: [{ uri: A, range: r(0, 0, 90), text: 'spoke to', kind: 'call' }, { uri: B, range: r(2, 0, 40), text: 'met', kind: 'meeting' }],
    },
  ],
};

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><clipPath id="c0"><circle cx="5" cy="5" r="5"/></clipPath><image href="data:image/svg+xml;base64,PHN2Zy8+" clip-path="url(#c0)"/><text>Putin &#38; Netanyahu</text></svg>';

interface Calls {
  reveals: [string, unknown][];
  scopes: string[];
  ready: number;
  rendered: unknown[];
  exported: [string, Uint8Array, number | undefined][];
  failed: [string, number | undefined][];
  logs: string[];
}

function fakeDeps(current: string | undefined = A, model: GraphResult | null = GRAPH): { deps: GraphHandlerDeps; calls: Calls } {
  const calls: Calls = { reveals: [], scopes: [], ready: 0, rendered: [], exported: [], failed: [], logs: [] };
  const deps: GraphHandlerDeps = {
    model: () => model ?? undefined,
    current: () => current,
    reveal: async (uri, range) => void calls.reveals.push([uri, range]),
    setScope: (s) => void calls.scopes.push(s),
    ready: () => void calls.ready++,
    rendered: (info) => void calls.rendered.push(info),
    exported: async (format, bytes, requestId) => void calls.exported.push([format, bytes, requestId]),
    exportFailed: (message, requestId) => void calls.failed.push([message, requestId]),
    decodeBase64: (b64) => Uint8Array.from(Buffer.from(b64, 'base64')),
    log: (m) => void calls.logs.push(m),
  };
  return { deps, calls };
}

const nothingHappened = (c: Calls) => c.reveals.length + c.scopes.length + c.ready + c.rendered.length + c.exported.length + c.failed.length === 0;

test('malformed messages from the webview are rejected and do nothing', async () => {
  const bad: unknown[] = [
    null, undefined, 42, 'ready', [], [{ type: 'ready' }], {}, { type: 'nope' }, { type: 42 },
    { type: 'ready', extra: 1 },
    { type: 'setScope' }, { type: 'setScope', scope: 'everything' },
    { type: 'revealNode' }, { type: 'revealNode', node: 7 }, { type: 'revealNode', node: '' }, { type: 'revealNode', node: 'x'.repeat(5000) },
    { type: 'revealNode', node: 'kb:putin', index: -1 }, { type: 'revealNode', node: 'kb:putin', index: 0.5 }, { type: 'revealNode', node: 'kb:putin', index: '0' },
    { type: 'revealNode', node: 'kb:putin', uri: 'file:///etc/passwd', range: r(0, 0, 1) },
    { type: 'revealEdge', edge: null }, { type: 'revealQuote', node: 'kb:netanyahu' },
    { type: 'exported', format: 'gif', data: PNG }, { type: 'exported', format: 'png' }, { type: 'exported', format: 'png', data: 'data:image/png;base64,AAAA' },
    { type: 'exported', format: 'png', data: 'data:image/jpeg;base64,iVBORw0KGgoAAAA' }, { type: 'exported', format: 'png', data: PNG + '!' },
    { type: 'exported', format: 'svg', data: '<html><svg></svg></html>' },
    { type: 'exported', format: 'svg', data: '<svg><script>alert(1)</script></svg>' },
    { type: 'exported', format: 'svg', data: '<svg onload="alert(1)"></svg>' },
    { type: 'exported', format: 'svg', data: '<svg><image href="https://example.com/x.png"/></svg>' },
    { type: 'exported', format: 'svg', data: '<svg><a xlink:href="javascript:alert(1)">x</a></svg>' },
    { type: 'exported', format: 'svg', data: '<svg><foreignObject><div/></foreignObject></svg>' },
    { type: 'exported', format: 'svg', data: '<!DOCTYPE svg [<!ENTITY x "y">]><svg></svg>' },
    { type: 'exported', format: 'svg', data: '<svg><rect fill="url(http://x/y)"/></svg>' },
    { type: 'exported', format: 'svg', data: SVG, requestId: 'one' },
    { type: 'exported', format: 'svg', data: '<svg>' + ' '.repeat(MAX_EXPORT_CHARS) + '</svg>' },
    { type: 'exportFailed' }, { type: 'rendered', seq: 1, nodes: 2 }, { type: 'rendered', seq: 1, nodes: -2, edges: 0 },
  ];
  for (const raw of bad) {
    assert.equal(parseFromWebview(raw), undefined, `accepted ${JSON.stringify(raw)?.slice(0, 120)}`);
    const { deps, calls } = fakeDeps();
    assert.equal(await handleWebviewMessage(raw, deps), undefined);
    assert.ok(nothingHappened(calls), `${JSON.stringify(raw)?.slice(0, 120)} did something: ${JSON.stringify(calls)}`);
    assert.equal(calls.logs.length, 1, 'a rejected message is logged');
  }
});

test('revealNode reveals the mention in the current article, or the one asked for by index', async () => {
  const { deps, calls } = fakeDeps(B);
  assert.deepEqual(await handleWebviewMessage({ type: 'revealNode', node: 'kb:putin' }, deps), { type: 'revealNode', node: 'kb:putin' });
  await handleWebviewMessage({ type: 'revealNode', node: 'kb:putin', index: 0 }, deps);
  assert.deepEqual(calls.reveals, [[B, r(2, 0, 5)], [A, r(0, 18, 32)]]);
  // Not in the current article: the first mention.
  const other = fakeDeps('file:///news/c.txt');
  await handleWebviewMessage({ type: 'revealNode', node: 'kb:netanyahu' }, other.deps);
  assert.deepEqual(other.calls.reveals, [[A, r(0, 60, 78)]]);
});

test('revealEdge reveals the evidence; revealQuote the quote; unknown ids and indexes reveal nothing', async () => {
  const { deps, calls } = fakeDeps(A);
  await handleWebviewMessage({ type: 'revealEdge', edge: 'kb:netanyahu|kb:putin' }, deps);
  await handleWebviewMessage({ type: 'revealEdge', edge: 'kb:netanyahu|kb:putin', index: 1 }, deps);
  await handleWebviewMessage({ type: 'revealQuote', node: 'kb:netanyahu', index: 0 }, deps);
  assert.deepEqual(calls.reveals, [[A, r(0, 0, 90)], [B, r(2, 0, 40)], [A, r(5, 1, 40)]]);
  for (const raw of [
    { type: 'revealEdge', edge: 'kb:putin|kb:nobody' },
    { type: 'revealEdge', edge: 'kb:netanyahu|kb:putin', index: 2 },
    { type: 'revealNode', node: 'kb:nobody' },
    { type: 'revealNode', node: 'kb:putin', index: 2 },
    { type: 'revealQuote', node: 'kb:putin', index: 0 },
  ]) {
    assert.equal(await handleWebviewMessage(raw, deps), undefined, JSON.stringify(raw));
  }
  assert.equal(calls.reveals.length, 3);
  // No graph posted yet: nothing to reveal.
  const empty = fakeDeps(A, null);
  assert.equal(await handleWebviewMessage({ type: 'revealNode', node: 'kb:putin' }, empty.deps), undefined);
  assert.equal(empty.calls.reveals.length, 0);
});

test('ready, setScope and rendered reach their handlers', async () => {
  const { deps, calls } = fakeDeps();
  await handleWebviewMessage({ type: 'ready' }, deps);
  await handleWebviewMessage({ type: 'setScope', scope: 'workspace' }, deps);
  await handleWebviewMessage({ type: 'setScope', scope: 'document' }, deps);
  await handleWebviewMessage({ type: 'rendered', seq: 3, nodes: 7, edges: 5 }, deps);
  assert.equal(calls.ready, 1);
  assert.deepEqual(calls.scopes, ['workspace', 'document']);
  assert.deepEqual(calls.rendered, [{ seq: 3, nodes: 7, edges: 5 }]);
});

test('exported pictures are decoded and dispatched with their request id; failures too', async () => {
  const { deps, calls } = fakeDeps();
  await handleWebviewMessage({ type: 'exported', format: 'png', data: PNG, requestId: 4 }, deps);
  await handleWebviewMessage({ type: 'exported', format: 'svg', data: SVG }, deps);
  await handleWebviewMessage({ type: 'exportFailed', message: 'no graph', requestId: 5 }, deps);
  assert.equal(calls.exported.length, 2);
  const [png, svg] = calls.exported;
  assert.equal(png[0], 'png');
  assert.deepEqual([...png[1].slice(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.equal(png[2], 4);
  assert.equal(svg[0], 'svg');
  assert.equal(new TextDecoder().decode(svg[1]), SVG + '\n');
  assert.equal(svg[2], undefined);
  assert.deepEqual(calls.failed, [['no graph', 5]]);
});

test('the validators: SVG and PNG data, and what the webview accepts from the extension', () => {
  assert.ok(isSafeSvg(SVG));
  assert.ok(isSafeSvg('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>'));
  assert.ok(!isSafeSvg('<svg></svg><script/>'));
  assert.ok(isPngDataUri(PNG));
  assert.ok(!isPngDataUri('data:image/png;base64,R0lGODlhAQABAAAAACw='), 'a GIF is not a PNG');
  assert.deepEqual(parseToWebview({ type: 'export', requestId: 1, format: 'svg' }), { type: 'export', requestId: 1, format: 'svg' });
  const model = { type: 'model', seq: 1, scope: 'document', title: 'a.txt', graph: GRAPH, flags: {} };
  assert.equal(parseToWebview(model), model);
  assert.equal(parseToWebview({ ...model, graph: null, message: 'Open an article' })?.type, 'model');
  assert.equal(parseToWebview({ ...model, graph: { nodes: 'x' } }), undefined);
  assert.equal(parseToWebview({ type: 'export', requestId: -1, format: 'svg' }), undefined);
  assert.equal(parseToWebview({ type: 'script' }), undefined);
});
