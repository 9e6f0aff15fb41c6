// Table-driven over the rule list: every rule has bad and good fixtures, a title and an explanation.
// test/fixtures/rules/<rule-id>/bad.scope.yaml must produce exactly the findings of that rule listed
// in bad.expected.txt (`<line> <severity> <path>` per line, 1-based line); good.scope.yaml none of it.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { rules } from '../../server/src/service/rules';
import { analyzeFile, pathOf, severityName } from '../support/analyze';
import { fixturesDir } from '../support/paths';

const dir = join(fixturesDir, 'rules');

for (const rule of rules) {
  describe(rule.id, () => {
    it('is declared as data', () => {
      assert.match(rule.id, /^(security|expertise|cost|schedule|governance|structure)-[a-z0-9-]+$/);
      assert.ok(rule.id.startsWith(`${rule.category}-`));
      assert.ok(rule.title.length > 5);
      assert.ok(rule.explanation.length > 80);
      assert.doesNotMatch(rule.explanation, /\{[A-Za-z.]+\}/, 'hover shows the explanation as-is: no {placeholders}');
    });
    const ruleDir = join(dir, rule.id);
    it('has bad and good fixtures', () => {
      assert.ok(existsSync(join(ruleDir, 'bad.scope.yaml')), 'bad.scope.yaml missing');
      assert.ok(existsSync(join(ruleDir, 'bad.expected.txt')), 'bad.expected.txt missing');
      assert.ok(existsSync(join(ruleDir, 'good.scope.yaml')), 'good.scope.yaml missing');
    });
    if (!existsSync(ruleDir)) return;
    for (const file of readdirSync(ruleDir).filter((f) => f.endsWith('.scope.yaml'))) {
      const expectedFile = join(ruleDir, file.replace(/\.scope\.yaml$/, '.expected.txt'));
      it(`${file} gives the expected findings`, () => {
        // The rule's own findings, even where a whole missing section would fold them into one
        // `scope/missing-sections` finding (tested in missingSections.test.ts).
        const { diagnostics } = analyzeFile(join(ruleDir, file), { rules: { 'scope/missing-sections': 'off' } });
        const got = diagnostics
          .filter((d) => d.code === rule.id)
          .map((d) => `${d.range.start.line + 1} ${severityName(d)} ${pathOf(d)}`)
          .sort();
        const want = existsSync(expectedFile)
          ? readFileSync(expectedFile, 'utf8')
              .split('\n')
              .map((l) => l.trim().replace(/\s+/g, ' '))
              .filter((l) => l && !l.startsWith('#'))
              .sort()
          : [];
        assert.deepEqual(got, want);
      });
    }
  });
}
