// The worker threads of a batch run and the order of its output. Each worker runs its documents one at a
// time, in the order given, with the next ones already queued so that it never waits for the main thread;
// so a document that crashes its worker (out of memory) or hangs it past --timeout is known (the oldest
// unanswered one): that document is reported, the one queued behind it goes to another worker, the
// worker is replaced, and the run goes on. Results are handed on in input order
// while later documents are still being analysed; a bounded window of documents in flight or waiting to
// be written keeps memory bounded, and a slow consumer (stdout) stops the reading of new documents.
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { BatchInput } from './inputs';
import { READY, type BatchSettings, type JobRequest, type JobResult } from './worker';

interface Job {
  req: JobRequest;
  resolve: (r: JobResult) => void;
}

interface Slot {
  worker?: Worker;
  ready: boolean;
  /** Sent to the worker, oldest (the one it is running) first. */
  jobs: Job[];
  timer?: NodeJS.Timeout;
}

/** Documents sent to one worker at a time: the one it runs and the next ones, so that it never waits for the main thread to be scheduled. */
const DEPTH = 3;

export interface PoolOptions {
  size: number;
  /** The script that runs runBatchWorker() in a worker (the CLI bundle itself). */
  script: string;
  settings: BatchSettings;
  /** Per document; 0: none. */
  timeoutMs: number;
  resourceLimits?: ResourceLimits;
}

export class WorkerPool {
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private closed = false;

  constructor(private readonly options: PoolOptions) {
    this.slots = Array.from({ length: Math.max(1, options.size) }, () => ({ ready: false, jobs: [] }));
  }

  /** Analyses one input; never rejects: failures come back as results with a reason. */
  run(seq: number, input: BatchInput): Promise<JobResult> {
    return new Promise((resolve) => {
      this.queue.push({ req: { seq, input }, resolve });
      this.dispatch();
    });
  }

  private dispatch(): void {
    // Fill every worker's first place before any second one, so that a short run uses all the workers.
    for (let depth = 1; depth <= DEPTH; depth++) {
      for (const slot of this.slots) {
        if (!this.queue.length || this.closed) return;
        if (slot.jobs.length >= depth) continue;
        const job = this.queue.shift()!;
        slot.jobs.push(job);
        if (!slot.worker) this.spawn(slot);
        slot.worker!.postMessage(job.req);
        if (slot.ready && slot.jobs.length === 1) this.startTimer(slot);
      }
    }
  }

  private spawn(slot: Slot): void {
    const worker = new Worker(this.options.script, {
      workerData: { newsLensBatchWorker: true, settings: this.options.settings },
      resourceLimits: this.options.resourceLimits,
      stdout: false,
      stderr: false,
    });
    slot.worker = worker;
    slot.ready = false;
    const current = () => slot.worker === worker;
    worker.on('message', (m: JobResult | typeof READY) => {
      if (!current()) return;
      if (m === READY) {
        slot.ready = true;
        this.startTimer(slot);
        return;
      }
      if (slot.jobs[0]?.req.seq !== m.seq) return;
      this.finish(slot, m);
    });
    worker.on('error', (e: Error & { code?: string }) => {
      if (!current()) return;
      const reason = e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'the analysis ran out of memory' : `the analysis crashed: ${e.message}`;
      this.fail(slot, 'crash', reason);
    });
    worker.on('exit', (code) => {
      if (!current()) return;
      this.fail(slot, 'crash', `the analysis worker exited (code ${code})`);
    });
  }

  private startTimer(slot: Slot): void {
    const ms = this.options.timeoutMs;
    if (!ms || !slot.jobs.length) return;
    clearTimeout(slot.timer);
    slot.timer = setTimeout(() => this.fail(slot, 'timeout', `timed out after ${ms / 1000} s (--timeout)`), ms);
  }

  /**
   * The document the slot's worker was running failed with it (crash, timeout): it is reported, the
   * documents queued behind it go back to the front of the queue, and the worker is replaced on demand.
   */
  private fail(slot: Slot, category: 'crash' | 'timeout', reason: string): void {
    clearTimeout(slot.timer);
    slot.timer = undefined;
    const worker = slot.worker;
    slot.worker = undefined;
    slot.ready = false;
    void worker?.terminate();
    const [job, ...waiting] = slot.jobs;
    slot.jobs = [];
    this.queue.unshift(...waiting);
    if (job) {
      const input = job.req.input;
      const name = input.kind === 'record' ? `stdin line ${input.line}` : input.path;
      job.resolve({ seq: job.req.seq, ok: false, category, reason: `${name}: ${reason}`, bytes: 0 });
    }
    this.dispatch();
  }

  private finish(slot: Slot, result: JobResult): void {
    clearTimeout(slot.timer);
    slot.timer = undefined;
    const job = slot.jobs.shift()!;
    if (slot.ready) this.startTimer(slot);
    job.resolve(result);
    this.dispatch();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const s of this.slots) clearTimeout(s.timer);
    await Promise.all(
      this.slots.map((s) => {
        const w = s.worker;
        s.worker = undefined;
        return w?.terminate();
      }),
    );
  }
}

/**
 * Runs every input through the pool and hands each result to `emit` in input order, as soon as it and
 * all before it are done. At most `window` documents are in flight or waiting for `emit` (which may be
 * slow: its promise is awaited), so memory stays bounded and a slow consumer slows the reading.
 */
export async function runOrdered(
  inputs: AsyncIterable<BatchInput> | Iterable<BatchInput>,
  pool: WorkerPool,
  window: number,
  emit: (input: BatchInput, result: JobResult) => void | Promise<void>,
  stopped: () => boolean = () => false,
): Promise<void> {
  const queue: { input: BatchInput; result: Promise<JobResult> }[] = [];
  let producing = true;
  let wakeProducer: (() => void) | undefined;
  let wakeConsumer: (() => void) | undefined;
  const wake = (w: (() => void) | undefined) => w?.();
  const producer = (async () => {
    let seq = 0;
    try {
      for await (const input of inputs) {
        if (stopped()) break;
        while (queue.length >= window) await new Promise<void>((r) => (wakeProducer = r));
        queue.push({ input, result: pool.run(seq++, input) });
        wake(wakeConsumer);
      }
    } finally {
      producing = false;
      wake(wakeConsumer);
    }
  })();
  for (;;) {
    while (!queue.length && producing) await new Promise<void>((r) => (wakeConsumer = r));
    if (!queue.length) break;
    const head = queue[0];
    const result = await head.result;
    await emit(head.input, result);
    queue.shift();
    wake(wakeProducer);
  }
  await producer;
}
