// scope-lint as a function: `runCli(argv, io)` parses the arguments, lints, writes the report to
// the given streams and returns the exit code. The bin (cli.ts) only wires it to the process, so
// tests call it in-process and see exactly what a user sees.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { closest, describeProblems, findConfigFile, isRepositoryRoot, loadConfig, type LoadedConfig } from '../config';
import { rules } from '../service/rules';
import { maxFixAllRounds } from '../service/fixAll';
import { tooLarge } from '../service/inputGuard';
import { mergeSettings, type RuleSettings } from '../service/settings';
import { parseCliArgs, usage, UsageError, version, type CliOptions } from './args';
import { explainRule, initFiles, listRules, type CustomRuleSource } from './commands';
import { isBaseInvocation, runCompare } from './compare';
import { unifiedDiff } from './diff';
import { discoverFiles, InputError, type FoundPath } from './files';
import { configLookup, createIgnoreFilter } from './ignore';
import { applySuppressions, readSuppressions, suppressionsPath, updatedCounts, writeSuppressions } from './bulkSuppressions';
import { maxBytesFor, type FixedResult } from './fix';
import { formatResults } from './format';
import { countBySeverity, displayPath, plural } from './format/summary';
import { describeIoError, lintText, type FileResult } from './lint';
import { formatStatistics } from './statistics';
import { fixedBytes, writeFixedFile } from './write';
import {
  checksOnThisThread,
  checkTimeoutFor,
  lintInWorkers,
  lintOnThisThread,
  lintSequentially,
  workerCountFor,
  workerHeapFor,
  type LintJob,
  type WorkerPlan,
} from './pool';

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
  /** Read by --stdin. */
  readonly stdin?: Readable;
  /** The rules' documentation pages (docs/rules/), for `scope-lint explain`. */
  readonly docsDir?: string;
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
  // `scope-lint compare ...` and `scope-lint --base <ref> ...` have their own options (cli/compare.ts); lint a folder named compare as ./compare.
  if (argv[0] === 'compare' || isBaseInvocation(argv)) {
    let outcome;
    try {
      outcome = runCompare(argv[0] === 'compare' ? argv.slice(1) : argv, io.cwd);
    } catch (error) {
      if (error instanceof UsageError) return fail(io, error.message);
      throw error;
    }
    for (const line of outcome.errors) await writeTo(io.stderr, `scope-lint: ${line}\n`).catch(() => undefined);
    return report(io, outcome.out, outcome.code);
  }
  let options;
  try {
    options = parseCliArgs(argv, io.env, (io.stdout as { isTTY?: boolean }).isTTY === true);
  } catch (error) {
    if (error instanceof UsageError) return fail(io, error.message);
    throw error;
  }
  if (options.command === 'help') return report(io, `${usage}\n`, exitCode.clean);
  if (options.command === 'version') return report(io, `${version}\n`, exitCode.clean);
  if (options.command === 'rules' || options.command === 'explain') {
    const custom = customRulesInEffect(options.configPath, io.cwd);
    if ('problem' in custom) return fail(io, custom.problem);
    if (options.command === 'rules') return report(io, listRules(options.format, custom), exitCode.clean);
    const page = explainRule(options.ruleId, io.docsDir, custom);
    return 'problem' in page ? fail(io, page.problem) : report(io, page.text, exitCode.clean);
  }
  if (options.command === 'init') {
    const outcome = initFiles(io.cwd, options.scopeFile);
    for (const line of outcome.written) await writeTo(io.stdout, `${line}\n`).catch(() => undefined);
    for (const line of outcome.refused) await writeTo(io.stderr, `scope-lint: ${line}\n`).catch(() => undefined);
    return outcome.refused.length > 0 ? exitCode.trouble : exitCode.clean;
  }
  return lint(options, io);
}

/** The custom rules of `--config`, else of the config that applies in the working folder. */
function customRulesInEffect(configPath: string | undefined, cwd: string): CustomRuleSource | { problem: string } {
  const config = configLookup(configPath, cwd)(cwd);
  if (!config) return { rules: [], file: '' };
  if (config.problems.length > 0) return { problem: describeProblems(config) };
  return { rules: config.settings.customRules ?? [], file: displayPath(config.path, cwd) };
}

/** An id given to --rule or --suppress-rule that no built-in rule and no custom rule of the configs in effect has. */
function unknownCustomRuleId(options: CliOptions, settings: readonly RuleSettings[]): string | undefined {
  const known = new Set(settings.flatMap((s) => s.customRules ?? []).map((r) => r.id));
  const unknown = options.customRuleIds.find((c) => !known.has(c.id));
  if (!unknown) return undefined;
  const guess = closest(unknown.id, [...rules.map((r) => r.id), ...known]);
  return `${unknown.option}: unknown rule id "${unknown.id}": neither a built-in rule nor a custom rule of the config in effect.${guess ? ` Did you mean "${guess}"?` : ''}`;
}

async function lint(options: CliOptions, io: CliIo): Promise<number> {
  const { cwd } = io;
  let found: FoundPath[];
  if (options.stdin) {
    found = [{ path: resolve(cwd, options.stdinFilename ?? stdinName) }];
  } else {
    try {
      found = discoverFiles(options.patterns, cwd, createIgnoreFilter(configLookup(options.configPath, cwd)));
    } catch (error) {
      if (error instanceof InputError) return fail(io, error.message);
      throw error;
    }
  }
  const files = found.filter((f) => f.unreadable === undefined).map((f) => f.path);

  const resolved = resolveSettings(files, options, cwd);
  if ('problem' in resolved) return fail(io, resolved.problem);
  const unknownId = unknownCustomRuleId(options, resolved.settings);
  if (unknownId) return fail(io, unknownId);
  // Only the risk register formats print each file's report: the others do not have it built.
  const withReport = !options.statistics && (options.format === 'markdown' || options.format === 'csv' || options.format === 'html');
  let jobs = resolved.jobs.map((job): LintJob => ({
    ...job,
    ...(options.fixMode ? { fix: options.fixLevel } : {}),
    ...(withReport ? {} : { report: false }),
  }));
  /** Standard input over the size limit: not sent to a worker, reported like a file that is too large. */
  let stdinTooLarge: FileResult | undefined;
  let stdinBytes: Uint8Array | undefined;
  if (options.stdin) {
    const job = jobs[0] as LintJob;
    const settings = resolved.settings[job.settings] as RuleSettings;
    const input = await readInput(io, maxBytesFor(settings));
    if ('error' in input) return fail(io, `cannot read standard input: ${input.error}.`);
    if (input.total > input.bytes.length) stdinTooLarge = lintText(job.file, '', settings, tooLarge(input.total, settings.limits));
    stdinBytes = input.bytes;
    jobs = stdinTooLarge ? [] : [{ ...job, bytes: input.bytes }];
  }

  let workers: WorkerPlan;
  try {
    workers = workerCountFor(jobs.length, io.env);
  } catch (error) {
    if (error instanceof UsageError) return fail(io, error.message);
    throw error;
  }
  const notes: string[] = workers.note ? [`scope-lint: ${workers.note}\n`] : [];
  const linted: FixedResult[] = checksOnThisThread(jobs, io.env)
    ? [lintOnThisThread(jobs[0] as LintJob, resolved.settings, checkTimeoutFor(io.env))]
    : workers.count > 0 && io.workerFile !== undefined
      ? await lintInWorkers(jobs, resolved.settings, {
          workerCount: workers.count,
          workerFile: io.workerFile,
          timeoutMs: checkTimeoutFor(io.env),
          maxHeapMb: workerHeapFor(io.env),
        })
      : lintSequentially(jobs, resolved.settings);
  if (stdinTooLarge) linted.push(stdinTooLarge);
  // In the order found: a path that could not be read keeps its place in the report.
  let next = 0;
  let results = found.map((f): FixedResult =>
    f.unreadable === undefined ? (linted[next++] as FixedResult) : { filePath: f.path, messages: [], readError: f.unreadable },
  );

  let trouble = false;
  for (const r of results) {
    if (r.fixError !== undefined) {
      notes.push(`scope-lint: fixing ${displayPath(r.filePath, cwd)} failed (${r.fixError}), so it was not changed. Please report it.\n`);
      trouble = true;
    }
    if (!r.fix) continue;
    const where = displayPath(r.filePath, cwd);
    for (const title of r.fix.broke)
      notes.push(`scope-lint: ${where}: the fix "${title}" was left out: it would have broken the YAML. Please report it.\n`);
    if (!r.fix.converged)
      notes.push(`scope-lint: ${where}: fixes still remained after ${maxFixAllRounds} rounds; run again, or fix the rest by hand.\n`);
    if (r.fix.refused === 'syntax-errors') notes.push(`scope-lint: ${where} has YAML syntax errors, so no fixes were applied.\n`);
  }

  if (options.fixMode === 'write' && !options.stdin) {
    const written = writeFixes(results, (r) => resolved.settings[jobSettings(resolved.jobs, r.filePath)] as RuleSettings, cwd);
    results = written.results;
    notes.push(...written.notes);
    trouble ||= written.trouble;
  }

  const bulk = bulkSuppress(results, options, cwd);
  if ('problem' in bulk) return fail(io, bulk.problem);
  results = bulk.results;
  notes.push(...bulk.notes);

  const shown = options.quiet ? results.map((r) => ({ ...r, messages: r.messages.filter((m) => m.severity === 'error') })) : results;
  const hidden = options.quiet ? countBySeverity(results.filter((r) => r.readError === undefined)) : undefined;
  if (hidden) hidden.error = 0;

  // A rule bug must not hide the other findings; it is said on stderr and the run carries on.
  for (const r of results)
    for (const e of r.ruleErrors ?? []) notes.push(`scope-lint: rule ${e.ruleId} failed on ${r.filePath}: ${e.message}\n`);

  let code: number = exitCode.clean;
  const unreadable = shown.filter((r): r is FixedResult & { readError: string } => r.readError !== undefined);
  for (const r of unreadable) notes.push(`scope-lint: cannot read ${r.filePath}: ${r.readError}.\n`);
  const errors = shown.reduce((n, r) => n + r.messages.filter((m) => m.severity === 'error').length, 0);
  const warnings = shown.reduce((n, r) => n + r.messages.filter((m) => m.severity === 'warning').length, 0);

  if (options.fixMode === 'diff') {
    // Only the diff: exit 1 when a file would change, as `git diff --exit-code`.
    const patch = unifiedDiff(results, options.stdin ? (options.stdinFilename ?? stdinName) : undefined, cwd);
    code = unreadable.length > 0 || trouble ? exitCode.trouble : patch === '' ? exitCode.clean : exitCode.findings;
    return deliver(io, options, patch, code, notes);
  }

  if (unreadable.length > 0 || trouble) code = exitCode.trouble;
  else if (errors > 0) code = exitCode.findings;
  else if (options.maxWarnings >= 0 && warnings > options.maxWarnings) {
    notes.push(`scope-lint: ${plural(warnings, 'warning')}, more than --max-warnings ${options.maxWarnings}.\n`);
    code = exitCode.findings;
  }

  if (bulk.suppressed && (options.statistics || options.format !== 'stylish'))
    notes.push(`scope-lint: ${plural(bulk.suppressed.count, 'finding')} suppressed by ${bulk.suppressed.file}.\n`);
  const text = options.statistics
    ? formatStatistics(shown, options.format === 'json' ? 'json' : 'table', hidden)
    : formatResults(options.format, shown, { cwd, color: options.color, version, hidden, suppressed: bulk.suppressed });
  // --stdin --fix: the fixed text is the output; the report goes to --output-file, else to stderr.
  if (options.stdin && options.fixMode === 'write') {
    const result = results[0];
    // Input that could not be fixed (not UTF-8, too large, stopped) comes back as it was: text is never lost.
    const fixed = result?.fix ? fixedBytes(result.fix) : (stdinBytes ?? new Uint8Array());
    if (options.outputFile === undefined) {
      for (const note of notes) await writeTo(io.stderr, note).catch(() => undefined);
      await writeTo(io.stderr, text).catch(() => undefined);
      return report(io, fixed, code);
    }
    const written = await writeReportFile(io, options.outputFile, text, code);
    if (written !== code) return written;
    return deliver(io, { ...options, outputFile: undefined }, fixed, code, notes);
  }
  return deliver(io, options, text, code, notes);
}

/**
 * --fix: each changed file is written, unless it changed on disk meanwhile or cannot be written;
 * then its report is of the text as read, since the fixes are not in the file, and the run is exit 2.
 */
export function writeFixes(
  results: readonly FixedResult[],
  settingsOf: (result: FixedResult) => RuleSettings,
  cwd: string,
): { results: FixedResult[]; notes: string[]; trouble: boolean } {
  const notes: string[] = [];
  let trouble = false;
  let files = 0;
  let fixes = 0;
  const out = results.map((r): FixedResult => {
    if (!r.fix || r.fix.after === r.fix.before) return r;
    const problem = writeFixedFile(r.filePath, r.fix);
    if (problem === undefined) {
      files++;
      fixes += r.fix.applied;
      return r;
    }
    notes.push(`scope-lint: ${displayPath(r.filePath, cwd)} was not fixed: ${problem}.\n`);
    trouble = true;
    return lintText(r.filePath, r.fix.before, settingsOf(r));
  });
  if (files > 0) notes.unshift(`scope-lint: applied ${fixes} fix${fixes === 1 ? '' : 'es'} in ${plural(files, 'file')}.\n`);
  return { results: out, notes, trouble };
}

/** scope-lint-suppressions.json: recorded (--suppress-all, --suppress-rule, --prune-suppressions), then applied. */
function bulkSuppress(
  results: FixedResult[],
  options: CliOptions,
  cwd: string,
): { results: FixedResult[]; notes: string[]; suppressed: { count: number; file: string } | undefined } | { problem: string } {
  const path = suppressionsPath(options.bulk, cwd);
  const shownPath = displayPath(path, cwd);
  // Standard input is not a file the counts could be kept for.
  if (options.stdin) return { results, notes: [], suppressed: undefined };
  const read = readSuppressions(path, shownPath);
  if ('problem' in read) return read;
  const current = read.counts;
  const notes: string[] = [];
  let counts = current;
  if (options.bulk.suppress !== undefined || options.bulk.prune) {
    counts = updatedCounts(current, results, options.bulk, cwd);
    try {
      writeSuppressions(path, counts);
    } catch (error) {
      return { problem: `cannot write ${shownPath}: ${describeIoError(error)}.` };
    }
    notes.push(`scope-lint: wrote ${shownPath}.\n`);
  }
  const applied = applySuppressions(results, counts, cwd);
  for (const line of applied.exceeded) notes.push(`scope-lint: ${line}.\n`);
  if (applied.unused > 0 && !options.bulk.prune)
    notes.push(
      `scope-lint: ${plural(applied.unused, 'entry', 'entries')} in ${shownPath} no longer match${applied.unused === 1 ? 'es' : ''} as many findings; run with --prune-suppressions to remove ${applied.unused === 1 ? 'it' : 'them'}.\n`,
    );
  return {
    results: applied.results,
    notes,
    suppressed: applied.suppressed > 0 ? { count: applied.suppressed, file: shownPath } : undefined,
  };
}

/** What standard input is called in reports without --stdin-filename. */
const stdinName = '<stdin>';

/** The report (or diff) to standard output or --output-file, then the notes on stderr. */
async function deliver(io: CliIo, options: CliOptions, text: string | Uint8Array, code: number, notes: readonly string[]): Promise<number> {
  const written =
    options.outputFile === undefined ? await report(io, text, code) : await writeReportFile(io, options.outputFile, text, code);
  for (const note of notes) await writeTo(io.stderr, note).catch(() => undefined);
  return written;
}

/** --output-file: the folder is created if needed; a file that cannot be written is exit 2. */
async function writeReportFile(io: CliIo, outputFile: string, text: string | Uint8Array, code: number): Promise<number> {
  const path = resolve(io.cwd, outputFile);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    return code;
  } catch (error) {
    return fail(io, `cannot write the report to ${outputFile}: ${describeIoError(error)}.`);
  }
}

function jobSettings(jobs: readonly LintJob[], file: string): number {
  return jobs.find((j) => j.file === file)?.settings ?? 0;
}

/** Reads standard input to its end, keeping at most `maxBytes` + 1 bytes (`total` counts them all). */
async function readInput(io: CliIo, maxBytes: number): Promise<{ bytes: Uint8Array; total: number } | { error: string }> {
  const input = io.stdin;
  if (!input) return { error: 'there is none' };
  const chunks: Buffer[] = [];
  let kept = 0;
  let total = 0;
  try {
    for await (const chunk of input as AsyncIterable<Buffer | string>) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      total += buffer.length;
      if (kept <= maxBytes) {
        const piece = buffer.subarray(0, maxBytes + 1 - kept);
        chunks.push(piece);
        kept += piece.length;
      }
    }
  } catch (error) {
    return { error: describeIoError(error) };
  }
  return { bytes: Buffer.concat(chunks, kept), total };
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
async function report(io: CliIo, text: string | Uint8Array, code: number): Promise<number> {
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
export function writeTo(stream: Writable, text: string | Uint8Array): Promise<void> {
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
