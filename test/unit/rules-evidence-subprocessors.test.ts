// security-subprocessors-unspecified: the answer read as leads write it. Approval denied in words
// ("no", "notification only"), sub-processors named with no word on approval, a blank list,
// `sub_processors: none`, a sentence: the message and range a user sees, one name or several.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { diagnosticsOf, factsOf, onlyDiagnostic, rangeOfNeedle, resolvedFixesOf } from '../support/analyze';
import { fullWith } from '../support/ruleCheck';

const ruleId = 'security-subprocessors-unspecified';
const line = '  subprocessors: { allowed: true, approval_required: true, list: ["AWS (eu-west-1)"] }\n';
const gdpr =
  'GDPR Art. 28(2): a processor engages another processor only with your prior specific or general written authorisation, and must tell you of changes so that you can object.';

const found = (text: string, code = ruleId): Diagnostic[] => diagnosticsOf(code, text);
const one = (text: string): Diagnostic => onlyDiagnostic(ruleId, text);
/** The range of `needle`, searched from `from` (the `security:` section) on. */
const rangeOf = (text: string, needle: string, from = '\nsecurity:'): Range => rangeOfNeedle(text, needle, from);
const withSub = (block: string): string => fullWith([line, block]);

describe('security-subprocessors-unspecified: approval denied in words', () => {
  it('reads `approval_required: "no"`, `No` and "notification only" as no approval, and quotes them', () => {
    for (const [written, quoted] of [
      ['"no"   # they notify us 30 days ahead', 'no'],
      ['No', 'No'],
      ['notification only', 'notification only'],
      ['Not needed - vendor informs us', 'Not needed - vendor informs us'],
    ] as const) {
      const text = withSub(
        `  subprocessors:\n    allowed: true\n    approval_required: ${written}\n    list: [AWS (eu-west-1), SendGrid]\n`,
      );
      const d = one(text);
      assert.equal(
        d.message,
        `The vendor may add sub-processors without your approval: your data can reach parties you never vetted (\`approval_required\` says "${quoted}").`,
        written,
      );
      assert.equal(d.severity, 2);
      assert.deepEqual(d.range, rangeOf(text, written.replace(/ {3}#.*/, '')), written);
      assert.deepEqual(factsOf(d), [gdpr]);
      assert.equal(resolvedFixesOf(d)[0]?.title, 'Require your approval for each sub-processor');
    }
  });

  it('reads the first word of an answer that begins yes or no, and counts a right to object as approval', () => {
    for (const block of [
      '  subprocessors: { allowed: true, approval_required: "Yes - 30 days notice, right to object", list: [AWS] }\n',
      '  subprocessors: { allowed: true, approval_required: notice with a right to object, list: [AWS] }\n',
      '  subprocessors: General authorisation; 30 days notice and a right to object\n',
    ])
      assert.deepEqual(found(withSub(block)), [], block);
    assert.equal(
      one(withSub('  subprocessors: { allowed: true, approval_required: "No, notice only", list: [AWS] }\n')).message,
      'The vendor may add sub-processors without your approval: your data can reach parties you never vetted (`approval_required` says "No, notice only").',
    );
    assert.equal(
      one(withSub('  subprocessors: Vendor may appoint any sub-processor without prior approval\n')).message,
      'The scope says "Vendor may appoint any sub-processor without prior approval" about sub-processors, but not that the vendor needs your approval for each one: your data can reach parties you never vetted.',
    );
  });

  it('keeps the message for `approval_required: false`, and reports it even with `allowed` left out', () => {
    const text = withSub('  subprocessors: { approval_required: false, list: [AWS, Twilio] }\n');
    const d = one(text);
    assert.equal(
      d.message,
      'The vendor may add sub-processors without your approval: your data can reach parties you never vetted (`approval_required: false`).',
    );
    assert.deepEqual(d.range, rangeOf(text, 'false', '  subprocessors:'));
  });

  it('takes approval given in words at its word ("Yes", "prior written consent"), and `allowed: No` as none', () => {
    for (const block of [
      '  subprocessors: { allowed: true, approval_required: "Yes", list: [AWS] }\n',
      '  subprocessors: { allowed: true, approval_required: Only with our prior written consent, list: [AWS] }\n',
      '  subprocessors: { allowed: No, approval_required: false }\n',
      '  subprocessors: { allowed: false }\n',
    ])
      assert.deepEqual(found(withSub(block)), [], block);
  });
});

describe('security-subprocessors-unspecified: sub-processors allowed or named, and nothing on approval', () => {
  it('reports named sub-processors with no `approval_required`, on `allowed`, counting one or several', () => {
    const two = withSub('  subprocessors:\n    allowed: true\n    list: [AWS (eu-west-1), SendGrid]\n');
    const d = one(two);
    assert.equal(
      d.message,
      'No approval is agreed for new sub-processors: the scope allows them and names 2, but not whether the vendor needs your approval to add or replace one (`approval_required`).',
    );
    assert.deepEqual(d.range, rangeOf(two, 'true', '    allowed:'));
    const fix = resolvedFixesOf(d)[0];
    assert.equal(fix?.title, 'Require your approval for each sub-processor');
    assert.equal(
      one(withSub('  subprocessors: { allowed: true, list: [Stripe Payments Europe] }\n')).message,
      'No approval is agreed for new sub-processors: the scope allows them and names one, but not whether the vendor needs your approval to add or replace one (`approval_required`).',
    );
  });

  it('reports `allowed: true` alone, and a list with no `allowed`, on the key', () => {
    assert.equal(
      one(withSub('  subprocessors: { allowed: true }\n')).message,
      'No approval is agreed for sub-processors: the scope allows them, but not whether the vendor needs your approval for each one (`approval_required`).',
    );
    const listed = withSub('  subprocessors:\n    list: [Twilio]\n');
    const d = one(listed);
    assert.equal(
      d.message,
      'No approval is agreed for new sub-processors: the scope allows them and names one, but not whether the vendor needs your approval to add or replace one (`approval_required`).',
    );
    assert.deepEqual(d.range, rangeOf(listed, 'subprocessors'));
  });

  it('reports a plain list of names, counting them, on the key', () => {
    const text = withSub('  subprocessors:\n    - AWS (eu-west-1)\n    - SendGrid (email)\n    - Zendesk (support tickets)\n');
    const d = one(text);
    assert.equal(
      d.message,
      'No approval is agreed for new sub-processors: the scope names 3 sub-processors, but not whether the vendor needs your approval to add or replace one.',
    );
    assert.deepEqual(d.range, rangeOf(text, 'subprocessors'));
    assert.equal(
      one(withSub('  subprocessors: [Mailchimp]\n')).message,
      'No approval is agreed for new sub-processors: the scope names 1 sub-processor, but not whether the vendor needs your approval to add or replace one.',
    );
  });

  it('reports a mapping that says neither whether they are allowed nor whether they need approval', () => {
    const text = withSub('  subprocessors: { list: [] }   # ask Northwind\n');
    const d = one(text);
    assert.equal(
      d.message,
      'The scope does not say whether the vendor may pass personal data to sub-processors (`allowed`, `approval_required`).',
    );
    assert.deepEqual(d.range, rangeOf(text, 'subprocessors'));
  });
});

describe('security-subprocessors-unspecified: blank, none, and sentences', () => {
  it('treats a blank list or a blank value as not saying, with the strict default as the fix', () => {
    for (const block of ['  subprocessors: []\n', '  subprocessors:\n']) {
      const d = one(withSub(block));
      assert.equal(d.message, 'The scope does not say whether the vendor may pass personal data to sub-processors.', block);
      assert.equal(resolvedFixesOf(d)[0]?.title, 'Allow no sub-processors without your approval', block);
    }
  });

  it('reads "none" under `subprocessors` or the key people write (`sub_processors: none`) as none allowed', () => {
    for (const block of ['  subprocessors: none\n', '  sub_processors: none\n', '  subprocessors: None - all processing in-house\n'])
      assert.deepEqual(found(withSub(block)), [], block);
    // The schema still says the key is not the format's.
    assert.equal(found(withSub('  sub_processors: none\n'), 'schema/additional-property').length, 1);
  });

  it('reads a sentence for approval: prior approval counts, notice does not', () => {
    assert.deepEqual(found(withSub('  subprocessors: Only with our prior written approval\n')), []);
    const text = withSub('  subcontractors: Allowed; vendor notifies us of changes\n');
    const d = one(text);
    assert.equal(
      d.message,
      'The scope says "Allowed; vendor notifies us of changes" about sub-processors, but not that the vendor needs your approval for each one: your data can reach parties you never vetted.',
    );
    assert.deepEqual(d.range, rangeOf(text, 'Allowed; vendor notifies us of changes'));
    assert.equal(
      one(withSub('  subprocessors: Permitted, no approval needed\n')).message,
      'The scope says "Permitted, no approval needed" about sub-processors, but not that the vendor needs your approval for each one: your data can reach parties you never vetted.',
    );
  });
});
