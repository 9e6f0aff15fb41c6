// cost-tbd-placeholder: Open placeholder (TBD/TODO).
import type { Rule } from '../types';

export const rule: Rule = {
  id: 'cost-tbd-placeholder',
  category: 'cost',
  severity: 'warning',
  title: 'Open placeholder (TBD/TODO)',
  explanation: `An open item ("{value}") in a scope you are about to sign is a blank cheque. Prices and dates left as TBD get settled after signature, when you have the least leverage, and that is exactly the hidden cost the blog warns about. If something truly cannot be known yet, record it as an assumption with a decision date and an owner. Wiegers: "make it a TBD and set a date to find out".`,
  check() {
    return [];
  },
};
