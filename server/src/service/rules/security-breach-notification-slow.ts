// security-breach-notification-slow: Breach notification too slow.
// `security.breach_notification_hours` above the limit: 48 h with personal data, 72 h otherwise (settings).
import { plural } from '../plural';
import { hasPersonalData, isRecord, valueAt } from '../model';
import type { Rule } from '../types';
import { sources } from '../sources';

/** GDPR Art. 33(1): the controller's deadline to notify the regulator. Law, not a setting. */
const controllerDeadlineHours = 72;
// The catalogue's fix value: the common processor commitment, well inside the controller's 72 h.
const suggestedHours = 24;

export const rule: Rule = {
  id: 'security-breach-notification-slow',
  category: 'security',
  severity: 'warning',
  fixes: ['unsafe'],
  title: 'Breach notification too slow',
  explanation: `A long notification window leaves too little of GDPR's 72-hour deadline (Art. 33(1)) for you to assess the breach and notify the regulator and, where the risk is high, the affected people. Processor commitments of 24–48 h are typical (Legiscope commentary on Art. 33). In protecting customer data against security threats, the clock matters as much as the controls.`,
  areas: ['security'],
  remedy:
    "Negotiate a shorter notification window, so you keep most of GDPR's 72 hours to assess and notify. The quick fix sets it to 24 hours. The limits are settings.",
  sources: [sources.gdprArt33],
  check(doc, settings) {
    const root = doc.value;
    const security = valueAt(root, ['security']);
    if (!isRecord(security)) return [];
    const hours = security.breach_notification_hours;
    // Only a whole number of hours is a commitment; anything else is the schema's to report.
    if (typeof hours !== 'number' || !Number.isInteger(hours)) return [];
    const personal = hasPersonalData(root);
    const limit = personal ? settings.thresholds.maxBreachNotificationHoursPersonalData : settings.thresholds.maxBreachNotificationHours;
    if (hours <= limit) return [];
    const left = Math.max(0, controllerDeadlineHours - hours);
    const replacement = String(Math.min(suggestedHours, limit));
    return [
      {
        ruleId: 'security-breach-notification-slow',
        path: ['security', 'breach_notification_hours'],
        message: `The vendor may take ${hours} h to report a breach; the limit is ${limit} h${personal ? ' when personal data is in scope' : ''}.`,
        facts: [
          `Limit: ${limit} h (${personal ? '`maxBreachNotificationHoursPersonalData`, personal data' : '`maxBreachNotificationHours`'}).`,
          left > 0
            ? `${hours} h leaves ${left} h of GDPR's ${controllerDeadlineHours} h to assess the breach and notify the regulator.`
            : `${hours} h uses up all of GDPR's ${controllerDeadlineHours} h before you even hear of the breach.`,
        ],
        fixes: [
          {
            title: `Change to ${plural(Number(replacement), 'hour')}`,
            ops: [{ op: 'replace', path: ['security', 'breach_notification_hours'], value: replacement }],
            preferred: true,
            // A proposed deadline: the vendor has to agree to it.
            applicability: 'unsafe',
          },
        ],
      },
    ];
  },
};
