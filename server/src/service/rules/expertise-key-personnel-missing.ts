// expertise-key-personnel-missing: Key personnel not named.
// The people who win a deal are not always the people who deliver it.
import { isAbsent, isMappingOrAbsent, setKeyOp, valueAt } from '../model';
import type { Rule } from '../types';

const keyPersonnelSkeleton = ['- role: Delivery lead', '  name: ""', '  allocation_percent: 100'].join('\n');

export const rule: Rule = {
  id: 'expertise-key-personnel-missing',
  category: 'expertise',
  severity: 'info',
  fixes: ['display-only'],
  title: 'Key personnel not named',
  explanation: `The scope does not name who will do the work. A lack of expertise starts with not knowing who will work on it, and whether they have the skills you are paying for. The senior people who win a deal are not always the ones who deliver it. A key-personnel clause names the critical roles and their time allocation, and requires your approval before anyone is substituted, with the replacement having "equal or better" qualifications (*The Government Subcontractor's Guide to Terms and Conditions*, ch. 17).`,
  check(doc) {
    // `vendor: Acme` is the schema's finding; a list under it cannot be missing.
    if (!isMappingOrAbsent(doc.value, ['vendor'])) return [];
    if (!isAbsent(valueAt(doc.value, ['vendor', 'key_personnel']))) return [];
    return [
      {
        ruleId: 'expertise-key-personnel-missing',
        path: ['vendor', 'key_personnel'],
        message:
          "The scope does not name the vendor's key personnel (`vendor.key_personnel`): who will do the work, and how much of their time.",
        fixes: [
          {
            title: 'Add `key_personnel` with a delivery lead',
            ops: [setKeyOp(doc.value, ['vendor'], 'key_personnel', keyPersonnelSkeleton)],
            preferred: true,
            applicability: 'display-only',
          },
        ],
      },
    ];
  },
};
