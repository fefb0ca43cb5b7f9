// news-lens: the command-line face of the engine.
//   news-lens annotate [--format json|jsonl] [--date YYYY-MM-DD] [--gazetteer FILE]... FILE...
// Prints news-lens/annotations@1 for each file. An unreadable or binary file gets a message on stderr and
// exit code 1 while the other files are still annotated; bad arguments get usage and exit code 2.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { analyzeArticle, toAnnotations } from './core';
import { isValidIsoDate } from './core/articleDate';
import type { LeaderRecord } from './core/types';
import { loadGazetteerFile } from './gazetteer';

export const USAGE = `Usage: news-lens annotate [--format json|jsonl] [--date YYYY-MM-DD] [--gazetteer FILE]... FILE...

Finds political leaders, countries, quotations with their speakers and who spoke to whom in news
articles, and prints them as news-lens/annotations@1 JSON.

Options:
  --format json    one JSON object for one file, an array for several (default)
  --format jsonl   one JSON object per line, in input order
  --date DATE      the article date (YYYY-MM-DD) for date-aware title checks
  --gazetteer FILE a JSON file of extra leaders (see server/data/README.md)
  -h, --help       show this help
`;

class UsageError extends Error {}

interface Args {
  format: 'json' | 'jsonl';
  date?: string;
  gazetteers: string[];
  files: string[];
}

function parseArgs(argv: string[]): Args | 'help' {
  const [command, ...rest] = argv;
  if (command === '-h' || command === '--help' || command === 'help') return 'help';
  if (command !== 'annotate') throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
  const args: Args = { format: 'json', gazetteers: [], files: [] };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const value = (name: string) => {
      const inline = a.includes('=') ? a.slice(a.indexOf('=') + 1) : undefined;
      if (inline !== undefined) return inline;
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      return v;
    };
    if (a === '-h' || a === '--help') return 'help';
    else if (a === '--format' || a.startsWith('--format=')) {
      const f = value('--format');
      if (f !== 'json' && f !== 'jsonl') throw new UsageError(`--format must be json or jsonl, not "${f}"`);
      args.format = f;
    } else if (a === '--date' || a.startsWith('--date=')) {
      const d = value('--date');
      if (!isValidIsoDate(d)) throw new UsageError(`--date must be a calendar date as YYYY-MM-DD, not "${d}"`);
      args.date = d;
    } else if (a === '--gazetteer' || a.startsWith('--gazetteer=')) args.gazetteers.push(value('--gazetteer'));
    else if (a === '--') args.files.push(...rest.slice(i + 1)), (i = rest.length);
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option "${a}"`);
    else args.files.push(a);
  }
  if (!args.files.length) throw new UsageError('no FILE given');
  return args;
}

/** Reads a file as UTF-8 text; refuses binary content (NUL bytes) and invalid UTF-8 with a reason. */
function readArticle(file: string): { text: string; bytes: Buffer } {
  const bytes = file === '-' ? readFileSync(0) : readFileSync(file);
  if (bytes.includes(0)) throw new Error('binary file (contains NUL bytes), not a text article');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error('not valid UTF-8 text');
  }
  return { text, bytes };
}

export function main(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  let args: Args | 'help';
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err(`news-lens: ${e.message}\n\n${USAGE}`);
    return 2;
  }
  if (args === 'help') {
    out(USAGE);
    return 0;
  }
  let status = 0;
  const gazetteer: LeaderRecord[] = [];
  for (const g of args.gazetteers) {
    const { records, errors } = loadGazetteerFile(g);
    for (const e of errors) err(`news-lens: ${e.file}:${e.line}:${e.column}: ${e.field ? `${e.field}: ` : ''}${e.message}\n`);
    if (errors.length) status = 1;
    gazetteer.push(...records);
  }
  const results: unknown[] = [];
  for (const file of args.files) {
    let read: { text: string; bytes: Buffer };
    try {
      read = readArticle(file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
      err(`news-lens: ${file}: ${reason}\n`);
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

export function run(): void {
  process.exitCode = main(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s));
}

if (require.main === module) run();
