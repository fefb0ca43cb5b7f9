// Who spoke to whom: one interaction per pair, with a kind and the evidence sentence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, spansConsistent } from '../../helpers';

const CASES: { name: string; text: string; pairs: [string, string, string][] }[] = [
  { name: 'X spoke to Y', text: 'Russian President Vladimir Putin spoke to Israeli Prime Minister Benjamin Netanyahu on Monday.', pairs: [['Vladimir Putin', 'Benjamin Netanyahu', 'call']] },
  { name: 'X spoke with Y (time phrase between)', text: 'Turkish President Recep Tayyip Erdogan spoke this evening with French President Emmanuel Macron.', pairs: [['Recep Tayyip Erdoğan', 'Emmanuel Macron', 'call']] },
  { name: "X's call with Y (possessive pronoun)", text: "Israeli PM Benjamin Netanyahu put out a statement about his call with Russian President Vladimir Putin.", pairs: [['Benjamin Netanyahu', 'Vladimir Putin', 'call']] },
  { name: 'X held talks with Y', text: 'Chinese President Xi Jinping held talks with U.S. President Joe Biden in San Francisco.', pairs: [['Xi Jinping', 'Joe Biden', 'talks']] },
  { name: 'X met Y', text: 'German Chancellor Olaf Scholz met Ukrainian President Volodymyr Zelensky in Kyiv.', pairs: [['Olaf Scholz', 'Volodymyr Zelensky', 'meeting']] },
  { name: 'X briefed Y during a call', text: 'During the call, Vladimir Putin briefed Benjamin Netanyahu on the talks.', pairs: [['Vladimir Putin', 'Benjamin Netanyahu', 'call']] },
  {
    name: 'telephone conversations with a list of four',
    text: 'Vladimir Putin engaged in telephone conversations with Egyptian President Abdel Fattah al-Sisi, Iranian President Ebrahim Raisi, Syrian President Bashar al-Assad, and Palestinian leader Mahmud Abbas.',
    pairs: [['Vladimir Putin', 'Abdel Fattah el-Sisi', 'call'], ['Vladimir Putin', 'Ebrahim Raisi', 'call'], ['Vladimir Putin', 'Bashar al-Assad', 'call'], ['Vladimir Putin', 'Mahmoud Abbas', 'call']],
  },
];

for (const c of CASES) {
  test(`interactions: ${c.name}`, () => {
    const { a, nameOf } = analyze(c.text);
    assert.deepEqual(spansConsistent(c.text, a), []);
    const got = a.interactions.map((i) => [nameOf(i.participants[0]), nameOf(i.participants[1]), i.kind]);
    for (const [x, y, kind] of c.pairs) {
      assert.ok(got.some((g) => ((g[0] === x && g[1] === y) || (g[0] === y && g[1] === x)) && g[2] === kind), `${x}–${y} (${kind}) not in ${JSON.stringify(got)}`);
    }
    assert.equal(got.length, c.pairs.length, `unexpected extra interactions: ${JSON.stringify(got)}`);
  });
}

test('interactions: no interaction between people merely mentioned together', () => {
  const { a } = analyze('Vladimir Putin and Joe Biden both attended the funeral, but they did not speak.');
  assert.equal(a.interactions.length, 0, JSON.stringify(a.interactions));
});
