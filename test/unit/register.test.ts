// The risk register for a committee: its exact Markdown for the spec's golden examples
// (test/fixtures/golden/<name>.register.md), CSV and standalone HTML, and the same bytes from
// `scope-lint --format markdown|csv|html` as from the editor's "Export Risk Register".
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { ScopeDocument } from '../../server/src/service/document';
import { exportRegister, reportOf } from '../../server/src/service/report';
import { csvCell, renderRegister, rowsOf } from '../../server/src/service/report/register';
import { mitigationOf } from '../../server/src/service/report/wording';
import { rules } from '../../server/src/service/rules';
import { mergeSettings } from '../../server/src/service/settings';
import { engineCodes } from '../../server/src/service/codes';
import { testToday } from '../support/analyze';
import { runInProcess } from '../support/cli';
import { fixturesDir } from '../support/paths';

const settings = mergeSettings({ today: testToday });
const goldenDir = join(fixturesDir, 'golden');
const goldenPath = (name: string): string => join(goldenDir, `${name}.scope.yaml`);

function docOf(path: string, text = readFileSync(path, 'utf8')): ScopeDocument {
  return new ScopeDocument(pathToFileURL(path).href, 1, text, settings.limits);
}

function markdownOf(name: string): string {
  const report = reportOf(docOf(goldenPath(name)), settings);
  return renderRegister('markdown', [{ name: `${name}.scope.yaml`, report }], { version: '0.1.0' });
}

describe('risk register: Markdown of the golden examples', () => {
  for (const name of ['minimal', 'full', 'risky']) {
    it(`${name}.scope.yaml gives exactly ${name}.register.md`, () => {
      const file = join(goldenDir, `${name}.register.md`);
      const got = markdownOf(name);
      if (process.env.SCOPE_UPDATE_GOLDEN === '1') writeFileSync(file, got);
      assert.equal(got, readFileSync(file, 'utf8'));
    });
  }

  it('starts with the header a committee reads first: project, vendor, total, dates, verdict, score', () => {
    const lines = markdownOf('risky').split('\n');
    assert.equal(lines[0], '# Risk register: CRM integration');
    assert.ok(lines.includes('| Vendor | QuickDev Inc |'));
    assert.ok(lines.includes('| Verdict | **Not ready to sign: 12 blocking risks** |'));
    assert.ok(lines.includes('| Risk score | 100/100 (12 errors, 24 warnings, 3 info; 0 accepted) |'));
    const top = lines.indexOf('## Top risks');
    const security = lines.indexOf('## Security threats');
    assert.ok(top > 0 && security > top, 'top risks come before the areas');
    assert.deepEqual(
      [
        '## Security threats',
        '## Lack of expertise and oversight',
        '## Hidden costs',
        '## Schedule',
        '## Governance',
        '## File structure',
      ].map((h) => lines.indexOf(h) > 0),
      [true, true, true, true, true, true],
    );
    assert.match(markdownOf('risky'), /```mermaid\ngantt\n/);
  });

  it('lists what was checked and passed for a clean file', () => {
    const md = markdownOf('full');
    for (const rule of rules) assert.ok(md.includes(`| ${rule.title} (\`${rule.id}\`) | Passed |`), rule.id);
    assert.match(md, /\| Verdict \| \*\*Ready to sign: no open risks found\*\* \|/);
  });

  it('writes mitigations in plain words, never the editor fix titles', () => {
    const md = markdownOf('risky');
    assert.doesNotMatch(md, /quick fix|Insert `|code action/i);
    assert.doesNotMatch(md, /\bblog\b|\bseed\b/i);
    for (const code of [...rules.map((r) => r.id), ...engineCodes.map((c) => c.code)])
      assert.doesNotMatch(mitigationOf(code), /quick fix|quick-fix|code action/i, code);
  });

  it('shows an accepted risk with its reason as its status', () => {
    const text = readFileSync(goldenPath('full'), 'utf8').replace(
      '  contingency_percent: 15\n',
      '  # scope-lint-disable-next-line cost-contingency-missing -- the sponsor holds a programme-level reserve\n  contingency_percent: 0\n',
    );
    const report = reportOf(docOf(goldenPath('full'), text), settings);
    assert.deepEqual(
      rowsOf(report).map((r) => [r.id, r.finding.ruleId, r.accepted]),
      [['R1', 'cost-contingency-missing', 'the sponsor holds a programme-level reserve']],
    );
    const md = renderRegister('markdown', [{ name: 'full.scope.yaml', report }], { version: '0.1.0' });
    assert.ok(md.includes('| Verdict | **Ready, with 1 accepted risk** |'));
    assert.match(
      md,
      /\| R1 \| warning \| \*\*No contingency reserve\*\*: .* \| {2}\| Accepted: the sponsor holds a programme-level reserve \(no approver named, no expiry\) \| \d+ \|/,
    );
  });
});

describe('risk register: CSV and HTML', () => {
  it('CSV: one row per risk and per passed check, RFC 4180 quoting, no formulas', () => {
    const report = reportOf(docOf(goldenPath('risky')), settings);
    const csv = renderRegister('csv', [{ name: 'risky.scope.yaml', report }], { version: '0.1.0' });
    const lines = csv.split('\r\n');
    assert.equal(
      lines[0],
      'File,Project,Vendor,Verdict,Risk score,#,Area,Severity,Risk,Finding,Why it matters,Mitigation,Owner,Status,Line,Rule,Approved by,Accepted until',
    );
    assert.equal(lines.filter((l) => /,R\d+,/.test(l)).length, 39);
    assert.equal(lines.filter((l) => l.includes(',Passed,')).length, 16);
    assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvCell('a,b'), '"a,b"');
  });

  it('HTML: a page that needs no script and may load nothing', () => {
    const report = reportOf(docOf(goldenPath('full')), settings);
    const html = renderRegister('html', [{ name: 'full.scope.yaml', report }], { version: '0.1.0' });
    assert.match(html, /^<!DOCTYPE html>/);
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`));
    assert.doesNotMatch(html, /<script|<link|<img|src=|url\(/i);
    assert.equal((html.match(/<svg /g) ?? []).length, 2, 'the timeline and the payment schedule');
    assert.ok(html.includes('Ready to sign: no open risks found'));
  });
});

describe('risk register: the CLI writes what the editor exports', () => {
  for (const format of ['markdown', 'csv', 'html'] as const) {
    it(`--format ${format} is byte-identical to "Export Risk Register"`, async () => {
      const path = goldenPath('risky');
      const cli = await runInProcess(['--format', format, path]);
      assert.equal(cli.status, 1, cli.stderr);
      const editor = exportRegister(docOf(path), mergeSettings(), format);
      assert.equal(cli.stdout, editor.text);
    });
  }

  it('several files: one section per file, named by path', async () => {
    const cli = await runInProcess(['--format', 'markdown', goldenPath('risky'), goldenPath('full')]);
    const headings = cli.stdout.split('\n').filter((l) => l.startsWith('# '));
    assert.deepEqual(headings, ['# Risk register: CRM integration', '# Risk register: Customer self-service portal rebuild']);
    assert.ok(cli.stdout.includes('Scope file `test/fixtures/golden/risky.scope.yaml`'));
    assert.ok(cli.stdout.includes('Scope file `test/fixtures/golden/full.scope.yaml`'));
  });
});
