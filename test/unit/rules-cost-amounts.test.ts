// The cost rules on amounts, payment terms and change impacts as people write them (issue 10):
// thousands grouped the European way ("12.500 €", "12 500 €", "CHF 12'500", "1.234,56 EUR"),
// savings with a sign, impacts in another currency, a budget that says when invoices go out but
// not what they charge, a change that "takes effect at any time", and a small job with personal
// data that owes only the return of the data. Each case asserts the message and the range a user sees.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { parseMoneyText } from '../../server/src/service/model';
import { afterFix, diagnosticsOf, factsOf, onlyDiagnostic, resolvedFixesOf, severityName } from '../support/analyze';
import { fullWith } from '../support/ruleCheck';

/** [line, first character, last character, underlined text] of a diagnostic. */
function where(d: Diagnostic, text: string): [number, number, number, string] {
  const line = text.split('\n')[d.range.start.line] ?? '';
  return [d.range.start.line, d.range.start.character, d.range.end.character, line.slice(d.range.start.character, d.range.end.character)];
}

const plain = { currencyGuessed: false, approximate: false };

describe('parseMoneyText: thousands and decimals as they are written across Europe', () => {
  it('reads "." groups (German, Dutch), space groups (French), apostrophe groups (Swiss) and a decimal comma', () => {
    assert.deepEqual(parseMoneyText('1.234,56 EUR'), { value: 1234.56, currency: 'EUR', ...plain });
    assert.deepEqual(parseMoneyText('10.000,00 €'), { value: 10000, currency: 'EUR', ...plain });
    assert.deepEqual(parseMoneyText('1.250.000 €'), { value: 1250000, currency: 'EUR', ...plain });
    assert.deepEqual(parseMoneyText('12 500 €'), { value: 12500, currency: 'EUR', ...plain });
    assert.deepEqual(parseMoneyText('12\u00a0500 €'), { value: 12500, currency: 'EUR', ...plain });
    assert.deepEqual(parseMoneyText("CHF 12'500"), { value: 12500, currency: 'CHF', ...plain });
    assert.deepEqual(parseMoneyText('12,50 €'), { value: 12.5, currency: 'EUR', ...plain });
    assert.deepEqual(parseMoneyText('12,5k'), { value: 12500, ...plain });
    assert.deepEqual(parseMoneyText('1,5 Mio. €'), { value: 1500000, currency: 'EUR', ...plain });
    assert.deepEqual(parseMoneyText('EUR 1,250.50'), { value: 1250.5, currency: 'EUR', ...plain });
  });

  it('reads "12.500" as 12,500, the likelier reading for money, and says it is a reading to confirm', () => {
    assert.deepEqual(parseMoneyText('12.500 €'), {
      value: 12500,
      currency: 'EUR',
      ...plain,
      separatorGuessed:
        '"12.500" is read with "." as the thousands separator (12,500), as German or Dutch amounts are written; if it means 12.5, write that.',
    });
    // Before k or m a lone mark is a decimal: "$1.2M", "1.250k".
    assert.deepEqual(parseMoneyText('$1.2M'), { value: 1200000, currency: 'USD', currencyGuessed: true, approximate: false });
    assert.deepEqual(parseMoneyText('45k'), { value: 45000, ...plain });
  });

  it('reads a sign (a saving) and a currency written as a word', () => {
    assert.deepEqual(parseMoneyText('-3,000 EUR'), { value: -3000, currency: 'EUR', ...plain });
    assert.deepEqual(parseMoneyText('EUR -3,000'), { value: -3000, currency: 'EUR', ...plain });
    assert.deepEqual(parseMoneyText('+EUR 4,000'), { value: 4000, currency: 'EUR', ...plain });
    assert.deepEqual(parseMoneyText('12,500 euros'), { value: 12500, currency: 'EUR', ...plain });
    assert.deepEqual(parseMoneyText('45k pounds sterling'), { value: 45000, currency: 'GBP', ...plain });
    assert.deepEqual(parseMoneyText('900 dollars'), { value: 900, currency: 'USD', currencyGuessed: true, approximate: false });
  });

  it('still refuses a rate, a duration, mixed groups and a code in lower case', () => {
    for (const text of ['45 GBP per hour', '650 day', '12 500,000.5', '1.234.56', '12,500.000,00', '500 eur', 'quoted at 45 GBP']) {
      assert.equal(parseMoneyText(text), undefined, text);
    }
  });
});

describe('cost-amount-not-numeric: "156.000 €" is 156,000, and the rewrite needs a person', () => {
  it('proposes 156000 (not 156) and marks the fix unsafe, with the reading in the facts', () => {
    const text = fullWith(['  total: 240000', '  total: 156.000 €']);
    const d = onlyDiagnostic('cost-amount-not-numeric', text);
    assert.equal(
      d.message,
      '`budget.total` is text, not a number: write `156000` for "156.000 €" and keep the currency in `budget.currency`.',
    );
    assert.deepEqual(where(d, text), [101, 9, 18, '156.000 €']);
    assert.deepEqual(factsOf(d), [
      '"156.000 €" reads as 156,000 EUR',
      '"156.000" is read with "." as the thousands separator (156,000), as German or Dutch amounts are written; if it means 156, write that.',
    ]);
    const [fix] = resolvedFixesOf(d);
    assert.equal(fix?.title, 'Write "156.000 €" as 156000');
    assert.equal(fix?.applicability, 'unsafe');
  });

  it('keeps the fix safe when the groups leave no doubt ("1.234,56 EUR", "12 500 €")', () => {
    for (const [written, value] of [
      ['1.234,56 EUR', '1234.56'],
      ['12 500 €', '12500'],
    ] as const) {
      const text = fullWith(['    - { milestone: M4, percent: 10 }', `    - { milestone: M4, amount: "${written}" }`]);
      const d = onlyDiagnostic('cost-amount-not-numeric', text);
      assert.equal(
        d.message,
        `\`budget.payments[4].amount\` is text, not a number: write \`${value}\` for "${written}" and keep the currency in \`budget.currency\`.`,
      );
      assert.equal(resolvedFixesOf(d)[0]?.applicability, 'safe', written);
    }
  });
});

describe('cost-payments-sum-mismatch: payment amounts written as text are still added up', () => {
  const schedule = (m3: string, m4: string): string =>
    fullWith(
      ['    - { milestone: M3, percent: 20 }', `    - { milestone: M3, amount: "${m3}" }`],
      ['    - { milestone: M4, percent: 10 }', `    - { milestone: M4, amount: "${m4}" }`],
    );

  it('reports a shortfall hidden behind "EUR 12,500" and "12.500 €", saying how each was read', () => {
    const text = schedule('EUR 12,500', '12.500 €');
    const d = onlyDiagnostic('cost-payments-sum-mismatch', text);
    assert.equal(
      d.message,
      'Payments add up to 80.4% of `budget.total` (193,000 of 240,000 EUR): 47,000 EUR of the price has no payment milestone.',
    );
    assert.deepEqual(where(d, text), [104, 2, 10, 'payments']);
    assert.deepEqual(factsOf(d), [
      '`M0`: 20% = 48,000 EUR',
      '`M1`: 20% = 48,000 EUR',
      '`M2`: 30% = 72,000 EUR',
      '`M3`: 12,500 EUR (5.2%)',
      '`M4`: 12,500 EUR (5.2%)',
      '`M3` is written "EUR 12,500", read as 12,500',
      '`M4` is written "12.500 €", read as 12,500 ("." as the thousands separator)',
      'Sum: 193,000 EUR (80.4%); `budget.total`: 240,000 EUR',
      'Tolerance: ±1,200 EUR (the larger of 1 and 0.5% of the total)',
    ]);
    // No rebalance over text: cost-amount-not-numeric writes the numbers first.
    assert.deepEqual(resolvedFixesOf(d), []);
    assert.equal(diagnosticsOf('cost-amount-not-numeric', text).length, 2);
  });

  it('is quiet when "$1.2M"-style text adds up, and when an amount is an estimate or in another currency', () => {
    assert.deepEqual(diagnosticsOf('cost-payments-sum-mismatch', schedule('48k', '24.000 €')), []);
    assert.deepEqual(diagnosticsOf('cost-payments-sum-mismatch', schedule('approx. 10k', '24,000')), []);
    assert.deepEqual(diagnosticsOf('cost-payments-sum-mismatch', schedule('USD 10,000', '24,000')), []);
  });
});

describe('cost-payment-schedule-missing: invoices that go out monthly, with nothing saying what they charge', () => {
  const noModel = (terms: string): string =>
    fullWith(
      ['  pricing_model: fixed_price\n', ''],
      ['  payment_terms: net 30 from accepted invoice', `  payment_terms: ${terms}`],
      [
        '  payments:\n    - { milestone: M0, percent: 20 }\n    - { milestone: M1, percent: 20 }\n    - { milestone: M2, percent: 30 }\n    - { milestone: M3, percent: 20 }\n    - { milestone: M4, percent: 10 }\n',
        '',
      ],
    );

  it('reads "NET 30" as payment days, not an amount', () => {
    assert.equal(diagnosticsOf('cost-payment-schedule-missing', noModel('Invoiced monthly, NET 30')).length, 1);
  });

  it('reports "Invoiced monthly, net 30" with no pricing model on `budget:`', () => {
    const text = noModel('Invoiced monthly, net 30');
    const d = onlyDiagnostic('cost-payment-schedule-missing', text);
    assert.equal(
      d.message,
      'The budget does not say how the vendor is paid: no `pricing_model`, and `payment_terms` ("Invoiced monthly, net 30") says when invoices go out, not what they charge.',
    );
    assert.equal(severityName(d), 'warning');
    assert.deepEqual(where(d, text), [98, 0, 6, 'budget']);
    assert.deepEqual(factsOf(d), [
      'A recurring invoice can be a fixed fee or the time worked that period; only the first has a known price.',
    ]);
    assert.deepEqual(
      resolvedFixesOf(d).map((f) => f.title),
      ['Set `pricing_model: fixed_price`', 'Set `pricing_model: capped_time_and_materials`', 'Set `pricing_model: time_and_materials`'],
    );
  });

  it('does not take a fee for something else for what the work costs ("late fees apply", a cancellation charge)', () => {
    for (const terms of [
      'Invoiced monthly; late fees apply',
      'Invoiced monthly; cancellation charges apply',
      'Monthly invoices, bank charges borne by the client',
      'Invoiced monthly after a one-off setup fee',
    ]) {
      const d = onlyDiagnostic('cost-payment-schedule-missing', noModel(terms));
      assert.equal(
        d.message,
        `The budget does not say how the vendor is paid: no \`pricing_model\`, and \`payment_terms\` ("${terms}") says when invoices go out, not what they charge.`,
        terms,
      );
    }
  });

  it('takes an amount or a fee per period for a schedule (a run service)', () => {
    for (const terms of [
      '6.500 € per calendar month, invoiced monthly in arrears, net 30.',
      'NOK 40,000 a month in arrears',
      'A fixed monthly service fee, invoiced in arrears.',
      'Quarterly subscription charge in advance',
    ]) {
      assert.deepEqual(
        diagnosticsOf('cost-payment-schedule-missing', noModel(terms)).map((d) => d.message),
        [],
        terms,
      );
    }
  });
});

describe('cost-change-control-incomplete: when a change may be asked for is not its schedule impact', () => {
  const process = (text: string): string =>
    fullWith([
      '    process: Written change request with cost, schedule and risk impact; no work starts before written approval.',
      `    process: ${text}`,
    ]);

  it('does not read "take effect at any time" as a schedule impact', () => {
    const text = process('Changes are agreed on the weekly call and take effect at any time.');
    const d = onlyDiagnostic('cost-change-control-incomplete', text);
    assert.equal(
      d.message,
      'The change process does not ask for a cost or schedule impact: it names no cost or price and no date or schedule.',
    );
    assert.deepEqual(where(d, text), [134, 13, 79, 'Changes are agreed on the weekly call and take effect at any time.']);
  });

  it('still asks for a cost when only the record of the plan is kept, or the hours are of a meeting', () => {
    const text = process('Changes are discussed at the weekly meeting of 2 hours; the vendor keeps the timeline up to date.');
    const d = onlyDiagnostic('cost-change-control-incomplete', text);
    assert.equal(d.message, 'The change process does not ask for a cost impact: it names no cost, price, quote, rate or estimate.');
    assert.equal(d.range.start.line, 134);
  });

  it('asks for the schedule when a change is priced but may be raised "at any time"', () => {
    const text = process('Either party may raise a change request at any time; each is priced before approval.');
    const d = onlyDiagnostic('cost-change-control-incomplete', text);
    assert.equal(d.message, 'The change process does not ask for a schedule impact: it names no schedule, date, milestone or plan.');
    assert.equal(d.range.start.line, 134);
  });

  it('reads an hourly quote, a fixed quote, the contract value, delivery dates and re-planned milestones as impacts', () => {
    for (const text of [
      'Each change is quoted at 45 GBP per hour and re-planned milestones are agreed in writing before work starts.',
      'Each change gets a fixed quote and its impact on the delivery dates before approval.',
      'Changes state the impact on the contract value and on the delivery dates.',
      'Every change is priced before approval and shows re-planned milestones.',
      'Devices added during the term are priced from the tariff and take effect from the next billing quarter.',
      'The vendor submits a change note with the price and the new delivery week.',
      'A change order states the fee adjustment and any extension of time.',
      'Changes are logged with the hours needed and when they can be delivered.',
      'Changes are quoted and the vendor confirms how many weeks it adds.',
      'Each request is estimated in days of effort and gets a time extension if it delays the launch window.',
    ]) {
      assert.deepEqual(
        diagnosticsOf('cost-change-control-incomplete', process(text)).map((d) => d.message),
        [],
        text,
      );
    }
  });
});

describe('change log: impacts written as text', () => {
  const log = (cost: string, days: string): string =>
    `${fullWith()}changes:
  - id: CR1
    raised: 2027-03-01
    summary: Extra export format
    status: approved
    approved_by: Sam Patel
    approved: 2027-03-02
    cost_impact: "${cost}"
    schedule_impact_days: "${days}"
`;

  it('cost-change-impact-missing: "5 days" and "none" are a number of days written as text, with a safe rewrite', () => {
    const text = log('EUR 4,000', '5 days');
    const d = onlyDiagnostic('cost-change-impact-missing', text);
    assert.equal(
      d.message,
      'Change `CR1` is approved with no usable cost or schedule impact: `cost_impact` (in EUR) is the text "EUR 4,000", not a number, and `schedule_impact_days` is the text "5 days", not a number.',
    );
    assert.deepEqual(where(d, text), [159, 4, 11, 'id: CR1']);
    assert.deepEqual(
      resolvedFixesOf(d).map((f) => [f.title, f.applicability]),
      [
        ['Write "EUR 4,000" as 4000', 'safe'],
        ['Write "5 days" as 5', 'safe'],
      ],
    );
    const weeks = onlyDiagnostic('cost-change-impact-missing', log('4000 EUR', '2 weeks'));
    assert.deepEqual(
      resolvedFixesOf(weeks).map((f) => f.title),
      ['Write "4000 EUR" as 4000', 'Write "2 weeks" as 14'],
    );
    const none = onlyDiagnostic('cost-change-impact-missing', log('12.500 €', 'none'));
    assert.deepEqual(
      resolvedFixesOf(none).map((f) => [f.title, f.applicability]),
      [
        ['Write "12.500 €" as 12500', 'unsafe'],
        ['Write "none" as 0', 'safe'],
      ],
    );
  });

  it('cost-change-impact-missing: working days and "about a week" are not calendar days', () => {
    const d = onlyDiagnostic('cost-change-impact-missing', log('4000', '5 working days'));
    assert.equal(
      d.message,
      'Change `CR1` is approved with no usable cost or schedule impact: `cost_impact` (in EUR) is the text "4000", not a number, and `schedule_impact_days` is "5 working days", which is not a number of days.',
    );
  });

  it('cost-changes-exceed-contingency: "$1.2M" on a EUR budget is not added as 1.2 million EUR', () => {
    const text = log('$1.2M', '0');
    assert.deepEqual(diagnosticsOf('cost-changes-exceed-contingency', text), []);
    const over = `${log('40.000 €', '0')}  - id: CR2
    raised: 2027-03-05
    summary: Second market
    status: approved
    approved_by: Sam Patel
    approved: 2027-03-06
    cost_impact: "$1.2M"
    schedule_impact_days: 0
`;
    const d = onlyDiagnostic('cost-changes-exceed-contingency', over);
    assert.equal(
      d.message,
      'Approved changes put the project at least 4,000 EUR over budget: they cost at least 40,000 EUR, more than the 36,000 EUR contingency reserve (15% of 240,000 EUR).',
    );
    assert.deepEqual(where(d, over), [158, 0, 7, 'changes']);
    assert.deepEqual(factsOf(d), [
      '`CR1`: +40,000 EUR (read from the text "40.000 €")',
      '`CR2`: "$1.2M" is in USD (read from "$"), not the budget\'s EUR, so it is not added.',
      'No readable cost impact for `CR2` (`cost-change-impact-missing`), so the sum is a lower bound.',
      'Approved changes: 40,000 EUR; 36,000 EUR contingency reserve (15% of 240,000 EUR).',
    ]);
  });
});

describe('cost-tm-without-cap: a ceiling written with European thousands', () => {
  const tm = (terms: string): string =>
    fullWith(
      ['  pricing_model: fixed_price', '  pricing_model: time_and_materials'],
      ['  total: 240000', '  total: 75000'],
      [
        '  payments:\n    - { milestone: M0, percent: 20 }\n    - { milestone: M1, percent: 20 }\n    - { milestone: M2, percent: 30 }\n    - { milestone: M3, percent: 20 }\n    - { milestone: M4, percent: 10 }\n',
        '  rate_card:\n    - { role: Senior developer, rate: 95, unit: hour }\n',
      ],
      ['  payment_terms: net 30 from accepted invoice', `  payment_terms: ${terms}`],
    );

  it('takes "capped at 80.000 EUR" and "a budget ceiling of 80 000 EUR" as the ceiling, with a hint to set `cap`', () => {
    for (const [words, from] of [
      ['capped at 80.000 EUR', 51],
      ['a budget ceiling of 80 000 EUR', 51],
    ] as const) {
      const text = tm(`Monthly in arrears on timesheets, ${words} in total.`);
      const d = onlyDiagnostic('cost-tm-without-cap', text);
      assert.equal(severityName(d), 'hint');
      assert.equal(
        d.message,
        `The ceiling (80,000 EUR) is written only in \`payment_terms\`: "${words}". Set \`cap\` so it is checked against the total.`,
      );
      assert.deepEqual(where(d, text), [103, from, from + words.length, words]);
      assert.ok(afterFix(d, text, 'Set `cap` to 80,000').includes('  cap: 80000\n'));
    }
  });
});

describe('governance-exit-plan-missing: a small job with personal data owes the data back, not a transition', () => {
  it('says so for a job read as small from its size, with the facts and a fix for the data only', () => {
    const text = fullWith(
      ['  total: 240000', '  total: 3900'],
      ['  end: 2027-10-29', '  end: 2027-03-05'],
      ['exit:\n  termination_for_convenience_notice_days: 30\n', 'exit_old:\n  termination_for_convenience_notice_days: 30\n'],
    );
    const d = diagnosticsOf('governance-exit-plan-missing', text)[0];
    assert.ok(d);
    assert.equal(
      d.message,
      'There is no exit plan (`exit`), and personal data is in scope: even for a small job, agree how your data is returned or deleted at the end (`exit.data_return`).',
    );
    assert.equal(severityName(d), 'warning');
    assert.deepEqual(factsOf(d), [
      'Sensitive because `security.personal_data` is true and `security.data_classification` is confidential.',
      'Read as a small job (3,900 EUR over 3 weeks with 3 deliverables); set `project.engagement` to confirm or correct this. Termination notice and transition assistance are optional for it.',
    ]);
    const after = afterFix(d, text, 'Add the return and deletion of your data');
    assert.ok(
      after.includes('\nexit:\n  data_return:\n    format: TODO   # e.g. CSV export\n    within_days: 10\n  deletion_certificate: true\n'),
      after,
    );
  });
});

describe('a payment plan in `payment_terms` written in European amounts', () => {
  const terms = (plan: string): string =>
    fullWith(
      ['  total: 240000', '  total: 40000'],
      ['  payment_terms: net 30 from accepted invoice', `  payment_terms: ${plan}`],
      [
        '  payments:\n    - { milestone: M0, percent: 20 }\n    - { milestone: M1, percent: 20 }\n    - { milestone: M2, percent: 30 }\n    - { milestone: M3, percent: 20 }\n    - { milestone: M4, percent: 10 }\n',
        '',
      ],
    );

  it('reads "12.000 €", "12 000 €", "€12.000,00" and "12k" as shares of the price', () => {
    for (const plan of [
      '12.000 € on signing and 28.000 € on acceptance of D3',
      '12 000 € on signing and 28 000 € on go-live',
      '€12.000,00 on signing and €28.000,00 on go-live',
      '12k on signing, 28k on go-live',
    ]) {
      const text = terms(plan);
      const d = onlyDiagnostic('cost-payment-schedule-missing', text);
      assert.equal(severityName(d), 'hint', plan);
      assert.equal(
        d.message,
        'The payment plan is written only in `payment_terms` (30%, 70%); list it in `payments` so each share is tied to a milestone and checked against the total.',
        plan,
      );
      assert.deepEqual(where(d, text).slice(0, 2), [103, 17], plan);
    }
  });

  it('reports a plan in those amounts that falls short of the price, with each share read', () => {
    const text = terms('12.000 € on signing and 20.000 € on go-live');
    const d = onlyDiagnostic('cost-payment-schedule-missing', text);
    assert.equal(
      d.message,
      'The payment plan in `payment_terms` covers only 80% of the price (30%, 50%): the other 20% has no agreed trigger. List the payments in `payments` so they add up to the total.',
    );
    assert.deepEqual(factsOf(d), [
      'Read in `payment_terms`: "12.000 € on signing" = 30%',
      'Read in `payment_terms`: "20.000 € on go-live" = 50%',
    ]);
  });

  it('cost-payment-front-loaded reads "€24.000,00 on signing" as 60% up front', () => {
    const text = terms('€24.000,00 on signing and €16.000,00 on go-live');
    const d = onlyDiagnostic('cost-payment-front-loaded', text);
    assert.equal(
      d.message,
      '60% of the price is due before any deliverable is accepted: "€24.000,00 on signing" in `payment_terms` (24,000 of 40,000 EUR); the limit is 30%.',
    );
    assert.deepEqual(where(d, text).slice(0, 2), [103, 17]);
  });
});

describe('cost-change-control-incomplete: approvers who are all on the vendor side', () => {
  const approvers = (list: string): string => fullWith(['    approval_by: [Sam Patel, Dana Reyes]', `    approval_by: ${list}`]);

  it('reports the vendor approving its own changes: its name, a vendor role, or its own key people', () => {
    for (const [list, quoted] of [
      ['[Northwind delivery director]', '"Northwind delivery director"'],
      ['[Vendor PM, Supplier account manager]', '"Vendor PM", "Supplier account manager"'],
      ['[Rui Lopes]', '"Rui Lopes"'],
    ] as const) {
      const text = approvers(list);
      const d = onlyDiagnostic('cost-change-control-incomplete', text);
      assert.equal(
        d.message,
        `Change control names only the vendor's side as approver (${quoted}): the vendor can approve its own extra work, and nobody on your side has to agree.`,
        list,
      );
      assert.equal(severityName(d), 'warning');
      assert.deepEqual(where(d, text), [135, 17, 17 + list.length, list]);
      assert.ok(afterFix(d, text, 'Add an approver on your side to fill in').includes('approval_by: ['), list);
    }
  });

  it('is quiet when anyone on your side approves too, or "our" names the approver', () => {
    for (const list of ['[Northwind delivery director, Sam Patel]', '[Our product owner at Northwind]', '[Client PM]']) {
      assert.deepEqual(
        diagnosticsOf('cost-change-control-incomplete', approvers(list)).map((d) => d.message),
        [],
        list,
      );
    }
  });
});

describe('cost-out-of-scope-empty: a list that says "None"', () => {
  it('reports `out_of_scope: [None]` and `[n/a, -]` as excluding nothing, on the list', () => {
    const list =
      'out_of_scope:\n  - Native mobile apps (iOS, Android)\n  - Migrating invoices issued before 2020-01-01\n  - Changes to the SAP billing back end';
    for (const [written, quoted] of [
      ['[None]', '"None"'],
      ['[n/a, "-"]', '"n/a", "-"'],
      ['[Nothing excluded.]', '"Nothing excluded."'],
    ] as const) {
      const text = fullWith([list, `out_of_scope: ${written}`]);
      const d = onlyDiagnostic('cost-out-of-scope-empty', text);
      assert.equal(
        d.message,
        `\`out_of_scope\` says only ${quoted}, so nothing is explicitly excluded: every adjacent request can be argued into the price.`,
      );
      assert.deepEqual(where(d, text), [137, 14, 14 + written.length, written]);
    }
    assert.deepEqual(diagnosticsOf('cost-out-of-scope-empty', fullWith([list, 'out_of_scope: [None of the legacy reports]'])), []);
  });
});

describe('governance-owner-missing: an owner on the vendor side', () => {
  const owner = (name: string): string => fullWith(['  owner: Sam Patel (Engineering Manager, Billing)', `  owner: ${name}`]);

  it("reports the vendor's key person or a role of the vendor as `project.owner`, on the value", () => {
    for (const name of ['Ana Costa', 'Northwind delivery lead', 'Vendor PM']) {
      const text = owner(name);
      const d = onlyDiagnostic('governance-owner-missing', text);
      assert.equal(
        d.message,
        `\`project.owner\` ("${name}") is on the vendor's side: name the person on your side who runs the day-to-day contact with the vendor.`,
      );
      assert.equal(severityName(d), 'warning');
      assert.deepEqual(where(d, text), [10, 9, 9 + name.length, name]);
    }
  });

  it("is quiet for people on your side, a vendor manager, and words the vendor's name shares with others", () => {
    for (const name of [
      'Sam Patel',
      'Jo Smith, Vendor Manager',
      'Priya Shah (Supplier Relationship Manager)',
      'Our Northwind account owner',
      'Ana Lopes (Head of Software)',
    ]) {
      assert.deepEqual(
        diagnosticsOf('governance-owner-missing', owner(name)).map((d) => d.message),
        [],
        name,
      );
    }
  });
});

describe('cost-tm-without-cap: a cap written as text below the total', () => {
  it('reads "EUR 80,000" against the total and reports the ceiling below the price, on the cap', () => {
    const text = fullWith(
      ['  pricing_model: fixed_price', '  pricing_model: capped_time_and_materials\n  cap: "EUR 200,000"'],
      [
        '  payments:\n    - { milestone: M0, percent: 20 }\n    - { milestone: M1, percent: 20 }\n    - { milestone: M2, percent: 30 }\n    - { milestone: M3, percent: 20 }\n    - { milestone: M4, percent: 10 }\n',
        '  rate_card:\n    - { role: Senior developer, rate: 95, unit: hour }\n',
      ],
    );
    const d = onlyDiagnostic('cost-tm-without-cap', text);
    assert.equal(
      d.message,
      '`budget.cap` (200,000 EUR) is below `budget.total` (240,000 EUR): the ceiling is reached before the contracted work is paid for.',
    );
    assert.deepEqual(where(d, text), [101, 7, 20, '"EUR 200,000"']);
    assert.deepEqual(factsOf(d), [
      '`budget.total` 240,000 − `budget.cap` 200,000 = 40,000 EUR of contracted work above the ceiling',
      '`budget.cap` is written "EUR 200,000", read as 200,000 EUR',
    ]);
    assert.ok(afterFix(d, text, 'Raise `cap` to the total (240,000)').includes('  cap: 240000\n'));
    // In another currency it cannot be compared, and says so; cost-amount-not-numeric still reports the text.
    const usd = text.replace('"EUR 200,000"', '"USD 200,000"');
    const other = onlyDiagnostic('cost-tm-without-cap', usd);
    assert.equal(
      other.message,
      '`budget.cap` ("USD 200,000") is in USD, but the budget is in EUR: the ceiling cannot be checked against the total.',
    );
    assert.deepEqual(where(other, usd), [101, 7, 20, '"USD 200,000"']);
    assert.equal(diagnosticsOf('cost-amount-not-numeric', usd).length, 1);
  });
});

describe('governance-escalation-missing: levels with no response time', () => {
  const ladder = (levels: string): string =>
    fullWith([
      '  escalation:\n    - { level: 1, contact: Sam Patel, respond_within_days: 2 }\n    - { level: 2, contact: Dana Reyes, respond_within_days: 5 }\n',
      `  escalation:\n${levels}`,
    ]);

  it('says which levels give no response time, as information on the first of them', () => {
    const one = ladder('    - { level: 1, contact: Sam Patel }\n');
    const d = onlyDiagnostic('governance-escalation-missing', one);
    assert.equal(
      d.message,
      'The escalation path gives no response time for level 1 (`respond_within_days`): an issue can wait there as long as that level likes.',
    );
    assert.equal(severityName(d), 'info');
    assert.deepEqual(where(d, one).slice(0, 2), [131, 6]);
    const two = ladder(
      '    - { level: 1, contact: Sam Patel }\n    - { level: 2, contact: Dana Reyes }\n    - { level: 3, contact: CEO, respond_within_days: 5 }\n',
    );
    assert.equal(
      onlyDiagnostic('governance-escalation-missing', two).message,
      'The escalation path gives no response time for level 1 and level 2 (`respond_within_days`): an issue can wait there as long as that level likes.',
    );
  });

  it('is quiet when every level has one', () => {
    assert.deepEqual(diagnosticsOf('governance-escalation-missing', fullWith()), []);
  });
});

describe('cost-tbd-placeholder: a value its own comment marks as open', () => {
  it('reports `total: 240000  # TBC` on the value, as an error under budget', () => {
    const text = fullWith(['  total: 240000', '  total: 240000  # TBC']);
    const d = onlyDiagnostic('cost-tbd-placeholder', text);
    assert.equal(
      d.message,
      'The comment on `budget.total` says "TBC": the value is not confirmed. Settle it before signing, or record it as an assumption with a decision date and an owner.',
    );
    assert.equal(severityName(d), 'error');
    assert.deepEqual(where(d, text), [101, 9, 15, '240000']);
  });

  it('reads a due date and a one-line payment the same way, and not a comment on a line of its own', () => {
    const due = fullWith(['    due: 2027-06-11', '    due: 2027-06-11  # date to be confirmed by the vendor']);
    assert.deepEqual(
      diagnosticsOf('cost-tbd-placeholder', due).map((d) => d.message),
      [
        'The comment on `deliverables[1].due` says "to be confirmed": the value is not confirmed. Settle it before signing, or record it as an assumption with a decision date and an owner.',
      ],
    );
    const payment = fullWith(['    - { milestone: M1, percent: 20 }', '    - { milestone: M1, percent: 20 }  # TBC']);
    const d = onlyDiagnostic('cost-tbd-placeholder', payment);
    assert.deepEqual(where(d, payment).slice(0, 2), [106, 6]);
    const own = fullWith(['  contingency_percent: 15', '  # TODO: agree the contingency with finance\n  contingency_percent: 15']);
    assert.deepEqual(diagnosticsOf('cost-tbd-placeholder', own), []);
  });
});
