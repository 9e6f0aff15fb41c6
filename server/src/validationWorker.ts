// Validation on worker threads: rules and schema never run on the thread that answers hover,
// completion and the next keystroke, and a check that runs away is stopped after a time bound
// (a loop on the main thread could not be interrupted at all). The worker runs dist/worker.js, the
// engine without the protocol library (server/src/worker.ts), told its role in `workerData`.
//
// Parsing runs here first too: the worker reports how long this version took to parse before it
// validates, and the main thread parses a large version for hover and outline only once a worker
// has parsed it quickly (server.ts), so a file that freezes the parser freezes a worker, not the editor.
//
// A small pool: one job per document at a time, and a document that is slow to check holds one
// worker, not every other document. Measured on a 2-core CI machine: a realistic 1 MB scope file
// takes 0.4 s to parse and 2-8 s to validate.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Snapshot } from './analysisCache';
import { ScopeDocument } from './service/document';
import { fixAllReport, type FixAllReport } from './service/fixAll';
import { IncrementalChecker } from './service/incremental';
import type { InputProblem } from './service/inputGuard';
import { defaultSettings, type RuleSettings } from './service/settings';
import { validate } from './service/validate';

const role = 'scope-validation-worker';

/** A check that takes longer is stopped; the file gets one diagnostic that says so. */
export const defaultCheckTimeoutMs = 20_000;

/**
 * Workers kept, once a job needs one (small files are checked on the main thread and start none):
 * one until a job is slow, then two, so a spare is warm when a slow job is stopped by the next
 * keystroke (a worker costs about 20 MB, which small files do not need to pay). More
 * start only while every one is busy with a slow job, up to `maxWorkers`.
 */
const minWorkersAtFirst = 1;
const minWorkersOnceSlow = 2;
const maxWorkers = 4;

/** A job running this long is slow: it no longer keeps other documents waiting, and a newer version of its document stops it. */
const slowJobMs = 500;

/** The job types a worker runs, and what each gives back; each has a handler in `jobHandlers`. */
interface JobResults {
  readonly validate: readonly Diagnostic[];
  readonly fixAll: FixAllReport;
}
export type JobKind = keyof JobResults;

export interface Job {
  readonly id: number;
  readonly kind: JobKind;
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly settings: RuleSettings;
  /** fixAll: the diagnostics of this version, which seed its first round. */
  readonly seed?: readonly Diagnostic[];
}

/** What fix all gives back when it did not run to its end: stopped by the time bound, or its worker failed. */
export interface FixAllStopped {
  readonly stopped: 'timeout' | 'failed';
  readonly reason: string;
}

/** How this version parsed on the worker: the main thread parses it again only when that was quick and clean. */
export interface ParseReport {
  readonly ms: number;
  /** Set when the worker refused the text (limits, too many errors): the main thread need not parse it at all. */
  readonly problem?: InputProblem;
}

type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'parsed'; readonly id: number; readonly report: ParseReport }
  | { readonly type: 'done'; readonly id: number; readonly result: JobResults[JobKind]; readonly ruleErrors: readonly string[] };

export function isValidationWorker(): boolean {
  return !isMainThread && (workerData as { role?: unknown } | null)?.role === role;
}

type Post = (message: FromWorker) => void;

/** The log line for a rule that threw: the server logs it, the check goes on without that rule. */
export function ruleErrorLine(ruleId: string, error: unknown): string {
  return `rule ${ruleId} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
}

/** What a worker does with each kind of job. Every handler posts `parsed` once it has parsed, then `done`. */
const jobHandlers: Record<JobKind, (job: Job, post: Post) => void> = {
  validate(job, post) {
    const ruleErrors: string[] = [];
    const hooks = {
      onRuleError: (ruleId: string, error: unknown) => ruleErrors.push(ruleErrorLine(ruleId, error)),
    };
    if (job.text.length < incrementalChars) {
      checkers.delete(job.uri);
      const { diagnostics } = validate(parseFor(job, post), sameSettings(job.settings), hooks);
      post({ type: 'done', id: job.id, result: diagnostics, ruleErrors });
      return;
    }
    const checker = checkerFor(job.uri);
    const settings = sameSettings(job.settings);
    const started = performance.now();
    const doc = checker.parse(job.uri, job.version, job.text, settings);
    const ms = performance.now() - started;
    if (checker.lastMode === 'full') checker.fullParseMs = ms;
    // What a full parse of this text costs (the main thread decides from it whether to parse it for hover), not the reparse of one item.
    post({
      type: 'parsed',
      id: job.id,
      report: { ms: Math.max(ms, checker.fullParseMs), ...(doc.inputProblem ? { problem: doc.inputProblem } : {}) },
    });
    const { diagnostics } = checker.validate(doc, settings, hooks);
    post({ type: 'done', id: job.id, result: diagnostics, ruleErrors });
  },
  fixAll(job, post) {
    const doc = parseFor(job, post);
    post({ type: 'done', id: job.id, result: fixAllReport(doc, job.settings, job.seed), ruleErrors: [] });
  },
};

/**
 * From this size on, a document's next version is checked incrementally (service/incremental.ts):
 * below it a full check takes a few milliseconds and keeping the last model would cost memory for nothing.
 */
const incrementalChars = 32 * 1024;

/** The incremental checkers of the documents this worker checked last, most recent last; each keeps one model. */
const checkers = new Map<string, IncrementalChecker>();
const maxCheckers = 3;

function checkerFor(uri: string): IncrementalChecker {
  const checker = checkers.get(uri) ?? new IncrementalChecker();
  checkers.delete(uri);
  checkers.set(uri, checker);
  for (const old of checkers.keys()) {
    if (checkers.size <= maxCheckers) break;
    checkers.delete(old);
  }
  return checker;
}

/**
 * The settings object of the last job when this job's settings are equal to them. Each job brings
 * a copy (a message is copied between threads), and the engine keeps what it worked out per
 * settings object (the vague-word matcher and its answers, engagement readings, kept rule
 * findings): an equal copy must not start them again. Settings are plain data (JSON from settings
 * and config files), so equal JSON is equal settings.
 */
function sameSettings(settings: RuleSettings): RuleSettings {
  const json = JSON.stringify(settings);
  if (lastSettings?.json === json) return lastSettings.settings;
  lastSettings = { json, settings };
  return settings;
}
let lastSettings: { readonly json: string; readonly settings: RuleSettings } | undefined;

function parseFor(job: Job, post: Post): ScopeDocument {
  const started = performance.now();
  const doc = new ScopeDocument(job.uri, job.version, job.text, job.settings.limits);
  post({
    type: 'parsed',
    id: job.id,
    report: { ms: performance.now() - started, ...(doc.inputProblem ? { problem: doc.inputProblem } : {}) },
  });
  return doc;
}

/** The worker's side: run each job, report rule bugs alongside (they are logged by the server). */
export function runValidationWorker(): void {
  const port = parentPort;
  if (!port) return;
  // Compiles the schema and loads every rule before the first job's clock starts.
  validate(new ScopeDocument('file:///warm-up.scope.yaml', 0, 'scope_version: 1\n'), defaultSettings);
  const post: Post = (message) => port.postMessage(message);
  post({ type: 'ready' });
  port.on('message', (job: Job) => jobHandlers[job.kind](job, post));
}

interface Pending {
  readonly job: Job;
  /** One job per key at a time: a document's check and its fix all run side by side. */
  readonly key: string;
  readonly promise: Promise<unknown>;
  readonly resolve: (result: unknown) => void;
  readonly parsed: Promise<ParseReport | undefined>;
  readonly resolveParsed: (report: ParseReport | undefined) => void;
}

interface Running {
  readonly pending: Pending;
  readonly startedAt: number;
  readonly timers: readonly NodeJS.Timeout[];
}

interface Slot {
  readonly worker: Worker;
  ready: boolean;
  running: Running | undefined;
}

export interface ValidatorOptions {
  /** The bundle that calls `runValidationWorker` when started with this module's role. */
  readonly workerFile: string;
  readonly timeoutMs: number;
  readonly log: (message: string) => void;
}

const keyOf = (kind: JobKind, uri: string): string => `${kind} ${uri}`;

/**
 * The main thread's side: a small pool of workers, one job per document and kind at a time, and for
 * each only its newest version waits in the queue. A job that overruns the time bound, a worker
 * that dies, or a slow job whose document has a newer version, costs that worker (a fresh one
 * starts when needed), never the server.
 */
export class Validator {
  private readonly slots: Slot[] = [];
  /** By key, in arrival order. */
  private readonly queue = new Map<string, Pending>();
  /** The last job of each key that ran to its end (or was stopped by the time bound): asked again, it is not run again. */
  private readonly finished = new Map<string, Pending>();
  private nextId = 1;
  private disposed = false;
  /** How many workers to keep: see `minWorkersOnceSlow`. */
  private minWorkers = minWorkersAtFirst;

  constructor(private readonly options: ValidatorOptions) {}

  /** Starts the minimum pool ahead of a check it will get (the first job starts it anyway). */
  warmUp(): void {
    this.grow();
  }

  /**
   * The diagnostics of this text under these settings; undefined when a newer version of the
   * same document was queued before this one finished (its own request gets the answer).
   */
  validate(snapshot: Snapshot, settings: RuleSettings): Promise<readonly Diagnostic[] | undefined> {
    return this.pendingFor('validate', snapshot, settings).promise as Promise<readonly Diagnostic[] | undefined>;
  }

  /** How this text parsed on a worker (queues its check if none is queued); undefined when the worker stopped first or it was superseded. */
  parsed(snapshot: Snapshot, settings: RuleSettings): Promise<ParseReport | undefined> {
    return this.pendingFor('validate', snapshot, settings).parsed;
  }

  /**
   * Fix all on this text, on a worker under the time bound, seeded with this version's diagnostics;
   * undefined when a newer version of the document arrived first or the document was closed.
   */
  fixAll(
    snapshot: Snapshot,
    settings: RuleSettings,
    seed: readonly Diagnostic[] | undefined,
  ): Promise<FixAllReport | FixAllStopped | undefined> {
    return this.pendingFor('fixAll', snapshot, settings, seed).promise as Promise<FixAllReport | FixAllStopped | undefined>;
  }

  /** The document was closed: drop its queued jobs, and stop slow running ones. */
  forget(uri: string): void {
    for (const kind of ['validate', 'fixAll'] as const) {
      const key = keyOf(kind, uri);
      this.finished.delete(key);
      this.drop(this.queue.get(key));
      this.queue.delete(key);
      const slot = this.slotRunning(key);
      if (slot?.running && Date.now() - slot.running.startedAt >= slowJobMs) {
        this.options.log(`Stopped ${kind === 'fixAll' ? 'fixing' : 'checking'} ${uri}: it was closed.`);
        const old = slot.running.pending;
        this.retire(slot);
        this.drop(old);
      }
    }
    this.pump();
  }

  dispose(): void {
    this.disposed = true;
    for (const pending of this.queue.values()) this.drop(pending);
    this.queue.clear();
    this.finished.clear();
    for (const slot of [...this.slots]) {
      this.drop(slot.running?.pending);
      this.retire(slot);
    }
  }

  private pendingFor(kind: JobKind, snapshot: Snapshot, settings: RuleSettings, seed?: readonly Diagnostic[]): Pending {
    const { uri, version, text } = snapshot;
    const key = keyOf(kind, uri);
    // The same version number may come with new text (a second didOpen): the text decides.
    const same = (p: Pending | undefined): p is Pending =>
      p !== undefined && p.job.version === version && p.job.text === text && p.job.settings === settings;
    const slot = this.slotRunning(key);
    const running = slot?.running?.pending;
    if (same(running)) return running;
    const finished = this.finished.get(key);
    if (same(finished)) return finished;
    const queued = this.queue.get(key);
    if (same(queued)) return queued;
    this.drop(queued);
    this.queue.delete(key);
    const job: Job = { id: this.nextId++, kind, uri, version, text, settings, ...(seed ? { seed } : {}) };
    const pending = this.makePending(job, key);
    // After shutdown nothing is checked any more.
    if (this.disposed) {
      this.drop(pending);
      return pending;
    }
    this.queue.set(key, pending);
    // A newer version stops a slow job of an older one instead of waiting up to the time bound; a
    // fix all of an older version is stale as soon as the document moves on.
    for (const k of [key, keyOf('fixAll', uri)]) {
      const busy = this.slotRunning(k);
      const old = busy?.running?.pending;
      if (!busy?.running || !old || old === pending || old.job.version === version) continue;
      if (k === key && Date.now() - busy.running.startedAt < slowJobMs) continue;
      this.options.log(
        `Stopped ${old.job.kind === 'fixAll' ? 'fixing' : 'checking'} ${uri} (version ${old.job.version}): a newer version arrived.`,
      );
      this.retire(busy);
      this.drop(old);
    }
    this.pump();
    return pending;
  }

  private makePending(job: Job, key: string): Pending {
    let resolve: (result: unknown) => void = () => {};
    let resolveParsed: (report: ParseReport | undefined) => void = () => {};
    const promise = new Promise<unknown>((r) => (resolve = r));
    const parsed = new Promise<ParseReport | undefined>((r) => (resolveParsed = r));
    return { job, key, promise, resolve, parsed, resolveParsed };
  }

  /** Settles a job that will not run to its end (a promise resolves once; later calls are no-ops). */
  private drop(pending: Pending | undefined): void {
    pending?.resolveParsed(undefined);
    pending?.resolve(undefined);
  }

  private slotRunning(key: string): Slot | undefined {
    return this.slots.find((s) => s.running?.pending.key === key);
  }

  /** Starts every queued job that can start: a free worker, and no job of the same key running. */
  private pump(): void {
    // Only work starts workers: a worker that cannot start is not restarted in a loop.
    if (this.queue.size === 0) return;
    for (const pending of [...this.queue.values()]) {
      if (this.slotRunning(pending.key)) continue;
      const slot = this.slots.find((s) => s.ready && !s.running);
      if (!slot) break;
      this.queue.delete(pending.key);
      this.start(slot, pending);
    }
    this.grow();
  }

  /**
   * Keeps the minimum pool alive (a worker that is retired is replaced at once, so a spare one is
   * warm when a slow job is stopped), and adds one more while every worker is busy with a slow job.
   */
  private grow(): void {
    while (this.slots.length < this.minWorkers) this.spawn();
    if (this.queue.size === 0 || this.slots.length >= maxWorkers || this.slots.some((s) => !s.ready)) return;
    const now = Date.now();
    if (this.slots.every((s) => s.running && now - s.running.startedAt >= slowJobMs)) this.spawn();
  }

  private start(slot: Slot, pending: Pending): void {
    const timers = [
      setTimeout(() => this.overran(slot), this.options.timeoutMs),
      // Once this job is slow (the timer is cleared when it ends), keep a spare worker from now
      // on, and the queue may need another one now.
      setTimeout(() => {
        this.minWorkers = minWorkersOnceSlow;
        this.pump();
      }, slowJobMs),
    ];
    slot.running = { pending, startedAt: Date.now(), timers };
    slot.worker.postMessage(pending.job);
  }

  private spawn(): void {
    const worker = new Worker(this.options.workerFile, {
      workerData: { role },
      // A runaway allocation ends this worker (ERR_WORKER_OUT_OF_MEMORY), not the server.
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
      stdout: false,
      stderr: false,
    });
    worker.unref();
    const slot: Slot = { worker, ready: false, running: undefined };
    this.slots.push(slot);
    worker.on('message', (message: FromWorker) => this.received(slot, message));
    worker.on('error', (error) => this.died(slot, error instanceof Error ? error.message : String(error)));
    worker.on('exit', (code) => this.died(slot, `exit code ${code}`));
  }

  private received(slot: Slot, message: FromWorker): void {
    if (!this.slots.includes(slot)) return;
    if (message.type === 'ready') {
      slot.ready = true;
      this.pump();
      return;
    }
    const running = slot.running;
    if (!running || running.pending.job.id !== message.id) return;
    if (message.type === 'parsed') {
      running.pending.resolveParsed(message.report);
      return;
    }
    for (const timer of running.timers) clearTimeout(timer);
    slot.running = undefined;
    for (const line of message.ruleErrors) this.options.log(line);
    running.pending.resolve(message.result);
    this.finished.set(running.pending.key, running.pending);
    // Workers beyond the minimum end when there is nothing left for them.
    if (this.slots.length > this.minWorkers && this.queue.size === 0) this.retire(slot);
    this.pump();
  }

  private overran(slot: Slot): void {
    const running = slot.running;
    if (!this.slots.includes(slot) || !running) return;
    const seconds = Math.round(this.options.timeoutMs / 100) / 10;
    const { job } = running.pending;
    const doing = job.kind === 'fixAll' ? 'Fixing' : 'Checking';
    this.options.log(`${doing} ${job.uri} (version ${job.version}) took longer than ${seconds} s; stopped.`);
    this.replace(slot, running.pending, {
      code: 'input/timeout',
      message:
        job.kind === 'fixAll'
          ? `Fix all stopped after ${seconds} s, so nothing was changed in this file.`
          : `Check stopped after ${seconds} s, so this file is not checked. Hover, completion and the rest of the editor keep working.`,
      offset: 0,
    });
  }

  private died(slot: Slot, reason: string): void {
    if (!this.slots.includes(slot)) return;
    // A worker that dies before its first job takes the next job with it, so a worker that cannot
    // start is reported once per document instead of being restarted forever.
    const next = this.queue.values().next();
    const victim = slot.running?.pending ?? (slot.ready || next.done ? undefined : next.value);
    this.options.log(
      `The validation worker stopped (${reason})${victim ? ` while ${victim.job.kind === 'fixAll' ? 'fixing' : 'checking'} ${victim.job.uri}` : ''}.`,
    );
    if (!victim) {
      this.retire(slot);
      this.pump();
      return;
    }
    this.queue.delete(victim.key);
    this.replace(slot, victim, {
      code: 'input/check-failed',
      message:
        victim.job.kind === 'fixAll'
          ? `Fix all failed, so nothing was changed in this file: ${reason}. The Scope YAML output channel has the details.`
          : `Check failed, so this file is not checked: ${reason}. The Scope YAML output channel has the details.`,
      offset: 0,
    });
  }

  /** Ends a worker and forgets it; its late 'exit' or 'error' events are ignored. */
  private retire(slot: Slot): void {
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    for (const timer of slot.running?.timers ?? []) clearTimeout(timer);
    slot.running = undefined;
    void slot.worker.terminate();
  }

  /** Ends a worker that overran or died; the job it had gets an answer that says why (a check: one diagnostic). */
  private replace(slot: Slot, victim: Pending, problem: InputProblem): void {
    this.retire(slot);
    const { job } = victim;
    victim.resolveParsed(undefined);
    if (job.kind === 'fixAll') {
      const stopped: FixAllStopped = { stopped: problem.code === 'input/timeout' ? 'timeout' : 'failed', reason: problem.message };
      victim.resolve(stopped);
    } else {
      const doc = new ScopeDocument(job.uri, job.version, job.text, job.settings.limits, problem);
      victim.resolve(validate(doc, job.settings).diagnostics);
    }
    this.finished.set(victim.key, victim);
    this.pump();
  }
}

/**
 * What the editor says of a text too slow to parse on the main thread (`report`: how long the
 * worker took), or one the worker could not parse within its bounds (no report).
 */
export function parseTimeoutProblem(report: { readonly ms: number } | undefined): InputProblem {
  return {
    code: 'input/timeout',
    message: report
      ? `Outline, folding, hover and completion are off for this file: parsing it took ${(report.ms / 1000).toFixed(1)} s.`
      : "Outline, folding, hover and completion are off for this file: it could not be parsed within the validation worker's time and memory bounds.",
    offset: 0,
  };
}
