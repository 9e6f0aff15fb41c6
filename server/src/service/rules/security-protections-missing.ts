// security-protections-missing: Security protections not written down.
import type { Rule } from '../types';

export const rule: Rule = {
  id: 'security-protections-missing',
  category: 'security',
  severity: 'warning',
  title: 'Security protections not written down',
  explanation: `The vendor's security protections are not written down. The blog asks "What security protections do they offer?", and writing the answer into the scope turns a sales claim into an obligation. ISO/IEC 27036-2 groups the expected commitments into access control, personnel security (screening, training, confidentiality), incident management, business continuity and information handling. DORA Art. 30(2)(c) similarly requires contractual provisions on availability, authenticity, integrity and confidentiality of data.`,
  check() {
    return [];
  },
};
