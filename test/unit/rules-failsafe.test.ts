// Fail-safe reading of what people really write: enum values in another case or with other
// separators, labels that name no level, flags the document contradicts, blanks left by fixes.
// Each case asserts the message and range a user sees, and the text after the one-click fix.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { dataClassifications, ipOwners, pricingModels } from '../../server/src/service/model';
import { scopeSchema } from '../../server/src/service/schema';
import type { ResolvedFix } from '../../server/src/service/edits';
import { analyzeText, factsOf, resolvedFixesOf } from '../support/analyze';
import { full, fullWith } from '../support/ruleCheck';

function diagnostics(text: string, code: string): Diagnostic[] {
  return analyzeText(text).diagnostics.filter((d) => d.code === code);
}

function one(text: string, code: string): Diagnostic {
  const found = diagnostics(text, code);
  assert.equal(found.length, 1, `expected one ${code}, got ${found.map((d) => d.message).join(' | ') || 'none'}`);
  const [d] = found;
  assert.ok(d);
  return d;
}

/** The range of the `occurrence`-th `needle` in the text (one line). */
function rangeOfText(text: string, needle: string, occurrence = 0): Range {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) offset = text.indexOf(needle, offset + 1);
  assert.ok(offset >= 0, `${needle} not in text`);
  const before = text.slice(0, offset).split('\n');
  const line = before.length - 1;
  const character = before[line]?.length ?? 0;
  return { start: { line, character }, end: { line, character: character + needle.length } };
}

function fixesOf(d: Diagnostic): ResolvedFix[] {
  return resolvedFixesOf(d);
}

function apply(text: string, d: Diagnostic, title: string): string {
  const fix = fixesOf(d).find((f) => f.title === title);
  assert.ok(fix, `no fix "${title}" among ${JSON.stringify(fixesOf(d).map((f) => f.title))}`);
  return TextDocument.applyEdits(TextDocument.create('file:///t.scope.yaml', 'scope-yaml', 1, text), [...fix.edits]);
}

describe('enum values written another way', () => {
  const cases: readonly { field: string; from: string; to: string; canonical: string; where: string }[] = [
    {
      field: 'budget.pricing_model',
      from: '  pricing_model: fixed_price',
      to: '  pricing_model: Fixed price',
      canonical: 'fixed_price',
      where: 'Fixed price',
    },
    { field: 'ip.owner', from: '  owner: client', to: '  owner: Client', canonical: 'client', where: 'Client' },
    { field: 'ip.transfer', from: '  transfer: on_payment', to: '  transfer: On-Payment', canonical: 'on_payment', where: 'On-Payment' },
    {
      field: 'governance.check_in_cadence',
      from: '  check_in_cadence: weekly',
      to: '  check_in_cadence: Weekly',
      canonical: 'weekly',
      where: 'Weekly',
    },
    {
      field: 'security.access_controls.production_access',
      from: 'production_access: none',
      to: 'production_access: NONE',
      canonical: 'none',
      where: 'NONE',
    },
  ];
  for (const c of cases) {
    it(`${c.field}: \`${c.where}\` is an error with a safe fix to \`${c.canonical}\``, () => {
      const text = fullWith([c.from, c.to]);
      const d = one(text, 'schema/enum');
      assert.equal(d.severity, 1);
      assert.equal(d.message, `Write \`${c.canonical}\`, not "${c.where}": \`${c.field}\` takes exact values (case and separators count).`);
      assert.deepEqual(d.range, rangeOfText(text, c.where));
      assert.deepEqual(
        fixesOf(d).map((f) => [f.title, f.applicability === 'safe']),
        [[`Change to \`${c.canonical}\``, true]],
      );
      const after = apply(text, d, `Change to \`${c.canonical}\``);
      assert.equal(after, fullWith([c.from, c.from]).replace(c.from, c.to.replace(c.where, c.canonical)));
      assert.deepEqual(
        analyzeText(after).diagnostics.filter((x) => String(x.code).startsWith('schema/')),
        [],
      );
    });
  }

  it('keeps the list of choices for a value that names none of them', () => {
    const text = fullWith(['  pricing_model: fixed_price', '  pricing_model: lump sum']);
    const d = one(text, 'schema/enum');
    assert.equal(
      d.message,
      '`budget.pricing_model` does not allow the text "lump sum": use one of `fixed_price`, `time_and_materials`, `capped_time_and_materials`.',
    );
    assert.equal(fixesOf(d).length, 3);
  });

  it('reads the enums the rules use from the same lists as the schema', () => {
    const props = scopeSchema.properties;
    assert.deepEqual([...dataClassifications], props.security.properties.data_classification.enum);
    assert.deepEqual([...pricingModels], props.budget.properties.pricing_model.enum);
    assert.deepEqual([...ipOwners], props.ip.properties.owner.enum);
  });
});

describe('data classification that names no level', () => {
  const text = fullWith(
    ['  data_classification: confidential\n  personal_data: true', '  data_classification: highly confidential\n  personal_data: false'],
    ['  personal_data_categories: [contact details, billing address, invoice history]\n', ''],
    ['  breach_notification_hours: 24\n', ''],
  );

  it('is an error that says the data is treated as restricted', () => {
    const d = one(text, 'security-data-classification-missing');
    assert.equal(d.severity, 1);
    assert.equal(
      d.message,
      '"highly confidential" is not a data classification: the data is treated as restricted until you pick public, internal, confidential or restricted.',
    );
    assert.deepEqual(d.range, rangeOfText(text, 'highly confidential'));
    assert.deepEqual(
      fixesOf(d).map((f) => f.title),
      ['Change to `confidential`', 'Change to `public`', 'Change to `internal`', 'Change to `restricted`'],
    );
    assert.deepEqual(diagnostics(text, 'schema/enum'), [], 'one finding, not two');
  });

  it('keeps the security rules on, and they say why', () => {
    const d = one(text, 'security-breach-notification-missing');
    assert.deepEqual(
      factsOf(d)?.[0],
      'Required because `security.data_classification` `highly confidential` is not a level this linter knows, so it is treated as restricted until it is fixed.',
    );
    const typo = fullWith(['  data_classification: confidential', '  data_classification: confidental']);
    assert.equal(fixesOf(one(typo, 'security-data-classification-missing'))[0]?.title, 'Change to `confidential`');
  });

  it('reads `Public` as public, so protections are not demanded of public data', () => {
    const protections = fullWith(
      ['  data_classification: confidential\n  personal_data: true', '  data_classification: Public\n  personal_data: false'],
      ['  personal_data_categories: [contact details, billing address, invoice history]\n', ''],
    );
    assert.deepEqual(diagnostics(protections, 'security-breach-notification-missing'), []);
    assert.equal(
      one(protections, 'security-data-classification-missing').message,
      'Write the data classification `public`, not `Public`: levels are lower case.',
    );
  });
});

describe('personal data the document implies', () => {
  it('treats listed categories as personal data when the flag is unset', () => {
    const text = fullWith(['  personal_data: true\n', ''], ['  dpa: { signed: true, date: 2027-02-01 }\n', '']);
    const d = one(text, 'security-personal-data-without-dpa');
    assert.equal(d.message, 'The vendor will process personal data, but no data processing agreement (DPA) is recorded.');
  });

  it('treats `personal_data: "Yes"` as true (the schema reports the type)', () => {
    const text = fullWith(
      ['  personal_data: true\n', '  personal_data: "Yes"\n'],
      ['  subprocessors: { allowed: true, approval_required: true, list: ["AWS (eu-west-1)"] }\n', ''],
    );
    one(text, 'security-subprocessors-unspecified');
    one(text, 'schema/type');
  });
});

describe('pricing model the budget implies', () => {
  const tm = (extra: string): string =>
    fullWith(
      ['  pricing_model: fixed_price\n', ''],
      [
        '  payments:\n    - { milestone: M0, percent: 20 }\n    - { milestone: M1, percent: 20 }\n    - { milestone: M2, percent: 30 }\n    - { milestone: M3, percent: 20 }\n    - { milestone: M4, percent: 10 }\n',
        `  rate_card:\n    - { role: Developer, rate: 95, unit: hour }\n${extra}`,
      ],
    );

  it('reads an hourly rate card without a pricing model as T&M, so the missing cap is reported', () => {
    const text = tm('');
    const d = one(text, 'cost-tm-without-cap');
    assert.equal(d.message, 'Hourly or daily billing has no `cap`: nothing limits how many hours the vendor can bill.');
    // No `pricing_model` to point at: the finding sits on `budget`, the narrowest node that exists.
    const line = text.slice(0, text.indexOf('\nbudget:') + 1).split('\n').length - 1;
    assert.deepEqual(d.range, { start: { line, character: 0 }, end: { line, character: 6 } });
    assert.deepEqual(factsOf(d), [
      'Read as time and materials because the budget has a `rate_card` and no payment schedule, and `budget.pricing_model` does not name a model.',
    ]);
    const after = apply(text, d, 'Set `pricing_model: capped_time_and_materials` and cap at 240,000');
    assert.match(after, /\n {2}pricing_model: capped_time_and_materials\n/);
    assert.match(after, /\n {2}cap: 240000\n/);
    assert.deepEqual(diagnostics(after, 'cost-tm-without-cap'), []);
  });

  it('reads `Time and materials` as T&M: the enum slip and the missing cap are both reported', () => {
    const text = fullWith(['  pricing_model: fixed_price', '  pricing_model: Time and materials']).replace(
      '  payment_terms:',
      '  rate_card: [{ role: Developer, rate: 95, unit: hour }]\n  payment_terms:',
    );
    one(text, 'schema/enum');
    const d = one(text, 'cost-tm-without-cap');
    assert.equal(d.message, 'Time-and-materials pricing has no `cap`: nothing limits how many hours the vendor can bill.');
    assert.deepEqual(d.range, rangeOfText(text, 'rate_card'));
  });
});

/** The range of the value on the `  owner: <value>` line of `ip`. */
function ownerValueRange(text: string, value: string): Range {
  const key = rangeOfText(text, `\n  owner: ${value}\n`);
  const line = key.start.line + 1;
  return { start: { line, character: 9 }, end: { line, character: 9 + value.length } };
}

describe('IP owner written another way', () => {
  it('keeps the enum fix and still asks for the licence of a vendor-owned product, on the owner value', () => {
    const text = fullWith(['  owner: client', '  owner: Vendor']);
    assert.equal(
      one(text, 'schema/enum').message,
      'Write `vendor`, not "Vendor": `ip.owner` takes exact values (case and separators count).',
    );
    const d = one(text, 'security-ip-ownership-missing');
    assert.equal(
      d.message,
      'The vendor owns the work product, with no `license` for your use: `owner: Vendor` needs one that states what you may do with it.',
    );
    // The wrong value is what a lead reads; the schema finding (and its fix) stays beside it.
    assert.deepEqual(d.range, ownerValueRange(text, 'Vendor'));
  });

  it('reads an owner written in prose as not owned by you, on the value beside the enum error', () => {
    const text = fullWith(['  owner: client', "  owner: Client (dashboards); the platform stays the vendor's"]);
    assert.equal(one(text, 'schema/enum').range.start.line, rangeOfText(text, 'Client (dashboards)').start.line);
    const d = one(text, 'security-ip-ownership-missing');
    assert.equal(
      d.message,
      'The scope does not say you own the work product, with no `license` for your use: `owner: Client (dashboards)…` needs one that states what you may do with it.',
    );
    assert.deepEqual(d.range, rangeOfText(text, "Client (dashboards); the platform stays the vendor's"));
  });

  it('counts a licence written under the British spelling `licence` (the schema reports the key)', () => {
    const text = fullWith(['  owner: client', '  owner: vendor\n  licence: Perpetual, royalty-free licence to use and modify the code']);
    assert.deepEqual(
      analyzeText(text).diagnostics.filter((d) => d.code === 'security-ip-ownership-missing'),
      [],
    );
    assert.equal(one(text, 'schema/additional-property').range.start.line, rangeOfText(text, 'licence:').start.line);
    // Without it, the vendor-owned product still needs one, on the owner value.
    const without = fullWith(['  owner: client', '  owner: vendor']);
    assert.deepEqual(one(without, 'security-ip-ownership-missing').range, ownerValueRange(without, 'vendor'));
  });

  it('reads who an owner written in words names: you, or the vendor with a licence written', () => {
    for (const owner of [
      'Client, with a licence back to the vendor for its generic modules',
      'Customer (we own all deliverables)',
      'Vendor; licensed to us perpetually and royalty-free',
    ]) {
      const text = fullWith(['  owner: client', `  owner: ${owner}`]);
      assert.equal(one(text, 'schema/enum').range.start.line, rangeOfText(text, owner).start.line, owner);
      assert.deepEqual(
        analyzeText(text).diagnostics.filter((d) => d.code === 'security-ip-ownership-missing'),
        [],
        owner,
      );
    }
    for (const owner of ['Owned by the vendor', 'Client; the vendor retains the source code', 'See the master services agreement']) {
      const text = fullWith(['  owner: client', `  owner: ${owner}`]);
      assert.deepEqual(one(text, 'security-ip-ownership-missing').range, rangeOfText(text, owner), owner);
    }
  });

  it('is silent for a licence back to the vendor when you own the work product', () => {
    const text = fullWith([
      '  owner: client',
      '  owner: client\n  license: We grant the vendor a licence back to reuse its generic modules',
    ]);
    assert.deepEqual(
      analyzeText(text).diagnostics.filter((d) => d.code === 'security-ip-ownership-missing'),
      [],
    );
  });
});

describe('blank values count as missing', () => {
  const blanks: readonly { path: string; from: string; to: string; needle: string }[] = [
    { path: 'deliverables[0].title', from: '    title: Discovery report and clickable prototype', to: '    title: ""', needle: '""' },
    {
      path: 'success_measures[0].metric',
      from: '    metric: Billing-related support tickets per month',
      to: '    metric: ""',
      needle: '""',
    },
    {
      path: 'vendor.certifications[1].name',
      from: '{ name: SOC 2 Type II, period_end: 2026-09-30 }',
      to: '{ name: "", period_end: 2026-09-30 }',
      needle: '""',
    },
    { path: 'governance.escalation[0].contact', from: '{ level: 1, contact: Sam Patel,', to: '{ level: 1, contact: "",', needle: '""' },
    { path: 'project.name', from: '  name: Customer self-service portal rebuild', to: "  name: ''", needle: "''" },
  ];
  for (const b of blanks) {
    it(`reports a blank \`${b.path}\` as missing, on the blank`, () => {
      const text = fullWith([b.from, b.to]);
      const d = one(text, 'schema/required');
      assert.equal(d.message, `\`${b.path}\` is empty: fill it in (a blank counts as missing).`);
      assert.equal(d.severity, 1);
      assert.deepEqual(d.range, rangeOfText(text, b.needle));
    });
  }

  it('reports key roles that name nobody: one finding for the list, or one per blank name', () => {
    const all = fullWith([
      '    - { role: Delivery lead, name: Ana Costa, allocation_percent: 100 }\n    - { role: Tech lead, name: Rui Lopes, allocation_percent: 100 }',
      '    - { role: Delivery lead, name: "" }\n    - { role: Tech lead }',
    ]);
    const d = one(all, 'expertise-key-personnel-missing');
    assert.equal(d.message, 'None of the 2 key roles names a person: no one is committed to the work (`name` is empty).');
    assert.equal(d.severity, 3);
    assert.deepEqual(d.range.start, rangeOfText(all, '- { role: Delivery lead').start);
    const some = fullWith(['name: Rui Lopes', 'name: ""']);
    const named = one(some, 'expertise-key-personnel-missing');
    assert.equal(named.message, 'The key role `Tech lead` names nobody: no one is committed to it (`name` is empty).');
    assert.deepEqual(named.range, rangeOfText(some, '""'));
  });

  it('counts references made only of blanks as no references (warning)', () => {
    const refs =
      '  references:\n    - company: Contoso Insurance\n      contact: cio@contoso.example\n      contacted: 2027-01-20\n      notes: Similar portal rebuild in 2025; three weeks late, on budget.\n    - company: Fabrikam Utilities\n      contact: head.of.digital@fabrikam.example\n      contacted: 2027-01-22\n';
    const text = fullWith([refs, '  references:\n    - { company: "", contact: "", contacted: null, notes: "" }\n']);
    const d = one(text, 'security-references-missing');
    assert.equal(d.message, 'No client references are recorded for the vendor: the entries under `references` are blank.');
    assert.equal(d.severity, 2);
    assert.deepEqual(d.range, rangeOfText(text, 'references'));
  });

  it('reports an exit plan whose data return has a blank format', () => {
    const text = fullWith([
      'data_return: { format: PostgreSQL dump and CSV, within_days: 10 }',
      'data_return: { format: "", within_days: 10 }',
    ]);
    const d = one(text, 'governance-exit-plan-missing');
    assert.equal(d.message, 'The exit plan does not say in what format your data comes back: `data_return.format` is empty.');
    assert.deepEqual(d.range, rangeOfText(text, '""'));
  });

  it('reports a milestone date left `null` (as "Create milestone" writes it) as empty, on the value', () => {
    const text = fullWith([
      '    - { id: M4, name: Warranty closed, date: 2027-10-29 }',
      '    - { id: M4, name: Warranty closed, date: null }',
    ]);
    const d = one(text, 'schema/required');
    assert.equal(d.message, '`timeline.milestones[4].date` is empty: fill it in (a blank counts as missing).');
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, rangeOfText(text, 'null }'.slice(0, 4)));
  });

  it('leaves no blank that nothing reports after the scaffolding fixes', () => {
    // Each fix's placeholders are reported until a person fills them in: by the rule itself, the
    // schema (blank required text) or cost-tbd-placeholder (TODO).
    const cases: readonly { rule: string; title: string; text: string; after: readonly string[] }[] = [
      {
        rule: 'security-ip-ownership-missing',
        title: 'Add an `ip` section (client ownership, transfer on payment)',
        text: fullWith([full.slice(full.indexOf('ip:\n'), full.indexOf('exit:\n')), '']),
        after: ['cost-tbd-placeholder', 'cost-tbd-placeholder'],
      },
      {
        rule: 'governance-escalation-missing',
        title: 'Add a two-level `escalation` path',
        text: fullWith([full.slice(full.indexOf('  escalation:\n'), full.indexOf('  change_control:\n')), '']),
        after: ['schema/required', 'schema/required'],
      },
      {
        rule: 'security-references-missing',
        title: 'Add a client reference to call',
        text: fullWith([full.slice(full.indexOf('  references:\n'), full.indexOf('  certifications:\n')), '']),
        after: ['schema/required', 'security-references-missing'],
      },
    ];
    for (const c of cases) {
      const d = one(c.text, c.rule);
      const after = apply(c.text, d, c.title);
      const added = analyzeText(after)
        .diagnostics.map((x) => String(x.code))
        .filter((code) => !analyzeText(c.text).diagnostics.some((x) => x.code === code && code !== c.rule))
        .sort();
      assert.deepEqual(added, [...c.after].sort(), c.rule);
    }
  });
});

describe('a signed DPA, read against the rest of the document', () => {
  it('reports a DPA signed after work starts', () => {
    const text = fullWith(['  dpa: { signed: true, date: 2027-02-01 }', '  dpa: { signed: true, date: 2027-03-01 }']);
    const d = one(text, 'security-personal-data-without-dpa');
    assert.equal(
      d.message,
      'The DPA is dated 2027-03-01, after work starts on 2027-02-15 (`timeline.start`): personal data may change hands unprotected.',
    );
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, rangeOfText(text, '2027-03-01'));
  });

  it('asks for the categories of personal data when the DPA is signed but none are listed', () => {
    const text = fullWith([
      '  personal_data_categories: [contact details, billing address, invoice history]',
      '  personal_data_categories: []',
    ]);
    const d = one(text, 'security-personal-data-without-dpa');
    assert.equal(
      d.message,
      'The DPA is signed, but the scope does not list the types of personal data it covers (`personal_data_categories`).',
    );
    assert.equal(d.severity, 2);
    assert.deepEqual(d.range, rangeOfText(text, '[]'));
  });
});

describe('cost-payment-schedule-missing', () => {
  const payments =
    '  payments:\n    - { milestone: M0, percent: 20 }\n    - { milestone: M1, percent: 20 }\n    - { milestone: M2, percent: 30 }\n    - { milestone: M3, percent: 20 }\n    - { milestone: M4, percent: 10 }\n';
  const budgetLine = (text: string): Range => {
    const line = text.slice(0, text.indexOf('\nbudget:') + 1).split('\n').length - 1;
    return { start: { line, character: 0 }, end: { line, character: 6 } };
  };

  it('reports a fixed price with no payments, and proposes payments on the milestones that accept work', () => {
    const text = fullWith([payments, '']);
    const d = one(text, 'cost-payment-schedule-missing');
    assert.equal(d.message, 'The fixed price has no payment schedule: nothing ties invoices to milestones or accepted work.');
    assert.equal(d.severity, 2);
    assert.deepEqual(d.range, budgetLine(text));
    assert.deepEqual(factsOf(d), ['`payment_terms` ("net 30 from accepted invoice") says how to invoice, not when.']);
    const after = apply(text, d, 'Pay on the 3 milestones that accept deliverables');
    assert.equal(
      after,
      text.replace(
        '  payment_terms: net 30 from accepted invoice\n',
        '  payment_terms: net 30 from accepted invoice\n  payments:\n    - milestone: M1\n      percent: 33\n    - milestone: M2\n      percent: 33\n    - milestone: M3\n      percent: 34\n',
      ),
    );
    assert.deepEqual(diagnostics(after, 'cost-payment-schedule-missing'), []);
    assert.deepEqual(diagnostics(after, 'cost-payments-sum-mismatch'), []);
  });

  it('reports `payments: []` on the empty list, and says when there are no milestones either', () => {
    const milestones = full.slice(full.indexOf('  milestones:\n'), full.indexOf('\nacceptance:'));
    const text = fullWith([payments, '  payments: []\n'], [milestones, '  milestones: []\n']);
    const d = one(text, 'cost-payment-schedule-missing');
    assert.deepEqual(d.range, rangeOfText(text, '[]'));
    assert.equal(factsOf(d)?.[0], '`timeline.milestones` is empty too, so there is no milestone a payment could be tied to.');
    assert.deepEqual(fixesOf(d), []);
  });

  it('reads a run service billed per period as scheduled', () => {
    const text = fullWith([payments, ''], ['net 30 from accepted invoice', '20,000 EUR per month, invoiced in arrears']);
    assert.deepEqual(diagnostics(text, 'cost-payment-schedule-missing'), []);
  });

  it('reports a budget that says nothing about how the vendor is paid, with one proposal per model', () => {
    const text = fullWith([payments, ''], ['  pricing_model: fixed_price\n', '']);
    const d = one(text, 'cost-payment-schedule-missing');
    assert.equal(d.message, 'The budget does not say how the vendor is paid: no `pricing_model` and no payment schedule.');
    assert.deepEqual(d.range, budgetLine(text));
    assert.deepEqual(
      fixesOf(d).map((f) => [f.title, f.applicability]),
      [
        ['Set `pricing_model: fixed_price`', 'unsafe'],
        ['Set `pricing_model: capped_time_and_materials`', 'unsafe'],
        ['Set `pricing_model: time_and_materials`', 'unsafe'],
      ],
    );
  });

  it('reads "lump sum" and "fixed fee" as a fixed price, so a missing schedule is reported', () => {
    for (const words of ['lump sum', 'Fixed fee']) {
      const text = fullWith([payments, ''], ['pricing_model: fixed_price', `pricing_model: ${words}`]);
      const d = one(text, 'cost-payment-schedule-missing');
      assert.equal(d.message, 'The fixed price has no payment schedule: nothing ties invoices to milestones or accepted work.', words);
      assert.deepEqual(d.range, budgetLine(text), words);
    }
  });

  it('leaves an unknown model to the schema, and a schedule without a model alone', () => {
    assert.deepEqual(
      diagnostics(
        fullWith([payments, ''], ['pricing_model: fixed_price', 'pricing_model: outcome based']),
        'cost-payment-schedule-missing',
      ),
      [],
    );
    assert.deepEqual(diagnostics(fullWith(['  pricing_model: fixed_price\n', '']), 'cost-payment-schedule-missing'), []);
  });
});

describe('evidence read for what it is', () => {
  const certs =
    '    - { name: "ISO/IEC 27001:2022", scope: Software development and hosting operations, expires: 2028-06-30 }\n    - { name: SOC 2 Type II, period_end: 2026-09-30 }\n';
  const survey = '  security_questionnaire: { type: SIG Lite, completed: 2027-01-25 }\n';
  const facts = (d: Diagnostic): readonly string[] => factsOf(d) ?? [];

  it('does not count a quality certificate or a SOC 2 Type I report as security evidence', () => {
    const text = fullWith(
      [certs, '    - { name: ISO 9001, expires: 2028-01-01 }\n    - { name: SOC 2 Type I, period_end: 2026-12-31 }\n'],
      [survey, ''],
    );
    const d = one(text, 'security-attestation-missing');
    assert.equal(
      d.message,
      'No current security evidence for sensitive data: no certification is current on 2027-02-15, and no security questionnaire is completed.',
    );
    assert.deepEqual(d.range, rangeOfText(text, 'certifications'));
    assert.deepEqual(facts(d).slice(1), [
      '`ISO 9001` is not a security attestation (it certifies quality or another management system), so it is not evidence of security controls.',
      '`SOC 2 Type I` tests the design of controls on one date, not their operation over a period; ask for a SOC 2 Type II report.',
    ]);
  });

  it('does not count a questionnaire older than a report would be relied on', () => {
    const text = fullWith(['  certifications:\n' + certs, ''], ['completed: 2027-01-25', 'completed: 2023-06-01']);
    const d = one(text, 'security-attestation-missing');
    assert.equal(
      d.message,
      'No current security evidence for sensitive data: the questionnaire is over 12 months old on 2027-02-15, and there is no certification.',
    );
    assert.deepEqual(d.range, rangeOfText(text, 'security_questionnaire'));
    assert.equal(
      facts(d)[1],
      'The security questionnaire was completed 2023-06-01, more than 12 months before 2027-02-15 (`timeline.start`): answers that old no longer describe the vendor.',
    );
    assert.deepEqual(diagnostics(fullWith(['  certifications:\n' + certs, '']), 'security-attestation-missing'), []);
  });

  it('does not count a questionnaire whose `completed` is not a date (false, in progress, pending, draft)', () => {
    for (const value of ['false', 'in progress', '"Pending"', 'draft', 'true']) {
      const text = fullWith(['  certifications:\n' + certs, ''], ['completed: 2027-01-25', `completed: ${value}`]);
      const d = one(text, 'security-attestation-missing');
      assert.equal(
        d.message,
        'No current security evidence for sensitive data: the questionnaire is not completed, and there is no certification.',
        value,
      );
      assert.deepEqual(d.range, rangeOfText(text, 'security_questionnaire'), value);
      const shown = value.replace(/"/g, '');
      assert.equal(
        facts(d)[1],
        `The security questionnaire's \`completed\` is \`${shown}\`, not a date, so it does not show the questionnaire was finished.`,
      );
    }
    const withExpired = fullWith(
      ['expires: 2028-06-30', 'expires: 2026-06-30'],
      ['period_end: 2026-09-30', 'period_end: 2025-09-30'],
      ['completed: 2027-01-25', 'completed: in progress'],
    );
    const d = one(withExpired, 'security-attestation-missing');
    assert.equal(
      d.message,
      'No current security evidence for sensitive data: no certification is current on 2027-02-15, and the questionnaire is not completed.',
    );
    assert.deepEqual(d.range, rangeOfText(withExpired, 'certifications'));
  });

  it('reports sub-processors allowed without your approval, with a fix that requires it', () => {
    const text = fullWith(['approval_required: true', 'approval_required: false']);
    const d = one(text, 'security-subprocessors-unspecified');
    assert.equal(
      d.message,
      'The vendor may add sub-processors without your approval: your data can reach parties you never vetted (`approval_required: false`).',
    );
    assert.deepEqual(
      d.range,
      rangeOfText(text, 'false', text.slice(0, text.indexOf('approval_required: false')).split('false').length - 1),
    );
    assert.equal(apply(text, d, 'Require your approval for each sub-processor'), fullWith());
  });
});
