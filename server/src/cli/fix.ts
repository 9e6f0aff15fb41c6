// `--fix`, `--unsafe-fixes`, `--diff` and `--stdin`, on the side that checks: one job (a file on
// disk, or text from standard input) is read, fixed with the editor's "fix all" and checked again,
// on the worker thread that has the check's time bound. The result carries the text before and
// after and a fingerprint of what was read; the main thread writes it (write.ts) or prints a diff.
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { ScopeDocument } from '../service/document';
import { fixAllText } from '../service/fixAll';
import { decodeUtf8, tooLarge } from '../service/inputGuard';
import type { RuleSettings } from '../service/settings';
import { readUserFile } from '../userFile';
import { lintFile, lintText, type FileResult, type LintOutput } from './lint';
import type { LintJob } from './pool';

/** Which fixes to apply: `safe` (--fix, --diff) or also `unsafe` ones (--unsafe-fixes). Display-only fixes never. */
export type FixLevel = 'safe' | 'unsafe';

/** What a file was when it was read: it is written only if it is still exactly that. */
export interface ReadFingerprint {
  readonly sha256: string;
  readonly size: number;
  readonly mtimeMs: number;
}

export interface FileFix {
  /** The text as read (without a BOM). */
  readonly before: string;
  /** The text once every fix that could be applied was; equal to `before` when nothing changed. */
  readonly after: string;
  /** The file started with a UTF-8 byte order mark: it is written back with it. */
  readonly bom: boolean;
  readonly applied: number;
  /** Titles of fixes left out because they would have broken the YAML. */
  readonly broke: readonly string[];
  readonly converged: boolean;
  /** Nothing was tried: the YAML has syntax errors. */
  readonly refused?: 'syntax-errors' | 'input-problem';
  /** Absent for standard input. */
  readonly read?: ReadFingerprint;
}

/** A lint result with what --fix did (absent when the file could not be read or decoded as text). */
export interface FixedResult extends FileResult {
  readonly fix?: FileFix;
  /** Fixing failed (a bug): the file was not changed. */
  readonly fixError?: string;
}

/** The most bytes read for `settings`: more than 3 bytes per allowed character (plus a BOM) is too large whatever it holds. */
export function maxBytesFor(settings: RuleSettings): number {
  return settings.limits.maxFileSizeKB * 1024 * 3 + 3;
}

/** Reads, fixes and checks the fixed text of one file. Never throws (a failure is the file's `input/check-failed`). */
export function fixFile(filePath: string, settings: RuleSettings, level: FixLevel, output: LintOutput = {}): FixedResult {
  try {
    const read = readUserFile(filePath, maxBytesFor(settings));
    // A file that cannot be read is reported exactly as without --fix.
    if (!read.ok) return lintFile(filePath, settings, output);
    let mtimeMs = 0;
    try {
      mtimeMs = statSync(filePath).mtimeMs;
    } catch {
      // Gone already: the write will find it changed.
    }
    const fingerprint = { sha256: sha256(read.bytes), size: read.bytes.length, mtimeMs };
    return fixBytes(filePath, read.bytes, settings, level, output, fingerprint);
  } catch (error) {
    // A bug in a fix: the file is left as it is, checked as it is, and the run says so (exit code 2).
    return { ...lintFile(filePath, settings, output), fixError: error instanceof Error ? error.message : String(error) };
  }
}

/** One job of the pool, on whichever thread runs it. Never throws. */
export function runJob(job: LintJob, settings: RuleSettings): FixedResult {
  const output: LintOutput = job.report === false ? { report: false } : {};
  if (job.bytes) return checkBytes(job.file, job.bytes, settings, job.fix, output);
  return job.fix ? fixFile(job.file, settings, job.fix, output) : lintFile(job.file, settings, output);
}

/** Checks bytes that are not on disk (standard input) as if they were the file `filePath`. */
export function checkBytes(
  filePath: string,
  bytes: Uint8Array,
  settings: RuleSettings,
  level?: FixLevel,
  output: LintOutput = {},
): FixedResult {
  if (level) {
    try {
      return fixBytes(filePath, bytes, settings, level, output);
    } catch (error) {
      return {
        ...checkBytes(filePath, bytes, settings, undefined, output),
        fixError: error instanceof Error ? error.message : String(error),
      };
    }
  }
  if (bytes.length > maxBytesFor(settings)) return lintText(filePath, '', settings, tooLarge(bytes.length, settings.limits), output);
  const { text, problem } = decodeUtf8(bytes);
  return lintText(filePath, text, settings, problem, output);
}

function fixBytes(
  filePath: string,
  bytes: Uint8Array,
  settings: RuleSettings,
  level: FixLevel,
  output: LintOutput,
  read?: ReadFingerprint,
): FixedResult {
  if (bytes.length > maxBytesFor(settings)) return lintText(filePath, '', settings, tooLarge(bytes.length, settings.limits), output);
  const { text, problem } = decodeUtf8(bytes);
  // Bytes that are not UTF-8 text are never rewritten: the diagnostic says why, the file stays as it is.
  if (problem) return lintText(filePath, text, settings, problem, output);
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const doc = new ScopeDocument(pathToFileURL(filePath).href, 0, text, settings.limits);
  const outcome = fixAllText(doc, settings, { unsafe: level === 'unsafe' });
  const after = keepLineEndings(text, outcome.text);
  const fix: FileFix = {
    before: text,
    after,
    bom,
    applied: outcome.applied,
    broke: outcome.broke,
    converged: outcome.converged,
    ...(outcome.refused ? { refused: outcome.refused } : {}),
    ...(read ? { read } : {}),
  };
  // What remains is what the report shows and what the exit code counts.
  return { ...lintText(filePath, after, settings, undefined, output), fix };
}

/** A file whose every line ends in CRLF keeps CRLF on the lines fixes add. */
export function keepLineEndings(before: string, after: string): string {
  if (!before.includes('\r\n') || /(^|[^\r])\n/.test(before)) return after;
  return after.replace(/\r?\n/g, '\r\n');
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
