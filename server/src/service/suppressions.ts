// In-document suppressions: `# scope-lint-disable-next-line <ids> -- <reason>` and
// `# scope-lint-disable <ids> -- <reason>` (whole file). The reason is required.
import type { ScopeDocument } from './document';
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
}

const directive = /#\s*scope-lint-disable(-next-line)?(?=\s|$)(.*)$/;

/** Finds suppression comments. Only real comments count, not text inside a scalar. */
export function findSuppressions(doc: ScopeDocument): Suppression[] {
  const found: Suppression[] = [];
  if (!doc.text.includes('scope-lint-disable')) return found;
  for (let line = 0; line < doc.lineCount; line++) {
    const text = doc.lineText(line);
    const index = text.indexOf('#');
    if (index < 0 || !text.includes('scope-lint-disable')) continue;
    const commentStart = commentStartIn(text);
    if (commentStart === undefined) continue;
    const m = directive.exec(text.slice(commentStart));
    if (!m) continue;
    const rest = m[2] ?? '';
    const separator = rest.indexOf('--');
    const idsText = separator >= 0 ? rest.slice(0, separator) : rest;
    const reasonText = separator >= 0 ? rest.slice(separator + 2).trim() : '';
    const ruleIds = idsText
      .split(/[\s,]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    const startOffset = doc.offsetAt({ line, character: commentStart });
    const range = doc.oneLineRange(startOffset, doc.lineEnd(line));
    const kind = m[1] ? 'next-line' : 'file';
    found.push({
      kind,
      ruleIds,
      reason: isWrittenReason(reasonText) ? reasonText : undefined,
      line,
      range,
      targetLine: kind === 'next-line' ? nextContentLine(doc, line) : undefined,
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

/** Column where a YAML comment starts on a line, ignoring `#` inside quotes. */
function commentStartIn(text: string): number | undefined {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const before = text.slice(0, i).trimEnd();
      if (before === '' || /[:\-[{,]$/.test(before)) quote = ch;
      continue;
    }
    if (ch === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t')) return i;
  }
  return undefined;
}

function nextContentLine(doc: ScopeDocument, line: number): number | undefined {
  for (let next = line + 1; next < doc.lineCount; next++) {
    const text = doc.lineText(next).trim();
    if (text !== '' && !text.startsWith('#')) return next;
  }
  return undefined;
}
