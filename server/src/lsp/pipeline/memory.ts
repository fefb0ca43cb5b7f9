// Giving memory back. V8 returns a large heap to the system only after a full collection, which it runs
// late (or not at all) while a thread sits idle; so after a document is closed, or a worker drops the
// analysers of documents nobody is editing, News Lens asks for one once the thread has been idle for a
// moment. (npm run bench:memory measures it: ten open 1 MB documents, then closed.)
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

let gc: (() => void) | null | undefined;

/** A full garbage collection on request, or undefined when V8 does not allow it. */
export function fullGc(): (() => void) | undefined {
  if (gc === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      const fn: unknown = vm.runInNewContext('gc');
      gc = typeof fn === 'function' ? (fn as () => void) : null;
    } catch {
      gc = null;
    }
  }
  return gc ?? undefined;
}

/** One full collection `idleMs` after the last `soon()`; `busy()` postpones it while work keeps coming. */
export class IdleCollector {
  private timer: NodeJS.Timeout | undefined;
  private pending = false;

  constructor(private readonly idleMs: number) {}

  /** Something became garbage: collect once idle. */
  soon(): void {
    this.pending = true;
    this.arm();
  }

  /** Work arrived: wait for the next idle moment. */
  busy(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** After work: if a collection is pending, wait for idleness again. */
  idle(): void {
    if (this.pending) this.arm();
  }

  /** Collects now (and forgets the pending one). */
  collect(): void {
    this.busy();
    this.pending = false;
    fullGc()?.();
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.collect(), this.idleMs);
    this.timer.unref();
  }
}

/** Heap in use by this thread, in bytes. */
export function heapUsed(): number {
  return v8.getHeapStatistics().used_heap_size;
}
