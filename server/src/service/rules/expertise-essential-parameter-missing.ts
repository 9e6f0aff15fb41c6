// expertise-essential-parameter-missing: Essential parameter missing.
import type { Rule } from '../types';

export const rule: Rule = {
  id: 'expertise-essential-parameter-missing',
  category: 'expertise',
  severity: 'error',
  title: 'Essential parameter missing',
  explanation: `The scope is missing {param}. Your leadership will not have time to supervise an outsourced project day to day (blog), so the scope has to carry the deliverables, measures of success and essential parameters (budget, timeline, objectives). These are the minimum elements of a PMBOK project scope statement and charter, of a US federal statement of objectives (FAR 37.602(c): purpose, scope, period of performance, performance objectives) and of a GOV.UK Digital Outcomes statement of work (the work, how long it takes, the people, the payment approach, the cost).`,
  check() {
    return [];
  },
};
