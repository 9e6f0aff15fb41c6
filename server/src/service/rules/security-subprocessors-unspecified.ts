// security-subprocessors-unspecified: Sub-processors not addressed.
// Personal data with no word on whether the vendor may use sub-processors (GDPR Art. 28(2)).
import { hasPersonalData, isAbsent, isRecord, setKeyOp, valueAt } from '../model';
import type { Rule } from '../types';
import { sources } from '../sources';

// The catalogue's fix: nothing allowed until you approve, the default GDPR Art. 28(2) gives you.
const subprocessorsSkeleton = ['allowed: false', 'approval_required: true', 'list: []'].join('\n');

export const rule: Rule = {
  id: 'security-subprocessors-unspecified',
  category: 'security',
  severity: 'warning',
  fixes: ['unsafe'],
  title: 'Sub-processors not addressed',
  explanation: `The scope does not say whether the vendor may pass your personal data to subcontractors. Under GDPR Art. 28(2), a processor "shall not engage another processor without prior specific or general written authorisation" of the controller. Under a general authorisation, the processor must tell you about changes so that you can object. Sub-outsourcing is a common blind spot in due diligence, because your data ends up with a party you never vetted. DORA Art. 30(2)(a)–(b) likewise requires subcontracting conditions and data locations. Sub-processors allowed with \`approval_required: false\` are reported too: the vendor could then pass your data on without your authorisation.`,
  areas: ['security'],
  remedy:
    'Decide whether the vendor may pass your personal data to subcontractors, and whether each one needs your approval; list the approved ones. The quick fix inserts the strict default: not allowed, approval required, empty list.',
  sources: [sources.gdprArt28, sources.doraArt30],
  check(doc) {
    const root = doc.value;
    const security = valueAt(root, ['security']);
    if (!isRecord(security) || !hasPersonalData(root)) return [];
    const subprocessors = security.subprocessors;
    if (isRecord(subprocessors) && subprocessors.allowed === true && subprocessors.approval_required === false) {
      // Allowed with no approval: the vendor may hand your data to parties you never vetted.
      return [
        {
          ruleId: 'security-subprocessors-unspecified',
          path: ['security', 'subprocessors', 'approval_required'],
          message:
            'The vendor may add sub-processors without your approval: your data can reach parties you never vetted (`approval_required: false`).',
          facts: [
            'GDPR Art. 28(2): a processor engages another processor only with your prior specific or general written authorisation, and must tell you of changes so that you can object.',
          ],
          fixes: [
            {
              title: 'Require your approval for each sub-processor',
              ops: [{ op: 'replace', path: ['security', 'subprocessors', 'approval_required'], value: 'true' }],
              preferred: true,
              // A contract term the vendor has to agree to.
              applicability: 'unsafe',
            },
          ],
        },
      ];
    }
    if (!isAbsent(subprocessors)) return [];
    return [
      {
        ruleId: 'security-subprocessors-unspecified',
        path: ['security', 'subprocessors'],
        message: 'The scope does not say whether the vendor may pass personal data to sub-processors.',
        fixes: [
          {
            title: 'Allow no sub-processors without your approval',
            ops: [setKeyOp(root, ['security'], 'subprocessors', subprocessorsSkeleton)],
            preferred: true,
            // A proposed policy: the vendor has to agree to it.
            applicability: 'unsafe',
          },
        ],
      },
    ];
  },
};
