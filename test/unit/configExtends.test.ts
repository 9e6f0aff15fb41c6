// `extends:` in .scope-lint.yaml: shared policies from a relative path or an installed npm package,
// merged in order under the file itself; read as data (nothing run); missing files, cycles and
// mistakes inside a policy are config errors with the file and line.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { configDiagnosticsByFile, describeProblems, loadConfig, type LoadedConfig } from '../../server/src/config';
import { tempFolder } from '../support/tempFolder';

const { root, write } = tempFolder('scope-extends-');

/** `<file relative to the test folder>:<1-based line> <message>` per problem. */
const problemsOf = (config: LoadedConfig): string[] =>
  config.problems.map((p) => `${(p.file ?? config.path).slice(root.length + 1)}:${p.range.start.line + 1} ${p.message}`);

describe('extends: a relative path', () => {
  write(
    'a/shared/base.yaml',
    'rules:\n  cost-vague-language: error\n  governance-owner-missing: off\nthresholds:\n  maxCheckInDays: 7\n  minContingencyPercent: 15\nvagueTerms:\n  always: [synergy]\nignore: [archive/]\n',
  );
  write('a/shared/second.yaml', 'thresholds:\n  minContingencyPercent: 12\n');
  const local = write(
    'a/repo/.scope-lint.yaml',
    'extends: [../shared/base.yaml, ../shared/second.yaml]\nrules:\n  governance-owner-missing: warning\nthresholds:\n  maxCheckInDays: 10\nvagueTerms:\n  always: [leverage]\n',
  );

  it('applies the policies in order, with the file itself winning key by key; lists add up', () => {
    const config = loadConfig(local);
    assert.deepEqual(config.problems, []);
    assert.deepEqual(config.settings, {
      rules: { 'cost-vague-language': 'error', 'governance-owner-missing': 'warning' },
      thresholds: { maxCheckInDays: 10, minContingencyPercent: 12 },
      vagueTerms: { always: ['synergy', 'leverage'] },
    });
    assert.deepEqual(config.ignore, ['archive/']);
    assert.deepEqual(config.extended, [join(root, 'a/shared/base.yaml'), join(root, 'a/shared/second.yaml')]);
  });

  it('a missing file is a problem on the entry that names it, and nothing of it applies', () => {
    const config = loadConfig(write('b/.scope-lint.yaml', 'rules:\n  cost-vague-language: off\nextends:\n  - ./nowhere.yaml\n'));
    assert.deepEqual(problemsOf(config), [
      `b/.scope-lint.yaml:4 The policy "./nowhere.yaml" in \`extends\` is not read: no such file (${join(root, 'b/nowhere.yaml')}).`,
    ]);
    assert.deepEqual(config.problems[0]?.range, { start: { line: 3, character: 4 }, end: { line: 3, character: 18 } });
    assert.deepEqual(config.settings, { rules: { 'cost-vague-language': 'off' } });
    assert.equal(
      describeProblems(config),
      `${join(root, 'b/.scope-lint.yaml')}:4:5: The policy "./nowhere.yaml" in \`extends\` is not read: no such file (${join(root, 'b/nowhere.yaml')}).`,
    );
  });

  it('a cycle is a problem with the chain of files, and reading stops', () => {
    write('c/one.yaml', 'extends: ./two.yaml\nthresholds:\n  maxCheckInDays: 3\n');
    write('c/two.yaml', 'thresholds:\n  maxCheckInDays: 4\nextends: ./one.yaml\n');
    const config = loadConfig(write('c/.scope-lint.yaml', 'extends: ./one.yaml\n'));
    const cycle = `The policy "./one.yaml" in \`extends\` is not read: it extends this file again (one.yaml → two.yaml → one.yaml); remove one of the \`extends\` entries.`;
    assert.deepEqual(problemsOf(config), [
      `c/.scope-lint.yaml:1 The policy "./one.yaml" in \`extends\` has problems: ${join(root, 'c/two.yaml')}:3:10: ${cycle}`,
      `c/one.yaml:1 The policy "./two.yaml" in \`extends\` has problems: ${join(root, 'c/two.yaml')}:3:10: ${cycle}`,
      `c/two.yaml:3 ${cycle}`,
    ]);
    // The rest of each file still applies: one.yaml over two.yaml.
    assert.deepEqual(config.settings, { thresholds: { maxCheckInDays: 3 } });
  });

  it('a file that extends itself is a cycle', () => {
    const config = loadConfig(write('d/.scope-lint.yaml', 'extends: ./.scope-lint.yaml\n'));
    assert.deepEqual(problemsOf(config), [
      'd/.scope-lint.yaml:1 The policy "./.scope-lint.yaml" in `extends` is not read: it extends this file again (.scope-lint.yaml → .scope-lint.yaml); remove one of the `extends` entries.',
    ]);
  });

  it('a mistake inside a policy is shown on its own file and named on the entry', () => {
    write('e/policy.yaml', 'rules:\n  security-nda-mising: off\n');
    const config = loadConfig(write('e/.scope-lint.yaml', '# shared\nextends: ./policy.yaml\n'));
    assert.deepEqual(problemsOf(config), [
      `e/.scope-lint.yaml:2 The policy "./policy.yaml" in \`extends\` has problems: ${join(root, 'e/policy.yaml')}:2:3: Unknown rule id \`security-nda-mising\` in \`rules\`. Did you mean \`security-nda-missing\`?`,
      'e/policy.yaml:2 Unknown rule id `security-nda-mising` in `rules`. Did you mean `security-nda-missing`?',
    ]);
    const byFile = configDiagnosticsByFile(config);
    assert.deepEqual([...byFile.keys()], [join(root, 'e/.scope-lint.yaml'), join(root, 'e/policy.yaml')]);
    assert.deepEqual(
      byFile.get(join(root, 'e/policy.yaml'))?.map((d) => [d.code, d.range.start.line]),
      [['config/invalid', 1]],
    );
  });

  it('a policy that is a FIFO is refused without waiting for a writer', { skip: process.platform === 'win32' }, () => {
    execFileSync('mkfifo', [join(root, 'f-pipe.yaml')]);
    const config = loadConfig(write('f/.scope-lint.yaml', 'extends: ../f-pipe.yaml\n'));
    assert.deepEqual(problemsOf(config), [
      `f/.scope-lint.yaml:1 The policy "../f-pipe.yaml" in \`extends\` is not read: ${join(root, 'f-pipe.yaml')}: The config file is a FIFO (named pipe), not a regular file, so it is not read.`,
    ]);
  });

  it('an entry that is neither a path nor a package name is a problem', () => {
    const config = loadConfig(write('g/.scope-lint.yaml', 'extends: [Not A Package]\n'));
    assert.deepEqual(problemsOf(config), [
      'g/.scope-lint.yaml:1 The policy "Not A Package" in `extends` is not read: it is neither a relative path (start it with `./` or `../`) nor an npm package name.',
    ]);
  });
});

describe('extends: an npm package', () => {
  const marker = join(root, 'ran.txt');
  // A package whose code would leave a trace if anything ran it.
  const code = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran');`;
  write(
    'p/node_modules/@acme/scope-policy/package.json',
    JSON.stringify({ name: '@acme/scope-policy', main: 'index.js', 'scope-lint': 'policies/strict.yaml' }),
  );
  write('p/node_modules/@acme/scope-policy/index.js', code);
  write('p/node_modules/@acme/scope-policy/policies/strict.yaml', 'rules:\n  expertise-key-personnel-missing: error\n');
  write('p/node_modules/plain-policy/package.json', JSON.stringify({ name: 'plain-policy', main: 'index.js' }));
  write('p/node_modules/plain-policy/index.js', code);
  write('p/node_modules/plain-policy/scope-lint.yaml', 'thresholds:\n  maxCheckInDays: 5\n');
  write('p/node_modules/escape/package.json', JSON.stringify({ name: 'escape', 'scope-lint': '../plain-policy/scope-lint.yaml' }));
  write('p/node_modules/empty/package.json', JSON.stringify({ name: 'empty' }));

  it('is found in node_modules above the config, from the file its package.json names or scope-lint.yaml; nothing is run', () => {
    const config = loadConfig(write('p/specs/team/.scope-lint.yaml', 'extends:\n  - "@acme/scope-policy"\n  - plain-policy\n'));
    assert.deepEqual(config.problems, []);
    assert.deepEqual(config.settings, { rules: { 'expertise-key-personnel-missing': 'error' }, thresholds: { maxCheckInDays: 5 } });
    assert.equal(existsSync(marker), false);
  });

  it('a package that is not installed, points outside itself or has no policy is a problem on its line', () => {
    const config = loadConfig(write('p/other/.scope-lint.yaml', 'extends:\n  - missing-policy\n  - escape\n  - empty\n'));
    assert.deepEqual(problemsOf(config), [
      `p/other/.scope-lint.yaml:2 The policy "missing-policy" in \`extends\` is not read: no package of that name is installed in node_modules from ${join(root, 'p/other')} up; install it (npm install --save-dev missing-policy) or write a relative path.`,
      `p/other/.scope-lint.yaml:3 The policy "escape" in \`extends\` is not read: the \`scope-lint\` field of ${join(root, 'p/node_modules/escape/package.json')} points outside the package (../plain-policy/scope-lint.yaml).`,
      `p/other/.scope-lint.yaml:4 The policy "empty" in \`extends\` is not read: the package has no \`scope-lint\` field in its package.json and no scope-lint.yaml (${join(root, 'p/node_modules/empty/scope-lint.yaml')}).`,
    ]);
  });
});
