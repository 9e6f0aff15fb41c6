// governance-status-reports-missing: No written status reports.
// Without written reports, slippage, spend and new risks leave no trail.
import { isAbsent, isMappingOrAbsent, setKeyOp, valueAt } from '../model';
import type { Rule } from '../types';
import { sources } from '../sources';

const statusReportsSkeleton = ['cadence: weekly', 'contents:', '  - progress vs plan', '  - risks and issues', '  - spend vs budget'].join(
  '\n',
);

export const rule: Rule = {
  id: 'governance-status-reports-missing',
  category: 'governance',
  severity: 'warning',
  fixes: ['unsafe'],
  title: 'No written status reports',
  explanation: `Check-ins are not backed by written status reports, so slippage, spend and new risks leave no trail. DORA Art. 30(3)(b) requires reporting obligations from ICT providers to financial entities, and outsourcing governance practice pairs each forum with a scorecard, a risk register and a financial reconciliation (Aventario). Reports are how regular check-ins turn into evidence of oversight.`,
  areas: ['cost', 'expertise'],
  remedy:
    'Agree written status reports with a cadence and contents: progress against plan, risks and issues, spend against budget. The quick fix inserts a weekly report with those contents.',
  sources: [sources.doraArt30, sources.itGovernance],
  check(doc) {
    if (!isMappingOrAbsent(doc.value, ['governance'])) return [];
    if (!isAbsent(valueAt(doc.value, ['governance', 'status_reports']))) return [];
    return [
      {
        ruleId: 'governance-status-reports-missing',
        path: ['governance', 'status_reports'],
        message: 'Check-ins are not backed by written status reports (`governance.status_reports`).',
        fixes: [
          {
            title: 'Add weekly `status_reports` (progress, risks, spend)',
            ops: [setKeyOp(doc.value, ['governance'], 'status_reports', statusReportsSkeleton)],
            preferred: true,
            // A proposed reporting duty: the cadence and contents are agreed with the vendor.
            applicability: 'unsafe',
          },
        ],
      },
    ];
  },
};
