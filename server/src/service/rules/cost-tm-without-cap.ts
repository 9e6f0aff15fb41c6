// cost-tm-without-cap: Time and materials without a cap or rate card.
// T&M pricing needs a not-to-exceed `cap` and a `rate_card` (FAR 16.601); any `cap` must be at least `total`.
import { formatAmount, isAbsent, isRecord, parseMoneyText, pricingModelOf, setKeyOp, stringAt } from '../model';
import type { Finding, FixOp, Rule } from '../types';
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

The pricing model is read the way leads write it: "T&M", "Time & Materials", "hourly rates" or "day rates" are time and materials ("capped T&M" or "not to exceed" capped), "lump sum" or "fixed fee" a fixed price; with no model, a rate card or payment terms that bill for time worked ("against approved timesheets", "for days worked") are time and materials. A ceiling written only in \`payment_terms\` ("not to exceed USD 72,000", "capped at 80,000 EUR"), at least the total and not per month, is taken as agreed: a hint proposes moving it into \`cap\`, where it is checked.`,
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
    const reading = pricingModelOf(root);
    const model = reading?.model;

    if (model === 'time_and_materials' || model === 'capped_time_and_materials') {
      const capMissing = isAbsent(cap);
      // A rate card of placeholders (`role: ""`, `rate: 0`) agrees no rate.
      const ratesMissing = !hasAgreedRate(budget.rate_card);
      // A ceiling written only in words ("not to exceed USD 72,000") is agreed, but nothing checks it against the total.
      const written = capMissing ? ceilingInWords(budget.payment_terms) : undefined;
      const capInWords = written !== undefined && (typeof total !== 'number' || written.value >= total) ? written : undefined;
      if (capInWords && !ratesMissing) {
        findings.push({
          ruleId,
          path: ['budget', 'payment_terms'],
          severity: 'hint',
          message: `The ceiling (${formatAmount(capInWords.value)}${unit}) is written only in \`payment_terms\` ("${capInWords.text}"); set \`cap\` so it is checked against the total.`,
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
      } else if (capMissing || ratesMissing) {
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
        findings.push({
          ruleId,
          // An inferred model has no value to point at, and a written slip keeps its own schema finding and fix.
          path:
            reading?.source === 'stated' || isAbsent(budget.pricing_model)
              ? ['budget', 'pricing_model']
              : !isAbsent(budget.rate_card)
                ? ['budget', 'rate_card']
                : ['budget', 'cap'],
          ...(reading?.source === 'stated' || isAbsent(budget.pricing_model) ? {} : { at: 'key' as const }),
          message,
          ...(reading?.source === 'inferred' && reading.because
            ? {
                facts: [
                  `Read as ${model === 'time_and_materials' ? 'time and materials' : 'capped time and materials'} because ${reading.because}, and \`budget.pricing_model\` does not name a model.`,
                ],
              }
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

    if (typeof cap === 'number' && typeof total === 'number' && cap < total) {
      findings.push({
        ruleId,
        path: ['budget', 'cap'],
        message: `\`budget.cap\` (${formatAmount(cap)}${unit}) is below \`budget.total\` (${formatAmount(total)}${unit}): the ceiling is reached before the contracted work is paid for.`,
        facts: [
          `\`budget.total\` ${formatAmount(total)} − \`budget.cap\` ${formatAmount(cap)} = ${formatAmount(total - cap)}${unit} of contracted work above the ceiling`,
        ],
        fixes: [
          {
            title: `Raise \`cap\` to the total (${formatAmount(total)})`,
            ops: [{ op: 'replace', path: ['budget', 'cap'], value: String(total) }],
            preferred: true,
            applicability: 'unsafe',
          },
        ],
      });
    }
    return findings;
  },
};

/** "not to exceed USD 72,000", "capped at 80,000 EUR", "a ceiling of £50k": a total ceiling written in words (not a monthly one). */
const ceilingWords =
  /\b(?:(?:will|shall|must|may|does|do|is|are)\s+not\s+exceed|not\s+to\s+exceed|never\s+exceeds?|nte|capped\s+at|(?:a|the)\s+cap\s+of|(?:a|the)\s+ceiling\s+of|(?:up\s+to\s+)?a\s+maximum\s+of|no\s+more\s+than)\s*(?::\s*)?/gi;
/** The amount after those words, case-sensitive so that a currency code is not any three letters: "USD 72,000", "80,000 EUR", "£50k". */
const ceilingAmount =
  /^(?:US\$|\$|€|£|[A-Z]{3}\s?)?\d[\d,]*(?:\.\d+)?(?:\s?(?:k|m|thousand|million)(?![A-Za-z]))?(?:\s?(?:€|£|[A-Z]{3}(?![A-Za-z])))?(?![\d,])/;
const perPeriod =
  /^\s*(?:per|a|an|each|every|\/)\s*(?:month|week|quarter|year|day|sprint)\b|^\s*(?:monthly|weekly|quarterly|annually|yearly)\b/i;

function ceilingInWords(text: unknown): { value: number; text: string } | undefined {
  if (typeof text !== 'string' || text.length > 2000) return undefined;
  for (const m of text.matchAll(ceilingWords)) {
    const from = m.index + m[0].length;
    const amount = ceilingAmount.exec(text.slice(from, from + 40))?.[0];
    if (amount === undefined || perPeriod.test(text.slice(from + amount.length))) continue;
    const money = parseMoneyText(amount.trim());
    if (!money || money.approximate || money.value <= 0) continue;
    return { value: money.value, text: text.slice(m.index, from + amount.length).trim() };
  }
  return undefined;
}

/** A rate card with at least one role at a positive rate. */
function hasAgreedRate(rateCard: unknown): boolean {
  return (
    Array.isArray(rateCard) &&
    rateCard.some((r) => isRecord(r) && typeof r.rate === 'number' && r.rate > 0 && typeof r.role === 'string' && r.role.trim() !== '')
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
