// The expertise-* and governance-* rules beyond the fixture table: the sentences and facts a user
// reads, the fix operations they are offered (and the text once the engine applies them), the
// cadence threshold setting, linear-time patterns, and silence on input of the wrong shape.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parse, stringify } from 'yaml';
import { ScopeDocument } from '../../server/src/service/document';
import { rulesById } from '../../server/src/service/rules';
import { isQuantifiedTarget } from '../../server/src/service/rules/expertise-measure-not-quantified';
import { mergeSettings, type PartialSettings } from '../../server/src/service/settings';
import type { Finding, Fix } from '../../server/src/service/types';
import { analyzeText, testToday, factsOf, resolvedFixesOf } from '../support/analyze';
import { checkRule as check, full, fullWith } from '../support/ruleCheck';
import { assertLinearLike, linearFactor } from '../support/timing';

function doc(text: string, settings: PartialSettings = {}): { scope: ScopeDocument; merged: ReturnType<typeof mergeSettings> } {
  const merged = mergeSettings({ today: testToday }, settings);
  return { scope: new ScopeDocument('file:///t.scope.yaml', 1, text, merged.limits), merged };
}

function only(findings: readonly Finding[]): Finding {
  assert.equal(findings.length, 1, `expected one finding, got ${findings.map((f) => f.message).join(' | ')}`);
  const [finding] = findings;
  assert.ok(finding);
  return finding;
}

/** `<1-based line> <message>` of one rule's diagnostics, through the whole engine. */
function diagnosticsOf(ruleId: string, text: string, settings: PartialSettings = {}): string[] {
  return analyzeText(text, settings)
    .diagnostics.filter((d) => d.code === ruleId)
    .map((d) => `${d.range.start.line + 1} ${d.message}`);
}

const longestRun = 100_000;

/** Fails when `fn` takes more than a small multiple of parsing `text`, measured in the same run. */
function fast(label: string, text: string, fn: () => void): void {
  assertLinearLike(label, text, fn, linearFactor);
}

// ---- expertise-essential-parameter-missing ---------------------------------------------------

describe('expertise-essential-parameter-missing', () => {
  const id = 'expertise-essential-parameter-missing';
  const objective = full.slice(full.indexOf('  objective: >-'), full.indexOf('  sponsor:'));
  const timeline = full.slice(full.indexOf('timeline:\n'), full.indexOf('acceptance:\n'));
  const measures = full.slice(full.indexOf('success_measures:\n'), full.indexOf('budget:\n'));

  it('names the missing objective on the project key and offers a placeholder', () => {
    const text = fullWith([objective, '']);
    assert.deepEqual(diagnosticsOf(id, text), ['4 The project has no objective (`project.objective`).']);
    assert.deepEqual(only(check(id, text)).fixes, [
      {
        title: 'Add `project.objective`',
        ops: [{ op: 'insert', parent: ['project'], key: 'objective', value: 'null' }],
        preferred: true,
        applicability: 'display-only',
      },
    ]);
  });

  it('gives a missing timeline one finding per date, sharing one skeleton', () => {
    const findings = check(id, fullWith([timeline, '']));
    assert.deepEqual(
      findings.map((f) => f.message),
      ['The timeline has no start date (`timeline.start`).', 'The timeline has no end date (`timeline.end`).'],
    );
    const skeleton = { op: 'insert', parent: [], key: 'timeline', value: 'start: null\nend: null\nmilestones: []' };
    for (const f of findings) assert.deepEqual(f.fixes?.[0]?.ops, [skeleton]);
  });

  it('replaces an empty list with a one-item skeleton whose id is free', () => {
    const finding = only(check(id, fullWith([measures, 'success_measures: []\n\n'])));
    assert.deepEqual(finding.path, ['success_measures']);
    assert.deepEqual(finding.fixes?.[0]?.ops, [
      {
        op: 'replace',
        path: ['success_measures'],
        value: '- id: SM1\n  metric: ""\n  target: null\n  unit: ""\n  measured_by: ""\n  deliverables: []',
      },
    ]);
    const deliverables = full.slice(full.indexOf('deliverables:\n  - id: D1'), full.indexOf('success_measures:\n'));
    const text = fullWith([deliverables, 'deliverables:\n\n'], ['{ id: M4,', '{ id: D1,']);
    assert.match(only(check(id, text)).fixes?.[0]?.title ?? '', /`D2`/);
  });

  it('offers nothing to insert when the key is written but empty', () => {
    const finding = only(check(id, fullWith(['  total: 240000', '  total:'])));
    assert.deepEqual(finding.path, ['budget', 'total']);
    assert.equal(finding.fixes, undefined);
  });

  it('leaves values and sections of the wrong type to the schema and other rules', () => {
    for (const edit of [
      [timeline, 'timeline: Q2 to Q4 2027\n\n'],
      ['  total: 240000', '  total: "$240k"'],
      ['  start: 2027-02-15', '  start: 2027-02-30'],
      [measures, 'success_measures: see Annex D\n\n'],
    ] as const) {
      assert.deepEqual(check(id, fullWith(edit)), [], edit[1]);
    }
  });
});

// ---- expertise-objective-not-smart -----------------------------------------------------------

describe('expertise-objective-not-smart', () => {
  const id = 'expertise-objective-not-smart';
  const objective = full.slice(full.indexOf('  objective: >-'), full.indexOf('  sponsor:'));

  it('warns on the objective and appends the SMART placeholders before the full stop', () => {
    const text = fullWith([objective, '  objective: Give customers a modern self-service portal.\n']);
    assert.deepEqual(diagnosticsOf(id, text), ['6 The objective has no number and no date, so nothing in it says how much or by when.']);
    assert.deepEqual(only(check(id, text)).fixes, [
      {
        title: 'Append a measurable target: "from <baseline> to <target> <unit> by <YYYY-MM-DD>"',
        ops: [
          {
            op: 'replace',
            path: ['project', 'objective'],
            value: 'Give customers a modern self-service portal from <baseline> to <target> <unit> by <YYYY-MM-DD>.',
          },
        ],
        preferred: true,
        applicability: 'display-only',
      },
    ]);
  });

  it('writes a replacement YAML can read back, even for text that needs quoting', () => {
    const text = fullWith([objective, '  objective: "Billing: fewer tickets, happier customers"\n']);
    const value = only(check(id, text)).fixes?.[0]?.ops[0];
    assert.ok(value && value.op === 'replace');
    assert.equal(
      (parse(`objective: ${value.value}`) as { objective: unknown }).objective,
      'Billing: fewer tickets, happier customers from <baseline> to <target> <unit> by <YYYY-MM-DD>',
    );
  });

  it("does not read a count of the scope's own things as a result to reach (on the objective's line, naming the digits)", () => {
    const written = 'Go live with TalentLoop 4.2 at our 3 German sites and all 12 offices.';
    const text = fullWith([objective, `  objective: ${written}\n`]);
    assert.deepEqual(diagnosticsOf(id, text), [
      '6 The objective has no target and no date: "TalentLoop 4.2", "3", "12" are names or counts, not how much or by when.',
    ]);
    const [d] = analyzeText(text).diagnostics.filter((x) => x.code === id);
    assert.deepEqual(d?.range, { start: { line: 5, character: 13 }, end: { line: 5, character: 13 + written.length } });
    // A count with a bound, a rate or a date is a target.
    for (const value of [
      'Onboard all 3 sites by 2027-09-30',
      'Cut open tickets to under 40 tickets',
      'Migrate 12 applications per month',
    ]) {
      assert.deepEqual(check(id, fullWith([objective, `  objective: ${value}\n`])), [], value);
    }
  });

  it('accepts any digit (a quantity or a date) and leaves empty or numeric objectives alone', () => {
    for (const value of [
      'Cut tickets by half by Q3',
      'Launch by 2027-10-31',
      '""',
      '42',
      '[]',
      '[Launch by 2027-10-31, Modernise the shop]',
    ]) {
      assert.deepEqual(check(id, fullWith([objective, `  objective: ${value}\n`])), [], value);
    }
  });

  it('reads an objective written as a list or a mapping by its texts (the schema reports the shape), with no rewrite offered', () => {
    for (const value of ['[a, b]', '{ summary: Modernise the platform }']) {
      const [finding, ...rest] = check(id, fullWith([objective, `  objective: ${value}\n`]));
      assert.deepEqual(rest, [], value);
      assert.equal(finding?.message, 'The objective has no number and no date, so nothing in it says how much or by when.', value);
      assert.deepEqual(finding?.fixes, [], value);
    }
  });
});

// ---- expertise-acceptance-criteria-missing ---------------------------------------------------

describe('expertise-acceptance-criteria-missing', () => {
  const id = 'expertise-acceptance-criteria-missing';
  const d2Criteria = full.slice(full.indexOf('    acceptance_criteria:\n      - All 42'), full.indexOf('    due: 2027-06-11'));

  it('names the deliverable on its first line and inserts a TODO criterion', () => {
    const text = fullWith([d2Criteria, '']);
    assert.deepEqual(diagnosticsOf(id, text), ['58 Deliverable `D2` has no acceptance criteria.']);
    assert.deepEqual(only(check(id, text)).fixes, [
      {
        title: 'Add an acceptance criterion to fill in',
        ops: [
          {
            op: 'insert',
            parent: ['deliverables', 1],
            key: 'acceptance_criteria',
            value: '- "TODO: observable, testable condition, e.g. all N test cases in Annex B pass"',
          },
        ],
        preferred: true,
        applicability: 'display-only',
      },
    ]);
  });

  it('replaces an empty list instead of writing the key twice', () => {
    const finding = only(check(id, fullWith([d2Criteria, '    acceptance_criteria: []\n'])));
    assert.deepEqual(finding.path, ['deliverables', 1, 'acceptance_criteria']);
    assert.equal(finding.fixes?.[0]?.ops[0]?.op, 'replace');
  });

  it('names a deliverable without an id by its path', () => {
    const finding = only(check(id, fullWith([d2Criteria, ''], ['  - id: D2\n    title:', '  - title:'])));
    assert.equal(finding.message, 'Deliverable `deliverables[1]` has no acceptance criteria.');
  });
});

// ---- expertise-acceptance-criteria-subjective ------------------------------------------------

describe('expertise-acceptance-criteria-subjective', () => {
  const id = 'expertise-acceptance-criteria-subjective';
  const criterion = '      - Zero critical or high findings in an OWASP ZAP baseline scan.\n';
  const withCriterion = (text: string): string => fullWith([criterion, `      - ${JSON.stringify(text)}\n`]);

  it('quotes the opinion word and offers a template that is neither preferred nor safe', () => {
    const text = withCriterion("Portal works to the client's satisfaction");
    assert.deepEqual(diagnosticsOf(id, text), [
      `63 Acceptance of \`D2\` depends on opinion: "to the client's satisfaction", with no number to test against.`,
    ]);
    assert.deepEqual(only(check(id, text)).fixes, [
      {
        title: 'Replace with a testable criterion ("N of M test cases in <test plan> pass")',
        ops: [
          { op: 'replace', path: ['deliverables', 1, 'acceptance_criteria', 1], value: '"TODO: N of M test cases in <test plan> pass"' },
        ],
        applicability: 'display-only',
      },
    ]);
  });

  it('recognises every phrase of the catalogue, in any case', () => {
    for (const text of [
      'Satisfactory performance',
      'To the satisfaction of the board',
      'APPROVED BY the product owner',
      'Sign-off by marketing',
      'Signoff from the CFO',
      'sign off by Dana',
      'Signed off by Sam',
      'Looks good on mobile',
      'Meets expectations of the team',
      'Meet the expectations',
      'Works as expected',
      'Fit for purpose',
      'Follows industry standard practice',
      'Best practice security',
      'High-quality code',
      'high quality documentation',
      'Acceptable performance',
      'Formatted to the clients template',
      'Formatted to the client’s template',
    ]) {
      assert.equal(check(id, withCriterion(text)).length, 1, text);
    }
  });

  it('lets a number make a criterion testable, and does not find "sign off" inside a word', () => {
    for (const text of [
      'Signed off after all 42 cases in Annex B pass',
      'The design offers a retry button',
      'Redesign of the offline page',
      'Unambiguous, observable behaviour',
    ]) {
      assert.deepEqual(check(id, withCriterion(text)), [], text);
    }
  });

  it('runs in linear time on long adversarial criteria', () => {
    for (const text of [
      'sign-'.repeat(longestRun / 5),
      'satisf'.repeat(longestRun / 6),
      `meets ${' '.repeat(longestRun)}x`,
      `to the client${"'".repeat(longestRun)}`,
      'high-'.repeat(longestRun / 5),
    ]) {
      const yaml = withCriterion(text);
      fast(text.slice(0, 12), yaml, () => check(id, yaml));
    }
  });
});

// ---- expertise-measure-not-quantified --------------------------------------------------------

describe('expertise-measure-not-quantified', () => {
  const id = 'expertise-measure-not-quantified';

  it('accepts a number or a comparator and a number, as the catalogue grammar says', () => {
    for (const target of [40, 0, -3.5, '< 600', '>= 99.9', '≥99.9', '≤ 2', '= 0', '1,200', '-5', ' 95 % ', '<=  2.0'] as const) {
      assert.ok(isQuantifiedTarget(target), String(target));
    }
    for (const target of [
      'fast',
      '',
      '< ',
      '600 ms',
      'about 600',
      '1,200 to 600',
      '>> 5',
      '5%%',
      '.5',
      Number.NaN,
      Number.POSITIVE_INFINITY,
      true,
      null,
      [600],
    ] as const) {
      assert.ok(!isQuantifiedTarget(target), String(target));
    }
  });

  it('checks targets in linear time', () => {
    for (const target of [
      `>=${' '.repeat(longestRun)}x`,
      `1${','.repeat(longestRun)}x`,
      `1${' '.repeat(longestRun)}x`,
      `1.${'1'.repeat(longestRun)}x`,
      `${'<'.repeat(longestRun)}`,
    ]) {
      fast(target.slice(0, 4), JSON.stringify(target), () => isQuantifiedTarget(target));
    }
  });

  it('reports a vague target on the target, with the words it found', () => {
    const text = fullWith(['    target: "< 600"', '    target: far fewer']);
    assert.deepEqual(diagnosticsOf(id, text), [
      '80 Success measure `SM1` has no measurable target: "far fewer" is neither a number nor a comparator with a number such as "< 600".',
    ]);
    assert.deepEqual(only(check(id, text)).fixes, [
      {
        title: 'Write the target as a comparator and a number',
        ops: [{ op: 'replace', path: ['success_measures', 0, 'target'], value: '"TODO: comparator and number, e.g. <= 500"' }],
        preferred: true,
        applicability: 'display-only',
      },
    ]);
  });

  it('reports a missing unit as a warning, and fills in "%" safely when the target says so', () => {
    const text = fullWith([
      '    target: ">= 80"\n    unit: "%"\n    measured_by: Moderated',
      '    target: ">= 80%"\n    measured_by: Moderated',
    ]);
    const finding = only(check(id, text));
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(finding.path, ['success_measures', 1]);
    assert.equal(finding.message, 'Success measure `SM2` has a target (">= 80%") but no unit.');
    assert.deepEqual(finding.fixes, [
      {
        title: 'Set `unit` to "%"',
        ops: [{ op: 'insert', parent: ['success_measures', 1], key: 'unit', value: '"%"' }],
        preferred: true,
        applicability: 'safe',
      },
    ]);
  });

  it('gives one finding per measure: a bad target hides the missing unit', () => {
    const text = fullWith(['    target: "< 600"\n    unit: tickets/month\n', '    target: soon\n']);
    const finding = only(check(id, text));
    assert.equal(finding.severity, undefined);
    assert.deepEqual(
      finding.fixes?.[0]?.ops.map((op) => op.op),
      ['replace', 'insert'],
    );
  });
});

// ---- expertise-measure-method-missing --------------------------------------------------------

describe('expertise-measure-method-missing', () => {
  const id = 'expertise-measure-method-missing';

  it('names the measure and inserts an empty measured_by to fill in', () => {
    const text = fullWith(['    measured_by: Moderated usability test with 5 participants\n', '']);
    assert.deepEqual(diagnosticsOf(id, text), [
      '86 Success measure `SM2` does not say how or from what data it is measured (`measured_by`).',
    ]);
    assert.deepEqual(only(check(id, text)).fixes, [
      {
        title: 'Add `measured_by`',
        ops: [{ op: 'insert', parent: ['success_measures', 1], key: 'measured_by', value: '""' }],
        preferred: true,
        applicability: 'display-only',
      },
    ]);
  });

  it('points at an empty measured_by without offering to write it again', () => {
    const finding = only(check(id, fullWith(['    measured_by: CI coverage report on the main branch', '    measured_by: " "'])));
    assert.deepEqual(finding.path, ['success_measures', 2, 'measured_by']);
    assert.equal(finding.fixes, undefined);
  });
});

// ---- expertise-deliverable-unmeasured --------------------------------------------------------

describe('expertise-deliverable-unmeasured', () => {
  const id = 'expertise-deliverable-unmeasured';

  it('offers to link the deliverable to each measure, or to create one', () => {
    const finding = only(check(id, fullWith(['    deliverables: [D2, D3]', '    deliverables: [D3]'])));
    assert.equal(finding.message, 'Deliverable `D2` is not linked to any success measure.');
    assert.deepEqual(finding.facts, ['Deliverables linked to a success measure: `D3`, `D1`']);
    assert.deepEqual(
      finding.fixes?.map((f) => f.title),
      ['Link `D2` to `SM1`', 'Link `D2` to `SM2`', 'Link `D2` to `SM3`', 'Create success measure `SM4` for `D2`'],
    );
    assert.deepEqual(finding.fixes?.[2]?.ops, [{ op: 'append', path: ['success_measures', 2, 'deliverables'], value: 'D2' }]);
    assert.deepEqual(finding.fixes?.[3]?.ops, [
      {
        op: 'append',
        path: ['success_measures'],
        value: 'id: SM4\nmetric: ""\ntarget: null\nunit: ""\nmeasured_by: ""\ndeliverables:\n  - D2',
      },
    ]);
    assert.ok(finding.fixes?.every((f) => f.applicability !== 'safe' && !f.preferred));
  });

  it('counts the single `deliverable:` form as a link', () => {
    assert.deepEqual(check(id, fullWith(['    deliverables: [D2, D3]', '    deliverable: D2'])), []);
  });

  it('reports every deliverable when the scope has no success measures at all (rules.md: none is referenced)', () => {
    const measures = full.slice(full.indexOf('success_measures:\n'), full.indexOf('budget:\n'));
    for (const replacement of ['', 'success_measures: []\n\n', 'success_measures:\n\n']) {
      const text = fullWith([measures, replacement]);
      const found = analyzeText(text).diagnostics.filter((d) => d.code === id);
      const lines = text.split('\n');
      assert.deepEqual(
        found.map((d) => [d.range.start.line, d.range.start.character, d.message]),
        ['D1', 'D2', 'D3'].map((d) => [
          lines.indexOf(`  - id: ${d}`),
          4,
          `Deliverable \`${d}\` is not linked to any success measure: the scope has none.`,
        ]),
        JSON.stringify(replacement),
      );
      assert.deepEqual(factsOf(found[0]), ['The scope has no success measures yet.']);
      // The one fix writes the section with a first measure linked to the deliverable.
      const [create, ...others] = resolvedFixesOf(found[1] ?? assert.fail('no finding for D2'));
      assert.deepEqual(others, []);
      assert.equal(create?.title, 'Create success measure `SM1` for `D2`');
      const fixed = TextDocument.applyEdits(TextDocument.create('file:///t.scope.yaml', 'scope-yaml', 1, text), [...(create?.edits ?? [])]);
      assert.deepEqual((parse(fixed) as { success_measures?: unknown }).success_measures, [
        { id: 'SM1', metric: '', target: null, unit: '', measured_by: '', deliverables: ['D2'] },
      ]);
      assert.deepEqual(
        analyzeText(fixed)
          .diagnostics.filter((d) => d.code === id)
          .map((d) => d.range.start.line),
        [lines.indexOf('  - id: D1'), lines.indexOf('  - id: D3')].map((l) => fixed.split('\n').indexOf(lines[l] ?? '')),
      );
    }
  });

  it('offers no new measure when `success_measures` has the wrong type (the schema reports it)', () => {
    const measures = full.slice(full.indexOf('success_measures:\n'), full.indexOf('budget:\n'));
    const found = check(id, fullWith([measures, 'success_measures: faster invoicing\n\n']));
    assert.equal(found.length, 3);
    assert.deepEqual(found[0]?.fixes, []);
  });
});

// ---- expertise-key-personnel-missing ---------------------------------------------------------

describe('expertise-key-personnel-missing', () => {
  const id = 'expertise-key-personnel-missing';
  const personnel = full.slice(full.indexOf('  key_personnel:'), full.indexOf('\nsecurity:'));

  it('inserts a delivery lead to name', () => {
    const finding = only(check(id, fullWith([personnel, ''])));
    assert.deepEqual(finding.fixes, [
      {
        title: 'Add `key_personnel` with a delivery lead',
        ops: [
          { op: 'insert', parent: ['vendor'], key: 'key_personnel', value: '- role: Delivery lead\n  name: ""\n  allocation_percent: 100' },
        ],
        preferred: true,
        applicability: 'display-only',
      },
    ]);
  });

  it('leaves `vendor` of the wrong type to the schema', () => {
    const vendor = full.slice(full.indexOf('vendor:\n'), full.indexOf('\nsecurity:'));
    assert.deepEqual(check(id, fullWith([vendor, 'vendor: Northwind Software Lda\n'])), []);
  });
});

// ---- governance-* ----------------------------------------------------------------------------

describe('governance-owner-missing', () => {
  it('lands on the project key and inserts an empty owner', () => {
    const text = fullWith(['  owner: Sam Patel (Engineering Manager, Billing)\n', '']);
    assert.deepEqual(diagnosticsOf('governance-owner-missing', text), [
      '4 No single internal owner is named (`project.owner`): nobody on your side runs the day-to-day contact with the vendor.',
    ]);
    assert.deepEqual(only(check('governance-owner-missing', text)).fixes?.[0]?.ops, [
      { op: 'insert', parent: ['project'], key: 'owner', value: '""' },
    ]);
  });
});

describe('governance-cadence-missing', () => {
  it('offers a weekly check-in, preferred but not applied by "fix all"', () => {
    const text = fullWith(['  check_in_cadence: weekly\n', '  check_in_cadence:\n']);
    assert.deepEqual(only(check('governance-cadence-missing', text)).fixes, [
      {
        title: 'Set `check_in_cadence: weekly`',
        ops: [{ op: 'replace', path: ['governance', 'check_in_cadence'], value: 'weekly' }],
        preferred: true,
        applicability: 'unsafe',
      },
    ]);
  });
});

describe('governance-cadence-too-infrequent', () => {
  const id = 'governance-cadence-too-infrequent';
  const cadence = (value: string): string => fullWith(['  check_in_cadence: weekly', `  check_in_cadence: ${value}`]);

  it('gives the cadence in days and the limit, in the message and the facts', () => {
    assert.deepEqual(diagnosticsOf(id, cadence('monthly')), ['128 Check-ins are monthly (every 30 days); the limit is 14 days.']);
    const d = analyzeText(cadence('monthly')).diagnostics.find((x) => x.code === id);
    assert.deepEqual(factsOf(d), ['`monthly` = every 30 days; the limit is 14 days (`maxCheckInDays`).']);
    assert.deepEqual(diagnosticsOf(id, cadence('P3W')), ['128 Check-ins are every `P3W` (21 days); the limit is 14 days.']);
  });

  it('offers weekly (preferred) and fortnightly, neither applied by "fix all"', () => {
    const fixes = only(check(id, cadence('quarterly'))).fixes;
    assert.deepEqual(fixes, [
      {
        title: 'Check in weekly',
        ops: [{ op: 'replace', path: ['governance', 'check_in_cadence'], value: 'weekly' }],
        preferred: true,
        applicability: 'unsafe',
      },
      {
        title: 'Check in fortnightly',
        ops: [{ op: 'replace', path: ['governance', 'check_in_cadence'], value: 'fortnightly' }],
        applicability: 'unsafe',
      },
    ]);
  });

  it('reads the limit from the settings, and suggests `fortnightly` for an over-limit `biweekly`', () => {
    assert.deepEqual(check(id, cadence('monthly'), { thresholds: { maxCheckInDays: 30 } }), []);
    assert.deepEqual(check(id, cadence('biweekly')), []);
    const finding = only(check(id, cadence('biweekly'), { thresholds: { maxCheckInDays: 10 } }));
    assert.equal(finding.message, 'Check-ins are biweekly (every 14 days); the limit is 10 days.');
    assert.deepEqual(finding.facts, [
      '`biweekly` = every 14 days; the limit is 10 days (`maxCheckInDays`).',
      '`biweekly` is read as every 14 days. If that is what you mean, write `fortnightly` (or `P2W`): "biweekly" can also mean twice a week.',
    ]);
    assert.deepEqual(
      finding.fixes?.map((f) => f.title),
      ['Check in weekly'],
    );
    const tight = only(check(id, cadence('weekly'), { thresholds: { maxCheckInDays: 5 } }));
    assert.deepEqual(tight.fixes?.[0]?.ops, [{ op: 'replace', path: ['governance', 'check_in_cadence'], value: 'P5D' }]);
  });

  it('reports a cadence it cannot read, whatever its type', () => {
    assert.deepEqual(diagnosticsOf(id, cadence('every now and then')), [
      '128 The check-in cadence "every now and then" cannot be read as a number of days; the limit is 14 days.',
    ]);
    assert.equal(
      only(check(id, cadence('7'))).message,
      'The check-in cadence `7` cannot be read as a number of days; the limit is 14 days.',
    );
    assert.equal(check(id, cadence(`P${'1'.repeat(longestRun)}D`)).length, 1);
  });
});

describe('governance-status-reports-missing, governance-escalation-missing', () => {
  it('insert the catalogue scaffolding in block style', () => {
    const noReports = fullWith([
      '  status_reports: { cadence: weekly, contents: [progress vs plan, risks and issues, spend vs budget] }\n',
      '',
    ]);
    assert.deepEqual(only(check('governance-status-reports-missing', noReports)).fixes?.[0]?.ops, [
      {
        op: 'insert',
        parent: ['governance'],
        key: 'status_reports',
        value: 'cadence: weekly\ncontents:\n  - progress vs plan\n  - risks and issues\n  - spend vs budget',
      },
    ]);
    const escalation = full.slice(full.indexOf('  escalation:'), full.indexOf('  change_control:'));
    const finding = only(check('governance-escalation-missing', fullWith([escalation, '  escalation: []\n'])));
    assert.deepEqual(finding.fixes?.[0]?.ops, [
      {
        op: 'replace',
        path: ['governance', 'escalation'],
        value: '- level: 1\n  contact: ""\n  respond_within_days: 2\n- level: 2\n  contact: ""\n  respond_within_days: 5',
      },
    ]);
  });

  it('stay silent under `governance` of the wrong type', () => {
    const governance = full.slice(full.indexOf('governance:\n'), full.indexOf('out_of_scope:\n'));
    const text = fullWith([governance, 'governance: weekly calls\n\n']);
    for (const id of [
      'governance-status-reports-missing',
      'governance-escalation-missing',
      'governance-cadence-missing',
      'governance-cadence-too-infrequent',
    ]) {
      assert.deepEqual(check(id, text), [], id);
    }
  });
});

describe('governance-exit-plan-missing', () => {
  const id = 'governance-exit-plan-missing';
  const exit = full.slice(full.indexOf('\nexit:'));

  it('inserts the whole exit plan when there is none', () => {
    const finding = only(check(id, fullWith([exit, '\n'])));
    assert.deepEqual(finding.path, ['exit']);
    assert.deepEqual(finding.fixes?.[0]?.ops, [
      {
        op: 'insert',
        parent: [],
        key: 'exit',
        value:
          'termination_for_convenience_notice_days: 30\ntransition_assistance_days: 30\ndata_return:\n  format: TODO   # e.g. database dump and CSV\n  within_days: 10\ndeletion_certificate: true\nknowledge_transfer: true',
      },
    ]);
  });

  it('asks for data return only when the data is sensitive, and says why', () => {
    const noReturn: [string, string] = ['  data_return: { format: PostgreSQL dump and CSV, within_days: 10 }\n', ''];
    const categories = '  personal_data_categories: [contact details, billing address, invoice history]\n';
    const finding = only(check(id, fullWith(noReturn)));
    assert.equal(
      finding.message,
      'The exit plan does not say how your data comes back: personal data is in scope, and `exit.data_return` is not set.',
    );
    assert.deepEqual(finding.facts, [
      'Sensitive because `security.personal_data` is true and `security.data_classification` is confidential.',
    ]);
    assert.deepEqual(finding.fixes?.[0]?.ops, [
      { op: 'insert', parent: ['exit'], key: 'data_return', value: 'format: TODO   # e.g. database dump and CSV\nwithin_days: 10' },
    ]);
    const restricted = only(
      check(
        id,
        fullWith(
          noReturn,
          ['  data_classification: confidential\n  personal_data: true', '  data_classification: restricted\n  personal_data: false'],
          [categories, ''],
        ),
      ),
    );
    assert.equal(
      restricted.message,
      'The exit plan does not say how your data comes back: restricted data is in scope, and `exit.data_return` is not set.',
    );
    // The categories say personal data is processed whatever the flag says, so they go too.
    const internal = fullWith(
      noReturn,
      ['  data_classification: confidential\n  personal_data: true', '  data_classification: internal\n  personal_data: false'],
      [categories, ''],
    );
    assert.deepEqual(check(id, internal), []);
    assert.deepEqual(check(id, fullWith([exit, '\nexit: standard terms\n'])), []);
  });
});

// ---- fixes through the edit engine ------------------------------------------------------------

/** The text after applying the fix titled `title` (default: the preferred one) of `ruleId`'s first diagnostic. */
function applyFix(ruleId: string, text: string, title?: string): string {
  const d = analyzeText(text).diagnostics.find((x) => x.code === ruleId);
  assert.ok(d, `no ${ruleId} diagnostic`);
  const fixes = resolvedFixesOf(d);
  const fix = fixes.find((f) => (title ? f.title === title : f.preferred));
  assert.ok(fix, `no fix ${title ?? '(preferred)'} among ${fixes.map((f) => f.title).join(', ')}`);
  return TextDocument.applyEdits(TextDocument.create('file:///t.scope.yaml', 'scope-yaml', 1, text), [...fix.edits]);
}

describe('fixes, applied', () => {
  const exit = full.slice(full.indexOf('\nexit:'));

  it('replaces an infrequent cadence in place', () => {
    const after = applyFix('governance-cadence-too-infrequent', fullWith(['  check_in_cadence: weekly', '  check_in_cadence: monthly']));
    assert.equal(after, full);
  });

  it('inserts scaffolding that parses back to the catalogue values and keeps the file valid', () => {
    const cases: { rule: string; text: string; key: readonly (string | number)[]; want: unknown }[] = [
      {
        rule: 'governance-exit-plan-missing',
        text: fullWith([exit, '\n']),
        key: ['exit'],
        want: {
          termination_for_convenience_notice_days: 30,
          transition_assistance_days: 30,
          data_return: { format: 'TODO', within_days: 10 },
          deletion_certificate: true,
          knowledge_transfer: true,
        },
      },
      {
        rule: 'governance-status-reports-missing',
        text: fullWith(['  status_reports: { cadence: weekly, contents: [progress vs plan, risks and issues, spend vs budget] }\n', '']),
        key: ['governance', 'status_reports'],
        want: { cadence: 'weekly', contents: ['progress vs plan', 'risks and issues', 'spend vs budget'] },
      },
      {
        rule: 'expertise-acceptance-criteria-missing',
        text: fullWith([full.slice(full.indexOf('    acceptance_criteria:\n      - All 42'), full.indexOf('    due: 2027-06-11')), '']),
        key: ['deliverables', 1, 'acceptance_criteria'],
        want: ['TODO: observable, testable condition, e.g. all N test cases in Annex B pass'],
      },
    ];
    for (const c of cases) {
      const after = applyFix(c.rule, c.text);
      const data: unknown = parse(after);
      let node: unknown = data;
      for (const k of c.key) node = (node as Record<string | number, unknown>)[k];
      assert.deepEqual(node, c.want, c.rule);
      assert.deepEqual(
        analyzeText(after).diagnostics.filter((d) => d.code === c.rule || String(d.code).startsWith('yaml/')),
        [],
        c.rule,
      );
    }
  });

  it('writes into a flow-style deliverable in flow style', () => {
    const d2 = full.slice(full.indexOf('  - id: D2\n'), full.indexOf('  - id: D3\n'));
    const after = applyFix(
      'expertise-acceptance-criteria-missing',
      fullWith([d2, '  - { id: D2, title: Beta portal on staging, due: 2027-06-11, owner: vendor }\n']),
    );
    assert.equal(
      after.split('\n')[57],
      '  - { id: D2, title: Beta portal on staging, due: 2027-06-11, owner: vendor, acceptance_criteria: ["TODO: observable, testable condition, e.g. all N test cases in Annex B pass"] }',
    );
  });

  it('links an unmeasured deliverable inside the existing flow list', () => {
    const after = applyFix(
      'expertise-deliverable-unmeasured',
      fullWith(['    deliverables: [D2, D3]', '    deliverables: [D3]']),
      'Link `D2` to `SM3`',
    );
    assert.equal(after, fullWith(['    deliverables: [D2, D3]', '    deliverables: [D3, D2]']));
  });

  it('keeps the objective warning until real numbers replace the placeholders', () => {
    const objective = full.slice(full.indexOf('  objective: >-'), full.indexOf('  sponsor:'));
    const after = applyFix(
      'expertise-objective-not-smart',
      fullWith([objective, '  objective: Give customers a modern self-service portal.\n']),
    );
    assert.equal(
      (parse(after) as { project: { objective: string } }).project.objective,
      'Give customers a modern self-service portal from <baseline> to <target> <unit> by <YYYY-MM-DD>.',
    );
    assert.equal(diagnosticsOf('expertise-objective-not-smart', after).length, 1);
  });
});

// ---- robustness --------------------------------------------------------------------------------

describe('expertise-* and governance-* on input of any shape', () => {
  const ids = [...rulesById.keys()].filter((k) => k.startsWith('expertise-') || k.startsWith('governance-'));
  const paths: readonly (readonly string[])[] = [
    ['project'],
    ['project', 'objective'],
    ['project', 'owner'],
    ['vendor', 'key_personnel'],
    ['deliverables'],
    ['success_measures'],
    ['budget', 'total'],
    ['timeline'],
    ['timeline', 'start'],
    ['governance'],
    ['governance', 'check_in_cadence'],
    ['exit'],
    ['security', 'personal_data'],
  ];

  it('never throws, whatever value sits where a rule looks', () => {
    const base = parse(full) as Record<string, unknown>;
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 3 }), (path, value) => {
        const data = structuredClone(base);
        let node: Record<string, unknown> = data;
        for (const key of path.slice(0, -1)) {
          const next = node[key];
          if (typeof next !== 'object' || next === null || Array.isArray(next)) node[key] = {};
          node = node[key] as Record<string, unknown>;
        }
        node[path[path.length - 1] ?? 'x'] = value;
        const { scope, merged } = doc(stringify(data));
        for (const id of ids) {
          const findings = rulesById.get(id)?.check(scope, merged) ?? [];
          for (const f of findings) assert.ok(f.message.length > 10 && f.fixes?.every((x: Fix) => x.ops.length > 0) !== false);
        }
      }),
      { numRuns: 300 },
    );
  });
});
