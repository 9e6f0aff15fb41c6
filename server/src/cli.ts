// scope-lint: the command-line linter. Same engine, rules, .scope-lint.yaml and suppressions as
// the editor, so CI reports exactly what the editor shows. The same bundle is re-run as a worker
// thread for large batches.
import { dirname, resolve } from 'node:path';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { describeProblems, findConfigFile, isRepositoryRoot, loadConfig, type LoadedConfig } from './config';
import { parseCliArgs, usage, UsageError, version, type CliOptions } from './cli/args';
import { discoverFiles, InputError } from './cli/files';
import { formatResults } from './cli/format';
import type { FileResult } from './cli/lint';
import { lintInWorkers, lintSequentially, runWorker, workerCountFor, workerRole, type LintJob, type WorkerInit } from './cli/pool';
import { mergeSettings, type RuleSettings } from './service/settings';

/** Exit codes: the contract with CI. */
const exitCode = { clean: 0, findings: 1, trouble: 2 } as const;

async function main(): Promise<number> {
  let options;
  try {
    options = parseCliArgs(process.argv.slice(2), process.env, process.stdout.isTTY === true);
  } catch (error) {
    if (error instanceof UsageError) return fail(error.message);
    throw error;
  }
  if (options.command === 'help') {
    process.stdout.write(`${usage}\n`);
    return exitCode.clean;
  }
  if (options.command === 'version') {
    process.stdout.write(`${version}\n`);
    return exitCode.clean;
  }
  return lint(options);
}

async function lint(options: CliOptions): Promise<number> {
  const cwd = process.cwd();
  let files: string[];
  try {
    files = discoverFiles(options.patterns, cwd);
  } catch (error) {
    if (error instanceof InputError) return fail(error.message);
    throw error;
  }

  const resolved = resolveSettings(files, options, cwd);
  if ('problem' in resolved) return fail(resolved.problem);

  const workers = workerCountFor(files.length, process.env);
  const results =
    workers > 0
      ? await lintInWorkers(resolved.jobs, resolved.settings, workers, __filename)
      : lintSequentially(resolved.jobs, resolved.settings);
  const shown = options.quiet ? results.map((r) => ({ ...r, messages: r.messages.filter((m) => m.severity === 'error') })) : results;

  process.stdout.write(formatResults(options.format, shown, { cwd, color: options.color, version }));

  const unreadable = shown.filter((r): r is FileResult & { readError: string } => r.readError !== undefined);
  for (const r of unreadable) process.stderr.write(`scope-lint: cannot read ${r.filePath}: ${r.readError}.\n`);
  if (unreadable.length > 0) return exitCode.trouble;

  const errors = shown.reduce((n, r) => n + r.messages.filter((m) => m.severity === 'error').length, 0);
  const warnings = shown.reduce((n, r) => n + r.messages.filter((m) => m.severity === 'warning').length, 0);
  if (errors > 0) return exitCode.findings;
  if (options.maxWarnings >= 0 && warnings > options.maxWarnings) {
    process.stderr.write(`scope-lint: ${warnings} warnings, more than --max-warnings ${options.maxWarnings}.\n`);
    return exitCode.findings;
  }
  return exitCode.clean;
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

function fail(message: string): number {
  process.stderr.write(`scope-lint: ${message}\n`);
  return exitCode.trouble;
}

if (!isMainThread && (workerData as Partial<WorkerInit> | undefined)?.role === workerRole && parentPort) {
  runWorker(workerData as WorkerInit, parentPort);
} else {
  // `scope-lint ... | head` closes the pipe early: that is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // A bug, not a user mistake: one line, and the stack only when asked for.
      const detail =
        error instanceof Error ? (process.env.SCOPE_LINT_DEBUG ? (error.stack ?? error.message) : error.message) : String(error);
      process.stderr.write(`scope-lint: internal error: ${detail}\n`);
      process.exitCode = exitCode.trouble;
    },
  );
}
