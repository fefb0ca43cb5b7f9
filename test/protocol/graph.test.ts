// newsLens/graph against the real built server: one document from its live analysis (following edits),
// and the whole workspace (open documents and indexed files on disk) merged by entity.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { AnalysisStateNotification, GraphRequest, type AnalysisStateParams, type GraphResult } from '../../common/protocol';
import { makeWorkspace, SEED, startServer, textOf, type Doc, type LspClient } from './harness';

const SEED_NAME = 'putin-netanyahu-call.txt';
const MEETING = 'Russian President Vladimir Putin met Israeli Prime Minister Benjamin Netanyahu in Moscow on Friday. "We discussed Syria," Netanyahu said after the meeting.\n';
const MACRON = 'French President Emmanuel Macron spoke with German Chancellor Olaf Scholz on Tuesday. "We stand together," Macron told reporters after the call.\n';
const PUTIN = 'kb:vladimir-putin';
const NETANYAHU = 'kb:benjamin-netanyahu';

const edgesOf = (g: GraphResult, id: string) => g.edges.filter((e) => e.source === id || e.target === id);

describe('newsLens/graph', () => {
  let client: LspClient;
  let workspace: string;
  let seed: Doc;
  const states: AnalysisStateParams[] = [];
  const listeners: (() => void)[] = [];
  /** Resolves when the server says the analysis of `d`'s version is ready (what the extension refreshes on). */
  const analysed = (d: Doc) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ready state for ${d.uri} v${d.version}: ${JSON.stringify(states)}`)), 30000);
      const check = () => {
        if (states.some((s) => s.uri === d.uri && s.version === d.version && s.state === 'ready')) {
          clearTimeout(timer);
          resolve();
        } else listeners.push(check);
      };
      check();
    });

  before(async () => {
    workspace = makeWorkspace({ [SEED_NAME]: SEED, 'moscow-meeting.txt': MEETING, 'other/macron-scholz.txt': MACRON });
    ({ client } = await startServer({ workspace }));
    client.connection.onNotification(AnalysisStateNotification, (p) => {
      states.push(p);
      for (const l of listeners.splice(0)) l();
    });
    seed = client.open(SEED_NAME, SEED);
    await client.waitForDiagnostics(seed.uri, (p) => p.version === 1);
  });

  after(async () => {
    await client?.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  const documentGraph = (d: Doc) => client.connection.sendRequest(GraphRequest, { scope: 'document', textDocument: { uri: d.uri } });

  it('document scope: the seed article, Putin with five edges and their evidence', async () => {
    const g = await documentGraph(seed);
    assert.ok(g);
    assert.equal(g.scope, 'document');
    assert.deepEqual(g.articles, [{ uri: seed.uri, version: 1 }]);
    const putin = g.nodes.find((n) => n.id === PUTIN);
    assert.ok(putin, JSON.stringify(g.nodes.map((n) => n.id)));
    assert.equal(putin.title, 'President');
    assert.equal(putin.countryName, 'Russia');
    assert.equal(putin.flag, '🇷🇺');
    assert.equal(textOf(seed, putin.mentions[0].range), 'Vladimir Putin');
    const edges = edgesOf(g, PUTIN);
    assert.equal(edges.length, 5, JSON.stringify(edges.map((e) => e.id)));
    for (const e of edges) {
      assert.deepEqual(e.articles, [seed.uri]);
      for (const ev of e.evidence) assert.equal(textOf(seed, ev.range), ev.text);
    }
    const netanyahu = g.nodes.find((n) => n.id === NETANYAHU);
    assert.ok(netanyahu?.quotes.some((q) => q.via === "Netanyahu's Office" && textOf(seed, q.range) === q.text));
  });

  it('document scope follows edits: a new conversation appears with ranges in the new text', async () => {
    const sentence = '\n\nPutin held talks with Turkish President Recep Tayyip Erdogan on Tuesday.\n';
    seed = client.edit(seed, seed.text.length, seed.text.length, sentence);
    await analysed(seed);
    const g = await documentGraph(seed);
    assert.ok(g);
    assert.equal(edgesOf(g, PUTIN).length, 6);
    const edge = g.edges.find((e) => e.id === `kb:recep-tayyip-erdogan|${PUTIN}`);
    assert.ok(edge, JSON.stringify(g.edges.map((e) => e.id)));
    assert.deepEqual(edge.kinds, ['talks']);
    assert.match(textOf(seed, edge.evidence[0].range), /^Putin held talks with Turkish President/);
  });

  it('workspace scope: every article merged by entity, with the articles on each edge', async () => {
    let g: GraphResult | null = null;
    for (let i = 0; i < 200; i++) {
      g = await client.connection.sendRequest(GraphRequest, { scope: 'workspace' });
      if (g && !g.indexing && g.articles.length === 3) break;
      await new Promise((res) => setTimeout(res, 50));
    }
    assert.ok(g, 'no workspace graph');
    const uri = (name: string) => pathToFileURL(path.join(workspace, name)).toString();
    assert.deepEqual(g.articles.map((a) => a.uri), [uri('moscow-meeting.txt'), seed.uri, uri('other/macron-scholz.txt')].sort());
    assert.equal(g.indexing, false);
    assert.equal(g.nodes.filter((n) => n.id === PUTIN).length, 1);
    const pair = g.edges.find((e) => e.id === `${NETANYAHU}|${PUTIN}`);
    assert.ok(pair);
    assert.deepEqual(pair.articles, [uri('moscow-meeting.txt'), seed.uri]);
    assert.deepEqual(pair.kinds, ['call', 'meeting']);
    assert.equal(pair.count, 2);
    // The open seed is served from its live (edited) analysis, not from the file on disk.
    assert.equal(edgesOf(g, PUTIN).length, 6);
    assert.ok(g.edges.some((e) => e.id === 'kb:emmanuel-macron|kb:olaf-scholz' && e.articles[0] === uri('other/macron-scholz.txt')));
    const netanyahu = g.nodes.find((n) => n.id === NETANYAHU);
    assert.deepEqual([...new Set(netanyahu?.quotes.map((q) => q.uri))], [uri('moscow-meeting.txt'), seed.uri]);
  });

  it('unknown documents and malformed parameters get null', async () => {
    const missing = pathToFileURL(path.join(workspace, 'not-open.txt')).toString();
    assert.equal(await client.connection.sendRequest(GraphRequest, { scope: 'document', textDocument: { uri: missing } }), null);
    assert.equal(await client.connection.sendRequest(GraphRequest, { scope: 'elsewhere' } as never), null);
  });
});
