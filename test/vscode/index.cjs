// Extension-test entry point (the module passed as `extensionTestsPath`).
// VS Code's extension host loads it and calls run(): under @vscode/test-electron
// (test/vscode/electron.mjs) and inside code-server (test/vscode/run-in-code-server.mjs).
// Plain CommonJS, no compile step: runs test/vscode/suite/*.test.cjs with mocha (tdd UI:
// suite/test/setup/teardown, like the VS Code extension template).
//
// Output protocol (read by run-in-code-server.mjs from the page console):
//   SCOPE-VSCODE-TEST: ok <full title> (<ms> ms)
//   SCOPE-VSCODE-TEST: FAIL <full title>: <error + stack>
//   SCOPE-VSCODE-TESTS: <N> passed, <M> failed
//
// Env (inherited by the extension host): SCOPE_VSCODE_SUITE_DIR (default ./suite),
// SCOPE_VSCODE_GREP (mocha grep), SCOPE_VSCODE_TIMEOUT (per-test ms, default 90000), SCOPE_VSCODE_WAIT (per-wait ms in the suite, default 45000).
'use strict';

const path = require('node:path');
const fs = require('node:fs');

const PREFIX = 'SCOPE-VSCODE-TEST';

function loadMocha() {
  // Prefer the repo's mocha (two levels up), then normal resolution.
  const repoMocha = path.resolve(__dirname, '..', '..', 'node_modules', 'mocha');
  return require(fs.existsSync(repoMocha) ? repoMocha : 'mocha');
}

function run() {
  const Mocha = loadMocha();
  const suiteDir = path.resolve(process.env.SCOPE_VSCODE_SUITE_DIR || path.join(__dirname, 'suite'));
  const mocha = new Mocha({
    ui: 'tdd',
    color: false,
    timeout: Number(process.env.SCOPE_VSCODE_TIMEOUT || 90000),
    reporter: Mocha.reporters.Base, // silent; we log our own lines below
    grep: process.env.SCOPE_VSCODE_GREP || undefined,
  });
  const files = fs
    .readdirSync(suiteDir)
    .filter((f) => f.endsWith('.test.cjs') || f.endsWith('.test.js'))
    // crash.test.cjs kills the language server: last, so that it cannot disturb the others.
    .sort((a, b) => Number(a === 'crash.test.cjs') - Number(b === 'crash.test.cjs') || (a < b ? -1 : a > b ? 1 : 0))
    .map((f) => path.join(suiteDir, f));
  for (const f of files) {
    delete require.cache[f];
    mocha.addFile(f);
  }
  console.log(`${PREFIX}: running ${files.length} file(s) from ${suiteDir} in VS Code ${safeVersion()}`);

  return new Promise((resolve, reject) => {
    let passed = 0;
    let failed = 0;
    let runner;
    try {
      runner = mocha.run((failures) => {
        console.log(`${PREFIX}S: ${passed} passed, ${failed} failed`);
        if (failures > 0 || failed > 0) reject(new Error(`${failed || failures} test(s) failed`));
        else if (passed === 0) reject(new Error('no tests ran'));
        else resolve();
      });
    } catch (err) {
      console.log(`${PREFIX}: FAIL loading the suite: ${err && err.stack ? err.stack : err}`);
      console.log(`${PREFIX}S: 0 passed, 1 failed`);
      reject(err);
      return;
    }
    runner.on('pass', (t) => {
      passed++;
      console.log(`${PREFIX}: ok ${t.fullTitle()} (${t.duration} ms)`);
    });
    runner.on('fail', (t, err) => {
      failed++;
      console.log(`${PREFIX}: FAIL ${t.fullTitle()}: ${err && err.stack ? err.stack : err}`);
    });
  });
}

function safeVersion() {
  try {
    return require('vscode').version;
  } catch {
    return '?';
  }
}

module.exports = { run };
