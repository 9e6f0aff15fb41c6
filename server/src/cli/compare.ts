// `scope-lint compare <old> <new>` and `scope-lint compare --base <git-ref> <files...>`: what a
// change to a scope costs, moves, adds or weakens, and whether the change log accounts for it
// (service/compare). The old version comes from a file or from git (`git show <ref>:<path>`, run
// here only: the language server never runs a process). Exit codes as the linter's.
import { execFileSync } from 'node:child_process';
import { basename, dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { compareScopes, type CompareFinding, type ScopeChange } from '../service/compare/compareScopes';
import { ScopeDocument } from '../service/document';
import { decodeUtf8 } from '../service/inputGuard';
import { defaultSettings } from '../service/settings';
import { readUserFile } from '../userFile';
import { UsageError, usageErrorFrom } from './args';
import { displayPath, plural } from './format/summary';
import { describeIoError } from './lint';

export const compareUsage = `Usage: scope-lint compare [--format <name>] <old-file> <new-file>
       scope-lint compare [--format <name>] --base <git-ref> <file> ...
       scope-lint --base <git-ref> [--format <name>] <file> ...   (the same as compare --base)

Compares two versions of a scope: price, contingency and payments; start, end and milestones in
days; deliverables and success measures added, removed or changed; security terms weakened; the
vendor; change requests added. Reports, on the new version, a higher price, a later end or a new
deliverable that no newly approved change request accounts for (compare/scope-creep), a loosened
target (compare/target-loosened) and a weakened protection (compare/protection-weakened).

Options:
  -f, --format <name>        stylish, json, markdown (a pull-request comment) or github (default: stylish)
      --base <git-ref>       read each file's old version from git at this ref (e.g. origin/main);
                             a file that does not exist there is new
      --no-color             accepted for symmetry; compare output has no colors
  -h, --help                 show this help

Exit codes: 0 nothing to decide (warnings at most), 1 an error-level finding, 2 usage or I/O error.`;

const formats = ['stylish', 'json', 'markdown', 'github'] as const;
type CompareFormat = (typeof formats)[number];

/** One compared file: its summary and findings (with 1-based positions on the new version). */
export interface ComparedFile {
  readonly filePath: string;
  /** What it was compared with: a path, or `<ref>:<path>`; undefined for a file new at the base. */
  readonly basePath: string | undefined;
  readonly changes: readonly ScopeChange[];
  readonly findings: readonly (CompareFinding & {
    readonly line: number;
    readonly column: number;
    readonly endLine: number;
    readonly endColumn: number;
  })[];
}

export interface CompareOutcome {
  readonly out: string;
  readonly errors: readonly string[];
  readonly code: 0 | 1 | 2;
}

const maxBytes = defaultSettings.limits.maxFileSizeKB * 1024;

function readText(path: string): { text: string } | { problem: string } {
  const read = readUserFile(path, maxBytes);
  if (read.ok) return { text: decodeUtf8(read.bytes).text };
  if (read.reason === 'too-large') return { problem: `${path}: larger than ${defaultSettings.limits.maxFileSizeKB} KB, not compared` };
  if (read.reason === 'not-a-file') return { problem: `${path}: is ${read.kind}, not a file` };
  return { problem: `${path}: ${describeIoError(read.error)}` };
}

/** The file's text at `ref`; `undefined` when the file does not exist there (it is new). */
function readAtRef(path: string, ref: string): { text: string | undefined } | { problem: string } {
  const cwd = dirname(path);
  const git = (args: string[]): Buffer =>
    execFileSync('git', ['-C', cwd, ...args], { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: maxBytes + 1, timeout: 30_000 });
  try {
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    return { problem: `${path}: ${JSON.stringify(ref)} is not a commit in the git repository here (or there is no repository)` };
  }
  const spec = `${ref}:./${basename(path)}`;
  try {
    git(['cat-file', '-e', spec]);
  } catch {
    return { text: undefined };
  }
  try {
    return { text: decodeUtf8(git(['show', spec])).text };
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    return {
      problem: `${path}: cannot read it at ${ref}${code === 'ENOBUFS' ? ` (larger than ${defaultSettings.limits.maxFileSizeKB} KB)` : ''}`,
    };
  }
}

function compareTexts(filePath: string, basePath: string | undefined, oldText: string, newText: string): ComparedFile {
  const uri = pathToFileURL(filePath).href;
  const before = new ScopeDocument(uri, 0, oldText, defaultSettings.limits);
  const after = new ScopeDocument(uri, 1, newText, defaultSettings.limits);
  const { changes, findings } = compareScopes(before, after);
  return {
    filePath,
    basePath,
    changes,
    findings: findings.map((f) => {
      const range = after.rangeOf(f.path);
      return {
        ...f,
        line: range.start.line + 1,
        column: range.start.character + 1,
        endLine: range.end.line + 1,
        endColumn: range.end.character + 1,
      };
    }),
  };
}

/**
 * `scope-lint --base <git-ref> <files...>` without the word compare: a comparison with the files
 * at that ref. Only options before a `--` count (after it, `--base` would be a file name).
 */
export function isBaseInvocation(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((arg) => arg === '--base' || arg.startsWith('--base='));
}

export function runCompare(argv: readonly string[], cwd: string): CompareOutcome {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        base: { type: 'string' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw usageErrorFrom(error, 'compare: ');
  }
  const { values, positionals } = parsed;
  if (values.help) return { out: `${compareUsage}\n`, errors: [], code: 0 };
  const format = (values.format ?? 'stylish') as CompareFormat;
  if (!formats.includes(format))
    throw new UsageError(`compare: unknown format ${JSON.stringify(values.format)}; use ${formats.join(', ')}.`);
  const base = values.base;
  if (base !== undefined && base.trim() === '') throw new UsageError('compare: --base needs a git ref, such as origin/main.');
  if (base === undefined && positionals.length !== 2)
    throw new UsageError('compare: give two files, the old version and the new one (or --base <git-ref> and the files).');
  if (base !== undefined && positionals.length === 0) throw new UsageError('compare: --base needs at least one file to compare.');

  const compared: ComparedFile[] = [];
  const errors: string[] = [];
  if (base === undefined) {
    const [oldPath, newPath] = positionals.map((p) => resolve(cwd, p)) as [string, string];
    const oldRead = readText(oldPath);
    const newRead = readText(newPath);
    for (const read of [oldRead, newRead]) if ('problem' in read) errors.push(read.problem);
    if ('text' in oldRead && 'text' in newRead) compared.push(compareTexts(newPath, displayPath(oldPath, cwd), oldRead.text, newRead.text));
  } else {
    for (const file of positionals.map((p) => resolve(cwd, p))) {
      const now = readText(file);
      if ('problem' in now) {
        errors.push(now.problem);
        continue;
      }
      const then = readAtRef(file, base);
      if ('problem' in then) {
        errors.push(then.problem);
        continue;
      }
      if (then.text === undefined) {
        compared.push({ filePath: file, basePath: undefined, changes: [], findings: [] });
        continue;
      }
      compared.push(compareTexts(file, `${base}:${displayPath(file, cwd)}`, then.text, now.text));
    }
  }
  const hasError = compared.some((c) => c.findings.some((f) => f.severity === 'error'));
  return { out: formatComparison(format, compared, cwd), errors, code: errors.length > 0 ? 2 : hasError ? 1 : 0 };
}

export function formatComparison(format: CompareFormat, files: readonly ComparedFile[], cwd: string): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(
        files.map((f) => ({
          ...f,
          filePath: displayPath(f.filePath, cwd),
          findings: f.findings.map(({ fixes: _fixes, ...rest }) => rest),
        })),
        null,
        2,
      )}\n`;
    case 'github':
      return files
        .flatMap((f) =>
          f.findings.map(
            (x) =>
              `::${x.severity === 'error' ? 'error' : x.severity === 'warning' ? 'warning' : 'notice'} file=${displayPath(f.filePath, cwd)},line=${x.line},col=${x.column},endLine=${x.endLine},endColumn=${x.endColumn},title=${x.code}::${escapeData(plain(x.message))}\n`,
          ),
        )
        .join('');
    case 'markdown':
      return markdown(files, cwd);
    default:
      return stylish(files, cwd);
  }
}

/** Code spans read as plain text in a terminal or an annotation. */
function plain(text: string): string {
  return text.replace(/`([^`]*)`/g, '$1');
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Terminal output never carries control characters from a file (a vendor name cannot repaint the screen). */
function safe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function stylish(files: readonly ComparedFile[], cwd: string): string {
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    const name = displayPath(file.filePath, cwd);
    if (file.basePath === undefined) {
      lines.push(`${name}: new file (nothing to compare with)`, '');
      continue;
    }
    lines.push(`${name} (compared with ${file.basePath})`);
    if (file.changes.length === 0) lines.push('  No changes to price, schedule, deliverables, measures, security or vendor.');
    for (const change of file.changes) lines.push(`  ${safe(plain(change.text))}`);
    for (const f of file.findings) {
      if (f.severity === 'error') errors++;
      else warnings++;
      lines.push(`  ${`${f.line}:${f.column}`.padEnd(8)} ${f.severity.padEnd(8)} ${safe(plain(f.message))}  ${f.code}`);
    }
    lines.push('');
  }
  const total = errors + warnings;
  lines.push(
    total === 0
      ? `No changes that need a decision in ${plural(files.length, 'file')}.`
      : `${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}) in ${plural(files.length, 'file')}.`,
  );
  return `${lines.join('\n')}\n`;
}

function markdown(files: readonly ComparedFile[], cwd: string): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
  const out: string[] = ['## Scope changes', ''];
  for (const file of files) {
    const name = displayPath(file.filePath, cwd);
    if (file.basePath === undefined) {
      out.push(`### \`${name}\``, '', 'New file: nothing to compare with.', '');
      continue;
    }
    out.push(`### \`${name}\``, '', `Compared with \`${file.basePath}\`.`, '');
    if (file.changes.length === 0) out.push('No changes to price, schedule, deliverables, success measures, security or vendor.', '');
    const areas = [...new Set(file.changes.map((c) => c.area))];
    for (const area of areas) {
      out.push(`**${area[0]?.toUpperCase()}${area.slice(1)}**`, '');
      for (const change of file.changes.filter((c) => c.area === area)) out.push(`- ${change.text}`);
      out.push('');
    }
    if (file.findings.length > 0) {
      out.push('| | Line | Finding | Code |', '| --- | --- | --- | --- |');
      for (const f of file.findings)
        out.push(`| ${f.severity === 'error' ? '🛑 error' : '⚠️ warning'} | ${f.line} | ${cell(f.message)} | \`${f.code}\` |`);
      out.push('');
    }
  }
  const errors = files.reduce((n, f) => n + f.findings.filter((x) => x.severity === 'error').length, 0);
  out.push(
    errors > 0
      ? `**Not ready to merge: ${plural(errors, 'change')} need${errors === 1 ? 's' : ''} an approved change request or a restored protection.**`
      : '**No change needs a decision.**',
  );
  return `${out.join('\n')}\n`;
}
