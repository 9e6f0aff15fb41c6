// Bulk suppressions (ESLint 9 style): --suppress-all / --suppress-rule record counts per file per
// rule in scope-lint-suppressions.json; later runs hide up to that many and show all of a rule's
// findings in a file that has more; --prune-suppressions lowers the counts; a malformed file is exit 2.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, beforeEach, describe, it } from 'node:test';
import { runInProcess as run, runSpawned } from '../support/cli';
import { fixturesDir } from '../support/paths';

const risky = join(fixturesDir, 'golden', 'risky.scope.yaml');

interface JsonFile {
  filePath: string;
  messages: { ruleId: string; line: number; column: number }[];
}

describe('scope-lint: bulk suppressions', () => {
  const root = mkdtempSync(join(tmpdir(), 'scope-bulk-'));
  let dir: string;
  let n = 0;
  beforeEach(() => {
    dir = join(root, String(n++));
    mkdirSync(join(dir, '.git'), { recursive: true });
    mkdirSync(join(dir, 'specs'));
    copyFileSync(risky, join(dir, 'specs', 'risky.scope.yaml'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  const countsNow = async (): Promise<Record<string, number>> => {
    const files = JSON.parse((await run(['-f', 'json', 'specs'], { cwd: dir })).stdout) as JsonFile[];
    const counts: Record<string, number> = {};
    for (const m of files[0]?.messages ?? []) counts[m.ruleId] = (counts[m.ruleId] ?? 0) + 1;
    return counts;
  };
  const fileText = (): string => readFileSync(join(dir, 'scope-lint-suppressions.json'), 'utf8');

  it('--suppress-all records every finding, sorted, and later runs pass', async () => {
    const before = await countsNow();
    const total = Object.values(before).reduce((a, b) => a + b, 0);
    const written = await run(['--suppress-all', 'specs'], { cwd: dir });
    assert.equal(written.status, 0, written.stderr);
    assert.equal(written.stderr, 'scope-lint: wrote scope-lint-suppressions.json.\n');
    assert.equal(written.stdout, `✔ No problems in 1 file; ${total} suppressed by scope-lint-suppressions.json.\n`);
    const expected = Object.fromEntries(
      Object.keys(before)
        .sort()
        .map((id) => [id, { count: before[id] }]),
    );
    assert.equal(fileText(), `${JSON.stringify({ 'specs/risky.scope.yaml': expected }, null, 2)}\n`);
    assert.match(fileText(), /"cost-vague-language": \{\n {6}"count": 5\n {4}\}/);

    const again = await run(['specs'], { cwd: dir });
    assert.equal(again.status, 0);
    assert.equal(again.stderr, '');
    assert.equal(again.stdout, `✔ No problems in 1 file; ${total} suppressed by scope-lint-suppressions.json.\n`);
  });

  it('shows all of a rule findings in a file that has more than recorded (exit 1)', async () => {
    await run(['--suppress-all', 'specs'], { cwd: dir });
    const file = join(dir, 'specs', 'risky.scope.yaml');
    const text = readFileSync(file, 'utf8').replace('name: Done,', 'name: TBD,');
    writeFileSync(file, text);
    const result = await run(['-f', 'json', 'specs'], { cwd: dir });
    assert.equal(result.status, 1);
    const messages = (JSON.parse(result.stdout) as JsonFile[])[0]?.messages ?? [];
    assert.deepEqual(
      messages.map((m) => `${m.ruleId} ${m.line}:${m.column}`),
      ['cost-tbd-placeholder 31:23', 'cost-tbd-placeholder 31:34'],
    );
    assert.match(
      result.stderr,
      /^scope-lint: specs\/risky\.scope\.yaml: 2 cost-tbd-placeholder findings, 1 suppressed, so all are shown\.\n/m,
    );
    assert.match(result.stderr, /suppressed by scope-lint-suppressions\.json\.\n$/);
  });

  it('--suppress-rule records one rule; --prune-suppressions removes what no longer occurs', async () => {
    const written = await run(['--suppress-rule', 'cost-vague-language', '--suppressions-location', 'ci/bulk.json', 'specs'], { cwd: dir });
    assert.equal(written.status, 1, 'the other errors remain');
    assert.equal(
      readFileSync(join(dir, 'ci', 'bulk.json'), 'utf8'),
      '{\n  "specs/risky.scope.yaml": {\n    "cost-vague-language": {\n      "count": 5\n    }\n  }\n}\n',
    );
    assert.match(written.stdout, /; 5 suppressed by ci\/bulk\.json\.\n$/);
    // The placeholder is fixed; its entry goes on the next prune.
    writeFileSync(
      join(dir, 'ci', 'bulk.json'),
      '{"specs/risky.scope.yaml":{"cost-vague-language":{"count":5},"cost-tbd-placeholder":{"count":3}},"gone.scope.yaml":{"cost-tbd-placeholder":{"count":1}}}',
    );
    const stale = await run(['-f', 'json', '--suppressions-location', 'ci/bulk.json', 'specs'], { cwd: dir });
    assert.match(
      stale.stderr,
      /^scope-lint: 1 entry in ci\/bulk\.json no longer matches as many findings; run with --prune-suppressions to remove it\.$/m,
    );
    const pruned = await run(['--prune-suppressions', '--suppressions-location', 'ci/bulk.json', 'specs'], { cwd: dir });
    assert.equal(pruned.status, 1);
    assert.equal(
      readFileSync(join(dir, 'ci', 'bulk.json'), 'utf8'),
      '{\n  "specs/risky.scope.yaml": {\n    "cost-tbd-placeholder": {\n      "count": 1\n    },\n    "cost-vague-language": {\n      "count": 5\n    }\n  }\n}\n',
    );
  });

  it('the register formats leave out the recorded findings, as the other formats do, and say where they went', async () => {
    const register = async (format: string): Promise<{ status: number | null; stdout: string; stderr: string }> =>
      run(['-f', format, 'specs'], { cwd: dir });
    const before = await register('markdown');
    assert.equal(before.status, 1);
    const riskRows = (text: string): number => text.match(/^\| R\d+ \| .*\(`cost-vague-language`\) \|/gm)?.length ?? 0;
    assert.equal(riskRows(before.stdout), 5);
    assert.match(before.stdout, /^\| Hidden costs \| Vague, open-ended language \(`cost-vague-language`\) \| 5 open \|$/m);

    assert.equal((await run(['--suppress-rule', 'cost-vague-language', 'specs'], { cwd: dir })).status, 1);
    const note = 'scope-lint: 5 findings suppressed by scope-lint-suppressions.json.\n';
    const markdown = await register('markdown');
    assert.equal(markdown.status, 1);
    assert.equal(markdown.stderr, note);
    assert.equal(riskRows(markdown.stdout), 0);
    assert.match(
      markdown.stdout,
      /^\| Hidden costs \| Vague, open-ended language \(`cost-vague-language`\) \| 5 in the bulk suppressions file \|$/m,
    );
    // Five warnings fewer in the score line than before.
    const warnings = (text: string): number => Number(/\| Risk score \| \d+\/100 \(\d+ errors, (\d+) warnings/.exec(text)?.[1]);
    assert.equal(warnings(markdown.stdout), warnings(before.stdout) - 5);

    const csv = await register('csv');
    assert.equal(csv.stderr, note);
    const rows = csv.stdout.trimEnd().split('\r\n');
    assert.deepEqual(
      rows.filter((row) => row.includes('cost-vague-language')),
      [],
      'no risk row, and no "Passed" row for the check',
    );

    const html = await register('html');
    assert.equal(html.stderr, note);
    assert.doesNotMatch(html.stdout, /<a href="[^"]*cost-vague-language\.md">/);
    assert.match(
      html.stdout,
      /<td>Vague, open-ended language \(<code>cost-vague-language<\/code>\)<\/td><td class="failed">5 in the bulk suppressions file<\/td>/,
    );
  });

  it('a malformed suppressions file is exit 2 with one clear line (spawned bin)', () => {
    writeFileSync(join(dir, 'scope-lint-suppressions.json'), '{"specs/risky.scope.yaml": {"cost-vague-language": {"count": "5"}}}\n');
    const result = runSpawned(['specs'], { cwd: dir });
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '');
    assert.equal(
      result.stderr,
      'scope-lint: scope-lint-suppressions.json is not a valid suppressions file: "specs/risky.scope.yaml" > "cost-vague-language" must be {"count": <a whole number of 1 or more>}. Fix it, or delete it and run with --suppress-all again.\n',
    );
    writeFileSync(join(dir, 'scope-lint-suppressions.json'), '{"a": ');
    assert.match(
      runSpawned(['specs'], { cwd: dir }).stderr,
      /^scope-lint: scope-lint-suppressions\.json is not a valid suppressions file: not JSON \(/,
    );
  });

  it('refuses --suppress-all with --stdin, --diff or --suppress-rule, and unknown rule ids', async () => {
    for (const [args, message] of [
      [['--suppress-all', '--stdin'], '--suppress-all, --suppress-rule and --prune-suppressions record files: not with --stdin.'],
      [
        ['--suppress-all', '--diff', 'specs'],
        '--diff writes nothing: --suppress-all, --suppress-rule and --prune-suppressions do not go with it.',
      ],
      [
        ['--suppress-all', '--suppress-rule', 'cost-vague-language', 'specs'],
        '--suppress-all already records every rule: use one of --suppress-all and --suppress-rule.',
      ],
      [
        ['--suppress-rule', 'cost-vague', 'specs'],
        '--suppress-rule: unknown rule id "cost-vague": neither a built-in rule nor a custom rule of the config in effect.',
      ],
    ] as const) {
      const result = await run(args, { cwd: dir });
      assert.equal(result.status, 2);
      assert.equal(result.stderr, `scope-lint: ${message}\n`);
    }
    assert.equal(existsSync(join(dir, 'scope-lint-suppressions.json')), false);
  });
});
