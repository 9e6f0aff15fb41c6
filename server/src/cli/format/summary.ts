// Counting and wording shared by the human-readable formats.
import { plural } from '../../service/plural';
import { relative, isAbsolute } from 'node:path';
import type { EngineCode } from '../../service/codes';
import type { Severity } from '../../service/types';
import type { FileResult } from '../lint';

export type Counts = Record<Severity, number>;

/** A file or folder that could not be read: an error in every format, exit code 2. */
export const unreadableCode: EngineCode = 'input/unreadable';

export function unreadableMessage(readError: string): string {
  return `This path could not be read, so nothing in it is checked: ${readError}.`;
}

export const severityOrder: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

export function countBySeverity(results: readonly FileResult[]): Counts {
  const counts: Counts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const result of results) for (const m of result.messages) counts[m.severity]++;
  return counts;
}

/** "12 errors, 23 warnings, 3 info" (zero counts left out, except when everything is zero). */
export function describeCounts(counts: Counts): string {
  const parts: string[] = [];
  if (counts.error) parts.push(plural(counts.error, 'error'));
  if (counts.warning) parts.push(plural(counts.warning, 'warning'));
  if (counts.info) parts.push(`${counts.info} info`);
  if (counts.hint) parts.push(plural(counts.hint, 'hint'));
  return parts.join(', ') || 'no problems';
}

/** " (4 warnings, 1 info hidden by --quiet)", or "" when `--quiet` hid nothing. */
export function hiddenByQuiet(hidden: Counts | undefined): string {
  if (!hidden || hidden.error + hidden.warning + hidden.info + hidden.hint === 0) return '';
  return ` (${describeCounts(hidden)} hidden by --quiet)`;
}

export { plural };

/** Relative to `cwd` when inside it (shorter, and what CI annotations expect), else absolute. */
export function displayPath(filePath: string, cwd: string): string {
  const rel = relative(cwd, filePath);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split('\\').join('/') : filePath;
}

/** One line: messages never break a table row or an annotation. */
export function oneLine(text: string): string {
  // Split, not /\s*\r?\n\s*/g: that regex backtracks quadratically on a long run of spaces.
  return printable(
    text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .join(' '),
  );
}

/** Control characters (C0 but tab and newline, DEL, C1) and bidirectional overrides. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const unprintable = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * File content and file names are written as text, never as terminal commands: an ESC sequence or
 * a CR in a vendor name could otherwise repaint an error line as info. Each such character is
 * shown as `\x1B` (or `\u202E`).
 */
export function printable(text: string): string {
  return text.replace(unprintable, (c) => {
    const code = c.charCodeAt(0);
    return code > 0xff ? `\\u${code.toString(16).toUpperCase()}` : `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`;
  });
}
