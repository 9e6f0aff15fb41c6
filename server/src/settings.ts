// Server-side settings: the `scope` section of the client's configuration, read per resource
// through `workspace/configuration` when the client offers it, with defaults otherwise.
// Every limit and threshold is checked against its definition in schemas/scope-lint.schema.json
// (the same constraints as the manifest's settings): a string or negative limit would switch a
// guard off through a NaN comparison, or refuse every file. A bad value is ignored and reported.
import configSchema from '../../schemas/scope-lint.schema.json';
import { maxCustomVagueTerms, type PartialSettings } from './service/settings';
import type { SeverityOverride } from './service/types';
import { isRecord } from './service/model';
import { rulesById } from './service/rules';

/** The `scope.*` settings as VS Code sends them (see package.json `contributes.configuration`). */
export interface ClientSettings {
  readonly rules?: Record<string, SeverityOverride>;
  readonly thresholds?: Record<string, unknown>;
  readonly vagueTerms?: { always?: string[]; unlessQuantified?: string[]; ignore?: string[] };
  readonly limits?: Record<string, unknown>;
}

const severities = new Set(['off', 'hint', 'info', 'warning', 'error']);

/** The definitions of `limits.*` or `thresholds.*` in the config schema. */
function fieldSchemas(section: 'limits' | 'thresholds'): Readonly<Record<string, unknown>> {
  const properties: unknown = configSchema.properties[section].properties;
  return isRecord(properties) ? properties : {};
}

/** Why `value` does not fit `schema` (type, minimum, maximum), or undefined when it fits. */
function problemWith(value: unknown, schema: unknown): string | undefined {
  if (!isRecord(schema)) return 'is not a known setting';
  if (schema.type === 'string') return typeof value === 'string' && value.trim() !== '' ? undefined : 'is not a non-empty text';
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'is not a number';
  if (schema.type === 'integer' && !Number.isInteger(value)) return 'is not a whole number';
  if (typeof schema.minimum === 'number' && value < schema.minimum) return `is below the minimum ${schema.minimum}`;
  if (typeof schema.maximum === 'number' && value > schema.maximum) return `is above the maximum ${schema.maximum}`;
  return undefined;
}

/**
 * Keeps only well-formed values: a bad setting is ignored, never a crash. Unknown rule ids are
 * reported to `onUnknownRule`, every other ignored value to `onBadSetting` (a sentence that names it).
 */
export function fromClientSettings(
  raw: unknown,
  onUnknownRule: (id: string) => void = () => {},
  onBadSetting: (message: string) => void = () => {},
): PartialSettings {
  if (!isRecord(raw)) return {};
  const rules: Record<string, SeverityOverride> = {};
  if (isRecord(raw.rules)) {
    for (const [id, severity] of Object.entries(raw.rules)) {
      if (!rulesById.has(id)) onUnknownRule(id);
      else if (typeof severity === 'string' && severities.has(severity)) rules[id] = severity as SeverityOverride;
      else
        onBadSetting(
          `Setting scope.rules: ${JSON.stringify(severity)} for "${id}" is not one of off, hint, info, warning, error; ignored.`,
        );
    }
  }
  const checked = (section: 'limits' | 'thresholds'): Record<string, number | string> => {
    const out: Record<string, number | string> = {};
    const value = raw[section];
    if (value === undefined || value === null) return out;
    if (!isRecord(value)) {
      onBadSetting(`Setting scope.${section} is not an object; ignored, the defaults apply.`);
      return out;
    }
    const schemas = fieldSchemas(section);
    for (const [key, v] of Object.entries(value)) {
      // VS Code sends every declared setting; an unset one is null.
      if (v === undefined || v === null) continue;
      const problem = problemWith(v, Object.hasOwn(schemas, key) ? schemas[key] : undefined);
      if (problem) onBadSetting(`Setting scope.${section}.${key}: ${JSON.stringify(v)} ${problem}; ignored, the default applies.`);
      else out[key] = v as number | string;
    }
    return out;
  };
  const strings = (name: string, value: unknown): string[] | undefined => {
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) {
      onBadSetting(`Setting scope.vagueTerms.${name} is not a list; ignored.`);
      return undefined;
    }
    const terms = value.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
    if (terms.length < value.length) onBadSetting(`Setting scope.vagueTerms.${name}: entries that are not non-empty text are ignored.`);
    if (terms.length > maxCustomVagueTerms)
      onBadSetting(
        `Setting scope.vagueTerms.${name} has ${terms.length.toLocaleString('en-US')} terms; only the first ${maxCustomVagueTerms} are used, so every check stays fast.`,
      );
    return terms.slice(0, maxCustomVagueTerms);
  };
  const vague = isRecord(raw.vagueTerms) ? raw.vagueTerms : {};
  const always = strings('always', vague.always);
  const unlessQuantified = strings('unlessQuantified', vague.unlessQuantified);
  const ignore = strings('ignore', vague.ignore);
  return {
    rules,
    thresholds: checked('thresholds'),
    limits: checked('limits'),
    vagueTerms: { ...(always ? { always } : {}), ...(unlessQuantified ? { unlessQuantified } : {}), ...(ignore ? { ignore } : {}) },
  };
}
