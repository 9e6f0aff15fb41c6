// schedule-date-outside-timeline: Date outside the contracted period.
// Milestone dates and deliverable due dates before timeline.start or after timeline.end.
import { plural } from '../plural';
import { arrayAt, dateAt, dateOf, daysBetween, formatPath, isRecord } from '../model';
import type { Finding, Fix, Path, Rule } from '../types';
import { sources } from '../sources';

export const rule: Rule = {
  id: 'schedule-date-outside-timeline',
  category: 'schedule',
  severity: 'error',
  fixes: ['unsafe'],
  title: 'Date outside the contracted period',
  explanation: `A date falls outside the contracted period (\`timeline.start\` to \`timeline.end\`). Work scheduled after the end of the period of performance needs an extension, paid for or argued over, and work scheduled before the start usually means the NDA and DPA were not yet in place. The statement of work should say how long the work takes (GOV.UK DOS guidance), and everything in it should fit inside that window.`,
  areas: ['expertise', 'cost'],
  remedy:
    "Bring every milestone and due date inside the contracted period, or extend the period on purpose (it is usually a commercial change). The quick fixes extend `timeline.end` (or move `timeline.start`) to the date, or set the date to the period's end (or start). Success measures' `by` dates are exempt: benefits are measured after delivery.",
  sources: [sources.govukDos],
  check(doc) {
    const root = doc.value;
    const start = dateAt(root, ['timeline', 'start']);
    const end = dateAt(root, ['timeline', 'end']);
    // Without both ends there is no contracted period to compare with; another rule or the schema
    // reports the missing date. With end <= start, schedule-end-before-start speaks for every date.
    if (start === undefined || end === undefined || end <= start) return [];
    const period = { start, end };
    const findings: Finding[] = [];
    arrayAt(root, ['timeline', 'milestones']).forEach((milestone, index) => {
      if (!isRecord(milestone)) return;
      const path = ['timeline', 'milestones', index, 'date'];
      const finding = outside(
        `Milestone ${label(milestone.id, ['timeline', 'milestones', index])} is dated`,
        path,
        dateOf(milestone.date),
        period,
      );
      if (finding) findings.push(finding);
    });
    arrayAt(root, ['deliverables']).forEach((deliverable, index) => {
      if (!isRecord(deliverable)) return;
      const path = ['deliverables', index, 'due'];
      const finding = outside(
        `Deliverable ${label(deliverable.id, ['deliverables', index])} is due`,
        path,
        dateOf(deliverable.due),
        period,
      );
      if (finding) findings.push(finding);
    });
    return findings;
  },
};

interface Period {
  readonly start: string;
  readonly end: string;
}

function outside(subject: string, path: Path, date: string | undefined, { start, end }: Period): Finding | undefined {
  // An unknown or malformed date (TBD, 2027-02-30) is for cost-tbd-placeholder or the schema.
  if (date === undefined || (date >= start && date <= end)) return undefined;
  const after = date > end;
  const bound = after ? 'timeline.end' : 'timeline.start';
  const boundDate = after ? end : start;
  const gap = Math.abs(daysBetween(boundDate, date));
  const gapText = gap === 1 ? '1 day' : `${gap} days`;
  // Neither fix is `safe`: moving the contract's period or the work are both commercial decisions.
  const fixes: Fix[] = [
    after
      ? {
          title: `Extend \`timeline.end\` to ${date}`,
          ops: [{ op: 'replace', path: ['timeline', 'end'], value: date }],
          preferred: true,
          applicability: 'unsafe',
        }
      : {
          title: `Move \`timeline.start\` to ${date}`,
          ops: [{ op: 'replace', path: ['timeline', 'start'], value: date }],
          preferred: true,
          applicability: 'unsafe',
        },
    { title: `Set date to \`${bound}\` (${boundDate})`, ops: [{ op: 'replace', path, value: boundDate }], applicability: 'unsafe' },
  ];
  return {
    ruleId: 'schedule-date-outside-timeline',
    path,
    message: `${subject} ${date}, ${gapText} ${after ? 'after' : 'before'} \`${bound}\` (${boundDate}).`,
    facts: [
      `Contracted period: ${start} – ${end} (${plural(daysBetween(start, end) + 1, 'day')}, both ends included).`,
      after ? `${date} − ${end} = ${gapText} after the end.` : `${start} − ${date} = ${gapText} before the start.`,
    ],
    fixes,
  };
}

/** `D1` when the item has an id, else its path. */
function label(id: unknown, path: Path): string {
  return typeof id === 'string' && id.trim() !== '' ? `\`${id.trim()}\`` : `\`${formatPath(path)}\``;
}
