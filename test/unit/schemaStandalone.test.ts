// The schemas are compiled ahead of time (scripts/generate.mjs → server/src/service/generated/):
// the generated code must give exactly the errors of a run-time compile with the same options,
// on every fixture and corpus file and on broken variants of them, for both schemas.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { ValidateFunction } from 'ajv';
import configSchema from '../../schemas/scope-lint.schema.json';
import scopeSchema from '../../schemas/scope.schema.json';
import { ScopeDocument } from '../../server/src/service/document';
import validateConfigStandalone from '../../server/src/service/generated/configSchemaValidator.js';
import validateScopeStandalone from '../../server/src/service/generated/scopeSchemaValidator.js';
import { isRecord } from '../../server/src/service/model';
import { rules } from '../../server/src/service/rules';
import { repoRoot } from '../support/paths';

function scopeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return scopeFiles(path);
    return /\.scope\.ya?ml$/.test(entry.name) ? [path] : [];
  });
}

/** Each value, and the same value with every top-level key broken in turn (wrong type, blank, an unknown key). */
function variants(value: unknown): unknown[] {
  if (!isRecord(value)) return [value];
  const out: unknown[] = [value, { ...value, not_a_key: 1 }];
  for (const key of Object.keys(value)) {
    out.push({ ...value, [key]: 'TBD' }, { ...value, [key]: null });
    const { [key]: _dropped, ...rest } = value;
    out.push(rest);
  }
  return out;
}

function outcome(validate: ValidateFunction, value: unknown): { valid: boolean; errors: unknown } {
  const valid = validate(value);
  return { valid, errors: validate.errors ?? null };
}

async function runtimeCompiled(): Promise<{ scope: ValidateFunction; config: ValidateFunction }> {
  const { compileConfigSchema, compileScopeSchema } = await import('../../scripts/schemaValidators.mjs');
  return { scope: compileScopeSchema(scopeSchema).validate, config: compileConfigSchema(configSchema).validate };
}

test('the generated scope schema validator gives the errors of a run-time compile on every fixture, corpus file and broken variant', async () => {
  const runtime = (await runtimeCompiled()).scope;
  const files = [...scopeFiles(join(repoRoot, 'test', 'fixtures')), ...scopeFiles(join(repoRoot, 'test', 'corpus'))];
  assert.ok(files.length > 100, `only ${files.length} fixture and corpus files found`);
  let values = 0;
  let invalid = 0;
  for (const file of files) {
    const doc = new ScopeDocument(`file://${file}`, 1, readFileSync(file, 'utf8'));
    for (const value of variants(doc.value)) {
      const expected = outcome(runtime, value);
      assert.deepStrictEqual(outcome(validateScopeStandalone, value), expected, file);
      values++;
      if (!expected.valid) invalid++;
    }
  }
  // Both valid and invalid values were compared, many of each.
  assert.ok(invalid > values / 2 && invalid < values, `${invalid} of ${values} values invalid`);
});

test('the generated .scope-lint.yaml schema validator gives the errors of a run-time compile', async () => {
  const runtime = (await runtimeCompiled()).config;
  const severities = ['off', 'hint', 'info', 'warning', 'error', 'Warning', 'fatal', '', 3, null];
  const configs: unknown[] = [{}, null, [], 'rules', { rules: {} }, { unknown: true }];
  for (const rule of rules) for (const severity of severities) configs.push({ rules: { [rule.id]: severity } });
  configs.push({ rules: { 'no-such-rule': 'off' } });
  const properties = (configSchema as { properties: Record<string, { properties?: Record<string, unknown> }> }).properties;
  for (const [section, schema] of Object.entries(properties)) {
    for (const key of Object.keys(schema.properties ?? {})) {
      for (const value of [0, -1, 1, 14, 0.5, 101, '14', 'USD', 'usd', ['robust'], [''], [3], true, null]) {
        configs.push({ [section]: { [key]: value } });
      }
    }
    configs.push({ [section]: { notASetting: 1 } }, { [section]: 'TBD' });
  }
  let invalid = 0;
  for (const config of configs) {
    const expected = outcome(runtime, config);
    assert.deepStrictEqual(outcome(validateConfigStandalone, config), expected, JSON.stringify(config));
    if (!expected.valid) invalid++;
  }
  assert.ok(invalid > configs.length / 2 && invalid < configs.length, `${invalid} of ${configs.length} configs invalid`);
});
