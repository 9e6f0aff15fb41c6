// governance-status-reports-missing: No written status reports.
// Without written reports, slippage, spend and new risks leave no trail.
import { isAbsent, isMappingOrAbsent, isRecord, readCadence, setKeyOp, shortText, valueAt } from '../model';
import type { Finding, Fix, Rule } from '../types';
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

Reports agreed in prose count: a deliverable that is a status, progress, sprint or service report ("Monthly service report", "Sprint report at each sprint review"), a line in the governance section that describes written reports ("a one-page progress report every second Friday", "a written summary of progress every Friday", "fortnightly status report to the steering group", under any key), a governance key named for them (\`weekly_report:\`), a service level measured from the vendor's SLA or service report, or the same in the assumptions. Reporting that is not called a report counts too: a pack ("fortnightly progress pack", "monthly service review pack"), a dashboard of the project's progress or service levels ("KPI dashboard", "Jira dashboard shared with our team"), a RAG status, a burndown chart or a supplier scorecard; as a deliverable, a dashboard of KPIs can be the product itself ("Sales KPI dashboard"), so only packs and dashboards of the project's own progress count there. Reports left to the moment agree nothing, and the finding stays: "status updates as needed", "a progress summary on request", "regular updates" or "regular status reports" with no stated cadence. The words must stand together as a phrase: "progress", "status" and "report" scattered across a sentence are not a report. The finding is then a hint on that text, asking to record the cadence and contents in \`governance.status_reports\`, where they can be checked. Meeting minutes are not status reports. A section of the lead's own at the top level (\`communication:\`, \`reporting:\`) is read the same way.

Status reports that are named but not agreed are reported on the value, because a vendor meets them with a one-line "all on track" email: a cadence with no contents (\`status_reports: weekly\`, \`{ cadence: monthly, contents: [] }\`), contents with no cadence, a cadence left to the moment ("as needed"), or \`status_reports: true\`. A cadence tied to the delivery's own rhythm ("every sprint", "at each sprint review") is a cadence. A sentence that gives a cadence and describes the reports ("Weekly RAG report covering progress, risks and spend") agrees them, and its shape is the schema's finding; in a list, one agreed report is enough.`,
  areas: ['cost', 'expertise'],
  remedy:
    'Agree written status reports with a cadence and contents: progress against plan, risks and issues, spend against budget. The quick fix inserts a weekly report with those contents.',
  sources: [sources.doraArt30, sources.itGovernance],
  check(doc, settings) {
    if (!isMappingOrAbsent(doc.value, ['governance'])) return [];
    const written = valueAt(doc.value, ['governance', 'status_reports']);
    if (!isAbsent(written)) return incomplete(written);
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

/** The contents a status report should carry, as the fix inserts them. */
const contentsSkeleton = ['contents:', '  - progress vs plan', '  - risks and issues', '  - spend vs budget'].join('\n');

/** More words than this besides the cadence describe what the report holds ("Weekly RAG report covering progress, risks and spend"). */
const describedWords = 3;

/**
 * Status reports that are named but not agreed: no cadence (`status_reports: true`, "as needed", a
 * mapping with no `cadence`) or a cadence with nothing about what the reports hold
 * (`status_reports: weekly`, `{ cadence: weekly }`). A vendor can meet either with a one-line
 * "all on track" email, so both are reported, on the value. A sentence that gives a cadence and
 * describes the reports ("Weekly RAG report covering progress, risks and spend") agrees them: its
 * shape is the schema's finding. A list is read item by item: one agreed report is enough.
 */
function incomplete(written: unknown): Finding[] {
  const path = ['governance', 'status_reports'];
  const items = Array.isArray(written) ? written : [written];
  const problems = items.map((item) => problemOf(item));
  if (problems.some((p) => p === undefined)) return [];
  const first = problems[0];
  if (!first) return [];
  return [
    {
      ruleId: 'governance-status-reports-missing',
      path,
      // Read in spite of its form: a list or a sentence is still the schema's type finding.
      ...(isRecord(written) ? {} : { besideSchema: true }),
      message: first.message,
      ...(first.fix ? { fixes: [first.fix] } : {}),
    },
  ];
}

/**
 * A cadence tied to the delivery's own rhythm rather than the calendar: "every sprint", "at each
 * sprint review", "per release", "end of each iteration". It recurs, so it is a cadence; its length
 * is the sprint's.
 */
function eventCadence(text: string): { read: string } | undefined {
  const m =
    /\b(?:every|each|per|after\s+each|end\s+of\s+(?:each|every|the))\s+(?:\w+\s+)?(?:sprint|iteration|increment|release|milestone)s?(?:\s+(?:review|demo|planning))?\b/i.exec(
      text,
    );
  return m && text.length <= 120 ? { read: m[0] } : undefined;
}

interface Problem {
  readonly message: string;
  readonly fix?: Fix;
}

function problemOf(item: unknown): Problem | undefined {
  const noContents = (cadence: string): string =>
    `Status reports are agreed ${cadence}, but not what they contain: \`governance.status_reports\` lists no \`contents\` (progress against plan, risks and issues, spend against budget).`;
  if (typeof item === 'string') {
    const reading = readCadence(item) ?? eventCadence(item);
    if (!reading)
      return {
        message: `Status reports agree no cadence and no contents: \`governance.status_reports\` is "${shortText(item.trim(), 40)}", nothing a vendor can be held to.`,
      };
    const rest = item
      .toLowerCase()
      .replace(reading.read.toLowerCase(), ' ')
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w !== '');
    // "Monthly, template in Annex C" points at the document that says what the reports hold.
    if (rest.length > describedWords || /\b(?:annex|schedule|appendix|exhibit|template)\b/i.test(item)) return undefined;
    return {
      message: noContents(reading.read.trim()),
      fix: {
        title: 'Write the cadence and contents of the `status_reports`',
        ops: [
          {
            op: 'replace',
            path: ['governance', 'status_reports'],
            value: [`cadence: ${reading.read.trim()}`, contentsSkeleton].join('\n'),
          },
        ],
        preferred: true,
        // The contents are proposed: what the reports carry is agreed with the vendor.
        applicability: 'unsafe',
      },
    };
  }
  if (!isRecord(item))
    return {
      message: 'Status reports are named but not described: `governance.status_reports` gives no cadence and no contents.',
    };
  const cadence = typeof item.cadence === 'string' ? (readCadence(item.cadence) ?? eventCadence(item.cadence)) : undefined;
  const contents = item.contents;
  const hasContents = !isAbsent(contents) && (typeof contents === 'string' || Array.isArray(contents));
  if (!cadence && !hasContents)
    return { message: 'Status reports are named but not described: `governance.status_reports` gives no cadence and no contents.' };
  if (!cadence)
    return {
      message: isAbsent(item.cadence)
        ? 'Status reports have contents but no cadence: reports sent when the vendor likes leave no regular trail (`governance.status_reports.cadence`).'
        : `Status reports are due "${shortText(String(item.cadence), 30)}", which is no cadence: reports sent when the vendor likes leave no regular trail.`,
    };
  if (!hasContents) return { message: noContents(cadence.read.trim()) };
  return undefined;
}
