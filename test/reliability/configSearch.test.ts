// Where the `.scope-lint.yaml` search stops when there is no workspace folder and no `.git`: it
// climbed to `/`, so a config another user planted in /tmp (or anywhere above) switched rules off.
// It now stops before a folder anyone can write to, after the user's home folder, and at the edge
// of the file system the file is on. Through the CLI (real spawns, one in its own mount
// namespace with a real tmpfs mount) and the language server over stdio.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { findConfigFile, isRepositoryRoot } from '../../server/src/config';
import { cliEnv, cliPath, runSpawned } from '../support/cli';
import { LspClient } from '../support/lspClient';
import { fixturesDir } from '../support/paths';

const risky = readFileSync(join(fixturesDir, 'golden', 'risky.scope.yaml'), 'utf8');
/** What a planted config does: switch a security rule off. */
const planted = 'rules:\n  security-nda-missing: "off"\n';

const ruleIds = (stdout: string): string[] =>
  (JSON.parse(stdout) as { messages: { ruleId: string }[] }[]).flatMap((f) => f.messages.map((m) => m.ruleId));

const posix = process.platform !== 'win32';
const mountWorks = process.platform === 'linux' && spawnSync('unshare', ['-m', 'true']).status === 0 && process.getuid?.() === 0;

describe('the .scope-lint.yaml search outside a repository', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'scope-config-search-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('never reads a config from a folder anyone can write to (like /tmp): CLI and server', { skip: !posix && 'POSIX modes' }, async () => {
    // dir/shared is drwxrwxrwt like /tmp; another user planted dir/shared/.scope-lint.yaml.
    const shared = join(dir, 'shared');
    mkdirSync(join(shared, 'mine'), { recursive: true });
    chmodSync(shared, 0o1777);
    writeFileSync(join(shared, '.scope-lint.yaml'), planted);
    const file = join(shared, 'mine', 'vendor.scope.yaml');
    writeFileSync(file, risky);
    assert.equal(findConfigFile(join(shared, 'mine'), isRepositoryRoot), undefined);

    const run = runSpawned(['-f', 'json', file], { cwd: dir, timeoutMs: 60_000 });
    assert.equal(run.status, 1, run.stderr);
    assert.ok(ruleIds(run.stdout).includes('security-nda-missing'), 'the planted config applied in the CLI');

    // No workspace folder: the server searches as the CLI does.
    const client = await LspClient.start();
    try {
      const uri = pathToFileURL(file).href;
      await client.open(uri, risky);
      const diagnostics = await client.diagnostics(uri, 1, 30_000);
      assert.ok(
        diagnostics.some((d) => d.code === 'security-nda-missing'),
        'the planted config applied in the server',
      );
      assert.equal(
        client.published.some((p) => p.uri.endsWith('/shared/.scope-lint.yaml')),
        false,
        'the planted config was read',
      );
    } finally {
      await client.stop();
    }
  });

  it("stops after the user's home folder", () => {
    // dir/.scope-lint.yaml is above HOME=dir/home; dir/home/.scope-lint.yml is the user's own.
    const home = join(dir, 'home');
    mkdirSync(join(home, 'projects', 'crm'), { recursive: true });
    writeFileSync(join(dir, '.scope-lint.yaml'), planted);
    const file = join(home, 'projects', 'crm', 'vendor.scope.yaml');
    writeFileSync(file, risky);
    try {
      const run = runSpawned(['-f', 'json', file], { cwd: home, env: { HOME: home }, timeoutMs: 60_000 });
      assert.equal(run.status, 1, run.stderr);
      assert.ok(ruleIds(run.stdout).includes('security-nda-missing'), 'a config above the home folder applied');

      writeFileSync(join(home, '.scope-lint.yml'), 'rules:\n  governance-owner-missing: "off"\n');
      const own = runSpawned(['-f', 'json', file], { cwd: home, env: { HOME: home }, timeoutMs: 60_000 });
      assert.equal(own.status, 1, own.stderr);
      assert.deepEqual(
        ['security-nda-missing', 'governance-owner-missing'].map((id) => ruleIds(own.stdout).includes(id)),
        [true, false],
        "the home folder's own config applies",
      );
    } finally {
      rmSync(join(dir, '.scope-lint.yaml'));
    }
  });

  it('stops at the edge of the file system the file is on', { skip: !mountWorks && 'needs root and unshare -m for a tmpfs mount' }, () => {
    // dir/.scope-lint.yaml on the disk; dir/mnt a tmpfs mounted in the CLI's own mount namespace.
    const mnt = join(dir, 'mnt');
    mkdirSync(mnt);
    writeFileSync(join(dir, '.scope-lint.yaml'), planted);
    const staged = join(dir, 'staged.scope.yaml');
    copyFileSync(join(fixturesDir, 'golden', 'risky.scope.yaml'), staged);
    try {
      const script = [
        `mount -t tmpfs -o mode=0755 scope-test "${mnt}"`,
        `mkdir "${mnt}/specs"`,
        `cp "${staged}" "${mnt}/specs/vendor.scope.yaml"`,
        `exec "${process.execPath}" "${cliPath}" -f json "${mnt}/specs/vendor.scope.yaml"`,
      ].join(' && ');
      const result = spawnSync('unshare', ['-m', '--propagation', 'private', 'sh', '-c', script], {
        cwd: dir,
        env: cliEnv({ HOME: '/nonexistent' }),
        encoding: 'utf8',
        timeout: 60_000,
      });
      assert.equal(result.status, 1, result.stderr);
      assert.ok(ruleIds(result.stdout).includes('security-nda-missing'), 'a config on another file system applied');
    } finally {
      rmSync(join(dir, '.scope-lint.yaml'));
    }
  });
});
