// scope-lint --fix, --unsafe-fixes, --diff, --stdin, --output-file and --statistics: the exact text
// of a file after --fix (line endings, BOM and mode kept), the exact diff (and that `git apply`
// turns the file into what --fix writes), exit codes, and a file that changed on disk is kept.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fixFile } from '../../server/src/cli/fix';
import { writeFixes } from '../../server/src/cli/run';
import { writeFixedFile } from '../../server/src/cli/write';
import { mergeSettings } from '../../server/src/service/settings';
import { runInProcess as run, runSpawned } from '../support/cli';
import { fixturesDir } from '../support/paths';

const full = readFileSync(join(fixturesDir, 'golden', 'full.scope.yaml'), 'utf8');
/** The clean example with one safe fix (a classification in the wrong case), one unsafe fix (no contingency) and one display-only fix (nothing out of scope). */
const fixable = full
  .replace('  data_classification: confidential', '  data_classification: Confidential')
  .replace('contingency_percent: 15', 'contingency_percent: 0')
  .replace(/^out_of_scope:\n(?: {2}- .*\n)+/m, 'out_of_scope: []\n');
const safeFixed = fixable.replace('  data_classification: Confidential', '  data_classification: confidential');
const unsafeFixed = safeFixed.replace('contingency_percent: 0', 'contingency_percent: 15');

const remainingAfterSafe = [
  'plan.scope.yaml',
  '  103:24  warning  The contingency reserve is 0%, so every known risk that materialises needs new money.  cost-contingency-missing',
];

describe('scope-lint --fix, --unsafe-fixes and --diff', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'scope-cli-fix-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const fresh = (name: string, text: string | Buffer = fixable): string => {
    const folder = mkdtempSync(join(dir, `${name}-`));
    writeFileSync(join(folder, 'plan.scope.yaml'), text);
    return folder;
  };

  it('the test file has the three kinds of fix', async () => {
    assert.notEqual(fixable, full);
    assert.ok(fixable.includes('out_of_scope: []\n'));
    const result = await run(['--format', 'json', 'plan.scope.yaml'], { cwd: fresh('kinds') });
    const ids = (JSON.parse(result.stdout) as { messages: { ruleId: string }[] }[])[0]?.messages.map((m) => m.ruleId);
    assert.deepEqual(ids, ['security-data-classification-missing', 'cost-contingency-missing', 'cost-out-of-scope-empty']);
  });

  it('--fix applies the safe fix in place, reports what remains and exits from it', async () => {
    const cwd = fresh('safe');
    const result = await run(['--fix', 'plan.scope.yaml'], { cwd });
    assert.equal(readFileSync(join(cwd, 'plan.scope.yaml'), 'utf8'), safeFixed);
    assert.equal(
      result.stdout,
      [
        ...remainingAfterSafe,
        '  138:15  warning  Nothing is listed under `out_of_scope`: every adjacent request can be argued into the price.  cost-out-of-scope-empty',
        '',
        '⚠ 2 problems (2 warnings) in 1 file.',
        '',
      ].join('\n'),
    );
    assert.equal(result.stderr, 'scope-lint: applied 1 fix in 1 file.\n');
    // Warnings only remain: exit 0 (the error was fixed).
    assert.equal(result.status, 0);
    // Nothing left behind: no temporary file.
    assert.deepEqual(readdirSync(cwd), ['plan.scope.yaml']);
    // Running it again changes nothing.
    const again = await run(['--fix', 'plan.scope.yaml'], { cwd });
    assert.equal(again.stderr, '');
    assert.equal(readFileSync(join(cwd, 'plan.scope.yaml'), 'utf8'), safeFixed);
  });

  it('--fix exits 1 when errors remain', async () => {
    const cwd = fresh('errors', fixable.replace('  - id: D2\n', '  - id: D1\n'));
    const result = await run(['--fix', '--format', 'json', 'plan.scope.yaml'], { cwd });
    assert.equal(result.status, 1);
    const ids = (JSON.parse(result.stdout) as { messages: { ruleId: string }[] }[])[0]?.messages.map((m) => m.ruleId);
    assert.ok(ids?.includes('structure-duplicate-id'), String(ids));
    assert.ok(!ids?.includes('security-data-classification-missing'));
  });

  it('--unsafe-fixes also applies unsafe fixes; display-only fixes never', async () => {
    const cwd = fresh('unsafe');
    const result = await run(['--fix', '--unsafe-fixes', 'plan.scope.yaml'], { cwd });
    assert.equal(readFileSync(join(cwd, 'plan.scope.yaml'), 'utf8'), unsafeFixed);
    assert.equal(result.stderr, 'scope-lint: applied 2 fixes in 1 file.\n');
    assert.match(result.stdout, /cost-out-of-scope-empty\n\n⚠ 1 problem \(1 warning\) in 1 file\.\n$/);
    assert.equal(result.status, 0);
  });

  it('keeps CRLF line endings, the BOM and the file mode', async () => {
    const crlf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(fixable.replace(/\n/g, '\r\n'))]);
    const cwd = fresh('crlf', crlf);
    const file = join(cwd, 'plan.scope.yaml');
    chmodSync(file, 0o604);
    const result = await run(['--fix', '--unsafe-fixes', 'plan.scope.yaml'], { cwd });
    assert.equal(result.status, 0, result.stderr);
    const expected = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(unsafeFixed.replace(/\n/g, '\r\n'))]);
    assert.deepEqual(readFileSync(file), expected);
    assert.equal(statSync(file).mode & 0o777, 0o604);
  });

  it('fixes the target of a symlink and keeps the link', async () => {
    const cwd = fresh('link');
    symlinkSync(join(cwd, 'plan.scope.yaml'), join(cwd, 'link.scope.yaml'));
    const result = await run(['--fix', 'link.scope.yaml'], { cwd });
    assert.equal(result.stderr, 'scope-lint: applied 1 fix in 1 file.\n');
    assert.equal(readFileSync(join(cwd, 'plan.scope.yaml'), 'utf8'), safeFixed);
    assert.ok(statSync(join(cwd, 'link.scope.yaml')).isFile());
    assert.ok(readdirSync(cwd).includes('link.scope.yaml'));
  });

  it('does not write a file that changed on disk after it was read, and says so', () => {
    const cwd = fresh('changed');
    const file = join(cwd, 'plan.scope.yaml');
    const settings = mergeSettings();
    const edited = fixable.replace('Customer self-service', 'Client self-service');

    const contentChanged = fixFile(file, settings, 'safe');
    writeFileSync(file, edited);
    assert.match(writeFixedFile(file, contentChanged.fix!) ?? '', /^it changed on disk while it was being checked/);
    assert.equal(readFileSync(file, 'utf8'), edited);

    // Same bytes, but touched: also kept (someone saved it).
    const touched = fixFile(file, settings, 'safe');
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    assert.match(writeFixedFile(file, touched.fix!) ?? '', /^it changed on disk/);
    assert.equal(readFileSync(file, 'utf8'), edited);

    const untouched = fixFile(file, settings, 'safe');
    assert.equal(writeFixedFile(file, untouched.fix!), undefined);
    assert.equal(readFileSync(file, 'utf8'), edited.replace('data_classification: Confidential', 'data_classification: confidential'));
  });

  it('a file not written is exit 2, named on stderr, and reported as it is on disk', () => {
    const cwd = fresh('not-written');
    const file = join(cwd, 'plan.scope.yaml');
    const settings = mergeSettings();
    const stale = fixFile(file, settings, 'safe');
    const fresher = fixable.replace('Customer self-service', 'Client self-service');
    writeFileSync(file, fresher);
    const outcome = writeFixes([stale], () => settings, cwd);
    assert.equal(outcome.trouble, true);
    assert.deepEqual(outcome.notes, [
      'scope-lint: plan.scope.yaml was not fixed: it changed on disk while it was being checked, so the fixes were not written; run again.\n',
    ]);
    // The report is of the text that was checked, with the finding the fix would have removed.
    assert.deepEqual(
      outcome.results[0]?.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`),
      ['33:24 security-data-classification-missing', '103:24 cost-contingency-missing', '138:15 cost-out-of-scope-empty'],
    );
    assert.equal(outcome.results[0]?.fix, undefined);
    assert.equal(readFileSync(file, 'utf8'), fresher);
  });

  it('--diff prints a unified diff, writes nothing, and exits 1', async () => {
    const cwd = fresh('diff');
    const result = await run(['--diff', 'plan.scope.yaml'], { cwd });
    assert.equal(result.status, 1);
    assert.equal(result.stderr, '');
    assert.equal(
      result.stdout,
      [
        '--- a/plan.scope.yaml',
        '+++ b/plan.scope.yaml',
        '@@ -30,7 +30,7 @@',
        '     - { role: Tech lead, name: Rui Lopes, allocation_percent: 100 }',
        ' ',
        ' security:',
        '-  data_classification: Confidential',
        '+  data_classification: confidential',
        '   personal_data: true',
        '   personal_data_categories: [contact details, billing address, invoice history]',
        '   dpa: { signed: true, date: 2027-02-01 }',
        '',
      ].join('\n'),
    );
    assert.equal(readFileSync(join(cwd, 'plan.scope.yaml'), 'utf8'), fixable);
  });

  it('git apply turns the file into what --fix --unsafe-fixes writes', async () => {
    const cwd = fresh('apply');
    const result = await run(['--diff', '--unsafe-fixes', 'plan.scope.yaml'], { cwd });
    assert.equal(result.status, 1);
    assert.match(result.stdout, /^- {2}contingency_percent: 0\n\+ {2}contingency_percent: 15$/m);
    writeFileSync(join(cwd, 'fix.patch'), result.stdout);
    const applied = spawnSync('git', ['apply', 'fix.patch'], { cwd, encoding: 'utf8' });
    assert.equal(applied.status, 0, applied.stderr);
    assert.equal(readFileSync(join(cwd, 'plan.scope.yaml'), 'utf8'), unsafeFixed);
  });

  it('--diff of a file with nothing to fix is empty and exits 0', async () => {
    const cwd = fresh('clean', full);
    assert.deepEqual(await run(['--diff', 'plan.scope.yaml'], { cwd }), { status: 0, stdout: '', stderr: '' });
  });

  it('says when a file with syntax errors is not fixed', async () => {
    const cwd = fresh('syntax', 'project: [a,\n');
    const result = await run(['--fix', 'plan.scope.yaml'], { cwd });
    assert.equal(result.status, 1);
    assert.equal(result.stderr, 'scope-lint: plan.scope.yaml has YAML syntax errors, so no fixes were applied.\n');
    assert.equal(readFileSync(join(cwd, 'plan.scope.yaml'), 'utf8'), 'project: [a,\n');
  });

  it('fixes on the main thread too (SCOPE_LINT_WORKERS=0) with the same result', async () => {
    const cwd = fresh('main-thread');
    const result = await run(['--fix', 'plan.scope.yaml'], { cwd, env: { SCOPE_LINT_WORKERS: '0' } });
    assert.equal(result.stderr, 'scope-lint: applied 1 fix in 1 file.\n');
    assert.equal(readFileSync(join(cwd, 'plan.scope.yaml'), 'utf8'), safeFixed);
  });

  it('rejects flags that do not go together', async () => {
    for (const [args, pattern] of [
      [['--unsafe-fixes', 'x.scope.yaml'], /^scope-lint: --unsafe-fixes goes with --fix or --diff\.\n$/],
      [['--fix', '--diff', 'x.scope.yaml'], /^scope-lint: --diff shows what --fix would change without writing: use one of them\.\n$/],
      [['--stdin', 'x.scope.yaml'], /^scope-lint: --stdin reads standard input: give no files with it\.\n$/],
      [['--stdin-filename', 'x.scope.yaml', 'x.scope.yaml'], /^scope-lint: --stdin-filename goes with --stdin\.\n$/],
      [
        ['--statistics', '--format', 'sarif', 'x.scope.yaml'],
        /^scope-lint: --statistics prints a table, or JSON with --format json; not --format sarif\.\n$/,
      ],
    ] as const) {
      const result = await run(args);
      assert.equal(result.status, 2, args.join(' '));
      assert.equal(result.stdout, '');
      assert.match(result.stderr, pattern);
    }
  });
});

describe('scope-lint --stdin', () => {
  let repo: string;
  before(() => {
    repo = mkdtempSync(join(tmpdir(), 'scope-cli-stdin-'));
    mkdirSync(join(repo, '.git'));
    mkdirSync(join(repo, 'specs'));
    writeFileSync(join(repo, 'specs', '.scope-lint.yaml'), 'rules:\n  cost-out-of-scope-empty: off\n');
  });
  after(() => rmSync(repo, { recursive: true, force: true }));

  it('lints standard input as the named file: its config, its path in the report', async () => {
    const result = await run(['--stdin', '--stdin-filename', 'specs/new.scope.yaml'], { cwd: repo, stdin: fixable });
    assert.equal(result.status, 1);
    assert.equal(
      result.stdout,
      [
        'specs/new.scope.yaml',
        '   33:24  error    Write the data classification `confidential`, not `Confidential`: levels are lower case.  security-data-classification-missing',
        '  103:24  warning  The contingency reserve is 0%, so every known risk that materialises needs new money.  cost-contingency-missing',
        '',
        '✖ 2 problems (1 error, 1 warning) in 1 file.',
        '',
      ].join('\n'),
    );
  });

  it('without --stdin-filename it is <stdin> in the working folder', async () => {
    const result = await run(['--stdin', '--format', 'json'], { cwd: repo, stdin: full });
    assert.equal(result.status, 0);
    assert.deepEqual(JSON.parse(result.stdout), [{ filePath: join(repo, '<stdin>'), messages: [] }]);
  });

  it('--fix prints the fixed text on stdout and the report on stderr', async () => {
    const result = await run(['--stdin', '--stdin-filename', 'specs/new.scope.yaml', '--fix'], { cwd: repo, stdin: fixable });
    assert.equal(result.status, 0);
    assert.equal(result.stdout, safeFixed);
    assert.equal(
      result.stderr,
      [remainingAfterSafe[0]?.replace('plan', 'specs/new'), remainingAfterSafe[1], '', '⚠ 1 problem (1 warning) in 1 file.', ''].join('\n'),
    );
    assert.ok(!readdirSync(join(repo, 'specs')).includes('new.scope.yaml'), 'nothing written');
  });

  it('--fix gives back input it cannot fix unchanged', () => {
    const binary = Buffer.from([0x61, 0x3a, 0x00, 0xff, 0x0a]);
    const result = runSpawned(['--stdin', '--fix'], { cwd: repo, stdin: binary });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /input\/binary/);
    // Spawned with utf8 decoding: compare as decoded text.
    assert.equal(result.stdout, binary.toString('utf8'));
  });

  it('--diff names the file as given', async () => {
    const result = await run(['--stdin', '--stdin-filename', 'specs/new.scope.yaml', '--diff'], { cwd: repo, stdin: fixable });
    assert.equal(result.status, 1);
    assert.match(result.stdout, /^--- a\/specs\/new\.scope\.yaml\n\+\+\+ b\/specs\/new\.scope\.yaml\n@@ -30,7 \+30,7 @@\n/);
  });

  it('the bin reads its standard input', () => {
    const result = runSpawned(['--stdin', '--stdin-filename', 'specs/new.scope.yaml', '--fix', '--unsafe-fixes'], {
      cwd: repo,
      stdin: fixable,
    });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, unsafeFixed);
    assert.equal(result.stderr, '✔ No problems in 1 file.\n');
  });
});

describe('scope-lint --output-file and --statistics', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'scope-cli-out-'));
    writeFileSync(join(dir, 'plan.scope.yaml'), fixable);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('--output-file writes the report there, the same as stdout would be, and nothing on stdout', async () => {
    const onStdout = await run(['--format', 'sarif', 'plan.scope.yaml'], { cwd: dir });
    const toFile = await run(['--format', 'sarif', '-o', 'reports/scope.sarif', 'plan.scope.yaml'], { cwd: dir });
    assert.equal(toFile.status, 1);
    assert.equal(toFile.stdout, '');
    assert.equal(toFile.stderr, '');
    assert.equal(readFileSync(join(dir, 'reports', 'scope.sarif'), 'utf8'), onStdout.stdout);
  });

  it('--output-file that cannot be written is exit 2', async () => {
    writeFileSync(join(dir, 'blocker'), '');
    const result = await run(['-o', 'blocker/report.txt', 'plan.scope.yaml'], { cwd: dir });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^scope-lint: cannot write the report to blocker\/report\.txt: .+\.\n$/);
  });

  it('--statistics counts findings per rule, most first', async () => {
    const result = await run(['--statistics', 'plan.scope.yaml', join(fixturesDir, 'golden', 'minimal.scope.yaml')], { cwd: dir });
    const json = await run(['--statistics', '--format', 'json', 'plan.scope.yaml'], { cwd: dir });
    assert.deepEqual(JSON.parse(json.stdout), [
      { ruleId: 'cost-contingency-missing', title: 'No contingency reserve', count: 1 },
      { ruleId: 'cost-out-of-scope-empty', title: 'Nothing is explicitly out of scope', count: 1 },
      { ruleId: 'security-data-classification-missing', title: 'Data classification not stated', count: 1 },
    ]);
    assert.equal(json.status, 1);
    const lines = result.stdout.split('\n');
    assert.match(lines[lines.length - 2] ?? '', /^\d+ problems in 2 files\.$/);
    assert.match(result.stdout, /^1 {2}security-data-classification-missing +Data classification not stated$/m);
  });
});
