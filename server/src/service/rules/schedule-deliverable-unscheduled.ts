// schedule-deliverable-unscheduled: Deliverable has no date or milestone.
// A deliverable with no `due` that no milestone lists: it has no place on the timeline.
import { arrayAt, dateOf, formatPath, isAbsent, isRecord } from '../model';
import type { Finding, Fix, Rule } from '../types';
import { sources } from '../sources';
import { engagementOf, inferredNote, ongoingReason } from '../engagement';

/** A long plan would bury the menu and the hover; the first milestones are enough to choose from. */
const maxMilestonesOffered = 10;

export const rule: Rule = {
  id: 'schedule-deliverable-unscheduled',
  category: 'schedule',
  severity: 'warning',
  fixes: ['unsafe', 'display-only'],
  title: 'Deliverable has no date or milestone',
  explanation: `A deliverable has no date and belongs to no milestone, so it cannot be tracked at check-ins and will drift to the end of the project, squeezing acceptance. Overseeing the vendor through regular check-ins against a plan requires every deliverable to have a place on the timeline; the schedule baseline is what progress is measured against (PMI *PMBOK Guide*).`,
  areas: ['cost', 'expertise'],
  remedy:
    'Give the deliverable a due date or list it in the milestone that accepts it. The quick fixes insert `due: null  # TODO` to fill in, or add the deliverable to an existing milestone.',
  sources: [sources.pmbokScope],
  check(doc, settings) {
    const root = doc.value;
    const engagement = engagementOf(root, settings.thresholds);
    const milestones = arrayAt(root, ['timeline', 'milestones']);
    const scheduled = new Set(
      milestones.flatMap((milestone) =>
        arrayAt(milestone, ['deliverables']).flatMap((ref) => (typeof ref === 'string' ? [ref.trim()] : [])),
      ),
    );
    const offers = milestones
      .flatMap((milestone, index) => {
        const id = isRecord(milestone) ? idOf(milestone.id) : undefined;
        if (!isRecord(milestone) || id === undefined) return [];
        const name = typeof milestone.name === 'string' ? milestone.name.trim() : '';
        return [{ index, id, label: `\`${id}\`${name ? ` (${name})` : ''}`, date: dateOf(milestone.date) ?? 'no date' }];
      })
      .slice(0, maxMilestonesOffered);
    const findings: Finding[] = [];
    arrayAt(root, ['deliverables']).forEach((deliverable, index) => {
      if (!isRecord(deliverable)) return;
      // A due date that is present but not a date (TBD, 2027-02-30) is cost-tbd-placeholder's or the schema's.
      if (!isAbsent(deliverable.due)) return;
      const id = idOf(deliverable.id);
      if (id !== undefined && scheduled.has(id)) return;
      const path = ['deliverables', index];
      const name = id ?? formatPath(path);
      // A run or capacity deliverable (a monthly service, engineering capacity) has the service
      // period for its schedule, not one due date. When only an inferred engagement kind says so,
      // a hint says what was read.
      const ongoing = ongoingReason(deliverable, engagement);
      if (ongoing && !(ongoing.byKind && engagement.source === 'inferred')) return;
      if (ongoing) {
        findings.push({
          ruleId: 'schedule-deliverable-unscheduled',
          path,
          severity: 'hint',
          message: `Deliverable \`${name}\` has no due date, which is fine if ${ongoing.reason}.`,
          facts: [inferredNote(engagement, false)],
        });
        return;
      }
      const fixes: Fix[] = [];
      // A `due:` key with an empty value already is the placeholder; a second `due` key would break the file.
      // Display-only: it schedules nothing, it only marks the gap for a person to fill.
      if (!doc.has([...path, 'due'])) {
        fixes.push({
          title: 'Insert `due: null  # TODO`',
          ops: [{ op: 'insert', parent: path, key: 'due', value: 'null  # TODO' }],
          applicability: 'display-only',
          preferred: true,
        });
      }
      if (id !== undefined) {
        for (const m of offers) {
          fixes.push({
            title: `Add \`${id}\` to milestone ${m.label}`,
            ops: [{ op: 'append', path: ['timeline', 'milestones', m.index, 'deliverables'], value: plainOrQuoted(id) }],
            applicability: 'unsafe',
          });
        }
      }
      findings.push({
        ruleId: 'schedule-deliverable-unscheduled',
        path,
        message: `Deliverable \`${name}\` has no due date and is not part of any milestone.`,
        facts: offers.length
          ? [`Milestones it could join: ${offers.map((m) => `${m.label} on ${m.date}`).join(', ')}.`]
          : ['`timeline.milestones` lists no milestones yet.'],
        fixes,
      });
    });
    return findings;
  },
};

/** An id as written, or undefined when it is missing or not text. */
function idOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** An id as a YAML scalar that reads back as the same text (`yes` or `null` must be quoted). */
function plainOrQuoted(id: string): string {
  return /^[A-Za-z][A-Za-z0-9_-]*$/.test(id) && !/^(?:true|false|null|yes|no|on|off|y|n)$/i.test(id) ? id : JSON.stringify(id);
}
