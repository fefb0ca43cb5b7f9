// Shifting an analysis through edits (server/src/lsp/pipeline/shift.ts): what requests are answered from
// while a newer version is analysed.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Analysis } from '../../../../server/src/core/types';
import { shiftAnalysis } from '../../../../server/src/lsp/pipeline/shift';

const text = 'Putin met Abbas. "Peace now," Abbas said.';
const span = (s: string, from = 0) => {
  const start = text.indexOf(s, from);
  return { start, end: start + s.length, text: s };
};
const analysis: Analysis = {
  schema: 'news-lens/annotations@1',
  source: { length: text.length },
  entities: [
    { id: 'p:putin', type: 'person', name: 'Vladimir Putin', mentions: [{ ...span('Putin'), form: 'name' }] },
    { id: 'p:abbas', type: 'person', name: 'Mahmoud Abbas', mentions: [{ ...span('Abbas'), form: 'name' }, { ...span('Abbas', 20), form: 'name' }] },
  ],
  quotes: [{ ...span('"Peace now,"'), id: 'q1', kind: 'direct', speaker: 'p:abbas', speakerMention: span('Abbas', 20), cue: span('said') }],
  interactions: [{ kind: 'meeting', participants: ['p:putin', 'p:abbas'], evidence: span('met') }],
  diagnostics: [],
};

describe('shiftAnalysis', () => {
  it('moves spans after an edit, keeps spans before it, drops spans it touches', () => {
    // Replace "met" (6..9) with "called": +3.
    const edited = text.slice(0, 6) + 'called' + text.slice(9);
    const a = shiftAnalysis(analysis, [{ version: 2, start: 6, end: 9, newLength: 6 }]);
    for (const e of a.entities) for (const m of e.mentions) assert.equal(edited.slice(m.start, m.end), m.text);
    for (const q of a.quotes) assert.equal(edited.slice(q.start, q.end), q.text);
    assert.equal(a.interactions.length, 0, 'the evidence was edited');
    assert.equal(a.source.length, edited.length);
  });
  it('replays several edits in order', () => {
    let t = text;
    const edits = [
      { version: 2, start: 0, end: 0, newLength: 4 }, // "Yes " at 0
      { version: 3, start: t.length + 4, end: t.length + 4, newLength: 1 }, // "!" at the end
    ];
    t = 'Yes ' + t + '!';
    const a = shiftAnalysis(analysis, edits);
    for (const e of a.entities) for (const m of e.mentions) assert.equal(t.slice(m.start, m.end), m.text);
    assert.equal(t.slice(a.quotes[0].cue!.start, a.quotes[0].cue!.end), 'said');
  });
});

describe('shiftAnalysis, randomised', () => {
  it('every kept span still matches the edited text', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    for (let round = 0; round < 300; round++) {
      let t = text;
      const edits = [];
      for (let k = 0; k < 1 + rand(4); k++) {
        const at = rand(t.length + 1);
        const del = Math.min(rand(4), t.length - at);
        const ins = 'ab'.slice(0, rand(3));
        edits.push({ version: k + 2, start: at, end: at + del, newLength: ins.length });
        t = t.slice(0, at) + ins + t.slice(at + del);
      }
      const a = shiftAnalysis(analysis, edits);
      const spans = [...a.entities.flatMap((e) => e.mentions), ...a.quotes, ...a.quotes.flatMap((q) => [q.cue, q.speakerMention]).filter((x) => !!x), ...a.interactions.map((i) => i.evidence)];
      for (const s of spans) assert.equal(t.slice(s!.start, s!.end), s!.text, JSON.stringify({ edits, s }));
      assert.equal(a.source.length, t.length);
    }
  });
});
