// Server-side settings: the `scope` section of the client's configuration, read per resource
// through `workspace/configuration` when the client offers it, with defaults otherwise.
import type { PartialSettings } from './service/settings';
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

/** Keeps only well-formed values: a bad setting is ignored (unknown rule ids are reported to `onUnknownRule`), never a crash. */
export function fromClientSettings(raw: unknown, onUnknownRule: (id: string) => void = () => {}): PartialSettings {
  if (!isRecord(raw)) return {};
  const rules: Record<string, SeverityOverride> = {};
  if (isRecord(raw.rules)) {
    for (const [id, severity] of Object.entries(raw.rules)) {
      if (!rulesById.has(id)) onUnknownRule(id);
      else if (typeof severity === 'string' && severities.has(severity)) rules[id] = severity as SeverityOverride;
    }
  }
  const numbers = (value: unknown): Record<string, number | string> => {
    const out: Record<string, number | string> = {};
    if (isRecord(value))
      for (const [k, v] of Object.entries(value)) if ((typeof v === 'number' && Number.isFinite(v)) || typeof v === 'string') out[k] = v;
    return out;
  };
  const strings = (value: unknown): string[] | undefined =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
  const vague = isRecord(raw.vagueTerms) ? raw.vagueTerms : {};
  const always = strings(vague.always);
  const unlessQuantified = strings(vague.unlessQuantified);
  const ignore = strings(vague.ignore);
  return {
    rules,
    thresholds: numbers(raw.thresholds),
    limits: numbers(raw.limits),
    vagueTerms: { ...(always ? { always } : {}), ...(unlessQuantified ? { unlessQuantified } : {}), ...(ignore ? { ignore } : {}) },
  };
}
