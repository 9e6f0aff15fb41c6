// governance-escalation-missing: No escalation path.
// An issue a check-in cannot resolve needs a named next level and a response time.
import { isAbsent, isMappingOrAbsent, setKeyOp, valueAt } from '../model';
import type { Rule } from '../types';
import { sources } from '../sources';

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
  explanation: `There is no escalation path. When a check-in cannot resolve an issue, it needs a named next level and a response time; otherwise decisions stall and the vendor gets conflicting instructions (Outsourcing Explained). Governance playbooks define problem-resolution routes up front (Everest Group, *Outsourcing Governance 101*). Your leadership has little time for the project, which is exactly why escalation must be rare, fast and defined: without it, oversight stops at the first disagreement.`,
  areas: ['expertise'],
  remedy:
    'Define who an unresolved issue goes to next, and how fast each level must respond. The quick fix inserts two escalation levels to fill in.',
  sources: [sources.vendorGovernance, sources.governancePlaybook],
  check(doc) {
    if (!isMappingOrAbsent(doc.value, ['governance'])) return [];
    if (!isAbsent(valueAt(doc.value, ['governance', 'escalation']))) return [];
    return [
      {
        ruleId: 'governance-escalation-missing',
        path: ['governance', 'escalation'],
        message:
          'There is no escalation path (`governance.escalation`): no named next level and no response time when a check-in cannot resolve an issue.',
        fixes: [
          {
            title: 'Add a two-level `escalation` path',
            // The contacts are left empty: who escalates to whom is for the author to decide.
            ops: [setKeyOp(doc.value, ['governance'], 'escalation', escalationSkeleton)],
            preferred: true,
            applicability: 'display-only',
          },
        ],
      },
    ];
  },
};
