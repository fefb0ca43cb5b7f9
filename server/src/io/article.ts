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
