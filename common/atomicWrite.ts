// Writing exports safely, shared by the CLI and the extension (Node only, no editor API):
//
// - Atomic: every file is written to a temporary file in its target's folder, flushed to disk, and only
//   then renamed over the target, so a reader sees the old file or the new one, never half of one.
// - All or nothing: the files of one export (brat's .ann, .txt and annotation.conf; a folder of
//   per-article files) are renamed into place only once all of them are written; if one rename fails,
//   the targets already replaced are restored from backups.
// - No silent overwrite: an existing file is replaced only with `overwrite` (the user confirmed; the
//   CLI's --force) or when `confirm` says so. A file whose content is already exactly what would be
//   written is left alone (so re-exporting, or brat's text copy of an unchanged .txt article, needs no
//   confirmation). `protect`ed paths (the articles themselves) are never replaced at all.
// - Cancellable and streamed: writeStreamAtomic and writeFolderAtomic take their input as an async
//   iterable and a cancellation token; on cancellation or any error the temporary file (or staging
//   folder) is deleted and the old target is untouched. Nothing is held in memory but the current chunk.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface CancellationLike {
  readonly isCancellationRequested: boolean;
}

export class ExportCancelledError extends Error {
  constructor(message = 'the export was cancelled') {
    super(message);
    this.name = 'ExportCancelledError';
  }
}

/** Existing files would be replaced and nobody confirmed it. */
export class FileExistsError extends Error {
  constructor(readonly paths: string[]) {
    super(`${paths.length === 1 ? `${paths[0]} already exists` : `${paths.length} files already exist (${paths.slice(0, 3).join(', ')}${paths.length > 3 ? ', …' : ''})`}; not replaced without confirmation`);
    this.name = 'FileExistsError';
  }
}

/** An export would replace one of the articles it was made from. */
export class ProtectedFileError extends Error {
  constructor(readonly file: string) {
    super(`${file} is an article being exported and would be replaced by different content`);
    this.name = 'ProtectedFileError';
  }
}

export interface WriteOptions {
  /** Replace existing files without asking. */
  overwrite?: boolean;
  /** Asked once, with the existing files that would be replaced, when `overwrite` is not set; false cancels. */
  confirm?: (existing: string[]) => boolean | Promise<boolean>;
  /** Paths never replaced by different content (the articles being exported). */
  protect?: string[];
  token?: CancellationLike;
}

export interface FileEntry {
  path: string;
  content: string | Uint8Array;
}

/** A fresh, hidden temporary path beside `target` (same folder, hence same file system: rename is atomic). */
export function tempPathFor(target: string, tag = 'tmp'): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.${tag}`);
}

function checkCancelled(token?: CancellationLike): void {
  if (token?.isCancellationRequested) throw new ExportCancelledError();
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.promises.lstat(p);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
}

async function sameContent(file: string, content: Uint8Array): Promise<boolean> {
  try {
    const stat = await fs.promises.stat(file);
    if (!stat.isFile() || stat.size !== content.length) return false;
    return Buffer.from(await fs.promises.readFile(file)).equals(content);
  } catch {
    return false;
  }
}

async function removeQuietly(p: string): Promise<void> {
  await fs.promises.rm(p, { force: true, recursive: true }).catch(() => undefined);
}

/** Writes a new file (never an existing one); with `sync`, flushed to disk before returning. */
async function writeNew(file: string, content: Uint8Array, sync = true): Promise<void> {
  const fh = await fs.promises.open(file, 'wx');
  try {
    await fh.writeFile(content);
    if (sync) await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Flushes many files to disk, 32 at a time: parallel fsyncs share journal commits, sequential ones cost one each. */
async function syncAll(files: string[]): Promise<void> {
  for (let i = 0; i < files.length; i += 32) {
    await Promise.all(
      files.slice(i, i + 32).map(async (f) => {
        const fh = await fs.promises.open(f, 'r+');
        try {
          await fh.sync();
        } finally {
          await fh.close();
        }
      }),
    );
  }
}

const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK', 'EINVAL']);

/**
 * Moves `temp` to `target` where no file is expected: a hard link (which fails if a file has appeared at
 * the target meanwhile) then unlinking the temp, or, where hard links are not supported, a checked rename.
 */
async function placeNew(temp: string, target: string): Promise<void> {
  try {
    await fs.promises.link(temp, target);
    await fs.promises.unlink(temp);
    return;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') throw new FileExistsError([target]);
    if (!NO_LINKS.has(code)) throw e;
  }
  if (await exists(target)) throw new FileExistsError([target]);
  await fs.promises.rename(temp, target);
}

interface Staged {
  temp: string;
  target: string;
  /** The target exists with other content and will be replaced. */
  replace: boolean;
}

/**
 * Renames every staged temp onto its target, all or nothing: replaced targets are first moved to a backup
 * beside them, and restored if a later step fails. Temps are removed on failure.
 */
async function commit(staged: Staged[]): Promise<void> {
  const done: { target: string; backup?: string }[] = [];
  try {
    for (const s of staged) {
      if (s.replace) {
        const backup = tempPathFor(s.target, 'bak');
        await fs.promises.rename(s.target, backup);
        done.push({ target: s.target, backup });
        await fs.promises.rename(s.temp, s.target);
      } else {
        await placeNew(s.temp, s.target);
        done.push({ target: s.target });
      }
    }
  } catch (e) {
    for (const d of done.reverse()) {
      if (d.backup) await fs.promises.rename(d.backup, d.target).catch(() => undefined);
      else await fs.promises.unlink(d.target).catch(() => undefined);
    }
    await Promise.all(staged.map((s) => removeQuietly(s.temp)));
    throw e;
  }
  // Backups are the replaced files (plan() only lets regular files be replaced): unlink, never rm -r.
  await Promise.all(done.map((d) => (d.backup ? fs.promises.unlink(d.backup).catch(() => undefined) : undefined)));
}

/**
 * Decides, for files about to be written, which are identical already (skipped), which replace an
 * existing file (needs overwrite or confirmation) and which are new. Throws for protected paths.
 */
async function plan(entries: { target: string; content: () => Promise<Uint8Array> }[], opts: WriteOptions): Promise<{ skip: Set<string>; replace: Set<string> }> {
  const protect = new Set((opts.protect ?? []).map((p) => path.resolve(p)));
  const skip = new Set<string>();
  const replace = new Set<string>();
  for (const e of entries) {
    if (!(await exists(e.target))) continue;
    if (!(await fs.promises.stat(e.target)).isFile()) throw new Error(`${e.target} exists and is not a file`);
    if (await sameContent(e.target, await e.content())) skip.add(e.target);
    else if (protect.has(path.resolve(e.target))) throw new ProtectedFileError(e.target);
    else replace.add(e.target);
  }
  if (replace.size && !opts.overwrite) {
    const list = [...replace];
    if (!opts.confirm) throw new FileExistsError(list);
    if (!(await opts.confirm(list))) throw new ExportCancelledError('not replacing existing files');
  }
  return { skip, replace };
}

function bytesOf(content: string | Uint8Array): Uint8Array {
  return typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
}

/** Writes the files of one export, atomically and all or nothing. Returns the paths written (identical ones skipped). */
export async function writeFilesAtomic(entries: FileEntry[], opts: WriteOptions = {}): Promise<string[]> {
  const files = entries.map((e) => ({ target: path.resolve(e.path), bytes: bytesOf(e.content) }));
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.target)) throw new Error(`the export names ${f.target} twice`);
    seen.add(f.target);
  }
  checkCancelled(opts.token);
  const { skip, replace } = await plan(files.map((f) => ({ target: f.target, content: async () => f.bytes })), opts);
  const staged: Staged[] = [];
  try {
    for (const f of files) {
      if (skip.has(f.target)) continue;
      checkCancelled(opts.token);
      await fs.promises.mkdir(path.dirname(f.target), { recursive: true });
      const temp = tempPathFor(f.target);
      staged.push({ temp, target: f.target, replace: replace.has(f.target) });
      await writeNew(temp, f.bytes);
    }
    checkCancelled(opts.token);
  } catch (e) {
    await Promise.all(staged.map((s) => removeQuietly(s.temp)));
    throw e;
  }
  await commit(staged);
  return staged.map((s) => s.target);
}

export interface StreamResult {
  path: string;
  bytes: number;
  chunks: number;
}

/**
 * Streams `chunks` into one file (a jsonl or csv export of many articles) through a temporary file beside
 * it, renamed into place after the last chunk. Small chunks are gathered into writes of about 64 KiB.
 * On cancellation or an error (from the chunks or the disk) the temporary file is deleted, the target is
 * untouched, and the error (ExportCancelledError when cancelled) is rethrown.
 */
export async function writeStreamAtomic(target: string, chunks: AsyncIterable<string> | Iterable<string>, opts: WriteOptions = {}): Promise<StreamResult> {
  target = path.resolve(target);
  checkCancelled(opts.token);
  if (opts.protect?.some((p) => path.resolve(p) === target)) throw new ProtectedFileError(target);
  let replace = false;
  if (await exists(target)) {
    if (!(await fs.promises.stat(target)).isFile()) throw new Error(`${target} exists and is not a file`);
    if (!opts.overwrite && !(opts.confirm && (await opts.confirm([target])))) {
      if (opts.confirm) throw new ExportCancelledError('not replacing the existing file');
      throw new FileExistsError([target]);
    }
    replace = true;
  }
  await fs.promises.mkdir(path.dirname(target), { recursive: true });
  const temp = tempPathFor(target);
  const fh = await fs.promises.open(temp, 'wx');
  let closed = false;
  let bytes = 0;
  let count = 0;
  try {
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = async () => {
      if (!pendingBytes) return;
      const buf = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
      await fh.writeFile(buf);
    };
    for await (const chunk of chunks) {
      checkCancelled(opts.token);
      const b = Buffer.from(chunk, 'utf8');
      pending.push(b);
      pendingBytes += b.length;
      bytes += b.length;
      count++;
      if (pendingBytes >= 65536) await flush();
    }
    checkCancelled(opts.token);
    await flush();
    await fh.sync();
    await fh.close();
    closed = true;
  } catch (e) {
    if (!closed) await fh.close().catch(() => undefined);
    await removeQuietly(temp);
    throw e;
  }
  await commit([{ temp, target, replace }]);
  return { path: target, bytes, chunks: count };
}

export interface FolderResult {
  dir: string;
  /** Files written (identical existing files are not counted). */
  files: string[];
}

/** `rel` inside `dir`, or an error: export names never leave their folder. */
export function insideFolder(dir: string, rel: string): string {
  const root = path.resolve(dir);
  const full = path.resolve(root, rel);
  if (full === root || !full.startsWith(root + path.sep) || path.isAbsolute(rel)) throw new Error(`refusing to write ${JSON.stringify(rel)} outside ${root}`);
  return full;
}

/**
 * Writes a folder of outputs (one set of files per article, as they come) all or nothing: the files go
 * into a hidden staging folder beside `dir`; after the last batch they are moved into `dir` (created if
 * needed; its other files are left alone). A file name repeated with the same content (brat's
 * annotation.conf) is written once; repeated with different content it is an error. Cancellation or an
 * error deletes the staging folder and leaves `dir` as it was.
 */
export async function writeFolderAtomic(dir: string, batches: AsyncIterable<FileEntry[]> | Iterable<FileEntry[]>, opts: WriteOptions = {}): Promise<FolderResult> {
  const root = path.resolve(dir);
  checkCancelled(opts.token);
  if (await exists(root)) {
    if (!(await fs.promises.stat(root)).isDirectory()) throw new Error(`${root} exists and is not a folder`);
  }
  const stagingDir = tempPathFor(root, 'staging');
  await fs.promises.mkdir(stagingDir, { recursive: false }).catch(async (e) => {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    await fs.promises.mkdir(path.dirname(stagingDir), { recursive: true });
    await fs.promises.mkdir(stagingDir);
  });
  const written = new Map<string, Uint8Array | true>(); // relative path → content (kept only for small shared files) or true
  try {
    for await (const batch of batches) {
      checkCancelled(opts.token);
      for (const f of batch) {
        const rel = path.relative(root, insideFolder(root, f.path));
        const bytes = bytesOf(f.content);
        const before = written.get(rel);
        if (before) {
          const same = before === true ? await sameContent(path.join(stagingDir, rel), bytes) : Buffer.from(before).equals(bytes);
          if (!same) throw new Error(`two articles export to the same file ${rel}`);
          continue;
        }
        const staged = path.join(stagingDir, rel);
        await fs.promises.mkdir(path.dirname(staged), { recursive: true });
        await writeNew(staged, bytes, false);
        written.set(rel, bytes.length <= 4096 ? bytes : true);
      }
    }
    checkCancelled(opts.token);
    const rels = [...written.keys()].sort();
    await syncAll(rels.map((rel) => path.join(stagingDir, rel)));
    const entries = rels.map((rel) => ({ target: path.join(root, rel), content: () => fs.promises.readFile(path.join(stagingDir, rel)) }));
    const { skip, replace } = await plan(entries, opts);
    checkCancelled(opts.token);
    if (!(await exists(root)) && !skip.size) {
      // Nothing there yet: the whole folder appears in one rename.
      await fs.promises.rename(stagingDir, root);
      return { dir: root, files: rels.map((r) => path.join(root, r)) };
    }
    const staged: Staged[] = [];
    for (const rel of rels) {
      const target = path.join(root, rel);
      if (skip.has(target)) continue;
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      staged.push({ temp: path.join(stagingDir, rel), target, replace: replace.has(target) });
    }
    await commit(staged);
    return { dir: root, files: staged.map((s) => s.target) };
  } finally {
    await removeQuietly(stagingDir);
  }
}
