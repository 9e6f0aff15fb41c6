// schedule-end-before-start: Timeline ends before it starts.
// timeline.end on or before timeline.start; offers to swap the two dates.
import { dateAt, daysBetween } from '../model';
import type { Fix, Rule } from '../types';
import { sources } from '../sources';

export const rule: Rule = {
  id: 'schedule-end-before-start',
  category: 'schedule',
  severity: 'error',
  fixes: ['unsafe'],
  title: 'Timeline ends before it starts',
  explanation: `The timeline ends on or before it starts, which is usually a swapped field or a wrong year. Until this is fixed, every date check in this file is meaningless. The timeline is one of a scope's essential parameters: the period of performance is a required element of a statement of objectives (FAR 37.602(c)).`,
  areas: ['expertise', 'cost'],
  remedy:
    'Correct whichever date is wrong; usually the two were swapped or one has the wrong year. The quick fix swaps `timeline.start` and `timeline.end`; it is not offered when they are equal.',
  sources: [sources.far37602],
  check(doc) {
    const start = dateAt(doc.value, ['timeline', 'start']);
    const end = dateAt(doc.value, ['timeline', 'end']);
    // A missing or malformed date is reported by expertise-essential-parameter-missing or the schema.
    if (start === undefined || end === undefined || end > start) return [];
    const gap = daysBetween(end, start);
    const message =
      gap === 0
        ? `The timeline ends on the day it starts: ${start}, so the period of performance has no length.`
        : `The timeline ends on ${end}, ${days(gap)} before it starts on ${start}.`;
    // Swapping equal dates changes nothing. Not `safe`: the cause may be a wrong year rather than a swap.
    const fixes: Fix[] =
      gap === 0
        ? []
        : [
            {
              title: 'Swap start and end',
              ops: [
                { op: 'replace', path: ['timeline', 'start'], value: end },
                { op: 'replace', path: ['timeline', 'end'], value: start },
              ],
              preferred: true,
              // Either date may be the typo; a person checks which.
              applicability: 'unsafe',
            },
          ];
    return [
      {
        ruleId: 'schedule-end-before-start',
        path: ['timeline', 'end'],
        message,
        facts: [
          `\`timeline.end\` ${end} − \`timeline.start\` ${start} = ${daysBetween(start, end)} days; the end must come after the start.`,
          'The date checks of `schedule-date-outside-timeline` are skipped until the period is valid.',
        ],
        fixes,
      },
    ];
  },
};

function days(n: number): string {
  return n === 1 ? '1 day' : `${n} days`;
}
