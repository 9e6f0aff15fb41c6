// schedule-deliverable-unscheduled: Deliverable has no date or milestone.
import type { Rule } from '../types';

export const rule: Rule = {
  id: 'schedule-deliverable-unscheduled',
  category: 'schedule',
  severity: 'warning',
  title: 'Deliverable has no date or milestone',
  explanation: `Deliverable {D} has no date and belongs to no milestone, so it cannot be tracked at check-ins and will drift to the end of the project, squeezing acceptance. The blog recommends going over a detailed plan with the partner and checking in regularly, which requires every deliverable to have a place on the timeline.`,
  check() {
    return [];
  },
};
