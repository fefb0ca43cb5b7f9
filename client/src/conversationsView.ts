// The "Who Spoke to Whom" view: person → the people they spoke to (kind and evidence). Selecting a contact
// or an evidence item reveals and selects the evidence in the article.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ConversationsRequest, type ConversationNode, type ConversationsResult, type Evidence } from '../../common/protocol';
import { activeArticle, shorten } from './reveal';

export type ConversationItem =
  | { kind: 'person'; uri: string; node: ConversationNode; contacts: Contact[] }
  | { kind: 'contact'; uri: string; contact: Contact }
  | { kind: 'evidence'; uri: string; evidence: Evidence };

export interface Contact {
  node: ConversationNode;
  kinds: string[];
  evidence: Evidence[];
}

export function buildPeople(uri: string, result: ConversationsResult): ConversationItem[] {
  const byId = new Map(result.nodes.map((n) => [n.id, n]));
  const adjacency = new Map<string, Map<string, Contact>>();
  const link = (a: string, b: string, kind: string, evidence: Evidence[]) => {
    const other = byId.get(b);
    if (!other || a === b) return;
    let m = adjacency.get(a);
    if (!m) adjacency.set(a, (m = new Map()));
    let c = m.get(b);
    if (!c) m.set(b, (c = { node: other, kinds: [], evidence: [] }));
    if (!c.kinds.includes(kind)) c.kinds.push(kind);
    c.evidence.push(...evidence);
  };
  for (const e of result.edges) {
    link(e.from, e.to, e.kind, e.evidence);
    link(e.to, e.from, e.kind, e.evidence);
  }
  const people: ConversationItem[] = [];
  for (const [id, contacts] of adjacency) {
    const node = byId.get(id);
    if (node) people.push({ kind: 'person', uri, node, contacts: [...contacts.values()] });
  }
  return people.sort((a, b) => (b.kind === 'person' && a.kind === 'person' ? b.contacts.length - a.contacts.length || a.node.range.start.line - b.node.range.start.line : 0));
}

export class ConversationsProvider implements vscode.TreeDataProvider<ConversationItem> {
  private readonly changed = new vscode.EventEmitter<ConversationItem | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  private roots: ConversationItem[] = [];

  constructor(private readonly client: LanguageClient) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  async getChildren(element?: ConversationItem): Promise<ConversationItem[]> {
    if (!element) {
      const editor = activeArticle();
      if (!editor) return (this.roots = []);
      const uri = editor.document.uri.toString();
      const result = await this.client.sendRequest(ConversationsRequest, { textDocument: { uri } }).catch(() => null);
      // An answer for a version the user has already typed past is not shown (its ranges would be off): the
      // analysis of the newer version refreshes the view.
      if (result && result.version < editor.document.version && this.roots[0]?.uri === uri) return this.roots;
      return (this.roots = result ? buildPeople(uri, result) : []);
    }
    if (element.kind === 'person') return element.contacts.map((contact) => ({ kind: 'contact', uri: element.uri, contact }));
    if (element.kind === 'contact' && element.contact.evidence.length > 1) {
      return element.contact.evidence.map((evidence) => ({ kind: 'evidence', uri: element.uri, evidence }));
    }
    return [];
  }

  getTreeItem(element: ConversationItem): vscode.TreeItem {
    if (element.kind === 'person') {
      const item = new vscode.TreeItem(element.node.name, vscode.TreeItemCollapsibleState.Expanded);
      item.description = `spoke to ${element.contacts.length}`;
      item.iconPath = new vscode.ThemeIcon(element.node.leader ? 'person' : element.node.type === 'organization' ? 'organization' : 'account');
      item.contextValue = 'person';
      item.command = { command: 'newsLens.reveal', title: 'Reveal', arguments: [element.uri, element.node.range] };
      return item;
    }
    if (element.kind === 'contact') {
      const { contact } = element;
      const many = contact.evidence.length > 1;
      const item = new vscode.TreeItem(contact.node.name, many ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
      item.description = `${contact.kinds.join(', ')} · ${shorten(contact.evidence[0]?.text ?? '', 50)}`;
      item.tooltip = contact.evidence.map((e) => e.text).join('\n\n');
      item.iconPath = new vscode.ThemeIcon('comment-discussion');
      item.contextValue = 'contact';
      if (contact.evidence[0]) item.command = { command: 'newsLens.reveal', title: 'Reveal evidence', arguments: [element.uri, contact.evidence[0].range] };
      return item;
    }
    const item = new vscode.TreeItem(shorten(element.evidence.text), vscode.TreeItemCollapsibleState.None);
    item.iconPath = new vscode.ThemeIcon('quote');
    item.contextValue = 'evidence';
    item.command = { command: 'newsLens.reveal', title: 'Reveal evidence', arguments: [element.uri, element.evidence.range] };
    return item;
  }
}
