// security-breach-notification-slow: Breach notification too slow.
import type { Rule } from '../types';

export const rule: Rule = {
  id: 'security-breach-notification-slow',
  category: 'security',
  severity: 'warning',
  title: 'Breach notification too slow',
  explanation: `A notification window of {n} h leaves too little of GDPR's 72-hour deadline (Art. 33(1)) for you to assess the breach and notify the regulator and, where the risk is high, the affected people. Processor commitments of 24–48 h are typical (Legiscope commentary on Art. 33). The blog's security mitigation is about protecting customer data, and the clock matters as much as the controls.`,
  check() {
    return [];
  },
};
