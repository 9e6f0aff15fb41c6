// cost-amount-not-numeric: Amount is not a number.
import type { Rule } from '../types';

export const rule: Rule = {
  id: 'cost-amount-not-numeric',
  category: 'cost',
  severity: 'error',
  title: 'Amount is not a number',
  explanation: `An amount written as text cannot be added up or checked against the payment schedule or the cap, so any cost it hides stays hidden. Put the number in the field and the currency in \`budget.currency\`.`,
  check() {
    return [];
  },
};
