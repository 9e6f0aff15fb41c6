// .scope-lint.yaml: what a user sees when the file is right (the settings apply, over VS Code's)
// and when it is wrong (one clear problem per mistake, on the right line; the rest still applies),
// and which file applies to a scope file (nearest above it, up to the workspace or repository root).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import {
  ConfigFiles,
  configDiagnostics,
  findConfigFile,
  isRepositoryRoot,
  loadConfig,
  parseConfig,
  type LoadedConfig,
} from '../../server/src/config';
import { mergeSettings } from '../../server/src/service/settings';
import { fromClientSettings } from '../../server/src/settings';
import { analyzeText } from '../support/analyze';
import { fixturesDir } from '../support/paths';

const at = '/repo/.scope-lint.yaml';
const risky = readFileSync(join(fixturesDir, 'golden', 'risky.scope.yaml'), 'utf8');

/** `<1-based line> <message>` per problem, to compare with what the editor shows. */
const problemsOf = (config: LoadedConfig): string[] => config.problems.map((p) => `${p.range.start.line + 1} ${p.message}`);

describe('parseConfig: a valid file', () => {
  it('returns its settings and no problems', () => {
    const config = parseConfig(
      [
        'rules:',
        '  governance-owner-missing: off',
        '  cost-contingency-missing: error',
        'thresholds:',
        '  maxCheckInDays: 31',
        '  defaultCurrency: EUR',
        'vagueTerms:',
        '  always: [synergy]',
        'limits:',
        '  maxFileSizeKB: 512',
        '',
      ].join('\n'),
      at,
    );
    assert.deepEqual(config.problems, []);
    assert.deepEqual(config.settings, {
      rules: { 'governance-owner-missing': 'off', 'cost-contingency-missing': 'error' },
      thresholds: { maxCheckInDays: 31, defaultCurrency: 'EUR' },
      vagueTerms: { always: ['synergy'] },
      limits: { maxFileSizeKB: 512 },
    });
  });

  it('accepts an empty file and sections whose entries are all commented out', () => {
    assert.deepEqual(parseConfig('', at), { path: at, settings: {}, problems: [] });
    assert.deepEqual(parseConfig('# nothing yet\nrules:\n  # security-nda-missing: off\nthresholds:\n', at).problems, []);
  });

  it('changes what the linter reports', () => {
    const config = parseConfig(
      'rules:\n  governance-owner-missing: off\n  cost-currency-missing: warning\nthresholds:\n  maxCheckInDays: 31\n',
      at,
    );
    const codes = (settings = {}) => analyzeText(risky, settings).diagnostics.map((d) => `${String(d.code)}:${d.severity}`);
    assert.ok(codes().includes('governance-owner-missing:2'));
    assert.ok(codes().includes('governance-cadence-too-infrequent:2'));
    assert.ok(codes().includes('cost-currency-missing:1'));
    const configured = codes(config.settings);
    assert.ok(!configured.some((c) => c.startsWith('governance-owner-missing:')), 'rule turned off');
    assert.ok(!configured.some((c) => c.startsWith('governance-cadence-too-infrequent:')), 'monthly is within 31 days');
    assert.ok(configured.includes('cost-currency-missing:2'), 'severity lowered to warning');
  });
});

describe('parseConfig: mistakes are reported where they are, and the rest still applies', () => {
  const text = [
    'rules:', //                                   1
    '  security-nda-mising: off', //               2
    '  cost-vague-language: warn', //              3
    '  governance-owner-missing: off', //          4
    'thresholds:', //                              5
    '  maxCheckInDays: 0', //                      6
    '  minContingencyPercent: fifteen', //         7
    '  defaultCurrency: usd', //                   8
    '  maxChekInDays: 3', //                       9
    '  maxUpfrontPercent: 25', //                 10
    'vagueTerms:', //                             11
    '  always: [synergy, ""]', //                 12
    'extends: [42]', //                           13
    '',
  ].join('\n');
  const config = parseConfig(text, at);

  it('names each mistake in a sentence, on its line', () => {
    assert.deepEqual(problemsOf(config), [
      '2 Unknown rule id `security-nda-mising` in `rules`. Did you mean `security-nda-missing`?',
      '3 `cost-vague-language` in `rules` is not a severity: use `off`, `hint`, `info`, `warning` or `error`.',
      '6 `thresholds.maxCheckInDays` must be at least 1.',
      '7 `thresholds.minContingencyPercent` must be a number.',
      '8 `thresholds.defaultCurrency` is not a currency code: write three letters of ISO 4217, such as `USD` or `EUR`.',
      '9 Unknown key `maxChekInDays` in `thresholds`. Did you mean `maxCheckInDays`?',
      '12 `vagueTerms.always[1]` must not be empty.',
      '13 `extends` must name policy files: a relative path or an npm package name (a non-empty text), or a list of them.',
    ]);
  });

  it('puts the problem on the key for unknown names and on the value for bad values', () => {
    const byLine = new Map(config.problems.map((p) => [p.range.start.line + 1, p.range]));
    assert.deepEqual(byLine.get(2), { start: { line: 1, character: 2 }, end: { line: 1, character: 21 } });
    assert.deepEqual(byLine.get(3), { start: { line: 2, character: 23 }, end: { line: 2, character: 27 } });
  });

  it('still applies the entries without a mistake', () => {
    assert.deepEqual(config.settings, {
      rules: { 'governance-owner-missing': 'off' },
      thresholds: { maxUpfrontPercent: 25 },
      vagueTerms: { always: ['synergy'] },
    });
  });

  it('becomes config/invalid error diagnostics for the config file', () => {
    const diagnostics = configDiagnostics(config);
    assert.equal(diagnostics.length, 8);
    for (const d of diagnostics) {
      assert.equal(d.code, 'config/invalid');
      assert.equal(d.source, 'scope');
      assert.equal(d.severity, 1);
    }
  });
});

describe('parseConfig: input that is not a config', () => {
  it('applies nothing from a file with a YAML syntax error', () => {
    const config = parseConfig('rules:\n  security-nda-missing: off\n  cost-vague-language: [warning\n', at);
    assert.deepEqual(config.settings, {});
    assert.equal(config.problems.length, 1);
    assert.match(config.problems[0]?.message ?? '', /^The config is not valid YAML, so none of it applies: /);
  });

  it('rejects a list, a second document and an alias bomb without throwing', () => {
    assert.deepEqual(problemsOf(parseConfig('- a\n- b\n', at)), ['1 The config must be a mapping.']);
    assert.deepEqual(problemsOf(parseConfig('rules: {}\n---\nrules: {}\n', at)), [
      '2 A config file is one YAML document; remove the `---` separator and what follows it.',
    ]);
    const bomb = ['a: &a [x, x, x]', ...Array.from({ length: 25 }, (_, i) => `k${i}: [*a, *a]`)].join('\n');
    const config = parseConfig(bomb, at);
    assert.deepEqual(config.settings, {});
    assert.ok(config.problems.length > 0);
  });
});

describe('which config applies', () => {
  const root = mkdtempSync(join(tmpdir(), 'scope-config-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  // root/.scope-lint.yaml (outside the repository) / repo/.git / repo/.scope-lint.yml / repo/a/b
  const repo = join(root, 'repo');
  mkdirSync(join(repo, '.git'), { recursive: true });
  mkdirSync(join(repo, 'a', 'b'), { recursive: true });
  mkdirSync(join(root, 'other', 'c'), { recursive: true });
  writeFileSync(join(root, '.scope-lint.yaml'), 'rules:\n  security-nda-missing: off\n');
  writeFileSync(join(repo, '.scope-lint.yml'), 'rules:\n  governance-owner-missing: off\n');

  it('is the nearest one above the file, .yml too, up to the repository root', () => {
    assert.equal(findConfigFile(join(repo, 'a', 'b'), isRepositoryRoot), join(repo, '.scope-lint.yml'));
    assert.equal(findConfigFile(join(root, 'other', 'c'), isRepositoryRoot), join(root, '.scope-lint.yaml'));
  });

  it('prefers .scope-lint.yaml over .scope-lint.yml in the same folder', () => {
    writeFileSync(join(repo, 'a', '.scope-lint.yml'), 'rules: {}\n');
    writeFileSync(join(repo, 'a', '.scope-lint.yaml'), 'rules: {}\n');
    assert.equal(findConfigFile(join(repo, 'a', 'b'), isRepositoryRoot), join(repo, 'a', '.scope-lint.yaml'));
    rmSync(join(repo, 'a', '.scope-lint.yml'));
    rmSync(join(repo, 'a', '.scope-lint.yaml'));
  });

  it('never looks above the repository root', () => {
    rmSync(join(repo, '.scope-lint.yml'));
    try {
      assert.equal(findConfigFile(join(repo, 'a', 'b'), isRepositoryRoot), undefined);
    } finally {
      writeFileSync(join(repo, '.scope-lint.yml'), 'rules:\n  governance-owner-missing: off\n');
    }
  });

  it('in the editor, stops at the workspace folder root and reports each file it reads', () => {
    const loaded: string[] = [];
    const configs = new ConfigFiles((c) => loaded.push(c.path));
    configs.setWorkspaceFolders([pathToFileURL(join(repo, 'a')).href]);
    assert.equal(
      configs.forDocument(pathToFileURL(join(repo, 'a', 'b', 'x.scope.yaml')).href),
      undefined,
      'repo/.scope-lint.yml is above the folder',
    );
    configs.setWorkspaceFolders([pathToFileURL(repo).href]);
    const config = configs.forDocument(pathToFileURL(join(repo, 'a', 'b', 'x.scope.yaml')).href);
    assert.deepEqual(config?.settings, { rules: { 'governance-owner-missing': 'off' } });
    configs.forDocument(pathToFileURL(join(repo, 'a', 'y.scope.yaml')).href);
    assert.deepEqual(loaded, [join(repo, '.scope-lint.yml')], 'read once, then cached');
    configs.invalidate();
    configs.forDocument(pathToFileURL(join(repo, 'a', 'y.scope.yaml')).href);
    assert.equal(loaded.length, 2, 'read again after a change');
    assert.equal(configs.forDocument('untitled:Untitled-1'), undefined);
  });

  it('reports an unreadable config as a problem, not an exception', () => {
    const config = loadConfig(join(root, 'missing', '.scope-lint.yaml'));
    assert.deepEqual(problemsOf(config), ['1 Cannot read the config file: no such file.']);
  });
});

describe('precedence: defaults < VS Code settings < .scope-lint.yaml', () => {
  it('lets the file win over VS Code settings, field by field', () => {
    const unknown: string[] = [];
    const vscode = fromClientSettings(
      {
        rules: { 'governance-owner-missing': 'error', 'cost-contingency-missing': 'off', 'no-such-rule': 'off' },
        thresholds: { maxCheckInDays: 7 },
      },
      (id) => unknown.push(id),
    );
    assert.deepEqual(unknown, ['no-such-rule'], 'unknown rule ids in scope.rules are reported and ignored');
    const file = parseConfig('rules:\n  governance-owner-missing: off\nthresholds:\n  maxCheckInDays: 31\n', at).settings;
    const codes = analyzeText(risky, { ...vscode }).diagnostics.map((d) => String(d.code));
    assert.ok(codes.includes('governance-owner-missing'));
    assert.ok(!codes.includes('cost-contingency-missing'));
    // The same layering as the server's settingsFor.
    const both = analyzeText(risky, mergeSettings(vscode, file)).diagnostics.map((d) => String(d.code));
    assert.ok(!both.includes('governance-owner-missing'), 'the file turned it off');
    assert.ok(!both.includes('cost-contingency-missing'), 'VS Code setting kept where the file is silent');
    assert.ok(!both.includes('governance-cadence-too-infrequent'), 'threshold from the file');
  });
});
