// expertise-acceptance-criteria-subjective, issue 10: an agreement with nothing checked
// ("Stakeholders agree the catalogue is complete"), a design nobody names ("as per the design",
// "in line with the agreed designs") and a bare severity count ("No critical defects.") are reported;
// the same words beside a named document, a severity scale or a moment stay quiet.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnosticsOf, lineOf, onlyDiagnostic } from '../support/analyze';
import { fullWith } from '../support/ruleCheck';

const id = 'expertise-acceptance-criteria-subjective';
const criterionLine = '      - Prototype covers all 5 journeys listed in Annex A.\n';
const withCriterion = (text: string): string => fullWith([criterionLine, `      - ${text}\n`]);

function range(text: string, needle: string): [number, number, number] {
  const d = onlyDiagnostic(id, text);
  return [d.range.start.line, d.range.start.character, lineOf(text, needle)];
}

describe('expertise-acceptance-criteria-subjective on agreements, designs and severities', () => {
  it('reports an agreement with nothing checked, on the criterion', () => {
    const text = withCriterion('Stakeholders agree the catalogue is complete.');
    const d = onlyDiagnostic(id, text);
    assert.equal(d.message, 'Acceptance of `D1` rests on "agree the" alone: the criterion names no test, document or check to pass first.');
    const [line, character, expected] = range(text, 'Stakeholders agree');
    assert.deepEqual([line, character, d.range.end.character], [expected, 8, 53]);
  });

  it('reports a design nobody names, and is quiet on a named one', () => {
    for (const [criterion, written] of [
      ['Report layouts as per the design.', 'as per the design'],
      ['Layouts in line with the agreed designs.', 'in line with the agreed designs'],
    ] as const) {
      const d = onlyDiagnostic(id, withCriterion(criterion));
      assert.equal(d.message, `Acceptance of \`D1\` depends on opinion: "${written}", with no number to test against.`);
    }
    assert.deepEqual(diagnosticsOf(id, withCriterion('Report layouts as per the design in Annex C.')), []);
  });

  it('reports a bare severity count, and is quiet with a scale, a moment or a place', () => {
    const text = withCriterion('No critical defects.');
    const d = onlyDiagnostic(id, text);
    assert.equal(
      d.message,
      'Acceptance of `D1` rests on "No critical defects" with no severity scale: say who rates a defect, by which definition, and when it is counted (e.g. "0 open Severity 1 defects as defined in Annex C at go-live").',
    );
    const [line, character, expected] = range(text, 'No critical defects.');
    assert.deepEqual([line, character, d.range.end.character], [expected, 8, 28]);
    for (const careful of [
      'No critical defects open at go-live.',
      'No Severity 1 or Severity 2 defects open (severity as defined in Annex C) at the end of UAT.',
      'No critical bugs escape to production.',
    ])
      assert.deepEqual(diagnosticsOf(id, withCriterion(careful)), [], careful);
  });

  it('keeps an agreement after a named test quiet', () => {
    assert.deepEqual(diagnosticsOf(id, withCriterion('All 30 scripts in Annex B pass and the stakeholders agree the go-live date.')), []);
  });
});
