// cost-tm-without-cap: Time and materials without a cap or rate card.
import type { Rule } from '../types';

export const rule: Rule = {
  id: 'cost-tm-without-cap',
  category: 'cost',
  severity: 'error',
  title: 'Time and materials without a cap or rate card',
  explanation: `Time-and-materials pricing has no ceiling or no agreed rates. Under T&M the vendor is paid by the hour, so nothing in the contract pushes costs down. The US FAR allows T&M only with fixed hourly rates and a ceiling price "that the contractor exceeds at its own risk" (FAR 16.601). GOV.UK's Digital Outcomes framework offers "capped time and materials" for the same reason. An unbounded T&M deal is the blog's hidden-cost risk in its purest form.`,
  check() {
    return [];
  },
};
