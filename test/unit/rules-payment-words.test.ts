// Payment plans and caps written in words (issue 10): shares in words ("half up front", "one third",
// "thirty percent", "two equal instalments"), plans that name the event first, plans tied to each
// accepted milestone, plans that do not add up (read, and reported, not passed in silence), and
// time-and-materials ceilings written as amounts or as effort, or as a limit per month that is no
// ceiling. Each case asserts the rule id and the range a user sees, and the text a quick fix writes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { afterFix, diagnosticsOf, factsOf, lineOf, onlyDiagnostic, severityName } from '../support/analyze';
import { fullWith } from '../support/ruleCheck';

/** [line, first character, last character, underlined text] of a diagnostic. */
function where(d: Diagnostic, text: string): [number, number, number, string] {
  const line = text.split('\n')[d.range.start.line] ?? '';
  return [d.range.start.line, d.range.start.character, d.range.end.character, line.slice(d.range.start.character, d.range.end.character)];
}

const schedule =
  '  payments:\n    - { milestone: M0, percent: 20 }\n    - { milestone: M1, percent: 20 }\n    - { milestone: M2, percent: 30 }\n    - { milestone: M3, percent: 20 }\n    - { milestone: M4, percent: 10 }\n';
/** The full example (fixed price, 240,000 EUR) with its plan only in `payment_terms`. */
const inWords = (terms: string): string => fullWith(['net 30 from accepted invoice', terms], [schedule, '']);
/** Where `payment_terms: ` ends: the column of the first character of the terms. */
const termsColumn = '  payment_terms: '.length;

describe('cost-payment-schedule-missing: a plan in words is a schedule', () => {
  const id = 'cost-payment-schedule-missing';

  it('reads shares written as fractions, number words, equal instalments and event-first clauses', () => {
    for (const [terms, shares] of [
      ['Half up front and half on delivery.', '50%, 50%'],
      ['One third on signing, one third on UAT acceptance and one third on go-live.', '33.3%, 33.3%, 33.3%'],
      ['A quarter at kick-off, three quarters on acceptance of the release.', '25%, 75%'],
      ['Thirty percent on signature, seventy percent on acceptance.', '30%, 70%'],
      ['Paid in two equal instalments, the first on signature and the second on go-live.', '50%, 50%'],
      ['10% on signing and the balance in two equal payments on UAT sign-off and on go-live.', '10%, 45%, 45%'],
      ['On signing, 20%; on UAT sign-off, 50%; on go-live, 30%.', '20%, 50%, 30%'],
    ] as const) {
      const text = inWords(terms);
      const d = onlyDiagnostic(id, text);
      assert.equal(severityName(d), 'hint', terms);
      assert.equal(
        d.message,
        `The payment plan is written only in \`payment_terms\` (${shares}); list it in \`payments\` so each share is tied to a milestone and checked against the total.`,
        terms,
      );
      assert.deepEqual(where(d, text), [lineOf(text, terms), termsColumn, termsColumn + terms.length, terms], terms);
    }
  });

  it('takes payments tied to each accepted milestone for a schedule, and asks for the shares in a hint', () => {
    for (const terms of ['Paid on acceptance of each milestone, net 30.', 'Each milestone is invoiced once it is signed off.']) {
      const text = inWords(terms);
      const d = onlyDiagnostic(id, text);
      assert.equal(severityName(d), 'hint', terms);
      assert.match(
        String(d.message),
        /^`payment_terms` ties each payment to accepted work \(".+"\) but not what each pays; list the shares in `payments`/,
        terms,
      );
      assert.deepEqual(where(d, text).slice(0, 2), [lineOf(text, terms), termsColumn], terms);
    }
  });

  it('reports a plan whose shares do not make up the price on payment_terms, with the sum (fail safe)', () => {
    const cases = [
      [
        '30% on signing, 30% on launch.',
        'The payment plan in `payment_terms` covers only 60% of the price (30%, 30%): the other 40% has no agreed trigger. List the payments in `payments` so they add up to the total.',
      ],
      [
        'Half on signing, half on UAT sign-off and 20% on go-live.',
        'The payment plan in `payment_terms` adds up to 120% of the price (50%, 50%, 20%): it commits more than the total. List the payments in `payments` so they add up to the total.',
      ],
      [
        '20% on signing, the balance on UAT and the remainder on go-live.',
        'The payment plan in `payment_terms` cannot be checked: it names the balance more than once. List the payments in `payments` so they add up to the total.',
      ],
    ] as const;
    for (const [terms, message] of cases) {
      const text = inWords(terms);
      const d = onlyDiagnostic(id, text);
      assert.equal(severityName(d), 'warning', terms);
      assert.equal(d.message, message, terms);
      assert.deepEqual(where(d, text), [lineOf(text, terms), termsColumn, termsColumn + terms.length, terms], terms);
    }
    const d = onlyDiagnostic(id, inWords('30% on signing, 30% on launch.'));
    assert.deepEqual(factsOf(d), ['Read in `payment_terms`: "30% on signing" = 30%', 'Read in `payment_terms`: "30% on launch" = 30%']);
  });

  it('does not take interest, discounts, service credits or half-day workshops for shares of a plan', () => {
    for (const terms of [
      'Late payments carry 8% interest, net 30.',
      'Net 30; a 2% early payment discount within 10 days.',
      'Net 30; service credits of 5% of the fee for each missed target.',
      'Half-day workshops are billed with the milestone they belong to; net 30.',
    ]) {
      const d = onlyDiagnostic(id, inWords(terms));
      assert.equal(severityName(d), 'warning', terms);
      assert.equal(d.message, 'The fixed price has no payment schedule: nothing ties invoices to milestones or accepted work.', terms);
    }
  });
});

describe('cost-payment-front-loaded: up-front shares written in words', () => {
  const id = 'cost-payment-front-loaded';

  it('reads "half up front", equal instalments and event-first plans as it reads a payments list, on the up-front words', () => {
    for (const [terms, upfront, percent] of [
      ['Half up front and half on delivery.', 'Half up front', '50%'],
      ['60% on signing, 40% on launch.', '60% on signing', '60%'],
      [
        'Paid in two equal instalments, the first when the contract is signed and the second when the portal is live.',
        'two equal instalments, the first when the contract is signed',
        '50%',
      ],
      ['On signing, 50%; on go-live, 50%.', 'On signing, 50%', '50%'],
      ['One third on signing, one third on UAT acceptance and one third on go-live.', 'One third on signing', '33.3%'],
    ] as const) {
      const text = inWords(terms);
      const d = onlyDiagnostic(id, text);
      assert.equal(severityName(d), 'warning', terms);
      const message = String(d.message);
      assert.ok(message.startsWith(`${percent} of the price is due before any deliverable is accepted: "`), message);
      assert.ok(message.endsWith('the limit is 30%.'), message);
      const at = terms.indexOf(upfront);
      assert.deepEqual(where(d, text), [lineOf(text, terms), termsColumn + at, termsColumn + at + upfront.length, upfront], terms);
    }
  });

  it('still judges the up-front share of a plan that does not add up, and says the plan was not complete', () => {
    const terms = '40% deposit on signing, the rest as agreed.';
    // "the rest as agreed" makes up the price, so this one is a plan; one with no balance is not.
    assert.equal(severityName(onlyDiagnostic(id, inWords(terms))), 'warning');
    const text = inWords('40% deposit on signing, 40% on launch.');
    const d = onlyDiagnostic(id, text);
    assert.equal(
      d.message,
      '40% of the price is due before any deliverable is accepted: "40% deposit on signing" in `payment_terms` (96,000 of 240,000 EUR); the limit is 30%.',
    );
    assert.ok(
      (factsOf(d) ?? []).includes(
        'The plan in `payment_terms` does not make up the price (its shares add up to 80% of the price, not 100%); only the shares it states are counted.',
      ),
      (factsOf(d) ?? []).join('\n'),
    );
  });

  it('reads the last share of a plan in words as its final payment: too small a holdback is the info sub-case, on that share', () => {
    const terms = '25% on signing, 70% on go-live and 5% at the end of the warranty.';
    const text = inWords(terms);
    const d = onlyDiagnostic(id, text);
    assert.equal(severityName(d), 'info');
    assert.equal(
      d.message,
      'The final payment is only 5% of the price: "5% at the end of the warranty" in `payment_terms` (12,000 of 240,000 EUR); hold back at least 10% until final acceptance.',
    );
    const at = terms.indexOf('5% at the end');
    assert.deepEqual(where(d, text), [lineOf(text, terms), termsColumn + at, termsColumn + at + 29, '5% at the end of the warranty']);
  });

  it('does not report a plan within the limit, sign-off of work, or a balance paid in monthly instalments', () => {
    for (const terms of [
      '30% on signature, 40% on UAT sign-off and the final 30% on go-live acceptance.',
      '50% on signing off the designs, 50% on go-live.',
      '10% on signing and the balance in three equal monthly instalments.',
      'A quarter at kick-off, three quarters on acceptance of the release.',
    ]) {
      assert.deepEqual(
        diagnosticsOf(id, inWords(terms)).map((d) => d.message),
        [],
        terms,
      );
    }
  });
});

describe('cost-tm-without-cap: ceilings written in words', () => {
  const id = 'cost-tm-without-cap';
  const rates = '  rate_card:\n    - { role: Lead consultant, rate: 1100, unit: day }\n    - { role: Consultant, rate: 900, unit: day }\n';
  const tm = (model: string, terms: string, rateCard = rates): string =>
    fullWith(
      ['  pricing_model: fixed_price\n', `  pricing_model: ${model}\n`],
      ['net 30 from accepted invoice', terms],
      [schedule, rateCard],
    );

  it('takes an effort cap at the highest day rate for the cap, as a hint whose fix writes that amount', () => {
    for (const [terms, written] of [
      ['Monthly in arrears; total effort is capped at 240 consultant days.', 'capped at 240 consultant days'],
      ['Invoiced monthly against timesheets, to a maximum of 240 days.', 'a maximum of 240 days'],
      ['Monthly in arrears; NTE 240 person-days without a signed change request.', 'NTE 240 person-days'],
    ] as const) {
      const text = tm('time_and_materials', terms);
      const d = onlyDiagnostic(id, text);
      assert.equal(severityName(d), 'hint', terms);
      assert.equal(
        d.message,
        `The ceiling is written as effort only, in \`payment_terms\`: "${written}" is at most 264,000 EUR at the highest day rate; set \`cap\` so it is checked against the total.`,
        terms,
      );
      const at = terms.indexOf(written);
      assert.deepEqual(where(d, text), [lineOf(text, terms), termsColumn + at, termsColumn + at + written.length, written], terms);
      assert.match(afterFix(d, text, 'Set `cap` to 264,000'), /\n {2}cap: 264000\n/, terms);
    }
  });

  it('reads a budget cap or a ceiling in a pricing model written in words', () => {
    const text = tm('time_and_materials', 'Monthly in arrears within a budget cap of EUR 250,000.');
    const d = onlyDiagnostic(id, text);
    assert.equal(
      d.message,
      'The ceiling (250,000 EUR) is written only in `payment_terms`: "a budget cap of EUR 250,000". Set `cap` so it is checked against the total.',
    );
    assert.match(afterFix(d, text, 'Set `cap` to 250,000'), /\n {2}cap: 250000\n/);
    const slip = tm('"Capped T&M, NTE EUR 250k"', 'Monthly in arrears.');
    const s = onlyDiagnostic(id, slip);
    assert.equal(severityName(s), 'hint');
    const column = (slip.split('\n')[lineOf(slip, 'NTE EUR 250k')] ?? '').indexOf('NTE');
    assert.deepEqual(where(s, slip), [lineOf(slip, 'NTE EUR 250k'), column, column + 12, 'NTE EUR 250k']);
  });

  it('reads a ceiling written in the assumptions', () => {
    const text = fullWith(
      ['  pricing_model: fixed_price\n', '  pricing_model: time_and_materials\n'],
      [schedule, rates],
      ['assumptions:\n', 'assumptions:\n  - Total fees will not exceed EUR 240,000 without a signed change request.\n'],
    );
    const d = onlyDiagnostic(id, text);
    assert.equal(severityName(d), 'hint');
    assert.equal(
      d.message,
      'The ceiling (240,000 EUR) is written only in `assumptions`: "will not exceed EUR 240,000". Set `cap` so it is checked against the total.',
    );
    assert.deepEqual(where(d, text).slice(0, 1), [lineOf(text, 'Total fees will not exceed')]);
  });

  it('does not take a limit per month, per person, in payment days or below the total for a cap, and says what it read, on budget', () => {
    for (const [terms, fact] of [
      [
        'Billed monthly, capped at 160 hours per month.',
        '`budget.payment_terms` limits each period ("capped at 160 hours per month"): a rate of spend, not a ceiling on the engagement.',
      ],
      [
        'Billed monthly; NTE 120 days per consultant.',
        '`budget.payment_terms` limits each person ("NTE 120 days per consultant"), not the engagement: with more people or a longer run the bill has no ceiling.',
      ],
      [
        'Billed monthly; capped at EUR 100,000.',
        '`budget.payment_terms` sets a ceiling ("capped at EUR 100,000") below `budget.total` (240,000 EUR), so it is not taken as the cap.',
      ],
      [
        'Billed monthly; capped at 150 consultant days.',
        '`budget.payment_terms` sets a ceiling ("capped at 150 consultant days", at most 165,000 EUR at the highest day rate) below `budget.total` (240,000 EUR), so it is not taken as the cap.',
      ],
      ['Payable within a maximum of 30 days of an approved timesheet.', undefined],
    ] as const) {
      const text = tm('time_and_materials', terms);
      const d = onlyDiagnostic(id, text);
      assert.equal(severityName(d), 'error', terms);
      assert.equal(d.message, 'Time-and-materials pricing has no `cap`: nothing limits how many hours the vendor can bill.', terms);
      // The missing `cap` lands on its parent key, `budget:`, where a lead adds it.
      assert.deepEqual(where(d, text), [lineOf(text, 'budget:'), 0, 6, 'budget'], terms);
      assert.deepEqual(factsOf(d) ?? [], fact ? [fact] : [], terms);
    }
  });

  it('does not price an effort cap in days with hourly rates', () => {
    const hourly = '  rate_card:\n    - { role: Developer, rate: 95, unit: hour }\n';
    const d = onlyDiagnostic(id, tm('time_and_materials', 'Monthly in arrears, capped at 300 days.', hourly));
    assert.equal(severityName(d), 'error');
    assert.deepEqual(factsOf(d), [
      '`budget.payment_terms` caps the effort ("capped at 300 days"), but the rate card has no day rate to price it: no amount follows from it.',
    ]);
  });
});
