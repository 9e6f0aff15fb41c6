// security-personal-data-without-dpa: the DPA read as leads write it. `signed` in words, the DPA
// as a sentence, a date that is a month, a date and time, missing or unreadable: the message and the
// range a user sees, and the fail-safe reading (what does not say signed is not signed).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { readEvidenceDate, readSignature } from '../../server/src/service/evidence';
import { diagnosticsOf, factsOf, onlyDiagnostic, rangeOfNeedle, resolvedFixesOf } from '../support/analyze';
import { fullWith } from '../support/ruleCheck';

const ruleId = 'security-personal-data-without-dpa';
const dpaLine = '  dpa: { signed: true, date: 2027-02-01 }\n';

const found = (text: string, code = ruleId): Diagnostic[] => diagnosticsOf(code, text);
const one = (text: string): Diagnostic => onlyDiagnostic(ruleId, text);
const rangeOf = rangeOfNeedle;
const withDpa = (block: string): string => fullWith([dpaLine, block]);

describe('security-personal-data-without-dpa: a DPA that is not signed yet, in words', () => {
  it('reads `signed: To be signed before kickoff` as not signed, and quotes it', () => {
    const text = withDpa('  dpa:\n    signed: To be signed before kickoff   # legal have the draft\n    date: null\n');
    const d = one(text);
    assert.equal(
      d.message,
      'The data processing agreement is not signed yet: the vendor will process personal data, and `signed` says "To be signed before kickoff".',
    );
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, rangeOf(text, 'To be signed before kickoff'));
    assert.deepEqual(factsOf(d), [
      'Set `signed: true` and its `date` once both parties have signed, before the vendor touches personal data.',
    ]);
    // The rule's finding says more than the schema's type error on the same value, which it replaces.
    assert.deepEqual(found(text, 'schema/type'), []);
  });

  it('reads a DPA written as a sentence ("In negotiation with Northwind legal") as not signed', () => {
    const text = withDpa('  dpa: In negotiation with Northwind legal\n');
    const d = one(text);
    assert.equal(
      d.message,
      'The data processing agreement is not signed yet: the vendor will process personal data, and the DPA says "In negotiation with Northwind legal".',
    );
    assert.deepEqual(d.range, rangeOf(text, 'In negotiation with Northwind legal'));
  });

  it('reads `signed: No`, "pending" and "Signed by vendor, awaiting our countersignature" as not signed', () => {
    for (const [value, quoted] of [
      ['No', 'No'],
      ['pending', 'pending'],
      ['"Signed by vendor, awaiting our countersignature"', 'Signed by vendor, awaiting our countersignature'],
    ] as const) {
      const text = withDpa(`  dpa: { signed: ${value}, date: null }\n`);
      const d = one(text);
      assert.equal(
        d.message,
        `The data processing agreement is not signed yet: the vendor will process personal data, and \`signed\` says "${quoted}".`,
        value,
      );
      assert.deepEqual(d.range, rangeOf(text, value, '  dpa:'), value);
    }
  });

  it('counts a `signed` that says neither signed nor not (a number, "see contract") as not signed, and says so', () => {
    const text = withDpa('  dpa: { signed: see master contract, date: 2027-02-01 }\n');
    const d = one(text);
    assert.equal(
      d.message,
      'The vendor will process personal data, but the DPA\'s `signed` says "see master contract", which does not say it is signed: it counts as not signed.',
    );
    assert.deepEqual(d.range, rangeOf(text, 'see master contract'));
  });

  it('says `dpa: false` as written, and `signed:` left blank as unstated, with a fix that fills the blank', () => {
    assert.equal(
      one(withDpa('  dpa: false\n')).message,
      'The data processing agreement is not signed yet: the vendor will process personal data (`dpa: false`).',
    );
    const text = withDpa('  dpa:\n    signed:\n    date: 2027-02-01\n');
    const d = one(text);
    assert.equal(d.message, 'The vendor will process personal data, but the DPA does not say whether it is signed.');
    assert.deepEqual(d.range, rangeOf(text, 'signed', '    signed:'), 'on the key: the value is blank');
    const [fix] = resolvedFixesOf(d);
    assert.equal(fix?.title, 'Add `signed: false` to the DPA');
  });

  it('reads a `status` written instead of `signed`: "Draft v3 with our DPO" is not signed, "Signed" is', () => {
    const text = withDpa('  dpa: { status: Draft v3 with our DPO, date: null }\n');
    const d = one(text);
    assert.equal(
      d.message,
      'The data processing agreement is not signed yet: the vendor will process personal data, and `status` says "Draft v3 with our DPO".',
    );
    assert.deepEqual(d.range, rangeOf(text, 'Draft v3 with our DPO'));
    assert.deepEqual(found(withDpa('  dpa: { status: Signed, date: 2027-02-01 }\n')), []);
  });

  it('takes "Yes" and "Signed 2027-02-01" at their word: no DPA finding (the schema reports the form)', () => {
    assert.deepEqual(found(withDpa('  dpa: { signed: Yes, date: 2027-02-01 }\n')), []);
    assert.equal(found(withDpa('  dpa: { signed: Yes, date: 2027-02-01 }\n'), 'schema/type').length, 1);
    assert.deepEqual(found(withDpa('  dpa: Signed 2027-02-01 (Art. 28 addendum to the MSA)\n')), []);
  });
});

describe('security-personal-data-without-dpa: when a signed DPA was signed', () => {
  it('reports a DPA signed after work starts, written in a sentence', () => {
    const text = withDpa('  dpa: Signed on 2027-03-20 (Art. 28 addendum)\n');
    const d = one(text);
    assert.equal(
      d.message,
      'The DPA is dated 2027-03-20, after work starts on 2027-02-15 (`timeline.start`): personal data may change hands unprotected.',
    );
    assert.deepEqual(d.range, rangeOf(text, 'Signed on 2027-03-20 (Art. 28 addendum)'));
    assert.equal(factsOf(d)?.[0], 'The date written in `security.dpa`, 2027-03-20, is 33 days after `timeline.start` 2027-02-15.');
  });

  it('reads a month after the start ("March 2027") by its first day, and a month that runs past the start as unproven', () => {
    const late = withDpa('  dpa: { signed: true, date: March 2027 }\n');
    const d = one(late);
    assert.equal(
      d.message,
      'The DPA is dated March 2027, after work starts on 2027-02-15 (`timeline.start`): personal data may change hands unprotected.',
    );
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, rangeOf(late, 'March 2027'));
    assert.equal(factsOf(d)?.[0], '`security.dpa.date` March 2027 begins 14 days after `timeline.start` 2027-02-15.');

    const straddling = withDpa('  dpa: { signed: true, date: February 2027 }\n');
    const w = one(straddling);
    assert.equal(
      w.message,
      'The DPA is dated February 2027, which does not show it was signed before work starts on 2027-02-15 (`timeline.start`).',
    );
    assert.equal(w.severity, 2);
    assert.deepEqual(factsOf(w), ['February 2027 runs from 2027-02-01 to 2027-02-28. Write the day both parties signed as YYYY-MM-DD.']);

    assert.deepEqual(found(withDpa('  dpa: { signed: true, date: January 2027 }\n')), [], 'a month before the start');
  });

  it('reads a date and time by its day, and keeps the schema finding with its fix beside it', () => {
    const text = withDpa('  dpa: { signed: true, date: 2027-03-01T09:30:00Z }\n');
    const d = one(text);
    assert.equal(
      d.message,
      'The DPA is dated 2027-03-01T09:30:00Z, after work starts on 2027-02-15 (`timeline.start`): personal data may change hands unprotected.',
    );
    assert.deepEqual(d.range, rangeOf(text, '2027-03-01T09:30:00Z'));
    assert.equal(factsOf(d)?.[0], '`security.dpa.date` 2027-03-01 is 14 days after `timeline.start` 2027-02-15.');
    assert.equal(found(text, 'schema/format').length, 1);
    assert.deepEqual(found(withDpa('  dpa: { signed: true, date: 2027-02-01T09:30:00+01:00 }\n')), [], 'the day before the start');
  });

  it('reads a day with its month spelled out ("10 March 2027", "March 10, 2027")', () => {
    for (const written of ['10 March 2027', '"March 10, 2027"']) {
      const d = one(withDpa(`  dpa: { signed: true, date: ${written} }\n`));
      assert.equal(
        d.message,
        'The DPA is dated 2027-03-10, after work starts on 2027-02-15 (`timeline.start`): personal data may change hands unprotected.',
        written,
      );
    }
  });

  it('warns when a signed DPA has no date, on the DPA key, or on a blank date', () => {
    const text = withDpa('  dpa:\n    signed: true\n');
    const d = one(text);
    assert.equal(
      d.message,
      'The DPA is marked signed, but it has no date: nothing shows it was signed before work starts on 2027-02-15 (`timeline.start`).',
    );
    assert.equal(d.severity, 2);
    assert.deepEqual(d.range, rangeOf(text, 'dpa', '  dpa:\n'));
    const blank = withDpa('  dpa:\n    signed: true\n    date:   # countersigned copy in SharePoint\n');
    assert.deepEqual(one(blank).range, rangeOf(blank, 'date', '    date:'));
    const flag = withDpa('  dpa: true\n');
    assert.equal(one(flag).message, d.message);
    assert.deepEqual(one(flag).range, rangeOf(flag, 'true', '  dpa:'), 'on the value written');
    const sentence = withDpa('  dpa: Signed with the MSA\n');
    assert.equal(one(sentence).message, d.message);
    assert.deepEqual(one(sentence).range, rangeOf(sentence, 'Signed with the MSA'));
  });

  it('warns when the date cannot be read ("TBC", "10/03/2027"), and says it is not a date', () => {
    for (const written of ['TBC', '10/03/2027', '2027-02-30']) {
      const text = withDpa(`  dpa: { signed: true, date: ${written} }\n`);
      const d = one(text);
      assert.equal(
        d.message,
        `The DPA's date "${written}" is not a date, so nothing shows it was signed before work starts on 2027-02-15 (\`timeline.start\`).`,
        written,
      );
      assert.equal(d.severity, 2);
      assert.deepEqual(d.range, rangeOf(text, written, '  dpa:'), written);
    }
  });

  it('does not guess without a start date (the schedule rules report it)', () => {
    const text = fullWith([dpaLine, '  dpa: { signed: true }\n'], ['  start: 2027-02-15\n', '  start: TBC\n']);
    assert.deepEqual(found(text), []);
  });
});

describe('evidence readers', () => {
  it('readEvidenceDate reads days, dates and times, months and years, and nothing else', () => {
    assert.deepEqual(readEvidenceDate('2027-03-01'), { first: '2027-03-01', last: '2027-03-01', precision: 'day', written: '2027-03-01' });
    assert.deepEqual(readEvidenceDate('2027-03-01 17:00 CET'), {
      first: '2027-03-01',
      last: '2027-03-01',
      precision: 'datetime',
      written: '2027-03-01 17:00 CET',
    });
    assert.deepEqual(readEvidenceDate('Feb. 2028'), { first: '2028-02-01', last: '2028-02-29', precision: 'month', written: 'Feb. 2028' });
    assert.deepEqual(readEvidenceDate('2027-11'), { first: '2027-11-01', last: '2027-11-30', precision: 'month', written: '2027-11' });
    assert.deepEqual(readEvidenceDate(2028), { first: '2028-01-01', last: '2028-12-31', precision: 'year', written: '2028' });
    assert.equal(readEvidenceDate('  '), 'absent');
    for (const value of ['Marching 2027', '2027-13', '31 February 2027', 'TBC', true, 7])
      assert.equal(readEvidenceDate(value), 'unreadable', String(value));
  });

  it('readSignature is fail safe: only words that say signed, and none that say not yet, are signed', () => {
    assert.deepEqual(readSignature('Countersigned 2027-01-30'), { signed: true, date: '2027-01-30' });
    assert.deepEqual(readSignature('Executed'), { signed: true });
    assert.deepEqual(readSignature('Not yet signed'), { signed: false, said: 'Not' });
    assert.deepEqual(readSignature('Draft with our DPO'), { signed: false, said: 'Draft' });
    assert.deepEqual(readSignature('Will be signed with the MSA'), { signed: false, said: 'Will be' });
    assert.deepEqual(readSignature('see master contract'), { signed: 'unclear' });
    assert.deepEqual(readSignature(1), { signed: 'unclear' });
  });
});
