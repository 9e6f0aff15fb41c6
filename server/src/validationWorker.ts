// Validation on a worker thread: rules and schema never run on the thread that answers hover,
// completion and the next keystroke, and a check that runs away is stopped after a time bound
// (a loop on the main thread could not be interrupted at all). The worker is the server's own
// bundle started again with a role in `workerData`, so nothing else has to ship.
//
// Measured before moving it (2-core CI machine): a realistic 1 MB scope file takes 0.4 s to parse
// and 2-8 s to validate; parsing stays on the main thread (hover and completion need the tree, and
// the input guard bounds it), validation moves here.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Diagnostic } from 'vscode-languageserver-types';
import { ScopeDocument } from './service/document';
import type { InputProblem } from './service/inputGuard';
import { defaultSettings, type RuleSettings } from './service/settings';
import { validate } from './service/validate';

const role = 'scope-validation-worker';

/** A check that takes longer is stopped; the file gets one diagnostic that says so. */
export const defaultCheckTimeoutMs = 20_000;

interface Job {
  readonly id: number;
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly settings: RuleSettings;
}

interface Reply {
  readonly id: number;
  readonly diagnostics: readonly Diagnostic[];
  readonly ruleErrors: readonly string[];
}

/** Sent once the worker has loaded and compiled the schema: the time bound covers checking only. */
interface Ready {
  readonly ready: true;
}

export function isValidationWorker(): boolean {
  return !isMainThread && (workerData as { role?: unknown } | null)?.role === role;
}

/** The worker's side: validate each job, report rule bugs alongside (they are logged by the server). */
export function runValidationWorker(): void {
  const port = parentPort;
  if (!port) return;
  // Compiles the schema and loads every rule before the first job's clock starts.
  validate(new ScopeDocument('file:///warm-up.scope.yaml', 0, 'scope_version: 1\n'), defaultSettings);
  const ready: Ready = { ready: true };
  port.postMessage(ready);
  port.on('message', (job: Job) => {
    const ruleErrors: string[] = [];
    const doc = new ScopeDocument(job.uri, job.version, job.text, job.settings.limits);
    const { diagnostics } = validate(doc, job.settings, {
      onRuleError: (ruleId, error) =>
        ruleErrors.push(`rule ${ruleId} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
    });
    const reply: Reply = { id: job.id, diagnostics, ruleErrors };
    port.postMessage(reply);
  });
}

interface Pending {
  readonly job: Job;
  readonly promise: Promise<readonly Diagnostic[] | undefined>;
  readonly resolve: (diagnostics: readonly Diagnostic[] | undefined) => void;
}

export interface ValidatorOptions {
  /** The bundle that calls `runValidationWorker` when started with this module's role. */
  readonly workerFile: string;
  readonly timeoutMs: number;
  readonly log: (message: string) => void;
}

/**
 * The main thread's side: one worker, one job at a time, and for each document only its newest
 * version waits in the queue. A job that overruns the time bound, or a worker that dies, costs that
 * worker (a fresh one starts for the next job), never the server.
 */
export class Validator {
  private worker: Worker | undefined;
  private workerReady = false;
  private running: (Pending & { readonly timer: NodeJS.Timeout }) | undefined;
  /** By uri, in arrival order. */
  private readonly queue = new Map<string, Pending>();
  private nextId = 1;

  constructor(private readonly options: ValidatorOptions) {}

  /**
   * The diagnostics of this version under these settings; undefined when a newer version of the
   * same document was queued before this one started (its own request gets the answer).
   */
  validate(uri: string, version: number, text: string, settings: RuleSettings): Promise<readonly Diagnostic[] | undefined> {
    const same = (p: Pending | undefined): boolean =>
      p !== undefined && p.job.uri === uri && p.job.version === version && p.job.settings === settings;
    if (same(this.running)) return (this.running as Pending).promise;
    const queued = this.queue.get(uri);
    if (queued && same(queued)) return queued.promise;
    queued?.resolve(undefined);
    this.queue.delete(uri);
    let resolve: (diagnostics: readonly Diagnostic[] | undefined) => void = () => {};
    const promise = new Promise<readonly Diagnostic[] | undefined>((r) => (resolve = r));
    this.queue.set(uri, { job: { id: this.nextId++, uri, version, text, settings }, promise, resolve });
    this.pump();
    return promise;
  }

  /** The document was closed: drop its queued job (a running one finishes and is ignored). */
  forget(uri: string): void {
    this.queue.get(uri)?.resolve(undefined);
    this.queue.delete(uri);
  }

  dispose(): void {
    for (const pending of this.queue.values()) pending.resolve(undefined);
    this.queue.clear();
    if (this.running) {
      clearTimeout(this.running.timer);
      this.running.resolve(undefined);
      this.running = undefined;
    }
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private pump(): void {
    if (this.running || this.queue.size === 0) return;
    const worker = this.ensureWorker();
    if (!this.workerReady) return;
    const next = this.queue.values().next();
    if (next.done) return;
    const pending = next.value;
    this.queue.delete(pending.job.uri);
    const timer = setTimeout(() => this.overran(worker), this.options.timeoutMs);
    this.running = { ...pending, timer };
    worker.postMessage(pending.job);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.options.workerFile, {
      workerData: { role },
      // A runaway allocation ends this worker (ERR_WORKER_OUT_OF_MEMORY), not the server.
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
      stdout: false,
      stderr: false,
    });
    worker.unref();
    this.workerReady = false;
    worker.on('message', (reply: Reply | Ready) => {
      if ('ready' in reply) {
        if (worker !== this.worker) return;
        this.workerReady = true;
        this.pump();
      } else this.finished(worker, reply);
    });
    worker.on('error', (error) => this.died(worker, error instanceof Error ? error.message : String(error)));
    worker.on('exit', (code) => this.died(worker, `exit code ${code}`));
    this.worker = worker;
    return worker;
  }

  private finished(worker: Worker, reply: Reply): void {
    const running = this.running;
    if (worker !== this.worker || !running || running.job.id !== reply.id) return;
    clearTimeout(running.timer);
    this.running = undefined;
    for (const message of reply.ruleErrors) this.options.log(message);
    running.resolve(reply.diagnostics);
    this.pump();
  }

  private overran(worker: Worker): void {
    const running = this.running;
    if (worker !== this.worker || !running) return;
    const seconds = Math.round(this.options.timeoutMs / 100) / 10;
    this.options.log(`Checking ${running.job.uri} (version ${running.job.version}) took longer than ${seconds} s; stopped.`);
    this.replaceWorker(worker, running, {
      code: 'input/timeout',
      message: `Checking this file took longer than ${seconds} s, so it was stopped and the file is not checked. Hover, completion and the rest of the editor keep working.`,
      offset: 0,
    });
  }

  private died(worker: Worker, reason: string): void {
    if (worker !== this.worker) return;
    // A worker that dies before its first job takes the next job with it, so a worker that cannot
    // start is reported once per document instead of being restarted forever.
    const next = this.queue.values().next();
    const victim = this.running ?? (next.done ? undefined : next.value);
    this.options.log(`The validation worker stopped (${reason})${victim ? ` while checking ${victim.job.uri}` : ''}.`);
    if (!victim) {
      this.worker = undefined;
      return;
    }
    this.queue.delete(victim.job.uri);
    this.replaceWorker(worker, victim, {
      code: 'input/check-failed',
      message: `Checking this file failed (${reason}), so it is not checked. The Scope YAML output channel has the details.`,
      offset: 0,
    });
  }

  /** Ends a worker that overran or died; the job it had gets one diagnostic that says why. */
  private replaceWorker(worker: Worker, victim: Pending, problem: InputProblem): void {
    if (this.running) clearTimeout(this.running.timer);
    this.worker = undefined;
    this.running = undefined;
    // Its late 'exit' or 'error' events are ignored: it is no longer `this.worker`.
    void worker.terminate();
    const { job } = victim;
    const doc = new ScopeDocument(job.uri, job.version, job.text, job.settings.limits, problem);
    victim.resolve(validate(doc, job.settings).diagnostics);
    this.pump();
  }
}
