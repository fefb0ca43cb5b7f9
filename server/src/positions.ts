// The ONLY module that converts between engine spans (UTF-16 offsets into the analysed text) and LSP
// positions/ranges. Everything goes through TextDocument.positionAt/offsetAt, so line breaks (\n, \r\n, \r)
// and UTF-16 surrogate pairs are handled in one place.
import type { Location, Position, Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

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
