// Three cost rules on the way leads write (issue 10, "findings a lead can trust"): ceilings that can
// still move, a fixed-price phase beside a capped T&M phase, a ceiling under a key of the lead's own,
// `capped_tm`; sprint ceremonies and a product owner that are no impact, a party that is no approver;
// payments due on signature written where a milestone id should be, or at an undated mobilisation.
// Each case asserts the message and the range a user sees.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnosticsOf, factsOf, lineOf, onlyDiagnostic, severityName } from '../support/analyze';
import { readPaymentPlan } from '../../server/src/service/paymentTerms';
import { fullWith } from '../support/ruleCheck';

/** [line, first character, last character, underlined text] of a diagnostic. */
function where(d: Diagnostic, text: string): [number, number, number, string] {
  const line = text.split('\n')[d.range.start.line] ?? '';
  return [d.range.start.line, d.range.start.character, d.range.end.character, line.slice(d.range.start.character, d.range.end.character)];
}

const schedule =
  '  payments:\n    - { milestone: M0, percent: 20 }\n    - { milestone: M1, percent: 20 }\n    - { milestone: M2, percent: 30 }\n    - { milestone: M3, percent: 20 }\n    - { milestone: M4, percent: 10 }\n';
const rates = '  rate_card:\n    - { role: Lead, rate: 900, unit: day }\n';
/** The full example (total 240,000 EUR) on time and materials, with a rate card and these payment terms. */
const tm = (terms: string, model = 'time_and_materials', extra = ''): string =>
  fullWith(
    ['  pricing_model: fixed_price\n', `  pricing_model: ${model}\n${extra}`],
    ['net 30 from accepted invoice', terms],
    [schedule, rates],
  );
const noCap = 'Time-and-materials pricing has no `cap`: nothing limits how many hours the vendor can bill.';

describe('cost-tm-without-cap: a ceiling that can still move is no cap', () => {
  const id = 'cost-tm-without-cap';

  it('a soft, provisional or non-binding cap, or one "to be reviewed", leaves the error on budget and says what was read', () => {
    for (const [terms, said] of [
      ['We agreed a soft cap of EUR 250,000 for the engagement.', 'soft cap of EUR 250,000'],
      ['A provisional ceiling of EUR 250,000 applies.', 'provisional ceiling of EUR 250,000'],
      ['Capped at EUR 250,000, to be reviewed after discovery.', 'Capped at EUR 250,000, to be reviewed'],
      ['Not to exceed EUR 250,000 (indicative only).', 'Not to exceed EUR 250,000 (indicative)'],
      ['The engagement is capped at EUR 250,000 (soft cap).', 'capped at EUR 250,000 (soft cap)'],
      ['Capped at EUR 250,000 as a guide for planning.', 'Capped at EUR 250,000 as a guide'],
    ] as const) {
      const text = tm(terms);
      const d = onlyDiagnostic(id, text);
      assert.equal(severityName(d), 'error', terms);
      assert.equal(d.message, noCap, terms);
      assert.deepEqual(where(d, text), [lineOf(text, 'budget:'), 0, 6, 'budget'], terms);
      assert.deepEqual(
        factsOf(d),
        [`\`budget.payment_terms\` gives a ceiling that can still move ("${said}"), not one the vendor exceeds at its own risk.`],
        terms,
      );
    }
  });

  it('a cap "subject to change request" is still a cap: each change is approved', () => {
    const terms = 'Budget cap of EUR 250,000, subject to change request.';
    const text = tm(terms);
    const d = onlyDiagnostic(id, text);
    assert.equal(severityName(d), 'hint');
    assert.equal(
      d.message,
      'The ceiling (250,000 EUR) is written only in `payment_terms`: "Budget cap of EUR 250,000". Set `cap` so it is checked against the total.',
    );
    const words = 'Budget cap of EUR 250,000';
    assert.deepEqual(where(d, text), [lineOf(text, '  payment_terms:'), 17, 17 + words.length, words]);
  });

  it('a fixed-price phase and a capped T&M phase that together bound the total are a cap', () => {
    const terms = 'Fixed price of EUR 40,000 for discovery; the build on T&M, not to exceed EUR 200,000.';
    const text = tm(terms);
    const d = onlyDiagnostic(id, text);
    assert.equal(severityName(d), 'hint');
    assert.equal(
      d.message,
      'The ceiling is written as 2 caps per phase in `payment_terms`, together 240,000 EUR: set `cap` so it is checked against the total.',
    );
    const span = 'Fixed price of EUR 40,000 for discovery; the build on T&M, not to exceed EUR 200,000';
    assert.deepEqual(where(d, text), [lineOf(text, '  payment_terms:'), 17, 17 + span.length, span]);
  });

  it('a fixed-price phase beside an uncapped T&M phase is no cap: the rest has no ceiling', () => {
    const text = tm('Fixed price of EUR 40,000 for discovery; the build is billed on T&M.');
    const d = onlyDiagnostic(id, text);
    assert.equal(d.message, noCap);
    assert.deepEqual(where(d, text), [lineOf(text, 'budget:'), 0, 6, 'budget']);
    assert.deepEqual(factsOf(d), [
      '`budget.payment_terms` prices a part of the work at a fixed price ("Fixed price of EUR 40,000") below `budget.total` (240,000 EUR); the rest has no ceiling in the same words.',
    ]);
  });

  it("reads a ceiling under a key of the lead's own (`notes`, `not_to_exceed`) as a cap in words", () => {
    const notes = tm('Invoiced monthly.', 'time_and_materials', '  notes: Total not to exceed EUR 250,000.\n');
    const d = onlyDiagnostic(id, notes);
    assert.equal(severityName(d), 'hint');
    assert.equal(
      d.message,
      'The ceiling (250,000 EUR) is written only in `notes`: "not to exceed EUR 250,000". Set `cap` so it is checked against the total.',
    );
    assert.deepEqual(where(d, notes), [lineOf(notes, '  notes: Total'), 15, 40, 'not to exceed EUR 250,000']);

    const key = tm('Invoiced monthly.', 'time_and_materials', '  not_to_exceed: 250000\n');
    const k = onlyDiagnostic(id, key);
    assert.equal(severityName(k), 'hint');
    assert.equal(
      k.message,
      'The ceiling (250,000 EUR) is written only in `not_to_exceed`: "250000". Set `cap` so it is checked against the total.',
    );
    assert.equal(k.range.start.line, lineOf(key, '  not_to_exceed:'));
    // A number below the total under such a key is no cap: the error stays.
    assert.equal(onlyDiagnostic(id, tm('Invoiced monthly.', 'time_and_materials', '  ceiling: 100000\n')).message, noCap);
  });

  it('reads `capped_tm`, `CTM` and `TM` as the models they name, on the rate card beside their schema finding', () => {
    for (const [model, name] of [
      ['capped_tm', 'Capped time-and-materials pricing'],
      ['CTM', 'Capped time-and-materials pricing'],
      ['TM', 'Time-and-materials pricing'],
    ] as const) {
      const text = tm('Invoiced monthly.', model);
      const d = onlyDiagnostic(id, text);
      assert.equal(d.message, `${name} has no \`cap\`: nothing limits how many hours the vendor can bill.`, model);
      assert.deepEqual(where(d, text), [lineOf(text, '  rate_card:'), 2, 11, 'rate_card'], model);
      assert.equal(factsOf(d), undefined, model);
    }
  });
});

const fullProcess = '    process: Written change request with cost, schedule and risk impact; no work starts before written approval.';
const process = (text: string): string => fullWith([fullProcess, `    process: ${text}`]);

describe('cost-change-control-incomplete: ceremonies, a product owner and a party are not what they look like', () => {
  const id = 'cost-change-control-incomplete';

  it('a sprint ceremony or backlog is no schedule impact', () => {
    for (const text of [
      'The vendor re-estimates the effort and the product owner prioritises it at sprint planning.',
      'Each change gets a revised quote and is shown at the next sprint review.',
      'Changes are priced at the rate card and added to the release backlog.',
    ]) {
      const doc = process(text);
      const d = onlyDiagnostic(id, doc);
      assert.equal(
        d.message,
        'The change process does not ask for a schedule impact: it names no schedule, date, milestone or plan.',
        text,
      );
      assert.deepEqual(where(d, doc), [lineOf(doc, '    process:'), 13, 13 + text.length, text], text);
    }
    // The sprint a change lands in is a schedule impact.
    assert.deepEqual(diagnosticsOf(id, process('Each change gets a revised quote and the sprint it lands in.')), []);
  });

  it('"PO" is the product owner unless order words are around it', () => {
    const text = 'The PO prioritises each change and confirms the new delivery date.';
    const doc = process(text);
    const d = onlyDiagnostic(id, doc);
    assert.equal(d.message, 'The change process does not ask for a cost impact: it names no cost, price, quote, rate or estimate.');
    assert.deepEqual(where(d, doc), [lineOf(doc, '    process:'), 13, 13 + text.length, text]);
    for (const order of [
      'Each change is covered by a revised PO and confirms the new delivery date.',
      'The PO value is amended and the new delivery date confirmed.',
    ]) {
      assert.deepEqual(diagnosticsOf(id, process(order)), [], order);
    }
  });

  it('an approver that is only a party ("Client", "Both parties") names nobody', () => {
    for (const [list, quoted] of [
      ['[Client]', '"Client"'],
      ['[Both parties]', '"Both parties"'],
      ['[the customer, Mutual agreement]', '"the customer", "Mutual agreement"'],
      ['[Vendor PM, Client]', '"Client"'],
    ] as const) {
      const text = fullWith(['    approval_by: [Sam Patel, Dana Reyes]', `    approval_by: ${list}`]);
      const d = onlyDiagnostic(id, text);
      assert.equal(
        d.message,
        `Change control names a party, not a person or a role, as approver (${quoted}): anyone on that side can approve extra work.`,
        list,
      );
      assert.deepEqual(where(d, text), [lineOf(text, '    approval_by:'), 17, 17 + list.length, list], list);
    }
    // A role or a person beside the party names someone; so does a process that says who approves.
    assert.deepEqual(
      diagnosticsOf(id, fullWith(['    approval_by: [Sam Patel, Dana Reyes]', '    approval_by: [Client, Head of IT]'])),
      [],
    );
    const named = fullWith(
      ['    approval_by: [Sam Patel, Dana Reyes]', '    approval_by: [Client]'],
      [fullProcess, '    process: Each change states its cost and schedule impact and is approved in writing by the Head of IT.'],
    );
    assert.deepEqual(diagnosticsOf(id, named), []);
  });
});

describe('cost-payment-front-loaded: a payment due on signature written where a milestone id should be', () => {
  const id = 'cost-payment-front-loaded';

  it('counts words that name signing, a deposit or kick-off in place of an id as up front', () => {
    const text = fullWith(
      ['    - { milestone: M0, percent: 20 }', '    - { milestone: On signature, percent: 25 }\n    - { milestone: M0, percent: 20 }'],
      ['    - { milestone: M2, percent: 30 }', '    - { milestone: M2, percent: 5 }'],
    );
    const d = onlyDiagnostic(id, text);
    assert.equal(d.message, '45% of the price (108,000 of 240,000 EUR) is paid before any deliverable is accepted; the limit is 30%.');
    assert.deepEqual(factsOf(d), [
      'First acceptance: `M1` on 2027-04-09',
      'Up front: "On signature" (not a milestone id; the words say it is due before any work is accepted): 25% = 60,000 EUR',
      'Up front: `M0` (2027-02-15, no deliverables): 20% = 48,000 EUR',
      'Limit: 30% of 240,000 EUR = 72,000 EUR',
    ]);
    const line = '    - { milestone: On signature, percent: 25 }';
    assert.deepEqual(where(d, text), [lineOf(text, line), 6, line.length, line.slice(6)]);
    // Words that name no time before the work ("Phase two") are left to structure-unknown-reference.
    const other = fullWith(
      ['    - { milestone: M0, percent: 20 }', '    - { milestone: Phase two, percent: 25 }\n    - { milestone: M0, percent: 20 }'],
      ['    - { milestone: M2, percent: 30 }', '    - { milestone: M2, percent: 5 }'],
    );
    assert.deepEqual(diagnosticsOf(id, other), []);
  });
});

describe('cost-change-control-incomplete: idioms that only contain a cost or schedule word', () => {
  const id = 'cost-change-control-incomplete';

  it('"for the duration of the contract", "without delay" and "within 5 calendar days" are no schedule impact', () => {
    for (const text of [
      'Change requests are priced at the rate card, fixed for the duration of the contract, and answered without delay.',
      'Each change is priced and answered within 5 calendar days.',
    ]) {
      const doc = process(text);
      const d = onlyDiagnostic(id, doc);
      assert.equal(
        d.message,
        'The change process does not ask for a schedule impact: it names no schedule, date, milestone or plan.',
        text,
      );
      assert.deepEqual(where(d, doc), [lineOf(doc, '    process:'), 13, 13 + text.length, text], text);
    }
    // The delay a change causes, and how long it takes, are.
    for (const text of [
      'Each change states its cost and the delay it causes to go-live.',
      'Every change is priced and its duration estimated.',
    ]) {
      assert.deepEqual(diagnosticsOf(id, process(text)), [], text);
    }
  });

  it('"the person in charge" and "reasonable efforts" are no cost impact', () => {
    for (const text of [
      'The project manager in charge logs each change and agrees the new delivery date.',
      'The vendor uses reasonable efforts to deliver each change by the agreed date.',
    ]) {
      const doc = process(text);
      const d = onlyDiagnostic(id, doc);
      assert.equal(d.message, 'The change process does not ask for a cost impact: it names no cost, price, quote, rate or estimate.', text);
      assert.deepEqual(where(d, doc), [lineOf(doc, '    process:'), 13, 13 + text.length, text], text);
    }
  });
});

describe('cost-payment-front-loaded: a plan in words that names the contract coming into force', () => {
  const id = 'cost-payment-front-loaded';
  const noPayments = (terms: string): string =>
    fullWith(
      ['net 30 from accepted invoice', terms],
      [
        '  payments:\n    - { milestone: M0, percent: 20 }\n    - { milestone: M1, percent: 20 }\n    - { milestone: M2, percent: 30 }\n    - { milestone: M3, percent: 20 }\n    - { milestone: M4, percent: 10 }\n',
        '',
      ],
    );

  it('reads execution, the effective date, initiation, the order and "<event> of N%" as up front', () => {
    for (const [terms, share] of [
      ['Up-front payment of 40%, then 60% on acceptance.', 'Up-front payment of 40%'],
      ['A retainer of 40%, 60% on acceptance.', 'A retainer of 40%'],
      ['40% upon contract execution, 60% on acceptance.', '40% upon contract execution'],
      ['40% on execution of this SOW, 60% on acceptance.', '40% on execution of this SOW'],
      ['40% on the effective date, 60% on acceptance.', '40% on the effective date'],
      ['40% at project initiation, 60% at acceptance.', '40% at project initiation'],
      ['40% when the PO is issued, 60% on acceptance.', '40% when the PO is issued'],
      ['40% with the order, 60% on acceptance.', '40% with the order'],
    ] as const) {
      const text = noPayments(terms);
      const d = onlyDiagnostic(id, text);
      assert.equal(
        d.message,
        `40% of the price is due before any deliverable is accepted: "${share}" in \`payment_terms\` (96,000 of 240,000 EUR); the limit is 30%.`,
        terms,
      );
      assert.deepEqual(where(d, text), [lineOf(text, '  payment_terms:'), 17, 17 + share.length, share], terms);
    }
    // Running the tests is work, and a payment on acceptance is not up front.
    for (const terms of ['40% on execution of the test plan, 60% on go-live.', 'Payment of 40% on acceptance of D1, 60% on go-live.']) {
      assert.deepEqual(diagnosticsOf(id, noPayments(terms)), [], terms);
    }
  });
});

describe('readPaymentPlan: the event named before its share', () => {
  it('reads "Deposit: 40%" and "A retainer of 40%" as up-front shares, and "Payment of 40% on acceptance" as not', () => {
    for (const [terms, text, upfront] of [
      ['Deposit: 40%. Then 60% on acceptance.', 'Deposit: 40%', true],
      ['A retainer of 40%, 60% on acceptance.', 'A retainer of 40%', true],
      ['Payment of 40% on acceptance of D1, 60% on go-live.', 'Payment of 40% on acceptance of D1', false],
    ] as const) {
      const plan = readPaymentPlan(terms, { total: 100000 });
      assert.equal(plan?.kind, 'schedule', terms);
      assert.deepEqual(plan?.kind === 'schedule' ? plan.shares[0] : undefined, { percent: 40, upfront, text }, terms);
    }
  });
});

describe('cost-change-control-incomplete: more ways leads ask for the impact', () => {
  const id = 'cost-change-control-incomplete';

  it('reads sizing, extra days, investment, an uplift and the TCV as cost; a landing, a slot, a completion, slippage and a Gantt as schedule', () => {
    for (const text of [
      'Each change request shows what it costs and when it lands.',
      'Every CR is sized in t-shirt sizes with the number of sprints it needs.',
      'Each CR is assessed for commercial and delivery implications.',
      'Each change states the additional charges and the revised completion.',
      'CRs state the extra days and the new end date.',
      'Each change comes with a price and a revised Gantt.',
      'The CR gives the uplift in fees and any slippage.',
      'Each change states the additional investment and the revised lead time.',
      'The CR shows the impact on the TCV and the timeline.',
      'The change form records the impact on price, scope and time.',
      'Each change lists the extra cost and which week it can start.',
      'Each change states the extra cost and how much later the project finishes.',
      'The CR includes a quote and the number of additional weeks.',
    ]) {
      assert.deepEqual(diagnosticsOf(id, process(text)), [], text);
    }
  });

  it('"when they start" is when a change is logged, not a schedule impact', () => {
    const text = 'Each change is priced and logged when they start.';
    const doc = process(text);
    const d = onlyDiagnostic(id, doc);
    assert.equal(d.message, 'The change process does not ask for a schedule impact: it names no schedule, date, milestone or plan.');
    assert.deepEqual(where(d, doc), [lineOf(doc, '    process:'), 13, 13 + text.length, text]);
  });
});

describe('cost-tm-without-cap: a phase billed for time beside milestone payments, with no model', () => {
  const id = 'cost-tm-without-cap';
  const mixed = (terms: string): string =>
    fullWith(['  pricing_model: fixed_price\n', ''], ['net 30 from accepted invoice', terms], ['  payments:', `${rates}  payments:`]);

  it('reads the phase as time and materials and reports the missing cap on budget', () => {
    const text = mixed('Phase 1 milestones as below; phase 2 (hypercare) billed on T&M at the rate card.');
    const d = onlyDiagnostic(id, text);
    assert.equal(d.message, 'Hourly or daily billing has no `cap`: nothing limits how many hours the vendor can bill.');
    assert.deepEqual(where(d, text), [lineOf(text, 'budget:'), 0, 6, 'budget']);
    assert.deepEqual(factsOf(d), [
      'Read as time and materials because `payment_terms` bill part of the work for time ("phase 2 (hypercare) billed on T&M at the rate card") beside the milestone payments, and `budget.pricing_model` does not name a model.',
    ]);
  });

  it('a ceiling on that phase is a cap in words; changes or travel billed by the day are not a phase', () => {
    const capped = mixed('Phase 1 milestones as below; phase 2 billed on T&M at the rate card, not to exceed EUR 250,000.');
    assert.equal(severityName(onlyDiagnostic(id, capped)), 'hint');
    for (const terms of ['Net 30. Change requests billed at the day rate.', 'Net 30. Travel days billed at the day rate.']) {
      assert.deepEqual(diagnosticsOf(id, mixed(terms)), [], terms);
    }
  });
});
