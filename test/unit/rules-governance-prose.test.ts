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
