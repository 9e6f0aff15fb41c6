// The risk score and the verdict (docs/score.md): the formula, its areas, accepted risks counted
// apart and never scored, and a file that could not be checked never looking safe.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ScopeDocument } from '../../server/src/service/document';
import { reportOf, summaryOf } from '../../server/src/service/report';
import { scoreOfReport } from '../../server/src/service/report/fileReport';
import { areaOf, riskOf, scoreOf, verdictOf, type ScoredFinding } from '../../server/src/service/report/score';
import { mergeSettings } from '../../server/src/service/settings';
import type { Severity } from '../../server/src/service/types';
import { testToday } from '../support/analyze';
import { fixturesDir } from '../support/paths';

const settings = mergeSettings({ today: testToday });

function findings(counts: Partial<Record<Severity, number>>, ruleId = 'security-nda-missing'): ScoredFinding[] {
  return (Object.entries(counts) as [Severity, number][]).flatMap(([severity, n]) =>
    Array.from({ length: n }, () => ({ ruleId, severity })),
  );
}

function reportOfText(text: string, name = 'test.scope.yaml') {
  return reportOf(new ScopeDocument(`file:///${name}`, 1, text, settings.limits), settings);
}

function golden(name: string): string {
  return readFileSync(join(fixturesDir, 'golden', `${name}.scope.yaml`), 'utf8');
}

describe('risk score', () => {
  it('is 100 × (1 − 0.75^errors × 0.92^warnings × 0.98^infos), rounded', () => {
    assert.equal(riskOf([]), 0);
    assert.equal(riskOf(findings({ error: 1 })), 25);
    assert.equal(riskOf(findings({ warning: 1 })), 8);
    assert.equal(riskOf(findings({ info: 1 })), 2);
    // The example: 3 errors and 5 warnings.
    assert.equal(riskOf(findings({ error: 3, warning: 5 })), 72);
    assert.equal(riskOf(findings({ error: 2, warning: 1, info: 1 })), Math.round(100 * (1 - 0.75 ** 2 * 0.92 * 0.98)));
  });

  it('ignores hints, never passes 100, and grows with every error', () => {
    assert.equal(riskOf(findings({ hint: 7 })), 0);
    let previous = -1;
    for (let errors = 0; errors <= 12; errors++) {
      const risk = riskOf(findings({ error: errors }));
      assert.ok(risk <= 100);
      assert.ok(risk > previous || risk === 100, `${errors} errors: ${risk} after ${previous}`);
      previous = risk;
    }
    assert.equal(riskOf(findings({ error: 40 })), 100);
  });

  it('scores each area from its own findings, and the whole file from all of them', () => {
    const open = [
      ...findings({ error: 1 }, 'security-nda-missing'),
      ...findings({ warning: 2 }, 'cost-contingency-missing'),
      ...findings({ error: 1 }, 'schema/required'),
    ];
    const score = scoreOf(open, []);
    const risk = (area: string) => score.areas.find((a) => a.area === area)?.risk;
    assert.equal(risk('security'), 25);
    assert.equal(risk('cost'), Math.round(100 * (1 - 0.92 ** 2)));
    assert.equal(risk('structure'), 25);
    assert.equal(risk('governance'), 0);
    assert.equal(score.risk, Math.round(100 * (1 - 0.75 ** 2 * 0.92 ** 2)));
    assert.deepEqual(score.counts, { error: 2, warning: 2, info: 0, hint: 0 });
  });

  it('a folded scope/missing-sections finding is scored in the areas of the checks it stands for', () => {
    // A new file: one finding about the missing sections, and no area may look safe because of it.
    const report = reportOfText('scope_version: 1\n');
    const folded = report.findings.filter((f) => f.ruleId === 'scope/missing-sections');
    assert.equal(folded.length, 1);
    const standsFor = folded[0]?.standsFor ?? [];
    assert.ok(standsFor.length > 3, 'it names the checks it stands for');
    const score = scoreOfReport(report);
    for (const area of ['security', 'expertise', 'cost'] as const) {
      const own = report.findings.filter((f) => f.ruleId !== 'scope/missing-sections' && areaOf(f.ruleId) === area);
      const expected = [...standsFor.filter((f) => areaOf(f.ruleId) === area), ...own];
      const card = score.areas.find((a) => a.area === area);
      assert.ok(expected.length > 0, `the new file misses checks of ${area}`);
      assert.equal(card?.risk, riskOf(expected), area);
      assert.equal(card?.counts.error, expected.filter((f) => f.severity === 'error').length, area);
      assert.ok((card?.risk ?? 0) > 0, `${area} must not look safe`);
    }
    // The whole file counts the folded finding once, as the Problems panel shows it.
    assert.equal(score.counts.error + score.counts.warning + score.counts.info + score.counts.hint, report.findings.length);
    // Structure keeps only its own findings, not the folded one.
    const structure = [...standsFor, ...report.findings.filter((f) => f.ruleId !== 'scope/missing-sections')].filter(
      (f) => areaOf(f.ruleId) === 'structure',
    );
    assert.equal(score.areas.find((a) => a.area === 'structure')?.risk, riskOf(structure));
  });

  it('maps rule ids to their category, and every engine code to the file structure', () => {
    assert.equal(areaOf('security-nda-missing'), 'security');
    assert.equal(areaOf('expertise-objective-not-smart'), 'expertise');
    assert.equal(areaOf('cost-vague-language'), 'cost');
    assert.equal(areaOf('schedule-end-before-start'), 'schedule');
    assert.equal(areaOf('governance-owner-missing'), 'governance');
    assert.equal(areaOf('structure-duplicate-id'), 'structure');
    assert.equal(areaOf('schema/required'), 'structure');
    assert.equal(areaOf('yaml/syntax'), 'structure');
    assert.equal(areaOf('suppression/missing-reason'), 'structure');
  });

  it('counts accepted risks apart: shown, not scored', () => {
    const score = scoreOf([], findings({ error: 2 }));
    assert.equal(score.risk, 0);
    assert.equal(score.accepted, 2);
    assert.equal(score.areas.find((a) => a.area === 'security')?.accepted, 2);
  });
});

describe('verdict', () => {
  it('names the blocking risks, the open ones and the accepted ones', () => {
    const none = { error: 0, warning: 0, info: 0, hint: 0 };
    assert.deepEqual(verdictOf({ ...none, error: 3, warning: 5 }, 0), { level: 'blocked', text: 'Not ready to sign: 3 blocking risks' });
    assert.deepEqual(verdictOf({ ...none, error: 1 }, 2), {
      level: 'blocked',
      text: 'Not ready to sign: 1 blocking risk (and 2 accepted risks)',
    });
    assert.deepEqual(verdictOf({ ...none, warning: 1 }, 0), { level: 'review', text: 'Review before signing: 1 open risk' });
    assert.deepEqual(verdictOf({ ...none, info: 4 }, 2), { level: 'ready', text: 'Ready, with 2 accepted risks' });
    assert.deepEqual(verdictOf(none, 1), { level: 'ready', text: 'Ready, with 1 accepted risk' });
    assert.deepEqual(verdictOf(none, 0), { level: 'ready', text: 'Ready to sign: no open risks found' });
  });

  it('never calls a file that could not be checked ready, and gives it no score', () => {
    for (const [text, reason] of [
      ['project: [unclosed\n', 'YAML syntax error on line 1'],
      ['', 'it is empty'],
      ['- a list\n', 'its top level is not a mapping of sections'],
      ['a: 1\0\n', 'binary file'],
    ] as const) {
      const report = reportOfText(text);
      const score = scoreOfReport(report);
      assert.equal(report.notChecked, reason, JSON.stringify(text));
      assert.equal(score.risk, undefined);
      assert.equal(score.verdict.level, 'not-checked');
      assert.equal(score.verdict.text, `Not ready to sign: the file could not be checked (${reason})`);
    }
  });
});

describe('the golden examples', () => {
  it('risky: every one of its 12 errors blocks; the risk is 100', () => {
    assert.deepEqual(summaryOf(reportOfText(golden('risky'))), {
      risk: 100,
      errors: 12,
      warnings: 24,
      infos: 3,
      accepted: 0,
      verdict: 'Not ready to sign: 12 blocking risks',
      level: 'blocked',
    });
  });

  it('full: ready, risk 0', () => {
    assert.deepEqual(summaryOf(reportOfText(golden('full'))), {
      risk: 0,
      errors: 0,
      warnings: 0,
      infos: 0,
      accepted: 0,
      verdict: 'Ready to sign: no open risks found',
      level: 'ready',
    });
  });

  it('an accepted risk leaves the score and is listed with its reason', () => {
    const text = golden('full').replace(
      '  contingency_percent: 15\n',
      '  # scope-lint-disable-next-line cost-contingency-missing -- the sponsor holds a programme-level reserve\n  contingency_percent: 0\n',
    );
    const report = reportOfText(text);
    assert.deepEqual(summaryOf(report), {
      risk: 0,
      errors: 0,
      warnings: 0,
      infos: 0,
      accepted: 1,
      verdict: 'Ready, with 1 accepted risk',
      level: 'ready',
    });
    assert.deepEqual(
      report.accepted.map((a) => [a.ruleId, a.severity, a.line, a.reason]),
      [
        [
          'cost-contingency-missing',
          'warning',
          text.split('\n').findIndex((l) => l.startsWith('  contingency_percent')) + 1,
          'the sponsor holds a programme-level reserve',
        ],
      ],
    );
  });
});
