// cost-change-control-incomplete: Change control is incomplete.
// One finding per gap in a present `governance.change_control`: no named approver, no process, or a
// process that does not require both a cost and a schedule impact.
import { stringify } from 'yaml';
import { isAbsent, isRecord, setKeyOp, valueAt } from '../model';
import { findPhrases, phrase, wordsOf, type Phrase, type PhraseMatch } from '../phrases';
import type { Finding, Rule } from '../types';
import { sources } from '../sources';

const ruleId = 'cost-change-control-incomplete';
const base = ['governance', 'change_control'];
/**
 * What counts as asking for a cost impact and a schedule impact, matched on words and their
 * inflections (phrases.ts) rather than substrings: "quoted at 45 GBP per hour", "a fixed quote",
 * "estimated in days at the rate card", "its impact on the contract value" and "funded from the
 * contingency" are cost; "revised milestone dates", "scheduled into the next sprint", "added to the
 * release plan", "how many days it pushes the go-live", "the weeks it moves the cut-over" and "takes
 * effect from the next billing quarter" are schedule; "at any time" is not (it only contains "time").
 */
const costPhrases: readonly Phrase<true>[] = [
  '~cost|~costing|~price|~pricing|~budget|~fee|~quote|~quotation|~charge|~bill|~billing|~invoice|~rate|~estimate|~effort|~spend|~money|commercial|commercials',
  '~pay|~payment|payable|chargeable|billable|~fund|~funding|~expense',
  'purchase order|orders',
  'po',
  'contract|contracted value|amount|sum|ceiling|cap',
].flatMap((pattern) => phrase(pattern, true as const));
const schedulePhrases: readonly Phrase<true>[] = [
  '~schedule|~date|~dated|~timeline|~timescale|~timeframe|~deadline|~milestone|~plan|~sprint|~delay|~duration|~calendar',
  // The events a change moves: go-live, cut-over, launch, release, handover, roll-out, a wave.
  'go|goes|going live',
  'golive|cutover|cutovers|~launch|~handover|~rollout|~roadmap|release|releases|~wave',
  'cut over',
  'hand over',
  'roll out',
  // When the change lands: "takes effect from the next billing quarter", "in the following release".
  'take|takes|taking|took effect',
  'next|following billing|invoicing|release|maintenance? ~month|~quarter|~week|~sprint|~release|~iteration|~cycle|~window|~period',
  'time|timing impact|impacts|effect',
  'impact|effect on time|timing|delivery',
  'cost|costs|price|budget|money and time',
  'time and cost|costs|price|budget|money|materials',
  'delivery|lead|completion time|times',
].flatMap((pattern) => phrase(pattern, true as const));
/** A change that moves the plan by a stretch of time: "the number of weeks it moves the first live payroll". */
const movingVerbs: readonly Phrase<true>[] = phrase('~move|~push|~shift|~slip|~postpone|~defer|~extend', true as const);
const durations: readonly Phrase<true>[] = phrase('~day|~week|~month', true as const);
/**
 * Words after a cost or schedule word that make it name a person, a team, a tool or a document
 * rather than an impact: "the commercial lead", "the billing portal", "the cost centre", "the
 * budget holder", "the planning calendar owner".
 */
const namedThing =
  /^[\s-]+(?:leads?|managers?|directors?|teams?|department|office|officers?|owners?|holders?|contacts?|analysts?|controllers?|portal|system|tool|desk|queue|meetings?|calls?|sessions?|committee|centres?|centers?|codes?|partners?)\b/i;
/** A cost or schedule word that is a document's name: "the tariff in Schedule 3", "Schedule B". */
const documentLabel = /^\s+(?:\d|[A-Z](?![a-z]))/;
/** "up to date", "to date": currency of a record, not a date. "the date it was raised": when the request came in. */
const notADate = /(?:^|\s)to\s+$/i;
const requestDate =
  /^\s+(?:(?:it|they)\s+(?:was|were|is|are)\s+)?(?:raised|logged|received|submitted|opened|created)\b|^\s+of\s+(?:the\s+)?(?:request|receipt|submission)\b/i;

/** The matches of a phrase list that name an impact, not a person, a team, a tool, a document or a timestamp. */
function impactMatches(text: string, phrases: readonly Phrase<true>[]): PhraseMatch<true>[] {
  return findPhrases(text, wordsOf(text), phrases).filter((m) => {
    const written = text.slice(m.start, m.end).toLowerCase();
    const after = text.slice(m.end, m.end + 40);
    if (namedThing.test(after)) return false;
    if (/^schedules?$/.test(written) && documentLabel.test(after)) return false;
    if (/^dat(?:e|es|ed)$/.test(written) && (notADate.test(text.slice(Math.max(0, m.start - 8), m.start)) || requestDate.test(after)))
      return false;
    return true;
  });
}

/** An amount of money written out ("280 GBP", "EUR 18", "$95") is a cost. */
// The amount starts where a number starts (lookbehind), so a long run of digits is scanned once.
const moneyAmount = /(?:[$€£]\s?\d|\b[A-Z]{3}\s?\d|(?<![\d,.])\d[\d,.]*\s?(?:[A-Z]{3}\b|[€£]))/;

function mentionsCost(text: string): boolean {
  return moneyAmount.test(text) || impactMatches(text, costPhrases).length > 0;
}

function mentionsSchedule(text: string): boolean {
  if (impactMatches(text, schedulePhrases).length > 0) return true;
  // A moving verb and a stretch of time in one sentence.
  return text.split(/[.;!?](?:\s|$)/).some((sentence) => {
    const words = wordsOf(sentence);
    return findPhrases(sentence, words, movingVerbs).length > 0 && findPhrases(sentence, words, durations).length > 0;
  });
}
const defaultProcess = 'Written change request with cost and schedule impact; no work before written approval.';

export const rule: Rule = {
  id: ruleId,
  category: 'cost',
  severity: 'warning',
  fixes: ['unsafe', 'display-only'],
  title: 'Change control is incomplete',
  explanation: `The change process has no named approver, or does not require a cost and schedule impact assessment. Without named approvers, anyone on your side can informally approve extra work. Without an impact assessment, the cost only shows up on the invoice. A change request should describe the change, the reason and its impact on scope, fees and timelines (DocJuris playbook), and designated authorities should approve it (USPS).`,
  areas: ['cost'],
  remedy:
    'Name who approves a change, and require every change request to state its cost and schedule impact before work begins. The quick fix inserts `approval_by` and/or appends " with cost and schedule impact" to the process.',
  sources: [sources.changeControlPlaybook, sources.uspsChangeControl],
  check(doc) {
    const root = doc.value;
    const changeControl = valueAt(root, base);
    // Absent is cost-change-control-missing's finding; a non-mapping is the schema's.
    if (!isRecord(changeControl) || isAbsent(changeControl)) return [];
    const findings: Finding[] = [];

    const approvers = changeControl.approval_by;
    // `approval_by: [""]` (what the missing-rule's fix inserts) still names nobody.
    const namesSomeone = Array.isArray(approvers) ? approvers.some((a) => typeof a === 'string' && a.trim() !== '') : !isAbsent(approvers);
    if (!namesSomeone) {
      const existing = Array.isArray(approvers) && approvers.length > 0;
      findings.push({
        ruleId,
        path: [...base, 'approval_by'],
        ...(existing ? {} : { at: 'key' as const }),
        message: existing
          ? 'Change control lists only blank approvers: anyone can approve extra work (`approval_by`).'
          : 'Change control names no approver: anyone on your side can approve extra work informally (`approval_by`).',
        fixes: [
          {
            title: 'Add an approver to fill in',
            ops: [setKeyOp(root, base, 'approval_by', '- ""')],
            preferred: true,
            applicability: 'display-only',
          },
        ],
      });
    }

    const process = changeControl.process;
    if (isAbsent(process)) {
      findings.push({
        ruleId,
        path: [...base, 'process'],
        message: 'Change control has no `process`: nothing requires a change request to state its cost and schedule impact.',
        fixes: [
          {
            title: 'Add a process that requires cost and schedule impact',
            ops: [setKeyOp(root, base, 'process', defaultProcess)],
            preferred: true,
            // A process written for you: it binds both sides, so someone reads it first.
            applicability: 'unsafe',
          },
        ],
      });
    } else if (typeof process === 'string') {
      const cost = process.length <= 4000 && mentionsCost(process);
      const schedule = process.length <= 4000 && mentionsSchedule(process);
      if (!cost || !schedule) {
        const missing = !cost && !schedule ? 'cost and schedule' : !cost ? 'cost' : 'schedule';
        const names =
          missing === 'cost and schedule'
            ? 'no cost or price and no date or schedule'
            : missing === 'cost'
              ? 'no cost, price, quote, rate or estimate'
              : 'no schedule, date, milestone or plan';
        findings.push({
          ruleId,
          path: [...base, 'process'],
          message: `The change process does not ask for a ${missing === 'cost and schedule' ? 'cost or schedule' : missing} impact: it names ${names}.`,
          fixes: [
            {
              title: `Require a ${missing} impact in the process`,
              ops: [{ op: 'replace', path: [...base, 'process'], value: yamlScalar(appendImpact(process, missing)) }],
              preferred: true,
              applicability: 'unsafe',
            },
          ],
        });
      }
    }
    return findings;
  },
};

/**
 * The catalogue's " with cost and schedule impact" reads right after a single clause ("Changes by
 * email" -> "Changes by email with cost impact"); after several clauses it would attach to the
 * last one, so a sentence of its own is added instead.
 */
function appendImpact(process: string, missing: string): string {
  const text = process.trim();
  const stop = /[.!]$/.test(text) ? text.slice(-1) : '';
  const body = stop ? text.slice(0, -1) : text;
  if (!/[.;!?]/.test(body)) return `${body} with ${missing} impact${stop}`;
  return `${body}${stop || '.'} Every change request states its ${missing} impact.`;
}

/** The text as one YAML scalar, quoted when plain style would change its meaning. */
function yamlScalar(text: string): string {
  return stringify(text, { lineWidth: 0 }).trimEnd();
}
