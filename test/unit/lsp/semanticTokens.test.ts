// Semantic tokens (server/src/lsp/features/semanticTokens.ts): leaders, countries, quotes and speakers, a
// quote cut around the mentions inside it, the first mention marked, a range request.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SemanticTokens } from 'vscode-languageserver';
import { SEMANTIC_TOKEN_MODIFIERS, SEMANTIC_TOKEN_TYPES } from '../../../common/protocol';
import { flatten, semanticTokens } from '../../../server/src/lsp/features/semanticTokens';
import { viewOf } from './view';

/** The tokens as [line, text, type, modifiers], decoded from LSP's relative encoding. */
function decode(tokens: SemanticTokens, text: string): Array<[number, string, string, string[]]> {
  const lines = text.split(/\r\n|\r|\n/);
  const out: Array<[number, string, string, string[]]> = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < tokens.data.length; i += 5) {
    const [dl, dc, len, type, mods] = tokens.data.slice(i, i + 5);
    line += dl;
    char = dl ? dc : char + dc;
    out.push([line, lines[line].slice(char, char + len), SEMANTIC_TOKEN_TYPES[type], SEMANTIC_TOKEN_MODIFIERS.filter((_, b) => mods & (1 << b))]);
  }
  return out;
}

describe('semantic tokens of an article', () => {
  const text = 'Putin met Abbas in Moscow.\n\n"Peace now," Abbas said.';
  const view = viewOf(text);
  it('leaders and countries, the first mention marked, the quote cut around its speaker', () => {
    assert.deepEqual(decode(semanticTokens(view), text), [
      [0, 'Putin', 'leader', ['firstMention']],
      [0, 'Abbas', 'leader', ['firstMention']],
      [0, 'Moscow', 'country', ['firstMention']],
      [2, '"Peace now,"', 'quote', []],
      [2, 'Abbas', 'leader', []],
    ]);
  });
  it('a range request: only the tokens in that range', () => {
    assert.deepEqual(decode(semanticTokens(view, { start: { line: 2, character: 0 }, end: { line: 2, character: 30 } }), text).map((t) => t[1]), ['"Peace now,"', 'Abbas']);
  });
  it('an unattributed quote is marked', () => {
    const t = 'The ministry was silent.\n\n"We will never accept this outcome, whatever happens next."';
    assert.deepEqual(decode(semanticTokens(viewOf(t)), t), [[2, '"We will never accept this outcome, whatever happens next."', 'quote', ['unattributed']]]);
  });
});

describe('token flattening', () => {
  it('cuts a quote around the mentions inside it', () => {
    const out = flatten([
      { start: 0, end: 20, type: 3, mods: 0, priority: 0 },
      { start: 5, end: 10, type: 0, mods: 0, priority: 2 },
    ]);
    assert.deepEqual(out.map((i) => [i.start, i.end, i.type]), [[0, 5, 3], [5, 10, 0], [10, 20, 3]]);
  });
  it('keeps adjacent mentions of the same type apart', () => {
    const out = flatten([
      { start: 0, end: 5, type: 0, mods: 0, priority: 2 },
      { start: 5, end: 9, type: 0, mods: 0, priority: 2 },
    ]);
    assert.equal(out.length, 2);
  });
});
