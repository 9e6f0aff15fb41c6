// Reading the plain document data the way the catalogue defines it: "absent", dates in either
// form, cadences in days, business days, payment amounts, "sensitive".
import {
  addBusinessDays as addBusinessDaysFns,
  addMonths as addMonthsFns,
  differenceInCalendarDays,
  parseISO,
  subBusinessDays,
} from 'date-fns';
import { alternation, cardinalValue, cardinalWords, ordinalValue, timesValue } from './numberWords';
import { findPhrases, phrase, wordsOf, type Phrase } from './phrases';
import { TextMemo } from './textMemo';
import type { FixOp, Path } from './types';

export type Data = Readonly<Record<string, unknown>>;

/** The value at a path of plain data. */
export function valueAt(root: unknown, path: Path): unknown {
  let node: unknown = root;
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === 'number') node = node[segment];
    else if (isRecord(node) && typeof segment === 'string')
      node = Object.prototype.hasOwnProperty.call(node, segment) ? node[segment] : undefined;
    else return undefined;
  }
  return node;
}

export function isRecord(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** "Absent" as the catalogue defines it: missing, null, "", [] or {}. */
export function isAbsent(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (isRecord(value)) return Object.keys(value).length === 0;
  return false;
}

export function recordAt(root: unknown, path: Path): Data | undefined {
  const value = valueAt(root, path);
  return isRecord(value) ? value : undefined;
}

export function arrayAt(root: unknown, path: Path): readonly unknown[] {
  const value = valueAt(root, path);
  return Array.isArray(value) ? value : [];
}

export function stringAt(root: unknown, path: Path): string | undefined {
  const value = valueAt(root, path);
  return typeof value === 'string' ? value : undefined;
}

export function numberAt(root: unknown, path: Path): number | undefined {
  const value = valueAt(root, path);
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

// ---- dates ---------------------------------------------------------------------------------

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar date as `YYYY-MM-DD`, from a string (YAML 1.2 keeps unquoted dates as strings)
 * or a Date (YAML 1.1 timestamps). Invalid dates such as 2027-02-30 give undefined.
 */
export function dateOf(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return undefined;
  const m = isoDate.exec(value.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return value.trim();
}

export function dateAt(root: unknown, path: Path): string | undefined {
  return dateOf(valueAt(root, path));
}

/**
 * A YYYY-MM-DD date as a local-midnight Date for date-fns, which computes in local time; read back
 * with `format`, so the machine's time zone never shifts the day.
 */
function toDay(date: string): Date {
  return parseISO(date);
}

/** Read back in local time, like `format(date, 'yyyy-MM-dd')` but without parsing a format string per call. */
function fromDay(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid time value');
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${String(date.getFullYear()).padStart(4, '0')}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Business-day sums asked again and again (every deliverable's acceptance window, every check). */
const businessDaySums = new TextMemo<string>();

/** Adds n business days (Monday to Friday; no holiday calendar). */
export function addBusinessDays(date: string, n: number): string {
  const days = Math.max(0, Math.floor(n));
  return businessDaySums.get(`${date}+${days}`, () => fromDay(addBusinessDaysFns(toDay(date), days)));
}

/** Subtracts n business days. */
export function subtractBusinessDays(date: string, n: number): string {
  return fromDay(subBusinessDays(toDay(date), Math.max(0, Math.floor(n))));
}

/** Adds calendar months, clamped to the month's end: 2026-01-31 + 1 month is 2026-02-28. */
export function addMonths(date: string, months: number): string {
  return fromDay(addMonthsFns(toDay(date), months));
}

/** The months' English names, January first: the one list dates written in words are read by. */
export const monthNames: readonly string[] = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** Today in UTC as YYYY-MM-DD (or the injected date). */
export function todayDate(today?: string): string {
  return today ?? new Date().toISOString().slice(0, 10);
}

// ---- cadence -------------------------------------------------------------------------------

const cadenceDays: Readonly<Record<string, number>> = {
  daily: 1,
  'twice-weekly': 3,
  weekly: 7,
  fortnightly: 14,
  biweekly: 14,
  'every-2-weeks': 14,
  semimonthly: 15,
  monthly: 30,
  quarterly: 91,
};

export const cadenceNames: readonly string[] = Object.keys(cadenceDays);

/** Days between check-ins for a cadence (§1.3), 'unparseable' for anything else, undefined when absent. */
export function cadenceInDays(value: unknown): number | 'unparseable' | undefined {
  if (isAbsent(value)) return undefined;
  if (typeof value !== 'string') return 'unparseable';
  return readCadence(value)?.days ?? 'unparseable';
}

/** A cadence as written by a person, read as days between meetings. */
export interface CadenceReading {
  readonly days: number;
  /** The words read as the cadence (`bi-weekly` in "bi-weekly (Tuesdays)"). */
  readonly read: string;
  /** "bi-weekly" is read as every 14 days but can also mean twice a week. */
  readonly ambiguousBiweekly: boolean;
}

/** A count in a cadence: a cardinal ("every two weeks"), an ordinal ("every second week"), "other", or "twice". */
function cadenceCount(word: string): number | undefined {
  return word === 'other' ? 2 : (cardinalValue(word) ?? ordinalValue(word) ?? timesValue(word));
}
const periodDays: Readonly<Record<string, number>> = {
  day: 1,
  weekday: 1,
  'working day': 1,
  'business day': 1,
  week: 7,
  month: 30,
  quarter: 91,
  year: 365,
  monday: 7,
  tuesday: 7,
  wednesday: 7,
  thursday: 7,
  friday: 7,
  saturday: 7,
  sunday: 7,
};
const weekdays = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';
const period = `(day|weekday|working day|business day|week|month|quarter|year|${weekdays})s?`;
const count = `(\\d{1,3}|${alternation(cardinalWords(12))}|other|second|third|fourth)`;
/** "every 2 weeks", "every other week", "each month". */
const everyPattern = new RegExp(`\\b(?:every|each)\\s+(?:${count}\\s+)?${period}\\b`);
/** "twice a week", "2x per week", "3 times a month", "2x/week", "once every two weeks". */
const timesPattern = new RegExp(
  `\\b(?:(once|twice|thrice)|(\\d{1,2}|${alternation(cardinalWords(6))})\\s*(?:x|×|times))\\s*(?:(?:an|a|per|each|every|/)\\s*)?(?:${count}\\s+)?${period}\\b`,
);
/** Meetings on named weekdays: "Mondays and Thursdays" is twice a week. */
const weekdayPattern = new RegExp(`\\b(${weekdays})s?\\b`, 'g');
/** A sprint or iteration of a stated length: "each 3-week sprint", "two-week sprints", "sprints (10 working days)". */
const sprintPattern = new RegExp(
  `\\b(?:${count}[- ](day|working day|business day|week)s?[- ](?:long\\s+)?(?:sprint|iteration|cycle)s?|(?:sprint|iteration)s?\\s*\\(\\s*(?:of\\s+)?${count}\\s+(day|working day|business day|week)s?\\s*\\))`,
);
/**
 * Words after a cadence that make it another forum's (a steering or board meeting), not the
 * operational check-in: "weekly call, plus a monthly steering review" checks in weekly.
 */
const forumAfter =
  /^\W{0,10}(?:[a-z]+\W{1,10}){0,2}?(?:steering|board|committee|executive|exec|qbr|governance|strategy|strategic|leadership|sponsor|account)\b/;
const timesAdverbPattern = /\b(?:(twice|thrice)|(\d{1,2})\s*(?:x|×|times))[\s-]*(daily|weekly|monthly)\b/;
/** Spellings of the catalogue's names. */
const canonicalCadence: Readonly<Record<string, string>> = {
  'bi-weekly': 'biweekly',
  'bi weekly': 'biweekly',
  'fort-nightly': 'fortnightly',
  'semi-monthly': 'semimonthly',
  'twice weekly': 'twice-weekly',
};
const namedPattern = new RegExp(
  `(?:^|[^a-z-])(${Object.keys(cadenceDays).join('|')}|${Object.keys(canonicalCadence).join('|')})(?![a-z])`,
  'g',
);

/**
 * Reads the cadences people write: the catalogue's names and ISO 8601 durations, plus
 * "bi-weekly", "every two weeks", "every 2 weeks", "2x per week", "twice a week", and a name
 * with words around it ("daily stand-up", "weekly (Tuesdays)"). Several cadences in one value
 * ("weekly or monthly") give the slowest, the reading that risks the most. Undefined when no
 * cadence can be read ("ad hoc", "as needed", "per sprint").
 */
export function readCadence(text: string): CadenceReading | undefined {
  const lower = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (lower.length > 120) return undefined;
  const iso = /^p(\d{1,4})([dwm])$/.exec(lower);
  if (iso) {
    const n = Number(iso[1]);
    return { days: iso[2] === 'd' ? n : iso[2] === 'w' ? n * 7 : n * 30, read: text.trim(), ambiguousBiweekly: false };
  }
  const readings: (CadenceReading & { readonly end: number })[] = [];
  const every = everyPattern.exec(lower);
  if (every) {
    const n = every[1] === undefined ? 1 : (cadenceCount(every[1]) ?? Number(every[1]));
    const days = periodDays[every[2] ?? ''];
    if (days !== undefined && days > 0 && n > 0)
      readings.push({ days: n * days, read: every[0], ambiguousBiweekly: false, end: every.index + every[0].length });
  }
  const sprint = sprintPattern.exec(lower);
  if (sprint) {
    const written = sprint[1] ?? sprint[3] ?? '';
    const n = cadenceCount(written) ?? Number(written);
    const unit = sprint[2] ?? sprint[4] ?? '';
    const days = unit === 'week' ? 7 : unit === 'day' ? 1 : 7 / 5;
    if (n > 0)
      readings.push({ days: Math.round(n * days), read: sprint[0], ambiguousBiweekly: false, end: sprint.index + sprint[0].length });
  }
  const times = timesPattern.exec(lower);
  if (times) {
    const perPeriod = times[1] ? (cadenceCount(times[1]) ?? 1) : (cadenceCount(times[2] ?? '') ?? Number(times[2]));
    const periods = times[3] === undefined ? 1 : (cadenceCount(times[3]) ?? Number(times[3]));
    const days = periodDays[times[4] ?? ''];
    if (days !== undefined && days > 0 && perPeriod > 0)
      readings.push({
        days: Math.max(1, Math.floor((periods * days) / perPeriod)),
        read: times[0],
        ambiguousBiweekly: false,
        end: times.index + times[0].length,
      });
  }
  const adverb = timesAdverbPattern.exec(lower);
  if (adverb) {
    const perPeriod = adverb[1] ? (cadenceCount(adverb[1]) ?? 1) : Number(adverb[2]);
    const days = { daily: 1, weekly: 7, monthly: 30 }[adverb[3] as 'daily' | 'weekly' | 'monthly'];
    if (perPeriod > 0)
      readings.push({
        days: Math.max(1, Math.floor(days / perPeriod)),
        read: adverb[0],
        ambiguousBiweekly: false,
        end: adverb.index + adverb[0].length,
      });
  }
  if (!times && !adverb) {
    for (const named of lower.matchAll(namedPattern)) {
      const written = named[1] ?? '';
      const name = canonicalCadence[written] ?? written;
      const days = cadenceDays[name];
      const end = (named.index ?? 0) + named[0].length;
      if (days !== undefined) readings.push({ days, read: written, ambiguousBiweekly: name === 'biweekly', end });
    }
  }
  if (readings.length === 0) {
    // Only named weekdays: "Mondays and Thursdays" meets twice a week.
    const days = new Set([...lower.matchAll(weekdayPattern)].map((m) => m[1]));
    if (days.size === 0) return undefined;
    const read = [...lower.matchAll(weekdayPattern)].map((m) => m[0]).join(', ');
    return { days: Math.max(1, Math.floor(7 / days.size)), read, ambiguousBiweekly: false };
  }
  // A cadence that names another forum ("a monthly steering review") is not the check-in, when another cadence is.
  const operational = readings.filter((r) => !forumAfter.test(lower.slice(r.end, r.end + 40)));
  const kept = operational.length > 0 ? operational : readings;
  const slowest = kept.reduce((a, r) => (r.days > a.days ? r : a));
  return { days: slowest.days, read: slowest.read, ambiguousBiweekly: slowest.ambiguousBiweekly };
}

// ---- money ---------------------------------------------------------------------------------

/** `amount(p)`: the payment's amount, else its percent of the total. */
export function paymentAmount(payment: unknown, total: number | undefined): number | undefined {
  if (!isRecord(payment)) return undefined;
  if (typeof payment.amount === 'number') return payment.amount;
  if (typeof payment.percent === 'number' && total !== undefined) return (payment.percent / 100) * total;
  return undefined;
}

// ---- enums, read the way people write them -------------------------------------------------

/** An enum label folded for comparison: case and the separators `-`, `_` and space do not count. */
export function enumKey(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

/**
 * The canonical value a written enum value stands for: the value itself, or the one allowed value
 * it matches ignoring case and separators (`Fixed price` -> `fixed_price`). Undefined otherwise.
 */
export function canonicalEnum<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  if (typeof value !== 'string') return undefined;
  const exact = allowed.find((a) => a === value);
  if (exact !== undefined) return exact;
  const key = enumKey(value);
  return key === '' ? undefined : allowed.find((a) => enumKey(a) === key);
}

export const dataClassifications = ['public', 'internal', 'confidential', 'restricted'] as const;
export type DataClassification = (typeof dataClassifications)[number];
export const pricingModels = ['fixed_price', 'time_and_materials', 'capped_time_and_materials'] as const;
export type PricingModel = (typeof pricingModels)[number];
export const ipOwners = ['client', 'vendor', 'joint'] as const;

/** What the rules take `security.data_classification` to be. */
export interface Classification {
  /** The level the rules apply; `restricted` for a value nobody can read, so no rule switches off. */
  readonly level: DataClassification;
  /** True when the written value is no level at all and `restricted` is assumed until it is fixed. */
  readonly assumed: boolean;
  /** The value as written, when it differs from `level`. */
  readonly written?: string;
}

/**
 * `security.data_classification` as the rules apply it: a level (matched ignoring case and
 * separators), or `restricted` assumed for any other value, so a label such as "highly
 * confidential" fails safe instead of switching the security rules off. Undefined when absent.
 */
export function classificationOf(root: unknown): Classification | undefined {
  const value = valueAt(root, ['security', 'data_classification']);
  if (isAbsent(value)) return undefined;
  const level = canonicalEnum(value, dataClassifications);
  const written = typeof value === 'string' ? value.trim() : (JSON.stringify(value) ?? String(value));
  if (level) return { level, assumed: false, ...(written !== level ? { written } : {}) };
  return { level: 'restricted', assumed: true, written };
}

/** What the rules take `security.personal_data` to be, and why. */
export interface PersonalData {
  readonly value: boolean;
  /** Why the value was inferred rather than read as written; undefined when `personal_data` is a boolean the document agrees with. */
  readonly inferred?: 'categories' | 'text';
}

const yesWords = new Set(['yes', 'y', 'true', 'on']);

/** A category that says there is none (`none`, `n/a`, `no personal data`): it lists no personal data. */
const noCategory = /^(?:none|n\/?a|nil|not applicable|no personal data|-+)\.?$/i;

/**
 * `security.personal_data` read fail-safe: `true`; a text that says yes (`"Yes"`, which the schema
 * reports as the wrong type); or unset/`false` while `personal_data_categories` lists personal data,
 * since the document itself then says personal data is processed. Undefined when nothing says either way.
 */
export function personalDataOf(root: unknown): PersonalData | undefined {
  const security = recordAt(root, ['security']);
  if (!security) return undefined;
  const flag = security.personal_data;
  if (flag === true) return { value: true };
  if (typeof flag === 'string' && yesWords.has(flag.trim().toLowerCase())) return { value: true, inferred: 'text' };
  const categories = security.personal_data_categories;
  const listed =
    Array.isArray(categories) && categories.some((c) => typeof c === 'string' && c.trim() !== '' && !noCategory.test(c.trim()));
  if (listed && flag !== true) return { value: true, inferred: 'categories' };
  if (flag === false) return { value: false };
  return undefined;
}

/** What the rules take `budget.pricing_model` to be, and where that comes from. */
export interface PricingModelReading {
  readonly model: PricingModel;
  /** `stated` exactly; `slip` of case or separators, or words the enum does not list ("T&M"); `inferred` from the budget when it is absent or names no model. */
  readonly source: 'stated' | 'slip' | 'inferred';
  /** For `inferred`: what in the budget implies the model, as a Markdown clause. */
  readonly because?: string;
}

/**
 * `budget.pricing_model` as the rules apply it. When it is absent or names no model, the budget
 * itself says how the vendor is paid: a `cap` means capped T&M, a rate card without a payment
 * schedule means T&M (so the cap check cannot go quiet), a payment schedule means a fixed price.
 */
/** Payment terms that bill for time worked: "against approved timesheets", "billed hourly", "for days worked". */
const billedByTime =
  /\bon actuals\b|\btime[\s-]*(?:and|&)[\s-]*materials?\b|\bT ?& ?M\b|\bdraw[\s-]?downs?\b|\bdrawn\s+down\b|\bpay[\s-]+as[\s-]+you[\s-]+go\b|\bper\s+(?:(?:one|two|three|four|\d+)[\s-]weeks?\s+)?(?:sprint|iteration)\b/i;

/**
 * Billing by time in the words leads write, matched on words and their inflections (phrases.ts):
 * "per consultant day", "day rates", "hourly rate", "person-days", "for the days delivered", "hours
 * worked", "time logged", "timesheets", "billed hourly", "by the hour".
 */
const timeBilling: readonly Phrase<true>[] = [
  'per ~hour|~day',
  'per|a|each consultant|person|engineer|developer|man|staff ~hour|~day',
  'day|daily|hourly|hour ~rate',
  'person|man|consultant|engineer|developer|staff ~day|~hour',
  '~day|~hour|time ~deliver|~work|~spend|~book|~log|~consume|~record|~use|~bill',
  '~timesheet',
  'billed|invoiced|charged|paid hourly|daily',
  'by the hour|day',
].flatMap((pattern) => phrase(pattern, true as const));

/** Whether a text bills for time: the words above, or "T&M" and "time and materials" written out. */
export function billsForTime(text: string): boolean {
  if (text.length > 2000) return false;
  return billedByTime.test(text) || findPhrases(text, wordsOf(text), timeBilling).length > 0;
}

/** Paying for time or capacity in other words: a drawdown, pay as you go, a price per sprint. */
const capacityBilling =
  /\bdraw[\s-]?downs?\b|\bdrawn\s+down\b|\bpay[\s-]+as[\s-]+you[\s-]+go\b|\bpayg\b|\bper\s+(?:(?:one|two|three|four|\d+)[\s-]weeks?\s+)?(?:sprint|iteration)\b|\bsprint[\s-]+based\b|\bon\s+actuals\b/;
/** Capacity and retainers bill for time unless the words also fix the price ("fixed monthly retainer"). */
const capacityUnlessFixed = /\bretainers?\b|\bcapacity\b/;
/** A clause about changes ("change requests at rate-card day rates", "CRs on T&M"): rates that price changes, not the work. */
export const changesClause = /\b(?:changes?|change\s+requests?|crs?|variations?|additional\s+work|extra\s+work|out[\s-]of[\s-]scope)\b/;

/**
 * The pricing model a lead means by words the enum does not list: "T&M", "Time & Materials",
 * "hourly", "day rates", "drawdown", "pay as you go", "per sprint", "capped T&M", "not to exceed",
 * "fixed fee", "lump sum". Billing by time comes first, except where only the changes are billed
 * by time: "Fixed price (change requests at rate-card day rates)" fixes the price of the work,
 * and each change is priced and approved through change control.
 */
export function pricingModelWords(value: unknown): PricingModel | undefined {
  if (typeof value !== 'string' || value.length > 120) return undefined;
  // Underscores as spaces: `capped_tm`, `fixed_fee` are the same words as "capped TM", "fixed fee".
  const text = value.toLowerCase().replace(/_/g, ' ');
  const fixed = /\bfixed\b|\bfirm\b|\blump[\s-]?sum\b|\bffp\b/.test(text);
  // With a fixed price, a clause about changes says how changes are priced: it is not the model.
  const work = fixed
    ? text
        .split(/[,;()]|(?<!\s)\s+(?:and|with|plus|but)\s+/)
        .filter((clause) => !changesClause.test(clause))
        .join(', ')
    : text;
  const byTime =
    /\bt\s*(?:&|and|\+|\/)\s*m\b|\bc?tm\b|\btime[\s-]*(?:&|and|\+|\/)[\s-]*materials?\b|\bhourly\b|\brate[\s-]+card\b/.test(work) ||
    capacityBilling.test(work) ||
    (!fixed && capacityUnlessFixed.test(work)) ||
    billsForTime(work);
  if (byTime)
    return /\bcap(?:ped)?\b|\bctm\b|\bceiling\b|\bnot[\s-]+to[\s-]+exceed\b|\bnte\b|\bmaximum\b/.test(text)
      ? 'capped_time_and_materials'
      : 'time_and_materials';
  if (/\bnot[\s-]+to[\s-]+exceed\b|\bnte\b/.test(text)) return 'capped_time_and_materials';
  if (fixed) return 'fixed_price';
  return undefined;
}

export function pricingModelOf(root: unknown): PricingModelReading | undefined {
  const budget = recordAt(root, ['budget']);
  if (!budget) return undefined;
  const value = budget.pricing_model;
  const model = canonicalEnum(value, pricingModels) ?? pricingModelWords(value);
  if (model) return { model, source: value === model ? 'stated' : 'slip' };
  const hasCap = !isAbsent(budget.cap);
  const hasRates = Array.isArray(budget.rate_card) && budget.rate_card.some((r) => !isHollow(r));
  const hasPayments = Array.isArray(budget.payments) && budget.payments.some((p) => !isHollow(p));
  if (hasCap) return { model: 'capped_time_and_materials', source: 'inferred', because: 'the budget has a `cap`' };
  if (hasRates && !hasPayments)
    return { model: 'time_and_materials', source: 'inferred', because: 'the budget has a `rate_card` and no payment schedule' };
  const terms = budget.payment_terms;
  if (!hasPayments && typeof terms === 'string' && billsForTime(terms))
    return { model: 'time_and_materials', source: 'inferred', because: '`payment_terms` bill for time worked' };
  if (hasPayments) return { model: 'fixed_price', source: 'inferred', because: 'the budget has a milestone payment schedule' };
  return undefined;
}

/**
 * Absent, or made only of absent parts: `[""]`, `{ name: "", date: null }`, `[{}]`. What a quick fix
 * inserts as a placeholder is hollow until a person fills it in; `false`, `0` and any text are not.
 */
export function isHollow(value: unknown): boolean {
  if (isAbsent(value)) return true;
  if (Array.isArray(value)) return value.every(isHollow);
  if (isRecord(value)) return Object.values(value).every(isHollow);
  return false;
}

/** True when the rules treat the scope as processing personal data (see `personalDataOf`). */
export function hasPersonalData(root: unknown): boolean {
  return personalDataOf(root)?.value === true;
}

/** `sensitive`: personal data, or confidential/restricted data (an unreadable classification counts as restricted). */
export function isSensitive(root: unknown): boolean {
  const level = classificationOf(root)?.level;
  return hasPersonalData(root) || level === 'confidential' || level === 'restricted';
}

/** `ref_date`: timeline.start, or today when there is no start. */
export function refDate(root: unknown, today?: string): string {
  return dateAt(root, ['timeline', 'start']) ?? todayDate(today);
}

/** Formats a path the way the catalogue writes it: `budget.payments[0].amount`. */
export function formatPath(path: Path): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${segment}` : segment;
  }
  return out;
}

/** Formats money like `198,000`. */
export function formatAmount(value: number): string {
  return amountFormat.format(value);
}

/** One formatter: `toLocaleString` with options builds a new one on every call. */
const amountFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

// ---- helpers for "missing" rules -----------------------------------------------------------

/**
 * True when the value at `path` is a mapping or absent. A rule about a missing child stays silent
 * otherwise: under `timeline: soon` the schema's "must be a mapping" is the real finding.
 */
export function isMappingOrAbsent(root: unknown, path: Path): boolean {
  const value = valueAt(root, path);
  return isAbsent(value) || isRecord(value);
}

/**
 * Sets `parent.key` to a YAML fragment: inserts the key when it is missing, replaces its value
 * when the key is there but empty (`key:` or `key: []`), so a fix never writes a duplicate key.
 */
export function setKeyOp(root: unknown, parent: Path, key: string, value: string): FixOp {
  const record = recordAt(root, parent);
  if (record && Object.prototype.hasOwnProperty.call(record, key)) return { op: 'replace', path: [...parent, key], value };
  return { op: 'insert', parent, key, value };
}

/** The first `<prefix><n>` not used as an id by any deliverable, success measure, milestone or change request. */
export function nextFreeId(root: unknown, prefix: string): string {
  const used = new Set<string>();
  for (const list of [['deliverables'], ['success_measures'], ['timeline', 'milestones'], ['changes']]) {
    for (const item of arrayAt(root, list)) {
      const id = isRecord(item) ? item.id : undefined;
      if (typeof id === 'string') used.add(id);
    }
  }
  let n = 1;
  while (used.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

// ---- schedule ------------------------------------------------------------------------------

/** The schema's ceiling for `acceptance.review_days`; also bounds the setting so date arithmetic stays cheap. */
const maxReviewDays = 365;

/**
 * `acceptance.review_days ?? defaultReviewDays`: business days allowed to accept a deliverable.
 * Undefined when the value (or the setting) is not a whole number from 0 to 365: the schema
 * reports a bad value, and guessing a window would make every acceptance date claim unfounded.
 */
export function reviewDaysOf(root: unknown, defaultReviewDays: number): number | undefined {
  const value = valueAt(root, ['acceptance', 'review_days']);
  const days = value === undefined || value === null ? defaultReviewDays : value;
  return typeof days === 'number' && Number.isInteger(days) && days >= 0 && days <= maxReviewDays ? days : undefined;
}

/** Calendar days from one YYYY-MM-DD date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(toDay(to), toDay(from));
}

/** How a message names a list item: its id (`D1`), else its path (`deliverables[2]`). */
export function itemLabel(item: unknown, path: Path): string {
  const id = isRecord(item) ? item.id : undefined;
  return typeof id === 'string' && id.trim() !== '' ? `\`${id.trim()}\`` : `\`${formatPath(path)}\``;
}

/** Why the scope is `sensitive`, one Markdown clause per reason; empty when it is not. For facts on hover. */
export function sensitivityReasons(root: unknown): string[] {
  const reasons: string[] = [];
  const personal = personalDataOf(root);
  if (personal?.value === true) {
    reasons.push(
      personal.inferred === 'categories'
        ? '`security.personal_data_categories` lists personal data'
        : personal.inferred === 'text'
          ? '`security.personal_data` says yes'
          : '`security.personal_data` is true',
    );
  }
  const classification = classificationOf(root);
  if (classification?.assumed) {
    reasons.push(
      `\`security.data_classification\` \`${shortText(classification.written ?? '')}\` is not a level this linter knows, so it is treated as restricted until it is fixed`,
    );
  } else if (classification?.level === 'confidential' || classification?.level === 'restricted') {
    reasons.push(`\`security.data_classification\` is ${classification.level}`);
  }
  return reasons;
}

// ---- money written as text -----------------------------------------------------------------

/** What an amount written as text (`"$120k"`, `"EUR 50,000"`) says, once read as a number. */
export interface MoneyText {
  readonly value: number;
  /** The ISO 4217 code its symbol or code stands for, if it names one. */
  readonly currency?: string;
  /** `$` alone: USD is a guess, since CAD, AUD and others write `$` too. */
  readonly currencyGuessed: boolean;
  /** "approx. 40k", "~40k": an estimate rather than a price. */
  readonly approximate: boolean;
  /**
   * Set when the reading of a separator is the likelier one, not the only one: "12.500" is read as
   * 12,500 (a dot groups thousands in much of Europe), though it could be 12.5. A fix must not write
   * it without a person.
   */
  readonly separatorGuessed?: string;
}

/** The currency a text's symbol stands for (`€` -> EUR), if it has one. */
export function currencyOfSymbol(text: string): { readonly code: string; readonly guessed: boolean } | undefined {
  if (text.includes('€')) return { code: 'EUR', guessed: false };
  if (text.includes('£')) return { code: 'GBP', guessed: false };
  const dollar = /(US|C|A|NZ)?\$/.exec(text);
  if (!dollar) return undefined;
  const prefixed: Readonly<Record<string, string>> = { US: 'USD', C: 'CAD', A: 'AUD', NZ: 'NZD' };
  const code = dollar[1] ? prefixed[dollar[1]] : undefined;
  return code ? { code, guessed: false } : { code: 'USD', guessed: true };
}

const moneyMultipliers: Readonly<Record<string, number>> = {
  k: 1e3,
  thousand: 1e3,
  tsd: 1e3,
  m: 1e6,
  mn: 1e6,
  mio: 1e6,
  million: 1e6,
  bn: 1e9,
  billion: 1e9,
};

/** Currencies written as words after the amount: "12,500 euros", "45k pounds sterling". */
const currencyWords: Readonly<Record<string, { readonly code: string; readonly guessed: boolean }>> = {
  euro: { code: 'EUR', guessed: false },
  pound: { code: 'GBP', guessed: false },
  dollar: { code: 'USD', guessed: true },
};

/**
 * A number as people write amounts: thousands grouped by `,` (`12,500`), `.` (`12.500`, German
 * and Dutch), a space (`12 500`, French, also no-break spaces) or an apostrophe (`12'500`, Swiss),
 * with a decimal part after a `.` or a `,` (`1.234,56`, `12,50`). The first group has 1-3 digits,
 * every later one exactly 3, always with the same separator.
 */
const moneyNumber = /^(?:\d{1,3}(?:([,.'’ \u00a0\u202f])\d{3})(?:\1\d{3})*(?:[.,]\d+)?|\d+(?:[.,]\d+)?)/;

/**
 * The value of a `moneyNumber` token, or undefined when it cannot be read without a guess nobody
 * should make ("1,2345"). `multiplied` says a k/m/bn follows, which makes a lone `.` or `,` a
 * decimal mark ("1.2m", "12,5k").
 */
function readMoneyNumber(token: string, multiplied: boolean): { value: number; guessed?: string } | undefined {
  const group = /^\d{1,3}([,.'\u2019 \u00a0\u202f])\d{3}/.exec(token)?.[1];
  const marks = token.replace(/\d/g, '');
  if (group === undefined || marks.length === 0) {
    // One mark at most: "12.5", "12,50", "1200".
    if (marks === '.') return { value: Number(token) };
    if (marks === ',') {
      const decimals = token.length - token.indexOf(',') - 1;
      // "12,5" and "12,50" are a decimal comma; "1,2345" is neither a decimal nor a group of 3.
      return decimals <= 2 || multiplied ? { value: Number(token.replace(',', '.')) } : undefined;
    }
    return marks === '' ? { value: Number(token) } : undefined;
  }
  const groups = marks.split('').filter((m) => m === group).length;
  const last = marks[marks.length - 1];
  const decimal = last !== group ? last : undefined;
  if (decimal !== undefined && !/[.,]/.test(decimal)) return undefined;
  // A lone group mark before a multiplier is a decimal mark: "1.250k", "2,500m".
  if (decimal === undefined && groups === 1 && multiplied && (group === '.' || group === ',')) {
    return { value: Number(token.replace(',', '.')) };
  }
  const [whole = '', fraction] =
    decimal === undefined ? [token] : [token.slice(0, token.lastIndexOf(decimal)), token.slice(token.lastIndexOf(decimal) + 1)];
  // Every group after the first has exactly 3 digits: "1.234.56" is neither grouped nor a decimal.
  const parts = whole.split(group);
  if (parts.slice(1).some((p) => p.length !== 3)) return undefined;
  const digits = parts.join('');
  if (!/^\d+$/.test(digits)) return undefined;
  const value = Number(fraction === undefined ? digits : `${digits}.${fraction}`);
  // "12.500": 12,500 in German or Dutch notation, 12.5 in English. Money rarely has 3 decimals, so
  // the group reading is the likelier one, but it is a reading a person must confirm.
  const guessed =
    group === '.' && groups === 1 && decimal === undefined
      ? `"${token}" is read with "." as the thousands separator (${amountFormat.format(value)}), as German or Dutch amounts are written; if it means ${Number(token)}, write that.`
      : undefined;
  return { value, ...(guessed ? { guessed } : {}) };
}

/**
 * Reads `"$120k"`, `"50,000"`, `"EUR 1.2m"`, `"approx. 40k"`, `"12.500 €"`, `"1.234,56 EUR"`,
 * `"12 500 €"`, `"CHF 12'500"`, `"-3,000 EUR"`, `"12,500 euros"` as numbers: symbols and thousands
 * separators stripped, k/m/bn expanded. Undefined for anything else ("TBD", "40-50k", "1,2345"),
 * since a fix must not guess at a price; a likelier reading of a separator ("12.500") says so in
 * `separatorGuessed`. Long texts are not amounts, which also keeps this cheap.
 */
export function parseMoneyText(text: string): MoneyText | undefined {
  let rest = text.trim();
  if (rest.length === 0 || rest.length > 40) return undefined;
  const take = (pattern: RegExp): RegExpExecArray | null => {
    const m = pattern.exec(rest);
    if (m) rest = rest.slice(m[0].length).trimStart();
    return m;
  };
  const approximate = take(/^(approx(imately|\.)?|about|around|circa|ca\.|~|≈)/i) !== null;
  const signBefore = take(/^[-−+]/);
  const prefix = take(/^(US\$|NZ\$|C\$|A\$|\$|€|£|[A-Z]{3}(?=[\s\d+\-−]))/);
  const sign = signBefore ?? take(/^[-−+]/);
  const number = take(moneyNumber);
  if (!number) return undefined;
  const unit = take(/^(thousand|million|billion|mio\.?|tsd\.?|mn|bn|k|m)(?![a-z])/i);
  const suffix = prefix ? null : take(/^(€|£|[A-Z]{3}(?![A-Za-z]))/);
  const wordSuffix = prefix || suffix ? null : take(/^(euro|pound|dollar)s?(?:\s+sterling)?(?![A-Za-z])/i);
  if (rest !== '') return undefined;
  const read = readMoneyNumber(number[0], unit !== null);
  if (!read) return undefined;
  const multiplier = unit ? (moneyMultipliers[(unit[1] ?? '').toLowerCase().replace('.', '')] ?? 1) : 1;
  const negative = sign !== null && sign[0] !== '+';
  const value = (negative ? -1 : 1) * (Math.round(read.value * multiplier * 100) / 100);
  if (!Number.isFinite(value)) return undefined;
  const word = wordSuffix?.[1]?.toLowerCase();
  const mark = prefix?.[0] ?? suffix?.[0];
  const fromSymbol = word ? currencyWords[word] : mark ? currencyOfSymbol(mark) : undefined;
  const currency = fromSymbol?.code ?? (mark && /^[A-Z]{3}$/.test(mark) ? mark : undefined);
  return {
    value,
    ...(currency ? { currency } : {}),
    currencyGuessed: fromSymbol?.guessed ?? false,
    approximate,
    ...(read.guessed ? { separatorGuessed: read.guessed } : {}),
  };
}

/** User text for a message: at most `max` characters, so a pasted blob cannot flood the Problems panel. */
export function shortText(text: string, max = 60): string {
  const clean = text.trim();
  if (clean.length <= max) return clean;
  let kept = clean.slice(0, max - 1);
  // A cut inside a parenthesis drops the parenthetical, so a message never leaves one open.
  const open = kept.lastIndexOf('(');
  if (open > 0 && !kept.includes(')', open)) kept = kept.slice(0, open).trimEnd();
  return `${kept}…`;
}

/** ` EUR` when `budget.currency` is a valid code, for amounts in messages; empty otherwise. */
export function currencySuffix(root: unknown): string {
  const currency = stringAt(root, ['budget', 'currency']);
  return currency && /^[A-Z]{3}$/.test(currency) ? ` ${currency}` : '';
}

/** A percentage for messages, one decimal at most: `33.3%`. */
export function formatPercent(value: number): string {
  return `${formatAmount(Math.round(value * 10) / 10)}%`;
}

/** Money rounded to cents. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
