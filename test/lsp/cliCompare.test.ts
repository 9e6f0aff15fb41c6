// scope-lint compare: two files, or each file against its version at a git ref (a real temporary
// repository with two commits, through the bin), in stylish, json, markdown and github formats,
// with the linter's exit codes.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runInProcess as run, runSpawned } from '../support/cli';
import { repoRoot } from '../support/paths';

const example = readFileSync(join(repoRoot, 'examples', 'portal-rebuild.scope.yaml'), 'utf8');
/** A pull request's version: the price up with no change request, one new approved change that accounts for the later end. */
const raised = example
  .replace('  total: 240000\n', '  total: 252000\n')
  .replace('  end: 2027-10-29\n', '  end: 2027-11-12\n')
  .concat(
    '  - id: CR4\n    raised: 2027-05-20\n    summary: Two more weeks of warranty.\n    status: approved\n    approved_by: Sam Patel\n    approved: 2027-05-22\n    cost_impact: 0\n    schedule_impact_days: 14\n    affects: [D3]\n',
  );
const totalLine = raised.split('\n').indexOf('  total: 252000') + 1;

describe('scope-lint compare <old> <new>', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'scope-compare-'));
    writeFileSync(join(dir, 'old.scope.yaml'), example);
    writeFileSync(join(dir, 'new.scope.yaml'), raised);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('stylish: the summary, the finding on the changed line, exit 1 for an error', async () => {
    const result = await run(['compare', 'old.scope.yaml', 'new.scope.yaml'], { cwd: dir });
    assert.equal(result.stderr, '');
    assert.equal(result.status, 1);
    assert.equal(
      result.stdout,
      [
        'new.scope.yaml (compared with old.scope.yaml)',
        '  New change request CR4 (approved): 0 EUR, +14 days',
        '  Price: 240,000 → 252,000 EUR, +12,000 EUR (+5%)',
        '  End: 2027-10-29 → 2027-11-12, 14 days later',
        `  ${`${totalLine}:10`.padEnd(8)} error    The price rose by 12,000 EUR (+5%) and no approved change request accounts for it.  compare/scope-creep`,
        '',
        '1 problem (1 error, 0 warnings) in 1 file.',
        '',
      ].join('\n'),
    );
  });

  it('json: positions on the new version; markdown: a pull-request comment; github: an annotation', async () => {
    const json = await run(['compare', '-f', 'json', 'old.scope.yaml', 'new.scope.yaml'], { cwd: dir });
    const [file] = JSON.parse(json.stdout) as {
      filePath: string;
      basePath: string;
      findings: { code: string; line: number; column: number; endColumn: number }[];
    }[];
    assert.equal(file?.filePath, 'new.scope.yaml');
    assert.equal(file?.basePath, 'old.scope.yaml');
    assert.deepEqual(
      file?.findings.map((f) => [f.code, f.line, f.column, f.endColumn]),
      [['compare/scope-creep', totalLine, 10, 16]],
    );
    const md = await run(['compare', '-f', 'markdown', 'old.scope.yaml', 'new.scope.yaml'], { cwd: dir });
    assert.equal(md.status, 1);
    assert.match(
      md.stdout,
      /^## Scope changes\n\n### `new\.scope\.yaml`\n\nCompared with `old\.scope\.yaml`\.\n\n\*\*Change log\*\*\n\n- New change request `CR4`/,
    );
    assert.match(
      md.stdout,
      /\n\| 🛑 error \| \d+ \| The price rose by 12,000 EUR \(\+5%\) and no approved change request accounts for it\. \| `compare\/scope-creep` \|\n/,
    );
    assert.match(md.stdout, /\*\*Not ready to merge: 1 change needs an approved change request or a restored protection\.\*\*\n$/);
    const gh = await run(['compare', '-f', 'github', 'old.scope.yaml', 'new.scope.yaml'], { cwd: dir });
    assert.equal(
      gh.stdout,
      `::error file=new.scope.yaml,line=${totalLine},col=10,endLine=${totalLine},endColumn=16,title=compare/scope-creep::The price rose by 12,000 EUR (+5%25) and no approved change request accounts for it.\n`,
    );
  });

  it('identical files: exit 0 and says so', async () => {
    const result = await run(['compare', 'old.scope.yaml', 'old.scope.yaml'], { cwd: dir });
    assert.equal(result.status, 0);
    assert.equal(
      result.stdout,
      'old.scope.yaml (compared with old.scope.yaml)\n  No changes to price, schedule, deliverables, measures, security or vendor.\n\nNo changes that need a decision in 1 file.\n',
    );
  });

  it('usage and I/O mistakes: exit 2 with one line', async () => {
    const one = await run(['compare', 'old.scope.yaml'], { cwd: dir });
    assert.equal(one.status, 2);
    assert.equal(one.stderr, 'scope-lint: compare: give two files, the old version and the new one (or --base <git-ref> and the files).\n');
    const missing = await run(['compare', 'old.scope.yaml', 'gone.scope.yaml'], { cwd: dir });
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr, `scope-lint: ${join(dir, 'gone.scope.yaml')}: no such file or folder\n`);
    const format = await run(['compare', '-f', 'sarif', 'old.scope.yaml', 'new.scope.yaml'], { cwd: dir });
    assert.equal(format.status, 2);
    assert.match(format.stderr, /unknown format "sarif"; use stylish, json, markdown, github/);
  });
});

describe('scope-lint compare --base <git-ref> (a real repository, the bin)', () => {
  let repo: string;
  before(() => {
    repo = mkdtempSync(join(tmpdir(), 'scope-compare-git-'));
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
        cwd: repo,
      });
    git('init', '-q', '-b', 'main');
    writeFileSync(join(repo, 'plan.scope.yaml'), example);
    git('add', '.');
    git('commit', '-q', '-m', 'scope as signed');
    writeFileSync(join(repo, 'plan.scope.yaml'), raised);
    writeFileSync(join(repo, 'extra.scope.yaml'), 'scope_version: 1\n');
    git('add', '.');
    git('commit', '-q', '-m', 'price up');
  });
  after(() => rmSync(repo, { recursive: true, force: true }));

  it('compares each file with its version at the ref; a file new since then is new, not an error', () => {
    const result = runSpawned(['compare', '--base', 'HEAD~1', 'plan.scope.yaml', 'extra.scope.yaml'], { cwd: repo, timeoutMs: 60_000 });
    assert.equal(result.stderr, '');
    assert.equal(result.status, 1);
    assert.match(result.stdout, /^plan\.scope\.yaml \(compared with HEAD~1:plan\.scope\.yaml\)\n/);
    assert.match(result.stdout, /\n {2}Price: 240,000 → 252,000 EUR, \+12,000 EUR \(\+5%\)\n/);
    assert.match(result.stdout, /\nextra\.scope\.yaml: new file \(nothing to compare with\)\n/);
    assert.match(result.stdout, /\n1 problem \(1 error, 0 warnings\) in 2 files\.\n$/);
  });

  it('scope-lint --base <ref> <files> without the word compare gives the same report and exit code', () => {
    const short = runSpawned(['--base', 'HEAD~1', '--format', 'markdown', 'plan.scope.yaml'], { cwd: repo, timeoutMs: 60_000 });
    const long = runSpawned(['compare', '--format', 'markdown', '--base', 'HEAD~1', 'plan.scope.yaml'], { cwd: repo, timeoutMs: 60_000 });
    assert.equal(short.stderr, '');
    assert.equal(short.status, 1);
    assert.match(short.stdout, /^## Scope changes\n\n### `plan\.scope\.yaml`\n\nCompared with `HEAD~1:plan\.scope\.yaml`\.\n/);
    assert.equal(short.stdout, long.stdout);
    // After `--`, --base is a file name for the linter, not an option.
    const file = runSpawned(['--', '--base'], { cwd: repo, timeoutMs: 60_000 });
    assert.equal(file.status, 2);
    assert.match(file.stderr, /--base/);
  });

  it('a ref that is not a commit is exit 2', () => {
    const result = runSpawned(['compare', '--base', 'no-such-branch', 'plan.scope.yaml'], { cwd: repo, timeoutMs: 60_000 });
    assert.equal(result.status, 2);
    assert.equal(
      result.stderr,
      `scope-lint: ${join(repo, 'plan.scope.yaml')}: "no-such-branch" is not a commit in the git repository here (or there is no repository)\n`,
    );
  });
});
