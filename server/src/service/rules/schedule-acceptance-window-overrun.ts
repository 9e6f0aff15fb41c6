// schedule-acceptance-window-overrun: No time left for acceptance review.
import type { Rule } from '../types';

export const rule: Rule = {
  id: 'schedule-acceptance-window-overrun',
  category: 'schedule',
  severity: 'warning',
  title: 'No time left for acceptance review',
  explanation: `Deliverable {D} is due so close to the end of the timeline that the {n}-business-day acceptance review cannot finish inside the contract. Acceptance clauses typically allow a testing window (sample clauses use 14 business days; complex systems often 15–30) followed by cure-and-retest cycles (ContractKen, *Acceptance testing clause*). When there is no time left, you either accept untested work (deemed acceptance) or pay for an extension. Both are hidden costs (blog).`,
  check() {
    return [];
  },
};
