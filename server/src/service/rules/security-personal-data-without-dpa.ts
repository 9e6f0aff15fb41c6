// security-personal-data-without-dpa: Personal data without a processing agreement.
// Personal data with no signed data processing agreement (`security.dpa.signed != true`).
import { dateAt, daysBetween, hasPersonalData, isAbsent, isRecord, setKeyOp, valueAt } from '../model';
import type { Finding, FixOp, Rule } from '../types';
import { sources } from '../sources';

const dpaSkeleton = ['signed: false', 'date: null'].join('\n');

export const rule: Rule = {
  id: 'security-personal-data-without-dpa',
  category: 'security',
  severity: 'error',
  fixes: ['unsafe', 'display-only'],
  title: 'Personal data without a processing agreement',
  explanation: `The vendor will process personal data, but no data processing agreement is signed. Customer data is the most serious security exposure in outsourcing, and an NDA is not enough. Under GDPR Art. 28(3), processing by a processor "shall be governed by a contract" that sets out the subject matter, duration, nature and purpose of the processing, the types of data and the categories of data subjects. That contract must bind the processor to:
- act only on documented instructions;
- keep the data confidential;
- apply Art. 32 security measures;
- follow the rules on sub-processors;
- assist you with data-subject rights and breaches;
- delete or return the data at the end;
- allow audits.
US health data needs the equivalent Business Associate Agreement under HIPAA.`,
  areas: ['security'],
  remedy:
    'Sign a data processing agreement (GDPR Art. 28; a Business Associate Agreement for US health data) before the vendor touches personal data, and list the categories of personal data. The quick fix inserts `dpa: { signed: false, date: null }` and `personal_data_categories: []`.',
  sources: [sources.gdprArt28],
  check(doc) {
    const root = doc.value;
    const security = valueAt(root, ['security']);
    if (!isRecord(security) || !hasPersonalData(root)) return [];
    const dpa = security.dpa;
    // Existing categories are the author's; only a missing list gets the empty placeholder.
    const categoriesOp: FixOp[] =
      'personal_data_categories' in security ? [] : [{ op: 'insert', parent: ['security'], key: 'personal_data_categories', value: '[]' }];
    if (isAbsent(dpa)) {
      const dpaOp = setKeyOp(root, ['security'], 'dpa', dpaSkeleton);
      return [
        {
          ruleId: 'security-personal-data-without-dpa',
          path: ['security', 'dpa'],
          message: 'The vendor will process personal data, but no data processing agreement (DPA) is recorded.',
          fixes: [
            {
              title: 'Add a DPA placeholder (`signed: false`)',
              ops: [dpaOp, ...categoriesOp],
              preferred: true,
              applicability: 'display-only',
            },
          ],
        },
      ];
    }
    if (!isRecord(dpa)) return [];
    // `signed: "yes"` is a type error the schema reports; "not signed" would contradict the author.
    if (dpa.signed !== undefined && dpa.signed !== null && typeof dpa.signed !== 'boolean') return [];
    if (dpa.signed === true) return signedDpaFindings(root);
    const unstated = dpa.signed === undefined || dpa.signed === null;
    return [
      {
        ruleId: 'security-personal-data-without-dpa',
        path: ['security', 'dpa', 'signed'],
        message: unstated
          ? 'The vendor will process personal data, but the DPA does not say whether it is signed.'
          : 'The data processing agreement is not signed yet: the vendor will process personal data (`signed: false`).',
        ...(unstated
          ? {
              fixes: [
                {
                  title: 'Add `signed: false` to the DPA',
                  ops: [{ op: 'insert', parent: ['security', 'dpa'], key: 'signed', value: 'false' }],
                  preferred: true,
                  // It records a fact (not signed) that a person confirms.
                  applicability: 'unsafe',
                },
              ],
            }
          : {}),
      },
    ];
  },
};

/**
 * A signed DPA still protects nothing if it is signed after the vendor starts on the data, and
 * GDPR Art. 28(3) wants the types of personal data written down: both are read from the document.
 */
function signedDpaFindings(root: unknown): Finding[] {
  const findings: Finding[] = [];
  const date = dateAt(root, ['security', 'dpa', 'date']);
  const start = dateAt(root, ['timeline', 'start']);
  if (date !== undefined && start !== undefined && date > start) {
    const days = daysBetween(start, date);
    findings.push({
      ruleId: 'security-personal-data-without-dpa',
      path: ['security', 'dpa', 'date'],
      message: `The DPA is dated ${date}, after work starts on ${start} (\`timeline.start\`): personal data may change hands unprotected.`,
      facts: [
        `\`security.dpa.date\` ${date} is ${days} ${days === 1 ? 'day' : 'days'} after \`timeline.start\` ${start}.`,
        'Move `timeline.start` to the signature date, or keep personal data away from the vendor until the DPA is signed.',
      ],
    });
  }
  if (isAbsent(valueAt(root, ['security', 'personal_data_categories']))) {
    findings.push({
      ruleId: 'security-personal-data-without-dpa',
      path: ['security', 'personal_data_categories'],
      severity: 'warning',
      message: 'The DPA is signed, but the scope does not list the types of personal data it covers (`personal_data_categories`).',
      facts: ['GDPR Art. 28(3): the processor contract sets out "the type of personal data and categories of data subjects".'],
    });
  }
  return findings;
}
