// Settings the engine reads: per-rule severities, the catalogue's thresholds and input limits.
// Pure data with defaults; the server and the CLI fill it from VS Code settings and `.scope-lint.yaml`.
import type { CustomRule } from './customRules';
import type { SeverityOverride } from './types';

export interface Thresholds {
  /** governance-cadence-too-infrequent */
  readonly maxCheckInDays: number;
  /** security-breach-notification-slow, when personal data is in scope */
  readonly maxBreachNotificationHoursPersonalData: number;
  /** security-breach-notification-slow, otherwise */
  readonly maxBreachNotificationHours: number;
  /** cost-contingency-missing */
  readonly minContingencyPercent: number;
  /** cost-payment-front-loaded */
  readonly maxUpfrontPercent: number;
  /** cost-payment-front-loaded (info sub-case) */
  readonly minFinalPaymentPercent: number;
  /** cost-payments-sum-mismatch: relative tolerance (at least 1 currency unit) */
  readonly sumTolerance: number;
  /** security-attestation-missing */
  readonly attestationMaxAgeMonths: number;
  /** schedule-acceptance-window-overrun, when `acceptance.review_days` is not set */
  readonly defaultReviewDays: number;
  /** cost-currency-missing quick fix */
  readonly defaultCurrency: string;
  /** Engagement size: a scope up to this total (in its currency)... */
  readonly smallJobMaxTotal: number;
  /** ...and this many weeks, with at most 3 deliverables, is read as a small job when `project.engagement` is not set. */
  readonly smallJobMaxWeeks: number;
  /** cost-changes-exceed-contingency (warning): share of the contingency reserve approved changes may use */
  readonly maxContingencyUsedPercent: number;
  /** governance-change-decision-overdue: days a proposed change may wait for a decision */
  readonly maxProposedChangeDays: number;
}

export interface VagueTerms {
  /** Extra terms always reported by cost-vague-language. */
  readonly always: readonly string[];
  /** Extra terms reported only in sentences without a digit. */
  readonly unlessQuantified: readonly string[];
  /** Built-in terms (or extra ones) not to report, e.g. a word that is a product name in your organisation. */
  readonly ignore: readonly string[];
}

export interface Limits {
  /** Above this size the document is not validated (one diagnostic says why). */
  readonly maxFileSizeKB: number;
  /** Above this nesting depth the document is not parsed (guards the parser). */
  readonly maxNestingDepth: number;
  /** Above this many aliases the document is not parsed (guards against alias bombs). */
  readonly maxAliases: number;
}

export interface RuleSettings {
  /** Severity overrides by rule id (and schema/yaml code). */
  readonly rules: Readonly<Record<string, SeverityOverride>>;
  readonly thresholds: Thresholds;
  readonly vagueTerms: VagueTerms;
  readonly limits: Limits;
  /** Today's date (YYYY-MM-DD) for rules that need one; injectable so results are reproducible. */
  readonly today?: string;
  /**
   * Restricted Mode: the workspace is not trusted, so the file's own suppression comments hide
   * nothing (their findings are hints that name the comment). Set by the server, never by a file.
   */
  readonly restrictedMode?: boolean;
  /** The organisation's own rules (`custom_rules` in `.scope-lint.yaml`), already checked at config load. */
  readonly customRules?: readonly CustomRule[];
}

export const defaultThresholds: Thresholds = {
  maxCheckInDays: 14,
  maxBreachNotificationHoursPersonalData: 48,
  maxBreachNotificationHours: 72,
  minContingencyPercent: 10,
  maxUpfrontPercent: 30,
  minFinalPaymentPercent: 10,
  sumTolerance: 0.005,
  attestationMaxAgeMonths: 12,
  defaultReviewDays: 10,
  defaultCurrency: 'USD',
  smallJobMaxTotal: 50000,
  smallJobMaxWeeks: 8,
  maxContingencyUsedPercent: 75,
  maxProposedChangeDays: 14,
};

export const defaultLimits: Limits = {
  maxFileSizeKB: 2048,
  maxNestingDepth: 64,
  maxAliases: 100,
};

/**
 * At most this many custom terms per list: every term is matched against every sentence, and
 * 10,000 of them took 12 s per check. The server says so when it drops some.
 */
export const maxCustomVagueTerms = 200;

export const defaultSettings: RuleSettings = {
  rules: {},
  thresholds: defaultThresholds,
  vagueTerms: { always: [], unlessQuantified: [], ignore: [] },
  limits: defaultLimits,
};

/** Partial settings as they come from a user: any field may be missing. */
export interface PartialSettings {
  readonly rules?: Readonly<Record<string, SeverityOverride>>;
  readonly thresholds?: Partial<Thresholds>;
  readonly vagueTerms?: Partial<VagueTerms>;
  readonly limits?: Partial<Limits>;
  readonly today?: string;
  readonly customRules?: readonly CustomRule[];
}

/** Layers settings: later layers win, field by field. */
export function mergeSettings(...layers: readonly (PartialSettings | undefined)[]): RuleSettings {
  let rules: Record<string, SeverityOverride> = {};
  let thresholds: Thresholds = defaultThresholds;
  let always: readonly string[] = [];
  let unlessQuantified: readonly string[] = [];
  let ignore: readonly string[] = [];
  let limits: Limits = defaultLimits;
  let today: string | undefined;
  let customRules: readonly CustomRule[] | undefined;
  for (const layer of layers) {
    if (!layer) continue;
    rules = { ...rules, ...layer.rules };
    thresholds = { ...thresholds, ...definedOnly(layer.thresholds) };
    limits = { ...limits, ...validLimits(layer.limits) };
    if (layer.vagueTerms?.always) always = [...always, ...layer.vagueTerms.always].slice(0, maxCustomVagueTerms);
    if (layer.vagueTerms?.unlessQuantified)
      unlessQuantified = [...unlessQuantified, ...layer.vagueTerms.unlessQuantified].slice(0, maxCustomVagueTerms);
    if (layer.vagueTerms?.ignore) ignore = [...ignore, ...layer.vagueTerms.ignore].slice(0, maxCustomVagueTerms);
    if (layer.today) today = layer.today;
    // Only a config file has them (with what it extends, merged there): a later layer's list replaces.
    if (layer.customRules) customRules = layer.customRules;
  }
  return {
    rules,
    thresholds,
    vagueTerms: { always, unlessQuantified, ignore },
    limits,
    ...(today ? { today } : {}),
    ...(customRules?.length ? { customRules } : {}),
  };
}

/** A limit that is not a whole number >= 0 would switch its guard off (NaN compares false) or refuse every file: it never applies. */
function validLimits(value: Partial<Limits> | undefined): Partial<Limits> {
  return Object.fromEntries(Object.entries(definedOnly(value)).filter(([, v]) => typeof v === 'number' && Number.isInteger(v) && v >= 0));
}

function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  if (!value) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
