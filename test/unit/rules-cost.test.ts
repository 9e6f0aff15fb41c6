// The cost-* rules beyond the fixture table: the sentences and computed facts a user reads, the
// text after a fix, the thresholds and vague terms taken from settings, silence on malformed
// input, and linear time on 100,000-character adversarial strings.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ScopeDocument } from '../../server/src/service/document';
import { parseMoneyText } from '../../server/src/service/model';
import { rules } from '../../server/src/service/rules';
import { mergeSettings } from '../../server/src/service/settings';
import { afterFix, diagnosticsOf, factsOf, lineOf, onlyDiagnostic, resolvedFixesOf, testToday } from '../support/analyze';
import { fixturesDir } from '../support/paths';
import { checkRule as check, full, fullWith } from '../support/ruleCheck';
import { assertLinearLike, linearFactor } from '../support/timing';

const risky = readFileSync(join(fixturesDir, 'golden', 'risky.scope.yaml'), 'utf8');
const costRules = rules.filter((r) => r.category === 'cost');

describe('parseMoneyText', () => {
  it('reads amounts written as text, expanding k/m and naming the currency', () => {
    assert.deepEqual(parseMoneyText('$120k'), { value: 120000, currency: 'USD', currencyGuessed: true, approximate: false });
    assert.deepEqual(parseMoneyText('€1.2m'), { value: 1200000, currency: 'EUR', currencyGuessed: false, approximate: false });
    assert.deepEqual(parseMoneyText('50,000'), { value: 50000, currencyGuessed: false, approximate: false });
    assert.deepEqual(parseMoneyText('EUR 48,000'), { value: 48000, currency: 'EUR', currencyGuessed: false, approximate: false });
    assert.deepEqual(parseMoneyText('48000 CHF'), { value: 48000, currency: 'CHF', currencyGuessed: false, approximate: false });
    assert.deepEqual(parseMoneyText('approx. 40k'), { value: 40000, currencyGuessed: false, approximate: true });
    assert.deepEqual(parseMoneyText('£ 75K'), { value: 75000, currency: 'GBP', currencyGuessed: false, approximate: false });
    assert.deepEqual(parseMoneyText('C$90,000'), { value: 90000, currency: 'CAD', currencyGuessed: false, approximate: false });
  });

  it('refuses what it would have to guess at', () => {
    for (const text of [
      'TBD',
      '40-50k',
      '12 months',
      'k',
      '$',
      '',
      '650/day',
      'about',
      '1,2345',
      '12,500.000,00',
      '650 day',
      '45 GBP per hour',
    ]) {
      assert.equal(parseMoneyText(text), undefined, text);
    }
  });
});

describe('cost-currency-missing', () => {
  it('lands on budget when the currency key is missing, and proposes the configured default as a guess', () => {
    const text = fullWith(['  currency: EUR\n', '']);
    const d = onlyDiagnostic('cost-currency-missing', text, { thresholds: { defaultCurrency: 'CHF' } });
    assert.equal(d.range.start.line, lineOf(text, 'budget:'));
    assert.equal(d.message, '`budget.currency` is not set, so nobody can tell the currency of the price: `budget.total` is an amount.');
    const [fix] = resolvedFixesOf(d);
    assert.equal(fix?.title, 'Set `budget.currency` to CHF (confirm: your default currency, not stated in the file)');
    assert.equal(fix?.applicability, 'unsafe');
    const after = afterFix(d, text, fix?.title ?? '');
    assert.match(after, /\n {2}currency: CHF\n/);
    assert.deepEqual(diagnosticsOf('cost-currency-missing', after), []);
  });

  it('takes the code from an unambiguous symbol as a safe fix, and asks to confirm `$`', () => {
    const euro = check('cost-currency-missing', fullWith(['  currency: EUR\n', ''], ['  total: 240000', '  total: "€240k"']));
    assert.deepEqual(euro[0]?.fixes, [
      {
        title: 'Set `budget.currency` to EUR',
        ops: [{ op: 'insert', parent: ['budget'], key: 'currency', value: 'EUR' }],
        preferred: true,
        applicability: 'safe',
      },
    ]);
    const dollar = check('cost-currency-missing', risky);
    assert.deepEqual(
      dollar[0]?.fixes?.map((f) => [f.title, f.applicability]),
      [['Set `budget.currency` to USD (confirm: `$` is also CAD, AUD and others)', 'unsafe']],
    );
  });

  it('rewrites a lower-case code in place', () => {
    const text = fullWith(['  currency: EUR', '  currency: eur']);
    const d = onlyDiagnostic('cost-currency-missing', text);
    assert.equal(d.message, '`budget.currency` is "eur", not an ISO 4217 code such as USD, EUR or GBP.');
    assert.ok(afterFix(d, text, 'Set `budget.currency` to EUR').includes('\n  currency: EUR\n'));
  });

  it('is silent without any amount', () => {
    assert.deepEqual(
      check('cost-currency-missing', fullWith(['  currency: EUR\n', ''], ['  total: 240000\n', ''], ['  payments:', '  old_payments:'])),
      [],
    );
  });
});

describe('cost-amount-not-numeric', () => {
  it('rewrites "$120k" as 120000 and sets the missing currency (risky example), not as a safe fix', () => {
    const d = onlyDiagnostic('cost-amount-not-numeric', risky);
    assert.equal(d.message, '`budget.total` is text, not a number: write `120000` for "$120k" and keep the currency in `budget.currency`.');
    assert.deepEqual(d.range, { start: { line: 21, character: 9 }, end: { line: 21, character: 16 } });
    assert.deepEqual(factsOf(d), ['"$120k" reads as 120,000 USD', '`$` is read as USD; CAD, AUD and others also write `$`.']);
    const fix = resolvedFixesOf(d)[0];
    assert.equal(fix?.applicability, 'unsafe');
    const after = afterFix(d, risky, 'Write 120000 and set `budget.currency` to USD');
    assert.match(after, /\n {2}total: 120000\n/);
    assert.match(after, /\nbudget:\n(.*\n)* {2}currency: USD\n/);
    assert.deepEqual(diagnosticsOf('cost-amount-not-numeric', after), []);
    assert.deepEqual(diagnosticsOf('cost-currency-missing', after), []);
  });

  it('makes a plain thousands separator a safe fix when the currency is already set', () => {
    const [finding] = check('cost-amount-not-numeric', fullWith(['  total: 240000', '  total: "240,000"']));
    assert.deepEqual(finding?.fixes, [
      {
        title: 'Write "240,000" as 240000',
        ops: [{ op: 'replace', path: ['budget', 'total'], value: '240000' }],
        preferred: true,
        applicability: 'safe',
      },
    ]);
  });

  it('never makes an estimate or a contradicting currency a safe fix', () => {
    const [approx] = check('cost-amount-not-numeric', fullWith(['  total: 240000', '  total: approx. 240k']));
    assert.equal(approx?.fixes?.[0]?.applicability, 'unsafe');
    assert.ok(approx?.facts?.some((f) => f.includes('estimate')));
    const [dollars] = check('cost-amount-not-numeric', fullWith(['  total: 240000', '  total: "$240k"']));
    assert.equal(dollars?.fixes?.[0]?.applicability, 'unsafe');
    assert.ok(dollars?.facts?.includes('The text names USD, but `budget.currency` is EUR.'));
  });

  it('reports text it cannot read, without a fix', () => {
    const [finding] = check('cost-amount-not-numeric', fullWith(['  total: 240000', '  total: to be agreed']));
    assert.equal(finding?.message, '`budget.total` is text, not a number: "to be agreed" cannot be added up or checked against the total.');
    assert.equal(finding?.fixes, undefined);
  });
});

describe('cost-contingency-missing', () => {
  it('reads the minimum from settings and proposes at least that much', () => {
    const text = fullWith(['  contingency_percent: 15', '  contingency_percent: 12']);
    assert.deepEqual(check('cost-contingency-missing', text), []);
    const [finding] = check('cost-contingency-missing', text, { thresholds: { minContingencyPercent: 20 } });
    assert.equal(finding?.severity, 'info');
    assert.equal(finding?.message, 'The contingency reserve is 12%, below the 20% minimum.');
    assert.deepEqual(finding?.facts, ['Reserve: 12% of 240,000 EUR = 28,800 EUR', 'At 20%: 48,000 EUR']);
    assert.deepEqual(finding?.fixes?.[0]?.ops, [{ op: 'replace', path: ['budget', 'contingency_percent'], value: '20' }]);
  });

  it('inserts the catalogue default when the key is missing', () => {
    const text = fullWith(['  contingency_percent: 15\n', '']);
    const d = onlyDiagnostic('cost-contingency-missing', text);
    assert.match(afterFix(d, text, 'Set `contingency_percent` to 15'), /\n {2}contingency_percent: 15\n/);
  });

  it('leaves a mistyped value to the schema', () => {
    assert.deepEqual(check('cost-contingency-missing', fullWith(['  contingency_percent: 15', '  contingency_percent: "15%"'])), []);
    assert.deepEqual(check('cost-contingency-missing', fullWith(['  contingency_percent: 15', '  contingency_percent: -5'])), []);
  });
});

describe('cost-payments-sum-mismatch', () => {
  const gbp = fullWith(
    ['  currency: EUR', '  currency: GBP'],
    ['  total: 240000', '  total: 180000'],
    ['    - { milestone: M4, percent: 10 }', '    - { milestone: M4, percent: 20 }'],
  );

  it('says the share, both amounts and the gap, on the payments key', () => {
    const d = onlyDiagnostic('cost-payments-sum-mismatch', gbp);
    assert.equal(d.message, 'Payments add up to 110% of `budget.total` (198,000 of 180,000 GBP): 18,000 GBP more than the price.');
    const line = lineOf(gbp, '  payments:');
    assert.deepEqual(d.range, { start: { line, character: 2 }, end: { line, character: 10 } });
    assert.deepEqual(factsOf(d), [
      '`M0`: 20% = 36,000 GBP',
      '`M1`: 20% = 36,000 GBP',
      '`M2`: 30% = 54,000 GBP',
      '`M3`: 20% = 36,000 GBP',
      '`M4`: 20% = 36,000 GBP',
      'Sum: 198,000 GBP (110%); `budget.total`: 180,000 GBP',
      'Tolerance: ±900 GBP (the larger of 1 and 0.5% of the total)',
    ]);
  });

  it('rebalances the last payment to the remainder', () => {
    const d = onlyDiagnostic('cost-payments-sum-mismatch', gbp);
    const after = afterFix(d, gbp, 'Rebalance last payment (`M4`) to 10%');
    assert.ok(after.includes('    - { milestone: M4, percent: 10 }\n'));
    assert.deepEqual(diagnosticsOf('cost-payments-sum-mismatch', after), []);
  });

  it('rebalances an amount-based last payment in currency units', () => {
    const text = fullWith(['    - { milestone: M4, percent: 10 }', '    - { milestone: M4, amount: 30000 }']);
    const [finding] = check('cost-payments-sum-mismatch', text);
    assert.equal(finding?.message, 'Payments add up to 102.5% of `budget.total` (246,000 of 240,000 EUR): 6,000 EUR more than the price.');
    assert.deepEqual(finding?.fixes?.[0]?.ops, [{ op: 'replace', path: ['budget', 'payments', 4, 'amount'], value: '24000' }]);
  });

  it('uses the tolerance from settings, and always allows one currency unit', () => {
    const text = fullWith(['    - { milestone: M4, percent: 10 }', '    - { milestone: M4, amount: 24001 }']);
    assert.deepEqual(check('cost-payments-sum-mismatch', text, { thresholds: { sumTolerance: 0 } }), []);
    const over = fullWith(['    - { milestone: M4, percent: 10 }', '    - { milestone: M4, amount: 24002 }']);
    assert.equal(check('cost-payments-sum-mismatch', over, { thresholds: { sumTolerance: 0 } }).length, 1);
  });

  it('points out a payment whose percent and amount disagree, and skips the sum', () => {
    const [finding, ...rest] = check(
      'cost-payments-sum-mismatch',
      fullWith(['    - { milestone: M0, percent: 20 }', '    - { milestone: M0, percent: 20, amount: 50000 }']),
    );
    assert.deepEqual(rest, []);
    assert.equal(
      finding?.message,
      'Payment `M0` has both a percent and an amount: give exactly one (`percent` or `amount`). They disagree: 20% of 240,000 is 48,000 EUR, not 50,000.',
    );
    assert.deepEqual(
      finding?.fixes?.map((f) => [f.title, f.applicability]),
      [
        ['Keep `percent` (remove `amount`)', 'unsafe'],
        ['Keep `amount` (remove `percent`)', 'unsafe'],
      ],
    );
  });

  it('stays silent when the total or a payment value is not a number', () => {
    assert.deepEqual(check('cost-payments-sum-mismatch', risky), []);
    assert.deepEqual(
      check('cost-payments-sum-mismatch', fullWith(['    - { milestone: M4, percent: 10 }', '    - { milestone: M4, percent: "10%" }'])),
      [],
    );
  });
});

describe('cost-payment-front-loaded', () => {
  const deposit40 = fullWith(
    ['    - { milestone: M0, percent: 20 }', '    - { milestone: M0, percent: 40 }'],
    ['    - { milestone: M2, percent: 30 }', '    - { milestone: M2, percent: 10 }'],
  );

  it('says how much is paid before acceptance, with the arithmetic in the facts', () => {
    const d = onlyDiagnostic('cost-payment-front-loaded', deposit40);
    assert.equal(d.message, '40% of the price (96,000 of 240,000 EUR) is paid before any deliverable is accepted; the limit is 30%.');
    assert.deepEqual(factsOf(d), [
      'First acceptance: `M1` on 2027-04-09',
      'Up front: `M0` (2027-02-15, no deliverables): 40% = 96,000 EUR',
      'Limit: 30% of 240,000 EUR = 72,000 EUR',
    ]);
    const after = afterFix(d, deposit40, 'Move 10% from `M0` to `M4`');
    assert.ok(after.includes('    - { milestone: M0, percent: 30 }\n'));
    assert.ok(after.includes('    - { milestone: M4, percent: 20 }\n'));
    assert.deepEqual(diagnosticsOf('cost-payment-front-loaded', after), []);
  });

  it('reads both limits from settings', () => {
    assert.deepEqual(check('cost-payment-front-loaded', deposit40, { thresholds: { maxUpfrontPercent: 40 } }), []);
    const [holdback] = check('cost-payment-front-loaded', full, { thresholds: { minFinalPaymentPercent: 15 } });
    assert.equal(holdback?.severity, 'info');
    assert.equal(
      holdback?.message,
      'The final payment (`M4`, 2027-10-29) is 10% of the price (24,000 of 240,000 EUR); hold back at least 15% until final acceptance.',
    );
    assert.deepEqual(holdback?.fixes?.[0]?.ops, [
      { op: 'replace', path: ['budget', 'payments', 2, 'percent'], value: '25' },
      { op: 'replace', path: ['budget', 'payments', 4, 'percent'], value: '15' },
    ]);
  });

  it('counts every payment as up front when no milestone accepts a deliverable', () => {
    let text = full;
    for (const id of ['D1', 'D2', 'D3']) text = text.replace(`, deliverables: [${id}] }`, ' }');
    const [finding] = check('cost-payment-front-loaded', text);
    assert.equal(
      finding?.message,
      '100% of the price (240,000 of 240,000 EUR) is paid before any deliverable is accepted; the limit is 30%.',
    );
    assert.equal(finding?.facts?.[0], 'No milestone lists a deliverable, so no payment waits for accepted work');
  });

  it('ignores payments whose milestone has no valid date, unless its name says it is paid before any work', () => {
    const neutral = deposit40.replace('name: Contract signed and team onboarded, date: 2027-02-15 }', 'name: Phase 0, date: 2027-02-30 }');
    assert.deepEqual(check('cost-payment-front-loaded', neutral), []);
    // "Contract signed and team onboarded" with no readable date: the name says when, so it is up front.
    const text = deposit40.replace('date: 2027-02-15 }', 'date: 2027-02-30 }');
    const d = onlyDiagnostic('cost-payment-front-loaded', text);
    assert.equal(d.message, '40% of the price (96,000 of 240,000 EUR) is paid before any deliverable is accepted; the limit is 30%.');
    assert.deepEqual(factsOf(d), [
      'First acceptance: `M1` on 2027-04-09',
      'Up front: `M0` ("Contract signed and team onboarded", no date and no deliverables; its name says it is due before any work is accepted): 40% = 96,000 EUR',
      'Limit: 30% of 240,000 EUR = 72,000 EUR',
    ]);
    assert.deepEqual([d.range.start.line, d.range.start.character], [lineOf(text, '    - { milestone: M0, percent: 40 }'), 6]);
  });
});

describe('cost-tm-without-cap', () => {
  it('switches the risky example to capped T&M, caps at the parsed total and adds a rate card', () => {
    const d = onlyDiagnostic('cost-tm-without-cap', risky);
    assert.equal(
      d.message,
      'Time-and-materials pricing has no `cap` and no `rate_card`: nothing limits what the vendor can bill, or at what rates.',
    );
    const after = afterFix(d, risky, 'Switch to `capped_time_and_materials`, cap at 120,000 and add a rate card');
    assert.match(after, /\n {2}pricing_model: capped_time_and_materials\n/);
    assert.match(after, /\n {2}cap: 120000\n/);
    assert.match(after, /\n {2}rate_card:\n {4}- role: ""\n {6}rate: 0\n {6}unit: day\n/);
    // The placeholder rate card agrees no rate, so the finding stays (without a fix) until one is filled in.
    assert.deepEqual(
      diagnosticsOf('cost-tm-without-cap', after).map((x) => x.message),
      ['Capped time-and-materials pricing has no agreed `rate_card`: the hourly or daily rates the vendor bills are not agreed.'],
    );
  });

  it('keeps the cap open with TODO when there is no total to start from', () => {
    const [finding] = check(
      'cost-tm-without-cap',
      fullWith(['  pricing_model: fixed_price', '  pricing_model: time_and_materials'], ['  total: 240000\n', '']),
    );
    assert.ok(finding?.fixes?.[0]?.ops.some((op) => op.op === 'insert' && op.key === 'cap' && op.value === 'TODO'));
  });
});

describe('cost-change-control-*', () => {
  it('inserts the catalogue process under governance', () => {
    const text = fullWith([
      '  change_control:\n    process: Written change request with cost, schedule and risk impact; no work starts before written approval.\n    approval_by: [Sam Patel, Dana Reyes]\n',
      '',
    ]);
    const d = onlyDiagnostic('cost-change-control-missing', text);
    const after = afterFix(d, text, 'Add a change-control process');
    assert.ok(
      after.includes(
        '  change_control:\n    process: Written change request with cost and schedule impact; no work before written approval.\n    approval_by:\n      - ""\n',
      ),
    );
    // The empty approver the fix leaves keeps a warning visible until a name is written.
    assert.equal(diagnosticsOf('cost-change-control-incomplete', after).length, 1);
  });

  it('appends the catalogue words to a one-clause process, and a sentence to a longer one', () => {
    const short = fullWith([
      '    process: Written change request with cost, schedule and risk impact; no work starts before written approval.',
      '    process: Changes agreed by email.',
    ]);
    const d = onlyDiagnostic('cost-change-control-incomplete', short);
    assert.equal(
      d.message,
      'The change process does not ask for a cost or schedule impact: it names no cost or price and no date or schedule.',
    );
    assert.ok(
      afterFix(d, short, 'Require a cost and schedule impact in the process').includes(
        '    process: Changes agreed by email with cost and schedule impact.\n',
      ),
    );
    const long = fullWith(['with cost, schedule and risk impact', 'with schedule and risk impact']);
    const d2 = onlyDiagnostic('cost-change-control-incomplete', long);
    assert.ok(
      afterFix(d2, long, 'Require a cost impact in the process').includes(
        'no work starts before written approval. Every change request states its cost impact.\n',
      ),
    );
  });
});

describe('cost-vague-language', () => {
  it('reports the five terms of the risky example on the words themselves', () => {
    const found = diagnosticsOf('cost-vague-language', risky).map((d) => [
      d.range.start.line,
      d.range.start.character,
      d.range.end.character,
      risky.split('\n')[d.range.start.line]?.slice(d.range.start.character, d.range.end.character),
    ]);
    assert.deepEqual(found, [
      [3, 38, 47, 'efficient'],
      [3, 55, 59, 'fast'],
      [3, 61, 74, 'user-friendly'],
      [11, 38, 42, 'etc.'],
      [12, 41, 50, 'as needed'],
    ]);
  });

  it('underlines each occurrence of a repeated term', () => {
    const text = fullWith(['    title: Beta portal on staging', '    title: Beta portal with alerts as needed and reports as needed']);
    const ranges = diagnosticsOf('cost-vague-language', text).map((d) => d.range.start.character);
    const line = text.split('\n')[lineOf(text, 'alerts as needed')] ?? '';
    assert.deepEqual(ranges, [line.indexOf('as needed'), line.lastIndexOf('as needed')]);
  });

  it('accepts a quantifiable term in a sentence with a number, not in the next sentence', () => {
    const text = fullWith([
      '    description: Billing-detail update and invoice download working against the staging billing API.',
      '    description: Fast invoice download (p95 under 800 ms). A faster checkout.',
    ]);
    const found = check('cost-vague-language', text);
    assert.deepEqual(
      found.map((f) => f.at),
      [{ text: 'faster' }],
    );
  });

  it('adds the terms from settings to either list', () => {
    // "4G" names a network, not a quantity: the load time is what quantifies "snappy".
    const text = fullWith(['    title: Beta portal on staging', '    title: Beta portal, such as billing pages, snappy under 2 s on 4G']);
    assert.deepEqual(check('cost-vague-language', text), []);
    const found = check('cost-vague-language', text, { vagueTerms: { always: ['such as'], unlessQuantified: ['snappy'] } });
    assert.deepEqual(
      found.map((f) => f.at),
      [{ text: 'such as' }],
    );
    const unquantified = check('cost-vague-language', text.replace('snappy under 2 s on 4G', 'snappy on 4G'), {
      vagueTerms: { unlessQuantified: ['snappy'] },
    });
    assert.deepEqual(
      unquantified.map((f) => [f.at, f.message]),
      [[{ text: 'snappy' }, '"snappy" is on your list of vague terms: replace it with a specific, measurable statement.']],
    );
  });

  it('removes "etc." but keeps the full stop that ends the sentence', () => {
    const text = risky.replace(
      'Make the sales team more efficient with a fast, user-friendly CRM integration.',
      'Sync 5 objects within 2 minutes.',
    );
    const etc = diagnosticsOf('cost-vague-language', text).find((x) => typeof x.message === 'string' && x.message.startsWith('"etc."'));
    assert.ok(etc);
    assert.ok(afterFix(etc, text, 'Remove "etc." (list all items explicitly)').includes('    title: CRM sync service, reports.\n'));
  });

  it('does not match inside words', () => {
    const text = fullWith(['    title: Beta portal on staging', '    title: Breakfast improvements betterment, variously-typed fetch.']);
    assert.deepEqual(check('cost-vague-language', text), []);
  });
});

describe('cost-tbd-placeholder', () => {
  it('is an error for money and dates, a warning elsewhere, with the exact path', () => {
    const text = fullWith(
      ['  payment_terms: net 30 from accepted invoice', '  payment_terms: TBC'],
      ['    due: 2027-03-26', '    due: "TBD"'],
      ['  sponsor: Dana Reyes (VP Customer Operations)', '  sponsor: to be  decided'],
    );
    assert.deepEqual(
      check('cost-tbd-placeholder', text).map((f) => [f.path.join('/'), f.severity ?? 'warning', f.at]),
      [
        ['project/sponsor', 'warning', { text: 'to be  decided' }],
        ['deliverables/0/due', 'error', { text: 'TBD' }],
        ['budget/payment_terms', 'error', { text: 'TBC' }],
      ],
    );
  });

  it('moves a placeholder to assumptions with a decision date and an owner to fill in', () => {
    const d = onlyDiagnostic('cost-tbd-placeholder', risky);
    assert.equal(
      d.message,
      '`timeline.milestones[1].date` is still "TBD": settle it before signing, or record it as an assumption with a decision date and an owner.',
    );
    const after = afterFix(d, risky, 'Move to assumptions');
    assert.ok(after.includes('    - { id: M2, name: Done, date: null, deliverables: [D1, D3] }\n'));
    assert.match(after, /\nassumptions:\n {2}- "Decide timeline\.milestones\[1\]\.date by YYYY-MM-DD \(owner: TODO\)"\n?$/);
  });

  it('offers no move for a placeholder inside a sentence or a list item', () => {
    const text = fullWith(['  - Changes to the SAP billing back end', '  - TODO']);
    const [finding] = check('cost-tbd-placeholder', text);
    assert.equal(
      finding?.message,
      '`out_of_scope[2]` is still "TODO": fill it in before signing, or record it as an assumption with a decision date and an owner.',
    );
    assert.equal(finding?.fixes, undefined);
  });

  it('ignores keys, comments and words that merely contain the letters', () => {
    const text = fullWith(['  name: Customer self-service portal rebuild', '  name: Mastodon todos and TBDX feeds   # TODO check name']);
    assert.deepEqual(check('cost-tbd-placeholder', text), []);
  });
});

describe('cost rules on malformed input', () => {
  const shapes: readonly string[] = [
    'budget: lots\ngovernance: weekly\nout_of_scope: none\n',
    'budget: { total: [1, 2], currency: 5, payments: oops, rate_card: { a: 1 }, pricing_model: time_and_materials, cap: "" }\n',
    'budget:\n  total: 100\n  payments: [1, null, { milestone: [M1], percent: { a: 1 } }, { milestone: M9, amount: .inf }]\ntimeline: { milestones: [null, { id: 5 }, { id: M1, date: 2027-02-30 }] }\n',
    'deliverables: [null, 3, { title: [etc.], acceptance_criteria: "etc." }]\nproject: { objective: 42 }\nout_of_scope: [null, 7, "", { a: etc. }]\n',
    'governance: { change_control: { process: [cost], approval_by: "Sam" } }\n',
    'assumptions: &a [TBD]\nout_of_scope: *a\n? [complex, key]\n: TBD\n',
  ];
  for (const text of shapes) {
    it(`never throws on ${JSON.stringify(text.slice(0, 50))}`, () => {
      for (const rule of costRules) assert.doesNotThrow(() => check(rule.id, text), rule.id);
    });
  }
});

describe('cost rules run in linear time', () => {
  const n = 100_000;
  const adversarial: readonly [string, string][] = [
    ['whitespace run after "to be"', `to be${' '.repeat(n)}x`],
    ['whitespace run after "and"', `and${' '.repeat(n)}x`],
    ['whitespace run then text', `a${' '.repeat(n)}b, etc`],
    ['repeated "as "', 'as '.repeat(n / 3)],
    ['repeated "etc. "', 'etc. '.repeat(n / 5)],
    ['tabs and newlines', `${'\t\n '.repeat(n / 3)}TBD`],
    ['digits and dots', '1.'.repeat(n / 2)],
    ['question marks', '??'.repeat(n / 2)],
    ['hyphens between words', 'user-'.repeat(n / 5)],
  ];
  for (const [name, payload] of adversarial) {
    it(`handles ${name} (${payload.length} characters) quickly`, () => {
      const quoted = JSON.stringify(payload);
      const text = fullWith(
        ['  name: Customer self-service portal rebuild', `  name: ${quoted}`],
        ['    title: Beta portal on staging', `    title: ${quoted}`],
        ['  total: 240000', `  total: ${quoted}`],
        [
          '    process: Written change request with cost, schedule and risk impact; no work starts before written approval.',
          `    process: ${quoted}`,
        ],
      );
      const settings = mergeSettings({ today: testToday, vagueTerms: { always: ['such as'], unlessQuantified: ['snappy quick'] } });
      // Parsed once: the time measured is the rules', not the YAML parser's.
      const doc = new ScopeDocument('file:///t.scope.yaml', 1, text, settings.limits);
      assertLinearLike(
        name,
        text,
        () => {
          for (const rule of costRules) rule.check(doc, settings);
          parseMoneyText(payload);
        },
        linearFactor,
      );
      assert.equal(parseMoneyText(payload), undefined);
    });
  }
});
