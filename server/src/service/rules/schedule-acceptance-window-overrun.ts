// schedule-acceptance-window-overrun: No time left for acceptance review.
// A deliverable whose due date plus the acceptance review (business days) ends after timeline.end.
import { plural } from '../plural';
import { addBusinessDays, arrayAt, dateAt, dateOf, formatPath, isRecord, reviewDaysOf, subtractBusinessDays, valueAt } from '../model';
import type { Finding, Fix, Rule } from '../types';
import { sources } from '../sources';

export const rule: Rule = {
  id: 'schedule-acceptance-window-overrun',
  category: 'schedule',
  severity: 'warning',
  fixes: ['unsafe'],
  title: 'No time left for acceptance review',
  explanation: `A deliverable is due so close to the end of the timeline that its acceptance review cannot finish inside the contract. Acceptance clauses typically allow a testing window (sample clauses use 14 business days; complex systems often 15–30) followed by cure-and-retest cycles (ContractKen, *Acceptance testing clause*). When there is no time left, you either accept untested work (deemed acceptance) or pay for an extension. Both are hidden costs.`,
  areas: ['cost'],
  remedy:
    'Leave the full acceptance review inside the contract: bring the due date forward to at least the review window before `timeline.end`, or extend the timeline. The quick fixes do either (the first is not offered when it would fall before `timeline.start`). The review window is `acceptance.review_days`, else the `defaultReviewDays` setting.',
  sources: [sources.acceptanceTesting],
  check(doc, settings) {
    const root = doc.value;
    const end = dateAt(root, ['timeline', 'end']);
    const reviewDays = reviewDaysOf(root, settings.thresholds.defaultReviewDays);
    // No end date, or a review window that is not a whole number of days: nothing sound to compare.
    if (end === undefined || reviewDays === undefined) return [];
    const start = dateAt(root, ['timeline', 'start']);
    const configured = valueAt(root, ['acceptance', 'review_days']);
    const source =
      configured === undefined || configured === null
        ? 'the `defaultReviewDays` setting, as `acceptance.review_days` is not set'
        : '`acceptance.review_days`';
    // The latest due date that still leaves the whole review inside the contract.
    const latestDue = subtractBusinessDays(end, reviewDays);
    const findings: Finding[] = [];
    arrayAt(root, ['deliverables']).forEach((deliverable, index) => {
      if (!isRecord(deliverable)) return;
      // TBD or malformed due dates are cost-tbd-placeholder's and the schema's to report.
      const due = dateOf(deliverable.due);
      if (due === undefined) return;
      const reviewEnd = addBusinessDays(due, reviewDays);
      if (reviewEnd <= end) return;
      const name =
        typeof deliverable.id === 'string' && deliverable.id.trim() !== '' ? deliverable.id.trim() : formatPath(['deliverables', index]);
      const duePath = ['deliverables', index, 'due'];
      const fixes: Fix[] = [];
      // Moving the due date before timeline.start would trade this warning for an error, so it is not offered then.
      // Neither fix is `safe`: one squeezes the vendor's schedule, the other extends (and may re-price) the contract.
      if (start === undefined || latestDue >= start) {
        fixes.push({
          title: `Move \`${name}.due\` to ${latestDue}`,
          ops: [{ op: 'replace', path: duePath, value: latestDue }],
          applicability: 'unsafe',
          preferred: true,
        });
      }
      fixes.push({
        title: `Extend \`timeline.end\` to ${reviewEnd}`,
        ops: [{ op: 'replace', path: ['timeline', 'end'], value: reviewEnd }],
        applicability: 'unsafe',
        ...(fixes.length === 0 ? { preferred: true } : {}),
      });
      findings.push({
        ruleId: 'schedule-acceptance-window-overrun',
        path: duePath,
        message:
          reviewDays === 0
            ? `Deliverable \`${name}\` is due ${due}, after \`timeline.end\` (${end}), so it cannot be accepted inside the contract.`
            : `Deliverable \`${name}\` is due ${due}; its ${reviewDays}-business-day acceptance review runs to ${reviewEnd}, after \`timeline.end\` (${end}).`,
        facts: [
          `${due} + ${plural(reviewDays, 'business day')} = ${reviewEnd}, after timeline.end ${end}`,
          `Review window: ${plural(reviewDays, 'business day')} (${source}).`,
          `Latest due date that leaves the full review inside the contract: ${latestDue}.`,
        ],
        fixes,
      });
    });
    return findings;
  },
};
