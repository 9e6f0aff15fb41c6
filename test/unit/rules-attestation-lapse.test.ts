// security-attestation-missing, the info sub-case: the only current evidence is certificates that
// all expire before `timeline.end`. The message and range a user reads, which certificate it lands
// on, and exact day counts across month ends and leap years.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { factsOf, severityName } from '../support/analyze';
import { attestationRuleId, iso, oneAttestationFinding as one, soc2, survey } from '../support/attestation';
import { checkRule, fullWith } from '../support/ruleCheck';

const ruleId = attestationRuleId;

describe('security-attestation-missing: certificates that expire during the project', () => {
  it('notes the only current evidence, a certificate, expiring before timeline.end, on its expiry date, at info', () => {
    const text = fullWith(
      [iso, iso.replace('2028-06-30', '2027-06-30')],
      [soc2, soc2.replace('2026-09-30', '2025-09-30')],
      [survey, survey.replace('2027-01-25', '2025-05-01')],
    );
    const d = one(text);
    assert.equal(severityName(d), 'info');
    assert.equal(
      d.message,
      '`ISO/IEC 27001:2022` expires before the project ends: on 2027-06-30, the end is 2027-10-29 (`timeline.end`), and no other evidence lasts longer.',
    );
    assert.deepEqual(d.range, { start: { line: 24, character: 97 }, end: { line: 24, character: 107 } });
    assert.deepEqual(factsOf(d), [
      'The last 121 days of the project have no current security attestation.',
      'Require the renewed certificate before that date, and record its new `expires` here when it arrives.',
    ]);
  });

  it('asks for the next report, not a renewed certificate, when the evidence is a SOC 2 report written with `expires`', () => {
    const text = fullWith([iso, ''], [soc2, '    - { name: SOC 2 Type II report, expires: 2027-06-30 }\n'], [survey, '']);
    const d = one(text);
    assert.equal(severityName(d), 'info');
    assert.equal(
      d.message,
      '`SOC 2 Type II report` expires before the project ends: on 2027-06-30, the end is 2027-10-29 (`timeline.end`), and no other evidence lasts longer.',
    );
    assert.deepEqual(factsOf(d), [
      'The last 121 days of the project have no current security attestation.',
      'Require the next report (or a bridge letter until it comes) before that date, and record it here when it arrives.',
    ]);
  });

  it('lands on the certificate that lasts longest and counts the others', () => {
    const two = `${iso.replace('2028-06-30', '2027-06-30')}    - { name: CSA STAR Level 2, expires: 2027-08-31 }\n`;
    const d = one(fullWith([iso, two], [soc2, ''], [survey, '']));
    assert.equal(
      d.message,
      '`CSA STAR Level 2` expires before the project ends: on 2027-08-31, the end is 2027-10-29 (`timeline.end`), and the other certificate expires earlier.',
    );
    assert.equal(d.range.start.line, 25);
    assert.equal(factsOf(d)?.[0], 'The last 59 days of the project have no current security attestation.');
  });

  it('counts days exactly across month ends and leap years (date-fns), and says "the last day" for one', () => {
    const lapsing = (expires: string, end = '2027-10-29') =>
      fullWith([iso, iso.replace('2028-06-30', expires)], [soc2, ''], [survey, ''], ['  end: 2027-10-29\n', `  end: ${end}\n`]);
    assert.equal(factsOf(one(lapsing('2027-10-28')))?.[0], 'The last day of the project has no current security attestation.');
    assert.equal(
      factsOf(one(lapsing('2027-02-28', '2028-03-01')))?.[0],
      'The last 367 days of the project have no current security attestation.',
    );
    assert.deepEqual(checkRule(ruleId, lapsing('2027-10-29')), [], 'valid through the last day');
  });

  it('does not project a current SOC 2 report or questionnaire forward: they follow their own cycle', () => {
    const expiring = iso.replace('2028-06-30', '2027-06-30');
    assert.deepEqual(checkRule(ruleId, fullWith([iso, expiring], [soc2, ''])), [], 'questionnaire completed 2027-01-25');
    assert.deepEqual(checkRule(ruleId, fullWith([iso, expiring], [survey, ''])), [], 'SOC 2 period ended 2026-09-30');
    assert.deepEqual(checkRule(ruleId, fullWith([iso, ''], [survey, ''])), [], 'a SOC 2 report alone');
  });

  it('is silent without a valid end after the start (the schedule rules report that)', () => {
    const base = fullWith([iso, iso.replace('2028-06-30', '2027-06-30')], [soc2, ''], [survey, '']);
    assert.equal(checkRule(ruleId, base).length, 1);
    assert.deepEqual(checkRule(ruleId, base.replace('  end: 2027-10-29\n', '')), []);
    assert.deepEqual(checkRule(ruleId, base.replace('  end: 2027-10-29\n', '  end: 2027-02-30\n')), []);
    assert.deepEqual(checkRule(ruleId, base.replace('  end: 2027-10-29\n', '  end: 2027-01-01\n')), []);
  });

  it('still reports missing evidence as a warning when nothing is current at the start', () => {
    const text = fullWith([iso, iso.replace('2028-06-30', '2027-02-14')], [soc2, ''], [survey, '']);
    const d = one(text);
    assert.equal(severityName(d), 'warning');
    assert.match(String(d.message), /^No current security evidence for sensitive data: no certification is current on 2027-02-15/);
  });
});
