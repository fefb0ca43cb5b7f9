// Reliability and safety in a real editor: article text stays text in hovers and the News Lens views (no
// `command:` link becomes active), the graph webview's Content-Security-Policy, a document above
// newsLens.maxFileSize (one diagnostic and the status bar say what was skipped), and the language server
// killed mid-session: the client restarts it and diagnostics, hovers and the sidebar come back (the
// recovery time is printed). Runs last: it kills the server. Every wait is on an event, with a timeout.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { waitFor, within } from './wait';
import { workspaceFile } from './workspace';

const EXTENSION_ID = 'news-lens.news-lens';
const SEED_NAME = 'putin-netanyahu-call.txt';
const SOURCE = 'News Lens';
const STEP_MS = 20000;
const RECOVERY_MS = 60000;

interface Api {
  ready: Promise<void>;
  conversationsProvider: vscode.TreeDataProvider<unknown> & { onDidChangeTreeData?: vscode.Event<unknown> };
  quotesProvider: vscode.TreeDataProvider<unknown> & { onDidChangeTreeData?: vscode.Event<unknown> };
  graph: { readonly panel: vscode.WebviewPanel | undefined };
  statusBar: { readonly shown: { text: string; tooltip: string } };
}

let api: Api;
let seed: vscode.TextDocument;

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? d.code.value : d.code);
const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);

function hoverValues(hovers: vscode.Hover[] | undefined): (string | vscode.MarkdownString)[] {
  return (hovers ?? []).flatMap((h) => h.contents as (string | vscode.MarkdownString)[]);
}

const valueOf = (c: string | vscode.MarkdownString | { value: string }) => (typeof c === 'string' ? c : c.value);

/** True when markdown `md` contains a link, image, autolink or HTML tag that is not backslash-escaped. */
function activeMarkup(md: string): boolean {
  return /(?<!\\)\](?:\(|\[)|(?<!\\)<(?:a|img|script|https?|command)\b|(?<!\\)\[[^\]]*(?<!\\)\]:\s*command:/i.test(md);
}

async function children(provider: vscode.TreeDataProvider<unknown>, parent?: unknown) {
  const kids = (await provider.getChildren(parent)) ?? [];
  return Promise.all(kids.map(async (element) => ({ element, item: await provider.getTreeItem(element) })));
}

const labelOf = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : item.label?.label ?? '');

function treeEvents(provider: { onDidChangeTreeData?: vscode.Event<unknown> }): vscode.Event<unknown>[] {
  const events: vscode.Event<unknown>[] = [vscode.languages.onDidChangeDiagnostics, vscode.window.onDidChangeActiveTextEditor];
  if (provider.onDidChangeTreeData) events.push(provider.onDidChangeTreeData);
  return events;
}

/** The pid of the News Lens language server: a child of this extension host running dist/server.js. */
function serverPid(): number | undefined {
  if (!fs.existsSync('/proc')) return undefined;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (cmdline.some((a) => /dist[\\/]server\.js$/.test(a))) return Number(entry);
    } catch {
      /* gone meanwhile */
    }
  }
  return undefined;
}

suite('News Lens keeps going, and article text stays text', function () {
  suiteSetup(async function () {
    this.timeout(STEP_MS * 3);
    const ext = vscode.extensions.getExtension<Api>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
    api = await within(ext.activate(), STEP_MS, 'activate()');
    await within(api.ready, STEP_MS, 'api.ready');
    seed = await vscode.workspace.openTextDocument(workspaceFile(SEED_NAME));
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a command: link in an article never reaches a hover or a view item as a link', async function () {
    this.timeout(STEP_MS * 3);
    const text =
      'Russian President Vladimir Putin spoke with Israeli President Benjamin Netanyahu by [phone](command:workbench.action.terminal.new).\n\n' +
      '"[Open a terminal](command:workbench.action.terminal.new) <a href=\'command:workbench.action.reloadWindow\'>reload</a> [x]: command:workbench.action.quit," Putin said.\n';
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: text });
    await vscode.window.showTextDocument(doc, { preview: false });

    // Hovers: untrusted markdown, every metacharacter from the article escaped.
    await waitFor('the analysis of the untitled article', () => ours(doc.uri).some((d) => codeOf(d) === 'title-mismatch') || undefined, [vscode.languages.onDidChangeDiagnostics], STEP_MS);
    for (const needle of ['Open a terminal', 'reload', 'Vladimir Putin']) {
      const at = doc.positionAt(text.indexOf(needle) + 2);
      const hovers = await waitFor(
        `a hover over "${needle}"`,
        async () => {
          const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
          return hoverValues(h).some((c) => /News Lens|Quote|Putin/.test(valueOf(c))) ? h : undefined;
        },
        [vscode.languages.onDidChangeDiagnostics],
        STEP_MS,
      );
      for (const c of hoverValues(hovers)) {
        if (typeof c !== 'string') assert.ok(!c.isTrusted && !c.supportHtml, `a trusted hover over "${needle}"`);
        assert.ok(!activeMarkup(valueOf(c)), `active markup in the hover over "${needle}": ${valueOf(c)}`);
      }
    }

    // The Quotes view: the quote's label is plain text, its tooltip escaped, its command ours.
    const quote = await waitFor(
      'the quote in the Quotes view',
      async () => {
        for (const group of await children(api.quotesProvider)) {
          for (const q of await children(api.quotesProvider, group.element)) if (/Open a terminal/.test(labelOf(q.item))) return q.item;
        }
        return undefined;
      },
      treeEvents(api.quotesProvider),
      STEP_MS,
    );
    const tip = quote.tooltip;
    assert.ok(tip instanceof vscode.MarkdownString, 'the tooltip is markdown built with appendText');
    assert.ok(!tip.isTrusted && !tip.supportHtml, 'an untrusted tooltip');
    assert.ok(!activeMarkup(tip.value), `active markup in the tooltip: ${tip.value}`);
    assert.strictEqual(quote.command?.command, 'newsLens.reveal');

    // The Who Spoke to Whom view: labels, descriptions and tooltips are plain strings; commands are ours.
    const people = await waitFor('Putin in Who Spoke to Whom', async () => {
      const roots = await children(api.conversationsProvider);
      return roots.some((r) => /Putin/.test(labelOf(r.item))) ? roots : undefined;
    }, treeEvents(api.conversationsProvider), STEP_MS);
    for (const p of people) {
      for (const item of [p.item, ...(await children(api.conversationsProvider, p.element)).map((c) => c.item)]) {
        assert.ok(typeof item.tooltip !== 'object', 'plain-text tooltips');
        assert.ok(!item.command || item.command.command === 'newsLens.reveal', `command ${item.command?.command}`);
      }
    }
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('the graph webview: strict Content-Security-Policy, local resources only, no command links', async function () {
    this.timeout(STEP_MS * 2);
    await vscode.window.showTextDocument(seed, { preview: false });
    await within(vscode.commands.executeCommand('newsLens.showConversationGraph'), STEP_MS, 'Show Conversation Graph');
    const panel = api.graph.panel;
    assert.ok(panel, 'the graph panel');
    const html = panel.webview.html;
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.ok(csp, 'a Content-Security-Policy meta tag');
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    assert.deepStrictEqual(directives.get('default-src'), ["'none'"]);
    assert.ok(directives.get('script-src')?.every((s) => /^'nonce-[A-Za-z0-9+/=]+'$/.test(s)), `script-src ${directives.get('script-src')}`);
    assert.ok(!/unsafe-inline|unsafe-eval|\bhttp:/.test(csp), `a loose policy: ${csp}`);
    assert.ok(!/script-src[^;]*data:/.test(csp) && !/default-src[^;]*data:/.test(csp), `data: scripts allowed: ${csp}`);
    const own = panel.webview.cspSource.split(/\s+/);
    for (const [name, sources] of directives) {
      for (const s of sources) assert.ok(own.includes(s) || /^'(none|nonce-[^']+)'$|^data:$/.test(s), `${name} allows ${s}`);
    }
    // Every resource is the extension's own (dist/), through the webview's resource scheme.
    const resources = [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    assert.ok(resources.length >= 2);
    for (const r of resources) assert.ok(r.includes('/dist/'), `a resource outside dist/: ${r}`);
    for (const script of html.match(/<script\b[^>]*>/g) ?? []) assert.match(script, /nonce="/, 'every script carries the nonce');
    assert.ok(!panel.webview.options.enableCommandUris, 'no command: URIs in the webview');
    const roots = panel.webview.options.localResourceRoots ?? [];
    assert.ok(roots.length === 1 && /\/dist\/?$/.test(roots[0].path), `localResourceRoots ${roots.map((r) => r.toString())}`);
    panel.dispose();
  });

  test('a document above newsLens.maxFileSize: one diagnostic and the status bar say what was skipped', async function () {
    this.timeout(STEP_MS * 3);
    const config = vscode.workspace.getConfiguration('newsLens');
    await config.update('maxFileSize', 20000, vscode.ConfigurationTarget.Global);
    try {
      const paragraph = seed.getText().replace(/\s*\n\s*/g, ' ');
      const text = Array.from({ length: 12 }, (_, i) => `(${i + 1}) ${paragraph}`).join('\n\n');
      const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: text });
      await vscode.window.showTextDocument(doc, { preview: false });
      const d = await waitFor(
        'the analysis-truncated diagnostic',
        () => ours(doc.uri).find((x) => codeOf(x) === 'analysis-truncated'),
        [vscode.languages.onDidChangeDiagnostics],
        STEP_MS,
        () => JSON.stringify(ours(doc.uri).map((x) => codeOf(x))),
      );
      assert.strictEqual(ours(doc.uri).filter((x) => codeOf(x) === 'analysis-truncated').length, 1);
      assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Information);
      assert.match(d.message, /analysed only the first .* and skipped the rest .*newsLens\.maxFileSize \(20,000 bytes\)/);
      const cut = doc.offsetAt(d.range.start);
      assert.ok(cut > 10000 && cut <= 20000 && text.slice(cut - 2, cut) === '\n\n', `cut at ${cut}`);
      for (const x of ours(doc.uri)) if (x !== d) assert.ok(doc.offsetAt(x.range.end) <= cut, `${codeOf(x)} in the skipped part`);
      const shown = await waitFor(
        'the status bar to say what was analysed',
        () => (/analysed \d+ of \d+ KB/.test(api.statusBar.shown.text) ? api.statusBar.shown : undefined),
        [vscode.languages.onDidChangeDiagnostics, vscode.window.onDidChangeActiveTextEditor, api.quotesProvider.onDidChangeTreeData!],
        STEP_MS,
        () => JSON.stringify(api.statusBar.shown),
      );
      assert.match(shown.text, /^\$\(warning\) .* · analysed \d+ of \d+ KB$/);
      assert.match(shown.tooltip.replace(/&nbsp;/g, ' '), /Only the first \d+ of this \d+ KB file were analysed/);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await config.update('maxFileSize', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('the language server killed: it is restarted, and diagnostics, hovers and the sidebar come back', async function () {
    this.timeout(RECOVERY_MS * 2);
    if (!fs.existsSync('/proc')) this.skip();
    await vscode.window.showTextDocument(seed, { preview: false });
    const titleMismatch = () => ours(seed.uri).some((d) => codeOf(d) === 'title-mismatch');
    await waitFor('the seed’s diagnostics', () => titleMismatch() || undefined, [vscode.languages.onDidChangeDiagnostics], STEP_MS);
    const before = serverPid();
    assert.ok(before, 'the language server process (a child of the extension host running dist/server.js)');

    let cleared = false;
    const watch = vscode.languages.onDidChangeDiagnostics(() => void (titleMismatch() || (cleared = true)));
    const killedAt = Date.now();
    process.kill(before, 'SIGKILL');
    try {
      await waitFor(
        'the diagnostics to come back from a new server',
        () => {
          const now = serverPid();
          return cleared && now !== undefined && now !== before && titleMismatch();
        },
        [vscode.languages.onDidChangeDiagnostics],
        RECOVERY_MS,
        () => `cleared=${cleared}; server pid ${serverPid()} (was ${before}); ${JSON.stringify(ours(seed.uri).map((d) => codeOf(d)))}`,
      );
    } finally {
      watch.dispose();
    }
    const diagnosticsMs = Date.now() - killedAt;

    const at = seed.positionAt(seed.getText().indexOf('Vladimir Putin') + 10);
    const hover = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', seed.uri, at);
    assert.ok(hoverValues(hover).some((c) => /Vladimir Putin/.test(valueOf(c)) && /President/.test(valueOf(c))), `hover after the restart: ${JSON.stringify(hoverValues(hover).map(valueOf))}`);
    const putin = await waitFor(
      'Putin with his five contacts in Who Spoke to Whom',
      async () => {
        const root = (await children(api.conversationsProvider)).find((r) => /Putin/.test(labelOf(r.item)));
        return root && (await children(api.conversationsProvider, root.element)).length === 5 ? root : undefined;
      },
      treeEvents(api.conversationsProvider),
      STEP_MS,
    );
    assert.ok(putin);
    const quotes = (await children(api.quotesProvider)).map((g) => labelOf(g.item));
    assert.ok(quotes.some((l) => /Kremlin/.test(l)), `Quotes view after the restart: ${JSON.stringify(quotes)}`);
    await waitFor('the status bar back to counts', () => (/leader/.test(api.statusBar.shown.text) ? true : undefined), [vscode.languages.onDidChangeDiagnostics, api.quotesProvider.onDidChangeTreeData!], STEP_MS, () => api.statusBar.shown.text);
    const totalMs = Date.now() - killedAt;
    console.log(`[news-lens e2e] recovery after the server was killed: diagnostics back in ${diagnosticsMs} ms, hover and sidebar in ${totalMs} ms`);
  });
});
