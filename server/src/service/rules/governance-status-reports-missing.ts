// governance-status-reports-missing: No written status reports.
import type { Rule } from '../types';

export const rule: Rule = {
  id: 'governance-status-reports-missing',
  category: 'governance',
  severity: 'warning',
  title: 'No written status reports',
  explanation: `Check-ins are not backed by written status reports, so slippage, spend and new risks leave no trail. DORA Art. 30(3)(b) requires reporting obligations from ICT providers to financial entities, and outsourcing governance practice pairs each forum with a scorecard, a risk register and a financial reconciliation (Aventario). Reports are how "checking in regularly" (blog) turns into evidence.`,
  check() {
    return [];
  },
};
