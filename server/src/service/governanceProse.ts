// Oversight written in prose: a lead who describes the vendor's written reports or the escalation
// route in words ("a monthly service report by the fifth working day", "issues the weekly call
// cannot settle are escalated to the steering group") has agreed them, even where the field the
// rules read is absent. The governance rules then say where the prose is and ask to move it into
// the field (a hint), instead of reporting that reports or escalation are missing.
// Words are matched by lemma and phrase (phrases.ts), so "escalated", "escalates" and "escalation"
// are one word, and "reports" is "report". A phrase is words next to each other ("sprint report",
// "summary of progress"), never the same words scattered across a sentence. A route that does not
// say "escalate" is read from a sentence's structure: an unsettled issue as its subject ("issues
// unresolved after 5 working days", "disagreements the weekly call cannot settle"), a hand-off verb
// ("go to", "are referred to", "raised with") and the senior role or person it goes to.
import { arrayAt, formatPath, isRecord, shortText, valueAt } from './model';
import { findPhrases, phrase, stemOf, wordsOf, type Phrase, type Word } from './phrases';
import { propertiesAt } from './schemaNav';
import type { Path } from './types';

/** Where prose describes an oversight arrangement: the value's path and the words found. */
export interface ProseMention {
  readonly path: Path;
  /** The words matched, as written. */
  readonly words: string;
}

/** Bounds on what is read: a governance section is a few short texts. */
const maxTexts = 200;
const maxLength = 2000;
const maxDepth = 6;

/**
 * Written reporting that is not called a report: a pack or dashboard of progress or service levels
 * ("fortnightly progress pack", "KPI dashboard", "Jira dashboard shared with our team"), a RAG
 * status, a burndown chart, a supplier scorecard.
 */
const packs: readonly string[] = [
  'progress|status|reporting|steering|board|governance|highlight|kpi|sla|performance|review|management ~pack',
  'kpi|sla|performance|rag|project|delivery|programme|program|jira|service|governance|status|progress|burndown ~dashboard',
  '~dashboard shared|published|sent|emailed|circulated',
  'rag ~status|~rating|~report|~update|~assessment',
  'red amber green ~status|~rating|~report|~update|~assessment',
  '~burndown|~burnup',
  'burn down|up ~chart',
  'kpi|sla|service|supplier|vendor|performance|balanced ~scorecard',
  'test|testing|qa ~status|~progress|~execution ~report|~summary',
];

/**
 * The same as a deliverable, where a dashboard of KPIs can be the product itself ("Sales KPI
 * dashboard in Power BI"): only packs and dashboards of the project's own progress count.
 */
const deliverablePacks: readonly string[] = [
  'progress|status|reporting|steering|governance|highlight|review ~pack',
  'project|delivery|programme|program|status|progress|governance|burndown ~dashboard',
  'rag ~status|~rating|~report|~update|~assessment',
  'red amber green ~status|~rating|~report|~update|~assessment',
  '~burndown|~burnup',
  'burn down|up ~chart',
  'test|testing|qa ~status|~progress|~execution ~report',
];

/** Written reports from the vendor, in a governance text (where a cadence before "report" says enough). */
const governanceReporting: readonly Phrase<true>[] = [
  'status|progress|service|highlight|checkpoint|exception|sprint|iteration|performance|management|governance|sla|kpi|rag|steering|written|weekly|fortnightly|biweekly|monthly|quarterly ~report',
  'weekly|fortnightly|biweekly|monthly ~status|~progress|~service|~highlight ~report',
  'end of? sprint|stage|iteration ~report',
  'status|progress|written|emailed|one|two page? ~update|~summary',
  'status|progress ~email|~memo|~dashboard',
  '~report|~summary|~update of|on progress|status',
  '~report progress|status',
  '~report every|each day|week|fortnight|month|sprint|iteration|monday|tuesday|wednesday|thursday|friday',
  '~report at|after each|every ~sprint|~iteration|~review|~demo',
  ...packs,
].flatMap((pattern) => phrase(pattern, true as const));

/** Written reports as a deliverable: the kind of report must be a status report, not a product ("Monthly sales report"). */
const deliverableReporting: readonly Phrase<true>[] = [
  'status|progress|service|highlight|checkpoint|exception|sprint|iteration|governance ~report',
  'weekly|fortnightly|biweekly|monthly ~status|~progress|~service|~highlight ~report',
  'end of? sprint|stage|iteration ~report',
  'status|progress ~update|~summary',
  '~report|~summary|~update of|on progress|status',
  ...deliverablePacks,
].flatMap((pattern) => phrase(pattern, true as const));

/** A success measure read from the vendor's written report: a status or service report, not a product's ("Google Analytics monthly report"). */
const measureReporting: readonly Phrase<true>[] = [
  ...deliverableReporting,
  ...phrase('sla|kpi|performance ~report', true as const),
  ...phrase('service level ~report', true as const),
];

/**
 * An escalation route in so many words: "escalated to", "escalation path", "escalates", "level 2",
 * "the next level"; or a RACI or escalation matrix that says who is accountable for what ("issue
 * ownership follows the governance RACI in Schedule 5").
 */
const escalationWords: readonly Phrase<true>[] = [
  '~escalate|~escalation',
  '~raci|~rasci',
  'responsibility|accountability|escalation|decision ~matrix',
  'level|tier two|three',
  'second|third|next|higher level|tier',
].flatMap((pattern) => phrase(pattern, true as const));

/** A numbered level ("Level 2: the sponsors", "L2: Delivery Director"): digits are not words to the phrase matcher. */
const numberedLevel = /\b(?:level|tier)[ -]?[23]\b|\bL[23](?=\s*[:=(–—-])/i;

// ---- a route written as a sentence: an unsettled issue, a hand-off verb, a senior role ---------

/** A set of lower-case words, written as one space-separated string. */
function wordSet(words: string): ReadonlySet<string> {
  return new Set(words.split(' '));
}

/** Verbs that move an issue up by themselves ("raised with the sponsor", "referred to the board"). */
const routeVerbs = wordSet(
  'raise raised raises raising refer referred refers referring elevate elevated elevates escalate escalated escalates escalating',
);
/** Verbs that move an issue up only when the issue is the subject ("issues unresolved after 5 days go to the CIO"). */
const handOffVerbs = wordSet(
  'go goes going went gone pass passed passes passing take taken takes took send sent sends hand handed hands bring brought brings forward forwarded forwards move moves moved put puts decided settled resolved arbitrated',
);
/** What joins the verb to whom the issue goes ("go to", "raised with", "put before", "decided by"). */
const handOffJoins = wordSet('to with before by onto up on');
/** Whom an issue goes up to: a senior role or body, or a dispute-resolution step. */
const seniorRoles = wordSet(
  'sponsor sponsors steering board committee executive executives director directors cio cto ceo cfo coo ciso cdo vp head heads leadership chair principal partner partners mediation mediator arbitration arbitrator adjudicator adjudication ombudsman',
);
/** Where an item is filed rather than whom it goes to ("issues go to the Jira board"). */
const filingPlaces = wordSet(
  'jira trello backlog ticket tickets queue log register tracker channel slack teams email inbox tool system portal confluence sharepoint',
);
/** Subjects that are an issue between the parties (by stem: "disputes", "disagreement", "blockers"). */
const issueStems = new Set(
  [
    'issue',
    'dispute',
    'disagreement',
    'problem',
    'blocker',
    'concern',
    'complaint',
    'conflict',
    'deadlock',
    'impasse',
    'risk',
    'unresolved',
    'unsettled',
    'escalation',
  ].map(stemOf),
);
/** "cannot settle", "not resolved", "fail to agree": an issue nobody has settled. */
const negations = wordSet("not cannot can't unable fail fails failing failed no never don't doesn't won't");
const settleStems = new Set(['settle', 'resolve', 'agree', 'decide', 'fix', 'close', 'solve'].map(stemOf));
/** Subjects that are a routine flow, not an issue: a change request to approve, a report to read, an invoice to pay. */
const routineStems = new Set(
  ['change', 'request', 'variation', 'report', 'summary', 'update', 'minute', 'invoice', 'timesheet', 'dashboard'].map(stemOf),
);

/** The longest a sentence is read for a route: a clause of a governance text. */
const maxSentenceWords = 80;
/** How many words after the verb may name whom the issue goes to ("to our COO and Brightpath's managing director"). */
const targetWindow = 6;

/** The words of each sentence or clause (split at . ; ! ? and line breaks). */
function clausesOf(text: string): { text: string; words: Word[] }[] {
  const out: { text: string; words: Word[] }[] = [];
  let from = 0;
  for (const m of text.matchAll(/[.;!?](?=\s|$)|\n/g)) {
    const end = (m.index ?? 0) + 1;
    out.push({ text: text.slice(from, end), words: wordsOf(text.slice(from, end)) });
    from = end;
  }
  if (from < text.length) out.push({ text: text.slice(from), words: wordsOf(text.slice(from)) });
  return out;
}

/** An issue nobody has settled among `words`: an issue noun, or a negated "settle" ("cannot agree"). */
function hasUnsettledIssue(words: readonly Word[]): boolean {
  return words.some((w, i) => {
    if (issueStems.has(stemOf(w.lower))) return true;
    if (!negations.has(w.lower)) return false;
    return words.slice(i + 1, i + 4).some((next) => settleStems.has(stemOf(next.lower)));
  });
}

/**
 * A route in one clause: a hand-off verb joined to whom the issue goes. A verb that moves an issue
 * up by itself ("referred to", "raised with") needs a senior role after it, or an issue as its
 * subject and a named person; any other hand-off ("go to", "passed to") needs an unsettled issue as
 * its subject and a senior role or a named person after it. A routine subject (a change request, a report) with no issue is not
 * a route: "change requests over 10,000 EUR go to the sponsor" is an approval.
 */
function routeIn(clause: { text: string; words: Word[] }): { start: number; end: number } | undefined {
  const { text, words } = clause;
  if (words.length > maxSentenceWords) return undefined;
  for (let i = 0; i < words.length - 1; i++) {
    const verb = words[i];
    const join = words[i + 1];
    if (!verb || !join) continue;
    const strong = routeVerbs.has(verb.lower);
    if (!strong && !handOffVerbs.has(verb.lower)) continue;
    if (!handOffJoins.has(join.lower)) continue;
    // Whom it goes to: the next few words of the same clause, up to a comma or a bracketed aside's end.
    const target: Word[] = [];
    for (let k = i + 2; k < words.length && target.length < targetWindow; k++) {
      const word = words[k];
      const before = words[k - 1];
      if (!word || !before || /[,:"“”]/.test(text.slice(before.end, word.start))) break;
      if (word.lower === 'to' && before.lower === 'on') continue;
      target.push(word);
    }
    if (target.length === 0 || target.some((w) => filingPlaces.has(w.lower))) continue;
    const subject = words.slice(0, i);
    const unsettled = hasUnsettledIssue(subject);
    const routine = subject.some((w) => routineStems.has(stemOf(w.lower)));
    if (routine && !unsettled) continue;
    const isSenior = (w: Word): boolean => seniorRoles.has(w.lower);
    const isNamed = (w: Word, k: number): boolean => k < 3 && /^\p{Lu}\p{Ll}/u.test(w.text) && !/^(?:The|Our|Their|A|An)$/.test(w.text);
    const senior = target.some(isSenior);
    const named = target.some(isNamed);
    if (strong ? senior || (unsettled && named) : unsettled && (senior || named)) {
      // The route ends at the last role or name it goes to ("referred to the steering committee").
      let last = join;
      target.forEach((w, k) => {
        if (isSenior(w) || isNamed(w, k)) last = w;
      });
      return { start: verb.start, end: last.end };
    }
  }
  return undefined;
}

// ---- a route written as a path of roles: "PM → Delivery Director → Steering Committee" ----------

/** What leads a path from one role to the next: an arrow, or ", then". */
const pathStep = /(?<!\s)\s*(?:→|->|=>|⇒|➔|➜|»|\s>\s)\s*|(?:,|(?<![\s,]))\s+then\s+(?:to\s+)?/g;
/** Words a role ends with, besides the senior roles ("Service delivery manager", "PM", "Account lead"). */
const roleEnds = wordSet('manager managers lead leads pm pms owner owners officer officers coordinator sdm contact contacts architect');
/** Steps of a process, not people: "Change request → impact assessment → approval". */
const stepWords = wordSet(
  'request requests assessment approval approvals review reviews report estimate quote decision off test tests release deployment build design draft plan ticket tickets',
);

/** Whether one step of a path ends at a role or a named person. */
function endsAtRole(segment: string): { senior: boolean } | undefined {
  const words = wordsOf(segment.replace(/\([^)]*\)/g, ' '));
  const last = words[words.length - 1];
  if (!last || stepWords.has(last.lower)) return undefined;
  const senior = words.some((w) => seniorRoles.has(w.lower));
  if (senior || roleEnds.has(last.lower) || /^\p{Lu}/u.test(last.text)) return { senior };
  return undefined;
}

/**
 * A path of at least two roles in one clause, each step to a role or a named person and one of
 * them senior: "PM → Delivery Director → Steering Committee", "Service delivery manager (2 working
 * days), then the Head of Applications". The first step is what precedes the first arrow up to a
 * comma or colon; each later step runs to the next comma.
 */
function pathIn(text: string): { start: number; end: number } | undefined {
  const steps = [...text.matchAll(pathStep)];
  if (steps.length === 0 || text.length > maxLength) return undefined;
  const first = steps[0];
  if (!first) return undefined;
  const head = text.slice(0, first.index);
  const headFrom = Math.max(head.lastIndexOf(','), head.lastIndexOf(':'), head.lastIndexOf('('), -1) + 1;
  const headRole = endsAtRole(head.slice(headFrom));
  if (!headRole) return undefined;
  let senior = headRole.senior;
  let end = first.index;
  for (let k = 0; k < steps.length; k++) {
    const step = steps[k];
    if (!step) break;
    const from = step.index + step[0].length;
    const next = steps[k + 1]?.index ?? text.length;
    // A later step runs to the next comma outside brackets ("Head of Applications (5 working days)").
    const body = text.slice(from, next);
    const comma = body.replace(/\([^)]*\)/g, (m) => ' '.repeat(m.length)).search(/[,:]/);
    const segment = comma < 0 ? body : body.slice(0, comma);
    const role = endsAtRole(segment);
    if (!role) return undefined;
    senior ||= role.senior;
    end = from + segment.trimEnd().length;
    // Text after a comma is not a role ("Steering Committee, each with 3 working days"): the path ends.
    if (comma >= 0) break;
  }
  if (!senior) return undefined;
  const start = headFrom + (head.slice(headFrom).length - head.slice(headFrom).trimStart().length);
  return { start, end };
}

/** Every text under `path` (any depth, unknown keys included), skipping the keys in `skip`. */
function textsUnder(root: unknown, path: Path, skip: ReadonlySet<string>): { path: Path; text: string }[] {
  const out: { path: Path; text: string }[] = [];
  const visit = (value: unknown, at: Path, depth: number): void => {
    if (out.length >= maxTexts || depth > maxDepth) return;
    if (typeof value === 'string') {
      if (value.length <= maxLength) out.push({ path: at, text: value });
    } else if (Array.isArray(value)) value.forEach((item, i) => visit(item, [...at, i], depth + 1));
    else if (isRecord(value))
      for (const [key, item] of Object.entries(value)) if (!(depth === 0 && skip.has(key))) visit(item, [...at, key], depth + 1);
  };
  visit(valueAt(root, path), path, 0);
  return out;
}

/** The top-level keys the format knows; anything else (`communication:`, `reporting:`) is a lead's own section. */
let knownTopLevel: ReadonlySet<string> | undefined;
function formatSections(): ReadonlySet<string> {
  knownTopLevel ??= new Set(propertiesAt([]).map(([key]) => key));
  return knownTopLevel;
}

/**
 * Texts under the top-level sections the format does not know (`communication:`, `meetings:`,
 * `reporting:`): a lead who writes how the vendor reports or escalates in a section of their own has
 * still agreed it.
 */
function ownSectionTexts(root: unknown): { path: Path; text: string }[] {
  return textsUnder(root, [], formatSections());
}

/** Key names that say what their value is (`reporting:`, `weekly_report:`, `escalation_path:`), matched as words. */
const reportingKey: readonly Phrase<true>[] = phrase('~report|~reporting', true as const);
const escalationKey: readonly Phrase<true>[] = [
  '~escalate|~escalation',
  '~dispute',
  'issue|issues|dispute|problem|conflict ~resolution',
].flatMap((pattern) => phrase(pattern, true as const));

/** A value that agrees nothing: a placeholder or a no. */
const placeholderValue =
  /^\s*(?:tbd|tbc|tba|todo|to be (?:agreed|confirmed|decided|determined)|n\/?a|none|no|nil|-+|\?+|(?:as|when|if) (?:needed|required|necessary|appropriate)|(?:on|upon) request|ad[\s-]hoc)\s*\.?\s*$/i;

/**
 * A key under `path` whose name is the arrangement (`reporting: fortnightly to the steering group`,
 * `escalation_path: [Ciaran Walsh, our COO]`) and whose value agrees something: not empty, not a
 * placeholder, not `false`.
 */
function keyMention(root: unknown, path: Path, skip: ReadonlySet<string>, phrases: readonly Phrase<true>[]): ProseMention | undefined {
  let seen = 0;
  const visit = (value: unknown, at: Path, depth: number): ProseMention | undefined => {
    if (!isRecord(value) || depth > maxDepth) return undefined;
    for (const [key, item] of Object.entries(value)) {
      if (++seen > maxTexts) return undefined;
      if (depth === 0 && skip.has(key)) continue;
      const name = key.replace(/[_-]+/g, ' ');
      const agreed =
        (typeof item === 'string' && item.trim() !== '' && !placeholderValue.test(item)) ||
        typeof item === 'number' ||
        item === true ||
        (Array.isArray(item) && item.length > 0) ||
        (isRecord(item) && Object.keys(item).length > 0);
      if (agreed && name.length <= 80 && findPhrases(name, wordsOf(name), phrases).length > 0) return { path: [...at, key], words: key };
      const inner = visit(item, [...at, key], depth + 1);
      if (inner) return inner;
    }
    return undefined;
  };
  return visit(valueAt(root, path), path, 0);
}

/**
 * "as needed", "on request", "ad hoc", "from time to time": an arrangement left to the moment, which
 * agrees no cadence, level or contact ("status updates as needed", "issues are escalated as required").
 */
const hedge =
  /\b(?:as|when|where|if)\s+(?:needed|required|necessary|appropriate|requested|applicable)\b|\b(?:on|upon)\s+request\b|\bad[\s-]hoc\b|\bfrom\s+time\s+to\s+time\b|\bwhen\s+asked\b/i;
/** "regular", "periodic": a cadence in name only, unless the clause also says how often. */
const vagueCadence = /\b(?:regular|regularly|periodic|periodically|occasional|occasionally)\b/i;
const statedCadence =
  /\b(?:daily|weekly|fortnightly|biweekly|monthly|quarterly|every|each|per|sprint|iteration|monday|tuesday|wednesday|thursday|friday|\d+)\b/i;

/** The part of `text` around a match, between punctuation: "status updates as needed" in "weekly call, status updates as needed". */
function partAround(text: string, start: number, end: number): string {
  const before = text.slice(0, start);
  const from = Math.max(...[',', ';', '.', '!', '?', '(', ')', '\n'].map((c) => before.lastIndexOf(c))) + 1;
  const rest = text.slice(end).search(/[,;.!?()\n]/);
  return text.slice(from, rest < 0 ? text.length : end + rest);
}

/** Whether the words found are left to the moment: hedged, or "regular" with no stated cadence. */
function isHedged(text: string, start: number, end: number): boolean {
  const part = partAround(text, start, end);
  return hedge.test(part) || (vagueCadence.test(part) && !statedCadence.test(part));
}

function firstMention(texts: readonly { path: Path; text: string }[], phrases: readonly Phrase<true>[]): ProseMention | undefined {
  for (const { path, text } of texts)
    for (const match of findPhrases(text, wordsOf(text), phrases))
      if (!isHedged(text, match.start, match.end)) return { path, words: text.slice(match.start, match.end) };
  return undefined;
}

/**
 * Written status reports described in prose: in the governance section (any key but
 * `status_reports` itself, unknown keys included) or as a deliverable's title or description.
 */
export function reportingInProse(root: unknown): ProseMention | undefined {
  const skip = new Set(['status_reports']);
  const inGovernance =
    firstMention(
      [...textsUnder(root, ['governance'], skip), ...textsUnder(root, ['assumptions'], new Set()), ...ownSectionTexts(root)],
      governanceReporting,
    ) ??
    keyMention(root, ['governance'], skip, reportingKey) ??
    keyMention(root, [], formatSections(), reportingKey);
  if (inGovernance) return inGovernance;
  const texts: { path: Path; text: string }[] = [];
  arrayAt(root, ['deliverables']).forEach((d, i) => {
    if (!isRecord(d)) return;
    for (const key of ['title', 'description'])
      if (typeof d[key] === 'string' && d[key].length <= maxLength) texts.push({ path: ['deliverables', i, key], text: d[key] });
  });
  const inDeliverables = firstMention(texts, deliverableReporting);
  if (inDeliverables) return inDeliverables;
  // A service level measured from the vendor's own written report ("Monthly SLA report from ServiceNow").
  const methods: { path: Path; text: string }[] = [];
  arrayAt(root, ['success_measures']).forEach((m, i) => {
    if (isRecord(m) && typeof m.measured_by === 'string' && m.measured_by.length <= maxLength)
      methods.push({ path: ['success_measures', i, 'measured_by'], text: m.measured_by });
  });
  return firstMention(methods, measureReporting);
}

/**
 * An escalation route described in prose in the governance section (any key but `escalation`
 * itself: the change-control process, the check-in, an unknown key). Escalation in a deliverable
 * ("P1 incidents are escalated to our on-call engineer") is incident handling, not a route for
 * issues between the parties, so deliverables are not read.
 */
export function escalationInProse(root: unknown): ProseMention | undefined {
  const skip = new Set(['escalation']);
  const none = new Set<string>();
  // Outside the governance section a route is read where leads also write it: the assumptions,
  // the acceptance terms ("disputes about acceptance go to the steering committee"), the key
  // personnel ("Account director (escalation contact)") and the project's people ("sponsor: Dana
  // Reyes (final escalation point)"); incident handling there is not a route.
  const elsewhere = [
    ...textsUnder(root, ['assumptions'], none),
    ...textsUnder(root, ['acceptance'], none),
    ...textsUnder(root, ['vendor', 'key_personnel'], none),
    ...textsUnder(root, ['project'], new Set(['objective', 'name'])),
    ...ownSectionTexts(root),
  ].filter(({ text }) => !incidentWords.test(text));
  const texts = [...textsUnder(root, ['governance'], skip), ...elsewhere];
  const inWords =
    firstMention(texts, escalationWords) ??
    keyMention(root, ['governance'], skip, escalationKey) ??
    keyMention(root, ['acceptance'], none, escalationKey) ??
    keyMention(root, [], formatSections(), escalationKey);
  if (inWords) return inWords;
  for (const { path, text } of texts) {
    const level = numberedLevel.exec(text);
    if (level) return { path, words: level[0] };
  }
  for (const { path, text } of texts) {
    let offset = 0;
    for (const clause of clausesOf(text)) {
      const route = routeIn(clause) ?? pathIn(clause.text);
      if (route) return { path, words: text.slice(offset + route.start, offset + route.end) };
      offset += clause.text.length;
    }
  }
  return undefined;
}

/** Incident handling ("P1 incidents are escalated to the on-call engineer"), not issues between the parties. */
const incidentWords = /\b(?:incidents?|outages?|alerts?|on-call|p[1-4]|sev(?:erity)?[ -]?[1-4]|priority[ -]?[1-4]|tickets?)\b/i;

/** The fact line a hint gives: where the prose is and what it says. */
export function mentionFact(mention: ProseMention): string {
  return `Read from \`${formatPath(mention.path)}\` ("${shortText(mention.words, 40)}").`;
}

/** Capitalised words that start a sentence or a hedge, not a name ("As needed", "The PM"). */
const sentenceStarters = wordSet('as when where if to the our their a an any all per by via on upon ad tbd tbc tba todo n/a none no');

/**
 * Whether a text written where the format wants an escalation ladder (`escalation: as needed`,
 * `escalation: PM, then the Delivery Director`) names someone to escalate to: a role or a
 * person, not a placeholder and not left to the moment ("as needed", "ad hoc", "regularly").
 */
export function namesEscalationContact(text: string): boolean {
  if (text.length > maxLength || placeholderValue.test(text) || isHedged(text, 0, text.length)) return false;
  return wordsOf(text).some(
    (w) => seniorRoles.has(w.lower) || roleEnds.has(w.lower) || (/^\p{Lu}/u.test(w.text) && !sentenceStarters.has(w.lower)),
  );
}
