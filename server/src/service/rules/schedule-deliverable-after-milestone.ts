// schedule-deliverable-after-milestone: Deliverable due after its milestone.
// A milestone that lists a deliverable dated before that deliverable is due.
import { plural } from '../plural';
import { addBusinessDays, arrayAt, dateAt, dateOf, daysBetween, formatPath, isRecord, reviewDaysOf } from '../model';
import type { Finding, Fix, Path, Rule } from '../types';
import { sources } from '../sources';

export const rule: Rule = {
  id: 'schedule-deliverable-after-milestone',
  category: 'schedule',
  severity: 'warning',
  fixes: ['unsafe'],
  title: 'Deliverable due after its milestone',
  explanation: `A milestone includes a deliverable that is not due until after the milestone date. A milestone cannot be reached before its deliverables exist. If a payment is attached to that milestone, the invoice arrives before the work. Payments should be triggered by verified acceptance of deliverables, not by calendar dates alone (Freesi).`,
  areas: ['cost'],
  remedy:
    'Move the milestone to after the deliverable is due plus the acceptance review, or bring the due date forward. The quick fixes do either: "Move M to D.due + review days" or "Set D.due to M.date".',
  sources: [sources.milestonePayments],
  check(doc, settings) {
    const root = doc.value;
    const deliverables = arrayAt(root, ['deliverables']);
    const byId = uniqueIds(deliverables);
    const reviewDays = reviewDaysOf(root, settings.thresholds.defaultReviewDays);
    const end = dateAt(root, ['timeline', 'end']);
    const findings: Finding[] = [];
    arrayAt(root, ['timeline', 'milestones']).forEach((milestone, m) => {
      if (!isRecord(milestone)) return;
      const milestoneDate = dateOf(milestone.date);
      // TBD or malformed dates are cost-tbd-placeholder's and the schema's to report.
      if (milestoneDate === undefined) return;
      const milestonePath: Path = ['timeline', 'milestones', m];
      const name = nameOf(milestone.id, milestonePath);
      arrayAt(milestone, ['deliverables']).forEach((ref, r) => {
        const id = typeof ref === 'string' ? ref.trim() : '';
        // Unknown or duplicated ids are reported by the structure-* rules.
        const d = byId.get(id);
        if (d === undefined) return;
        const deliverable = deliverables[d];
        const due = isRecord(deliverable) ? dateOf(deliverable.due) : undefined;
        if (due === undefined || due <= milestoneDate) return;
        const late = daysBetween(milestoneDate, due);
        const facts = [`\`${id}.due\` ${due} − \`${name}.date\` ${milestoneDate} = ${late} ${late === 1 ? 'day' : 'days'} late.`];
        const fixes: Fix[] = [];
        // Not `safe`: moving a milestone also moves any payment tied to it.
        if (reviewDays !== undefined) {
          const accepted = addBusinessDays(due, reviewDays);
          facts.push(
            `${due} + ${plural(reviewDays, 'business day')} of acceptance review = ${accepted}, the earliest date for \`${name}\`.`,
          );
          // Moving the milestone past timeline.end would trade this warning for schedule-date-outside-timeline's error.
          if (end === undefined || accepted <= end) {
            fixes.push({
              title: `Move \`${name}\` to ${accepted}`,
              ops: [{ op: 'replace', path: [...milestonePath, 'date'], value: accepted }],
              applicability: 'unsafe',
              preferred: true,
            });
          }
        }
        fixes.push({
          title: `Set \`${id}.due\` to ${milestoneDate}`,
          ops: [{ op: 'replace', path: ['deliverables', d, 'due'], value: milestoneDate }],
          applicability: 'unsafe',
          ...(fixes.length === 0 ? { preferred: true } : {}),
        });
        findings.push({
          ruleId: 'schedule-deliverable-after-milestone',
          path: [...milestonePath, 'deliverables', r],
          message: `Milestone \`${name}\` (${milestoneDate}) includes deliverable \`${id}\`, which is not due until ${due}.`,
          facts,
          fixes,
        });
      });
    });
    return findings;
  },
};

/** Deliverable index by id, for ids held by exactly one deliverable. */
function uniqueIds(deliverables: readonly unknown[]): Map<string, number> {
  const byId = new Map<string, number>();
  const repeated = new Set<string>();
  deliverables.forEach((deliverable, index) => {
    const id = isRecord(deliverable) && typeof deliverable.id === 'string' ? deliverable.id.trim() : '';
    if (id === '') return;
    if (byId.has(id)) repeated.add(id);
    else byId.set(id, index);
  });
  for (const id of repeated) byId.delete(id);
  return byId;
}

/** `M2` when the milestone has an id, else its path. */
function nameOf(id: unknown, path: Path): string {
  return typeof id === 'string' && id.trim() !== '' ? id.trim() : formatPath(path);
}
