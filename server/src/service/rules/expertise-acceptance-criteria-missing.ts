// expertise-acceptance-criteria-missing: Deliverable without acceptance criteria.
import type { Rule } from '../types';

export const rule: Rule = {
  id: 'expertise-acceptance-criteria-missing',
  category: 'expertise',
  severity: 'error',
  title: 'Deliverable without acceptance criteria',
  explanation: `Deliverable {id} has no acceptance criteria. PMBOK defines acceptance criteria as "a set of conditions that is required to be met before deliverables are accepted". Without them, acceptance, and the payment tied to it, becomes a negotiation. Good practice is for each deliverable's criteria to be objective, testable, tied to that deliverable, time-bound, evidenced and agreed before work starts (AIC operating manual, *Statements of Work*). This is how you "outline the deliverables" (blog) without supervising every day.`,
  check() {
    return [];
  },
};
