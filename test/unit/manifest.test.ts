// The settings in package.json and in the .scope-lint.yaml schema are written by hand from the
// rule registry and service/settings.ts; these checks keep them from drifting apart.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { configSchema } from '../../server/src/config';
import { rules } from '../../server/src/service/rules';
import { defaultLimits, defaultThresholds } from '../../server/src/service/settings';
import { repoRoot } from '../support/paths';

interface SettingSchema {
  readonly type?: string;
  readonly default?: unknown;
  readonly minimum?: number;
  readonly enum?: readonly string[];
  readonly markdownDescription?: string;
  readonly description?: string;
  readonly properties?: Record<string, SettingSchema>;
  readonly additionalProperties?: boolean | SettingSchema;
  readonly propertyNames?: { readonly enum?: readonly string[] };
}

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, SettingSchema> } };
  dependencies: Record<string, string>;
};
const settings = manifest.contributes.configuration.properties;
const schema = configSchema as unknown as SettingSchema;
const ruleIds = rules.map((r) => r.id);
const severities = ['off', 'hint', 'info', 'warning', 'error'];
const keysUnder = (prefix: string): string[] =>
  Object.keys(settings)
    .filter((k) => k.startsWith(prefix))
    .map((k) => k.slice(prefix.length));

describe('package.json settings', () => {
  it('scope.rules lists exactly the rule ids that exist, each with the five severities', () => {
    const rulesSetting = settings['scope.rules'];
    assert.ok(rulesSetting, 'scope.rules is missing');
    assert.equal(rulesSetting.type, 'object');
    assert.equal(rulesSetting.additionalProperties, false);
    assert.deepEqual(Object.keys(rulesSetting.properties ?? {}), ruleIds);
    for (const rule of rules) {
      const entry: SettingSchema | undefined = rulesSetting.properties?.[rule.id];
      assert.deepEqual(entry?.enum, severities, rule.id);
      assert.ok(entry?.markdownDescription?.includes(rule.title), `${rule.id}: markdownDescription names the title`);
      assert.ok(entry?.markdownDescription?.includes(`\`${rule.severity}\``), `${rule.id}: markdownDescription names the default severity`);
    }
  });

  it('has one scope.thresholds.<name> per threshold, with the engine default', () => {
    assert.deepEqual(keysUnder('scope.thresholds.').sort(), Object.keys(defaultThresholds).sort());
    for (const [name, value] of Object.entries(defaultThresholds)) {
      const setting = settings[`scope.thresholds.${name}`];
      assert.equal(setting?.default, value, name);
      assert.equal(setting?.type === 'string' ? 'string' : 'number', typeof value, name);
      if (typeof value === 'number') assert.equal(typeof setting?.minimum, 'number', `${name} has a minimum`);
      assert.match(setting?.markdownDescription ?? '', /Basis: /, `${name} cites its basis`);
    }
  });

  it('has scope.limits.<name> per input limit and scope.vagueTerms.always/unlessQuantified', () => {
    assert.deepEqual(keysUnder('scope.limits.').sort(), Object.keys(defaultLimits).sort());
    for (const [name, value] of Object.entries(defaultLimits)) assert.equal(settings[`scope.limits.${name}`]?.default, value, name);
    assert.deepEqual(keysUnder('scope.vagueTerms.').sort(), ['always', 'unlessQuantified']);
  });

  it('gives every setting a markdownDescription', () => {
    for (const [key, setting] of Object.entries(settings)) assert.ok((setting.markdownDescription ?? '').length > 20, key);
  });

  it('pins minimatch (used by the CLI for globs) at the installed version', () => {
    const installed = (JSON.parse(readFileSync(join(repoRoot, 'node_modules', 'minimatch', 'package.json'), 'utf8')) as { version: string })
      .version;
    assert.equal(manifest.dependencies.minimatch, installed);
  });
});

describe('.scope-lint.yaml schema', () => {
  it('accepts exactly the rule ids that exist', () => {
    const rulesSchema = schema.properties?.rules;
    assert.deepEqual(rulesSchema?.propertyNames?.enum, ruleIds);
    assert.deepEqual(Object.keys(rulesSchema?.properties ?? {}), ruleIds);
  });

  it('has the same thresholds, limits and vague-term lists as the engine', () => {
    assert.deepEqual(Object.keys(schema.properties?.thresholds?.properties ?? {}).sort(), Object.keys(defaultThresholds).sort());
    assert.deepEqual(Object.keys(schema.properties?.limits?.properties ?? {}).sort(), Object.keys(defaultLimits).sort());
    assert.deepEqual(Object.keys(schema.properties?.vagueTerms?.properties ?? {}).sort(), ['always', 'unlessQuantified']);
  });

  it('documents every key and agrees with package.json on minimums', () => {
    for (const section of ['rules', 'thresholds', 'vagueTerms', 'limits']) {
      const sectionSchema = schema.properties?.[section];
      assert.ok(sectionSchema?.description, section);
      for (const [key, entry] of Object.entries(sectionSchema?.properties ?? {})) {
        assert.ok(entry.description, `${section}.${key}`);
        if (section === 'thresholds' || section === 'limits')
          assert.equal(entry.minimum, settings[`scope.${section}.${key}`]?.minimum, `${section}.${key}`);
      }
    }
  });
});
