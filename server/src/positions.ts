// The ONE module that converts the engine's offsets (UTF-16 code units into the analysed text, what every
// span carries) into other coordinates:
//   - LSP positions and ranges (line, UTF-16 character), through TextDocument.positionAt/offsetAt, so line
//     breaks (\n, \r\n, \r) and surrogate pairs are handled in one place: the language server's features,
//     its pipeline and the analysis budget (lsp/pipeline/limits.ts);
//   - 1-based line and column, the same line table: where a gazetteer file has an error (gazetteer/file.ts);
//   - Unicode code points, optionally with CRLF counted as one character: what brat and the W3C
//     TextPositionSelector count (export/).
// The LSP types are imported as types only and vscode-languageserver-textdocument is a plain text library, so
// the CLI and the export formatters use this module without the language server.
import type { Location, Position, Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';

export interface OffsetSpan {
  start: number;
  end: number;
}

export function spanToRange(doc: TextDocument, span: OffsetSpan): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

export function spanToLocation(doc: TextDocument, span: OffsetSpan): Location {
  return { uri: doc.uri, range: spanToRange(doc, span) };
}

export function positionToOffset(doc: TextDocument, position: Position): number {
  return doc.offsetAt(position);
}

export function offsetToPosition(doc: TextDocument, offset: number): Position {
  return doc.positionAt(offset);
}

export function rangeToSpan(doc: TextDocument, range: Range): OffsetSpan {
  return { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) };
}

/** True when `offset` lies inside the span; a cursor just after the last character still counts. */
export function spanContains(span: OffsetSpan, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}

/**
 * Splits a span into one range per line it covers (semantic tokens may not cross lines). Empty line
 * pieces are skipped. Each piece is [line, character, length] in UTF-16 units.
 */
export function spanToLinePieces(doc: TextDocument, span: OffsetSpan): Array<[number, number, number]> {
  const start = doc.positionAt(span.start);
  const end = doc.positionAt(span.end);
  if (start.line === end.line) return end.character > start.character ? [[start.line, start.character, end.character - start.character]] : [];
  const pieces: Array<[number, number, number]> = [];
  const text = doc.getText();
  for (let line = start.line; line <= end.line; line++) {
    const lineStart = line === start.line ? span.start : doc.offsetAt({ line, character: 0 });
    let lineEnd = line === end.line ? span.end : doc.offsetAt({ line: line + 1, character: 0 });
    while (lineEnd > lineStart && (text[lineEnd - 1] === '\n' || text[lineEnd - 1] === '\r')) lineEnd--;
    if (lineEnd > lineStart) {
      const p = doc.positionAt(lineStart);
      pieces.push([p.line, p.character, lineEnd - lineStart]);
    }
  }
  return pieces;
}

/** The empty range at the start of a document. */
export const DOCUMENT_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A one-character range at a 1-based line and column (what the gazetteer loader reports). */
export function lineColumnRange(line: number, column: number): Range {
  const l = Math.max(0, line - 1);
  const c = Math.max(0, column - 1);
  return { start: { line: l, character: c }, end: { line: l, character: c + 1 } };
}

/** 1-based line and column (in UTF-16 code units) of offsets into `text`: one line table, built once. */
export function lineColumnMapper(text: string): (offset: number) => { line: number; column: number } {
  const doc = TextDocument.create('', 'plaintext', 0, text);
  return (offset) => {
    const p = doc.positionAt(offset);
    return { line: p.line + 1, column: p.character + 1 };
  };
}

/**
 * Maps UTF-16 offsets of `text` (what the annotations use) to Unicode code point offsets, which brat and
 * the W3C TextPositionSelector count. With `crlfToLf`, offsets are into the text with every CRLF turned
 * into LF (what brat reads: it opens text files with universal newlines; a lone CR stays one character).
 * An offset inside a surrogate pair or between CR and LF maps to the start of that character.
 */
export function codePointMapper(text: string, opts: { crlfToLf?: boolean } = {}): (utf16: number) => number {
  const astral = /[\ud800-\udfff]/.test(text);
  const crlf = !!opts.crlfToLf && text.includes('\r\n');
  if (!astral && !crlf) return (i) => i;
  const map = new Int32Array(text.length + 1);
  let count = 0;
  for (let i = 0; i < text.length; ) {
    map[i] = count;
    const c = text.charCodeAt(i);
    let width = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) width = 2;
    } else if (crlf && c === 0x0d && text.charCodeAt(i + 1) === 0x0a) width = 2;
    if (width === 2) map[i + 1] = count;
    count++;
    i += width;
  }
  map[text.length] = count;
  return (i) => map[i];
}
