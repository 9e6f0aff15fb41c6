#!/usr/bin/env node
// Run the same mocha extension-test suite (test/vscode/index.cjs -> suite/*.test.cjs) in
// desktop VS Code via @vscode/test-electron. It downloads VS Code into .vscode-test/
// (or uses VSCODE_EXECUTABLE_PATH), so it needs network access; offline, use
// test/vscode/run-in-code-server.mjs instead. On headless Linux run it under xvfb-run.
//
// Usage: node test/vscode/electron.mjs [--version 1.100.3|stable] [--grep TEXT]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: args } = parseArgs({
  options: {
    version: { type: 'string', default: process.env.VSCODE_TEST_VERSION ?? '1.100.3' },
    grep: { type: 'string' },
    workspace: { type: 'string', default: path.join(repo, 'test', 'fixtures') },
  },
});

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'scope-vscode-electron-'));
const workspace = path.join(tmp, 'workspace');
fs.cpSync(args.workspace, workspace, { recursive: true });

try {
  await runTests({
    ...(process.env.VSCODE_EXECUTABLE_PATH ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH } : { version: args.version }),
    extensionDevelopmentPath: repo,
    extensionTestsPath: path.join(repo, 'test', 'vscode', 'index.cjs'),
    extensionTestsEnv: args.grep ? { SCOPE_VSCODE_GREP: args.grep } : undefined,
    launchArgs: [
      workspace,
      '--disable-extensions', // only the extension under development
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      `--user-data-dir=${path.join(tmp, 'user-data')}`,
    ],
  });
  process.exitCode = 0;
} catch (err) {
  console.error(`electron tests failed: ${err?.message ?? err}`);
  process.exitCode = 1;
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
