// The exporters' input and output. Formatters are pure functions from one article's annotations and text
// to named file contents: no editor, no file system (the CLI and the extension write the files).
import type { Annotations } from '../core/annotations';

export type { Annotations };

export interface ExportInput {
  /** news-lens/annotations@1 of the article (offsets: UTF-16 code units into `text`). */
  annotations: Annotations;
  /** The article's text exactly as analysed. */
  text: string;
  /** How the outputs name the article: the path as the user gave it, or the file's path. */
  path: string;
  /** The article's URI (file:///…), for formats that identify the source by IRI (W3C); else derived from the SHA-256. */
  uri?: string;
  /** Output file names start with this; default: the file name of `path` without its extension. */
  stem?: string;
}

export interface ExportFile {
  /** A bare file name (no directory part). The first file of an export is its main output. */
  name: string;
  content: string;
}

export interface ExportOptions {
  /**
   * 'body' for the second and later articles of a streamed export (one jsonl or csv file for many
   * articles): leaves out what only the start of the file carries (the CSV byte-order mark and header).
   */
  part?: 'whole' | 'body';
}
