// expertise-key-personnel-missing: Key personnel not named.
import type { Rule } from '../types';

export const rule: Rule = {
  id: 'expertise-key-personnel-missing',
  category: 'expertise',
  severity: 'info',
  title: 'Key personnel not named',
  explanation: `The scope does not name who will do the work. The blog's expertise risk starts with "who will work on it" and with making sure the partner has the capabilities you need. The senior people who win a deal are not always the ones who deliver it. A key-personnel clause names the critical roles and their time allocation, and requires your approval before anyone is substituted, with the replacement having "equal or better" qualifications (*The Government Subcontractor's Guide to Terms and Conditions*, ch. 17).`,
  check() {
    return [];
  },
};
