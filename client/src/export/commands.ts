// News Lens: Export Annotations… (the active article) and News Lens: Export Workspace Annotations… (every
// article in the workspace). The server renders each article (newsLens/export); this side picks the
// format and the target, confirms before replacing files, and writes through common/atomicWrite:
// temporary files beside the target renamed into place, all or nothing, the articles never replaced.
// A workspace export streams into one file (jsonl, csv) or a folder (one output per article), with
// cancellable progress; cancelling or failing leaves no partial output and the old files intact.
//
// For tests and scripts both commands take ({ format?, target?, overwrite? }): `format` skips the quick
// pick, `target` (a file-system path) the save dialog, `overwrite: true` the confirmation (false: never
// replace). They return what they did (ExportCommandResult), or undefined when the user backed out.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CancellationToken, LanguageClient } from 'vscode-languageclient/node';
import { EXPORT_FORMATS, FORMAT_INFO, isExportFormat, LANGUAGE_EXTENSIONS, streamHead, type ExportFormat } from '../../../common/exportFormats';
import { safeFileName, stemOf } from '../../../common/fileNames';
import { ExportCancelledError, FileExistsError, insideFolder, ProtectedFileError, writeFilesAtomic, writeFolderAtomic, writeStreamAtomic, type WriteOptions } from '../../../common/atomicWrite';
import { ExportRequest, type ExportResult } from '../../../common/protocol';
import { activeArticle } from '../reveal';

export interface ExportCommandOptions {
  format?: string;
  /** File-system path of the output (a file; a folder for per-article workspace exports). */
  target?: string;
  /** true: replace existing files without asking; false: never replace them; unset: ask. */
  overwrite?: boolean;
}

export interface ExportCommandResult {
  format: ExportFormat;
  target: string;
  /** Every output file (files already identical to the export are included). */
  files: string[];
  /** Articles exported. */
  articles: number;
  /** Articles left out, with the reason (workspace export). */
  skipped: { path: string; reason: string }[];
  /** Set when nothing was written: the reason, or 'cancelled'. */
  error?: string;
}

const SKIP_DIRS = new Set(['node_modules', 'out', 'dist', 'build', 'coverage']);
const CONCURRENCY = 4;

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

async function pickFormat(given: string | undefined, workspace: boolean): Promise<ExportFormat | undefined> {
  if (given !== undefined) {
    if (isExportFormat(given)) return given;
    void vscode.window.showErrorMessage(`News Lens: unknown export format "${given}" (one of ${EXPORT_FORMATS.join(', ')}).`);
    return undefined;
  }
  const items = EXPORT_FORMATS.filter((f) => workspace || f !== 'jsonl').map((id) => {
    const info = FORMAT_INFO[id];
    const where = workspace ? (info.streamable ? 'one file' : 'a folder, one output per article') : info.suffix;
    return { label: info.label, description: where, detail: info.description, id };
  });
  const picked = await vscode.window.showQuickPick(items, {
    title: workspace ? 'News Lens: export every article in the workspace as…' : 'News Lens: export this article as…',
    placeHolder: 'Export format',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.id;
}

/** Asks before replacing existing files (those in `confirmed` were already confirmed by the save dialog). */
function confirmer(options: ExportCommandOptions, confirmed: string[] = []): Pick<WriteOptions, 'overwrite' | 'confirm'> {
  if (options.overwrite !== undefined) return { overwrite: options.overwrite };
  const already = new Set(confirmed.map((p) => path.resolve(p)));
  return {
    confirm: async (existing) => {
      const ask = existing.filter((p) => !already.has(path.resolve(p)));
      if (!ask.length) return true;
      const what = ask.length === 1 ? `"${ask[0]}" already exists.` : `${ask.length} files already exist, e.g. "${ask[0]}".`;
      const choice = await vscode.window.showWarningMessage(`${what} Replace ${ask.length === 1 ? 'it' : 'them'}?`, { modal: true, detail: 'News Lens replaces them only once the whole export is written.' }, 'Replace');
      return choice === 'Replace';
    },
  };
}

function defaultFolder(article?: vscode.Uri): vscode.Uri | undefined {
  if (article?.scheme === 'file') return vscode.Uri.file(path.dirname(article.fsPath));
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

/** The stem of a chosen target: its name without the format's suffix (or its extension). */
function stemOfTarget(target: string, format: ExportFormat): string {
  const base = path.basename(target);
  const suffix = FORMAT_INFO[format].suffix;
  return base.toLowerCase().endsWith(suffix) && base.length > suffix.length ? safeFileName(base.slice(0, -suffix.length)) : stemOf(base);
}

/** Shows why an export failed (or that it was cancelled) and returns the reason. */
function reportFailure(e: unknown, targetExisted: boolean): string {
  if (e instanceof ExportCancelledError) {
    void vscode.window.showInformationMessage('News Lens: export cancelled; nothing was written.');
    return 'cancelled';
  }
  const reason = e instanceof ProtectedFileError ? `${e.message}; choose another name or folder` : errorMessage(e);
  const kept = targetExisted ? ' Nothing was written; the existing files are unchanged.' : ' Nothing was written.';
  void vscode.window.showErrorMessage(`News Lens: export failed: ${reason.replace(/\.$/, '')}.${e instanceof FileExistsError ? '' : kept}`);
  return reason;
}

async function offerOpen(message: string, target: string, isFolder: boolean, format: ExportFormat): Promise<void> {
  const choice = await vscode.window.showInformationMessage(message, 'Open');
  if (choice !== 'Open') return;
  const uri = vscode.Uri.file(target);
  if (isFolder) {
    const inWorkspace = vscode.workspace.getWorkspaceFolder(uri);
    await vscode.commands.executeCommand(inWorkspace ? 'revealInExplorer' : 'revealFileInOS', uri);
  } else if (format === 'markdown') await vscode.commands.executeCommand('markdown.showPreview', uri);
  else await vscode.window.showTextDocument(uri, { preview: false });
}

// ---- one article ----

async function exportArticleCommand(client: LanguageClient, arg?: ExportCommandOptions | vscode.Uri): Promise<ExportCommandResult | undefined> {
  const options: ExportCommandOptions = arg instanceof vscode.Uri || !arg || typeof arg !== 'object' ? {} : arg;
  let article: vscode.Uri | undefined = arg instanceof vscode.Uri ? arg : undefined;
  if (!article) {
    const editor = activeArticle();
    if (!editor) return void vscode.window.showInformationMessage('News Lens: open a news article to export its annotations (or use Export Workspace Annotations…).');
    article = editor.document.uri;
  }
  const format = await pickFormat(options.format, false);
  if (!format) return undefined;
  const info = FORMAT_INFO[format];
  let target = options.target;
  let confirmed: string[] = [];
  if (!target) {
    const folder = defaultFolder(article);
    const name = `${stemOf(article.path)}${info.suffix}`;
    const chosen = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
      filters: { [info.label]: info.extensions },
      saveLabel: 'Export',
      title: `News Lens: export ${path.basename(article.path)} as ${info.label}`,
    });
    if (!chosen) return undefined;
    target = chosen.fsPath;
    confirmed = [target]; // the save dialog asked before choosing an existing file
  }
  target = path.resolve(target);
  const articlePath = article.scheme === 'file' ? article.fsPath : undefined;
  const existed = fs.existsSync(target);
  try {
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: `News Lens: exporting ${info.label}` },
      () => client.sendRequest(ExportRequest, { uri: article!.toString(), format, stem: stemOfTarget(target!, format) }),
    );
    // The main output goes exactly where chosen; the others (brat's .txt and annotation.conf) beside it.
    const dir = path.dirname(target);
    const entries = result.files.map((f, i) => ({ path: i === 0 ? target! : insideFolder(dir, f.name), content: f.content }));
    await writeFilesAtomic(entries, { ...confirmer(options, confirmed), protect: articlePath ? [articlePath] : [] });
    const files = entries.map((e) => e.path);
    void offerOpen(`News Lens: exported ${path.basename(article.path)} to ${path.basename(target)}${files.length > 1 ? ` (+ ${files.slice(1).map((f) => path.basename(f)).join(', ')})` : ''}.`, target, false, format);
    return { format, target, files, articles: 1, skipped: [] };
  } catch (e) {
    return { format, target, files: [], articles: 0, skipped: [], error: reportFailure(e, existed) };
  }
}

// ---- the workspace ----

/**
 * The workspace's articles (the configured languages' extensions), without hidden, build and output
 * folders, files.exclude, the export's own target and News Lens reports (*.report.md).
 */
async function listArticles(exclude: (p: string) => boolean): Promise<vscode.Uri[]> {
  const found: vscode.Uri[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const config = vscode.workspace.getConfiguration('newsLens', folder.uri);
    if (!config.get<boolean>('enable', true)) continue;
    const exts = [...new Set(config.get<string[]>('languages', Object.keys(LANGUAGE_EXTENSIONS)).flatMap((l) => LANGUAGE_EXTENSIONS[l] ?? []))];
    if (!exts.length) continue;
    const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, `**/*.{${exts.join(',')}}`));
    for (const uri of uris) {
      if (uri.scheme !== 'file') continue;
      const rel = path.relative(folder.uri.fsPath, uri.fsPath).split(path.sep);
      if (rel.slice(0, -1).some((d) => d.startsWith('.') || SKIP_DIRS.has(d)) || rel[rel.length - 1].startsWith('.')) continue;
      // Our own Markdown reports are .md files but not articles.
      if (exclude(uri.fsPath) || /\.report\.md$/i.test(uri.fsPath)) continue;
      found.push(uri);
    }
  }
  // Code-unit order, not localeCompare: the same on every machine, whatever its locale.
  return found.sort((a, b) => (a.fsPath < b.fsPath ? -1 : a.fsPath > b.fsPath ? 1 : 0));
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Runs fn over items with up to `limit` in flight, yielding results in input order. */
async function* orderedMap<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): AsyncGenerator<{ item: T; result: Settled<R> }> {
  const running: Promise<Settled<R>>[] = [];
  let next = 0;
  const start = () => {
    const item = items[next++];
    running.push(fn(item).then((value) => ({ ok: true as const, value }), (error) => ({ ok: false as const, error })));
  };
  while (next < items.length && running.length < limit) start();
  for (let i = 0; i < items.length; i++) {
    const result = await running.shift()!;
    if (next < items.length) start();
    yield { item: items[i], result };
  }
}

/** Where an article's outputs go inside a folder export: its folder relative to the workspace folder (prefixed by the folder's name when there are several). */
function relativeFolder(uri: vscode.Uri): string {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) return '';
  const rel = path.dirname(path.relative(folder.uri.fsPath, uri.fsPath));
  const inFolder = rel === '.' ? '' : rel;
  return folders.length > 1 ? path.join(safeFileName(folder.name), inFolder) : inFolder;
}

async function exportWorkspaceCommand(client: LanguageClient, arg?: ExportCommandOptions): Promise<ExportCommandResult | undefined> {
  const options: ExportCommandOptions = arg && typeof arg === 'object' && !(arg instanceof vscode.Uri) ? arg : {};
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!root) return void vscode.window.showInformationMessage('News Lens: open a folder to export the annotations of its articles.');
  const format = await pickFormat(options.format, true);
  if (!format) return undefined;
  const info = FORMAT_INFO[format];
  const toFolder = !info.streamable;
  let target = options.target;
  let confirmed: string[] = [];
  if (!target) {
    const chosen = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(root, toFolder ? `news-lens-${format}` : `news-lens-annotations${info.suffix}`),
      filters: toFolder ? undefined : { [info.label]: info.extensions },
      saveLabel: toFolder ? 'Export into this folder' : 'Export',
      title: toFolder ? `News Lens: folder for the ${info.label} export (one output per article; created if needed)` : `News Lens: export every article as ${info.label}`,
    });
    if (!chosen) return undefined;
    target = chosen.fsPath;
    if (!toFolder) confirmed = [target];
  }
  target = path.resolve(target);
  const out = target;
  const articles = await listArticles((p) => p === out || p.startsWith(out + path.sep));
  if (!articles.length) return void vscode.window.showInformationMessage('News Lens: no articles found in the workspace (see the newsLens.languages setting).');
  const protect = articles.map((a) => a.fsPath);
  const existed = fs.existsSync(target);
  const skipped: { path: string; reason: string }[] = [];
  let exported = 0;
  let files: string[] = [];

  const run = async (progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken) => {
    const step = 100 / articles.length;
    let done = 0;
    const request = (uri: vscode.Uri, stem?: string) =>
      client.sendRequest(ExportRequest, { uri: uri.toString(), format, stem, part: toFolder ? 'whole' : 'body' }, token as CancellationToken);
    const stems = new Map<vscode.Uri, string>();
    if (toFolder) {
      // Unique stems per output folder: x.txt and x.md in one folder export as x.… and x.md.…
      const used = new Set<string>();
      for (const a of articles) {
        const dir = relativeFolder(a);
        let stem = stemOf(a.path);
        if (used.has(path.join(dir, stem))) stem = safeFileName(path.basename(a.fsPath));
        for (let n = 2; used.has(path.join(dir, stem)); n++) stem = `${stemOf(a.path)}-${n}`;
        used.add(path.join(dir, stem));
        stems.set(a, stem);
      }
    }
    const results = orderedMap(articles, CONCURRENCY, (a) => request(a, stems.get(a)));
    const next = async function* (): AsyncGenerator<ExportResult> {
      for await (const { item, result } of results) {
        if (token.isCancellationRequested) throw new ExportCancelledError();
        progress.report({ increment: step, message: `${++done}/${articles.length} ${path.basename(item.fsPath)}` });
        if (result.ok) {
          exported++;
          yield result.value;
        } else skipped.push({ path: item.fsPath, reason: errorMessage(result.error) });
      }
      if (!exported) throw new Error(`no article could be exported (${skipped[0]?.path}: ${skipped[0]?.reason})`);
    };
    const write: WriteOptions = { ...confirmer(options, confirmed), protect, token };
    if (toFolder) {
      const batches = async function* () {
        for await (const r of next()) {
          const dir = relativeFolder(vscode.Uri.parse(r.uri));
          yield r.files.map((f) => ({ path: path.join(dir, f.name), content: f.content }));
        }
      };
      files = (await writeFolderAtomic(target!, batches(), write)).files;
    } else {
      const chunks = async function* () {
        const head = streamHead(format);
        if (head) yield head;
        for await (const r of next()) yield r.files[0].content;
      };
      await writeStreamAtomic(target!, chunks(), write);
      files = [target!];
    }
  };

  try {
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `News Lens: exporting ${articles.length} article${articles.length === 1 ? '' : 's'} as ${info.label}`, cancellable: true },
      run,
    );
  } catch (e) {
    return { format, target, files: [], articles: 0, skipped, error: reportFailure(e, existed) };
  }
  const left = skipped.length ? ` ${skipped.length} skipped: ${skipped.slice(0, 3).map((s) => `${path.basename(s.path)} (${s.reason})`).join('; ')}${skipped.length > 3 ? '; …' : ''}.` : '';
  void offerOpen(`News Lens: exported ${exported} article${exported === 1 ? '' : 's'} to ${path.basename(target)}.${left}`, target, toFolder, format);
  return { format, target, files, articles: exported, skipped };
}

export function registerExportCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('newsLens.exportAnnotations', (arg?: ExportCommandOptions | vscode.Uri) => exportArticleCommand(client, arg)),
    vscode.commands.registerCommand('newsLens.exportWorkspaceAnnotations', (arg?: ExportCommandOptions) => exportWorkspaceCommand(client, arg)),
  );
}
