// The conversation graph in a real editor: the command opens the webview beside the seed article, the
// model posted to it has Putin with five edges and the webview draws it; clicks (as the webview sends
// them) reveal mentions and evidence; the graph follows edits and the active editor; the workspace scope
// merges articles; SVG and PNG exports are written. Every wait is on an event, with a timeout.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { GraphApi } from '../../../client/src/graph/panel';
import type { ModelMessage } from '../../../client/src/graph/messages';
import { waitFor, within } from './wait';
import { workspaceFile } from './workspace';

const EXTENSION_ID = 'news-lens.news-lens';
const SEED_NAME = 'putin-netanyahu-call.txt';
const FIRST_ANALYSIS_MS = 60000;
const STEP_MS = 20000;
const PUTIN = 'kb:vladimir-putin';
const CONTACTS = [/Netanyahu/, /Sisi/, /Raisi/, /Assad/, /Abbas/];

interface Api {
  ready: Promise<void>;
  graph: GraphApi;
}

let api: Api;
let seed: vscode.TextDocument;

const putinEdges = (m: ModelMessage | undefined) => m?.graph?.edges.filter((e) => e.source === PUTIN || e.target === PUTIN) ?? [];
const describe = () => {
  const m = api.graph.lastMessage;
  return JSON.stringify({ seq: m?.seq, scope: m?.scope, current: m?.current, message: m?.message, nodes: m?.graph?.nodes.map((n) => n.id), putinEdges: putinEdges(m).length, rendered: api.graph.lastRendered });
};

/** The first posted model satisfying `ok` (the current one included). */
function model(what: string, ok: (m: ModelMessage) => boolean, timeout = STEP_MS): Promise<ModelMessage> {
  return waitFor(what, () => {
    const m = api.graph.lastMessage;
    return m && ok(m) ? m : undefined;
  }, [api.graph.onDidPostModel as vscode.Event<unknown>], timeout, describe);
}

/** Waits for the webview to report drawing `m` (or a later model). */
function drawn(m: ModelMessage) {
  return waitFor(`the webview to draw model ${m.seq}`, () => {
    const r = api.graph.lastRendered;
    return r && r.seq >= m.seq ? r : undefined;
  }, [api.graph.onDidRender as vscode.Event<unknown>], STEP_MS, describe);
}

/** The selection after `action`, once it selects text matching `expect` in the seed. */
async function selectionAfter(action: () => Promise<unknown>, expect: RegExp): Promise<string> {
  // Start from an empty selection, so that only the action can select the text.
  const editor = await showSeed();
  const end = seed.positionAt(seed.getText().length);
  editor.selection = new vscode.Selection(end, end);
  const selected = waitFor(
    `a selection matching ${expect}`,
    () => {
      const ed = vscode.window.activeTextEditor;
      const text = ed && ed.document.uri.toString() === seed.uri.toString() && !ed.selection.isEmpty ? ed.document.getText(ed.selection) : '';
      return expect.test(text) ? text : undefined;
    },
    [vscode.window.onDidChangeTextEditorSelection, vscode.window.onDidChangeActiveTextEditor],
    STEP_MS,
    () => JSON.stringify(vscode.window.activeTextEditor && vscode.window.activeTextEditor.document.getText(vscode.window.activeTextEditor.selection)),
  );
  await action();
  return selected;
}

async function showSeed(): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(seed, { viewColumn: vscode.ViewColumn.One, preview: false, preserveFocus: false });
}

suite('Conversation graph in a real editor', function () {
  suiteSetup(async function () {
    this.timeout(FIRST_ANALYSIS_MS + STEP_MS);
    seed = await vscode.workspace.openTextDocument(workspaceFile(SEED_NAME));
    await showSeed();
    const ext = vscode.extensions.getExtension<Api>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this editor`);
    api = await within(ext.activate(), STEP_MS, 'activate()');
    assert.ok(api.graph, 'activate() must return { graph }');
    await within(api.ready, FIRST_ANALYSIS_MS, 'api.ready');
  });

  suiteTeardown(async () => {
    api?.graph.panel?.dispose();
    if (seed?.isDirty) {
      await showSeed();
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Show Conversation Graph opens beside the seed article: Putin has five edges', async function () {
    this.timeout(FIRST_ANALYSIS_MS + STEP_MS);
    const all = await vscode.commands.getCommands(true);
    assert.ok(all.includes('newsLens.showConversationGraph'), 'command newsLens.showConversationGraph is not registered');
    const editor = await showSeed();
    const posted = model('the seed article\'s graph with Putin and his five contacts', (m) => m.current === seed.uri.toString() && m.scope === 'document' && putinEdges(m).length === 5, FIRST_ANALYSIS_MS);
    await within(vscode.commands.executeCommand('newsLens.showConversationGraph'), STEP_MS, 'newsLens.showConversationGraph');
    const m = await posted;
    const panel = api.graph.panel;
    assert.ok(panel, 'no graph panel');
    assert.notStrictEqual(panel.viewColumn, editor.viewColumn, 'the graph opens beside the article');
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), seed.uri.toString(), 'the article keeps the focus');
    const g = m.graph!;
    const names = putinEdges(m).map((e) => g.nodes.find((n) => n.id === (e.source === PUTIN ? e.target : e.source))?.name ?? '?');
    for (const re of CONTACTS) assert.ok(names.some((n) => re.test(n)), `Putin's edges lack ${re}: ${JSON.stringify(names)}`);
    assert.ok(putinEdges(m).every((e) => e.kinds.includes('call')), JSON.stringify(putinEdges(m)));
    assert.ok(m.flags.RUS?.startsWith('data:image/svg+xml;base64,'), 'the flag of Russia is sent to the webview');
    const r = await drawn(m);
    assert.strictEqual(r.nodes, g.nodes.length);
    assert.strictEqual(r.edges, g.edges.length);
  });

  test('clicking a node reveals the first mention; clicking an edge reveals its evidence', async () => {
    assert.ok(api.graph.panel, 'the graph is not open');
    const first = await selectionAfter(() => api.graph.handle({ type: 'revealNode', node: PUTIN }), /^Vladimir Putin$/);
    assert.strictEqual(first, 'Vladimir Putin');
    assert.strictEqual(vscode.window.activeTextEditor!.selection.start.line, 0);
    const edge = putinEdges(api.graph.lastMessage).find((e) => /netanyahu/.test(e.id));
    assert.ok(edge);
    const evidence = await selectionAfter(() => api.graph.handle({ type: 'revealEdge', edge: edge.id }), /^Russian President Vladimir Putin spoke to/);
    assert.match(evidence, /Netanyahu/);
    // A forged message is ignored.
    assert.strictEqual(await api.graph.handle({ type: 'revealNode', node: PUTIN, uri: 'file:///etc/passwd' }), undefined);
  });

  test('the graph follows edits of the article and the active editor', async function () {
    this.timeout(3 * STEP_MS);
    const editor = await showSeed();
    const end = seed.positionAt(seed.getText().length);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(seed.uri, end, '\n\nPutin held talks with Turkish President Recep Tayyip Erdogan on Tuesday.\n');
    const six = model('a sixth edge for Putin after the edit', (m) => m.current === seed.uri.toString() && putinEdges(m).length === 6);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const m = await six;
    assert.ok(putinEdges(m).some((e) => /erdogan/.test(e.id) && e.kinds.includes('talks')), JSON.stringify(putinEdges(m)));
    const five = model('five edges again after the revert', (x) => x.current === seed.uri.toString() && putinEdges(x).length === 5);
    await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn });
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await five;

    const other = await vscode.workspace.openTextDocument(workspaceFile('examples', 'phone-diplomacy.article'));
    const followed = model('the graph of phone-diplomacy.article', (x) => x.current === other.uri.toString() && !!x.graph?.nodes.some((n) => /Macron/.test(n.name)));
    await vscode.window.showTextDocument(other, { viewColumn: vscode.ViewColumn.One, preview: false });
    const o = await followed;
    assert.match(o.title, /phone-diplomacy\.article/);
    await drawn(o);
    const back = model('the seed graph again', (x) => x.current === seed.uri.toString() && putinEdges(x).length === 5);
    await showSeed();
    await back;
  });

  test('the workspace scope merges every article by entity, with the articles on each edge', async function () {
    this.timeout(FIRST_ANALYSIS_MS);
    const merged = model(
      'the workspace graph with the seed and the examples, indexed',
      (m) => m.scope === 'workspace' && !m.graph?.indexing && (m.graph?.articles.length ?? 0) >= 3 && !!m.graph?.nodes.some((n) => /Macron/.test(n.name)),
      FIRST_ANALYSIS_MS,
    );
    await api.graph.handle({ type: 'setScope', scope: 'workspace' });
    const m = await merged;
    const g = m.graph!;
    assert.strictEqual(g.nodes.filter((n) => n.id === PUTIN).length, 1, 'one Putin node for every article');
    assert.ok(putinEdges(m).length >= 5, describe());
    assert.ok(g.edges.every((e) => e.articles.length >= 1 && e.articles.every((u) => g.articles.some((a) => a.uri === u))));
    assert.ok(putinEdges(m).some((e) => e.articles.includes(seed.uri.toString())));
    await drawn(m);
    const back = model('the document scope again', (x) => x.scope === 'document' && putinEdges(x).length === 5);
    await api.graph.handle({ type: 'setScope', scope: 'document' });
    await drawn(await back);
  });

  test('the picture is exported as SVG and PNG', async function () {
    this.timeout(3 * STEP_MS);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-graph-'));
    try {
      const svgPath = path.join(dir, 'graph.svg');
      const written = await within(vscode.commands.executeCommand<string>('newsLens.exportConversationGraph', { format: 'svg', path: svgPath }), STEP_MS, 'SVG export');
      assert.strictEqual(written, svgPath);
      const svg = fs.readFileSync(svgPath, 'utf8');
      assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      assert.match(svg, /Vladimir Putin/);
      assert.match(svg, /<\/svg>\n$/);
      const pngPath = path.join(dir, 'graph.png');
      await within(vscode.commands.executeCommand('newsLens.exportConversationGraph', { format: 'png', path: pngPath }), STEP_MS, 'PNG export');
      const png = fs.readFileSync(pngPath);
      assert.deepStrictEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      assert.ok(png.length > 2000, `PNG of ${png.length} bytes`);
      assert.deepStrictEqual(fs.readdirSync(dir).sort(), ['graph.png', 'graph.svg'], 'no temporary files left');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
