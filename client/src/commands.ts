// The palette commands (category "News Lens"): Go to Speaker, Show Quotes by This Speaker, Refresh; and the
// internal ones the views and code actions use (reveal, use a gazetteer file).
import * as path from 'path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { EntityAtRequest, QuotesRequest, RefreshRequest, type QuoteInfo } from '../../common/protocol';
import type { QuotesItem, QuotesProvider } from './quotesView';
import { activeArticle, reveal, shorten, toRange } from './reveal';

function quoteUnderCursor(quotes: QuoteInfo[], position: vscode.Position): QuoteInfo | undefined {
  return quotes.filter((q) => toRange(q.range).contains(position)).sort((a, b) => a.text.length - b.text.length)[0];
}

async function goToSpeaker(client: LanguageClient, item?: QuotesItem): Promise<void> {
  let quote: QuoteInfo | undefined;
  let uri: string | undefined;
  if (item?.kind === 'quote') ({ quote, uri } = { quote: item.quote, uri: item.uri });
  else {
    const editor = activeArticle();
    if (!editor) return void vscode.window.showInformationMessage('News Lens: open an article and put the cursor inside a quote.');
    uri = editor.document.uri.toString();
    const result = await client.sendRequest(QuotesRequest, { textDocument: { uri } });
    quote = result ? quoteUnderCursor(result.quotes, editor.selection.active) : undefined;
    if (!quote) return void vscode.window.showInformationMessage('News Lens: the cursor is not inside a quote.');
  }
  if (quote.speakerRange) return void (await reveal(uri, quote.speakerRange));
  if (quote.speaker) {
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', vscode.Uri.parse(uri), toRange(quote.range).start);
    if (locations?.[0]) return void (await reveal(locations[0].uri.toString(), { start: locations[0].range.start, end: locations[0].range.end }));
  }
  void vscode.window.showInformationMessage('News Lens: no speaker was found for this quote.');
}

async function showQuotesBySpeaker(client: LanguageClient): Promise<void> {
  const editor = activeArticle();
  if (!editor) return void vscode.window.showInformationMessage('News Lens: open an article first.');
  const uri = editor.document.uri.toString();
  const position = editor.selection.active;
  const [entity, result] = await Promise.all([
    client.sendRequest(EntityAtRequest, { textDocument: { uri }, position: { line: position.line, character: position.character } }),
    client.sendRequest(QuotesRequest, { textDocument: { uri } }),
  ]);
  const quotes = result?.quotes ?? [];
  const mine = entity ? quotes.filter((q) => q.speaker?.id === entity.id) : quotes;
  const items = mine.map((q) => ({ label: shorten(q.text, 90), description: q.speaker?.name ?? 'unattributed', detail: q.cue ?? undefined, quote: q }));
  const title = entity ? `Quotes by ${entity.name}` : 'All quotes (the cursor is not on a speaker)';
  if (!items.length) return void vscode.window.showInformationMessage(`News Lens: no quotes by ${entity?.name ?? 'anyone'} in this article.`);
  const picked = await vscode.window.showQuickPick(items, { title, matchOnDescription: true, matchOnDetail: true });
  if (picked) await reveal(uri, picked.quote.range);
}

async function useGazetteerFile(fileUri: string): Promise<void> {
  const file = vscode.Uri.parse(fileUri);
  const folder = vscode.workspace.getWorkspaceFolder(file);
  const config = vscode.workspace.getConfiguration('newsLens', folder?.uri);
  const relative = folder ? path.relative(folder.uri.fsPath, file.fsPath).split(path.sep).join('/') : file.fsPath;
  const files = config.get<string[]>('gazetteerFiles', []);
  if (!files.includes(relative)) {
    await config.update('gazetteerFiles', [...files, relative], folder ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Global);
  }
}

export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient, quotes: QuotesProvider, refreshViews: () => void): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('newsLens.goToSpeaker', (item?: QuotesItem) => goToSpeaker(client, item)),
    vscode.commands.registerCommand('newsLens.showQuotesBySpeaker', () => showQuotesBySpeaker(client)),
    vscode.commands.registerCommand('newsLens.refresh', async () => {
      await client.sendRequest(RefreshRequest);
      refreshViews();
    }),
    vscode.commands.registerCommand('newsLens.reveal', (uri: string, range) => reveal(uri, range)),
    vscode.commands.registerCommand('newsLens.useGazetteerFile', (uri: string) => useGazetteerFile(uri)),
  );
  void quotes;
}
