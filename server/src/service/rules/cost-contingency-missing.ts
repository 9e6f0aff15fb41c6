// cost-contingency-missing: No contingency reserve.
// Warning when `budget.contingency_percent` is absent or 0, or a fraction written for a percentage
// (0.15 for 15%); info when it is below minContingencyPercent.
import { formatAmount, isAbsent, isMappingOrAbsent, numberAt, round2, setKeyOp, stringAt, valueAt } from '../model';
import type { Finding, Fix, Rule } from '../types';
import { sources } from '../sources';

const ruleId = 'cost-contingency-missing';
const path = ['budget', 'contingency_percent'];
/** The catalogue's proposal; raised to the configured minimum when that is higher. */
const proposedPercent = 15;

export const rule: Rule = {
  id: ruleId,
  category: 'cost',
  severity: 'warning',
  fixes: ['unsafe'],
  title: 'No contingency reserve',
  explanation: `No contingency is budgeted. Unclear terms and late changes are how hidden costs reach the bottom line, and a contingency reserve is how you pay for the risks you already know about ("known unknowns") without going back for more money (PMI *PMBOK Guide*, contingency reserve). Release it only through change control. GOV.UK's Digital Outcomes guidance lets buyers raise a statement of work's value by up to 20% only by using an agreed contingency margin. 10–20% is a common rule of thumb for IT work. Sizing by expected monetary value over the risk register is better than a flat percentage (PM Milestone). In this format \`budget.total\` excludes contingency, so the reserve stays with you.`,
  areas: ['cost'],
  remedy:
    'Budget a contingency reserve, held by you and released only through change control, sized to the known risks (10–20% is common for IT work). The quick fix inserts 15%. The minimum is a setting. A value between 0 and 1 (`0.15`) is a fraction written for a percentage, a reserve of 0.15%: the finding asks whether 15% was meant and offers it.',
  sources: [sources.contingencyReserve, sources.govukDos],
  check(doc, settings) {
    const root = doc.value;
    if (!isMappingOrAbsent(root, ['budget'])) return [];
    const min = settings.thresholds.minContingencyPercent;
    const value = valueAt(root, path);
    const proposal = Math.max(proposedPercent, min);
    const fix: Fix = {
      title: `Set \`contingency_percent\` to ${proposal}`,
      ops: [setKeyOp(root, ['budget'], 'contingency_percent', String(proposal))],
      preferred: true,
      // A proposed reserve: money someone has to agree to.
      applicability: 'unsafe',
    };
    if (isAbsent(value)) {
      return [
        {
          ruleId,
          path,
          message: `No contingency reserve: \`budget.contingency_percent\` is not set, so every known risk that materialises needs new money.`,
          fixes: [fix],
        },
      ];
    }
    // "10%" or a list is a type error the schema reports; a negative value is out of its range.
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return [];
    if (value === 0) {
      return [
        { ruleId, path, message: `The contingency reserve is 0%, so every known risk that materialises needs new money.`, fixes: [fix] },
      ];
    }
    // 0.15 is a fraction written for 15%: the field is a percentage, so it reads as 0.15%. Fail
    // safe: the reserve is as good as none until someone says which was meant.
    if (value < 1) {
      const meant = round2(value * 100);
      const meantFix: Fix = {
        title: `Change \`contingency_percent\` to ${String(meant)}`,
        ops: [{ op: 'replace', path, value: String(meant) }],
        preferred: true,
        // Most likely, not certain: the author may really mean a fraction of a percent.
        applicability: 'unsafe',
      };
      return [
        {
          ruleId,
          path,
          message: `\`budget.contingency_percent\` is ${formatAmount(value)}, a reserve of ${formatAmount(value)}%: did you mean ${formatAmount(meant)}%? Write percentages from 0 to 100, not as a fraction.${meant < min ? ` ${formatAmount(meant)}% is still below the ${formatAmount(min)}% minimum.` : ''}`,
          facts: reserveFacts(root, value, min),
          fixes: [meantFix, ...(meant === proposal ? [] : [{ ...fix, preferred: false }])],
        },
      ];
    }
    if (value >= min) return [];
    const finding: Finding = {
      ruleId,
      path,
      severity: 'info',
      message: `The contingency reserve is ${formatAmount(value)}%, below the ${formatAmount(min)}% minimum.`,
      facts: reserveFacts(root, value, min),
      fixes: [fix],
    };
    return [finding];
  },
};

function reserveFacts(root: unknown, percent: number, min: number): string[] {
  const total = numberAt(root, ['budget', 'total']);
  if (total === undefined) return [];
  const currency = stringAt(root, ['budget', 'currency']);
  const unit = currency ? ` ${currency}` : '';
  return [
    `Reserve: ${formatAmount(percent)}% of ${formatAmount(total)}${unit} = ${formatAmount((percent / 100) * total)}${unit}`,
    `At ${formatAmount(min)}%: ${formatAmount((min / 100) * total)}${unit}`,
  ];
}
