// Synchronous work on this thread under a time bound: V8's watchdog (a vm script's `timeout`)
// stops it once it runs longer, whatever it is doing. Used where a check runs on a main thread
// (scope-lint's single small file, the server's parse, check and fix all of a small file).
import { Script } from 'node:vm';

/** The global the bounded script calls through (vm runs a script, not a closure). */
const workKey = '__scopeBoundedWork';
const call = new Script(`globalThis.${workKey}()`);

export type Bounded<T> = { readonly value: T } | { readonly timedOut: true } | { readonly error: unknown };

/** Runs `work` with at most `timeoutMs` of this thread's time. Never throws. */
export function runWithinTime<T>(work: () => T, timeoutMs: number): Bounded<T> {
  const holder = globalThis as { [workKey]?: () => void };
  let result: { value: T } | undefined;
  holder[workKey] = () => {
    result = { value: work() };
  };
  try {
    call.runInThisContext({ timeout: timeoutMs });
  } catch (error) {
    return (error as { code?: unknown } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT' ? { timedOut: true } : { error };
  } finally {
    delete holder[workKey];
  }
  return result ?? { error: new Error('the work did not finish') };
}
