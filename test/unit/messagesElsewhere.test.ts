// The messages a user meets outside the engine's analysis, held to the Problems panel's rules
// (test/support/messageRules.ts) like the engine's own (messages.test.ts): the `config/invalid`
// problems of a `.scope-lint.yaml` and the policies it extends, the `compare/*` findings on a
// changed scope, and the `input/*` diagnostics the CLI and the editor's validation workers write
// when a path cannot be read, a check overruns its time bound or a worker stops. Each is collected
// by running the real code on inputs that raise it (the CLI in-process, real worker threads).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { configDiagnosticsByFile, loadConfig } from '../../server/src/config';
import { compareScopes } from '../../server/src/service/compare/compareScopes';
import { ScopeDocument } from '../../server/src/service/document';
import { mergeSettings } from '../../server/src/service/settings';
import { parseTimeoutProblem, Validator } from '../../server/src/validationWorker';

import { runInProcess } from '../support/cli';
import { messageProblems } from '../support/messageRules';
import { repoRoot } from '../support/paths';
import { tempFolder } from '../support/tempFolder';

const { root, write } = tempFolder('scope-messages-');

interface Seen {
  readonly where: string;
  readonly code: string;
  readonly message: string;
}

/** One line per message that breaks a rule, with what it breaks. */
function offenders(seen: readonly Seen[]): string[] {
  const lines = new Set<string>();
  for (const s of seen) {
    const problems = messageProblems(s.message);
    if (problems.length > 0) lines.add(`${s.where} ${s.code}: ${problems.join('; ')}\n    ${s.message}`);
  }
  return [...lines];
}

const example = readFileSync(join(repoRoot, 'examples', 'portal-rebuild.scope.yaml'), 'utf8');

describe('messages met outside the analysis, in the Problems panel', () => {
  it('every problem of a .scope-lint.yaml and of the policies it extends', () => {
    // A package policy with a package.json that is broken in each way a package can be.
    write('cfg/node_modules/not-json/package.json', '{ name: ');
    write('cfg/node_modules/escapes/package.json', JSON.stringify({ name: 'escapes', 'scope-lint': '../elsewhere.yaml' }));
    write('cfg/node_modules/blank-field/package.json', JSON.stringify({ name: 'blank-field', 'scope-lint': ' ' }));
    write('cfg/node_modules/names-nothing/package.json', JSON.stringify({ name: 'names-nothing', 'scope-lint': 'policy.yaml' }));
    write('cfg/node_modules/no-policy/package.json', JSON.stringify({ name: 'no-policy' }));
    write('cfg/policies/broken.yaml', 'rules:\n  security-nda-missing: loud\n  nda-missing: off\n');
    write('cfg/policies/loop-a.yaml', 'extends: ./loop-b.yaml\n');
    write('cfg/policies/loop-b.yaml', 'extends: ./loop-a.yaml\n');
    write('cfg/policies/acme.yaml', 'custom_rules:\n  - { id: acme-one, severity: warning, message: One., given: vendor, then: {} }\n');
    mkdirSync(join(root, 'cfg/policies/folder.yaml'), { recursive: true });
    // A chain deeper than policies may extend each other.
    for (let i = 0; i < 10; i++) write(`cfg/deep/p${i}.yaml`, `extends: ./p${i + 1}.yaml\n`);
    write('cfg/deep/p10.yaml', 'rules: {}\n');
    const customRule = (fields: string) => `custom_rules:\n  - id: acme-x\n    severity: warning\n    message: Policy.\n${fields}`;
    const cases: readonly (readonly [string, string])[] = [
      ['a bad rule severity', 'rules:\n  expertise-acceptance-criteria-subjective: loud\n  cost-vague-language: [warning]\n'],
      ['an unknown rule id', 'rules:\n  nda-missing: off\n  completely-unknown-thing: off\n'],
      ['an unknown key', 'rulez: {}\nthresholds:\n  maxCheckinDays: 7\n  zzzzzzzzzz: 1\n'],
      [
        'bad thresholds',
        'thresholds:\n  maxCheckInDays: -3\n  minContingencyPercent: 400\n  defaultCurrency: euro\n  maxUpfrontPercent: lots\n',
      ],
      ['bad limits and terms', 'limits:\n  maxFileSizeKB: 0.5\nvagueTerms:\n  always: [""]\n  ignore: nothing\n'],
      ['a bad ignore', 'ignore: archive/\n'],
      ['a list at the root', '- a\n- b\n'],
      ['YAML that does not parse', 'rules:\n  security-nda-missing: off\n  cost-vague-language: [warning\n'],
      ['two documents', 'rules: {}\n---\nrules: {}\n'],
      [
        'an alias bomb',
        `a: &a [x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 19 }, (_, i) => `b${i}: &b${i} [*${i === 0 ? 'a' : `b${i - 1}`}, *${i === 0 ? 'a' : `b${i - 1}`}]`).join('\n')}\n`,
      ],
      ['too deep', `rules: ${'['.repeat(40)}${']'.repeat(40)}\n`],
      ['a binary file', 'rules: {}\n\u0000\u0001\n'],
      ['a bad extends', 'extends: 3\n'],
      ['an empty extends entry', 'extends: [""]\n'],
      [
        'extends entries that cannot be read',
        [
          'extends:',
          '  - ../policies/nowhere.yaml',
          '  - Not A Package',
          '  - missing-policy-package-with-a-long-name',
          '  - not-json',
          '  - escapes',
          '  - blank-field',
          '  - names-nothing',
          '  - no-policy',
          '  - ../policies/folder.yaml',
          '  - ../policies/broken.yaml',
          '  - ../policies/loop-a.yaml',
          '  - ../deep/p0.yaml',
          '',
        ].join('\n'),
      ],
      ['a custom rule with a bad path', customRule('    given: vendor.certificatons\n    then: { type: array }\n')],
      ['a custom rule with a path that is not a path', customRule('    given: "vendor..name"\n    then: {}\n')],
      [
        'a custom rule with a bad schema',
        customRule('    given: vendor\n    when: { $ref: "https://example.com/s.json" }\n    then: { type: object, requird: [name] }\n'),
      ],
      [
        'a custom rule with a huge schema',
        customRule(`    given: vendor.name\n    then: ${JSON.stringify({ enum: Array.from({ length: 3000 }, (_, i) => `value-${i}`) })}\n`),
      ],
      ['a custom rule missing keys', 'custom_rules:\n  - { id: acme-y, severity: fatal, area: legal, message: X., given: vendor }\n'],
      [
        'a custom rule with a built-in id',
        'custom_rules:\n  - { id: security-nda-missing, severity: error, message: X., given: vendor, then: {} }\n',
      ],
      [
        'a custom rule id used twice',
        'extends: ../policies/acme.yaml\ncustom_rules:\n  - { id: acme-one, severity: error, message: X., given: vendor, then: {} }\nrules:\n  acme-one: loud\n',
      ],
      [
        'too many custom rules',
        `extends: ../policies/acme.yaml\ncustom_rules:\n${Array.from({ length: 100 }, (_, i) => `  - { id: acme-r${i}, severity: info, message: X., given: vendor, then: {} }\n`).join('')}`,
      ],
    ];
    const seen: Seen[] = [];
    cases.forEach(([name, text], i) => {
      const config = loadConfig(write(`cfg/case${i}/.scope-lint.yaml`, text));
      const messages = [...configDiagnosticsByFile(config).values()].flat();
      assert.ok(messages.length > 0, `${name}: no problem at all`);
      for (const d of messages)
        seen.push({ where: name, code: String(d.code), message: typeof d.message === 'string' ? d.message : d.message.value });
    });
    // A config file that is not a regular file, or too large to be a configuration.
    mkdirSync(join(root, 'cfg/folder/.scope-lint.yaml'), { recursive: true });
    const large = write('cfg/large/.scope-lint.yaml', `# ${'x'.repeat(300 * 1024)}\n`);
    for (const [name, path] of [
      ['a folder', join(root, 'cfg/folder/.scope-lint.yaml')],
      ['a large file', large],
      ['a missing file', join(root, 'cfg/gone/.scope-lint.yaml')],
    ] as const) {
      const config = loadConfig(path);
      assert.ok(config.problems.length > 0, `${name}: no problem`);
      for (const p of config.problems) seen.push({ where: name, code: 'config/invalid', message: p.message });
    }
    assert.ok(
      seen.every((s) => s.code === 'config/invalid'),
      'every problem is config/invalid',
    );
    assert.ok(seen.length >= 45, `only ${seen.length} messages`);
    const bad = offenders(seen);
    assert.equal(bad.length, 0, `${bad.length} messages:\n${bad.join('\n')}`);
  });

  it('every compare/* finding on an edited version of the example', () => {
    const edit = (text: string, from: string, to: string): string => {
      assert.ok(text.includes(from), `the example no longer contains ${JSON.stringify(from)}`);
      return text.replace(from, to);
    };
    const deliverable =
      '  - id: D9\n    title: A reporting dashboard for the leadership team with every weekly figure\n    acceptance_criteria: [Shows the weekly figures]\n';
    let weakened = edit(example, '  breach_notification_hours: 24\n', '  breach_notification_hours: 72\n');
    weakened = edit(weakened, 'approval_required: true', 'approval_required: false');
    weakened = edit(weakened, '    - { name: SOC 2 Type II, period_end: 2026-09-30 }\n', '');
    weakened = edit(weakened, '  data_classification: confidential\n', '  data_classification: internal\n');
    weakened = edit(weakened, '  nda: { signed: true, date: 2027-01-12, mutual: true }\n', '');
    const versions: readonly (readonly [string, string])[] = [
      ['a higher price', edit(example, '  total: 240000\n', '  total: 1260000\n')],
      ['a later end', edit(example, '  end: 2027-10-29\n', '  end: 2028-11-30\n')],
      ['an added deliverable', edit(example, '\nsuccess_measures:\n', `\n${deliverable}success_measures:\n`)],
      ['a looser target', edit(example, 'target: "< 600"', 'target: "< 800"')],
      ['a target of another kind', edit(example, 'target: "< 600"', 'target: "fewer than before"')],
      ['a removed measure', example.replace(/\n {2}- id: SM\d[\s\S]*?(?=\n {2}- id: SM|\n[a-z])/, '')],
      ['weaker protections', weakened],
      [
        'no breach deadline, no DPA, no audit rights',
        edit(edit(example, '  breach_notification_hours: 24\n', ''), 'audit_rights: true', 'audit_rights: false'),
      ],
    ];
    const seen: Seen[] = [];
    const codes = new Set<string>();
    for (const [name, text] of versions) {
      const comparison = compareScopes(
        new ScopeDocument('file:///old.scope.yaml', 1, example),
        new ScopeDocument('file:///new.scope.yaml', 2, text),
        {
          today: '2027-06-01',
        },
      );
      assert.ok(comparison.findings.length > 0, `${name}: no finding`);
      for (const f of comparison.findings) {
        codes.add(f.code);
        seen.push({ where: name, code: f.code, message: f.message });
      }
    }
    assert.deepEqual([...codes].sort(), ['compare/protection-weakened', 'compare/scope-creep', 'compare/target-loosened']);
    const bad = offenders(seen);
    assert.equal(bad.length, 0, `${bad.length} messages:\n${bad.join('\n')}`);
  });

  describe('the input/* diagnostics the CLI writes', () => {
    const dir = join(root, 'cli');
    before(() => {
      mkdirSync(join(dir, 'unreadable'), { recursive: true });
      symlinkSync(join(dir, 'gone.scope.yaml'), join(dir, 'unreadable', 'broken-link.scope.yaml'));
      symlinkSync(join(dir, 'unreadable', 'loop.scope.yaml'), join(dir, 'unreadable', 'loop.scope.yaml'));
      execFileSync('mkfifo', [join(dir, 'unreadable', 'pipe.scope.yaml')]);
      // A folder named like a scope file is a folder to search, not a file that cannot be read.
      mkdirSync(join(dir, 'unreadable', 'folder.scope.yaml'));
      writeFileSync(join(dir, 'big.scope.yaml'), `${example}\nnotes: "${'word '.repeat(200_000)}"\n`);
    });

    /** The messages of `scope-lint -f json ...` (every file, each message with its rule id). */
    async function messagesOf(args: readonly string[], env: Record<string, string> = {}): Promise<Seen[]> {
      const run = await runInProcess(['-f', 'json', ...args], { env });
      const files = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string; message: string }[] }[];
      return files.flatMap((f) => f.messages.map((m) => ({ where: f.filePath.slice(dir.length + 1), code: m.ruleId, message: m.message })));
    }

    it('paths that cannot be read: a broken link, a link to itself, a FIFO', async () => {
      const seen = await messagesOf([join(dir, 'unreadable')]);
      assert.deepEqual(seen.map((s) => `${s.where} ${s.code}`).sort(), [
        'unreadable/broken-link.scope.yaml input/unreadable',
        'unreadable/loop.scope.yaml input/unreadable',
        'unreadable/pipe.scope.yaml input/unreadable',
      ]);
      const bad = offenders(seen);
      assert.equal(bad.length, 0, `${bad.length} messages:\n${bad.join('\n')}`);
    });

    it('a check over the time bound, and a worker that stops', async () => {
      const big = join(dir, 'big.scope.yaml');
      const timeout = await messagesOf([big], { SCOPE_LINT_WORKERS: '1', SCOPE_CHECK_TIMEOUT_MS: '1' });
      const stopped = await messagesOf([big], { SCOPE_LINT_WORKERS: '1', SCOPE_LINT_WORKER_MEMORY_MB: '16' });
      const seen = [...timeout, ...stopped];
      assert.deepEqual(
        seen.map((s) => `${s.where} ${s.code}`),
        ['big.scope.yaml input/timeout', 'big.scope.yaml input/check-failed'],
      );
      const bad = offenders(seen);
      assert.equal(bad.length, 0, `${bad.length} messages:\n${bad.join('\n')}`);
    });
  });

  describe("the input/* diagnostics of the editor's validation workers", () => {
    const settings = mergeSettings({});
    const big = { uri: 'file:///big.scope.yaml', version: 1, text: `${example}\nnotes: "${'word '.repeat(200_000)}"\n` };

    it('a check and a fix all over the time bound, and workers that cannot start', async () => {
      const seen: Seen[] = [];
      const slow = new Validator({ workerFile: join(repoRoot, 'dist', 'server.js'), timeoutMs: 1, log: () => {} });
      const broken = new Validator({ workerFile: join(root, 'no-such-worker.js'), timeoutMs: 20_000, log: () => {} });
      try {
        for (const [name, validator] of [
          ['over the time bound', slow],
          ['no worker', broken],
        ] as const) {
          const diagnostics = (await validator.validate(big, settings)) ?? [];
          assert.equal(diagnostics.length, 1, name);
          for (const d of diagnostics) seen.push({ where: name, code: String(d.code), message: String(d.message) });
          const fixAll = await validator.fixAll({ ...big, uri: 'file:///fix.scope.yaml' }, settings, undefined);
          assert.ok(fixAll && 'stopped' in fixAll, `${name}: fix all was not stopped`);
          seen.push({
            where: `fix all ${name}`,
            code: fixAll.stopped === 'timeout' ? 'input/timeout' : 'input/check-failed',
            message: fixAll.reason,
          });
        }
      } finally {
        slow.dispose();
        broken.dispose();
      }
      assert.deepEqual(
        seen.map((s) => `${s.where} ${s.code}`),
        [
          'over the time bound input/timeout',
          'fix all over the time bound input/timeout',
          'no worker input/check-failed',
          'fix all no worker input/check-failed',
        ],
      );
      // What hover and the outline say of a file that parsed too slowly, or not within the worker's bounds.
      for (const report of [{ ms: 3200 }, undefined])
        seen.push({ where: 'a slow parse', code: 'input/timeout', message: parseTimeoutProblem(report).message });
      const bad = offenders(seen);
      assert.equal(bad.length, 0, `${bad.length} messages:\n${bad.join('\n')}`);
    });
  });
});
