// Helpers for rule unit tests: the full example with small edits, and one rule's findings on a text.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ScopeDocument } from '../../server/src/service/document';
import { rulesById } from '../../server/src/service/rules';
import { mergeSettings, type PartialSettings } from '../../server/src/service/settings';
import type { Finding } from '../../server/src/service/types';
import { testToday } from './analyze';
import { fixturesDir } from './paths';

/** The spec's full example: zero findings, so one edit exercises one rule. */
export const full = readFileSync(join(fixturesDir, 'golden', 'full.scope.yaml'), 'utf8');

/** The full example with each `[old, new]` replacement applied exactly once. */
export function fullWith(...edits: readonly (readonly [string, string])[]): string {
  let text = full;
  for (const [from, to] of edits) {
    assert.equal(text.split(from).length, 2, `fixture text not found exactly once: ${from}`);
    text = text.replace(from, to);
  }
  return text;
}

/** The findings one rule makes on a text or parsed document (fix operations included, before the edit engine). */
export function checkRule(ruleId: string, text: string | ScopeDocument, settings: PartialSettings = {}): Finding[] {
  const rule = rulesById.get(ruleId);
  assert.ok(rule, `unknown rule ${ruleId}`);
  const merged = mergeSettings({ today: testToday }, settings);
  return rule.check(typeof text === 'string' ? new ScopeDocument('file:///t.scope.yaml', 1, text, merged.limits) : text, merged);
}
