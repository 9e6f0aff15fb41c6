// security-data-classification-missing: Data classification not stated.
// `security.data_classification` absent or outside the enum; the fixes offer each level, `confidential` first.
import { isAbsent, isRecord, setKeyOp, shortText, valueAt } from '../model';
import type { Fix, Rule } from '../types';

const levels = ['public', 'internal', 'confidential', 'restricted'] as const;
// The catalogue's conservative default: over-protecting costs less than under-protecting.
const conservativeLevel = 'confidential';

export const rule: Rule = {
  id: 'security-data-classification-missing',
  category: 'security',
  severity: 'warning',
  title: 'Data classification not stated',
  explanation: `The scope does not say how sensitive the data is that the vendor will touch, so neither you nor this linter can scale vendor checks to the risk. Third-party-risk practice starts every assessment with a scope summary that includes data classification, and tiers vendors by it. ISO/IEC 27036-2 requires security requirements for a supplier relationship to be based on the sensitivity and criticality of the information involved. Security threats in outsourcing concern confidential, proprietary and customer data, and this field states which of those is in play.`,
  check(doc) {
    const root = doc.value;
    const security = valueAt(root, ['security']);
    if (!isAbsent(security) && !isRecord(security)) return [];
    const path = ['security', 'data_classification'];
    const value = valueAt(root, path);
    if (typeof value === 'string' && (levels as readonly string[]).includes(value)) return [];
    const absent = isAbsent(value);
    const written = shortText(typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));
    // A case slip (`Confidential`) most likely means that level; otherwise suggest the conservative one.
    const likely = typeof value === 'string' ? levels.find((l) => l === value.trim().toLowerCase()) : undefined;
    const first = likely ?? conservativeLevel;
    const ordered = [first, ...levels.filter((l) => l !== first)];
    const fixes: Fix[] = ordered.map((level, i) => ({
      title: absent ? `Set data classification to \`${level}\`` : `Change to \`${level}\``,
      ops: [setKeyOp(root, ['security'], 'data_classification', level)],
      ...(i === 0 ? { preferred: true } : {}),
    }));
    return [
      {
        ruleId: 'security-data-classification-missing',
        path,
        message: absent
          ? 'The scope does not classify the data the vendor will touch (public, internal, confidential or restricted).'
          : `\`${written}\` is not a data classification; use public, internal, confidential or restricted.`,
        fixes,
      },
    ];
  },
};
