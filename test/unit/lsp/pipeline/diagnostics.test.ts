// Engine diagnostics → LSP diagnostics (server/src/lsp/pipeline/diagnostics.ts). newsLens.severity is
// applied once, by the engine: the conversion translates the severity the engine gave, and codes set to
// 'off' never reach it.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { toLspDiagnostics, type DiagnosticData } from '../../../../server/src/lsp/pipeline/diagnostics';
import { textOf, viewOf } from '../view';

const TEXT = 'Israeli President Benjamin Netanyahu spoke on Monday. Later, Israeli PM Netanyahu said Israel would win. Palestinian leader Mahmoud Abbas met envoys. Later, Mahmud Abbas spoke.';

test('default severities, with source, code, documentation link, related information and the data code actions need', () => {
  const view = viewOf(TEXT, { version: 7 });
  const byCode = new Map(toLspDiagnostics(view.doc, view.analysis.diagnostics, view.version).map((d) => [d.code, d]));
  const title = byCode.get('title-mismatch')!;
  assert.equal(title.severity, DiagnosticSeverity.Warning);
  assert.equal(title.source, 'News Lens');
  assert.equal(title.codeDescription?.href, 'https://github.com/news-lens/news-lens#diagnostic-title-mismatch');
  assert.equal(textOf(view, title.range), 'Israeli President Benjamin Netanyahu');
  assert.equal(textOf(view, title.relatedInformation![0].location.range), 'Israeli PM');
  const data = title.data as DiagnosticData;
  assert.deepEqual([data.code, TEXT.slice(data.start, data.end), data.version], ['title-mismatch', 'Israeli President Benjamin Netanyahu', 7]);
  assert.equal(byCode.get('name-variant')!.severity, DiagnosticSeverity.Information);
});

test('newsLens.severity as the engine applied it: changed codes translated, codes turned off absent', () => {
  const view = viewOf(TEXT, { settings: { severity: { 'title-mismatch': 'error', 'name-variant': 'off' } } });
  const out = toLspDiagnostics(view.doc, view.analysis.diagnostics, view.version);
  assert.equal(out.find((d) => d.code === 'title-mismatch')?.severity, DiagnosticSeverity.Error);
  assert.equal(out.filter((d) => d.code === 'name-variant').length, 0);
});
