// What the CLI cannot read fails the run in every format: an unreadable folder was skipped (exit 0,
// "No problems") and an unreadable file appeared only on stderr, with no JSON entry and no SARIF
// notification. Spawned as an unprivileged user through setpriv (root reads everything, which
// would hide the failure), against a tree with a folder and a file that user cannot read.
import assert from 'node:assert/strict';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runSpawned, type CliRun } from '../support/cli';
import { fixturesDir } from '../support/paths';
import { sarifValidator } from '../support/sarif';

const isRoot = process.getuid?.() === 0;
/** As root, run as nobody: permission bits only bind other users. */
const wrapper = isRoot ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : [];

interface JsonFile {
  filePath: string;
  messages: { ruleId: string; severity: string; message: string; line: number; column: number }[];
}

describe('the CLI: paths it cannot read', { skip: process.platform === 'win32' ? 'POSIX permissions' : false }, () => {
  let dir: string;
  const run = (args: string[]): CliRun => runSpawned(args, { cwd: dir, wrapper, timeoutMs: 60_000 });
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'scope-cli-unreadable-'));
    mkdirSync(join(dir, 'specs', 'locked'), { recursive: true });
    copyFileSync(join(fixturesDir, 'golden', 'full.scope.yaml'), join(dir, 'specs', 'a-clean.scope.yaml'));
    copyFileSync(join(fixturesDir, 'golden', 'risky.scope.yaml'), join(dir, 'specs', 'locked', 'hidden.scope.yaml'));
    copyFileSync(join(fixturesDir, 'golden', 'risky.scope.yaml'), join(dir, 'specs', 'secret.scope.yaml'));
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'specs'), 0o755);
    chmodSync(join(dir, 'specs', 'a-clean.scope.yaml'), 0o644);
    chmodSync(join(dir, 'specs', 'locked'), 0o000);
    chmodSync(join(dir, 'specs', 'secret.scope.yaml'), 0o000);
  });
  after(() => {
    chmodSync(join(dir, 'specs', 'locked'), 0o755);
    rmSync(dir, { recursive: true, force: true });
  });

  it('json: an error entry for the unreadable folder and file, exit 2', () => {
    const result = run(['-f', 'json', 'specs']);
    assert.equal(result.status, 2, result.stderr);
    const files = JSON.parse(result.stdout) as JsonFile[];
    assert.deepEqual(
      files.map((f) => [
        f.filePath.slice(dir.length + 1),
        f.messages.map((m) => `${m.severity} ${m.ruleId} ${m.line}:${m.column} ${m.message}`),
      ]),
      [
        ['specs/a-clean.scope.yaml', []],
        [
          'specs/secret.scope.yaml',
          ['error input/unreadable 1:1 This path could not be read, so nothing in it is checked: permission denied.'],
        ],
        ['specs/locked', ['error input/unreadable 1:1 This path could not be read, so nothing in it is checked: permission denied.']],
      ],
    );
    assert.match(result.stderr, /cannot read .*specs\/locked: permission denied\./);
    assert.match(result.stderr, /cannot read .*specs\/secret\.scope\.yaml: permission denied\./);
  });

  it('sarif: valid, the run marked unsuccessful, one error notification per unreadable path', () => {
    const result = run(['-f', 'sarif', 'specs']);
    assert.equal(result.status, 2, result.stderr);
    const log = JSON.parse(result.stdout) as {
      runs: {
        invocations: {
          executionSuccessful: boolean;
          toolExecutionNotifications: { level: string; message: { text: string }; descriptor: { id: string } }[];
        }[];
      }[];
    };
    const validate = sarifValidator();
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    const invocation = log.runs[0]?.invocations[0];
    assert.equal(invocation?.executionSuccessful, false);
    assert.deepEqual(
      invocation?.toolExecutionNotifications.map((n) => `${n.level} ${n.descriptor.id} ${n.message.text}`),
      [
        'error input/unreadable specs/secret.scope.yaml: This path could not be read, so nothing in it is checked: permission denied.',
        'error input/unreadable specs/locked: This path could not be read, so nothing in it is checked: permission denied.',
      ],
    );
  });

  it('stylish, github and markdown: an error on each unreadable path, never "No problems"', () => {
    const stylish = run(['specs']);
    assert.equal(stylish.status, 2);
    assert.doesNotMatch(stylish.stdout, /No problems/);
    assert.match(
      stylish.stdout,
      /^specs\/locked\n +1:1 +error +This path could not be read, so nothing in it is checked: permission denied\. +input\/unreadable$/m,
    );
    assert.match(stylish.stdout, /^specs\/secret\.scope\.yaml\n +1:1 +error +This path could not be read/m);

    const github = run(['-f', 'github', 'specs']);
    assert.equal(github.status, 2);
    assert.match(
      github.stdout,
      /^::error file=specs\/locked,line=1,.*::This path could not be read, so nothing in it is checked: permission denied/m,
    );
    assert.match(github.stdout, /^::error file=specs\/secret\.scope\.yaml,line=1,/m);

    const markdown = run(['-f', 'markdown', 'specs']);
    assert.equal(markdown.status, 2);
    assert.equal(markdown.stdout.split('\n').filter((l) => l.includes('`input/unreadable`')).length, 2, markdown.stdout);
    assert.equal(
      markdown.stdout
        .split('\n')
        .filter((l) =>
          l.startsWith('| Verdict | **Not ready to sign: the file could not be checked (it could not be read: permission denied)** |'),
        ).length,
      2,
    );
  });
});
