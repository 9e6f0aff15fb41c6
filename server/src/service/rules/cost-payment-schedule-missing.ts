// cost-payment-schedule-missing: No payment schedule.
// A fixed price with no milestone payments and no recurring terms, or a budget that does not say
// how the vendor is paid at all (no pricing model, and nothing in the budget implies one).
import {
  arrayAt,
  formatPercent,
  isAbsent,
  isMappingOrAbsent,
  isRecord,
  numberAt,
  pricingModelOf,
  setKeyOp,
  shortText,
  stringAt,
  valueAt,
} from '../model';
import { readPaymentPlan } from '../paymentTerms';
import { sources } from '../sources';
import type { Finding, Fix, Rule } from '../types';

const ruleId = 'cost-payment-schedule-missing';

/** Terms that state a recurring invoice ("40,000 NOK per month in arrears"): a schedule for a run service. */
const recurringTerms =
  /\b(per|a|each|every)\s+(calendar\s+)?(month|quarter|week|year)\b|\b(monthly|quarterly|weekly|annually|yearly)\b|\bin arrears\b/i;

/**
 * Terms that say what a recurring invoice charges: an amount ("6.500 € per calendar month",
 * "NOK 40,000 a month") or a fee, charge or subscription ("a fixed monthly fee", "the service charge").
 * A fee for something else ("late fees apply", "a cancellation charge", "bank charges", "a setup
 * fee") says nothing about what the work costs.
 */
// The groups of an amount are bounded ({0,24}): an unbounded run of digits and spaces backtracks
// quadratically on a long text of "1 1 1 ...".
const periodicAmount = /(?:€|£|\$|\b(?!NET\b)[A-Z]{3})\s?\d|\d(?:[\d.,'\u2019 ]{0,24}\d)?\s?(?:k\b|€|£|[A-Z]{3}\b)/;
const periodicChargeWord =
  /\b(?<!\b(?:late|late[\s-]+payment|cancellation|cancel|admin|administration|administrative|bank|banking|card|transaction|processing|exit|termination|early[\s-]+termination|penalty|interest|setup|set[\s-]?up|one[\s-]?off|reinstatement|reminder|collection|overdue)[\s-]+)(?:fees?|charges?)\b|\b(?:subscriptions?|retainers?|instal?ments?|flat[- ]rate|lump[- ]sums?)\b/i;
const periodicCharge = { test: (terms: string): boolean => periodicAmount.test(terms) || periodicChargeWord.test(terms) };

export const rule: Rule = {
  id: ruleId,
  category: 'cost',
  severity: 'warning',
  fixes: ['unsafe'],
  title: 'No payment schedule',
  explanation: `The scope does not say when the vendor is paid. Under a fixed price, payments tied to milestones and to accepted deliverables are what keeps your leverage: without a schedule the vendor invoices on its own terms, often up front, and an early exit leaves you arguing about what was earned. Payments should be triggered by clear milestones or deliverables, never by "vague or uncontrolled events" (AIC operating manual, *Statements of Work*), and a final share held back until acceptance keeps the vendor engaged through testing (Freesi, *Milestone-based payment*). The GOV.UK Digital Outcomes guidance likewise expects the statement of work to state the payment approach and the cost. A budget with no pricing model at all leaves both open, which is a hidden cost in its plainest form.

A run service billed in fixed periods ("6,500 EUR per month in arrears", "a fixed monthly fee" in \`payment_terms\`) has a schedule and is not reported; with no \`pricing_model\`, terms that say only when invoices go out ("invoiced monthly, net 30") are reported, since a monthly invoice can be a fixed fee or the time worked that month. A plan written in \`payment_terms\` whose shares make up the whole price ("20% on signature, 45% on acceptance, the balance on go-live", "half up front and half on delivery", "two equal instalments", "one third on signing") or that pays on acceptance of each milestone is a schedule too: a hint proposes listing it in \`payments\`, and cost-payment-front-loaded checks its up-front share. A plan whose shares do not make up the price ("30% on signing, 30% on launch") is reported on \`payment_terms\` with its sum: part of the price has no agreed trigger.`,
  areas: ['cost'],
  remedy:
    'Say how the vendor is paid (`budget.pricing_model`), and under a fixed price tie each payment to a milestone that accepts deliverables, holding back a final share until acceptance (`budget.payments`). A run service billed per period can state that in `payment_terms` instead ("monthly in arrears"). The quick fix proposes equal payments on the milestones that accept deliverables, or the pricing model to set; adjust the shares to the contract.',
  sources: [sources.aicSow, sources.milestonePayments, sources.govukDos],
  check(doc) {
    const root = doc.value;
    if (!isMappingOrAbsent(root, ['budget'])) return [];
    const budget = valueAt(root, ['budget']);
    // No budget at all is expertise-essential-parameter-missing's finding.
    if (!isRecord(budget) || isAbsent(budget.total)) return [];
    const reading = pricingModelOf(root);
    const payments = budget.payments;
    if (!isAbsent(payments) && !Array.isArray(payments)) return [];
    const hasPayments = Array.isArray(payments) && payments.length > 0;
    const terms = stringAt(root, ['budget', 'payment_terms']);
    const recurring = terms !== undefined && recurringTerms.test(terms);
    // A plan in the order form's words ("20% on signature, 45% on acceptance, the balance on go-live") is a schedule.
    // Amounts are shares of the price ("EUR 63,000 on signing, ..."), so the plan is read against the total.
    const total = numberAt(root, ['budget', 'total']);
    const plan = hasPayments ? undefined : readPaymentPlan(terms, total === undefined ? {} : { total });
    const written = plan?.kind === 'schedule' || plan?.kind === 'per-milestone';
    const noMilestones = arrayAt(root, ['timeline', 'milestones']).length === 0;
    const milestoneFact = noMilestones ? ['`timeline.milestones` is empty too, so there is no milestone a payment could be tied to.'] : [];

    if (reading === undefined) {
      // A model written but not recognised (`outcome based`) is the schema's error, with the allowed values.
      if (hasPayments || written || !isAbsent(budget.pricing_model)) return [];
      // "6,500 EUR per month in arrears" or "a monthly service fee" is a fixed charge per period; "invoiced
      // monthly" alone says when invoices go out, not what they charge (a fixed fee, or the time worked).
      if (recurring && terms !== undefined && periodicCharge.test(terms)) return [];
      const finding: Finding = {
        ruleId,
        path: ['budget', 'pricing_model'],
        message: recurring
          ? `The budget does not say how the vendor is paid: no \`pricing_model\`, and \`payment_terms\` ("${shortText(terms ?? '')}") says when invoices go out, not what they charge.`
          : 'The budget does not say how the vendor is paid: no `pricing_model` and no payment schedule.',
        facts: [
          ...milestoneFact,
          ...(recurring
            ? ['A recurring invoice can be a fixed fee or the time worked that period; only the first has a known price.']
            : []),
        ],
        fixes: pricingFixes(root),
      };
      return [finding];
    }
    if (reading.model !== 'fixed_price' || hasPayments) return [];
    // A plan that cannot be checked is judged even beside "monthly" ("40% on signing, 40% on launch, invoiced monthly"),
    // unless it is one share beside a recurring charge ("monthly in arrears; 10% retention until warranty ends").
    const unreadable = plan?.kind === 'unreadable' && (!recurring || plan.shares.length > 1) ? plan : undefined;
    if (plan?.kind === 'schedule') {
      return [
        {
          ruleId,
          path: ['budget', 'payment_terms'],
          severity: 'hint',
          message: `The payment plan is written only in \`payment_terms\` (${plan.shares.map((s) => formatPercent(s.percent)).join(', ')}); list it in \`payments\` so each share is tied to a milestone and checked against the total.`,
        },
      ];
    }
    // "a quarter at kick-off" is a share, not a quarterly charge: a plan that adds up is read first.
    if (recurring && !unreadable) return [];
    if (plan?.kind === 'per-milestone' && !noMilestones) {
      return [
        {
          ruleId,
          path: ['budget', 'payment_terms'],
          severity: 'hint',
          message: `\`payment_terms\` ties each payment to accepted work ("${shortText(plan.text)}") but not what each pays; list the shares in \`payments\` so they are checked against the total.`,
        },
      ];
    }
    if (unreadable) {
      const listed = unreadable.shares.map((s) => formatPercent(s.percent)).join(', ');
      const stated = unreadable.statedPercent;
      const message =
        unreadable.shares.length === 0 || unreadable.why.includes('balance')
          ? `The payment plan in \`payment_terms\` cannot be checked: ${unreadable.why}. List the payments in \`payments\` so they add up to the total.`
          : stated > 100
            ? `The payment plan in \`payment_terms\` adds up to ${formatPercent(stated)} of the price (${listed}): it commits more than the total. List the payments in \`payments\` so they add up to the total.`
            : `The payment plan in \`payment_terms\` covers only ${formatPercent(stated)} of the price (${listed}): the other ${formatPercent(100 - stated)} has no agreed trigger. List the payments in \`payments\` so they add up to the total.`;
      const fix = milestoneSchedule(root);
      return [
        {
          ruleId,
          path: ['budget', 'payment_terms'],
          message,
          facts: [
            ...unreadable.shares.map((s) => `Read in \`payment_terms\`: "${shortText(s.text)}" = ${formatPercent(s.percent)}`),
            ...milestoneFact,
          ],
          ...(fix ? { fixes: [fix] } : {}),
        },
      ];
    }
    const fix = milestoneSchedule(root);
    return [
      {
        ruleId,
        path: ['budget', 'payments'],
        message: 'The fixed price has no payment schedule: nothing ties invoices to milestones or accepted work.',
        facts: [...milestoneFact, ...(terms ? [`\`payment_terms\` ("${terms.trim()}") says how to invoice, not when.`] : [])],
        ...(fix ? { fixes: [fix] } : {}),
      },
    ];
  },
};

/** One proposal per pricing model; a person picks the one the contract says. */
function pricingFixes(root: unknown): Fix[] {
  return ['fixed_price', 'capped_time_and_materials', 'time_and_materials'].map((model, i) => ({
    title: `Set \`pricing_model: ${model}\``,
    ops: [setKeyOp(root, ['budget'], 'pricing_model', model)],
    ...(i === 0 ? { preferred: true } : {}),
    applicability: 'unsafe' as const,
  }));
}

/**
 * A proposal from the milestones that accept deliverables: equal shares, the remainder on the
 * last, so the schedule adds up to the total. None when no milestone accepts anything.
 */
function milestoneSchedule(root: unknown): Fix | undefined {
  const ids = arrayAt(root, ['timeline', 'milestones']).flatMap((m) =>
    isRecord(m) && typeof m.id === 'string' && /^[A-Za-z][A-Za-z0-9_-]*$/.test(m.id) && !isAbsent(m.deliverables) ? [m.id] : [],
  );
  if (ids.length === 0) return undefined;
  const share = Math.floor(100 / ids.length);
  const items = ids.map((id, i) => `- milestone: ${id}\n  percent: ${i === ids.length - 1 ? 100 - share * (ids.length - 1) : share}`);
  return {
    title: `Pay on the ${ids.length === 1 ? 'milestone' : `${ids.length} milestones`} that accept deliverables`,
    ops: [setKeyOp(root, ['budget'], 'payments', items.join('\n'))],
    preferred: true,
    applicability: 'unsafe',
  };
}
