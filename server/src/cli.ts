// news-lens: the command-line face of the engine.
//   news-lens annotate [--format json|jsonl] [--date YYYY-MM-DD] [--gazetteer FILE]... FILE...
//   news-lens export --format FORMAT [--out DIR] [--force] [--date YYYY-MM-DD] [--gazetteer FILE]... FILE...
// annotate prints news-lens/annotations@1 for each file; export writes each file's annotations in one of
// the export formats (server/src/export) next to it or into DIR. An unreadable or binary file gets a
// message on stderr and exit code 1 while the other files are still processed; bad arguments get usage
// and exit code 2.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeArticle, toAnnotations } from './core';
import { isValidIsoDate } from './core/articleDate';
import type { LeaderRecord } from './core/types';
import { EXPORT_FORMATS, exportArticle, isExportFormat, stemOf, type ExportFormat } from './export';
import { loadGazetteerFile } from './gazetteer';
import { decodeArticle, readFailure } from './io/article';
import { FileExistsError, insideFolder, ProtectedFileError, writeFilesAtomic } from '../../common/atomicWrite';

export const USAGE = `Usage: news-lens annotate [--format json|jsonl] [--date YYYY-MM-DD] [--gazetteer FILE]... FILE...
       news-lens export --format FORMAT [--out DIR] [--force] [--date YYYY-MM-DD] [--gazetteer FILE]... FILE...

Finds political leaders, countries, quotations with their speakers and who spoke to whom in news
articles, and prints them as news-lens/annotations@1 JSON (annotate) or writes them in an export
format (export).

Options:
  --format json    one JSON object for one file, an array for several (default)
  --format jsonl   one JSON object per line, in input order
  --date DATE      the article date (YYYY-MM-DD) for date-aware title checks
  --gazetteer FILE a JSON file of extra leaders (see server/data/README.md)
  -h, --help       show this help

Export options:
  --format FORMAT  ${EXPORT_FORMATS.join(', ')} (required)
  --out DIR        write into DIR (created if needed) instead of next to each FILE
  --force          replace existing output files (never the articles themselves)
  Prints the path of every output file. An existing file is not replaced without --force (one whose
  content is already identical is left as it is); the articles themselves are never replaced.
`;

class UsageError extends Error {}

interface Args {
  format: 'json' | 'jsonl';
  date?: string;
  gazetteers: string[];
  files: string[];
}

const isOption = (arg: string, name: string) => arg === name || arg.startsWith(`${name}=`);

/**
 * Reads the options both commands share (--help, --date, --gazetteer, --, files) into `args`; `own`
 * handles a command's own options and returns false for one it does not know. True means --help.
 */
function parseOptions(
  rest: string[],
  args: { date?: string; gazetteers: string[]; files: string[] },
  own: (arg: string, value: (name: string) => string) => boolean,
): boolean {
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const value = (name: string) => {
      if (a.includes('=')) return a.slice(a.indexOf('=') + 1);
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      return v;
    };
    if (a === '-h' || a === '--help') return true;
    if (own(a, value)) continue;
    if (isOption(a, '--date')) {
      const d = value('--date');
      if (!isValidIsoDate(d)) throw new UsageError(`--date must be a calendar date as YYYY-MM-DD, not "${d}"`);
      args.date = d;
    } else if (isOption(a, '--gazetteer')) args.gazetteers.push(value('--gazetteer'));
    else if (a === '--') {
      args.files.push(...rest.slice(i + 1));
      break;
    } else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option "${a}"`);
    else args.files.push(a);
  }
  return false;
}

function parseArgs(argv: string[]): Args | 'help' {
  const [command, ...rest] = argv;
  if (command === '-h' || command === '--help' || command === 'help') return 'help';
  if (command !== 'annotate') throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
  const args: Args = { format: 'json', gazetteers: [], files: [] };
  const help = parseOptions(rest, args, (a, value) => {
    if (!isOption(a, '--format')) return false;
    const f = value('--format');
    if (f !== 'json' && f !== 'jsonl') throw new UsageError(`--format must be json or jsonl, not "${f}"`);
    args.format = f;
    return true;
  });
  if (help) return 'help';
  if (!args.files.length) throw new UsageError('no FILE given');
  return args;
}

/** Reads a file as UTF-8 text; refuses binary content (NUL bytes) and invalid UTF-8 with a reason. */
function readArticle(file: string): { text: string; bytes: Buffer } {
  const bytes = file === '-' ? readFileSync(0) : readFileSync(file);
  return { text: decodeArticle(bytes), bytes };
}

/** Parsed arguments, or the exit code after printing usage: 0 for --help, 2 for bad arguments. */
function parsedOrExit<T>(parse: () => T | 'help', out: (s: string) => void, err: (s: string) => void): T | number {
  let args: T | 'help';
  try {
    args = parse();
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err(`news-lens: ${e.message}\n\n${USAGE}`);
    return 2;
  }
  if (args === 'help') {
    out(USAGE);
    return 0;
  }
  return args;
}

export function main(argv: string[], out: (s: string) => void, err: (s: string) => void): number | Promise<number> {
  if (argv[0] === 'export') return exportMain(argv.slice(1), out, err);
  const args = parsedOrExit(() => parseArgs(argv), out, err);
  if (typeof args === 'number') return args;
  const { gazetteer, status: gazetteerStatus } = loadGazetteers(args.gazetteers, err);
  let status = gazetteerStatus;
  const results: unknown[] = [];
  for (const file of args.files) {
    let read: { text: string; bytes: Buffer };
    try {
      read = readArticle(file);
    } catch (e) {
      err(`news-lens: ${file}: ${readFailure(e)}\n`);
      status = 1;
      continue;
    }
    const analysis = analyzeArticle(read.text, { date: args.date, gazetteer });
    const annotations = toAnnotations(analysis, { path: file, sha256: createHash('sha256').update(read.bytes).digest('hex') });
    if (args.format === 'jsonl') out(JSON.stringify(annotations) + '\n');
    else results.push(annotations);
  }
  if (args.format === 'json' && results.length) out(JSON.stringify(results.length === 1 ? results[0] : results) + '\n');
  return status;
}

function loadGazetteers(files: string[], err: (s: string) => void): { gazetteer: LeaderRecord[]; status: number } {
  let status = 0;
  const gazetteer: LeaderRecord[] = [];
  for (const g of files) {
    const { records, errors } = loadGazetteerFile(g);
    for (const e of errors) err(`news-lens: ${e.file}:${e.line}:${e.column}: ${e.field ? `${e.field}: ` : ''}${e.message}\n`);
    if (errors.length) status = 1;
    gazetteer.push(...records);
  }
  return { gazetteer, status };
}

// ---- news-lens export ----

interface ExportArgs {
  format: ExportFormat;
  out?: string;
  force: boolean;
  date?: string;
  gazetteers: string[];
  files: string[];
}

function parseExportArgs(rest: string[]): ExportArgs | 'help' {
  let format: string | undefined;
  const args: Omit<ExportArgs, 'format'> = { force: false, gazetteers: [], files: [] };
  const help = parseOptions(rest, args, (a, value) => {
    if (isOption(a, '--format')) {
      format = value('--format');
      if (!isExportFormat(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}, not "${format}"`);
    } else if (isOption(a, '--out')) {
      args.out = value('--out');
      if (!args.out) throw new UsageError('--out needs a folder');
    } else if (a === '--force') args.force = true;
    else return false;
    return true;
  });
  if (help) return 'help';
  if (!format) throw new UsageError('export needs --format FORMAT');
  if (!args.files.length) throw new UsageError('no FILE given');
  return { ...args, format: format as ExportFormat };
}

/**
 * Writes each FILE's export next to it (or into --out DIR): output names come from the file name only
 * (sanitised; never a directory part, so "../evil.txt" writes evil.json inside DIR), made unique within
 * the run; every export is written atomically, all its files or none; the articles are never replaced.
 */
async function exportMain(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const args = parsedOrExit(() => parseExportArgs(argv), out, err);
  if (typeof args === 'number') return args;
  const { gazetteer, status: gazetteerStatus } = loadGazetteers(args.gazetteers, err);
  let status = gazetteerStatus;
  const inputs = args.files.filter((f) => f !== '-').map((f) => path.resolve(f));
  const usedStems = new Set<string>();
  for (const file of args.files) {
    let read: { text: string; bytes: Buffer };
    try {
      read = readArticle(file);
    } catch (e) {
      err(`news-lens: ${file}: ${readFailure(e)}\n`);
      status = 1;
      continue;
    }
    const dir = path.resolve(args.out ?? (file === '-' ? '.' : path.dirname(file)));
    const base = file === '-' ? 'stdin' : stemOf(file);
    let stem = base;
    for (let n = 2; usedStems.has(path.join(dir, stem)); n++) stem = `${base}-${n}`;
    usedStems.add(path.join(dir, stem));
    const analysis = analyzeArticle(read.text, { date: args.date, gazetteer });
    const annotations = toAnnotations(analysis, { path: file, sha256: createHash('sha256').update(read.bytes).digest('hex') });
    const uri = file === '-' ? undefined : pathToFileURL(path.resolve(file)).toString();
    try {
      const files = exportArticle(args.format, { annotations, text: read.text, path: file, uri, stem });
      const entries = files.map((f) => ({ path: insideFolder(dir, f.name), content: f.content }));
      await writeFilesAtomic(entries, { overwrite: args.force, protect: inputs });
      // Every output path, including files that were already identical and so left alone.
      for (const e of entries) out(`${e.path}\n`);
    } catch (e) {
      const hint = e instanceof FileExistsError ? '; use --force to replace' : e instanceof ProtectedFileError ? '; use --out DIR' : '';
      err(`news-lens: ${file}: not exported: ${(e as Error).message}${hint}\n`);
      status = 1;
    }
  }
  return status;
}

export function run(): void {
  const status = main(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s));
  if (typeof status === 'number') process.exitCode = status;
  else
    status.then(
      (code) => (process.exitCode = code),
      (e) => {
        process.stderr.write(`news-lens: ${(e as Error).stack || e}\n`);
        process.exitCode = 1;
      },
    );
}

if (require.main === module) run();
