// cost-changes-exceed-contingency: Approved changes use up the contingency.
// The cost impacts of approved changes are paid from the contingency reserve
// (`budget.contingency_percent` of `budget.total`, which excludes it). Error when they exceed it;
// warning when they use more than maxContingencyUsedPercent of it.
import { changeRequests, costImpactOf, statusNote, type Impact } from '../changeLog';
import { currencySuffix, formatAmount, formatPercent, isAbsent, parseMoneyText, shortText, valueAt } from '../model';
import type { Finding, Rule } from '../types';
import { sources } from '../sources';

const ruleId = 'cost-changes-exceed-contingency';
/** Rounding: a sum within a cent of the reserve fits it. */
const epsilon = 0.005;

export const rule: Rule = {
  id: ruleId,
  category: 'cost',
  severity: 'error',
  title: 'Approved changes use up the contingency',
  explanation: `The cost impacts of the approved change requests no longer fit within the contingency reserve, or use most of it. The reserve is how you pay for known risks without going back for more money (PMI *PMBOK Guide*, contingency reserve), and it is released only through change control (§4.6). Once approved changes cost more than the reserve, the project is over its budget and every further change is new money: the hidden cost has arrived. GOV.UK's Digital Outcomes guidance lets a buyer raise a statement of work's value only within the agreed contingency margin; in US federal contracting, a change order's price adjustment is new obligated funding (FAR 43.2).

It is an error when the approved changes cost more than the reserve, and a warning when they use more than the configured share of it (\`maxContingencyUsedPercent\`, 75% by default), while the risks the reserve is there for are still ahead. Savings (negative impacts) count against the cost. A \`status\` that is none of the four known values counts as approved.`,
  areas: ['cost'],
  remedy:
    'Decide, with the budget owner, whether to raise the budget (a new approval of `budget.total` and the reserve), to descope other work, or to reject or defer pending changes. Record each decision as a change request. No quick fix: the numbers are for people to agree.',
  sources: [sources.contingencyReserve, sources.pmbokChangeControl, sources.govukDos, sources.far432],
  check(doc, settings) {
    const root = doc.value;
    const changes = changeRequests(root);
    const approved = changes.filter((c) => c.status === 'approved');
    if (approved.length === 0) return [];
    const price = priceOf(valueAt(root, ['budget', 'total']));
    // Without a price there is no reserve to compare with: cost-amount-not-numeric or
    // expertise-essential-parameter-missing says why.
    if (price === undefined || price.total <= 0) return [];
    const { total } = price;
    const percentValue = valueAt(root, ['budget', 'contingency_percent']);
    const noReserve = isAbsent(percentValue);
    // "15%" or a list is the schema's finding; a guessed reserve would make the sum's verdict a guess.
    if (!noReserve && (typeof percentValue !== 'number' || !Number.isFinite(percentValue) || percentValue < 0)) return [];
    const percent = noReserve ? 0 : (percentValue as number);
    const unit = currencySuffix(root);
    const budgetCurrency = unit.trim() || undefined;
    const money = (n: number): string => `${formatAmount(n)}${unit}`;

    const facts: string[] = price.written
      ? [`\`budget.total\` is read as ${money(total)} from the text "${price.written}" (\`cost-amount-not-numeric\`).`]
      : [];
    const unknown: string[] = [];
    let sum = 0;
    for (const change of approved) {
      const impact = costImpactOf(change);
      const note = statusNote(change);
      if (note) facts.push(note);
      const elsewhere = otherCurrency(impact, budgetCurrency);
      if (elsewhere) {
        // "$1.2M" on a EUR budget: no exchange rate is agreed, so it cannot be added to the reserve's sum.
        facts.push(
          `${change.label}: "${elsewhere.written}" is in ${elsewhere.currency}, not the budget's ${budgetCurrency ?? ''}, so it is not added.`,
        );
        unknown.push(change.label);
      } else if (impact.kind === 'number' || impact.kind === 'text') {
        sum += impact.value;
        const read = impact.kind === 'text' ? ` (read from the text "${impact.written}")` : '';
        facts.push(`${change.label}: ${impact.value > 0 ? '+' : ''}${money(impact.value)}${read}`);
      } else {
        unknown.push(change.label);
      }
    }
    if (sum <= epsilon) return [];
    const atLeast = unknown.length > 0 ? 'at least ' : '';
    if (unknown.length > 0)
      facts.push(`No readable cost impact for ${unknown.join(', ')} (\`cost-change-impact-missing\`), so the sum is a lower bound.`);
    const reserve = (percent / 100) * total;
    const reserveText = `${money(reserve)} contingency reserve (${formatPercent(percent)} of ${money(total)})`;
    facts.push(`Approved changes: ${money(sum)}; ${reserveText}.`);
    const pending = changes
      .filter((c) => c.status === 'proposed')
      .map((c) => costImpactOf(c))
      .reduce((a, i) => a + ((i.kind === 'number' || i.kind === 'text') && !otherCurrency(i, budgetCurrency) ? i.value : 0), 0);
    if (pending > epsilon) facts.push(`Proposed changes would add ${money(pending)} more if approved.`);

    if (sum > reserve + epsilon) {
      const over = sum - reserve;
      const message =
        reserve <= epsilon
          ? `Approved changes put the project ${atLeast}${money(over)} over budget: there is no contingency reserve (\`budget.contingency_percent\` ${noReserve ? 'is not set' : 'is 0'}).`
          : `Approved changes put the project ${atLeast}${money(over)} over budget: they cost ${atLeast}${money(sum)}, more than the ${reserveText}.`;
      return [{ ruleId, path: ['changes'], at: 'key', message, facts }];
    }
    const share = (sum / reserve) * 100;
    const limit = settings.thresholds.maxContingencyUsedPercent;
    if (share <= limit + epsilon) return [];
    facts.push(`Warning above ${formatPercent(limit)} of the reserve (\`maxContingencyUsedPercent\`).`);
    const finding: Finding = {
      ruleId,
      path: ['changes'],
      at: 'key',
      severity: 'warning',
      message: `Approved changes already use ${atLeast}${formatPercent(share)} of the contingency reserve: ${formatAmount(sum)} of ${money(reserve)}, leaving ${money(reserve - sum)} for the risks still ahead.`,
      facts,
    };
    return [finding];
  },
};

/**
 * The text of an impact written in another currency than the budget's ("$1.2M" on a EUR budget), or
 * undefined. `$` alone is read as the budget's own dollar (USD, CAD, AUD...).
 */
function otherCurrency(impact: Impact, budgetCurrency: string | undefined): { written: string; currency: string } | undefined {
  if (impact.kind !== 'text' || impact.currency === undefined || budgetCurrency === undefined) return undefined;
  if (impact.currency === budgetCurrency) return undefined;
  if (impact.currencyGuessed && /D$/.test(budgetCurrency)) return undefined;
  return { written: impact.written, currency: impact.currencyGuessed ? `${impact.currency} (read from "$")` : impact.currency };
}

/**
 * `budget.total` as a number. A price written as text that reads without guessing (`"$120k"`) is
 * read, so the changes are still weighed against a reserve; cost-amount-not-numeric asks for the number.
 */
function priceOf(value: unknown): { readonly total: number; readonly written?: string } | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? { total: value } : undefined;
  if (typeof value !== 'string') return undefined;
  const parsed = parseMoneyText(value);
  return parsed && !parsed.approximate ? { total: parsed.value, written: shortText(value, 40) } : undefined;
}
