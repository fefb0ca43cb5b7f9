// The analyzer's caches (per paragraph, per placed candidate) must never change results: re-analysing after
// edits gives exactly what a fresh analysis of the edited text gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeArticle, createAnalyzer } from '../../../../server/src/core';
import { seedOr } from '../../helpers';

const base = seedOr(
  'Russian President Vladimir Putin spoke to Israeli Prime Minister Benjamin Netanyahu on Monday.\n\n"We will win," Netanyahu said.',
);

type Edit = (t: string) => string;
const EDITS: [string, Edit][] = [
  ['insert a paragraph at the start', (t) => 'JERUSALEM (Reuters) - Officials met on Monday.\n\n' + t],
  ['insert a paragraph in the middle', (t) => { const i = t.indexOf('\n\n', t.length / 2) + 2; return t.slice(0, i) + '"This is a new quote," Foreign Minister Sergei Lavrov told reporters.\n\n' + t.slice(i); }],
  ['change a title inside a paragraph', (t) => t.replace('Israeli President Benjamin Netanyahu', 'Israeli Prime Minister Benjamin Netanyahu')],
  ['delete the first paragraph', (t) => t.slice(t.indexOf('\n\n') + 2)],
  ['duplicate a paragraph', (t) => { const p = t.split('\n\n'); return [...p.slice(0, 2), p[1], ...p.slice(2)].join('\n\n'); }],
  // Repeated paragraphs share their cached tokens; an edit before them moves both copies.
  ['insert a paragraph before repeated ones', (t) => 'MOSCOW - A second dateline.\n\n' + t],
  ['repeat a quote with the paragraph that introduces it', (t) => { const p = t.split('\n\n'); const k = Math.max(1, p.findIndex((x) => /:\s*$/.test(x))); return [...p.slice(0, k + 2), p[k], p[k + 1], ...p.slice(k + 2)].join('\n\n'); }],
  ['type inside a quote', (t) => t.replace('unanimous opinion', 'unanimous and firm opinion')],
  ['append at the end', (t) => t + '\n\nLater, Putin met Egyptian President Abdel Fattah al-Sisi in Cairo.'],
];

test('re-analysis after each edit equals a fresh analysis of the edited text', () => {
  const analyzer = createAnalyzer();
  let text = base;
  analyzer.analyze(text);
  for (const [name, edit] of EDITS) {
    text = edit(text);
    const result = analyzer.analyze(text);
    for (const e of result.entities) {
      assert.ok(e.mentions.every((m, k) => k === 0 || e.mentions[k - 1].start <= m.start), `${e.id}'s mentions out of order after "${name}"`);
    }
    const incremental = JSON.stringify(result);
    const fresh = JSON.stringify(analyzeArticle(text));
    assert.equal(incremental, fresh, `after "${name}"`);
  }
  // Undo everything: back to the original text.
  assert.equal(JSON.stringify(analyzer.analyze(base)), JSON.stringify(analyzeArticle(base)));
});
