// cost-payment-front-loaded: Payments are front-loaded.
import type { Rule } from '../types';

export const rule: Rule = {
  id: 'cost-payment-front-loaded',
  category: 'cost',
  severity: 'warning',
  title: 'Payments are front-loaded',
  explanation: `{pct}% of the price is paid before any deliverable has been accepted (or the final payment is too small to matter). Paying ahead of accepted work removes your leverage. Milestone payments triggered by verified acceptance are the safer structure, and keeping a final 15–20% until acceptance keeps the vendor engaged through acceptance testing and bug fixing (Freesi, *Milestone-based payment*; holdback clause samples). The blog recommends checking in regularly to stay on track, and payment gates are the strongest check-in you have.`,
  check() {
    return [];
  },
};
