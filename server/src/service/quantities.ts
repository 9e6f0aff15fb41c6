// Whether prose states a real quantity (a number with a unit, a bound, a rate, a percentage, a
// date or a deadline), as opposed to a digit inside a name or a bare count of the scope's items: "S/4HANA", "ISO 27001", "Windows 11", "24x7",
// "WCAG 2.1" and "Tier 1" carry digits but say nothing about how much or by when. Units are read
// with js-quantities; the rest is the small grammar of how scopes write numbers.
import Qty from 'js-quantities';
import { monthNames } from './model';
import { alternation, cardinalWords } from './numberWords';
import { stemOf, wordsOf } from './phrases';
import { TextMemo } from './textMemo';

/** Month names and their usual abbreviations ("Mar", "Sept"). */
const months = new Set([...monthNames, ...monthNames.map((name) => name.slice(0, 3)), 'sept']);

/** Common ISO 4217 codes written before an amount ("EUR 40,000"), so they are not read as acronyms naming a product. */
export const currencyCodes: ReadonlySet<string> = new Set([
  'EUR',
  'USD',
  'GBP',
  'CHF',
  'CAD',
  'AUD',
  'NZD',
  'JPY',
  'CNY',
  'INR',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'CZK',
  'HUF',
  'ZAR',
  'BRL',
  'MXN',
  'SGD',
  'HKD',
  'AED',
]);

/** Words before a number that make it a label ("Phase 2", "Annex 3", "GDPR Art. 28"), not an amount. */
const labelWords = new Set([
  'version',
  'ver',
  'v',
  'release',
  'rel',
  'phase',
  'tier',
  'level',
  'lvl',
  'annex',
  'appendix',
  'schedule',
  'section',
  'sec',
  'article',
  'art',
  'clause',
  'chapter',
  'part',
  'step',
  'stage',
  'wave',
  'sprint',
  'iteration',
  'item',
  'no',
  'number',
  'rfc',
  'type',
  'class',
  'grade',
  'gen',
  'generation',
  'series',
  'model',
  'room',
  'line',
]);

/** Time and count words that make a number after a label word a quantity after all ("Tier 2 days" is rare; "SLA 4 hours" is not). */
const timeWords =
  /^(?:(?:consecutive|successive|straight)\s+)?(?:business\s+|working\s+|calendar\s+)?(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|wks?|months?|quarters?|years?|yrs?)\b/i;

const hyphenatedDuration = /^-(?:(?:business|working|calendar)-)?(?:seconds?|minutes?|hours?|days?|weeks?|months?|quarters?|years?)\b/i;

const numberWords = new RegExp(
  String.raw`\b(?:${alternation(cardinalWords(90))}|hundred|thousand|half|a\s+dozen)\s+(?:(?:business|working|calendar)\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|months?|quarters?|years?|percent|per\s*cent)\b`,
  'i',
);

/** A capitalised month after a deadline word, with no year: "by the end of March". */
const namedMonthDeadline =
  /\b(?:by|before|until|till|in|from|end\s+of)\s+(?:the\s+end\s+of\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/;

const numberPattern = /\d+(?:[.,]\d+)*/g;

/** True when the text states a measurable quantity, a percentage, a date or a deadline. */
const quantityAnswers = new TextMemo<boolean>();
const testedAnswers = new TextMemo<boolean>();
const targetAnswers = new TextMemo<boolean>();

/**
 * Which counts of things are quantities:
 * - `any` (the default): every count of things a scope counts ("our 3 German sites", "all 42 test
 *   cases", "the 12 dashboards");
 * - `tested`: only counts of what a test or a check counts ("all 42 test cases", "0 defects",
 *   "48,000 records"). A count of the scope's own things or people ("the 5 reports", "our 3
 *   sites", "the 4 regional managers") does not measure how well, how fast or how happy, so it
 *   does not make an opinion testable or a vague word precise;
 * - `none`: no bare count, only a count over a period ("12 applications per month"). An objective
 *   that only counts its scope names the work, not a result to reach.
 */
export type CountsAsQuantity = 'any' | 'tested' | 'none';

const answersByCounts: Record<CountsAsQuantity, TextMemo<boolean>> = {
  any: quantityAnswers,
  tested: testedAnswers,
  none: targetAnswers,
};

export function hasQuantity(text: string, options: { readonly counts?: CountsAsQuantity } = {}): boolean {
  const counts = options.counts ?? 'any';
  return answersByCounts[counts].get(text, () => findsQuantity(text, counts));
}

function findsQuantity(text: string, counts: CountsAsQuantity): boolean {
  if (numberWords.test(text) || namedMonthDeadline.test(text)) return true;
  numberPattern.lastIndex = 0;
  for (let m = numberPattern.exec(text); m !== null; m = numberPattern.exec(text)) {
    if (isQuantityAt(text, m.index, m.index + m[0].length, m[0], counts)) return true;
  }
  return false;
}

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z]/.test(ch);
}

function isQuantityAt(text: string, start: number, end: number, number: string, counts: CountsAsQuantity): boolean {
  const before = text.charAt(start - 1);
  const after = text.slice(end, end + 24);
  // An ISO date (2027-10-31) or month (2027-10).
  if (/^\d{4}$/.test(number) && /^-\d{1,2}(?!\d)/.test(after)) return true;
  // A version with two or more dots (1.2.3), or "1.x".
  if (/\.\d+\./.test(number) || /^\.x\b/i.test(after)) return false;
  // Round-the-clock service hours are a coverage label, not a target.
  if (/^[x×/]7\b/i.test(after) || (/^[x×/]/.test(before) && /^7$/.test(number) && /24[x×/]$/i.test(text.slice(start - 3, start))))
    return false;
  // So are office-hours coverage and its other spellings: "8x5", "8/5", "24 x 7", "24x7x365", "7 days a week", "24 hours a day".
  if (coverageHours.test(after) && /^(?:8|9|10|12|16|24)$/.test(number)) return false;
  if (/^[5-7]$|^365$/.test(number) && coverageBefore.test(text.slice(Math.max(0, start - 12), start))) return false;
  if (coverageDays.test(`${number}${after}`)) return false;
  // An ordinal ("2nd line support", "the 3rd release") ranks, it does not measure; nor does an age ("a 20-year-old mainframe").
  if (/^(?:st|nd|rd|th)\b/i.test(after)) return false;
  if (/^-(?:years?|months?|weeks?|days?)-old\b/i.test(after)) return false;
  // Attached to letters before: a quarter or half-year (Q3, H1, FY2027) is a date; anything else is a name (S/4HANA, ISO/IEC, AES-256, p95).
  if (isLetter(before) || ((before === '/' || before === '-' || before === '.') && isLetter(text.charAt(start - 2)))) {
    const prefix = /([A-Za-z]{1,8})[/.-]?$/.exec(text.slice(Math.max(0, start - 8), start))?.[1] ?? '';
    // "24H2" is a release code, not the second half of a year: the letters follow digits.
    const attached = /[A-Za-z0-9]/.test(text.charAt(start - prefix.length - 1));
    return /^(?:q|h|fy|cy)$/i.test(prefix) && before !== '/' && before !== '-' && !attached;
  }
  if (after.startsWith('%') || /^\s*(?:percent|per\s*cent)\b/i.test(after)) return true;
  // A duration written as one word: "a 2-hour window", "the 30-day hypercare", "5-business-day review".
  if (hyphenatedDuration.test(after)) return true;
  // Attached letters after: a unit (4h, 300ms, 5GB, 120k) counts; a name (4HANA, 3D, 5G, 19C) does
  // not, nor does a release code with a digit after its letters (Windows 11 24H2, 23H2).
  const suffix = /^[A-Za-zµ]+/.exec(after)?.[0];
  if (suffix !== undefined) {
    if (/^\d/.test(after.slice(suffix.length))) return false;
    if (/^[A-Z]$/.test(suffix) && !/^[KMBH]$/.test(suffix)) return false;
    // One lower-case letter after a product's name is its release ("Oracle 11g", "Oracle 19c"), not grams or candelas.
    if (/^[a-z]$/.test(suffix) && !/^[hmsdkw]$/.test(suffix)) return false;
    // In an objective, "250k records" or "1m invoices" counts the scope like "250,000 records" does.
    if (counts === 'none' && /^(?:k|m|bn|mn)$/i.test(suffix) && !/^\s*[A-Za-z]+\s*(?:per|a|an|\/)\b/.test(after.slice(suffix.length)))
      return isMeasure(text, start, number, after.slice(suffix.length), counts);
    return isUnit(suffix) || /^(?:k|m|bn|mn)$/i.test(suffix);
  }
  const previous = /([A-Za-z]{1,24})\.?\s{1,24}$/.exec(text.slice(Math.max(0, start - 24), start));
  if (previous?.[1]) {
    const word = previous[1];
    const lower = word.toLowerCase();
    if (months.has(lower)) return true;
    if (currencyCodes.has(word)) return counts !== 'none' || moneyIsTarget(text, start - previous[0].length, after);
    // A year after a named day or season that is a deadline: "before Black Friday 2027", "by Christmas 2027".
    if (/^(?:19|20)\d\d$/.test(number) && eventDeadline.test(text.slice(Math.max(0, start - 60), start))) return true;
    const followedByTime = timeWords.test(after.trimStart()) || isUnit(/^\s*([A-Za-z]+)/.exec(after)?.[1] ?? '');
    if (labelWords.has(lower)) return followedByTime;
    const wordStart = start - previous[0].length;
    const sentenceStart = /(?:^|[.!?:;(\n•*-])\s{0,4}$/.test(text.slice(Math.max(0, wordStart - 4), wordStart));
    // A name or an acronym before the number: ISO 27001, Windows 11, WCAG 2.1, Java 17, iOS 17.
    if (/^[A-Z]/.test(word) && !sentenceStart) return followedByTime;
    if (/^[A-Z]{2,}$/.test(word) || /^[a-z]+[A-Z]/.test(word)) return followedByTime;
  }
  return isMeasure(text, start, number, after, counts);
}

/** Words before a number that make it a target or a bound: "under 600", "from 1,200 to 600", "at least 4". */
const boundBefore =
  /(?:\b(?:under|below|over|above|least|most|than|to|from|by|within|reach|reaching|at|of|max|min|maximum|minimum|approx|approximately)|[<>≤≥=~±])\s*$/i;
const currencyBefore = /(?:[$€£¥]|\b[A-Z]{3})\s*$/;
const deadlineBefore = /\b(?:by|in|before|until|till|after|since|during|from|end\s+of)\s+$/i;
const perAfter = /^\s*(?:per\b|\/|x\b|×|times\b|of\s+\d|out\s+of\s+\d|[A-Z]{3}\b)/;

/**
 * A number that measures something: a bound ("under 600"), an amount of money, a rate ("600 per
 * month"), a ratio ("4 of 5"), a unit ("2 s", "10 GB") or a deadline year ("by 2027"). A bare count
 * ("our 3 store brands", "all 140 pages") names the scope, not a target, so it does not count.
 */
function isMeasure(text: string, start: number, number: string, after: string, counts: CountsAsQuantity): boolean {
  const before = text.slice(Math.max(0, start - 24), start);
  // A number joined to a word by a hyphen names a kind ("64-bit", "2-factor", "3-tier"); durations were read before.
  const compound = /^-([A-Za-z]+)/.exec(after)?.[1];
  if (compound !== undefined && !isUnit(compound)) return false;
  // The second number of a pair whose first is a name ("PHP 7.4 to 8.3", "Windows 10 to 11",
  // "version 2 to 3") is a version too: its "to" is an upgrade path, not a bound. Numbers are read
  // left to right and the first quantity ends the search, so the number before was not one.
  const upgradePath = versionPairBefore.test(before);
  if (!upgradePath && /^(?:19|20)\d\d$/.test(number) && (deadlineBefore.test(before) || seasonBefore.test(before))) return true;
  const currency = currencyBefore.exec(before);
  if (currency) return counts !== 'none' || moneyIsTarget(text, start - currency[0].length, after);
  // "212,000 GBP a year": an amount written before its currency code.
  if (counts === 'none' && currencyAfter.test(after)) return moneyIsTarget(text, start, after.replace(currencyAfter, ''));
  if (perAfter.test(after) || timeWords.test(after.trimStart())) return true;
  const next = /^\s*([A-Za-zµ]+)/.exec(after)?.[1];
  if (next !== undefined && isUnit(next)) return true;
  if (!upgradePath && boundBefore.test(before)) {
    // "Deploy to 3 regions", "Wi-Fi at 14 stores", "monitoring of 1,800 endpoints": the place or the
    // things the work covers, counted, not a target; unless a change leads to it ("grow to 500 stores").
    if (counts !== 'none' || !placePreposition.test(before) || countPerPeriod.test(after)) return true;
    // "Upgrade to 12.2", "Upgrade Jira to 9.12": with nothing counted after it, the number after
    // "to" is a target only where a change leads to it ("reduce open defects to 20", "down to 20").
    return changeLeadsTo(text, start) || (next === undefined && /\bdown\s+to\s*$/i.test(before));
  }
  if (counts === 'any') return countedThings.test(after) || testedThings.test(after) || countPerPeriod.test(after);
  if (counts === 'tested') return testedThings.test(after) || countPerPeriod.test(after);
  return countPerPeriod.test(after);
}

/** After a service-hours number: "x5", "/5", " x 7", "x7x365". */
const coverageHours = /^\s*[x×/]\s*[5-7](?:\s*[x×/]\s*365)?\b/i;
/** Before the days of a service week: "8x", "24 / ", "24x7x". */
const coverageBefore = /(?:^|[^\d])(?:8|9|10|12|16|24)\s*[x×/]\s*(?:[5-7]\s*[x×/]\s*)?$/i;
/** Coverage written in words: "7 days a week", "5 working days per week", "24 hours a day", "365 days a year". */
const coverageDays =
  /^(?:[5-7]\s+(?:(?:business|working)\s+)?days?\s+(?:a|per|each)\s+week|24\s+hours?\s+(?:a|per|each)\s+day|365\s+days?\s+(?:a|per|each)\s+year)\b/i;

/** A deadline word and a named day before a year: "before Black Friday 2027", "in time for Christmas 2027". */
const eventDeadline = /\b(?:by|before|until|till|ahead\s+of|in\s+time\s+for)\s+(?:the\s+)?(?:[A-Z][a-z]+\s+){1,3}$/;

const currencyAfter = /^\s*[A-Z]{3}\b/;
/** A rate after an amount: "a year", "per month", "monthly". */
const moneyRateAfter =
  /^\s*(?:(?:per|a|an|each|every)\s+(?:month|year|annum|quarter|week|day)\b|\/\s?(?:month|year|yr|mo)\b|(?:monthly|annually|yearly|p\.?a\.?(?![a-z])))/i;

/**
 * In an objective, an amount of money is a result only as a rate ("EUR 40,000 a year"), a starting
 * point ("from GBP 61,000") or where a change leads to it ("save EUR 200k", "cut licence costs by
 * GBP 50,000"). "Deliver the portal for EUR 180,000" states the budget, not what success is.
 */
function moneyIsTarget(text: string, moneyStart: number, afterMoney: string): boolean {
  if (moneyRateAfter.test(afterMoney)) return true;
  if (/\b(?:from|by|under|below|to)\s*$/i.test(text.slice(Math.max(0, moneyStart - 12), moneyStart))) return true;
  return changeLeadsTo(text, moneyStart);
}

/** A season or part of a year before a year: "by summer 2027", "early 2028", "end of 2027". */
const seasonBefore = /\b(?:spring|summer|autumn|fall|winter|early|mid|late|end|start|beginning|christmas|easter)(?:\s+of)?\s+$/i;

/** A preposition that, before a count of things, names where the work goes or what it covers, not a bound: "to 3 regions". */
const placePreposition = /(?:^|[^A-Za-z])(?<!up\s)(?:to|at|of)\s*$/i;

/**
 * Verbs that make the number after "to", "at" or "of" the level a change reaches ("reduce open
 * defects to 20", "grow members to 50,000", "hold churn at 2"), matched by their Porter2 stem in the
 * clause before the number.
 */
const changeStems = new Set(
  [
    'reduce',
    'cut',
    'lower',
    'decrease',
    'drop',
    'bring',
    'increase',
    'raise',
    'grow',
    'lift',
    'boost',
    'improve',
    'expand',
    'scale',
    'shorten',
    'shrink',
    'halve',
    'double',
    'triple',
    'rise',
    'fall',
    'limit',
    'cap',
    'keep',
    'hold',
    'maintain',
    'consolidate',
    'reach',
    'target',
    'save',
  ].map((w) => stemOf(w)),
);

function changeLeadsTo(text: string, start: number): boolean {
  let from = start;
  while (from > 0 && !'.;:\n•'.includes(text.charAt(from - 1))) from--;
  return wordsOf(text.slice(from, start)).some((w) => changeStems.has(stemOf(w.lower)));
}

/** A number, then "to" or an arrow, just before this one: "7.4 to ", "10 -> ", "2016 → ". */
const versionPairBefore = /\d[a-z]?\s*(?:to|through|thru|->|→)\s+$/i;

/** A count over a period, with the things counted between: "12 applications per month", "40 tickets a week". */
const countPerPeriod =
  /^\s+(?:[A-Za-z-]+\s+){1,3}(?:per|a|an|each|every)\s+(?:second|minute|hour|day|business\s+day|working\s+day|week|month|quarter|year|sprint|release)\b/i;

/**
 * What a test or a check counts: "all 42 test cases", "0 findings", "48,000 records", "5 journeys",
 * and runs a machine records as passed or failed: "5 successful runs", "3 consecutive restores".
 */
const testedThings =
  /^\s+(?:[a-z-]+\s+)?(?:tests?|cases?|checks?|scenarios?|journeys?|criteria|findings?|defects?|bugs?|errors?|issues?|incidents?|tickets?|alerts?|vulnerabilit(?:y|ies)|requests?|transactions?|records?|rows?|files?|runs?|builds?|deployments?|restores?|backups?|executions?|cycles?)\b/i;

/** The scope's own things and people, counted: "12 pages", "our 3 sites", "20 users", "the 5 reports". */
const countedThings =
  /^\s+(?:[a-z-]+\s+)?(?:users?|participants?|customers?|pages?|screens?|reports?|dashboards?|endpoints?|apis?|integrations?|sites?|servers?|workloads?|applications?|apps?)\b/i;

/** A unit js-quantities knows, other than a bare number ("1 in" is an inch, but "in" alone is a word). */
export function isUnit(text: string): boolean {
  const unit = text.trim();
  // Words that js-quantities would read as units: "as" (attoseconds), "GA" (general availability, not gigayears).
  if (unit === '' || unit.length > 20 || /^(?:in|a|at|on|or|to|by|of|and|as|ga)$/i.test(unit)) return false;
  const known = unitAnswers.get(unit);
  if (known !== undefined) return known;
  // js-quantities throws (and builds a stack trace) for every word that is not a unit: a fifth of a
  // check's time before these answers were kept. Words repeat across a document and across files.
  const q = Qty.parse(`1 ${unit}`);
  const answer = q !== null && q.kind() !== 'unitless';
  if (unitAnswers.size >= maxUnitAnswers) unitAnswers.clear();
  unitAnswers.set(unit, answer);
  return answer;
}

/** isUnit's answers by word; bounded, so hostile text with a million distinct words cannot grow it. */
const unitAnswers = new Map<string, boolean>();
const maxUnitAnswers = 10_000;

/** A target that carries its unit, read apart: `"< 5 min"` is `<`, `5`, `min`. */
export interface TargetQuantity {
  /** The comparator as written, or empty. */
  readonly comparator: string;
  /** The number as written (`1,200`, `99.9`). */
  readonly number: string;
  /** The unit as written (`min`, `%`, `tickets/month`); empty for a bare number. */
  readonly unit: string;
  /** Words after a percentage that name what is measured ("uptime" in "99.9% uptime"). */
  readonly measured: string;
}

const targetPattern = /^(<=|>=|<|>|=|≤|≥)?\s*(-?\d[\d,]*(?:\.\d+)?)\s*(.*)$/s;
/** Words that make a target an estimate or a placeholder rather than a unit. */
const notAUnit = /^(?:or|and|approx|approximately|about|around|ish|tbd|tbc|todo|maybe|roughly|plus|more|less|so|to|-)\b/i;
const countUnit = /^[A-Za-z][A-Za-z-]*(?:\s+[A-Za-z][A-Za-z-]*){0,2}(?:\s*\/\s*[A-Za-z][A-Za-z-]*)?$/;

/**
 * Reads a target as comparator, number and unit: `">= 99.9"`, `"< 5 min"`, `"4h"`, `"<300ms"`,
 * `"99.9% uptime"`, `"600 tickets/month"`. Undefined when it is not one number with at most a
 * unit ("fast", "5 or so", "40-50"), so the caller reports it as not measurable.
 */
export function readTarget(text: string): TargetQuantity | undefined {
  const trimmed = text.trim();
  if (trimmed.length > 80) return undefined;
  const m = targetPattern.exec(trimmed);
  if (!m) return undefined;
  const comparator = m[1] ?? '';
  const number = m[2] ?? '';
  if (/,/.test(number) && !/^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(number)) return undefined;
  const rest = (m[3] ?? '').trim();
  if (rest === '') return { comparator, number, unit: '', measured: '' };
  if (rest.startsWith('%')) {
    const measured = rest.slice(1).trim();
    if (measured === '' || /^[A-Za-z][A-Za-z\s-]{0,40}$/.test(measured)) return { comparator, number, unit: '%', measured };
    return undefined;
  }
  if (notAUnit.test(rest)) return undefined;
  if (isUnit(rest) || countUnit.test(rest)) return { comparator, number, unit: rest, measured: '' };
  return undefined;
}

/**
 * `value` written in unit `from`, expressed in unit `to` ("4 h" is 240 in `min`), by js-quantities.
 * Undefined when either is not a unit it knows or they measure different things (`h` and `GB`), so
 * the caller can say the two cannot be compared rather than compare the bare numbers.
 */
export function convertUnit(value: number, from: string, to: string): number | undefined {
  if (!isUnit(from) || !isUnit(to)) return undefined;
  const quantity = Qty.parse(`${value} ${from.trim()}`);
  if (quantity === null || !quantity.isCompatible(`1 ${to.trim()}`)) return undefined;
  const converted = quantity.to(to.trim()).scalar;
  return Number.isFinite(converted) ? converted : undefined;
}
