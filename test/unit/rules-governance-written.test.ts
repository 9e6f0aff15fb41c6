// Governance a lead can trust (issue 10): reports and escalation written another way are read;
// status reports that are named but agree nothing, a ladder that is all the vendor's, exit terms
// that hold you in and an objective under another key are reported, not passed silently.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { afterFix, analyzeText, diagnosticsOf, factsOf, onlyDiagnostic, resolvedFixesOf, severityName } from '../support/analyze';
import { fullWith } from '../support/ruleCheck';

const reportsLine = '  status_reports: { cadence: weekly, contents: [progress vs plan, risks and issues, spend vs budget] }\n';
const ladder =
  '  escalation:\n    - { level: 1, contact: Sam Patel, respond_within_days: 2 }\n    - { level: 2, contact: Dana Reyes, respond_within_days: 5 }\n';
const objective = [
  '  objective: >-\n',
  '    Replace the legacy customer portal so customers can update billing details\n',
  '    and download invoices themselves, cutting billing-related support tickets\n',
  '    from 1,200 to under 600 per month by 2027-10-31.\n',
].join('');

function messageOf(d: { message: string | { value: string } }): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

describe('governance-status-reports-missing: reports named but not agreed', () => {
  const id = 'governance-status-reports-missing';

  it('reports a cadence with no contents on the value, beside the schema type finding, and the fix keeps the cadence', () => {
    const line = '  status_reports: weekly\n';
    const text = fullWith([reportsLine, line]);
    const d = onlyDiagnostic(id, text);
    assert.equal(severityName(d), 'warning');
    assert.equal(
      messageOf(d),
      'Status reports are agreed weekly, but not what they contain: `governance.status_reports` lists no `contents` (progress against plan, risks and issues, spend against budget).',
    );
    assert.deepEqual(d.range, { start: { line: 128, character: 18 }, end: { line: 128, character: 24 } });
    assert.deepEqual(
      diagnosticsOf('schema/type', text).map((x) => x.range.start.line),
      [128],
    );
    const fixed = afterFix(d, text, 'Write the cadence and contents of the `status_reports`');
    assert.equal(diagnosticsOf(id, fixed).length, 0);
    assert.ok(fixed.includes('  status_reports:\n    cadence: weekly\n    contents:\n      - progress vs plan\n'));
  });

  it('reports an empty contents list, a missing cadence and a cadence left to the moment', () => {
    for (const [line, message] of [
      [
        '  status_reports: { cadence: monthly, contents: [] }\n',
        'Status reports are agreed monthly, but not what they contain: `governance.status_reports` lists no `contents` (progress against plan, risks and issues, spend against budget).',
      ],
      [
        '  status_reports: { contents: [progress vs plan] }\n',
        'Status reports have contents but no cadence: reports sent when the vendor likes leave no regular trail (`governance.status_reports.cadence`).',
      ],
      [
        '  status_reports: { cadence: as needed, contents: [progress vs plan] }\n',
        'Status reports are due "as needed", which is no cadence: reports sent when the vendor likes leave no regular trail.',
      ],
      [
        '  status_reports: true\n',
        'Status reports are named but not described: `governance.status_reports` gives no cadence and no contents.',
      ],
      [
        '  status_reports: TBD\n',
        'Status reports agree no cadence and no contents: `governance.status_reports` is "TBD", nothing a vendor can be held to.',
      ],
    ] as const) {
      const d = onlyDiagnostic(id, fullWith([reportsLine, line]));
      assert.equal(messageOf(d), message, line);
      assert.equal(d.range.start.line, 128, line);
    }
  });

  it('accepts a cadence tied to the sprints, a sentence that describes the reports, and one agreed report in a list', () => {
    for (const line of [
      '  status_reports: { cadence: every sprint, contents: [burn-up, risks] }\n',
      '  status_reports: { cadence: at each sprint review, contents: [burn-up, risks] }\n',
      '  status_reports: Weekly RAG report covering progress, risks and spend against budget\n',
      '  status_reports: Monthly, template in Annex C\n',
      '  status_reports:\n    - { cadence: weekly, contents: [progress vs plan] }\n    - { cadence: monthly }\n',
    ]) {
      assert.deepEqual(diagnosticsOf(id, fullWith([reportsLine, line])), [], line);
    }
  });

  it('reads reports written in a section of your own at the top level (`communication:`) as a hint', () => {
    const section =
      'communication:\n  - The vendor sends a written monthly report to the steering group by the 3rd working day.\n\nout_of_scope:\n';
    const d = onlyDiagnostic(id, fullWith([reportsLine, ''], ['out_of_scope:\n', section]));
    assert.equal(severityName(d), 'hint');
    assert.deepEqual(factsOf(d), ['Read from `communication[0]` ("monthly report").']);
    assert.equal(d.range.start.line, 137);
  });
});

describe('governance-escalation-missing: a ladder that is not the client’s, or no ladder at all', () => {
  const id = 'governance-escalation-missing';

  it('reports a ladder whose every level is the vendor’s own people, on the key', () => {
    const vendorLadder =
      '  escalation:\n    - { level: 1, contact: Ana Costa (delivery lead), respond_within_days: 2 }\n    - { level: 2, contact: Northwind managing director, respond_within_days: 5 }\n';
    const d = onlyDiagnostic(id, fullWith([ladder, vendorLadder]));
    assert.equal(severityName(d), 'warning');
    assert.equal(
      messageOf(d),
      "Every level of the escalation path is on the vendor's side (Ana Costa, Northwind): no one of yours is named to take an issue the vendor does not resolve.",
    );
    assert.deepEqual(d.range, { start: { line: 130, character: 2 }, end: { line: 130, character: 12 } });
    assert.deepEqual(factsOf(d), [
      'Level 1: "Ana Costa (delivery lead)" is the vendor\'s (Ana Costa).',
      'Level 2: "Northwind managing director" is the vendor\'s (Northwind).',
    ]);
    const supplier =
      '  escalation:\n    - { level: 1, contact: Supplier account manager, respond_within_days: 2 }\n    - { level: 2, contact: "Supplier\'s CEO", respond_within_days: 5 }\n';
    assert.equal(diagnosticsOf(id, fullWith([ladder, supplier])).length, 1);
  });

  it('accepts a ladder with one of yours on it, or a contact that names neither side', () => {
    for (const second of [
      'Dana Reyes and the Northwind managing director',
      'our Head of IT',
      'Head of IT',
      'Vendor manager (procurement)',
    ]) {
      const mixed = `  escalation:\n    - { level: 1, contact: Northwind account manager, respond_within_days: 2 }\n    - { level: 2, contact: ${second}, respond_within_days: 5 }\n`;
      assert.deepEqual(diagnosticsOf(id, fullWith([ladder, mixed])), [], second);
    }
  });

  it('reports a ladder written as text that names no one, beside the schema type finding', () => {
    const text = fullWith([ladder, '  escalation: as needed\n']);
    const d = onlyDiagnostic(id, text);
    assert.equal(
      messageOf(d),
      'The escalation path names no one: "as needed" gives no next level, contact or response time (`governance.escalation`).',
    );
    assert.deepEqual(d.range, { start: { line: 130, character: 14 }, end: { line: 130, character: 23 } });
    assert.equal(diagnosticsOf('schema/type', text).length, 1);
    assert.equal(
      messageOf(onlyDiagnostic(id, fullWith([ladder, '  escalation: true\n']))),
      'The escalation path names no one: `true` gives no next level, contact or response time (`governance.escalation`).',
    );
    for (const route of ['Sam Patel, then Dana Reyes', 'the delivery manager, then the steering committee']) {
      assert.deepEqual(diagnosticsOf(id, fullWith([ladder, `  escalation: ${route}\n`])), [], route);
    }
  });

  it('reads a RACI reference in the governance text as a route (a hint)', () => {
    const raci = '  decision_rights: Issue ownership follows the governance RACI in Schedule 5.\n';
    const d = onlyDiagnostic(id, fullWith([ladder, raci]));
    assert.equal(severityName(d), 'hint');
    assert.deepEqual(factsOf(d), ['Read from `governance.decision_rights` ("RACI").']);
    assert.equal(d.range.start.line, 130);
  });
});

describe('governance-exit-plan-missing: exit terms that hold you in', () => {
  const id = 'governance-exit-plan-missing';
  const notice = '  termination_for_convenience_notice_days: 30\n';
  const dataReturn = '  data_return: { format: PostgreSQL dump and CSV, within_days: 10 }\n';

  it('reports a termination notice over 90 days on the value', () => {
    const d = onlyDiagnostic(id, fullWith([notice, '  termination_for_convenience_notice_days: 365\n']));
    assert.equal(severityName(d), 'warning');
    assert.equal(
      messageOf(d),
      'A termination notice of 365 days holds you to a vendor you want to leave: agree at most 90 days, or you keep paying it that long after deciding to go.',
    );
    assert.deepEqual(d.range, { start: { line: 153, character: 43 }, end: { line: 153, character: 46 } });
    assert.deepEqual(diagnosticsOf(id, fullWith([notice, '  termination_for_convenience_notice_days: 90\n'])), []);
  });

  it('allows a managed service 180 days, not more', () => {
    const service: [string, string] = [
      '  owner: Sam Patel (Engineering Manager, Billing)\n',
      '  owner: Sam Patel (Engineering Manager, Billing)\n  engagement: managed_service\n',
    ];
    assert.deepEqual(diagnosticsOf(id, fullWith(service, [notice, '  termination_for_convenience_notice_days: 180\n'])), []);
    const d = onlyDiagnostic(id, fullWith(service, [notice, '  termination_for_convenience_notice_days: 200\n']));
    assert.equal(
      messageOf(d),
      'A termination notice of 200 days holds you to a vendor you want to leave: agree at most 180 days for a managed service, or you keep paying it that long after deciding to go.',
    );
  });

  it('reports data returned more than 30 days after the end, in days or as text', () => {
    const d = onlyDiagnostic(id, fullWith([dataReturn, '  data_return: { format: PostgreSQL dump and CSV, within_days: 180 }\n']));
    assert.equal(
      messageOf(d),
      'Your data comes back 180 days after the end: for that long you are without your own records and the vendor still holds them. Agree at most 30 days.',
    );
    assert.deepEqual(d.range, { start: { line: 155, character: 63 }, end: { line: 155, character: 66 } });
    assert.equal(
      diagnosticsOf(id, fullWith([dataReturn, '  data_return: { format: PostgreSQL dump and CSV, within_days: 6 months }\n'])).length,
      1,
    );
    for (const within of ['30', '20 business days']) {
      assert.deepEqual(
        diagnosticsOf(id, fullWith([dataReturn, `  data_return: { format: PostgreSQL dump and CSV, within_days: ${within} }\n`])),
        [],
        within,
      );
    }
  });
});

describe('expertise-objective-not-smart: an objective under another key', () => {
  const id = 'expertise-objective-not-smart';

  it('reads `goals:` (a list) when `objective` is not written, on the key, beside the schema’s rename', () => {
    const text = fullWith([objective, '  goals:\n    - A modern portal customers actually use\n    - Fewer calls to the billing team\n']);
    const d = onlyDiagnostic(id, text);
    assert.equal(severityName(d), 'warning');
    assert.equal(messageOf(d), 'The objective under `project.goals` has no number and no date: nothing in it says how much or by when.');
    assert.deepEqual(d.range, { start: { line: 5, character: 2 }, end: { line: 5, character: 7 } });
    const schema = onlyDiagnostic('schema/additional-property', text);
    assert.equal(messageOf(schema), 'Unknown property `goals` in `project`. Did you mean `objective`?');
    assert.deepEqual(
      resolvedFixesOf(schema).map((f) => f.title),
      ['Rename to `objective`'],
    );
  });

  it('reads `goal:`, `objectives:` and `business_aims:` and passes a measurable one', () => {
    for (const key of ['goal', 'objectives', 'business_aims']) {
      const vague = fullWith([objective, `  ${key}: Launch the new customer portal.\n`]);
      assert.equal(
        messageOf(onlyDiagnostic(id, vague)),
        `The objective under \`project.${key}\` has no number and no date: nothing in it says how much or by when.`,
        key,
      );
      assert.match(messageOf(onlyDiagnostic('schema/additional-property', vague)), /Did you mean `objective`\?$/, key);
      const smart = fullWith([objective, `  ${key}:\n    - Cut billing tickets from 1,200 to under 600 per month by 2027-10-31.\n`]);
      assert.deepEqual(diagnosticsOf(id, smart), [], key);
    }
  });

  it('reads `project.objective` first when both are written', () => {
    const text = fullWith(['  sponsor: Dana Reyes', '  goals: [A modern portal]\n  sponsor: Dana Reyes']);
    assert.deepEqual(diagnosticsOf(id, text), []);
    assert.equal(analyzeText(text).diagnostics.filter((x) => x.code === 'schema/additional-property').length, 1);
  });
});
