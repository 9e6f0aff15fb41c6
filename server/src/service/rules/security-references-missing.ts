// security-references-missing: No vetted client references.
// No client references (warning), or references listed but none recorded as contacted (info).
import { isAbsent, isHollow, isRecord, shortText, valueAt } from '../model';
import type { Rule } from '../types';
import { sources } from '../sources';

const referenceSkeleton = ['company: ""', 'contact: ""', 'contacted: null   # date you spoke to them', 'notes: ""'].join('\n');

export const rule: Rule = {
  id: 'security-references-missing',
  category: 'security',
  severity: 'warning',
  fixes: ['display-only'],
  title: 'No vetted client references',
  explanation: `No client references are recorded. Checking a vendor's track record is a first defence against security threats: ask which other companies they have worked with, and speak with current clients. Vendors pick flattering references, so record whom you called and when, and ask open-ended questions such as "what do you wish you had known before signing?" and "what changed in cost or resourcing?" (Craigo, *Checking vendor referrals*; Third Party ThinkTank discussion). COBIT 2019 APO10 ("Managed Vendors") treats documented selection and due diligence as part of a controlled vendor lifecycle.`,
  areas: ['security'],
  remedy:
    'Ask the vendor for two or three clients with similar work, call them, and record each under `vendor.references` with the date you spoke (`contacted`). Ask open questions: what they wish they had known before signing, and what changed in cost or staffing. The quick fix inserts an empty reference entry to fill in.',
  sources: [sources.referenceChecks, sources.cobitApo10],
  check(doc) {
    const root = doc.value;
    const vendor = valueAt(root, ['vendor']);
    if (!isAbsent(vendor) && !isRecord(vendor)) return [];
    const references = valueAt(root, ['vendor', 'references']);
    // Entries that are only blanks (`company: ""`, `contacted: null`, what the fix inserts) record no one.
    if (Array.isArray(references) && references.length > 0 && references.every(isHollow)) {
      return [
        {
          ruleId: 'security-references-missing',
          path: ['vendor', 'references'],
          at: 'key',
          message: 'No client references are recorded for the vendor: the entries under `references` are blank.',
        },
      ];
    }
    if (isAbsent(references)) {
      // `references: {}` counts as absent but cannot take a list item; the schema reports its type.
      const canAppend = references === undefined || references === null || Array.isArray(references);
      return [
        {
          ruleId: 'security-references-missing',
          path: ['vendor', 'references'],
          message: 'No client references are recorded for the vendor.',
          ...(canAppend
            ? {
                fixes: [
                  {
                    title: 'Add a client reference to call',
                    ops: [{ op: 'append', path: ['vendor', 'references'], value: referenceSkeleton }],
                    preferred: true,
                    applicability: 'display-only',
                  },
                ],
              }
            : {}),
        },
      ];
    }
    if (!Array.isArray(references)) return [];
    // A malformed `contacted` (a bad date, TBD) is another rule's or the schema's to report, so any value counts.
    if (references.some((r) => isRecord(r) && !isAbsent(r.contacted))) return [];
    const companies = references.flatMap((r) =>
      isRecord(r) && typeof r.company === 'string' && r.company.trim() ? [`\`${shortText(r.company)}\``] : [],
    );
    const count = references.length;
    return [
      {
        ruleId: 'security-references-missing',
        path: ['vendor', 'references'],
        // The finding is about the list as a whole, whose first line is just the first reference.
        at: 'key',
        severity: 'info',
        message: `${count === 1 ? 'The vendor reference has no' : `None of the ${count} vendor references has a`} \`contacted\` date: there is no record that anyone called ${count === 1 ? 'it' : 'them'}.`,
        ...(companies.length ? { facts: [`Listed but not contacted: ${companies.join(', ')}.`] } : {}),
      },
    ];
  },
};
