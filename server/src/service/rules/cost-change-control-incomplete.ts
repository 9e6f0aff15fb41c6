// cost-change-control-incomplete: Change control is incomplete.
import type { Rule } from '../types';

export const rule: Rule = {
  id: 'cost-change-control-incomplete',
  category: 'cost',
  severity: 'warning',
  title: 'Change control is incomplete',
  explanation: `The change process has no named approver, or does not require a cost and schedule impact assessment. Without named approvers, anyone on your side can informally approve extra work. Without an impact assessment, the cost only shows up on the invoice. A change request should describe the change, the reason and its impact on scope, fees and timelines (DocJuris playbook), and designated authorities should approve it (USPS).`,
  check() {
    return [];
  },
};
