// The schedule-* rules beyond the fixture table: the sentences and date arithmetic a user reads,
// the fix operations they are offered, the review-window setting, and silence on bad input.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../../server/src/service/types';
import { analyzeText, factsOf, resolvedFixesOf } from '../support/analyze';
import { fixturesDir } from '../support/paths';
import { checkRule as check, full, fullWith } from '../support/ruleCheck';
import { assertLinearLike, linearFactor } from '../support/timing';

/** The text after applying the fix with this title from the rule's diagnostic, as the editor would. */
function afterFix(ruleId: string, text: string, title: string): string {
  const { diagnostics } = analyzeText(text);
  const d = diagnostics.find((x) => x.code === ruleId);
  const fixes = d ? resolvedFixesOf(d) : [];
  const fix = fixes.find((f) => f.title === title);
  assert.ok(fix, `no fix "${title}" among ${JSON.stringify(fixes.map((f) => f.title))}`);
  return TextDocument.applyEdits(TextDocument.create('file:///t.scope.yaml', 'scope-yaml', 1, text), [...fix.edits]);
}

function only(findings: readonly Finding[]): Finding {
  assert.equal(findings.length, 1, `expected one finding, got ${findings.map((f) => f.message).join(' | ')}`);
  const [finding] = findings;
  assert.ok(finding);
  return finding;
}

describe('schedule-end-before-start', () => {
  const text = fullWith(['  end: 2027-10-29', '  end: 2026-10-29']);

  it('says by how much the end precedes the start, on timeline.end', () => {
    const { diagnostics } = analyzeText(text);
    const d = diagnostics.find((x) => x.code === 'schedule-end-before-start');
    assert.ok(d);
    assert.equal(d.message, 'The timeline ends on 2026-10-29, 109 days before it starts on 2027-02-15.');
    assert.deepEqual(d.range, { start: { line: 113, character: 7 }, end: { line: 113, character: 17 } });
    assert.deepEqual(
      factsOf(d)?.[0],
      '`timeline.end` 2026-10-29 − `timeline.start` 2027-02-15 = -109 days; the end must come after the start.',
    );
  });

  it('offers to swap the two dates, as the preferred but not automatic fix', () => {
    const fix = only(check('schedule-end-before-start', text)).fixes?.[0];
    assert.deepEqual(fix, {
      title: 'Swap start and end',
      ops: [
        { op: 'replace', path: ['timeline', 'start'], value: '2026-10-29' },
        { op: 'replace', path: ['timeline', 'end'], value: '2027-02-15' },
      ],
      preferred: true,
      applicability: 'unsafe',
    });
  });

  it('reports a zero-length period without a pointless swap', () => {
    const finding = only(check('schedule-end-before-start', fullWith(['  end: 2027-10-29', '  end: 2027-02-15'])));
    assert.equal(finding.message, 'The timeline ends on the day it starts: 2027-02-15, so the period of performance has no length.');
    assert.deepEqual(finding.fixes, []);
  });

  it('stays silent when either date is missing or not a date', () => {
    for (const end of ['  end: null', '  end: TBD', '  end: 2026-02-30', '  end: 20261029', '  end: [2026-10-29]']) {
      assert.deepEqual(check('schedule-end-before-start', fullWith(['  end: 2027-10-29', end])), [], end);
    }
    assert.deepEqual(check('schedule-end-before-start', fullWith(['  start: 2027-02-15\n', ''])), []);
  });
});

describe('schedule-date-outside-timeline', () => {
  it('names the item, the date, the bound and the distance', () => {
    const findings = check(
      'schedule-date-outside-timeline',
      fullWith(['date: 2027-10-29 }', 'date: 2027-11-12 }'], ['    due: 2027-03-26', '    due: 2027-02-12']),
    );
    assert.deepEqual(
      findings.map((f) => [f.path.join('/'), f.message]),
      [
        ['timeline/milestones/4/date', 'Milestone `M4` is dated 2027-11-12, 14 days after `timeline.end` (2027-10-29).'],
        ['deliverables/0/due', 'Deliverable `D1` is due 2027-02-12, 3 days before `timeline.start` (2027-02-15).'],
      ],
    );
    assert.deepEqual(findings[0]?.facts, [
      'Contracted period: 2027-02-15 – 2027-10-29 (257 days, both ends included).',
      '2027-11-12 − 2027-10-29 = 14 days after the end.',
    ]);
  });

  it('offers to extend the period or to pull the date back inside it', () => {
    const [after, before] = check(
      'schedule-date-outside-timeline',
      fullWith(['date: 2027-10-29 }', 'date: 2027-11-12 }'], ['    due: 2027-03-26', '    due: 2027-02-12']),
    );
    assert.deepEqual(after?.fixes, [
      {
        title: 'Extend `timeline.end` to 2027-11-12',
        ops: [{ op: 'replace', path: ['timeline', 'end'], value: '2027-11-12' }],
        preferred: true,
        applicability: 'unsafe',
      },
      {
        title: 'Set date to `timeline.end` (2027-10-29)',
        ops: [{ op: 'replace', path: ['timeline', 'milestones', 4, 'date'], value: '2027-10-29' }],
        applicability: 'unsafe',
      },
    ]);
    assert.deepEqual(before?.fixes, [
      {
        title: 'Move `timeline.start` to 2027-02-12',
        ops: [{ op: 'replace', path: ['timeline', 'start'], value: '2027-02-12' }],
        preferred: true,
        applicability: 'unsafe',
      },
      {
        title: 'Set date to `timeline.start` (2027-02-15)',
        ops: [{ op: 'replace', path: ['deliverables', 0, 'due'], value: '2027-02-15' }],
        applicability: 'unsafe',
      },
    ]);
  });

  it('leaves success_measures[].by alone: benefits are measured after delivery', () => {
    // SM1.by is 2027-10-31, after timeline.end 2027-10-29, in the zero-finding example.
    assert.deepEqual(check('schedule-date-outside-timeline', full), []);
  });

  it('is skipped while the period itself is invalid or incomplete', () => {
    assert.deepEqual(check('schedule-date-outside-timeline', fullWith(['  end: 2027-10-29', '  end: 2027-02-01'])), []);
    assert.deepEqual(check('schedule-date-outside-timeline', fullWith(['  end: 2027-10-29', '  end: null'])), []);
  });
});

describe('schedule-deliverable-after-milestone', () => {
  const text = fullWith(['    due: 2027-06-11', '    due: 2027-06-30']);

  it('lands on the deliverable id inside the milestone and shows the slip', () => {
    const { diagnostics } = analyzeText(text);
    const d = diagnostics.find((x) => x.code === 'schedule-deliverable-after-milestone');
    assert.ok(d);
    assert.equal(d.message, 'Milestone `M2` (2027-06-25) includes deliverable `D2`, which is not due until 2027-06-30.');
    assert.deepEqual(d.range, { start: { line: 117, character: 70 }, end: { line: 117, character: 72 } });
    assert.deepEqual(factsOf(d), [
      '`D2.due` 2027-06-30 − `M2.date` 2027-06-25 = 5 days late.',
      '2027-06-30 + 10 business days of acceptance review = 2027-07-14, the earliest date for `M2`.',
    ]);
  });

  it('offers to move the milestone past the review window, or the due date back', () => {
    assert.deepEqual(only(check('schedule-deliverable-after-milestone', text)).fixes, [
      {
        title: 'Move `M2` to 2027-07-14',
        ops: [{ op: 'replace', path: ['timeline', 'milestones', 2, 'date'], value: '2027-07-14' }],
        preferred: true,
        applicability: 'unsafe',
      },
      {
        title: 'Set `D2.due` to 2027-06-25',
        ops: [{ op: 'replace', path: ['deliverables', 1, 'due'], value: '2027-06-25' }],
        applicability: 'unsafe',
      },
    ]);
  });

  it('uses acceptance.review_days for the suggested milestone date', () => {
    const finding = only(
      check(
        'schedule-deliverable-after-milestone',
        fullWith(['    due: 2027-06-11', '    due: 2027-06-30'], ['  review_days: 10', '  review_days: 3']),
      ),
    );
    assert.equal(finding.fixes?.[0]?.title, 'Move `M2` to 2027-07-05');
  });

  it('does not offer to move the milestone past timeline.end', () => {
    const finding = only(check('schedule-deliverable-after-milestone', fullWith(['    due: 2027-07-23', '    due: 2027-10-25'])));
    assert.deepEqual(finding.fixes, [
      {
        title: 'Set `D3.due` to 2027-08-06',
        ops: [{ op: 'replace', path: ['deliverables', 2, 'due'], value: '2027-08-06' }],
        preferred: true,
        applicability: 'unsafe',
      },
    ]);
  });

  it('stays silent when the deliverable id is ambiguous', () => {
    const twice = fullWith(['    due: 2027-06-11', '    due: 2027-06-30'], ['  - id: D3\n', '  - id: D2\n']);
    assert.deepEqual(check('schedule-deliverable-after-milestone', twice), []);
  });
});

describe('schedule-acceptance-window-overrun', () => {
  const late = fullWith(
    ['    due: 2027-07-23', '    due: 2027-10-22'],
    ['date: 2027-08-06, deliverables: [D3] }', 'date: 2027-10-29, deliverables: [D3] }'],
  );

  it('shows the business-day arithmetic', () => {
    const finding = only(check('schedule-acceptance-window-overrun', late));
    assert.equal(
      finding.message,
      'Deliverable `D3` is due 2027-10-22; its 10-business-day acceptance review runs to 2027-11-05, after `timeline.end` (2027-10-29).',
    );
    assert.deepEqual(finding.facts, [
      '2027-10-22 + 10 business days = 2027-11-05, after timeline.end 2027-10-29',
      'Review window: 10 business days (`acceptance.review_days`).',
      'Latest due date that leaves the full review inside the contract: 2027-10-15.',
    ]);
    assert.deepEqual(finding.fixes, [
      {
        title: 'Move `D3.due` to 2027-10-15',
        ops: [{ op: 'replace', path: ['deliverables', 2, 'due'], value: '2027-10-15' }],
        preferred: true,
        applicability: 'unsafe',
      },
      {
        title: 'Extend `timeline.end` to 2027-11-05',
        ops: [{ op: 'replace', path: ['timeline', 'end'], value: '2027-11-05' }],
        applicability: 'unsafe',
      },
    ]);
  });

  it('gives the risky example its catalogue arithmetic', () => {
    const risky = readFileSync(join(fixturesDir, 'golden', 'risky.scope.yaml'), 'utf8');
    const finding = only(check('schedule-acceptance-window-overrun', risky));
    assert.deepEqual(finding.path, ['deliverables', 0, 'due']);
    assert.equal(finding.facts?.[0], '2027-09-30 + 10 business days = 2027-10-14, after timeline.end 2027-05-01');
    // Moving D1 before timeline.start would trade a warning for an error, so only the extension is offered.
    assert.deepEqual(
      finding.fixes?.map((f) => f.title),
      ['Extend `timeline.end` to 2027-10-14'],
    );
  });

  it('reads the defaultReviewDays setting when acceptance.review_days is not set', () => {
    const noAcceptance = late.replace('acceptance:\n  review_days: 10\n  max_rework_cycles: 2\n  warranty_days: 60\n', '');
    assert.equal(
      only(check('schedule-acceptance-window-overrun', noAcceptance)).facts?.[1],
      'Review window: 10 business days (the `defaultReviewDays` setting, as `acceptance.review_days` is not set).',
    );
    assert.deepEqual(check('schedule-acceptance-window-overrun', noAcceptance, { thresholds: { defaultReviewDays: 5 } }), []);
    assert.equal(
      check('schedule-acceptance-window-overrun', full, { thresholds: { defaultReviewDays: 30 } }).length,
      0,
      'review_days in the file wins over the setting',
    );
  });

  it('stays silent on a review window that is not a whole number of days', () => {
    for (const days of ['ten', '-1', '2.5', '1000']) {
      assert.deepEqual(check('schedule-acceptance-window-overrun', late.replace('  review_days: 10', `  review_days: ${days}`)), [], days);
    }
  });

  it('with no review window, reports only due dates past the end', () => {
    const finding = only(
      check(
        'schedule-acceptance-window-overrun',
        late.replace('  review_days: 10', '  review_days: 0').replace('    due: 2027-10-22', '    due: 2027-11-02'),
      ),
    );
    assert.equal(
      finding.message,
      'Deliverable `D3` is due 2027-11-02, after `timeline.end` (2027-10-29), so it cannot be accepted inside the contract.',
    );
  });
});

describe('schedule-deliverable-unscheduled', () => {
  const d4 = '  - id: D4\n    title: Operations runbook\n    acceptance_criteria: [Runbook covers the 5 incident scenarios in Annex D.]\n';
  const text = fullWith(['\nsuccess_measures:\n', `\n${d4}\nsuccess_measures:\n`]);

  it('lands on the deliverable and lists the milestones it could join', () => {
    const { diagnostics } = analyzeText(text);
    const d = diagnostics.find((x) => x.code === 'schedule-deliverable-unscheduled');
    assert.ok(d);
    assert.equal(d.message, 'Deliverable `D4` has no due date and is not part of any milestone.');
    assert.equal(d.range.start.line, 76);
    assert.match(
      factsOf(d)?.[0] ?? '',
      /^Milestones it could join: `M0` \(Contract signed and team onboarded\) on 2027-02-15, .* `M4` \(Warranty closed\) on 2027-10-29\.$/,
    );
  });

  it('offers a due-date placeholder first, then each milestone', () => {
    const fixes = only(check('schedule-deliverable-unscheduled', text)).fixes ?? [];
    assert.deepEqual(fixes[0], {
      title: 'Insert `due: null  # TODO`',
      ops: [{ op: 'insert', parent: ['deliverables', 3], key: 'due', value: 'null  # TODO' }],
      preferred: true,
      applicability: 'display-only',
    });
    assert.deepEqual(
      fixes.slice(1).map((f) => f.title),
      [
        'M0 (Contract signed and team onboarded)',
        'M1 (Discovery accepted)',
        'M2 (Beta accepted)',
        'M3 (Go-live accepted)',
        'M4 (Warranty closed)',
      ].map((m) => `Add \`D4\` to milestone \`${m.split(' ')[0] ?? ''}\` ${m.slice(m.indexOf('('))}`),
    );
    assert.deepEqual(fixes[3]?.ops, [{ op: 'append', path: ['timeline', 'milestones', 2, 'deliverables'], value: 'D4' }]);
  });

  it('does not insert a second `due` key when `due: null` is already there', () => {
    const fixes = only(check('schedule-deliverable-unscheduled', text.replace('  - id: D4\n', '  - id: D4\n    due: null\n'))).fixes ?? [];
    assert.ok(fixes.every((f) => f.ops.every((op) => op.op === 'append')));
  });

  it('quotes an id that YAML would otherwise read as another type', () => {
    const fixes = only(check('schedule-deliverable-unscheduled', text.replace('  - id: D4\n', '  - id: "No"\n'))).fixes ?? [];
    assert.deepEqual(fixes[1]?.ops, [{ op: 'append', path: ['timeline', 'milestones', 0, 'deliverables'], value: '"No"' }]);
  });
});

describe('schedule fixes, applied', () => {
  it('swaps start and end and nothing else, and the error is gone', () => {
    const text = fullWith(['  end: 2027-10-29', '  end: 2026-10-29']);
    const fixed = afterFix('schedule-end-before-start', text, 'Swap start and end');
    assert.equal(fixed, text.replace('  start: 2027-02-15\n  end: 2026-10-29', '  start: 2026-10-29\n  end: 2027-02-15'));
    assert.ok(!analyzeText(fixed).diagnostics.some((d) => d.code === 'schedule-end-before-start'));
  });

  it('extends timeline.end to an outlying milestone, in place', () => {
    const text = fullWith(['date: 2027-10-29 }', 'date: 2027-11-12 }']);
    const fixed = afterFix('schedule-date-outside-timeline', text, 'Extend `timeline.end` to 2027-11-12');
    assert.equal(fixed, text.replace('  end: 2027-10-29', '  end: 2027-11-12'));
    assert.ok(!analyzeText(fixed).diagnostics.some((d) => d.code === 'schedule-date-outside-timeline'));
  });

  it('moves a milestone inside its flow mapping', () => {
    const text = fullWith(['    due: 2027-06-11', '    due: 2027-06-30']);
    const fixed = afterFix('schedule-deliverable-after-milestone', text, 'Move `M2` to 2027-07-14');
    assert.equal(
      fixed,
      text.replace(
        '{ id: M2, name: Beta accepted, date: 2027-06-25, deliverables: [D2] }',
        '{ id: M2, name: Beta accepted, date: 2027-07-14, deliverables: [D2] }',
      ),
    );
    assert.ok(!analyzeText(fixed).diagnostics.some((d) => d.code === 'schedule-deliverable-after-milestone'));
  });

  it('moves a due date back far enough for the whole review', () => {
    const text = fullWith(
      ['    due: 2027-07-23', '    due: 2027-10-22'],
      ['date: 2027-08-06, deliverables: [D3] }', 'date: 2027-10-29, deliverables: [D3] }'],
    );
    const fixed = afterFix('schedule-acceptance-window-overrun', text, 'Move `D3.due` to 2027-10-15');
    assert.equal(fixed, text.replace('    due: 2027-10-22', '    due: 2027-10-15'));
    assert.ok(!analyzeText(fixed).diagnostics.some((d) => d.code === 'schedule-acceptance-window-overrun'));
  });

  it('adds an unscheduled deliverable to a flow-style milestone list, or a due placeholder', () => {
    const d4 =
      '  - id: D4\n    title: Operations runbook\n    acceptance_criteria: [Runbook covers the 5 incident scenarios in Annex D.]\n';
    const text = fullWith(['\nsuccess_measures:\n', `\n${d4}\nsuccess_measures:\n`]);
    const joined = afterFix('schedule-deliverable-unscheduled', text, 'Add `D4` to milestone `M3` (Go-live accepted)');
    assert.equal(joined, text.replace('date: 2027-08-06, deliverables: [D3] }', 'date: 2027-08-06, deliverables: [D3, D4] }'));
    assert.ok(!analyzeText(joined).diagnostics.some((d) => d.code === 'schedule-deliverable-unscheduled'));
    const dated = afterFix('schedule-deliverable-unscheduled', text, 'Insert `due: null  # TODO`');
    assert.equal(dated, text.replace(d4, `${d4}    due: null  # TODO\n`));
  });
});

describe('schedule rules on hostile input', () => {
  it('never throw, whatever the shapes and sizes', () => {
    const long = 'D'.repeat(100_000);
    const texts = [
      'timeline: 5\ndeliverables: x\n',
      'timeline: { start: 2027-01-01, end: 2027-12-31, milestones: [1, null, { date: 2027-02-01, deliverables: 7 }] }\ndeliverables: [null, 3, { id: 5, due: [] }]\n',
      `timeline: { start: 2027-01-01, end: 2027-12-31, milestones: [{ id: M1, date: 2027-02-01, deliverables: [${long}] }] }\ndeliverables: [{ id: ${long}, due: 2027-06-01 }]\n`,
      `deliverables: [{ id: "${'yes '.repeat(25_000)}" }]\ntimeline: { milestones: [{ id: M1 }] }\n`,
    ];
    for (const text of texts) {
      for (const id of [
        'schedule-end-before-start',
        'schedule-date-outside-timeline',
        'schedule-deliverable-after-milestone',
        'schedule-acceptance-window-overrun',
        'schedule-deliverable-unscheduled',
      ]) {
        check(id, text);
        // The long texts are also a speed check, as a ratio against parsing them.
        if (text.length > 10_000) assertLinearLike(`${id} on hostile input`, text, () => check(id, text), linearFactor);
      }
    }
  });
});
