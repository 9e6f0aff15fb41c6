// schedule-date-outside-timeline: Date outside the contracted period.
import type { Rule } from '../types';

export const rule: Rule = {
  id: 'schedule-date-outside-timeline',
  category: 'schedule',
  severity: 'error',
  title: 'Date outside the contracted period',
  explanation: `{what} is dated {date}, outside the contracted period {start}–{end}. Work scheduled after the end of the period of performance needs an extension, paid for or argued over, and work scheduled before the start usually means the NDA and DPA were not yet in place. The statement of work should say how long the work takes (GOV.UK DOS guidance), and everything in it should fit inside that window.`,
  check() {
    return [];
  },
};
