// End-to-end: the risk overview in a real VS Code workbench (code-server + Chromium), from the
// packaged .vsix. The status-bar item and the code lens show the score and counts of the file's
// own diagnostics (the oracle computes docs/score.md's formula from the Problems panel); clicking
// the code lens opens the report panel, which shows the same numbers, follows an edit, leads back
// to a line, and is screenshotted in the light, dark and high-contrast themes. The exported HTML
// register equals `scope-lint --format html` byte for byte and, opened in headless Chromium,
// loads nothing but itself.
// Run: node --test test/e2e/ (after npm run build and scripts/e2e/install.sh).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { CHROMIUM, REPO_ROOT, RESULTS_DIR, startWorkbench, waitFor, vsixUnderTest } from './harness.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const GOLDEN = path.join(REPO_ROOT, 'test', 'fixtures', 'golden');
const FILE = 'minimal.scope.yaml';
const EXTENSION_ID = 'scope-yaml.scope-yaml';

/** @type {import('./harness.mjs').Workbench} */
let wb;
let vsix;
let dispose = () => {};

/** docs/score.md: 100 × (1 − 0.75^errors × 0.92^warnings × 0.98^infos), rounded. */
function riskOf({ errors, warnings, infos }) {
  return Math.round(100 * (1 - 0.75 ** errors * 0.92 ** warnings * 0.98 ** infos));
}

/** Counts of this file's rows in the Problems panel: what the editor itself shows. */
async function problemCounts(predicate = () => true) {
  const rows = await wb.waitForProblems((all) => {
    const mine = all.filter((p) => p.file === FILE);
    return mine.length > 0 && predicate(mine);
  });
  const mine = rows.filter((p) => p.file === FILE);
  const count = (severity) => mine.filter((p) => p.severity === severity).length;
  return { errors: count('error'), warnings: count('warning'), infos: count('info') };
}

const statusText = () =>
  wb.page.evaluate(() => {
    const el = document.querySelector('[aria-label^="Scope risk:"]');
    return el ? (el.textContent ?? '').trim() : null;
  });

const codeLensText = () =>
  wb.page.evaluate(() => {
    const el = document.querySelector('.editor-group-container .monaco-editor .codelens-decoration');
    return el ? (el.textContent ?? '').replace(/\s+/g, ' ').trim() : null;
  });

/** The report panel's document: code-server nests the webview in two iframes. */
function panel() {
  return wb.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

/** Picks a colour theme the way a user does: "Preferences: Color Theme", its name, Enter. */
async function setTheme(theme) {
  await chooseInPalette('>Preferences: Color Theme', 'Preferences: Color Theme');
  const input = wb.page.locator('.quick-input-widget:not([style*="display: none"]) input');
  await input.fill(theme);
  await focusRow(input, theme);
  await input.press('Enter');
  const kind = theme.includes('High Contrast') ? 'hc-black' : theme.includes('Light') ? 'vs' : 'vs-dark';
  await waitFor(() => wb.page.evaluate((k) => document.querySelector('.monaco-workbench')?.classList.contains(k), kind), {
    what: `workbench in theme ${theme}`,
  });
}

const focusedRow = () =>
  wb.page.evaluate(() => {
    const row = document.querySelector('.quick-input-widget .monaco-list-row.focused');
    return row ? (row.getAttribute('aria-label') ?? row.textContent ?? '') : '';
  });

/** Types into Quick Open and moves down to the row whose label starts with `label` (a similar command may come first). */
async function chooseInPalette(text, label) {
  const input = await wb.quickOpen(text);
  await focusRow(input, label);
  await input.press('Enter');
}

async function focusRow(input, label) {
  await waitFor(
    async () => {
      // A group label ("Light Modern") may come before the name; "Browse..." rows are never the one.
      const focused = await focusedRow();
      if (focused.includes(label) && !focused.includes('Browse')) return true;
      await input.press('ArrowDown');
      return false;
    },
    { what: `"${label}" in Quick Open`, interval: 300 },
  );
}

/** The code lens is on line 1: bring the top of the file into view. */
async function toTop() {
  await wb.focusEditor();
  await wb.page.keyboard.press('Control+Home');
}

function cliPath() {
  const installed = fs.readdirSync(wb.extensionsDir).find((d) => d.toLowerCase().startsWith(`${EXTENSION_ID}-`));
  const fromVsix = installed && path.join(wb.extensionsDir, installed, 'dist', 'cli.js');
  return fromVsix && fs.existsSync(fromVsix) ? fromVsix : path.join(REPO_ROOT, 'dist', 'cli.js');
}

before(async () => {
  ({ vsix, dispose } = await vsixUnderTest('report'));
  const files = { [FILE]: fs.readFileSync(path.join(GOLDEN, FILE), 'utf8') };
  wb = await startWorkbench({ name: 'report', vsix, files, open: FILE, settings: { 'workbench.colorTheme': 'Default Light Modern' } });
});

after(async () => {
  await wb?.stop();
  dispose();
});

test('the status bar and the code lens show the score and counts of the diagnostics', () =>
  wb.step('summary', async () => {
    await wb.waitForLanguageMode('Scope YAML');
    await wb.openProblems();
    const counts = await problemCounts();
    assert.deepEqual(counts, { errors: 0, warnings: 4, infos: 1 }, 'the golden minimal example');
    const risk = riskOf(counts);
    assert.equal(risk, 30);
    await waitFor(async () => (await statusText())?.endsWith(`Risk ${risk}/100`), {
      what: `status bar "Risk ${risk}/100" (shows ${await statusText()})`,
    });
    const lens = `Risk ${risk}/100 · 0 errors · 4 warnings · Open report`;
    await waitFor(async () => (await codeLensText())?.includes(lens), { what: `code lens "${lens}"` }).catch(async (e) => {
      e.message += ` (code lens shows ${JSON.stringify(await codeLensText())})`;
      throw e;
    });
    await wb.screenshot('report-01-status-and-lens');
  }));

test('clicking the code lens opens the report beside the editor, with the same numbers', () =>
  wb.step('panel', async () => {
    await wb.page.locator('.codelens-decoration a', { hasText: 'Open report' }).first().click();
    const report = panel();
    await report.locator('.verdict').waitFor({ state: 'visible', timeout: 60_000 });
    assert.equal((await report.locator('.verdict').textContent()).trim(), 'Review before signing: 4 open risks');
    assert.equal((await report.locator('.score').textContent()).trim(), '30/100');
    assert.equal((await report.locator('h1').textContent()).trim(), 'Marketing site migration to headless CMS');
    const cards = await report.locator('.card .card-title').allTextContents();
    assert.deepEqual(cards, [
      'Security threats',
      'Lack of expertise and oversight',
      'Hidden costs',
      'Schedule',
      'Governance',
      'File structure',
    ]);
    assert.equal(
      (await report.locator('#f-area-governance .card-risk, a[href="#f-area-governance"] .card-risk').first().textContent()).replace(
        /\s/g,
        '',
      ),
      '22/100',
    );
    assert.equal(await report.locator('svg.chart').count(), 2, 'timeline and payment charts');
    assert.equal(await report.locator('.finding').count(), 5);
    // Readable at 800 px: the report's own width.
    const width = await report.locator('main').evaluate((m) => m.getBoundingClientRect().width);
    assert.ok(width > 300, `panel width ${width}`);
  }));

test('a line link leads back to the finding in the editor', () =>
  wb.step('reveal', async () => {
    const link = panel().locator('#f-area-governance a.where').first();
    const line = Number(await link.getAttribute('data-line'));
    assert.ok(line > 0);
    await link.focus();
    await link.press('Enter');
    await waitFor(async () => (await wb.cursor())?.line === line, { what: `cursor on line ${line}` });
  }));

test('the report follows an edit: a monthly cadence adds a warning', () =>
  wb.step('follows-edit', async () => {
    await wb.gotoLine(40, 21);
    await wb.page.keyboard.press('Shift+End');
    await wb.page.keyboard.type('monthly');
    const counts = await problemCounts((rows) => rows.filter((r) => r.severity === 'warning').length === 5);
    const risk = riskOf(counts);
    assert.equal(risk, 35);
    await waitFor(async () => (await statusText())?.endsWith(`Risk ${risk}/100`), { what: `status bar "Risk ${risk}/100"` });
    await toTop();
    await waitFor(async () => (await codeLensText())?.includes(`Risk ${risk}/100 · 0 errors · 5 warnings · Open report`), {
      what: 'code lens after the edit',
    });
    const report = panel();
    await waitFor(async () => ((await report.locator('.score').textContent()) ?? '').trim() === `${risk}/100`, {
      what: 'panel score after the edit',
    });
    assert.equal((await report.locator('.verdict').textContent()).trim(), 'Review before signing: 5 open risks');
    assert.ok((await report.locator('#f-area-governance').textContent()).includes('Check-ins too infrequent'));
  }));

test('the panel follows the theme: a screenshot each in light, dark and high contrast', () =>
  wb.step('themes', async () => {
    const colours = [];
    for (const [theme, name] of [
      ['Default Light Modern', 'light'],
      ['Default Dark Modern', 'dark'],
      ['Default High Contrast', 'high-contrast'],
    ]) {
      await setTheme(theme);
      const report = panel();
      await waitFor(
        async () => {
          const bg = await report.locator('body').evaluate((b) => getComputedStyle(b).backgroundColor);
          return !colours.includes(bg) && bg;
        },
        { what: `panel background in ${theme}` },
      ).then((bg) => colours.push(bg));
      await wb.screenshot(`report-theme-${name}`);
    }
    assert.equal(new Set(colours).size, 3, `three backgrounds: ${colours.join(', ')}`);
  }));

test('Export Risk Register writes the HTML the CLI writes, and the page loads nothing remote', () =>
  wb.step('export', async () => {
    await setTheme('Default Light Modern');
    await wb.openFile(FILE);
    await wb.save();
    await wb.runCommand('Scope: Export Risk Register');
    const input = wb.page.locator('.quick-input-widget:not([style*="display: none"]) input');
    await input.fill('HTML');
    await waitFor(
      () =>
        wb.page.evaluate(() => {
          const row = document.querySelector('.quick-input-widget .monaco-list-row.focused');
          return !!row && (row.getAttribute('aria-label') ?? row.textContent ?? '').includes('HTML');
        }),
      { what: 'HTML in the format picker' },
    );
    await input.press('Enter');
    const exported = wb.abs('minimal.risk-register.html');
    const html = await waitFor(() => fs.existsSync(exported) && fs.readFileSync(exported, 'utf8'), { what: exported });
    const { stdout } = await promisify(execFile)(process.execPath, [cliPath(), '--format', 'html', wb.abs(FILE)], {
      maxBuffer: 16 << 20,
    }).catch((e) => e);
    assert.equal(html, stdout, 'the editor and the CLI write the same bytes');

    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage({ viewport: { width: 800, height: 1200 } });
      const requests = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(`file://${exported}`);
      assert.equal((await page.locator('.verdict').textContent()).trim(), 'Review before signing: 5 open risks');
      assert.equal(await page.locator('svg.chart').count(), 2);
      fs.mkdirSync(RESULTS_DIR, { recursive: true });
      await page.screenshot({ path: path.join(RESULTS_DIR, 'register-html.png'), fullPage: true });
      assert.deepEqual(requests, [`file://${exported}`], 'the page loads nothing but itself');
    } finally {
      await browser.close();
    }
  }));
