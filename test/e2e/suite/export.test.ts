// Export Annotations in a real editor: the commands run with their test arguments (format, target,
// overwrite) instead of the quick pick and the save dialog; what they write is read back. Every output
// goes to a temporary folder outside the workspace, so the other suites see the workspace unchanged.
import * as assert from 'assert';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { waitFor, within } from './wait';
import { workspaceFile } from './workspace';

const EXTENSION_ID = 'news-lens.news-lens';
const SEED_NAME = 'putin-netanyahu-call.txt';
const FIRST_ANALYSIS_MS = 60000;
const STEP_MS = 30000;

interface ExportCommandResult {
  format: string;
  target: string;
  files: string[];
  articles: number;
  skipped: { path: string; reason: string }[];
  error?: string;
}

let seed: vscode.TextDocument;
let out: string;

function run(command: string, options: Record<string, unknown>): Promise<ExportCommandResult> {
  return within(vscode.commands.executeCommand<ExportCommandResult>(command, options), STEP_MS, command);
}

/** The workspace's articles as the export lists them: .txt, .md and .article files outside hidden folders. */
function workspaceArticles(): string[] {
  const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(txt|md|markdown|article)$/.test(e.name)) found.push(p);
    }
  };
  walk(root);
  return found.sort();
}

suite('Export Annotations in a real editor', function () {
  suiteSetup(async function () {
    this.timeout(FIRST_ANALYSIS_MS + STEP_MS);
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-export-e2e-'));
    seed = await vscode.workspace.openTextDocument(workspaceFile(SEED_NAME));
    await vscode.window.showTextDocument(seed, { preview: false });
    const ext = vscode.extensions.getExtension<{ ready: Promise<void> }>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this editor`);
    const api = await within(ext.activate(), STEP_MS, 'activate()');
    await within(api.ready, FIRST_ANALYSIS_MS, 'api.ready');
    // The seed has been analysed once its diagnostics are in.
    await waitFor('the seed article analysed', () => vscode.languages.getDiagnostics(seed.uri).some((d) => d.source === 'News Lens'), [vscode.languages.onDidChangeDiagnostics], FIRST_ANALYSIS_MS);
  });

  suiteTeardown(async () => {
    fs.rmSync(out, { recursive: true, force: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('both export commands are contributed and registered', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const id of ['newsLens.exportAnnotations', 'newsLens.exportWorkspaceAnnotations']) assert.ok(all.includes(id), `${id} is not registered`);
    const contributed = (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.commands as { command: string; title: string; category: string }[]).filter((c) => /^newsLens\.export(Workspace)?Annotations$/.test(c.command));
    assert.deepStrictEqual(contributed.map((c) => `${c.category}: ${c.title}`).sort(), ['News Lens: Export Annotations…', 'News Lens: Export Workspace Annotations…']);
  });

  test('Export Annotations writes the seed article as news-lens/annotations@1 JSON', async () => {
    await vscode.window.showTextDocument(seed, { preview: false });
    const target = path.join(out, 'seed.json');
    const result = await run('newsLens.exportAnnotations', { format: 'json', target, overwrite: true });
    assert.strictEqual(result.error, undefined, result.error);
    assert.deepStrictEqual(result.files, [target]);
    const doc = JSON.parse(fs.readFileSync(target, 'utf8'));
    assert.strictEqual(doc.schema, 'news-lens/annotations@1');
    assert.strictEqual(doc.source.path, seed.uri.fsPath);
    assert.strictEqual(doc.source.sha256, createHash('sha256').update(fs.readFileSync(seed.uri.fsPath)).digest('hex'));
    const names = doc.entities.map((e: { name: string }) => e.name);
    for (const who of ['Vladimir Putin', 'Benjamin Netanyahu', 'the Kremlin']) assert.ok(names.includes(who), `${who} in ${JSON.stringify(names)}`);
    assert.strictEqual(doc.interactions.length, 5);
    assert.ok(doc.quotes.some((q: { text: string; speaker: string }) => /unanimous opinion/.test(q.text) && q.speaker === 'org:kremlin'));
    assert.deepStrictEqual(fs.readdirSync(out).filter((f) => f.startsWith('.')), [], 'no temporary file is left');
  });

  test('without a format the command asks with a quick pick (its first item is JSON)', async () => {
    await vscode.window.showTextDocument(seed, { preview: false });
    const target = path.join(out, 'picked.json');
    let settled = false;
    const running = Promise.resolve(vscode.commands.executeCommand<ExportCommandResult>('newsLens.exportAnnotations', { target, overwrite: true })).finally(() => (settled = true));
    // No event tells when the quick pick is open: accept its selected item every 200 ms until the command returns.
    for (let i = 0; !settled && i < STEP_MS / 200; i++) {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await Promise.race([running, new Promise((r) => setTimeout(r, 200))]);
    }
    const result = await within(running, STEP_MS, 'newsLens.exportAnnotations with the quick pick');
    assert.strictEqual(result?.format, 'json', JSON.stringify(result));
    assert.strictEqual(JSON.parse(fs.readFileSync(target, 'utf8')).schema, 'news-lens/annotations@1');
  });

  test('an existing file is not replaced when overwrite is false, and stays intact', async () => {
    await vscode.window.showTextDocument(seed, { preview: false });
    const target = path.join(out, 'kept.csv');
    fs.writeFileSync(target, 'precious');
    const result = await run('newsLens.exportAnnotations', { format: 'csv', target, overwrite: false });
    assert.match(result.error ?? '', /already exists/);
    assert.strictEqual(fs.readFileSync(target, 'utf8'), 'precious');
    const replaced = await run('newsLens.exportAnnotations', { format: 'csv', target, overwrite: true });
    assert.strictEqual(replaced.error, undefined, replaced.error);
    assert.match(fs.readFileSync(target, 'utf8'), /^\ufefffile,sha256,quote_id,/);
  });

  test('brat: the .ann goes where asked, the text copy and annotation.conf beside it', async () => {
    await vscode.window.showTextDocument(seed, { preview: false });
    const target = path.join(out, 'brat', 'call.ann');
    const result = await run('newsLens.exportAnnotations', { format: 'brat', target, overwrite: true });
    assert.strictEqual(result.error, undefined, result.error);
    assert.deepStrictEqual(fs.readdirSync(path.dirname(target)).sort(), ['annotation.conf', 'call.ann', 'call.txt']);
    assert.strictEqual(fs.readFileSync(path.join(out, 'brat', 'call.txt'), 'utf8'), seed.getText());
    assert.match(fs.readFileSync(target, 'utf8'), /^T\d+\tPerson 18 32\tVladimir Putin$/m);
  });

  test('Export Workspace Annotations streams every article into one jsonl file', async function () {
    this.timeout(3 * STEP_MS);
    const target = path.join(out, 'workspace.jsonl');
    const result = await run('newsLens.exportWorkspaceAnnotations', { format: 'jsonl', target, overwrite: true });
    assert.strictEqual(result.error, undefined, result.error);
    const articles = workspaceArticles();
    assert.ok(articles.length >= 5, JSON.stringify(articles));
    assert.deepStrictEqual(result.skipped, []);
    assert.strictEqual(result.articles, articles.length);
    const lines = fs.readFileSync(target, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    assert.deepStrictEqual(lines.map((l) => l.source.path), articles, 'one line per article, in path order');
    for (const l of lines) assert.strictEqual(l.schema, 'news-lens/annotations@1');
    const phone = lines.find((l) => /phone-diplomacy\.article$/.test(l.source.path));
    assert.ok(phone.entities.some((e: { name: string }) => /Macron/.test(e.name)));
  });

  test('Export Workspace Annotations writes a folder of Markdown reports, one per article, mirroring the workspace', async function () {
    this.timeout(3 * STEP_MS);
    const target = path.join(out, 'reports');
    const result = await run('newsLens.exportWorkspaceAnnotations', { format: 'markdown', target, overwrite: true });
    assert.strictEqual(result.error, undefined, result.error);
    const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const expected = workspaceArticles().map((a) => path.join(path.dirname(path.relative(root, a)), `${path.basename(a).replace(/\.[^.]+$/, '')}.report.md`).replace(/^\.\//, ''));
    const written = result.files.map((f) => path.relative(target, f)).sort();
    assert.deepStrictEqual(written, expected.sort());
    assert.match(fs.readFileSync(path.join(target, 'putin-netanyahu-call.report.md'), 'utf8'), /^# News Lens report: putin-netanyahu-call\\\.txt\n/);
    assert.deepStrictEqual(fs.readdirSync(out).filter((f) => f.startsWith('.')), [], 'no staging folder is left');
  });
});
