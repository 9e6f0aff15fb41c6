// security-ip-ownership-missing: IP ownership not stated.
import type { Rule } from '../types';

export const rule: Rule = {
  id: 'security-ip-ownership-missing',
  category: 'security',
  severity: 'warning',
  title: 'IP ownership not stated',
  explanation: `The scope does not say who owns the work product. The blog's security risk explicitly covers intellectual property. Paying for software does not by itself transfer the copyright. US copyright vests in the author unless it is validly assigned, and work-made-for-hire is narrow for contractors (Bestarion, *Software outsourcing IP ownership checklist*). Separate three things:
- project IP, which should be assigned to you;
- the vendor's background IP, which should be licensed to you;
- open-source components, which should be disclosed.

Prefer ownership that transfers with each milestone payment rather than only "on completion", so that an early exit does not leave you without rights to work you have paid for (EB Pearls).`,
  check() {
    return [];
  },
};
