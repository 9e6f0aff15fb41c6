// Command-line arguments of scope-lint: parsed with node:util parseArgs, checked, and the usage text.
import { parseArgs } from 'node:util';
import { rulesById } from '../service/rules';
import type { SeverityOverride } from '../service/types';
import { formatNames, type FormatName } from './format';

declare const SCOPE_LINT_VERSION: string | undefined;

/** Inlined by esbuild from package.json (see esbuild.mjs); unbundled test builds say "dev". */
export const version: string = typeof SCOPE_LINT_VERSION === 'string' ? SCOPE_LINT_VERSION : '0.0.0-dev';

export interface CliOptions {
  readonly command: 'lint';
  readonly patterns: readonly string[];
  readonly format: FormatName;
  readonly configPath: string | undefined;
  readonly ruleOverrides: Readonly<Record<string, SeverityOverride>>;
  /** -1: no limit. */
  readonly maxWarnings: number;
  readonly quiet: boolean;
  readonly color: boolean;
}

export type ParsedArgs = CliOptions | { readonly command: 'help' } | { readonly command: 'version' };

/** A usage mistake: one line on stderr, exit code 2. */
export class UsageError extends Error {}

const severities: readonly SeverityOverride[] = ['off', 'hint', 'info', 'warning', 'error'];

export const usage = `Usage: scope-lint [options] <file | folder | glob> ...

Lints IT-outsourcing scope files (*.scope.yaml) for security, oversight and hidden-cost risks,
with the same rules, .scope-lint.yaml configuration and suppression comments as the editor.
Folders are searched recursively for *.scope.yaml and *.scope.yml; quote globs: "specs/**/*.scope.yaml".

Options:
  -f, --format <name>     ${formatNames.join(', ')} (default: stylish)
  -c, --config <file>     use this config file instead of the nearest .scope-lint.yaml
      --rule <id>:<sev>   set a rule's severity: off, hint, info, warning or error (repeatable)
      --max-warnings <n>  also fail when there are more than n warnings
  -q, --quiet             report errors only
      --no-color          no colors (also off when NO_COLOR is set or output is not a terminal)
  -h, --help              show this help
  -v, --version           print the version

Configuration: the nearest .scope-lint.yaml (or .yml) in the file's folder or above it, up to the
repository root (the folder holding .git), never above your home folder, never on another file
system and never from a folder anyone can write to (like /tmp). --rule flags override it.

Environment: NO_COLOR / FORCE_COLOR turn colors off / on. Files are checked on worker threads
(one for a few files, up to one per core for many); SCOPE_LINT_WORKERS sets how many (at most two
per core; 0: on the main thread, without the bounds). Each file gets at most SCOPE_CHECK_TIMEOUT_MS
(default 20000) and SCOPE_LINT_WORKER_MEMORY_MB of heap (default 1024); a file over either is
reported as not checked (input/timeout, input/check-failed).

Exit codes: 0 no errors (and at most --max-warnings warnings), 1 findings at or above that
threshold, 2 usage or I/O error (a missing file, a file or folder that cannot be read, an
unreadable or invalid config, a report that cannot be written).`;

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
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    // parseArgs messages are multi-line and mention internals; keep the first sentence.
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
    throw new UsageError(message.replace(/\. To specify a positional argument.*$/, '.'));
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };

  const format = values.format ?? 'stylish';
  if (!isFormatName(format)) throw new UsageError(`Unknown format "${format}"; use one of ${formatNames.join(', ')}.`);

  const ruleOverrides: Record<string, SeverityOverride> = {};
  for (const spec of values.rule ?? []) {
    const colon = spec.lastIndexOf(':');
    const id = colon > 0 ? spec.slice(0, colon).trim() : '';
    const severity = colon > 0 ? spec.slice(colon + 1).trim() : '';
    if (!id || !severity) throw new UsageError(`--rule expects <rule-id>:<severity>, got "${spec}".`);
    if (!rulesById.has(id)) throw new UsageError(`--rule: unknown rule id "${id}".`);
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

  if (positionals.length === 0) throw new UsageError('No files given. Run "scope-lint --help" for usage.');
  if (values.config !== undefined && values.config.trim() === '') throw new UsageError('--config expects a file path.');

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
    color: !values['no-color'] && !noColorEnv && (stdoutIsTTY || forceColor),
  };
}

function isFormatName(name: string): name is FormatName {
  return (formatNames as readonly string[]).includes(name);
}
