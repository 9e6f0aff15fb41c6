// governance-cadence-too-infrequent: Check-ins too infrequent.
// Check-ins further apart than `maxCheckInDays` (or a cadence nobody can read) let a vendor drift
// for weeks before anyone notices.
import { plural } from '../plural';
import { cadenceInDays, cadenceNames, isMappingOrAbsent, readCadence, shortText, valueAt } from '../model';
import type { Fix, Path, Rule } from '../types';
import { sources } from '../sources';

const path: Path = ['governance', 'check_in_cadence'];

export const rule: Rule = {
  id: 'governance-cadence-too-infrequent',
  category: 'governance',
  severity: 'warning',
  fixes: ['unsafe'],
  title: 'Check-ins too infrequent',
  explanation: `Checking in this rarely means the vendor can be weeks off track before anyone notices. Operational check-ins in outsourcing are normally weekly or fortnightly, and monthly and quarterly forums are for performance and strategy rather than for catching slippage (Aventario; Outsourcing Explained). Agile QASPs assess delivery every sprint, typically every two weeks. If you meant every two weeks, write \`fortnightly\` or \`P2W\`, because "biweekly" can also be read as twice a week.`,
  areas: ['cost', 'expertise'],
  remedy:
    'Check in at least as often as the limit (14 days by default); keep monthly and quarterly meetings for performance and strategy. Write `fortnightly` or `P2W` rather than the ambiguous "biweekly". The quick fixes set `weekly` or `fortnightly`.',
  sources: [sources.itGovernance, sources.vendorGovernance, sources.qasp18f],
  check(doc, settings) {
    if (!isMappingOrAbsent(doc.value, ['governance'])) return [];
    const value = valueAt(doc.value, path);
    const days = cadenceInDays(value);
    // A missing cadence is governance-cadence-missing's finding.
    if (days === undefined) return [];
    const max = settings.thresholds.maxCheckInDays;
    const fixes = cadenceFixes(max);
    if (days === 'unparseable') {
      return [
        {
          ruleId: 'governance-cadence-too-infrequent',
          path,
          message: `The check-in cadence ${describe(value)} cannot be read as a number of days; the limit is ${plural(max, 'day')}.`,
          facts: [
            `Readable cadences: ${cadenceNames.map((n) => `\`${n}\``).join(', ')}, an ISO 8601 duration \`P<n>D\`, \`P<n>W\` or \`P<n>M\`, or words such as "every 2 weeks", "twice a week" or "daily stand-up".`,
          ],
          fixes,
        },
      ];
    }
    if (days <= max) return [];
    const text = typeof value === 'string' ? value.trim() : String(value);
    const named = cadenceNames.includes(text.toLowerCase());
    const iso = /^p\d+[dwm]$/i.test(text);
    const reading = readCadence(text);
    const facts = [`\`${text}\` = every ${plural(days, 'day')}; the limit is ${plural(max, 'day')} (\`maxCheckInDays\`).`];
    if (reading?.ambiguousBiweekly) {
      facts.push(
        `\`${reading.read}\` is read as every 14 days. If that is what you mean, write \`fortnightly\` (or \`P2W\`): "biweekly" can also mean twice a week.`,
      );
    }
    return [
      {
        ruleId: 'governance-cadence-too-infrequent',
        path,
        message: named
          ? `Check-ins are ${text} (every ${plural(days, 'day')}); the limit is ${plural(max, 'day')}.`
          : iso
            ? `Check-ins are every \`${text}\` (${plural(days, 'day')}); the limit is ${plural(max, 'day')}.`
            : `Check-ins "${shortText(text, 40)}" are read as every ${plural(days, 'day')}; the limit is ${plural(max, 'day')}.`,
        facts,
        fixes,
      },
    ];
  },
};

/** `weekly` (preferred) and `fortnightly`, where they are within the limit; else the limit itself. */
function cadenceFixes(max: number): Fix[] {
  const candidates = [
    { value: 'weekly', days: 7 },
    { value: 'fortnightly', days: 14 },
  ].filter((c) => c.days <= max);
  const values = candidates.length ? candidates.map((c) => c.value) : max >= 1 ? [`P${Math.floor(max)}D`] : [];
  // Changing the cadence changes what is agreed with the vendor, so none of these is "safe".
  return values.map((v, i) => ({
    title: `Check in ${v === 'weekly' || v === 'fortnightly' ? v : `every ${v}`}`,
    ops: [{ op: 'replace', path, value: v }],
    ...(i === 0 ? { preferred: true } : {}),
    // A proposed cadence: how often to meet is agreed with the vendor.
    applicability: 'unsafe' as const,
  }));
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return `\`${JSON.stringify(value) ?? String(value)}\``;
}
