// scope-lint as a function: `runCli(argv, io)` parses the arguments, lints, writes the report to
// the given streams and returns the exit code. The bin (cli.ts) only wires it to the process, so
// tests call it in-process and see exactly what a user sees.
import { dirname, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { describeProblems, findConfigFile, isRepositoryRoot, loadConfig, type LoadedConfig } from '../config';
import { mergeSettings, type RuleSettings } from '../service/settings';
import { parseCliArgs, usage, UsageError, version, type CliOptions } from './args';
import { discoverFiles, InputError, type FoundPath } from './files';
import { formatResults } from './format';
import type { FileResult } from './lint';
import { checkTimeoutFor, lintInWorkers, lintSequentially, workerCountFor, workerHeapFor, type LintJob, type WorkerPlan } from './pool';

/** Exit codes: the contract with CI. */
export const exitCode = { clean: 0, findings: 1, trouble: 2 } as const;

export interface CliIo {
  readonly stdout: Writable;
  readonly stderr: Writable;
  /** Relative paths and globs are resolved against it; reports show paths relative to it. */
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** The bundle (dist/cli.js) that runs as a worker thread; without it every file is linted on this thread. */
  readonly workerFile?: string;
}

/** Never throws: a bug is one "internal error" line on stderr and exit code 2. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  // A failed write reaches `writeTo` through its callback; the stream's 'error' event must not
  // also become an uncaught exception.
  const ignore = (): void => {};
  io.stdout.on('error', ignore);
  io.stderr.on('error', ignore);
  try {
    return await run(argv, io);
  } catch (error) {
    // A bug, not a user mistake: one line, and the stack only when asked for.
    const detail = error instanceof Error ? (io.env.SCOPE_LINT_DEBUG ? (error.stack ?? error.message) : error.message) : String(error);
    await writeTo(io.stderr, `scope-lint: internal error: ${detail}\n`).catch(() => undefined);
    return exitCode.trouble;
  } finally {
    // The 'error' event follows the failed write's callback on a later tick.
    await new Promise((resolve) => setImmediate(resolve));
    io.stdout.off('error', ignore);
    io.stderr.off('error', ignore);
  }
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let options;
  try {
    options = parseCliArgs(argv, io.env, (io.stdout as { isTTY?: boolean }).isTTY === true);
  } catch (error) {
    if (error instanceof UsageError) return fail(io, error.message);
    throw error;
  }
  if (options.command === 'help') return report(io, `${usage}\n`, exitCode.clean);
  if (options.command === 'version') return report(io, `${version}\n`, exitCode.clean);
  return lint(options, io);
}

async function lint(options: CliOptions, io: CliIo): Promise<number> {
  const { cwd } = io;
  let found: FoundPath[];
  try {
    found = discoverFiles(options.patterns, cwd);
  } catch (error) {
    if (error instanceof InputError) return fail(io, error.message);
    throw error;
  }
  const files = found.filter((f) => f.unreadable === undefined).map((f) => f.path);

  const resolved = resolveSettings(files, options, cwd);
  if ('problem' in resolved) return fail(io, resolved.problem);

  let workers: WorkerPlan;
  try {
    workers = workerCountFor(files.length, io.env);
  } catch (error) {
    if (error instanceof UsageError) return fail(io, error.message);
    throw error;
  }
  const notes: string[] = workers.note ? [`scope-lint: ${workers.note}\n`] : [];
  const linted =
    workers.count > 0 && io.workerFile !== undefined
      ? await lintInWorkers(resolved.jobs, resolved.settings, {
          workerCount: workers.count,
          workerFile: io.workerFile,
          timeoutMs: checkTimeoutFor(io.env),
          maxHeapMb: workerHeapFor(io.env),
        })
      : lintSequentially(resolved.jobs, resolved.settings);
  // In the order found: a path that could not be read keeps its place in the report.
  let next = 0;
  const results = found.map((f): FileResult =>
    f.unreadable === undefined ? (linted[next++] as FileResult) : { filePath: f.path, messages: [], readError: f.unreadable },
  );
  const shown = options.quiet ? results.map((r) => ({ ...r, messages: r.messages.filter((m) => m.severity === 'error') })) : results;

  // A rule bug must not hide the other findings; it is said on stderr and the run carries on.
  for (const r of results)
    for (const e of r.ruleErrors ?? []) notes.push(`scope-lint: rule ${e.ruleId} failed on ${r.filePath}: ${e.message}\n`);

  let code: number = exitCode.clean;
  const unreadable = shown.filter((r): r is FileResult & { readError: string } => r.readError !== undefined);
  for (const r of unreadable) notes.push(`scope-lint: cannot read ${r.filePath}: ${r.readError}.\n`);
  const errors = shown.reduce((n, r) => n + r.messages.filter((m) => m.severity === 'error').length, 0);
  const warnings = shown.reduce((n, r) => n + r.messages.filter((m) => m.severity === 'warning').length, 0);
  if (unreadable.length > 0) code = exitCode.trouble;
  else if (errors > 0) code = exitCode.findings;
  else if (options.maxWarnings >= 0 && warnings > options.maxWarnings) {
    notes.push(`scope-lint: ${warnings} warnings, more than --max-warnings ${options.maxWarnings}.\n`);
    code = exitCode.findings;
  }

  const written = await report(io, formatResults(options.format, shown, { cwd, color: options.color, version }), code);
  for (const note of notes) await writeTo(io.stderr, note).catch(() => undefined);
  return written;
}

/**
 * One settings object per distinct config: defaults < .scope-lint.yaml (nearest above each file,
 * up to the repository root, or --config) < --rule flags. An invalid config stops the run: CI must
 * not pass on settings nobody meant.
 */
function resolveSettings(
  files: readonly string[],
  options: CliOptions,
  cwd: string,
): { jobs: LintJob[]; settings: RuleSettings[] } | { problem: string } {
  const flags = { rules: options.ruleOverrides };
  const settings: RuleSettings[] = [];
  const indexOfConfig = new Map<string | null, number>();
  const configOfDir = new Map<string, string | null>();
  const explicit = options.configPath === undefined ? undefined : loadConfig(resolve(cwd, options.configPath));

  const indexFor = (configPath: string | null): number | { problem: string } => {
    const known = indexOfConfig.get(configPath);
    if (known !== undefined) return known;
    let config: LoadedConfig | undefined;
    if (configPath !== null) {
      config = explicit ?? loadConfig(configPath);
      if (config.problems.length > 0) return { problem: describeProblems(config) };
    }
    const index = settings.push(mergeSettings(config?.settings, flags)) - 1;
    indexOfConfig.set(configPath, index);
    return index;
  };

  const jobs: LintJob[] = [];
  for (const file of files) {
    let configPath: string | null;
    if (explicit) {
      configPath = explicit.path;
    } else {
      const dir = dirname(file);
      const cached = configOfDir.get(dir);
      configPath = cached !== undefined ? cached : (findConfigFile(dir, isRepositoryRoot) ?? null);
      configOfDir.set(dir, configPath);
    }
    const index = indexFor(configPath);
    if (typeof index !== 'number') return index;
    jobs.push({ file, settings: index });
  }
  return { jobs, settings };
}

async function fail(io: CliIo, message: string): Promise<number> {
  await writeTo(io.stderr, `scope-lint: ${message}\n`).catch(() => undefined);
  return exitCode.trouble;
}

/**
 * Writes the report; `code` when it was written. A report that could not be written (a full disk,
 * a closed file) is exit 2 with a message: CI must not read an empty SARIF file as "no findings".
 * A reader that stopped early (`scope-lint ... | head`) took what it wanted: no message, same code.
 */
async function report(io: CliIo, text: string, code: number): Promise<number> {
  try {
    await writeTo(io.stdout, text);
    return code;
  } catch (error) {
    const errno = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    if (errno === 'EPIPE') return code;
    return fail(io, `cannot write the report to standard output: ${error instanceof Error ? error.message : String(error)}.`);
  }
}

/** Resolves once the stream has taken the text; rejects with the write error. */
export function writeTo(stream: Writable, text: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const onError = (error: Error): void => {
      if (settled) return;
      settled = true;
      reject(error);
    };
    stream.once('error', onError);
    try {
      stream.write(text, (error) => {
        stream.off('error', onError);
        if (settled) return;
        settled = true;
        if (error) reject(error);
        else resolve();
      });
    } catch (error) {
      stream.off('error', onError);
      onError(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
