// The cost rules on the way leads write (issue 10): change processes that state a price or a
// schedule impact in plain words (and ones that only seem to), billing by time written in payment
// terms, payment plans written in words, open items and open-ended wording people actually write.
// Each case asserts the rule id and the range a user sees.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnosticsOf, factsOf, lineOf, onlyDiagnostic } from '../support/analyze';
import { fullWith } from '../support/ruleCheck';

/** [line, first character, last character, underlined text] of a diagnostic. */
function where(d: Diagnostic, text: string): [number, number, number, string] {
  const line = text.split('\n')[d.range.start.line] ?? '';
  return [d.range.start.line, d.range.start.character, d.range.end.character, line.slice(d.range.start.character, d.range.end.character)];
}

const fullProcess = '    process: Written change request with cost, schedule and risk impact; no work starts before written approval.';

describe('cost-change-control-incomplete: impacts in plain words, and words that only look like one', () => {
  const id = 'cost-change-control-incomplete';
  const process = (text: string): string => fullWith([fullProcess, `    process: ${text}`]);

  it('reads the events a change moves, when it takes effect, and the stretch of time it moves the plan by as schedule', () => {
    for (const text of [
      'The vendor sizes each request in hours at the rate card and says how many working days it pushes the go-live.',
      'Each change comes with a fixed quote and the number of weeks it moves the first live payroll.',
      'Devices added during the term are priced from the tariff and take effect from the next billing quarter.',
      'Every request is costed and shows its effect on the cut-over weekend.',
      'Extra pages are priced per page and land in the following release.',
    ]) {
      assert.deepEqual(
        diagnosticsOf(id, process(text)).map((d) => d.message),
        [],
        text,
      );
    }
  });

  it('reads payments, funding and purchase orders as cost', () => {
    for (const text of [
      'Each change states whether it is funded from the contingency and its new delivery date.',
      'A change raises a purchase order variation and shows the revised milestone dates.',
      'Every change request says what is chargeable and when it ships in the release plan.',
    ]) {
      assert.deepEqual(
        diagnosticsOf(id, process(text)).map((d) => d.message),
        [],
        text,
      );
    }
  });

  it('does not take a person, a tool or a record kept "up to date" for an impact', () => {
    const text = process("Changes are raised on the weekly call; Datasmith's commercial lead keeps the change log up to date.");
    const d = onlyDiagnostic(id, text);
    assert.equal(
      d.message,
      'The change process does not ask for a cost or schedule impact: it names no cost or price and no date or schedule.',
    );
    assert.deepEqual(where(d, text), [
      lineOf(text, 'commercial lead'),
      13,
      112,
      "Changes are raised on the weekly call; Datasmith's commercial lead keeps the change log up to date.",
    ]);
  });

  it('does not take the billing portal, the date a request was raised or a document called Schedule 3 for an impact', () => {
    for (const text of [
      'Requests go through the billing portal with the date they were raised.',
      'Requests are logged with the date raised and handled under Schedule 3.',
      'The cost centre owner logs each request; changes follow Schedule B.',
    ]) {
      const d = onlyDiagnostic(id, process(text));
      assert.equal(
        d.message,
        'The change process does not ask for a cost or schedule impact: it names no cost or price and no date or schedule.',
        text,
      );
    }
  });
});

describe('cost-tm-without-cap: billing by time written in payment terms', () => {
  const id = 'cost-tm-without-cap';
  const schedule =
    '  payments:\n    - { milestone: M0, percent: 20 }\n    - { milestone: M1, percent: 20 }\n    - { milestone: M2, percent: 30 }\n    - { milestone: M3, percent: 20 }\n    - { milestone: M4, percent: 10 }\n';
  const noModel = (terms: string): string =>
    fullWith(['  pricing_model: fixed_price\n', ''], ['net 30 from accepted invoice', terms], [schedule, '']);

  it('reads day rates, days delivered, person-days and hours logged as time and materials, reported on budget', () => {
    for (const terms of [
      'Invoiced monthly for the days delivered, at 1,050 EUR per consultant day.',
      'Charged at the agreed day rates, monthly in arrears.',
      'Billed monthly for the person-days used.',
      'Invoiced every month for the hours logged in Jira Tempo.',
      'Time-and-material, invoiced monthly.',
    ]) {
      const text = noModel(terms);
      const d = onlyDiagnostic(id, text);
      assert.equal(
        d.message,
        'Hourly or daily billing has no `cap` and no `rate_card`: nothing limits what the vendor can bill, or at what rates.',
        terms,
      );
      assert.deepEqual(where(d, text).slice(0, 3), [lineOf(text, 'budget:'), 0, 6], terms);
      assert.deepEqual(factsOf(d), [
        'Read as time and materials because `payment_terms` bill for time worked, and `budget.pricing_model` does not name a model.',
      ]);
    }
  });

  it('reads "time-and-material" and "per day" in the pricing model as time and materials', () => {
    for (const model of ['Time-and-material', 'Per consultant day']) {
      const text = fullWith(
        ['  pricing_model: fixed_price\n', `  pricing_model: ${model}\n`],
        [schedule, '  rate_card:\n    - { role: Lead, rate: 900, unit: day }\n'],
      );
      const d = onlyDiagnostic(id, text);
      assert.equal(d.message, 'Time-and-materials pricing has no `cap`: nothing limits how many hours the vendor can bill.', model);
      assert.deepEqual(where(d, text), [lineOf(text, '  rate_card:'), 2, 11, 'rate_card'], model);
    }
  });

  it('does not read a monthly fee or payment days as billing by time', () => {
    for (const terms of ['22,000 EUR per month in arrears, net 30.', 'Payable within 30 days of an accepted invoice.']) {
      assert.deepEqual(diagnosticsOf(id, noModel(terms)), [], terms);
    }
  });
});
