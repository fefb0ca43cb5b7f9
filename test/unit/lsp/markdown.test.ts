// Hover markdown (server/src/lsp/features/markdown.ts): article text is escaped so that nothing written in
// an article becomes active, and shortened on a word boundary.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeMarkdown, excerpt } from '../../../server/src/lsp/features/markdown';

test('escapes every markdown construct', () => {
  const s = escapeMarkdown('[x](http://a.b) <b>*y*</b> `z` #h');
  assert.ok(!/\[x\]\(/.test(s) && !/<b>/.test(s) && !/\*y\*/.test(s) && !/`z`/.test(s) && !/http:\/\//.test(s), s);
  assert.equal(escapeMarkdown('a_b'), 'a\\_b');
});

test('folds line breaks, so article text cannot start a block', () => {
  assert.equal(escapeMarkdown('one\n\n# two\r\n- three'), 'one \\# two \\- three');
});

test('an excerpt is cut on a word boundary with an ellipsis, then escaped', () => {
  const text = 'word '.repeat(40).trim();
  const e = excerpt(text, 22);
  assert.equal(e, 'word word word word …');
  assert.equal(excerpt('short *one*'), 'short \\*one\\*');
});
