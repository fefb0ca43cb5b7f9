// GraphML export parsed by a strict XML parser (sax, strict mode: any well-formedness error throws): the
// expected nodes and edges with their data, and names full of XML syntax survive unchanged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import sax from 'sax';
import { exportArticle, type ExportInput } from '../../../server/src/export';
import { xmlEscape } from '../../../server/src/export/graphml';
import { crafted, seedInput } from './fixtures';

interface Graph {
  keys: Map<string, { for: string; name: string; type: string }>;
  graph: Record<string, string>;
  nodes: Map<string, Record<string, string>>;
  edges: { id: string; source: string; target: string; data: Record<string, string> }[];
  directed: boolean;
}

/** Parses GraphML strictly; data values are mapped from key ids to attribute names. */
function parseGraphml(xml: string): Graph {
  const parser = sax.parser(true, { xmlns: true });
  const g: Graph = { keys: new Map(), graph: {}, nodes: new Map(), edges: [], directed: false };
  const stack: string[] = [];
  let owner: Record<string, string> | undefined;
  let dataKey: string | undefined;
  let text = '';
  parser.onerror = (e: Error) => {
    throw e;
  };
  parser.onopentag = (t: { local: string; uri: string; attributes: Record<string, { value: string }> }) => {
    assert.equal(t.uri, 'http://graphml.graphdrawing.org/xmlns', `<${t.local}> is in the GraphML namespace`);
    const at = (n: string) => t.attributes[n]?.value;
    stack.push(t.local);
    if (t.local === 'key') g.keys.set(at('id')!, { for: at('for')!, name: at('attr.name')!, type: at('attr.type')! });
    else if (t.local === 'graph') {
      g.directed = at('edgedefault') === 'directed';
      owner = g.graph;
    } else if (t.local === 'node') {
      assert.ok(!g.nodes.has(at('id')!), `node ids are unique: ${at('id')}`);
      g.nodes.set(at('id')!, (owner = {}));
    } else if (t.local === 'edge') {
      const e = { id: at('id')!, source: at('source')!, target: at('target')!, data: {} as Record<string, string> };
      g.edges.push(e);
      owner = e.data;
    } else if (t.local === 'data') {
      dataKey = at('key');
      text = '';
    }
  };
  parser.ontext = (t: string) => {
    if (dataKey) text += t;
  };
  parser.onclosetag = (name: string) => {
    stack.pop();
    if (name === 'data' && dataKey && owner) {
      const key = g.keys.get(dataKey);
      assert.ok(key, `data key ${dataKey} is declared`);
      owner[key.name] = text;
      dataKey = undefined;
    }
  };
  parser.write(xml).close();
  for (const e of g.edges) assert.ok(g.nodes.has(e.source) && g.nodes.has(e.target), `edge ${e.id} joins declared nodes`);
  return g;
}

function graphOf(input: ExportInput): Graph {
  const [file] = exportArticle('graphml', input);
  assert.ok(file.name.endsWith('.graphml'));
  assert.ok(file.content.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<graphml '));
  return parseGraphml(file.content);
}

test('graphml: the seed article is a well-formed graph of its people and organisations with five calls', () => {
  const input = seedInput();
  const g = graphOf(input);
  assert.ok(g.directed);
  assert.equal(g.graph.sha256, input.annotations.source.sha256);
  assert.equal(g.graph.source, 'putin-netanyahu-call.txt');
  const expectedNodes = input.annotations.entities.filter((e) => e.type !== 'country').map((e) => e.id).sort();
  assert.deepEqual([...g.nodes.keys()].sort(), expectedNodes);
  const putin = g.nodes.get('person:vladimir-putin')!;
  assert.deepEqual(
    { label: putin.label, type: putin.type, country: putin.country, title: putin.title, leader: putin.leader, kb: putin.kb_id, count: putin.mention_count },
    { label: 'Vladimir Putin', type: 'person', country: 'RUS', title: 'President', leader: 'true', kb: 'vladimir-putin', count: '8' },
  );
  assert.match(putin.mentions, /^Vladimir Putin \[18, 32\); Putin \[156, 161\);/);
  assert.equal(g.nodes.get('org:benjamin-netanyahu-office')!.speaks_for, 'person:benjamin-netanyahu');
  const edges = g.edges.map((e) => `${e.source} -> ${e.target} ${e.data.kind}`).sort();
  assert.deepEqual(edges, ['benjamin-netanyahu', 'abdel-fattah-el-sisi', 'ebrahim-raisi', 'bashar-al-assad', 'mahmoud-abbas'].map((p) => `person:vladimir-putin -> person:${p} call`).sort());
  const first = g.edges.find((e) => e.target === 'person:benjamin-netanyahu')!;
  assert.equal(first.data.evidence, input.text.slice(Number(first.data.evidence_start), Number(first.data.evidence_end)));
  // Every data value is declared with a type, and the typed ones parse.
  for (const [, k] of g.keys) assert.ok(['string', 'int', 'boolean'].includes(k.type));
  for (const n of g.nodes.values()) assert.match(n.mention_count, /^\d+$/);
});

test('graphml: names and evidence with & < > quotation marks, CR and control characters are escaped and read back unchanged', () => {
  const text = 'Tom "T" O\'Neil & <Sons> met Jane\u0001 Doe.\r\nThey spoke.';
  const input = crafted(text, {
    entities: [
      { id: 'person:tom', type: 'person', name: 'Tom "T" O\'Neil & <Sons>', mentions: ['Tom "T" O\'Neil & <Sons>'], title: 'CEO & <Chair>', country: 'IRL', leader: false },
      { id: 'person:jane', type: 'person', name: 'Jane\u0001 Doe', mentions: ['Jane\u0001 Doe'] },
      { id: 'org:<weird> & id', type: 'organization', name: ']]> <!-- -->', mentions: ['They'] },
    ],
    interactions: [{ kind: 'meeting', participants: ['person:tom', 'person:jane'], evidence: text }],
  });
  const g = graphOf(input);
  const tom = g.nodes.get('person:tom')!;
  assert.equal(tom.label, 'Tom "T" O\'Neil & <Sons>');
  assert.equal(tom.title, 'CEO & <Chair>');
  assert.equal(g.nodes.get('person:jane')!.label, 'Jane\ufffd Doe', 'a C0 control character XML cannot carry becomes U+FFFD');
  const weird = [...g.nodes.entries()].find(([, n]) => n.entity_id === 'org:<weird> & id')!;
  assert.match(weird[0], /^n\d+$/, 'an id that is not an NMTOKEN is replaced');
  assert.equal(weird[1].label, ']]> <!-- -->');
  assert.equal(g.edges[0].data.evidence, text.replace('\u0001', '\ufffd'), 'CR survives XML line-end normalisation');
});

test('graphml: xmlEscape leaves paired surrogates and replaces lone ones', () => {
  assert.equal(xmlEscape('a\u{1F600}b'), 'a\u{1F600}b');
  assert.equal(xmlEscape('a\ud800b\udc00c'), 'a\ufffdb\ufffdc');
  assert.equal(xmlEscape('<&>"\''), '&lt;&amp;&gt;&quot;&apos;');
});
