// newsLens/export: one article in an export format. An open document is exported from its analysis of
// exactly the current version (unsaved edits included); any other file:// URI is read from disk (size
// limit, binary and UTF-8 checks as in the CLI) and analysed in the background worker with the file's
// settings and gazetteers, so exporting a workspace never queues open documents' analyses behind it.
import { fileURLToPath } from 'node:url';
import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import type { ExportParams, ExportResult } from '../../../../common/protocol';
import { toAnnotations } from '../../core/annotations';
import { EXPORT_FORMATS, exportArticle, isExportFormat } from '../../export';
import type { GazetteerStore } from '../../gazetteer/store';
import { readArticleFile, readFailure, type ArticleFile } from '../../io/article';
import { engineOptions, type AnalysisCache } from '../pipeline/cache';
import type { AnalysisWorkerHost } from '../pipeline/worker';
import type { SettingsStore } from '../settings';
import { annotations as annotationsOf } from './annotations';

export interface ExportDeps {
  cache: AnalysisCache;
  settings: SettingsStore;
  gazetteers: GazetteerStore;
  /** The worker that analyses files that are not open (the workspace index's). */
  worker: AnalysisWorkerHost;
}

const failed = (message: string) => new ResponseError(LSPErrorCodes.RequestFailed, message);
const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'the export was cancelled');

export async function exportDocument(params: ExportParams, deps: ExportDeps, token: CancellationToken): Promise<ExportResult> {
  const uri = params.textDocument?.uri ?? params.uri;
  if (!uri) throw new ResponseError(ErrorCodes.InvalidParams, 'newsLens/export needs textDocument or uri');
  const format = params.format;
  if (!isExportFormat(format)) throw new ResponseError(ErrorCodes.InvalidParams, `unknown export format "${format}" (one of ${EXPORT_FORMATS.join(', ')})`);
  const path = uri.startsWith('file:') ? fileURLToPath(uri) : uri;
  const options = { part: params.part };

  if (deps.cache.uris().includes(uri)) {
    const view = await deps.cache.exact(uri, token);
    if (token.isCancellationRequested) throw cancelled();
    if (!view) throw failed(`${path} was closed or changed while it was being exported`);
    if (view.skipped) throw failed(`${path} is not analysed (${view.skipped === 'too-large' ? 'larger than newsLens.maxFileSize' : view.skipped === 'disabled' ? 'News Lens is off for its language' : 'the analysis failed'})`);
    const files = exportArticle(format, { annotations: annotationsOf(view), text: view.doc.getText(), path, uri, stem: params.stem }, options);
    return { uri, version: view.version, files };
  }

  if (!uri.startsWith('file:')) throw failed(`${uri} is neither open nor a file`);
  const settings = await deps.settings.get(uri);
  if (!settings.enable) throw failed(`News Lens is off for ${path} (newsLens.enable)`);
  let read: ArticleFile;
  try {
    read = await readArticleFile(path, settings.maxFileSize);
  } catch (e) {
    throw failed(`${path}: ${readFailure(e)}`);
  }
  if (token.isCancellationRequested) throw cancelled();
  const { options: analyzeOptions } = await engineOptions(uri, settings, deps.gazetteers);
  try {
    const { result } = await deps.worker.analyzeOnce(read.text, analyzeOptions);
    if (token.isCancellationRequested) throw cancelled();
    const annotations = toAnnotations(result, { path, sha256: read.sha256 });
    return { uri, files: exportArticle(format, { annotations, text: read.text, path, uri, stem: params.stem }, options) };
  } catch (e) {
    if (e instanceof ResponseError) throw e;
    throw failed(`${path}: the analysis failed: ${(e as Error).message}`);
  }
}
