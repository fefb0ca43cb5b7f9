// Inlay hints (server/src/lsp/features/inlayHints.ts): "— Speaker" after each attributed quotation in the
// requested range; paraphrases skipped; off with newsLens.inlayHints.enable.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { inlayHints } from '../../../server/src/lsp/features/inlayHints';
import { spanToRange } from '../../../server/src/positions';
import { offsetOf, viewOf } from './view';

const TEXT = '"We agreed on the need for a ceasefire," Russian President Vladimir Putin told reporters.\n\n' + 'Putin said that the talks would go on.\n\n' + '"Nobody was consulted."';

test('after each attributed quotation, with the cue as tooltip; not after paraphrases or unattributed quotes', () => {
  const view = viewOf(TEXT);
  const all = spanToRange(view.doc, { start: 0, end: TEXT.length });
  const hints = inlayHints(view, all);
  assert.deepEqual(hints.map((h) => [h.label, h.position, h.tooltip]), [['— Vladimir Putin', { line: 0, character: offsetOf(view, ' Russian') }, 'Attributed by “told”']]);
  assert.deepEqual(inlayHints(view, spanToRange(view.doc, { start: offsetOf(view, 'Putin said'), end: TEXT.length })), [], 'the range holds no attributed quote’s end');
});

test('newsLens.inlayHints.enable: false turns them off', () => {
  const view = viewOf(TEXT, { settings: { inlayHints: { enable: false } } });
  assert.deepEqual(inlayHints(view, spanToRange(view.doc, { start: 0, end: TEXT.length })), []);
});
