// security-attestation-missing: evidence that is not the vendor's attestation (issue 10). A
// penetration test is one test on some days, a SOC 2 bridge letter is the vendor's own letter, the
// cloud provider's certificates cover the provider, and plans written in a certificate's scope,
// notes or comments are plans; a certificate with its issuer or number counts whatever else its
// prose says. Messages, facts and ranges.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { factsOf, severityName } from '../support/analyze';
import { attestationRuleId, certificationsKey, oneAttestationFinding as one, onlyCertifications, soc2 } from '../support/attestation';
import { checkRule, fullWith } from '../support/ruleCheck';

const ruleId = attestationRuleId;

describe('security-attestation-missing: a penetration test is not an attestation', () => {
  it('says a pen test is point-in-time testing, not a certification, on the certifications key', () => {
    const d = one(onlyCertifications('    - { name: "Penetration test report (CREST, November 2026)", expires: 2027-11-30 }\n'));
    assert.equal(severityName(d), 'warning');
    assert.equal(
      d.message,
      'No current security evidence for sensitive data: a penetration test is point-in-time testing, not a certification of controls, and no security questionnaire is completed.',
    );
    assert.deepEqual(d.range, certificationsKey);
    assert.equal(
      factsOf(d)?.[1],
      "`Penetration test report (CREST, November 2026)` is a penetration test or scan: it shows what the testers found in the systems they tested on the days of the test. It does not certify the vendor's security controls or show that they keep operating, so it is not an attestation.",
    );
  });

  it('reads pen tests, scans and red-team exercises as people name them, even with a standard in the name', () => {
    for (const name of [
      'Annual pen-test (external)',
      'Pentest 2026',
      'PCI ASV scans (quarterly)',
      'Red team exercise report',
      'Vulnerability assessment, Q4 2026',
    ]) {
      const found = checkRule(ruleId, onlyCertifications(`    - { name: "${name}", expires: 2027-12-31 }\n`));
      assert.equal(found.length, 1, name);
      assert.ok(found[0]?.message.includes('point-in-time testing'), `${name}: ${found[0]?.message}`);
    }
  });

  it('says it in the plural, and falls back to "no certification is current" when the kinds differ', () => {
    assert.equal(
      checkRule(
        ruleId,
        onlyCertifications(
          '    - { name: Penetration test 2025, expires: 2026-12-31 }\n',
          '    - { name: Penetration test 2026, expires: 2027-12-31 }\n',
        ),
      )[0]?.message,
      'No current security evidence for sensitive data: penetration tests are point-in-time testing, not a certification of controls, and no security questionnaire is completed.',
    );
    assert.equal(
      checkRule(
        ruleId,
        onlyCertifications(
          '    - { name: Penetration test 2026, expires: 2027-12-31 }\n',
          '    - { name: ISO 9001, expires: 2028-12-31 }\n',
        ),
      )[0]?.message,
      'No current security evidence for sensitive data: no certification is current on 2027-02-15, and no security questionnaire is completed.',
    );
  });

  it('says a quality certificate (ISO 9001) or a SOC 2 Type I report is not current security evidence, in the singular and the plural', () => {
    const quality = one(onlyCertifications('    - { name: ISO 9001:2015, expires: 2028-12-31 }\n'));
    assert.equal(
      quality.message,
      'No current security evidence for sensitive data: a quality or other management-system certificate (such as ISO 9001) is not evidence of security controls, and no security questionnaire is completed.',
    );
    assert.deepEqual(quality.range, certificationsKey);
    assert.equal(
      checkRule(
        ruleId,
        onlyCertifications(
          '    - { name: ISO 9001, expires: 2028-12-31 }\n',
          '    - { name: ISO/IEC 20000-1 (IT service management), expires: 2028-06-30 }\n',
        ),
      )[0]?.message,
      'No current security evidence for sensitive data: quality and other management-system certificates (such as ISO 9001) are not evidence of security controls, and no security questionnaire is completed.',
    );
    assert.equal(
      one(onlyCertifications('    - { name: SOC 2 Type I, period_end: 2026-12-31 }\n')).message,
      'No current security evidence for sensitive data: a SOC 2 Type I report tests the design of controls on one date, not their operation over a period, and no security questionnaire is completed.',
    );
  });

  it('is no finding beside current evidence, and a certificate whose scope includes the annual pen test counts', () => {
    assert.deepEqual(checkRule(ruleId, fullWith([soc2, '    - { name: CREST penetration test, expires: 2027-11-30 }\n'])), []);
    assert.deepEqual(
      checkRule(
        ruleId,
        onlyCertifications(
          '    - { name: ISO/IEC 27001:2022, scope: "Development, including the annual penetration test", expires: 2028-06-30 }\n',
        ),
      ),
      [],
    );
  });
});

describe('security-attestation-missing: a SOC 2 bridge letter is not a report', () => {
  it('does not count a bridge letter dated into the start, and says why', () => {
    const d = one(
      onlyCertifications(
        '    - { name: SOC 2 Type II, period_end: 2025-06-30 }\n',
        '    - { name: SOC 2 bridge letter, period_end: 2026-12-31 }\n',
      ),
    );
    assert.deepEqual(d.range, certificationsKey);
    assert.equal(
      d.message,
      'No current security evidence for sensitive data: no certification is current on 2027-02-15, and no security questionnaire is completed.',
    );
    assert.equal(
      factsOf(d)?.[2],
      "`SOC 2 bridge letter` is a bridge letter: the vendor's own statement that its controls did not change in the months after a SOC 2 report's period, not an audited report. It does not count by itself; the SOC 2 Type II report it follows must be current.",
    );
  });

  it('names a bridge or gap letter alone in the message', () => {
    for (const name of ['SOC 2 Type II bridge letter', 'SOC2 gap letter (Jan-Mar 2027)', 'Bridging letter for the SOC 2 report']) {
      assert.equal(
        checkRule(ruleId, onlyCertifications(`    - { name: "${name}", period_end: 2027-01-31 }\n`))[0]?.message,
        "No current security evidence for sensitive data: a SOC 2 bridge letter is the vendor's own letter, not an audited report, and no security questionnaire is completed.",
        name,
      );
    }
  });
});

describe("security-attestation-missing: the cloud provider's certificate is not the vendor's", () => {
  it("says the vendor's own controls are uncovered when the certificate is the host's", () => {
    const d = one(onlyCertifications('    - { name: "Hosted on AWS, which is ISO 27001 certified", expires: 2028-06-30 }\n'));
    assert.deepEqual(d.range, certificationsKey);
    assert.equal(
      d.message,
      "No current security evidence for sensitive data: the certificate is AWS's, the cloud provider's, and covers none of the vendor's own controls, and no security questionnaire is completed.",
    );
    assert.equal(
      factsOf(d)?.[1],
      "`Hosted on AWS, which is ISO 27001 certified` is the cloud provider's certificate (AWS), not the vendor's: it covers AWS's data centres and platform, while the vendor's own controls (its staff, its access to your data, its code and operations) have no attestation.",
    );
  });

  it("reads the provider in the name, or a scope that is the provider's estate", () => {
    for (const item of [
      '{ name: Microsoft Azure SOC 2 Type II, period_end: 2026-12-31 }',
      '{ name: "ISO 27001 (via Google Cloud)", expires: 2028-06-30 }',
      '{ name: ISO/IEC 27001:2022, scope: Azure UK South data centres, expires: 2028-06-30 }',
      '{ name: SOC 2 Type II, scope: "Physical and network controls inherited from Amazon Web Services", period_end: 2026-12-31 }',
    ]) {
      const found = checkRule(ruleId, onlyCertifications(`    - ${item}\n`));
      assert.equal(found.length, 1, item);
      assert.ok(found[0]?.message.includes("the cloud provider's"), `${item}: ${found[0]?.message}`);
    }
  });

  it("keeps the vendor's own certificate that says where it works", () => {
    for (const item of [
      '{ name: ISO/IEC 27001:2022, scope: "Managed hosting and 24x7 operations on AWS eu-west-2", expires: 2028-06-30 }',
      '{ name: SOC 2 Type II, scope: Our platform hosted on Azure UK South, period_end: 2026-12-31 }',
      '{ name: "ISO 27017 for our AWS-hosted platform", expires: 2028-06-30 }',
    ])
      assert.deepEqual(checkRule(ruleId, onlyCertifications(`    - ${item}\n`)), [], item);
  });
});

describe('security-attestation-missing: plans in the scope, notes and comments', () => {
  it('reads a plan in the scope as a plan, whatever the expiry date, and says where it is written', () => {
    const d = one(
      onlyCertifications('    - { name: ISO 27001, scope: "Certification audit scheduled for Q3 2027", expires: 2028-09-30 }\n'),
    );
    assert.deepEqual(d.range, certificationsKey);
    assert.equal(
      factsOf(d)?.[1],
      '`ISO 27001`: its `scope` says "scheduled": that is the vendor\'s own claim or a step towards certification, not an independent attestation.',
    );
  });

  it('reads plans and claims in their phrasing, in names, scopes, unknown notes and comments', () => {
    for (const [item, claim] of [
      ['{ name: "ISO 27001 (targeting Q3 2027)", expires: 2028-09-30 }', 'targeting'],
      ['{ name: ISO 27001, scope: "Working towards certification", expires: 2028-09-30 }', 'Working towards'],
      ['{ name: SOC 2 Type II, scope: "Aligned with the Trust Services Criteria", period_end: 2026-12-31 }', 'Aligned'],
      ['{ name: ISO 27001, scope: "Compliant (self-assessed)", expires: 2028-09-30 }', 'self-assessed'],
      ['{ name: ISO 27001, notes: "Stage 2 audit planned for May", expires: 2028-09-30 }', 'planned'],
      ['{ name: Cyber Essentials Plus, scope: "Assessment in progress", expires: 2028-09-30 }', 'in progress'],
      ['{ name: ISO 27001, expires: 2028-09-30 }   # certification audit booked for June, not certified yet', 'booked'],
    ] as const) {
      const found = checkRule(ruleId, onlyCertifications(`    - ${item}\n`));
      assert.equal(found.length, 1, item);
      assert.ok(
        found[0]?.facts?.some((f) => f.includes(`says "${claim}"`)),
        `${item}: ${JSON.stringify(found[0]?.facts)}`,
      );
    }
  });

  it('reads the field a plan is written in: an unknown note and a comment', () => {
    const [fromNotes] = checkRule(
      ruleId,
      onlyCertifications('    - { name: ISO 27001, notes: "Certification planned for 2027", expires: 2028-09-30 }\n'),
    );
    assert.ok(
      fromNotes?.facts?.includes(
        '`ISO 27001`: its `notes` says "planned": that is the vendor\'s own claim or a step towards certification, not an independent attestation.',
      ),
    );
    const [fromComment] = checkRule(
      ruleId,
      onlyCertifications('    - { name: ISO 27001, expires: 2028-09-30 }   # audit scheduled for Q3\n'),
    );
    assert.ok(
      fromComment?.facts?.includes(
        '`ISO 27001`: its comment says "scheduled": that is the vendor\'s own claim or a step towards certification, not an independent attestation.',
      ),
    );
  });

  it('keeps words that describe the work covered, the renewal of a certificate held, or a certificate with its issuer', () => {
    for (const item of [
      '{ name: ISO/IEC 27001:2022, scope: "Planned and emergency change management, 24x7 operations", expires: 2028-06-30 }',
      '{ name: ISO/IEC 27001:2022, scope: "Hosting; next surveillance audit scheduled for September 2027", expires: 2028-06-30 }',
      '{ name: ISO/IEC 27001:2022, scope: Hosting, notes: "Transition audit booked; next annual audit scheduled for May 2027", expires: 2028-06-30 }',
      '{ name: "ISO/IEC 27001:2022 (certificate IS 745812, issued by BSI)", scope: "Scope aligned with the services in Schedule 2", expires: 2028-06-30 }',
      '{ name: "SOC 2 Type II, audited by Schellman", scope: "Next report expected in March", period_end: 2026-12-31 }',
      '{ name: ISO 27001, expires: 2028-06-30 }   # certificate checked on the UKAS directory, expected renewal 2028',
    ])
      assert.deepEqual(checkRule(ruleId, onlyCertifications(`    - ${item}\n`)), [], item);
  });

  it("does not let an issuer hide the vendor's own claim", () => {
    const [found] = checkRule(
      ruleId,
      onlyCertifications('    - { name: "ISO 27001 (self-assessed, verified by our CISO)", expires: 2028-06-30 }\n'),
    );
    assert.ok(found?.facts?.some((f) => f.includes('says "self-assessed"')));
  });
});

describe('security-attestation-missing: names read for the standard they are', () => {
  it('counts SOC 2 written as SOC II, a SOC 3 report and an ISAE 3000 Type II report', () => {
    for (const item of [
      '{ name: SOC II Type 2, period_end: 2026-12-31 }',
      '{ name: SOC 3 report, period_end: 2026-12-31 }',
      '{ name: ISAE 3000 Type II (information security), period_end: 2026-12-31 }',
    ])
      assert.deepEqual(checkRule(ruleId, onlyCertifications(`    - ${item}\n`)), [], item);
    const [typeOne] = checkRule(ruleId, onlyCertifications('    - { name: SOC II Type I, period_end: 2026-12-31 }\n'));
    assert.ok(typeOne?.facts?.some((f) => f.includes('tests the design of controls on one date')));
  });

  it('reads a claim about a law nobody certifies as a claim, and other names as naming no security attestation', () => {
    const [hipaa] = checkRule(ruleId, onlyCertifications('    - { name: HIPAA compliant, expires: 2028-12-31 }\n'));
    assert.equal(
      hipaa?.facts?.[1],
      '`HIPAA compliant` says "compliant": that is the vendor\'s own claim or a step towards certification, not an independent attestation.',
    );
    const [partner] = checkRule(ruleId, onlyCertifications('    - { name: AWS Advanced Tier Services Partner, expires: 2028-12-31 }\n'));
    assert.equal(
      partner?.facts?.[1],
      '`AWS Advanced Tier Services Partner` is not a security attestation: it names no independent security certificate or report (such as ISO/IEC 27001 or SOC 2 Type II), so it is not evidence of security controls.',
    );
  });
});
