// compareScopes on pairs of realistic versions of one scope (the portal rebuild example and edits a
// pull request would make to it): the summary lines a reviewer reads, and the findings on the new
// version with their exact ranges, and the change-request scaffold a fix inserts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { compareScopes, type ScopeComparison } from '../../server/src/service/compare/compareScopes';
import { ScopeDocument } from '../../server/src/service/document';
import { repoRoot } from '../support/paths';
import { fixText } from '../support/textEdits';

const before = readFileSync(join(repoRoot, 'examples', 'portal-rebuild.scope.yaml'), 'utf8');

function edit(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `the example no longer contains ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

function compare(after: string, old = before): ScopeComparison {
  return compareScopes(new ScopeDocument('file:///old.scope.yaml', 1, old), new ScopeDocument('file:///new.scope.yaml', 2, after), {
    today: '2027-06-01',
  });
}

/** `code line:column-endLine:endColumn` (1-based) of each finding, on the new text. */
function located(after: string, comparison: ScopeComparison): string[] {
  const doc = new ScopeDocument('file:///new.scope.yaml', 2, after);
  return comparison.findings.map((f) => {
    const r = doc.rangeOf(f.path);
    return `${f.code} ${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;
  });
}

/** 1-based line and column of `needle` in `text` (the first occurrence, after `context` when given), and its end column. */
function at(text: string, needle: string, context = ''): string {
  const offset = text.indexOf(needle, text.indexOf(context));
  assert.ok(offset >= 0, needle);
  const line = text.slice(0, offset).split('\n').length;
  const column = offset - text.lastIndexOf('\n', offset - 1);
  return `${line}:${column}-${line}:${column + needle.length}`;
}

const approvedChange = (id: string, cost: number, days: number, affects: string[]) =>
  `  - id: ${id}\n    raised: 2027-05-20\n    summary: Agreed extra work.\n    status: approved\n    approved_by: Sam Patel\n    approved: 2027-05-22\n    cost_impact: ${cost}\n    schedule_impact_days: ${days}\n    affects: [${affects.join(', ')}]\n`;

describe('compareScopes', () => {
  it('an unchanged file gives no changes and no findings', () => {
    assert.deepEqual(compare(before), { changes: [], findings: [] });
  });

  it('a price increase with no approved change request is scope creep, on the total', () => {
    const after = edit(before, '  total: 240000\n', '  total: 260000\n');
    const result = compare(after);
    assert.deepEqual(
      result.changes.map((c) => c.text),
      ['Price: 240,000 → 260,000 EUR, +20,000 EUR (+8.3%)'],
    );
    assert.deepEqual(located(after, result), [`compare/scope-creep ${at(after, '260000')}`]);
    assert.equal(result.findings[0]?.message, 'The price rose by 20,000 EUR (+8.3%) and no approved change request accounts for it.');
    assert.equal(result.findings[0]?.severity, 'error');
  });

  it('the same increase accounted for by a newly approved change request is only a summary line', () => {
    const after = edit(before, '  total: 240000\n', '  total: 260000\n') + approvedChange('CR4', 20000, 0, ['D2']);
    const result = compare(after);
    assert.deepEqual(
      result.changes.map((c) => c.text),
      ['New change request `CR4` (approved): +20,000 EUR, 0 days', 'Price: 240,000 → 260,000 EUR, +20,000 EUR (+8.3%)'],
    );
    assert.deepEqual(result.findings, []);
  });

  it('an approved change that covers only part of the increase says how much it covers', () => {
    const after = edit(before, '  total: 240000\n', '  total: 260000\n') + approvedChange('CR4', 5000, 0, ['D2']);
    const [finding] = compare(after).findings;
    assert.equal(
      finding?.message,
      'The price rose by 20,000 EUR (+8.3%) and no approved change request accounts for it; the change requests approved in this version cover 5,000 EUR.',
    );
  });

  it('a proposed change request does not account for anything', () => {
    const proposed = approvedChange('CR4', 20000, 0, ['D2']).replace('status: approved', 'status: Proposed');
    const after = edit(before, '  total: 240000\n', '  total: 260000\n') + proposed;
    assert.deepEqual(
      compare(after).findings.map((f) => f.code),
      ['compare/scope-creep'],
    );
  });

  it('an added deliverable with no change request naming it is scope creep, on its id; one that names it is not', () => {
    const item =
      '  - id: D4\n    title: Admin reporting dashboard\n    acceptance_criteria:\n      - All 10 reports in Annex D match the billing system.\n    due: 2027-09-10\n';
    const after = edit(before, '\nsuccess_measures:\n', `${item}\nsuccess_measures:\n`);
    const result = compare(after);
    assert.deepEqual(
      result.changes.map((c) => c.text),
      ['Deliverable `D4` (Admin reporting dashboard) added'],
    );
    assert.deepEqual(located(after, result), [`compare/scope-creep ${at(after, 'D4', '- id: D4')}`]);
    assert.equal(
      result.findings[0]?.message,
      'Deliverable `D4` was added and no approved change request names it: "Admin reporting dashboard"; list it in the `affects` of the change request that approves it.',
    );
    assert.deepEqual(compare(after + approvedChange('CR4', 15000, 0, ['D4'])).findings, []);
  });

  it('the scope-creep fix appends a proposed change request pre-filled with the measured impact', () => {
    const after = edit(before, '  end: 2027-10-29\n', '  end: 2027-11-30\n');
    const [finding] = compare(after).findings;
    assert.equal(finding?.message, 'The end date moved 32 days later and no approved change request accounts for it.');
    const fix = finding?.fixes[0];
    assert.ok(fix);
    assert.equal(fix.title, 'Add change request CR4 for this change (fill in who approved it)');
    assert.equal(fix.applicability, 'display-only');
    const { after: fixed } = fixText(after, fix);
    assert.ok(
      fixed.endsWith(
        '    affects: [D3]\n  - id: CR4\n    raised: 2027-06-01\n    summary: "TODO: why the end moved 32 days later"\n    status: proposed\n    cost_impact: 0\n    schedule_impact_days: 32\n',
      ),
      fixed.slice(-400),
    );
  });

  it('a loosened target is a warning on the target; a tighter one is a summary line only', () => {
    const looser = edit(before, 'target: "< 600"', 'target: "< 800"');
    const result = compare(looser);
    assert.deepEqual(
      result.changes.map((c) => c.text),
      ['Success measure `SM1`: target < 600 → < 800, looser'],
    );
    assert.deepEqual(located(looser, result), [`compare/target-loosened ${at(looser, '"< 800"')}`]);
    assert.equal(
      result.findings[0]?.message,
      'The target of success measure `SM1` was loosened: < 600 → < 800, so the vendor now has to achieve less for the same acceptance.',
    );
    const tighter = compare(edit(before, 'target: ">= 80"', 'target: ">= 90"'));
    assert.deepEqual(
      tighter.changes.map((c) => c.text),
      ['Success measure `SM2`: target >= 80 → >= 90, tighter'],
    );
    assert.deepEqual(tighter.findings, []);
  });

  it('targets in different units are compared by js-quantities, not by their bare numbers', () => {
    // The measure's unit moves into the target: 600 tickets/month is still 600 tickets/month.
    const same = compare(edit(before, 'target: "< 600"\n    unit: tickets/month\n', 'target: "< 600 tickets/month"\n'));
    assert.deepEqual(
      same.changes.map((c) => c.text),
      ['Success measure `SM1`: target < 600 → < 600 tickets/month'],
    );
    assert.deepEqual(same.findings, []);
    // 4 hours to 300 minutes (5 hours) is looser though 300 is a bigger number on a `<` target ...
    const hours = edit(before, 'target: "< 600"\n    unit: tickets/month\n', 'target: "< 4 h"\n');
    const looser = edit(hours, 'target: "< 4 h"', 'target: "< 300 min"');
    const result = compare(looser, hours);
    assert.deepEqual(
      result.changes.map((c) => c.text),
      ['Success measure `SM1`: target < 4 h → < 300 min, looser'],
    );
    assert.deepEqual(located(looser, result), [`compare/target-loosened ${at(looser, '"< 300 min"')}`]);
    assert.equal(
      result.findings[0]?.message,
      'The target of success measure `SM1` was loosened: < 4 h → < 300 min, so the vendor now has to achieve less for the same acceptance.',
    );
    // ... and 4 (unit: h) to 200 (unit: min) is tighter, though 200 is the bigger number.
    const inUnitField = edit(before, 'target: "< 600"\n    unit: tickets/month\n', 'target: "< 4"\n    unit: h\n');
    const tighter = edit(inUnitField, 'target: "< 4"\n    unit: h\n', 'target: "< 200"\n    unit: min\n');
    const tight = compare(tighter, inUnitField);
    assert.deepEqual(
      tight.changes.map((c) => c.text),
      ['Success measure `SM1`: target < 4 h → < 200 min, tighter'],
    );
    assert.deepEqual(tight.findings, []);
    // Only the unit changed (hours to days, same number): looser, on the unit.
    const days = edit(inUnitField, '    unit: h\n', '    unit: d\n');
    const unitOnly = compare(days, inUnitField);
    assert.deepEqual(
      unitOnly.changes.map((c) => c.text),
      ['Success measure `SM1`: target < 4 h → < 4 d, looser'],
    );
    assert.deepEqual(located(days, unitOnly), [`compare/target-loosened ${at(days, 'd', 'unit: ')}`]);
  });

  it('targets in units that measure different things are not compared, fail safe', () => {
    const hours = edit(before, 'target: "< 600"\n    unit: tickets/month\n', 'target: "< 4 h"\n');
    const after = edit(hours, 'target: "< 4 h"', 'target: "< 2 GB"');
    assert.deepEqual(
      compare(after, hours).findings.map((f) => f.message),
      [
        'Success measure `SM1` changed its target in a way that cannot be judged: < 4 h → < 2 GB, and whether it is looser cannot be read. State the direction with a comparator such as `>=` or `<=` and the same unit.',
      ],
    );
  });

  it('a target whose direction cannot be read is reported, fail safe', () => {
    const after = edit(before, 'target: "< 600"', 'target: "fewer than before"');
    assert.deepEqual(
      compare(after).findings.map((f) => f.message),
      [
        'Success measure `SM1` changed its target in a way that cannot be judged: < 600 → fewer than before, and whether it is looser cannot be read. State the direction with a comparator such as `>=` or `<=` and the same unit.',
      ],
    );
  });

  it('weakened security terms are errors on the changed values', () => {
    let after = edit(before, '  breach_notification_hours: 24\n', '  breach_notification_hours: 72\n');
    after = edit(after, 'approval_required: true', 'approval_required: false');
    after = edit(after, '    - { name: SOC 2 Type II, period_end: 2026-09-30 }\n', '');
    after = edit(after, '  data_classification: confidential\n', '  data_classification: Internal\n');
    const result = compare(after);
    assert.deepEqual(
      result.changes.map((c) => c.text),
      [
        'Breach notification: 24 → 72 hours',
        'Certification "SOC 2 Type II" dropped',
        'Sub-processor approval: required → not required',
        'Data classification: confidential → internal',
      ],
    );
    assert.deepEqual(located(after, result), [
      `compare/protection-weakened ${at(after, '72')}`,
      // The list that lost the certificate (the one left in it).
      `compare/protection-weakened ${at(after, '- { name: "ISO/IEC 27001:2022", scope: Software development and hosting operations, expires: 2028-06-30 }')}`,
      `compare/protection-weakened ${at(after, 'false')}`,
      `compare/protection-weakened ${at(after, 'Internal')}`,
    ]);
    assert.equal(
      result.findings[0]?.message,
      'The breach notification deadline went from 24 to 72 hours: you learn of a breach later (GDPR Art. 33 gives a controller 72 hours).',
    );
  });

  it('a signed NDA removed and the vendor changed', () => {
    let after = edit(before, '  nda: { signed: true, date: 2027-01-12, mutual: true }\n', '');
    after = edit(after, '  name: Northwind Software Lda\n', '  name: Tailspin Consulting\n');
    const result = compare(after);
    assert.deepEqual(
      result.changes.map((c) => c.text),
      ['NDA: signed → not signed', 'Vendor: Northwind Software Lda → Tailspin Consulting'],
    );
    assert.deepEqual(
      result.findings.map((f) => `${f.code} ${f.path.join('.')}`),
      ['compare/protection-weakened vendor'],
    );
  });

  it('milestone moves and a removed success measure', () => {
    let after = edit(before, '{ id: M2, name: Beta accepted, date: 2027-06-25', '{ id: M2, name: Beta accepted, date: 2027-07-09');
    after = edit(
      after,
      '  - id: SM3\n    metric: Automated test coverage of new code\n    target: ">= 80"\n    unit: "%"\n    measured_by: CI coverage report on the main branch\n    deliverables: [D2, D3]\n',
      '',
    );
    const result = compare(after);
    assert.deepEqual(
      result.changes.map((c) => c.text),
      ['Milestone `M2` (Beta accepted): 2027-06-25 → 2027-07-09, 14 days later', 'Success measure `SM3` removed'],
    );
    assert.deepEqual(
      result.findings.map((f) => f.message),
      ['Success measure `SM3` was removed: nothing now measures what it measured.'],
    );
  });
});
