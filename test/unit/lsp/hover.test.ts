// Hovers (server/src/lsp/features/hover.ts) on a person, a country, a quote and a speaker, with the offices
// of the knowledge base and of the user's gazetteer. Expected lines are written from the records below and
// from server/data/leaders.json.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LeaderRecord } from '../../../server/src/core/types';
import { hover } from '../../../server/src/lsp/features/hover';
import { offsetOf, textOf, viewOf } from './view';

const CALL = 'Russian President Vladimir Putin spoke with Egyptian President Abdel Fattah el-Sisi on Monday, the Kremlin said.\n\n' + '"We agreed on the need for a ceasefire," Putin told reporters in Moscow.';

function hoverText(view: ReturnType<typeof viewOf>, needle: string, plus = 1, nth = 0): string {
  const h = hover(view, offsetOf(view, needle, plus, nth));
  assert.ok(h, `a hover on "${needle}"`);
  const contents = h.contents as { kind: string; value: string };
  assert.equal(contents.kind, 'markdown');
  return contents.value;
}

test('a leader: name, kind and country, every office of the knowledge base newest first, mentions, quotes, contacts', () => {
  const view = viewOf(CALL);
  const h = hover(view, offsetOf(view, 'Putin', 1))!;
  assert.equal(textOf(view, h.range!), 'Vladimir Putin', 'the hover covers the mention under the cursor');
  const lines = (h.contents as { value: string }).value.split('\n');
  assert.equal(lines[0], '**Vladimir Putin** — political leader, Russia');
  assert.deepEqual(lines.filter((l) => l.startsWith('- ')), [
    '- President of Russia (2012\\-05\\-07 – present) — _knowledge base_',
    '- Prime Minister of Russia (2008\\-05\\-08 – 2012\\-05\\-07) — _knowledge base_',
    '- President of Russia (1999\\-12\\-31 – 2008\\-05\\-07) — _knowledge base_',
    '- Prime Minister of Russia (1999\\-08\\-16 – 2000\\-05\\-07) — _knowledge base_',
  ]);
  assert.ok(lines.includes('2 mentions · 1 quote'), lines.join('\n'));
  assert.ok(lines.includes('Spoke to: Abdel Fattah el\\-Sisi (call)'), lines.join('\n'));
});

test('a leader of the user’s gazetteer: all of its offices, marked as the gazetteer’s', () => {
  const anaRuiz: LeaderRecord = {
    id: 'ana-ruiz',
    name: 'Ana Ruiz',
    offices: [
      { title: 'Minister of the Interior', country: 'CHL', role: 'other', start: '2018-03-11', end: '2020-07-28' },
      { title: 'President', country: 'CHL', role: 'head_of_state', start: '2022-03-11' },
    ],
  };
  const view = viewOf('Chilean President Ana Ruiz met the cabinet in Santiago on Monday.', { gazetteer: [anaRuiz] });
  const lines = hoverText(view, 'Ruiz').split('\n');
  assert.equal(lines[0], '**Ana Ruiz** — political leader, Chile');
  assert.deepEqual(lines.filter((l) => l.startsWith('- ')), [
    '- President of Chile (2022\\-03\\-11 – present) — _your gazetteer_',
    '- Minister of the Interior of Chile (2018\\-03\\-11 – 2020\\-07\\-28) — _your gazetteer_',
  ]);
});

test('a gazetteer record that replaces a built-in one: the hover shows the gazetteer’s offices, not the built-in ones', () => {
  const putin: LeaderRecord = { id: 'vladimir-putin', name: 'Vladimir Putin', offices: [{ title: 'President', country: 'RUS', role: 'head_of_state', start: '2000-05-07' }] };
  const view = viewOf(CALL, { gazetteer: [putin] });
  const lines = hoverText(view, 'Vladimir').split('\n');
  assert.deepEqual(lines.filter((l) => l.startsWith('- ')), ['- President of Russia (2000\\-05\\-07 – present) — _your gazetteer_']);
  // The same article without the gazetteer: the built-in record.
  assert.equal(hoverText(viewOf(CALL), 'Vladimir').split('\n').filter((l) => l.startsWith('- ')).length, 4);
});

test('a country: flag, name, ISO code, mentions, the leaders of it that the article mentions', () => {
  const view = viewOf(CALL);
  const lines = hoverText(view, 'Russian').split('\n');
  assert.equal(lines[0], '🇷🇺 **Russia** — country, ISO RUS');
  assert.ok(lines.includes('Leaders mentioned: Vladimir Putin'), lines.join('\n'));
});

test('a quote: kind, speaker, the words naming the speaker, the cue, an escaped excerpt', () => {
  const view = viewOf(CALL);
  const lines = hoverText(view, 'ceasefire').split('\n');
  assert.equal(lines[0], '**Quote** (direct) — **Vladimir Putin**');
  assert.ok(lines.includes('Speaker named as: “Putin”'), lines.join('\n'));
  assert.ok(lines.includes('Cue: “told”'), lines.join('\n'));
  assert.equal(lines[lines.length - 1], '> \\"We agreed on the need for a ceasefire\\,\\"', 'every punctuation character escaped');
});

test('the words naming a quote’s speaker hover as the speaker; plain words have no hover', () => {
  const view = viewOf(CALL);
  const h = hover(view, offsetOf(view, 'Putin told', 2));
  assert.ok(h);
  assert.match((h.contents as { value: string }).value, /^\*\*Vladimir Putin\*\* — political leader/);
  // ("… on Monday, the Kremlin said." is the Kremlin's reported speech, so its words hover as a quote.)
  assert.equal(hover(view, offsetOf(view, 'reporters', 2)), null);
});
