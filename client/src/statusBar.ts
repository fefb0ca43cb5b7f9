// The status bar item: the active article's counts ("6 leaders · 2 quotes") and the analysis state: what
// was skipped in a file larger than newsLens.maxFileSize ("2.0 of 50.0 MB"), and the language server
// restarting after a crash.
import * as vscode from 'vscode';
import type { AnalysisStateParams } from '../../common/protocol';
import { activeArticle } from './reveal';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('newsLens.status', vscode.StatusBarAlignment.Right, 100);
  private readonly states = new Map<string, AnalysisStateParams>();
  private starting = true;
  private restarting = false;

  constructor() {
    this.item.name = 'News Lens';
    this.item.command = 'workbench.view.extension.newsLens';
    this.update();
  }

  started(): void {
    this.starting = false;
    this.restarting = false;
    this.update();
  }

  /** The language server stopped unexpectedly and is being restarted; its analyses will come again. */
  serverRestarting(): void {
    this.restarting = true;
    this.states.clear();
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
    const IRREGULAR: Record<string, string> = { person: 'people', country: 'countries' };
    const plural = (n: number, w: string) => `${n} ${n === 1 ? w : IRREGULAR[w] ?? `${w}s`}`;
    const counts = s?.counts ? `${plural(s.counts.leaders, 'leader')} · ${plural(s.counts.quotes, 'quote')}` : 'News Lens';
    const md = new vscode.MarkdownString();
    md.appendMarkdown('**News Lens**\n\n');
    if (this.restarting) {
      this.item.text = '$(sync~spin) News Lens: restarting';
      md.appendText('The language server stopped unexpectedly and is being restarted. Your documents are not affected.');
    } else if (this.starting || !s) {
      this.item.text = '$(sync~spin) News Lens';
      md.appendText(this.starting ? 'Starting the language server…' : 'Waiting for the analysis…');
    } else if (s.state === 'analyzing') {
      this.item.text = `$(sync~spin) ${counts}`;
      md.appendText('Analysing…');
    } else if (s.state === 'ready' && s.counts) {
      const t = s.truncated;
      this.item.text = t ? `$(warning) ${counts} · analysed ${ofSize(t.analyzedBytes, t.totalBytes)}` : `$(globe) ${counts}`;
      const c = s.counts;
      if (t) {
        md.appendText(
          `Only the first ${ofSize(t.analyzedBytes, t.totalBytes).replace(' of ', ' of this ')} file were analysed: it is larger than newsLens.maxFileSize (${t.maxBytes.toLocaleString('en-US')} bytes). ` +
            'The rest is skipped; an information diagnostic marks where it begins. Raise newsLens.maxFileSize to analyse more.\n\n',
        );
      }
      md.appendText(`${plural(c.leaders, 'leader')}, ${plural(c.people, 'person')} in all, ${plural(c.countries, 'country')}, ${plural(c.quotes, 'quote')} and ${plural(c.paraphrases, 'paraphrase')}, ${plural(c.interactions, 'conversation')}, ${plural(c.diagnostics, 'finding')}${t ? ' in the analysed part' : ''}.`);
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

  /** The item's text and tooltip (the tests read them). */
  get shown(): { text: string; tooltip: string } {
    const tip = this.item.tooltip;
    return { text: this.item.text, tooltip: typeof tip === 'string' ? tip : tip?.value ?? '' };
  }

  dispose(): void {
    this.item.dispose();
  }
}

/** "2.0 of 50.0 MB", "12 of 48 KB": two sizes in the larger one's unit. */
export function ofSize(part: number, whole: number): string {
  if (whole >= 1e6) return `${(part / 1e6).toFixed(1)} of ${(whole / 1e6).toFixed(1)} MB`;
  if (whole >= 1e3) return `${Math.round(part / 1e3)} of ${Math.round(whole / 1e3)} KB`;
  return `${part} of ${whole} bytes`;
}
