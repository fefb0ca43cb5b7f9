// What a batch run tells the person running it, on stderr: a progress bar while it runs (only when stderr
// is a terminal; a log file or a pipe gets none), and one summary line at the end: documents, MB,
// seconds, MB/s, and the documents skipped with their reasons (--json-summary: the same as JSON).
import type { SkipCategory } from './worker';

/** How the summary names each reason for skipping, for one document and for several. */
export const SKIP_LABELS: Record<SkipCategory, [string, string]> = {
  unreadable: ['unreadable', 'unreadable'],
  'bad-record': ['bad record', 'bad records'],
  'analysis-error': ['analysis failed', 'analyses failed'],
  timeout: ['timed out', 'timed out'],
  crash: ['crashed', 'crashed'],
};

export class RunStats {
  readonly started = performance.now();
  documents = 0;
  done = 0;
  truncated = 0;
  bytes = 0;
  readonly skipped: Record<SkipCategory, number> = { unreadable: 0, 'bad-record': 0, 'analysis-error': 0, timeout: 0, crash: 0 };

  get skippedCount(): number {
    return Object.values(this.skipped).reduce((a, b) => a + b, 0);
  }

  seconds(): number {
    return (performance.now() - this.started) / 1000;
  }

  summary(jobs: number): RunSummary {
    const seconds = this.seconds();
    const skipped = Object.fromEntries(Object.entries(this.skipped).filter(([, n]) => n > 0)) as Partial<Record<SkipCategory, number>>;
    return {
      documents: this.documents,
      analysed: this.done,
      truncated: this.truncated,
      skipped: this.skippedCount,
      skippedBy: skipped,
      bytes: this.bytes,
      seconds: round(seconds, 3),
      mbPerSecond: round(this.bytes / 1e6 / Math.max(seconds, 1e-9), 3),
      jobs,
      // CPU time of the whole process, workers and V8's helper threads included.
      cpuSeconds: round((process.cpuUsage().user + process.cpuUsage().system) / 1e6, 3),
      // The whole process, workers included: ru_maxrss is in KiB.
      peakRssMB: round((process.resourceUsage().maxRSS * 1024) / 1e6, 1),
    };
  }
}

export interface RunSummary {
  documents: number;
  analysed: number;
  truncated: number;
  skipped: number;
  skippedBy: Partial<Record<SkipCategory, number>>;
  bytes: number;
  seconds: number;
  mbPerSecond: number;
  jobs: number;
  cpuSeconds: number;
  peakRssMB: number;
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
const count = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

/** "news-lens: 2,000 documents, 1,997 annotated (3 truncated), 3 skipped (1 timed out, 2 bad record); 10.3 MB in 5.1 s, 2.02 MB/s" */
export function summaryLine(s: RunSummary, verb: string): string {
  const reasons = Object.entries(s.skippedBy).map(([k, n]) => `${count(n)} ${SKIP_LABELS[k as SkipCategory][n === 1 ? 0 : 1]}`);
  return (
    `news-lens: ${plural(s.documents, 'document')}, ${count(s.analysed)} ${verb}${s.truncated ? ` (${count(s.truncated)} truncated to --max-file-size)` : ''}, ` +
    `${count(s.skipped)} skipped${reasons.length ? ` (${reasons.join(', ')})` : ''}; ` +
    `${(s.bytes / 1e6).toFixed(1)} MB in ${s.seconds.toFixed(1)} s, ${s.mbPerSecond.toFixed(2)} MB/s with ${plural(s.jobs, 'job')}\n`
  );
}

const clock = (seconds: number) => {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
};

/**
 * A one-line progress bar on a terminal: documents (of the total when known), MB, MB/s and the time
 * left, redrawn at most ten times a second and cleared before anything else is written to stderr.
 */
export class ProgressBar {
  private last = 0;
  private shown = false;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly stats: RunStats,
    /** Documents in all (known for files), or bytes in all (a --stdin file), for the time left. */
    private readonly total: { documents?: number; bytes?: number },
  ) {}

  update(force = false): void {
    const now = performance.now();
    if (!force && now - this.last < 100) return;
    this.last = now;
    const s = this.stats;
    const handled = s.done + s.skippedCount;
    const seconds = s.seconds();
    const rate = s.bytes / 1e6 / Math.max(seconds, 1e-9);
    let fraction: number | undefined;
    if (this.total.documents) fraction = handled / this.total.documents;
    else if (this.total.bytes) fraction = s.bytes / this.total.bytes;
    const eta = fraction && fraction > 0 ? clock((seconds * (1 - fraction)) / fraction) : '–';
    const docs = this.total.documents ? `${count(handled)}/${count(this.total.documents)}` : count(handled);
    const info = ` ${docs} docs · ${(s.bytes / 1e6).toFixed(1)} MB · ${rate.toFixed(2)} MB/s · ETA ${eta}${s.skippedCount ? ` · ${count(s.skippedCount)} skipped` : ''}`;
    const columns = this.stream.columns || 80;
    const barWidth = Math.max(0, Math.min(30, columns - info.length - 3));
    const filled = fraction === undefined ? 0 : Math.round(Math.min(1, fraction) * barWidth);
    const bar = barWidth ? `[${'#'.repeat(filled)}${(fraction === undefined ? '·' : '-').repeat(barWidth - filled)}]` : '';
    this.stream.write(`\r${(bar + info).slice(0, columns - 1)}\x1b[K`);
    this.shown = true;
  }

  clear(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
    this.shown = false;
  }
}
