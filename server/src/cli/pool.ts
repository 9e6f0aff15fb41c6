// Lints many files on worker threads: one bundle (dist/cli.js) re-run as a worker, given one file
// at a time so no thread holds more than one document. Each worker has the editor's bounds: a
// time bound per file (a file over it is that file's `input/timeout`), a heap limit, and an exit
// handler (a worker that dies costs the file it had, `input/check-failed`; a fresh worker goes on).
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ScopeDocument } from '../service/document';
import type { InputProblem } from '../service/inputGuard';
import { defaultSettings, type RuleSettings } from '../service/settings';
import { validate } from '../service/validate';
import { defaultCheckTimeoutMs } from '../validationWorker';
import { runWithinTime } from '../watchdog';
import { UsageError } from './args';
import { runJob, type FixedResult, type FixLevel } from './fix';
import { lintText, type FileResult } from './lint';

export interface LintJob {
  readonly file: string;
  /** Index into the settings list (one entry per distinct config). */
  readonly settings: number;
  /** --fix / --diff: apply these fixes, then check what remains. */
  readonly fix?: FixLevel;
  /** --stdin: the text to check as if it were `file` (which need not exist). */
  readonly bytes?: Uint8Array;
  /** false: the output format prints no risk register, so the file's report is neither built nor sent back. */
  readonly report?: boolean;
}

export const workerRole = 'scope-lint-worker';

export interface WorkerInit {
  readonly role: typeof workerRole;
  readonly settings: readonly RuleSettings[];
}

interface JobRequest {
  readonly index: number;
  readonly job: LintJob;
}

interface JobResponse {
  readonly index: number;
  readonly result: FixedResult;
}

/** Sent once the worker has loaded the engine and compiled the schema: the time bound covers linting only. */
interface Ready {
  readonly ready: true;
}

export interface PoolOptions {
  readonly workerCount: number;
  /** The bundle that calls `runWorker` when started with `workerRole`. */
  readonly workerFile: string;
  readonly timeoutMs: number;
  readonly maxHeapMb: number;
}

/** One more worker per this many files: a worker's start-up (~100 ms to load the engine) must pay for itself. */
const filesPerWorker = 64;
/** SCOPE_LINT_WORKERS is capped at this many per core: more threads only add memory and switching. */
export const maxWorkersPerCore = 2;
/** The editor's worker has the same heap limit. */
export const defaultWorkerHeapMb = 1024;

export interface WorkerPlan {
  /** 0: every file on the main thread, without the time bound (only when SCOPE_LINT_WORKERS=0). */
  readonly count: number;
  /** Said on stderr: the value asked for was capped. */
  readonly note?: string;
}

/**
 * How many workers to use. Every file is checked on a worker, so every file has the time and
 * memory bound: one worker for a few files, one per core (up to 8) for many (a run of one small
 * file is checked on the main thread under the time bound instead: `checksOnThisThread`). SCOPE_LINT_WORKERS
 * overrides it: a whole number, 0 for none (this thread, no bound), at most two per core.
 * A value that is not a whole number is a usage error: it was a setting somebody meant.
 */
export function workerCountFor(files: number, env: NodeJS.ProcessEnv, cores = availableParallelism()): WorkerPlan {
  const raw = env.SCOPE_LINT_WORKERS;
  if (raw !== undefined && raw.trim() !== '') {
    const text = raw.trim();
    if (!/^\d+$/.test(text))
      throw new UsageError(
        `SCOPE_LINT_WORKERS must be a whole number of worker threads (0: check on the main thread, without the time bound), got ${JSON.stringify(raw.slice(0, 40))}.`,
      );
    const cap = Math.max(1, cores) * maxWorkersPerCore;
    const asked = Number(text);
    if (asked <= cap) return { count: Math.min(asked, files) };
    return {
      count: Math.min(cap, files),
      note: `SCOPE_LINT_WORKERS=${text.length > 12 ? `${text.slice(0, 12)}...` : text} is more than ${maxWorkersPerCore} worker threads per core (${cores} cores), so ${cap} are used at most.`,
    };
  }
  if (files === 0) return { count: 0 };
  return { count: Math.max(1, Math.min(cores, 8, Math.ceil(files / filesPerWorker))) };
}

/**
 * A run of one file at most this large is checked on the main thread (the editor's main thread
 * parses files up to this size at once, server.ts): starting a worker and loading the engine in it
 * cost more than checking such a file. The time bound still holds there (see `lintOnThisThread`).
 */
export const mainThreadMaxBytes = 16 * 1024;

/**
 * Whether this run checks its only file on the main thread: one job, SCOPE_LINT_WORKERS not set,
 * and the file a regular file (or standard input) of at most `mainThreadMaxBytes`. Anything else,
 * and a file that cannot be stat'ed, goes to a worker as before.
 */
export function checksOnThisThread(jobs: readonly LintJob[], env: NodeJS.ProcessEnv): boolean {
  if (jobs.length !== 1 || (env.SCOPE_LINT_WORKERS ?? '').trim() !== '') return false;
  const job = jobs[0] as LintJob;
  if (job.bytes) return job.bytes.length <= mainThreadMaxBytes;
  try {
    const stat = statSync(job.file);
    return stat.isFile() && stat.size <= mainThreadMaxBytes;
  } catch {
    return false;
  }
}

/** The problem of a file that ran into the time bound: the same words on a worker and on the main thread. */
function timeoutProblem(timeoutMs: number): InputProblem {
  const seconds = Math.round(timeoutMs / 100) / 10;
  return {
    code: 'input/timeout',
    message: `Check stopped after ${seconds} s, so this file is not checked: it is very large or hit a slow path in a rule (setting SCOPE_CHECK_TIMEOUT_MS).`,
    offset: 0,
  };
}

/**
 * One job on this thread under the time bound: V8's watchdog (a vm script's `timeout`) stops the
 * check once it runs longer, whatever it is doing, and the file gets the worker's `input/timeout`;
 * a check that throws is the file's `input/check-failed`. Never throws.
 */
export function lintOnThisThread(job: LintJob, settings: readonly RuleSettings[], timeoutMs: number): FixedResult {
  const jobSettings = settingsAt(settings, job.settings);
  const run = runWithinTime(() => runJob(job, jobSettings), timeoutMs);
  if ('value' in run) return run.value;
  if ('timedOut' in run) return lintText(job.file, '', jobSettings, timeoutProblem(timeoutMs));
  const { error } = run;
  return lintText(job.file, '', jobSettings, {
    code: 'input/check-failed',
    message: `Check failed, so this file is not checked: ${error instanceof Error ? error.message : String(error)}.`,
    offset: 0,
  });
}

/** SCOPE_CHECK_TIMEOUT_MS (as in the editor), else 20 s. */
export function checkTimeoutFor(env: NodeJS.ProcessEnv): number {
  const ms = Number(env.SCOPE_CHECK_TIMEOUT_MS);
  return Number.isFinite(ms) && ms > 0 ? ms : defaultCheckTimeoutMs;
}

/** SCOPE_LINT_WORKER_MEMORY_MB, else the editor's 1024 MB. */
export function workerHeapFor(env: NodeJS.ProcessEnv): number {
  const mb = Number(env.SCOPE_LINT_WORKER_MEMORY_MB);
  return Number.isInteger(mb) && mb >= 16 ? mb : defaultWorkerHeapMb;
}

export function lintSequentially(jobs: readonly LintJob[], settings: readonly RuleSettings[]): FixedResult[] {
  return jobs.map((job) => runJob(job, settingsAt(settings, job.settings)));
}

/** Results in the order of `jobs`; never rejects: a file that cannot be linted gets a result that says why. */
export function lintInWorkers(jobs: readonly LintJob[], settings: readonly RuleSettings[], options: PoolOptions): Promise<FixedResult[]> {
  const results = new Array<FixedResult | undefined>(jobs.length);
  const init: WorkerInit = { role: workerRole, settings };
  let next = 0;
  let done = 0;

  return new Promise<FixedResult[]>((resolve) => {
    if (jobs.length === 0) {
      resolve([]);
      return;
    }
    const record = (index: number, result: FixedResult): void => {
      if (results[index] !== undefined) return;
      results[index] = result;
      if (++done === jobs.length) resolve(results as FixedResult[]);
    };
    const problemResult = (index: number, problem: InputProblem): FileResult => {
      const job = jobs[index] as LintJob;
      return lintText(job.file, '', settingsAt(settings, job.settings), problem);
    };

    const start = (): void => {
      const worker = new Worker(options.workerFile, {
        workerData: init,
        // A runaway allocation ends this worker (ERR_WORKER_OUT_OF_MEMORY), not the run.
        resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb },
      });
      let current: { readonly index: number; readonly timer: NodeJS.Timeout } | undefined;
      let ended = false;
      /** Ends this worker; `index` (its file, if any) gets `problem`; a fresh worker takes the rest. */
      const retire = (problem: InputProblem): void => {
        if (ended) return;
        ended = true;
        let victim = current?.index;
        if (current) clearTimeout(current.timer);
        current = undefined;
        // A worker that dies before its first file takes the next file with it, so a worker that
        // cannot start is reported once per file instead of being restarted forever.
        if (victim === undefined && next < jobs.length) victim = next++;
        void worker.terminate();
        if (victim !== undefined) record(victim, problemResult(victim, problem));
        if (next < jobs.length) start();
      };
      const give = (): void => {
        if (next >= jobs.length) {
          ended = true;
          void worker.terminate();
          return;
        }
        const index = next++;
        const timer = setTimeout(() => retire(timeoutProblem(options.timeoutMs)), options.timeoutMs);
        current = { index, timer };
        worker.postMessage({ index, job: jobs[index] as LintJob } satisfies JobRequest);
      };
      const died = (reason: string): void =>
        retire({
          code: 'input/check-failed',
          message: `Check failed, so this file is not checked: the worker thread stopped (${reason}).`,
          offset: 0,
        });
      worker.on('message', (message: JobResponse | Ready) => {
        if (ended) return;
        if ('ready' in message) {
          give();
        } else if (current && message.index === current.index) {
          clearTimeout(current.timer);
          current = undefined;
          record(message.index, message.result);
          give();
        }
      });
      worker.on('error', (error) => died(error instanceof Error ? error.message : String(error)));
      worker.on('exit', (code) => died(`exit code ${code}`));
    };
    for (let i = 0; i < Math.min(options.workerCount, jobs.length); i++) start();
  });
}

/** The worker side: load the engine, say so, then lint each file it is sent and answer with the result. */
export function runWorker(
  init: WorkerInit,
  port: { on(event: 'message', listener: (request: JobRequest) => void): void; postMessage(response: JobResponse | Ready): void },
): void {
  // Compiles the schema and loads every rule before the first file's clock starts.
  validate(new ScopeDocument('file:///warm-up.scope.yaml', 0, 'scope_version: 1\n'), defaultSettings);
  port.postMessage({ ready: true });
  port.on('message', (request) => {
    port.postMessage({ index: request.index, result: runJob(request.job, settingsAt(init.settings, request.job.settings)) });
  });
}

function settingsAt(settings: readonly RuleSettings[], index: number): RuleSettings {
  const found = settings[index];
  if (!found) throw new Error(`no settings #${index}`);
  return found;
}
