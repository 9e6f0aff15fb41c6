// cost-contingency-missing: No contingency reserve.
import type { Rule } from '../types';

export const rule: Rule = {
  id: 'cost-contingency-missing',
  category: 'cost',
  severity: 'warning',
  title: 'No contingency reserve',
  explanation: `No contingency is budgeted. The blog warns that unclear guidelines and last-minute changes hurt the bottom line, and a contingency reserve is how you pay for the risks you already know about ("known unknowns") without going back for more money (PMI contingency-reserve concept). Release it only through change control. GOV.UK's Digital Outcomes guidance lets buyers raise a statement of work's value by up to 20% only by using an agreed contingency margin. 10–20% is a common rule of thumb for IT work. Sizing by expected monetary value over the risk register is better than a flat percentage (PM Milestone). In this format \`budget.total\` excludes contingency, so the reserve stays with you.`,
  check() {
    return [];
  },
};
