// The analysis budget, shared by the language server (server/src/lsp/pipeline/limits.ts) and the batch CLI
// (server/src/batch): a text larger than the budget (UTF-8 bytes) is not refused; its beginning, cut at a
// paragraph break within the budget, is analysed and the rest skipped. The cut depends on the text and the
// budget only (never on timing or on the machine), so the editor and the CLI cut a file at the same place.
// Pure: no editor API, no file system.
import type { AnalysisTruncation } from '../../common/protocol';

export type { AnalysisTruncation };

/** The server's default budget (newsLens.maxFileSize) and the CLI's default --max-file-size. */
export const DEFAULT_MAX_FILE_SIZE = 2_000_000;

/** UTF-8 bytes of one UTF-16 code unit at `i` (a surrogate pair counts 4 on its high half, 0 on its low half). */
function utf8Bytes(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) return 1;
  if (c < 0x800) return 2;
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = text.charCodeAt(i + 1);
    return d >= 0xdc00 && d <= 0xdfff ? 4 : 3;
  }
  if (c >= 0xdc00 && c <= 0xdfff) {
    const b = text.charCodeAt(i - 1);
    return i > 0 && b >= 0xd800 && b <= 0xdbff ? 0 : 3;
  }
  return 3;
}

/** The largest UTF-16 index whose prefix is at most `maxBytes` UTF-8 bytes, never inside a surrogate pair. */
export function byteLimitIndex(text: string, maxBytes: number): number {
  let bytes = 0;
  let i = 0;
  for (; i < text.length; i++) {
    const b = utf8Bytes(text, i);
    if (bytes + b > maxBytes) break;
    bytes += b;
    if (b === 4) i++; // the pair's low half
  }
  return i;
}

const PARAGRAPH_BREAK = /(?:\r\n|\r|\n)[ \t\f\v\u00a0]*(?:\r\n|\r|\n)+/g;
const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029/g;
const SPACE = /\s+/g;

/** End of the last match of `re` in text[from, to), or -1. */
function lastMatchEnd(text: string, re: RegExp, from: number, to: number): number {
  const window = text.slice(from, to);
  re.lastIndex = 0;
  let end = -1;
  for (let m = re.exec(window); m; m = re.exec(window)) end = from + m.index + m[0].length;
  return end;
}

/**
 * Where to cut a text larger than `maxBytes` UTF-8 bytes: after the last paragraph break within the limit
 * (else the last line break, else the last space, else the limit itself), not before half of the limit,
 * never inside a surrogate pair or between CR and LF. Undefined when the whole text fits.
 */
export function analysisCut(text: string, maxBytes: number): AnalysisTruncation | undefined {
  const totalBytes = Buffer.byteLength(text, 'utf8');
  if (totalBytes <= maxBytes) return undefined;
  const limit = byteLimitIndex(text, Math.max(0, Math.floor(maxBytes)));
  const floor = Math.floor(limit / 2);
  let cut = -1;
  for (const re of [PARAGRAPH_BREAK, LINE_BREAK, SPACE]) {
    // Only text before the limit: a break cut short by the limit (a CR whose LF lies beyond) is not used.
    const end = lastMatchEnd(text, re, floor, limit);
    if (end > floor && end <= limit && !(text.charCodeAt(end - 1) === 13 && text.charCodeAt(end) === 10)) {
      cut = end;
      break;
    }
  }
  if (cut < 0) {
    cut = limit;
    if (text.charCodeAt(cut - 1) === 13 && text.charCodeAt(cut) === 10) cut--;
  }
  return {
    analyzedLength: cut,
    totalLength: text.length,
    analyzedBytes: Buffer.byteLength(text.slice(0, cut), 'utf8'),
    totalBytes,
    maxBytes,
  };
}

/**
 * Bytes of a file's beginning that decide its cut: analysisCut looks at nothing beyond the budget but the
 * one character after it (a CR's LF), so any prefix this long (with room for a byte-order mark and a
 * character split between reads) cuts exactly as the whole text does.
 */
export function cutPrefixBytes(maxBytes: number): number {
  return Math.floor(maxBytes) + 16;
}

/**
 * analysisCut of a text known only by its beginning (a file read up to cutPrefixBytes(maxBytes)) and its
 * totals: the same cut as analysisCut of the whole text. Undefined when the whole text fits.
 */
export function analysisCutOfPrefix(prefix: string, maxBytes: number, total: { length: number; bytes: number }): AnalysisTruncation | undefined {
  if (total.bytes <= maxBytes) return undefined;
  const t = analysisCut(prefix, maxBytes);
  if (!t) throw new Error(`the prefix (${Buffer.byteLength(prefix, 'utf8')} bytes) does not reach past the budget of ${maxBytes} bytes`);
  return { ...t, totalLength: total.length, totalBytes: total.bytes };
}

/** "2.0 MB", "512 KB", "900 bytes". */
export function formatSize(bytes: number): string {
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(bytes >= 1e4 ? 0 : 1)} KB`;
  return `${bytes} bytes`;
}
