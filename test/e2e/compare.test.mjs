// End-to-end: "Scope: Compare with Previous Version" in a real VS Code workbench (code-server +
// Chromium), from the packaged .vsix, on a file in a Git repository with a committed previous
// version. Run from the Command Palette, it shows the changes first in the risk report panel and
// the scope-creep finding on the changed line in the Problems panel; "Scope: Clear Comparison"
// removes it. A screenshot of the summary is saved under test-results/e2e/.
// Run: node --test test/e2e/ (after npm run build and scripts/e2e/install.sh).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT, startWorkbench, waitFor, vsixUnderTest } from './harness.mjs';

const FILE = 'plan.scope.yaml';
const example = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'portal-rebuild.scope.yaml'), 'utf8');
/** The working copy: the price up by 12,000 EUR with no change request. */
const raised = example.replace('  total: 240000\n', '  total: 252000\n');

/** @type {import('./harness.mjs').Workbench} */
let wb;
let vsix;
let dispose = () => {};
let folder;

function panel() {
  return wb.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

before(async () => {
  ({ vsix, dispose } = await vsixUnderTest('compare'));
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'scope-e2e-compare-repo-'));
  const git = (...args) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
      cwd: folder,
    });
  git('init', '-q');
  fs.writeFileSync(path.join(folder, FILE), example);
  git('add', '.');
  git('commit', '-q', '-m', 'scope as signed');
  fs.writeFileSync(path.join(folder, FILE), raised);
  wb = await startWorkbench({ name: 'compare', vsix, folder, open: FILE, settings: { 'workbench.colorTheme': 'Default Light Modern' } });
});

after(async () => {
  await wb?.stop();
  dispose();
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
});

test('Compare with Previous Version: the changes in the panel, the finding on the changed line, until cleared', () =>
  wb.step('compare', async () => {
    await wb.waitForLanguageMode('Scope YAML');
    await wb.focusEditor();
    await wb.runCommand('Scope: Compare with Previous Version');
    const report = panel();
    const section = report.locator('section.comparison');
    await section.waitFor({ state: 'visible', timeout: 60_000 });
    assert.equal((await section.locator('h2').textContent()).trim(), 'Changes since the last commit (HEAD)');
    assert.deepEqual(
      (await section.locator('li').allTextContents()).map((t) => t.trim()),
      ['Price: 240,000 → 252,000 EUR, +12,000 EUR (+5%)'],
    );
    const line = raised.split('\n').indexOf('  total: 252000') + 1;
    const rows = await wb.waitForProblems((all) => all.some((p) => p.file === FILE && p.code === 'compare/scope-creep'), {
      what: 'the compare/scope-creep row in the Problems panel',
    });
    const creep = rows.filter((p) => p.file === FILE && p.code === 'compare/scope-creep');
    assert.deepEqual(
      creep.map((p) => [p.severity, p.line, p.message]),
      [['error', line, 'The price rose by 12,000 EUR (+5%) and no approved change request accounts for it.']],
    );
    await wb.screenshot('compare-01-summary-and-finding');
    await wb.focusEditor();
    await wb.runCommand('Scope: Clear Comparison');
    await waitFor(async () => !(await wb.problems()).some((p) => p.file === FILE && p.code === 'compare/scope-creep'), {
      what: 'the comparison finding to be cleared',
    });
    await section.waitFor({ state: 'detached', timeout: 30_000 });
  }));
