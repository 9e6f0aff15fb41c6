// Fix applicability (ruff's safe / unsafe / display-only): every fix any rule makes on any rule
// fixture has a level its rule declares, each declared level occurs, and the level matches what the
// fix writes: a fix that leaves placeholders to fill in (tab stops) is display-only, and only it is.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ScopeDocument } from '../../server/src/service/document';
import { resolveFix } from '../../server/src/service/edits';
import { rules } from '../../server/src/service/rules';
import { mergeSettings } from '../../server/src/service/settings';
import { applicabilities, type Applicability, type Fix } from '../../server/src/service/types';
import { testToday } from '../support/analyze';
import { fixturesDir } from '../support/paths';

const rulesDir = join(fixturesDir, 'rules');
const fixtures = readdirSync(rulesDir).flatMap((dir) =>
  readdirSync(join(rulesDir, dir))
    .filter((f) => f.endsWith('.scope.yaml'))
    .map((f) => join(dir, f)),
);

interface Made {
  readonly fixture: string;
  readonly fix: Fix;
  /** Undefined when the fix is not offered here (it would change nothing, or cannot be worked out). */
  readonly placeholders: boolean | undefined;
}

/** Every fix each rule makes on every fixture, with whether its text edits hold placeholders. */
function fixesByRule(): Map<string, Made[]> {
  const settings = mergeSettings({ today: testToday });
  const made = new Map<string, Made[]>(rules.map((r) => [r.id, []]));
  for (const fixture of fixtures) {
    const doc = new ScopeDocument(`file:///${fixture}`, 1, readFileSync(join(rulesDir, fixture), 'utf8'), settings.limits);
    for (const rule of rules) {
      for (const finding of rule.check(doc, settings)) {
        for (const fix of finding.fixes ?? []) {
          const resolved = resolveFix(doc, fix);
          made.get(rule.id)?.push({ fixture, fix, placeholders: resolved?.edits.some((e) => e.snippet !== undefined) });
        }
      }
    }
  }
  return made;
}

describe('fix applicability', () => {
  const made = fixesByRule();

  it('runs over the rule fixtures', () => {
    assert.ok(fixtures.length >= rules.length * 2, `only ${fixtures.length} fixtures found`);
    assert.ok([...made.values()].flat().length > 100, 'too few fixes found: the table below would prove nothing');
  });

  for (const rule of rules) {
    it(`${rule.id}: every fix has a level the rule declares, and every declared level occurs`, () => {
      const declared: readonly Applicability[] = rule.fixes ?? [];
      for (const level of declared) assert.ok(applicabilities.includes(level), `${rule.id}: unknown level ${level}`);
      assert.equal(new Set(declared).size, declared.length, `${rule.id}: a level is declared twice`);
      const fixes = made.get(rule.id) ?? [];
      for (const { fixture, fix } of fixes) {
        assert.ok(
          declared.includes(fix.applicability),
          `${rule.id} on ${fixture}: "${fix.title}" is ${fix.applicability}, but the rule declares ${declared.join(', ') || 'no fixes'}`,
        );
      }
      const seen = new Set(fixes.map((m) => m.fix.applicability));
      for (const level of declared) assert.ok(seen.has(level), `${rule.id} declares ${level} fixes, but no fixture produces one`);
    });

    it(`${rule.id}: a fix is display-only exactly when it leaves placeholders to fill in`, () => {
      for (const { fixture, fix, placeholders } of made.get(rule.id) ?? []) {
        if (placeholders === undefined) continue;
        if (placeholders) assert.equal(fix.applicability, 'display-only', `${rule.id} on ${fixture}: "${fix.title}" leaves placeholders`);
        else assert.notEqual(fix.applicability, 'display-only', `${rule.id} on ${fixture}: "${fix.title}" has no placeholder to fill in`);
      }
    });
  }
});
