// cost-payments-sum-mismatch: Payments do not add up to the total.
// Each payment needs exactly one of `percent` or `amount`; together they must add up to `budget.total`
// within max(1, sumTolerance × total). The fix rebalances the last payment to the remainder.
import {
  currencySuffix,
  formatAmount,
  formatPercent,
  isAbsent,
  isRecord,
  numberAt,
  parseMoneyText,
  paymentAmount,
  round2,
  shortText,
  stringAt,
  valueAt,
} from '../model';
import type { Finding, Fix, Path, Rule } from '../types';
import { sources } from '../sources';

const ruleId = 'cost-payments-sum-mismatch';

export const rule: Rule = {
  id: ruleId,
  category: 'cost',
  severity: 'error',
  fixes: ['safe', 'unsafe'],
  title: 'Payments do not add up to the total',
  explanation: `The payment schedule does not add up to the budget total. If payments fall short, part of the price has no agreed trigger and will be invoiced on the vendor's terms. If they exceed the total, you are committing more than you budgeted. Either way it is a hidden cost. Payments should be tied to clear milestones or deliverables and never to "vague or uncontrolled events" (AIC operating manual). Contingency is not part of the payment schedule.

A payment amount written as text is added up as written ("EUR 12,500", "12.500 €" or "12 500 €" as 12,500, "$1.2M", "45k"), and the hover says how each was read; cost-amount-not-numeric asks for the bare number. An estimate ("approx. 10k"), an amount in another currency than \`budget.currency\`, or an amount that YAML splits at a comma inside \`{ }\` makes the sum a guess, so it is not made until that amount is fixed.`,
  areas: ['cost'],
  remedy:
    'Make the payment schedule add up to `budget.total` (contingency is not part of it), and give each payment exactly one of `percent` or `amount`. The quick fix rebalances the last payment to the remainder; the hover shows the computed sum.',
  sources: [sources.aicSow],
  check(doc, settings) {
    const root = doc.value;
    const payments = valueAt(root, ['budget', 'payments']);
    const currency = stringAt(root, ['budget', 'currency']);
    // The total must be a number (rules.md): a total written as text is cost-amount-not-numeric's finding.
    const total = numberAt(root, ['budget', 'total']);
    if (!Array.isArray(payments) || payments.length === 0 || total === undefined || total < 0) return [];
    const unit = currencySuffix(root);
    /** How each payment amount written as text was read, for the hover. */
    const readings: string[] = [];

    const findings: Finding[] = [];
    const amounts: number[] = [];
    let sumIsKnown = true;
    payments.forEach((payment, i) => {
      const at: Path = ['budget', 'payments', i];
      if (!isRecord(payment)) {
        sumIsKnown = false;
        return;
      }
      const label = labelOf(payment, i);
      const hasAmount = !isAbsent(payment.amount);
      const hasPercent = !isAbsent(payment.percent);
      if (hasAmount && hasPercent) {
        findings.push(bothFinding(at, payment, label, total, unit));
        sumIsKnown = false;
      } else if (!hasAmount && !hasPercent) {
        findings.push({
          ruleId,
          path: at,
          message: `Payment ${label} has no percent and no amount: nobody can say what it pays (give \`percent\` or \`amount\`).`,
        });
        sumIsKnown = false;
      } else {
        // "$5k" or "12.500 €" is cost-amount-not-numeric's finding, but the sum is still checked with
        // the amount read as written; an estimate, a range or another currency makes the sum a guess.
        // `{ amount: 26,600 }` is two YAML entries (26 and a key `600`): cost-amount-not-numeric says so,
        // and no sum is made from it until it is one number.
        const split = doc.splitNumberAt([...at, 'amount']) !== undefined;
        const written = typeof payment.amount === 'string' && !split ? textAmount(payment.amount, currency) : undefined;
        if (written) readings.push(`${label} ${written.reading}`);
        const amount = split ? undefined : (written?.value ?? paymentAmount(payment, total));
        if (amount === undefined || !Number.isFinite(amount)) sumIsKnown = false;
        else amounts.push(amount);
      }
    });
    // A payment without a clear value makes any sum a guess: its own finding says what to fix first.
    if (!sumIsKnown) return findings;

    const sum = amounts.reduce((a, b) => a + b, 0);
    const difference = sum - total;
    const tolerance = Math.max(1, settings.thresholds.sumTolerance * total);
    if (Math.abs(difference) <= tolerance) return findings;

    const gap =
      difference > 0
        ? `${formatAmount(difference)}${unit} more than the price`
        : `${formatAmount(-difference)}${unit} of the price has no payment milestone`;
    const facts = payments.map((p, i) => `${labelOf(p, i)}: ${describePayment(p, total, unit, amounts[i])}`);
    facts.push(...readings);
    facts.push(
      `Sum: ${formatAmount(sum)}${unit}${total > 0 ? ` (${formatPercent((sum / total) * 100)})` : ''}; \`budget.total\`: ${formatAmount(total)}${unit}`,
    );
    facts.push(
      `Tolerance: ±${formatAmount(tolerance)}${unit} (the larger of 1 and ${formatPercent(settings.thresholds.sumTolerance * 100)} of the total)`,
    );
    // The rebalance writes a number over the text only once the amounts are numbers.
    const fix = readings.length === 0 ? rebalanceFix(payments, amounts, total) : undefined;
    findings.push({
      ruleId,
      path: ['budget', 'payments'],
      at: 'key',
      message:
        total > 0
          ? `Payments add up to ${formatPercent((sum / total) * 100)} of \`budget.total\` (${formatAmount(sum)} of ${formatAmount(total)}${unit}): ${gap}.`
          : `Payments add up to ${formatAmount(sum)}${unit}, but \`budget.total\` is 0.`,
      facts,
      ...(fix ? { fixes: [fix] } : {}),
    });
    return findings;
  },
};

function bothFinding(at: Path, payment: Readonly<Record<string, unknown>>, label: string, total: number, unit: string): Finding {
  const { amount, percent } = payment;
  // When both say the same thing, dropping one changes nothing; otherwise a person must choose.
  const agree = typeof amount === 'number' && typeof percent === 'number' && Math.abs((percent / 100) * total - amount) <= 1;
  const fixes: Fix[] = [
    {
      title: `Keep \`percent\` (remove \`amount\`)`,
      ops: [{ op: 'delete', path: [...at, 'amount'] }],
      // When both say the same, dropping one loses nothing; when they disagree, a person picks.
      ...(agree ? { preferred: true } : {}),
      applicability: agree ? 'safe' : 'unsafe',
    },
    {
      title: `Keep \`amount\` (remove \`percent\`)`,
      ops: [{ op: 'delete', path: [...at, 'percent'] }],
      applicability: agree ? 'safe' : 'unsafe',
    },
  ];
  const detail =
    typeof amount === 'number' && typeof percent === 'number' && !agree
      ? ` They disagree: ${formatPercent(percent)} of ${formatAmount(total)} is ${formatAmount((percent / 100) * total)}${unit}, not ${formatAmount(amount)}.`
      : '';
  return {
    ruleId,
    path: at,
    message: `Payment ${label} has both a percent and an amount: give exactly one (\`percent\` or \`amount\`).${detail}`,
    fixes,
  };
}

/** "Rebalance last payment": the last payment takes whatever the others leave of the total. */
function rebalanceFix(payments: readonly unknown[], amounts: readonly number[], total: number): Fix | undefined {
  const lastIndex = payments.length - 1;
  const last = payments[lastIndex];
  const lastAmount = amounts[lastIndex];
  if (!isRecord(last) || lastAmount === undefined) return undefined;
  const remainder = amounts.reduce((a, b) => a + b, 0) - lastAmount;
  const newAmount = total - remainder;
  // When the other payments already reach the total, no value of the last one fixes the schedule.
  if (newAmount <= 0) return undefined;
  const label = labelOf(last, lastIndex);
  if (typeof last.percent === 'number') {
    if (total <= 0) return undefined;
    const percent = round2((newAmount / total) * 100);
    return {
      title: `Rebalance last payment (${label}) to ${formatPercent(percent)}`,
      ops: [{ op: 'replace', path: ['budget', 'payments', lastIndex, 'percent'], value: String(percent) }],
      preferred: true,
      applicability: 'unsafe',
    };
  }
  const amount = round2(newAmount);
  return {
    title: `Rebalance last payment (${label}) to ${formatAmount(amount)}`,
    ops: [{ op: 'replace', path: ['budget', 'payments', lastIndex, 'amount'], value: String(amount) }],
    preferred: true,
    applicability: 'unsafe',
  };
}

/**
 * An amount written as text that reads as one sum in the budget's currency ("EUR 12,500",
 * "12.500 €", "$1.2M", "45k"), with how it was read; undefined for an estimate, a range, or
 * another currency.
 */
function textAmount(value: unknown, currency: string | undefined): { value: number; reading: string } | undefined {
  if (typeof value !== 'string') return undefined;
  const parsed = parseMoneyText(value);
  if (!parsed || parsed.approximate) return undefined;
  if (parsed.currency !== undefined && currency !== undefined && parsed.currency !== currency && !parsed.currencyGuessed) return undefined;
  if (parsed.currencyGuessed && currency !== undefined && !/D$/.test(currency)) return undefined;
  const reading = `is written "${shortText(value, 40)}", read as ${formatAmount(parsed.value)}`;
  return { value: parsed.value, reading: parsed.separatorGuessed ? `${reading} ("." as the thousands separator)` : reading };
}

function describePayment(payment: unknown, total: number, unit: string, read?: number): string {
  if (!isRecord(payment)) return 'not a payment';
  const amount = read ?? paymentAmount(payment, total) ?? 0;
  if (typeof payment.amount === 'number' || typeof payment.amount === 'string')
    return `${formatAmount(amount)}${unit}${total > 0 ? ` (${formatPercent((amount / total) * 100)})` : ''}`;
  return `${formatPercent(typeof payment.percent === 'number' ? payment.percent : 0)} = ${formatAmount(amount)}${unit}`;
}

/** A payment is named by its milestone (`M1`), else by its position. */
function labelOf(payment: unknown, index: number): string {
  const milestone = isRecord(payment) ? payment.milestone : undefined;
  return typeof milestone === 'string' && milestone.trim() !== '' ? `\`${milestone.trim()}\`` : `\`budget.payments[${index}]\``;
}
