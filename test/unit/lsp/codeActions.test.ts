// Quick fixes (server/src/lsp/features/codeActions.ts): the knowledge base's title for a title-mismatch,
// the usual spelling for a name-variant, and adding a person the knowledge base does not know to the
// user's gazetteer file (a new file, or one appended to).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver';
import { GazetteerStore } from '../../../server/src/gazetteer/store';
import { appendRecord, codeActions, gazetteerRecord } from '../../../server/src/lsp/features/codeActions';
import { toLspDiagnostics } from '../../../server/src/lsp/pipeline/diagnostics';
import type { AnalysisView } from '../../../server/src/lsp/view';
import { spanToRange } from '../../../server/src/positions';
import { offsetOf, textOf, viewOf } from './view';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-actions-'));
after(() => fs.rmSync(folder, { recursive: true, force: true }));

function gazetteers(): GazetteerStore {
  const store = new GazetteerStore({ diagnostics: () => undefined, untrusted: () => undefined });
  store.setWorkspaceFolders([pathToFileURL(folder).toString()]);
  return store;
}

const diagnosticsOf = (view: AnalysisView): Diagnostic[] => toLspDiagnostics(view.doc, view.analysis.diagnostics, view.version);
const at = (view: AnalysisView, offset: number) => spanToRange(view.doc, { start: offset, end: offset });

/** The one edit of a fix in this document, as [replaced text, new text]. */
function editOf(view: AnalysisView, action: CodeAction): [string, string] {
  const edits = action.edit!.changes![view.uri];
  assert.equal(edits.length, 1);
  return [textOf(view, edits[0].range), edits[0].newText];
}

test('title-mismatch: change the title to the knowledge base’s, keeping the demonym', () => {
  const view = viewOf('Israeli President Benjamin Netanyahu spoke on Monday. Later, Israeli PM Netanyahu said Israel would win.', { uri: pathToFileURL(path.join(folder, 'a.txt')).toString() });
  const diagnostics = diagnosticsOf(view).filter((d) => d.code === 'title-mismatch');
  assert.equal(diagnostics.length, 1);
  const fixes = codeActions(view, diagnostics[0].range, diagnostics, gazetteers()).filter((a) => a.diagnostics);
  assert.equal(fixes.length, 1);
  assert.equal(fixes[0].title, 'Change title to “Prime Minister” (knowledge base)');
  assert.equal(fixes[0].kind, 'quickfix');
  assert.equal(fixes[0].isPreferred, true);
  assert.deepEqual(editOf(view, fixes[0]), ['President', 'Prime Minister']);
});

test('name-variant: normalise to the usual spelling', () => {
  const view = viewOf('Palestinian leader Mahmoud Abbas met envoys. Later, Mahmud Abbas spoke.', { uri: pathToFileURL(path.join(folder, 'b.txt')).toString() });
  const diagnostics = diagnosticsOf(view).filter((d) => d.code === 'name-variant');
  const [fix] = codeActions(view, diagnostics[0].range, diagnostics, gazetteers());
  assert.equal(fix.title, 'Normalise to “Mahmoud Abbas”');
  assert.deepEqual(editOf(view, fix), ['Mahmud Abbas', 'Mahmoud Abbas']);
});

test('a diagnostic computed for another version gets no fix (the client asks again)', () => {
  const view = viewOf('Palestinian leader Mahmoud Abbas met envoys. Later, Mahmud Abbas spoke.', { version: 3 });
  const old = toLspDiagnostics(view.doc, view.analysis.diagnostics, 2);
  assert.deepEqual(codeActions(view, old[0].range, old, gazetteers()), []);
});

test('a person the knowledge base does not know: add them to a new gazetteer file, and ask to use it', () => {
  const view = viewOf('Estonian Prime Minister Kristen Michal met French President Emmanuel Macron in Paris on Tuesday.', { uri: pathToFileURL(path.join(folder, 'c.txt')).toString() });
  const actions = codeActions(view, at(view, offsetOf(view, 'Michal', 1)), [], gazetteers());
  assert.equal(actions.length, 1);
  const [add] = actions;
  const file = path.join(folder, 'news-lens.gazetteer.json');
  assert.equal(add.title, 'Add “Kristen Michal” to the gazetteer (news-lens.gazetteer.json)');
  const [create, insert] = add.edit!.documentChanges! as [{ kind: string; uri: string }, TextDocumentEdit];
  assert.deepEqual(create, { kind: 'create', uri: pathToFileURL(file).toString(), options: { ignoreIfExists: true } });
  const records = JSON.parse((insert.edits[0] as TextEdit).newText);
  assert.equal(records.length, 1);
  assert.equal(records[0].id, 'kristen-michal');
  assert.deepEqual(records[0].offices.map((o: { title: string; country: string; role: string }) => [o.title, o.country, o.role]), [['Prime Minister', 'EST', 'head_of_government']]);
  assert.deepEqual(add.command, { title: 'Use this gazetteer file', command: 'newsLens.useGazetteerFile', arguments: [pathToFileURL(file).toString()] });
  assert.deepEqual(codeActions(view, at(view, offsetOf(view, 'Macron', 1)), [], gazetteers()), [], 'Macron is in the knowledge base');
});

test('the configured gazetteer file is appended to, in the shape it already has', () => {
  const file = path.join(folder, 'mine.json');
  fs.writeFileSync(file, '{ "leaders": [] }\n');
  const view = viewOf('Estonian Prime Minister Kristen Michal spoke.', { uri: pathToFileURL(path.join(folder, 'd.txt')).toString(), settings: { gazetteerFiles: ['mine.json'] } });
  const [add] = codeActions(view, at(view, offsetOf(view, 'Kristen', 1)), [], gazetteers());
  assert.equal(add.title, 'Add “Kristen Michal” to the gazetteer (mine.json)');
  assert.equal(add.command, undefined, 'already configured');
  const [edit] = add.edit!.changes![pathToFileURL(file).toString()];
  assert.deepEqual(edit.range, { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, 'replaces the whole file');
  assert.deepEqual(JSON.parse(edit.newText).leaders.map((r: { id: string }) => r.id), ['kristen-michal']);
});

test('appendRecord keeps a bare array or a { leaders } object, and never loses unparsable text', () => {
  const record = { id: 'x-y', name: 'X Y', offices: [] };
  assert.deepEqual(JSON.parse(appendRecord('[{"id":"a","name":"A","offices":[]}]', record)).map((r: { id: string }) => r.id), ['a', 'x-y']);
  assert.deepEqual(JSON.parse(appendRecord('', record)), [record]);
  assert.equal(appendRecord('[ broken', record), '[ broken\n{"id":"x-y","name":"X Y","offices":[]}\n');
});

test('gazetteerRecord: a kebab-case id without accents, the office’s role, the article date as the start', () => {
  const view = viewOf('Chilean President José Ñúñez spoke.');
  const person = view.analysis.entities.find((e) => e.type === 'person')!;
  const record = gazetteerRecord(person, '2024-05-01');
  assert.equal(record.id, 'jose-nunez');
  assert.deepEqual(record.offices, [{ title: 'President', country: 'CHL', role: 'head_of_state', start: '2024-05-01' }]);
});
