// What every feature reads: one document's analysis at its current version, as the pipeline serves it
// (pipeline/cache.ts makes it; features/ only read it). A type of its own so that features, the cache and
// the worker depend on it rather than on each other.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisStateKind, AnalysisTruncation } from '../../../common/protocol';
import type { Analysis, LeaderRecord } from '../core/types';
import type { NewsLensSettings } from './settings';

export interface AnalysisView {
  uri: string;
  /** The current document; every span in `analysis` is an offset into its current text. */
  doc: TextDocument;
  version: number;
  analysis: Analysis;
  /** The version the engine actually analysed (older than `version` while a fresh analysis runs). */
  analyzedVersion: number;
  settings: NewsLensSettings;
  /** The user's gazetteer records the analysis used (newsLens.gazetteerFiles); they extend the knowledge base. */
  gazetteer: readonly LeaderRecord[];
  /** Set when the document is not analysed (disabled language, failed analysis; too large for `exact` callers). */
  skipped?: AnalysisStateKind;
  /** Set when only the beginning of the document was analysed (larger than newsLens.maxFileSize). */
  truncated?: AnalysisTruncation;
}
