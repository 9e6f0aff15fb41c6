// expertise-acceptance-criteria-subjective: Acceptance criterion is subjective.
import type { Rule } from '../types';

export const rule: Rule = {
  id: 'expertise-acceptance-criteria-subjective',
  category: 'expertise',
  severity: 'warning',
  title: 'Acceptance criterion is subjective',
  explanation: `This criterion depends on opinion ("to the client's satisfaction", "signed off", "meets expectations"), so it cannot be tested and invites dispute at payment time. Use observable criteria such as response-time thresholds, signed QA checklists or agreed metrics, "instead of vague 'satisfactory' language" (eSignHub, *SOW template guide*). Acceptance clauses should state objective criteria and the test method (ContractStandards, *Acceptance*). Sign-off is the process by which a deliverable is accepted, not the criterion for accepting it.`,
  check() {
    return [];
  },
};
