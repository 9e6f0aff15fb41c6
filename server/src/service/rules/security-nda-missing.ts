// security-nda-missing: No signed NDA before work starts.
// An NDA that is missing, unsigned, or dated after timeline.start; the fix only scaffolds `signed: false`.
import { plural } from '../plural';
import { dateAt, daysBetween, isAbsent, isRecord, setKeyOp, shortText, stringAt, valueAt } from '../model';
import type { Finding, Rule } from '../types';
import { sources } from '../sources';

const ndaSkeleton = ['signed: false   # set true and fill date once countersigned', 'date: null', 'mutual: true'].join('\n');

export const rule: Rule = {
  id: 'security-nda-missing',
  category: 'security',
  severity: 'error',
  fixes: ['unsafe', 'display-only'],
  title: 'No signed NDA before work starts',
  explanation: `The vendor has no signed NDA, or the NDA is dated after work begins. Security threats come first in outsourcing: before you hand over confidential or proprietary information or customer data, vet the vendor and get an NDA signed. An NDA dated after kickoff means requirements, data samples and architecture were shared without protection. Procurement guidance recommends putting an NDA in place before any nonpublic information changes hands, including in the RFP itself (VendorCentric, *6 best practices for NDAs in procurement*).`,
  areas: ['security'],
  remedy:
    'Get a mutual NDA countersigned before any requirements, data samples or architecture are shared, and record it under `vendor.nda` with the signature date. The quick fix inserts an unsigned placeholder (`signed: false`, `date: null`, `mutual: true`); set `signed: true` only once it is countersigned. If the NDA is dated after `timeline.start`, either move the start or record the earlier NDA that covered the scoping work.',
  sources: [sources.ndaProcurement, sources.iso27036],
  check(doc) {
    const root = doc.value;
    const vendor = valueAt(root, ['vendor']);
    // A vendor section that is not a mapping is the schema's to report; guessing here would cascade.
    if (!isAbsent(vendor) && !isRecord(vendor)) return [];
    const nda = valueAt(root, ['vendor', 'nda']);
    const who = vendorName(root);
    if (isAbsent(nda)) {
      return [
        {
          ruleId: 'security-nda-missing',
          path: ['vendor', 'nda'],
          message: `No NDA with ${who} is recorded: nothing protects what you share while scoping and building.`,
          fixes: [
            {
              title: 'Add an NDA placeholder (`signed: false`)',
              ops: [setKeyOp(root, ['vendor'], 'nda', ndaSkeleton)],
              preferred: true,
              applicability: 'display-only',
            },
          ],
        },
      ];
    }
    if (!isRecord(nda)) return [];
    const signed = nda.signed;
    if (signed === undefined || signed === null) {
      return [
        {
          ruleId: 'security-nda-missing',
          path: ['vendor', 'nda', 'signed'],
          message: `The NDA with ${who} does not say whether it is signed.`,
          fixes: [
            {
              title: 'Add `signed: false` to the NDA',
              ops: [
                { op: 'insert', parent: ['vendor', 'nda'], key: 'signed', value: 'false   # set true and fill date once countersigned' },
              ],
              preferred: true,
              // It records a fact (not signed) that a person confirms.
              applicability: 'unsafe',
            },
          ],
        },
      ];
    }
    // `signed: "yes"` is a type error the schema reports; saying "not signed" would contradict the author.
    if (typeof signed !== 'boolean') return [];
    if (!signed) {
      return [
        {
          ruleId: 'security-nda-missing',
          path: ['vendor', 'nda', 'signed'],
          message: `The NDA with ${who} is not signed yet (\`signed: false\`).`,
        },
      ];
    }
    const date = dateAt(root, ['vendor', 'nda', 'date']);
    const start = dateAt(root, ['timeline', 'start']);
    if (date === undefined || start === undefined || date <= start) return [];
    const finding: Finding = {
      ruleId: 'security-nda-missing',
      path: ['vendor', 'nda', 'date'],
      message: `The NDA with ${who} is dated after work starts: ${date}, but work starts on ${start} (\`timeline.start\`).`,
      facts: [
        `\`vendor.nda.date\` ${date} is ${plural(daysBetween(start, date), 'day')} after \`timeline.start\` ${start}.`,
        'Move `timeline.start` to the signature date, or record the earlier NDA that covered the scoping work.',
      ],
    };
    return [finding];
  },
};

function vendorName(root: unknown): string {
  const name = stringAt(root, ['vendor', 'name'])?.trim();
  return name ? shortText(name, 40) : 'the vendor';
}
