// governance-cadence-missing: No check-in cadence.
import type { Rule } from '../types';

export const rule: Rule = {
  id: 'governance-cadence-missing',
  category: 'governance',
  severity: 'error',
  title: 'No check-in cadence',
  explanation: `No check-in cadence is agreed. The blog's mitigation for hidden costs is to go over a detailed plan with the partner and check in regularly to stay on track. Outsourcing governance guides put the operational check-in at weekly or fortnightly, with monthly performance reviews and quarterly strategic reviews (Outsourcing Explained; Aventario).`,
  check() {
    return [];
  },
};
