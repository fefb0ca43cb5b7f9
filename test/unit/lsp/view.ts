// A small AnalysisView builder for the feature tests: the real engine's analysis of a text, the real
// TextDocument, the settings as the server would normalise them. What the pipeline (pipeline/cache.ts)
// hands a feature, without a server.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeArticle } from '../../../server/src/core';
import type { AnalyzeOptions, LeaderRecord } from '../../../server/src/core/types';
import { normalizeSettings } from '../../../server/src/lsp/settings';
import type { AnalysisView } from '../../../server/src/lsp/view';

export interface ViewOptions {
  /** newsLens.* settings, as a client would send them. */
  settings?: unknown;
  /** The user's gazetteer records (already validated). */
  gazetteer?: LeaderRecord[];
  date?: string;
  uri?: string;
  version?: number;
}

export function viewOf(text: string, o: ViewOptions = {}): AnalysisView {
  const uri = o.uri ?? 'file:///articles/article.txt';
  const version = o.version ?? 1;
  const settings = normalizeSettings(o.settings);
  const options: AnalyzeOptions = {};
  if (o.date) options.date = o.date;
  if (o.gazetteer?.length) options.gazetteer = o.gazetteer;
  if (Object.keys(settings.severity).length) options.severities = settings.severity;
  const doc = TextDocument.create(uri, 'plaintext', version, text);
  return { uri, doc, version, analysis: analyzeArticle(text, options), analyzedVersion: version, settings, gazetteer: o.gazetteer ?? [] };
}

/** The offset of the `nth` occurrence (0-based) of `needle` in the view's text, plus `plus`. */
export function offsetOf(view: AnalysisView, needle: string, plus = 0, nth = 0): number {
  const text = view.doc.getText();
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" (occurrence ${nth}) is not in the text`);
  }
  return at + plus;
}

/** The text a range covers. */
export function textOf(view: AnalysisView, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  return view.doc.getText(range);
}
