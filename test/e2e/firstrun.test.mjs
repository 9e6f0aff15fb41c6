// End-to-end: the first run of a new user in a real VS Code workbench (code-server). The
// Getting Started walkthrough lists its steps, and each step is ticked off by doing what it says
// in the editor: open the example (a copy, nothing written to disk), hover a finding, pick a fix,
// fix all, start a new scope. Screenshots walkthrough-*.png under test-results/e2e/.
// Its own workbench: a walkthrough's progress is kept per profile, so it starts from none done.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, startWorkbench, waitFor, vsixUnderTest } from './harness.mjs';

const WALKTHROUGH = 'scope-yaml.scope-yaml#scope.gettingStarted';
const EXAMPLE = 'crm-integration.scope.yaml';
const OPEN = 'open.scope.yaml'; // a file the workspace already has, so the workbench opens on an editor

/** @type {import('./harness.mjs').Workbench} */
let wb;
let vsix;
let dispose = () => {};

const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const steps = manifest.contributes.walkthroughs.find((w) => `scope-yaml.scope-yaml#${w.id}` === WALKTHROUGH).steps;

before(async () => {
  ({ vsix, dispose } = await vsixUnderTest('firstrun'));
  wb = await startWorkbench({ name: 'firstrun', vsix, files: { [OPEN]: 'scope_version: 1\n' }, open: OPEN });
});

after(async () => {
  await wb?.stop();
  dispose();
});

/** The walkthrough's steps as shown: [{ id, title, done }] in order. */
function shownSteps() {
  return wb.page.evaluate((prefix) => {
    return [...document.querySelectorAll(`.gettingStartedContainer .getting-started-step[data-step-id^="${prefix}#"]`)].map((s) => ({
      id: s.getAttribute('data-step-id').slice(prefix.length + 1),
      title: s.querySelector('.step-title')?.textContent?.trim() ?? '',
      done: s.getAttribute('aria-checked') === 'true',
    }));
  }, WALKTHROUGH);
}

/** Waits until exactly the steps `ids` are ticked off. */
async function waitForDone(ids, what) {
  let last = [];
  await waitFor(
    async () => {
      last = await shownSteps();
      const done = last.filter((s) => s.done).map((s) => s.id);
      return JSON.stringify(done) === JSON.stringify(ids);
    },
    { what: `${what}: steps done ${JSON.stringify(ids)}` },
  ).catch((e) => {
    e.message += `\nshown: ${JSON.stringify(last)}`;
    throw e;
  });
}

test('"Scope: Get Started" opens the walkthrough with its five steps, none done', () =>
  wb.step('walkthrough', async () => {
    await wb.waitForLanguageMode('Scope YAML');
    await wb.runCommand('Scope: Get Started');
    const title = wb.page.locator(`.gettingStartedContainer .category-title[x-category-title-for="${WALKTHROUGH}"]`);
    await title.first().waitFor({ state: 'visible' });
    assert.equal((await title.first().textContent())?.trim(), 'Get started with Scope YAML');
    const shown = await waitFor(async () => {
      const s = await shownSteps();
      return s.length === steps.length && s;
    });
    assert.deepEqual(
      shown.map((s) => s.title),
      ['Open an example scope', 'Hover a finding', 'Apply a fix', 'Fix all at once', 'Start your own scope'],
    );
    assert.deepEqual(
      shown.map((s) => s.id),
      steps.map((s) => s.id),
    );
    assert.deepEqual(
      shown.filter((s) => s.done),
      [],
    );
    // The first step is open, with its media (the markdown beside the steps) and its button.
    const container = wb.page.locator('.gettingStartedContainer');
    await container.locator('.monaco-button', { hasText: 'Open Example Scope' }).first().waitFor({ state: 'visible' });
    // The step's media: its markdown, rendered in a webview (nested frames) beside the steps.
    const heading = /^# (.*)$/m.exec(fs.readFileSync(path.join(REPO_ROOT, steps[0].media.markdown), 'utf8'))[1];
    await waitFor(
      async () => {
        for (const frame of wb.page.frames()) {
          const text = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '');
          if (text.includes(heading)) return true;
        }
        return false;
      },
      { what: `the first step's media ("${heading}")` },
    );
    await wb.screenshot('walkthrough-01-steps');
  }));

test('the "Open Example Scope" button opens a copy of the example beside the steps, which is checked; the step is done', () =>
  wb.step('walkthrough-open-example', async () => {
    await wb.page.locator('.gettingStartedContainer .monaco-button', { hasText: 'Open Example Scope' }).first().click();
    await wb.waitForEditor(EXAMPLE);
    await wb.waitForLanguageMode('Scope YAML');
    // A copy: an unsaved editor, nothing written to the workspace.
    assert.ok(await wb.isDirty(), 'the example opens as an unsaved copy');
    assert.equal(fs.existsSync(wb.abs(EXAMPLE)), false, 'Open Example Scope wrote a file');
    const text = await wb.editorText();
    assert.equal(text, fs.readFileSync(path.join(REPO_ROOT, 'examples', EXAMPLE), 'utf8'));
    await wb.waitForProblems((rows) => rows.some((p) => p.file === EXAMPLE && p.code === 'cost-tbd-placeholder'), {
      what: `the findings of ${EXAMPLE}`,
    });
    // The walkthrough stays in view beside the example.
    assert.equal(await wb.page.locator('.gettingStartedContainer').first().isVisible(), true);
    await waitForDone(['openExample'], 'Open Example Scope');
  }));

test('hovering a finding in the example ticks off "Hover a finding"', () =>
  wb.step('walkthrough-hover', async () => {
    await wb.hoverWord('TBD', 0, { includes: 'cost-tbd-placeholder' });
    await waitForDone(['openExample', 'hoverFinding'], 'the hover of a finding');
    await wb.page.mouse.move(1, 1);
  }));

test('picking a quick fix ticks off "Apply a fix"', () =>
  wb.step('walkthrough-fix', async () => {
    await wb.quickFix({ word: 'etc.' }, /^Remove "etc\."/);
    await waitFor(async () => !(await wb.editorText()).includes('etc.'), { what: 'the quick fix to remove "etc."' });
    await waitForDone(['openExample', 'hoverFinding', 'applyFix'], 'the quick fix');
  }));

test('"Scope: Fix All Auto-fixable Problems" fixes the example and ticks off "Fix all at once"', () =>
  wb.step('walkthrough-fix-all', async () => {
    // The example's one safe fix: a value of an enum written with the wrong case.
    assert.match(await wb.editorText(), /^ {4}status: Proposed$/m);
    await wb.runCommand('Scope: Fix All Auto-fixable Problems');
    await waitFor(async () => /^ {4}status: proposed$/m.test(await wb.editorText()), { what: 'fix all to rewrite status: Proposed' });
    await waitForDone(['openExample', 'hoverFinding', 'applyFix', 'fixAll'], 'fix all');
  }));

test('"Scope: New Scope File" opens the template and ticks off the last step', () =>
  wb.step('walkthrough-new-scope', async () => {
    await wb.runCommand('Scope: New Scope File');
    await wb.waitForEditor('new.scope.yaml');
    await wb.waitForLanguageMode('Scope YAML');
    assert.match(await wb.editorText(), /^scope_version: 1$/m);
    await waitForDone(
      steps.map((s) => s.id),
      'New Scope File',
    );
    // The picture: the walkthrough's group maximized and the panel hidden, its steps in view, all ticked.
    await wb.page.locator('.tab', { hasText: 'Walkthrough: Scope YAML' }).first().click();
    await wb.runCommand('View: Toggle Maximize Editor Group');
    await wb.page.locator('.part.panel .action-label[aria-label^="Hide Panel"]').first().click();
    await wb.page.locator('.part.panel').first().waitFor({ state: 'hidden' });
    // The palette's Escape took the walkthrough back to the Welcome page: open it again, as a user would.
    await wb.runCommand('Scope: Get Started');
    await wb.page
      .locator(`.gettingStartedContainer .category-title[x-category-title-for="${WALKTHROUGH}"]`)
      .first()
      .waitFor({ state: 'visible' });
    await wb.page.evaluate(
      (prefix) => document.querySelector(`.getting-started-step[data-step-id="${prefix}#newScope"]`)?.scrollIntoView(),
      WALKTHROUGH,
    );
    await waitFor(async () => (await shownSteps()).every((s) => s.done), { what: 'all steps still done' });
    await wb.nextFrames();
    await wb.screenshot('walkthrough-02-all-done');
  }));
