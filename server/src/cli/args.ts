// Command-line arguments of scope-lint: parsed with node:util parseArgs, checked, and the usage text.
import { parseArgs } from 'node:util';
import { rulesById } from '../service/rules';
import type { SeverityOverride } from '../service/types';
import type { BulkOptions } from './bulkSuppressions';
import type { FixLevel } from './fix';
import { formatNames, type FormatName } from './format';

declare const SCOPE_LINT_VERSION: string | undefined;

/** Inlined by esbuild from package.json (see esbuild.mjs); unbundled test builds say "dev". */
export const version: string = typeof SCOPE_LINT_VERSION === 'string' ? SCOPE_LINT_VERSION : '0.0.0-dev';

export interface CliOptions {
  readonly command: 'lint';
  /** Empty with --stdin. */
  readonly patterns: readonly string[];
  readonly format: FormatName;
  readonly configPath: string | undefined;
  readonly ruleOverrides: Readonly<Record<string, SeverityOverride>>;
  /** -1: no limit. */
  readonly maxWarnings: number;
  readonly quiet: boolean;
  readonly color: boolean;
  /** --fix: write the fixed files; --diff: print what --fix would change. */
  readonly fixMode: 'write' | 'diff' | undefined;
  /** --unsafe-fixes: also unsafe fixes. */
  readonly fixLevel: FixLevel;
  readonly stdin: boolean;
  /** --stdin-filename: the path standard input is checked as (absent: `<stdin>` in the working folder). */
  readonly stdinFilename: string | undefined;
  readonly outputFile: string | undefined;
  readonly statistics: boolean;
  /** --suppress-all / --suppress-rule / --prune-suppressions / --suppressions-location. */
  readonly bulk: BulkOptions;
  /**
   * Ids given to --rule or --suppress-rule that are not built-in but have the form of a custom
   * rule's id: known only once the config is read, so checked then (an unknown one is exit 2).
   */
  readonly customRuleIds: readonly { readonly option: '--rule' | '--suppress-rule'; readonly id: string }[];
}

export type ParsedArgs =
  | CliOptions
  | { readonly command: 'help' }
  | { readonly command: 'version' }
  | { readonly command: 'rules'; readonly format: 'stylish' | 'json'; readonly configPath: string | undefined }
  | { readonly command: 'explain'; readonly ruleId: string; readonly configPath: string | undefined }
  | { readonly command: 'init'; readonly scopeFile: string | undefined };

/** The first word, when it is one of these, is a command; lint a folder of that name as `./rules`. */
export const commandNames = ['rules', 'explain', 'init'] as const;

/** A usage mistake: one line on stderr, exit code 2. */
export class UsageError extends Error {}

/**
 * A usage error from a node:util parseArgs failure: its messages are multi-line and mention
 * internals, so only the first sentence is kept, after `prefix` (a subcommand's name).
 */
export function usageErrorFrom(error: unknown, prefix = ''): UsageError {
  const message = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
  return new UsageError(`${prefix}${message.replace(/\. To specify a positional argument.*$/, '.')}`);
}

const severities: readonly SeverityOverride[] = ['off', 'hint', 'info', 'warning', 'error'];

/** The form of a custom rule's id (`custom_rules[].id` in schemas/scope-lint.schema.json). */
const customRuleIdPattern = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

export const usage = `Usage: scope-lint [options] <file | folder | glob> ...
       scope-lint [options] --stdin [--stdin-filename <path>]
       scope-lint rules [--format json] [--config <file>]
       scope-lint explain [--config <file>] <rule-id>
       scope-lint init [--scope <file>]
       scope-lint compare [--format <name>] <old-file> <new-file> | --base <git-ref> <file> ...
       scope-lint --base <git-ref> [--format <name>] <file> ...

Lints IT-outsourcing scope files (*.scope.yaml) for security, oversight and hidden-cost risks,
with the same rules, .scope-lint.yaml configuration and suppression comments as the editor.
Folders are searched recursively for *.scope.yaml and *.scope.yml; quote globs: "specs/**/*.scope.yaml".

Options:
  -f, --format <name>        ${formatNames.join(', ')} (default: stylish)
  -c, --config <file>        use this config file instead of the nearest .scope-lint.yaml
      --rule <id>:<sev>      set a rule's severity: off, hint, info, warning or error (repeatable)
      --max-warnings <n>     also fail when there are more than n warnings
  -q, --quiet                report errors only
      --fix                  apply the safe fixes to the files, then report what remains
      --unsafe-fixes         with --fix or --diff: also apply unsafe fixes (proposals to review)
      --diff                 print a unified diff of what --fix would change; write nothing
      --stdin                lint standard input (with --fix: print the fixed text)
      --stdin-filename <p>   check standard input as if it were the file p (config, rules, paths)
  -o, --output-file <path>   write the report to this file instead of standard output
      --statistics           print how many findings each rule has instead of each finding
      --suppress-all         record every finding in scope-lint-suppressions.json; later runs
                             report only files with more findings of a rule than recorded
      --suppress-rule <id>   the same for one rule (repeatable)
      --prune-suppressions   remove recorded findings that no longer occur
      --suppressions-location <file>
                             the suppressions file (default: ./scope-lint-suppressions.json)
      --no-color             no colors (also off when NO_COLOR is set or output is not a terminal)
  -h, --help                 show this help
  -v, --version              print the version

Commands:
  rules                      list every rule: area, default severity and fix levels
  explain <rule-id>          print a rule's documentation page
  init [--scope <file>]      write a commented .scope-lint.yaml here (and a starter scope file);
                             an existing file is never overwritten
  compare <old> <new>        what changed between two versions, and what no approved change
                             request accounts for (--base <git-ref>: old versions from git);
                             see scope-lint compare --help

Fixes: --fix applies only safe fixes, whose result is beyond doubt; --unsafe-fixes adds proposals
a person should review (a guessed currency, a new wording); fixes with placeholders to fill in are
offered in the editor only. A file is written only if it did not change while it was checked,
atomically, with its line endings, byte order mark and permissions kept.

Configuration: the nearest .scope-lint.yaml (or .yml) in the file's folder or above it, up to the
repository root (the folder holding .git), never above your home folder, never on another file
system and never from a folder anyone can write to (like /tmp). --rule flags override it.
Its extends: (shared policy files or npm packages) and custom_rules: (your own checks as JSON
Schemas) are read as data, never run; a mistake in either is a config error (exit 2).

Environment: NO_COLOR / FORCE_COLOR turn colors off / on. Files are checked on worker threads
(one for a few files, up to one per core for many); SCOPE_LINT_WORKERS sets how many (at most two
per core; 0: on the main thread, without the bounds). Each file gets at most SCOPE_CHECK_TIMEOUT_MS
(default 20000) and SCOPE_LINT_WORKER_MEMORY_MB of heap (default 1024); a file over either is
reported as not checked (input/timeout, input/check-failed).

Exit codes: 0 no errors (and at most --max-warnings warnings; with --diff: nothing to change),
1 findings at or above that threshold (with --diff: a file would change), 2 usage or I/O error
(a missing file, a file or folder that cannot be read, an unreadable or invalid config, a report
that cannot be written, a fixed file that changed while it was checked or cannot be written).`;

export function parseCliArgs(argv: readonly string[], env: NodeJS.ProcessEnv, stdoutIsTTY: boolean): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        config: { type: 'string', short: 'c' },
        rule: { type: 'string', multiple: true },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        fix: { type: 'boolean' },
        'unsafe-fixes': { type: 'boolean' },
        diff: { type: 'boolean' },
        stdin: { type: 'boolean' },
        'stdin-filename': { type: 'string' },
        'output-file': { type: 'string', short: 'o' },
        statistics: { type: 'boolean' },
        'suppress-all': { type: 'boolean' },
        'suppress-rule': { type: 'string', multiple: true },
        'prune-suppressions': { type: 'boolean' },
        'suppressions-location': { type: 'string' },
        scope: { type: 'string' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw usageErrorFrom(error);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };

  const command = (commandNames as readonly string[]).includes(positionals[0] ?? '')
    ? (positionals[0] as (typeof commandNames)[number])
    : undefined;
  if (command) return parseCommand(command, positionals.slice(1), values);
  if (values.scope !== undefined) throw new UsageError('--scope goes with "scope-lint init".');

  const format = values.format ?? 'stylish';
  if (!isFormatName(format)) throw new UsageError(`Unknown format "${format}"; use one of ${formatNames.join(', ')}.`);

  const customRuleIds: { option: '--rule' | '--suppress-rule'; id: string }[] = [];
  /** A built-in id, or one that may be a custom rule's (checked once the config is read). */
  const checkId = (option: '--rule' | '--suppress-rule', id: string): void => {
    if (rulesById.has(id)) return;
    if (!customRuleIdPattern.test(id)) throw new UsageError(`${option}: unknown rule id "${id}".`);
    customRuleIds.push({ option, id });
  };
  const ruleOverrides: Record<string, SeverityOverride> = {};
  for (const spec of values.rule ?? []) {
    const colon = spec.lastIndexOf(':');
    const id = colon > 0 ? spec.slice(0, colon).trim() : '';
    const severity = colon > 0 ? spec.slice(colon + 1).trim() : '';
    if (!id || !severity) throw new UsageError(`--rule expects <rule-id>:<severity>, got "${spec}".`);
    checkId('--rule', id);
    if (!(severities as readonly string[]).includes(severity))
      throw new UsageError(`--rule ${id}: severity must be one of ${severities.join(', ')}, got "${severity}".`);
    ruleOverrides[id] = severity as SeverityOverride;
  }

  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    const raw = values['max-warnings'];
    if (!/^\d+$/.test(raw)) throw new UsageError(`--max-warnings expects a whole number of 0 or more, got "${raw}".`);
    maxWarnings = Number(raw);
  }

  const stdin = values.stdin ?? false;
  if (stdin && positionals.length > 0) throw new UsageError('--stdin reads standard input: give no files with it.');
  if (!stdin && values['stdin-filename'] !== undefined) throw new UsageError('--stdin-filename goes with --stdin.');
  if (!stdin && positionals.length === 0) throw new UsageError('No files given. Run "scope-lint --help" for usage.');
  if (values.config !== undefined && values.config.trim() === '') throw new UsageError('--config expects a file path.');
  for (const name of ['stdin-filename', 'output-file', 'suppressions-location'] as const) {
    const value = values[name];
    if (value !== undefined && value.trim() === '') throw new UsageError(`--${name} expects a file path.`);
  }
  if (values.fix && values.diff) throw new UsageError('--diff shows what --fix would change without writing: use one of them.');
  if (values['unsafe-fixes'] && !values.fix && !values.diff) throw new UsageError('--unsafe-fixes goes with --fix or --diff.');
  const statistics = values.statistics ?? false;
  if (statistics && format !== 'stylish' && format !== 'json')
    throw new UsageError(`--statistics prints a table, or JSON with --format json; not --format ${format}.`);
  if (statistics && values.diff) throw new UsageError('--diff prints a diff: --statistics does not go with it.');

  const suppressRules = values['suppress-rule'] ?? [];
  for (const id of suppressRules) checkId('--suppress-rule', id);
  if (values['suppress-all'] && suppressRules.length > 0)
    throw new UsageError('--suppress-all already records every rule: use one of --suppress-all and --suppress-rule.');
  const suppressing = values['suppress-all'] || suppressRules.length > 0 || values['prune-suppressions'];
  if (suppressing && stdin)
    throw new UsageError('--suppress-all, --suppress-rule and --prune-suppressions record files: not with --stdin.');
  if (suppressing && values.diff)
    throw new UsageError('--diff writes nothing: --suppress-all, --suppress-rule and --prune-suppressions do not go with it.');

  const noColorEnv = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  const forceColor = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0';
  return {
    command: 'lint',
    patterns: positionals,
    format,
    configPath: values.config,
    ruleOverrides,
    maxWarnings,
    quiet: values.quiet ?? false,
    // A report written to a file has no colors.
    color: !values['no-color'] && !noColorEnv && values['output-file'] === undefined && (stdoutIsTTY || forceColor),
    fixMode: values.fix ? 'write' : values.diff ? 'diff' : undefined,
    fixLevel: values['unsafe-fixes'] ? 'unsafe' : 'safe',
    stdin,
    stdinFilename: values['stdin-filename'],
    outputFile: values['output-file'],
    statistics,
    bulk: {
      suppress: values['suppress-all'] ? 'all' : suppressRules.length > 0 ? suppressRules : undefined,
      prune: values['prune-suppressions'] ?? false,
      location: values['suppressions-location'],
    },
    customRuleIds,
  };
}

/** The options the commands take; any other is a usage error. */
const optionsOfCommand: Record<(typeof commandNames)[number], readonly string[]> = {
  rules: ['format', 'config', 'no-color'],
  explain: ['config', 'no-color'],
  init: ['scope', 'no-color'],
};

function parseCommand(command: (typeof commandNames)[number], args: readonly string[], values: Record<string, unknown>): ParsedArgs {
  const stray = Object.keys(values).find((name) => values[name] !== undefined && !optionsOfCommand[command].includes(name));
  if (stray) throw new UsageError(`--${stray} does not go with "scope-lint ${command}".`);
  const configPath = typeof values.config === 'string' ? values.config : undefined;
  if (configPath !== undefined && configPath.trim() === '') throw new UsageError('--config expects a file path.');
  if (command === 'rules') {
    if (args.length > 0) throw new UsageError('"scope-lint rules" takes no arguments; "scope-lint explain <rule-id>" shows one rule.');
    const format = typeof values.format === 'string' ? values.format : 'stylish';
    if (format !== 'stylish' && format !== 'json')
      throw new UsageError(`"scope-lint rules" prints a table, or JSON with --format json; not --format ${format}.`);
    return { command, format, configPath };
  }
  if (command === 'explain') {
    if (args.length !== 1)
      throw new UsageError('"scope-lint explain" takes one rule id, for example "scope-lint explain security-nda-missing".');
    return { command, ruleId: args[0] as string, configPath };
  }
  if (args.length > 0) throw new UsageError('"scope-lint init" takes no arguments; name a starter scope file with --scope <file>.');
  const scope = values.scope;
  if (typeof scope === 'string' && !/\.scope\.ya?ml$/.test(scope))
    throw new UsageError(
      `--scope expects a file name ending in .scope.yaml or .scope.yml (so folders and the editor find it), got "${scope}".`,
    );
  return { command, scopeFile: typeof scope === 'string' ? scope : undefined };
}

function isFormatName(name: string): name is FormatName {
  return (formatNames as readonly string[]).includes(name);
}
