// Oversight written in prose: a lead who describes the vendor's written reports or the escalation
// route in words ("a monthly service report by the fifth working day", "issues the weekly call
// cannot settle are escalated to the steering group") has agreed them, even where the field the
// rules read is absent. The governance rules then say where the prose is and ask to move it into
// the field (a hint), instead of reporting that reports or escalation are missing.
// Words are matched by lemma and phrase (phrases.ts), so "escalated", "escalates" and "escalation"
// are one word, and "reports" is "report".
import { arrayAt, formatPath, isRecord, shortText, valueAt } from './model';
import { findPhrases, phrase, wordsOf, type Phrase } from './phrases';
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

/** Written reports from the vendor, in a governance text (where a cadence before "report" says enough). */
const governanceReporting: readonly Phrase<true>[] = [
  'status|progress|service|highlight|performance|management|governance|sla|kpi|steering|written|weekly|fortnightly|biweekly|monthly|quarterly ~report',
  'weekly|fortnightly|biweekly|monthly ~status|~progress|~service|~highlight ~report',
  'status|progress|written ~update|~summary',
  '~report on progress|status',
].flatMap((pattern) => phrase(pattern, true as const));

/** Written reports as a deliverable: the kind of report must be a status report, not a product ("Monthly sales report"). */
const deliverableReporting: readonly Phrase<true>[] = [
  'status|progress|service|highlight|governance ~report',
  'weekly|fortnightly|biweekly|monthly ~status|~progress|~service|~highlight ~report',
  'status|progress ~update|~summary',
].flatMap((pattern) => phrase(pattern, true as const));

/** An escalation route: "escalated to", "escalation path", "escalates". */
const escalationWords: readonly Phrase<true>[] = phrase('~escalate|~escalation', true as const);

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

function firstMention(texts: readonly { path: Path; text: string }[], phrases: readonly Phrase<true>[]): ProseMention | undefined {
  for (const { path, text } of texts) {
    const match = findPhrases(text, wordsOf(text), phrases)[0];
    if (match) return { path, words: text.slice(match.start, match.end) };
  }
  return undefined;
}

/**
 * Written status reports described in prose: in the governance section (any key but
 * `status_reports` itself, unknown keys included) or as a deliverable's title or description.
 */
export function reportingInProse(root: unknown): ProseMention | undefined {
  const inGovernance = firstMention(textsUnder(root, ['governance'], new Set(['status_reports'])), governanceReporting);
  if (inGovernance) return inGovernance;
  const texts: { path: Path; text: string }[] = [];
  arrayAt(root, ['deliverables']).forEach((d, i) => {
    if (!isRecord(d)) return;
    for (const key of ['title', 'description'])
      if (typeof d[key] === 'string' && d[key].length <= maxLength) texts.push({ path: ['deliverables', i, key], text: d[key] });
  });
  return firstMention(texts, deliverableReporting);
}

/**
 * An escalation route described in prose in the governance section (any key but `escalation`
 * itself: the change-control process, the check-in, an unknown key). Escalation in a deliverable
 * ("P1 incidents are escalated to our on-call engineer") is incident handling, not a route for
 * issues between the parties, so deliverables are not read.
 */
export function escalationInProse(root: unknown): ProseMention | undefined {
  return firstMention(textsUnder(root, ['governance'], new Set(['escalation'])), escalationWords);
}

/** The fact line a hint gives: where the prose is and what it says. */
export function mentionFact(mention: ProseMention): string {
  return `Read from \`${formatPath(mention.path)}\` ("${shortText(mention.words, 40)}").`;
}
