// The status bar item: the active article's counts ("6 leaders · 2 quotes") and the analysis state.
import * as vscode from 'vscode';
import type { AnalysisStateParams } from '../../server/src/protocol';
import { activeArticle } from './reveal';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('newsLens.status', vscode.StatusBarAlignment.Right, 100);
  private readonly states = new Map<string, AnalysisStateParams>();
  private starting = true;

  constructor() {
    this.item.name = 'News Lens';
    this.item.command = 'workbench.view.extension.newsLens';
    this.update();
  }

  started(): void {
    this.starting = false;
    this.update();
  }

  set(p: AnalysisStateParams): void {
    const previous = this.states.get(p.uri);
    // Keep the last counts while a new analysis runs.
    this.states.set(p.uri, p.state === 'analyzing' && previous?.counts ? { ...p, counts: previous.counts } : p);
    this.update();
  }

  forget(uri: string): void {
    this.states.delete(uri);
  }

  update(): void {
    const editor = activeArticle();
    if (!editor) return this.item.hide();
    const s = this.states.get(editor.document.uri.toString());
    const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
    const counts = s?.counts ? `${plural(s.counts.leaders, 'leader')} · ${plural(s.counts.quotes, 'quote')}` : 'News Lens';
    const md = new vscode.MarkdownString();
    md.appendMarkdown('**News Lens**\n\n');
    if (this.starting || !s) {
      this.item.text = '$(sync~spin) News Lens';
      md.appendText(this.starting ? 'Starting the language server…' : 'Waiting for the analysis…');
    } else if (s.state === 'analyzing') {
      this.item.text = `$(sync~spin) ${counts}`;
      md.appendText('Analysing…');
    } else if (s.state === 'ready' && s.counts) {
      this.item.text = `$(globe) ${counts}`;
      const c = s.counts;
      md.appendText(`${plural(c.leaders, 'leader')}, ${plural(c.people, 'person')} in all, ${plural(c.countries, 'country')}, ${plural(c.quotes, 'quote')} and ${plural(c.paraphrases, 'paraphrase')}, ${plural(c.interactions, 'conversation')}, ${plural(c.diagnostics, 'finding')}.`);
      if (s.durationMs !== undefined) md.appendText(` Analysed in ${Math.round(s.durationMs)} ms.`);
    } else if (s.state === 'too-large') {
      this.item.text = '$(warning) News Lens: file too large';
      md.appendText('This file is larger than newsLens.maxFileSize and is not analysed.');
    } else if (s.state === 'disabled') {
      this.item.text = '$(circle-slash) News Lens off';
      md.appendText('News Lens is disabled for this file (newsLens.enable / newsLens.languages).');
    } else {
      this.item.text = '$(error) News Lens';
      md.appendText(`Analysis failed: ${s.message ?? 'unknown error'}`);
    }
    this.item.tooltip = md;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
