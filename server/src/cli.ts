// news-lens: the command-line face of the engine.
//   news-lens annotate [OPTIONS] (FILE | DIR)... | --stdin
//   news-lens graph [--format graphml|csv|json] [--out PATH] [OPTIONS] (FILE | DIR)... | --stdin
//   news-lens export --format FORMAT [--out DIR] [--force] [--date YYYY-MM-DD] [--gazetteer FILE]... FILE...
// annotate prints news-lens/annotations@1 for each article and graph the corpus's conversation graph;
// both are batch runs (server/src/batch): worker threads, output in input order, the editor's size
// budget, a progress bar and a summary. export writes each file's annotations in one of the export
// formats (server/src/export) next to it or into DIR. An unreadable or binary file gets a message on
// stderr and exit code 1 while the other files are still processed; bad arguments get usage and exit code 2.
import { readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_MAX_FILE_SIZE } from './budget';
import { isCalendarDate } from './batch/dates';
import { GRAPH_FORMATS, type GraphFormat } from './batch/graphFormats';
import { runBatch, type BatchArgs } from './batch/run';
import { isBatchWorker, runBatchWorker } from './batch/worker';
import type { LeaderRecord } from './core';
import { EXPORT_FORMATS, exportArticle, isExportFormat, stemOf, type ExportFormat } from './export';
import { loadGazetteerFile } from './gazetteer';
import { decodeArticle, readArticleFile, readFailure, sha256Hex } from './io/article';
import { FileExistsError, insideFolder, ProtectedFileError, writeFilesAtomic } from '../../common/atomicWrite';

type Engine = typeof import('./core');
/** The engine, loaded only by the commands that analyse in this thread (export): batch runs analyse in workers. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadEngine = (): Engine => require('./core') as Engine;

const DEFAULT_TIMEOUT_S = 120;
const MIN_WORKER_MEMORY_MB = 256;

export const USAGE = `Usage: news-lens annotate [--format json|jsonl] [OPTIONS] (FILE | DIR)... | --stdin
       news-lens graph [--format graphml|csv|json] [--out PATH [--force]] [OPTIONS] (FILE | DIR)... | --stdin
       news-lens export --format FORMAT [--out DIR] [--force] [--date YYYY-MM-DD] [--gazetteer FILE]... FILE...

Finds political leaders, countries, quotations with their speakers and who spoke to whom in news
articles, and prints them as news-lens/annotations@1 JSON (annotate), merges the articles' conversations
into one network (graph), or writes them in an export format (export).

Inputs (annotate, graph):
  FILE             an article (UTF-8 text); - reads one article from standard input
  DIR              every article under DIR (*.txt, *.md, *.markdown, *.article), in name order; hidden
                   folders, node_modules and News Lens's own outputs are skipped
  --include GLOB   under a DIR, take the files matching GLOB instead (repeatable; "*.txt" matches at any depth)
  --exclude GLOB   under a DIR, leave out files and folders matching GLOB (repeatable)
  --stdin          read JSON Lines records {"id": …, "text": …, …metadata} from standard input; "date"
                   (YYYY-MM-DD or ISO 8601) is the article date; the metadata is kept in source.metadata

Options:
  --format json    annotate: one JSON object for one article, an array for several (default)
  --format jsonl   annotate: one JSON object per line, in input order (default with --stdin)
  --format F       graph: graphml (default), csv (edge table; with --out DIR also nodes.csv), json
  --date DATE      the article date (YYYY-MM-DD) for date-aware title checks, for every article
  --gazetteer FILE a JSON file of extra leaders (see server/data/README.md)
  --jobs N         worker threads (default: the number of CPU cores, here ${os.availableParallelism()})
  --timeout S      seconds per article before it is given up and reported (default ${DEFAULT_TIMEOUT_S}; 0: none)
  --max-file-size B  the analysis budget in bytes (default ${DEFAULT_MAX_FILE_SIZE}, the editor's; 2MB, 500KB also
                   work; 0: no limit): a larger article is analysed up to a paragraph break within B bytes
                   and its analysis-truncated diagnostic says what was skipped
  --worker-memory MB  heap limit of each worker (at least 256): an article needing more is reported
                   and the run goes on
  --quiet          no progress bar and no summary line (errors are still reported)
  --json-summary   the summary as one JSON object on stderr; --json-summary=FILE writes it to FILE
  --out PATH       graph: write the graph to PATH (csv: into the folder PATH) instead of stdout
  --force          graph: replace an existing PATH
  -h, --help       show this help

A progress bar is shown on stderr when it is a terminal; a summary line always ends the run. The output
is in input order whatever --jobs is. Exit code 0, 1 when an article was skipped (its reason is on
stderr), 2 for bad arguments.

Export options:
  --format FORMAT  ${EXPORT_FORMATS.join(', ')} (required)
  --out DIR        write into DIR (created if needed) instead of next to each FILE
  --force          replace existing output files (never the articles themselves)
  Prints the path of every output file. An existing file is not replaced without --force (one whose
  content is already identical is left as it is); the articles themselves are never replaced.
`;

class UsageError extends Error {}

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
      if (!isCalendarDate(d)) throw new UsageError(`--date must be a calendar date as YYYY-MM-DD, not "${d}"`);
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

/** Bytes: 2000000, 2MB, 2M, 500KB, 1.5GB (1 MB = 10^6 bytes, as the editor's sizes). */
function parseSize(s: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(b|k|kb|m|mb|g|gb)?$/i.exec(s.trim());
  if (!m) throw new UsageError(`--max-file-size must be a size in bytes (2000000, 2MB, 500KB; 0: no limit), not "${s}"`);
  const unit = (m[2] ?? 'b').toLowerCase()[0];
  return Math.floor(Number(m[1]) * (unit === 'k' ? 1e3 : unit === 'm' ? 1e6 : unit === 'g' ? 1e9 : 1));
}

function positive(name: string, s: string, { integer = false, zero = false } = {}): number {
  const n = Number(s);
  if (!s.trim() || !Number.isFinite(n) || n < 0 || (!zero && n === 0) || (integer && !Number.isInteger(n))) {
    throw new UsageError(`${name} must be ${integer ? 'a whole number' : 'a number'}${zero ? ' (0 or more)' : ' above 0'}, not "${s}"`);
  }
  return n;
}

/** annotate and graph: the batch options. */
function parseBatchArgs(command: 'annotate' | 'graph', rest: string[]): (BatchArgs & { gazetteers: string[]; files: string[] }) | 'help' {
  let format: string | undefined;
  const args: BatchArgs & { gazetteers: string[]; files: string[] } = {
    command,
    format: 'json',
    gazetteer: [],
    gazetteers: [],
    files: [],
    inputs: [],
    stdin: false,
    include: [],
    exclude: [],
    jobs: os.availableParallelism(),
    timeout: DEFAULT_TIMEOUT_S,
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
    quiet: false,
    jsonSummary: false,
    force: false,
  };
  const help = parseOptions(rest, args, (a, value) => {
    if (isOption(a, '--format')) {
      format = value('--format');
      const allowed: readonly string[] = command === 'graph' ? GRAPH_FORMATS : ['json', 'jsonl'];
      if (!allowed.includes(format)) throw new UsageError(`--format must be ${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}, not "${format}"`);
    } else if (a === '--stdin') args.stdin = true;
    else if (isOption(a, '--include')) args.include.push(value('--include'));
    else if (isOption(a, '--exclude')) args.exclude.push(value('--exclude'));
    else if (isOption(a, '--jobs') || isOption(a, '-j')) args.jobs = positive('--jobs', value('--jobs'), { integer: true });
    else if (isOption(a, '--timeout')) args.timeout = positive('--timeout', value('--timeout'), { zero: true });
    else if (isOption(a, '--max-file-size')) args.maxFileSize = parseSize(value('--max-file-size'));
    else if (isOption(a, '--worker-memory')) {
      args.workerMemory = positive('--worker-memory', value('--worker-memory'), { integer: true });
      // Below this, V8 can abort the whole process instead of ending only the worker (nodejs/node#47224).
      if (args.workerMemory < MIN_WORKER_MEMORY_MB) throw new UsageError(`--worker-memory must be at least ${MIN_WORKER_MEMORY_MB} (MB), not ${args.workerMemory}`);
    } else if (a === '--quiet' || a === '-q') args.quiet = true;
    else if (a === '--json-summary') args.jsonSummary = true;
    else if (a.startsWith('--json-summary=')) {
      args.jsonSummary = a.slice('--json-summary='.length);
      if (!args.jsonSummary) throw new UsageError('--json-summary= needs a file');
    } else if (command === 'graph' && isOption(a, '--out')) {
      args.out = value('--out');
      if (!args.out) throw new UsageError('--out needs a path');
    } else if (command === 'graph' && a === '--force') args.force = true;
    else return false;
    return true;
  });
  if (help) return 'help';
  args.inputs = args.files;
  if (args.stdin && args.inputs.length) throw new UsageError('--stdin reads the articles from standard input: give no FILE or DIR with it');
  if (!args.stdin && !args.inputs.length) throw new UsageError('no FILE given (FILEs, DIRs, or --stdin)');
  args.format = (format ?? (command === 'graph' ? 'graphml' : args.stdin ? 'jsonl' : 'json')) as BatchArgs['format'];
  return args;
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
  const [command, ...rest] = argv;
  if (command === 'export') return exportMain(rest, out, err);
  if (command === '-h' || command === '--help' || command === 'help') {
    out(USAGE);
    return 0;
  }
  if (command !== 'annotate' && command !== 'graph') {
    err(`news-lens: ${command ? `unknown command "${command}"` : 'missing command'}\n\n${USAGE}`);
    return 2;
  }
  const args = parsedOrExit(() => parseBatchArgs(command, rest), out, err);
  if (typeof args === 'number') return args;
  const { gazetteer, status } = loadGazetteers(args.gazetteers, err);
  args.gazetteer = gazetteer;
  return runBatch(args, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }, __filename, status);
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
    let read: { text: string; sha256: string };
    try {
      read = file === '-' ? readStdinArticle() : await readArticleFile(file);
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
    const engine = loadEngine();
    const analysis = engine.analyzeArticle(read.text, { date: args.date, gazetteer });
    const annotations = engine.toAnnotations(analysis, { path: file, sha256: read.sha256 });
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

function readStdinArticle(): { text: string; sha256: string } {
  const bytes = readFileSync(0);
  return { text: decodeArticle(bytes), sha256: sha256Hex(bytes) };
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

// The bundle is also the batch workers' script (batch/pool.ts starts it with workerData).
if (isBatchWorker()) runBatchWorker();
else if (require.main === module) run();
