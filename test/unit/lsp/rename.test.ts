// Rename (server/src/lsp/features/rename.ts): a person's name mentions get the new full name or the new
// surname; titles, pronouns and descriptions stay; anything but a person's name is refused.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import { prepareRename, rename } from '../../../server/src/lsp/features/rename';
import { offsetOf, textOf, viewOf } from './view';

const TEXT = 'Russian President Vladimir Putin met Emmanuel Macron on Monday. Putin said he was pleased. The Russian leader left.';

test('prepareRename offers the name under the cursor', () => {
  const view = viewOf(TEXT);
  const r = prepareRename(view, offsetOf(view, 'Putin said', 2));
  assert.equal(textOf(view, r.range), 'Putin');
  assert.equal(r.placeholder, 'Putin');
});

test('full-name mentions get the new name, surname mentions its last word; the title, "he" and "The Russian leader" stay', () => {
  const view = viewOf(TEXT);
  const edit = rename(view, offsetOf(view, 'Putin said', 1), '  Ivan   Petrov ');
  const edits = edit.changes![view.uri].map((e) => [textOf(view, e.range), e.newText]);
  assert.deepEqual(edits, [
    ['Vladimir Putin', 'Ivan Petrov'],
    ['Putin', 'Petrov'],
  ]);
});

test('refuses what is not a person’s name, and an empty new name', () => {
  const view = viewOf(TEXT);
  const refused = (fn: () => unknown, code: number) =>
    assert.throws(fn, (e: unknown) => e instanceof ResponseError && e.code === code);
  refused(() => prepareRename(view, offsetOf(view, 'Russian', 2)), ErrorCodes.InvalidRequest);
  refused(() => prepareRename(view, offsetOf(view, 'he was', 1)), ErrorCodes.InvalidRequest);
  refused(() => prepareRename(view, offsetOf(view, 'Monday', 2)), ErrorCodes.InvalidRequest);
  refused(() => rename(view, offsetOf(view, 'Macron', 2), '   '), ErrorCodes.InvalidParams);
});
