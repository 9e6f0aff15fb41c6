// Applies LSP text edits to a string, the way an editor would, and resolves fixes on in-memory text.
import type { TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ScopeDocument } from '../../server/src/service/document';
import { resolveFix, type ResolvedFix } from '../../server/src/service/edits';
import type { Fix } from '../../server/src/service/types';

export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const document = TextDocument.create('file:///edit.scope.yaml', 'scope-yaml', 1, text);
  return TextDocument.applyEdits(
    document,
    edits.map((e) => ({ range: e.range, newText: e.newText })),
  );
}

/** Resolves a fix on a text; `after` is the text once its plain edits are applied. */
export function fixText(text: string, fix: Fix): { resolved: ResolvedFix | undefined; after: string } {
  const resolved = resolveFix(new ScopeDocument('file:///edit.scope.yaml', 1, text), fix);
  return { resolved, after: resolved ? applyTextEdits(text, resolved.edits) : text };
}

/** Every byte before the first edit and after the last edit is unchanged. */
export function unchangedOutside(before: string, after: string, edits: readonly TextEdit[]): boolean {
  if (edits.length === 0) return before === after;
  const doc = TextDocument.create('file:///x', 'x', 1, before);
  const sorted = [...edits].sort((a, b) => doc.offsetAt(a.range.start) - doc.offsetAt(b.range.start));
  let cursorBefore = 0;
  let cursorAfter = 0;
  for (const e of sorted) {
    const start = doc.offsetAt(e.range.start);
    const end = doc.offsetAt(e.range.end);
    const kept = before.slice(cursorBefore, start);
    if (after.slice(cursorAfter, cursorAfter + kept.length) !== kept) return false;
    cursorAfter += kept.length;
    if (after.slice(cursorAfter, cursorAfter + e.newText.length) !== e.newText) return false;
    cursorAfter += e.newText.length;
    cursorBefore = end;
  }
  return after.slice(cursorAfter) === before.slice(cursorBefore);
}
