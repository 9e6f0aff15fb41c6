// Counted words are right for one and for many: each message that renders a count, rendered with
// 1 and with 2 (issue 10: one reference with no `contacted` date must not read "have").
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { plural } from '../../server/src/service/plural';
import type { PartialSettings } from '../../server/src/service/settings';
import { analyzeText, factsOf } from '../support/analyze';
import { fixturesDir, repoRoot } from '../support/paths';

const minimal = readFileSync(join(fixturesDir, 'golden', 'minimal.scope.yaml'), 'utf8');

function withText(from: string, to: string, text = minimal): string {
  assert.ok(text.includes(from), `the scope has ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

/** The messages (and hover facts) of one code on a text. */
function said(code: string, text: string, settings: PartialSettings = {}): string[] {
  return analyzeText(text, settings)
    .diagnostics.filter((d) => d.code === code)
    .flatMap((d) => [String(d.message), ...(factsOf(d) ?? [])]);
}

const reference = '    - { company: Acme Retail, contact: cto@acme.example, contacted: 2027-02-18 }\n';
const uncontacted = (n: number): string =>
  withText(reference, Array.from({ length: n }, (_, i) => `    - { company: Client ${i + 1}, contact: c${i + 1}@x.example }\n`).join(''));
const keyRoles = (n: number): string =>
  withText('  references:\n', `  key_personnel:\n${'    - { role: Developer, name: "" }\n'.repeat(n)}  references:\n`);
const changeRaised = (raised: string): string =>
  `${minimal}changes:\n  - { id: CR1, raised: ${raised}, summary: Add a CSV export, status: proposed, cost_impact: 1000, schedule_impact_days: 0 }\n`;
const questionnaire = withText(
  '  references:\n',
  '  security_questionnaire: { type: SIG Lite, completed: 2026-10-01 }\n  references:\n',
  withText('  data_classification: internal\n', '  data_classification: confidential\n'),
);

interface Case {
  readonly name: string;
  readonly code: string;
  /** The text (and settings) with a count of 1 and of 2. */
  readonly one: readonly [string, PartialSettings?];
  readonly two: readonly [string, PartialSettings?];
  /** What is said with 1 and with 2 (a message or hover fact, in full). */
  readonly saysOne: string;
  readonly saysTwo: string;
}

const cases: Case[] = [
  {
    name: 'references with no `contacted` date',
    code: 'security-references-missing',
    one: [uncontacted(1)],
    two: [uncontacted(2)],
    saysOne: 'The vendor reference has no `contacted` date: there is no record that anyone called it.',
    saysTwo: 'None of the 2 vendor references has a `contacted` date: there is no record that anyone called them.',
  },
  {
    name: 'key roles with no name',
    code: 'expertise-key-personnel-missing',
    one: [keyRoles(1)],
    two: [keyRoles(2)],
    saysOne: 'The key role names nobody: no one is committed to the work (`name` is empty).',
    saysTwo: 'None of the 2 key roles names a person: no one is committed to the work (`name` is empty).',
  },
  {
    name: 'days a change request waited, and the days allowed',
    code: 'governance-change-decision-overdue',
    one: [changeRaised('2027-01-02'), { thresholds: { maxProposedChangeDays: 1 } }],
    two: [changeRaised('2027-01-01'), { thresholds: { maxProposedChangeDays: 2 } }],
    saysOne:
      'Change `CR1` has waited 2 days for a decision, over the 1 day allowed: raised 2027-01-02; decide it before work starts on it anyway.',
    saysTwo:
      'Change `CR1` has waited 3 days for a decision, over the 2 days allowed: raised 2027-01-01; decide it before work starts on it anyway.',
  },
  {
    name: 'the age of a security questionnaire in months',
    code: 'security-attestation-missing',
    one: [questionnaire, { thresholds: { attestationMaxAgeMonths: 1 } }],
    two: [questionnaire, { thresholds: { attestationMaxAgeMonths: 2 } }],
    saysOne:
      'No current security evidence for sensitive data: the questionnaire is over 1 month old on 2027-03-01, and there is no certification.',
    saysTwo:
      'No current security evidence for sensitive data: the questionnaire is over 2 months old on 2027-03-01, and there is no certification.',
  },
  {
    name: 'business days of acceptance review',
    code: 'schedule-acceptance-window-overrun',
    one: [withText('    due: 2027-04-30\n', '    due: 2027-05-31\n'), { thresholds: { defaultReviewDays: 1 } }],
    two: [withText('    due: 2027-04-30\n', '    due: 2027-05-31\n'), { thresholds: { defaultReviewDays: 2 } }],
    saysOne: 'Review window: 1 business day (the `defaultReviewDays` setting, as `acceptance.review_days` is not set).',
    saysTwo: 'Review window: 2 business days (the `defaultReviewDays` setting, as `acceptance.review_days` is not set).',
  },
];

describe('counted words read right with 1 and with 2', () => {
  it('plural() itself', () => {
    assert.deepEqual(
      [plural(1, 'day'), plural(2, 'day'), plural(0, 'day'), plural(-1, 'day'), plural(1, 'business day'), plural(2, 'entry', 'entries')],
      ['1 day', '2 days', '0 days', '-1 day', '1 business day', '2 entries'],
    );
  });

  for (const c of cases) {
    it(c.name, () => {
      assert.ok(said(c.code, ...c.one).includes(c.saysOne), `with 1: ${said(c.code, ...c.one).join(' | ')}`);
      assert.ok(said(c.code, ...c.two).includes(c.saysTwo), `with 2: ${said(c.code, ...c.two).join(' | ')}`);
    });
  }

  it('no message or fact on the corpus and fixtures, with every count threshold at 1, reads "1 days" or "None of the 1"', () => {
    const ones: PartialSettings = {
      thresholds: { attestationMaxAgeMonths: 1, defaultReviewDays: 1, maxProposedChangeDays: 1, maxCheckInDays: 1 },
    };
    const wrong =
      /\b(?:1|one) (?:days|months|weeks|hours|business days|items|payments|milestones|deliverables|references|roles|amounts|checks|findings|sections|entries)\b|\bNone of the 1\b|\b1 [a-z]+s (?:have|are|were)\b/;
    const files = [join(repoRoot, 'test', 'corpus'), join(fixturesDir, 'rules'), join(fixturesDir, 'golden')].flatMap(scopeFiles);
    assert.ok(files.length > 50, `found ${files.length} files`);
    const found: string[] = [];
    for (const file of files) {
      for (const settings of [{}, ones]) {
        for (const d of analyzeText(readFileSync(file, 'utf8'), settings).diagnostics) {
          for (const text of [String(d.message), ...(factsOf(d) ?? [])]) if (wrong.test(text)) found.push(`${file}: ${text}`);
        }
      }
    }
    assert.deepEqual(found, []);
  });
});

function scopeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return scopeFiles(path);
    return name.endsWith('.scope.yaml') ? [path] : [];
  });
}
