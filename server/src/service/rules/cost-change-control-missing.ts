// cost-change-control-missing: No change-control process.
// Fires when `governance.change_control` is absent; the fix inserts the catalogue's process and an empty approver.
import { isAbsent, isMappingOrAbsent, setKeyOp, valueAt } from '../model';
import type { Rule } from '../types';
import { sources } from '../sources';

const ruleId = 'cost-change-control-missing';
const changeControlSkeleton = [
  'process: Written change request with cost and schedule impact; no work before written approval.',
  'approval_by:',
  '  - ""',
].join('\n');

export const rule: Rule = {
  id: ruleId,
  category: 'cost',
  severity: 'error',
  fixes: ['display-only'],
  title: 'No change-control process',
  explanation: `There is no change-control process. Last-minute changes are a main source of hidden costs: PMI reports scope creep on 52% of projects (*Pulse of the Profession* 2018). A change-control clause defines who may raise, evaluate, price and approve a change request (USPS *Supplying Principles and Practices*), and every scope or timeline change should be agreed in writing before work begins (eSignHub).`,
  areas: ['cost'],
  remedy:
    'Agree how changes are requested, priced and approved, and who may approve them, before work starts. The quick fix inserts a written-change-request process and an empty approver list.',
  sources: [sources.pmiPulse2018, sources.uspsChangeControl, sources.sowGuide],
  check(doc) {
    const root = doc.value;
    // Under `governance: weekly` the schema's "must be a mapping" is the finding that matters.
    if (!isMappingOrAbsent(root, ['governance'])) return [];
    if (!isAbsent(valueAt(root, ['governance', 'change_control']))) return [];
    return [
      {
        ruleId,
        path: ['governance', 'change_control'],
        message:
          'No change-control process (`governance.change_control`): nothing says who approves a change or that its cost and schedule impact is agreed before work starts.',
        fixes: [
          {
            title: 'Add a change-control process',
            ops: [setKeyOp(root, ['governance'], 'change_control', changeControlSkeleton)],
            preferred: true,
            applicability: 'display-only',
          },
        ],
      },
    ];
  },
};
