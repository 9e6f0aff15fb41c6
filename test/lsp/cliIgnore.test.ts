// Folder and glob searches skip what .gitignore files and the `ignore:` list of .scope-lint.yaml
// ignore; a file named on the command line is always checked; a bad `ignore:` entry is a config
// error with its file and line.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseConfig } from '../../server/src/config';
import { runInProcess as run, runSpawned } from '../support/cli';
import { fixturesDir } from '../support/paths';

const full = join(fixturesDir, 'golden', 'full.scope.yaml');

describe('scope-lint: .gitignore and ignore:', () => {
  let dir: string;
  let repo: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'scope-ignore-'));
    repo = join(dir, 'repo');
    for (const sub of ['.git', 'specs/archive', 'specs/drafts', 'specs/team', 'build']) mkdirSync(join(repo, sub), { recursive: true });
    for (const file of [
      'specs/main.scope.yaml',
      'specs/archive/old.scope.yaml',
      'specs/drafts/wip.scope.yaml',
      'specs/team/a.draft.scope.yaml',
      'specs/team/keep.draft.scope.yaml',
      'specs/team/b.scope.yaml',
      'build/out.scope.yaml',
    ])
      copyFileSync(full, join(repo, file));
    writeFileSync(join(repo, '.gitignore'), '/build/\n*.draft.scope.yaml\n');
    // A deeper .gitignore takes back what the top one ignores, as in git.
    writeFileSync(join(repo, 'specs', 'team', '.gitignore'), '!keep.draft.scope.yaml\n');
    writeFileSync(join(repo, '.scope-lint.yaml'), 'ignore:\n  - specs/archive/\n  - "**/wip.scope.yaml"\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const listed = async (args: string[], cwd = repo): Promise<string[]> => {
    const result = await run(['-f', 'json', ...args], { cwd });
    assert.equal(result.status, 0, result.stderr);
    return (JSON.parse(result.stdout) as { filePath: string }[]).map((f) => relative(repo, f.filePath));
  };

  it('skips ignored files and folders when searching a folder', async () => {
    assert.deepEqual(await listed(['.']), ['specs/main.scope.yaml', 'specs/team/b.scope.yaml', 'specs/team/keep.draft.scope.yaml']);
    // The search root's parents' .gitignore and the repository config still apply below it.
    assert.deepEqual(await listed(['team'], join(repo, 'specs')), ['specs/team/b.scope.yaml', 'specs/team/keep.draft.scope.yaml']);
  });

  it('skips them for globs too', async () => {
    assert.deepEqual(await listed(['**/*.scope.yaml']), [
      'specs/main.scope.yaml',
      'specs/team/b.scope.yaml',
      'specs/team/keep.draft.scope.yaml',
    ]);
  });

  it('always checks a file named on the command line', async () => {
    assert.deepEqual(await listed(['specs/archive/old.scope.yaml', 'build/out.scope.yaml']), [
      'specs/archive/old.scope.yaml',
      'build/out.scope.yaml',
    ]);
  });

  it('says so when everything in a folder is ignored (exit 2)', async () => {
    const result = await run(['specs/archive'], { cwd: repo });
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '');
    assert.equal(
      result.stderr,
      'scope-lint: No *.scope.yaml files in "specs/archive" that .gitignore or the ignore: list of .scope-lint.yaml leaves in.\n',
    );
  });

  it('reports a bad ignore: entry as a config error with file and line (spawned bin)', () => {
    const bad = join(repo, 'specs', 'drafts', '.scope-lint.yaml');
    writeFileSync(bad, 'ignore:\n  - ok/\n  - ""\n');
    try {
      const result = runSpawned(['specs/drafts'], { cwd: repo });
      assert.equal(result.status, 2);
      assert.equal(result.stdout, '');
      assert.equal(result.stderr, `scope-lint: ${bad}:3:5: \`ignore[1]\` must not be empty.\n`);
    } finally {
      rmSync(bad);
    }
  });
});

describe('parseConfig: ignore', () => {
  it('keeps the list apart from the engine settings, and rejects a list that is not one', () => {
    const ok = parseConfig('ignore: [archive/]\nrules:\n  security-nda-missing: off\n', '/r/.scope-lint.yaml');
    assert.deepEqual(ok.problems, []);
    assert.deepEqual(ok.ignore, ['archive/']);
    assert.deepEqual(ok.settings, { rules: { 'security-nda-missing': 'off' } });
    const bad = parseConfig('rules:\n  security-nda-missing: off\nignore: archive/\n', '/r/.scope-lint.yaml');
    assert.deepEqual(
      bad.problems.map((p) => `${p.range.start.line + 1}:${p.range.start.character + 1} ${p.message}`),
      ['3:9 `ignore` must be a list.'],
    );
    assert.equal(bad.ignore, undefined);
    assert.deepEqual(bad.settings, { rules: { 'security-nda-missing': 'off' } });
  });
});
