// security-breach-notification-missing: No breach-notification deadline.
import type { Rule } from '../types';

export const rule: Rule = {
  id: 'security-breach-notification-missing',
  category: 'security',
  severity: 'error',
  title: 'No breach-notification deadline',
  explanation: `The scope does not say how quickly the vendor must tell you about a data breach. Under GDPR Art. 33, the processor must notify you "without undue delay" (Art. 33(2)), and you, as controller, must notify the regulator within 72 hours of becoming aware (Art. 33(1)). If no number of hours is fixed, the vendor's idea of "undue delay" can use up your 72 hours. HIPAA allows a business associate up to 60 days (45 CFR §164.410), but well-negotiated BAAs commonly require much less, often 15–30 days or shorter. Protecting customer data (blog) includes knowing promptly when it has leaked.`,
  check() {
    return [];
  },
};
