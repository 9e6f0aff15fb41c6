// Oversight written in prose (issue 10): written reports or an escalation route that a scope
// describes in words are agreed, so governance-status-reports-missing and governance-escalation-
// missing become a hint on that text (asking to move it into the field) instead of a warning.
// Meeting minutes, product reports and incident escalation in a deliverable are not oversight.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText, factsOf, resolvedFixesOf, severityName } from '../support/analyze';
import { fullWith } from '../support/ruleCheck';

const reports = '  status_reports: { cadence: weekly, contents: [progress vs plan, risks and issues, spend vs budget] }\n';
const escalation =
  '  escalation:\n    - { level: 1, contact: Sam Patel, respond_within_days: 2 }\n    - { level: 2, contact: Dana Reyes, respond_within_days: 5 }\n';
const process = '    process: Written change request with cost, schedule and risk impact; no work starts before written approval.\n';
const d3Title = '    title: Production go-live and handover\n';

function only(ruleId: string, text: string) {
  const found = analyzeText(text).diagnostics.filter((d) => d.code === ruleId);
  assert.equal(found.length, 1, `expected one ${ruleId}, got ${found.length}`);
  const [d] = found;
  assert.ok(d);
  return Object.assign(d, { text: typeof d.message === 'string' ? d.message : d.message.value });
}

describe('governance-status-reports-missing: reports written in prose', () => {
  const id = 'governance-status-reports-missing';

  it('is a hint on a governance line that describes written reports, under an unknown key, and keeps the schema warning', () => {
    const line = '  reporting: Northwind emails a one-page progress report every second Friday (progress, risks, budget burn).\n';
    const text = fullWith([reports, line]);
    const d = only(id, text);
    assert.equal(severityName(d), 'hint');
    assert.equal(
      d.text,
      'Written reports are described here, not in `governance.status_reports`: record their cadence and contents there.',
    );
    assert.deepEqual(d.range, { start: { line: 128, character: 13 }, end: { line: 128, character: line.length - 1 } });
    assert.deepEqual(factsOf(d), ['Read from `governance.reporting` ("progress report").']);
    assert.deepEqual(
      resolvedFixesOf(d).map((f) => f.title),
      ['Add weekly `status_reports` (progress, risks, spend)'],
    );
    // The unknown key is still the schema's finding on the same line: a hint hides nothing.
    const schema = analyzeText(text).diagnostics.filter((x) => x.code === 'schema/additional-property');
    assert.deepEqual(
      schema.map((x) => x.range.start.line),
      [128],
    );
  });

  it('is a hint on a deliverable that is a status or service report', () => {
    const d = only(id, fullWith([reports, ''], [d3Title, '    title: Monthly service report and handover\n']));
    assert.equal(severityName(d), 'hint');
    assert.deepEqual(d.range, { start: { line: 67, character: 11 }, end: { line: 67, character: 46 } });
    assert.deepEqual(factsOf(d), ['Read from `deliverables[2].title` ("Monthly service report").']);
  });

  it('stays a warning on the governance key for minutes, product reports and nothing at all', () => {
    for (const [edit, label] of [
      [['  check_in_cadence: weekly\n', '  check_in_cadence: weekly call, the vendor sends the meeting minutes afterwards\n'], 'minutes'],
      [[d3Title, '    title: Monthly sales report for regional managers\n'], 'a product report'],
      [['  check_in_cadence: weekly\n', '  check_in_cadence: weekly\n'], 'nothing'],
    ] as const) {
      const d = only(id, fullWith([reports, ''], edit));
      assert.equal(severityName(d), 'warning', label);
      assert.equal(d.text, 'Check-ins are not backed by written status reports (`governance.status_reports`).', label);
      assert.deepEqual(d.range, { start: { line: 126, character: 0 }, end: { line: 126, character: 10 } }, label);
    }
  });
});

describe('governance-escalation-missing: a route written in prose', () => {
  const id = 'governance-escalation-missing';

  it('is a hint on the change-control process that escalates issues, in any inflection', () => {
    const written =
      '    process: Written change request with cost, schedule and risk impact; disputes are escalated to the steering group, which decides within 5 working days.\n';
    const d = only(id, fullWith([escalation, ''], [process, written]));
    assert.equal(severityName(d), 'hint');
    assert.equal(
      d.text,
      'An escalation route is described here, not in `governance.escalation`: record each level, its contact and response time there.',
    );
    assert.deepEqual(d.range, { start: { line: 131, character: 13 }, end: { line: 131, character: written.length - 1 } });
    assert.deepEqual(factsOf(d), ['Read from `governance.change_control.process` ("escalated").']);
    for (const words of ['escalates unresolved issues to Dana Reyes', 'the escalation path is Sam Patel, then Dana Reyes']) {
      const again = only(id, fullWith([escalation, ''], ['  check_in_cadence: weekly\n', `  check_in_cadence: weekly; ${words}\n`]));
      assert.equal(severityName(again), 'hint', words);
    }
  });

  it('stays a warning for incident escalation inside a deliverable', () => {
    const d = only(
      id,
      fullWith(
        [escalation, ''],
        [
          '    description: Production release, runbook, architecture documentation and a 2-day knowledge-transfer workshop.\n',
          '    description: Production release and runbook; P1 incidents are escalated to our on-call engineer within 15 minutes.\n',
        ],
      ),
    );
    assert.equal(severityName(d), 'warning');
    assert.deepEqual(d.range, { start: { line: 126, character: 0 }, end: { line: 126, character: 10 } });
  });
});

describe('governance-status-reports-missing: reports written as phrases (issue 10)', () => {
  const id = 'governance-status-reports-missing';
  const cadence = '  check_in_cadence: weekly\n';

  it('reads reports as people write them: a written summary, a sprint report, a status report to a forum', () => {
    for (const [written, words] of [
      ['weekly call; the vendor sends a written summary of progress every Friday', 'written summary'],
      ['weekly call, plus a sprint report at each sprint review', 'sprint report'],
      ['weekly; fortnightly status report to the steering group', 'fortnightly status report'],
      ['weekly call; Northwind reports progress and spend in writing', 'reports progress'],
      ['weekly call; an end-of-sprint report goes to Dana Reyes', 'end-of-sprint report'],
    ] as const) {
      const line = `  check_in_cadence: ${written}\n`;
      const d = only(id, fullWith([reports, ''], [cadence, line]));
      assert.equal(severityName(d), 'hint', written);
      assert.deepEqual(d.range, { start: { line: 127, character: 20 }, end: { line: 127, character: line.length - 1 } }, written);
      assert.deepEqual(factsOf(d), [`Read from \`governance.check_in_cadence\` ("${words}").`], written);
    }
  });

  it('words of a report scattered across a sentence are not a report: the warning stays on `governance`', () => {
    for (const written of [
      'weekly call on progress; the vendor updates the status of each ticket in Jira',
      'weekly call; the summary slide and the progress bar are in the sprint board',
    ]) {
      const d = only(id, fullWith([reports, ''], [cadence, `  check_in_cadence: ${written}\n`]));
      assert.equal(severityName(d), 'warning', written);
      assert.deepEqual(d.range, { start: { line: 126, character: 0 }, end: { line: 126, character: 10 } }, written);
    }
  });

  it('a governance key named for reports counts when it agrees something, not when it is a placeholder', () => {
    const line = '  weekly_report: Fridays by email to Dana Reyes and Sam Patel\n';
    const d = only(id, fullWith([reports, line]));
    assert.equal(severityName(d), 'hint');
    assert.deepEqual(d.range, { start: { line: 128, character: 17 }, end: { line: 128, character: line.length - 1 } });
    assert.deepEqual(factsOf(d), ['Read from `governance.weekly_report` ("weekly_report").']);
    const placeholder = only(id, fullWith([reports, '  reporting: TBD\n']));
    assert.equal(severityName(placeholder), 'warning');
    assert.deepEqual(placeholder.range, { start: { line: 126, character: 0 }, end: { line: 126, character: 10 } });
  });

  it("a service level measured from the vendor's SLA report counts; a product report does not", () => {
    const from = '    measured_by: CI coverage report on the main branch\n';
    const line = '    measured_by: Monthly SLA report from the vendor\n';
    const d = only(id, fullWith([reports, ''], [from, line]));
    assert.equal(severityName(d), 'hint');
    assert.deepEqual(d.range, { start: { line: 95, character: 17 }, end: { line: 95, character: line.length - 1 } });
    assert.deepEqual(factsOf(d), ['Read from `success_measures[2].measured_by` ("SLA report").']);
    const product = only(id, fullWith([reports, ''], [from, '    measured_by: Google Analytics monthly report\n']));
    assert.equal(severityName(product), 'warning');
  });
});

describe('governance-escalation-missing: a route written without "escalate" (issue 10)', () => {
  const id = 'governance-escalation-missing';
  const routes = [
    ['issues unresolved after 5 working days go to the CIO.', 'go to the CIO'],
    ['open issues are raised with the sponsor within 2 working days.', 'raised with the sponsor'],
    ['disputes are referred to the steering committee, which decides within 5 working days.', 'referred to the steering committee'],
    ['anything the weekly call cannot settle goes to Dana Reyes.', 'goes to Dana Reyes'],
    ['if the project managers cannot agree, the decision passes to the two sponsors.', 'passes to the two sponsors'],
  ] as const;

  it('is a hint on the change-control process that routes unsettled issues upwards', () => {
    for (const [route, words] of routes) {
      const written = `    process: Written change request with cost, schedule and risk impact; ${route}\n`;
      const d = only(id, fullWith([escalation, ''], [process, written]));
      assert.equal(severityName(d), 'hint', route);
      assert.deepEqual(d.range, { start: { line: 131, character: 13 }, end: { line: 131, character: written.length - 1 } }, route);
      assert.deepEqual(factsOf(d), [`Read from \`governance.change_control.process\` ("${words}").`], route);
    }
  });

  it('a numbered or named next level counts ("Level 2: the sponsors", "the next level")', () => {
    for (const [words, fact] of [
      ['  check_in_cadence: weekly; Level 2 is the two sponsors, within 5 days\n', 'Level 2'],
      ['  check_in_cadence: weekly; open points move to the next level after 5 days\n', 'next level'],
    ] as const) {
      const d = only(id, fullWith([escalation, ''], ['  check_in_cadence: weekly\n', words]));
      assert.equal(severityName(d), 'hint', words);
      assert.deepEqual(factsOf(d), [`Read from \`governance.check_in_cadence\` ("${fact}").`], words);
      assert.deepEqual(d.range, { start: { line: 127, character: 20 }, end: { line: 127, character: words.length - 1 } }, words);
    }
  });

  it('a key named for escalation with a value counts', () => {
    const d = only(id, fullWith([escalation, '  escalation_path: Sam Patel, then Dana Reyes\n']));
    assert.equal(severityName(d), 'hint');
    assert.deepEqual(factsOf(d), ['Read from `governance.escalation_path` ("escalation_path").']);
    assert.equal(d.range.start.line, 130);
  });

  it('stays a warning for approvals, reports, filing and routine hand-offs (sloppy scopes)', () => {
    for (const sentence of [
      'change requests over 10,000 EUR go to the sponsor for approval.',
      'the weekly status report goes to the steering group.',
      'issues go to the Jira board and are triaged weekly.',
      'issues are discussed at the weekly call.',
      'issues are raised with the vendor team.',
      'questions go to the vendor project manager.',
    ]) {
      const written = `    process: Written change request with cost, schedule and risk impact; ${sentence}\n`;
      const d = only(id, fullWith([escalation, ''], [process, written]));
      assert.equal(severityName(d), 'warning', sentence);
      assert.equal(
        d.text,
        'There is no escalation path (`governance.escalation`): no named next level and no response time when a check-in cannot resolve an issue.',
        sentence,
      );
      assert.deepEqual(d.range, { start: { line: 126, character: 0 }, end: { line: 126, character: 10 } }, sentence);
    }
  });
});

describe('governance-status-reports-missing: packs, dashboards and RAG status (issue 10)', () => {
  const id = 'governance-status-reports-missing';
  const cadence = '  check_in_cadence: weekly\n';

  it('reads written reporting that is not called a report as agreed reports', () => {
    for (const [written, words] of [
      ['weekly call; a fortnightly progress pack goes to the steering group', 'progress pack'],
      ['weekly; the monthly service review walks through the KPI dashboard', 'KPI dashboard'],
      ['weekly; RAG status for each workstream every Friday', 'RAG status'],
      ['weekly sprint review with a demo and the burndown', 'burndown'],
      ['weekly; the Jira dashboard is shared with our team', 'Jira dashboard'],
      ['weekly; a highlight report to Dana Reyes on Fridays', 'highlight report'],
    ] as const) {
      const line = `  check_in_cadence: ${written}\n`;
      const d = only(id, fullWith([reports, ''], [cadence, line]));
      assert.equal(severityName(d), 'hint', written);
      assert.equal(
        d.text,
        'Written reports are described here, not in `governance.status_reports`: record their cadence and contents there.',
      );
      assert.deepEqual(d.range, { start: { line: 127, character: 20 }, end: { line: 127, character: line.length - 1 } }, written);
      assert.deepEqual(factsOf(d), [`Read from \`governance.check_in_cadence\` ("${words}").`], written);
    }
  });

  it('updates "as needed", "regular updates" and "regular status reports" agree no cadence: the warning stays', () => {
    for (const written of [
      'weekly; status updates as needed',
      'weekly call; the vendor gives regular updates',
      'weekly; regular status reports to the sponsor',
      'weekly; a progress summary on request',
    ]) {
      const d = only(id, fullWith([reports, ''], [cadence, `  check_in_cadence: ${written}\n`]));
      assert.equal(severityName(d), 'warning', written);
      assert.equal(d.text, 'Check-ins are not backed by written status reports (`governance.status_reports`).', written);
      assert.deepEqual(d.range, { start: { line: 126, character: 0 }, end: { line: 126, character: 10 } }, written);
    }
  });

  it('a service review pack delivered counts; a KPI dashboard that is the product does not', () => {
    const line = '    title: Monthly service review pack and handover\n';
    const d = only(id, fullWith([reports, ''], [d3Title, line]));
    assert.equal(severityName(d), 'hint');
    assert.deepEqual(d.range, { start: { line: 67, character: 11 }, end: { line: 67, character: line.length - 1 } });
    assert.deepEqual(factsOf(d), ['Read from `deliverables[2].title` ("review pack").']);
    const product = only(id, fullWith([reports, ''], [d3Title, '    title: Sales KPI dashboard in Power BI\n']));
    assert.equal(severityName(product), 'warning');
  });

  it('a report agreed in the assumptions counts', () => {
    const from = '  - Our team answers vendor questions within 2 business days.\n';
    const line = '  - Northwind sends a fortnightly status report to Dana Reyes.\n';
    const d = only(id, fullWith([reports, ''], [from, line]));
    assert.equal(severityName(d), 'hint');
    assert.deepEqual(d.range, { start: { line: 143, character: 4 }, end: { line: 143, character: line.length - 1 } });
    assert.deepEqual(factsOf(d), ['Read from `assumptions[1]` ("fortnightly status report").']);
  });
});

describe('governance-escalation-missing: paths of roles, issue keys, levels (issue 10)', () => {
  const id = 'governance-escalation-missing';
  const message =
    'There is no escalation path (`governance.escalation`): no named next level and no response time when a check-in cannot resolve an issue.';

  it('a path of roles with arrows or "then" is a route', () => {
    for (const [route, words] of [
      ['disputes go PM → Delivery Director → Steering Committee, each within 3 working days.', 'disputes go PM → Delivery Director → St…'],
      ['open points follow project manager -> Head of IT -> CIO.', 'open points follow project manager -> H…'],
      ['blockers go to the delivery leads, then the two sponsors.', 'blockers go to the delivery leads, then…'],
    ] as const) {
      const written = `    process: Written change request with cost, schedule and risk impact; ${route}\n`;
      const d = only(id, fullWith([escalation, ''], [process, written]));
      assert.equal(severityName(d), 'hint', route);
      assert.equal(
        d.text,
        'An escalation route is described here, not in `governance.escalation`: record each level, its contact and response time there.',
      );
      assert.deepEqual(d.range, { start: { line: 131, character: 13 }, end: { line: 131, character: written.length - 1 } }, route);
      assert.deepEqual(factsOf(d), [`Read from \`governance.change_control.process\` ("${words}").`], route);
    }
  });

  it('a key named for issue resolution or disputes counts, and a numbered L2 level', () => {
    for (const [line, fact] of [
      ['  issue_resolution: Service delivery manager (2 working days), then Head of Applications\n', 'issue_resolution'],
      ['  disputes: Referred to the steering committee within 5 working days\n', 'disputes'],
    ] as const) {
      const d = only(id, fullWith([escalation, line]));
      assert.equal(severityName(d), 'hint', line);
      assert.deepEqual(factsOf(d), [`Read from \`governance.${fact}\` ("${fact}").`], line);
      assert.deepEqual(d.range, { start: { line: 130, character: fact.length + 4 }, end: { line: 130, character: line.length - 1 } }, line);
    }
    const level = '  check_in_cadence: weekly; L2 (Delivery Director) within 3 days\n';
    const d = only(id, fullWith([escalation, ''], ['  check_in_cadence: weekly\n', level]));
    assert.equal(severityName(d), 'hint');
    assert.deepEqual(factsOf(d), ['Read from `governance.check_in_cadence` ("L2").']);
  });

  it('a route in the assumptions counts; incident escalation there does not', () => {
    const from = '  - Our team answers vendor questions within 2 business days.\n';
    const line = '  - Issues the weekly call cannot settle are escalated to Dana Reyes within 2 days.\n';
    const d = only(id, fullWith([escalation, ''], [from, line]));
    assert.equal(severityName(d), 'hint');
    assert.deepEqual(d.range, { start: { line: 141, character: 4 }, end: { line: 141, character: line.length - 1 } });
    assert.deepEqual(factsOf(d), ['Read from `assumptions[1]` ("escalated").']);
    const incident = only(id, fullWith([escalation, ''], [from, '  - P1 incidents are escalated to the on-call engineer.\n']));
    assert.equal(severityName(incident), 'warning');
  });

  it('the sponsor named as the escalation point counts', () => {
    const line = '  sponsor: Dana Reyes (VP Customer Operations, final escalation point)\n';
    const d = only(id, fullWith([escalation, ''], ['  sponsor: Dana Reyes (VP Customer Operations)\n', line]));
    assert.equal(severityName(d), 'hint');
    assert.deepEqual(d.range, { start: { line: 9, character: 11 }, end: { line: 9, character: line.length - 1 } });
    assert.deepEqual(factsOf(d), ['Read from `project.sponsor` ("escalation").']);
  });

  it('"escalated as needed", a process flow and environments are no route: the warning stays on `governance`', () => {
    for (const sentence of [
      'issues are escalated as needed.',
      'Change request → impact assessment → approval by the sponsor.',
      'releases go Dev → Test → Production.',
    ]) {
      const written = `    process: Written change request with cost, schedule and risk impact; ${sentence}\n`;
      const d = only(id, fullWith([escalation, ''], [process, written]));
      assert.equal(severityName(d), 'warning', sentence);
      assert.equal(d.text, message, sentence);
      assert.deepEqual(d.range, { start: { line: 126, character: 0 }, end: { line: 126, character: 10 } }, sentence);
    }
    const placeholder = only(id, fullWith([escalation, '  escalation_path: as needed\n']));
    assert.equal(severityName(placeholder), 'warning');
  });
});
