// security-attestation-missing: evidence read for what it is (issue 10). A security standard named
// with the vendor's own claim or a step on the way is not an attestation; a report period or a
// questionnaire dated after both the start and today does not exist yet. Messages, facts and ranges.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { factsOf, severityName } from '../support/analyze';
import {
  attestationRuleId,
  certificationsKey,
  iso,
  oneAttestationFinding as one,
  onlyCertifications as onlyCertification,
  soc2,
  survey,
} from '../support/attestation';
import { checkRule, fullWith } from '../support/ruleCheck';

const ruleId = attestationRuleId;

describe('security-attestation-missing: claims and plans are not evidence', () => {
  it('reads "ISO 27001 compliant (self-assessed)" as the vendor\'s claim, on the certifications key', () => {
    const d = one(onlyCertification('    - { name: ISO 27001 compliant (self-assessed), expires: 2028-12-31 }\n'));
    assert.equal(severityName(d), 'warning');
    assert.equal(
      d.message,
      'No current security evidence for sensitive data: no certification is current on 2027-02-15, and no security questionnaire is completed.',
    );
    assert.deepEqual(d.range, certificationsKey);
    assert.equal(
      factsOf(d)?.[1],
      '`ISO 27001 compliant (self-assessed)` says "compliant": that is the vendor\'s own claim or a step towards certification, not an independent attestation.',
    );
  });

  it('reads claims and steps in their inflections and phrasing', () => {
    for (const [name, claim] of [
      ['SOC 2 Type II aligned controls', 'aligned'],
      ['Aligns with ISO/IEC 27001', 'Aligns'],
      ['ISO 27001 self-assessment', 'self-assessment'],
      ['ISO 27001 readiness assessment', 'readiness'],
      ['ISO 27001 gap analysis (2026)', 'gap analysis'],
      ['ISO/IEC 27001 certification in progress', 'in progress'],
      ['Working towards ISO 27001', 'Working towards'],
      ['ISO 27001 stage 1 audit passed', 'stage 1'],
      ['PCI DSS (certification pending)', 'pending'],
    ] as const) {
      const found = checkRule(ruleId, onlyCertification(`    - { name: "${name}", expires: 2028-12-31 }\n`));
      assert.equal(found.length, 1, name);
      assert.ok(
        found[0]?.facts?.some((f) => f.includes(`says "${claim}"`)),
        `${name}: ${JSON.stringify(found[0]?.facts)}`,
      );
    }
  });

  it('keeps certificates held, whatever their renewal or an assessor-signed compliance document says', () => {
    for (const name of [
      'ISO/IEC 27001:2022 (recertification in progress)',
      'ISO 27001 (renewal pending)',
      'PCI DSS Attestation of Compliance',
      'SOC 2 Type 2',
      'ISO/IEC 27001 certified',
    ]) {
      assert.deepEqual(checkRule(ruleId, onlyCertification(`    - { name: "${name}", expires: 2028-12-31 }\n`)), [], name);
    }
  });

  it('does not count a SOC 2 period that ends after the start and today: the report does not exist yet', () => {
    const d = one(fullWith([iso, ''], [soc2, '    - { name: SOC 2 Type II, period_end: 2027-06-30 }\n'], [survey, '']));
    assert.deepEqual(d.range, certificationsKey);
    assert.equal(
      factsOf(d)?.[1],
      '`SOC 2 Type II`: the period ends 2027-06-30, after 2027-02-15 (`timeline.start`), so the report does not exist yet when work begins.',
    );
    // A period that ended before the start is a report in hand.
    assert.deepEqual(
      checkRule(ruleId, fullWith([iso, ''], [soc2, '    - { name: SOC 2 Type II, period_end: 2027-01-31 }\n'], [survey, ''])),
      [],
    );
  });

  it('does not count a questionnaire completed after the start and today, and lands on it with no certification', () => {
    const text = fullWith(
      ['  certifications:\n', ''],
      [iso, ''],
      [soc2, ''],
      [survey, '  security_questionnaire: { type: SIG Lite, completed: 2027-03-31 }\n'],
    );
    const d = one(text);
    assert.equal(
      d.message,
      'No current security evidence for sensitive data: the questionnaire is not completed yet (its `completed` date 2027-03-31 is after work starts and today), and there is no certification.',
    );
    assert.equal(d.range.start.line, 23);
    assert.equal(
      factsOf(d)?.[1],
      "The security questionnaire's `completed` date 2027-03-31 is after 2027-02-15 (`timeline.start`) and today: it is not filled in yet, so it is not evidence when work begins.",
    );
    // Completed after today but before the start (the example's 2027-01-25): evidence at the start.
    assert.deepEqual(checkRule(ruleId, fullWith([iso, ''], [soc2, ''])), []);
    // After the start but before today (a scope revised during the work): the answers exist.
    assert.deepEqual(
      checkRule(ruleId, fullWith([iso, ''], [soc2, ''], [survey, survey.replace('2027-01-25', '2027-03-31')]), { today: '2027-04-15' }),
      [],
    );
  });
});
