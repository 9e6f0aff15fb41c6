// The spec's examples produce exactly the findings in their .expected.txt files (rule id, severity, path).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeFile, pathOf, severityName } from '../support/analyze';
import { fixturesDir } from '../support/paths';

const golden = join(fixturesDir, 'golden');

function expected(name: string): { header: string; rows: string[] } {
  const lines = readFileSync(join(golden, `${name}.expected.txt`), 'utf8')
    .split('\n')
    .filter((l) => l.trim());
  const header = lines[0] ?? '';
  const rows = lines.slice(1).map((l) => {
    const [severity, ruleId, path] = l.trim().split(/\s+/);
    return `${severity} ${ruleId} ${path}`;
  });
  return { header, rows: rows.sort() };
}

for (const name of ['minimal', 'full', 'risky']) {
  describe(`golden ${name}.scope.yaml`, () => {
    const { diagnostics } = analyzeFile(join(golden, `${name}.scope.yaml`));
    const want = expected(name);
    it('has exactly the expected findings (severity, rule id, path)', () => {
      const got = diagnostics.map((d) => `${severityName(d)} ${String(d.code)} ${pathOf(d)}`).sort();
      assert.deepEqual(got, want.rows);
    });
    it('matches the summary line', () => {
      const count = (s: string): number => diagnostics.filter((d) => severityName(d) === s).length;
      assert.equal(`== ${name}.scope.yaml: ${count('error')} errors, ${count('warning')} warnings, ${count('info')} info`, want.header);
    });
    it('puts every finding on one line, never at 0:0 of a non-empty file', () => {
      for (const d of diagnostics) {
        assert.equal(d.range.start.line, d.range.end.line, `${String(d.code)} spans lines`);
        assert.ok(d.range.end.character > d.range.start.character, `${String(d.code)} has an empty range`);
      }
    });
  });
}
