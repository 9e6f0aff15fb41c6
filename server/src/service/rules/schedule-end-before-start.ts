// schedule-end-before-start: Timeline ends before it starts.
import type { Rule } from '../types';

export const rule: Rule = {
  id: 'schedule-end-before-start',
  category: 'schedule',
  severity: 'error',
  title: 'Timeline ends before it starts',
  explanation: `The timeline ends on or before it starts, which is usually a swapped field or a wrong year. Until this is fixed, every date check in this file is meaningless. The timeline is one of the essential parameters the blog says you must spell out, and the period of performance is a required element of a statement of objectives (FAR 37.602(c)).`,
  check() {
    return [];
  },
};
