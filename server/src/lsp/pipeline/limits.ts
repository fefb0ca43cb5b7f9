// The analysis budget for large documents. A document larger than newsLens.maxFileSize (UTF-8 bytes) is not
// refused: the server analyses its beginning, up to that many bytes and cut at a paragraph break, and says
// what it skipped in one information diagnostic (code `analysis-truncated`) where the skipped part begins,
// and in the status bar. The cut depends on the text and the setting only (never on timing), so every
// analysis of one version gives the same result.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DIAGNOSTIC_DOCS_BASE, type AnalysisTruncation } from '../../../../common/protocol';
import { spanToRange } from '../../positions';
import type { SeveritySetting } from '../settings';
import { DIAGNOSTIC_SOURCE, LSP_SEVERITY } from './diagnostics';

export const TRUNCATED_CODE = 'analysis-truncated';

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

/** "2.0 MB", "512 KB", "900 bytes". */
export function formatSize(bytes: number): string {
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(bytes >= 1e4 ? 0 : 1)} KB`;
  return `${bytes} bytes`;
}

/** Characters of the skipped part the diagnostic underlines: its first line, at most this many. */
const RANGE_CHARS = 200;

/**
 * The one diagnostic that says what was skipped: at the start of the skipped part (its first line), with
 * the sizes, lines and the setting. Not an engine rule (the engine never sees the skipped part), so its
 * newsLens.severity is applied here; undefined when that turns the code off.
 */
export function truncationDiagnostic(doc: TextDocument, t: AnalysisTruncation, severity: Record<string, SeveritySetting>, version: number): Diagnostic | undefined {
  const level = severity[TRUNCATED_CODE] ?? 'information';
  if (level === 'off') return undefined;
  const text = doc.getText();
  const start = Math.min(t.analyzedLength, text.length);
  let end = start;
  while (end < text.length && end - start < RANGE_CHARS && !/[\r\n\u2028\u2029]/.test(text[end])) end++;
  if (end > start && end < text.length && text.charCodeAt(end - 1) >= 0xd800 && text.charCodeAt(end - 1) <= 0xdbff) end--;
  const range = spanToRange(doc, { start, end });
  const from = range.start;
  const last = doc.lineCount;
  const lines = from.character === 0 ? `lines ${(from.line + 1).toLocaleString('en-US')}–${last.toLocaleString('en-US')}` : `from line ${(from.line + 1).toLocaleString('en-US')}, character ${from.character + 1}, to the end`;
  const message =
    `News Lens analysed only the first ${formatSize(t.analyzedBytes)} of this ${formatSize(t.totalBytes)} file and skipped the rest ` +
    `(${lines}, ${formatSize(t.totalBytes - t.analyzedBytes)}): the file is larger than newsLens.maxFileSize ` +
    `(${t.maxBytes.toLocaleString('en-US')} bytes), the budget that keeps each analysis within seconds. ` +
    `From here on there are no diagnostics, hovers, symbols or entries in the News Lens views. Raise newsLens.maxFileSize to analyse more.`;
  return {
    range,
    severity: LSP_SEVERITY[level] ?? DiagnosticSeverity.Information,
    code: TRUNCATED_CODE,
    codeDescription: { href: DIAGNOSTIC_DOCS_BASE + TRUNCATED_CODE },
    source: DIAGNOSTIC_SOURCE,
    message,
    data: { code: TRUNCATED_CODE, start, end, version },
  };
}
