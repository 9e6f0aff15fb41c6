// governance-escalation-missing: No escalation path.
import type { Rule } from '../types';

export const rule: Rule = {
  id: 'governance-escalation-missing',
  category: 'governance',
  severity: 'warning',
  title: 'No escalation path',
  explanation: `There is no escalation path. When a check-in cannot resolve an issue, it needs a named next level and a response time; otherwise decisions stall and the vendor gets conflicting instructions (Outsourcing Explained). Governance playbooks define problem-resolution routes up front (Everest Group, *Outsourcing Governance 101*). Your leadership's limited time (blog) is exactly why escalation must be rare, fast and defined.`,
  check() {
    return [];
  },
};
