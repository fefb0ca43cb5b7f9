// Open documents with incremental text sync. Unlike vscode-languageserver's TextDocuments, this store also
// keeps the log of edits (as offsets) since the last analysis, so an older analysis can be shifted onto
// the current text while a newer one is being computed.
import type { Connection, TextDocumentContentChangeEvent } from 'vscode-languageserver';
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

export interface DocumentEvents {
  opened(d: OpenDocument): void;
  changed(d: OpenDocument): void;
  closed(uri: string): void;
}

export class DocumentStore {
  private readonly docs = new Map<string, OpenDocument>();

  get(uri: string): OpenDocument | undefined {
    return this.docs.get(uri);
  }

  all(): OpenDocument[] {
    return [...this.docs.values()];
  }

  listen(connection: Connection, events: DocumentEvents): void {
    connection.onDidOpenTextDocument(({ textDocument: t }) => {
      const d: OpenDocument = { doc: TextDocument.create(t.uri, t.languageId, t.version, t.text), edits: [] };
      this.docs.set(t.uri, d);
      events.opened(d);
    });
    connection.onDidChangeTextDocument(({ textDocument: t, contentChanges }) => {
      const d = this.docs.get(t.uri);
      if (!d) return;
      applyChanges(d, contentChanges, t.version);
      events.changed(d);
    });
    connection.onDidCloseTextDocument(({ textDocument: t }) => {
      this.docs.delete(t.uri);
      events.closed(t.uri);
    });
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
