// The promises of SECURITY.md, tested on the built server and CLI: they never touch the network,
// never start a process and never run workspace content, even with a hostile .scope-lint.yaml;
// in an untrusted workspace the config file is not read at all. Both run under `unshare -n` (no
// network namespace) when it is available, and always with a preload that records and blocks any
// connection, name lookup or child process (support/netguard.cjs).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { ScopeDocument } from '../../server/src/service/document';
import { maxSchemaFindings, validateSchema } from '../../server/src/service/schema';
import { decodeUtf8 } from '../../server/src/service/inputGuard';
import { mergeSettings } from '../../server/src/service/settings';
import { validate } from '../../server/src/service/validate';
import { LspClient, type LspClientOptions } from '../support/lspClient';
import { fixturesDir, repoRoot } from '../support/paths';
import { corpus, corpusDir } from './corpus';

const netguard = join(repoRoot, 'test', 'reliability', 'support', 'netguard.cjs');
const cli = join(repoRoot, 'dist', 'cli.js');

/** `unshare -n` needs user namespaces (or root); without them the preload guard still runs. */
const unshareWorks = process.platform === 'linux' && spawnSync('unshare', ['-n', 'true']).status === 0;
const noUnshare = unshareWorks
  ? false
  : 'unshare -n is not available here (no user namespaces): network isolation is not tested; the netguard preload still is';

/** Written by evil.js if anything ever loads it. */
const pwnedMarker = 'PWNED';

const hostileConfig = [
  '# A configuration written to attack the tools that read it.',
  'extends: https://evil.example/scope-lint.yaml',
  '$schema: http://evil.example/schema.json',
  'plugins: [./evil.js]',
  'require: ./evil.js',
  'rules:',
  '  # Prototype pollution: if it worked, every rule would read as off.',
  '  __proto__:',
  '    security-nda-missing: "off"',
  '  constructor:',
  '    prototype:',
  '      security-nda-missing: "off"',
  "thresholds: !!js/function \"function () { require('child_process').execSync('touch PWNED') }\"",
  'vagueTerms:',
  '  always: [!!python/object/apply:os.system ["touch PWNED"]]',
  'limits:',
  '  maxFileSizeKB: 1e999',
  '  maxNestingDepth: -1',
  '',
].join('\n');

const evilJs = `require('node:fs').writeFileSync(require('node:path').join(__dirname, ${JSON.stringify(pwnedMarker)}), 'executed');\n`;

/** Lacks an NDA: `security-nda-missing` must survive every attempt to switch it off. */
const scopeText = ['scope_version: 1', 'project:', '  name: Hostile repo', 'vendor:', '  name: Someone', ''].join('\n');

interface Repo {
  readonly dir: string;
  readonly scopeFile: string;
  readonly netLog: string;
}

function makeRepo(config: string): Repo {
  const dir = mkdtempSync(join(tmpdir(), 'scope-security-'));
  mkdirSync(join(dir, '.git'));
  writeFileSync(join(dir, '.scope-lint.yaml'), config);
  writeFileSync(join(dir, 'evil.js'), evilJs);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'evil', scripts: { postinstall: 'node evil.js' }, main: 'evil.js' }));
  mkdirSync(join(dir, 'node_modules', 'scope-lint-plugin'), { recursive: true });
  writeFileSync(join(dir, 'node_modules', 'scope-lint-plugin', 'index.js'), evilJs);
  const scopeFile = join(dir, 'hostile.scope.yaml');
  writeFileSync(scopeFile, scopeText);
  return { dir, scopeFile, netLog: join(dir, 'netguard.log') };
}

function assertNothingRan(repo: Repo): void {
  assert.equal(existsSync(join(repo.dir, pwnedMarker)), false, 'workspace code was executed');
  assert.equal(existsSync(join(repo.dir, 'node_modules', 'scope-lint-plugin', pwnedMarker)), false, 'a plugin was loaded');
  const attempts = existsSync(repo.netLog) ? readFileSync(repo.netLog, 'utf8') : '';
  assert.equal(attempts, '', 'network or process access was attempted');
}

function runCli(repo: Repo, args: readonly string[], isolate: boolean): { status: number | null; stdout: string; stderr: string } {
  const command = [...(isolate ? ['unshare', '-n'] : []), process.execPath, '--require', netguard, cli, ...args];
  const result = spawnSync(command[0] ?? process.execPath, command.slice(1), {
    cwd: repo.dir,
    env: { ...process.env, SCOPE_NETGUARD_LOG: repo.netLog, NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function serverOptions(repo: Repo, isolate: boolean, extra: Partial<LspClientOptions> = {}): LspClientOptions {
  return {
    rootUri: pathToFileURL(repo.dir).href,
    configuration: {},
    env: { ...process.env, SCOPE_NETGUARD_LOG: repo.netLog },
    nodeOptions: ['--require', netguard],
    ...(isolate ? { wrapper: ['unshare', '-n'] } : {}),
    ...extra,
  };
}

const codes = (diagnostics: readonly Diagnostic[]): string[] => diagnostics.map((d) => String(d.code));

describe('security: the CLI', () => {
  let repo: Repo;
  before(() => {
    repo = makeRepo(hostileConfig);
  });
  after(() => rmSync(repo.dir, { recursive: true, force: true }));

  for (const isolate of [false, true]) {
    it(
      `refuses a hostile .scope-lint.yaml with one clear error and runs nothing${isolate ? ', without a network' : ''}`,
      { skip: isolate && noUnshare },
      () => {
        const { status, stdout, stderr } = runCli(repo, ['hostile.scope.yaml'], isolate);
        assert.equal(status, 2, `stdout: ${stdout}\nstderr: ${stderr}`);
        // `extends` reads a relative path or an installed package's YAML as data, never a URL.
        assert.match(
          stderr,
          /\.scope-lint\.yaml:2:10: The policy "https:\/\/evil\.example\/scope-lint\.yaml" in `extends` is not read: it is neither a relative path .* nor an npm package name/,
        );
        assertNothingRan(repo);
      },
    );

    it(
      `checks with built-in rules when told to ignore it (--config of a clean file)${isolate ? ', without a network' : ''}`,
      { skip: isolate && noUnshare },
      () => {
        writeFileSync(join(repo.dir, 'clean.yaml'), 'rules: {}\n');
        const { status, stdout } = runCli(repo, ['--format', 'json', '--config', 'clean.yaml', 'hostile.scope.yaml'], isolate);
        assert.equal(status, 1);
        const results = JSON.parse(stdout) as { messages: { ruleId: string }[] }[];
        assert.ok(results[0]?.messages.some((m) => m.ruleId === 'security-nda-missing'));
        assertNothingRan(repo);
      },
    );
  }

  it('reports the hostile-input corpus exactly as the engine does, with no network', { skip: noUnshare }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'scope-corpus-'));
    try {
      mkdirSync(join(dir, '.git'));
      cpSync(corpusDir, join(dir, 'corpus'), { recursive: true });
      const corpusRepo = { dir, scopeFile: '', netLog: join(dir, 'netguard.log') };
      const { status, stdout, stderr } = runCli(corpusRepo, ['--format', 'json', 'corpus'], true);
      assert.equal(status, 1, stderr);
      const results = JSON.parse(stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number }[] }[];
      const settings = mergeSettings();
      for (const c of corpus.filter((x) => !x.generated)) {
        const result = results.find((r) => r.filePath.endsWith(`/${c.name}.scope.yaml`));
        assert.ok(result, `${c.name} was not linted`);
        const { text, problem } = decodeUtf8(c.bytes());
        const doc = new ScopeDocument(pathToFileURL(result.filePath).href, 0, text, settings.limits, problem);
        const expected = validate(doc, settings).diagnostics.map(
          (d) => `${String(d.code)} ${d.range.start.line + 1}:${d.range.start.character + 1}`,
        );
        assert.deepEqual(
          result.messages.map((m) => `${m.ruleId} ${m.line}:${m.column}`),
          expected,
          c.name,
        );
      }
      assertNothingRan(corpusRepo);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('security: the language server', () => {
  let repo: Repo;
  before(() => {
    repo = makeRepo(hostileConfig);
  });
  after(() => rmSync(repo.dir, { recursive: true, force: true }));

  for (const isolate of [false, true]) {
    it(
      `reports a hostile .scope-lint.yaml on the file itself, keeps the built-in rules and runs nothing${isolate ? ', without a network' : ''}`,
      { skip: isolate && noUnshare },
      async () => {
        const client = await LspClient.start(serverOptions(repo, isolate));
        try {
          const uri = pathToFileURL(repo.scopeFile).href;
          await client.open(uri, scopeText);
          const diagnostics = await client.diagnostics(uri, 1, 30_000);
          assert.ok(codes(diagnostics).includes('security-nda-missing'), codes(diagnostics).join(', '));
          const configUri = pathToFileURL(join(repo.dir, '.scope-lint.yaml')).href;
          const config = client.published.find((p) => p.uri === configUri);
          assert.ok(config, 'the config file gets its own diagnostics');
          assert.ok(
            config.diagnostics.some((d) => /in `extends` is not read: .*nor an npm package name\./.test(d.message.toString())),
            config.diagnostics.map((d) => d.message.toString()).join('\n'),
          );
          assert.equal(client.child.exitCode, null);
          assertNothingRan(repo);
        } finally {
          await client.stop();
        }
      },
    );
  }
});

describe('security: an untrusted workspace', () => {
  let repo: Repo;
  before(() => {
    // A valid config that silences a risk: exactly what an untrusted repository must not do.
    repo = makeRepo('rules:\n  security-nda-missing: "off"\n');
  });
  after(() => rmSync(repo.dir, { recursive: true, force: true }));

  it('ignores .scope-lint.yaml until the workspace is trusted, then applies it', async () => {
    const client = await LspClient.start(serverOptions(repo, false, { initializationOptions: { workspaceTrusted: false } }));
    try {
      const uri = pathToFileURL(repo.scopeFile).href;
      await client.open(uri, scopeText);
      const untrusted = await client.diagnostics(uri, 1, 30_000);
      assert.ok(codes(untrusted).includes('security-nda-missing'), 'the config silenced a risk in an untrusted workspace');
      const configUri = pathToFileURL(join(repo.dir, '.scope-lint.yaml')).href;
      assert.equal(
        client.published.some((p) => p.uri === configUri),
        false,
        'the config file was read',
      );

      const before = client.published.length;
      await client.connection.sendNotification('scope/workspaceTrusted');
      const deadline = Date.now() + 30_000;
      let trusted: readonly Diagnostic[] | undefined;
      while (!trusted && Date.now() < deadline) {
        trusted = client.published.slice(before).find((p) => p.uri === uri)?.diagnostics;
        if (!trusted) await new Promise((resolve) => setTimeout(resolve, 10));
      }
      assert.ok(trusted, 'no diagnostics after trust was granted');
      assert.equal(codes(trusted).includes('security-nda-missing'), false, 'the config does not apply once trusted');
      assertNothingRan(repo);
    } finally {
      await client.stop();
    }
  });

  it("keeps the file's own suppressed findings visible until the workspace is trusted, as hints naming the comment", async () => {
    // A file-wide suppression of four security errors: in Restricted Mode it must leave a trace.
    const suppressed = [
      'security-nda-missing',
      'security-personal-data-without-dpa',
      'security-breach-notification-missing',
      'security-ip-ownership-missing',
    ];
    const risky = readFileSync(join(fixturesDir, 'golden', 'risky.scope.yaml'), 'utf8');
    const comment = `# scope-lint-disable ${suppressed.join(', ')} -- agreed with the vendor's counsel`;
    const text = `${comment}\n${risky}`;
    const uri = pathToFileURL(join(repo.dir, 'suppressing.scope.yaml')).href;
    // The same text with a comment that suppresses nothing: where each finding is, and its message.
    const plain = validate(new ScopeDocument(uri, 1, `# a comment\n${risky}`, mergeSettings().limits), mergeSettings()).diagnostics.filter(
      (d) => suppressed.includes(String(d.code)),
    );
    assert.equal(plain.length, 4);
    const client = await LspClient.start(serverOptions(repo, false, { initializationOptions: { workspaceTrusted: false } }));
    try {
      await client.open(uri, text);
      const untrusted = await client.diagnostics(uri, 1, 30_000);
      const shown = untrusted.filter((d) => suppressed.includes(String(d.code)));
      assert.deepEqual(
        shown.map((d) => [d.code, d.range, d.severity, d.message]),
        plain.map((d) => [
          d.code,
          d.range,
          DiagnosticSeverity.Hint,
          `${d.message} Suppressed on line 1 ("agreed with the vendor's counsel"); suppressions apply once you trust this workspace.`,
        ]),
      );
      const status = untrusted.filter((d) => d.code === 'suppression/untrusted');
      assert.deepEqual(
        status.map((d) => [d.range, d.severity, d.message]),
        [
          [
            { start: { line: 0, character: 0 }, end: { line: 0, character: comment.length } },
            DiagnosticSeverity.Information,
            `Restricted Mode: this suppression of ${suppressed.map((id) => `\`${id}\``).join(', ')} does not hide its 4 findings until you trust this workspace; they are shown as hints.`,
          ],
        ],
      );

      const before = client.published.length;
      await client.connection.sendNotification('scope/workspaceTrusted');
      const deadline = Date.now() + 30_000;
      let trusted: readonly Diagnostic[] | undefined;
      while (!trusted && Date.now() < deadline) {
        trusted = client.published.slice(before).find((p) => p.uri === uri)?.diagnostics;
        if (!trusted) await new Promise((resolve) => setTimeout(resolve, 10));
      }
      assert.ok(trusted, 'no diagnostics after trust was granted');
      assert.deepEqual(
        trusted.filter((d) => suppressed.includes(String(d.code)) || String(d.code).startsWith('suppression/')),
        [],
        'the suppression applies once trusted',
      );
    } finally {
      await client.stop();
    }
  });

  it('treats a client that says nothing about trust as trusted (other editors)', async () => {
    const client = await LspClient.start(serverOptions(repo, false));
    try {
      const uri = pathToFileURL(repo.scopeFile).href;
      await client.open(uri, scopeText);
      assert.equal(codes(await client.diagnostics(uri, 1, 30_000)).includes('security-nda-missing'), false);
    } finally {
      await client.stop();
    }
  });

  it('declares every setting that changes findings as restricted, so workspace settings do not apply either', () => {
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
      capabilities: { untrustedWorkspaces: { supported: unknown; restrictedConfigurations?: string[] } };
      contributes: { configuration: { properties: Record<string, unknown> } };
    };
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    const settings = Object.keys(manifest.contributes.configuration.properties).filter((k) => k !== 'scope.trace.server');
    assert.deepEqual([...(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations ?? [])].sort(), settings.sort());
  });
});

describe('security: ajv', () => {
  it('is always strict, without $data, and never loads a schema (no loadSchema, no compileAsync)', () => {
    // Both schemas are compiled at build time (scripts/schemaValidators.mjs, ajv standalone); only
    // the custom rules of .scope-lint.yaml are compiled at run time (customRules.ts), with the scope
    // schema's own settings (scopeSchemaOptions.json).
    const options = JSON.parse(readFileSync(join(repoRoot, 'server', 'src', 'service', 'scopeSchemaOptions.json'), 'utf8')) as {
      options: Record<string, unknown>;
    };
    assert.equal(options.options.strict, true);
    assert.equal(options.options.$data, false);
    const generator = readFileSync(join(repoRoot, 'scripts', 'schemaValidators.mjs'), 'utf8');
    const customRules = readFileSync(join(repoRoot, 'server', 'src', 'service', 'customRules.ts'), 'utf8');
    const constructions = [...(generator.match(/new Ajv\([^)]*\)/g) ?? []), ...(customRules.match(/new Ajv\([^)]*\)/g) ?? [])];
    assert.equal(constructions.length, 3, constructions.join('\n'));
    for (const c of constructions) {
      if (c.includes('scopeSchemaOptions.options')) continue;
      assert.match(c, /strict: true/, c);
      assert.match(c, /\$data: false/, c);
    }
    const sources = ['server/src/service/schema.ts', 'server/src/config.ts'].map((f) => readFileSync(join(repoRoot, f), 'utf8'));
    for (const text of sources) assert.doesNotMatch(text, /new Ajv\(/, 'no run-time compile');
    sources.push(generator, customRules);
    for (const text of sources) assert.doesNotMatch(text, /loadSchema|compileAsync|addMetaSchema\(\s*await/);
  });

  it('schemas refer only to their own definitions: no remote $ref', () => {
    for (const name of readdirSync(join(repoRoot, 'schemas')).filter((f) => f.endsWith('.json'))) {
      const refs = [...readFileSync(join(repoRoot, 'schemas', name), 'utf8').matchAll(/"\$ref"\s*:\s*"([^"]*)"/g)].map((m) => m[1] ?? '');
      assert.deepEqual(
        refs.filter((r) => !r.startsWith('#')),
        [],
        name,
      );
      assert.doesNotMatch(readFileSync(join(repoRoot, 'schemas', name), 'utf8'), /"\$data"/, name);
    }
  });

  it(`reports at most ${maxSchemaFindings} schema findings per document, quickly`, () => {
    const value = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`unknown_${i}`, { deeper: [i, 'x', null] }]));
    const started = performance.now();
    const findings = validateSchema({ scope_version: 'one', ...value });
    assert.equal(findings.length, maxSchemaFindings);
    assert.ok(performance.now() - started < 5_000, `${Math.round(performance.now() - started)} ms`);
  });
});
