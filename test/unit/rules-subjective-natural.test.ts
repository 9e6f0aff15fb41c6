// expertise-acceptance-criteria-subjective on natural phrasing (issue 10): trust, feedback, sense,
// liking, appearance and sufficiency are opinions in any inflection; "as designed" or "as planned"
// with no named document is one too. The message names the words, the range is the criterion.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../support/analyze';
import { fullWith } from '../support/ruleCheck';

const ruleId = 'expertise-acceptance-criteria-subjective';
const criterion = '      - All 42 test cases in Annex B pass on staging.\n';

/** The rule's findings with the criterion of D2 replaced by `text`. */
function findings(text: string) {
  return analyzeText(fullWith([criterion, `      - ${text}\n`])).diagnostics.filter((d) => d.code === ruleId);
}

function messageOf(d: { readonly message: string | { readonly value: string } }): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

describe('expertise-acceptance-criteria-subjective: natural phrasing', () => {
  it('reports an opinion on the criterion itself, naming the words', () => {
    const written = 'Claims handlers trust the triage scores';
    const [d, ...rest] = findings(written);
    assert.ok(d);
    assert.deepEqual(rest, []);
    assert.equal(messageOf(d), 'Acceptance of `D2` depends on opinion: "trust the", with no number to test against.');
    assert.deepEqual(d.range, { start: { line: 61, character: 8 }, end: { line: 61, character: 8 + written.length } });
  });

  it('counts runs a machine records as a number to test against ("5 nights in a row", "3 consecutive restores"), not a bare "successfully"', () => {
    for (const text of [
      'Restores verified with a successful nightly job 5 nights in a row',
      'Backup job completes successfully on 5 consecutive nights',
      'Nightly backup succeeds for 5 successful runs',
      '3 consecutive restores complete without errors',
    ])
      assert.deepEqual(findings(text), [], text);
    const [d] = findings('Backup job completes successfully');
    assert.ok(d);
    assert.equal(messageOf(d), 'Acceptance of `D2` depends on opinion: "successfully", with no number to test against.');
  });

  it('reads trust, feedback, sense, liking, looks and "enough" in their inflections', () => {
    for (const [text, words] of [
      ['Recruiters give positive feedback in the pilot', 'positive feedback'],
      ['Pilot users gave favourable reviews', 'favourable reviews'],
      ['The SIU team trusts the fraud flags', 'trusts the'],
      ['Fraud flags make sense to the SIU team', 'make sense'],
      ['The explanation made sense to underwriters', 'made sense'],
      ["Training material to the HR director's liking", 'liking'],
      ['Data looks complete after the import', 'looks complete'],
      ['The reconciliation appears correct', 'appears correct'],
      ['Explanations good enough for the regulator', 'good enough'],
      ['Payslips are accurate', 'are accurate'],
      ['No complaints from line managers', 'No complaints'],
      ['Workflows work as designed in every country', 'as designed'],
    ] as const) {
      const found = findings(text);
      assert.equal(found.length, 1, text);
      assert.match(messageOf(found[0] ?? { message: '' }), new RegExp(`depends on opinion: "${words}"`), text);
    }
  });

  it('leaves testable criteria alone: a named design, a count, a number', () => {
    for (const text of [
      'Workflows work as designed in Annex C',
      'Every flow behaves as planned in the cut-over plan',
      'No complaints upheld in 3 months by the ombudsman',
      'Claims handlers trust score above 4 of 5 in the survey of 20 handlers',
      'The Trust board receives the report',
      'Feedback form added to the portal',
    ]) {
      assert.deepEqual(findings(text), [], text);
    }
  });
});
