// Lints many files on worker threads: one bundle (dist/cli.js) re-run as a worker, fed small
// batches so every core stays busy and no thread holds more than a batch of documents at once.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RuleSettings } from '../service/settings';
import { lintFile, type FileResult } from './lint';

export interface LintJob {
  readonly file: string;
  /** Index into the settings list (one entry per distinct config). */
  readonly settings: number;
}

export const workerRole = 'scope-lint-worker';

export interface WorkerInit {
  readonly role: typeof workerRole;
  readonly settings: readonly RuleSettings[];
}

interface BatchRequest {
  readonly batch: number;
  readonly jobs: readonly LintJob[];
}

interface BatchResponse {
  readonly batch: number;
  readonly results: readonly FileResult[];
}

/** Below this many files a worker's start-up (~100 ms to load the engine) costs more than it saves. */
const minFilesForWorkers = 64;

/** How many workers to use: SCOPE_LINT_WORKERS overrides (0 = none), else one per core when it pays. */
export function workerCountFor(files: number, env: NodeJS.ProcessEnv): number {
  const forced = env.SCOPE_LINT_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Math.min(Number(forced), files);
  if (files < minFilesForWorkers) return 0;
  return Math.max(0, Math.min(availableParallelism(), 8, Math.ceil(files / minFilesForWorkers)));
}

export function lintSequentially(jobs: readonly LintJob[], settings: readonly RuleSettings[]): FileResult[] {
  return jobs.map((job) => lintFile(job.file, settingsAt(settings, job.settings)));
}

/** Results in the order of `jobs`. `workerFile` is the bundle that runs `runWorker` when started as a worker. */
export function lintInWorkers(
  jobs: readonly LintJob[],
  settings: readonly RuleSettings[],
  workerCount: number,
  workerFile: string,
): Promise<FileResult[]> {
  const batchSize = Math.max(1, Math.min(25, Math.ceil(jobs.length / (workerCount * 8))));
  const batches: LintJob[][] = [];
  for (let i = 0; i < jobs.length; i += batchSize) batches.push(jobs.slice(i, i + batchSize));
  const results: FileResult[][] = new Array<FileResult[]>(batches.length);
  let next = 0;
  let done = 0;
  const init: WorkerInit = { role: workerRole, settings };

  return new Promise<FileResult[]>((resolve, reject) => {
    const workers: Worker[] = [];
    let failed = false;
    const finish = (error?: Error): void => {
      for (const worker of workers) void worker.terminate();
      if (error) reject(error);
      else resolve(results.flat());
    };
    const feed = (worker: Worker): void => {
      const batch = next++;
      const jobsOfBatch = batches[batch];
      if (jobsOfBatch) worker.postMessage({ batch, jobs: jobsOfBatch } satisfies BatchRequest);
    };
    for (let i = 0; i < Math.min(workerCount, batches.length); i++) {
      const worker = new Worker(workerFile, { workerData: init });
      workers.push(worker);
      worker.on('message', (response: BatchResponse) => {
        results[response.batch] = [...response.results];
        if (++done === batches.length) finish();
        else feed(worker);
      });
      worker.on('error', (error) => {
        if (failed) return;
        failed = true;
        finish(error);
      });
      feed(worker);
    }
    if (batches.length === 0) finish();
  });
}

/** The worker side: lint each batch it is sent and answer with the results. */
export function runWorker(
  init: WorkerInit,
  port: { on(event: 'message', listener: (request: BatchRequest) => void): void; postMessage(response: BatchResponse): void },
): void {
  port.on('message', (request) => {
    port.postMessage({ batch: request.batch, results: lintSequentially(request.jobs, init.settings) });
  });
}

function settingsAt(settings: readonly RuleSettings[], index: number): RuleSettings {
  const found = settings[index];
  if (!found) throw new Error(`no settings #${index}`);
  return found;
}
