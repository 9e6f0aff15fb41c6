// security-subprocessors-unspecified: Sub-processors not addressed.
import type { Rule } from '../types';

export const rule: Rule = {
  id: 'security-subprocessors-unspecified',
  category: 'security',
  severity: 'warning',
  title: 'Sub-processors not addressed',
  explanation: `The scope does not say whether the vendor may pass your personal data to subcontractors. Under GDPR Art. 28(2), a processor "shall not engage another processor without prior specific or general written authorisation" of the controller. Under a general authorisation, the processor must tell you about changes so that you can object. Sub-outsourcing is a common blind spot in due diligence, because your data ends up with a party you never vetted. DORA Art. 30(2)(a)–(b) likewise requires subcontracting conditions and data locations.`,
  check() {
    return [];
  },
};
