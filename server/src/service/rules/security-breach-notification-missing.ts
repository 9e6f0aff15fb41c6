// security-breach-notification-missing: No breach-notification deadline.
// Sensitive data with no breach-notification deadline in hours.
import { plural } from '../plural';
import { hasPersonalData, isAbsent, isRecord, sensitivityReasons, setKeyOp, valueAt } from '../model';
import type { Rule } from '../types';
import { sources } from '../sources';

// The catalogue's fix value: well inside GDPR's 72 h, and what well-negotiated processor terms commit to.
const suggestedHours = 24;

export const rule: Rule = {
  id: 'security-breach-notification-missing',
  category: 'security',
  severity: 'error',
  fixes: ['unsafe'],
  title: 'No breach-notification deadline',
  explanation: `The scope does not say how quickly the vendor must tell you about a data breach. Under GDPR Art. 33, the processor must notify you "without undue delay" (Art. 33(2)), and you, as controller, must notify the regulator within 72 hours of becoming aware (Art. 33(1)). If no number of hours is fixed, the vendor's idea of "undue delay" can use up your 72 hours. HIPAA allows a business associate up to 60 days (45 CFR §164.410), but well-negotiated BAAs commonly require much less, often 15–30 days or shorter. Protecting customer data against security threats includes knowing promptly when it has leaked.`,
  areas: ['security'],
  remedy:
    'Agree a maximum number of hours between the vendor becoming aware of a breach and telling you, and write it in `security.breach_notification_hours`. The quick fix inserts 24 hours, a common processor commitment.',
  sources: [sources.gdprArt33, sources.hipaa164410],
  check(doc, settings) {
    const root = doc.value;
    const security = valueAt(root, ['security']);
    if (!isRecord(security)) return [];
    const reasons = sensitivityReasons(root);
    if (reasons.length === 0) return [];
    const path = ['security', 'breach_notification_hours'];
    if (!isAbsent(security.breach_notification_hours)) return [];
    // A stricter configured limit must not be undercut by the fix itself.
    const limit = hasPersonalData(root)
      ? settings.thresholds.maxBreachNotificationHoursPersonalData
      : settings.thresholds.maxBreachNotificationHours;
    const hours = String(Math.min(suggestedHours, limit));
    return [
      {
        ruleId: 'security-breach-notification-missing',
        path,
        message: 'The scope does not say within how many hours the vendor must tell you about a data breach.',
        facts: [
          `Required because ${reasons.join(' and ')}.`,
          'GDPR Art. 33(1): you must notify the regulator within 72 h of becoming aware of a breach.',
        ],
        fixes: [
          {
            title: `Require notification within ${plural(Number(hours), 'hour')}`,
            ops: [setKeyOp(root, ['security'], 'breach_notification_hours', hours)],
            preferred: true,
            // A proposed deadline: the vendor has to agree to it.
            applicability: 'unsafe',
          },
        ],
      },
    ];
  },
};
