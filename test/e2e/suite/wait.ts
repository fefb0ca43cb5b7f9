// Event-driven waiting for the real-editor suite: re-check a condition whenever one of the given
// events fires, with a hard timeout. No fixed sleeps anywhere.
import * as vscode from 'vscode';

export class WaitTimeout extends Error {}

/**
 * Resolves with the first truthy result of `check`, evaluated now and again after each event.
 * Rejects after `timeoutMs`, with `describe()` (the last observed state) in the message.
 */
export function waitFor<T>(
  what: string,
  check: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  events: vscode.Event<unknown>[],
  timeoutMs: number,
  describe?: () => string | Promise<string>,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let done = false;
    let running = false;
    let again = false;
    const subs: vscode.Disposable[] = [];
    const finish = (fn: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      subs.forEach((s) => s.dispose());
      fn();
    };
    const attempt = async () => {
      if (done) return;
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        do {
          again = false;
          const value = await check();
          if (value) return finish(() => resolve(value as T));
        } while (again && !done);
      } catch (e) {
        finish(() => reject(e));
      } finally {
        running = false;
      }
    };
    const timer = setTimeout(async () => {
      let state = '';
      try {
        state = describe ? await describe() : '';
      } catch (e) {
        state = `(describe failed: ${e})`;
      }
      finish(() => reject(new WaitTimeout(`timed out after ${timeoutMs / 1000}s waiting for ${what}${state ? `; last seen: ${state}` : ''}`)));
    }, timeoutMs);
    for (const ev of events) subs.push(ev(() => void attempt()));
    void attempt();
  });
}

/** Rejects when `promise` is not settled within `timeoutMs`. */
export function within<T>(promise: Thenable<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    Promise.resolve(promise),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new WaitTimeout(`timed out after ${timeoutMs / 1000}s: ${what}`)), timeoutMs);
    }),
  ]).finally(() => clearTimeout(timer));
}
