// csv: one row per quote (direct, mixed and indirect) with its speaker, the speaker's country and title,
// the cue and every span's offsets, written by csv-stringify (never by hand): fields holding commas,
// quotation marks or line breaks are quoted, quotation marks doubled; records end in CRLF (RFC 4180).
// The file starts with a UTF-8 byte-order mark so that Excel reads it as UTF-8 (see CSV_HEAD).
// Cells beginning with = + - @ tab or CR get a leading apostrophe (csv-stringify's escape_formulas), so
// that article text can never run as a spreadsheet formula ("CSV injection"); no other cell is changed.
import { stringify } from 'csv-stringify/sync';
import { CSV_COLUMNS } from '../../../common/exportFormats';
import { countryOf, entityIndex, titleOf } from '../query';
import type { ExportFile, ExportInput, ExportOptions } from './types';

export type CsvRow = Record<(typeof CSV_COLUMNS)[number], string | number | null>;

/** The rows of one article, before CSV encoding (what a reader gets back, formulas aside). */
export function csvRows(input: ExportInput): CsvRow[] {
  const a = input.annotations;
  const byId = entityIndex(a);
  return [...a.quotes]
    .sort((x, y) => x.start - y.start || x.end - y.end)
    .map((q) => {
      const speaker = q.speaker ? byId.get(q.speaker) : undefined;
      const principal = speaker?.speaksFor ? byId.get(speaker.speaksFor) : undefined;
      return {
        file: input.path,
        sha256: a.source.sha256,
        quote_id: q.id,
        kind: q.kind,
        quote: q.text,
        quote_start: q.start,
        quote_end: q.end,
        speaker_id: q.speaker,
        speaker: speaker?.name ?? null,
        speaker_type: speaker?.type ?? null,
        speaker_country: countryOf(speaker) ?? null,
        speaker_title: titleOf(speaker) ?? null,
        speaker_for: principal?.name ?? null,
        speaker_words: q.speakerMention?.text ?? null,
        speaker_words_start: q.speakerMention?.start ?? null,
        speaker_words_end: q.speakerMention?.end ?? null,
        cue: q.cue?.text ?? null,
        cue_start: q.cue?.start ?? null,
        cue_end: q.cue?.end ?? null,
      };
    });
}

export const CSV_OPTIONS = {
  columns: [...CSV_COLUMNS],
  record_delimiter: 'windows',
  // Must be set explicitly once record_delimiter is: quote every field holding \r or \n.
  quote_record_delimiter: true,
  escape_formulas: true,
} as const;

/** The CSV text of one article: BOM and header, then its rows; with part 'body', the rows only. */
export function csvText(input: ExportInput, options: ExportOptions = {}): string {
  const head = options.part !== 'body';
  return stringify(csvRows(input), { ...CSV_OPTIONS, columns: [...CSV_OPTIONS.columns], header: head, bom: head });
}

export function renderCsv(input: ExportInput, stem: string, options: ExportOptions = {}): ExportFile[] {
  return [{ name: `${stem}.csv`, content: csvText(input, options) }];
}
