// Command-line arguments of scope-lint: parsed with node:util parseArgs and checked (the usage text is in usage.ts).
import { parseArgs } from 'node:util';
import { rulesById } from '../service/rules';
import type { SeverityOverride } from '../service/types';
import type { BulkOptions } from './bulkSuppressions';
import type { FixLevel } from './fix';
import { formatNames, type FormatName } from './usage';

// The usage text and the version live in usage.ts: `scope-lint --help` and `--version` load nothing else.
export { usage, version } from './usage';

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
