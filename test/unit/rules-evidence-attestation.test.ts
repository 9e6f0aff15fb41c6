// security-attestation-missing: evidence dates as leads write them (a date and time, a month, a
// date that cannot be read), a questionnaire years old or completed in the future, SOC 2 Type I,
// ISO/IEC 27001:2013, and a certificate that expires during the project: the message and range a
// user sees, one certificate or several.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { factsOf, severityName } from '../support/analyze';
import {
  attestationRuleId,
  certificationsKey,
  iso,
  oneAttestationFinding as one,
  onlyCertifications,
  soc2,
  survey,
} from '../support/attestation';
import { checkRule, fullWith } from '../support/ruleCheck';

const ruleId = attestationRuleId;
const noEvidence = (what: string): string =>
  `No current security evidence for sensitive data: ${what}, and no security questionnaire is completed.`;
/** The example with only this questionnaire line as evidence. */
const onlySurvey = (line: string): string => fullWith(['  certifications:\n', ''], [iso, ''], [soc2, ''], [survey, line]);
/** The range of the `security_questionnaire` key (0-based line 23 once the certifications are gone). */
const surveyKey = { start: { line: 23, character: 2 }, end: { line: 23, character: 24 } };

describe('security-attestation-missing: dates that cannot be read are not evidence (fail safe)', () => {
  it('does not count a certificate whose expiry is "TBC", day-first or impossible, and says which date it could not read', () => {
    for (const written of ['TBC', '30/06/2028', '2028-02-30']) {
      const d = one(onlyCertifications(`    - name: ISO 27001   # Bureau Veritas\n      expires: ${written}\n`));
      assert.equal(d.message, noEvidence('the certification has no readable `expires` or `period_end` date'), written);
      assert.equal(severityName(d), 'warning');
      assert.deepEqual(d.range, certificationsKey, written);
      assert.equal(
        factsOf(d)?.[1],
        `\`ISO 27001\`: its \`expires\` "${written}" is not a date (write YYYY-MM-DD), so it cannot show it is current.`,
        written,
      );
    }
  });

  it('says "no certification has a readable date" when there are several, and names each in the facts', () => {
    const d = one(onlyCertifications('    - ISO 27001\n    - { name: SOC 2 Type II, period_end: Q3 2026 }\n'));
    assert.equal(d.message, noEvidence('no certification has a readable `expires` or `period_end` date'));
    assert.deepEqual(factsOf(d)?.slice(1), [
      '`ISO 27001` has no `expires` or `period_end` date, so it cannot show it is current.',
      '`SOC 2 Type II`: its `period_end` "Q3 2026" is not a date (write YYYY-MM-DD), so it cannot show it is current.',
    ]);
  });

  it('still counts an unreadable certificate beside current evidence as nothing, not as a reason to stay silent', () => {
    assert.deepEqual(
      checkRule(ruleId, fullWith([iso, '    - { name: ISO 27001, expires: TBC }\n'])),
      [],
      'the SOC 2 report and questionnaire are current',
    );
  });
});

describe('security-attestation-missing: a date and time, a month', () => {
  it('reads an expiry written as a date and time by its day: the info finding fires on it', () => {
    const text = onlyCertifications('    - name: ISO/IEC 27001:2022\n      expires: 2027-06-30T23:59:59Z\n');
    const d = one(text);
    assert.equal(severityName(d), 'info');
    assert.equal(
      d.message,
      '`ISO/IEC 27001:2022` expires before the project ends: on 2027-06-30, the end is 2027-10-29 (`timeline.end`), and no other evidence lasts longer.',
    );
    assert.deepEqual(d.range, { start: { line: 25, character: 15 }, end: { line: 25, character: 35 } });
  });

  it('reads a questionnaire completed as a date and time, or in a month, as completed', () => {
    for (const completed of ['2026-11-02T10:00:00Z', 'November 2026'])
      assert.deepEqual(
        checkRule(ruleId, onlySurvey(`  security_questionnaire: { type: SIG Lite, completed: ${completed} }\n`)),
        [],
        completed,
      );
  });

  it('reads a month by its first day for its age: "February 2026" is over 12 months before a start of 2027-02-15', () => {
    const d = one(onlySurvey('  security_questionnaire: { type: CAIQ Lite, completed: February 2026 }\n'));
    assert.equal(
      d.message,
      'No current security evidence for sensitive data: the questionnaire is over 12 months old on 2027-02-15, and there is no certification.',
    );
    assert.equal(
      factsOf(d)?.[1],
      'The security questionnaire was completed February 2026, more than 12 months before 2027-02-15 (`timeline.start`): answers that old no longer describe the vendor.',
    );
  });
});

describe('security-attestation-missing: a questionnaire years old or completed in the future', () => {
  it('says a questionnaire completed years ago is over 12 months old, on the questionnaire', () => {
    const d = one(onlySurvey('  security_questionnaire: { type: SIG Lite, completed: 2023-05-01 }   # from the 2023 tender\n'));
    assert.equal(
      d.message,
      'No current security evidence for sensitive data: the questionnaire is over 12 months old on 2027-02-15, and there is no certification.',
    );
    assert.deepEqual(d.range, surveyKey);
  });

  it('says a questionnaire dated after the start and today is not completed yet, with its date', () => {
    const d = one(onlySurvey('  security_questionnaire:\n    type: CAIQ\n    completed: 2027-06-01   # promised for June\n'));
    assert.equal(
      d.message,
      'No current security evidence for sensitive data: the questionnaire is not completed yet (its `completed` date 2027-06-01 is after work starts and today), and there is no certification.',
    );
    assert.deepEqual(d.range, surveyKey);
    assert.equal(
      factsOf(d)?.[1],
      "The security questionnaire's `completed` date 2027-06-01 is after 2027-02-15 (`timeline.start`) and today: it is not filled in yet, so it is not evidence when work begins.",
    );
  });

  it('with an expired certificate beside it, names both', () => {
    const text = fullWith(
      [iso, '    - { name: ISO 27001, expires: 2026-06-30 }\n'],
      [soc2, ''],
      [survey, '  security_questionnaire: { type: SIG Lite, completed: 2027-06-01 }\n'],
    );
    assert.equal(
      one(text).message,
      'No current security evidence for sensitive data: no certification is current on 2027-02-15, and the questionnaire is not completed yet (its `completed` date 2027-06-01 is after work starts and today).',
    );
  });
});

describe('security-attestation-missing: ISO/IEC 27001:2013, SOC 2 Type I, one or several', () => {
  it('says why an ISO/IEC 27001:2013 certificate does not count, in the singular and the plural', () => {
    const single = one(onlyCertifications('    - { name: ISO 27001:2013, expires: 2028-03-31 }\n'));
    assert.equal(
      single.message,
      noEvidence('an ISO/IEC 27001:2013 certificate ceased to be valid on 2025-10-31, whatever expiry it prints'),
    );
    const both = one(
      onlyCertifications(
        '    - { name: ISO 27001:2013, expires: 2028-03-31 }\n    - { name: "ISO/IEC 27001:2013 (Lisbon)", expires: 2027-12-31 }\n',
      ),
    );
    assert.equal(both.message, noEvidence('ISO/IEC 27001:2013 certificates ceased to be valid on 2025-10-31, whatever expiry they print'));
    assert.equal(factsOf(both)?.length, 3);
    assert.deepEqual(checkRule(ruleId, onlyCertifications('    - { name: ISO/IEC 27001:2022, expires: 2028-03-31 }\n')), []);
  });

  it('mixes kinds into "no certification is current" (a 2013 certificate and an expired one)', () => {
    const d = one(
      onlyCertifications('    - { name: ISO 27001:2013, expires: 2028-03-31 }\n    - { name: PCI DSS v4.0, expires: 2026-12-31 }\n'),
    );
    assert.equal(d.message, noEvidence('no certification is current on 2027-02-15'));
  });

  it('says a SOC 2 Type I report tests design on one date, for one report or several', () => {
    assert.equal(
      one(onlyCertifications('    - name: SOC 2 Type I\n      period_end: 2026-10-31\n')).message,
      noEvidence('a SOC 2 Type I report tests the design of controls on one date, not their operation over a period'),
    );
    assert.equal(
      one(
        onlyCertifications(
          '    - { name: SOC 2 Type I, period_end: 2026-10-31 }\n    - { name: SOC 2 Type 1 (platform team), period_end: 2026-06-30 }\n',
        ),
      ).message,
      noEvidence('SOC 2 Type I reports test the design of controls on one date, not their operation over a period'),
    );
  });

  it('notes at info a certificate expiring during the project, beside a Type I report that does not count', () => {
    const text = onlyCertifications(
      '    - { name: SOC 2 Type I, period_end: 2026-10-31 }\n    - { name: ISO 27001, expires: 2027-05-31 }\n',
    );
    const d = one(text);
    assert.equal(severityName(d), 'info');
    assert.equal(
      d.message,
      '`ISO 27001` expires before the project ends: on 2027-05-31, the end is 2027-10-29 (`timeline.end`), and no other evidence lasts longer.',
    );
    assert.deepEqual(d.range, { start: { line: 25, character: 34 }, end: { line: 25, character: 44 } });
    assert.equal(factsOf(d)?.[0], 'The last 151 days of the project have no current security attestation.');
  });

  it('counts the others that expire earlier: one certificate, or several', () => {
    const three = onlyCertifications(
      '    - { name: ISO/IEC 27001:2022, expires: 2027-06-30 }\n    - { name: CSA STAR Level 2, expires: 2027-04-30 }\n    - { name: PCI DSS, expires: 2027-03-31 }\n',
    );
    assert.equal(
      one(three).message,
      '`ISO/IEC 27001:2022` expires before the project ends: on 2027-06-30, the end is 2027-10-29 (`timeline.end`), and the other 2 certificates expire earlier.',
    );
  });
});

describe('security-attestation-missing: a certificate marked suspended, withdrawn or lapsed', () => {
  it('does not count it, whatever expiry it prints, and quotes where it says so (a status, a note, a comment)', () => {
    for (const [item, said] of [
      ['    - { name: ISO 27001, expires: 2028-06-30, status: Suspended }\n', 'its `status` says "Suspended"'],
      [
        '    - name: ISO 27001\n      expires: 2028-06-30\n      notes: Certificate withdrawn by BSI in November 2026 after a major nonconformity\n',
        'its `notes` says "withdrawn"',
      ],
      ['    - name: ISO 27001\n      expires: 2028-06-30   # lapsed, renewal audit failed\n', 'its comment says "lapsed"'],
    ] as const) {
      const d = one(onlyCertifications(item));
      assert.equal(d.message, noEvidence('the certificate is marked suspended, withdrawn or lapsed'), item);
      assert.deepEqual(d.range, certificationsKey, item);
      assert.equal(
        factsOf(d)?.[1],
        `\`ISO 27001\`: ${said}: a suspended, withdrawn or lapsed certificate is not current, whatever expiry it prints. Ask for the certification body's confirmation that it is valid again.`,
        item,
      );
    }
  });

  it('says so in the plural for several, and keeps counting one that was reinstated or a scope about suspended accounts', () => {
    const both = one(
      onlyCertifications(
        '    - { name: ISO 27001, expires: 2028-06-30, status: Suspended }\n    - { name: PCI DSS, expires: 2028-01-31, status: Lapsed }\n',
      ),
    );
    assert.equal(both.message, noEvidence('the certificates are marked suspended, withdrawn or lapsed'));
    assert.deepEqual(
      checkRule(
        ruleId,
        onlyCertifications('    - { name: ISO 27001, expires: 2028-06-30, notes: "Suspended in 2026, reinstated by BSI on 2026-12-01" }\n'),
      ),
      [],
    );
    assert.deepEqual(
      checkRule(
        ruleId,
        onlyCertifications(
          '    - { name: ISO/IEC 27001:2022, scope: "Service desk, including handling of suspended user accounts", expires: 2028-06-30 }\n',
        ),
      ),
      [],
    );
  });
});

describe('security-attestation-missing: a questionnaire completed, written other ways', () => {
  it('reads `completed_on`, a `status` that says done beside a `date`, and "Yes (2026-11-02)"', () => {
    for (const line of [
      '  security_questionnaire: { type: SIG Lite, completed_on: 2026-11-02 }\n',
      '  security_questionnaire: { type: SIG Lite, status: Completed, date: 2026-11-02 }\n',
      '  security_questionnaire: { type: SIG Lite, completed: "Yes (2026-11-02)" }\n',
    ])
      assert.deepEqual(checkRule(ruleId, onlySurvey(line)), [], line);
  });

  it('does not read a `status` that says it is pending as done, and says the questionnaire is not completed', () => {
    const d = one(onlySurvey('  security_questionnaire: { type: SIG Lite, status: Sent - awaiting answers, date: 2026-11-02 }\n'));
    assert.equal(
      d.message,
      'No current security evidence for sensitive data: the questionnaire is not completed, and there is no certification.',
    );
    assert.deepEqual(d.range, surveyKey);
  });
});

describe('security-attestation-missing: evidence that says there is none', () => {
  it('reads "None", "N/A" and "TBD" as no certification or questionnaire on record, not as a certificate that fails', () => {
    const none = one(
      fullWith([`  certifications:\n${iso}${soc2}${survey}`, '  certifications: None\n  security_questionnaire: N/A   # not asked\n']),
    );
    assert.equal(
      none.message,
      'No security evidence for sensitive data: the vendor has no certification, attestation report or completed questionnaire on record.',
    );
    assert.deepEqual(none.range, certificationsKey);
    assert.deepEqual(factsOf(none)?.slice(1), ['`certifications` says "None": no certification is on record.']);
    const listed = one(onlyCertifications('    - N/A\n'));
    assert.equal(listed.message, none.message);
    assert.deepEqual(factsOf(listed)?.slice(1), ['`certifications` says "N/A": no certification is on record.']);
  });

  it('with a placeholder beside a real certificate, judges the certificate', () => {
    const d = one(onlyCertifications('    - TBD\n    - { name: ISO 27001, expires: 2026-06-30 }\n'));
    assert.equal(d.message, noEvidence('no certification is current on 2027-02-15'));
  });
});
