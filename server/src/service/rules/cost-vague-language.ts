// cost-vague-language: Vague, open-ended language.
// Scans the scope's prose fields for Wiegers' ambiguous terms: one finding per occurrence, on the
// term itself, with a specific suggestion. Terms in `quantifiable` lists are fine in a sentence
// that has a number ("fast: p95 under 500 ms"). Settings add terms to either list.
import { arrayAt, formatPath, isRecord, valueAt } from '../model';
import type { RuleSettings } from '../settings';
import { hasQuantity } from '../quantities';
import type { Finding, Path, Rule } from '../types';
import { sources } from '../sources';
import { TextMemo } from '../textMemo';

const ruleId = 'cost-vague-language';
/** Beyond this many terms a field needs rewriting, not more underlines; it also bounds hostile input. */
const maxFindingsPerField = 20;

interface VagueTerm {
  /**
   * A regex source with no capturing groups (the term is found by its group index) and no nested
   * or adjacent unbounded quantifiers, so matching stays linear.
   */
  readonly pattern: string;
  /** Reported only when its sentence has no digit. */
  readonly quantifiable: boolean;
  /** What is wrong and what to write instead (Wiegers' table), completing `"<term>" …`. */
  readonly advice: string;
  /** Open-list terms that can simply be deleted once the list is complete. */
  readonly removable?: boolean;
  /** A catch-all that widens a list of inclusions; in an exclusion ("any other work not listed") it narrows the scope instead. */
  readonly widensOnly?: boolean;
  /** An appeal to an unnamed standard: in an acceptance criterion it is expertise-acceptance-criteria-subjective's finding, not a second one here. */
  readonly subjectiveInCriteria?: boolean;
  /** How the docs and `vagueTerms.ignore` name a term whose pattern does not read as words. */
  readonly label?: string;
}

const openList = 'leaves the list open: name every item, because whatever is not listed is out of scope';
/** Terms that defer the amount of work to later judgement, unless a named rule decides ("as required by GDPR Art. 30"). */
const asNeeded =
  'leaves the amount of work open: say who decides it is needed, by which criterion, and cap it (e.g. "up to 3 review rounds")';
const usability = 'is a matter of opinion: set a usability target (e.g. "4 of 5 test users complete the task unaided in under 2 minutes")';
const speed = 'needs a number: give a time and a percentile (e.g. "p95 under 500 ms")';
const change =
  'needs a baseline and a target: say from what to what, by when (e.g. "from 1,200 to under 600 tickets per month by 2027-10-31")';
const extreme = 'has no end point: give the target value that counts as done';
const enough = 'does not say how much is enough: give the number';
const notBinding = 'is not an obligation: state the required behaviour and the allowed exceptions';
const unnamedStandard = 'says nothing checkable: name the standard, version or control (e.g. "OWASP ASVS 4.0 level 2")';
const when = 'does not say by when: give a time limit (e.g. "within 2 business days")';
const howOften = 'does not say how often: give the interval (e.g. "every month")';
const howMany = 'does not say how many: give the number';

const builtInTerms: readonly VagueTerm[] = [
  {
    // "including, but not limited to,": the commas of legal drafting change nothing.
    pattern: 'including,?\\s+(?:but\\s+not\\s+limited\\s+to|without\\s+limitation)',
    quantifiable: false,
    advice: 'makes the list open-ended: list everything that is included',
    label: 'including but not limited to',
  },
  { pattern: 'etc\\.', quantifiable: false, advice: openList, removable: true },
  { pattern: 'etc', quantifiable: false, advice: openList, removable: true },
  { pattern: 'and\\s+so\\s+on', quantifiable: false, advice: openList, removable: true },
  { pattern: 'and\\s+so\\s+forth', quantifiable: false, advice: openList, removable: true },
  { pattern: 'and\\s+the\\s+like', quantifiable: false, advice: openList, removable: true },
  { pattern: 'and\\s+similar', quantifiable: false, advice: openList },
  {
    pattern: 'or\\s+similar',
    quantifiable: false,
    advice: 'leaves the choice open: name the product, or the criteria an alternative must meet',
  },
  { pattern: 'among(?:st)?\\s+others', quantifiable: false, advice: openList, removable: true },
  { pattern: 'and\\s+more', quantifiable: false, advice: openList, removable: true },
  { pattern: 'and/or', quantifiable: false, advice: 'is ambiguous: say whether you mean both, or either one' },
  // "on an as-needed basis", "as-required": the hyphen is a spelling of the same words.
  { pattern: 'as[\\s-]+needed', quantifiable: false, advice: asNeeded, label: 'as needed' },
  { pattern: 'as[\\s-]+required', quantifiable: false, advice: asNeeded, label: 'as required' },
  { pattern: 'as[\\s-]+necessary', quantifiable: false, advice: asNeeded, label: 'as necessary' },
  { pattern: 'as\\s+and\\s+when\\s+(?:needed|required|necessary)', quantifiable: false, advice: asNeeded },
  { pattern: 'as\\s+applicable', quantifiable: false, advice: asNeeded },
  { pattern: 'as\\s+appropriate', quantifiable: false, advice: asNeeded },
  { pattern: 'where\\s+appropriate', quantifiable: false, advice: asNeeded },
  { pattern: 'where\\s+(?:necessary|needed|required|possible|applicable)', quantifiable: false, advice: asNeeded },
  { pattern: 'when(?:ever)?\\s+(?:needed|required)', quantifiable: false, advice: asNeeded },
  { pattern: 'if\\s+(?:needed|required|applicable)', quantifiable: false, advice: asNeeded },
  { pattern: 'when\\s+necessary', quantifiable: false, advice: asNeeded },
  { pattern: 'if\\s+necessary', quantifiable: false, advice: asNeeded },
  { pattern: 'various', quantifiable: false, advice: 'does not say which ones: name each one' },
  {
    // "all reasonable efforts" promises as little as "best efforts".
    pattern: '(?:best|(?:all\\s+)?reasonable)\\s+efforts?',
    quantifiable: false,
    advice: 'commits to nothing measurable: state the service level or outcome owed',
    label: 'best effort(s)',
  },
  {
    pattern: 'best\\s+endeavou?rs?',
    quantifiable: false,
    advice: 'commits to nothing measurable: state the service level or outcome owed',
  },
  {
    pattern: 'commercially\\s+reasonable\\s+efforts?',
    quantifiable: false,
    advice: 'commits to nothing measurable: state the service level or outcome owed',
  },
  { pattern: 'misc(?:ellaneous)?', quantifiable: false, advice: 'hides what is included: name each item' },
  // Open lists, deferrals and hedges as leads write them, beyond the catalogue's words (issue 10).
  {
    // Also "and other related tasks", "plus related activities": whatever is related is open-ended.
    pattern:
      '(?:and|plus)\\s+(?:anything|everything)\\s+(?:else|related)|(?:(?:and|plus)\\s+)?(?:(?:any|all)\\s+)?(?:other\\s+)?related\\s+(?:tasks|activities|services|work|duties|deliverables)',
    quantifiable: false,
    advice: openList,
    widensOnly: true,
    label: 'and anything else',
  },
  { pattern: 'and\\s+others?(?!\\s+than\\b)', quantifiable: false, advice: openList, widensOnly: true, label: 'and other(s)' },
  {
    pattern: 'or\\s+others?(?!\\s+than\\b)',
    quantifiable: false,
    advice: 'leaves the choice open: name the product, or the criteria an alternative must meet',
    widensOnly: true,
    label: 'or other(s)',
  },
  { pattern: 'among(?:st)?\\s+other\\s+things', quantifiable: false, advice: openList, removable: true },
  { pattern: 'a\\s+variety\\s+of', quantifiable: false, advice: 'does not say which ones: name each one' },
  {
    pattern: "at\\s+(?:the\\s+)?(?:sole\\s+)?(?:[A-Za-z]+(?:['’]s)?\\s+)?discretion",
    quantifiable: false,
    advice: asNeeded,
    label: "at the vendor's discretion",
  },
  {
    pattern: '(?:where|if|when)\\s+(?:feasible|practicable|practical|sensible|relevant)',
    quantifiable: false,
    advice: asNeeded,
    label: 'where feasible',
  },
  {
    pattern: 'to\\s+the\\s+extent\\s+(?:possible|feasible|practicable|practical|necessary|reasonable)',
    quantifiable: false,
    advice: asNeeded,
    label: 'to the extent possible',
  },
  {
    pattern: 'as\\s+far\\s+as\\s+(?:possible|practicable|practical|reasonable)',
    quantifiable: false,
    advice: asNeeded,
    label: 'as far as possible',
  },
  {
    pattern: '(?:(?:if|when|as)\\s+(?:time|budget)\\s+(?:permits|allows)|(?:time|budget)\\s+permitting)',
    quantifiable: false,
    advice: asNeeded,
    label: 'if time permits',
  },
  {
    pattern: 'as\\s+deemed\\s+(?:necessary|appropriate|fit|needed|required)',
    quantifiable: false,
    advice: asNeeded,
    label: 'as deemed necessary',
  },
  {
    // "as the controllers request them", "as the business requires": the amount of work is decided later, by someone.
    pattern:
      '(?<!\\b(?:such|well)\\s)as\\s+(?:and\\s+when\\s+)?(?:the|our|your|its|their)\\s+(?:[A-Za-z]+\\s+){1,2}?(?:requests?|requested|requires?|required|needs?|needed|wants?|asks?|asked|decides?|directs?|deems?\\s+(?:necessary|appropriate|fit))(?=\\s*(?:[.,;:!?)]|$)|\\s+(?:them|it|this|that|so|and|or|from|during|over)\\b)',
    quantifiable: false,
    advice: asNeeded,
    label: 'as the business requires',
  },
  {
    // Also "all necessary configuration", "any required changes": which ones is decided later.
    pattern: 'any\\s+other|(?:all|any)\\s+(?:necessary|required|needed|additional)',
    quantifiable: false,
    advice: 'opens the scope to anything: list what is included',
    widensOnly: true,
    label: 'any other',
  },
  { pattern: 'several', quantifiable: true, advice: howMany },
  {
    pattern: 'typical',
    quantifiable: true,
    advice: 'does not say how much: give the value assumed (e.g. "up to 3,500 tickets a month")',
  },
  { pattern: 'a\\s+handful\\s+of', quantifiable: true, advice: howMany },
  { pattern: 'typically', quantifiable: true, advice: notBinding },
  { pattern: 'usually', quantifiable: true, advice: notBinding },
  { pattern: 'in\\s+most\\s+cases', quantifiable: true, advice: notBinding },
  {
    pattern: '(?:aims?|aiming|strives?|striving|endeavou?rs?|endeavou?ring|(?:will|shall|should|would)\\s+(?:try|attempt|seek))\\s+to',
    quantifiable: true,
    advice: notBinding,
    label: 'aim(s) to',
  },
  {
    pattern: 'smooth(?:ly)?',
    quantifiable: true,
    advice: 'is not testable: state the observable behaviour (e.g. "no second login and no re-keyed data")',
  },
  { pattern: 'a\\s+number\\s+of', quantifiable: true, advice: howMany },
  { pattern: 'numerous', quantifiable: true, advice: howMany },
  { pattern: 'a\\s+few', quantifiable: true, advice: howMany },
  { pattern: 'ad[\\s-]?hoc', quantifiable: true, advice: asNeeded, label: 'ad hoc' },
  { pattern: 'in\\s+a\\s+timely\\s+(?:manner|fashion)', quantifiable: true, advice: when },
  { pattern: 'timely', quantifiable: true, advice: when },
  { pattern: 'promptly', quantifiable: true, advice: when },
  { pattern: 'as\\s+soon\\s+as\\s+possible', quantifiable: true, advice: when },
  { pattern: 'asap', quantifiable: true, advice: when },
  { pattern: 'regularly', quantifiable: true, advice: howOften },
  { pattern: 'periodically', quantifiable: true, advice: howOften },
  { pattern: 'from\\s+time\\s+to\\s+time', quantifiable: true, advice: howOften },
  {
    // "industry standards", "good industry practice".
    pattern: '(?:good\\s+)?industry[\\s-](?:standards?|practices?)',
    quantifiable: true,
    advice: unnamedStandard,
    subjectiveInCriteria: true,
    label: 'industry standard',
  },
  { pattern: 'industry\\s+best\\s+practices?', quantifiable: true, advice: unnamedStandard, subjectiveInCriteria: true },
  { pattern: 'best\\s+practices?', quantifiable: true, advice: unnamedStandard, subjectiveInCriteria: true },
  { pattern: 'user[\\s-]friendly', quantifiable: true, advice: usability },
  { pattern: 'easy[\\s-]to[\\s-]use', quantifiable: true, advice: usability },
  { pattern: 'intuitive', quantifiable: true, advice: usability },
  { pattern: 'intuitively', quantifiable: true, advice: usability },
  { pattern: 'easily', quantifiable: true, advice: usability },
  {
    pattern: 'seamless(?:ly)?',
    quantifiable: true,
    advice: 'is not testable: state the observable behaviour (e.g. "no second login and no re-keyed data")',
  },
  {
    pattern: 'robust',
    quantifiable: true,
    advice:
      'is not testable: say which failures it must survive and how fast it recovers (e.g. "resumes within 30 s after a lost connection, without data loss")',
  },
  {
    pattern: 'flexible',
    quantifiable: true,
    advice: 'is not testable: name the changes it must allow (e.g. "a new field without a code change")',
  },
  {
    pattern: 'efficient(?:ly)?',
    quantifiable: true,
    advice: 'needs a number: state the time or effort target (e.g. "a sales call logged in under 30 s")',
  },
  { pattern: 'fast(?:er|est)?', quantifiable: true, advice: speed },
  { pattern: 'quick(?:ly|er|est)?', quantifiable: true, advice: speed },
  { pattern: 'rapid(?:ly)?', quantifiable: true, advice: speed },
  { pattern: 'better', quantifiable: true, advice: change },
  { pattern: 'improved?', quantifiable: true, advice: change },
  { pattern: 'improv(?:es|ing)', quantifiable: true, advice: change },
  { pattern: 'simplif(?:y|ied|ies|ying)', quantifiable: true, advice: change },
  { pattern: 'streamlin(?:e|ed|es|ing)', quantifiable: true, advice: change },
  { pattern: 'optimi[sz]ed?', quantifiable: true, advice: extreme },
  { pattern: 'optimi[sz](?:es|ing)', quantifiable: true, advice: extreme },
  { pattern: 'maximi[sz]e', quantifiable: true, advice: extreme },
  { pattern: 'maximi[sz](?:ed|es|ing)', quantifiable: true, advice: extreme },
  { pattern: 'minimi[sz]e', quantifiable: true, advice: extreme },
  { pattern: 'minimi[sz](?:ed|es|ing)', quantifiable: true, advice: extreme },
  {
    pattern: 'state[\\s-]of[\\s-]the[\\s-]art',
    quantifiable: true,
    advice: 'says nothing checkable: name the technology, version or standard',
  },
  { pattern: 'adequate(?:ly)?', quantifiable: true, advice: enough },
  { pattern: 'reasonabl(?:e|y)', quantifiable: true, advice: enough, label: 'reasonable' },
  { pattern: 'sufficient(?:ly)?', quantifiable: true, advice: enough },
  { pattern: 'normally', quantifiable: true, advice: notBinding },
  { pattern: 'ideally', quantifiable: true, advice: notBinding },
  {
    pattern: 'high[\\s-]performance',
    quantifiable: true,
    advice: 'needs numbers: give throughput and latency targets (e.g. "200 requests/s at p95 under 300 ms")',
  },
  {
    pattern: 'scalable',
    quantifiable: true,
    advice: 'needs a load: say to what volume (e.g. "10× today\'s 5,000 users at the same response times")',
  },
  {
    pattern: 'scalability',
    quantifiable: true,
    advice: 'needs a load: say to what volume (e.g. "10× today\'s 5,000 users at the same response times")',
  },
];

const customAdvice = 'is on your list of vague terms: replace it with a specific, measurable statement';

export const rule: Rule = {
  id: ruleId,
  category: 'cost',
  severity: 'warning',
  fixes: ['unsafe'],
  title: 'Vague, open-ended language',
  explanation: `Vague or open-ended wording leaves the scope open-ended. Unclear terms are a first cause of hidden costs: the vendor prices the narrow reading, you expect the broad one, and the difference comes back as a change request. Open lists ("etc.", "and so on", "including but not limited to") "can't be used for design or testing", and comparative words ("faster", "better", "user-friendly") need a number (Karl Wiegers, *Software Requirements*, ambiguous terms to avoid). The hover also gives a specific suggestion for each term, taken from Wiegers' table. Wiegers also lists "such as". It is off by default because it is too noisy in descriptions, and can be enabled through \`vagueTerms.always\`.`,
  areas: ['cost'],
  get remedy(): string {
    return `Replace the vague term with a number, a list, or a definition: say how fast, which items, how many. For open lists ("etc.", "and so on", "and more") the quick fix removes the term so you can list every item; for others a code action inserts a suppression comment with a reason. Settings add terms; \`vagueTerms.ignore\` removes built-in ones.\n\nBuilt-in terms, always reported: ${builtInTermLabels.always.map((t) => `\`${t}\``).join(', ')}. Reported only in a sentence without a measurable quantity (a number with a unit, a bound, a percentage or a date; a name or count ("ISO 27001", "3 sites") does not count), and never in an exclusion: ${builtInTermLabels.unlessQuantified.map((t) => `\`${t}\``).join(', ')}. Not reported: a term inside a name ("Quick Start guide") or quotes, "as required by" a named law, policy or document, a term that law defines, and "any other" in \`out_of_scope\`, where it narrows the scope.`;
  },
  sources: [sources.ambiguousTerms],
  check(doc, settings) {
    const root = doc.value;
    const matcher = vagueMatcher(settings);
    const findings: Finding[] = [];
    for (const path of scannedPaths(root)) {
      const text = valueAt(root, path);
      if (typeof text !== 'string') continue;
      const describedIn = describedBy(root, path);
      // A loop, not push(...): one long text can hold more findings than the call stack has room for.
      for (const finding of scan(text, path, matcher)) {
        // A title is a label: a term its own description repeats is judged there, where it is
        // defined or bounded ("Fast checkout" -> "a fast checkout: p95 under 2 s from basket to receipt").
        const written = typeof finding.at === 'object' ? normalTerm(finding.at.text) : '';
        if (describedIn !== undefined && written !== '' && describedIn.includes(written)) continue;
        findings.push(finding);
      }
    }
    return findings;
  },
};

interface Matcher {
  readonly terms: readonly VagueTerm[];
  /** One capturing group per term, in `terms` order. */
  readonly regex: RegExp;
  /** `vagueTerms.ignore`, normalised: also compared with the words as written ("faster"). */
  readonly ignored: ReadonlySet<string>;
}

function normalTerm(term: string): string {
  return term.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** How a term reads in the docs and in `vagueTerms.ignore`: `fast(er|est)`, `user-friendly`, `etc.`. */
export function termLabel(term: VagueTerm): string {
  if (term.label !== undefined) return term.label;
  return term.pattern
    .replace(/\[\\s-\]/g, '-')
    .replace(/\\s\+/g, ' ')
    .replace(/\[sz\]/g, 's')
    .replace(/\(\?:([^)]*)\)\?/g, '($1)')
    .replace(/\(\?:([^)]*)\)/g, '($1)')
    .replace(/([a-z])\?/g, '($1)')
    .replace(/\\(.)/g, '$1');
}

/** The built-in terms, as the docs list them. */
export const builtInTermLabels: { readonly always: readonly string[]; readonly unlessQuantified: readonly string[] } = {
  always: builtInTerms.filter((t) => !t.quantifiable).map(termLabel),
  unlessQuantified: builtInTerms.filter((t) => t.quantifiable).map(termLabel),
};

let cached:
  | {
      readonly always: readonly string[];
      readonly unlessQuantified: readonly string[];
      readonly ignore: readonly string[];
      readonly matcher: Matcher;
    }
  | undefined;

/** The built-in terms plus the user's, compiled once per settings object. */
function vagueMatcher(settings: RuleSettings): Matcher {
  const { always, unlessQuantified, ignore } = settings.vagueTerms;
  if (cached && cached.always === always && cached.unlessQuantified === unlessQuantified && cached.ignore === ignore) return cached.matcher;
  // The user's terms come first, so a longer custom phrase wins over a built-in word inside it.
  const custom = [...always.map((t) => customTerm(t, false)), ...unlessQuantified.map((t) => customTerm(t, true))].filter(
    (t): t is VagueTerm => t !== undefined,
  );
  const ignored = new Set(ignore.map(normalTerm).filter((t) => t !== ''));
  // "fast" removes "fast(er|est)" too: a label's word without its optional endings names it as well.
  const terms = [...custom, ...builtInTerms].filter((t) => {
    const label = normalTerm(termLabel(t));
    return !ignored.has(label) && !ignored.has(label.replace(/\([^)]*\)/g, ''));
  });
  // Lookarounds instead of \b: "etc." ends in a non-word character, where \b would not match.
  const regex = new RegExp(`(?<!\\w)(?:${terms.map((t) => `(${t.pattern})`).join('|')})(?!\\w)`, 'gi');
  const matcher = { terms, regex, ignored };
  cached = { always, unlessQuantified, ignore, matcher };
  return matcher;
}

function customTerm(term: string, quantifiable: boolean): VagueTerm | undefined {
  const trimmed = term.trim();
  if (trimmed === '') return undefined;
  // Escaped literally; any run of spaces in the term matches any run of whitespace in the text.
  const pattern = trimmed
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('\\s+');
  // Plain capturing groups in a user pattern would shift the term index; escaping removed them all.
  return { pattern, quantifiable, advice: customAdvice };
}

/** For a deliverable's title, its description (normalised like the terms); otherwise undefined. */
function describedBy(root: unknown, path: Path): string | undefined {
  if (path[0] !== 'deliverables' || path[2] !== 'title' || typeof path[1] !== 'number') return undefined;
  const description = valueAt(root, ['deliverables', path[1], 'description']);
  return typeof description === 'string' ? normalTerm(description) : undefined;
}

/** The prose fields the catalogue names, the assumptions and the payment terms. */
function scannedPaths(root: unknown): Path[] {
  const paths: Path[] = [['project', 'objective']];
  arrayAt(root, ['deliverables']).forEach((d, i) => {
    if (!isRecord(d)) return;
    paths.push(['deliverables', i, 'title'], ['deliverables', i, 'description']);
    arrayAt(root, ['deliverables', i, 'acceptance_criteria']).forEach((_, j) => paths.push(['deliverables', i, 'acceptance_criteria', j]));
  });
  arrayAt(root, ['success_measures']).forEach((m, i) => {
    if (isRecord(m)) paths.push(['success_measures', i, 'metric']);
  });
  arrayAt(root, ['out_of_scope']).forEach((_, i) => paths.push(['out_of_scope', i]));
  // An assumption the price depends on ("the vendor provides support as needed") is as open as a deliverable.
  arrayAt(root, ['assumptions']).forEach((_, i) => paths.push(['assumptions', i]));
  // Payment terms decide when and how much is paid: "within a reasonable time", "adjusted as appropriate".
  paths.push(['budget', 'payment_terms']);
  return paths;
}

/** A vague term found in a text: everything about it that does not depend on where the text is. */
interface Hit {
  readonly written: string;
  readonly occurrence: number;
  readonly advice: string;
  readonly quantifiable: boolean;
  readonly sentence: string;
  readonly removal: string | undefined;
}

/**
 * Hits per matcher (one per settings), place (in exclusions, in criteria) and text: a text read once
 * is not read again on the next check. Keyed by the text itself, not a new string made from it: the
 * texts of the parts an edit did not touch are the same strings, whose hash is already known.
 */
const hitMemos = new WeakMap<Matcher, TextMemo<readonly Hit[]>[]>();

function hitsIn(text: string, inExclusions: boolean, inCriteria: boolean, matcher: Matcher): readonly Hit[] {
  let memos = hitMemos.get(matcher);
  if (!memos) hitMemos.set(matcher, (memos = [new TextMemo(), new TextMemo(), new TextMemo(), new TextMemo()]));
  const memo = memos[(inExclusions ? 2 : 0) + (inCriteria ? 1 : 0)] ?? new TextMemo<readonly Hit[]>();
  return memo.get(text, () => {
    const hits: Hit[] = [];
    const sentences = sentencesOf(text);
    const regex = new RegExp(matcher.regex.source, matcher.regex.flags);
    let sentence = 0;
    for (let m = regex.exec(text); m !== null && hits.length < maxFindingsPerField; m = regex.exec(text)) {
      const written = m[0];
      if (written === '') {
        regex.lastIndex++;
        continue;
      }
      const term = matcher.terms[m.slice(1).findIndex((g) => g !== undefined)];
      if (!term) continue;
      while (sentence < sentences.length - 1 && (sentences[sentence]?.end ?? 0) <= m.index) sentence++;
      const where = sentences[sentence];
      if (matcher.ignored.has(normalTerm(written))) continue;
      if (!where || !applies(term, text, where, m.index, written, inExclusions, inCriteria)) continue;
      hits.push({
        written,
        occurrence: countBefore(text, written, m.index),
        advice: term.advice,
        quantifiable: term.quantifiable,
        sentence: excerpt(text.slice(where.start, where.end)),
        removal: term.removable ? removalText(text, written, m.index) : undefined,
      });
    }
    return hits;
  });
}

function scan(text: string, path: Path, matcher: Matcher): Finding[] {
  const inExclusions = path[0] === 'out_of_scope';
  const inCriteria = path.includes('acceptance_criteria');
  const hits = hitsIn(text, inExclusions, inCriteria, matcher);
  return hits.map(({ written, occurrence, advice, quantifiable, sentence, removal }) => ({
    ruleId,
    path,
    at: occurrence > 0 ? { text: written, occurrence } : { text: written },
    message: `"${written}" ${advice}.`,
    facts: [
      `In \`${formatPath(path)}\`: "${sentence}"`,
      ...(quantifiable ? ['Accepted in a sentence that gives a measurable quantity, e.g. "under 500 ms".'] : []),
    ],
    ...(removal
      ? {
          fixes: [
            {
              title: `Remove "${written}" (list all items explicitly)`,
              ops: [{ op: 'removeText' as const, path, text: removal }],
              preferred: true,
              // Deleting words changes what was agreed; the list they stood for still has to be written.
              applicability: 'unsafe' as const,
            },
          ],
        }
      : {}),
  }));
}

interface Sentence {
  readonly start: number;
  readonly end: number;
  /** Whether it states a measurable quantity; computed on first use. */
  quantified?: boolean;
  /** Whether it cites the named rule that defines its terms ("as required under the Equality Act 2010"); computed on first use. */
  defined?: boolean;
}

/** Sentences end at ".", "!" or "?" followed by whitespace or the end: "2.0 s" stays one sentence. */
function sentencesOf(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    const isStop = ch === 46 || ch === 33 || ch === 63; // . ! ?
    const next = text[i + 1];
    if (isStop && (next === undefined || /\s/.test(next))) {
      sentences.push({ start, end: i + 1 });
      start = i + 1;
    }
  }
  if (start < text.length || sentences.length === 0) sentences.push({ start, end: text.length });
  return sentences;
}

const exclusionSentence =
  /\b(?:not\s+(?:part\s+of|included|in\s+scope|covered|provided)|out\s+of\s+scope|excluded|exclud(?:es|ing)|exclusions?)\b/i;
/** "as required by GDPR Art. 30", "as needed under the Data Protection Act": a named rule decides, not a later judgement. */
const namedAuthority =
  /^\s+(?:by|under|in)\s+(?:(?:the|our|your|its|their|applicable|current|local)\s+)?(?!(?:Client|Customer|Vendor|Supplier|Contractor|Provider|Buyer|Purchaser|Business|Sponsor|Product\s+Owner|Project\s+Manager)(?!['’]s\b)\b)(?:[A-Z0-9]|(?:[a-z-]+\s+){0,2}?(?:laws?\b|regulations?\b|polic(?:y|ies)\b|statutes?\b|legislation\b|contract\b|agreement\b|standards?\b|annex\b|appendix\b|section\b|clause\b))/;
/** "as required under the Equality Act 2010", "as defined in Annex C": the sentence's terms are the named rule's, not the author's. */
const definedTerms =
  /\b(?:as\s+(?:required|defined|set\s+out|specified|described|meant)|within\s+the\s+meaning\s+of)(?=(\s+(?:by|under|in)\s+[^.;]{0,80}))/gi;
const meaningOf = /^\s+of\s+/;
/** A quotation or a title in double quotes: the words are mentioned, not promised ('the "Update your details easily" page'). */
const quoted = /["“]([^"“”\n]{1,80})["”]/g;

/** Whether a term in the sentence is defined by a named law, standard or document the sentence cites. */
function definedByNamedRule(body: string): boolean {
  definedTerms.lastIndex = 0;
  for (let m = definedTerms.exec(body); m !== null; m = definedTerms.exec(body)) {
    const rest = m[1] ?? '';
    if (namedAuthority.test(rest) || meaningOf.test(rest)) return true;
  }
  return false;
}

/** Whether the characters from `index` to `end` lie inside a quoted span of the sentence. */
function insideQuotes(text: string, sentence: Sentence, index: number, end: number): boolean {
  const body = text.slice(sentence.start, sentence.end);
  quoted.lastIndex = 0;
  for (let m = quoted.exec(body); m !== null; m = quoted.exec(body)) {
    const from = sentence.start + m.index;
    if (from < index && from + m[0].length > end) return true;
  }
  return false;
}

/**
 * Whether a matched term is vague where it stands. Not when: a quantifiable term sits in a
 * sentence with a measurable quantity, or in an exclusion (an exclusion needs no target, so
 * "Tablet-optimised layouts" in `out_of_scope` is fine); a catch-all sits in an exclusion, where
 * it narrows the scope; "as required" is followed by the named rule that requires it; the words
 * are part of a name ("Quick Start guide", "Fast Healthcare Interoperability Resources").
 */
function applies(
  term: VagueTerm,
  text: string,
  sentence: Sentence,
  index: number,
  written: string,
  inExclusions: boolean,
  inCriteria: boolean,
): boolean {
  const body = text.slice(sentence.start, sentence.end);
  const excluding = inExclusions || exclusionSentence.test(body);
  if (term.widensOnly && excluding) return false;
  if (term.subjectiveInCriteria && inCriteria) return false;
  if (term.quantifiable) {
    if (excluding) return false;
    // A count of the scope's things ("at our 3 sites", "the 5 reports") says nothing about how
    // efficient or how fast; a count a test makes ("0 errors in 48,000 records") does.
    sentence.quantified ??= hasQuantity(body, { counts: 'tested' });
    if (sentence.quantified) return false;
    sentence.defined ??= definedByNamedRule(body);
    if (sentence.defined) return false;
  }
  const after = text.slice(index + written.length, Math.min(sentence.end, index + written.length + 120));
  if (term.advice === asNeeded && namedAuthority.test(after)) return false;
  if (insideQuotes(text, sentence, index, index + written.length)) return false;
  return !partOfName(text, sentence, index, written, term.quantifiable);
}

/**
 * A capitalised term in a run of capitalised words, or an adjective capitalised in mid-sentence, is
 * (part of) a name: "Quick Start guide", "Fast Healthcare Interoperability Resources", "the Smooth
 * Rollout programme". An open list or a deferral is never a name for its capitals alone: "reports
 * Etc.", "with As Needed support", "Various dashboards" are the words themselves.
 */
function partOfName(text: string, sentence: Sentence, index: number, written: string, adjective: boolean): boolean {
  if (!/^[A-Z]/.test(written)) return false;
  const before = text.slice(sentence.start, index);
  const atStart = /^[\s"'“‘(\-*•]*$/.test(before);
  if (!atStart && adjective) return true;
  return /^\s+[A-Z][a-z]/.test(text.slice(index + written.length, index + written.length + 40));
}

/**
 * What to remove for "Remove 'etc.'": the term, but without a final full stop that also ends the
 * sentence ("reports, etc. Then" -> "reports. Then"). The fix engine removes the first occurrence,
 * so no fix is offered when an earlier one (another "etc.", or "etc" in "fetch") would be hit.
 */
function removalText(text: string, written: string, index: number): string | undefined {
  const next = text.charAt(index + written.length);
  const needle = written.endsWith('.') && (next === '' || /\s/.test(next)) ? written.slice(0, -1) : written;
  return countBefore(text, needle, index) === 0 ? needle : undefined;
}

/** How many times `needle` occurs (case-insensitively) before `index`: which occurrence to underline. */
function countBefore(text: string, needle: string, index: number): number {
  const haystack = text.slice(0, index).toLowerCase();
  const lower = needle.toLowerCase();
  let count = 0;
  for (let at = haystack.indexOf(lower); at >= 0; at = haystack.indexOf(lower, at + 1)) count++;
  return count;
}

function excerpt(text: string): string {
  const clean = text.trim().replace(/\s+/g, ' ');
  return clean.length > 120 ? `${clean.slice(0, 117)}…` : clean;
}
