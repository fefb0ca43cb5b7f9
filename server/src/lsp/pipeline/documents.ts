// Open documents with incremental text sync. Unlike vscode-languageserver's TextDocuments, this store also
// keeps the log of edits (as offsets) since the last analysis, so an older analysis can be shifted onto
// the current text while a newer one is being computed.
import type { DidChangeTextDocumentParams, DidOpenTextDocumentParams, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { rangeToSpan } from '../../positions';

/** One replacement, in offsets of the text just before it, producing document version `version`. */
export interface Edit {
  version: number;
  start: number;
  end: number;
  newLength: number;
}

export interface OpenDocument {
  doc: TextDocument;
  /** Edits since open, trimmed by the analysis cache once they are older than its newest analysis. */
  edits: Edit[];
}

export class DocumentStore {
  private readonly docs = new Map<string, OpenDocument>();

  open({ textDocument: t }: DidOpenTextDocumentParams): OpenDocument {
    const d: OpenDocument = { doc: TextDocument.create(t.uri, t.languageId, t.version, t.text), edits: [] };
    this.docs.set(t.uri, d);
    return d;
  }

  /** The changed document, or undefined when it is not open. */
  change({ textDocument: t, contentChanges }: DidChangeTextDocumentParams): OpenDocument | undefined {
    const d = this.docs.get(t.uri);
    if (d) applyChanges(d, contentChanges, t.version);
    return d;
  }

  close(uri: string): void {
    this.docs.delete(uri);
  }
}

/** Applies the changes one at a time, logging each as offsets into the text it replaced. */
export function applyChanges(d: OpenDocument, changes: TextDocumentContentChangeEvent[], version: number): void {
  for (const change of changes) {
    const span = 'range' in change ? rangeToSpan(d.doc, change.range) : { start: 0, end: d.doc.getText().length };
    d.edits.push({ version, start: span.start, end: span.end, newLength: change.text.length });
    TextDocument.update(d.doc, [change], version);
  }
}
