// expertise-acceptance-criteria-subjective: Acceptance criterion is subjective.
// A criterion that depends on opinion and has no number cannot be tested, only argued over.
import { arrayAt, isRecord, itemLabel } from '../model';
import { findPhrases, phrase, wordsOf, type Phrase } from '../phrases';
import { hasQuantity } from '../quantities';
import type { Finding, Path, Rule } from '../types';
import { sources } from '../sources';

/**
 * The catalogue's phrases plus the ways people inflect and paraphrase them, matched by word and
 * inflection (see phrases.ts), so "satisfied", "is happy with", "accepted by the CRO", "signs off",
 * "works correctly" and "no major bugs" are read like "satisfactory", "approved by" and "sign-off".
 * Each phrase is an opinion or an unmeasured quality: who is satisfied, how correct, how major.
 */
const opinionPhrases: readonly Phrase<true>[] = [
  // Someone's approval or contentment.
  '~satisfy',
  '~satisfaction',
  '~satisfactory',
  'satisfactorily',
  '~approve by|from',
  '~approval by|from|of',
  'subject to the? ~approval',
  '~accept by|from',
  'acceptance by|from',
  'acceptable|acceptably|unacceptable',
  '~sign off',
  'signoff|signoffs',
  '~happy',
  '~pleased',
  '~content with',
  "to the client|clients|client's|customers|customer|customer's|business|business's|owner's|sponsor's",
  '~look good|fine|great|right|ok|okay',
  '~meet the? ~expectation',
  'as expected|intended',
  'fit for purpose',
  'industry ~standard',
  'best ~practice',
  'high|good|acceptable quality',
  // Qualities with no threshold: how correct, how reliable, how major.
  'correctly|properly|reliably|successfully|smoothly|seamlessly|adequately|appropriately',
  'fully ~function|functional|operational|working',
  'no|without major|significant|serious|obvious ~bug|~issue|~defect|~problem|~error',
  'minimal|minimum|minor|limited ~disruption|~downtime|~impact',
  'robust|maintainable|stable|reliable',
  '~able to ~support|~handle|~cope',
  'works|worked|runs on|in',
].flatMap((pattern) => phrase(pattern, true as const));

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
        // A criterion with a real quantity can be tested; a digit in a name ("PHP 8.3") is not one.
        if (typeof criterion !== 'string' || criterion.length > 2000 || hasQuantity(criterion)) return;
        const [match] = findPhrases(criterion, wordsOf(criterion), opinionPhrases);
        if (!match) return;
        const written = criterion.slice(match.start, match.end);
        const path: Path = ['deliverables', d, 'acceptance_criteria', c];
        findings.push({
          ruleId: 'expertise-acceptance-criteria-subjective',
          path,
          message: `This acceptance criterion of deliverable ${itemLabel(deliverable, ['deliverables', d])} depends on opinion ("${written}") and has no number to test against.`,
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
