// The hover of a security-evidence finding agrees with the file: a DPA signed late, a certificate
// that lapses during the project and sub-processors allowed without approval are each on record, so
// the "why" shown beside the message must not say the DPA, the evidence or the answer is missing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver-types';
import { hover } from '../../server/src/service/hover';
import { mergeSettings } from '../../server/src/service/settings';
import { analyzeText, testToday } from '../support/analyze';
import { fullWith } from '../support/ruleCheck';

/** The hover the editor shows beside the message (messageShown), at the first character of the finding of `code`. */
function hoverOf(text: string, code: string): string {
  const { doc, diagnostics } = analyzeText(text);
  const d = diagnostics.find((x) => x.code === code);
  assert.ok(d, `no ${code}`);
  const result = hover(doc, [d], d.range.start, mergeSettings({ today: testToday }), { messageShown: true });
  return (result?.contents as MarkupContent).value;
}
const why = (markdown: string): string => markdown.split('\n\n')[0] ?? '';

describe('security evidence: the hover agrees with the file', () => {
  it('a DPA signed after work starts: the why does not say no DPA is signed', () => {
    const text = fullWith(['  dpa: { signed: true, date: 2027-02-01 }\n', '  dpa: { signed: true, date: 2027-03-10 }\n']);
    const shown = why(hoverOf(text, 'security-personal-data-without-dpa'));
    assert.ok(
      shown.startsWith(
        'The vendor will process personal data, so a data processing agreement has to be signed before work starts, and it has to say what data it covers.',
      ),
      shown,
    );
    assert.doesNotMatch(shown, /no data processing agreement is signed/);
  });

  it('a certificate that lapses during the project: the why does not say there is no current attestation', () => {
    const text = fullWith(
      ['expires: 2028-06-30', 'expires: 2027-06-30'],
      ['    - { name: SOC 2 Type II, period_end: 2026-09-30 }\n', ''],
      ['  security_questionnaire: { type: SIG Lite, completed: 2027-01-25 }\n', ''],
    );
    const shown = why(hoverOf(text, 'security-attestation-missing'));
    assert.ok(
      shown.startsWith(
        'Sensitive data is in scope, so the vendor needs current, independent evidence of its security controls (an attestation, or at least a completed security questionnaire) for as long as the project runs.',
      ),
      shown,
    );
    assert.doesNotMatch(shown, /there is no current independent attestation/);
  });

  it('sub-processors allowed without approval: the why does not say the scope is silent on them', () => {
    const text = fullWith([
      '  subprocessors: { allowed: true, approval_required: true, list: ["AWS (eu-west-1)"] }\n',
      '  subprocessors: { allowed: true, approval_required: notification only, list: ["AWS (eu-west-1)"] }\n',
    ]);
    const shown = why(hoverOf(text, 'security-subprocessors-unspecified'));
    assert.ok(
      shown.startsWith(
        'The vendor will process your personal data, and the scope has to say whether it may pass that data to subcontractors and whether each one needs your approval.',
      ),
      shown,
    );
  });
});
