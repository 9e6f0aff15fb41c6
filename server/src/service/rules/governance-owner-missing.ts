// governance-owner-missing: No single internal owner.
// Leadership cannot supervise day to day, so one named person must own the vendor relationship.
import { onVendorSide } from '../engagement';
import { isAbsent, isMappingOrAbsent, recordAt, setKeyOp, shortText, valueAt } from '../model';
import type { Rule } from '../types';
import { sources } from '../sources';

export const rule: Rule = {
  id: 'governance-owner-missing',
  category: 'governance',
  severity: 'warning',
  fixes: ['display-only'],
  title: 'No single internal owner',
  explanation: `No single internal owner is named. Your leadership cannot supervise an outsourced project day to day, so one named person must own the relationship, the decisions and acceptance; without that person there is no oversight. "The most common failure mode is 'no single internal owner'" (Outsourcing Explained, *Vendor governance and KPIs*). Outsourcing transfers execution, not governance (Aventario).

An \`owner\` on the vendor's side (the vendor's name in it, "Vendor PM", or one of the vendor's own \`key_personnel\`) is reported too: the vendor cannot be its own oversight.`,
  areas: ['expertise'],
  remedy:
    'Name one internal person who owns the vendor relationship, the day-to-day decisions and acceptance. The quick fix inserts an empty `owner`.',
  sources: [sources.vendorGovernance, sources.itGovernance],
  check(doc) {
    // `project: CRM` is the schema's finding; an owner under it cannot be missing.
    if (!isMappingOrAbsent(doc.value, ['project'])) return [];
    const owner = valueAt(doc.value, ['project', 'owner']);
    // The vendor's delivery lead as `owner` leaves nobody on your side: the vendor would oversee itself.
    if (typeof owner === 'string' && owner.trim() !== '' && onVendorSide(owner, doc.value)) {
      return [
        {
          ruleId: 'governance-owner-missing',
          path: ['project', 'owner'],
          message: `\`project.owner\` ("${shortText(owner, 40)}") is on the vendor's side: name the person on your side who runs the day-to-day contact with the vendor.`,
        },
      ];
    }
    if (!isAbsent(owner)) return [];
    const hasKey = Object.prototype.hasOwnProperty.call(recordAt(doc.value, ['project']) ?? {}, 'owner');
    return [
      {
        ruleId: 'governance-owner-missing',
        path: ['project', 'owner'],
        message: 'No single internal owner is named (`project.owner`): nobody on your side runs the day-to-day contact with the vendor.',
        // An empty `owner:` already shows where to write the name.
        ...(hasKey
          ? {}
          : {
              fixes: [
                {
                  title: 'Add `owner`',
                  ops: [setKeyOp(doc.value, ['project'], 'owner', '""')],
                  preferred: true,
                  applicability: 'display-only',
                },
              ],
            }),
      },
    ];
  },
};
