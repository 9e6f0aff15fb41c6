// The change-log rules (issue 16) beyond the fixture table: the exact sentences and ranges a user
// reads, the text after each fix, statuses read fail-safe (a case slip is read as the status it
// names, an unknown one as approved), thresholds and today taken from settings, and silence on
// malformed input.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { afterFix, analyzeText, diagnosticsOf, factsOf, onlyDiagnostic, resolvedFixesOf } from '../support/analyze';
import { full, fullWith } from '../support/ruleCheck';

/** The spec's full example (no findings) with a change log appended. */
function withChanges(changes: string, base = full): string {
  return `${base}\n${changes}`;
}

/** The range of the `occurrence`-th `needle` in the text, as [line, start, line, end] (0-based). */
function rangeOfText(text: string, needle: string, occurrence = 0): [number, number, number, number] {
  let from = -1;
  for (let i = 0; i <= occurrence; i++) {
    from = text.indexOf(needle, from + 1);
    assert.ok(from >= 0, `no ${needle}`);
  }
  const before = text.slice(0, from).split('\n');
  const line = before.length - 1;
  const character = (before[line] ?? '').length;
  return [line, character, line, character + needle.length];
}

function rangeOf(d: Diagnostic): [number, number, number, number] {
  return [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character];
}

const approvedCr1 = `changes:
  - id: CR1
    raised: 2027-03-01
    summary: Add invoice export to CSV to the beta portal.
    status: approved
    cost_impact: 12000
    schedule_impact_days: 0
    affects: [D2]
`;

describe('governance-change-approver-missing', () => {
  it('names the change with no approver on its id line, and sets a listed approver where the format puts it', () => {
    const text = withChanges(approvedCr1);
    const d = onlyDiagnostic('governance-change-approver-missing', text);
    assert.equal(d.message, 'Change `CR1` is approved but names no approver: nobody is on record as agreeing to its cost (`approved_by`).');
    assert.deepEqual(rangeOf(d), rangeOfText(text, 'id: CR1'));
    assert.deepEqual(factsOf(d), ['Change-control approvers: `Sam Patel`, `Dana Reyes`.']);
    const fixes = resolvedFixesOf(d);
    assert.deepEqual(
      fixes.map((f) => `${f.title} [${f.applicability}]`),
      ['Set `approved_by` to `Sam Patel` [unsafe]', 'Set `approved_by` to `Dana Reyes` [unsafe]'],
    );
    const after = afterFix(d, text, 'Set `approved_by` to `Dana Reyes`');
    assert.ok(after.includes('    status: approved\n    approved_by: Dana Reyes\n    cost_impact: 12000\n'), after.slice(-300));
    assert.deepEqual(diagnosticsOf('governance-change-approver-missing', after), []);
  });

  it('reports an approver who is not on the change-control list, on the name, and can add them to the list', () => {
    const text = withChanges(approvedCr1.replace('    status: approved\n', '    status: approved\n    approved_by: Pat Lee\n'));
    const d = onlyDiagnostic('governance-change-approver-missing', text);
    assert.equal(
      d.message,
      'Change `CR1` was approved by someone who is not a change-control approver: "Pat Lee" is not in `governance.change_control.approval_by`.',
    );
    assert.deepEqual(rangeOf(d), rangeOfText(text, 'Pat Lee'));
    const added = afterFix(d, text, 'Add `Pat Lee` to the change-control approvers');
    assert.ok(added.includes('    approval_by: [Sam Patel, Dana Reyes, Pat Lee]\n'));
    assert.deepEqual(diagnosticsOf('governance-change-approver-missing', added), []);
    const replaced = afterFix(d, text, 'Set `approved_by` to `Sam Patel`');
    assert.ok(replaced.includes('    approved_by: Sam Patel\n'));
    assert.deepEqual(diagnosticsOf('governance-change-approver-missing', replaced), []);
  });

  it('takes a different case or a role in parentheses for the same person', () => {
    for (const name of ['sam patel', 'Sam  Patel', 'Dana Reyes (VP Customer Operations)']) {
      const text = withChanges(approvedCr1.replace('    status: approved\n', `    status: approved\n    approved_by: ${name}\n`));
      assert.deepEqual(diagnosticsOf('governance-change-approver-missing', text), [], name);
    }
  });

  it('reads an unknown or blank status as approved and says so; rejected, withdrawn and proposed changes need no approver', () => {
    const pending = withChanges(approvedCr1.replace('status: approved', 'status: signed off'));
    const d = onlyDiagnostic('governance-change-approver-missing', pending);
    assert.equal(
      d.message,
      'Change `CR1` is treated as approved but names no approver: nobody is on record as agreeing to its cost (`approved_by`).',
    );
    assert.equal(
      factsOf(d)?.[0],
      '`status: signed off` is not one of `proposed`, `approved`, `rejected`, `withdrawn`, so `CR1` is treated as approved (its cost counts and it needs an approver) until the status is fixed.',
    );
    // The schema's enum finding on the status stays: the rule speaks about another node.
    assert.equal(analyzeText(pending).diagnostics.filter((x) => x.code === 'schema/enum').length, 1);
    const blank = withChanges(approvedCr1.replace('status: approved', 'status: ""'));
    assert.match(
      factsOf(onlyDiagnostic('governance-change-approver-missing', blank))?.[0] ?? '',
      /^A missing or blank `status` is not one of/,
    );
    for (const status of ['rejected', 'withdrawn', 'proposed', 'Rejected']) {
      assert.deepEqual(
        diagnosticsOf('governance-change-approver-missing', withChanges(approvedCr1.replace('status: approved', `status: ${status}`))),
        [],
        status,
      );
    }
  });

  it('leaves a placeholder it still reports when change control names nobody, and no membership check then', () => {
    const base = fullWith(['    approval_by: [Sam Patel, Dana Reyes]\n', '']);
    const text = withChanges(approvedCr1, base);
    const d = onlyDiagnostic('governance-change-approver-missing', text);
    const [fix] = resolvedFixesOf(d);
    assert.equal(fix?.title, 'Add `approved_by` to fill in');
    assert.equal(fix?.applicability, 'display-only');
    const after = afterFix(d, text, 'Add `approved_by` to fill in');
    assert.ok(after.includes('    status: approved\n    approved_by: ""\n'));
    // The blank is still an approval by nobody.
    assert.equal(diagnosticsOf('governance-change-approver-missing', after).length, 1);
    const named = withChanges(approvedCr1.replace('    status: approved\n', '    status: approved\n    approved_by: Pat Lee\n'), base);
    assert.deepEqual(diagnosticsOf('governance-change-approver-missing', named), []);
    // cost-change-control-incomplete says change control names no approver.
    assert.equal(diagnosticsOf('cost-change-control-incomplete', named).length, 1);
  });
});

describe('cost-change-impact-missing', () => {
  const approvedBy = approvedCr1.replace('    status: approved\n', '    status: approved\n    approved_by: Sam Patel\n');

  it('takes 0 as a stated impact and a negative one as a saving', () => {
    assert.deepEqual(diagnosticsOf('cost-change-impact-missing', withChanges(approvedBy)), []);
    const saving = withChanges(
      approvedBy.replace('cost_impact: 12000', 'cost_impact: -4000').replace('schedule_impact_days: 0', 'schedule_impact_days: -3'),
    );
    assert.deepEqual(diagnosticsOf('cost-change-impact-missing', saving), []);
  });

  it('reports a missing cost impact on the change, in budget.currency, with a placeholder it still reports', () => {
    const text = withChanges(approvedBy.replace('    cost_impact: 12000\n', ''));
    const d = onlyDiagnostic('cost-change-impact-missing', text);
    assert.equal(d.message, 'Change `CR1` is approved with no usable cost impact: `cost_impact` (in EUR) is not stated.');
    assert.deepEqual(rangeOf(d), rangeOfText(text, 'id: CR1'));
    const after = afterFix(d, text, 'Add `cost_impact` to fill in');
    assert.ok(after.includes('    approved_by: Sam Patel\n    cost_impact: null\n    schedule_impact_days: 0\n'));
    const left = analyzeText(after).diagnostics;
    assert.deepEqual(
      left.filter((x) => x.code === 'cost-change-impact-missing').map((x) => x.message),
      ['Change `CR1` is approved with no usable cost impact: `cost_impact` (in EUR) is not stated.'],
    );
    // `null` is the format's placeholder: no type error on top.
    assert.deepEqual(
      left.filter((x) => String(x.code).startsWith('schema/')).map((x) => x.message),
      [],
    );
  });

  it('names both impacts when neither is stated, and adds both keys in one fix', () => {
    const text = withChanges(approvedBy.replace('    cost_impact: 12000\n    schedule_impact_days: 0\n', ''));
    const d = onlyDiagnostic('cost-change-impact-missing', text);
    assert.equal(
      d.message,
      'Change `CR1` is approved but states no impact: neither its cost (`cost_impact`) nor its schedule (`schedule_impact_days`).',
    );
    const after = afterFix(d, text, 'Add `cost_impact` and `schedule_impact_days` to fill in');
    assert.ok(after.includes('    cost_impact: null\n    schedule_impact_days: null\n    affects: [D2]\n'));
  });

  it('fails safe on values it cannot read: TBD and words are no impact, on the value', () => {
    const tbd = withChanges(approvedBy.replace('cost_impact: 12000', 'cost_impact: TBD'));
    const d = onlyDiagnostic('cost-change-impact-missing', tbd);
    assert.equal(
      d.message,
      'Change `CR1` is approved with no usable cost impact: `cost_impact` (in EUR) is "TBD", which is not an amount.',
    );
    assert.deepEqual(rangeOf(d), rangeOfText(tbd, 'TBD'));
    const words = withChanges(approvedBy.replace('schedule_impact_days: 0', 'schedule_impact_days: two weeks'));
    assert.equal(
      onlyDiagnostic('cost-change-impact-missing', words).message,
      'Change `CR1` is approved with no usable schedule impact: `schedule_impact_days` is "two weeks", which is not a number of days.',
    );
    const estimate = withChanges(approvedBy.replace('cost_impact: 12000', 'cost_impact: approx. 12k'));
    assert.match(String(onlyDiagnostic('cost-change-impact-missing', estimate).message), /is "approx\. 12k", which is not an amount\.$/);
  });

  it('gives a TBD impact of an approved change one finding, its own, not also cost-tbd-placeholder', () => {
    const tbd = withChanges(approvedBy.replace('cost_impact: 12000', 'cost_impact: TBD'));
    const onValue = analyzeText(tbd).diagnostics.filter((x) => rangeOf(x).join() === rangeOfText(tbd, 'TBD').join());
    assert.deepEqual(
      onValue.map((x) => [x.code, x.message]),
      [
        [
          'cost-change-impact-missing',
          'Change `CR1` is approved with no usable cost impact: `cost_impact` (in EUR) is "TBD", which is not an amount.',
        ],
      ],
    );
    const days = withChanges(approvedBy.replace('schedule_impact_days: 0', 'schedule_impact_days: TBC'));
    assert.deepEqual(diagnosticsOf('cost-tbd-placeholder', days), []);
    // A proposed change needs no impact yet: its placeholder is the open item.
    const proposed = withChanges(
      approvedBy.replace('cost_impact: 12000', 'cost_impact: TBD').replace('status: approved', 'status: proposed'),
    );
    const open = onlyDiagnostic('cost-tbd-placeholder', proposed);
    assert.equal(
      open.message,
      '`changes[0].cost_impact` is still "TBD": fill it in before signing, or record it as an assumption with a decision date and an owner.',
    );
    assert.deepEqual(rangeOf(open), rangeOfText(proposed, 'TBD'));
    // With the change rule switched off, the placeholder is reported again.
    assert.equal(diagnosticsOf('cost-tbd-placeholder', tbd, { rules: { 'cost-change-impact-missing': 'off' } }).length, 1);
  });

  it('rewrites an amount written as text: safe in the budget currency, a proposal when the text names another', () => {
    const eur = withChanges(approvedBy.replace('cost_impact: 12000', 'cost_impact: "EUR 12,000"'));
    const d = onlyDiagnostic('cost-change-impact-missing', eur);
    assert.equal(
      d.message,
      'Change `CR1` is approved with no usable cost impact: `cost_impact` (in EUR) is the text "EUR 12,000", not a number.',
    );
    assert.deepEqual(rangeOf(d), rangeOfText(eur, '"EUR 12,000"'));
    const [fix] = resolvedFixesOf(d);
    assert.equal(fix?.applicability, 'safe');
    const after = afterFix(d, eur, 'Write "EUR 12,000" as 12000');
    assert.ok(after.includes('    cost_impact: 12000\n'));
    assert.deepEqual(diagnosticsOf('cost-change-impact-missing', after), []);
    // One finding on the value: the rule's, not also the schema's type error.
    assert.equal(analyzeText(eur).diagnostics.filter((x) => x.code === 'schema/type').length, 0);
    const usd = withChanges(approvedBy.replace('cost_impact: 12000', 'cost_impact: "$12k"'));
    const [guess] = resolvedFixesOf(onlyDiagnostic('cost-change-impact-missing', usd));
    assert.equal(guess?.title, 'Write "$12k" as 12000 (the text says USD, the budget is in EUR)');
    assert.equal(guess?.applicability, 'unsafe');
  });

  it('asks nothing of proposed, rejected or withdrawn changes, and reads an unknown status as approved', () => {
    const bare = approvedBy.replace('    cost_impact: 12000\n    schedule_impact_days: 0\n', '');
    for (const status of ['proposed', 'rejected', 'withdrawn']) {
      assert.deepEqual(
        diagnosticsOf('cost-change-impact-missing', withChanges(bare.replace('status: approved', `status: ${status}`))),
        [],
        status,
      );
    }
    const done = withChanges(bare.replace('status: approved', 'status: done'));
    assert.equal(
      onlyDiagnostic('cost-change-impact-missing', done).message,
      'Change `CR1` is treated as approved but states no impact: neither its cost (`cost_impact`) nor its schedule (`schedule_impact_days`).',
    );
  });
});

describe('governance-change-affects-unknown', () => {
  it('marks the unknown id inside a flow list, once (structure-unknown-reference does not also report it)', () => {
    const text = withChanges(approvedCr1.replace('affects: [D2]', 'affects: [D2, D9]'));
    const d = onlyDiagnostic('governance-change-affects-unknown', text);
    assert.equal(d.message, 'Change `CR1` affects an unknown id, `D9`: no deliverable, milestone or success measure has it.');
    assert.deepEqual(rangeOf(d), rangeOfText(text, 'D9'));
    assert.deepEqual(diagnosticsOf('structure-unknown-reference', text), []);
    const titles = resolvedFixesOf(d).map((f) => f.title);
    // The closest ids first; D2 is already in the list.
    assert.deepEqual(titles.slice(0, 2), [
      'Change to `D1` (deliverable: Discovery report and clickable prototype)',
      'Change to `D3` (deliverable: Production go-live and handover)',
    ]);
    assert.ok(!titles.some((t) => t.startsWith('Change to `D2`')));
    const created = afterFix(d, text, 'Create deliverable `D9`');
    assert.ok(created.includes('  - id: D9\n    title: ""\n    acceptance_criteria:\n      - ""\n    due: null\n'));
    assert.deepEqual(diagnosticsOf('governance-change-affects-unknown', created), []);
  });

  it('proposes the id a case slip names first, and says when an id is a change request', () => {
    const text = withChanges(
      `${approvedCr1}  - id: CR2
    raised: 2027-03-10
    summary: Reverse part of the export change.
    status: proposed
    affects:
      - CR1
      - d3
`,
    );
    const [request, slip] = diagnosticsOf('governance-change-affects-unknown', text);
    assert.equal(
      request?.message,
      'Change `CR2` affects `CR1`, a change request: only deliverables, milestones and success measures can be affected.',
    );
    assert.ok(request && !resolvedFixesOf(request).some((f) => f.title.startsWith('Create')), 'CR1 is taken: no deliverable can have it');
    assert.ok(slip);
    assert.deepEqual(rangeOf(slip), rangeOfText(text, 'd3'));
    const [first] = resolvedFixesOf(slip);
    assert.equal(first?.title, 'Change to `D3` (deliverable: Production go-live and handover)');
    assert.equal(first?.applicability, 'unsafe');
    const after = afterFix(slip, text, first?.title ?? '');
    assert.ok(after.includes('      - CR1\n      - D3\n'));
  });

  it('accepts deliverables, milestones and success measures, and stays silent when a list of items is broken', () => {
    assert.deepEqual(diagnosticsOf('governance-change-affects-unknown', withChanges(approvedCr1.replace('[D2]', '[D2, M2, SM1]'))), []);
    const broken = withChanges(
      approvedCr1.replace('[D2]', '[D9]'),
      fullWith(['timeline:\n  start', 'timeline:\n  milestones: soon\n  start']),
    );
    assert.deepEqual(diagnosticsOf('governance-change-affects-unknown', broken), []);
  });
});

describe('cost-changes-exceed-contingency', () => {
  const log = (impacts: readonly (string | number)[], status = 'approved'): string =>
    `changes:\n${impacts
      .map(
        (impact, i) =>
          `  - id: CR${i + 1}\n    raised: 2027-03-0${i + 1}\n    summary: Change number ${i + 1}.\n    status: ${status}\n    approved_by: Sam Patel\n    cost_impact: ${impact}\n    schedule_impact_days: 0\n`,
      )
      .join('')}`;

  it('is an error on the changes key when approved changes cost more than the reserve, in budget.currency', () => {
    const text = withChanges(log([30000, 10000, -1000]));
    const d = onlyDiagnostic('cost-changes-exceed-contingency', text);
    assert.equal(d.severity, 1);
    assert.equal(
      d.message,
      'Approved changes put the project 3,000 EUR over budget: they cost 39,000 EUR, more than the 36,000 EUR contingency reserve (15% of 240,000 EUR).',
    );
    assert.deepEqual(rangeOf(d), rangeOfText(text, 'changes'));
    assert.deepEqual(factsOf(d), [
      '`CR1`: +30,000 EUR',
      '`CR2`: +10,000 EUR',
      '`CR3`: -1,000 EUR',
      'Approved changes: 39,000 EUR; 36,000 EUR contingency reserve (15% of 240,000 EUR).',
    ]);
    assert.deepEqual(resolvedFixesOf(d), []);
  });

  it('warns above the configured share of the reserve, and the share is a setting', () => {
    const text = withChanges(log([20000, 8000]));
    const d = onlyDiagnostic('cost-changes-exceed-contingency', text);
    assert.equal(d.severity, 2);
    assert.equal(
      d.message,
      'Approved changes already use 77.8% of the contingency reserve: 28,000 of 36,000 EUR, leaving 8,000 EUR for the risks still ahead.',
    );
    assert.deepEqual(diagnosticsOf('cost-changes-exceed-contingency', text, { thresholds: { maxContingencyUsedPercent: 80 } }), []);
    assert.equal(diagnosticsOf('cost-changes-exceed-contingency', withChanges(log([27000]))).length, 0, '75% exactly is within the limit');
  });

  it('counts only approved changes (and unknown statuses), and lists what proposed ones would add', () => {
    assert.deepEqual(diagnosticsOf('cost-changes-exceed-contingency', withChanges(log([50000], 'proposed'))), []);
    assert.deepEqual(diagnosticsOf('cost-changes-exceed-contingency', withChanges(log([50000], 'rejected'))), []);
    const unknown = onlyDiagnostic('cost-changes-exceed-contingency', withChanges(log([50000], 'agreed')));
    assert.match(String(unknown.message), /^Approved changes put the project 14,000 EUR over budget: they cost 50,000 EUR, more than/);
    assert.match(factsOf(unknown)?.[0] ?? '', /^`status: agreed` is not one of/);
    const mixed = withChanges(
      `${log([30000])}  - id: CR9\n    raised: 2026-12-30\n    summary: Pending.\n    status: proposed\n    cost_impact: 5000\n`,
    );
    assert.ok(
      factsOf(onlyDiagnostic('cost-changes-exceed-contingency', mixed))?.includes('Proposed changes would add 5,000 EUR more if approved.'),
    );
  });

  it('says "at least" when an approved cost cannot be read, and counts an amount written as text', () => {
    const text = withChanges(log([30000, 'TBD', '"EUR 7,000"']));
    const d = onlyDiagnostic('cost-changes-exceed-contingency', text);
    assert.equal(
      d.message,
      'Approved changes put the project at least 1,000 EUR over budget: they cost at least 37,000 EUR, more than the 36,000 EUR contingency reserve (15% of 240,000 EUR).',
    );
    const facts = factsOf(d) ?? [];
    assert.ok(facts.includes('`CR3`: +7,000 EUR (read from the text "EUR 7,000")'));
    assert.ok(facts.includes('No readable cost impact for `CR2` (`cost-change-impact-missing`), so the sum is a lower bound.'));
  });

  it('reads a price written as text rather than going quiet, and says so', () => {
    const text = withChanges(log([40000]), fullWith(['total: 240000', 'total: "EUR 240,000"']));
    const d = onlyDiagnostic('cost-changes-exceed-contingency', text);
    assert.equal(
      d.message,
      'Approved changes put the project 4,000 EUR over budget: they cost 40,000 EUR, more than the 36,000 EUR contingency reserve (15% of 240,000 EUR).',
    );
    assert.equal(factsOf(d)?.[0], '`budget.total` is read as 240,000 EUR from the text "EUR 240,000" (`cost-amount-not-numeric`).');
    const estimate = withChanges(log([40000]), fullWith(['total: 240000', 'total: about 240k']));
    assert.deepEqual(diagnosticsOf('cost-changes-exceed-contingency', estimate), []);
  });

  it('is an error when there is no reserve at all, and silent without a price or with a reserve it cannot read', () => {
    const none = withChanges(log([12000]), fullWith(['  contingency_percent: 15\n', '']));
    assert.equal(
      onlyDiagnostic('cost-changes-exceed-contingency', none).message,
      'Approved changes put the project 12,000 EUR over budget: there is no contingency reserve (`budget.contingency_percent` is not set).',
    );
    const zero = withChanges(log([12000]), fullWith(['contingency_percent: 15', 'contingency_percent: 0']));
    assert.match(String(onlyDiagnostic('cost-changes-exceed-contingency', zero).message), /`budget.contingency_percent` is 0\)/);
    const text = withChanges(log([120000]), fullWith(['contingency_percent: 15', 'contingency_percent: "15%"']));
    assert.deepEqual(diagnosticsOf('cost-changes-exceed-contingency', text), []);
    const noPrice = withChanges(log([120000]), fullWith(['  total: 240000\n', '']));
    assert.deepEqual(diagnosticsOf('cost-changes-exceed-contingency', noPrice), []);
    assert.deepEqual(diagnosticsOf('cost-changes-exceed-contingency', withChanges(log([-5000, 3000]))), [], 'net savings');
  });
});

describe('governance-change-decision-overdue', () => {
  const proposed = (raised: string, status = 'proposed'): string =>
    `changes:\n  - id: CR1\n    raised: ${raised}\n    summary: Add a French translation of the portal.\n    status: ${status}\n`;

  it("counts the days from raised to the engine's today, on the raised date", () => {
    const text = withChanges(proposed('2026-12-01'));
    const d = onlyDiagnostic('governance-change-decision-overdue', text);
    assert.equal(
      d.message,
      'Change `CR1` has waited 34 days for a decision, over the 14 days allowed: raised 2026-12-01; decide it before work starts on it anyway.',
    );
    assert.deepEqual(rangeOf(d), rangeOfText(text, '2026-12-01'));
    assert.deepEqual(factsOf(d), ['Raised 2026-12-01; today 2027-01-04; limit `maxProposedChangeDays` 14 days.']);
    // Today and the limit come from settings, so results do not move with the calendar.
    assert.deepEqual(diagnosticsOf('governance-change-decision-overdue', text, { today: '2026-12-15' }), []);
    assert.equal(diagnosticsOf('governance-change-decision-overdue', text, { today: '2026-12-16' }).length, 1);
    assert.deepEqual(diagnosticsOf('governance-change-decision-overdue', text, { thresholds: { maxProposedChangeDays: 34 } }), []);
  });

  it('reads a case slip as proposed, and leaves decided, unknown and future-dated changes alone', () => {
    const slip = onlyDiagnostic('governance-change-decision-overdue', withChanges(proposed('2026-12-01', 'PROPOSED')));
    assert.equal(factsOf(slip)?.[0], '`status: PROPOSED` is read as `proposed`.');
    for (const status of ['approved', 'rejected', 'withdrawn', 'on hold']) {
      assert.deepEqual(diagnosticsOf('governance-change-decision-overdue', withChanges(proposed('2026-01-01', status))), [], status);
    }
    assert.deepEqual(diagnosticsOf('governance-change-decision-overdue', withChanges(proposed('2027-02-01'))), []);
  });

  it('notes, as information, a proposed change whose wait cannot be told', () => {
    const blank = withChanges(proposed('null'));
    const d = onlyDiagnostic('governance-change-decision-overdue', blank);
    assert.equal(d.severity, 3);
    assert.equal(d.message, 'Change `CR1` is proposed but has no `raised` date: nobody can tell how long it has waited for a decision.');
    assert.deepEqual(rangeOf(d), rangeOfText(blank, 'null', 0));
    const bad = withChanges(proposed('last week'));
    const unreadable = onlyDiagnostic('governance-change-decision-overdue', bad);
    assert.equal(
      unreadable.message,
      'Change `CR1` is proposed but has no readable `raised` date: nobody can tell how long it has waited for a decision.',
    );
    // On the change, so the schema's format error on the value stays visible.
    assert.deepEqual(rangeOf(unreadable), rangeOfText(bad, 'id: CR1'));
    assert.equal(analyzeText(bad).diagnostics.filter((x) => x.code === 'schema/format').length, 1);
  });
});

describe('change-log rules on malformed input', () => {
  const ids = [
    'governance-change-approver-missing',
    'cost-change-impact-missing',
    'governance-change-affects-unknown',
    'cost-changes-exceed-contingency',
    'governance-change-decision-overdue',
  ];
  it('say nothing about a log that is not a list of mappings, and never throw', () => {
    for (const changes of [
      'changes: soon\n',
      'changes: [CR1, 3, null]\n',
      'changes:\n  - [a, b]\n  - 42\n',
      'changes: {}\n',
      'changes:\n  - id: CR1\n    affects: D2\n',
    ]) {
      const found = analyzeText(withChanges(changes)).diagnostics.filter((d) => ids.includes(String(d.code)));
      assert.deepEqual(
        found.map((d) => String(d.code)).sort(),
        changes.includes('affects: D2') ? ['cost-change-impact-missing', 'governance-change-approver-missing'] : [],
        changes,
      );
    }
  });
});
