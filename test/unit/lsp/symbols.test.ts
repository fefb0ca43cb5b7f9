// The Outline and workspace symbols (server/src/lsp/features/symbols.ts): leaders first, then other people,
// organisations and countries, each in order of first mention, quotes as their speaker's children; the
// workspace's symbols from open documents and from the index, matched as a subsequence.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SymbolKind } from 'vscode-languageserver';
import { documentSymbols, matches, workspaceSymbols } from '../../../server/src/lsp/features/symbols';
import type { IndexedFile } from '../../../server/src/lsp/pipeline/workspaceIndex';
import { textOf, viewOf } from './view';

const TEXT =
  'Egyptian President Abdel Fattah el-Sisi spoke with Russian President Vladimir Putin on Monday, the Kremlin said.\n\n' +
  '"We agreed on the need for a ceasefire," Putin told reporters. Maria Lopez, a shopkeeper, said she was relieved.';

describe('the outline', () => {
  const view = viewOf(TEXT, { uri: 'file:///articles/call.txt' });
  const symbols = documentSymbols(view);
  it('leaders, other people, organisations, countries; each group in order of first mention', () => {
    assert.deepEqual(symbols.map((s) => [s.name, s.kind]), [
      ['Abdel Fattah el-Sisi', SymbolKind.Class],
      ['Vladimir Putin', SymbolKind.Class],
      ['Maria Lopez', SymbolKind.Variable],
      ['the Kremlin', SymbolKind.Module],
      ['Egypt', SymbolKind.Namespace],
      ['Russia', SymbolKind.Namespace],
    ]);
  });
  it('a person: the office and the mention count as detail, from the first mention to the last quote, quotes as children', () => {
    const putin = symbols.find((s) => s.name === 'Vladimir Putin')!;
    assert.equal(putin.detail, 'President, Russia · 2×');
    assert.equal(textOf(view, putin.selectionRange), 'Vladimir Putin');
    assert.match(textOf(view, putin.range), /^Vladimir Putin on Monday[^]*Putin$/);
    assert.deepEqual(putin.children!.map((c) => [c.name, c.detail, c.kind]), [['"We agreed on the need for a ceasefire,"', 'told', SymbolKind.String]]);
    assert.equal(symbols.find((s) => s.name === 'Russia')!.detail, 'RUS');
  });
});

describe('workspace symbols', () => {
  it('a case-insensitive subsequence, spaces ignored', () => {
    assert.ok(matches('vput', 'Vladimir Putin'));
    assert.ok(matches('VLAD PUT', 'Vladimir Putin'));
    assert.ok(matches('', 'Egypt'));
    assert.ok(!matches('putv', 'Vladimir Putin'));
  });
  it('open documents from their analysis, the other articles from the index', () => {
    const view = viewOf(TEXT, { uri: 'file:///articles/call%20notes.txt' });
    const indexed: { uri: string; file: IndexedFile }[] = [
      {
        uri: 'file:///articles/old.txt',
        file: {
          entities: [{ name: 'Vladimir Putin', type: 'person', leader: true, range: { start: { line: 4, character: 0 }, end: { line: 4, character: 14 } }, mentions: 3 }],
          graph: { scope: 'document', articles: [{ uri: 'file:///articles/old.txt' }], nodes: [], edges: [] },
        },
      },
    ];
    const found = workspaceSymbols('vput', [view], indexed);
    assert.deepEqual(found.map((s) => [s.name, s.kind, s.location.uri, s.containerName, s.location.range.start.line]), [
      ['Vladimir Putin', SymbolKind.Class, 'file:///articles/call%20notes.txt', 'call notes.txt', 0],
      ['Vladimir Putin', SymbolKind.Class, 'file:///articles/old.txt', 'old.txt', 4],
    ]);
  });
});
