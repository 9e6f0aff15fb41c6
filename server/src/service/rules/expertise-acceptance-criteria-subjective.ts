// expertise-acceptance-criteria-subjective: Acceptance criterion is subjective.
// A criterion that depends on opinion and has no number cannot be tested, only argued over.
import { arrayAt, isRecord, itemLabel } from '../model';
import { findPhrases, phrase, wordsOf, type Phrase, type PhraseMatch, type Word } from '../phrases';
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
  // Someone's contentment.
  '~satisfy',
  '~satisfaction',
  '~satisfactory',
  'satisfactorily',
  'acceptable|acceptably|unacceptable',
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
  // Someone's preference, or looks: "users prefer the new packs", "visually appealing", "on-brand".
  '~prefer the|it|this|these|them|our|their|its|a|an|to|over|by',
  '~preference|preferences',
  'visually ~appeal|appealing|pleasing|attractive|striking|stunning',
  'appealing|attractive|elegant|stylish|beautiful|sleek|slick|delightful|pleasing',
  'eye catching',
  'wow|wows|wowed',
  'modern|clean|fresh|contemporary ~look|~design|~feel|~style',
  'visually consistent',
  'consistent with the|our brand',
  // An unnamed practice or purpose, and success or testing with no measure of it.
  'good|best|recognised|recognized|accepted|sound? industry ~practice',
  'good|sound|professional ~practice',
  'fit for its|their? intended? purpose|use',
  'successful',
  'fully|thoroughly|properly|adequately|extensively ~test|tested',
  '~test and working',
  'trustworthy|credible',
  'without any? ~problem|~issue|~hiccup|~glitch',
  'without major|significant|substantial ~comment|~change|~rework',
];

/**
 * How acceptance happens, not what is accepted: a sign-off, an approval, an agreement or a UAT that
 * passes ("signed off by the CFO", "accepted by the steering committee", "agreed between the
 * parties", "UAT passed", "look and feel approved"). On their own they leave the criterion to
 * someone's judgement. After an objective check in the same criterion ("the acceptance tests in
 * Annex D pass and the regional IT lead signs off", "rehearsed per the runbooks in Annex B and
 * signed off by Siobhan Kelly", "no critical defects open") they only record who accepts.
 */
const processPatterns: readonly string[] = [
  '~approve by|from',
  '~approve the|it|this|these|each|all|them',
  '~approval by|from|of',
  'subject to the? ~approval',
  '~accept by|from',
  'acceptance by|from',
  '~sign off',
  'signoff|signoffs',
  '~agree by|with|between|among|amongst',
  'mutually ~agree|agreed',
  'by mutual ~agreement',
  '~confirm by|from',
  '~endorse',
  "~okay|okayed|ok’d|ok'd by",
  '~review and ~approve|~accept|~sign',
  // "Stakeholders agree the catalogue is complete", "the business agrees that...": an agreement, nothing checked.
  '~agree that|the|it|this|these|on|all|each',
  // "UAT passed", "acceptance testing completed", "passes UAT", "successful UAT": which tests, passed by whose judgement?
  'uat ~test|testing|~run? ~pass|~complete|~succeed|~clear|~finish',
  'user? acceptance ~test|testing|~run ~pass|~complete|~succeed|~clear|~finish',
  '~pass|~complete|~clear|~finish|successful the? uat',
  '~pass|~complete|~clear|~finish|successful the? user? acceptance ~test|testing',
  'look and feel',
  // Acceptance as a noun or in writing: "client approval", "formal acceptance", "approved in writing".
  'client|customer|business|sponsor|owner|stakeholder|board|group|committee|management|cab|user|formal|written ~approval|~acceptance|signoff',
  '~approve|~accept|~agree in writing',
  'acceptance certificate',
  'certificate of acceptance',
  'qa ~pass|~complete',
  'quality assurance ~pass|~complete',
  '~pass qa',
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
  // Circular: "meets the acceptance criteria" with no criteria named.
  '~meet|~satisfy|~pass|~fulfil|~fulfill the|all|its? acceptance ~criterion|criteria',
  // "as per the design", "in line with the mock-ups": which design, unless a named document follows.
  'as? per the|our? agreed|approved? ~design|designs|~mockup|mockups|~wireframe|~prototype',
  'in line with the|our? agreed|approved? ~design|designs|~mockup|mockups|~wireframe|~prototype',
  'according to the|our? agreed|approved? ~design|designs|~mockup|mockups|~wireframe|~prototype',
];

/**
 * "No critical defects." alone: who rates a defect critical, by which scale, and when it is
 * counted are all left open. With a scale, a log, a test or a moment ("Severity 1", "open at
 * go-live", "in the retest report", "escape to production") it is a count, and stays quiet.
 */
const severityPatterns: readonly string[] = [
  'no|zero|without critical|high|major|blocker|blocking|showstopper|serious ~defect|~bug|~issue|~error|~fault',
];
/** Words that add nothing checkable to a bare severity count: "There are no critical defects." */
const fillerWords = new Set([
  'there',
  'are',
  'is',
  'be',
  'will',
  'shall',
  'must',
  'should',
  'have',
  'has',
  'with',
  'and',
  'the',
  'any',
  'remaining',
  'known',
  'reported',
  'raised',
  'found',
]);

type Reading = 'opinion' | 'referential' | 'capability' | 'process' | 'severity';

const opinionPhrases: readonly Phrase<Reading>[] = [
  ...severityPatterns.flatMap((pattern) => phrase(pattern, 'severity' as const)),
  ...referentialPatterns.flatMap((pattern) => phrase(pattern, 'referential' as const)),
  ...capabilityPatterns.flatMap((pattern) => phrase(pattern, 'capability' as const)),
  ...processPatterns.flatMap((pattern) => phrase(pattern, 'process' as const)),
  ...opinionPatterns.flatMap((pattern) => phrase(pattern, 'opinion' as const)),
];

/** A count of zero of what a test or a log records: "no critical defects open", "zero high findings", "without open items". */
const noDefectPhrases: readonly Phrase<true>[] = [
  'no|zero|without open|outstanding|unresolved? critical|high|blocker|blocking|severity|sev|priority|showstopper or|and? critical|high|blocker|blocking? open|outstanding|unresolved? ~defect|~finding|~vulnerability|~bug|~issue|~incident|~error',
  'no|zero|without open|outstanding|unresolved ~defect|~finding|~vulnerability|~bug|~issue|~item|~exception',
].flatMap((pattern) => phrase(pattern, true as const));

/** A named document the criterion is checked against, anywhere in it: "in Annex D", "per the test plan", "against the checklist". */
const checkedAgainst =
  /\b(?:in|under|per|against|following|using)\s+(?:the\s+|our\s+|its\s+|their\s+|each\s+)?(?:(?:Annex|Appendix|Schedule|Exhibit|Attachment|Clause|Section)\s+[A-Z0-9]|§|(?:signed\s+|agreed\s+|approved\s+)?(?:[a-z-]+\s+){0,2}(?:plan|script|scripts|specification|spec|checklist|runbook|runbooks|test\s+cases|test\s+pack|test\s+suite|catalogue|catalog|matrix|register|inventory)\b)/;

/** The criterion names a check a third party could repeat, besides the sign-off or the UAT itself. */
function hasObjectiveCheck(criterion: string, words: readonly Word[]): boolean {
  return (
    checkedAgainst.test(criterion) ||
    findPhrases(criterion, words, noDefectPhrases).length > 0 ||
    findPhrases(criterion, words, demonstrationPhrases).length > 0
  );
}

/** A named document after a referential phrase: "in Annex B", "set out in the test plan", "per SOW §4". */
const namedReference =
  /^[\s,]*(?:(?:as\s+)?(?:set\s+out|listed|defined|described|documented|specified|written|recorded|stated)\s+)?(?:in|under|per|by|of|from)\s+(?:the\s+|our\s+)?(?:Annex|Appendix|Schedule|Section|Exhibit|Attachment|Clause|§|[A-Z]{2,}\b|(?:signed\s+|agreed\s+)?(?:[a-z-]+\s+){0,2}(?:plan|script|specification|spec|checklist|document|backlog|register|catalogue|catalog|matrix|brief|workbook|annex|appendix|schedule|contract|agreement)\b)/;

/** The catalogue's snippet as text; the TODO keeps cost-tbd-placeholder visible until it is filled in. */
const testableCriterion = '"TODO: N of M test cases in <test plan> pass"';

/** The words that make a criterion an opinion, remembered per text across checks; none when it has a real quantity. */
const opinions = new TextMemo<Opinion | undefined>();

/** The words that make a criterion subjective, and whether they only name how it is accepted (a sign-off, a UAT). */
interface Opinion {
  readonly written: string;
  readonly process: boolean;
  /** A count of defects by a severity nobody defined. */
  readonly severity: boolean;
}

function opinionIn(criterion: string): Opinion | undefined {
  return opinions.get(criterion, () => {
    // A criterion with a real quantity can be tested; a digit in a name ("PHP 8.3") is not one, nor
    // a count of whose opinion or of what is judged ("the 3 regional managers", "the 5 reports").
    if (hasQuantity(criterion, { counts: 'tested' })) return undefined;
    const words = wordsOf(criterion);
    let demonstrated: boolean | undefined;
    let checked: boolean | undefined;
    const isOpinion = (m: PhraseMatch<Reading>): boolean => {
      if (m.value === 'opinion') return true;
      if (m.value === 'referential') return !namedReference.test(criterion.slice(m.end, m.end + 80));
      if (m.value === 'severity') return words.every((w, i) => (i >= m.first && i <= m.last) || fillerWords.has(w.lower));
      if (m.value === 'process') {
        checked ??= hasObjectiveCheck(criterion, words);
        return !checked;
      }
      demonstrated ??= findPhrases(criterion, words, demonstrationPhrases).length > 0;
      return !demonstrated;
    };
    const found = findPhrases(criterion, words, opinionPhrases).filter(isOpinion);
    // The opinion itself ("visually appealing") says more than the process around it ("Look and feel", "signed off").
    const match =
      found.find((m) => m.value !== 'process' && m.value !== 'severity') ?? found.find((m) => m.value !== 'process') ?? found[0];
    if (!match) return undefined;
    // Opinion phrases that meet make one opinion, quoted whole: "to the client's" + "satisfaction".
    const same =
      match.value === 'process' || match.value === 'severity'
        ? []
        : found.filter((m) => m.value !== 'process' && m.value !== 'severity').sort((a, b) => a.start - b.start);
    let { start, end } = match;
    for (let grown = true; grown;) {
      grown = false;
      for (const m of same) {
        const touches = m.start <= end ? m.end >= start : /^\s*$/.test(criterion.slice(end, m.start));
        const before = m.end <= start && /^\s*$/.test(criterion.slice(m.end, start));
        if ((touches || before) && (m.start < start || m.end > end)) {
          start = Math.min(start, m.start);
          end = Math.max(end, m.end);
          grown = true;
        }
      }
    }
    return { written: criterion.slice(start, end), process: match.value === 'process', severity: match.value === 'severity' };
  });
}

export const rule: Rule = {
  id: 'expertise-acceptance-criteria-subjective',
  category: 'expertise',
  severity: 'warning',
  fixes: ['display-only'],
  title: 'Acceptance criterion is subjective',
  explanation: `This criterion depends on opinion ("to the client's satisfaction", "signed off", "meets expectations"), so it cannot be tested and invites dispute at payment time. Use observable criteria such as response-time thresholds, signed QA checklists or agreed metrics, "instead of vague 'satisfactory' language" (eSignHub, *SOW template guide*). Acceptance clauses should state objective criteria and the test method (ContractStandards, *Acceptance*). Sign-off is the process by which a deliverable is accepted, not the criterion for accepting it.

A sign-off, an approval, an agreement or a UAT on its own ("signed off by the CFO", "accepted by the steering committee", "agreed between the parties", "UAT passed") leaves acceptance to someone's judgement and is reported. After an objective check in the same criterion (tests or a checklist in a named document, "no critical defects open", a demonstration done unaided) a sign-off by a named role only records who accepts, and is not reported: "the acceptance tests in Annex D pass and the regional IT lead signs off". Acceptance as a noun or in writing ("client approval", "approved in writing by the Head of Claims") and "QA passed" are the same process. Preference and looks ("users prefer the new reports", "visually appealing", "look and feel"), an unnamed practice or purpose ("good industry practice", "fit for their intended purpose"), success or testing with no measure ("successful pilot", "fully tested") and circular criteria ("meets the acceptance criteria", with none named) are opinions; "no critical defects open at go-live" is checked against the defect log. Criteria written as one sentence instead of a list are read as one criterion, beside the schema's error on their form.`,
  areas: ['expertise'],
  remedy:
    'Replace opinions ("to the client\'s satisfaction", "signed off") with something observable: a number of test cases passing, a threshold, a checklist. Sign-off is how a deliverable is accepted, not the criterion for accepting it. A code action inserts a template to fill in.',
  sources: [sources.sowGuide, sources.acceptanceClause],
  check(doc) {
    const findings: Finding[] = [];
    arrayAt(doc.value, ['deliverables']).forEach((deliverable, d) => {
      if (!isRecord(deliverable)) return;
      const criteria = deliverable.acceptance_criteria;
      // Fail safe: criteria written as one sentence instead of a list are still criteria; the
      // sentence is read as one criterion, and the schema still reports that it is not a list.
      const list: readonly { readonly criterion: unknown; readonly path: Path }[] = Array.isArray(criteria)
        ? criteria.map((criterion: unknown, c) => ({ criterion, path: ['deliverables', d, 'acceptance_criteria', c] }))
        : typeof criteria === 'string'
          ? [{ criterion: criteria, path: ['deliverables', d, 'acceptance_criteria'] }]
          : [];
      list.forEach(({ criterion, path }) => {
        if (typeof criterion !== 'string' || criterion.length > 2000) return;
        const opinion = opinionIn(criterion);
        if (opinion === undefined) return;
        const sentence = !Array.isArray(criteria);
        const label = itemLabel(deliverable, ['deliverables', d]);
        findings.push({
          ruleId: 'expertise-acceptance-criteria-subjective',
          path,
          ...(sentence ? { besideSchema: true } : {}),
          message: opinion.severity
            ? `Acceptance of ${label} rests on "${opinion.written}" with no severity scale: say who rates a defect, by which definition, and when it is counted (e.g. "0 open Severity 1 defects as defined in Annex C at go-live").`
            : opinion.process
              ? `Acceptance of ${label} rests on "${opinion.written}" alone: the criterion names no test, document or check to pass first.`
              : `Acceptance of ${label} depends on opinion: "${opinion.written}", with no number to test against.`,
          fixes: [
            {
              // Not preferred, never in bulk: it replaces the author's words with a template to fill in.
              title: 'Replace with a testable criterion ("N of M test cases in <test plan> pass")',
              ops: [{ op: 'replace', path, value: sentence ? `[${testableCriterion}]` : testableCriterion }],
              applicability: 'display-only',
            },
          ],
        });
      });
    });
    return findings;
  },
};
