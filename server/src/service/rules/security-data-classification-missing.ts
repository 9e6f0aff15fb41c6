// security-data-classification-missing: Data classification not stated.
// `security.data_classification` absent (warning) or not a level (error: the rules then assume
// `restricted`, so nothing switches off); a case or separator slip gets a safe fix to the level it names.
import { classificationOf, dataClassifications, isAbsent, isRecord, setKeyOp, shortText, valueAt } from '../model';
import { closestKey } from '../schema';
import type { Fix, Rule } from '../types';
import { sources } from '../sources';

// The catalogue's conservative default: over-protecting costs less than under-protecting.
const conservativeLevel = 'confidential';

export const rule: Rule = {
  id: 'security-data-classification-missing',
  category: 'security',
  severity: 'warning',
  fixes: ['safe', 'unsafe'],
  title: 'Data classification not stated',
  explanation: `The scope does not say how sensitive the data is that the vendor will touch, so neither you nor this linter can scale vendor checks to the risk. Third-party-risk practice starts every assessment with a scope summary that includes data classification, and tiers vendors by it. ISO/IEC 27036-2 requires security requirements for a supplier relationship to be based on the sensitivity and criticality of the information involved. Security threats in outsourcing concern confidential, proprietary and customer data, and this field states which of those is in play.

A value that is not one of the four levels (\`highly confidential\`, \`secret\`) is an error, and until it is fixed every security rule treats the data as \`restricted\`, the most sensitive level, so an unfamiliar label can never switch the checks off. A slip of case or separator (\`Restricted\`) is read as the level it names and has a one-click fix.`,
  areas: ['security'],
  remedy:
    'State how sensitive the data is that the vendor will touch: `public`, `internal`, `confidential` or `restricted`. The quick fix inserts `confidential`, the conservative choice; lower it only if that is true.',
  sources: [sources.iso27036, sources.cobitApo10],
  check(doc) {
    const root = doc.value;
    const security = valueAt(root, ['security']);
    if (!isAbsent(security) && !isRecord(security)) return [];
    const path = ['security', 'data_classification'];
    const value = valueAt(root, path);
    if (typeof value === 'string' && (dataClassifications as readonly string[]).includes(value)) return [];
    const classification = classificationOf(root);
    const written = shortText(typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));
    if (classification && !classification.assumed) {
      // A slip of case or separators: the level is clear, so one safe fix.
      const level = classification.level;
      return [
        {
          ruleId: 'security-data-classification-missing',
          path,
          severity: 'error',
          message: `Write the data classification \`${level}\`, not \`${written}\`: levels are lower case.`,
          fixes: [
            {
              title: `Change to \`${level}\``,
              ops: [{ op: 'replace', path, value: level }],
              preferred: true,
              applicability: 'safe',
            },
          ],
        },
      ];
    }
    const absent = classification === undefined;
    // A typo (`confidental`) most likely means the nearest level; otherwise the conservative one.
    const closest = typeof value === 'string' ? closestKey(value, dataClassifications) : undefined;
    const first = closest ?? conservativeLevel;
    const ordered = [first, ...dataClassifications.filter((l) => l !== first)];
    const fixes: Fix[] = ordered.map((level, i) => ({
      title: absent ? `Set data classification to \`${level}\`` : `Change to \`${level}\``,
      ops: [setKeyOp(root, ['security'], 'data_classification', level)],
      ...(i === 0 ? { preferred: true } : {}),
      // Only the data owner knows how sensitive the data is.
      applicability: 'unsafe' as const,
    }));
    return [
      {
        ruleId: 'security-data-classification-missing',
        path,
        ...(absent ? {} : { severity: 'error' as const }),
        message: absent
          ? 'The scope does not classify the data the vendor will touch: pick public, internal, confidential or restricted.'
          : `"${written}" is not a data classification: the data is treated as restricted until you pick public, internal, confidential or restricted.`,
        ...(absent
          ? {}
          : { facts: ['Until it is fixed, every security rule applies as for `restricted` data, the most sensitive level.'] }),
        fixes,
      },
    ];
  },
};
