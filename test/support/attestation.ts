// The full example's security evidence, as the security-attestation-missing tests vary it: each
// line as the example writes it, the `certifications` key's range, the example with only the
// certifications a test gives, and the one finding of the rule a test expects.
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { analyzeText } from './analyze';
import { fullWith } from './ruleCheck';

export const attestationRuleId = 'security-attestation-missing';
export const iso = '    - { name: "ISO/IEC 27001:2022", scope: Software development and hosting operations, expires: 2028-06-30 }\n';
export const soc2 = '    - { name: SOC 2 Type II, period_end: 2026-09-30 }\n';
export const survey = '  security_questionnaire: { type: SIG Lite, completed: 2027-01-25 }\n';
/** The `certifications` key of the full example (0-based line 23). */
export const certificationsKey = { start: { line: 23, character: 2 }, end: { line: 23, character: 16 } };

/** The one security-attestation-missing finding of `text` (fails the test unless there is exactly one). */
export function oneAttestationFinding(text: string): Diagnostic {
  const found = analyzeText(text).diagnostics.filter((d) => d.code === attestationRuleId);
  assert.equal(found.length, 1, `expected one ${attestationRuleId}, got ${found.length}`);
  const [d] = found;
  assert.ok(d);
  return d;
}

/** The full example with these certifications (written as given) and no other evidence. */
export function onlyCertifications(...items: string[]): string {
  return fullWith([iso, items.join('')], [soc2, ''], [survey, '']);
}
