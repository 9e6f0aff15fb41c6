// cost-payments-sum-mismatch: Payments do not add up to the total.
import type { Rule } from '../types';

export const rule: Rule = {
  id: 'cost-payments-sum-mismatch',
  category: 'cost',
  severity: 'error',
  title: 'Payments do not add up to the total',
  explanation: `The payment schedule adds up to {sum}, not the budget total {total}. If payments fall short, part of the price has no agreed trigger and will be invoiced on the vendor's terms. If they exceed the total, you are committing more than you budgeted. Either way it is a hidden cost (blog). Payments should be tied to clear milestones or deliverables and never to "vague or uncontrolled events" (AIC operating manual). Contingency is not part of the payment schedule.`,
  check() {
    return [];
  },
};
