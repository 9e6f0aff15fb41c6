// The risk report over a real stdio LSP connection: scope/riskReport answers with the score and
// verdict the published diagnostics imply (docs/score.md), follows an edit, and scope/exportRegister
// answers with exactly what `scope-lint --format markdown|csv|html` writes for the same text.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { ExportRegisterResult, RiskReportResult } from '../../shared/protocol';
import { exportRegisterRequest, riskReportRequest } from '../../shared/protocol';
import { runInProcess } from '../support/cli';
import { LspClient } from '../support/lspClient';
import { fixturesDir, repoRoot } from '../support/paths';

const goldenPath = (name: string): string => join(fixturesDir, 'golden', `${name}.scope.yaml`);

describe('risk report requests', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(async () => {
    await client.stop();
  });

  it('scope/riskReport: the score of the published diagnostics, and the panel body on request', async () => {
    const uri = pathToFileURL(goldenPath('minimal')).href;
    await client.open(uri, readFileSync(goldenPath('minimal'), 'utf8'));
    const diagnostics = await client.diagnostics(uri, 1);
    const count = (severity: number) => diagnostics.filter((d) => d.severity === severity).length;
    const expectedRisk = Math.round(100 * (1 - 0.75 ** count(1) * 0.92 ** count(2) * 0.98 ** count(3)));
    const result = await client.request<RiskReportResult>(riskReportRequest, { uri });
    assert.deepEqual(result.summary, {
      risk: expectedRisk,
      errors: count(1),
      warnings: count(2),
      infos: count(3),
      accepted: 0,
      verdict: `Review before signing: ${count(2)} open risks`,
      level: 'review',
    });
    assert.equal(result.html, undefined, 'no HTML unless asked');
    const withHtml = await client.request<RiskReportResult>(riskReportRequest, { uri, html: true });
    assert.match(withHtml.html ?? '', /<p class="verdict verdict-review" role="status">Review before signing: 4 open risks<\/p>/);
    assert.doesNotMatch(withHtml.html ?? '', /<script|style="/, 'the panel body carries no script and no inline style');

    // An edit that makes the timeline end before it starts: one more error, at once.
    const text = client.text(uri).replace('end: 2027-05-31', 'end: 2027-01-31');
    await client.change(uri, text);
    const after = await client.request<RiskReportResult>(riskReportRequest, { uri });
    assert.equal(after.version, 2);
    assert.ok(after.summary.errors >= 1, JSON.stringify(after.summary));
    assert.match(after.summary.verdict, /^Not ready to sign: \d+ blocking risks?$/);
  });

  for (const format of ['markdown', 'csv', 'html'] as const) {
    it(`scope/exportRegister ${format}: the bytes of scope-lint --format ${format}`, async () => {
      const uri = pathToFileURL(goldenPath('risky')).href;
      if (client.version(uri) === 0) await client.open(uri, readFileSync(goldenPath('risky'), 'utf8'));
      const exported = await client.request<ExportRegisterResult>(exportRegisterRequest, { uri, format });
      const cli = await runInProcess(['--format', format, goldenPath('risky')]);
      assert.equal(exported.extension, { markdown: 'md', csv: 'csv', html: 'html' }[format]);
      assert.equal(exported.text, cli.stdout);
    });
  }

  it('scope/riskReport with compareWith: the comparison with the previous text, and its section first in the panel', async () => {
    const example = readFileSync(join(repoRoot, 'examples', 'portal-rebuild.scope.yaml'), 'utf8');
    const now = example.replace('  total: 240000\n', '  total: 252000\n');
    const uri = 'file:///compare/plan.scope.yaml';
    await client.open(uri, now);
    await client.diagnostics(uri, 1);
    const line = now.split('\n').indexOf('  total: 252000');
    const endLine = now.split('\n').length - 1;
    const today = new Date().toISOString().slice(0, 10);
    const result = await client.request<RiskReportResult>(riskReportRequest, {
      uri,
      html: true,
      compareWith: { text: example, label: 'the last commit (HEAD)' },
    });
    assert.deepEqual(result.comparison, {
      label: 'the last commit (HEAD)',
      changes: [{ area: 'price', text: 'Price: 240,000 → 252,000 EUR, +12,000 EUR (+5%)' }],
      findings: [
        {
          code: 'compare/scope-creep',
          severity: 'error',
          message: 'The price rose by 12,000 EUR (+5%) and no approved change request accounts for it.',
          range: { start: { line, character: 9 }, end: { line, character: 15 } },
          // Worked out on this text: a proposed change request appended to the change log, at the end of the file.
          fixes: [
            {
              title: 'Add change request CR4 for this change (fill in who approved it)',
              edits: [
                {
                  range: { start: { line: endLine, character: 0 }, end: { line: endLine, character: 0 } },
                  newText: `  - id: CR4\n    raised: ${today}\n    summary: "TODO: why the price rose by 12,000 EUR"\n    status: proposed\n    cost_impact: 12000\n    schedule_impact_days: 0\n`,
                },
              ],
            },
          ],
        },
      ],
    });
    assert.match(
      result.html ?? '',
      /^<section class="comparison" aria-label="Changes since the last commit \(HEAD\)"><h2>Changes since the last commit \(HEAD\)<\/h2><ul><li>Price: 240,000 → 252,000 EUR/,
    );
    // A previous text that is not a scope is said so; a malformed compareWith is ignored.
    const broken = await client.request<RiskReportResult>(riskReportRequest, { uri, compareWith: { text: '', label: 'HEAD' } });
    assert.equal(broken.comparison?.problem, 'HEAD could not be read as a scope, so there is nothing to compare with.');
    const ignored = await client.request<RiskReportResult>(riskReportRequest, { uri, compareWith: { text: 42 } });
    assert.equal(ignored.comparison, undefined);
    assert.equal(typeof ignored.summary.errors, 'number');
  });

  it('answers null for a document that is not open', async () => {
    assert.equal(await client.request(riskReportRequest, { uri: 'file:///nowhere.scope.yaml' }), null);
  });
});
