// Reading an article file as the engine needs it, shared by the CLI's export and the language server's
// export of files that are not open: UTF-8 text, refusing binary content and invalid UTF-8 with a reason.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';

/** Decodes an article's bytes; throws with a reason for binary content (NUL bytes) or invalid UTF-8. */
export function decodeArticle(bytes: Uint8Array): string {
  if (bytes.includes(0)) throw new Error('binary file (contains NUL bytes), not a text article');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error('not valid UTF-8 text');
  }
}

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The reason a file could not be read, for messages: "no such file", "is a directory", … */
export function readFailure(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
}

export interface ArticleFile {
  text: string;
  sha256: string;
  bytes: number;
}

/** Reads and decodes an article; refuses files over maxBytes before reading them. */
export async function readArticleFile(file: string, maxBytes = Infinity): Promise<ArticleFile> {
  const stat = await fs.promises.stat(file);
  if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  if (stat.size > maxBytes) throw new Error(`too large (${stat.size} bytes; the limit is ${maxBytes}, setting newsLens.maxFileSize)`);
  const bytes = await fs.promises.readFile(file);
  return { text: decodeArticle(bytes), sha256: sha256Hex(bytes), bytes: bytes.length };
}

export interface ArticleBeginning {
  /** The whole text, or (for a file larger than the budget) its beginning up to cutPrefixBytes(maxBytes). */
  text: string;
  /** SHA-256 of all the file's bytes. */
  sha256: string;
  /** Bytes of the file. */
  bytes: number;
  /** UTF-8 bytes (without a byte-order mark) and UTF-16 length of the whole text. */
  textBytes: number;
  length: number;
  /** True when `text` is only the beginning. */
  partial: boolean;
}

const CHUNK = 1 << 20;

/**
 * Reads an article keeping at most about `keepBytes` of it in memory (Infinity: all of it): the whole
 * file is hashed, checked for NUL bytes and decoded as strict UTF-8 chunk by chunk (so a binary or
 * non-UTF-8 tail is refused as the whole file would be), and its total length counted, but only the
 * beginning is kept. This is what bounds a batch run's memory by jobs × budget however large the files.
 * Synchronous: it runs in the batch workers, one document at a time, where waiting for the thread pool
 * would only leave the worker idle.
 */
export function readArticleBeginning(file: string, keepBytes = Infinity): ArticleBeginning {
  const fd = fs.openSync(file, 'r');
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (stat.size <= keepBytes) {
      const bytes = fs.readFileSync(fd);
      const text = decodeArticle(bytes);
      return { text, sha256: sha256Hex(bytes), bytes: bytes.length, textBytes: Buffer.byteLength(text, 'utf8'), length: text.length, partial: false };
    }
    const hash = createHash('sha256');
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const kept: string[] = [];
    let keptBytes = 0;
    let bytes = 0;
    let bom = 0;
    let length = 0;
    const buf = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const bytesRead = fs.readSync(fd, buf, 0, CHUNK, null);
      if (!bytesRead) break;
      const chunk = buf.subarray(0, bytesRead);
      if (chunk.includes(0)) throw new Error('binary file (contains NUL bytes), not a text article');
      hash.update(chunk);
      if (!bytes && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) bom = 3; // not part of the text (the decoder drops it)
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        throw new Error('not valid UTF-8 text');
      }
      bytes += bytesRead;
      length += text.length;
      if (keptBytes < keepBytes) {
        kept.push(text);
        keptBytes += bytesRead;
      }
    }
    try {
      const rest = decoder.decode();
      length += rest.length;
      if (keptBytes < keepBytes) kept.push(rest);
    } catch {
      throw new Error('not valid UTF-8 text');
    }
    return { text: kept.join(''), sha256: hash.digest('hex'), bytes, textBytes: bytes - bom, length, partial: keptBytes < bytes };
  } finally {
    fs.closeSync(fd);
  }
}
