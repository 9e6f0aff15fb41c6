// security-attestation-missing: evidence as vendors write it (issue 10). Dates under the keys people
// use (`valid_until`, `report_period_end`, a `period` range) or as a month; "SOC 2 Type 1 and Type 2";
// a plan written in a note; a certificate whose scope leaves out the team doing your work, or that
// is the parent company's; an ISO/IEC 27001:2013 certificate after the transition ended; a blank or
// missing questionnaire date. Messages, facts and ranges.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnosticsOf, factsOf } from '../support/analyze';
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

describe('security-attestation-missing: dates as vendors write them', () => {
  it('reads the expiry and period end under the keys people use, and a period written as a range', () => {
    for (const item of [
      '{ name: "ISO/IEC 27001:2022", valid_until: 2028-05-31 }',
      '{ name: ISO 27001, expiry_date: 2028-05-31 }',
      '{ name: ISO 27001, valid_to: "2028-05-31" }',
      '{ name: SOC 2 Type 2, report_period_end: 2026-09-30 }',
      '{ name: SOC 2 Type 2, period: 2025-10-01 to 2026-09-30 }',
    ])
      assert.deepEqual(checkRule(ruleId, onlyCertifications(`    - ${item}\n`)), [], item);
  });

  it('reads a month as its last day: a current one counts, a past one is stale', () => {
    for (const expires of ['2028-06', 'June 2028', 'Jun 2028'])
      assert.deepEqual(checkRule(ruleId, onlyCertifications(`    - { name: ISO 27001, expires: ${expires} }\n`)), [], expires);
    const d = one(onlyCertifications('    - { name: ISO 27001, expires: 2025-06 }\n'));
    assert.equal(d.message, noEvidence('no certification is current on 2027-02-15'));
    assert.deepEqual(d.range, certificationsKey);
    assert.equal(factsOf(d)?.[1], '`ISO 27001` expired on 2025-06-30, before 2027-02-15 (`timeline.start`).');
  });

  it('places the lapse before the end on the key the expiry is written under', () => {
    const [found] = checkRule(ruleId, onlyCertifications('    - { name: ISO 27001, valid_until: 2027-06-30 }\n'));
    assert.deepEqual(found?.path, ['vendor', 'certifications', 0, 'valid_until']);
    assert.equal(found?.severity, 'info');
  });
});

describe('security-attestation-missing: names and notes read for what they say', () => {
  it('counts a SOC 2 report named as both Type 1 and Type 2, and "SOC2 T2"; a Type 1 alone still does not', () => {
    for (const name of ['SOC 2 Type 1 and Type 2', 'SOC 2 Type I & II', 'SOC2 T2'])
      assert.deepEqual(checkRule(ruleId, onlyCertifications(`    - { name: ${name}, period_end: 2026-09-30 }\n`)), [], name);
    const d = one(onlyCertifications('    - { name: SOC 2 Type 1, period_end: 2026-09-30 }\n'));
    assert.equal(
      factsOf(d)?.[1],
      '`SOC 2 Type 1` tests the design of controls on one date, not their operation over a period; ask for a SOC 2 Type II report.',
    );
  });

  it('reads a plan written in a note about the certificate, without naming the certificate again', () => {
    const d = one(onlyCertifications('    - { name: Cyber Essentials Plus, expires: 2027-12-31, notes: "Planned for Q3 2027" }\n'));
    assert.equal(d.message, noEvidence('no certification is current on 2027-02-15'));
    assert.equal(
      factsOf(d)?.[1],
      '`Cyber Essentials Plus`: its `notes` says "Planned": that is the vendor\'s own claim or a step towards certification, not an independent attestation.',
    );
  });

  it('keeps a note about the next audit or the transition audit of a certificate held', () => {
    for (const notes of [
      'Next annual audit scheduled for 2027-05',
      'Transition audit booked for March',
      'Yearly surveillance audit planned',
    ])
      assert.deepEqual(
        checkRule(ruleId, onlyCertifications(`    - { name: ISO/IEC 27001:2022, expires: 2028-03-31, notes: "${notes}" }\n`)),
        [],
        notes,
      );
  });

  it('does not count an ISO/IEC 27001:2013 certificate after the transition to the 2022 version ended', () => {
    const d = one(onlyCertifications('    - { name: "ISO/IEC 27001:2013", expires: 2027-11-30 }\n'));
    assert.equal(d.message, noEvidence('an ISO/IEC 27001:2013 certificate ceased to be valid on 2025-10-31, whatever expiry it prints'));
    assert.equal(
      factsOf(d)?.[1],
      '`ISO/IEC 27001:2013` certifies the 2013 version of ISO/IEC 27001, whose certificates ceased to be valid on 2025-10-31 at the end of the transition to the 2022 version (IAF MD 26), whatever expiry it prints.',
    );
  });
});

describe('security-attestation-missing: a certificate that does not cover the work', () => {
  it('does not count a certificate whose scope leaves out the delivery team or the service', () => {
    const d = one(
      onlyCertifications(
        '    - { name: ISO/IEC 27001:2022, scope: "Head office IT, London; excludes the Lisbon delivery centre", expires: 2028-03-31 }\n',
      ),
    );
    assert.equal(d.message, noEvidence("the certificate's scope does not cover the vendor's team doing your work"));
    assert.deepEqual(d.range, certificationsKey);
    assert.equal(
      factsOf(d)?.[1],
      '`ISO/IEC 27001:2022`: its `scope` leaves out "Lisbon delivery centre", which is the team or service doing your work, so it does not cover the controls you rely on.',
    );
    const noted = one(onlyCertifications('    - { name: ISO 27001, expires: 2028-03-31, notes: "Managed services are out of scope" }\n'));
    assert.ok(factsOf(noted)?.[1]?.includes('its `notes` leaves out "Managed services"'), factsOf(noted)?.[1]);
  });

  it('keeps a certificate whose scope leaves out something else', () => {
    const item =
      '    - { name: ISO/IEC 27001:2022, scope: "Software development, hosting and support, excluding the Paris sales office", expires: 2028-03-31 }\n';
    assert.deepEqual(checkRule(ruleId, onlyCertifications(item)), []);
  });

  it("does not count the parent company's certificate unless its scope covers the subsidiaries", () => {
    const d = one(onlyCertifications('    - { name: "ISO/IEC 27001:2022 (held by our parent company)", expires: 2028-03-31 }\n'));
    assert.equal(d.message, noEvidence("the certificate's scope does not cover the vendor's team doing your work"));
    assert.equal(
      factsOf(d)?.[1],
      "`ISO/IEC 27001:2022 (held by our parent company)` is the certificate of the vendor's parent company, and nothing written says its scope covers the vendor or the team doing your work.",
    );
    const group = '    - { name: ISO 27001 group certificate, scope: "Group-wide ISMS covering all subsidiaries", expires: 2028-03-31 }\n';
    assert.deepEqual(checkRule(ruleId, onlyCertifications(group)), []);
  });
});

describe('security-attestation-missing: a questionnaire with no completion date', () => {
  it('reports a blank `completed` on its value, and a missing one on the questionnaire, when there is no certification', () => {
    const blank = fullWith([iso, ''], [soc2, ''], [survey, '  security_questionnaire: { type: SIG Lite, completed: "" }\n']);
    const d = one(blank);
    assert.equal(
      d.message,
      'No current security evidence for sensitive data: the questionnaire is not completed, and there is no certification.',
    );
    const line = blank.split('\n').findIndex((l) => l.includes('completed: ""'));
    const character = (blank.split('\n')[line] ?? '').indexOf('""');
    assert.deepEqual(d.range, { start: { line, character }, end: { line, character: character + 2 } });
    assert.equal(
      factsOf(d)?.[1],
      'The security questionnaire has no `completed` date, so it does not show the questionnaire was finished.',
    );
    const missing = fullWith([iso, ''], [soc2, ''], [survey, '  security_questionnaire:\n    type: CAIQ\n']);
    const m = one(missing);
    const key = missing.split('\n').findIndex((l) => l.startsWith('  security_questionnaire:'));
    assert.deepEqual(m.range, { start: { line: key, character: 2 }, end: { line: key, character: 24 } });
  });
});

describe('security-attestation-missing: evidence written as sentences', () => {
  it('reads certifications written as sentences for the dates their words name', () => {
    for (const item of ['ISO/IEC 27001:2022 (BSI, valid until 2028-09-30)', 'SOC 2 Type II, period ending 2026-06-30'])
      assert.deepEqual(checkRule(ruleId, onlyCertifications(`    - ${item}\n`)), [], item);
    const d = one(onlyCertifications('    - ISO 27001 certified (certificate expired 2026-11-30)\n    - Cyber Essentials Plus (2025)\n'));
    assert.equal(d.message, noEvidence('no certification is current on 2027-02-15'));
    assert.deepEqual(d.range, certificationsKey);
    assert.deepEqual(factsOf(d)?.slice(1), [
      '`ISO 27001 certified (certificate expired 2026-11-30)` expired on 2026-11-30, before 2027-02-15 (`timeline.start`).',
      '`Cyber Essentials Plus (2025)` has no `expires` or `period_end` date, so it cannot show it is current.',
    ]);
  });

  it('keeps the schema finding on a sentence item short enough to read, never cutting a parenthesis in two', () => {
    const text = onlyCertifications('    - ISO 27001 certified (certificate expired 2026-11-30, renewal audit not booked yet)\n');
    const [d, ...others] = diagnosticsOf('schema/type', text);
    assert.equal(others.length, 0);
    assert.equal(d?.message, '`vendor.certifications[0]` must be a mapping, not the text "ISO 27001 certified…".');
    assert.equal(d?.range.start.line, certificationsKey.start.line + 1);
  });

  it('reads a year alone as its last day', () => {
    assert.deepEqual(checkRule(ruleId, onlyCertifications('    - { name: ISO 27001, expires: 2028 }\n')), []);
    const d = one(onlyCertifications('    - { name: ISO 27001, expires: 2026 }\n'));
    assert.equal(factsOf(d)?.[1], '`ISO 27001` expired on 2026-12-31, before 2027-02-15 (`timeline.start`).');
  });

  it('reads a questionnaire written as a sentence: done with its date, or not finished', () => {
    const only = (line: string): string => fullWith([iso, ''], [soc2, ''], [survey, `  security_questionnaire: ${line}\n`]);
    for (const line of ['CAIQ v4 completed and sent back on 2026-11-02', 'CAIQ 2026-11-02'])
      assert.deepEqual(checkRule(ruleId, only(line)), [], line);
    const text = only('SIG Lite sent 2027-01-20, not yet answered');
    const d = one(text);
    assert.equal(
      d.message,
      'No current security evidence for sensitive data: the questionnaire is not completed, and there is no certification.',
    );
    const line = text.split('\n').findIndex((l) => l.startsWith('  security_questionnaire:'));
    assert.deepEqual(d.range, { start: { line, character: 2 }, end: { line, character: 24 } });
    assert.equal(
      factsOf(d)?.[1],
      'The security questionnaire is written as "SIG Lite sent 2027-01-20, not yet answered": it says "not yet", so it does not show the questionnaire was finished.',
    );
    assert.equal(
      factsOf(one(only('CAIQ')))?.[1],
      'The security questionnaire is written as "CAIQ": it names no date it was completed, so it does not show the questionnaire was finished.',
    );
  });

  it('reads a list of questionnaires for the latest one completed', () => {
    const text = fullWith(
      [iso, ''],
      [soc2, ''],
      [survey, '  security_questionnaire:\n    - { type: SIG Lite, completed: 2023-01-01 }\n    - { type: CAIQ, completed: 2026-12-01 }\n'],
    );
    assert.deepEqual(checkRule(ruleId, text), []);
  });
});
