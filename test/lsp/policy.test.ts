// extends + custom_rules: the editor (real LSP) and the CLI read the same .scope-lint.yaml, with
// the policy it extends, and report the same findings on the same files, custom rules included.
// An untrusted workspace reads no config at all, so neither the policy nor its rules apply.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { runInProcess } from '../support/cli';
import { LspClient } from '../support/lspClient';
import { fixturesDir } from '../support/paths';

const severityNames = ['', 'error', 'warning', 'info', 'hint'];

interface Seen {
  readonly ruleId: string;
  readonly severity: string;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

const fromLsp = (d: Diagnostic): Seen => ({
  ruleId: String(d.code),
  severity: severityNames[d.severity ?? 1] ?? 'error',
  message: typeof d.message === 'string' ? d.message : d.message.value,
  line: d.range.start.line + 1,
  column: d.range.start.character + 1,
  endLine: d.range.end.line + 1,
  endColumn: d.range.end.character + 1,
});

const key = (s: Seen): string => `${s.line}:${s.column}-${s.endLine}:${s.endColumn} ${s.severity} ${s.ruleId} ${s.message}`;

describe('extends and custom_rules: the editor and the CLI agree', () => {
  let dir: string;
  const files: Record<string, string> = {};
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'scope-policy-'));
    for (const name of ['.scope-lint.yaml', 'acme-policy.yaml']) copyFileSync(join(fixturesDir, 'policy', name), join(dir, name));
    const full = readFileSync(join(fixturesDir, 'golden', 'full.scope.yaml'), 'utf8');
    files['confidential.scope.yaml'] = full
      .replace(/^ {4}- \{ name: "ISO\/IEC 27001:2022".*\n/m, '')
      .replace(/^ {2}total: 240000$/m, '  total: 300000')
      .replace(/^ {2}steering: .*\n/m, '');
    files['criteria.scope.yaml'] =
      'scope_version: 1\ndeliverables:\n  - id: D1\n    title: Portal\n    acceptance_criteria: [Loads in under 2 s at p95]\n';
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  async function editorFindings(trusted: boolean): Promise<Record<string, string[]>> {
    const client = await LspClient.start({ rootUri: pathToFileURL(dir).href, initializationOptions: { workspaceTrusted: trusted } });
    try {
      const out: Record<string, string[]> = {};
      for (const [name, text] of Object.entries(files)) {
        const uri = pathToFileURL(join(dir, name)).href;
        await client.open(uri, text);
        out[name] = (await client.diagnostics(uri)).map(fromLsp).map(key).sort();
      }
      return out;
    } finally {
      await client.stop();
    }
  }

  it('the same findings, custom rules included, on the same ranges', async () => {
    const cli = await runInProcess(['-f', 'json', dir], { cwd: dir });
    assert.equal(cli.status, 1, cli.stderr);
    const results = JSON.parse(cli.stdout) as { filePath: string; messages: Seen[] }[];
    const fromCli: Record<string, string[]> = {};
    for (const r of results) fromCli[r.filePath.slice(dir.length + 1)] = r.messages.map(key).sort();
    const editor = await editorFindings(true);
    assert.deepEqual(editor, fromCli);
    // Not two empty lists: the policy's rules fired in both.
    const custom = (list: readonly string[] | undefined): string[] =>
      (list ?? []).filter((k) => / acme-/.test(k)).map((k) => k.split(' ').slice(0, 3).join(' '));
    assert.deepEqual(custom(editor['confidential.scope.yaml']), [
      '126:1-126:11 warning acme-steering-over-250k',
      '25:5-25:54 error acme-iso-27001-required',
    ]);
    assert.deepEqual(custom(editor['criteria.scope.yaml']), ['5:26-5:53 info acme-criteria-two-or-more']);
  });

  it('an untrusted workspace reads no config: no custom rule, no extended setting', async () => {
    const editor = await editorFindings(false);
    for (const [name, list] of Object.entries(editor))
      assert.deepEqual(
        list.filter((k) => / acme-/.test(k)),
        [],
        name,
      );
    // The findings are the defaults': what the CLI reports with an empty config.
    writeFileSync(join(dir, 'empty.yaml'), '{}\n');
    const cli = await runInProcess(['-f', 'json', '--config', join(dir, 'empty.yaml'), dir], { cwd: dir });
    const results = JSON.parse(cli.stdout) as { filePath: string; messages: Seen[] }[];
    for (const r of results) assert.deepEqual(editor[r.filePath.slice(dir.length + 1)], r.messages.map(key).sort());
  });

  it('the SARIF log has a rule entry for each custom rule that fired, in its area', async () => {
    const cli = await runInProcess(['-f', 'sarif', join(dir, 'confidential.scope.yaml')], { cwd: dir });
    const log = JSON.parse(cli.stdout) as {
      runs: {
        tool: { driver: { rules: { id: string; shortDescription: { text: string }; properties: { tags: string[] } }[] } };
        results: { ruleId: string; ruleIndex: number }[];
      }[];
    };
    const run = log.runs[0];
    assert.ok(run);
    const rules = run.tool.driver.rules;
    const fired = run.results.filter((r) => r.ruleId.startsWith('acme-'));
    assert.deepEqual(
      fired.map((r) => [r.ruleId, rules[r.ruleIndex]?.id, rules[r.ruleIndex]?.shortDescription.text, rules[r.ruleIndex]?.properties.tags]),
      [
        [
          'acme-iso-27001-required',
          'acme-iso-27001-required',
          'ISO/IEC 27001 certificate for confidential data',
          ['scope-yaml', 'custom-rule', 'security'],
        ],
        [
          'acme-steering-over-250k',
          'acme-steering-over-250k',
          'Steering committee above 250,000',
          ['scope-yaml', 'custom-rule', 'expertise'],
        ],
      ],
    );
  });

  it('bulk suppressions record and hide custom rule findings like built-in ones', async () => {
    const target = join(dir, 'criteria.scope.yaml');
    const first = await runInProcess(['--suppress-all', '-f', 'json', target], { cwd: dir });
    assert.equal(first.status === 0 || first.status === 1, true, first.stderr);
    const recorded = JSON.parse(readFileSync(join(dir, 'scope-lint-suppressions.json'), 'utf8')) as Record<
      string,
      Record<string, { count: number }>
    >;
    assert.deepEqual(recorded['criteria.scope.yaml']?.['acme-criteria-two-or-more'], { count: 1 });
    const later = await runInProcess(['-f', 'json', target], { cwd: dir });
    const messages = (JSON.parse(later.stdout) as { messages: Seen[] }[])[0]?.messages ?? [];
    assert.deepEqual(
      messages.filter((m) => m.ruleId.startsWith('acme-')),
      [],
    );
    rmSync(join(dir, 'scope-lint-suppressions.json'));
  });
});
