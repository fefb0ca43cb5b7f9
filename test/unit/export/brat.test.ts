// brat standoff export, read back the way brat reads it: the .ann parsed line by line, offsets counted in
// code points of the .txt copy; the spans, their texts and the links must be those of the annotations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportArticle, type ExportInput } from '../../../server/src/export';
import { BRAT_CONF, fragmentsOf } from '../../../server/src/export/brat';
import { crafted, EMOJI_CRLF, inputOf, PARIS, seedInput, utf16Of } from './fixtures';

interface TextBound {
  id: string;
  type: string;
  /** Fragments in code points of the .txt. */
  frags: [number, number][];
  text: string;
}

interface Parsed {
  t: Map<string, TextBound>;
  r: { id: string; type: string; arg1: string; arg2: string }[];
  a: { id: string; type: string; target: string; value?: string }[];
  n: { id: string; target: string; db: string; ref: string; text: string }[];
  notes: { id: string; target: string; text: string }[];
}

/** A strict reader of the standoff lines we write (brat's syntax: tab-separated, ids by prefix). */
function parseAnn(ann: string): Parsed {
  const p: Parsed = { t: new Map(), r: [], a: [], n: [], notes: [] };
  assert.ok(ann.endsWith('\n'), 'the .ann ends with a newline');
  for (const line of ann.slice(0, -1).split('\n')) {
    assert.ok(!/[\r\u2028\u2029\u0085\v\f]/.test(line), `no stray line break inside a line: ${JSON.stringify(line)}`);
    const [id, data, ...tail] = line.split('\t');
    const text = tail.join('\t');
    if (id.startsWith('T')) {
      const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(data);
      assert.ok(m, `text-bound syntax: ${line}`);
      const frags = m[2].split(';').map((f) => f.split(' ').map(Number) as [number, number]);
      assert.ok(!p.t.has(id), `duplicate id ${id}`);
      p.t.set(id, { id, type: m[1], frags, text });
    } else if (id.startsWith('R')) {
      const m = /^(\S+) Arg1:(T\d+) Arg2:(T\d+)$/.exec(data);
      assert.ok(m, `relation syntax: ${line}`);
      p.r.push({ id, type: m[1], arg1: m[2], arg2: m[3] });
    } else if (id.startsWith('A')) {
      const [type, target, value, ...more] = data.split(' ');
      assert.equal(more.length, 0, line);
      p.a.push({ id, type, target, value });
    } else if (id.startsWith('N')) {
      const m = /^Reference (T\d+) (\S+?):(\S+)$/.exec(data);
      assert.ok(m, `normalisation syntax: ${line}`);
      p.n.push({ id, target: m[1], db: m[2], ref: m[3], text });
    } else if (id.startsWith('#')) {
      const m = /^AnnotatorNotes (T\d+)$/.exec(data);
      assert.ok(m, `note syntax: ${line}`);
      p.notes.push({ id, target: m[1], text });
    } else assert.fail(`unknown line ${line}`);
  }
  for (const r of p.r) assert.ok(p.t.has(r.arg1) && p.t.has(r.arg2), `relation ${r.id} points at existing annotations`);
  for (const x of [...p.a, ...p.n, ...p.notes]) assert.ok(p.t.has(x.target), `${x.id} points at an existing annotation`);
  return p;
}

/** The original text's UTF-16 offset of an offset into the LF-only text (undoing CRLF → LF). */
function originalOffset(original: string, lfOffset: number): number {
  let lf = 0;
  let i = 0;
  while (lf < lfOffset) {
    i += original.startsWith('\r\n', i) ? 2 : 1;
    lf++;
  }
  return i;
}

const ENTITY_TYPES: Record<string, string> = { person: 'Person', organization: 'Organization', country: 'Country' };
const RELATION_TYPES: Record<string, string> = { call: 'Call', meeting: 'Meeting', talks: 'Talks', message: 'Message' };

/** Checks every claim of the round trip for one input; returns the parsed .ann for further checks. */
function roundTrip(input: ExportInput): Parsed {
  const files = exportArticle('brat', input);
  assert.deepEqual(files.map((f) => f.name), [`${input.path.replace(/\.[^.]+$/, '')}.ann`, `${input.path.replace(/\.[^.]+$/, '')}.txt`, 'annotation.conf']);
  const [ann, txt, conf] = files.map((f) => f.content);
  assert.equal(txt, input.text.replace(/\r\n?/g, '\n'), 'the .txt copy is the article with LF line ends (what brat reads)');
  assert.equal(conf, BRAT_CONF);
  const p = parseAnn(ann);
  const a = input.annotations;

  // Each text-bound annotation, back in UTF-16 offsets of the original text.
  const back = new Map<string, { type: string; start: number; end: number; frags: [number, number][] }>();
  for (const t of p.t.values()) {
    const frags = t.frags.map(([s, e]) => [originalOffset(input.text, utf16Of(txt, s)), originalOffset(input.text, utf16Of(txt, e))] as [number, number]);
    // brat's own check: the text field is the fragments' texts joined by single spaces.
    assert.equal(t.text, t.frags.map(([s, e]) => [...txt].slice(s, e).join('')).join(' '), `${t.id}: text field`);
    for (const [s, e] of frags) {
      assert.ok(s < e, `${t.id}: empty fragment`);
      assert.ok(!/[\r\n]/.test(input.text.slice(s, e)), `${t.id}: a fragment holds a line break`);
    }
    for (let k = 1; k < frags.length; k++) {
      const gap = input.text.slice(frags[k - 1][1], frags[k][0]);
      assert.match(gap, /^\s*[\r\n]\s*$|^\s*$/, `${t.id}: fragments are separated by line breaks only`);
      assert.match(gap, /[\r\n]/, `${t.id}: fragments split only at line breaks`);
    }
    back.set(t.id, { type: t.type, start: frags[0][0], end: frags[frags.length - 1][1], frags });
  }
  const idsOf = (tid: string) => p.n.filter((n) => n.target === tid && n.db === 'NewsLens').map((n) => n.ref);

  // Every mention is one T of its entity's type, with the same span and the entity's id.
  const mentionKeys = a.entities.flatMap((e) => e.mentions.map((m) => `${ENTITY_TYPES[e.type]} ${m.start} ${m.end} ${e.id}`)).sort();
  const quoteKeys = a.quotes.map((q) => `Quote ${q.start} ${q.end} ${q.kind}`).sort();
  const gotMentions = [...back].filter(([, b]) => b.type !== 'Quote').map(([id, b]) => `${b.type} ${b.start} ${b.end} ${idsOf(id).join(',')}`).sort();
  const gotQuotes = [...back].filter(([, b]) => b.type === 'Quote').map(([id, b]) => `Quote ${b.start} ${b.end} ${p.a.find((x) => x.target === id && x.type === 'Kind')?.value}`).sort();
  assert.deepEqual(gotMentions, mentionKeys, 'mentions: same spans, types and entities');
  assert.deepEqual(gotQuotes, quoteKeys, 'quotes: same spans and kinds');

  // Links: quote → speaker, and every interaction pair.
  const tOf = (type: string, start: number, end: number) => [...back].find(([, b]) => b.type === type && b.start === start && b.end === end)?.[0];
  const speakerLinks = p.r.filter((r) => r.type === 'Speaker').map((r) => `${back.get(r.arg1)!.start} ${idsOf(r.arg2).join(',')}`).sort();
  assert.deepEqual(speakerLinks, a.quotes.filter((q) => q.speaker).map((q) => `${q.start} ${q.speaker}`).sort(), 'every attributed quote links to a mention of its speaker');
  for (const r of p.r.filter((x) => x.type === 'Speaker')) assert.ok(tOf('Quote', back.get(r.arg1)!.start, back.get(r.arg1)!.end), 'Speaker starts at a quote');
  const pairs = new Set(a.interactions.flatMap((i) => i.participants.slice(1).map((to) => `${RELATION_TYPES[i.kind] ?? 'Interaction'} ${i.participants[0]} ${to}`)));
  const links = new Set(p.r.filter((r) => r.type !== 'Speaker').map((r) => `${r.type} ${idsOf(r.arg1)[0]} ${idsOf(r.arg2)[0]}`));
  assert.deepEqual([...links].sort(), [...pairs].sort(), 'every interaction pair is a relation between mentions of its participants');

  // Normalisations and attributes agree with the entities.
  for (const [id] of back) {
    const entityId = idsOf(id)[0];
    const e = a.entities.find((x) => x.id === entityId);
    if (!e) continue;
    if (e.type === 'country') assert.ok(p.n.some((n) => n.target === id && n.db === 'ISO3166-1' && n.ref === e.iso3), `${id}: ISO code`);
    if (e.kbId) assert.ok(p.n.some((n) => n.target === id && n.db === 'NewsLensKB' && n.ref === e.kbId), `${id}: knowledge-base id`);
    assert.equal(p.a.some((x) => x.target === id && x.type === 'Leader'), !!(e.type === 'person' && e.leader), `${id}: Leader`);
  }
  // annotation.conf declares every type, relation and attribute value used.
  for (const t of p.t.values()) assert.match(conf, new RegExp(`^${t.type}$`, 'm'));
  for (const r of p.r) assert.match(conf, new RegExp(`^${r.type}\\t`, 'm'));
  for (const x of p.a) {
    const decl = new RegExp(`^${x.type}\\t.*`, 'm').exec(conf)?.[0];
    assert.ok(decl, `attribute ${x.type} declared`);
    if (x.value) assert.match(decl, new RegExp(`Value:.*\\b${x.value}\\b`), `value ${x.value} of ${x.type} declared`);
  }
  assert.ok(p.notes.some((n) => n.target === 'T1' && n.text.includes(a.source.sha256)), 'T1 carries the source SHA-256');
  return p;
}

test('brat: the seed article round-trips (every mention, quote, speaker link and call)', () => {
  const p = roundTrip(seedInput());
  assert.equal(p.r.filter((r) => r.type === 'Call').length, 5);
  // Two quotations and four paraphrases, each with its speaker ("…, reported The Moscow Times" among them).
  assert.equal(p.r.filter((r) => r.type === 'Speaker').length, 6);
  const kremlin = [...p.t.values()].find((t) => t.type === 'Quote' && t.text.startsWith('"A unanimous opinion'));
  assert.ok(kremlin);
  const speaker = p.r.find((r) => r.type === 'Speaker' && r.arg1 === kremlin.id)!;
  assert.equal(p.t.get(speaker.arg2)!.text, 'the Kremlin');
});

test('brat: a quote over two paragraphs becomes a discontinuous annotation, one fragment per line', () => {
  const input = inputOf(PARIS, 'paris.txt');
  const p = roundTrip(input);
  const q = [...p.t.values()].find((t) => t.type === 'Quote')!;
  assert.equal(q.frags.length, 2, JSON.stringify(q));
  assert.ok(q.text.startsWith('"We said \u201cno\u201d, and we meant it') && q.text.includes('Chi\u0219in\u0103u. "Europe will not be divided'), q.text);
});

test('brat: emoji (surrogate pairs) before entities and CRLF line ends shift brat offsets, and they still land on the same text', () => {
  const input = inputOf(EMOJI_CRLF, 'emoji.txt');
  const p = roundTrip(input);
  const zelensky = [...p.t.values()].find((t) => t.text === 'Volodymyr Zelensky')!;
  // Three emoji before it: 🙂 (2 UTF-16 units) and the flag 🇺🇦 (two regional indicators, 2 units each).
  assert.equal(input.text.indexOf('Volodymyr Zelensky'), 27);
  assert.deepEqual(zelensky.frags, [[24, 42]]);
  const duda = [...p.t.values()].find((t) => t.text === 'Andrzej Duda')!;
  assert.deepEqual(duda.frags, [[input.text.indexOf('Andrzej Duda') - 4, input.text.indexOf('Andrzej Duda') - 4 + 12]]);
  // The quote spans a paragraph break: with CRLF removed it is two fragments, after the 💪 and the first CRLFs.
  const q = [...p.t.values()].find((t) => t.type === 'Quote')!;
  assert.equal(q.frags.length, 2);
});

test('brat: fragments split at every line break brat readers know and skip blank lines', () => {
  const text = 'a\nb\r\nc\u2028d\u0085e\n \nf';
  assert.deepEqual(fragmentsOf(text, 0, text.length).map(([s, e]) => text.slice(s, e)), ['a', 'b', 'c', 'd', 'e', 'f']);
});

test('brat: names with tabs, markup and quotation marks stay on one line; their notes too', () => {
  const text = 'The A&B <Group> chief "Tom\tO\'Neil" met Jane.\n';
  const input = crafted(text, {
    entities: [
      { id: 'person:tom', type: 'person', name: 'Tom\t"O\'Neil" <&>', mentions: ['"Tom\tO\'Neil"'], leader: true, title: 'Chief\nExecutive' },
      { id: 'person:jane', type: 'person', name: 'Jane', mentions: ['Jane'] },
      { id: 'org:ab', type: 'organization', name: 'A&B <Group>', mentions: ['A&B <Group>'] },
    ],
    interactions: [{ kind: 'meeting', participants: ['person:tom', 'person:jane'], evidence: text.trim() }],
  });
  const p = roundTrip(input);
  assert.equal(p.r.filter((r) => r.type === 'Meeting').length, 1);
  assert.ok(p.notes.some((n) => n.text.includes('Chief Executive')), JSON.stringify(p.notes));
});
