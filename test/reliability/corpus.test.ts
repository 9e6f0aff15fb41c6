// The engine on the hostile-input corpus: each input gives exactly its diagnostic, within a time
// bound, with every range on one line inside the document; nothing throws.
import assert from 'node:assert/strict';
import { describe as suite, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { ScopeDocument } from '../../server/src/service/document';
import { decodeUtf8 } from '../../server/src/service/inputGuard';
import { mergeSettings } from '../../server/src/service/settings';
import { maxFindingsPerRule, validate } from '../../server/src/service/validate';
import { testToday } from '../support/analyze';
import { corpus, describe, isRiskRule, minimalText, type CorpusCase } from './corpus';

function check(c: CorpusCase): { doc: ScopeDocument; diagnostics: readonly Diagnostic[]; ms: number } {
  const settings = mergeSettings({ today: testToday, ...(c.limits ? { limits: c.limits } : {}) });
  const bytes = c.bytes();
  const started = performance.now();
  const { text, problem } = decodeUtf8(bytes);
  const doc = new ScopeDocument('file:///corpus.scope.yaml', 1, text, settings.limits, problem);
  const { diagnostics } = validate(doc, settings, {
    onRuleError: (id, error) => assert.fail(`rule ${id} threw: ${String(error)}`),
  });
  return { doc, diagnostics, ms: performance.now() - started };
}

const minimalRisks = (() => {
  const settings = mergeSettings({ today: testToday });
  const doc = new ScopeDocument('file:///minimal.scope.yaml', 1, minimalText, settings.limits);
  return validate(doc, settings)
    .diagnostics.filter((d) => isRiskRule(d.code))
    .map(describe);
})();

suite('hostile input corpus: the engine', () => {
  for (const c of corpus) {
    it(`${c.name}: ${c.want.length ? c.want.slice(0, 3).join(', ') + (c.want.length > 3 ? ', ...' : '') : 'no syntax or schema problem'}`, () => {
      const { doc, diagnostics, ms } = check(c);
      assert.deepEqual(diagnostics.filter((d) => !isRiskRule(d.code)).map(describe), c.want);
      if (c.risksAsMinimal) assert.deepEqual(diagnostics.filter((d) => isRiskRule(d.code)).map(describe), minimalRisks);
      for (const d of diagnostics) {
        assert.equal(d.range.start.line, d.range.end.line, `${describe(d)} spans lines`);
        assert.ok(d.range.end.line < doc.lineCount, `${describe(d)} is below the last line`);
        assert.ok(doc.offsetAt(d.range.end) >= doc.offsetAt(d.range.start), `${describe(d)} ends before it starts`);
        assert.ok(d.range.end.character <= doc.lineText(d.range.end.line).length, `${describe(d)} ends after its line`);
      }
      if (c.budgetMs !== undefined) assert.ok(ms < c.budgetMs, `took ${Math.round(ms)} ms, bound ${c.budgetMs} ms`);
    });
  }

  it('reports at most 100 findings of one rule per file, like syntax and schema findings', () => {
    const items = Array.from(
      { length: 300 },
      (_, i) =>
        `  - id: X${i}\n    title: Extra deliverable ${i}, etc.\n    acceptance_criteria: [Works well, etc.]\n    due: 2027-04-30\n`,
    ).join('');
    const text = minimalText.replace('success_measures:', `${items}success_measures:`);
    const settings = mergeSettings({ today: testToday });
    const { diagnostics } = validate(new ScopeDocument('file:///many.scope.yaml', 1, text, settings.limits), settings);
    const vague = diagnostics.filter((d) => d.code === 'cost-vague-language');
    assert.equal(vague.length, maxFindingsPerRule);
    // The first ones, in document order: the first extra deliverable's title is the first finding.
    assert.equal(
      vague[0]?.range.start.line,
      text.split('\n').findIndex((l) => l.includes('Extra deliverable 0,')),
    );
  });

  it('refuses input over a limit with exactly one diagnostic that names the setting', () => {
    for (const c of corpus.filter((x) => x.want.some((w) => /^input\/too-(large|deep|many-aliases) /.test(w)))) {
      const { diagnostics } = check(c);
      assert.equal(diagnostics.length, 1, c.name);
      assert.match(String(diagnostics[0]?.message), /`scope\.limits\.max\w+`/, c.name);
    }
  });
});
