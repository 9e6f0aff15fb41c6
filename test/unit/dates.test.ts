// Date arithmetic the schedule and evidence rules rely on: months clamp to the month's end, business
// days skip weekends, and a day never shifts with the machine's time zone.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addBusinessDays, addMonths, daysBetween, subtractBusinessDays } from '../../server/src/service/model';
import { checkRule as check, fullWith } from '../support/ruleCheck';

describe('addMonths', () => {
  it('clamps to the end of a shorter month instead of spilling into the next', () => {
    assert.equal(addMonths('2026-01-31', 1), '2026-02-28');
    assert.equal(addMonths('2028-01-31', 1), '2028-02-29');
    assert.equal(addMonths('2027-03-31', -1), '2027-02-28');
    assert.equal(addMonths('2028-02-29', -12), '2027-02-28');
    assert.equal(addMonths('2027-05-31', -13), '2026-04-30');
    assert.equal(addMonths('2027-01-15', 0), '2027-01-15');
  });
});

describe('business days and calendar days', () => {
  it('skips Saturdays and Sundays in both directions', () => {
    assert.equal(addBusinessDays('2027-03-05', 1), '2027-03-08'); // Friday + 1 -> Monday
    assert.equal(addBusinessDays('2027-03-06', 1), '2027-03-08'); // Saturday + 1 -> Monday
    assert.equal(addBusinessDays('2027-03-05', 10), '2027-03-19');
    assert.equal(subtractBusinessDays('2027-03-08', 1), '2027-03-05');
    assert.equal(subtractBusinessDays('2027-03-19', 10), '2027-03-05');
    assert.equal(addBusinessDays('2027-03-06', 0), '2027-03-06');
  });

  it('counts calendar days across a daylight-saving change and a leap day', () => {
    assert.equal(daysBetween('2027-03-27', '2027-03-29'), 2);
    assert.equal(daysBetween('2028-02-28', '2028-03-01'), 2);
    assert.equal(daysBetween('2027-03-01', '2027-02-28'), -1);
  });
});

describe('security-attestation-missing reads report age in calendar months', () => {
  it('a report whose period ended on the last day of the month twelve months back is still current', () => {
    // timeline.start 2028-02-29 minus 12 months is 2027-02-28; spilling over would give 2027-03-01.
    const text = fullWith(
      ['  start: 2027-02-15', '  start: 2028-02-29'],
      ['{ name: SOC 2 Type II, period_end: 2026-09-30 }', '{ name: SOC 2 Type II, period_end: 2027-02-28 }'],
      ['expires: 2028-06-30', 'expires: 2028-01-31'],
      ['  security_questionnaire: { type: SIG Lite, completed: 2027-01-25 }\n', ''],
    );
    assert.deepEqual(
      check('security-attestation-missing', text).map((f) => f.message),
      [],
    );
    const stale = check('security-attestation-missing', text.replace('period_end: 2027-02-28', 'period_end: 2027-02-27'));
    assert.equal(stale.length, 1);
  });
});
