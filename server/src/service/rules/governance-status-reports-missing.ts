// governance-status-reports-missing: No written status reports.
// Without written reports, slippage, spend and new risks leave no trail.
import { isAbsent, isMappingOrAbsent, setKeyOp, valueAt } from '../model';
import type { Finding, Rule } from '../types';
import { sources } from '../sources';
import { engagementLabels, engagementOf, inferredNote, overruledFacts, proportion } from '../engagement';
import { mentionFact, reportingInProse } from '../governanceProse';

const statusReportsSkeleton = ['cadence: weekly', 'contents:', '  - progress vs plan', '  - risks and issues', '  - spend vs budget'].join(
  '\n',
);

export const rule: Rule = {
  id: 'governance-status-reports-missing',
  category: 'governance',
  severity: 'warning',
  fixes: ['unsafe'],
  title: 'No written status reports',
  explanation: `Check-ins are not backed by written status reports, so slippage, spend and new risks leave no trail. DORA Art. 30(3)(b) requires reporting obligations from ICT providers to financial entities, and outsourcing governance practice pairs each forum with a scorecard, a risk register and a financial reconciliation (Aventario). Reports are how regular check-ins turn into evidence of oversight.

A small job (\`project.engagement: small_job\`, or a scope within the \`smallJobMaxTotal\` and \`smallJobMaxWeeks\` thresholds with at most 3 deliverables, or a vendor that is one person, a sole trader, within twice those thresholds) and staff augmentation (\`staff_augmentation\`: your own lead directs the team day to day) need no written reports from the vendor. When only the document's size or wording says so, the finding is a hint that says what was read.

Reports agreed in prose count: a deliverable that is a status, progress, sprint or service report ("Monthly service report", "Sprint report at each sprint review"), a line in the governance section that describes written reports ("a one-page progress report every second Friday", "a written summary of progress every Friday", "fortnightly status report to the steering group", under any key), a governance key named for them (\`weekly_report:\`), a service level measured from the vendor's SLA or service report, or the same in the assumptions. Reporting that is not called a report counts too: a pack ("fortnightly progress pack", "monthly service review pack"), a dashboard of the project's progress or service levels ("KPI dashboard", "Jira dashboard shared with our team"), a RAG status, a burndown chart or a supplier scorecard; as a deliverable, a dashboard of KPIs can be the product itself ("Sales KPI dashboard"), so only packs and dashboards of the project's own progress count there. Reports left to the moment agree nothing, and the finding stays: "status updates as needed", "a progress summary on request", "regular updates" or "regular status reports" with no stated cadence. The words must stand together as a phrase: "progress", "status" and "report" scattered across a sentence are not a report. The finding is then a hint on that text, asking to record the cadence and contents in \`governance.status_reports\`, where they can be checked. Meeting minutes are not status reports.`,
  areas: ['cost', 'expertise'],
  remedy:
    'Agree written status reports with a cadence and contents: progress against plan, risks and issues, spend against budget. The quick fix inserts a weekly report with those contents.',
  sources: [sources.doraArt30, sources.itGovernance],
  check(doc, settings) {
    if (!isMappingOrAbsent(doc.value, ['governance'])) return [];
    if (!isAbsent(valueAt(doc.value, ['governance', 'status_reports']))) return [];
    // A small job is followed at its check-ins; staff augmentation is directed by your own lead
    // day to day, who sees the work first hand. Neither needs written reports from the vendor.
    const engagement = engagementOf(doc.value, settings.thresholds);
    const how = proportion(engagement, engagement.small || engagement.kind === 'staff_augmentation');
    if (how === 'skip') return [];
    const fix = {
      title: 'Add weekly `status_reports` (progress, risks, spend)',
      ops: [setKeyOp(doc.value, ['governance'], 'status_reports', statusReportsSkeleton)],
      preferred: true,
      // A proposed reporting duty: the cadence and contents are agreed with the vendor.
      applicability: 'unsafe' as const,
    };
    // Reports agreed in prose (a "monthly service report" deliverable, a `reporting:` line) back
    // the check-ins: say where they are written and ask to move them, rather than call them missing.
    const prose = reportingInProse(doc.value);
    if (prose)
      return [
        {
          ruleId: 'governance-status-reports-missing',
          path: prose.path,
          severity: 'hint',
          message: 'Written reports are described here, not in `governance.status_reports`: record their cadence and contents there.',
          facts: [mentionFact(prose)],
          fixes: [fix],
        },
      ];
    const relaxed: Partial<Finding> =
      how === 'hint'
        ? { severity: 'hint', facts: [inferredNote(engagement, engagement.small)] }
        : engagement.overruled
          ? { facts: overruledFacts(engagement) }
          : {};
    return [
      {
        ruleId: 'governance-status-reports-missing',
        path: ['governance', 'status_reports'],
        message:
          how === 'hint'
            ? `Check-ins are not backed by written status reports (\`governance.status_reports\`); for ${engagementLabels[engagement.small ? 'small_job' : engagement.kind]} they are optional.`
            : 'Check-ins are not backed by written status reports (`governance.status_reports`).',
        ...relaxed,
        fixes: [fix],
      },
    ];
  },
};
