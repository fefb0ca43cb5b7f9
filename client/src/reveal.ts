// Opening a document at a range, shared by the views and the commands.
import * as vscode from 'vscode';
import type { Range as LspRange } from 'vscode-languageserver-protocol';

export function toRange(r: LspRange): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

/** Shows the document (in `column`, default the active group) and selects `range` (revealing it in the centre if it is off screen). */
export async function reveal(uri: string, range: LspRange, column?: vscode.ViewColumn): Promise<vscode.TextEditor> {
  const target = toRange(range);
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection: target, preserveFocus: false, preview: false, viewColumn: column });
  editor.selection = new vscode.Selection(target.start, target.end);
  editor.revealRange(target, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

/** The active editor's document if News Lens handles its language, else undefined. */
export function activeArticle(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const languages = vscode.workspace.getConfiguration('newsLens', editor.document.uri).get<string[]>('languages', ['plaintext', 'markdown', 'news-article']);
  return languages.includes(editor.document.languageId) ? editor : undefined;
}

export function shorten(text: string, max = 70): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}

/**
 * Article text as markdown that renders as exactly that text: every ASCII punctuation character is
 * backslash-escaped (CommonMark allows it for all of them), so no link, `command:` link, image, HTML tag,
 * emphasis or heading written in an article becomes active. (MarkdownString.appendText leaves `<` alone.)
 */
export function markdownText(text: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(text.replace(/[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g, '\\$&'));
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}
