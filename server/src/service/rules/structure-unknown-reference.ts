// structure-unknown-reference: Reference to an unknown id.
import type { Rule } from '../types';

export const rule: Rule = {
  id: 'structure-unknown-reference',
  category: 'structure',
  severity: 'error',
  title: 'Reference to an unknown id',
  explanation: `This id does not exist. Milestones list deliverables by id, success measures link to deliverables by id, and payments are released at milestones by id; a reference to an id that does not exist means a payment with no trigger or an outcome linked to nothing. Fix the typo, or create the missing deliverable or milestone.`,
  check() {
    return [];
  },
};
