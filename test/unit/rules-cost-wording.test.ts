// The cost rules on the way leads write (issue 10): change processes that state a price or a
// schedule impact in plain words (and ones that only seem to), billing by time written in payment
// terms, payment plans written in words, open items and open-ended wording people actually write.
// Each case asserts the rule id and the range a user sees.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnosticsOf, factsOf, lineOf, onlyDiagnostic, resolvedFixesOf, severityName } from '../support/analyze';
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

describe('cost-change-control-incomplete: approvers, steps and references as leads write them', () => {
  const id = 'cost-change-control-incomplete';
  const block =
    '    process: Written change request with cost, schedule and risk impact; no work starts before written approval.\n    approval_by: [Sam Patel, Dana Reyes]\n';
  const changeControl = (lines: string): string => fullWith([block, lines]);

  it('takes an approver named in the process, or under a key beside it, when there is no `approval_by`', () => {
    for (const process of [
      "Each change request is priced and its effect on the delivery dates stated before the Client signs it. Changes are approved in writing by the Client's Digital Director, Ruth Adeyemi.",
      'Variation orders carry a price and a revised completion date and are signed off by the IT steering group.',
      'Kestrel returns an impact assessment covering effort, fees and timeline; the Change Advisory Board approves it.',
      'Written change request with cost and schedule impact, signed by Dana Reyes (VP Customer Operations) before work starts.',
    ]) {
      assert.deepEqual(
        diagnosticsOf(id, changeControl(`    process: ${JSON.stringify(process)}\n`)).map((d) => d.message),
        [],
        process,
      );
    }
    for (const key of ['approver: Sam Patel', 'approved_by: [Sam Patel]', 'approvers: [Sam Patel, Dana Reyes]']) {
      const text = changeControl(`    process: Written change request with cost and schedule impact.\n    ${key}\n`);
      assert.deepEqual(diagnosticsOf(id, text), [], key);
      assert.equal(diagnosticsOf('schema/additional-property', text).length, 1, key);
    }
  });

  it('still reports a process that names no one on the buyer’s side, on the change_control key', () => {
    for (const process of [
      'Written change request with cost and schedule impact; approved by the client.',
      'Written change request with cost and schedule impact; agreed between the parties.',
      'Written change request with cost and schedule impact, approved by email.',
      'Written change request with cost and schedule impact, approved by Northwind.',
    ]) {
      const text = changeControl(`    process: ${process}\n`);
      const d = onlyDiagnostic(id, text);
      assert.equal(
        d.message,
        'Change control names no approver: anyone on your side can approve extra work informally (`approval_by`).',
        process,
      );
      assert.deepEqual(where(d, text), [lineOf(text, 'change_control:'), 2, 16, 'change_control'], process);
    }
  });

  it('reads a process written as a list of steps, and reports the impact it lacks on the list', () => {
    const text = changeControl(
      '    process:\n      - Client raises a change request\n      - Vendor sends a quote within 5 days\n      - Sam Patel approves in writing\n    approval_by: [Sam Patel]\n',
    );
    const d = onlyDiagnostic(id, text);
    assert.equal(d.message, 'The change process does not ask for a schedule impact: it names no schedule, date, milestone or plan.');
    assert.equal(d.range.start.line, lineOf(text, '- Client raises a change request'));
    assert.deepEqual(resolvedFixesOf(d), []);
    const complete = changeControl(
      '    process:\n      - Client raises a change request\n      - Vendor sends a quote and a delivery estimate within 5 days\n    approval_by: [Sam Patel]\n',
    );
    assert.deepEqual(diagnosticsOf(id, complete), []);
  });

  it('reads British and plain schedule words, and effort, caps and financial impact as cost', () => {
    for (const process of [
      'Change requests are assessed for impact on price and programme.',
      'Changes follow the procedure in Schedule 6, including an impact on charges and timetable.',
      'Each CR is quoted (fixed fee) with its impact on the critical path.',
      'Every change states how much it costs and how long it takes.',
      'Every change states its price and when it will be delivered.',
      'Changes are documented with their financial and timeline implications.',
      'Changes are sized in story points and the release date agreed with the product owner.',
      'Each change lists the hours it adds against the cap and a re-baselined plan.',
      'Each change states its budgetary and timing impact.',
      'Each change request carries its cost and delivery impact.',
      'Changes are repriced and rescheduled before approval.',
      'Each change gets a quote and an ETA.',
      'Each change gets a quote and a revised time-scale.',
    ]) {
      assert.deepEqual(
        diagnosticsOf(id, changeControl(`    process: ${process}\n    approval_by: [Sam Patel]\n`)).map((d) => d.message),
        [],
        process,
      );
    }
  });

  it('does not take "at any time" or the budget holder for an impact', () => {
    const text = changeControl(
      '    process: Each change request is answered at any time by the budget holder.\n    approval_by: [Sam Patel]\n',
    );
    assert.equal(
      onlyDiagnostic(id, text).message,
      'The change process does not ask for a cost or schedule impact: it names no cost or price and no date or schedule.',
    );
  });

  it('reads the process under `procedure` or `steps` when there is no `process`, and reports on that key', () => {
    const complete = changeControl('    procedure: Written change request with cost and schedule impact.\n    approval_by: [Sam Patel]\n');
    assert.deepEqual(diagnosticsOf(id, complete), []);
    assert.equal(diagnosticsOf('schema/additional-property', complete).length, 1);
    const text = changeControl('    procedure: Written change request; no work before written approval.\n    approval_by: [Sam Patel]\n');
    const d = onlyDiagnostic(id, text);
    assert.equal(
      d.message,
      'The change process does not ask for a cost or schedule impact: it names no cost or price and no date or schedule.',
    );
    assert.deepEqual(where(d, text), [lineOf(text, 'procedure:'), 15, 71, 'Written change request; no work before written approval.']);
  });

  it('gives a hint to check a named contract schedule the process defers to, instead of a warning', () => {
    const text = changeControl('    process: As per Schedule 6 (Change Control Procedure) of the MSA.\n    approval_by: [Sam Patel]\n');
    const d = onlyDiagnostic(id, text);
    assert.equal(severityName(d), 'hint');
    assert.equal(d.message, 'The change process refers to Schedule 6: check that it asks for a cost and schedule impact.');
    assert.deepEqual(where(d, text), [
      lineOf(text, 'As per Schedule 6'),
      13,
      69,
      'As per Schedule 6 (Change Control Procedure) of the MSA.',
    ]);
    assert.deepEqual(factsOf(d), [
      'Nothing in the process itself asks for a cost or price or a date or schedule; if Schedule 6 does not either, write it here.',
    ]);
    // A standard process with no named document stays a warning.
    const plain = onlyDiagnostic(
      id,
      changeControl("    process: Changes handled through the partner's standard change process.\n    approval_by: [Sam Patel]\n"),
    );
    assert.equal(severityName(plain), 'warning');
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

describe('payment plans written in payment_terms', () => {
  const schedule =
    '  payments:\n    - { milestone: M0, percent: 20 }\n    - { milestone: M1, percent: 20 }\n    - { milestone: M2, percent: 30 }\n    - { milestone: M3, percent: 20 }\n    - { milestone: M4, percent: 10 }\n';
  const inWords = (terms: string): string => fullWith(['net 30 from accepted invoice', terms], [schedule, '']);

  it('takes a plan whose shares make up the price for a schedule: a hint, not cost-payment-schedule-missing', () => {
    const text = inWords(
      '20% when the order form is signed, 45% when both parallel runs are accepted, and the remaining 35% once the July payroll has run.',
    );
    const [d, ...rest] = diagnosticsOf('cost-payment-schedule-missing', text);
    assert.ok(d);
    assert.deepEqual(rest, []);
    assert.equal(severityName(d), 'hint');
    assert.equal(
      d.message,
      'The payment plan is written only in `payment_terms` (20%, 45%, 35%); list it in `payments` so each share is tied to a milestone and checked against the total.',
    );
    assert.deepEqual(where(d, text).slice(0, 1), [lineOf(text, '20% when the order form')]);
    assert.deepEqual(diagnosticsOf('cost-payment-front-loaded', text), []);
  });

  it('reports a deposit on signing above the limit as front-loaded, on the share', () => {
    const text = inWords('50% deposit on signing, the balance on launch. Invoices due within 14 days.');
    const d = onlyDiagnostic('cost-payment-front-loaded', text);
    assert.equal(
      d.message,
      '50% of the price is due before any deliverable is accepted: "50% deposit on signing" in `payment_terms` (120,000 of 240,000 EUR); the limit is 30%.',
    );
    assert.deepEqual(where(d, text), [lineOf(text, '50% deposit'), 17, 39, '50% deposit on signing']);
    assert.equal(severityName(onlyDiagnostic('cost-payment-schedule-missing', text)), 'hint');
  });

  it('does not read sign-off of work as signature, nor shares that do not make up the price as a plan', () => {
    assert.deepEqual(diagnosticsOf('cost-payment-front-loaded', inWords('40% on sign-off of the designs, 60% on launch.')), []);
    // A plan that does not add up is reported with its sum (rules-payment-words.test.ts).
    for (const terms of ['Late payments carry 8% interest, net 30.', 'Net 30 from an accepted invoice.']) {
      const d = onlyDiagnostic('cost-payment-schedule-missing', inWords(terms));
      assert.equal(severityName(d), 'warning', terms);
      assert.equal(d.message, 'The fixed price has no payment schedule: nothing ties invoices to milestones or accepted work.', terms);
    }
  });
});

describe('cost-tbd-placeholder: open items in the words people write', () => {
  const id = 'cost-tbd-placeholder';

  it('reports "not yet agreed", "to be finalised", "pending confirmation", "t.b.c.", "XX" and "??" on the words', () => {
    for (const [terms, written] of [
      ['net 30; travel expenses not yet agreed', 'not yet agreed'],
      ['net 30; retention to be finalised with Legal', 'to be finalised'],
      ['net 30, pending confirmation by Finance', 'pending confirmation'],
      ['net 30, rates t.b.c.', 't.b.c.'],
      ['net 30; kill fee of £X,XXX', 'XXX'],
      ['net 30 or 45 days ??', '??'],
    ] as const) {
      const text = fullWith(['net 30 from accepted invoice', terms]);
      const d = onlyDiagnostic(id, text);
      assert.equal(
        d.message,
        `Open item "${written}" in \`budget.payment_terms\`: it is still open in a scope you are about to sign.`,
        terms,
      );
      assert.equal(severityName(d), 'error', terms);
      const at = terms.indexOf(written);
      assert.deepEqual(where(d, text), [lineOf(text, terms), 17 + at, 17 + at + written.length, written], terms);
    }
  });

  it('reports an open item outside budget and timeline as a warning', () => {
    const text = fullWith(['    title: Beta portal on staging', '    title: Beta portal with up to XX landing pages']);
    const d = onlyDiagnostic(id, text);
    assert.equal(severityName(d), 'warning');
    assert.deepEqual(where(d, text).slice(3), ['XX']);
  });

  it('does not take defects to be fixed, accounts to be set up or a size XXL for an open item', () => {
    for (const title of ['Defects to be fixed before launch', 'Accounts to be set up by the client', 'XXL product images']) {
      assert.deepEqual(diagnosticsOf(id, fullWith(['    title: Beta portal on staging', `    title: ${title}`])), [], title);
    }
  });
});

describe('schedule-deliverable-unscheduled: "on-site" is not a web site', () => {
  const id = 'schedule-deliverable-unscheduled';
  const service = (description: string): string =>
    fullWith(
      ['  name: Customer self-service portal rebuild\n', '  name: Customer self-service portal rebuild\n  engagement: managed_service\n'],
      ['    title: Production go-live and handover\n', '    title: Print service for the contract term\n'],
      [
        '    description: Production release, runbook, architecture documentation and a 2-day knowledge-transfer workshop.',
        `    description: ${description}`,
      ],
      ['    due: 2027-07-23\n    owner: vendor', '    owner: vendor'],
      [
        '    - { id: M3, name: Go-live accepted, date: 2027-08-06, deliverables: [D3] }',
        '    - { id: M3, name: Go-live accepted, date: 2027-08-06 }',
      ],
    );

  it('takes a run service with on-site engineers as the run part of a managed service', () => {
    assert.deepEqual(diagnosticsOf(id, service('Break-fix with on-site engineers and the monthly usage report.')), []);
  });

  it('still reports a deliverable that builds a site', () => {
    const text = service('Break-fix and a new intranet site for the monthly usage report.');
    const d = onlyDiagnostic(id, text);
    assert.equal(d.message, 'Deliverable `D3` has no due date and is not part of any milestone.');
    assert.deepEqual(where(d, text).slice(0, 2), [lineOf(text, '  - id: D3'), 4]);
  });
});

describe('cost-vague-language: open lists, deferrals and hedges in the words leads write', () => {
  const id = 'cost-vague-language';
  const description = (text: string): string =>
    fullWith([
      '    description: Production release, runbook, architecture documentation and a 2-day knowledge-transfer workshop.',
      `    description: ${text}`,
    ]);
  const exclusion = (text: string): string => fullWith(['  - Native mobile apps (iOS, Android)', `  - ${text}`]);

  it('reports each term on its words', () => {
    for (const [text, written, message] of [
      ['Pipelines from NetSuite, Coupa and other source systems', 'and other', 'leaves the list open'],
      ['Connectors for Salesforce or other CRMs', 'or other', 'leaves the choice open'],
      ["Data-quality checks at the vendor's discretion", "at the vendor's discretion", 'leaves the amount of work open'],
      ['Redirects where feasible', 'where feasible', 'leaves the amount of work open'],
      ['Extra marts as the controllers request them', 'as the controllers request', 'leaves the amount of work open'],
      ['Tuning to the extent possible', 'to the extent possible', 'leaves the amount of work open'],
      ['Extra dashboards if time permits', 'if time permits', 'leaves the amount of work open'],
      ['Marts typically refreshed overnight', 'typically', 'is not an obligation'],
      ['The vendor aims to answer the same day', 'aims to', 'is not an obligation'],
      ['A handful of landing pages', 'A handful of', 'does not say how many'],
      ['Keep the pipelines running smoothly', 'smoothly', 'is not testable'],
      ['Reports, exports, among other things', 'among other things', 'leaves the list open'],
    ] as const) {
      const doc = description(text);
      const d = onlyDiagnostic(id, doc);
      assert.ok(String(d.message).startsWith(`"${written}" ${message}`), `${text}: ${String(d.message)}`);
      const at = text.indexOf(written);
      assert.deepEqual(where(d, doc), [lineOf(doc, text), 17 + at, 17 + at + written.length, written], text);
    }
  });

  it('does not report an exclusion, a quantified hedge, "other than", or a noun after "such as"', () => {
    for (const text of [
      exclusion('Training and other services not listed here'),
      description('The vendor aims to answer 95% of tickets within 4 hours.'),
      description('Read access to NetSuite, and other than that no access to finance systems.'),
      description('Handled through our change process, such as change requests from the controllers.'),
      description('Reports from the Typically Module of SAP'),
    ]) {
      assert.deepEqual(
        diagnosticsOf(id, text).map((d) => d.message),
        [],
        text,
      );
    }
  });

  it('lets a user remove a built-in term by its label', () => {
    const text = description('Extra dashboards if time permits');
    assert.deepEqual(diagnosticsOf(id, text, { vagueTerms: { ignore: ['if time permits'] } }), []);
  });
});

describe('cost-tm-without-cap: pricing and ceilings as leads write them (issue 10)', () => {
  const id = 'cost-tm-without-cap';
  const schedule =
    '  payments:\n    - { milestone: M0, percent: 20 }\n    - { milestone: M1, percent: 20 }\n    - { milestone: M2, percent: 30 }\n    - { milestone: M3, percent: 20 }\n    - { milestone: M4, percent: 10 }\n';
  const rates = '  rate_card:\n    - { role: Lead, rate: 900, unit: day }\n';
  const withModel = (model: string, keepSchedule = false): string =>
    fullWith(['  pricing_model: fixed_price\n', `  pricing_model: ${model}\n`], [schedule, keepSchedule ? schedule + rates : '']);
  const tm = (terms: string): string =>
    fullWith(
      ['  pricing_model: fixed_price\n', '  pricing_model: time_and_materials\n'],
      ['net 30 from accepted invoice', terms],
      [schedule, rates],
    );

  it('reads a drawdown, pay as you go, a retainer and a price per sprint as time and materials', () => {
    for (const model of ['Retainer, drawn down monthly', 'Pay as you go', 'Per two-week sprint', 'Drawdown', 'Capacity-based retainer']) {
      const text = withModel(model);
      const d = onlyDiagnostic(id, text);
      assert.equal(
        d.message,
        'Time-and-materials pricing has no `cap` and no `rate_card`: nothing limits what the vendor can bill, or at what rates.',
        model,
      );
      assert.deepEqual(where(d, text), [lineOf(text, 'budget:'), 0, 6, 'budget'], model);
    }
  });

  it('a fixed price whose rates price only the changes is no time and materials', () => {
    for (const model of [
      'Fixed price (change requests at rate-card day rates)',
      'Fixed price; changes on T&M',
      'Lump sum, CRs billed at the day rates',
      'Fixed monthly retainer',
    ]) {
      assert.deepEqual(diagnosticsOf(id, withModel(model, true)), [], model);
    }
  });

  it('reads a budget ceiling, not-to-exceed and "up to" an amount as a cap in words (a hint)', () => {
    for (const [terms, words] of [
      ['Budget ceiling of 250,000 EUR; invoiced monthly.', 'Budget ceiling of 250,000 EUR'],
      ['Not-to-exceed 250,000 EUR, invoiced monthly.', 'Not-to-exceed 250,000 EUR'],
      ['Invoiced monthly in arrears, up to EUR 250,000 in total.', 'up to EUR 250,000'],
    ] as const) {
      const text = tm(terms);
      const d = onlyDiagnostic(id, text);
      assert.equal(severityName(d), 'hint', terms);
      assert.equal(
        d.message,
        `The ceiling (250,000 EUR) is written only in \`payment_terms\`: "${words}". Set \`cap\` so it is checked against the total.`,
        terms,
      );
      assert.deepEqual(
        where(d, text),
        [lineOf(text, '  payment_terms:'), 17 + terms.indexOf(words), 17 + terms.indexOf(words) + words.length, words],
        terms,
      );
    }
  });

  it('caps per phase that add up to the total are a cap', () => {
    const terms = 'Discovery is capped at 60,000 EUR; build is capped at 190,000 EUR.';
    const text = tm(terms);
    const d = onlyDiagnostic(id, text);
    assert.equal(severityName(d), 'hint');
    assert.equal(
      d.message,
      'The ceiling is written as 2 caps per phase in `payment_terms`, together 250,000 EUR: set `cap` so it is checked against the total.',
    );
    const span = 'capped at 60,000 EUR; build is capped at 190,000 EUR';
    assert.deepEqual(where(d, text), [
      lineOf(text, '  payment_terms:'),
      17 + terms.indexOf(span),
      17 + terms.indexOf(span) + span.length,
      span,
    ]);
  });

  it('an estimate, a ceiling in another currency and "up to" people are no cap: the error stays on budget', () => {
    for (const [terms, fact] of [
      [
        'Estimated not to exceed 250,000 EUR.',
        '`budget.payment_terms` gives an estimate ("Estimated not to exceed 250,000 EUR"), not a ceiling the vendor exceeds at its own risk.',
      ],
      [
        'Capped at USD 300,000.',
        '`budget.payment_terms` sets a ceiling in another currency ("Capped at USD 300,000") than the budget\'s EUR, so it cannot be checked against the total and is not taken as the cap.',
      ],
      ['Up to 3 developers, billed monthly.', undefined],
    ] as const) {
      const text = tm(terms);
      const d = onlyDiagnostic(id, text);
      assert.equal(severityName(d), 'error', terms);
      assert.equal(d.message, 'Time-and-materials pricing has no `cap`: nothing limits how many hours the vendor can bill.', terms);
      assert.deepEqual(where(d, text), [lineOf(text, 'budget:'), 0, 6, 'budget'], terms);
      assert.deepEqual(factsOf(d) ?? [], fact ? [fact] : [], terms);
    }
  });
});
