// cost-payment-front-loaded: Payments are front-loaded.
// Warning when more than maxUpfrontPercent of the total is paid at milestones that accept no
// deliverable and fall on/before timeline.start or before the first acceptance milestone; info when
// the payment at the latest-dated milestone is below minFinalPaymentPercent.
import {
  arrayAt,
  currencySuffix,
  dateAt,
  dateOf,
  formatAmount,
  formatPercent,
  isAbsent,
  isRecord,
  numberAt,
  paymentAmount,
  round2,
  shortText,
  valueAt,
} from '../model';
import { readPaymentPlan, readsUpfront } from '../paymentTerms';
import type { Finding, Fix, Rule } from '../types';
import { sources } from '../sources';

const ruleId = 'cost-payment-front-loaded';
/** Percent arithmetic in floating point (0.3 × 100 = 30.000000000000004) must not cross a threshold. */
const epsilon = 1e-9;

export const rule: Rule = {
  id: ruleId,
  category: 'cost',
  severity: 'warning',
  fixes: ['unsafe'],
  title: 'Payments are front-loaded',
  explanation: `Too much of the price is paid before any deliverable has been accepted (or the final payment is too small to matter). Paying ahead of accepted work removes your leverage. Milestone payments triggered by verified acceptance are the safer structure, and keeping a final 15–20% until acceptance keeps the vendor engaged through acceptance testing and bug fixing (Freesi, *Milestone-based payment*; holdback clause samples). This is a hidden-cost risk and an oversight one: a payment gate tied to accepted work is the strongest check-in you have.

A plan written only in \`payment_terms\` is read the same way: a share on signing, as a deposit, up front or in advance ("50% deposit on signing", "half up front", "60% on signing", "two equal instalments, the first on signature") is paid before any work is accepted, and the last share of the plan is its final payment. Sign-off of work is acceptance, not signature. A share due in the first month ("forty percent in month 1"), at mobilisation or on onboarding, when the contract comes into force ("upon contract execution", "on execution of this SOW", "on the effective date", "at project initiation") or when the order is placed ("when the PO is issued", "with the order") is up front too, and so is a share named by the words before it ("Up-front payment of 35%", "A retainer of 40%", "Deposit: 40%"). A plan written in amounts with no percentages ("a mobilisation fee of EUR 63,000 on signing, EUR 36,000 on acceptance of D1") is read as shares of \`budget.total\`.

In \`payments\`, a milestone dated on or before \`timeline.start\` accepts nothing built under the contract, even when it lists a deliverable (a mobilisation pack, a project plan due on day one): its payment is up front, and acceptance starts at the first accepting milestone after the start. A milestone with no date and no deliverables whose name says when ("Deposit and mobilisation fee", "Contract signature", "Kick-off") is up front too, and so is a payment whose \`milestone\` is written as words instead of an id ("On signature", "Deposit"; structure-unknown-reference reports the id).`,
  areas: ['cost', 'expertise'],
  remedy:
    'Tie most payments to accepted deliverables, keep the deposit small, and hold back a meaningful final payment until final acceptance. A code action moves the excess from the up-front milestone to the last one. The limits are settings.',
  sources: [sources.milestonePayments, sources.paymentHoldbacks],
  check(doc, settings) {
    const root = doc.value;
    const total = numberAt(root, ['budget', 'total']);
    // Shares of an unknown or zero total mean nothing; other rules report the total itself.
    if (total === undefined || total <= 0) return [];
    const milestones = milestonesById(root);
    const payments = resolvePayments(root, milestones, total);
    const unit = currencySuffix(root);
    if (payments.length === 0)
      return isAbsent(valueAt(root, ['budget', 'payments']))
        ? inWords(root, total, unit, settings.thresholds.maxUpfrontPercent, settings.thresholds.minFinalPaymentPercent)
        : [];
    const findings: Finding[] = [];

    const start = dateAt(root, ['timeline', 'start']);
    // A milestone on or before the start date accepts nothing built under the contract, even when
    // it lists a deliverable (a mobilisation pack, a project plan due on day one): its payment is up
    // front, and acceptance starts with the first accepting milestone after the start.
    const atStart = (m: Milestone): boolean => start !== undefined && m.date !== undefined && m.date <= start;
    const accepting = [...milestones.values()].filter((m) => m.accepts && !atStart(m));
    const firstAccept = accepting
      .filter((m): m is Milestone & { date: string } => m.date !== undefined)
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))[0];
    // When no milestone accepts a deliverable, no payment waits for accepted work: every payment
    // counts as up front. When accepting milestones exist but none is dated, only "on or before
    // timeline.start" can be judged.
    const noAcceptance = accepting.length === 0;
    const upfront = payments.filter((p) => {
      const date = p.milestone.date;
      if (date === undefined) return p.milestone.upfrontByWords === true;
      if (atStart(p.milestone)) return true;
      if (p.milestone.accepts) return false;
      if (firstAccept) return date < firstAccept.date;
      return noAcceptance;
    });
    const upfrontSum = upfront.reduce((a, p) => a + p.amount, 0);
    const upfrontPercent = (upfrontSum / total) * 100;
    const maxUpfront = settings.thresholds.maxUpfrontPercent;

    const dated = payments.filter((p) => p.milestone.date !== undefined);
    const latest = dated.reduce<string | undefined>(
      (max, p) => (max === undefined || (p.milestone.date ?? '') > max ? p.milestone.date : max),
      undefined,
    );
    const finals = dated.filter((p) => p.milestone.date === latest);
    const finalPayment = finals[finals.length - 1];

    if (upfrontPercent > maxUpfront + epsilon) {
      const largest = upfront.reduce((a, b) => (b.amount > a.amount ? b : a));
      const facts = [
        firstAccept
          ? `First acceptance: \`${firstAccept.id}\` on ${firstAccept.date}`
          : noAcceptance
            ? [...milestones.values()].some((m) => m.accepts)
              ? 'Only milestones on or before the start date list deliverables, so no payment waits for accepted work'
              : 'No milestone lists a deliverable, so no payment waits for accepted work'
            : 'No accepting milestone has a date',
        ...upfront.map((p) =>
          p.milestone.upfrontByWords
            ? p.milestone.name !== undefined
              ? `Up front: \`${p.milestone.id}\` ("${shortText(p.milestone.name, 40)}", no date and no deliverables; its name says it is due before any work is accepted): ${formatPercent((p.amount / total) * 100)} = ${formatAmount(p.amount)}${unit}`
              : `Up front: "${shortText(p.milestone.id, 40)}" (not a milestone id; the words say it is due before any work is accepted): ${formatPercent((p.amount / total) * 100)} = ${formatAmount(p.amount)}${unit}`
            : `Up front: \`${p.milestone.id}\` (${p.milestone.date ?? 'no date'}, ${p.milestone.accepts ? 'on or before the start date' : 'no deliverables'}): ${formatPercent((p.amount / total) * 100)} = ${formatAmount(p.amount)}${unit}`,
        ),
        `Limit: ${formatPercent(maxUpfront)} of ${formatAmount(total)}${unit} = ${formatAmount((maxUpfront / 100) * total)}${unit}`,
      ];
      const excess = upfrontSum - (maxUpfront / 100) * total;
      const target = finalPayment && !upfront.includes(finalPayment) ? finalPayment : undefined;
      const fix = target ? moveFix(largest, target, excess, total) : undefined;
      findings.push({
        ruleId,
        path: ['budget', 'payments', largest.index],
        message: `${formatPercent(upfrontPercent)} of the price (${formatAmount(upfrontSum)} of ${formatAmount(total)}${unit}) is paid before any deliverable is accepted; the limit is ${formatPercent(maxUpfront)}.`,
        facts,
        ...(fix ? { fixes: [fix] } : {}),
      });
    }

    const minFinal = settings.thresholds.minFinalPaymentPercent;
    if (finalPayment && latest !== undefined) {
      const finalSum = finals.reduce((a, p) => a + p.amount, 0);
      const finalPercent = (finalSum / total) * 100;
      if (finalPercent < minFinal - epsilon) {
        const shortfall = (minFinal / 100) * total - finalSum;
        const others = payments.filter((p) => !finals.includes(p));
        const source = others.length > 0 ? others.reduce((a, b) => (b.amount > a.amount ? b : a)) : undefined;
        const fix = source ? moveFix(source, finalPayment, shortfall, total) : undefined;
        findings.push({
          ruleId,
          path: ['budget', 'payments', finalPayment.index],
          severity: 'info',
          message: `The final payment (\`${finalPayment.milestone.id}\`, ${latest}) is ${formatPercent(finalPercent)} of the price (${formatAmount(finalSum)} of ${formatAmount(total)}${unit}); hold back at least ${formatPercent(minFinal)} until final acceptance.`,
          facts: [
            `Final milestone: \`${finalPayment.milestone.id}\` on ${latest}: ${formatAmount(finalSum)}${unit}`,
            `Minimum holdback: ${formatPercent(minFinal)} = ${formatAmount((minFinal / 100) * total)}${unit}`,
          ],
          ...(fix ? { fixes: [fix] } : {}),
        });
      }
    }
    return findings;
  },
};

/**
 * A plan written only in `payment_terms` ("50% deposit on signing, the balance on launch", "half up
 * front and half on delivery", "two equal instalments, the first on signature"): its shares due on
 * signing, as a deposit or up front are paid before any work is accepted. A plan that does not add
 * up is judged on the up-front shares it does state.
 */
function inWords(root: unknown, total: number, unit: string, maxUpfront: number, minFinal: number): Finding[] {
  const written = readPaymentPlan(valueAt(root, ['budget', 'payment_terms']), { total });
  if (!written || written.kind === 'per-milestone') return [];
  const findings: Finding[] = [];
  const upfront = written.shares.filter((s) => s.upfront);
  const first = upfront[0];
  if (first && written.upfrontPercent > maxUpfront + epsilon) {
    const upfrontSum = (written.upfrontPercent / 100) * total;
    findings.push({
      ruleId,
      path: ['budget', 'payment_terms'],
      at: { text: first.text },
      message: `${formatPercent(written.upfrontPercent)} of the price is due before any deliverable is accepted: "${shortText(first.text)}" in \`payment_terms\` (${formatAmount(upfrontSum)} of ${formatAmount(total)}${unit}); the limit is ${formatPercent(maxUpfront)}.`,
      facts: [
        ...upfront.map(
          (s) => `Up front: "${shortText(s.text)}": ${formatPercent(s.percent)} = ${formatAmount((s.percent / 100) * total)}${unit}`,
        ),
        `Limit: ${formatPercent(maxUpfront)} of ${formatAmount(total)}${unit} = ${formatAmount((maxUpfront / 100) * total)}${unit}`,
        ...(written.kind === 'unreadable'
          ? [`The plan in \`payment_terms\` does not make up the price (${written.why}); only the shares it states are counted.`]
          : []),
        'The plan is written only in `payment_terms`; listing it in `payments` ties each share to a milestone.',
      ],
    });
  }
  // The last share of a whole plan is its final payment, as the payment at the latest milestone is in `payments`.
  const last = written.shares[written.shares.length - 1];
  if (written.kind === 'schedule' && written.shares.length > 1 && last && !last.upfront && last.percent < minFinal - epsilon) {
    findings.push({
      ruleId,
      path: ['budget', 'payment_terms'],
      at: { text: last.text },
      severity: 'info',
      message: `The final payment is only ${formatPercent(last.percent)} of the price: "${shortText(last.text, 40)}" in \`payment_terms\` (${formatAmount((last.percent / 100) * total)} of ${formatAmount(total)}${unit}); hold back at least ${formatPercent(minFinal)} until final acceptance.`,
      facts: [
        `Final share: "${shortText(last.text)}": ${formatPercent(last.percent)} = ${formatAmount((last.percent / 100) * total)}${unit}`,
        `Minimum holdback: ${formatPercent(minFinal)} = ${formatAmount((minFinal / 100) * total)}${unit}`,
      ],
    });
  }
  return findings;
}

interface Milestone {
  readonly id: string;
  readonly date: string | undefined;
  /** It lists deliverables, so reaching it means work was accepted. */
  readonly accepts: boolean;
  /**
   * Undated and accepting nothing, but named as due before any work ("Mobilisation fee", "Contract
   * signature"), or a payment's own words where a milestone id should be ("On signature", "Deposit").
   */
  readonly upfrontByWords?: boolean;
  /** The name of a milestone of the timeline that is up front by its words. */
  readonly name?: string;
}

interface Payment {
  readonly index: number;
  readonly milestone: Milestone;
  readonly amount: number;
  readonly field: 'percent' | 'amount';
}

function milestonesById(root: unknown): Map<string, Milestone> {
  const byId = new Map<string, Milestone>();
  for (const m of arrayAt(root, ['timeline', 'milestones'])) {
    if (!isRecord(m) || typeof m.id !== 'string') continue;
    // The first of duplicate ids wins; structure-duplicate-id reports the others.
    if (!byId.has(m.id)) {
      const date = dateOf(m.date);
      const accepts = !isAbsent(m.deliverables);
      const upfrontByWords = date === undefined && !accepts && typeof m.name === 'string' && readsUpfront(m.name);
      byId.set(m.id, { id: m.id, date, accepts, ...(upfrontByWords ? { upfrontByWords, name: String(m.name) } : {}) });
    }
  }
  return byId;
}

/** Payments whose milestone exists and whose value is known; the rest belong to other rules. */
function resolvePayments(root: unknown, milestones: ReadonlyMap<string, Milestone>, total: number): Payment[] {
  const resolved: Payment[] = [];
  arrayAt(root, ['budget', 'payments']).forEach((p, index) => {
    if (!isRecord(p) || typeof p.milestone !== 'string') return;
    // Words where a milestone id should be ("On signature", "Deposit", "Kick-off"): a payment due
    // before any work is accepted (structure-unknown-reference reports the id).
    const milestone =
      milestones.get(p.milestone) ??
      (readsUpfront(p.milestone) ? { id: p.milestone, date: undefined, accepts: false, upfrontByWords: true } : undefined);
    const amount = paymentAmount(p, total);
    if (!milestone || amount === undefined || !Number.isFinite(amount)) return;
    resolved.push({ index, milestone, amount, field: typeof p.amount === 'number' ? 'amount' : 'percent' });
  });
  return resolved;
}

/** "Move x% from M0 to M4", written in each payment's own form (percent or amount). */
function moveFix(from: Payment, to: Payment, amount: number, total: number): Fix | undefined {
  if (from.index === to.index || amount <= 0 || from.amount < amount) return undefined;
  const valueOf = (p: Payment, next: number): string => String(p.field === 'percent' ? round2((next / total) * 100) : round2(next));
  return {
    title: `Move ${formatPercent((amount / total) * 100)} from \`${from.milestone.id}\` to \`${to.milestone.id}\``,
    ops: [
      { op: 'replace', path: ['budget', 'payments', from.index, from.field], value: valueOf(from, from.amount - amount) },
      { op: 'replace', path: ['budget', 'payments', to.index, to.field], value: valueOf(to, to.amount + amount) },
    ],
    preferred: true,
    // Moving money between milestones is a commercial decision.
    applicability: 'unsafe',
  };
}
