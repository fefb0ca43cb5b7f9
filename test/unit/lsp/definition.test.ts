// Go to Definition, Find All References and document highlights (server/src/lsp/features/definition.ts,
// references.ts): a mention leads to the first mention; a quote to where its speaker is named; references
// are the entity's mentions and quotes, an office's quotes counted for the person it speaks for.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { definition } from '../../../server/src/lsp/features/definition';
import { highlights, references } from '../../../server/src/lsp/features/references';
import { offsetOf, textOf, viewOf } from './view';

const TEXT = 'Russian President Vladimir Putin spoke with Egyptian President Abdel Fattah el-Sisi on Monday.\n\n' + '"We agreed on the need for a ceasefire," Putin told reporters in Moscow.';

test('on a later mention: the first mention', () => {
  const view = viewOf(TEXT);
  const loc = definition(view, offsetOf(view, 'Putin told', 1))!;
  assert.equal(loc.uri, view.uri);
  assert.equal(textOf(view, loc.range), 'Vladimir Putin');
  assert.deepEqual(loc.range.start, { line: 0, character: 'Russian President '.length });
});

test('inside a quote: the speaker as named for it', () => {
  const view = viewOf(TEXT);
  const loc = definition(view, offsetOf(view, 'ceasefire', 1))!;
  assert.equal(textOf(view, loc.range), 'Putin');
  assert.equal(loc.range.start.line, 2);
  assert.equal(definition(view, offsetOf(view, 'Monday', 1)), null, 'nothing there');
});

test('references: every mention and quote of the person, in text order; highlights: the mentions', () => {
  const view = viewOf(TEXT);
  const refs = references(view, offsetOf(view, 'Putin', 1))!;
  assert.deepEqual(refs.map((l) => textOf(view, l.range)), ['Vladimir Putin', '"We agreed on the need for a ceasefire,"', 'Putin']);
  const lit = highlights(view, offsetOf(view, 'Putin told', 1))!;
  assert.deepEqual(lit.map((h) => textOf(view, h.range)), ['Vladimir Putin', 'Putin']);
  assert.deepEqual(references(view, offsetOf(view, 'ceasefire', 1))!.map((l) => textOf(view, l.range)), ['Vladimir Putin', '"We agreed on the need for a ceasefire,"', 'Putin'], 'from inside the quote: its speaker');
});
