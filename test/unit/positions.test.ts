// The one offset converter (server/src/positions.ts): UTF-16 offsets to LSP positions, to per-line pieces,
// to 1-based lines and columns, and to code points; with LF, CRLF, lone CR and surrogate pairs.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codePointMapper, lineColumnMapper, positionToOffset, rangeToSpan, spanToLinePieces, spanToRange } from '../../server/src/positions';

describe('LSP positions', () => {
  it('a span and its range convert both ways, across CRLF, CR and surrogate pairs', () => {
    const text = 'ab\r\ncd\ref\u{1F642}gh\nij';
    const doc = TextDocument.create('file:///x', 'plaintext', 1, text);
    const span = { start: text.indexOf('d'), end: text.indexOf('h') + 1 };
    const range = spanToRange(doc, span);
    assert.deepEqual(range, { start: { line: 1, character: 1 }, end: { line: 2, character: 6 } }, 'the emoji counts two UTF-16 units');
    assert.deepEqual(rangeToSpan(doc, range), span);
    assert.equal(positionToOffset(doc, { line: 3, character: 1 }), text.indexOf('j'));
  });
  it('splits a multi-line span into per-line pieces without the line breaks (CRLF too)', () => {
    const doc = TextDocument.create('file:///x', 'plaintext', 1, 'ab "cd\r\nef" gh');
    assert.deepEqual(spanToLinePieces(doc, { start: 3, end: 11 }), [[0, 3, 3], [1, 0, 3]]);
  });
});

describe('1-based lines and columns (gazetteer errors)', () => {
  it('counts LF, CRLF and lone CR as one line break each; columns in UTF-16 units', () => {
    const text = '[\n  {\r\n    "id": 1\r  }\u{1F642}x\n]';
    const at = lineColumnMapper(text);
    assert.deepEqual(at(0), { line: 1, column: 1 });
    assert.deepEqual(at(text.indexOf('{')), { line: 2, column: 3 });
    assert.deepEqual(at(text.indexOf('"id"')), { line: 3, column: 5 });
    assert.deepEqual(at(text.indexOf('}')), { line: 4, column: 3 });
    assert.deepEqual(at(text.indexOf('x')), { line: 4, column: 6 }, 'after "  }" and a two-unit emoji');
    assert.deepEqual(at(text.length), { line: 5, column: 2 }, 'the end of the text');
  });
});

describe('code points (brat, W3C)', () => {
  it('an emoji counts one; with crlfToLf a CRLF counts one; a lone CR stays one', () => {
    const text = 'a\u{1F642}b\r\nc\rd';
    const cp = codePointMapper(text);
    assert.deepEqual([0, 1, 3, 4, 5, 6, 7, 8].map(cp), [0, 1, 2, 3, 4, 5, 6, 7]);
    const lf = codePointMapper(text, { crlfToLf: true });
    assert.deepEqual([0, 1, 3, 4, 6, 7, 8].map(lf), [0, 1, 2, 3, 4, 5, 6]);
    assert.equal(lf(5), 3, 'between CR and LF: the start of that line break');
    assert.equal(cp(2), 1, 'inside the surrogate pair: the start of the emoji');
  });
  it('plain ASCII maps to itself', () => {
    const cp = codePointMapper('Putin met Abbas.\r\n', { crlfToLf: false });
    assert.equal(cp(17), 17);
  });
});
