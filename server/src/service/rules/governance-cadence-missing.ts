// governance-cadence-missing: No check-in cadence.
// Regular check-ins are how slippage is caught before it becomes a change request.
import { isAbsent, isMappingOrAbsent, setKeyOp, valueAt } from '../model';
import type { Rule } from '../types';
import { sources } from '../sources';

export const rule: Rule = {
  id: 'governance-cadence-missing',
  category: 'governance',
  severity: 'error',
  fixes: ['unsafe'],
  title: 'No check-in cadence',
  explanation: `No check-in cadence is agreed. Going over a detailed plan with the vendor and checking in regularly is the main defence against drift and hidden costs. Outsourcing governance guides put the operational check-in at weekly or fortnightly, with monthly performance reviews and quarterly strategic reviews (Outsourcing Explained; Aventario).`,
  areas: ['cost', 'expertise'],
  remedy: 'Agree a regular operational check-in with the vendor, weekly or fortnightly. The quick fix inserts `check_in_cadence: weekly`.',
  sources: [sources.vendorGovernance, sources.itGovernance],
  check(doc) {
    if (!isMappingOrAbsent(doc.value, ['governance'])) return [];
    if (!isAbsent(valueAt(doc.value, ['governance', 'check_in_cadence']))) return [];
    return [
      {
        ruleId: 'governance-cadence-missing',
        path: ['governance', 'check_in_cadence'],
        message: 'No check-in cadence is agreed (`governance.check_in_cadence`).',
        // Weekly is the usual operational check-in; still a commitment to the vendor, so not "safe".
        fixes: [
          {
            title: 'Set `check_in_cadence: weekly`',
            ops: [setKeyOp(doc.value, ['governance'], 'check_in_cadence', 'weekly')],
            preferred: true,
            // A proposed cadence: how often to meet is agreed with the vendor.
            applicability: 'unsafe',
          },
        ],
      },
    ];
  },
};
