// expertise-acceptance-criteria-subjective on how acceptance happens (issue 10): a sign-off, an
// approval, an agreement or a UAT on its own ("signed off by the CFO", "agreed between the
// parties", "UAT passed") is reported with its own message; after an objective check in the same
// criterion (tests or a checklist in a named document, no open critical defects, a demonstration
// done unaided) a sign-off by a named role only records who accepts. Preference and looks are
// opinions. Each case asserts the exact message and the range a user sees.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { afterFix, analyzeText } from '../support/analyze';
import { fullWith } from '../support/ruleCheck';

const ruleId = 'expertise-acceptance-criteria-subjective';
const criterion = '      - All 42 test cases in Annex B pass on staging.\n';

/** The document with the first criterion of D2 replaced by `text`. */
const withCriterion = (text: string): string => fullWith([criterion, `      - ${text}\n`]);

/** The rule's findings on the document with that criterion. */
function findings(text: string): Diagnostic[] {
  return analyzeText(withCriterion(text)).diagnostics.filter((d) => d.code === ruleId);
}

function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : String(d.message);
}

/** The criterion's line in the document, and its range on that line (after `      - `). */
function rangeOf(text: string): Diagnostic['range'] {
  const line = withCriterion(text)
    .split('\n')
    .findIndex((l) => l === `      - ${text}`);
  return { start: { line, character: 8 }, end: { line, character: 8 + text.length } };
}

const processMessage = (words: string): string =>
  `Acceptance of \`D2\` rests on "${words}" alone: the criterion names no test, document or check to pass first.`;
const opinionMessage = (words: string): string => `Acceptance of \`D2\` depends on opinion: "${words}", with no number to test against.`;

describe('expertise-acceptance-criteria-subjective: sign-off, approval, agreement and UAT', () => {
  it('reports a sign-off with nothing checked, on the criterion, naming the sign-off', () => {
    const text = 'Signed off by the CFO';
    const [d, ...rest] = findings(text);
    assert.ok(d);
    assert.deepEqual(rest, []);
    assert.equal(messageOf(d), processMessage('Signed off'));
    assert.deepEqual(d.range, rangeOf(text));
  });

  it('reports acceptance by a committee, an agreement between the parties and a UAT with no test cases', () => {
    for (const [text, words] of [
      ['Cut-over accepted by the steering committee', 'accepted by'],
      ['Launch plan agreed between the parties', 'agreed between'],
      ['Scope of the pilot mutually agreed', 'mutually agreed'],
      ['Handover signed off by the Head of Infrastructure', 'signed off'],
      ['Signed off by the Head of Finance after the parallel run', 'Signed off'],
      ['UAT passed', 'UAT passed'],
      ['UAT completed', 'UAT completed'],
      ['Passes UAT', 'Passes UAT'],
      ['User acceptance testing passed', 'User acceptance testing passed'],
      ['Successful UAT', 'Successful UAT'],
      ['Look and feel approved by marketing', 'Look and feel'],
    ] as const) {
      const found = findings(text);
      assert.equal(found.length, 1, text);
      const [d] = found;
      assert.ok(d);
      assert.equal(messageOf(d), processMessage(words), text);
      assert.deepEqual(d.range, rangeOf(text), text);
    }
  });

  it('leaves a sign-off by a named person alone after an objective check in the same criterion', () => {
    for (const text of [
      'All runbooks in Annex B rehearsed with our on-call team and signed off by Siobhan Kelly.',
      'The acceptance tests in Annex D pass in every store of the wave and the regional IT lead signs off the results.',
      'The cut-over checklist in Appendix C is completed at each store without open items and signed off by the store manager.',
      'Sign-off by Karin Holm once the acceptance tests in Annex D pass',
      'Signed off by the product owner against the test plan',
      'UAT passed with no critical defects open',
      'UAT scripts in Annex D pass in the pilot store',
      'All acceptance tests in Annex D pass',
      'Approved by our operations lead after the team restores a backup unaided',
    ]) {
      assert.deepEqual(findings(text), [], text);
    }
  });

  it('reads "no critical defects open" as a check, not an opinion', () => {
    for (const text of [
      'No critical defects open at go-live',
      'No open critical or high findings in the retest report',
      'Zero high findings',
    ]) {
      assert.deepEqual(findings(text), [], text);
    }
  });
});

describe('expertise-acceptance-criteria-subjective: boilerplate acceptance wording', () => {
  it('reports acceptance as a noun, approval in writing and QA with no tests, as the process alone', () => {
    for (const [text, words] of [
      ['Client approval', 'Client approval'],
      ['Steering group approval', 'group approval'],
      ['Formal acceptance by the customer', 'Formal acceptance'],
      ['Operations manual approved in writing by the Head of Claims', 'approved in writing'],
      ['Acceptance certificate issued', 'Acceptance certificate'],
      ['QA passed', 'QA passed'],
      ['Passes QA', 'Passes QA'],
    ] as const) {
      const found = findings(text);
      assert.equal(found.length, 1, text);
      const [d] = found;
      assert.ok(d);
      assert.equal(messageOf(d), processMessage(words), text);
      assert.deepEqual(d.range, rangeOf(text), text);
    }
  });

  it('reports an unnamed practice, an unmeasured success or test, and circular criteria as opinions', () => {
    for (const [text, words] of [
      ['Built in line with good industry practice', 'good industry practice'],
      ['Interface fully tested', 'fully tested'],
      ['Models are fit for their intended purpose', 'fit for their intended purpose'],
      ['Successful pilot in the Linz post room', 'Successful'],
      ['The data is trustworthy', 'trustworthy'],
      ['Report accepted without major comments', 'without major comments'],
      ['Clean and modern design', 'modern design'],
    ] as const) {
      const found = findings(text);
      assert.equal(found.length, 1, text);
      const [d] = found;
      assert.ok(d);
      assert.equal(messageOf(d), opinionMessage(words), text);
      assert.deepEqual(d.range, rangeOf(text), text);
    }
    const circular = 'Meets the acceptance criteria';
    const [d] = findings(circular);
    assert.ok(d);
    assert.equal(messageOf(d), opinionMessage(circular));
    assert.deepEqual(findings('Meets the acceptance criteria in Annex B'), []);
  });

  it('leaves approval that is a fact of the world, and criteria checked against a sample, alone', () => {
    for (const text of [
      'Both apps are approved and live in the App Store and Google Play.',
      'At least 95% of the fields in the 600-letter sample in Annex C are read correctly.',
      'Client approval recorded after the acceptance tests in Annex D pass',
    ]) {
      assert.deepEqual(findings(text), [], text);
    }
  });
});

describe('expertise-acceptance-criteria-subjective: preference and looks', () => {
  it('reports preference and looks, naming the opinion rather than the process around it', () => {
    for (const [text, words] of [
      ['Finance users prefer the new packs to the Excel versions', 'prefer the'],
      ['The new design is preferred by the marketing team', 'preferred by'],
      ['Meets the preferences of the store managers', 'preferences'],
      ['Look and feel is visually appealing and on-brand', 'visually appealing'],
      ['The home screen is attractive', 'attractive'],
      ['Design signed off by marketing and looks polished', 'looks polished'],
    ] as const) {
      const found = findings(text);
      assert.equal(found.length, 1, text);
      const [d] = found;
      assert.ok(d);
      assert.equal(messageOf(d), opinionMessage(words), text);
      assert.deepEqual(d.range, rangeOf(text), text);
    }
  });

  it('leaves looks checked against a named document alone', () => {
    assert.deepEqual(findings('Look and feel matches the brand guidelines in Annex F'), []);
  });
});

describe('expertise-acceptance-criteria-subjective: criteria written as one sentence', () => {
  const block =
    '    acceptance_criteria:\n      - All 42 test cases in Annex B pass on staging.\n      - Zero critical or high findings in an OWASP ZAP baseline scan.\n      - 0 WCAG 2.1 AA errors reported by pa11y on the 12 pages in Annex C.\n';

  it('reads the sentence as one criterion, beside the schema error that it is not a list (fail safe)', () => {
    const sentence = 'Migrated to the satisfaction of the finance team';
    const text = fullWith([block, `    acceptance_criteria: ${sentence}\n`]);
    const all = analyzeText(text).diagnostics;
    const [d, ...rest] = all.filter((x) => x.code === ruleId);
    assert.ok(d);
    assert.deepEqual(rest, []);
    assert.equal(messageOf(d), opinionMessage('satisfaction'));
    const line = text.split('\n').findIndex((l) => l === `    acceptance_criteria: ${sentence}`);
    const column = '    acceptance_criteria: '.length;
    assert.deepEqual(d.range, { start: { line, character: column }, end: { line, character: column + sentence.length } });
    const type = all.find((x) => x.code === 'schema/type');
    assert.ok(type, 'the schema still reports the form');
    assert.equal(type.range.start.line, line);
    // The fix writes a list with the template, so the form is fixed too.
    const fixed = afterFix(d, text, 'Replace with a testable criterion ("N of M test cases in <test plan> pass")');
    assert.ok(fixed.includes('    acceptance_criteria: ["TODO: N of M test cases in <test plan> pass"]\n'), fixed);
  });

  it('leaves a testable sentence to the schema alone', () => {
    const text = fullWith([block, '    acceptance_criteria: 0 open Severity 1 defects 14 days after go-live.\n']);
    const all = analyzeText(text).diagnostics;
    assert.deepEqual(
      all.filter((x) => x.code === ruleId),
      [],
    );
    assert.ok(all.some((x) => x.code === 'schema/type'));
  });
});
