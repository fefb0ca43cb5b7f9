// The conversation graph model (server/src/graph/model.ts): one article's graph from the engine's
// analysis, merging several articles by entity, edge weights, the articles on each edge, determinism.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeArticle } from '../../server/src/core';
import type { Analysis, Entity } from '../../server/src/core/types';
import { articleGraph, edgesOf, mergeGraphs, nodeKey, normaliseName, type OffsetSpan } from '../../server/src/graph/model';
import type { GraphResult } from '../../common/protocol';

const SEED = readFileSync(path.resolve(__dirname, '../../../../shared/seed/putin-netanyahu-call.txt'), 'utf8');
const SEED_URI = 'file:///news/putin-netanyahu-call.txt';
const MEETING_URI = 'file:///news/moscow-meeting.txt';
const MACRON_URI = 'file:///news/other/macron-scholz.txt';
const MEETING = 'Russian President Vladimir Putin met Israeli Prime Minister Benjamin Netanyahu in Moscow on Friday. "We discussed Syria," Netanyahu said after the meeting.\n';
const MACRON = 'French President Emmanuel Macron spoke with German Chancellor Olaf Scholz on Tuesday. "We stand together," Macron told reporters after the call.\n';

function graphOf(text: string, uri: string): { g: GraphResult; doc: TextDocument } {
  const doc = TextDocument.create(uri, 'plaintext', 1, text);
  const g = articleGraph(analyzeArticle(text), uri, (s: OffsetSpan) => ({ start: doc.positionAt(s.start), end: doc.positionAt(s.end) }), 1);
  return { g, doc };
}

const PUTIN = 'kb:vladimir-putin';
const NETANYAHU = 'kb:benjamin-netanyahu';
const node = (g: GraphResult, id: string) => {
  const n = g.nodes.find((x) => x.id === id);
  assert.ok(n, `no node ${id} in ${JSON.stringify(g.nodes.map((x) => x.id))}`);
  return n;
};
const nameOf = (g: GraphResult, id: string) => node(g, id).name;

test('graph of the seed article: Putin has five edges, all calls, each with its evidence', () => {
  const { g, doc } = graphOf(SEED, SEED_URI);
  assert.equal(g.scope, 'document');
  assert.deepEqual(g.articles, [{ uri: SEED_URI, version: 1 }]);
  const putin = node(g, PUTIN);
  assert.equal(putin.name, 'Vladimir Putin');
  assert.equal(putin.country, 'RUS');
  assert.equal(putin.title, 'President');
  assert.equal(putin.leader, true);
  const contacts = edgesOf(g, PUTIN).map((e) => nameOf(g, e.source === PUTIN ? e.target : e.source)).sort();
  assert.deepEqual(contacts, ['Abdel Fattah el-Sisi', 'Bashar al-Assad', 'Benjamin Netanyahu', 'Ebrahim Raisi', 'Mahmoud Abbas']);
  for (const e of g.edges) {
    assert.deepEqual(e.kinds, ['call']);
    assert.equal(e.count, e.evidence.length);
    assert.deepEqual(e.articles, [SEED_URI]);
    assert.ok(e.source < e.target, `${e.id}: source and target are sorted`);
    assert.equal(e.id, `${e.source}|${e.target}`);
    for (const ev of e.evidence) assert.equal(doc.getText(ev.range), ev.text);
  }
  // The first mention is where clicking the node goes.
  assert.equal(putin.mentions.length, 1);
  assert.match(doc.getText(putin.mentions[0].range), /Vladimir Putin$/);
  assert.equal(putin.mentions[0].range.start.line, 0);
});

test('graph of the seed article: quoted speakers are nodes; an office\'s quotes go to the person it speaks for', () => {
  const { g, doc } = graphOf(SEED, SEED_URI);
  const kremlin = node(g, 'name:kremlin');
  assert.equal(kremlin.type, 'organization');
  assert.equal(kremlin.country, 'RUS');
  assert.ok(kremlin.quotes.some((q) => q.kind === 'direct' && q.text.includes('A unanimous opinion')), JSON.stringify(kremlin.quotes));
  assert.equal(edgesOf(g, kremlin.id).length, 0);
  const netanyahu = node(g, NETANYAHU);
  const quote = netanyahu.quotes.find((q) => q.text.includes('Israeli PM Netanyahu spoke'));
  assert.ok(quote, JSON.stringify(netanyahu.quotes));
  assert.equal(quote.via, "Netanyahu's Office");
  assert.equal(doc.getText(quote.range), quote.text);
  assert.ok(!g.nodes.some((n) => /Office/.test(n.name)), 'the office is not a node of its own when it talks to no one');
  // Countries only appear when they take part in an interaction; Fox News (quoted by no one) is not a node.
  assert.ok(!g.nodes.some((n) => n.type === 'country' || n.name === 'Fox News'), JSON.stringify(g.nodes.map((n) => n.name)));
});

test('merging articles joins people by knowledge-base id and lists the articles on each edge', () => {
  const seed = graphOf(SEED, SEED_URI).g;
  const meeting = graphOf(MEETING, MEETING_URI).g;
  const macron = graphOf(MACRON, MACRON_URI).g;
  const m = mergeGraphs([seed, meeting, macron]);
  assert.equal(m.scope, 'workspace');
  assert.deepEqual(m.articles.map((a) => a.uri), [MEETING_URI, SEED_URI, MACRON_URI].sort());
  assert.equal(m.nodes.filter((n) => n.id === PUTIN).length, 1);
  const edge = m.edges.find((e) => e.id === `${NETANYAHU}|${PUTIN}`);
  assert.ok(edge, JSON.stringify(m.edges.map((e) => e.id)));
  assert.deepEqual(edge.kinds, ['call', 'meeting']);
  assert.equal(edge.count, 2, 'repeated contact adds up (thicker edge)');
  assert.deepEqual(edge.articles, [MEETING_URI, SEED_URI]);
  assert.deepEqual(edge.evidence.map((e) => e.uri), [MEETING_URI, SEED_URI]);
  assert.equal(edgesOf(m, PUTIN).length, 5, 'the meeting adds no new contact for Putin');
  const putin = node(m, PUTIN);
  assert.deepEqual(putin.mentions.map((x) => x.uri), [MEETING_URI, SEED_URI]);
  const netanyahu = node(m, NETANYAHU);
  assert.deepEqual(netanyahu.quotes.map((q) => q.uri), [MEETING_URI, SEED_URI]);
  assert.ok(m.edges.some((e) => e.id === 'kb:emmanuel-macron|kb:olaf-scholz' && e.articles.length === 1));
  // The inputs are not changed by merging.
  assert.deepEqual(edgesOf(seed, PUTIN).map((e) => e.count), [1, 1, 1, 1, 1]);
});

// Hand-made analyses for what the engine output does not pin down: entities without a knowledge-base id,
// repeated contact in one article, self-loops.
function analysis(entities: Partial<Entity>[], interactions: [string, string, string][], text = 'x'.repeat(200)): Analysis {
  const span = (i: number) => ({ start: i * 10, end: i * 10 + 5, text: text.slice(i * 10, i * 10 + 5) });
  return {
    schema: 'news-lens/annotations@1',
    source: { length: text.length },
    entities: entities.map((e, i) => ({ type: 'person', mentions: [{ ...span(i), form: 'name' }], ...e }) as Entity),
    quotes: [],
    interactions: interactions.map(([a, b, kind], i) => ({ kind: kind as 'call', participants: [a, b], evidence: span(i + 10) })),
    diagnostics: [],
  };
}
const lineRange = (s: OffsetSpan) => ({ start: { line: 0, character: s.start }, end: { line: 0, character: s.end } });

test('entities without a knowledge-base id merge by normalised name', () => {
  assert.equal(normaliseName('  Jané  DOE '), 'jane doe');
  assert.equal(normaliseName('Abdel Fattah el-Sisi'), 'abdel fattah el sisi');
  assert.equal(normaliseName('the Kremlin'), 'kremlin');
  assert.equal(nodeKey({ type: 'person', name: 'X', kbId: 'x-y' }), 'kb:x-y');
  assert.equal(nodeKey({ type: 'country', name: 'Russia', iso3: 'RUS' }), 'country:RUS');
  assert.equal(nodeKey({ type: 'organization', name: 'The Kremlin' }), 'name:kremlin');
  const a = articleGraph(analysis([{ id: 'p:1', name: 'Jane Doe' }, { id: 'o:1', type: 'organization', name: 'the Kremlin' }], [['p:1', 'o:1', 'call']]), 'file:///a.txt', lineRange);
  const b = articleGraph(analysis([{ id: 'p:9', name: 'Jané  Doe', country: 'FRA' }, { id: 'o:7', type: 'organization', name: 'Kremlin' }], [['o:7', 'p:9', 'message']]), 'file:///b.txt', lineRange);
  const m = mergeGraphs([a, b]);
  assert.deepEqual(m.nodes.map((n) => [n.id, n.name, n.country]), [['name:jane doe', 'Jane Doe', 'FRA'], ['name:kremlin', 'the Kremlin', undefined]]);
  assert.equal(m.edges.length, 1);
  assert.deepEqual(m.edges[0], {
    id: 'name:jane doe|name:kremlin', source: 'name:jane doe', target: 'name:kremlin', kinds: ['call', 'message'], count: 2,
    articles: ['file:///a.txt', 'file:///b.txt'],
    evidence: [
      { uri: 'file:///a.txt', range: lineRange({ start: 100, end: 105 }), text: 'xxxxx', kind: 'call' },
      { uri: 'file:///b.txt', range: lineRange({ start: 100, end: 105 }), text: 'xxxxx', kind: 'message' },
    ],
  });
});

test('repeated contact in one article: one edge, counted; no self-loops; no edge to an unknown entity', () => {
  const g = articleGraph(
    analysis(
      [{ id: 'p:a', name: 'Ann A', kbId: 'ann' }, { id: 'p:b', name: 'Bob B', kbId: 'bob' }, { id: 'p:a2', name: 'Ann A', kbId: 'ann' }],
      [['p:a', 'p:b', 'call'], ['p:b', 'p:a', 'meeting'], ['p:a', 'p:b', 'call'], ['p:a', 'p:a2', 'call'], ['p:a', 'p:missing', 'call']],
    ),
    'file:///a.txt',
    lineRange,
  );
  assert.deepEqual(g.edges.map((e) => [e.id, e.kinds, e.count]), [['kb:ann|kb:bob', ['call', 'meeting'], 3]]);
  assert.deepEqual(g.nodes.map((n) => n.id), ['kb:ann', 'kb:bob']);
});

test('the graph is deterministic: the same articles in any order give the same graph', () => {
  const graphs = [graphOf(SEED, SEED_URI).g, graphOf(MEETING, MEETING_URI).g, graphOf(MACRON, MACRON_URI).g];
  const once = mergeGraphs(graphs);
  assert.deepEqual(mergeGraphs([graphs[2], graphs[0], graphs[1]]), once);
  assert.deepEqual(mergeGraphs([...graphs].reverse()), once);
  assert.deepEqual(graphOf(SEED, SEED_URI).g, graphs[0]);
  assert.deepEqual(JSON.parse(JSON.stringify(once)), once, 'plain JSON');
  const ids = once.nodes.map((n) => n.id);
  assert.deepEqual(ids, [...ids].sort(), 'nodes sorted by id');
  assert.equal(mergeGraphs([], true).indexing, true);
  assert.deepEqual(mergeGraphs([]).nodes, []);
});
