// Special files that a repository can hold (a symlink to /dev/zero, a FIFO, committed or made by a
// script): `stat().size` is 0 for them, so a size check on the path lets /dev/zero exhaust memory
// and a FIFO block forever. Both tools open first, check the opened file, and read only a regular
// file, at most the limit + 1 byte. Real FIFOs (mkfifo) and symlinks in a temporary folder; the
// CLI is spawned with a deadline so that a hang fails the test instead of the suite.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../server/src/config';
import { readUserFile } from '../../server/src/userFile';
import { runSpawned } from '../support/cli';
import { LspClient } from '../support/lspClient';
import { fixturesDir } from '../support/paths';

const risky = join(fixturesDir, 'golden', 'risky.scope.yaml');
const hasFifo = spawnSync('mkfifo', ['--version']).status === 0;
const noFifo = hasFifo ? false : 'mkfifo is not available';

function mkfifo(path: string): void {
  const made = spawnSync('mkfifo', [path]);
  assert.equal(made.status, 0, made.stderr.toString());
}

interface JsonFile {
  filePath: string;
  messages: { ruleId: string }[];
}

describe('special files: the CLI', { skip: noFifo }, () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'scope-special-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** A repository with one scope file and `.scope-lint.yaml` made by `make`. */
  const repo = (name: string, make: (config: string) => void): string => {
    const root = join(dir, name);
    mkdirSync(join(root, '.git'), { recursive: true });
    copyFileSync(risky, join(root, 'plan.scope.yaml'));
    make(join(root, '.scope-lint.yaml'));
    return root;
  };

  for (const [name, make, kind] of [
    ['a symlink to /dev/zero', (p: string) => symlinkSync('/dev/zero', p), 'a character device'],
    ['a FIFO', mkfifo, 'a FIFO \\(named pipe\\)'],
  ] as const) {
    it(`a .scope-lint.yaml that is ${name} is one clear config error (exit 2), not a hang or a crash`, () => {
      const root = repo(name.replace(/\W+/g, '-'), make);
      const run = runSpawned(['plan.scope.yaml'], { cwd: root, timeoutMs: 30_000 });
      assert.equal(run.status, 2, `status ${run.status} (null: killed after 30 s); stderr: ${run.stderr}`);
      assert.equal(run.stdout, '');
      assert.match(
        run.stderr,
        new RegExp(`^scope-lint: .*/\\.scope-lint\\.yaml:1:1: The config file is ${kind}, not a regular file, so it is not read\\.\\n$`),
      );
    });
  }

  it('a folder walk reports a *.scope.yaml that is a FIFO or a symlink to /dev/zero, and still lints the rest', () => {
    const root = join(dir, 'walk');
    mkdirSync(join(root, 'specs'), { recursive: true });
    copyFileSync(risky, join(root, 'specs', 'b-plan.scope.yaml'));
    symlinkSync('/dev/zero', join(root, 'specs', 'a-zero.scope.yaml'));
    mkfifo(join(root, 'specs', 'c-pipe.scope.yaml'));
    const run = runSpawned(['-f', 'json', 'specs'], { cwd: root, timeoutMs: 30_000 });
    assert.equal(run.status, 2, `status ${run.status} (null: killed after 30 s); stderr: ${run.stderr}`);
    const files = JSON.parse(run.stdout) as JsonFile[];
    const plan = files.find((f) => f.filePath.endsWith('b-plan.scope.yaml'));
    assert.equal(plan?.messages.length, 39, 'the regular file is still linted');
    assert.match(run.stderr, /cannot read .*specs\/a-zero\.scope\.yaml: it is a character device, not a regular file\./);
    assert.match(run.stderr, /cannot read .*specs\/c-pipe\.scope\.yaml: it is a FIFO \(named pipe\), not a regular file\./);
  });

  it('a FIFO or device named on the command line is reported, not read', () => {
    const fifo = join(dir, 'named.scope.yaml');
    mkfifo(fifo);
    const run = runSpawned([fifo, '/dev/zero', risky], { timeoutMs: 30_000 });
    assert.equal(run.status, 2, `status ${run.status} (null: killed after 30 s); stderr: ${run.stderr}`);
    assert.match(run.stderr, /cannot read .*named\.scope\.yaml: it is a FIFO \(named pipe\), not a regular file\./);
    assert.match(run.stderr, /cannot read \/dev\/zero: it is a character device, not a regular file\./);
  });
});

describe('special files: the language server', { skip: noFifo }, () => {
  let dir: string;
  let client: LspClient;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'scope-special-lsp-'));
    mkfifo(join(dir, '.scope-lint.yaml'));
    client = await LspClient.start({ rootUri: pathToFileURL(dir).href, configuration: {} });
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a .scope-lint.yaml FIFO is a config problem on the file; the document is checked with the built-in rules', async () => {
    const uri = pathToFileURL(join(dir, 'plan.scope.yaml')).href;
    await client.open(uri, readFileSync(risky, 'utf8'));
    const diagnostics = await client.diagnostics(uri, 1, 30_000);
    assert.equal(diagnostics.length, 39);
    const config = client.published.find((p) => p.uri === pathToFileURL(join(dir, '.scope-lint.yaml')).href);
    assert.deepEqual(
      config?.diagnostics.map((d) => `${String(d.code)} ${d.message}`),
      ['config/invalid The config file is a FIFO (named pipe), not a regular file, so it is not read.'],
    );
  });
});

describe('special files: readUserFile', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'scope-userfile-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a regular file up to the limit and refuses one byte more', () => {
    const file = join(dir, 'f.yaml');
    writeFileSync(file, 'x'.repeat(100));
    const within = readUserFile(file, 100);
    assert.ok(within.ok && within.bytes.length === 100);
    assert.deepEqual(readUserFile(file, 99), { ok: false, reason: 'too-large', size: 100 });
    writeFileSync(file, '');
    const empty = readUserFile(file, 10);
    assert.ok(empty.ok && empty.bytes.length === 0);
  });

  it('never reads a device, a FIFO or a folder', { skip: noFifo }, () => {
    const fifo = join(dir, 'pipe');
    mkfifo(fifo);
    assert.deepEqual(readUserFile('/dev/zero', 1024), { ok: false, reason: 'not-a-file', kind: 'a character device' });
    assert.deepEqual(readUserFile(fifo, 1024), { ok: false, reason: 'not-a-file', kind: 'a FIFO (named pipe)' });
    assert.deepEqual(readUserFile(dir, 1024), { ok: false, reason: 'not-a-file', kind: 'a folder' });
    const config = loadConfig(fifo);
    assert.deepEqual(
      config.problems.map((p) => p.message),
      ['The config file is a FIFO (named pipe), not a regular file, so it is not read.'],
    );
  });
});
