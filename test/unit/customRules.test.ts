// custom_rules in .scope-lint.yaml: an organisation's own checks as data (given / when / then).
// The findings a user sees (id, severity, range, message), suppressed like built-in ones, in the
// register; and every mistake in a rule is a config problem on its line, never a crash.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { parseConfig, type LoadedConfig } from '../../server/src/config';
import { fileReport } from '../../server/src/service/report/fileReport';
import { registerMarkdown } from '../../server/src/service/report/register';
import { mergeSettings } from '../../server/src/service/settings';
import { validate } from '../../server/src/service/validate';
import { ScopeDocument } from '../../server/src/service/document';
import { analyzeText, testToday } from '../support/analyze';
import { fixturesDir } from '../support/paths';

const full = readFileSync(join(fixturesDir, 'golden', 'full.scope.yaml'), 'utf8');
const policyDir = join(fixturesDir, 'policy');
const policy = loadPolicy();

function loadPolicy(): LoadedConfig {
  const path = join(policyDir, '.scope-lint.yaml');
  return parseConfig(readFileSync(path, 'utf8'), path);
}

/** `line:col-line:col severity code message` for the custom rules' diagnostics (1-based). */
function custom(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics
    .filter((d) => String(d.code).startsWith('acme-'))
    .map(
      (d) =>
        `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.severity} ${String(d.code)} ${d.message}`,
    );
}

const withoutIso = full.replace(/^ {4}- \{ name: "ISO\/IEC 27001:2022".*\n/m, '');
const over250k = full.replace(/^ {2}total: 240000$/m, '  total: 300000');
const iso = 'Confidential or restricted data needs a vendor with a current ISO/IEC 27001 certificate (ISO/IEC 27036-2 supplier security).';
const steering = 'A budget above 250,000 needs a steering committee that meets at least quarterly (PMBOK Guide, governance).';

describe('custom rules: the policy examples', () => {
  it('the policy loads with no problems: its own rule and the two it extends', () => {
    assert.deepEqual(policy.problems, []);
    assert.deepEqual(
      policy.settings.customRules?.map((r) => r.id),
      ['acme-iso-27001-required', 'acme-steering-over-250k', 'acme-criteria-two-or-more'],
    );
  });

  it('confidential data without an ISO/IEC 27001 certificate: an error on vendor.certifications', () => {
    assert.ok(withoutIso !== full);
    assert.deepEqual(custom(analyzeText(withoutIso, policy.settings).diagnostics), [
      `25:5-25:54 1 acme-iso-27001-required ${iso} (\`vendor.certifications\` does not match the policy: must contain at least 1 valid item(s).)`,
    ]);
  });

  it('with the certificate, or with data that is not confidential, nothing', () => {
    assert.deepEqual(custom(analyzeText(full, policy.settings).diagnostics), []);
    const internal = withoutIso.replace('data_classification: confidential', 'data_classification: internal');
    assert.deepEqual(custom(analyzeText(internal, policy.settings).diagnostics), []);
  });

  it('no certifications at all with restricted data: on the vendor key, where they would go', () => {
    const none = full
      .replace(/^ {2}certifications:\n(?: {4}- .*\n)+/m, '')
      .replace('data_classification: confidential', 'data_classification: restricted');
    assert.deepEqual(custom(analyzeText(none, policy.settings).diagnostics), [
      `13:1-13:7 1 acme-iso-27001-required ${iso} (\`vendor.certifications\` is missing.)`,
    ]);
  });

  it('a budget above 250,000 without a steering committee: a warning on the governance key', () => {
    const noSteering = over250k.replace(/^ {2}steering: .*\n/m, '');
    assert.deepEqual(custom(analyzeText(noSteering, policy.settings).diagnostics), [
      `127:1-127:11 2 acme-steering-over-250k ${steering} (\`governance.steering\` is missing.)`,
    ]);
    // With one, or at 240,000 (the rule does not apply), nothing.
    assert.deepEqual(custom(analyzeText(over250k, policy.settings).diagnostics), []);
    assert.deepEqual(custom(analyzeText(full.replace(/^ {2}steering: .*\n/m, ''), policy.settings).diagnostics), []);
  });

  it('`[]` checks every item: a deliverable with one criterion is reported on its criteria', () => {
    const one =
      'deliverables:\n  - id: D1\n    title: Portal\n    acceptance_criteria: [Loads in under 2 s at p95]\n  - id: D2\n    title: Docs\n    acceptance_criteria: [A, B]\n';
    assert.deepEqual(
      analyzeText(one, policy.settings)
        .diagnostics.filter((d) => d.code === 'acme-criteria-two-or-more')
        .map((d) => [d.range.start.line, d.range.start.character, d.severity, d.message, d.codeDescription]),
      [
        [
          3,
          25,
          3,
          "Each deliverable needs at least two acceptance criteria, so acceptance is not one person's judgement. (`deliverables[0].acceptance_criteria` does not match the policy: must NOT have fewer than 2 items.)",
          undefined,
        ],
      ],
    );
  });

  it('a suppression comment with a reason accepts it, and the register lists it as accepted', () => {
    const noSteering = over250k.replace(
      /^governance:\n {2}check_in_cadence/m,
      '# scope-lint-disable-next-line acme-steering-over-250k -- the sponsor chairs a monthly review instead\ngovernance:\n  check_in_cadence',
    );
    const text = noSteering.replace(/^ {2}steering: .*\n/m, '');
    const settings = mergeSettings({ today: testToday }, policy.settings);
    const doc = new ScopeDocument('file:///x.scope.yaml', 1, text, settings.limits);
    const analysis = validate(doc, settings);
    assert.deepEqual(custom(analysis.diagnostics), []);
    assert.ok(!analysis.diagnostics.some((d) => String(d.code).startsWith('suppression/')), 'the comment names a known rule');
    assert.deepEqual(
      analysis.accepted.map((a) => [a.ruleId, a.reason]),
      [['acme-steering-over-250k', 'the sponsor chairs a monthly review instead']],
    );
    const register = registerMarkdown([{ name: 'x.scope.yaml', report: fileReport(doc, analysis, settings) }], { version: '0.0.0' });
    // In its area, with its title, the reason it was accepted, and among the checks that ran.
    assert.match(
      register,
      /## Lack of expertise and oversight\n(?:.*\n)*?\| R1 \| warning \| \*\*Steering committee above 250,000\*\*: A budget above 250,000 needs a steering committee[^\n]*\(`acme-steering-over-250k`\) \|[^\n]*\| Accepted: the sponsor chairs a monthly review instead \(no approver named, no expiry\) \| 128 \|/,
    );
    assert.match(
      register,
      /\| Lack of expertise and oversight \| Steering committee above 250,000 \(`acme-steering-over-250k`\) \| 1 accepted \|/,
    );
  });

  it('an open finding is in the register in its area', () => {
    const settings = mergeSettings({ today: testToday }, policy.settings);
    const doc = new ScopeDocument('file:///x.scope.yaml', 1, withoutIso, settings.limits);
    const register = registerMarkdown([{ name: 'x.scope.yaml', report: fileReport(doc, validate(doc, settings), settings) }], {
      version: '0.0.0',
    });
    assert.match(
      register,
      /## Security threats\n(?:.*\n)*?\| R1 \| error \| \*\*ISO\/IEC 27001 certificate for confidential data\*\*: [^\n]*\(`acme-iso-27001-required`\) \|[^\n]*\| Open \| 25 \|/,
    );
    assert.match(
      register,
      /\| Security threats \| ISO\/IEC 27001 certificate for confidential data \(`acme-iso-27001-required`\) \| 1 open \|/,
    );
  });

  it('`rules:` sets the severity of a custom rule the file or a policy it extends defines; other unknown ids are still problems', () => {
    const path = join(policyDir, 'local.yaml');
    const config = parseConfig(
      'extends: ./acme-policy.yaml\nrules:\n  acme-iso-27001-required: off\n  acme-steering-over-250k: error\n  acme-nope: off\n',
      path,
    );
    assert.deepEqual(
      config.problems.map((p) => `${p.range.start.line + 1} ${p.message}`),
      ['5 Unknown rule id `acme-nope` in `rules`.'],
    );
    assert.deepEqual(config.settings.rules, { 'acme-iso-27001-required': 'off', 'acme-steering-over-250k': 'error' });
    const both = withoutIso.replace(/^ {2}total: 240000$/m, '  total: 300000').replace(/^ {2}steering: .*\n/m, '');
    assert.deepEqual(
      custom(analyzeText(both, config.settings).diagnostics).map((d) => d.split(' ').slice(0, 3).join(' ')),
      ['126:1-126:11 1 acme-steering-over-250k'],
    );
  });
});

describe('custom rules: mistakes are config problems on their line', () => {
  const at = join(policyDir, 'mistakes.yaml');
  const problems = (text: string): string[] => parseConfig(text, at).problems.map((p) => `${p.range.start.line + 1} ${p.message}`);
  const rule = (fields: string): string => `custom_rules:\n  - id: acme-x\n    severity: warning\n    message: Policy.\n${fields}`;

  it('a path the scope format does not have, with a guess', () => {
    assert.deepEqual(problems(rule('    given: vendor.certificatons\n    then: { type: array }\n')), [
      '5 `given` names a key a scope file does not have, so the rule would never find anything: no `certificatons` under `vendor`. Did you mean `certifications`?',
    ]);
  });

  it('a path that is not a path', () => {
    assert.deepEqual(problems(rule('    given: "vendor..name"\n    then: {}\n')), [
      '5 `given` is not a path into the scope file: write keys separated by dots, with `[]` after a list for every item (`deliverables[].acceptance_criteria`).',
    ]);
  });

  it('a schema ajv refuses (strict: an unknown keyword; a remote $ref)', () => {
    assert.deepEqual(problems(rule('    given: vendor\n    then: { type: object, requird: [name] }\n')), [
      '6 `then` is not a valid JSON Schema: strict mode: unknown keyword: "requird".',
    ]);
    assert.deepEqual(problems(rule('    given: vendor\n    when: { $ref: "https://example.com/s.json" }\n    then: {}\n')), [
      "6 `when` is not a valid JSON Schema: can't resolve reference https://example.com/s.json from id #.",
    ]);
  });

  it('an id of a built-in rule, and an id used twice (across extends too)', () => {
    assert.deepEqual(problems('custom_rules:\n  - { id: security-nda-missing, severity: error, message: X., given: vendor, then: {} }\n'), [
      '2 This custom rule takes the id of a built-in rule: give it an id of its own instead of `security-nda-missing`.',
    ]);
    const twice = parseConfig(
      'extends: ./acme-policy.yaml\ncustom_rules:\n  - { id: acme-steering-over-250k, severity: error, message: X., given: vendor, then: {} }\n',
      at,
    );
    assert.deepEqual(
      twice.problems.map((p) => `${p.range.start.line + 1} ${p.message}`),
      [
        `3 Another custom rule already has the id \`acme-steering-over-250k\`: it is at ${join(policyDir, 'acme-policy.yaml')}, line 25; give each rule its own id.`,
      ],
    );
    assert.deepEqual(
      twice.settings.customRules?.map((r) => r.severity),
      ['error', 'warning'],
      'the first one still runs',
    );
  });

  it('a huge schema, and too many rules', () => {
    const huge = JSON.stringify({ enum: Array.from({ length: 3000 }, (_, i) => `value-${i}`) });
    assert.deepEqual(problems(rule(`    given: vendor.name\n    then: ${huge}\n`)), [
      "6 `then` is too large for a rule's schema: 37 KB as JSON, at most 16 KB.",
    ]);
    const many = `custom_rules:\n${Array.from({ length: 101 }, (_, i) => `  - { id: acme-r${i}, severity: info, message: X., given: vendor, then: {} }\n`).join('')}`;
    assert.deepEqual(problems(many), ['2 `custom_rules` must NOT have more than 100 items.']);
  });

  it('a missing key and a bad severity or area are schema problems', () => {
    assert.deepEqual(problems('custom_rules:\n  - { id: acme-y, severity: fatal, area: legal, message: X., given: vendor }\n'), [
      '2 `custom_rules[0]` is missing the required key `then`.',
      '2 `custom_rules[0].severity` is not one of the allowed values: use `hint`, `info`, `warning` or `error`.',
      '2 `custom_rules[0].area` is not one of the allowed values: use `security`, `expertise` or `cost`.',
    ]);
  });

  it('a rule with a problem does not run; the others do, and checking never throws', () => {
    const config = parseConfig(
      'custom_rules:\n  - { id: acme-bad, severity: error, message: X., given: vendor, then: { type: nothing } }\n  - { id: acme-good, severity: error, message: Name the vendor., given: vendor.name, then: { type: string } }\n',
      at,
    );
    assert.deepEqual(
      config.settings.customRules?.map((r) => r.id),
      ['acme-good'],
    );
    const { diagnostics } = analyzeText('vendor:\n  contact: a@b.example\n', config.settings);
    assert.deepEqual(
      diagnostics.filter((d) => String(d.code).startsWith('acme-')).map((d) => [d.code, d.range.start.line, d.message]),
      [['acme-good', 0, 'Name the vendor. (`vendor.name` is missing.)']],
    );
  });
});
