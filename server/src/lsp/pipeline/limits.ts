// The analysis budget for large documents. A document larger than newsLens.maxFileSize (UTF-8 bytes) is not
// refused: the server analyses its beginning, up to that many bytes and cut at a paragraph break, and says
// what it skipped in one information diagnostic (code `analysis-truncated`) where the skipped part begins,
// and in the status bar. The cut depends on the text and the setting only (never on timing), so every
// analysis of one version gives the same result. The cut itself lives in server/src/budget.ts, shared with the CLI.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DIAGNOSTIC_DOCS_BASE, type AnalysisTruncation } from '../../../../common/protocol';
import { formatSize } from '../../budget';
import { spanToRange } from '../../positions';
import type { SeveritySetting } from '../settings';
import { DIAGNOSTIC_SOURCE, LSP_SEVERITY } from './diagnostics';

export { analysisCut, byteLimitIndex, formatSize } from '../../budget';

export const TRUNCATED_CODE = 'analysis-truncated';

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
