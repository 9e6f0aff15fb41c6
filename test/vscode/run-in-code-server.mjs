#!/usr/bin/env node
// Run the mocha extension-test suite (test/vscode/index.cjs -> suite/*.test.cjs) INSIDE
// code-server's Node extension host, offline. The workbench is opened with the payload
//   [["extensionDevelopmentPath", vscode-remote://127.0.0.1:PORT/<repo>],
//    ["extensionTestsPath",       vscode-remote://127.0.0.1:PORT/<repo>/test/vscode/index.cjs]]
// which makes the extension host load the unpackaged extension and call index.cjs' run(),
// exactly like @vscode/test-electron. Results are read from the page console.
//
// Usage: node test/vscode/run-in-code-server.mjs [options]
//   --extension-development-path DIR   default: the repo root
//   --extension-tests-path FILE        default: test/vscode/index.cjs
//   --workspace DIR                    copied into a temp workspace (default: test/fixtures)
//   --grep TEXT                        only tests whose full title matches
//   --timeout MS                       overall deadline (default 300000)
// Exit code: 0 all passed; 1 a test failed, the suite did not run, or the deadline passed.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT, startWorkbench, remoteUri } from '../e2e/harness.mjs';

const { values: args } = parseArgs({
  options: {
    'extension-development-path': { type: 'string', default: REPO_ROOT },
    'extension-tests-path': { type: 'string', default: path.join(REPO_ROOT, 'test', 'vscode', 'index.cjs') },
    workspace: { type: 'string', default: path.join(REPO_ROOT, 'test', 'fixtures') },
    grep: { type: 'string' },
    timeout: { type: 'string', default: process.env.SCOPE_VSCODE_DEADLINE ?? '300000' },
  },
});

const extDir = path.resolve(args['extension-development-path']);
const testsPath = path.resolve(args['extension-tests-path']);
const deadline = Number(args.timeout);

function preflight() {
  const pkg = JSON.parse(fs.readFileSync(path.join(extDir, 'package.json'), 'utf8'));
  if (pkg.main && !fs.existsSync(path.resolve(extDir, pkg.main))) {
    throw new Error(`${pkg.main} does not exist in ${extDir}: build the extension first (npm run build)`);
  }
  if (!fs.existsSync(testsPath)) throw new Error(`extensionTestsPath ${testsPath} does not exist`);
}

const MARK = 'SCOPE-VSCODE-TEST';
const SUMMARY = /SCOPE-VSCODE-TESTS: (\d+) passed, (\d+) failed/;

function extract(text) {
  const i = text.indexOf(MARK);
  if (i < 0) return null;
  // The extension host forwards console.log as "%c[Extension Host] %c<msg> color: ..." styles.
  return text
    .slice(i)
    .replace(/\s+color:\s*[^\n]*$/, '')
    .trimEnd();
}

async function main() {
  preflight();
  const started = Date.now();
  let wb;
  let exitCode = 1;
  const printed = new Set();
  try {
    wb = await startWorkbench({
      name: 'vscode-suite',
      copy: args.workspace,
      env: {
        ...(args.grep ? { SCOPE_VSCODE_GREP: args.grep } : {}),
      },
      timeout: 60_000,
      onConsole: ({ text }) => {
        const line = extract(text);
        if (line && !printed.has(line)) {
          printed.add(line);
          console.log(line);
        }
      },
      // The payload is only known once the port is: passed via `payloadFor`.
      payloadFor: (port) => [
        ['extensionDevelopmentPath', remoteUri(port, extDir)],
        ['extensionTestsPath', remoteUri(port, testsPath)],
      ],
    });
    let summary;
    try {
      summary = await wb.waitForConsole(SUMMARY, { timeout: deadline });
    } catch (e) {
      console.error(`run-in-code-server: the suite did not report a result within ${deadline} ms`);
      const logs = await wb.extensionHostLogs();
      const failed = logs
        .split('\n')
        .filter((l) => /error|failed/i.test(l))
        .slice(-30);
      if (failed.length) console.error(failed.join('\n'));
      await wb.captureFailure('vscode-suite', e);
      return 1;
    }
    const [, passed, failed] = SUMMARY.exec(summary.text).map(Number);
    console.log(`run-in-code-server: ${passed} passed, ${failed} failed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (failed > 0 || passed === 0) {
      await wb.captureFailure('vscode-suite', new Error(`${failed} failed, ${passed} passed`));
      exitCode = 1;
    } else exitCode = 0;
  } catch (e) {
    console.error(`run-in-code-server: ${e?.stack ?? e}`);
    exitCode = 1;
  } finally {
    await wb?.stop();
  }
  return exitCode;
}

process.exitCode = await main();
