// security-personal-data-without-dpa (issue 10): what a comment beside the DPA says, and a HIPAA
// Business Associate Agreement recorded under its own key. A comment can only add doubt: one that
// says the DPA is still to come makes it not signed, a date in a comment is not the record of the
// signature; a BAA is the processing agreement for US health data, and not a GDPR Art. 28 contract.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnosticsOf, factsOf, onlyDiagnostic, rangeOfNeedle, severityName } from '../support/analyze';
import { fullWith } from '../support/ruleCheck';

const ruleId = 'security-personal-data-without-dpa';
const dpaLine = '  dpa: { signed: true, date: 2027-02-01 }\n';

const found = (text: string, code = ruleId): Diagnostic[] => diagnosticsOf(code, text);
const one = (text: string): Diagnostic => onlyDiagnostic(ruleId, text);
const rangeOf = rangeOfNeedle;
const withDpa = (block: string, ...more: (readonly [string, string])[]): string => fullWith([dpaLine, block], ...more);

describe('security-personal-data-without-dpa: a comment beside the DPA', () => {
  it('reads `dpa: true  # TBC - still with legal` as not signed, on the value, as an error', () => {
    const text = withDpa('  dpa: true   # TBC - still with legal\n');
    const d = one(text);
    assert.equal(severityName(d), 'error');
    assert.equal(
      d.message,
      'The DPA is marked signed, but the comment on its line says "TBC": it counts as not signed, and the vendor will process personal data.',
    );
    assert.deepEqual(d.range, rangeOf(text, 'true', '  dpa:'));
  });

  it('reads a comment on `signed` that the DPA awaits countersignature as not signed', () => {
    const text = withDpa('  dpa:\n    signed: true   # awaiting countersignature from the vendor\n    date: 2027-02-01\n');
    const d = one(text);
    assert.equal(
      d.message,
      'The DPA is marked signed, but the comment on its line says "awaiting": it counts as not signed, and the vendor will process personal data.',
    );
    assert.deepEqual(d.range, rangeOf(text, 'true', '  dpa:'));
  });

  it('does not read a comment that only adds detail, or a bare "no" beside "signed", as doubt', () => {
    assert.deepEqual(found(withDpa('  dpa: { signed: true, date: 2027-02-01 }   # UK GDPR Art. 28 terms, countersigned by our DPO\n')), []);
    assert.deepEqual(found(withDpa('  dpa: { signed: true, date: 2027-02-01 }   # signed by both; no changes since\n')), []);
  });

  it('does not take a date in a comment as the signature date, and says where to write it', () => {
    const text = withDpa('  dpa: { signed: true }   # signed 2027-02-03 by both parties\n');
    const d = one(text);
    assert.equal(severityName(d), 'warning');
    assert.equal(
      d.message,
      'The DPA is marked signed, but it has no date: nothing shows it was signed before work starts on 2027-02-15 (`timeline.start`).',
    );
    assert.deepEqual(d.range, rangeOf(text, 'dpa', '  dpa:'));
    assert.deepEqual(factsOf(d), [
      'The comment on its line names 2027-02-03, but a comment is not a record of the signature: write it as `date: 2027-02-03`.',
      'Record the day both parties signed as `date: YYYY-MM-DD`; until then, keep personal data away from the vendor.',
    ]);
  });
});

describe('security-personal-data-without-dpa: a HIPAA Business Associate Agreement', () => {
  const us = [
    ['  data_location: [EU]\n', '  data_location: [US]\n'],
    ['  currency: EUR\n', '  currency: USD\n'],
  ] as const;

  it('reads `baa` as the processing agreement for a US buyer’s data in the US', () => {
    assert.deepEqual(found(withDpa('  baa: { signed: true, date: 2027-02-01 }\n', ...us)), []);
    const text = withDpa('  business_associate_agreement: { signed: false }\n', ...us);
    const d = one(text);
    assert.equal(d.message, 'The data processing agreement is not signed yet: the vendor will process personal data (`signed: false`).');
    assert.deepEqual(d.range, rangeOf(text, 'false', '  business_associate'));
  });

  it('says a BAA is not a GDPR Art. 28 contract for personal data under European law', () => {
    const text = withDpa('  baa: { signed: true, date: 2027-02-01 }\n');
    const d = one(text);
    assert.equal(severityName(d), 'error');
    assert.equal(
      d.message,
      'A HIPAA Business Associate Agreement is recorded, but the data is also held in the EU: a BAA is not the processing contract GDPR Art. 28(3) requires.',
    );
    assert.deepEqual(d.range, rangeOf(text, 'baa'));
  });
});
