// Runs the real engine on a file or text, the way the server does, with a fixed "today".
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { FindingLookup } from '../../server/src/service/findingLookup';
import { ScopeDocument } from '../../server/src/service/document';
import { resolveFix, type ResolvedFix } from '../../server/src/service/edits';
import { mergeSettings, type PartialSettings, type RuleSettings } from '../../server/src/service/settings';
import { validate, type DiagnosticData } from '../../server/src/service/validate';

export const testToday = '2027-01-04';

export function analyzeText(
  text: string,
  settings: PartialSettings = {},
  uri = 'file:///test.scope.yaml',
): { doc: ScopeDocument; diagnostics: readonly Diagnostic[] } {
  const merged = mergeSettings({ today: testToday }, settings);
  const doc = new ScopeDocument(uri, 1, text, merged.limits);
  const { diagnostics } = validate(doc, merged, {
    onRuleError: (id, e) => {
      throw new Error(`rule ${id} threw: ${String(e)}`);
    },
  });
  for (const d of diagnostics) analyzed.set(d, { doc, settings: merged });
  return { doc, diagnostics };
}

const analyzed = new WeakMap<object, { readonly doc: ScopeDocument; readonly settings: RuleSettings }>();

/**
 * The quick fixes of a diagnostic made by `analyzeText`, as text edits: found again from its data
 * the way a code action does (diagnostics carry no edits), with those that would change nothing left out.
 */
export function resolvedFixesOf(d: Diagnostic): ResolvedFix[] {
  const made = analyzed.get(d);
  const data = d.data as DiagnosticData | undefined;
  if (!made || !data) return [];
  const out: ResolvedFix[] = [];
  for (const fix of new FindingLookup(made.doc, made.settings).fixes(d.code, data)) {
    const resolved = resolveFix(made.doc, fix);
    if (resolved) out.push(resolved);
  }
  return out;
}

export function analyzeFile(file: string, settings: PartialSettings = {}): { doc: ScopeDocument; diagnostics: readonly Diagnostic[] } {
  return analyzeText(readFileSync(file, 'utf8'), settings, `file://${file}`);
}

const severityNames = ['', 'error', 'warning', 'info', 'hint'];

export function severityName(d: Diagnostic): string {
  return severityNames[d.severity ?? 1] ?? 'error';
}

/** The facts hover shows for a diagnostic made by `analyzeText` (found again from its data, as hover does). */
export function factsOf(d: Diagnostic | undefined): readonly string[] | undefined {
  const made = d && analyzed.get(d);
  return d && made ? new FindingLookup(made.doc, made.settings).finding(d.code, d.data)?.facts : undefined;
}

export function pathOf(d: Diagnostic): string {
  return (d.data as DiagnosticData | undefined)?.path ?? '';
}

/** The diagnostics of one rule (or engine code) on a text. */
export function diagnosticsOf(ruleId: string, text: string, settings: PartialSettings = {}): Diagnostic[] {
  return analyzeText(text, settings).diagnostics.filter((d) => d.code === ruleId);
}

/** The one diagnostic of a rule on a text; fails, naming what was found, when there is not exactly one. */
export function onlyDiagnostic(ruleId: string, text: string, settings: PartialSettings = {}): Diagnostic {
  const found = diagnosticsOf(ruleId, text, settings);
  assert.equal(found.length, 1, `expected one ${ruleId}, got ${found.map((d) => d.message).join(' | ')}`);
  const [d] = found;
  assert.ok(d);
  return d;
}

/** The text after applying the fix with this title to a diagnostic made by `analyzeText`, as the editor would. */
export function afterFix(d: Diagnostic, text: string, title: string): string {
  const fix = resolvedFixesOf(d).find((f) => f.title === title);
  assert.ok(fix, `no fix "${title}" among ${JSON.stringify(resolvedFixesOf(d).map((f) => f.title))}`);
  return TextDocument.applyEdits(TextDocument.create('file:///t.scope.yaml', 'scope-yaml', 1, text), [...fix.edits]);
}

/** The 0-based line of the first line that contains `needle`. */
export function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((l) => l.includes(needle));
  assert.ok(index >= 0, `no line with ${needle}`);
  return index;
}

/** The range of `needle` on its line: its first occurrence after the first `from` in the text (from the start without one). */
export function rangeOfNeedle(text: string, needle: string, from = ''): Range {
  const offset = text.indexOf(needle, from ? text.indexOf(from) : 0);
  assert.ok(offset >= 0, `${needle} not in text`);
  const before = text.slice(0, offset).split('\n');
  const line = before.length - 1;
  const character = before[line]?.length ?? 0;
  return { start: { line, character }, end: { line, character: character + needle.length } };
}
