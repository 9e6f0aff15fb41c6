// Whole sections missing (issue 12): a new file gets one finding for them that names every rule id
// it stands for, not twenty findings on line 1; its one fix adds the sections in the format's order.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { analyzeText, resolvedFixesOf } from '../support/analyze';
import { repoRoot } from '../support/paths';
import { applyTextEdits } from '../support/textEdits';

const template = readFileSync(join(repoRoot, 'templates', 'new.scope.yaml'), 'utf8');
const newFile = 'scope_version: 1\n';

const perLine = (diagnostics: readonly Diagnostic[]): Map<number, number> => {
  const counts = new Map<number, number>();
  for (const d of diagnostics) counts.set(d.range.start.line, (counts.get(d.range.start.line) ?? 0) + 1);
  return counts;
};
const codes = (diagnostics: readonly Diagnostic[]): string[] => diagnostics.map((d) => String(d.code));
const folded = [
  'security-nda-missing',
  'security-references-missing',
  'security-data-classification-missing',
  'security-protections-missing',
  'expertise-essential-parameter-missing',
  'expertise-key-personnel-missing',
  'cost-contingency-missing',
  'cost-out-of-scope-empty',
  'cost-change-control-missing',
  'governance-owner-missing',
  'governance-cadence-missing',
  'governance-status-reports-missing',
  'governance-escalation-missing',
];

describe('scope/missing-sections', () => {
  it('reports a new file in three findings on line 1, the sections first, with every folded rule id named', () => {
    const { diagnostics } = analyzeText(newFile);
    assert.deepEqual(codes(diagnostics), ['scope/missing-sections', 'security-ip-ownership-missing', 'governance-exit-plan-missing']);
    assert.ok(Math.max(...perLine(diagnostics).values()) <= 3);
    const [sections] = diagnostics;
    assert.ok(sections);
    assert.deepEqual(sections.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 16 } });
    assert.equal(sections.severity, 1, 'as severe as the worst finding it stands for, so CI still fails');
    assert.equal(
      sections.message,
      `9 needed sections are missing: project, vendor, security, deliverables, success_measures, budget, timeline, governance, out_of_scope. It stands for 13 checks: ${folded.join(', ')}.`,
    );
  });

  it('adds every missing section in the format order with the New Scope File skeleton (display-only)', () => {
    const { diagnostics } = analyzeText(newFile);
    const fixes = resolvedFixesOf(diagnostics[0] as Diagnostic);
    assert.deepEqual(
      fixes.map((f) => [f.title, f.applicability, f.preferred]),
      [['Add the 9 missing sections to fill in', 'display-only', true]],
    );
    const after = applyTextEdits(newFile, fixes[0]?.edits ?? []);
    assert.equal(after, template.replace(/^(#.*\n)+/, ''));
    const again = analyzeText(after).diagnostics;
    assert.ok(!codes(again).includes('scope/missing-sections'));
    // What is left to fill in is reported where it is, not on line 1.
    assert.ok((perLine(again).get(0) ?? 0) <= 3, JSON.stringify([...perLine(again)]));
  });

  it('puts the sections it adds among the ones already there', () => {
    const text = 'scope_version: 1\n\nvendor:\n  name: Acme\n\nip:\n  owner: client\n';
    const { diagnostics } = analyzeText(text);
    const sections = diagnostics.find((d) => d.code === 'scope/missing-sections');
    assert.ok(sections, codes(diagnostics).join(', '));
    const after = applyTextEdits(text, resolvedFixesOf(sections)[0]?.edits ?? []);
    const topKeys = after
      .split('\n')
      .filter((l) => /^[a-z_]+:/.test(l))
      .map((l) => l.slice(0, l.indexOf(':')));
    assert.deepEqual(topKeys, [
      'scope_version',
      'project',
      'vendor',
      'security',
      'deliverables',
      'success_measures',
      'budget',
      'timeline',
      'governance',
      'out_of_scope',
      'ip',
    ]);
  });

  it('keeps up to three findings about missing sections as they are', () => {
    const full = readFileSync(join(repoRoot, 'test', 'fixtures', 'golden', 'full.scope.yaml'), 'utf8');
    const withoutOutOfScope = full.replace(/\nout_of_scope:\n( {2}.*\n)+/, '\n');
    assert.notEqual(withoutOutOfScope, full);
    const found = codes(analyzeText(withoutOutOfScope).diagnostics);
    assert.ok(found.includes('cost-out-of-scope-empty'), found.join(', '));
    assert.ok(!found.includes('scope/missing-sections'));
  });

  it('leaves out rules turned off, and does not fold once three or fewer remain', () => {
    const off = (ids: readonly string[]): { rules: Record<string, 'off'> } => ({
      rules: Object.fromEntries(ids.map((id) => [id, 'off' as const])),
    });
    const some = analyzeText(newFile, off(['security-nda-missing'])).diagnostics[0];
    assert.equal(some?.code, 'scope/missing-sections');
    assert.ok(!String(some?.message).includes('security-nda-missing'));
    const few = codes(analyzeText(newFile, off(folded.slice(0, 11))).diagnostics);
    assert.deepEqual([...few].sort(), [
      'governance-escalation-missing',
      'governance-exit-plan-missing',
      'governance-status-reports-missing',
      'security-ip-ownership-missing',
    ]);
  });
});
