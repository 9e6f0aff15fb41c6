// The security-* and structure-* rules beyond the fixture table: the sentences, ranges and facts a
// user reads, the exact text after each quick fix, the thresholds, and silence (never a throw) on
// malformed or adversarial input.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ScopeDocument } from '../../server/src/service/document';
import type { Finding } from '../../server/src/service/types';
import type { DiagnosticData } from '../../server/src/service/validate';
import { analyzeText, factsOf, resolvedFixesOf } from '../support/analyze';
import { fixturesDir } from '../support/paths';
import { checkRule as check, full, fullWith } from '../support/ruleCheck';
import { assertLinearLike, linearFactor } from '../support/timing';

const risky = readFileSync(join(fixturesDir, 'golden', 'risky.scope.yaml'), 'utf8');

const myRules = [
  'security-nda-missing',
  'security-references-missing',
  'security-data-classification-missing',
  'security-protections-missing',
  'security-attestation-missing',
  'security-personal-data-without-dpa',
  'security-breach-notification-missing',
  'security-breach-notification-slow',
  'security-subprocessors-unspecified',
  'security-ip-ownership-missing',
  'structure-duplicate-id',
  'structure-unknown-reference',
];

/** Milliseconds the rules take on an already parsed document (parsing is the parser's cost, not theirs). */
function timeRules(ids: readonly string[], text: string): number {
  const doc = new ScopeDocument('file:///t.scope.yaml', 1, text);
  const started = performance.now();
  for (const id of ids) check(id, doc);
  return performance.now() - started;
}

function only(findings: readonly Finding[]): Finding {
  assert.equal(findings.length, 1, `expected one finding, got ${findings.map((f) => f.message).join(' | ')}`);
  const [finding] = findings;
  assert.ok(finding);
  return finding;
}

/** The one diagnostic of a rule, as the editor shows it. */
function diagnostic(ruleId: string, text: string) {
  const found = analyzeText(text).diagnostics.filter((d) => d.code === ruleId);
  assert.equal(found.length, 1, `expected one ${ruleId}, got ${found.length}`);
  const [d] = found;
  assert.ok(d);
  return d;
}

/** The text after applying the fix with this title from the rule's (first) diagnostic. */
function afterFix(ruleId: string, text: string, title: string): string {
  const d = analyzeText(text).diagnostics.find((x) => x.code === ruleId);
  const fixes = d ? resolvedFixesOf(d) : [];
  const fix = fixes.find((f) => f.title === title);
  assert.ok(fix, `no fix "${title}" among ${JSON.stringify(fixes.map((f) => f.title))}`);
  return TextDocument.applyEdits(TextDocument.create('file:///t.scope.yaml', 'scope-yaml', 1, text), [...fix.edits]);
}

function codes(text: string): string[] {
  return analyzeText(text).diagnostics.map((d) => String(d.code));
}

describe('security-nda-missing', () => {
  const nda = '  nda: { signed: true, date: 2027-01-12, mutual: true }';

  it('names the vendor and lands on the vendor key when there is no NDA', () => {
    const d = diagnostic('security-nda-missing', fullWith([`${nda}\n`, '']));
    assert.equal(d.message, 'No NDA with Northwind Software Lda is recorded: nothing protects what you share while scoping and building.');
    assert.deepEqual(d.range, { start: { line: 12, character: 0 }, end: { line: 12, character: 6 } });
  });

  it('shortens a long vendor name without leaving a parenthesis open in the message', () => {
    const d = diagnostic(
      'security-nda-missing',
      fullWith([`${nda}\n`, ''], ['name: Northwind Software Lda', 'name: Tom Reilly (freelance WordPress developer)']),
    );
    assert.equal(d.message, 'No NDA with Tom Reilly… is recorded: nothing protects what you share while scoping and building.');
    assert.deepEqual(d.range, { start: { line: 12, character: 0 }, end: { line: 12, character: 6 } });
  });

  it('inserts the catalogue skeleton, never `signed: true`, and the finding stays until someone signs', () => {
    const text = fullWith([`${nda}\n`, '']);
    const after = afterFix('security-nda-missing', text, 'Add an NDA placeholder (`signed: false`)');
    assert.equal(
      after,
      // Where the format puts it: right after the vendor's name.
      fullWith([`${nda}\n`, '  nda:\n    signed: false   # set true and fill date once countersigned\n    date: null\n    mutual: true\n']),
    );
    const remaining = diagnostic('security-nda-missing', after);
    assert.equal((remaining.data as DiagnosticData).path, 'vendor.nda.signed');
    assert.equal(remaining.message, 'The NDA with Northwind Software Lda is not signed yet (`signed: false`).');
  });

  it('fills an empty `nda:` in place instead of adding a second key', () => {
    const text = fullWith([nda, '  nda:']);
    const after = afterFix('security-nda-missing', text, 'Add an NDA placeholder (`signed: false`)');
    assert.equal(
      after,
      fullWith([nda, '  nda:\n    signed: false   # set true and fill date once countersigned\n    date: null\n    mutual: true']),
    );
  });

  it('reports an NDA signed after timeline.start on its date, with the gap in days and no automatic fix', () => {
    const text = fullWith([nda, '  nda: { signed: true, date: 2027-03-01, mutual: true }']);
    const finding = only(check('security-nda-missing', text));
    assert.deepEqual(finding.path, ['vendor', 'nda', 'date']);
    assert.equal(
      finding.message,
      'The NDA with Northwind Software Lda is dated after work starts: 2027-03-01, but work starts on 2027-02-15 (`timeline.start`).',
    );
    assert.equal(finding.facts?.[0], '`vendor.nda.date` 2027-03-01 is 14 days after `timeline.start` 2027-02-15.');
    assert.equal(finding.fixes, undefined);
    assert.deepEqual(diagnostic('security-nda-missing', text).range, {
      start: { line: 14, character: 29 },
      end: { line: 14, character: 39 },
    });
  });

  it('offers no fix for `signed: false`: only a person can say it was signed', () => {
    const finding = only(check('security-nda-missing', fullWith([nda, '  nda: { signed: false, date: null, mutual: true }'])));
    assert.equal(finding.message, 'The NDA with Northwind Software Lda is not signed yet (`signed: false`).');
    assert.equal(finding.fixes, undefined);
  });

  it('stays silent on shapes the schema reports', () => {
    for (const bad of [
      '  nda: yes',
      '  nda: [signed]',
      '  nda: { signed: 1, date: 2027-01-12 }',
      '  nda: { signed: true, date: 2027-13-01 }',
    ]) {
      assert.deepEqual(check('security-nda-missing', fullWith([nda, bad])), [], bad);
    }
    assert.deepEqual(check('security-nda-missing', 'vendor: Northwind\n'), []);
  });
});

describe('security-references-missing', () => {
  it('appends a reference to call to an empty flow list', () => {
    const refs = full.slice(full.indexOf('  references:\n'), full.indexOf('  certifications:\n'));
    const text = fullWith([refs, '  references: []\n']);
    assert.equal(
      afterFix('security-references-missing', text, 'Add a client reference to call'),
      fullWith([refs, '  references: [{ company: "", contact: "", contacted: null, notes: "" }]\n']),
    );
  });

  it('reports listed-but-never-called references at info, on the key, naming them', () => {
    const text = fullWith(['      contacted: 2027-01-20\n', ''], ['      contacted: 2027-01-22\n', '']);
    const d = diagnostic('security-references-missing', text);
    assert.equal(d.severity, 3);
    assert.equal(d.message, 'None of the 2 vendor references has a `contacted` date: there is no record that anyone called them.');
    assert.deepEqual(d.range, { start: { line: 15, character: 2 }, end: { line: 15, character: 12 } });
    assert.deepEqual(factsOf(d), ['Listed but not contacted: `Contoso Insurance`, `Fabrikam Utilities`.']);
  });
});

describe('security-references-missing: when a call counts', () => {
  const refsKey = { start: { line: 15, character: 2 }, end: { line: 15, character: 12 } };

  it('counts a call dated before work starts, even after today (evidence is judged on `timeline.start`)', () => {
    assert.deepEqual(check('security-references-missing', full), []);
  });

  it('reports calls dated after work starts, naming each, at info on the key', () => {
    const text = fullWith(
      ['      contacted: 2027-01-20\n', '      contacted: 2027-03-02\n'],
      ['      contacted: 2027-01-22\n', '      contacted: 2027-02-16\n'],
    );
    const d = diagnostic('security-references-missing', text);
    assert.equal(d.severity, 3);
    assert.equal(
      d.message,
      'None of the 2 vendor references has a `contacted` date before work starts: there is no record that anyone called them in time.',
    );
    assert.deepEqual(d.range, refsKey);
    assert.deepEqual(factsOf(d), [
      '`Contoso Insurance`: `contacted` is 2027-03-02, after work starts on 2027-02-15 (`timeline.start`): a call then vets nobody before the work begins.',
      '`Fabrikam Utilities`: `contacted` is 2027-02-16, after work starts on 2027-02-15 (`timeline.start`): a call then vets nobody before the work begins.',
    ]);
  });

  it('does not count a `contacted` that is no date ("TBC", a day-first date), and says so', () => {
    const text = fullWith(
      ['      contacted: 2027-01-20\n', '      contacted: TBC\n'],
      ['      contacted: 2027-01-22\n', '      contacted: 20/01/2027\n'],
    );
    const d = diagnostic('security-references-missing', text);
    assert.equal(
      d.message,
      'None of the 2 vendor references has a `contacted` date before work starts: there is no record that anyone called them in time.',
    );
    assert.deepEqual(factsOf(d), [
      '`Contoso Insurance`: `contacted` is "TBC", which is not a date: write the day you spoke to them (YYYY-MM-DD).',
      '`Fabrikam Utilities`: `contacted` is "20/01/2027", which is not a date: write the day you spoke to them (YYYY-MM-DD).',
    ]);
  });

  it('names a reference written as a sentence ("call booked for ...") as not contacted, in the singular', () => {
    const refs = full.slice(full.indexOf('  references:\n'), full.indexOf('  certifications:\n'));
    const text = fullWith([refs, '  references:\n    - "Contoso Insurance (call booked for 2027-01-28)"\n']);
    const d = diagnostic('security-references-missing', text);
    assert.equal(d.message, 'The vendor reference has no `contacted` date: there is no record that anyone called it.');
    assert.deepEqual(factsOf(d), ['Listed but not contacted: `Contoso Insurance (call booked for 2027-01-28)`.']);
  });
});

describe('security-data-classification-missing', () => {
  it('offers every level, the conservative `confidential` first and preferred', () => {
    const finding = only(check('security-data-classification-missing', fullWith(['  data_classification: confidential\n', ''])));
    assert.deepEqual(
      finding.fixes?.map((f) => [f.title, f.preferred ?? false, f.applicability === 'safe']),
      [
        ['Set data classification to `confidential`', true, false],
        ['Set data classification to `public`', false, false],
        ['Set data classification to `internal`', false, false],
        ['Set data classification to `restricted`', false, false],
      ],
    );
  });

  it('prefers the level a case slip meant, and the fix clears the finding', () => {
    const text = fullWith(['  data_classification: confidential', '  data_classification: Restricted']);
    const finding = only(check('security-data-classification-missing', text));
    assert.equal(finding.message, 'Write the data classification `restricted`, not `Restricted`: levels are lower case.');
    assert.equal(finding.severity, 'error');
    assert.deepEqual(
      finding.fixes?.map((f) => [f.title, f.preferred ?? false, f.applicability === 'safe']),
      [['Change to `restricted`', true, true]],
    );
    const after = afterFix('security-data-classification-missing', text, 'Change to `restricted`');
    assert.equal(after, fullWith(['  data_classification: confidential', '  data_classification: restricted']));
    assert.ok(!codes(after).includes('security-data-classification-missing'));
  });

  it('replaces the schema enum error rather than adding to it', () => {
    const found = codes(fullWith(['  data_classification: confidential', '  data_classification: secret']));
    assert.ok(found.includes('security-data-classification-missing'));
    assert.ok(!found.some((c) => c.startsWith('schema/')), found.join(', '));
  });
});

describe('security-protections-missing', () => {
  it('inserts the baseline list in the security mapping', () => {
    const protections = full.slice(full.indexOf('  protections:\n'), full.indexOf('  access_controls:'));
    const text = fullWith([protections, '']);
    assert.equal(
      afterFix('security-protections-missing', text, 'Add a baseline list of protections to edit'),
      // In the format's order: after the sub-processors, before the access controls.
      fullWith([
        protections,
        '  protections:\n    - Encryption in transit (TLS 1.2+) and at rest\n    - SSO with MFA for all vendor staff\n    - Least-privilege access, reviewed at least quarterly\n    - Access removed within 24 h of staff leaving the project\n    - Security logging retained 12 months\n',
      ]),
    );
  });
});

describe('security-attestation-missing', () => {
  /** The findings about evidence at the start, without the info note on evidence that lapses during the project (rules-attestation-lapse). */
  const atStart = (...args: Parameters<typeof check>) => check(...args).filter((f) => f.severity !== 'info');
  const certs = full.slice(full.indexOf('  certifications:\n'), full.indexOf('  security_questionnaire:'));
  const questionnaire = '  security_questionnaire: { type: SIG Lite, completed: 2027-01-25 }\n';

  it('lists why the data is sensitive and what evidence is stale', () => {
    const text = fullWith([certs, certs.replace('2028-06-30', '2027-02-14').replace('2026-09-30', '2026-02-14')], [questionnaire, '']);
    const finding = only(check('security-attestation-missing', text));
    assert.equal(
      finding.message,
      'No current security evidence for sensitive data: no certification is current on 2027-02-15, and no security questionnaire is completed.',
    );
    assert.deepEqual(finding.facts, [
      'Sensitive because `security.personal_data` is true and `security.data_classification` is confidential.',
      '`ISO/IEC 27001:2022` expired on 2027-02-14, before 2027-02-15 (`timeline.start`).',
      '`SOC 2 Type II`: the period ended 2026-02-14, more than 12 months before 2027-02-15 (`timeline.start`) (the report is relied on back to 2026-02-15).',
    ]);
  });

  it('reads the SOC 2 reliance period from settings', () => {
    const text = fullWith([certs, '  certifications:\n    - { name: SOC 2 Type II, period_end: 2025-03-01 }\n'], [questionnaire, '']);
    assert.equal(atStart('security-attestation-missing', text).length, 1);
    assert.deepEqual(atStart('security-attestation-missing', text, { thresholds: { attestationMaxAgeMonths: 24 } }), []);
  });

  it('measures against today when there is no timeline.start', () => {
    const text = fullWith(
      [certs, '  certifications:\n    - { name: "ISO/IEC 27001:2022", expires: 2027-01-10 }\n'],
      [questionnaire, ''],
      ['  start: 2027-02-15\n', ''],
    );
    assert.deepEqual(atStart('security-attestation-missing', text), [], 'valid on 2027-01-04 (today in tests)');
    const expired = check('security-attestation-missing', text.replace('2027-01-10', '2027-01-03'));
    assert.equal(
      only(expired).facts?.[1],
      '`ISO/IEC 27001:2022` expired on 2027-01-03, before 2027-01-04 (today; there is no valid `timeline.start`).',
    );
  });

  it('appends a certification placeholder and adds the questionnaire', () => {
    const finding = only(
      check(
        'security-attestation-missing',
        fullWith([certs, certs.replace('2028-06-30', '2026-06-30').replace('2026-09-30', '2025-09-30')], [questionnaire, '']),
      ),
    );
    assert.deepEqual(finding.fixes?.[0]?.ops, [
      {
        op: 'append',
        path: ['vendor', 'certifications'],
        value: 'name: ""        # e.g. ISO/IEC 27001:2022 or SOC 2 Type II\nscope: ""\nexpires: null   # use period_end for SOC 2 reports',
      },
      { op: 'insert', parent: ['vendor'], key: 'security_questionnaire', value: 'type: SIG Lite\ncompleted: null' },
    ]);
  });
});

describe('security-personal-data-without-dpa', () => {
  it('inserts the DPA placeholder and the categories list when both are missing', () => {
    const text = fullWith([
      '  personal_data_categories: [contact details, billing address, invoice history]\n  dpa: { signed: true, date: 2027-02-01 }\n',
      '',
    ]);
    assert.deepEqual(only(check('security-personal-data-without-dpa', text)).fixes, [
      {
        title: 'Add a DPA placeholder (`signed: false`)',
        ops: [
          { op: 'insert', parent: ['security'], key: 'dpa', value: 'signed: false\ndate: null' },
          { op: 'insert', parent: ['security'], key: 'personal_data_categories', value: '[]' },
        ],
        preferred: true,
        applicability: 'display-only',
      },
    ]);
  });
});

describe('security-breach-notification-missing and -slow', () => {
  it('inserts 24 hours, which also satisfies the slow rule', () => {
    const text = fullWith(['  breach_notification_hours: 24\n', '']);
    const after = afterFix('security-breach-notification-missing', text, 'Require notification within 24 hours');
    // Back where the format puts it, so the result is the full example again.
    assert.equal(after, full);
    assert.ok(!codes(after).some((c) => c.startsWith('security-breach')));
  });

  it('says how much of the 72 hours is left, and replaces the value with 24', () => {
    const text = fullWith(['  breach_notification_hours: 24', '  breach_notification_hours: 60']);
    const d = diagnostic('security-breach-notification-slow', text);
    assert.equal(d.message, 'The vendor may take 60 h to report a breach; the limit is 48 h when personal data is in scope.');
    assert.deepEqual(factsOf(d), [
      'Limit: 48 h (`maxBreachNotificationHoursPersonalData`, personal data).',
      "60 h leaves 12 h of GDPR's 72 h to assess the breach and notify the regulator.",
    ]);
    assert.deepEqual(d.range, { start: { line: 36, character: 29 }, end: { line: 36, character: 31 } });
    assert.equal(afterFix('security-breach-notification-slow', text, 'Change to 24 hours'), full);
  });

  it('uses the limits from settings, and never suggests more than the limit', () => {
    const text = fullWith(['  breach_notification_hours: 24', '  breach_notification_hours: 60']);
    assert.deepEqual(check('security-breach-notification-slow', text, { thresholds: { maxBreachNotificationHoursPersonalData: 60 } }), []);
    const strict = only(
      check('security-breach-notification-slow', fullWith(['  breach_notification_hours: 24', '  breach_notification_hours: 24']), {
        thresholds: { maxBreachNotificationHoursPersonalData: 12 },
      }),
    );
    assert.deepEqual(strict.fixes?.[0]?.ops, [{ op: 'replace', path: ['security', 'breach_notification_hours'], value: '12' }]);
  });
});

describe('security-subprocessors-unspecified', () => {
  it('inserts "none without approval" as a block mapping', () => {
    const line = '  subprocessors: { allowed: true, approval_required: true, list: ["AWS (eu-west-1)"] }\n';
    const text = fullWith([line, '']);
    assert.equal(
      afterFix('security-subprocessors-unspecified', text, 'Allow no sub-processors without your approval'),
      fullWith([line, '  subprocessors:\n    allowed: false\n    approval_required: true\n    list: []\n']),
    );
  });
});

describe('security-ip-ownership-missing', () => {
  it('adds the ip section where the format puts it (before exit), set apart by a blank line like its neighbours', () => {
    const ip = full.slice(full.indexOf('ip:\n'), full.indexOf('exit:\n'));
    const text = fullWith([ip, '']);
    assert.equal(
      afterFix('security-ip-ownership-missing', text, 'Add an `ip` section (client ownership, transfer on payment)'),
      fullWith([
        ip,
        'ip:\n  owner: client\n  transfer: on_payment\n  background_ip: TODO   # vendor pre-existing IP and the licence granted to you\n  open_source: TODO     # disclosure obligation\n\n',
      ]),
    );
  });

  it('asks for a licence when the vendor or both parties own the work', () => {
    const joint = only(check('security-ip-ownership-missing', fullWith(['  owner: client', '  owner: joint'])));
    assert.equal(
      joint.message,
      'You and the vendor jointly own the work product, with no `license` for your use: `owner: joint` needs one that states what you may do with it.',
    );
    assert.deepEqual(
      joint.fixes?.map((f) => f.title),
      ['Add a `license` to fill in', 'Make the client the owner'],
    );
  });
});

describe('structure-duplicate-id', () => {
  const text = fullWith([
    '    - { id: M4, name: Warranty closed, date: 2027-10-29 }',
    '    - { id: D2, name: Warranty closed, date: 2027-10-29 }\n    - { id: D2, name: Handover closed, date: 2027-10-29 }',
  ]);

  it('reports every use after the first at its id, each with a distinct rename in its section', () => {
    const findings = check('structure-duplicate-id', text);
    assert.deepEqual(
      findings.map((f) => [f.path.join('/'), f.fixes?.[0]?.title]),
      [
        ['timeline/milestones/4/id', 'Rename to `M4`'],
        ['timeline/milestones/5/id', 'Rename to `M5`'],
      ],
    );
    assert.equal(
      findings[0]?.message,
      'Id `D2` is already used by the deliverable on line 58: every reference to it is ambiguous (`deliverables[1]`).',
    );
    assert.deepEqual(findings[0]?.facts, [
      '`D2` is used 3 times: `deliverables[1].id` (line 58), `timeline.milestones[4].id` (line 120), `timeline.milestones[5].id` (line 121).',
    ]);
    const d = analyzeText(text).diagnostics.find((x) => x.code === 'structure-duplicate-id');
    assert.deepEqual(d?.range, { start: { line: 119, character: 12 }, end: { line: 119, character: 14 } });
  });

  it('keeps the first use in document order, whichever section comes first', () => {
    const timelineFirst =
      'scope_version: 1\ntimeline:\n  milestones:\n    - { id: X1, name: Kick-off, date: 2027-02-15 }\ndeliverables:\n  - { id: X1, title: Report, acceptance_criteria: [Signed off] }\n';
    const finding = only(check('structure-duplicate-id', timelineFirst));
    assert.deepEqual(finding.path, ['deliverables', 0, 'id']);
    assert.equal(finding.fixes?.[0]?.title, 'Rename to `X2`');
  });
});

describe('structure-unknown-reference', () => {
  it('marks the unknown id inside the list in the risky example', () => {
    const d = diagnostic('structure-unknown-reference', risky);
    assert.equal(d.message, 'Milestone `M2` lists deliverable `D3`, which does not exist.');
    assert.deepEqual(d.range, { start: { line: 30, character: 58 }, end: { line: 30, character: 60 } });
    assert.equal((d.data as DiagnosticData).path, 'timeline.milestones[1].deliverables');
  });

  it('offers every other known id and, preferred, creating the deliverable', () => {
    const finding = only(check('structure-unknown-reference', risky));
    assert.deepEqual(
      finding.fixes?.map((f) => [f.title, f.preferred ?? false]),
      [
        ['Change to `D2`', false],
        ['Create deliverable `D3`', true],
      ],
      '`D1` is already in the list, so it is not offered',
    );
    assert.deepEqual(finding.facts, ['Known deliverable ids: `D1`, `D2`.']);
  });

  it('creates the missing deliverable at the end of the list, which resolves the reference', () => {
    const text = fullWith(['deliverables: [D3] }', 'deliverables: [D4] }']);
    const after = afterFix('structure-unknown-reference', text, 'Create deliverable `D4`');
    assert.equal(
      after,
      text.replace(
        '    owner: vendor\n\nsuccess_measures:',
        '    owner: vendor\n  - id: D4\n    title: ""\n    acceptance_criteria:\n      - ""\n\nsuccess_measures:',
      ),
    );
    assert.ok(!codes(after).includes('structure-unknown-reference'));
    assert.equal(afterFix('structure-unknown-reference', text, 'Change to `D3`'), full);
  });

  it('prefers the id that differs only in case', () => {
    const finding = only(check('structure-unknown-reference', fullWith(['    deliverables: [D2, D3]', '    deliverables: [D2, d3]'])));
    assert.deepEqual(finding.fixes?.[0], {
      title: 'Change to `D3`',
      ops: [{ op: 'replace', path: ['success_measures', 2, 'deliverables', 1], value: 'D3' }],
      preferred: true,
      applicability: 'unsafe',
    });
    assert.equal(finding.fixes?.find((f) => f.title.startsWith('Create'))?.preferred, undefined);
  });

  it('marks the item itself when its text also occurs earlier in the list', () => {
    const text = fullWith(
      ['  - id: D3\n', '  - id: D30\n'],
      ['    deliverables: [D3]\n', '    deliverables: [D30]\n'],
      ['deliverables: [D3] }', 'deliverables: [D30] }'],
      ['    deliverables: [D2, D3]', '    deliverables: [D30, D3]'],
    );
    const d = diagnostic('structure-unknown-reference', text);
    assert.equal((d.data as DiagnosticData).path, 'success_measures[2].deliverables[1]');
    assert.deepEqual(d.range, { start: { line: 96, character: 24 }, end: { line: 96, character: 26 } });
  });

  it('reports payments at a milestone that does not exist, and offers to create it', () => {
    const finding = only(
      check('structure-unknown-reference', fullWith(['    - { milestone: M4, percent: 10 }', '    - { milestone: M9, percent: 10 }'])),
    );
    assert.equal(finding.message, 'Milestone `M9` does not exist: the payment at `budget.payments[4]` is released at it.');
    assert.deepEqual(finding.fixes?.at(-1), {
      title: 'Create milestone `M9`',
      ops: [{ op: 'append', path: ['timeline', 'milestones'], value: 'id: M9\nname: ""\ndate: null' }],
      preferred: true,
      applicability: 'display-only',
    });
  });

  it('leaves a missing deliverables section to expertise-essential-parameter-missing', () => {
    const deliverables = full.slice(full.indexOf('deliverables:\n'), full.indexOf('success_measures:\n'));
    assert.deepEqual(check('structure-unknown-reference', fullWith([deliverables, ''])), []);
  });
});

describe('security and structure rules on malformed input', () => {
  const shapes = [
    'vendor: Northwind\nsecurity: confidential\nip: client\n',
    'vendor: [a, b]\nsecurity: [personal_data]\ndeliverables: D1\ntimeline: 2027\nbudget: { payments: 3 }\n',
    'vendor: { nda: 1, references: {}, certifications: { a: 1 }, security_questionnaire: [] }\nsecurity: { personal_data: true, dpa: signed, subprocessors: none, breach_notification_hours: "24" }\n',
    'vendor: { certifications: [null, 5, { expires: 7 }, { period_end: [2026-01-01] }] }\nsecurity: { data_classification: 3, personal_data: "yes", protections: TLS }\n',
    'deliverables: [null, 1, { id: 2 }, { id: [D1] }, { id: D1 }, { id: D1 }]\nsuccess_measures: [{ id: D1, deliverables: { a: D9 }, deliverable: [1, null, D9] }]\ntimeline: { milestones: [{ id: M1, deliverables: [null, 3, { id: D9 }, D9] }] }\nbudget: { payments: [null, 1, { milestone: 5 }, { milestone: "" }, { milestone: M2 }] }\n',
    'ip: { owner: vendor, license: 5 }\nsecurity: { personal_data: true, data_classification: restricted, breach_notification_hours: 72.5 }\n',
  ];

  it('never throws and never reports a type error as a risk', () => {
    for (const text of shapes) {
      for (const id of myRules) {
        assert.doesNotThrow(() => check(id, text), `${id} on ${text}`);
      }
    }
    assert.deepEqual(check('security-breach-notification-slow', shapes[5] ?? ''), [], "a fractional hour count is the schema's to report");
    assert.deepEqual(check('security-ip-ownership-missing', shapes[5] ?? ''), [], "a licence of the wrong type is the schema's to report");
    // `dpa: signed` says it is signed (the schema reports its form); what remains is the missing categories.
    assert.deepEqual(
      check('security-personal-data-without-dpa', shapes[2] ?? '').map((f) => f.path.join('.')),
      ['security.personal_data_categories'],
    );
    assert.deepEqual(check('security-subprocessors-unspecified', shapes[2] ?? ''), []);
  });

  it('still finds what is certain among malformed neighbours', () => {
    assert.deepEqual(
      check('structure-duplicate-id', shapes[4] ?? '').map((f) => f.path.join('/')),
      ['deliverables/5/id', 'success_measures/0/id'],
    );
    assert.deepEqual(
      check('structure-unknown-reference', shapes[4] ?? '').map((f) => f.message),
      [
        'Milestone `M1` lists deliverable `D9`, which does not exist.',
        'Success measure `D1` links to deliverable `D9`, which does not exist.',
        'Milestone `M2` does not exist: the payment at `budget.payments[4]` is released at it.',
      ],
    );
  });
});

describe('security and structure rules on adversarial input', () => {
  const long = 'D'.repeat(100_000);
  const spaces = `D${' '.repeat(100_000)}x`;

  it('handle 100,000-character ids and values in linear time', () => {
    const texts = [
      `deliverables:\n  - { id: D1, title: A }\n  - { id: "${long}", title: B }\n  - { id: "${long}", title: C }\ntimeline:\n  milestones:\n    - { id: M1, name: X, date: 2027-01-01, deliverables: ["${long}1", "${spaces}"] }\n`,
      `security:\n  data_classification: "${spaces}"\n  personal_data: true\n  breach_notification_hours: 1${'0'.repeat(400)}\nvendor:\n  name: "${long}"\n  nda: { signed: true, date: "${spaces}" }\n  references: [{ company: "${long}" }]\n`,
    ];
    for (const text of texts) {
      assertLinearLike('security and structure rules', text, () => timeRules(myRules, text), linearFactor);
      for (const id of myRules) {
        for (const finding of check(id, text)) {
          assert.ok(finding.message.length < 300, `${id}: a ${finding.message.length}-character message`);
          for (const line of [...(finding.facts ?? []), ...(finding.fixes ?? []).map((f) => f.title)]) {
            assert.ok(line.length < 600, `${id}: a ${line.length}-character fact or title`);
          }
        }
      }
    }
  });

  it('keep suggestions and facts short when a file repeats one id thousands of times', () => {
    const items = Array.from({ length: 3000 }, (_, i) => `  - { id: D1, title: T${i} }`).join('\n');
    const refs = Array.from({ length: 3000 }, (_, i) => `X${i}`).join(', ');
    const text = `deliverables:\n${items}\ntimeline:\n  milestones:\n    - { id: M1, name: X, date: 2027-01-01, deliverables: [${refs}] }\n`;
    assertLinearLike(
      'structure rules on 3,000 repeated ids',
      text,
      () => timeRules(['structure-duplicate-id', 'structure-unknown-reference'], text),
      linearFactor,
    );
    const doc = new ScopeDocument('file:///t.scope.yaml', 1, text);
    const duplicates = check('structure-duplicate-id', doc);
    const unknown = check('structure-unknown-reference', doc);
    assert.equal(duplicates.length, 2999);
    assert.equal(new Set(duplicates.map((f) => f.fixes?.[0]?.title)).size, 2999, 'every rename is distinct');
    assert.ok((duplicates[0]?.facts?.[0]?.length ?? 0) < 400);
    assert.equal(unknown.length, 3000);
    assert.ok(unknown.every((f) => (f.fixes?.length ?? 0) <= 2));
  });
});

describe('security and structure fixes never assert a fact', () => {
  it('no fix writes `signed: true` or claims a date', () => {
    const texts = [
      risky,
      fullWith(['  nda: { signed: true, date: 2027-01-12, mutual: true }\n', ''], ['  dpa: { signed: true, date: 2027-02-01 }\n', '']),
    ];
    for (const text of texts) {
      for (const id of myRules) {
        for (const finding of check(id, text)) {
          for (const fix of finding.fixes ?? []) {
            assert.notEqual(fix.applicability, 'safe', `${id}: "${fix.title}" needs a person's judgement`);
            for (const op of fix.ops) {
              const value = 'value' in op ? op.value : '';
              assert.doesNotMatch(value, /signed: true|\d{4}-\d{2}-\d{2}/, `${id}: ${fix.title}`);
            }
          }
        }
      }
    }
  });
});
