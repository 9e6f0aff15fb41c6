// governance-exit-plan-missing: No exit plan.
import type { Rule } from '../types';

export const rule: Rule = {
  id: 'governance-exit-plan-missing',
  category: 'governance',
  severity: 'warning',
  title: 'No exit plan',
  explanation: `There is no exit plan, or no commitment to return your data. Exit is where lock-in turns into hidden cost, because an uncooperative incumbent can "hold a customer hostage" (Contracko, *Exit / transition clause*). Agree at signing on:
- the termination notice period;
- a transition-assistance period;
- data return in a usable format;
- a deletion certificate;
- knowledge transfer.

Sources: Pillsbury via JD Supra, *Managing risks in outsourcing during exit*; DORA Art. 30(3)(f), which makes exit strategies mandatory for critical functions. For personal data, GDPR Art. 28(3)(g) requires deletion or return at the controller's choice. This covers both the blog's security risk (your data) and its cost risk.`,
  check() {
    return [];
  },
};
