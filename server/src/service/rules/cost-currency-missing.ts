// cost-currency-missing: Budget has no currency.
import type { Rule } from '../types';

export const rule: Rule = {
  id: 'cost-currency-missing',
  category: 'cost',
  severity: 'error',
  title: 'Budget has no currency',
  explanation: `The budget has amounts but no currency. In cross-border outsourcing, "120000" in USD, CAD or AUD are very different prices, and exchange-rate movements become a hidden cost (blog). Set a single ISO 4217 code for the whole file.`,
  check() {
    return [];
  },
};
