// cost-tm-without-cap: Time and materials without a cap or rate card.
// T&M pricing needs a not-to-exceed `cap` and a `rate_card` (FAR 16.601); any `cap` must be at least `total`.
import {
  arrayAt,
  billsForTime,
  changesClause,
  formatAmount,
  formatPath,
  isAbsent,
  isRecord,
  parseMoneyText,
  pricingModelOf,
  setKeyOp,
  shortText,
  stringAt,
} from '../model';
import type { Finding, FixOp, Path, Rule } from '../types';
import { sources } from '../sources';

const ruleId = 'cost-tm-without-cap';
const rateCardSkeleton = ['- role: ""', '  rate: 0', '  unit: day'].join('\n');

export const rule: Rule = {
  id: ruleId,
  category: 'cost',
  severity: 'error',
  fixes: ['unsafe', 'display-only'],
  title: 'Time and materials without a cap or rate card',
  explanation: `Time-and-materials pricing has no ceiling or no agreed rates. Under time and materials (T&M) you pay for every hour or day the vendor works, so you, not the vendor, carry the cost of any overrun, and nothing in the contract pushes costs down. The US FAR allows T&M only with fixed hourly rates and a ceiling price "that the contractor exceeds at its own risk" (FAR 16.601). GOV.UK's Digital Outcomes framework offers "capped time and materials" for the same reason. An unbounded T&M deal is the hidden-cost risk in its purest form.

The pricing model is read the way leads write it: "T&M", "Time & Materials", "hourly rates", "day rates", "drawdown", "pay as you go", a price "per sprint" or a retainer are time and materials ("capped T&M" or "not to exceed" capped), "lump sum", "fixed fee" or a "fixed monthly retainer" a fixed price. A fixed price whose day rates price only the changes ("Fixed price (change requests at rate-card day rates)", "Lump sum, CRs billed at the day rates") stays a fixed price: each change is priced and approved through change control; with no model, a rate card or payment terms that bill for time worked ("against approved timesheets", "for days worked") are time and materials, and so is a phase billed for time beside milestone payments ("phase 2 (hypercare) billed on T&M at the rate card"; changes or travel billed by the day are not a phase). A ceiling written only in words, in \`payment_terms\`, a \`pricing_model\` written in words or \`assumptions\` ("not to exceed USD 72,000", "capped at 80,000 EUR", "a budget cap of", "NTE"), or as effort ("capped at 125 consultant days", priced at the highest day rate of the rate card), is taken as agreed when it is at least the total: a hint proposes moving it into \`cap\`, where it is checked. Other ways of writing the same ceiling count too: "budget ceiling of", "not-to-exceed", "up to EUR 250,000" (an amount, not "up to 3 developers"), or caps per phase that add up to at least the total ("Discovery is capped at 60,000 EUR; build is capped at 190,000 EUR"), where a phase at a fixed price counts as that phase's cap ("Fixed price of GBP 40,000 for discovery; build not to exceed GBP 260,000"). A ceiling under a key of the lead's own (\`notes\`, \`not_to_exceed\`, \`ceiling\`, which the schema reports) is read the same way, and \`capped_tm\` or "CTM" is capped time and materials. A cap "subject to change request" is still a cap, since each change is approved. A limit per month or per person ("160 hours per month") is a rate of spend, not a ceiling; an estimate ("estimated not to exceed", "an indicative budget of") or a ceiling that can still move ("a soft cap of", "a provisional ceiling", "capped at 250,000 EUR, to be reviewed after discovery", "as a guide") is not a price the vendor exceeds at its own risk; and a ceiling in another currency than \`budget.currency\` cannot be checked against the total. None of these is taken as the cap, and the facts say what was read. A \`cap\` written as text ("EUR 200,000", also cost-amount-not-numeric's finding) is still compared with the total, and one in another currency than \`budget.currency\` is reported, since it cannot be.

A missing \`cap\` or \`rate_card\` is reported on \`budget:\`, the parent of the missing key, as every missing key is (rules.md: a diagnostic goes to the offending value, then its key, then the parent key). \`pricing_model\` is not the offending value: \`time_and_materials\` is a legitimate model, and the model is often not written at all (read from a rate card or from payment terms that bill for time), so \`budget:\` is the one place that always exists. The finding moves to the rate card only when the rate card itself is the offending value (its rates are placeholders), or when \`pricing_model\` is written in words and keeps its own \`schema/enum\` finding on its line.`,
  areas: ['cost'],
  remedy:
    'For time-and-materials work, agree a ceiling price (`cap`, at least `total`) and a rate card with fixed rates. The quick fix inserts a cap equal to the total, switches to `capped_time_and_materials`, and inserts a rate-card entry to fill in.',
  sources: [sources.far16601, sources.govukDos],
  check(doc) {
    const root = doc.value;
    const budget = isRecord(root) ? root.budget : undefined;
    if (!isRecord(budget)) return [];
    const findings: Finding[] = [];
    const { cap, total } = budget;
    const unit = currencySuffix(root);
    const stated = pricingModelOf(root);
    // No model, and milestone payments read as a fixed price, but `payment_terms` bill a phase by time
    // ("phase 2 (hypercare) billed on T&M at the rate card"): that phase is time and materials.
    const timePhase = stated?.source === 'inferred' && stated.model === 'fixed_price' ? timeBilledPhase(budget.payment_terms) : undefined;
    const reading = timePhase
      ? {
          model: 'time_and_materials' as const,
          source: 'inferred' as const,
          because: `\`payment_terms\` bill part of the work for time ("${shortText(timePhase)}") beside the milestone payments`,
        }
      : stated;
    const model = reading?.model;

    if (model === 'time_and_materials' || model === 'capped_time_and_materials') {
      // A rate card of placeholders (`role: ""`, `rate: 0`) agrees no rate.
      const ratesMissing = !hasAgreedRate(budget.rate_card);
      // A ceiling written only in words ("not to exceed USD 72,000", "capped at 125 consultant days") is agreed, but nothing checks it against the total.
      const written = isAbsent(cap) ? ceilingInWords(root, budget) : { facts: [] };
      const capInWords = written.cap;
      const capMissing = isAbsent(cap) && capInWords === undefined;
      if (capInWords) {
        findings.push({
          ruleId,
          path: capInWords.path,
          at: { text: capInWords.text },
          severity: 'hint',
          message: capInWords.perPhase
            ? `The ceiling is written as ${capInWords.perPhase} caps per phase in \`${keyOf(capInWords.path)}\`, together ${formatAmount(capInWords.value)}${unit}: set \`cap\` so it is checked against the total.`
            : capInWords.effort
              ? `The ceiling is written as effort only, in \`${keyOf(capInWords.path)}\`: "${shortText(capInWords.text)}" is at most ${formatAmount(capInWords.value)}${unit} at the highest ${capInWords.effort} rate; set \`cap\` so it is checked against the total.`
              : `The ceiling (${formatAmount(capInWords.value)}${unit}) is written only in \`${keyOf(capInWords.path)}\`: "${shortText(capInWords.text)}". Set \`cap\` so it is checked against the total.`,
          fixes: [
            {
              title: `Set \`cap\` to ${formatAmount(capInWords.value)}`,
              ops: [setKeyOp(root, ['budget'], 'cap', String(capInWords.value))],
              preferred: true,
              // The amount is the author's own, but `cap` becomes what the rules check against.
              applicability: 'unsafe',
            },
          ],
        });
      }
      if (capMissing || ratesMissing) {
        const name =
          reading?.source === 'inferred'
            ? 'Hourly or daily billing'
            : model === 'time_and_materials'
              ? 'Time-and-materials pricing'
              : 'Capped time-and-materials pricing';
        const message =
          capMissing && ratesMissing
            ? `${name} has no \`cap\` and no \`rate_card\`: nothing limits what the vendor can bill, or at what rates.`
            : capMissing
              ? `${name} has no \`cap\`: nothing limits how many hours the vendor can bill.`
              : `${name} has no agreed \`rate_card\`: the hourly or daily rates the vendor bills are not agreed.`;
        // A text total ("$120k") still says what the ceiling should start from; without any total,
        // `TODO` keeps the cap visibly open instead of inventing a number.
        const capValue = typeof total === 'number' ? total : typeof total === 'string' ? parseMoneyText(total)?.value : undefined;
        const ops: FixOp[] = [];
        const steps: string[] = [];
        if (model === 'time_and_materials' || reading?.source === 'inferred') {
          ops.push(setKeyOp(root, ['budget'], 'pricing_model', 'capped_time_and_materials'));
          steps.push(
            reading?.source === 'inferred' ? 'set `pricing_model: capped_time_and_materials`' : 'switch to `capped_time_and_materials`',
          );
        }
        if (capMissing) {
          ops.push(setKeyOp(root, ['budget'], 'cap', capValue === undefined ? 'TODO' : String(capValue)));
          steps.push(capValue === undefined ? 'add a `cap`' : `cap at ${formatAmount(capValue)}`);
        }
        const addsRateCard = ratesMissing && isAbsent(budget.rate_card);
        const scaffolding = addsRateCard || (capMissing && capValue === undefined);
        if (addsRateCard) {
          ops.push(setKeyOp(root, ['budget'], 'rate_card', rateCardSkeleton));
          steps.push('add a rate card');
        }
        const hasRateCard = !isAbsent(budget.rate_card);
        findings.push({
          ruleId,
          // A missing `cap` or `rate_card` lands on `budget:`, the parent of the missing key. A rate card
          // of placeholders is the offending value itself, and so is the rate card of a model written in
          // words (`T&M`, which keeps its own schema finding on its line).
          path: hasRateCard && (!capMissing || reading?.source === 'slip') ? ['budget', 'rate_card'] : ['budget'],
          at: 'key',
          message,
          ...(reading?.source === 'inferred' && reading.because
            ? {
                facts: [
                  `Read as ${model === 'time_and_materials' ? 'time and materials' : 'capped time and materials'} because ${reading.because}, and \`budget.pricing_model\` does not name a model.`,
                  ...written.facts,
                ],
              }
            : written.facts.length
              ? { facts: written.facts }
              : {}),
          ...(ops.length
            ? {
                fixes: [
                  {
                    title: sentence(steps),
                    ops,
                    preferred: true,
                    // A rate card or a `TODO` cap is scaffolding to fill in; a cap at the total is still a commercial choice.
                    applicability: scaffolding ? ('display-only' as const) : ('unsafe' as const),
                  },
                ],
              }
            : {}),
        });
      }
    }

    // A cap or total written as text ("EUR 80,000", cost-amount-not-numeric's finding) is read as written,
    // so a ceiling below the price is not hidden behind the text; an estimate or another currency is not read.
    const capValue = amountOf(cap, root);
    const totalValue = amountOf(total, root);
    const capCurrency = typeof cap === 'string' ? parseMoneyText(cap)?.currency : undefined;
    const budgetCurrency = stringAt(root, ['budget', 'currency']);
    if (capValue === undefined && capCurrency !== undefined && budgetCurrency !== undefined && /^[A-Z]{3}$/.test(budgetCurrency)) {
      // "USD 200,000" on a EUR budget: no agreed exchange rate, so nothing says the ceiling covers the price.
      findings.push({
        ruleId,
        path: ['budget', 'cap'],
        message: `\`budget.cap\` ("${shortText(String(cap), 40)}") is in ${capCurrency}, but the budget is in ${budgetCurrency}: the ceiling cannot be checked against the total.`,
      });
    }
    if (capValue !== undefined && totalValue !== undefined && capValue.value < totalValue.value) {
      const asText = [capValue, totalValue].flatMap((v, i) =>
        v.written ? [`\`budget.${i === 0 ? 'cap' : 'total'}\` is written "${v.written}", read as ${formatAmount(v.value)}${unit}`] : [],
      );
      findings.push({
        ruleId,
        path: ['budget', 'cap'],
        message: `\`budget.cap\` (${formatAmount(capValue.value)}${unit}) is below \`budget.total\` (${formatAmount(totalValue.value)}${unit}): the ceiling is reached before the contracted work is paid for.`,
        facts: [
          `\`budget.total\` ${formatAmount(totalValue.value)} − \`budget.cap\` ${formatAmount(capValue.value)} = ${formatAmount(totalValue.value - capValue.value)}${unit} of contracted work above the ceiling`,
          ...asText,
        ],
        fixes: [
          {
            title: `Raise \`cap\` to the total (${formatAmount(totalValue.value)})`,
            ops: [{ op: 'replace', path: ['budget', 'cap'], value: String(totalValue.value) }],
            preferred: true,
            applicability: 'unsafe',
          },
        ],
      });
    }
    return findings;
  },
};

/**
 * The words that open a ceiling: "not to exceed", "shall not exceed", "NTE", "capped at", "a cap of",
 * "a budget cap of", "a ceiling of", "up to a maximum of", "no more than", "limited to", "cap:".
 */
const ceilingWords =
  /\b(?:(?:will|shall|must|may|does|do|is|are|can|cannot|won't|can't)\s+not\s+exceed|(?:not[\s-]+to|never|not)[\s-]+exceeds?|not\s+exceeding|nte|capped\s+(?:at|to)|(?:(?:a|an|the)\s+)?(?:(?:overall|total|hard|firm|fixed|budget|spending|spend|fee|effort|price)\s+)?(?:cap|ceiling|limit)\s+(?:of|at|is)|up\s+to(?!\s+(?:a\s+|the\s+)?maximum)|(?:budget|hard|overall|total)\s+(?:cap|ceiling)\s*:|(?:cap|ceiling)\s*:|(?:up\s+to\s+)?(?:a|the)\s+maximum\s+of|maximum\s+of|no\s+more\s+than|limited\s+to|(?:a\s+)?(?:fixed[\s-]+(?:price|fee)|lump[\s-]+sum)\s*(?:of|at|:))\s*(?::\s*)?/gi;
/**
 * The amount after those words, case-sensitive so that a currency code is not any three letters:
 * "USD 72,000", "80,000 EUR", "£50k", and thousands grouped as in Europe: "80.000 €", "80 000 EUR", "CHF 80'000".
 */
const ceilingAmount =
  /^(?:US\$|\$|€|£|[A-Z]{3}\s?)?(?:\d{1,3}(?:([,.'’\u00a0\u202f ])\d{3})(?:\1\d{3})*(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?:\s?(?:k|m|thousand|million)(?![A-Za-z]))?(?:\s?(?:€|£|[A-Z]{3}(?![A-Za-z])))?(?!\d|,\d)/;
/** An effort ceiling: "125 consultant days", "800 hours", "120 person-days", "90 PD". */
const ceilingEffort =
  /^(\d[\d,]*(?:\.\d+)?)\s?(?:(?:consultant|person|man|working|billable|chargeable|developer|engineer|team|resource)[\s-])?(?:(days?|d)|(hours?|hrs?|h)|(pd|md))(?![A-Za-z])/i;
const perPeriod =
  /^\s*(?:per|a|an|each|every|\/)\s*(?:calendar\s+|working\s+)?(?:month|week|quarter|year|day|sprint|fortnight)\b|^\s*(?:monthly|weekly|quarterly|annually|yearly)\b/i;
/** "160 hours per consultant", "120 days per engineer": a limit on one person, not on the engagement. */
const perPerson = /^\s*(?:per|for\s+each|each|a)\s+(?:consultant|person|engineer|developer|resource|role|head|team\s+member|fte)\b/i;
/** "a monthly cap of", "each month, no more than": a periodic limit. */
const periodBefore = /\b(?:monthly|weekly|quarterly|annual|yearly|per\s+month|each\s+month|a\s+month)\s+(?:\S+\s+)?$/i;
/** "estimated not to exceed", "an indicative budget capped at": an estimate is not a ceiling the vendor exceeds at its own risk. */
const estimateBefore =
  /\b(?:estimat\w*|indicative|approximate\w*|expected|forecast\w*|projected|target(?:ed)?|anticipated|budgetary)\s+(?:\S+\s+){0,3}$/i;
/**
 * "a soft cap of", "a provisional ceiling of", "a non-binding limit of": a ceiling the parties can move,
 * not one the vendor exceeds at its own risk.
 */
const softBefore = /\b(?:soft|provisional|notional|tentative|non[\s-]?binding|informal|rough|ballpark|guide|guideline)\s+(?:\S+\s+){0,2}$/i;
/**
 * After the amount, in the same sentence: "to be reviewed after discovery", "subject to review", "as a
 * guide", "for planning purposes". A cap "subject to change request" is still a cap: each change is approved.
 */
const unsettledAfter =
  /^[^.;]{0,60}?\b(?:to\s+be\s+(?:reviewed|revisited|refined|confirmed|agreed|finalised|finalized|revised|re-?baselined)|subject\s+to\s+(?:review|revision|confirmation|re-?estimation)|(?:as|for)\s+(?:a\s+)?guid(?:e|ance)|for\s+(?:budgeting|planning)\s+purposes|(?:is\s+)?(?:only\s+)?indicative|non[\s-]?binding|(?:soft|indicative|provisional|notional|tentative)\s+(?:cap|ceiling|limit|budget|figure))\b/i;
/** "a fixed price of GBP 40,000 for discovery": one phase at a fixed price, bounded as a cap bounds the rest. */
const fixedPhrase = /^(?:a\s+)?(?:fixed|lump)/i;
/** The keys of `budget` the format defines; any other string under `budget` is the lead's prose. */
const budgetKeys = new Set(['currency', 'pricing_model', 'total', 'cap', 'contingency_percent', 'rate_card', 'payment_terms', 'payments']);
/** A key of the lead's own that names a ceiling: `not_to_exceed`, `nte`, `ceiling`, `max_budget`, `budget_cap`, `hard_cap`. */
const ceilingKey =
  /^(?:not[_-]?to[_-]?exceed|nte|ceiling|(?:max|maximum)(?:[_-]?(?:budget|spend|fee|fees|price|value|amount))?|(?:budget|hard|spend|fee|total|price)[_-]?(?:cap|ceiling)|cap[_-]?(?:amount|value))$/i;
/** Currencies written with a plain "$". */
const dollarCurrencies = /D$|^(?:MXN|ARS|CLP|COP)$/;
/** "payable within a maximum of 30 days", "a notice of no more than 30 days": days to pay or to give notice, not effort. */
const paymentDaysBefore = /\b(?:within|payable|paid|notice|net)\s+(?:\S+\s+)?$/i;

interface WrittenCap {
  /** The ceiling in money: the amount written, or the effort at the highest rate of its unit. */
  readonly value: number;
  readonly text: string;
  readonly path: Path;
  /** Set when the ceiling is effort ("125 consultant days"): the rate unit it was priced at. */
  readonly effort?: 'day' | 'hourly';
  /** Set when the ceiling is the sum of caps per phase: how many. */
  readonly perPhase?: number;
}

/**
 * A ceiling on the engagement written in words, in `payment_terms`, in a `pricing_model` written in
 * words ("Capped T&M, NTE USD 90k") or in `assumptions`, at least the total. Money or effort ("capped at
 * 125 consultant days", priced at the highest day rate of the rate card). A per-month or per-person
 * limit, or a ceiling below the total, is not a cap: the facts say what was read instead.
 */
function ceilingInWords(root: unknown, budget: Readonly<Record<string, unknown>>): { cap?: WrittenCap; facts: string[] } {
  const places: { path: Path; text: unknown }[] = [
    { path: ['budget', 'payment_terms'], text: budget.payment_terms },
    { path: ['budget', 'pricing_model'], text: budget.pricing_model },
    // Prose under a key of the lead's own (`notes`, `comments`, `ceiling_note`), which the schema reports.
    ...Object.entries(budget)
      .filter(([key, text]) => !budgetKeys.has(key) && typeof text === 'string')
      .map(([key, text]) => ({ path: ['budget', key] as Path, text })),
    ...arrayAt(root, ['assumptions']).map((text, i) => ({ path: ['assumptions', i] as Path, text })),
  ];
  const total = typeof budget.total === 'number' ? budget.total : undefined;
  // A number under a key that names a ceiling (`not_to_exceed: 250000`, `ceiling: 250000`): the schema
  // reports the key; the amount is the cap the lead meant.
  for (const [key, value] of Object.entries(budget)) {
    if (!budgetKeys.has(key) && ceilingKey.test(key) && typeof value === 'number' && value > 0 && (total === undefined || value >= total))
      return { cap: { value, text: String(value), path: ['budget', key] }, facts: [] };
  }
  const unit = currencySuffix(root);
  const currency = stringAt(root, ['budget', 'currency']);
  const facts: string[] = [];
  for (const { path, text } of places) {
    if (typeof text !== 'string' || text.length > 2000) continue;
    /** Ceilings below the total in this text: caps per phase ("Discovery capped at 20,000; build capped at 70,000") add up. */
    const parts: { value: number; start: number; end: number }[] = [];
    for (const m of text.matchAll(ceilingWords)) {
      const before = text.slice(Math.max(0, m.index - 30), m.index);
      if (periodBefore.test(before)) continue;
      const from = m.index + m[0].length;
      const ahead = text.slice(from, from + 60);
      const money = ceilingAmount.exec(ahead)?.[0];
      // "up to" bounds an amount of money only: "up to 3 developers" or "up to 40 days a month" is no ceiling.
      const upTo = /^up\s+to/i.test(m[0]);
      const effort = !upTo && (money === undefined || /^\d[\d,.]*$/.test(money.trim())) ? ceilingEffort.exec(ahead) : null;
      const amount = effort ? effort[0] : money;
      if (amount === undefined || (upTo && /^\d[\d,.]*$/.test(amount.trim()))) continue;
      if (effort && paymentDaysBefore.test(before)) continue;
      const words = text.slice(m.index, from + amount.length).trim();
      const estimate = estimateBefore.exec(before);
      if (estimate) {
        const said = text.slice(m.index - before.length + estimate.index, from + amount.length).trim();
        facts.push(`\`${formatPath(path)}\` gives an estimate ("${shortText(said)}"), not a ceiling the vendor exceeds at its own risk.`);
        continue;
      }
      const after = text.slice(from + amount.length, from + amount.length + 40);
      const where = formatPath(path);
      const soft = softBefore.exec(before);
      const unsettled = unsettledAfter.exec(text.slice(from + amount.length, from + amount.length + 120));
      if (soft || unsettled) {
        const start = soft ? m.index - before.length + soft.index : m.index;
        const end = unsettled ? from + amount.length + unsettled[0].length : from + amount.length;
        const said = text.slice(start, end).trim();
        facts.push(
          `\`${where}\` gives a ceiling that can still move ("${shortText(said.split('(').length > said.split(')').length ? `${said})` : said)}"), not one the vendor exceeds at its own risk.`,
        );
        continue;
      }
      if (perPeriod.test(after) || perPerson.test(after)) {
        const limit = shortText(words + (after.split(/[,.;]/)[0] ?? ''));
        facts.push(
          perPerson.test(after)
            ? `\`${where}\` limits each person ("${limit}"), not the engagement: with more people or a longer run the bill has no ceiling.`
            : `\`${where}\` limits each period ("${limit}"): a rate of spend, not a ceiling on the engagement.`,
        );
        continue;
      }
      let value: number | undefined;
      let rateUnit: 'day' | 'hourly' | undefined;
      if (effort) {
        const quantity = Number((effort[1] ?? '').replace(/,/g, ''));
        const isHours = effort[3] !== undefined;
        const rate = highestRate(budget.rate_card, isHours ? 'hour' : 'day');
        if (rate === undefined) {
          facts.push(
            `\`${where}\` caps the effort ("${shortText(words)}"), but the rate card has no ${isHours ? 'hourly' : 'day'} rate to price it: no amount follows from it.`,
          );
          continue;
        }
        value = Math.round(quantity * rate * 100) / 100;
        rateUnit = isHours ? 'hourly' : 'day';
      } else {
        const parsed = parseMoneyText(amount.trim());
        if (!parsed || parsed.approximate || parsed.value <= 0) continue;
        // A ceiling in another currency ("not to exceed USD 100,000" on a EUR budget) cannot be checked
        // against the total: the riskier reading is that there is no cap in the contract's currency.
        const otherCurrency =
          parsed.currency !== undefined &&
          currency !== undefined &&
          /^[A-Z]{3}$/.test(currency) &&
          (parsed.currencyGuessed ? !(parsed.currency === 'USD' && dollarCurrencies.test(currency)) : parsed.currency !== currency);
        if (otherCurrency) {
          facts.push(
            `\`${where}\` sets a ceiling in another currency ("${shortText(words)}") than the budget's ${currency}, so it cannot be checked against the total and is not taken as the cap.`,
          );
          continue;
        }
        value = parsed.value;
      }
      if (total !== undefined && value < total) {
        // A bare small number ("no more than 2 rework cycles") is no amount at all; say nothing about it.
        if (!effort && /^\d[\d,.]*$/.test(amount.trim()) && value < 1000) continue;
        parts.push({ value, start: m.index, end: from + amount.length });
        const sum = parts.reduce((n, p) => n + p.value, 0);
        const first = parts[0];
        if (parts.length > 1 && first && sum >= total) {
          const span = text.slice(first.start, from + amount.length).trim();
          return { cap: { value: Math.round(sum * 100) / 100, text: span, path, perPhase: parts.length }, facts: [] };
        }
        if (fixedPhrase.test(words)) {
          facts.push(
            `\`${where}\` prices a part of the work at a fixed price ("${shortText(words)}") below \`budget.total\` (${formatAmount(total)}${unit}); the rest has no ceiling in the same words.`,
          );
          continue;
        }
        facts.push(
          `\`${where}\` sets a ceiling ("${shortText(words)}"${rateUnit ? `, at most ${formatAmount(value)}${unit} at the highest ${rateUnit} rate` : ''}) below \`budget.total\` (${formatAmount(total)}${unit}), so it is not taken as the cap.`,
        );
        continue;
      }
      return { cap: { value, text: words, path, ...(rateUnit ? { effort: rateUnit } : {}) }, facts };
    }
  }
  return { facts };
}

/** A number, or money text in the budget's currency read as written ("EUR 80,000", "80.000 €"). */
function amountOf(value: unknown, root: unknown): { value: number; written?: string } | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? { value } : undefined;
  if (typeof value !== 'string') return undefined;
  const parsed = parseMoneyText(value);
  if (!parsed || parsed.approximate) return undefined;
  const currency = stringAt(root, ['budget', 'currency']);
  if (parsed.currency !== undefined && currency !== undefined && parsed.currency !== currency) {
    if (!(parsed.currencyGuessed && dollarCurrencies.test(currency))) return undefined;
  }
  return { value: parsed.value, written: shortText(value, 40) };
}

/** `payment_terms`, `pricing_model`, `assumptions`: the key a lead knows the words by. */
function keyOf(path: Path): string {
  return path.filter((p) => typeof p === 'string').pop() ?? '';
}

/** The highest positive rate of the rate card in that unit. */
function highestRate(rateCard: unknown, unit: 'hour' | 'day'): number | undefined {
  if (!Array.isArray(rateCard)) return undefined;
  const rates = rateCard.flatMap((r) => (isRecord(r) && r.unit === unit && typeof r.rate === 'number' && r.rate > 0 ? [r.rate] : []));
  return rates.length ? Math.max(...rates) : undefined;
}

/** A rate card with at least one role at a positive rate. */
function hasAgreedRate(rateCard: unknown): boolean {
  return (
    Array.isArray(rateCard) &&
    rateCard.some((r) => isRecord(r) && typeof r.rate === 'number' && r.rate > 0 && typeof r.role === 'string' && r.role.trim() !== '')
  );
}

/**
 * The clause of the payment terms that bills work for time, when one does: not a clause about changes
 * ("change requests on T&M") or about travel and expenses ("travel days at the day rate").
 */
function timeBilledPhase(terms: unknown): string | undefined {
  if (typeof terms !== 'string' || terms.length > 2000) return undefined;
  return terms
    .split(/[.;](?:\s|$)|\n/)
    .map((clause) => clause.trim())
    .find(
      (clause) =>
        clause !== '' &&
        !changesClause.test(clause.toLowerCase()) &&
        !/\b(?:travel|expenses?|subsistence|mileage|disbursements?)\b/i.test(clause) &&
        billsForTime(clause),
    );
}

/** "Switch to …, cap at … and add a rate card". */
function sentence(steps: readonly string[]): string {
  const text = steps.length <= 1 ? (steps[0] ?? '') : `${steps.slice(0, -1).join(', ')} and ${steps[steps.length - 1] ?? ''}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function currencySuffix(root: unknown): string {
  const currency = stringAt(root, ['budget', 'currency']);
  return currency && /^[A-Z]{3}$/.test(currency) ? ` ${currency}` : '';
}
