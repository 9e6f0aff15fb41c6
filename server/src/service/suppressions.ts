// In-document suppressions: `# scope-lint-disable-next-line <ids> -- <reason>` and
// `# scope-lint-disable <ids> -- <reason>` (whole file). The reason is required. A reason may end
// in a waiver part, `(approved-by: <name>, until: YYYY-MM-DD)`: who accepted the risk and until when.
import { isPair, isScalar, visit } from 'yaml';
import type { ScopeDocument } from './document';
import { dateOf } from './model';
import type { Range } from 'vscode-languageserver-types';

export interface Suppression {
  readonly kind: 'next-line' | 'file';
  readonly ruleIds: readonly string[];
  readonly reason: string | undefined;
  /** The line of the comment. */
  readonly line: number;
  /** The range of the comment text (for diagnostics about the suppression itself). */
  readonly range: Range;
  /** For next-line suppressions: the line it applies to (the next line with content). */
  readonly targetLine: number | undefined;
  /** The last line it covers: the target line, or the end of a multi-line text value that starts there. */
  readonly targetEndLine: number | undefined;
  /** Who approved accepting the risk (`approved-by:`), when the waiver part names someone. */
  readonly approvedBy?: string;
  /** The last day the waiver holds (`until:`, YYYY-MM-DD); after it the suppression hides nothing. */
  readonly until?: string;
  /** What is wrong with the waiver part, in words; a suppression with one hides nothing. */
  readonly waiverProblem?: string;
}

/** The waiver part's form, as messages and docs quote it. */
export const waiverForm = '(approved-by: <name>, until: YYYY-MM-DD)';

interface Waiver {
  readonly approvedBy?: string;
  readonly until?: string;
  readonly problem?: string;
}

/**
 * A parenthesis closing the reason that speaks of an approval or an end date is read as the waiver
 * part, strictly: a misspelt key or a date that is not a day is reported, never taken as prose that
 * quietly makes the waiver last for ever. Other parentheses (`(see ticket 12)`) are reason text.
 */
const waiverWords = /\b(?:approved[- ]by|approver|until\s*:|expir(?:es|y)\s*:)/i;

/**
 * The waiver part: the last parenthesis, closing the reason, with none inside, that speaks of an
 * approval or an end date. Found with string search, not a regex over the whole reason: a pattern
 * like `\(([^()]*words[^()]*)\)\s*$` backtracks for minutes on a long hostile comment.
 */
function waiverPartOf(reason: string): { index: number; content: string } | undefined {
  const trimmed = reason.trimEnd();
  if (!trimmed.endsWith(')')) return undefined;
  const open = trimmed.lastIndexOf('(');
  if (open < 0) return undefined;
  const content = trimmed.slice(open + 1, -1);
  if (content.includes(')') || !waiverWords.test(content)) return undefined;
  return { index: open, content };
}

function readWaiver(content: string): Waiver {
  let approvedBy: string | undefined;
  let until: string | undefined;
  const problems: string[] = [];
  for (const entry of content.split(/[,;]/)) {
    // `key: value`, split at the first colon (a regex with lazy parts and `\s*$` is quadratic on long blanks).
    const colon = entry.indexOf(':');
    const key = colon < 0 ? undefined : entry.slice(0, colon).trim().toLowerCase();
    const value = colon < 0 ? '' : entry.slice(colon + 1).trim();
    if (entry.trim() === '') problems.push('an empty entry between commas');
    else if (key === 'approved-by') {
      if (approvedBy !== undefined) problems.push('`approved-by` twice');
      else if (!isWrittenName(value))
        problems.push(`\`approved-by\` names nobody (${value === '' ? 'it is empty' : `"${value}" is a placeholder`})`);
      else approvedBy = value;
    } else if (key === 'until') {
      if (until !== undefined) problems.push('`until` twice');
      else if (dateOf(value) === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(value))
        problems.push(`\`until\` is not a calendar date written YYYY-MM-DD ("${value}")`);
      else until = value;
    } else problems.push(`"${entry.trim()}" is not \`approved-by: <name>\` or \`until: YYYY-MM-DD\``);
  }
  if (problems.length > 0) return { problem: problems.join('; ') };
  return { ...(approvedBy !== undefined ? { approvedBy } : {}), ...(until !== undefined ? { until } : {}) };
}

/** A name a person wrote: not empty, not `TODO`, not a `<name>` hint. */
function isWrittenName(name: string): boolean {
  return isWrittenReason(name);
}

/** The reason without its waiver part, and the waiver (undefined when there is no waiver part). */
function splitWaiver(reason: string): { reason: string; waiver: Waiver | undefined } {
  const m = waiverPartOf(reason);
  if (!m) {
    if (!waiverWords.test(reason)) return { reason, waiver: undefined };
    // `approved-by:` elsewhere in the reason (not last, or with parentheses inside): not read as
    // prose, since an end date nobody can read would make the waiver last for ever.
    return {
      reason,
      waiver: { problem: `the waiver part must close the reason, in one pair of parentheses with none inside: ${waiverForm}` },
    };
  }
  return { reason: reason.slice(0, m.index).trim(), waiver: readWaiver(m.content) };
}

const directive = /^#\s*scope-lint-disable(-next-line)?(?=\s|$)(.*)$/;

/**
 * Finds suppression comments. Only real comments count, as the YAML parser found them: the same
 * words inside a quoted string, a block scalar or other text are text.
 */
export function findSuppressions(doc: ScopeDocument): Suppression[] {
  const found: Suppression[] = [];
  for (const comment of doc.comments) {
    const m = directive.exec(comment.text);
    if (!m) continue;
    const rest = m[2] ?? '';
    const separator = rest.indexOf('--');
    const idsText = separator >= 0 ? rest.slice(0, separator) : rest;
    const { reason: reasonText, waiver } = splitWaiver(separator >= 0 ? rest.slice(separator + 2).trim() : '');
    const ruleIds = idsText
      .split(/[\s,]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    const line = doc.positionAt(comment.offset).line;
    const kind = m[1] ? 'next-line' : 'file';
    const targetLine = kind === 'next-line' ? nextContentLine(doc, line) : undefined;
    found.push({
      kind,
      ruleIds,
      reason: isWrittenReason(reasonText) ? reasonText : undefined,
      line,
      range: doc.oneLineRange(comment.offset, comment.end),
      targetLine,
      targetEndLine: targetLine === undefined ? undefined : (multilineValueEnd(doc, targetLine) ?? targetLine),
      ...(waiver?.approvedBy !== undefined ? { approvedBy: waiver.approvedBy } : {}),
      ...(waiver?.until !== undefined ? { until: waiver.until } : {}),
      ...(waiver?.problem !== undefined ? { waiverProblem: waiver.problem } : {}),
    });
  }
  return found;
}

/**
 * A reason a person wrote. "Accept this risk" inserts `TODO: reason` (or a `<reason>` hint) for a
 * person to replace; until then the suppression silences nothing and its warning stays.
 */
function isWrittenReason(reason: string): boolean {
  return reason !== '' && !/^todo\b/i.test(reason) && !/^<[^>]*>$/.test(reason);
}

function nextContentLine(doc: ScopeDocument, line: number): number | undefined {
  for (let next = line + 1; next < doc.lineCount; next++) {
    if (doc.lineText(next).trim() !== '' && !doc.isCommentLine(next)) return next;
  }
  return undefined;
}

interface MultilineValue {
  /** The line a suppression goes above: the value's key, or the sequence item's first line. */
  readonly keyLine: number;
  readonly endLine: number;
}

/**
 * Multi-line text values (`>-`, `|`, long quoted or plain scalars) of mappings and of sequences,
 * keyed by the line of their key or, for a sequence item, by the line the item starts on.
 */
function multilineValues(doc: ScopeDocument): Map<number, MultilineValue> {
  const found = new Map<number, MultilineValue>();
  if (!doc.yaml) return found;
  const add = (startLine: number, value: unknown): void => {
    if (!isScalar(value) || !value.range) return;
    const [start, end] = value.range;
    const endLine = doc.positionAt(Math.max(start, end - 1)).line;
    if (endLine > startLine) found.set(startLine, { keyLine: startLine, endLine });
  };
  visit(doc.yaml, {
    Pair(_key, pair) {
      if (isPair(pair) && isScalar(pair.key) && pair.key.range) add(doc.positionAt(pair.key.range[0]).line, pair.value);
    },
    Seq(_key, seq) {
      for (const item of seq.items) if (isScalar(item) && item.range) add(doc.positionAt(item.range[0]).line, item);
    },
  });
  return found;
}

/**
 * A comment inside a multi-line text value would become part of the text, so a suppression for a
 * finding in such a value goes above its key and covers the whole value: the end line, if any.
 */
export function multilineValueEnd(doc: ScopeDocument, keyLine: number): number | undefined {
  return multilineValues(doc).get(keyLine)?.endLine;
}

/** The line of the key whose multi-line text value contains `line` below its first line, if any. */
export function keyLineOfMultilineValue(doc: ScopeDocument, line: number): number | undefined {
  for (const value of multilineValues(doc).values()) {
    if (line > value.keyLine && line <= value.endLine) return value.keyLine;
  }
  return undefined;
}
