// scope-lint rules, explain and init: the rule registry as a table and JSON, a rule's docs page
// (from the bundled bin too), and starter files that are valid and never overwrite.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../server/src/config';
import { engineCodes } from '../../server/src/service/codes';
import { rules } from '../../server/src/service/rules';
import { runInProcess as run, runSpawned } from '../support/cli';
import { fixturesDir, repoRoot } from '../support/paths';

interface Listing {
  id: string;
  title: string;
  area: string;
  riskAreas: string[];
  severity: string;
  fixes: string[];
  docs: string;
}

describe('scope-lint rules', () => {
  it('lists every rule and engine code with area, default severity and fix levels', async () => {
    const result = await run(['rules', '--format', 'json']);
    assert.equal(result.status, 0);
    const rows = JSON.parse(result.stdout) as Listing[];
    assert.deepEqual(
      rows.map((r) => r.id),
      [...rules.map((r) => r.id), ...engineCodes.map((c) => c.code)],
    );
    assert.deepEqual(
      rows.find((r) => r.id === 'cost-currency-missing'),
      {
        id: 'cost-currency-missing',
        title: 'Budget has no currency',
        area: 'cost',
        riskAreas: ['cost'],
        severity: 'error',
        fixes: ['safe', 'unsafe'],
        docs: 'https://github.com/scope-yaml/scope-yaml/blob/main/docs/rules/cost-currency-missing.md',
      },
    );
    assert.equal(rows.find((r) => r.id === 'yaml/syntax')?.area, 'yaml');
  });

  it('prints a table, one line per rule', async () => {
    const result = await run(['rules']);
    assert.equal(result.status, 0);
    const lines = result.stdout.split('\n');
    assert.match(lines[0] ?? '', /^Rule +Area +Severity +Fixes +Title$/);
    assert.match(result.stdout, /^cost-currency-missing +cost +error +safe, unsafe +Budget has no currency$/m);
    assert.match(result.stdout, /^yaml\/syntax +yaml +error +- +YAML syntax error$/m);
    assert.match(result.stdout, new RegExp(`^${rules.length} risk rules and ${engineCodes.length} checks of the file itself\\.`, 'm'));
  });

  it('takes no other options or arguments', async () => {
    assert.deepEqual(await run(['rules', '--fix']), {
      status: 2,
      stdout: '',
      stderr: 'scope-lint: --fix does not go with "scope-lint rules".\n',
    });
    assert.equal((await run(['rules', 'x'])).status, 2);
  });
});

describe('scope-lint explain', () => {
  it('prints the rule docs page, without the generator comment', async () => {
    const result = await run(['explain', 'cost-currency-missing']);
    const page = readFileSync(join(repoRoot, 'docs', 'rules', 'cost-currency-missing.md'), 'utf8');
    assert.equal(result.status, 0);
    assert.equal(result.stdout, page.replace(/^<!--[\s\S]*?-->\s*/, ''));
    assert.match(result.stdout, /^# Budget has no currency\n/);
  });

  it('explains engine codes too', async () => {
    const result = await run(['explain', 'yaml/syntax']);
    assert.equal(result.status, 0);
    assert.match(result.stdout, /^# YAML syntax error\n/);
  });

  it('an unknown id is exit 2 with a suggestion', async () => {
    assert.deepEqual(await run(['explain', 'cost-curency-missing']), {
      status: 2,
      stdout: '',
      stderr:
        'scope-lint: Unknown rule id "cost-curency-missing". Did you mean "cost-currency-missing"? "scope-lint rules" lists them all.\n',
    });
    // Never a path: only known ids are looked up.
    assert.equal((await run(['explain', '../../package.json'])).status, 2);
  });

  it('works from the bundled bin (docs/rules next to dist/)', () => {
    const result = runSpawned(['explain', 'security-nda-missing'], { cwd: tmpdir() });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^# No signed NDA before work starts\n/);
  });
});

describe('custom rules in rules, explain, --rule and --suppress-rule', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'scope-custom-ids-'));
    mkdirSync(join(dir, '.git'));
    for (const name of ['.scope-lint.yaml', 'acme-policy.yaml'])
      writeFileSync(join(dir, name), readFileSync(join(fixturesDir, 'policy', name)));
    writeFileSync(
      join(dir, 'one.scope.yaml'),
      'scope_version: 1\ndeliverables:\n  - id: D1\n    title: Portal\n    acceptance_criteria: [Loads in under 2 s at p95]\n',
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('rules lists the custom rules of the config in the working folder, with the policy it extends', async () => {
    const result = await run(['rules', '--format', 'json'], { cwd: dir });
    assert.equal(result.status, 0, result.stderr);
    const rows = JSON.parse(result.stdout) as Listing[];
    assert.deepEqual(
      rows.filter((r) => r.area === 'custom').map((r) => `${r.id} ${r.severity} ${r.docs}`),
      [
        'acme-iso-27001-required error .scope-lint.yaml',
        'acme-steering-over-250k warning .scope-lint.yaml',
        'acme-criteria-two-or-more info .scope-lint.yaml',
      ],
    );
    const table = await run(['rules'], { cwd: dir });
    assert.match(table.stdout, /^acme-criteria-two-or-more +custom +info +- +Each deliverable needs at least two acceptance criteria/m);
    assert.match(table.stdout, /, and 3 custom rules from \.scope-lint\.yaml\. Fixes:/);
  });

  it('explain prints what a custom rule checks, and --config picks the config', async () => {
    const result = await run(['explain', '--config', join(dir, '.scope-lint.yaml'), 'acme-criteria-two-or-more'], { cwd: tmpdir() });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^# acme-criteria-two-or-more\n\nA custom rule of your organisation, defined in /);
    assert.match(result.stdout, /^- Severity: info$/m);
    assert.match(result.stdout, /^- Checks each value at: `deliverables\[\]\.acceptance_criteria`$/m);
    assert.match(result.stdout, /"minItems": 2/);
    // Outside that config the id is unknown, with the usual suggestion list.
    assert.equal((await run(['explain', 'acme-criteria-two-or-more'], { cwd: tmpdir() })).status, 2);
  });

  it("--rule sets a custom rule's severity; an id that no rule has is exit 2 with a suggestion", async () => {
    const shown = await run(['-f', 'json', '--rule', 'acme-criteria-two-or-more:error', 'one.scope.yaml'], { cwd: dir });
    const [file] = JSON.parse(shown.stdout) as { messages: { ruleId: string; severity: string; line: number }[] }[];
    assert.deepEqual(
      file?.messages.filter((m) => m.ruleId === 'acme-criteria-two-or-more').map((m) => `${m.severity} ${m.line}`),
      ['error 5'],
    );
    const off = await run(['-f', 'json', '--rule', 'acme-criteria-two-or-more:off', 'one.scope.yaml'], { cwd: dir });
    const [offFile] = JSON.parse(off.stdout) as { messages: { ruleId: string }[] }[];
    assert.equal(
      offFile?.messages.some((m) => m.ruleId === 'acme-criteria-two-or-more'),
      false,
    );
    assert.deepEqual(await run(['--rule', 'acme-criteria-two-or-mor:off', 'one.scope.yaml'], { cwd: dir }), {
      status: 2,
      stdout: '',
      stderr:
        'scope-lint: --rule: unknown rule id "acme-criteria-two-or-mor": neither a built-in rule nor a custom rule of the config in effect. Did you mean "acme-criteria-two-or-more"?\n',
    });
  });

  it('--suppress-rule records a custom rule in the suppressions file', async () => {
    const result = await run(['--suppress-rule', 'acme-criteria-two-or-more', 'one.scope.yaml'], { cwd: dir });
    assert.notEqual(result.status, 2, result.stderr);
    const written = JSON.parse(readFileSync(join(dir, 'scope-lint-suppressions.json'), 'utf8')) as Record<string, Record<string, unknown>>;
    assert.deepEqual(Object.keys(written['one.scope.yaml'] ?? {}), ['acme-criteria-two-or-more']);
    assert.equal((await run(['--suppress-rule', 'Not An Id', 'one.scope.yaml'], { cwd: dir })).status, 2);
  });
});

describe('scope-lint init', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'scope-cli-init-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a commented .scope-lint.yaml that is valid and changes nothing', async () => {
    const cwd = join(dir, 'config');
    mkdirSync(cwd);
    const result = await run(['init'], { cwd });
    assert.deepEqual(result, { status: 0, stdout: 'Created .scope-lint.yaml\n', stderr: '' });
    const text = readFileSync(join(cwd, '.scope-lint.yaml'), 'utf8');
    assert.match(text, /^# scope-lint configuration/);
    assert.match(text, /^ {2}# cost-currency-missing: error$/m);
    assert.match(text, /^ {2}# maxCheckInDays: 14$/m);
    const config = loadConfig(join(cwd, '.scope-lint.yaml'));
    assert.deepEqual(config.problems, []);
    assert.deepEqual(config.settings, {});
    // Each commented setting, uncommented, is valid too.
    const uncommented = text.replace(/^( {2})# (\S+: .*)$/gm, '$1$2');
    writeFileSync(join(cwd, 'all.yaml'), uncommented);
    assert.deepEqual(loadConfig(join(cwd, 'all.yaml')).problems, []);
  });

  it('the starter config shows ignore: commented out; uncommented, folder searches skip what it lists', async () => {
    const cwd = join(dir, 'ignore');
    mkdirSync(join(cwd, '.git'), { recursive: true });
    mkdirSync(join(cwd, 'archive'));
    assert.equal((await run(['init', '--scope', 'plan.scope.yaml'], { cwd })).status, 0);
    const text = readFileSync(join(cwd, '.scope-lint.yaml'), 'utf8');
    assert.ok(text.includes('\n# ignore:\n#   - archive/\n#   - "**/*.draft.scope.yaml"\n'), text.slice(0, 600));
    assert.deepEqual(loadConfig(join(cwd, '.scope-lint.yaml')).ignore, undefined);
    const template = readFileSync(join(cwd, 'plan.scope.yaml'));
    writeFileSync(join(cwd, 'archive', 'old.scope.yaml'), template);
    writeFileSync(join(cwd, 'next.draft.scope.yaml'), template);
    writeFileSync(join(cwd, '.scope-lint.yaml'), text.replace(/^# (ignore:| {2}- .*)$/gm, '$1'));
    assert.deepEqual(loadConfig(join(cwd, '.scope-lint.yaml')).ignore, ['archive/', '**/*.draft.scope.yaml']);
    const result = await run(['-f', 'json', '.'], { cwd });
    assert.equal(result.status, 1, result.stderr);
    assert.deepEqual(
      (JSON.parse(result.stdout) as { filePath: string }[]).map((f) => f.filePath),
      [join(cwd, 'plan.scope.yaml')],
    );
  });

  it('never overwrites: an existing config is kept, exit 2', async () => {
    const cwd = join(dir, 'existing');
    mkdirSync(cwd);
    writeFileSync(join(cwd, '.scope-lint.yml'), 'rules: {}\n');
    const result = await run(['init'], { cwd });
    assert.deepEqual(result, {
      status: 2,
      stdout: '',
      stderr: 'scope-lint: .scope-lint.yml already exists here; it was not overwritten.\n',
    });
    assert.equal(readFileSync(join(cwd, '.scope-lint.yml'), 'utf8'), 'rules: {}\n');
  });

  it('--scope writes the New Scope File template, never over a file', async () => {
    const cwd = join(dir, 'scope');
    mkdirSync(cwd);
    const result = await run(['init', '--scope', 'specs/plan.scope.yaml'], { cwd });
    assert.deepEqual(result, { status: 0, stdout: 'Created .scope-lint.yaml\nCreated specs/plan.scope.yaml\n', stderr: '' });
    const template = readFileSync(join(repoRoot, 'templates', 'new.scope.yaml'), 'utf8');
    assert.equal(readFileSync(join(cwd, 'specs', 'plan.scope.yaml'), 'utf8'), template);
    const again = await run(['init', '--scope', 'specs/plan.scope.yaml'], { cwd });
    assert.equal(again.status, 2);
    assert.equal(
      again.stderr,
      'scope-lint: .scope-lint.yaml already exists here; it was not overwritten.\nscope-lint: specs/plan.scope.yaml already exists; it was not overwritten.\n',
    );
    assert.equal(readFileSync(join(cwd, 'specs', 'plan.scope.yaml'), 'utf8'), template);
  });

  it('--scope needs a scope file name', async () => {
    const result = await run(['init', '--scope', 'plan.yaml'], { cwd: dir });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--scope expects a file name ending in \.scope\.yaml or \.scope\.yml/);
  });

  it('the bin writes the bundled template', () => {
    const cwd = join(dir, 'bin');
    mkdirSync(cwd);
    const result = runSpawned(['init', '--scope', 'new.scope.yaml'], { cwd });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(readFileSync(join(cwd, 'new.scope.yaml'), 'utf8'), readFileSync(join(repoRoot, 'templates', 'new.scope.yaml'), 'utf8'));
  });
});
