// The export formats: one pure formatter per format (no editor, no file system), chosen by id.
//   exportArticle('brat', { annotations, text, path }) → [{ name: 'x.ann', … }, { name: 'x.txt', … }, { name: 'annotation.conf', … }]
// The first file is the export's main output. Writing the files is the caller's job (common/atomicWrite.ts).
import { EXPORT_FORMATS, isExportFormat, type ExportFormat } from '../../../common/exportFormats';
import { MAX_STEM_BYTES, safeFileName, stemOf } from '../../../common/fileNames';
import { renderBrat } from './brat';
import { renderCsv } from './csv';
import { renderGraphml } from './graphml';
import { renderJson, renderJsonl } from './json';
import { renderMarkdown } from './markdown';
import type { ExportFile, ExportInput, ExportOptions } from './types';
import { renderW3c } from './w3c';

export type { ExportFile, ExportInput, ExportOptions } from './types';
export { CSV_COLUMNS, CSV_HEAD, EXPORT_FORMATS, FORMAT_INFO, isExportFormat, LANGUAGE_EXTENSIONS, streamHead, type ExportFormat, type FormatInfo } from '../../../common/exportFormats';
export { baseName, safeFileName, stemOf } from '../../../common/fileNames';

type Formatter = (input: ExportInput, stem: string, options: ExportOptions) => ExportFile[];

const FORMATTERS: Record<ExportFormat, Formatter> = {
  json: renderJson,
  jsonl: renderJsonl,
  csv: renderCsv,
  brat: renderBrat,
  w3c: renderW3c,
  markdown: renderMarkdown,
  graphml: renderGraphml,
};

/** The files of one article in `format`; names are safe bare file names starting with the stem. */
export function exportArticle(format: ExportFormat, input: ExportInput, options: ExportOptions = {}): ExportFile[] {
  if (!isExportFormat(format)) throw new Error(`unknown export format "${format}" (one of ${EXPORT_FORMATS.join(', ')})`);
  const stem = input.stem !== undefined ? safeFileName(input.stem, MAX_STEM_BYTES) : stemOf(input.path);
  return FORMATTERS[format](input, stem, options).map((f) => ({ name: safeFileName(f.name), content: f.content }));
}
