// The evaluation corpus is well formed (every scope has expectations that name real rule ids on
// real lines), and the scoring of `npm run eval` counts matches, misses and silent passes exactly.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { heldOutParts, loadDir, main, parseExpected, score, type CorpusFile } from '../eval/eval';
import { repoRoot } from '../support/paths';

const corpus = join(repoRoot, 'test', 'corpus');

describe('evaluation corpus', () => {
  it('has at least 30 main files, each with an expectation file that parses', () => {
    const files = loadDir(corpus);
    assert.ok(files.length >= 30, `${files.length} main files`);
    const stray = readdirSync(corpus).filter(
      (f) => f.endsWith('.expected.txt') && !existsSync(join(corpus, f.replace('.expected.txt', '.scope.yaml'))),
    );
    assert.deepEqual(stray, [], 'expectation files without a scope');
  });

  it('keeps a held-out part of at least 10 files that parses too (its results are not shown here)', () => {
    assert.ok(loadDir(join(corpus, 'holdout')).length >= 10);
  });

  it('keeps a second held-out part, holdout2, of at least 12 files that parses too', () => {
    assert.ok(loadDir(join(corpus, 'holdout2')).length >= 12);
  });

  it('keeps a third held-out part, holdout3, of at least 12 files (6 careful, 6 sloppy) that parses too', () => {
    const files = loadDir(join(corpus, 'holdout3'));
    assert.ok(files.length >= 12, `${files.length} holdout3 files`);
    assert.equal(files.filter((f) => f.file.includes('careful')).length, 6);
    assert.equal(files.filter((f) => f.file.includes('sloppy')).length, 6);
  });

  it('keeps a fourth held-out part, holdout4, of at least 12 files (6 careful, 6 sloppy) that parses too', () => {
    const files = loadDir(join(corpus, 'holdout4'));
    assert.ok(files.length >= 12, `${files.length} holdout4 files`);
    assert.equal(files.filter((f) => f.file.includes('careful')).length, 6);
    assert.equal(files.filter((f) => f.file.includes('sloppy')).length, 6);
  });

  it('keeps a fifth held-out part, holdout5, of at least 12 files (6 careful, 6 sloppy) that parses too', () => {
    const files = loadDir(join(corpus, 'holdout5'));
    assert.ok(files.length >= 12, `${files.length} holdout5 files`);
    assert.equal(files.filter((f) => f.file.includes('careful')).length, 6);
    assert.equal(files.filter((f) => f.file.includes('sloppy')).length, 6);
  });

  it('keeps a sixth held-out part, holdout6, of at least 12 files (6 careful, 6 sloppy) that parses too', () => {
    const files = loadDir(join(corpus, 'holdout6'));
    assert.ok(files.length >= 12, `${files.length} holdout6 files`);
    assert.equal(files.filter((f) => f.file.includes('careful')).length, 6);
    assert.equal(files.filter((f) => f.file.includes('sloppy')).length, 6);
  });
});

describe('npm run eval -- --split', () => {
  // A scratch corpus: the main part meets the targets (no files, nothing expected, nothing reported);
  // each held-out part has one real scope whose expectation cannot be met (an error-level finding
  // the file does not contain), so each held-out part is below target.
  const root = mkdtempSync(join(tmpdir(), 'scope-eval-split-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  const scope = 'scope_version: 1\nproject:\n  name: Split check\n';
  for (const part of ['holdout', 'holdout2', 'holdout3', 'holdout4', 'holdout5', 'holdout6']) {
    mkdirSync(join(root, part));
    writeFileSync(join(root, part, `${part}-only.scope.yaml`), scope);
    writeFileSync(join(root, part, `${part}-only.expected.txt`), 'structure-duplicate-id 2\n');
  }
  const run = (argv: string[], dir = root): { code: number; text: string } => {
    const lines: string[] = [];
    const code = main(argv, (s) => lines.push(s), dir);
    return { code, text: lines.join('\n') };
  };

  it('reports holdout2 separately from the main corpus and from holdout, figures only', () => {
    assert.deepEqual(
      heldOutParts.map((p) => p.dir),
      ['holdout', 'holdout2', 'holdout3', 'holdout4', 'holdout5', 'holdout6'],
    );
    const { code, text } = run(['--split']);
    const sections = text
      .split('\n== ')
      .slice(1)
      .map((s) => s.split(':')[0]);
    assert.deepEqual(sections, [
      'main corpus (test/corpus)',
      'holdout (test/corpus/holdout)',
      'holdout2 (test/corpus/holdout2)',
      'holdout3 (test/corpus/holdout3)',
      'holdout4 (test/corpus/holdout4)',
      'holdout5 (test/corpus/holdout5)',
      'holdout6 (test/corpus/holdout6)',
    ]);
    const holdout2 = text.slice(text.indexOf('== holdout2'), text.indexOf('== holdout3'));
    assert.match(holdout2, /precision \d+\.\d%/);
    assert.match(holdout2, /silent passes of error-level risks: 1/);
    assert.match(holdout2, /not listed: this part is held out/);
    assert.doesNotMatch(text, /holdout2-only\.scope\.yaml/, 'a held-out file is named');
    assert.match(holdout2, /Below target \(held out, does not fail the run\)/);
    const holdout3 = text.slice(text.indexOf('== holdout3'), text.indexOf('== holdout4'));
    assert.match(holdout3, /silent passes of error-level risks: 1/);
    assert.match(holdout3, /Below target \(held out, does not fail the run\)/);
    assert.doesNotMatch(text, /holdout3-only\.scope\.yaml/, 'a holdout3 file is named');
    const holdout4 = text.slice(text.indexOf('== holdout4'), text.indexOf('== holdout5'));
    assert.match(holdout4, /silent passes of error-level risks: 1/);
    assert.match(holdout4, /Below target \(held out, does not fail the run\)/);
    assert.doesNotMatch(text, /holdout4-only\.scope\.yaml/, 'a holdout4 file is named');
    const holdout5 = text.slice(text.indexOf('== holdout5'), text.indexOf('== holdout6'));
    assert.match(holdout5, /silent passes of error-level risks: 1/);
    assert.match(holdout5, /Below target \(held out, does not fail the run\)/);
    assert.doesNotMatch(text, /holdout5-only\.scope\.yaml/, 'a holdout5 file is named');
    const holdout6 = text.slice(text.indexOf('== holdout6'));
    assert.match(holdout6, /silent passes of error-level risks: 1/);
    assert.match(holdout6, /Below target \(held out, does not fail the run\)/);
    assert.doesNotMatch(text, /holdout6-only\.scope\.yaml/, 'a holdout6 file is named');
    assert.equal(code, 0, 'held-out parts below target failed the run');
  });

  it('lists the held-out misses only with --holdout-details, and still does not fail the run', () => {
    const { code, text } = run(['--split', '--holdout-details']);
    assert.match(text, /holdout2\/holdout2-only\.scope\.yaml:2 structure-duplicate-id/);
    assert.equal(code, 0);
  });

  it('keeps the held-out figures apart in --json, without their findings', () => {
    const { code, text } = run(['--split', '--json']);
    const parsed = JSON.parse(text) as {
      reports: { name: string; heldOut: boolean; misses?: unknown; falsePositives?: unknown; silentPassCount?: number }[];
    };
    const byName = Object.fromEntries(parsed.reports.map((r) => [r.name, r]));
    assert.equal(byName['holdout2 (test/corpus/holdout2)']?.heldOut, true);
    assert.equal(byName['holdout2 (test/corpus/holdout2)']?.misses, undefined);
    assert.equal(byName['holdout2 (test/corpus/holdout2)']?.silentPassCount, 1);
    assert.equal(byName['holdout3 (test/corpus/holdout3)']?.heldOut, true);
    assert.equal(byName['holdout3 (test/corpus/holdout3)']?.falsePositives, undefined);
    assert.equal(byName['holdout3 (test/corpus/holdout3)']?.silentPassCount, 1);
    assert.equal(byName['main corpus (test/corpus)']?.heldOut, false);
    assert.equal(code, 0);
  });

  it('still fails the run when the main corpus is below target', () => {
    const failing = mkdtempSync(join(tmpdir(), 'scope-eval-main-'));
    try {
      writeFileSync(join(failing, 'main-only.scope.yaml'), scope);
      writeFileSync(join(failing, 'main-only.expected.txt'), 'structure-duplicate-id 2\n');
      const { code, text } = run(['--split'], failing);
      assert.match(text, /BELOW TARGET: .*1 silent passes/);
      assert.equal(code, 1);
    } finally {
      rmSync(failing, { recursive: true, force: true });
    }
  });
});

describe('expectation format', () => {
  it('reads "ruleId line [severity]" with comments, and defaults the severity from the catalogue', () => {
    const rows = parseExpected(
      '# careful file\ncost-vague-language 4\nsecurity-nda-missing 9   # after start\nexpertise-measure-not-quantified 12 warning\n',
      'x',
      20,
    );
    assert.deepEqual(rows, [
      { ruleId: 'cost-vague-language', line: 4, level: 'warning' },
      { ruleId: 'security-nda-missing', line: 9, level: 'error' },
      { ruleId: 'expertise-measure-not-quantified', line: 12, level: 'warning' },
    ]);
  });

  it('rejects unknown ids, lines outside the file, unsorted rows and bad severities', () => {
    assert.throws(
      () => parseExpected('cost-vague-languge 4\n', 'x.expected.txt', 20),
      /x.expected.txt:1: unknown rule id "cost-vague-languge"/,
    );
    assert.throws(() => parseExpected('cost-vague-language 21\n', 'x', 20), /line 21 is outside the scope file \(1-20\)/);
    assert.throws(() => parseExpected('cost-vague-language 5\ncost-vague-language 4\n', 'x', 20), /not sorted/);
    assert.throws(() => parseExpected('cost-vague-language 5 fatal\n', 'x', 20), /"fatal" is not error, warning or info/);
  });
});

describe('scoring', () => {
  const file = (expected: CorpusFile['expected'], found: [string, number, string][]): CorpusFile => ({
    file: 'f.scope.yaml',
    expected,
    found: found.map(([ruleId, line, severity]) => ({ ruleId, line, severity, message: 'm' })),
  });

  it('matches on rule id and line exactly, as a multiset', () => {
    const r = score('t', [
      file(
        [
          { ruleId: 'cost-vague-language', line: 4, level: 'warning' },
          { ruleId: 'cost-vague-language', line: 4, level: 'warning' },
          { ruleId: 'security-nda-missing', line: 7, level: 'error' },
        ],
        [
          ['cost-vague-language', 4, 'warning'],
          ['security-nda-missing', 8, 'error'],
          ['governance-owner-missing', 2, 'warning'],
        ],
      ),
    ]);
    assert.equal(r.tp, 1);
    assert.equal(r.fn, 2);
    assert.equal(r.fp, 2);
    assert.deepEqual(
      r.misses.map((m) => `${m.line} ${m.ruleId}`),
      ['4 cost-vague-language', '7 security-nda-missing'],
    );
    assert.match(r.misses[1]!.detail, /reported on line 8 instead/);
    assert.deepEqual(
      r.falsePositives.map((m) => `${m.line} ${m.ruleId}`),
      ['2 governance-owner-missing', '8 security-nda-missing'],
    );
    assert.deepEqual(
      r.silentPasses.map((m) => m.ruleId),
      ['security-nda-missing'],
    );
    assert.ok(r.failures.includes('1 silent passes of error-level risks'));
  });

  it('meets the targets when every expected finding is reported and nothing else', () => {
    const r = score('t', [file([{ ruleId: 'cost-tm-without-cap', line: 3, level: 'error' }], [['cost-tm-without-cap', 3, 'error']])]);
    assert.equal(r.precision, 1);
    assert.equal(r.recall, 1);
    assert.deepEqual(r.failures, []);
  });

  it('fails a rule below 90% even when the overall figures pass', () => {
    const expected = Array.from({ length: 40 }, (_, i) => ({ ruleId: 'cost-vague-language', line: i + 1, level: 'warning' as const }));
    const found: [string, number, string][] = expected.map((e) => [e.ruleId, e.line, 'warning']);
    const r = score('t', [
      file(
        [...expected, { ruleId: 'security-nda-missing', line: 50, level: 'warning' }],
        [...found, ['security-nda-missing', 51, 'error']],
      ),
    ]);
    assert.ok(r.precision > 0.97 && r.recall > 0.97);
    assert.ok(r.failures.some((f) => f.startsWith('security-nda-missing: recall')));
  });
});
