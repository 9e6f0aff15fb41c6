// governance-escalation-missing: No escalation path.
// An issue a check-in cannot resolve needs a named next level and a response time.
import { isAbsent, isMappingOrAbsent, isRecord, setKeyOp, valueAt } from '../model';
import type { Finding, Rule } from '../types';
import { sources } from '../sources';
import { engagementOf, inferredNote, overruledFacts, proportion } from '../engagement';
import { escalationInProse, mentionFact } from '../governanceProse';

const escalationSkeleton = [
  '- level: 1',
  '  contact: ""',
  '  respond_within_days: 2',
  '- level: 2',
  '  contact: ""',
  '  respond_within_days: 5',
].join('\n');

export const rule: Rule = {
  id: 'governance-escalation-missing',
  category: 'governance',
  severity: 'warning',
  fixes: ['display-only'],
  title: 'No escalation path',
  explanation: `There is no escalation path. When a check-in cannot resolve an issue, it needs a named next level and a response time; otherwise decisions stall and the vendor gets conflicting instructions (Outsourcing Explained). Governance playbooks define problem-resolution routes up front (Everest Group, *Outsourcing Governance 101*). Your leadership has little time for the project, which is exactly why escalation must be rare, fast and defined: without it, oversight stops at the first disagreement.

A small job (\`project.engagement: small_job\`, or a scope within the \`smallJobMaxTotal\` and \`smallJobMaxWeeks\` thresholds with at most 3 deliverables, or a vendor that is one person, a sole trader, within twice those thresholds) needs no escalation ladder: its owner deals with the vendor directly. When only the size says so, the finding is a hint that says what was read.

A route written in the governance section's prose counts, in the change-control process or under any governance key: "any issue the weekly call cannot settle is escalated to the steering group, which decides within 5 working days", and without the word escalate, "issues unresolved after 5 working days go to the CIO", "disputes are referred to the steering committee", "risks are raised with the sponsor", a path of roles ("PM → Delivery Director → Steering Committee", "the delivery leads, then the two sponsors", each step ending at a role or a named person and one of them senior), a numbered level ("Level 2", "L2 (Delivery Director)"), or a key such as \`escalation_path: Sam Patel, then Dana Reyes\`, \`issue_resolution:\` or \`disputes:\`. The assumptions, the acceptance terms, the key personnel ("Account director (escalation contact)") and the project's sponsor and owner ("Dana Reyes (final escalation point)") are read the same way, except for incident handling there. A process of steps ("Change request → impact assessment → approval") is not a route, and neither is an escalation left to the moment: "issues are escalated as needed" names no level, contact or response time, so the finding stays, as it does for \`escalation_path: as needed\`. A sentence counts when an unsettled issue goes to a senior role or a named person; an approval ("change requests over 10,000 EUR go to the sponsor"), a report sent to a forum or an issue filed in a tool is not a route. The finding is then a hint on that text, asking to record each level, its contact and response time in \`governance.escalation\`. Escalation inside a deliverable ("P1 incidents are escalated to our on-call engineer") is incident handling, not a route for issues between the parties, and does not count.

A path whose levels give no response time (\`respond_within_days\`) is reported as information, on the first such level: the route exists, but an issue can wait at a level as long as it likes.`,
  areas: ['expertise'],
  remedy:
    'Define who an unresolved issue goes to next, and how fast each level must respond. The quick fix inserts two escalation levels to fill in.',
  sources: [sources.vendorGovernance, sources.governancePlaybook],
  check(doc, settings) {
    if (!isMappingOrAbsent(doc.value, ['governance'])) return [];
    const ladder = valueAt(doc.value, ['governance', 'escalation']);
    if (!isAbsent(ladder)) return Array.isArray(ladder) ? noResponseTime(ladder) : [];
    // A small job is escalated by its owner calling the vendor: no ladder is needed.
    const engagement = engagementOf(doc.value, settings.thresholds);
    const how = proportion(engagement, engagement.small);
    if (how === 'skip') return [];
    const fix = {
      title: 'Add a two-level `escalation` path',
      // The contacts are left empty: who escalates to whom is for the author to decide.
      ops: [setKeyOp(doc.value, ['governance'], 'escalation', escalationSkeleton)],
      preferred: true,
      applicability: 'display-only' as const,
    };
    // A route written in the governance section's prose ("escalated to the steering group, which
    // decides within 5 working days") is agreed: say where, and ask to record its levels.
    const prose = escalationInProse(doc.value);
    if (prose)
      return [
        {
          ruleId: 'governance-escalation-missing',
          path: prose.path,
          severity: 'hint',
          message:
            'An escalation route is described here, not in `governance.escalation`: record each level, its contact and response time there.',
          facts: [mentionFact(prose)],
          fixes: [fix],
        },
      ];
    const relaxed: Partial<Finding> =
      how === 'hint'
        ? { severity: 'hint', facts: [inferredNote(engagement, true)] }
        : engagement.overruled
          ? { facts: overruledFacts(engagement) }
          : {};
    return [
      {
        ruleId: 'governance-escalation-missing',
        path: ['governance', 'escalation'],
        message:
          how === 'hint'
            ? `There is no escalation path (\`governance.escalation\`); for a small job this is optional.`
            : 'There is no escalation path (`governance.escalation`): no named next level and no response time when a check-in cannot resolve an issue.',
        ...relaxed,
        fixes: [fix],
      },
    ];
  },
};

/**
 * Levels written with no response time (`respond_within_days`): the path exists, but an issue can
 * wait at any level for as long as that level likes. One finding, on the first such level.
 */
function noResponseTime(ladder: readonly unknown[]): Finding[] {
  const levels = ladder.flatMap((entry, i) => (isRecord(entry) && isAbsent(entry.respond_within_days) ? [{ entry, i }] : []));
  const first = levels[0];
  if (!first || ladder.some((e) => !isRecord(e))) return [];
  const names = levels.map(({ entry, i }) =>
    typeof entry.level === 'number' || typeof entry.level === 'string' ? `level ${String(entry.level)}` : `\`escalation[${i}]\``,
  );
  const list = names.length === 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
  return [
    {
      ruleId: 'governance-escalation-missing',
      path: ['governance', 'escalation', first.i],
      severity: 'info',
      message: `The escalation path gives no response time for ${list} (\`respond_within_days\`): an issue can wait there as long as that level likes.`,
    },
  ];
}
