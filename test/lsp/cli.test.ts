// scope-lint as CI runs it: exit codes, one-line errors, every output format (SARIF validated
// against the SARIF 2.1.0 schema), configuration, file discovery, a 1,000-file batch, and the same
// findings as the language server for every fixture. Most cases call `runCli` in this process
// (support/cli.ts); what only the bin does (version, exit status, pipes, heap flags) spawns
// `node dist/cli.js` for real.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { cliEnv, cliPath, runInProcess, runSpawned, type CliRun } from '../support/cli';
import { LspClient } from '../support/lspClient';
import { sarifValidator } from '../support/sarif';
import { fixturesDir, repoRoot } from '../support/paths';

const golden = (name: string): string => join(fixturesDir, 'golden', `${name}.scope.yaml`);
const severityNames = ['', 'error', 'warning', 'info', 'hint'];

type Run = CliRun;
const run = runInProcess;

interface JsonMessage {
  ruleId: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

interface JsonFile {
  filePath: string;
  messages: JsonMessage[];
}

function json(result: Run): JsonFile[] {
  return JSON.parse(result.stdout) as JsonFile[];
}

/** `severity rule-id` per line of a golden .expected.txt, sorted. */
function expectedRows(name: string): string[] {
  return readFileSync(join(fixturesDir, 'golden', `${name}.expected.txt`), 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => l.trim().split(/\s+/).slice(0, 2).join(' '))
    .sort();
}

/** A usage or I/O error: exit 2, nothing on stdout, one line on stderr, no stack trace. */
function assertTrouble(result: Run, pattern: RegExp): void {
  assert.equal(result.status, 2, `exit code; stderr: ${result.stderr}`);
  assert.equal(result.stdout, '');
  const lines = result.stderr.split('\n').filter(Boolean);
  assert.equal(lines.length, 1, `one line on stderr, got:\n${result.stderr}`);
  assert.match(lines[0] ?? '', /^scope-lint: /);
  assert.doesNotMatch(result.stderr, /\n\s+at /);
  assert.match(lines[0] ?? '', pattern);
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'scope-cli-'));
}

describe('scope-lint: help, version and exit codes', () => {
  it('prints usage with every format and flag', async () => {
    const result = await run(['--help']);
    assert.equal(result.status, 0);
    assert.match(result.stdout, /^Usage: scope-lint \[options\] <file \| folder \| glob>/);
    for (const word of [
      'stylish',
      'json',
      'sarif',
      'github',
      'markdown',
      'csv',
      'html',
      '--format',
      '--config',
      '--rule',
      '--max-warnings',
      '--quiet',
      '--no-color',
      '--version',
      '.scope-lint.yaml',
      'Exit codes',
    ]) {
      assert.ok(result.stdout.includes(word), word);
    }
  });

  it('prints the version of package.json', () => {
    const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    // The version is inlined into the bundle: only the bin knows it.
    assert.deepEqual(runSpawned(['--version']), { status: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('exits 0 for a clean file and 1 when there are errors', async () => {
    const clean = await run([golden('full')]);
    assert.equal(clean.status, 0, clean.stdout);
    assert.equal(clean.stdout, '✔ No problems in 1 file.\n');
    assert.equal((await run([golden('risky')])).status, 1);
  });

  it('counts warnings against --max-warnings only', async () => {
    // minimal: 4 warnings, 1 info, no error.
    assert.equal((await run([golden('minimal')])).status, 0);
    assert.equal((await run(['--max-warnings', '4', golden('minimal')])).status, 0);
    const over = await run(['--max-warnings', '3', golden('minimal')]);
    assert.equal(over.status, 1);
    assert.equal(over.stderr, 'scope-lint: 4 warnings, more than --max-warnings 3.\n');
  });

  it('exits 2 with one line on stderr for usage and I/O errors', async () => {
    assertTrouble(await run(['no-such-file.scope.yaml']), /Cannot read "no-such-file\.scope\.yaml": no such file or folder\./);
    assertTrouble(await run(['--bogus', golden('full')]), /Unknown option '--bogus'/);
    assertTrouble(
      await run(['--format', 'xml', golden('full')]),
      /Unknown format "xml"; use one of stylish, json, sarif, github, markdown, csv, html\./,
    );
    assertTrouble(await run(['--rule', 'security-nda-mising:off', golden('full')]), /unknown rule id "security-nda-mising"/);
    assertTrouble(
      await run(['--rule', 'security-nda-missing:warn', golden('full')]),
      /severity must be one of off, hint, info, warning, error/,
    );
    assertTrouble(await run(['--max-warnings', 'many', golden('full')]), /--max-warnings expects a whole number/);
    assertTrouble(await run([]), /No files given/);
    assertTrouble(await run(['test/fixtures/golden/*.nothing']), /No files match "test\/fixtures\/golden\/\*\.nothing"\./);
    assertTrouble(
      await run(['--config', 'no-such-config.yaml', golden('full')]),
      /no-such-config\.yaml:1:1: Cannot read the config file: no such file\./,
    );
  });
});

describe('scope-lint: the bin', () => {
  it('exits with the code runCli returns', () => {
    assert.equal(runSpawned([golden('full')]).status, 0);
    const risky = runSpawned(['-f', 'json', golden('risky')]);
    assert.equal(risky.status, 1);
    assert.equal(json(risky)[0]?.messages.length, 39);
    assertTrouble(runSpawned(['--bogus']), /Unknown option '--bogus'/);
  });

  it('exits 2 with a message when the report cannot be written (a full disk), never 0 with an empty file', () => {
    const full = spawnSync('bash', ['-c', `"${process.execPath}" "${cliPath}" --format sarif "${golden('full')}" > /dev/full`], {
      env: cliEnv(),
      encoding: 'utf8',
    });
    assert.equal(full.status, 2, full.stderr);
    assert.match(full.stderr, /^scope-lint: cannot write the report to standard output: .*ENOSPC.*\.\n$/);
  });
});

describe('scope-lint: output formats', () => {
  const ansi = new RegExp(String.fromCharCode(27) + '\\[');
  const ansiRed = new RegExp(`${String.fromCharCode(27)}\\[31merror`);
  const riskyText = readFileSync(golden('risky'), 'utf8');
  const totalLine = riskyText.split('\n').findIndex((l) => l.includes('"$120k"'));

  it('json: one entry per file, 1-based positions, the findings of the golden file', async () => {
    const result = await run(['--format', 'json', golden('risky'), golden('full')]);
    assert.equal(result.status, 1);
    const files = json(result);
    assert.deepEqual(
      files.map((f) => f.filePath),
      [golden('risky'), golden('full')],
    );
    assert.deepEqual(files[1]?.messages, []);
    const messages = files[0]?.messages ?? [];
    assert.deepEqual(messages.map((m) => `${m.severity} ${m.ruleId}`).sort(), expectedRows('risky'));
    for (const m of messages) assert.deepEqual(Object.keys(m), ['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn']);
    const amount = messages.find((m) => m.ruleId === 'cost-amount-not-numeric');
    const column = (riskyText.split('\n')[totalLine] ?? '').indexOf('"$120k"') + 1;
    assert.deepEqual(amount && [amount.line, amount.column, amount.endLine, amount.endColumn], [
      totalLine + 1,
      column,
      totalLine + 1,
      column + '"$120k"'.length,
    ]);
  });

  it('stylish: file, line:col, severity, message and rule id, then a summary; colors only when asked', async () => {
    const result = await run([golden('risky')]);
    const lines = result.stdout.split('\n');
    assert.equal(lines[0], 'test/fixtures/golden/risky.scope.yaml');
    const amount = lines.find((l) => l.endsWith('cost-amount-not-numeric')) ?? '';
    assert.match(
      amount,
      new RegExp(`^ +${totalLine + 1}:\\d+  error    \`budget\\.total\` is text, not a number: .*  cost-amount-not-numeric$`),
    );
    assert.ok(result.stdout.endsWith('\n✖ 39 problems (12 errors, 24 warnings, 3 info) in 1 file.\n'), result.stdout.slice(-200));
    assert.doesNotMatch(result.stdout, ansi, 'no colors when stdout is not a terminal');
    assert.match((await run([golden('risky')], { env: { FORCE_COLOR: '1' } })).stdout, ansiRed);
    assert.doesNotMatch((await run(['--no-color', golden('risky')], { env: { FORCE_COLOR: '1' } })).stdout, ansi);
    assert.doesNotMatch((await run([golden('risky')], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout, ansi);
  });

  it('--quiet reports errors only; --rule overrides a severity or turns a rule off', async () => {
    const quiet = await run(['--quiet', golden('risky')]);
    assert.equal(quiet.status, 1);
    assert.ok(quiet.stdout.endsWith('\n✖ 12 errors in 1 file (24 warnings, 3 info hidden by --quiet).\n'), quiet.stdout.slice(-200));
    assert.doesNotMatch(quiet.stdout, /^\s+\d+:\d+\s+(warning|info)\s/m);
    // Warnings only: the summary says what --quiet left out, never "No problems".
    const warningsOnly = await run(['--quiet', golden('minimal')]);
    assert.equal(warningsOnly.stdout, '✔ No errors in 1 file (4 warnings, 1 info hidden by --quiet).\n');
    assert.equal(warningsOnly.status, 0);
    assert.equal(
      (await run(['--quiet', '--statistics', golden('minimal')])).stdout,
      'No errors in 1 file (4 warnings, 1 info hidden by --quiet).\n',
    );
    // Nothing hidden: nothing to say about --quiet.
    assert.equal((await run(['--quiet', golden('full')])).stdout, '✔ No problems in 1 file.\n');
    const overridden =
      json(await run(['-f', 'json', '--rule', 'cost-currency-missing:warning', '--rule', 'security-nda-missing:off', golden('risky')]))[0]
        ?.messages ?? [];
    assert.equal(overridden.find((m) => m.ruleId === 'cost-currency-missing')?.severity, 'warning');
    assert.equal(overridden.filter((m) => m.ruleId === 'security-nda-missing').length, 0);
  });

  it('github: one workflow annotation per finding, info as notice', async () => {
    const result = await run(['--format', 'github', golden('risky')]);
    const lines = result.stdout.trimEnd().split('\n');
    const annotations = lines.filter((l) => l.startsWith('::'));
    assert.equal(annotations.length, 39);
    for (const line of annotations) {
      assert.match(
        line,
        /^::(error|warning|notice) file=test\/fixtures\/golden\/risky\.scope\.yaml,line=\d+,endLine=\d+,col=\d+,endColumn=\d+,title=[^,:]+ \([a-z]+-[a-z0-9-]+\)::[^\n]+$/,
      );
    }
    assert.equal(annotations.filter((l) => l.startsWith('::notice')).length, 3);
    assert.ok(
      annotations.some(
        (l) =>
          l.startsWith(`::error file=test/fixtures/golden/risky.scope.yaml,line=${totalLine + 1},`) &&
          l.includes('(cost-amount-not-numeric)::'),
      ),
    );
    assert.equal(lines[lines.length - 1], 'scope-lint: 12 errors, 24 warnings, 3 info in 1 file.');
  });

  it('markdown: a risk register for a committee, top risks first, then one section per area', async () => {
    const result = await run(['--format', 'markdown', golden('risky')]);
    assert.equal(result.status, 1);
    const lines = result.stdout.trimEnd().split('\n');
    assert.equal(lines[0], '# Risk register: CRM integration');
    assert.ok(lines.includes('| Verdict | **Not ready to sign: 12 blocking risks** |'));
    const header = lines.indexOf('| # | Risk | Area | Mitigation | Owner | Status |');
    assert.ok(header > lines.indexOf('## Top risks'));
    const rows = lines.filter((l) => /^\| R\d+ \| (error|warning|info) \|/.test(l));
    assert.equal(rows.length, 39);
    for (const row of rows) assert.equal(row.split(/(?<!\\)\|/).length, 10, `8 cells: ${row}`);
    assert.ok(rows.some((r) => r.includes('**No signed NDA before work starts**') && r.includes('(`security-nda-missing`)')));
    const clean = await run(['--format', 'markdown', golden('full')]);
    assert.equal(clean.status, 0);
    assert.ok(clean.stdout.includes('| Verdict | **Ready to sign: no open risks found** |'));
  });

  it('sarif: valid SARIF 2.1.0 with rule metadata, help links and the same findings as json', async () => {
    const result = await run(['--format', 'sarif', golden('risky'), golden('minimal')]);
    assert.equal(result.status, 1);
    const log = JSON.parse(result.stdout) as {
      version: string;
      runs: {
        tool: {
          driver: {
            name: string;
            rules: { id: string; helpUri: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[];
          };
        };
        results: {
          ruleId: string;
          ruleIndex: number;
          level: string;
          locations: {
            physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number } };
          }[];
        }[];
      }[];
    };
    const validate = sarifValidator();
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    assert.equal(log.version, '2.1.0');
    const sarifRun = log.runs[0];
    assert.ok(sarifRun);
    assert.equal(sarifRun.tool.driver.name, 'scope-lint');
    const nda = sarifRun.tool.driver.rules.find((r) => r.id === 'security-nda-missing');
    assert.deepEqual(nda && [nda.shortDescription.text, nda.helpUri, nda.defaultConfiguration.level], [
      'No signed NDA before work starts',
      'https://github.com/scope-yaml/scope-yaml/blob/main/docs/rules/security-nda-missing.md',
      'error',
    ]);
    for (const r of sarifRun.results) assert.equal(sarifRun.tool.driver.rules[r.ruleIndex]?.id, r.ruleId);

    const asJson = json(await run(['--format', 'json', golden('risky'), golden('minimal')]));
    const levels: Record<string, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
    const fromJson = asJson.flatMap((f) =>
      f.messages.map((m) => `${relative(repoRoot, f.filePath)} ${m.line}:${m.column} ${levels[m.severity]} ${m.ruleId}`),
    );
    const fromSarif = sarifRun.results.map((r) => {
      const location = r.locations[0]?.physicalLocation;
      assert.equal(location?.artifactLocation.uriBaseId, '%SRCROOT%');
      return `${location?.artifactLocation.uri} ${location?.region.startLine}:${location?.region.startColumn} ${r.level} ${r.ruleId}`;
    });
    assert.deepEqual(fromSarif, fromJson);
  });
});

describe('scope-lint: configuration', () => {
  let dir: string;
  before(() => {
    dir = tempDir();
    mkdirSync(join(dir, 'repo', '.git'), { recursive: true });
    mkdirSync(join(dir, 'repo', 'specs'), { recursive: true });
    copyFileSync(golden('risky'), join(dir, 'repo', 'specs', 'risky.scope.yaml'));
    // Above the repository root: never used.
    writeFileSync(join(dir, '.scope-lint.yaml'), 'rules:\n  security-nda-missing: off\n');
    writeFileSync(join(dir, 'repo', '.scope-lint.yaml'), 'rules:\n  governance-owner-missing: off\nthresholds:\n  maxCheckInDays: 31\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const ruleIdsOf = (result: Run): string[] => json(result).flatMap((f) => f.messages.map((m) => m.ruleId));

  it('uses the nearest .scope-lint.yaml up to the repository root, and --rule over it', async () => {
    const cwd = join(dir, 'repo');
    const ids = ruleIdsOf(await run(['-f', 'json', 'specs'], { cwd }));
    assert.ok(!ids.includes('governance-owner-missing'), 'turned off by the repository config');
    assert.ok(!ids.includes('governance-cadence-too-infrequent'), 'monthly is within maxCheckInDays 31');
    assert.ok(ids.includes('security-nda-missing'), 'the config above the repository root is not used');
    const flagged = json(await run(['-f', 'json', '--rule', 'governance-owner-missing:error', 'specs'], { cwd }));
    assert.equal(flagged[0]?.messages.find((m) => m.ruleId === 'governance-owner-missing')?.severity, 'error');
  });

  it('uses --config instead of the nearest file', async () => {
    writeFileSync(join(dir, 'ci.yaml'), 'rules:\n  cost-currency-missing: off\n');
    const ids = ruleIdsOf(await run(['-f', 'json', '--config', join(dir, 'ci.yaml'), 'specs'], { cwd: join(dir, 'repo') }));
    assert.ok(ids.includes('governance-owner-missing'));
    assert.ok(!ids.includes('cost-currency-missing'));
  });

  it('stops with exit 2 and the first problem when a config is invalid', async () => {
    const bad = join(dir, 'repo', 'specs', '.scope-lint.yaml');
    writeFileSync(bad, 'rules:\n  security-nda-mising: off\n  cost-tbd-placeholder: loud\n');
    try {
      assertTrouble(
        await run(['specs'], { cwd: join(dir, 'repo') }),
        /^scope-lint: .*specs\/\.scope-lint\.yaml:2:3: Unknown rule id `security-nda-mising` in `rules`\. Did you mean `security-nda-missing`\? \(and 1 more problem\)$/,
      );
    } finally {
      rmSync(bad);
    }
  });
});

describe('scope-lint: files, folders and globs', () => {
  let dir: string;
  before(() => {
    dir = tempDir();
    for (const sub of ['a/b', 'node_modules/pkg', 'c']) mkdirSync(join(dir, sub), { recursive: true });
    copyFileSync(golden('full'), join(dir, 'a', 'one.scope.yaml'));
    copyFileSync(golden('full'), join(dir, 'a', 'b', 'two.scope.yml'));
    copyFileSync(golden('full'), join(dir, 'a', 'b', 'notes.yaml'));
    copyFileSync(golden('full'), join(dir, 'node_modules', 'pkg', 'dep.scope.yaml'));
    copyFileSync(golden('full'), join(dir, 'c', 'three.scope.yaml'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const listed = async (args: string[]): Promise<string[]> =>
    json(await run(['-f', 'json', ...args], { cwd: dir })).map((f) => relative(dir, f.filePath));

  it('searches folders for *.scope.yaml and *.scope.yml, skipping node_modules', async () => {
    // A folder's own files first, then its subfolders, each in name order.
    assert.deepEqual(await listed(['.']), ['a/one.scope.yaml', 'a/b/two.scope.yml', 'c/three.scope.yaml']);
  });

  it('matches globs, lints explicit files whatever their name, and lists each file once', async () => {
    assert.deepEqual(await listed(['a/**/*.scope.y*ml']), ['a/one.scope.yaml', 'a/b/two.scope.yml']);
    assert.deepEqual(await listed(['*/one.scope.yaml', 'a', 'a/b/notes.yaml']), [
      'a/one.scope.yaml',
      'a/b/two.scope.yml',
      'a/b/notes.yaml',
    ]);
    assert.deepEqual(await listed([join(dir, 'c', '*.scope.yaml')]), ['c/three.scope.yaml']);
  });

  it('refuses a folder without scope files', async () => {
    mkdirSync(join(dir, 'empty'), { recursive: true });
    assertTrouble(await run(['empty'], { cwd: dir }), /No \*\.scope\.yaml files in "empty"\./);
  });
});

describe('scope-lint: a large batch', () => {
  let dir: string;
  before(() => {
    dir = tempDir();
    const texts = [readFileSync(golden('minimal'), 'utf8'), readFileSync(golden('risky'), 'utf8')];
    for (let i = 0; i < 1000; i++) {
      const sub = join(dir, `team-${i % 10}`);
      mkdirSync(sub, { recursive: true });
      writeFileSync(join(sub, `project-${String(i).padStart(4, '0')}.scope.yaml`), texts[i % 2] ?? '');
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('stops quietly, with the exit code of the findings, when the reader closes the pipe early (| head)', () => {
    // Ten risky files: about 110 KB of JSON, more than a pipe holds, so the writer meets the closed end.
    const files = Array.from({ length: 10 }, (_, i) => `team-1/project-${String(i * 10 + 1).padStart(4, '0')}.scope.yaml`).join(' ');
    const piped = spawnSync(
      'bash',
      ['-c', `set -o pipefail; "${process.execPath}" "${cliPath}" -f json ${files} | head -c 100 > /dev/null`],
      {
        cwd: dir,
        env: cliEnv(),
        encoding: 'utf8',
      },
    );
    assert.equal(piped.status, 1, piped.stderr);
    assert.equal(piped.stderr, '');
  });

  it('lints 1,000 files within a small heap, on worker threads, with the same results as one thread', async () => {
    const pooled = runSpawned(['-f', 'json', '.'], { cwd: dir, nodeArgs: ['--max-old-space-size=96'] });
    assert.equal(pooled.status, 1, pooled.stderr);
    const files = json(pooled);
    assert.equal(files.length, 1000);
    for (const file of files) {
      const risky = /project-\d*[13579]\.scope\.yaml$/.test(file.filePath);
      assert.equal(file.messages.length, risky ? 39 : 5, file.filePath);
    }
    const subset = ['team-0', 'team-1'];
    const sequential = await run(['-f', 'json', ...subset], { cwd: dir, env: { SCOPE_LINT_WORKERS: '0' } });
    const twoWorkers = await run(['-f', 'json', ...subset], { cwd: dir, env: { SCOPE_LINT_WORKERS: '2' } });
    assert.equal(json(sequential).length, 200);
    assert.equal(twoWorkers.stdout, sequential.stdout);
  });
});

describe('scope-lint: same findings as the language server', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ rootUri: pathToFileURL(repoRoot).href });
  });
  after(async () => {
    await client.stop();
  });

  it('for every fixture: rule id, range, severity and message', async () => {
    const fixtures = scopeFilesUnder(fixturesDir);
    assert.ok(fixtures.length >= 3);
    const cli = new Map(json(await run(['-f', 'json', ...fixtures])).map((f) => [f.filePath, f.messages]));
    for (const file of fixtures) {
      const uri = pathToFileURL(file).href;
      await client.open(uri, readFileSync(file, 'utf8'));
      const fromServer = (await client.diagnostics(uri, 1)).map(serverRow);
      const fromCli = (cli.get(file) ?? []).map(
        (m) => `${m.ruleId} ${m.severity} ${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.message}`,
      );
      assert.deepEqual(fromCli, fromServer, relative(repoRoot, file));
      await client.close(uri);
    }
  });
});

function serverRow(d: Diagnostic): string {
  const message = typeof d.message === 'string' ? d.message : d.message.value;
  return `${String(d.code)} ${severityNames[d.severity ?? 1]} ${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${message}`;
}

function scopeFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.scope\.ya?ml$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}
