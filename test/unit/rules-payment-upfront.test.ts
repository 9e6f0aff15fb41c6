// cost-payment-front-loaded on the up-front payments leads write beyond "on signing" (issue 10): a
// plan in amounts rather than percentages, a share due in month 1 of a retainer, and a payment at a
// milestone on the start date that lists a deliverable (a mobilisation pack due on day one). Each
// case asserts the exact message and the range a user sees.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnosticsOf, factsOf, lineOf, onlyDiagnostic, severityName } from '../support/analyze';
import { fullWith } from '../support/ruleCheck';
import { readPaymentPlan } from '../../server/src/service/paymentTerms';

const id = 'cost-payment-front-loaded';

/** [line, first character, last character, underlined text] of a diagnostic. */
function where(d: Diagnostic, text: string): [number, number, number, string] {
  const line = text.split('\n')[d.range.start.line] ?? '';
  return [d.range.start.line, d.range.start.character, d.range.end.character, line.slice(d.range.start.character, d.range.end.character)];
}

const schedule =
  '  payments:\n    - { milestone: M0, percent: 20 }\n    - { milestone: M1, percent: 20 }\n    - { milestone: M2, percent: 30 }\n    - { milestone: M3, percent: 20 }\n    - { milestone: M4, percent: 10 }\n';
/** The full example (fixed price, 240,000 EUR) with its plan only in `payment_terms`. */
const inWords = (terms: string): string => fullWith(['net 30 from accepted invoice', terms], [schedule, '']);
const termsColumn = '  payment_terms: '.length;

describe('cost-payment-front-loaded: a plan in amounts, and a share in month 1', () => {
  it('reads amounts as shares of budget.total and reports the up-front one on its words', () => {
    const terms = 'EUR 96,000 on signing, EUR 72,000 on acceptance of the beta and EUR 72,000 on go-live.';
    const text = inWords(terms);
    const d = onlyDiagnostic(id, text);
    assert.equal(severityName(d), 'warning');
    assert.equal(
      d.message,
      '40% of the price is due before any deliverable is accepted: "EUR 96,000 on signing" in `payment_terms` (96,000 of 240,000 EUR); the limit is 30%.',
    );
    const upfront = 'EUR 96,000 on signing';
    assert.deepEqual(where(d, text), [lineOf(text, terms), termsColumn, termsColumn + upfront.length, upfront]);
  });

  it('reads amounts written after the number, with a thousands space or a k', () => {
    for (const [terms, upfront] of [
      ['96 000 EUR as a mobilisation fee, 144 000 EUR on final acceptance.', '96 000 EUR as a mobilisation fee'],
      ['€96k deposit, €144k on go-live.', '€96k deposit'],
    ] as const) {
      const text = inWords(terms);
      const d = onlyDiagnostic(id, text);
      assert.ok(String(d.message).startsWith('40% of the price is due before any deliverable is accepted: '), terms);
      const at = terms.indexOf(upfront);
      assert.deepEqual(where(d, text), [lineOf(text, terms), termsColumn + at, termsColumn + at + upfront.length, upfront], terms);
    }
  });

  it('reports a share due in month 1 of the work as up front', () => {
    const terms = 'Forty percent is invoiced in month 1, the remainder in three equal monthly instalments.';
    const text = inWords(terms);
    const d = onlyDiagnostic(id, text);
    assert.equal(
      d.message,
      '40% of the price is due before any deliverable is accepted: "Forty percent is invoiced in month 1" in `payment_terms` (96,000 of 240,000 EUR); the limit is 30%.',
    );
    const upfront = 'Forty percent is invoiced in month 1';
    assert.deepEqual(where(d, text), [lineOf(text, terms), termsColumn, termsColumn + upfront.length, upfront]);
  });

  it('does not read rates, caps, the price itself or amounts beside percentages as shares', () => {
    for (const terms of [
      'A fixed charge of 20,000 EUR for each calendar month, invoiced in arrears.',
      'Day rate 950 EUR; billing capped at EUR 240,000.',
      'Monthly service fee of 12,000 EUR in arrears, net 30.',
    ]) {
      assert.equal(readPaymentPlan(terms, { total: 240000 }), undefined, terms);
      assert.deepEqual(diagnosticsOf(id, inWords(terms)), [], terms);
    }
    // The amounts repeat the percentages: the plan is 20% up front, within the limit.
    assert.deepEqual(diagnosticsOf(id, inWords('20% (EUR 48,000) on signing and 80% (EUR 192,000) on go-live.')), []);
    // Without a total, amounts are not shares of anything.
    assert.equal(readPaymentPlan('EUR 96,000 on signing, EUR 144,000 on go-live.'), undefined);
  });
});

describe('cost-payment-front-loaded: a milestone on the start date accepts no work', () => {
  const m0 = '    - { id: M0, name: Contract signed and team onboarded, date: 2027-02-15 }';
  const payments = [
    '    - { milestone: M0, percent: 20 }\n    - { milestone: M1, percent: 20 }\n    - { milestone: M2, percent: 30 }\n',
    '',
  ] as const;

  it('counts its payment as up front even when it lists a deliverable', () => {
    const text = fullWith(
      [m0, '    - { id: M0, name: Mobilisation and project plan, date: 2027-02-15, deliverables: [D1] }'],
      [payments[0], '    - { milestone: M0, percent: 40 }\n    - { milestone: M1, percent: 20 }\n    - { milestone: M2, percent: 10 }\n'],
    );
    const d = onlyDiagnostic(id, text);
    assert.equal(severityName(d), 'warning');
    assert.equal(d.message, '40% of the price (96,000 of 240,000 EUR) is paid before any deliverable is accepted; the limit is 30%.');
    const item = '{ milestone: M0, percent: 40 }';
    const line = lineOf(text, item);
    assert.deepEqual(where(d, text), [line, 6, 6 + item.length, item]);
    assert.deepEqual(factsOf(d), [
      'First acceptance: `M1` on 2027-04-09',
      'Up front: `M0` (2027-02-15, on or before the start date): 40% = 96,000 EUR',
      'Limit: 30% of 240,000 EUR = 72,000 EUR',
    ]);
  });

  it('still takes a milestone after the start that lists a deliverable as acceptance', () => {
    const text = fullWith(
      [m0, '    - { id: M0, name: Discovery accepted early, date: 2027-03-01, deliverables: [D1] }'],
      [payments[0], '    - { milestone: M0, percent: 40 }\n    - { milestone: M1, percent: 20 }\n    - { milestone: M2, percent: 10 }\n'],
    );
    assert.deepEqual(diagnosticsOf(id, text), []);
  });
});
