// security-references-missing: No vetted client references.
import type { Rule } from '../types';

export const rule: Rule = {
  id: 'security-references-missing',
  category: 'security',
  severity: 'warning',
  title: 'No vetted client references',
  explanation: `No client references are recorded. The blog tells you to ask "What other companies have they worked with? Can you speak with any current clients?" Vendors pick flattering references, so record whom you called and when, and ask open-ended questions such as "what do you wish you had known before signing?" and "what changed in cost or resourcing?" (Craigo, *Checking vendor referrals*; Third Party ThinkTank discussion). COBIT 2019 APO10 ("Managed Vendors") treats documented selection and due diligence as part of a controlled vendor lifecycle.`,
  check() {
    return [];
  },
};
