// The "Quotes" view: the active article's quotes grouped by speaker. Selecting a quote reveals it; its
// context menu offers Go to Speaker.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { QuotesRequest, type QuoteInfo } from '../../common/protocol';
import { activeArticle, markdownText, shorten } from './reveal';

export type QuotesItem =
  | { kind: 'speaker'; uri: string; id: string | null; name: string; quotes: QuoteInfo[] }
  | { kind: 'quote'; uri: string; quote: QuoteInfo };

export function groupBySpeaker(uri: string, quotes: QuoteInfo[]): QuotesItem[] {
  const groups = new Map<string, QuotesItem & { kind: 'speaker' }>();
  for (const q of quotes) {
    const key = q.speaker?.id ?? '';
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { kind: 'speaker', uri, id: q.speaker?.id ?? null, name: q.speaker?.name ?? 'Unattributed', quotes: [] }));
    g.quotes.push(q);
  }
  return [...groups.values()].sort((a, b) => (a.id === null ? 1 : b.id === null ? -1 : 0));
}

export class QuotesProvider implements vscode.TreeDataProvider<QuotesItem> {
  private readonly changed = new vscode.EventEmitter<QuotesItem | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: QuotesItem[] = [];

  constructor(private readonly client: LanguageClient) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  /** The speaker group last shown for `speakerId` (for Show Quotes by This Speaker). */
  groupOf(speakerId: string): QuotesItem | undefined {
    return this.roots.find((r) => r.kind === 'speaker' && r.id === speakerId);
  }

  async getChildren(element?: QuotesItem): Promise<QuotesItem[]> {
    if (element) return element.kind === 'speaker' ? element.quotes.map((quote) => ({ kind: 'quote', uri: element.uri, quote })) : [];
    const editor = activeArticle();
    if (!editor) return (this.roots = []);
    const uri = editor.document.uri.toString();
    const result = await this.client.sendRequest(QuotesRequest, { textDocument: { uri } }).catch(() => null);
    // An answer for a version the user has already typed past is not shown: its ranges would be off; the
    // analysis of the newer version refreshes the view.
    if (result && result.version < editor.document.version && this.roots[0]?.uri === uri) return this.roots;
    return (this.roots = result ? groupBySpeaker(uri, result.quotes) : []);
  }

  getParent(element: QuotesItem): QuotesItem | undefined {
    return element.kind === 'quote' ? this.roots.find((r) => r.kind === 'speaker' && r.quotes.includes(element.quote)) : undefined;
  }

  getTreeItem(element: QuotesItem): vscode.TreeItem {
    if (element.kind === 'speaker') {
      const item = new vscode.TreeItem(element.name, vscode.TreeItemCollapsibleState.Expanded);
      item.description = `${element.quotes.length} quote${element.quotes.length === 1 ? '' : 's'}`;
      item.iconPath = new vscode.ThemeIcon(element.id ? 'person' : 'question');
      item.contextValue = element.id ? 'speaker' : 'unattributed';
      item.id = `${element.uri}#speaker:${element.id ?? ''}`;
      return item;
    }
    const q = element.quote;
    const item = new vscode.TreeItem(shorten(q.text), vscode.TreeItemCollapsibleState.None);
    item.description = q.cue ?? q.kind;
    item.tooltip = markdownText(q.text);
    item.iconPath = new vscode.ThemeIcon('quote');
    item.contextValue = q.speakerRange || q.speaker ? 'quote' : 'quote.unattributed';
    item.id = `${element.uri}#quote:${q.id}`;
    item.command = { command: 'newsLens.reveal', title: 'Reveal quote', arguments: [element.uri, q.range] };
    return item;
  }
}
