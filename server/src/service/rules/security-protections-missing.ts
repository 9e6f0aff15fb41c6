// security-protections-missing: Security protections not written down.
// No written protections unless the data is classified `public`; an unstated classification counts as not public.
import { classificationOf, isAbsent, isRecord, setKeyOp, shortText, valueAt } from '../model';
import type { Rule } from '../types';
import { sources } from '../sources';

const baselineProtections = [
  '- Encryption in transit (TLS 1.2+) and at rest',
  '- SSO with MFA for all vendor staff',
  '- Least-privilege access, reviewed at least quarterly',
  '- Access removed within 24 h of staff leaving the project',
  '- Security logging retained 12 months',
].join('\n');

export const rule: Rule = {
  id: 'security-protections-missing',
  category: 'security',
  severity: 'warning',
  fixes: ['unsafe'],
  title: 'Security protections not written down',
  explanation: `The vendor's security protections are not written down. Ask the vendor what protections they offer against security threats, and write the answer into the scope: that turns a sales claim into an obligation. ISO/IEC 27036-2 groups the expected commitments into access control, personnel security (screening, training, confidentiality), incident management, business continuity and information handling. DORA Art. 30(2)(c) similarly requires contractual provisions on availability, authenticity, integrity and confidentiality of data.`,
  areas: ['security'],
  remedy:
    'Write the security controls the vendor commits to under `security.protections`: encryption, access control, offboarding, logging. The quick fix inserts a baseline list to edit, so a sales claim becomes an obligation.',
  sources: [sources.iso27036, sources.doraArt30],
  check(doc) {
    const root = doc.value;
    const security = valueAt(root, ['security']);
    if (!isAbsent(security) && !isRecord(security)) return [];
    const classification = classificationOf(root);
    // Unknown sensitivity is treated as not public, as the catalogue's `!= public` reads: a reviewer
    // cannot waive protections for data nobody has classified. `Public` is public.
    if (classification?.level === 'public') return [];
    const path = ['security', 'protections'];
    if (!isAbsent(valueAt(root, path))) return [];
    const level = classification ? `\`${shortText(classification.written ?? classification.level)}\`` : undefined;
    return [
      {
        ruleId: 'security-protections-missing',
        path,
        message: level
          ? `The vendor's security protections are not written down: the data is classified ${level}.`
          : "The vendor's security protections are not written down: the data is not classified as public.",
        fixes: [
          {
            title: 'Add a baseline list of protections to edit',
            ops: [setKeyOp(root, ['security'], 'protections', baselineProtections)],
            preferred: true,
            // A baseline to edit: which protections apply is agreed with the vendor.
            applicability: 'unsafe',
          },
        ],
      },
    ];
  },
};
