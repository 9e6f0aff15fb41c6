// governance-change-decision-overdue: Change request waiting too long for a decision.
// A `proposed` change raised more than maxProposedChangeDays before today; info when a proposed
// change has no readable `raised` date, so nobody can tell how long it has waited.
import { plural } from '../plural';
import { changeRequests, statusNote } from '../changeLog';
import { daysBetween, dateOf, isAbsent, todayDate } from '../model';
import type { Finding, Rule } from '../types';
import { sources } from '../sources';

const ruleId = 'governance-change-decision-overdue';

export const rule: Rule = {
  id: ruleId,
  category: 'governance',
  severity: 'warning',
  title: 'Change request waiting too long for a decision',
  explanation: `This change request has been waiting for a decision for longer than your change process allows. An undecided change is a lack of oversight with a cost attached: either the vendor starts the work anyway and invoices it later as agreed, or the team waits and the schedule slips while nobody decides. Integrated change control reviews every change request and records the decision (approved, deferred or rejected) promptly, at the next change-control or steering meeting (PMI *PMBOK Guide* §4.6). In US federal contracting, work done on an undecided change is exactly what turns into a claim for an equitable adjustment (FAR 43.2).

The limit is \`maxProposedChangeDays\` (14 calendar days by default), counted from \`raised\` to today. A proposed change with no \`raised\` date is reported as information: without it nobody can tell how long it has waited.`,
  areas: ['expertise', 'cost'],
  remedy:
    "Put the change request on the agenda of the next change-control or steering meeting and record the decision: set `status` to `approved` (with `approved_by`, `approved` and its impacts), `rejected` or `withdrawn`. Record the date each request was raised. No quick fix: the decision is the approvers'.",
  sources: [sources.pmbokChangeControl, sources.far432],
  check(doc, settings) {
    const root = doc.value;
    const today = todayDate(settings.today);
    const limit = settings.thresholds.maxProposedChangeDays;
    const findings: Finding[] = [];
    for (const change of changeRequests(root)) {
      if (change.status !== 'proposed') continue;
      const note = statusNote(change);
      const written = change.item.raised;
      const raised = dateOf(written);
      const hasKey = Object.prototype.hasOwnProperty.call(change.item, 'raised');
      if (raised === undefined) {
        // A date the schema cannot read (`last week`, 2027-02-30) is its finding on the value; the
        // age is still unknown, so say so on the change.
        findings.push({
          ruleId,
          path: hasKey && isAbsent(written) ? [...change.path, 'raised'] : change.path,
          severity: 'info',
          message: `Change ${change.label} is proposed but has no ${hasKey && !isAbsent(written) ? 'readable ' : ''}\`raised\` date: nobody can tell how long it has waited for a decision.`,
          ...(note ? { facts: [note] } : {}),
        });
        continue;
      }
      const waited = daysBetween(raised, today);
      if (waited <= limit) continue;
      findings.push({
        ruleId,
        path: [...change.path, 'raised'],
        message: `Change ${change.label} has waited ${plural(waited, 'day')} for a decision, over the ${plural(limit, 'day')} allowed: raised ${raised}; decide it before work starts on it anyway.`,
        facts: [...(note ? [note] : []), `Raised ${raised}; today ${today}; limit \`maxProposedChangeDays\` ${plural(limit, 'day')}.`],
      });
    }
    return findings;
  },
};
