// security-attestation-missing: attestations as vendors write them (issue 10, "findings a lead can
// trust"). Every common spelling of a real attestation counts; a plan, an expired or hosting
// provider's certificate, a scope that leaves out the service, and a certificate given only by its
// issue date are judged as a demanding procurement reviewer judges them. Messages, facts and ranges.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { factsOf } from '../support/analyze';
import { attestationRuleId, certificationsKey, oneAttestationFinding as one, onlyCertifications } from '../support/attestation';
import { checkRule } from '../support/ruleCheck';

const ruleId = attestationRuleId;
const counts = (item: string): boolean => checkRule(ruleId, onlyCertifications(`    - ${item}\n`)).length === 0;

describe('security-attestation-missing: spellings of a current attestation count', () => {
  it('reads each spelling as the attestation it names', () => {
    for (const item of [
      '{ name: "ISO/IEC 27001:2022", expires: 2028-01-31 }',
      '{ name: ISO27001, expires: 2028-01-31 }',
      '{ name: 27001 certified, expires: 2028-01-31 }',
      '{ name: SOC 2 Type 2, period_end: 2026-10-31 }',
      '{ name: SOC II Type II, period_end: 2026-10-31 }',
      '{ name: SOC2 T2, period_end: 2026-10-31 }',
      '{ name: Cyber Essentials Plus, expires: 2027-11-30 }',
      '{ name: PCI DSS v4.0 AoC, expires: 2027-11-30 }',
      '{ name: CSA STAR Level 2, expires: 2027-11-30 }',
      '{ name: TISAX AL3, expires: 2027-11-30 }',
      '{ name: BSI C5 Type 2, period_end: 2026-12-31 }',
      '{ name: HITRUST r2, expires: 2027-12-31 }',
      '{ name: ISMAP, expires: 2027-12-31 }',
      '{ name: ENS Alto, expires: 2027-12-31 }',
      '{ name: "HDS (Hébergeur de Données de Santé)", expires: 2027-12-31 }',
    ])
      assert.ok(counts(item), item);
  });

  it('reads an ISO/IEC 27001 certificate given by its issue date as running three years', () => {
    assert.ok(counts('{ name: ISO 27001, issued: 2025-04-01 }'));
    assert.ok(counts('{ name: Cyber Essentials Plus, certified_on: 2026-11-10 }'));
  });
});

describe('security-attestation-missing: what is not a current attestation', () => {
  it('reads plans, self-assessments and assessments under way as no attestation', () => {
    for (const item of [
      '{ name: ISO 27001 in progress, expires: 2027-12-31 }',
      '{ name: Working towards ISO 27001, expires: 2027-12-31 }',
      '{ name: ISO 27001 certification planned for 2027, expires: 2027-12-31 }',
      '{ name: Cyber Essentials Plus (under assessment), expires: 2027-12-31 }',
      '{ name: TISAX (being assessed), expires: 2027-12-31 }',
      '{ name: CSA STAR Level 1 self-assessment, expires: 2027-11-30 }',
    ])
      assert.ok(!counts(item), item);
  });

  it('says a certificate whose name says it expired is not current, whatever expiry it prints', () => {
    const d = one(onlyCertifications('    - { name: "ISO 27001 (expired June 2026)", expires: 2027-12-31 }\n'));
    assert.equal(
      d.message,
      'No current security evidence for sensitive data: the certificate is marked suspended, withdrawn or lapsed, and no security questionnaire is completed.',
    );
    assert.deepEqual(d.range, certificationsKey);
    assert.equal(
      factsOf(d)?.[1],
      '`ISO 27001 (expired June 2026)`: its name says "expired": a suspended, withdrawn or lapsed certificate is not current, whatever expiry it prints. Ask for the certification body\'s confirmation that it is valid again.',
    );
  });

  it('reads "hosting provider" as the provider\'s certificate, named or not, "our" or not', () => {
    const d = one(onlyCertifications('    - { name: Hosting provider is SOC 2 Type II, period_end: 2026-10-31 }\n'));
    assert.equal(
      d.message,
      "No current security evidence for sensitive data: the certificate is the hosting provider's and covers none of the vendor's own controls, and no security questionnaire is completed.",
    );
    assert.deepEqual(d.range, certificationsKey);
    assert.equal(
      factsOf(d)?.[1],
      "`Hosting provider is SOC 2 Type II` is the hosting provider's certificate, not the vendor's: it covers the provider's data centres and platform, while the vendor's own controls (its staff, its access to your data, its code and operations) have no attestation.",
    );
    assert.equal(
      one(onlyCertifications('    - { name: ISO 27001 (our hosting provider Hetzner), expires: 2027-12-31 }\n')).message,
      "No current security evidence for sensitive data: the certificate is Hetzner's, the cloud provider's, and covers none of the vendor's own controls, and no security questionnaire is completed.",
    );
    assert.ok(!counts('{ name: ISO 27001, scope: Hosting provider Equinix LD5 data centre, expires: 2027-12-31 }'));
    // "hosting operations" is the vendor's own work, not a provider.
    assert.ok(counts('{ name: ISO 27001, scope: "Cloud hosting operations, Leeds", expires: 2027-12-31 }'));
  });

  it('reads a scope that leaves out the service as not covering it', () => {
    assert.ok(!counts('{ name: ISO 27001, scope: "The service desk is out of scope", expires: 2027-12-31 }'));
    assert.ok(!counts('{ name: SOC 2 Type 2, scope: "Excludes the managed services", period_end: 2026-10-31 }'));
  });

  it("says a certificate given by an old issue date expired after its scheme's term", () => {
    const d = one(onlyCertifications('    - { name: Cyber Essentials Plus, certified: 2025-11-10 }\n'));
    assert.equal(
      d.message,
      'No current security evidence for sensitive data: no certification is current on 2027-02-15, and no security questionnaire is completed.',
    );
    assert.deepEqual(d.range, certificationsKey);
    assert.equal(
      factsOf(d)?.[1],
      '`Cyber Essentials Plus` was issued 2025-11-10 (`certified`); Cyber Essentials certificates run 1 year, so it expired on 2026-11-09, before 2027-02-15 (`timeline.start`).',
    );
  });

  it('does not date a SOC 2 report by its issue date, nor a scheme with no fixed term', () => {
    assert.ok(!counts('{ name: SOC 2 Type 2, issued: 2026-12-15 }'));
    assert.ok(!counts('{ name: NEN 7510, issued: 2026-12-15 }'));
  });
});

describe('security-attestation-missing: certifications written under other keys and shapes', () => {
  /** The full example with its certifications written as `to` (the key line included), and no other evidence. */
  const withCertifications = (to: string): string => onlyCertifications().replace('  certifications:\n', to);

  it('reads `attestations` and `certificates` as the certifications, there', () => {
    assert.deepEqual(checkRule(ruleId, withCertifications('  attestations:\n    - { name: ISO 27001, expires: 2028-01-31 }\n')), []);
    const expired = one(withCertifications('  certificates:\n    - { name: ISO 27001, expires: 2026-01-31 }\n'));
    assert.equal(
      expired.message,
      'No current security evidence for sensitive data: no certification is current on 2027-02-15, and no security questionnaire is completed.',
    );
    assert.deepEqual(expired.range, { start: { line: 23, character: 2 }, end: { line: 23, character: 14 } });
  });

  it('reads a mapping of names to dates or records entry by entry', () => {
    assert.deepEqual(checkRule(ruleId, withCertifications('  certifications:\n    ISO 27001: 2028-01-31\n')), []);
    assert.deepEqual(
      checkRule(
        ruleId,
        withCertifications('  certifications:\n    ISO 27001: 2026-01-31\n    SOC 2 Type II: { period_end: 2026-10-31 }\n'),
      ),
      [],
    );
    const d = one(withCertifications('  certifications:\n    ISO 27001: { expires: 2026-01-31 }\n'));
    assert.equal(factsOf(d)?.[1], '`ISO 27001` expired on 2026-01-31, before 2027-02-15 (`timeline.start`).');
    assert.deepEqual(d.range, certificationsKey);
  });

  it('reads an expiry under keys that say so, and a validity range by its last day', () => {
    assert.ok(counts('{ name: ISO 27001, certificate_expiry: 2028-01-31 }'));
    assert.ok(counts('{ name: ISO 27001, valid: 2025-02-01 to 2028-01-31 }'));
    const d = one(onlyCertifications('    - { name: ISO 27001, validity: 2025-02-01 to 2026-01-31 }\n'));
    assert.equal(factsOf(d)?.[1], '`ISO 27001` expired on 2026-01-31, before 2027-02-15 (`timeline.start`).');
  });
});
