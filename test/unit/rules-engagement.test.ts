// Proportionate checks: the kind and size of the engagement (`project.engagement`, or what the
// document itself says) decide whether status reports, an escalation ladder, an exit plan, key
// personnel and a due date per deliverable are needed. A relaxation read from the document is a
// hint that says so; a stated `small_job` the size contradicts is checked in full.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { engagementOf } from '../../server/src/service/engagement';
import { defaultThresholds } from '../../server/src/service/settings';
import { ScopeDocument } from '../../server/src/service/document';
import { analyzeText, factsOf, resolvedFixesOf, severityName } from '../support/analyze';

const smallJob = `scope_version: 1
project:
  name: Bakery menu page
  objective: Publish a menu page with 12 items by 2027-03-26.
  owner: Rosa Lind
vendor:
  name: Jamie Cole (sole trader)
  nda: { signed: true, date: 2027-03-01 }
  references:
    - { company: Harbour Florist, contacted: 2027-02-20 }
security:
  data_classification: internal
  personal_data: false
  protections: [2FA on the admin account]
deliverables:
  - id: D1
    title: Menu page
    acceptance_criteria: [All 12 items are listed with their prices]
    due: 2027-03-19
success_measures:
  - { id: SM1, metric: Items listed, target: 12, unit: items, measured_by: Page review, deliverables: [D1] }
budget:
  currency: EUR
  pricing_model: fixed_price
  total: 2400
  contingency_percent: 10
  payments:
    - { milestone: M1, amount: 2400 }
timeline:
  start: 2027-03-01
  end: 2027-03-31
  milestones:
    - { id: M1, name: Accepted, date: 2027-03-31, deliverables: [D1] }
acceptance: { review_days: 5 }
governance:
  check_in_cadence: weekly
  change_control:
    process: Extra work is quoted in writing with a price and a new date before it starts.
    approval_by: [Rosa Lind]
out_of_scope: [Photography]
ip: { owner: client }
`;

function edit(text: string, ...edits: readonly (readonly [string, string])[]): string {
  let out = text;
  for (const [from, to] of edits) {
    assert.equal(out.split(from).length, 2, `not found exactly once: ${from}`);
    out = out.replace(from, to);
  }
  return out;
}

function found(text: string, code: string): Diagnostic[] {
  return analyzeText(text).diagnostics.filter((d) => d.code === code);
}

function one(text: string, code: string): Diagnostic {
  const all = found(text, code);
  assert.equal(all.length, 1, `expected one ${code}, got ${all.map((d) => d.message).join(' | ') || 'none'}`);
  return all[0]!;
}

/** The range of the key `key:` on its line (the first occurrence at the start of a line, after indentation). */
function keyRange(text: string, key: string): Range {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.trimStart().startsWith(`${key}:`) || l.trimStart().startsWith(`- ${key}:`));
  assert.ok(line >= 0, `${key} not in text`);
  const character = lines[line]!.indexOf(key);
  return { start: { line, character }, end: { line, character: character + key.length } };
}

const governanceRules = ['governance-status-reports-missing', 'governance-escalation-missing', 'governance-exit-plan-missing'] as const;

describe('engagement: a small job read from its size', () => {
  it('reports status reports, escalation and exit plan as hints that say what was read', () => {
    const note = 'Read as a small job (2,400 EUR over 4 weeks with 1 deliverable); set `project.engagement` to confirm or correct this.';
    const status = one(smallJob, 'governance-status-reports-missing');
    assert.equal(severityName(status), 'hint');
    assert.equal(
      status.message,
      'Check-ins are not backed by written status reports (`governance.status_reports`); for a small job they are optional.',
    );
    assert.deepEqual(status.range, keyRange(smallJob, 'governance'));
    assert.deepEqual(factsOf(status), [note]);

    const escalation = one(smallJob, 'governance-escalation-missing');
    assert.equal(severityName(escalation), 'hint');
    assert.equal(escalation.message, 'There is no escalation path (`governance.escalation`); for a small job this is optional.');
    assert.deepEqual(escalation.range, keyRange(smallJob, 'governance'));
    assert.deepEqual(factsOf(escalation), [note]);

    const exit = one(smallJob, 'governance-exit-plan-missing');
    assert.equal(severityName(exit), 'hint');
    assert.equal(exit.message, 'There is no exit plan (`exit`); for a small job with no sensitive data this is optional.');
    // A missing top-level section lands on the document's first key and its value (`scope_version: 1`).
    assert.deepEqual(exit.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 'scope_version: 1'.length } });
    assert.deepEqual(factsOf(exit), [note]);
  });

  it('a stated `small_job` is believed: nothing is reported', () => {
    const text = edit(smallJob, ['  owner: Rosa Lind\n', '  owner: Rosa Lind\n  engagement: small_job\n']);
    for (const code of governanceRules) assert.deepEqual(found(text, code), [], code);
  });

  it('a larger job is checked in full (warnings), by total, by duration and by number of deliverables', () => {
    // A company, not a sole trader: one person within twice the small size is still read as a small job (below).
    const company = ['  name: Jamie Cole (sole trader)', '  name: Cole Web Studio Ltd'] as const;
    const bigger = [
      edit(smallJob, company, ['  total: 2400', '  total: 60000'], ['amount: 2400', 'amount: 60000']),
      edit(smallJob, company, ['  end: 2027-03-31', '  end: 2027-06-30'], ['date: 2027-03-31', 'date: 2027-06-30']),
    ];
    for (const text of bigger) {
      for (const code of governanceRules) assert.equal(severityName(one(text, code)), 'warning', code);
    }
    const status = one(bigger[0]!, 'governance-status-reports-missing');
    assert.equal(status.message, 'Check-ins are not backed by written status reports (`governance.status_reports`).');
    assert.deepEqual(status.range, keyRange(bigger[0]!, 'governance'));
  });

  it('a sole trader within twice the small size is read as a small job, and the hint says so', () => {
    // 60,000 EUR is above smallJobMaxTotal (50,000) but within twice it; the vendor is one person.
    const text = edit(smallJob, ['  total: 2400', '  total: 60000'], ['amount: 2400', 'amount: 60000']);
    const note =
      'Read as a small job (a sole trader, 60,000 EUR over 4 weeks with 1 deliverable); set `project.engagement` to confirm or correct this.';
    for (const code of governanceRules) {
      const d = one(text, code);
      assert.equal(severityName(d), 'hint', code);
      assert.deepEqual(factsOf(d), [note], code);
    }
    assert.equal(
      one(text, 'governance-escalation-missing').message,
      'There is no escalation path (`governance.escalation`); for a small job this is optional.',
    );
    assert.deepEqual(one(text, 'governance-escalation-missing').range, keyRange(text, 'governance'));
    // More than twice the small size: one person or not, the scope is checked in full.
    const big = edit(smallJob, ['  total: 2400', '  total: 120000'], ['amount: 2400', 'amount: 120000']);
    for (const code of governanceRules) assert.equal(severityName(one(big, code)), 'warning', code);
  });

  it('an amount that is not a number is never read as small (the checks do not relax on a guess)', () => {
    const text = edit(smallJob, ['  total: 2400', '  total: "2,400"']);
    for (const code of governanceRules) assert.equal(severityName(one(text, code)), 'warning', code);
  });

  it('a stated `small_job` more than twice the small size is checked in full and says why', () => {
    const text = edit(
      smallJob,
      ['  owner: Rosa Lind\n', '  owner: Rosa Lind\n  engagement: small_job\n'],
      ['  total: 2400', '  total: 480000'],
      ['amount: 2400', 'amount: 480000'],
    );
    const status = one(text, 'governance-status-reports-missing');
    assert.equal(severityName(status), 'warning');
    assert.deepEqual(factsOf(status), [
      '`engagement: small_job` is not applied: 480,000 EUR over 4 weeks with 1 deliverable is more than twice a small job (`smallJobMaxTotal` 50,000, `smallJobMaxWeeks` 8, 3 deliverables), so the scope is checked in full.',
    ]);
    assert.equal(severityName(one(text, 'governance-escalation-missing')), 'warning');
    assert.equal(severityName(one(text, 'governance-exit-plan-missing')), 'warning');
  });

  it('with personal data a small job still needs its exit plan (the data comes back)', () => {
    const text = edit(
      smallJob,
      ['  owner: Rosa Lind\n', '  owner: Rosa Lind\n  engagement: small_job\n'],
      ['  personal_data: false', '  personal_data: true\n  personal_data_categories: [customer names]'],
    );
    const exit = one(text, 'governance-exit-plan-missing');
    assert.equal(severityName(exit), 'warning');
    // Only what a small job still owes: the data back, not termination notice or transition assistance.
    assert.equal(
      exit.message,
      'There is no exit plan (`exit`), and personal data is in scope: even for a small job, agree how your data is returned or deleted at the end (`exit.data_return`).',
    );
    assert.deepEqual(factsOf(exit), [
      'Sensitive because `security.personal_data` is true.',
      'For a small job, termination notice and transition assistance are optional.',
    ]);
    const [fix] = resolvedFixesOf(exit);
    assert.equal(fix?.title, 'Add the return and deletion of your data');
    assert.deepEqual(found(text, 'governance-escalation-missing'), []);
  });

  it('the thresholds are settings', () => {
    const text = smallJob;
    const strict = analyzeText(text, { thresholds: { smallJobMaxTotal: 1000 } }).diagnostics.filter(
      (d) => d.code === 'governance-escalation-missing',
    );
    assert.equal(strict.length, 1);
    assert.equal(severityName(strict[0]!), 'warning');
  });

  it('an engagement value in the wrong case is a schema/enum error and still applies; an unknown one is read from the document', () => {
    const slip = edit(smallJob, ['  owner: Rosa Lind\n', '  owner: Rosa Lind\n  engagement: Small job\n']);
    assert.equal(found(slip, 'schema/enum').length, 1);
    assert.deepEqual(found(slip, 'governance-escalation-missing'), []);
    const unknown = edit(smallJob, ['  owner: Rosa Lind\n', '  owner: Rosa Lind\n  engagement: quick gig\n']);
    assert.equal(found(unknown, 'schema/enum').length, 1);
    assert.equal(severityName(one(unknown, 'governance-escalation-missing')), 'hint');
  });
});

describe('engagement: key personnel of a sole trader', () => {
  it('a vendor that is one named person is its own key person', () => {
    assert.deepEqual(found(smallJob, 'expertise-key-personnel-missing'), []);
    const ana = edit(smallJob, ['  name: Jamie Cole (sole trader)', '  name: Ana Ruiz, freelance developer']);
    assert.deepEqual(found(ana, 'expertise-key-personnel-missing'), []);
  });

  it('a marker with no name names nobody: reported on `vendor`', () => {
    const text = edit(smallJob, ['  name: Jamie Cole (sole trader)', '  name: Freelancer from Upwork']);
    const d = one(text, 'expertise-key-personnel-missing');
    assert.equal(severityName(d), 'info');
    assert.deepEqual(d.range, keyRange(text, 'vendor'));
    const firm = edit(smallJob, ['  name: Jamie Cole (sole trader)', '  name: Pixel & Co']);
    assert.equal(one(firm, 'expertise-key-personnel-missing').range.start.line, keyRange(firm, 'vendor').start.line);
  });
});

describe('engagement: deliverables that run rather than finish', () => {
  const service = edit(
    smallJob,
    ['  name: Bakery menu page', '  name: Managed hosting for the bakery shop'],
    ['  total: 2400', '  total: 96000'],
    ['amount: 2400', 'amount: 96000'],
    ['  end: 2027-03-31', '  end: 2028-02-29'],
    ['date: 2027-03-31', 'date: 2028-02-29'],
    [
      '    due: 2027-03-19\n',
      '    due: 2027-03-19\n  - id: D2\n    title: Hosting, patching and monitoring\n    acceptance_criteria: [SM1 met each month]\n',
    ],
  );

  it('a deliverable that recurs (monthly, 24x7, each release) or is capacity needs no due date', () => {
    for (const title of [
      'Monthly support service',
      'Run the service desk 24x7',
      'Release testing for each fortnightly release',
      'Engineering capacity (3 FTE)',
    ]) {
      const text = edit(service, ['    title: Hosting, patching and monitoring', `    title: ${title}`]);
      assert.deepEqual(found(text, 'schedule-deliverable-unscheduled'), [], title);
    }
  });

  it('the run part of a service read from the wording is a hint that says so', () => {
    const d = one(service, 'schedule-deliverable-unscheduled');
    assert.equal(severityName(d), 'hint');
    assert.equal(d.message, 'Deliverable `D2` has no due date, which is fine if it is the run part of a managed service.');
    assert.equal(d.range.start.line, service.split('\n').indexOf('  - id: D2'));
    assert.deepEqual(factsOf(d), [
      'Read as a managed service because the project name or objective describes a run or maintenance service; set `project.engagement` to confirm or correct this.',
    ]);
  });

  it('stated as a managed service, the run deliverable is not reported', () => {
    const text = edit(service, ['  owner: Rosa Lind\n', '  owner: Rosa Lind\n  engagement: managed_service\n']);
    assert.deepEqual(found(text, 'schedule-deliverable-unscheduled'), []);
  });

  it('a one-off deliverable of a service (a migration, onboarding) still needs a date', () => {
    const text = edit(service, ['    title: Hosting, patching and monitoring', '    title: Migration to the new hosting platform']);
    const d = one(text, 'schedule-deliverable-unscheduled');
    assert.equal(severityName(d), 'warning');
    assert.equal(d.message, 'Deliverable `D2` has no due date and is not part of any milestone.');
  });

  it('in a project, open-ended work ("changes as needed") is reported', () => {
    const text = edit(smallJob, [
      '    due: 2027-03-19\n',
      '    due: 2027-03-19\n  - id: D2\n    title: CI pipeline changes as needed\n    acceptance_criteria: [All 4 pipelines pass]\n',
    ]);
    assert.equal(severityName(one(text, 'schedule-deliverable-unscheduled')), 'warning');
  });
});

describe('engagement: staff augmentation', () => {
  it('is read from the wording and makes written status reports optional (your lead directs the team)', () => {
    const text = edit(
      smallJob,
      ['  name: Bakery menu page', '  name: Contract developers for the claims team'],
      ['  total: 2400', '  total: 150000'],
      ['amount: 2400', 'amount: 150000'],
      ['  end: 2027-03-31', '  end: 2027-08-31'],
      ['date: 2027-03-31', 'date: 2027-08-31'],
    );
    const reading = engagementOf(new ScopeDocument('file:///t.scope.yaml', 1, text).value, defaultThresholds);
    assert.equal(reading.kind, 'staff_augmentation');
    assert.equal(reading.source, 'inferred');
    const status = one(text, 'governance-status-reports-missing');
    assert.equal(severityName(status), 'hint');
    assert.equal(
      status.message,
      'Check-ins are not backed by written status reports (`governance.status_reports`); for staff augmentation they are optional.',
    );
    // An escalation path is still needed: the team is large and long-running.
    assert.equal(severityName(one(text, 'governance-escalation-missing')), 'warning');
  });

  it('an objective that only mentions engineers as users is a project', () => {
    const text = edit(smallJob, ['  name: Bakery menu page', '  name: SSO for 300 engineers']);
    const reading = engagementOf(new ScopeDocument('file:///t.scope.yaml', 1, text).value, defaultThresholds);
    assert.notEqual(reading.kind, 'staff_augmentation');
  });
});

describe('engagement: capacity deliverables headed by people or hours (issue 10)', () => {
  const augmented = edit(
    smallJob,
    ['  name: Bakery menu page', '  name: Contract engineers for the mobile team'],
    ['  total: 2400', '  total: 150000'],
    ['amount: 2400', 'amount: 150000'],
    ['  end: 2027-03-31', '  end: 2027-08-31'],
    ['date: 2027-03-31', 'date: 2027-08-31'],
    [
      '    due: 2027-03-19\n',
      '    due: 2027-03-19\n  - id: D2\n    title: Hosting, patching and monitoring\n    acceptance_criteria: [95% of contracted days worked]\n',
    ],
  );
  const withD2 = (title: string, description?: string): string =>
    edit(augmented, [
      '    title: Hosting, patching and monitoring\n',
      `    title: ${title}\n${description === undefined ? '' : `    description: ${description}\n`}`,
    ]);

  it('people or hours at the head of the title need no due date, whatever the team will build', () => {
    for (const title of [
      'Team of 4 engineers to build and maintain the loyalty features in the app',
      '2 FTE React developers for the customer app',
      '160 hours per month of development capacity',
      '3 senior Java engineers working on the payments portal',
      'Dedicated nearshore team of 5 developers',
      'Up to 3 QA engineers for regression testing',
    ]) {
      assert.deepEqual(found(withD2(title), 'schedule-deliverable-unscheduled'), [], title);
    }
  });

  it('the title decides; the description is read only when the title says neither', () => {
    // The description says what the people do ("building screens") or what a report covers ("the plan").
    assert.deepEqual(
      found(withD2('Mobile squad', '3 React Native developers from our backlog, building new screens'), 'schedule-deliverable-unscheduled'),
      [],
    );
    assert.deepEqual(
      found(
        withD2('Sprint report at each sprint review', 'Progress against the plan, risks and spend'),
        'schedule-deliverable-unscheduled',
      ),
      [],
    );
  });

  it('a one-off before the headcount, a completed step after it, or a one-off title still needs a date', () => {
    for (const [title, description] of [
      ['Build of the checkout app by 3 developers', undefined],
      ['Three engineers onboarded', undefined],
      ['Laptops for 40 developers', undefined],
      ['Training sessions for 200 people', undefined],
      ['Data migration to the new platform', '2 FTE for 3 months'],
    ] as const) {
      const text = withD2(title, description);
      const d = one(text, 'schedule-deliverable-unscheduled');
      assert.equal(severityName(d), 'warning', title);
      assert.equal(d.message, 'Deliverable `D2` has no due date and is not part of any milestone.', title);
      assert.equal(d.range.start.line, text.split('\n').indexOf('  - id: D2'), title);
    }
  });
});

describe('engagement: a vendor that is one person, in other words (issue 10)', () => {
  const note =
    'Read as a small job (a sole trader, 60,000 EUR over 4 weeks with 1 deliverable); set `project.engagement` to confirm or correct this.';
  const bigger = (vendor: string, ...more: readonly (readonly [string, string])[]): string =>
    edit(
      smallJob,
      ['  name: Jamie Cole (sole trader)', `  name: ${vendor}`],
      ['  total: 2400', '  total: 60000'],
      ['amount: 2400', 'amount: 60000'],
      ...more,
    );

  it('reads "independent brand designer", "sole-trader", "solo iOS developer" and "one-person studio" as one person', () => {
    for (const vendor of [
      'Maya Brooks, independent brand designer',
      'Sam Ortiz (sole-trader)',
      'Lee Chan, solo iOS developer',
      'Ana Ruiz (one-person studio)',
    ]) {
      const text = bigger(vendor);
      for (const code of governanceRules) {
        const d = one(text, code);
        assert.equal(severityName(d), 'hint', `${vendor}: ${code}`);
        assert.deepEqual(factsOf(d), [note], `${vendor}: ${code}`);
      }
      assert.deepEqual(one(text, 'governance-escalation-missing').range, keyRange(text, 'governance'), vendor);
      assert.deepEqual(found(text, 'expertise-key-personnel-missing'), [], vendor);
    }
  });

  it('a vendor named after its only key person is one person; a firm with two is not', () => {
    const keyPeople = (people: string): readonly [string, string] => ['  references:', `  key_personnel: [${people}]\n  references:`];
    const solo = bigger('Tom Reed Design', keyPeople('{ role: Designer, name: Tom Reed }'));
    assert.equal(severityName(one(solo, 'governance-escalation-missing')), 'hint');
    assert.deepEqual(factsOf(one(solo, 'governance-escalation-missing')), [note]);
    const firm = bigger('Tom Reed Design', keyPeople('{ role: Designer, name: Tom Reed }, { role: Developer, name: Ola Berg }'));
    assert.equal(severityName(one(firm, 'governance-escalation-missing')), 'warning');
    const firmName = bigger('Independent Security Consultants Ltd');
    for (const code of governanceRules) assert.equal(severityName(one(firmName, code)), 'warning', code);
  });
});
