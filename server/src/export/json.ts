// json: the news-lens/annotations@1 object, pretty-printed (the same object `news-lens annotate` prints).
// jsonl: the same object on one line, so that many articles stream into one file, one article per line.
import type { ExportFile, ExportInput } from './types';

export function renderJson(input: ExportInput, stem: string): ExportFile[] {
  return [{ name: `${stem}.json`, content: JSON.stringify(input.annotations, null, 2) + '\n' }];
}

/**
 * One line of JSON. JSON.stringify already escapes every control character; NEL (U+0085) and the
 * Unicode line and paragraph separators are legal raw in JSON strings but split lines for some readers
 * (Python's str.splitlines), so they are written as \u escapes too. The value parses back unchanged.
 */
export function jsonLine(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0085\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n';
}

export function renderJsonl(input: ExportInput, stem: string): ExportFile[] {
  return [{ name: `${stem}.jsonl`, content: jsonLine(input.annotations) }];
}
