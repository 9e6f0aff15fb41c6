// End-to-end: `npm start` (scripts/start.mjs). Its URL opens a real VS Code with the example the
// README names in the editor, checked, and no prompt in the way; Ctrl+C stops code-server and
// removes the temporary folder. Runs the packaged extension (SCOPE_DEMO_VSIX), so it neither
// rebuilds dist/ under the other e2e files nor takes minutes. Screenshots start-01-example.png and
// start-02-hover.png (the README's picture).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT, attachWorkbench, waitFor, vsixUnderTest } from './harness.mjs';

const EXAMPLE = 'crm-integration.scope.yaml';

let vsix;
let dispose = () => {};
let child;
let wb;

after(async () => {
  await wb?.stop();
  if (child && child.exitCode === null) child.kill('SIGKILL');
  dispose();
});

/** Processes whose command line names `folder` (code-server and all it started use the demo's folder). */
async function processesUsing(folder) {
  const { stdout } = await promisify(execFile)('ps', ['-eo', 'pid=,args='], { maxBuffer: 16 << 20 });
  return stdout.split('\n').filter((l) => l.includes(folder));
}

test('npm start opens the README example in the editor with its findings and no prompt; Ctrl+C removes its folder', async () => {
  assert.ok(fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8').includes(EXAMPLE), `the README does not name ${EXAMPLE}`);
  ({ vsix, dispose } = await vsixUnderTest('start'));
  child = spawn(process.execPath, [path.join(REPO_ROOT, 'scripts', 'start.mjs')], {
    cwd: REPO_ROOT,
    env: { ...process.env, SCOPE_DEMO_VSIX: vsix },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const ready = await waitFor(
    () => {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${out}`);
      const url = /http:\/\/127\.0\.0\.1:(\d+)\/\?folder=\S+/.exec(out);
      const home = /^Working folder \(removed when this stops\): (.+)$/m.exec(out);
      return url && home && { url: url[0], port: Number(url[1]), home: home[1].trim() };
    },
    { timeout: 180_000, what: `npm start to print its URL (output so far: ${out})` },
  );
  assert.ok(fs.existsSync(ready.home), `${ready.home} does not exist while npm start runs`);
  // The examples are a copy in the temporary folder, outside any Git repository.
  const folder = path.join(ready.home, 'examples');
  assert.ok(path.relative(REPO_ROOT, folder).startsWith('..'), 'the demo opens a folder inside the checkout');

  wb = await attachWorkbench({ name: 'start', url: ready.url, folder, port: ready.port });
  wb.userDataDir = path.join(ready.home, 'user-data');
  await wb.step('example-open', async () => {
    await wb.waitForEditor(EXAMPLE);
    await wb.waitForLanguageMode('Scope YAML');
    const rows = await wb.waitForProblems((r) => r.some((p) => p.file === EXAMPLE && p.code === 'cost-tbd-placeholder'), {
      what: `the findings of ${EXAMPLE}`,
    });
    assert.ok(rows.filter((p) => p.file === EXAMPLE).length > 10);
    // The Git extension has looked for a repository by now; no toast (Git or other) is shown.
    await waitFor(async () => (await wb.extensionHostLogs()).includes('_doActivateExtension vscode.git'), {
      what: 'the Git extension to activate',
    });
    const toasts = await wb.page.locator('.notifications-toasts .notification-toast').allTextContents();
    assert.deepEqual(toasts, [], 'a notification greets the user');
    await wb.screenshot('start-01-example');
    // The README's picture (docs/images/workbench.png, optimised): a finding's hover in the example.
    const hover = await wb.hoverWord('TBD', 0, { includes: 'Learn more about cost-tbd-placeholder' });
    assert.ok(hover.length < 3000, `the hover has ${hover.length} characters`);
    await wb.screenshot('start-02-hover');
  });
  await wb.stop();
  wb = undefined;

  child.kill('SIGINT'); // what Ctrl+C sends
  const [code] = await new Promise((resolve) => child.once('exit', (...a) => resolve(a)));
  assert.equal(code, 0, out);
  assert.equal(fs.existsSync(ready.home), false, `${ready.home} is left behind`);
  await waitFor(async () => (await processesUsing(ready.home)).length === 0, { timeout: 10_000, what: 'code-server to be gone' });
});
