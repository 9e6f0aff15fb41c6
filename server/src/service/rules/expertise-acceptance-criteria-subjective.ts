// expertise-acceptance-criteria-subjective: Acceptance criterion is subjective.
// A criterion that depends on opinion and has no number cannot be tested, only argued over.
import { arrayAt, isRecord, itemLabel } from '../model';
import type { Finding, Path, Rule } from '../types';
import { sources } from '../sources';

/**
 * The catalogue's pattern: literal alternatives only, so it runs in linear time. Two deliberate
 * additions: `\b` before "sign" so "design offline" is not "sign off", and the typographic
 * apostrophe in "client’s", which word processors put into pasted text.
 */
const opinionPattern =
  /satisf(?:actory|action)|approved by|\bsign[- ]?off|\bsigned off|looks good|meets? (?:the )?expectations|as expected|fit for purpose|industry standard|best practice|high[- ]quality|acceptable|to the client['’]?s/i;

/** The catalogue's snippet as text; the TODO keeps cost-tbd-placeholder visible until it is filled in. */
const testableCriterion = '"TODO: N of M test cases in <test plan> pass"';

export const rule: Rule = {
  id: 'expertise-acceptance-criteria-subjective',
  category: 'expertise',
  severity: 'warning',
  fixes: ['display-only'],
  title: 'Acceptance criterion is subjective',
  explanation: `This criterion depends on opinion ("to the client's satisfaction", "signed off", "meets expectations"), so it cannot be tested and invites dispute at payment time. Use observable criteria such as response-time thresholds, signed QA checklists or agreed metrics, "instead of vague 'satisfactory' language" (eSignHub, *SOW template guide*). Acceptance clauses should state objective criteria and the test method (ContractStandards, *Acceptance*). Sign-off is the process by which a deliverable is accepted, not the criterion for accepting it.`,
  areas: ['expertise'],
  remedy:
    'Replace opinions ("to the client\'s satisfaction", "signed off") with something observable: a number of test cases passing, a threshold, a checklist. Sign-off is how a deliverable is accepted, not the criterion for accepting it. A code action inserts a template to fill in.',
  sources: [sources.sowGuide, sources.acceptanceClause],
  check(doc) {
    const findings: Finding[] = [];
    arrayAt(doc.value, ['deliverables']).forEach((deliverable, d) => {
      if (!isRecord(deliverable)) return;
      const criteria = deliverable.acceptance_criteria;
      if (!Array.isArray(criteria)) return;
      criteria.forEach((criterion: unknown, c) => {
        if (typeof criterion !== 'string' || /\d/.test(criterion)) return;
        const match = opinionPattern.exec(criterion);
        if (!match) return;
        const path: Path = ['deliverables', d, 'acceptance_criteria', c];
        findings.push({
          ruleId: 'expertise-acceptance-criteria-subjective',
          path,
          message: `This acceptance criterion of deliverable ${itemLabel(deliverable, ['deliverables', d])} depends on opinion ("${match[0]}") and has no number to test against.`,
          fixes: [
            {
              // Not preferred, never in bulk: it replaces the author's words with a template to fill in.
              title: 'Replace with a testable criterion ("N of M test cases in <test plan> pass")',
              ops: [{ op: 'replace', path, value: testableCriterion }],
              applicability: 'display-only',
            },
          ],
        });
      });
    });
    return findings;
  },
};
