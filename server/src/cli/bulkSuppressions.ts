// Bulk suppressions, as ESLint 9 has them: `--suppress-all` / `--suppress-rule <id>` record how
// many findings of each rule each file has today in `scope-lint-suppressions.json`, so a team can
// adopt the linter on an existing repository and fail only on new findings. A later run hides up
// to that many findings of the rule in the file; when the file has more, all of them are shown,
// since nobody can tell which is the new one. `--prune-suppressions` lowers counts to what remains.
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { isRecord } from '../service/model';
import { readUserFile } from '../userFile';
import type { FixedResult } from './fix';
import { describeIoError } from './lint';

export const defaultSuppressionsFile = 'scope-lint-suppressions.json';

/** A suppressions file for a big repository is a few hundred KB. */
const maxBytes = 16 * 1024 * 1024;

/** file (relative to the working folder, `/`-separated) -> rule id -> count. */
export type SuppressionCounts = Record<string, Record<string, { count: number }>>;

export interface BulkOptions {
  /** `all`: --suppress-all; a list: --suppress-rule; undefined: neither. */
  readonly suppress: 'all' | readonly string[] | undefined;
  readonly prune: boolean;
  /** --suppressions-location, as given. */
  readonly location: string | undefined;
}

/** Findings about the input itself (not checked, too large) are never suppressed. */
const suppressible = (ruleId: string): boolean => ruleId !== '' && !ruleId.startsWith('input/');

export function suppressionsPath(options: BulkOptions, cwd: string): string {
  return resolve(cwd, options.location ?? defaultSuppressionsFile);
}

/** The file's counts ({} when there is no file); a file that is not one is a problem, exit 2. */
export function readSuppressions(path: string, shown: string): { counts: SuppressionCounts } | { problem: string } {
  if (!existsSync(path)) return { counts: {} };
  const read = readUserFile(path, maxBytes);
  const bad = (why: string): { problem: string } => ({
    problem: `${shown} is not a valid suppressions file: ${why}. Fix it, or delete it and run with --suppress-all again.`,
  });
  if (!read.ok) {
    if (read.reason === 'too-large') return bad(`it is ${Math.round(read.size / 1024 / 1024)} MB (limit ${maxBytes / 1024 / 1024} MB)`);
    if (read.reason === 'not-a-file') return bad(`it is ${read.kind}, not a regular file`);
    return { problem: `cannot read ${shown}: ${describeIoError(read.error)}.` };
  }
  let data: unknown;
  try {
    data = JSON.parse(read.bytes.toString('utf8'));
  } catch (error) {
    return bad(`not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!isRecord(data)) return bad('it must be an object of file paths');
  const out: SuppressionCounts = {};
  for (const [file, rules] of Object.entries(data)) {
    if (!isRecord(rules)) return bad(`the entry for "${file}" must be an object of rule ids`);
    const entry: Record<string, { count: number }> = {};
    for (const [rule, value] of Object.entries(rules)) {
      const count = isRecord(value) ? value.count : undefined;
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 1)
        return bad(`"${file}" > "${rule}" must be {"count": <a whole number of 1 or more>}`);
      entry[rule] = { count };
    }
    out[file] = entry;
  }
  return { counts: out };
}

/** Sorted keys, two-space indent, a trailing newline: diffs cleanly. Written atomically. */
export function writeSuppressions(path: string, counts: SuppressionCounts): void {
  const sorted: SuppressionCounts = {};
  for (const file of Object.keys(counts).sort()) {
    const rules = counts[file] ?? {};
    const ids = Object.keys(rules).sort();
    if (ids.length === 0) continue;
    sorted[file] = Object.fromEntries(ids.map((id) => [id, { count: rules[id]?.count ?? 0 }]));
  }
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(sorted, null, 2)}\n`);
  renameSync(temp, path);
}

export function fileKey(filePath: string, cwd: string): string {
  const rel = relative(cwd, filePath);
  return (rel && !isAbsolute(rel) ? rel : filePath).split(sep).join('/');
}

function countsOf(result: FixedResult): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of result.messages) if (suppressible(m.ruleId)) counts.set(m.ruleId, (counts.get(m.ruleId) ?? 0) + 1);
  return counts;
}

/**
 * The counts after --suppress-all / --suppress-rule / --prune-suppressions for the files of this
 * run; entries of other files are kept (pruned only when the file is gone).
 */
export function updatedCounts(
  current: SuppressionCounts,
  results: readonly FixedResult[],
  options: BulkOptions,
  cwd: string,
): SuppressionCounts {
  const out: SuppressionCounts = structuredClone(current);
  for (const r of results) {
    if (r.readError !== undefined) continue;
    const key = fileKey(r.filePath, cwd);
    const now = countsOf(r);
    const entry: Record<string, { count: number }> = { ...(out[key] ?? {}) };
    if (options.suppress === 'all') {
      for (const id of Object.keys(entry)) delete entry[id];
      for (const [id, count] of now) entry[id] = { count };
    } else if (options.suppress) {
      for (const id of options.suppress) {
        const count = now.get(id);
        if (count) entry[id] = { count };
        else delete entry[id];
      }
    }
    if (options.prune) {
      for (const [id, value] of Object.entries(entry)) {
        const count = Math.min(value.count, now.get(id) ?? 0);
        if (count > 0) entry[id] = { count };
        else delete entry[id];
      }
    }
    out[key] = entry;
  }
  if (options.prune) for (const key of Object.keys(out)) if (!existsSync(resolve(cwd, key))) delete out[key];
  for (const key of Object.keys(out)) if (Object.keys(out[key] ?? {}).length === 0) delete out[key];
  return out;
}

/** The results with the recorded findings taken out; how many were, and which entries are unused. */
export function applySuppressions(
  results: readonly FixedResult[],
  counts: SuppressionCounts,
  cwd: string,
): { results: FixedResult[]; suppressed: number; unused: number; exceeded: string[] } {
  let suppressed = 0;
  let unused = 0;
  const exceeded: string[] = [];
  const out = results.map((r): FixedResult => {
    if (r.readError !== undefined) return r;
    const key = fileKey(r.filePath, cwd);
    const entry = counts[key];
    if (!entry) return r;
    const now = countsOf(r);
    const hide = new Set<string>();
    for (const [id, { count }] of Object.entries(entry)) {
      const found = now.get(id) ?? 0;
      if (found < count) unused++;
      if (found > count) exceeded.push(`${key}: ${found} ${id} findings, ${count} suppressed, so all are shown`);
      else if (found > 0) {
        hide.add(id);
        suppressed += found;
      }
    }
    if (hide.size === 0) return r;
    // The register formats read the report: it loses the same findings, and its "what was checked"
    // says they are recorded rather than calling the check passed.
    const report = r.report && {
      ...r.report,
      findings: r.report.findings.filter((f) => !hide.has(f.ruleId)),
      suppressedInBulk: Object.fromEntries([...hide].map((id) => [id, now.get(id) ?? 0])),
    };
    return { ...r, messages: r.messages.filter((m) => !hide.has(m.ruleId)), ...(report ? { report } : {}) };
  });
  return { results: out, suppressed, unused, exceeded };
}
