// The real-editor suite: runs inside a VS Code extension host (code-server or desktop VS Code) with the
// extension under development loaded and a workspace holding the seed article (and the examples).
// Every wait is on an editor event with a timeout; nothing sleeps for a fixed time.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { waitFor, within } from './wait';
import { workspaceFile } from './workspace';

const EXTENSION_ID = 'news-lens.news-lens';
const SEED_NAME = 'putin-netanyahu-call.txt';
const SOURCE = 'News Lens';
/** Generous, because the first analysis also loads the engine and its knowledge base. */
const FIRST_ANALYSIS_MS = 60000;
const STEP_MS = 20000;

interface NewsLensApi {
  client: unknown;
  conversationsProvider: vscode.TreeDataProvider<unknown>;
  quotesProvider: vscode.TreeDataProvider<unknown>;
  ready: Promise<void>;
}

const CONTACTS: [string, RegExp][] = [
  ['Netanyahu', /Netanyahu/],
  ['al-Sisi', /Sisi/],
  ['Raisi', /Raisi/],
  ['al-Assad', /Assad/],
  ['Abbas', /Abbas/],
];

let seed: vscode.TextDocument;
let api: NewsLensApi;

function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

function describeDiagnostics(doc: vscode.TextDocument): string {
  const all = vscode.languages.getDiagnostics(doc.uri);
  return JSON.stringify(all.map((d) => ({ source: d.source, code: codeOf(d), at: doc.offsetAt(d.range.start), text: doc.getText(d.range), message: d.message })));
}

/** Position `delta` characters into the first occurrence of `needle` (which must exist). */
function positionOf(doc: vscode.TextDocument, needle: string, delta = 1, from = 0): vscode.Position {
  const at = doc.getText().indexOf(needle, from);
  assert.ok(at >= 0, `"${needle}" not found in ${doc.uri.path}`);
  return doc.positionAt(at + delta);
}

function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? [])
    .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
    .join('\n---\n');
}

function targetOf(loc: vscode.Location | vscode.LocationLink): { uri: vscode.Uri; range: vscode.Range } {
  return 'targetUri' in loc
    ? { uri: loc.targetUri, range: loc.targetSelectionRange ?? loc.targetRange }
    : { uri: loc.uri, range: loc.range };
}

function symbolNames(symbols: (vscode.DocumentSymbol | vscode.SymbolInformation)[] | undefined): string[] {
  const names: string[] = [];
  const walk = (s: vscode.DocumentSymbol | vscode.SymbolInformation) => {
    names.push(s.name);
    if ('children' in s) s.children.forEach(walk);
  };
  (symbols ?? []).forEach(walk);
  return names;
}

/** The tree item's label (its name), without the description. */
async function labelOf(provider: vscode.TreeDataProvider<unknown>, element: unknown): Promise<string> {
  const item = await provider.getTreeItem(element);
  return typeof item.label === 'string' ? item.label : item.label?.label ?? '';
}

async function childrenWithLabels(provider: vscode.TreeDataProvider<unknown>, parent?: unknown) {
  const kids = (await provider.getChildren(parent)) ?? [];
  return Promise.all(kids.map(async (element) => ({ element, label: await labelOf(provider, element) })));
}

function treeEvents(provider: vscode.TreeDataProvider<unknown>): vscode.Event<unknown>[] {
  const events: vscode.Event<unknown>[] = [vscode.languages.onDidChangeDiagnostics, vscode.window.onDidChangeActiveTextEditor];
  if (provider.onDidChangeTreeData) events.push(provider.onDidChangeTreeData as vscode.Event<unknown>);
  return events;
}

const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The labels of the quotes under the speaker matching `speaker` in the Quotes view (without a trailing "…"). */
async function quotesOfSpeaker(speaker: RegExp): Promise<string[]> {
  const provider = api.quotesProvider;
  const group = (await childrenWithLabels(provider)).find((g) => speaker.test(g.label));
  if (!group) return [];
  return (await childrenWithLabels(provider, group.element)).map((q) => flat(q.label).replace(/…$/, ''));
}

async function showSeed(): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(seed, { preview: false, preserveFocus: false });
}

suite('News Lens in a real editor', function () {
  suiteSetup(async function () {
    this.timeout(FIRST_ANALYSIS_MS + STEP_MS);
    seed = await vscode.workspace.openTextDocument(workspaceFile(SEED_NAME));
    await showSeed();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('activates on the seed article and publishes the title-mismatch diagnostic', async function () {
    this.timeout(FIRST_ANALYSIS_MS + STEP_MS);
    const ext = vscode.extensions.getExtension<NewsLensApi>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this editor`);
    assert.strictEqual(seed.languageId, 'plaintext');

    // Only opening the article may activate the extension: the suite never calls activate() before
    // the server's diagnostics have arrived.
    const diag = await waitFor(
      'the title-mismatch diagnostic on the seed article',
      () => ours(seed.uri).find((d) => codeOf(d) === 'title-mismatch'),
      [vscode.languages.onDidChangeDiagnostics],
      FIRST_ANALYSIS_MS,
      () => `isActive=${ext.isActive}; diagnostics=${describeDiagnostics(seed)}`,
    );
    assert.strictEqual(ext.isActive, true, 'diagnostics arrived but the extension is not active');
    assert.strictEqual(seed.offsetAt(diag.range.start), 42, `diagnostic starts at ${seed.offsetAt(diag.range.start)}`);
    assert.strictEqual(seed.getText(diag.range), 'Israeli President Benjamin Netanyahu');
    assert.ok(/Prime Minister/i.test(diag.message), `message should name the right office: ${diag.message}`);

    api = await within(ext.activate(), STEP_MS, 'activate() returning the API');
    assert.ok(api && api.client, 'activate() must return { client, ... }');
    assert.ok(api.conversationsProvider && typeof api.conversationsProvider.getChildren === 'function', 'conversationsProvider');
    assert.ok(api.quotesProvider && typeof api.quotesProvider.getChildren === 'function', 'quotesProvider');
    await within(api.ready, STEP_MS, 'api.ready');
  });

  test('hover over "Putin" shows his entity card', async () => {
    assert.ok(api, 'activation test failed');
    const pos = positionOf(seed, 'Vladimir Putin', 'Vladimir '.length + 2);
    const hovers = await within(
      vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', seed.uri, pos),
      STEP_MS,
      'vscode.executeHoverProvider',
    );
    const text = hoverText(hovers);
    assert.match(text, /Vladimir Putin/, `hover: ${JSON.stringify(text)}`);
    assert.match(text, /President/, `hover should give his office: ${JSON.stringify(text)}`);
    assert.match(text, /Russia/, `hover should give his country: ${JSON.stringify(text)}`);
  });

  test('go to definition inside a quote lands on its speaker', async () => {
    assert.ok(api, 'activation test failed');
    // `inside` is a plain word of the quote (not a mention): definition there means "its speaker".
    const cases: { quote: string; inside: string; speaker: RegExp }[] = [
      { quote: 'A unanimous opinion was expressed', inside: 'unanimous opinion', speaker: /Kremlin/ },
      { quote: 'Israeli PM Netanyahu spoke this evening', inside: 'spoke this evening', speaker: /Netanyahu/ },
    ];
    for (const c of cases) {
      const quoteStart = seed.getText().indexOf(c.quote);
      assert.ok(quoteStart > 0, `quote "${c.quote}" not in the seed`);
      const quoteEnd = seed.getText().indexOf('"', quoteStart);
      const inside = positionOf(seed, c.inside, 3, quoteStart);
      const locs = await within(
        vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', seed.uri, inside),
        STEP_MS,
        'vscode.executeDefinitionProvider',
      );
      assert.ok(locs && locs.length > 0, `no definition for a position inside "${c.quote}…"`);
      const { uri, range } = targetOf(locs[0]);
      assert.strictEqual(uri.toString(), seed.uri.toString());
      const at = seed.offsetAt(range.start);
      const text = seed.getText(range);
      assert.ok(at < quoteStart - 1 || at > quoteEnd, `definition of "${c.quote}…" lands inside the quote itself (${JSON.stringify(text)} at ${at})`);
      // The target names the speaker ("the Kremlin statement"), or is a phrase standing for them
      // ("the statement" of Netanyahu's Office), which the hover there then explains.
      if (!c.speaker.test(text)) {
        const there = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', seed.uri, range.start));
        assert.match(there, c.speaker, `definition of "${c.quote}…" went to ${JSON.stringify(text)} at ${at}; hover there: ${JSON.stringify(there)}`);
      }
    }
  });

  test('the outline lists the leaders', async () => {
    assert.ok(api, 'activation test failed');
    const symbols = await within(
      vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[]>('vscode.executeDocumentSymbolProvider', seed.uri),
      STEP_MS,
      'vscode.executeDocumentSymbolProvider',
    );
    const names = symbolNames(symbols);
    for (const [who, re] of [['Putin', /Putin/] as [string, RegExp], ...CONTACTS]) {
      assert.ok(names.some((n) => re.test(n)), `outline lacks ${who}: ${JSON.stringify(names)}`);
    }
  });

  test('the conversations view shows Putin with his five contacts', async () => {
    assert.ok(api, 'activation test failed');
    await showSeed();
    const provider = api.conversationsProvider;
    const putin = await waitFor(
      'Putin among the conversations view roots',
      async () => (await childrenWithLabels(provider)).find((r) => /Putin/.test(r.label)),
      treeEvents(provider),
      STEP_MS,
      async () => JSON.stringify((await childrenWithLabels(provider)).map((r) => r.label)),
    );
    const contacts = (await childrenWithLabels(provider, putin.element)).map((c) => c.label);
    for (const [who, re] of CONTACTS) {
      assert.ok(contacts.some((l) => re.test(l)), `Putin's contacts lack ${who}: ${JSON.stringify(contacts)}`);
    }
    assert.strictEqual(contacts.length, 5, `Putin should have exactly five contacts: ${JSON.stringify(contacts)}`);
  });

  test('the quotes view lists the seed article\'s quotes with their speakers', async () => {
    assert.ok(api, 'activation test failed');
    await showSeed();
    const provider = api.quotesProvider;
    // Flatten two levels: the view may group quotes by speaker.
    const flatten = async () => {
      const labels: string[] = [];
      for (const root of await childrenWithLabels(provider)) {
        labels.push(root.label);
        const item = await provider.getTreeItem(root.element);
        if (item.collapsibleState) {
          labels.push(...(await childrenWithLabels(provider, root.element)).map((c) => c.label));
        }
      }
      return labels;
    };
    const labels = await waitFor(
      'quotes in the quotes view',
      async () => {
        const l = await flatten();
        return l.some((x) => /unanimous opinion/i.test(x)) && l.some((x) => /despicable|Israeli PM Netanyahu/i.test(x)) ? l : undefined;
      },
      treeEvents(provider),
      STEP_MS,
      async () => JSON.stringify(await flatten()),
    );
    assert.ok(labels.some((x) => /Kremlin/.test(x)), `the Kremlin should appear as a speaker: ${JSON.stringify(labels)}`);
  });

  test('the palette commands are registered and run', async () => {
    assert.ok(api, 'activation test failed');
    const all = await vscode.commands.getCommands(true);
    for (const id of ['newsLens.goToSpeaker', 'newsLens.showQuotesBySpeaker', 'newsLens.refresh']) {
      assert.ok(all.includes(id), `command ${id} is not registered`);
    }

    // Refresh: re-analyses; the diagnostics must be back afterwards.
    await within(vscode.commands.executeCommand('newsLens.refresh'), STEP_MS, 'newsLens.refresh');
    await waitFor(
      'the title-mismatch diagnostic after refresh',
      () => ours(seed.uri).some((d) => codeOf(d) === 'title-mismatch'),
      [vscode.languages.onDidChangeDiagnostics],
      STEP_MS,
      () => describeDiagnostics(seed),
    );

    // Go to Speaker: with the cursor inside the Kremlin quote, the selection moves to the speaker.
    const editor = await showSeed();
    const inside = positionOf(seed, 'A unanimous opinion', 12);
    editor.selection = new vscode.Selection(inside, inside);
    const moved = waitFor(
      'the selection to move to the speaker',
      () => {
        const ed = vscode.window.activeTextEditor;
        return ed && ed.document.uri.toString() === seed.uri.toString() && !ed.selection.contains(inside) ? ed.selection : undefined;
      },
      [vscode.window.onDidChangeTextEditorSelection, vscode.window.onDidChangeActiveTextEditor],
      STEP_MS,
      () => JSON.stringify(vscode.window.activeTextEditor?.selection),
    );
    await within(vscode.commands.executeCommand('newsLens.goToSpeaker'), STEP_MS, 'newsLens.goToSpeaker');
    const sel = await moved;
    assert.match(seed.getText(sel), /Kremlin/, `Go to Speaker selected ${JSON.stringify(seed.getText(sel))} at ${seed.offsetAt(sel.start)}`);

    // Show Quotes by This Speaker, with the cursor on "the Kremlin": a quick pick of the Kremlin's
    // quotes; accepting its first item selects that quote in the editor.
    const kremlinQuotes = await quotesOfSpeaker(/Kremlin/);
    assert.ok(kremlinQuotes.length > 0, 'the Quotes view has no quotes by the Kremlin');
    const onKremlin = positionOf(seed, 'the Kremlin statement said', 6);
    editor.selection = new vscode.Selection(onKremlin, onKremlin);
    let settled = false;
    const shown = Promise.resolve(vscode.commands.executeCommand('newsLens.showQuotesBySpeaker')).finally(() => (settled = true));
    const selected = waitFor(
      'Show Quotes by This Speaker to select one of the Kremlin\'s quotes',
      () => {
        const ed = vscode.window.activeTextEditor;
        if (!ed || ed.selection.isEmpty) return undefined;
        const text = flat(seed.getText(ed.selection));
        return kremlinQuotes.some((label) => text.startsWith(label)) ? text : undefined;
      },
      [vscode.window.onDidChangeTextEditorSelection],
      STEP_MS,
      () => `selection ${JSON.stringify(seed.getText(vscode.window.activeTextEditor?.selection))}; the Kremlin's quotes: ${JSON.stringify(kremlinQuotes)}`,
    );
    // The quick pick opens once the command has heard from the server. There is no event for that, so
    // accept the selected item every 200 ms until the command returns (bounded by the wait above).
    for (let i = 0; !settled && i < STEP_MS / 200; i++) {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await Promise.race([shown, new Promise((r) => setTimeout(r, 200))]);
    }
    await within(shown, STEP_MS, 'newsLens.showQuotesBySpeaker');
    await selected;
  });

  test('a .article file is a news-article document and is analysed', async () => {
    assert.ok(api, 'activation test failed');
    const doc = await vscode.workspace.openTextDocument(workspaceFile('examples', 'phone-diplomacy.article'));
    await vscode.window.showTextDocument(doc, { preview: false });
    assert.strictEqual(doc.languageId, 'news-article');
    const symbols = await waitFor(
      'the outline of phone-diplomacy.article',
      async () => {
        const names = symbolNames(await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', doc.uri));
        return names.some((n) => /Macron/.test(n)) ? names : undefined;
      },
      [vscode.languages.onDidChangeDiagnostics],
      STEP_MS,
    );
    for (const re of [/Macron/, /Scholz/, /Zelensky/]) assert.ok(symbols.some((n) => re.test(n)), `outline lacks ${re}: ${JSON.stringify(symbols)}`);
    await showSeed();
  });
});
