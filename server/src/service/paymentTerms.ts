// A payment plan written in words in `payment_terms`: "20% when the order form is signed, 45% when
// both parallel runs are accepted, and the remaining 35% once the July payroll has run", "50% deposit
// on signing, the balance on launch", "half up front and half on delivery", "two equal instalments,
// the first on signature", "paid on acceptance of each milestone". Leads copy the order form's words
// instead of filling `payments`; the plan is still a plan, and its up-front share can still be too
// large. A plan whose shares do not make up the price is read too, so the rules can say so instead of
// passing it in silence.
//
// Numbers in words are a small closed vocabulary here (fractions of a price, "two" to "six" equal
// instalments, "thirty percent"), read by the tables below: the npm number-word parsers read
// cardinals only, not "half" or "a third", and the one in wide use (words-to-numbers) is unmaintained
// and pulls in babel-runtime 6 and a fuzzy matcher.
import { alternation, cardinalValue, tensWords, unitWords } from './numberWords';
import { parseMoneyText } from './model';
import { findPhrases, phrase, wordsOf, type Phrase } from './phrases';

export interface WrittenShare {
  /** The share of the total, in percent ("the balance" is what the other shares leave). */
  readonly percent: number;
  /** Due before any work is accepted: on signing, as a deposit, up front, at kick-off. */
  readonly upfront: boolean;
  /** The words of the share as written ("50% deposit on signing"), for messages and ranges. */
  readonly text: string;
}

export interface WrittenSchedule {
  readonly shares: readonly WrittenShare[];
  /** The sum of the up-front shares, in percent. */
  readonly upfrontPercent: number;
}

/** What `payment_terms` says about when the price is paid. */
export type PlanReading =
  /** Shares that make up the whole price. */
  | ({ readonly kind: 'schedule' } & WrittenSchedule)
  /** Payments tied to each accepted milestone or deliverable, with no shares given ("paid on acceptance of each milestone"). */
  | { readonly kind: 'per-milestone'; readonly text: string }
  /**
   * Shares are written, but they do not make up the price (they add up to less or more, or name
   * "the balance" twice): the plan cannot be checked. The shares that are stated are kept, so an
   * up-front share can still be judged.
   */
  | ({ readonly kind: 'unreadable'; readonly statedPercent: number; readonly why: string } & WrittenSchedule);

interface Token {
  /** Percent of the price; undefined for "the balance". */
  percent: number | undefined;
  start: number;
  end: number;
  /** Set for the shares of "N equal instalments": they share one text and split one whole. */
  group?: { readonly size: number; readonly upfrontCount: number; readonly end: number };
}

/** "45%", "35 percent", "12.5 per cent". */
const digitShare = /(\d{1,3}(?:\.\d+)?)\s?(?:%|percent\b|per\s+cent\b)/gi;
/** "thirty percent", "twenty-five per cent", "a hundred percent". */
const wordShare = new RegExp(
  String.raw`\b(?:(${alternation(['ten', ...tensWords])})(?:[\s-](${alternation(unitWords)}))?|(five|fifteen)|(?:a|one)\s+hundred)\s+(?:percent|per\s+cent)\b`,
  'gi',
);
/** "half", "a third", "two thirds", "a quarter", "three quarters": a fraction of the price. */
const fractionShare = /\b(?:(a|an|one|two|three)[\s-]+)?(half|thirds?|quarters?)\b/gi;
const fractionValues: Readonly<Record<string, number>> = { half: 50, third: 100 / 3, thirds: 100 / 3, quarter: 25, quarters: 25 };
const numeratorValues: Readonly<Record<string, number>> = { a: 1, an: 1, one: 1, two: 2, three: 3 };
/** "half-day", "half a day", "the second half of 2027", "half-yearly": not a share of the price. */
const halfNotAShare =
  /^(?:[\s-]*(?:days?|hours?|yearly|year|annual|time|an?\s+(?:day|hour))\b|\s+of\s+(?:the\s+)?(?:year|month|quarter|week|day|sprint|\d{4})\b)/i;
/** "once a quarter", "per quarter", "each third": a period or an ordinal, not a fraction. */
const periodBefore = /\b(?:once|twice|per|each|every|this|next|last|first|second|third|fourth)\s+(?:an?\s+)?$/i;
/** "third party", "third-party", "a quarter in advance" (a quarterly charge). */
const fractionAfterNotAShare = /^[\s-]*(?:part(?:y|ies)|in\s+(?:advance|arrears))\b/i;
/** "in two equal instalments", "three equal monthly payments", "in 2 equal parts". */
const equalInstalments =
  /\b(two|three|four|five|six|[2-6])\s+equal\s+(?:(?:monthly|quarterly|weekly|annual|yearly)\s+)?(?:instal{1,2}ments?|payments?|parts|tranches|invoices|amounts|shares|halves)\b/gi;
const countValues: Readonly<Record<string, number>> = { two: 2, three: 3, four: 4, five: 5, six: 6 };
/** A share the group splits, written just before it: "80% in four equal monthly instalments", "the balance in two equal payments". */
const splitJoiner = /^[\s,]*(?:(?:is\s+)?(?:paid|payable|invoiced|split|spread|due)\s+)?(?:in|into|over|as)\s*$/i;
/** The balance: "the balance", "the remainder", "the rest". */
const balanceShare = /\b(?:the\s+)?(?:balance|remainder|rest)\b/gi;
/** "the rest of the team", "the remainder of the year": not the rest of the price. */
const restNotAShare = /^\s+of\s+(?:the\s+)?(?!price|fee|fees|contract|total|amount|sum|value)/i;
/** A percentage that is a rate, not a share: "2% per month", "8% a year". */
const ratePeriod = /^\s*(?:per|a|an|each)\s+(?:month|year|annum|day|week|quarter)\b|^\s*(?:monthly|annually|yearly|p\.?a\.?(?![a-z]))/i;
/** A percentage that is not a share of the price: interest, a discount, tax, an uplift, service credits, a level of service. */
const notAShareAfter =
  /^\s*(?:(?:early[\s-]+payment|late[\s-]+payment|annual|yearly|volume)\s+)?(?:interest|discount|late|penalt|surcharge|vat\b|tax|uplift|increase|indexation|mark[\s-]?up|service\s+credit|credit|availability|uptime|of\s+(?:the\s+)?(?:tickets|calls|incidents|requests|invoice\s+value\s+as\s+interest))/i;
const notAShareBefore =
  /\b(?:interest|discount|credits?|penalty|uplift|increase|indexation|vat|tax|below|above|under|over|least|most|than|within|availability|uptime)\s+(?:(?:of|at|by|rate|is)\s+)?(?:up\s+to\s+)?$/i;

/**
 * The events that make a share due before any work is accepted, matched on words and inflections:
 * signing the contract or order, a deposit, up front, in advance, kick-off, mobilisation, the award.
 * "Sign-off" of work is acceptance, not signature.
 */
const upfrontPhrases: readonly Phrase<true>[] = [
  '~sign|~signing|~signature|~deposit|upfront|~kickoff|~mobilisation|~mobilization|~mobilise|~mobilize|~award|~booking|~commencement|~retainer|~inception|~onboarding',
  'advance|prepayment|prepayments|~prepay|prepaid',
  'up front',
  'in advance',
  'kick off',
  'purchase order',
  // The first period of the work: "in month 1" is read by firstPeriod (digits are not words here).
  'month|week one',
  'first month|week',
  "first month's|week's",
  'day one',
  'project|contract|engagement start',
  'start date',
  'start of the? project|contract|engagement|work|works|services',
  // The contract coming into force: "upon contract execution", "on execution of this SOW", "the effective date".
  'contract|agreement|sow|order ~execution',
  'execution of the|this? contract|agreement|sow|order',
  'effective date',
  'project|contract|engagement ~initiation',
  // The order placed: "when the PO is issued", "with the order".
  'po|order is? ~issue|issued|placed|raised|received',
  'with the order|po',
  'receipt of the? po|order',
].flatMap((pattern) => phrase(pattern, true as const));
/** "in month 1", "for week 1", "on day 1": the first period, before any work can have been accepted. */
const firstPeriod = /\b(?:month|week|day)\s+(?:1|01)(?!\d|[.,]\d)/i;
const signOff = /\bsign(?:ed|s|ing)?[\s-]+off\b/gi;
/** Payments tied to each accepted milestone or deliverable: "on acceptance of each milestone", "each milestone is invoiced once accepted". */
const eachMilestone =
  /\b(?:each|every|per)\s+(?:accepted\s+|completed\s+)?(?:milestone|deliverable|phase|stage|release|work\s+package)s?\b/i;
const acceptanceWord = /\b(?:accept|sign(?:ed|s|ing)?[\s-]+off|approv|complet)/i;
/** A word that ties a percentage to a payment event: a stated share of the plan, not a percentage in passing. */
const paymentWord =
  /\b(?:on|upon|at|when|after|once|following|deposit|due|payable|invoiced|paid|signing|signature|acceptance|delivery|go-live|launch|completion|up\s+front|upfront|in\s+advance|retention|held\s+back|holdback)\b/i;

/** What the plan is read against: the price, so that amounts ("EUR 63,000 on signing") are shares of it. */
export interface PlanContext {
  /** `budget.total`; without it (or when it is not positive) amounts are not read as shares. */
  readonly total?: number;
}

/** The plan written in `payment_terms`, when its shares add up to the whole price; undefined otherwise. */
export function writtenSchedule(terms: unknown, context: PlanContext = {}): WrittenSchedule | undefined {
  const reading = readPaymentPlan(terms, context);
  return reading?.kind === 'schedule' ? reading : undefined;
}

/** What `payment_terms` says about when the price is paid: a plan, a plan that cannot be checked, or nothing. */
export function readPaymentPlan(terms: unknown, context: PlanContext = {}): PlanReading | undefined {
  if (typeof terms !== 'string' || terms.length > 2000) return undefined;
  const tokens = sharesOf(terms, context.total);
  if (tokens.length === 0) {
    const perMilestone = eachMilestone.exec(terms);
    if (perMilestone && acceptanceWord.test(sentenceAround(terms, perMilestone.index))) {
      return { kind: 'per-milestone', text: sentenceAround(terms, perMilestone.index).trim() };
    }
    return undefined;
  }
  const stated = tokens.reduce((sum, t) => sum + (t.percent ?? 0), 0);
  // A balance split into instalments is one balance, shared by the group.
  const rests = new Set(tokens.filter((t) => t.percent === undefined).map((t) => t.group ?? t)).size;
  const texts = shareTexts(terms, tokens);
  const balance = 100 - stated;
  const whole = rests === 0 ? Math.abs(stated - 100) <= 0.5 : rests === 1 && stated < 100;
  const shares: WrittenShare[] = [];
  tokens.forEach((t, i) => {
    const text = texts[i] ?? '';
    // Shares of an unreadable plan keep only what is stated: "the balance" of a plan that does not add up is unknown.
    if (t.percent === undefined && !whole) return;
    const percent = t.percent ?? balance / (t.group?.size ?? 1);
    const upfront = t.group ? tokens.filter((g) => g.group === t.group).indexOf(t) < t.group.upfrontCount : isUpfront(text);
    shares.push({ percent, upfront, text });
  });
  const upfrontPercent = shares.filter((s) => s.upfront).reduce((sum, s) => sum + s.percent, 0);
  if (whole) return { kind: 'schedule', shares, upfrontPercent };
  // One percentage with no payment event ("8% interest", "95% of tickets") is not a plan at all.
  if (tokens.length === 1 && !shares.some((s) => s.upfront) && !paymentWord.test(texts[0] ?? '')) return undefined;
  const why =
    rests > 1
      ? 'it names the balance more than once'
      : stated > 100.5
        ? `its shares add up to ${roundPercent(stated)}%, more than the price`
        : rests === 1
          ? `its shares add up to ${roundPercent(stated)}% before the balance, which leaves nothing to pay`
          : `its shares add up to ${roundPercent(stated)}% of the price, not 100%`;
  return { kind: 'unreadable', shares, upfrontPercent, statedPercent: stated, why };
}

function roundPercent(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/**
 * An amount of money: "EUR 63,000", "£12,500", "36,000 EUR", "40 000 NOK", "GBP 18k", and as
 * written across Europe: "12.000 €", "€12.000,00", "CHF 12'500"; "12k" too (k makes it money). The
 * currency is a symbol or an ISO 4217 code; a bare number is not read as money. The match is read
 * with `parseMoneyText`, which checks the groups.
 */
const currencyCode = '(?:EUR|GBP|USD|CHF|CAD|AUD|NZD|SEK|NOK|DKK|PLN|CZK|HUF|INR|SGD|HKD|JPY|ZAR|AED)';
const amountNumber = "(?:\\d{1,3}(?:[,.'\u2019\\u00a0\\u202f ]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?)(?:\\s?[km]\\b)?";
const amountShare = new RegExp(
  `(?:[€£$]\\s?|\\b${currencyCode}\\s?)${amountNumber}|\\b${amountNumber}\\s?(?:[€£]|${currencyCode}\\b|euros?\\b|pounds?\\b|dollars?\\b)|\\b\\d+(?:[.,]\\d+)?\\s?k\\b`,
  'gi',
);
/** An amount that is a rate, not a share of the price: "950 GBP per day", "38,000 GBP for each calendar month", "/hour". */
const amountRateAfter =
  /^\s*(?:(?:per|a|an|each|every|for\s+each|for\s+every)\s+(?:calendar\s+|working\s+|business\s+|person[\s-])?(?:month|year|annum|day|week|quarter|hour|sprint)\b|\/\s?(?:month|day|hour|week|h|d)\b|(?:monthly|annually|yearly|weekly|daily|hourly|p\.?a\.?(?![a-z])))/i;
/** An amount that is a limit, a rate, the price itself or a penalty: "capped at GBP 148,000", "the total of", "day rate". */
const amountNotAShareBefore =
  /\b(?:rates?|cap|capped|ceiling|exceed|exceeding|up\s+to|maximum|max|limit|budget|total|price|value|worth|interest|penalty|penalties|credits?|discount|monthly|quarterly|annual|yearly|weekly|daily|hourly)\b[^.;]{0,24}$/i;

function amountAt(m: RegExpMatchArray): number | undefined {
  // Codes are matched in any case ("eur"); parseMoneyText reads them in capitals.
  const parsed = parseMoneyText(m[0]) ?? parseMoneyText(m[0].toUpperCase());
  return parsed && Number.isFinite(parsed.value) && parsed.value > 0 ? parsed.value : undefined;
}

/** Every share written in the terms, in order of position. */
function sharesOf(terms: string, total?: number): Token[] {
  const tokens: Token[] = [];
  const taken = (start: number, end: number): boolean => tokens.some((t) => start < t.end && t.start < end);
  for (const m of terms.matchAll(equalInstalments)) {
    const count = countValues[(m[1] ?? '').toLowerCase()] ?? Number(m[1]);
    const end = m.index + m[0].length;
    const sentenceEnd = endOfSentence(terms, end);
    // The up-front instalments are counted from the words that follow: "the first on signing".
    const tail = terms.slice(end, Math.min(terms.length, end + 300));
    const plainTail = tail.replace(signOff, (words) => ' '.repeat(words.length));
    const upfrontMatches = findPhrases(plainTail, wordsOf(plainTail), upfrontPhrases);
    const upfrontCount = Math.min(count, upfrontMatches.length);
    // The text of the plan runs to the last up-front event it names ("..., the first when the contract is signed"), else to the end of its sentence.
    const lastUpfront = upfrontMatches[upfrontCount - 1];
    const textEnd = lastUpfront && end + lastUpfront.end <= sentenceEnd ? end + lastUpfront.end : Math.max(end, sentenceEnd);
    const group = { size: count, upfrontCount, end: textEnd };
    for (let i = 0; i < count; i++) tokens.push({ percent: 100 / count, start: m.index, end, group });
  }
  const add = (percent: number | undefined, start: number, end: number): void => {
    if (!taken(start, end)) tokens.push({ percent, start, end });
  };
  for (const m of terms.matchAll(digitShare)) {
    const end = m.index + m[0].length;
    if (!isShareContext(terms, m.index, end)) continue;
    add(Number(m[1]), m.index, end);
  }
  for (const m of terms.matchAll(wordShare)) {
    const end = m.index + m[0].length;
    if (!isShareContext(terms, m.index, end)) continue;
    const value = m[1] ? (cardinalValue(m[1]) ?? 0) + (m[2] ? (cardinalValue(m[2]) ?? 0) : 0) : m[3] ? (cardinalValue(m[3]) ?? 0) : 100;
    add(value, m.index, end);
  }
  for (const m of terms.matchAll(fractionShare)) {
    const end = m.index + m[0].length;
    const word = (m[2] ?? '').toLowerCase();
    const numerator = m[1] ? (numeratorValues[m[1].toLowerCase()] ?? 1) : undefined;
    const after = terms.slice(end, end + 40);
    if (word === 'half') {
      if (halfNotAShare.test(after)) continue;
    } else {
      // "a third", "two thirds", "a quarter": a fraction needs its numerator ("the third milestone" is an ordinal).
      if (numerator === undefined || fractionAfterNotAShare.test(after)) continue;
      if (periodBefore.test(terms.slice(Math.max(0, m.index - 20), m.index))) continue;
    }
    add((numerator ?? 1) * (fractionValues[word] ?? 0), m.index, end);
  }
  // A plan in amounts ("EUR 63,000 on signing, EUR 36,000 on acceptance of D1"), when it gives no
  // percentages or fractions: each amount is its share of the price. Amounts beside percentages
  // ("10% (EUR 18,000) on signing") repeat them and are not read.
  if (tokens.length === 0 && total !== undefined && total > 0) {
    for (const m of terms.matchAll(amountShare)) {
      const end = m.index + m[0].length;
      const amount = amountAt(m);
      if (amount === undefined || amountRateAfter.test(terms.slice(end, end + 40))) continue;
      if (amountNotAShareBefore.test(terms.slice(Math.max(0, m.index - 40), m.index))) continue;
      add((amount / total) * 100, m.index, end);
    }
  }
  for (const m of terms.matchAll(balanceShare)) {
    const end = m.index + m[0].length;
    if (restNotAShare.test(terms.slice(end, end + 40))) continue;
    add(undefined, m.index, end);
  }
  tokens.sort((a, b) => a.start - b.start);
  return splitByGroups(terms, tokens);
}

/**
 * "80% in four equal monthly instalments", "the balance in two equal payments": the instalments
 * split the share written just before them, which is then not a share of its own.
 */
function splitByGroups(terms: string, tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    const previous = out[out.length - 1];
    const { group } = t;
    // Only the first instalment of a group can follow the share it splits; the others follow the first.
    if (group && previous && !previous.group && splitJoiner.test(terms.slice(previous.end, t.start))) {
      out.pop();
      for (const member of tokens.filter((g) => g.group === group)) {
        member.percent = previous.percent === undefined ? undefined : previous.percent / group.size;
        member.start = previous.start;
      }
    }
    out.push(t);
  }
  return out;
}

function isShareContext(terms: string, start: number, end: number): boolean {
  const after = terms.slice(end, end + 40);
  if (ratePeriod.test(after) || notAShareAfter.test(after)) return false;
  return !notAShareBefore.test(terms.slice(Math.max(0, start - 30), start));
}

/**
 * The words of each share. A share runs to the next share or to the end of its sentence; when the
 * plan names the event first ("On signing, 30%; on UAT sign-off, 40%; on go-live, 30%"), it runs
 * from the previous share instead.
 */
function shareTexts(terms: string, tokens: readonly Token[]): string[] {
  const last = tokens[tokens.length - 1];
  const first = tokens[0];
  if (!last || !first) return [];
  const trailing = terms.slice(last.group ? last.group.end : last.end, endOfSentence(terms, last.end));
  const leading = terms.slice(startOfClause(terms, first.start), first.start);
  const eventFirst = !last.group && /^[\s,.;)]*$/.test(trailing) && /[A-Za-z]/.test(leading) && !first.group;
  return tokens.map((t, i) => {
    if (t.group) return withoutTrailingJoiner(terms.slice(t.start, t.group.end)).trim();
    if (eventFirst) {
      const previous = tokens[i - 1];
      const from = previous ? previous.end : startOfClause(terms, t.start);
      return withoutLeadingJoiner(terms.slice(from, t.end)).trim();
    }
    const next = tokens.slice(i + 1).find((n) => n.start > t.start)?.start ?? terms.length;
    const stop = /[.;](?:\s|$)/.exec(terms.slice(t.start, next));
    // The event named just before the share, as "<event> of <share>": "Up-front payment of 40%", "a retainer of 40%".
    const previousEnd = tokens[i - 1]?.end ?? 0;
    const opened = startOfClause(terms, t.start);
    // "Deposit: 40%": the clause the colon closes names the share.
    const clause = Math.max(terms[opened - 1] === ':' ? startOfClause(terms, opened - 1) : opened, previousEnd);
    const lead = terms.slice(clause, t.start);
    const from = lead.length <= 60 && namesShare(lead) ? clause : t.start;
    return withoutLeadingJoiner(withoutTrailingJoiner(terms.slice(from, stop ? t.start + stop.index : next))).trim();
  });
}

/**
 * Words that name the share that follows them: "Up-front payment of", "A retainer of", "Deposit:":
 * a clause with no comma that ends in "of", "equal to", "amounting to" or a colon, with a letter
 * before that ending. Two linear tests, not one pattern of `[^,]*` runs around a letter (quadratic).
 */
function namesShare(lead: string): boolean {
  if (lead.includes(',')) return false;
  const end = /(?:\b(?:of|equal\s+to|amounting\s+to)|:)\s*$/i.exec(lead);
  return end !== null && /[A-Za-z]/.test(lead.slice(0, end.index));
}

/** The index of the end of the sentence that `from` is in (before its `.` or `;`). */
function endOfSentence(terms: string, from: number): number {
  const stop = /[.;](?:\s|$)/.exec(terms.slice(from));
  return stop ? from + stop.index : terms.length;
}

/** The index after the last `.`, `;` or `:` before `at`, or 0. */
function startOfClause(terms: string, at: number): number {
  for (let i = at - 1; i >= 0; i--) if ('.;:\n'.includes(terms[i] ?? '')) return i + 1;
  return 0;
}

function sentenceAround(terms: string, at: number): string {
  return terms.slice(startOfClause(terms, at), endOfSentence(terms, at));
}

/**
 * The share's text without the blanks, commas and one "and"/"then" that join it to the next share.
 * By hand, not with a regex anchored at the end (`[\s,]*(?:and|then)?[\s,]*$`): that is tried at
 * every blank of a long run, which is quadratic.
 */
function withoutTrailingJoiner(text: string): string {
  let end = endOfWords(text, text.length);
  for (const word of ['then', 'and']) {
    const before = end - word.length;
    if (before >= 0 && text.slice(before, end).toLowerCase() === word && (before === 0 || isJoinerBlank(text[before - 1] ?? ''))) {
      end = endOfWords(text, before);
      break;
    }
  }
  return text.slice(0, end);
}

/** The share's text without the blanks, commas, semicolons and one "and"/"then" before it. */
function withoutLeadingJoiner(text: string): string {
  let start = 0;
  while (start < text.length && (isJoinerBlank(text[start] ?? '') || text[start] === ';')) start++;
  for (const word of ['then ', 'and ']) {
    if (text.slice(start, start + word.length).toLowerCase() === word) {
      start += word.length;
      while (start < text.length && isJoinerBlank(text[start] ?? '')) start++;
      break;
    }
  }
  return text.slice(start);
}

/** The index after the last character before `end` that is not a blank or a comma. */
function endOfWords(text: string, end: number): number {
  while (end > 0 && isJoinerBlank(text[end - 1] ?? '')) end--;
  return end;
}

function isJoinerBlank(ch: string): boolean {
  return ch === ',' || /\s/.test(ch);
}

/**
 * Words that name a payment due before any work is accepted: on signing, a deposit, up front, in
 * advance, at kick-off or mobilisation, in month 1. "Sign-off" of work is acceptance, not signature.
 */
export function readsUpfront(text: string): boolean {
  return text.length <= 2000 && isUpfront(text);
}

function isUpfront(text: string): boolean {
  const plain = text.replace(signOff, (words) => ' '.repeat(words.length));
  return firstPeriod.test(plain) || findPhrases(plain, wordsOf(plain), upfrontPhrases).length > 0;
}
