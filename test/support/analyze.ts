// Runs the real engine on a file or text, the way the server does, with a fixed "today".
import { readFileSync } from 'node:fs';
import type { Diagnostic } from 'vscode-languageserver-types';
import { ScopeDocument } from '../../server/src/service/document';
import { mergeSettings, type PartialSettings } from '../../server/src/service/settings';
import { validate, type DiagnosticData } from '../../server/src/service/validate';

export const testToday = '2027-01-04';

export function analyzeText(
  text: string,
  settings: PartialSettings = {},
  uri = 'file:///test.scope.yaml',
): { doc: ScopeDocument; diagnostics: readonly Diagnostic[] } {
  const merged = mergeSettings({ today: testToday }, settings);
  const doc = new ScopeDocument(uri, 1, text, merged.limits);
  return {
    doc,
    diagnostics: validate(doc, merged, {
      onRuleError: (id, e) => {
        throw new Error(`rule ${id} threw: ${String(e)}`);
      },
    }).diagnostics,
  };
}

export function analyzeFile(file: string, settings: PartialSettings = {}): { doc: ScopeDocument; diagnostics: readonly Diagnostic[] } {
  return analyzeText(readFileSync(file, 'utf8'), settings, `file://${file}`);
}

const severityNames = ['', 'error', 'warning', 'info', 'hint'];

export function severityName(d: Diagnostic): string {
  return severityNames[d.severity ?? 1] ?? 'error';
}

export function pathOf(d: Diagnostic): string {
  return (d.data as DiagnosticData | undefined)?.path ?? '';
}
