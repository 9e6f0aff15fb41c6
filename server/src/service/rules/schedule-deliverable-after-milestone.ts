// schedule-deliverable-after-milestone: Deliverable due after its milestone.
import type { Rule } from '../types';

export const rule: Rule = {
  id: 'schedule-deliverable-after-milestone',
  category: 'schedule',
  severity: 'warning',
  title: 'Deliverable due after its milestone',
  explanation: `Milestone {M} ({M.date}) includes deliverable {D}, which is not due until {D.due}. A milestone cannot be reached before its deliverables exist. If a payment is attached to {M}, the invoice arrives before the work. Payments should be triggered by verified acceptance of deliverables, not by calendar dates alone (Freesi).`,
  check() {
    return [];
  },
};
