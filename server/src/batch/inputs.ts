// What a batch run reads, in input order: files named on the command line, the articles found by walking
// directories, or JSON Lines records from standard input. Nothing here reads an article's text: the
// workers do (so reading, decoding and hashing run in parallel too); this only finds the inputs.
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';

export type BatchInput =
  /** A file (named, or found in a directory): `path` as given or joined, as the output names it. */
  | { kind: 'file'; path: string }
  /** One line of `--stdin`: `line` is its 1-based number, `raw` its bytes (parsed by the worker). */
  | { kind: 'record'; line: number; raw: Uint8Array }
  /** `-`: all of standard input as one article. */
  | { kind: 'text'; path: string; bytes: Uint8Array };

/** The article extensions the editor analyses (plain text, Markdown, News Article), taken by default. */
export const ARTICLE_EXTENSIONS = ['.txt', '.md', '.markdown', '.article'];
const SKIP_DIRS = new Set(['node_modules']);

export interface WalkOptions {
  /** Globs over the path relative to the walked directory; none: ARTICLE_EXTENSIONS. */
  include: string[];
  exclude: string[];
}

/** A matcher for globs: a glob without a slash matches the file name at any depth ("*.txt"), as in .gitignore. */
function matcher(globs: string[]): ((rel: string) => boolean) | undefined {
  if (!globs.length) return undefined;
  // (picomatch's basename option would also stop "drafts/**" from matching: give it only the bare ones.)
  const bare = globs.filter((g) => !g.includes('/'));
  const paths = globs.filter((g) => g.includes('/'));
  const byName = bare.length ? picomatch(bare, { basename: true, dot: true }) : () => false;
  const byPath = paths.length ? picomatch(paths, { dot: true }) : () => false;
  return (rel) => byName(rel) || byPath(rel);
}

/** Code-unit order: the same on every machine, whatever its locale. */
const byName = (a: fs.Dirent, b: fs.Dirent) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * The articles under `root`, depth first in name order: files whose path relative to `root` matches an
 * include glob (by default: an article extension) and no exclude glob; directories matching an exclude
 * glob are not entered. Hidden files and folders, node_modules and News Lens's own export outputs are
 * skipped; symbolic links are followed, each real directory entered once.
 */
export async function walkArticles(root: string, options: WalkOptions, onSkip: (file: string, reason: string) => void): Promise<string[]> {
  const include = matcher(options.include) ?? ((rel: string) => ARTICLE_EXTENSIONS.includes(path.extname(rel).toLowerCase()));
  const exclude = matcher(options.exclude) ?? (() => false);
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = async (dir: string, rel: string): Promise<void> => {
    const real = await fs.promises.realpath(dir).catch(() => dir);
    if (seen.has(real)) return;
    seen.add(real);
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch (e) {
      onSkip(dir, (e as Error).message);
      return;
    }
    entries.sort(byName);
    const names = new Set(entries.map((e) => e.name));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const full = path.join(dir, e.name);
      const r = rel ? `${rel}/${e.name}` : e.name;
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        const stat = await fs.promises.stat(full).catch(() => undefined);
        isDir = !!stat?.isDirectory();
        isFile = !!stat?.isFile();
      }
      if (isDir) {
        if (!SKIP_DIRS.has(e.name) && !exclude(r) && !exclude(`${r}/`)) await visit(full, r);
      } else if (isFile && include(r) && !exclude(r) && !(await isExportOutput(full, e.name, names))) out.push(full);
    }
  };
  await visit(root, '');
  return out;
}

/**
 * News Lens's own outputs among articles: Markdown reports (NAME.report.md) and brat text copies (NAME.txt
 * beside the NAME.ann News Lens wrote, when that .ann names another file, still there, as its source).
 * A brat export made next to its .txt article uses the article itself, which is kept.
 */
async function isExportOutput(file: string, name: string, siblings: Set<string>): Promise<boolean> {
  if (/\.report\.md$/i.test(name)) return true;
  if (!/\.txt$/i.test(name)) return false;
  const ann = `${name.slice(0, -4)}.ann`;
  if (!siblings.has(ann)) return false;
  let content: string;
  try {
    content = await fs.promises.readFile(path.join(path.dirname(file), ann), 'utf8');
  } catch {
    return false;
  }
  const m = /\tsource (.*), SHA-256 [0-9a-f]{64} \(news-lens\/annotations@1\)/.exec(content);
  if (!m) return false;
  const source = m[1];
  if (source === '-') return true;
  const [a, b] = await Promise.all([fs.promises.realpath(file).catch(() => file), fs.promises.realpath(path.resolve(source)).catch(() => undefined)]);
  return b !== undefined && a !== b;
}

/**
 * The lines of a stream as bytes (without the line end; CRLF too), numbered from 1, blank lines left
 * out. Pulls the stream only as lines are taken, so a slow run slows the reading (backpressure).
 */
export async function* streamLines(stream: AsyncIterable<Buffer | string>): AsyncGenerator<{ line: number; raw: Uint8Array }> {
  // The unfinished line's pieces, joined once its end comes (a long line spans many chunks).
  let pieces: Buffer[] = [];
  let line = 0;
  const take = (last: Buffer): { line: number; raw: Uint8Array } | undefined => {
    line++;
    let b = pieces.length ? Buffer.concat([...pieces, last]) : last;
    pieces = [];
    if (b.length && b[b.length - 1] === 0x0d) b = b.subarray(0, b.length - 1);
    if (line === 1 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
    if (!b.some((c) => c > 0x20)) return undefined; // blank
    // A copy: the chunk it came from is not kept alive by one line.
    return { line, raw: new Uint8Array(b) };
  };
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let start = 0;
    for (let nl = buf.indexOf(0x0a, start); nl >= 0; nl = buf.indexOf(0x0a, start)) {
      const r = take(buf.subarray(start, nl));
      if (r) yield r;
      start = nl + 1;
    }
    if (start < buf.length) pieces.push(Buffer.from(buf.subarray(start)));
  }
  if (pieces.length) {
    const r = take(Buffer.alloc(0));
    if (r) yield r;
  }
}
