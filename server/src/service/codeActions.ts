// Code actions: the quick fixes of each diagnostic (its finding is found again from its data, never
// from its message), "Accept this risk…" (a suppression comment that needs a reason), and "fix all"
// as a `source.fixAll.scope` action, so `editor.codeActionsOnSave` can run it (its edits come from
// fixAll.ts, run on a validation worker). A fix becomes text
// edits only here, for the diagnostics a request is about, and its edit travels in
// `codeAction/resolve` when the client supports that.
import type { CodeAction, Diagnostic, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { ScopeDocument } from './document';
import { resolveFix, type FixEdit } from './edits';
import { FindingLookup } from './findingLookup';
import { rulesById } from './rules';
import type { RuleSettings } from './settings';
import { findSuppressions, keyLineOfMultilineValue } from './suppressions';
import type { DiagnosticData } from './validate';

export const quickFixKind = 'quickfix';
export const fixAllKind = 'source.fixAll.scope';
/** The server command behind "Scope: Fix All Auto-fixable Problems" (arguments: the document uri). */
export { applyAllFixesCommand as fixAllCommand } from '../../../shared/protocol';
export const fixAllTitle = 'Fix all auto-fixable problems';
export const acceptRiskTitle = 'Accept this risk…';

/** A suppression reason nobody has written yet; `suppressions.ts` treats it as missing. */
export const reasonPlaceholder = 'TODO: reason';

export interface CodeActionRequest {
  readonly doc: ScopeDocument;
  /** The diagnostics of exactly this version of the document, with their fixes. */
  readonly diagnostics: readonly Diagnostic[];
  /** The diagnostics the client sent in the request's context. */
  readonly context: readonly Diagnostic[];
  readonly range: Range;
  /** `context.only`: the kinds the client asks for (all when absent). */
  readonly only?: readonly string[];
  /** The client applies `SnippetTextEdit`s (`workspace.workspaceEdit.snippetEditSupport`). */
  readonly snippets: boolean;
  /** The client fills in a quick fix's `edit` through `codeAction/resolve` (`resolveSupport` lists `edit`). */
  readonly resolveEdits?: boolean;
  readonly settings: RuleSettings;
}

/** What a quick fix carries until `codeAction/resolve`: which fix of which finding, on which version. */
export interface FixActionData {
  readonly uri: string;
  readonly version: number;
  /** The diagnostic's code: a rule id or `schema/*`. */
  readonly code: string;
  readonly path: string;
  readonly index: number;
  readonly fix: number;
}

export function isFixActionData(value: unknown): value is FixActionData {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.uri === 'string' &&
    typeof v.version === 'number' &&
    typeof v.code === 'string' &&
    typeof v.path === 'string' &&
    typeof v.index === 'number' &&
    typeof v.fix === 'number'
  );
}

export function codeActions(request: CodeActionRequest): CodeAction[] {
  const { doc, only, snippets } = request;
  if (!wants(only, quickFixKind)) return [];
  const targets = targetDiagnostics(request);
  const preferred: CodeAction[] = [];
  const others: CodeAction[] = [];
  // One entry per distinct fix: two findings whose fixes make the same edit under the same title
  // (`timeline.start` and `timeline.end` both adding `timeline`) are one entry that fixes both.
  const byEdit = new Map<string, CodeAction>();
  const lookup = new FindingLookup(doc, request.settings);
  for (const diagnostic of targets) {
    const data = diagnostic.data as DiagnosticData | undefined;
    if (!data?.fixes) continue;
    lookup.fixes(diagnostic.code, data).forEach((fix, index) => {
      // Worked out here to leave out a fix that would change nothing; with resolve support the
      // edit itself is sent only for the fix the user picks.
      const resolved = resolveFix(doc, fix);
      if (!resolved) return;
      const key = `${resolved.title}\u0000${JSON.stringify(resolved.edits)}`;
      const same = byEdit.get(key);
      if (same) {
        same.diagnostics?.push(diagnostic);
        return;
      }
      const action: CodeAction = {
        title: resolved.title,
        kind: quickFixKind,
        diagnostics: [diagnostic],
        ...(fix.preferred ? { isPreferred: true } : {}),
      };
      if (request.resolveEdits) {
        const carried: FixActionData = {
          uri: doc.uri,
          version: doc.version,
          code: String(diagnostic.code),
          path: data.path,
          index: data.index,
          fix: index,
        };
        action.data = carried;
      } else action.edit = workspaceEdit(doc, resolved.edits, snippets);
      byEdit.set(key, action);
      (fix.preferred ? preferred : others).push(action);
    });
  }
  // The menu: preferred fixes first, then the other fixes, then accepting the risk under the cursor.
  const accept = acceptRiskUnderCursor(doc, targets, request.range, snippets);
  return [...preferred, ...others, ...(accept ? [accept] : [])];
}

/**
 * "Accept this risk…" for the risk finding under the cursor only, not once per finding on the
 * line: of the risk findings whose range holds the cursor (or the selection), those with the
 * narrowest range. Several with that one range are accepted together, in one comment.
 */
function acceptRiskUnderCursor(
  doc: ScopeDocument,
  targets: readonly Diagnostic[],
  range: Range,
  snippets: boolean,
): CodeAction | undefined {
  const risks = targets.filter((d) => typeof d.code === 'string' && rulesById.has(d.code));
  const holding = risks.filter((d) => contains(d.range, range));
  const candidates = holding.length > 0 ? holding : risks;
  const width = (r: Range): number => (r.end.line - r.start.line) * 1e6 + (r.end.character - r.start.character);
  const narrowest = Math.min(...candidates.map((d) => width(d.range)));
  const under = candidates.filter((d) => width(d.range) === narrowest);
  const first = under[0];
  if (!first) return undefined;
  const sameRange = under.filter((d) => sameRangeAs(d.range, first.range));
  return acceptRisk(doc, first, snippets, sameRange);
}

function contains(outer: Range, inner: Range): boolean {
  return !before(inner.start, outer.start) && !before(outer.end, inner.end);
}

/**
 * `codeAction/resolve`: the edit of the fix a quick fix names, on the document as it is now. Undefined
 * when the document changed so that the finding or its fix is gone (the action then does nothing).
 */
export function resolveFixAction(
  doc: ScopeDocument,
  settings: RuleSettings,
  data: FixActionData,
  snippets: boolean,
): WorkspaceEdit | undefined {
  if (doc.uri !== data.uri || doc.version !== data.version) return undefined;
  const fix = new FindingLookup(doc, settings).fixes(data.code, data)[data.fix];
  const resolved = fix ? resolveFix(doc, fix) : undefined;
  return resolved ? workspaceEdit(doc, resolved.edits, snippets) : undefined;
}

/** True when the client's `only` list lets actions of `kind` through. */
function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.length === 0 || only.some((requested) => covers(requested, kind));
}

/** `source` covers `source.fixAll.scope`; `source.fixAll.scope` covers only itself. */
function covers(requested: string, kind: string): boolean {
  return requested === '' || kind === requested || kind.startsWith(`${requested}.`);
}

/**
 * The diagnostics to offer fixes for, taken from this version's analysis: a diagnostic the client
 * sends may be from an older version, whose edits would land in the wrong place.
 */
function targetDiagnostics(request: CodeActionRequest): Diagnostic[] {
  const { diagnostics, context, range } = request;
  if (context.length === 0) return diagnostics.filter((d) => d.data !== undefined && overlaps(d.range, range));
  const out: Diagnostic[] = [];
  for (const sent of context) {
    const current = diagnostics.find((d) => d.code === sent.code && sameRangeAs(d.range, sent.range) && samePath(d, sent));
    if (current && !out.includes(current)) out.push(current);
  }
  return out;
}

function samePath(a: Diagnostic, b: Diagnostic): boolean {
  const pa = (a.data as DiagnosticData | undefined)?.path;
  const pb = (b.data as DiagnosticData | undefined)?.path;
  return pa === undefined || pb === undefined || pa === pb;
}

function sameRangeAs(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function overlaps(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** Plain text edits, or snippet edits when the client takes them and a placeholder is present. */
export function workspaceEdit(doc: ScopeDocument, edits: readonly FixEdit[], snippets: boolean): WorkspaceEdit {
  if (snippets && edits.some((e) => e.snippet !== undefined)) {
    return {
      documentChanges: [
        {
          textDocument: { uri: doc.uri, version: doc.version },
          edits: edits.map((e) =>
            e.snippet !== undefined
              ? { range: e.range, snippet: { kind: 'snippet', value: e.snippet } }
              : { range: e.range, newText: e.newText },
          ),
        },
      ],
    };
  }
  return { changes: { [doc.uri]: edits.map((e) => ({ range: e.range, newText: e.newText })) } };
}

// ---- accept this risk -----------------------------------------------------------------------

/** Inserts `# scope-lint-disable-next-line <id> -- <reason>` above the finding's line. */
export function acceptRisk(
  doc: ScopeDocument,
  diagnostic: Diagnostic,
  snippets: boolean,
  together: readonly Diagnostic[] = [diagnostic],
): CodeAction | undefined {
  const ids = [...new Set(together.map((d) => d.code).filter((c): c is string => typeof c === 'string'))];
  const ruleId = ids.join(', ');
  if (ids.length === 0 || diagnostic.range.start.line >= doc.lineCount) return undefined;
  // Inside a multi-line text value a comment line would become part of the text: the comment
  // goes above the value's key, and covers the whole value.
  const line = keyLineOfMultilineValue(doc, diagnostic.range.start.line) ?? diagnostic.range.start.line;
  // A suppression without a reason is already there: its own warning says what to write.
  if (findSuppressions(doc).some((s) => s.kind === 'next-line' && s.targetLine === line && ids.every((id) => s.ruleIds.includes(id))))
    return undefined;
  const text = doc.lineText(line);
  const indent = text.slice(0, text.length - text.trimStart().length);
  const eol = doc.text.includes('\r\n') ? '\r\n' : '\n';
  const comment = `${indent}# scope-lint-disable-next-line ${ruleId} -- `;
  const at = { line, character: 0 };
  const edit: FixEdit = {
    range: { start: at, end: at },
    newText: `${comment}${reasonPlaceholder}${eol}`,
    snippet: `${comment.replace(/[\\$}]/g, '\\$&')}\${1:${reasonPlaceholder}}${eol}`,
  };
  return {
    title: `${acceptRiskTitle} (suppress ${named(ids)} here, with a reason)`,
    kind: quickFixKind,
    diagnostics: [...together],
    edit: workspaceEdit(doc, [edit], snippets),
  };
}

/** Up to three rule ids in code style, then how many more. */
function named(ids: readonly string[]): string {
  const shown = ids.slice(0, 3).map((id) => `\`${id}\``);
  return ids.length > 3 ? `${shown.join(', ')} and ${ids.length - 3} more` : shown.join(', ');
}

// ---- fix all ----------------------------------------------------------------------------------

/** True when the client's `only` list asks for the `source.fixAll.scope` action (it is never offered unasked). */
export function wantsFixAll(only: readonly string[] | undefined): boolean {
  return only?.some((kind) => covers(kind, fixAllKind)) ?? false;
}

/** The `source.fixAll.scope` action for edits "fix all" worked out (see fixAll.ts); none when there are none. */
export function fixAllAction(uri: string, edits: readonly TextEdit[]): CodeAction | undefined {
  return edits.length === 0 ? undefined : { title: fixAllTitle, kind: fixAllKind, edit: { changes: { [uri]: [...edits] } } };
}
