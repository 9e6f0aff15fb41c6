// Waivers: a suppression's reason may end in `(approved-by: <name>, until: YYYY-MM-DD)`. Until that
// day (the rules' today) it suppresses and the accepted risk carries the approver and the date;
// after it, the finding is back and the comment says who approved it and when it expired. A waiver
// part that cannot be read suppresses nothing and says why.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { ScopeDocument } from '../../server/src/service/document';
import { fileReport } from '../../server/src/service/report/fileReport';
import { renderRegister } from '../../server/src/service/report/register';
import { mergeSettings } from '../../server/src/service/settings';
import { validate } from '../../server/src/service/validate';
import { fixturesDir } from '../support/paths';

const minimal = readFileSync(join(fixturesDir, 'golden', 'minimal.scope.yaml'), 'utf8');
const ndaLine = '  nda: { signed: true, date: 2027-02-20 }';
const unsignedNda = '  nda: { signed: false }';

/** The unsigned-NDA scope with `comment` on the line above the NDA; the comment's line and range. */
function withComment(comment: string): { text: string; line: number; range: Range } {
  const lines = minimal.replace(ndaLine, unsignedNda).split('\n');
  const at = lines.findIndex((l) => l === unsignedNda);
  assert.ok(at > 0);
  lines.splice(at, 0, `  ${comment}`);
  return {
    text: lines.join('\n'),
    line: at,
    range: { start: { line: at, character: 2 }, end: { line: at, character: 2 + comment.length } },
  };
}

function check(
  text: string,
  today: string,
): { diagnostics: readonly Diagnostic[]; doc: ScopeDocument; settings: ReturnType<typeof mergeSettings> } {
  const settings = mergeSettings({ today });
  const doc = new ScopeDocument('file:///plan.scope.yaml', 1, text, settings.limits);
  return { diagnostics: validate(doc, settings).diagnostics, doc, settings };
}

const about = (diagnostics: readonly Diagnostic[], code: string): Diagnostic[] => diagnostics.filter((d) => d.code === code);

describe('waivers: approved-by and until', () => {
  const comment =
    '# scope-lint-disable-next-line security-nda-missing -- signed copy is with legal (approved-by: Jane Doe, until: 2027-03-31)';

  it('suppresses through its until day; the accepted risk carries the reason, approver and date', () => {
    const { text } = withComment(comment);
    for (const today of ['2027-01-04', '2027-03-31']) {
      const settings = mergeSettings({ today });
      const doc = new ScopeDocument('file:///plan.scope.yaml', 1, text, settings.limits);
      const analysis = validate(doc, settings);
      assert.deepEqual(about(analysis.diagnostics, 'security-nda-missing'), [], today);
      assert.deepEqual(
        analysis.diagnostics.filter((d) => String(d.code).startsWith('suppression/')),
        [],
        today,
      );
      assert.deepEqual(
        analysis.accepted.map((a) => [a.ruleId, a.reason, a.approvedBy, a.until]),
        [['security-nda-missing', 'signed copy is with legal', 'Jane Doe', '2027-03-31']],
      );
    }
  });

  it('after its until day it stops suppressing, and says who approved it and when it expired, on the comment', () => {
    const { text, range } = withComment(comment);
    const { diagnostics } = check(text, '2027-04-01');
    assert.equal(about(diagnostics, 'security-nda-missing').length, 1, 'the finding is back');
    assert.equal(about(diagnostics, 'security-nda-missing')[0]?.severity, 1, 'at its own severity');
    const expired = about(diagnostics, 'suppression/expired');
    assert.equal(expired.length, 1);
    assert.deepEqual(expired[0]?.range, range);
    assert.equal(expired[0]?.severity, 2);
    assert.equal(
      expired[0]?.message,
      'This waiver of `security-nda-missing` expired on 2027-03-31 (approved by Jane Doe), so it no longer suppresses anything: the accepted risk needs a fresh decision. Renew the approval with a new `until:` date, or fix the risk.',
    );
    assert.deepEqual(about(diagnostics, 'suppression/unused'), [], 'not also called unused');
  });

  it('an approver or an expiry alone is a waiver too; other parentheses are reason text', () => {
    for (const [reason, approvedBy, until, kept] of [
      ['signed copy is with legal (approved-by: CFO)', 'CFO', undefined, 'signed copy is with legal'],
      ['signed copy is with legal (until: 2027-02-01)', undefined, '2027-02-01', 'signed copy is with legal'],
      ['signed copy is with legal (see ticket LEG-12)', undefined, undefined, 'signed copy is with legal (see ticket LEG-12)'],
    ] as const) {
      const { text } = withComment(`# scope-lint-disable-next-line security-nda-missing -- ${reason}`);
      const settings = mergeSettings({ today: '2027-01-04' });
      const analysis = validate(new ScopeDocument('file:///plan.scope.yaml', 1, text, settings.limits), settings);
      assert.deepEqual(
        analysis.accepted.map((a) => [a.reason, a.approvedBy, a.until]),
        [[kept, approvedBy, until]],
        reason,
      );
    }
  });

  it('a malformed waiver part is reported on the comment and suppresses nothing', () => {
    const cases: [string, string][] = [
      ['(approved_by: Jane Doe, until: 2027-03-31)', '"approved_by: Jane Doe" is not `approved-by: <name>` or `until: YYYY-MM-DD`'],
      ['(approved-by: Jane Doe, until: 2027-02-30)', '`until` is not a calendar date written YYYY-MM-DD ("2027-02-30")'],
      ['(approved-by: Jane Doe, until: 31/03/2027)', '`until` is not a calendar date written YYYY-MM-DD ("31/03/2027")'],
      ['(approved-by: <name>, until: 2027-03-31)', '`approved-by` names nobody ("<name>" is a placeholder)'],
      ['(approved-by: , until: 2027-03-31)', '`approved-by` names nobody (it is empty)'],
      ['(approved-by: A, approved-by: B)', '`approved-by` twice'],
      ['(approved by Jane Doe)', '"approved by Jane Doe" is not `approved-by: <name>` or `until: YYYY-MM-DD`'],
      [
        '(approved-by: Jane Doe (CFO), until: 2027-03-31)',
        'the waiver part must close the reason, in one pair of parentheses with none inside: (approved-by: <name>, until: YYYY-MM-DD)',
      ],
    ];
    for (const [part, problem] of cases) {
      const { text, range } = withComment(`# scope-lint-disable-next-line security-nda-missing -- signed copy is with legal ${part}`);
      const { diagnostics } = check(text, '2027-01-04');
      assert.equal(about(diagnostics, 'security-nda-missing').length, 1, `${part}: the finding stays`);
      const invalid = about(diagnostics, 'suppression/invalid-waiver');
      assert.equal(invalid.length, 1, part);
      assert.deepEqual(invalid[0]?.range, range, part);
      assert.equal(
        invalid[0]?.message,
        `This waiver's approval part cannot be read, so it suppresses nothing: ${problem}. End the reason with \`(approved-by: <name>, until: YYYY-MM-DD)\`.`,
        part,
      );
    }
  });

  it('applies to the whole-file form too', () => {
    const text = `# scope-lint-disable security-nda-missing -- signed copy is with legal (approved-by: Jane Doe, until: 2027-03-31)\n${minimal.replace(ndaLine, unsignedNda)}`;
    assert.equal(about(check(text, '2027-03-31').diagnostics, 'security-nda-missing').length, 0);
    const after = check(text, '2027-04-01').diagnostics;
    assert.equal(about(after, 'security-nda-missing').length, 1);
    assert.deepEqual(about(after, 'suppression/expired')[0]?.range, {
      start: { line: 0, character: 0 },
      end: { line: 0, character: text.indexOf('\n') },
    });
  });

  it('the register lists the waiver with reason, approver and expiry in markdown, csv and html', () => {
    const { text, line } = withComment(comment);
    const { doc, settings } = check(text, '2027-01-04');
    const report = fileReport(doc, validate(doc, settings), settings);
    const files = [{ name: 'plan.scope.yaml', report }];
    const markdown = renderRegister('markdown', files, { version: '0.0.0' });
    assert.match(markdown, /\| Accepted: signed copy is with legal \(approved by Jane Doe, until 2027-03-31\) \| \d+ \|$/m);
    const csv = renderRegister('csv', files, { version: '0.0.0' }).split('\r\n');
    assert.match(csv[0] ?? '', /,Status,Line,Rule,Approved by,Accepted until$/);
    const row = csv.find((r) => r.includes(',security-nda-missing,'));
    assert.ok(
      (row ?? '').endsWith(
        ',"Accepted: signed copy is with legal (approved by Jane Doe, until 2027-03-31)",10,security-nda-missing,Jane Doe,2027-03-31',
      ),
      row,
    );
    // Passed checks have the two cells too, empty.
    assert.ok(csv.some((r) => r.endsWith(',Passed,,,,')));
    const html = renderRegister('html', files, { version: '0.0.0' });
    assert.ok(
      html.includes(
        '<span class="label">Accepted because:</span> signed copy is with legal</p><p class="waiver"><span class="label">Waiver:</span> approved by Jane Doe, until 2027-03-31</p>',
      ),
    );
    assert.ok(line > 0);
  });

  it('the register says when an accepted risk has no approver or expiry', () => {
    const { text } = withComment('# scope-lint-disable-next-line security-nda-missing -- signed copy is with legal');
    const { doc, settings } = check(text, '2027-01-04');
    const files = [{ name: 'plan.scope.yaml', report: fileReport(doc, validate(doc, settings), settings) }];
    assert.match(
      renderRegister('markdown', files, { version: '0.0.0' }),
      /\| Accepted: signed copy is with legal \(no approver named, no expiry\) \|/,
    );
  });
});
