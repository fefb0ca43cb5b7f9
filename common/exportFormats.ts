// The export formats' metadata, shared by the CLI, the server and the extension's pickers. Only constants
// live here (no formatter code), so the extension bundle can import it without pulling in the formatters.

export const EXPORT_FORMATS = ['json', 'jsonl', 'csv', 'brat', 'w3c', 'markdown', 'graphml'] as const;

export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface FormatInfo {
  id: ExportFormat;
  /** For pickers: "JSON (news-lens/annotations@1)". */
  label: string;
  description: string;
  /** Suffix of the main output file after the article's stem: "putin-call" + ".json". */
  suffix: string;
  /** Extensions for save-dialog filters (without dots). */
  extensions: string[];
  /**
   * True when many articles go into ONE output file (jsonl, csv): a workspace export streams them into
   * it. Otherwise a workspace export writes one output per article into a folder.
   */
  streamable: boolean;
}

export const FORMAT_INFO: Record<ExportFormat, FormatInfo> = {
  json: {
    id: 'json',
    label: 'JSON',
    description: 'news-lens/annotations@1, the full analysis',
    suffix: '.json',
    extensions: ['json'],
    streamable: false,
  },
  jsonl: {
    id: 'jsonl',
    label: 'JSON Lines',
    description: 'news-lens/annotations@1, one article per line',
    suffix: '.jsonl',
    extensions: ['jsonl'],
    streamable: true,
  },
  csv: {
    id: 'csv',
    label: 'CSV',
    description: 'one row per quote, for spreadsheets',
    suffix: '.csv',
    extensions: ['csv'],
    streamable: true,
  },
  brat: {
    id: 'brat',
    label: 'brat standoff',
    description: '.ann beside a copy of the .txt, plus annotation.conf (brat, INCEpTION)',
    suffix: '.ann',
    extensions: ['ann'],
    streamable: false,
  },
  w3c: {
    id: 'w3c',
    label: 'W3C Web Annotation',
    description: 'JSON-LD with TextQuote and TextPosition selectors (Hypothesis-style tools)',
    suffix: '.jsonld',
    extensions: ['jsonld', 'json'],
    streamable: false,
  },
  markdown: {
    id: 'markdown',
    label: 'Markdown report',
    description: 'leaders, countries, quotes by speaker, a Mermaid diagram of who spoke to whom, diagnostics',
    suffix: '.report.md',
    extensions: ['md'],
    streamable: false,
  },
  graphml: {
    id: 'graphml',
    label: 'GraphML',
    description: 'the conversation graph, for Gephi or yEd',
    suffix: '.graphml',
    extensions: ['graphml'],
    streamable: false,
  },
};

export function isExportFormat(f: unknown): f is ExportFormat {
  return typeof f === 'string' && (EXPORT_FORMATS as readonly string[]).includes(f);
}

/** The CSV columns, in order (one row per quote). Offsets are UTF-16 code units, as in the JSON. */
export const CSV_COLUMNS = [
  'file',
  'sha256',
  'quote_id',
  'kind',
  'quote',
  'quote_start',
  'quote_end',
  'speaker_id',
  'speaker',
  'speaker_type',
  'speaker_country',
  'speaker_title',
  'speaker_for',
  'speaker_words',
  'speaker_words_start',
  'speaker_words_end',
  'cue',
  'cue_start',
  'cue_end',
] as const;

/**
 * What starts a CSV file: a UTF-8 byte-order mark (so that Excel reads the file as UTF-8 rather than the
 * system code page; LibreOffice, Google Sheets, pandas' utf-8-sig and csv-parse's `bom` option skip it)
 * and the header row, CRLF-terminated (RFC 4180). Equal to what csv-stringify writes for the header
 * (a test checks it); a streamed export writes it once, then each article's rows.
 */
export const CSV_HEAD = '\ufeff' + CSV_COLUMNS.join(',') + '\r\n';

/** What starts a streamed (many-article) output file, written once before the articles' bodies: the CSV head; nothing for jsonl. */
export function streamHead(format: ExportFormat): string {
  return format === 'csv' ? CSV_HEAD : '';
}

/** The file-name extensions of the languages News Lens analyses (for listing a workspace's articles). */
export const LANGUAGE_EXTENSIONS: Record<string, string[]> = {
  plaintext: ['txt'],
  markdown: ['md', 'markdown'],
  'news-article': ['article'],
};
