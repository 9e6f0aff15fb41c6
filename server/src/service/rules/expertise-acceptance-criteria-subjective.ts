// expertise-acceptance-criteria-subjective: Acceptance criterion is subjective.
// A criterion that depends on opinion and has no number cannot be tested, only argued over.
import { arrayAt, isRecord, itemLabel } from '../model';
import { findPhrases, phrase, wordsOf, type Phrase, type PhraseMatch } from '../phrases';
import { hasQuantity } from '../quantities';
import type { Finding, Path, Rule } from '../types';
import { sources } from '../sources';
import { TextMemo } from '../textMemo';

/**
 * The catalogue's phrases plus the ways people inflect and paraphrase them, matched by word and
 * inflection (see phrases.ts), so "satisfied", "is happy with", "accepted by the CRO", "signs off",
 * "works correctly" and "no major bugs" are read like "satisfactory", "approved by" and "sign-off".
 * Each phrase is an opinion or an unmeasured quality: who is satisfied, how correct, how major,
 * "comfortable", "confident", "agreed with the controller", "the balances are right", "reports are
 * clear", "in a timely manner", "production-ready", "well documented"; someone's trust, feedback or
 * sense of it ("handlers trust the scores", "positive feedback from the pilot", "make sense to the
 * team", "to the director's liking", "good enough", "looks complete").
 */
const opinionPatterns: readonly string[] = [
  // Someone's approval, agreement or contentment.
  '~satisfy',
  '~satisfaction',
  '~satisfactory',
  'satisfactorily',
  '~approve by|from',
  '~approve the|it|this|these|each|all|them',
  '~approval by|from|of',
  'subject to the? ~approval',
  '~accept by|from',
  'acceptance by|from',
  'acceptable|acceptably|unacceptable',
  '~sign off',
  'signoff|signoffs',
  '~agree by|with',
  '~confirm by|from',
  '~endorse',
  "~okay|okayed|ok’d|ok'd by",
  '~review and ~approve|~accept|~sign',
  '~happy',
  '~pleased',
  '~delighted|~impressed',
  '~comfortable|~confident',
  '~content with',
  "to the client|clients|client's|customers|customer|customer's|business|business's|owner's|sponsor's",
  'in the opinion|view|judgement|judgment of',
  '~discretion',
  '~deem',
  '~look good|fine|great|right|ok|okay|clean|nice|professional|polished|modern|consistent|complete|accurate|correct|plausible|sensible|reasonable',
  '~seem|~appear good|fine|right|ok|okay|complete|accurate|correct|plausible|sensible|reasonable|consistent',
  // Someone's trust, feedback or sense of it: "handlers trust the scores", "positive feedback", "make sense to".
  '~trust the|their|our|its|it|these|this|them|each|all',
  'positive|favourable|favorable|good|great|encouraging ~feedback|~response|~review|~reception',
  'make|makes|made|making sense',
  'liking',
  'no|without|few|minimal ~complaint',
  'good|clear|accurate|detailed|fast|quick|robust|reliable|stable|simple enough',
  // A quality asserted with no threshold: "the balances are right", "reports are clear".
  'is|are|be|was|were|remains|remain|seems|seem|feels|feel right|correct|fine|good|ok|okay|clean|nice|clear|intuitive|easy|simple|professional|polished|modern|responsive|usable|consistent|stable|performant|accurate|sensible|plausible|reasonable|sufficient|adequate|appropriate|fast|quick|snappy|smooth',
  'as expected',
  'fit for purpose',
  'industry ~standard',
  'best ~practice',
  'high|good|great|excellent|acceptable|sufficient|adequate|reasonable|professional ~quality|~standard|~performance',
  'to a high|good|professional|acceptable|reasonable ~standard',
  'production|launch ~ready|readiness',
  'go live ~ready|readiness',
  '~ready for production|launch|release|use',
  '~ready for go live',
  'well ~document|documented|~test|tested|~structure|structured|~design|designed|written|~organise|organised|~organize|organized',
  'actionable|useful|meaningful|helpful|valuable|insightful',
  'user friendly',
  'easy|easier|simple to ~use|~understand|~navigate|~maintain|~operate|~read',
  'in a timely manner|fashion',
  '~perform well|better|adequately',
  // How well it works, with nothing to measure "well" by: "works well", "runs fine", "works as it should".
  '~work|~run|~function|~behave|~operate well|fine|nicely|great|smoothly',
  'as it|they should',
  'clean|readable|tidy ~code',
  // Qualities with no threshold: how correct, how reliable, how major.
  'correctly|properly|reliably|successfully|smoothly|seamlessly|adequately|appropriately|accurately|completely|effectively|efficiently|promptly|quickly|timely|consistently|intuitively',
  'fully ~function|functional|operational|working',
  'no|without major|significant|serious|obvious|noticeable|visible ~bug|~issue|~defect|~problem|~error|~impact|~degradation|~slowdown|~disruption|~downtime',
  'minimal|minimum|minor|limited ~disruption|~downtime|~impact',
  'robust|maintainable|stable|reliable',
  'works|worked|runs on|in',
];

/**
 * A capability claimed with nothing to watch ("developers are able to support the team"): an
 * opinion, unless the criterion says how it is shown, by doing the work without the vendor
 * ("able to support the system without vendor help", "able to fail over unaided").
 */
const capabilityPatterns: readonly string[] = ['~able to ~support|~handle|~cope'];

/**
 * What makes a capability a demonstration: the client's people do it alone ("unaided", "without
 * vendor help", "with no agency involvement", "on their own").
 */
const demonstrationPhrases: readonly Phrase<true>[] = [
  'unaided|unassisted|independently|single-handedly',
  'on their|its|his|her|our own',
  'by themselves|itself|ourselves',
  'without|sans any? vendor|agency|supplier|contractor|consultant|external|outside|further|third party? ~help|~support|~assistance|~involvement|~intervention|~input',
  'with no|zero vendor|agency|supplier|contractor|consultant|external|outside|further? ~help|~support|~assistance|~involvement|~intervention|~input',
].flatMap((pattern) => phrase(pattern, true as const));

/**
 * Phrases that point at something else ("as agreed", "meets the requirements", "expectations"):
 * subjective on their own, testable when a named document follows ("as agreed in Annex B",
 * "the requirements in the test plan"), since that document is what is tested.
 */
const referentialPatterns: readonly string[] = [
  'as agreed|discussed|requested|instructed|specified|described|defined|designed|planned|intended',
  '~meet|~fulfil|~fulfill|~satisfy|~address|~cover the|all|our? business|user|client|customer|stakeholder|functional? ~requirement|~need',
  // Exact forms: the stem of "expectation" is that of "expected" ("returns the expected policy" is no opinion).
  '~meet|~exceed|~perform|~match to? the|our|their|all? expectation|expectations',
  'expectation|expectations',
];

type Reading = 'opinion' | 'referential' | 'capability';

const opinionPhrases: readonly Phrase<Reading>[] = [
  ...referentialPatterns.flatMap((pattern) => phrase(pattern, 'referential' as const)),
  ...capabilityPatterns.flatMap((pattern) => phrase(pattern, 'capability' as const)),
  ...opinionPatterns.flatMap((pattern) => phrase(pattern, 'opinion' as const)),
];

/** A named document after a referential phrase: "in Annex B", "set out in the test plan", "per SOW §4". */
const namedReference =
  /^[\s,]*(?:(?:as\s+)?(?:set\s+out|listed|defined|described|documented|specified|written|recorded|stated)\s+)?(?:in|under|per|by|of|from)\s+(?:the\s+|our\s+)?(?:Annex|Appendix|Schedule|Section|Exhibit|Attachment|Clause|§|[A-Z]{2,}\b|(?:signed\s+|agreed\s+)?(?:[a-z-]+\s+){0,2}(?:plan|script|specification|spec|checklist|document|backlog|register|catalogue|catalog|matrix|brief|workbook|annex|appendix|schedule|contract|agreement)\b)/;

/** The catalogue's snippet as text; the TODO keeps cost-tbd-placeholder visible until it is filled in. */
const testableCriterion = '"TODO: N of M test cases in <test plan> pass"';

/** The words that make a criterion an opinion, remembered per text across checks; none when it has a real quantity. */
const opinions = new TextMemo<string | undefined>();

function opinionIn(criterion: string): string | undefined {
  return opinions.get(criterion, () => {
    // A criterion with a real quantity can be tested; a digit in a name ("PHP 8.3") is not one, nor
    // a count of whose opinion or of what is judged ("the 3 regional managers", "the 5 reports").
    if (hasQuantity(criterion, { counts: 'tested' })) return undefined;
    const words = wordsOf(criterion);
    let demonstrated: boolean | undefined;
    const isOpinion = (m: PhraseMatch<Reading>): boolean => {
      if (m.value === 'opinion') return true;
      if (m.value === 'referential') return !namedReference.test(criterion.slice(m.end, m.end + 80));
      demonstrated ??= findPhrases(criterion, words, demonstrationPhrases).length > 0;
      return !demonstrated;
    };
    const match = findPhrases(criterion, words, opinionPhrases).find(isOpinion);
    return match ? criterion.slice(match.start, match.end) : undefined;
  });
}

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
        if (typeof criterion !== 'string' || criterion.length > 2000) return;
        const written = opinionIn(criterion);
        if (written === undefined) return;
        const path: Path = ['deliverables', d, 'acceptance_criteria', c];
        findings.push({
          ruleId: 'expertise-acceptance-criteria-subjective',
          path,
          message: `Acceptance of ${itemLabel(deliverable, ['deliverables', d])} depends on opinion: "${written}", with no number to test against.`,
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
