// cost-change-control-incomplete: Change control is incomplete.
// One finding per gap in a present `governance.change_control`: no named approver (in
// `approval_by`, a key beside it or the process's words), no process, or a process that does not
// require both a cost and a schedule impact (a hint when it defers to a named contract schedule).
import { stringify } from 'yaml';
import { onVendorSide } from '../engagement';
import { isAbsent, isRecord, setKeyOp, shortText, valueAt } from '../model';
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
  // "its financial implications", "the hours it adds against the cap", "sized in story points", "person-days".
  'financial|financially|budgetary|~reprice|~recost|~cap|~ceiling',
  'story ~point',
  'person|man|consultant|engineer|developer ~day|~hour',
  // "the hours needed", "days of effort": effort is what a change is billed by.
  '~hour|~day needed|required',
  '~hour|~day of effort|work',
  // "sized in t-shirt sizes", "the extra days", "the additional investment", "the uplift in fees", "the TCV".
  'sized|sizing|resized|~resize|~resizing',
  't shirt',
  'extra|additional ~day|~hour',
  '~investment|~uplift|tcv|acv',
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
  // British "programme" and "timetable", the critical path, a re-baselined or re-planned plan.
  '~programme|~timetable|~replan|~rebaseline|~reschedule|timing|timings|eta',
  'delivery impact|impacts|effect|effects',
  'time scale|scales|frame|frames|line|lines',
  're ~plan|~baseline',
  'critical path',
  // "how long it takes", "when it will be delivered".
  'how long',
  'when it|they|this will|can|could|would? be? ~deliver|~ship|~complete|ready|live|done',
  'when the change will|can|could|would? be? ~deliver|~ship|~complete|ready|live|done',
  // "the new delivery week", "the target month"; "an extension of time" (construction contracts' term for a schedule change).
  'delivery|completion|handover|launch|target ~week|~month|~quarter|~slot|~window',
  '~extension of time',
  'time ~extension',
  'delivery|completion ~estimate|~forecast',
  // "when it lands", "which week it can start", "the revised completion", "delivery implications", "any slippage", "a revised Gantt".
  'when it|they|this will|can|could|would? ~land|~arrive',
  // "when it can start" is the change's slot; "when they start" is only when a change is logged.
  'when it|they|this will|can|could|would ~start|~begin',
  'which ~week|~month|~day|~sprint it|they|this will|can|could|would? ~land|~start|~arrive|~begin',
  'revised|new|updated|forecast completion|finish|end|delivery|handover|start',
  'delivery|timing|schedule|time ~implication|~consequence',
  '~slippage|~slip|gantt',
  'how much later|longer|sooner|earlier',
  'extra|additional ~week|~month',
  'scope and time|timing',
].flatMap((pattern) => phrase(pattern, true as const));
/** A change that moves the plan by a stretch of time: "the number of weeks it moves the first live payroll". */
const movingVerbs: readonly Phrase<true>[] = phrase('~move|~push|~shift|~slip|~postpone|~defer|~extend|~add', true as const);
const durations: readonly Phrase<true>[] = phrase('~day|~week|~month', true as const);
/**
 * Words after a cost or schedule word that make it name a person, a team, a tool or a document
 * rather than an impact: "the commercial lead", "the billing portal", "the cost centre", "the
 * budget holder", "the planning calendar owner".
 */
const namedThing =
  /^[\s-]+(?:leads?|managers?|directors?|teams?|department|office|officers?|owners?|holders?|contacts?|analysts?|controllers?|portal|system|tool|desk|queue|meetings?|calls?|sessions?|committee|boards?|centres?|centers?|codes?|partners?)\b/i;
/** A cost or schedule word that is a document's name: "the tariff in Schedule 3", "Schedule B". */
const documentLabel = /^\s+(?:\d|[A-Z](?![a-z]))/;
/**
 * A sprint, an iteration or a release named as a meeting or a list, not as the time a change takes:
 * "prioritised at sprint planning", "shown at the sprint review", "added to the release backlog".
 */
const ceremony =
  /^[\s-]+(?:planning|review|reviews|demo|demos|retro|retros|retrospectives?|backlogs?|goals?|ceremon(?:y|ies)|notes|train)\b/i;
/**
 * Idioms that only contain a cost or schedule word: "without delay", "the person in charge", "reasonable
 * efforts", "for the duration of the contract", "within 5 calendar days" (how fast a request is
 * answered, not what the change moves).
 */
const idiomBefore: readonly (readonly [RegExp, RegExp])[] = [
  [/^delay/, /\b(?:without|no|undue|unnecessary|avoid|avoiding)\s+(?:undue\s+|unnecessary\s+|any\s+)?$/i],
  [/^charge$/, /\b(?:in|take|takes|taking)\s+$/i],
  [/^effort/, /\b(?:best|reasonable|endeavou?rs?|every|good[\s-]faith)\s+$/i],
];
/**
 * "PO" is a purchase order only with an order's words around it ("a new PO", "a PO amendment", "the PO
 * value"); on its own in an agile team it is the product owner ("the PO prioritises it").
 */
const orderBefore =
  /\b(?:a|new|revised|amended|updated|additional|separate|signed|variation|change(?:s)?\s+to\s+the|against\s+the|under\s+the)\s+$/i;
const orderAfter =
  /^\s+(?:numbers?|no\b|amendments?|value|uplift|variations?|changes?|lines?|is\s+(?:raised|issued|amended)|raised|issued)/i;
/** "up to date", "to date": currency of a record, not a date. "the date it was raised": when the request came in. */
const notADate = /(?:^|\s)to\s+$/i;
const requestDate =
  /^\s+(?:(?:it|they)\s+(?:was|were|is|are)\s+)?(?:raised|logged|received|submitted|opened|created)\b|^\s+of\s+(?:the\s+)?(?:request|receipt|submission)\b/i;

/** "takes effect at any time", "take effect whenever agreed": no when, so no schedule impact. */
const noWhen = /^\s+(?:at\s+any\s+(?:time|point|moment)|any\s*time|whenever|as\s+(?:needed|required|and\s+when))\b/i;

/** The matches of a phrase list that name an impact, not a person, a team, a tool, a document or a timestamp. */
function impactMatches(text: string, phrases: readonly Phrase<true>[]): PhraseMatch<true>[] {
  return findPhrases(text, wordsOf(text), phrases).filter((m) => {
    const written = text.slice(m.start, m.end).toLowerCase();
    const after = text.slice(m.end, m.end + 40);
    if (namedThing.test(after)) return false;
    if (/(?:^|\s)(?:sprints?|iterations?|releases?)$/.test(written) && ceremony.test(after)) return false;
    const before = text.slice(Math.max(0, m.start - 40), m.start);
    if (idiomBefore.some(([word, words]) => word.test(written) && words.test(before))) return false;
    if (/^calendars?$/.test(written) && /^\s+(?:days?|weeks?|months?)\b/i.test(after)) return false;
    if (
      /^durations?$/.test(written) &&
      /^\s+of\s+(?:the|this)\s+(?:contract|agreement|engagement|project|term|services?|sow)\b/i.test(after)
    )
      return false;
    if (written === 'po' && !orderBefore.test(text.slice(Math.max(0, m.start - 30), m.start)) && !orderAfter.test(after)) return false;
    if (/^schedules?$/.test(written) && documentLabel.test(after)) return false;
    if (/effect$/.test(written) && /^t/.test(written) && noWhen.test(after)) return false;
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
/**
 * Who approves a change, when the process says it in words: "approved in writing by the Client's
 * Digital Director", "signed off by the IT steering group", "signed by Dana Reyes", "the Change
 * Advisory Board approves it", "once Tom agrees". A role (director, head, board, CCB, sponsor...)
 * or a person's name counts; "approved by the client", "agreed between the parties", "by email" and
 * the vendor itself do not name anyone on the buyer's side.
 */
const approvalVerb =
  /\b(?:approv(?:e|es|ed|ing|al)|sign(?:s|ed|ing)?(?:[\s-]+off)?|sign-off|countersign(?:s|ed)?|authori[sz](?:e|es|ed|ing|ation)|agree(?:s|d)?|accept(?:s|ed)?|confirm(?:s|ed)?)\b/gi;
const roleWord =
  /^(?:directors?|managers?|head|heads|chief|officers?|sponsors?|owners?|leads?|boards?|committees?|ccb|cab|crb|steering|panel|forum|council|authority|controllers?|architects?|cio|cto|cfo|coo|ceo|cpo|ciso|dpo|pmo|vp|president|partner|chair|chairs)$/i;
/** Capitalised words that name a party or a thing, not a person: "the Client", "Annex B", "Jira". */
const notAName =
  /^(?:the|a|an|our|their|its|client|client's|clients|customer|customer's|customers|vendor|vendor's|supplier|supplier's|contractor|provider|buyer|purchaser|company|parties|party|both|either|each|all|any|we|us|you|it|they|written|email|e-mail|annex|appendix|schedule|clause|section|exhibit|attachment|sow|msa|cr|crs|po|no|then|once|after|before|when|if|every|changes?|requests?)$/i;
const auxiliary = /^(?:must|will|shall|should|then|also|to|can|may|formally|jointly|first|both|in|writing)$/i;

/** The words of the process that name who approves, or undefined. */
export function approverInProse(text: string, vendorName: unknown): string | undefined {
  if (text.length > 4000) return undefined;
  const vendorWords = new Set(
    typeof vendorName === 'string'
      ? (vendorName.toLowerCase().match(/[a-z]{3,}/g) ?? []).filter((w) => !/^(?:ltd|llc|gmbh|inc|the|and)$/.test(w))
      : [],
  );
  const names = (word: string, sentenceStart: boolean): boolean => {
    const bare = word.replace(/['’]s$/, '');
    if (roleWord.test(bare)) return true;
    if (sentenceStart || notAName.test(word) || vendorWords.has(bare.toLowerCase())) return false;
    // A capitalised word (Ruth, Adeyemi, Tom); an acronym only when it is a role (CCB, above).
    return /^\p{Lu}\p{Ll}+$/u.test(bare);
  };
  for (const clause of text.split(/(?<![.;!?\n])[.;!?\n]+(?:\s|$)|\s[-–]\s/)) {
    const words = [...clause.matchAll(/[\p{L}][\p{L}'’-]*/gu)].map((m) => ({ text: m[0], start: m.index }));
    approvalVerb.lastIndex = 0;
    for (let m = approvalVerb.exec(clause); m !== null; m = approvalVerb.exec(clause)) {
      const verbStart = m.index;
      const verbStop = m.index + m[0].length;
      const at = words.findIndex((w) => w.start >= verbStart);
      if (at < 0) continue;
      const verbEnd = words.findIndex((w) => w.start >= verbStop);
      // After the verb: "... by <someone>" within a few words ("approved in writing by the Digital Director").
      const after = verbEnd < 0 ? [] : words.slice(verbEnd, verbEnd + 10);
      const by = after.findIndex((w) => /^(?:by|from)$/i.test(w.text));
      if (by >= 0 && by <= 4) {
        const who = after.slice(by + 1, by + 7);
        const hit = who.find(
          (w, i) => names(w.text, false) && (i === 0 || !/^(?:email|e-mail|phone|ticket|mail)$/i.test(who[i - 1]?.text ?? '')),
        );
        if (hit) return clause.slice(after[by]!.start, hit.start + hit.text.length).trim();
      }
      // Before the verb: "<someone> approves" ("the Change Advisory Board approves", "once Tom agrees").
      let i = at - 1;
      while (i >= 0 && auxiliary.test(words[i]!.text)) i--;
      for (let n = 0; i >= 0 && n < 4; n++, i--) {
        const w = words[i]!;
        if (names(w.text, i === 0)) return clause.slice(w.start, verbStop).trim();
        if (!/^\p{Lu}/u.test(w.text) && !/^(?:the|our|their|of|and)$/i.test(w.text)) break;
      }
    }
  }
  return undefined;
}

/** Keys a lead writes beside `process` for who approves (`approver`, `approved_by`, `approvers`): the schema reports the key; this rule reads it. */
const processKeys = ['procedure', 'steps', 'description', 'method', 'policy'];
const approverKeys = [
  'approver',
  'approvers',
  'approved_by',
  'approval',
  'approvals',
  'authorised_by',
  'authorized_by',
  'signatories',
  'signed_by',
];

function namesAnyone(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.some((v) => typeof v === 'string' && v.trim() !== '');
  return false;
}

/** An approver that is only a party or a crowd: "Client", "the customer", "Both parties", "Mutual agreement", "Management". */
const partyWords =
  /^\s*(?:the\s+)?(?:client|customer|buyer|purchaser|company|business|management|stakeholders?|users?|(?:both|all|the)\s+parties|parties|mutual(?:ly)?(?:\s+(?:agreement|consent))?|(?:client|customer)(?:\s+side|\s+team)?|us|we)\s*\.?\s*$/i;

const defaultProcess = 'Written change request with cost and schedule impact; no work before written approval.';

export const rule: Rule = {
  id: ruleId,
  category: 'cost',
  severity: 'warning',
  fixes: ['unsafe', 'display-only'],
  title: 'Change control is incomplete',
  explanation: `The change process has no named approver, or does not require a cost and schedule impact assessment. Without named approvers, anyone on your side can informally approve extra work. Without an impact assessment, the cost only shows up on the invoice. A change request should describe the change, the reason and its impact on scope, fees and timelines (DocJuris playbook), and designated authorities should approve it (USPS).

An approver counts wherever the lead names one: in \`approval_by\`, under a key beside it (\`approver\`, \`approved_by\`, \`approvers\`, which the schema also reports), or in the process itself ("approved in writing by the Client's Digital Director", "signed off by the IT steering group", "the Change Advisory Board approves it"). "Approved by the client", "agreed between the parties", "by email" and the vendor approving its own changes name nobody, an \`approval_by\` whose entries on your side are only a party ("Client", "Both parties", "Mutual agreement", also beside "Vendor PM") names nobody either, unless the process says who approves, and an \`approval_by\` whose every entry is on the vendor's side (the vendor's name, "Vendor PM", "Supplier account manager", or one of the vendor's own \`key_personnel\`) is reported: the vendor would approve its own extra work. Impacts are read in any wording, British or American ("priced", "fees", "effort", "budgetary", "the hours it adds against the cap", "programme", "timetable", "timing", "critical path", "cost and delivery impact", "a re-baselined plan", "rescheduled", "how long it takes", "the new delivery week", "an extension of time", "the hours needed", "how many weeks it adds", "sized in t-shirt sizes", "the extra days", "the uplift in fees", "the TCV", "when it lands", "which week it can start", "the revised completion", "delivery implications", "any slippage", "a revised Gantt"; "at any time" or "takes effect at any time" says when a change may be asked for, not what it moves, and a sprint ceremony or backlog ("prioritised at sprint planning", "shown at the sprint review", "added to the release backlog") is where a change is discussed, not the time it takes, nor are idioms that only contain an impact word ("without delay", "for the duration of the contract", "within 5 calendar days", "the manager in charge", "reasonable efforts"); "PO" is a purchase order only with an order's words around it ("a revised PO", "the PO value"), otherwise the product owner), also in a process written as a list of steps (which the schema reports, since \`process\` is text) or, with no \`process\`, under \`procedure\` or \`steps\` (the schema reports the key). A process that only defers to a named contract document ("as per Schedule 6 (Change Control Procedure) of the MSA") gets a hint to check that document instead of a warning: the scope cannot show what it says.`,
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
    // With no `process`, the same text under a key a lead writes for it (`procedure`, `steps`) is read
    // as the process; the schema reports the key.
    const processKey = isAbsent(changeControl.process) ? processKeys.find((key) => !isAbsent(changeControl[key])) : undefined;
    const process = processKey !== undefined ? changeControl[processKey] : changeControl.process;
    const processPath = [...base, processKey ?? 'process'];
    // A process written as a list of steps is read as its steps (the schema reports the type).
    const processText = typeof process === 'string' ? process : Array.isArray(process) ? stepsOf(process) : undefined;
    // `approval_by: [""]` (what the missing-rule's fix inserts) still names nobody.
    const namesSomeone = Array.isArray(approvers) ? approvers.some((a) => typeof a === 'string' && a.trim() !== '') : !isAbsent(approvers);
    // With no `approval_by` at all, an approver written beside it (`approver: Dana Reyes`) or in the process counts.
    const namedElsewhere =
      isAbsent(approvers) &&
      (approverKeys.some((key) => namesAnyone(changeControl[key])) ||
        (processText !== undefined && approverInProse(processText, valueAt(root, ['vendor', 'name'])) !== undefined));
    if (!namesSomeone && !namedElsewhere) {
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

    // `approval_by: [Client]`, `[Both parties]`: a party, not a person or a role, so anyone on that side
    // can approve. Unless the process itself names who approves.
    const listed = (Array.isArray(approvers) ? approvers : [approvers]).filter(
      (a): a is string => typeof a === 'string' && a.trim() !== '',
    );
    // Beside the vendor's own approvers too (`[Vendor PM, Client]`): nobody on your side is named.
    const parties = listed.filter((a) => partyWords.test(a));
    const partyOnly =
      parties.length > 0 &&
      listed.every((a) => partyWords.test(a) || onVendorSide(a, root)) &&
      (processText === undefined || approverInProse(processText, valueAt(root, ['vendor', 'name'])) === undefined)
        ? parties
        : undefined;
    if (partyOnly) {
      findings.push({
        ruleId,
        path: [...base, 'approval_by'],
        message: `Change control names a party, not a person or a role, as approver (${partyOnly.map((a) => `"${shortText(a, 40)}"`).join(', ')}): anyone on that side can approve extra work.`,
        fixes: [
          {
            title: 'Add a named approver to fill in',
            ops: [{ op: 'append', path: [...base, 'approval_by'], value: '""' }],
            preferred: true,
            applicability: 'display-only',
          },
        ],
      });
    }

    // `approval_by: [Northwind delivery director]`: the vendor approves its own extra work.
    const named = Array.isArray(approvers) ? approvers.filter((a): a is string => typeof a === 'string' && a.trim() !== '') : [];
    const vendorOnly =
      named.length > 0 &&
      Array.isArray(approvers) &&
      named.length === approvers.filter((a) => !isAbsent(a)).length &&
      named.every((a) => onVendorSide(a, root))
        ? named
        : undefined;
    if (vendorOnly) {
      findings.push({
        ruleId,
        path: [...base, 'approval_by'],
        message: `Change control names only the vendor's side as approver (${vendorOnly.map((a) => `"${shortText(a, 40)}"`).join(', ')}): the vendor can approve its own extra work, and nobody on your side has to agree.`,
        fixes: [
          {
            title: 'Add an approver on your side to fill in',
            ops: [{ op: 'append', path: [...base, 'approval_by'], value: '""' }],
            preferred: true,
            applicability: 'display-only',
          },
        ],
      });
    }

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
    } else if (processText !== undefined) {
      const cost = processText.length <= 4000 && mentionsCost(processText);
      const schedule = processText.length <= 4000 && mentionsSchedule(processText);
      if (!cost || !schedule) {
        const missing = !cost && !schedule ? 'cost and schedule' : !cost ? 'cost' : 'schedule';
        const names =
          missing === 'cost and schedule'
            ? 'no cost or price and no date or schedule'
            : missing === 'cost'
              ? 'no cost, price, quote, rate or estimate'
              : 'no schedule, date, milestone or plan';
        // "As per Schedule 6 (Change Control Procedure) of the MSA": the impacts may be in that
        // document, which the scope does not show; a hint to check it, not a warning.
        const reference = contractReference(processText);
        if (reference !== undefined) {
          findings.push({
            ruleId,
            path: processPath,
            severity: 'hint',
            message: `The change process refers to ${reference}: check that it asks for a ${missing} impact.`,
            facts: [
              `Nothing in the process itself asks for ${names.replace(/^no /, 'a ').replace(/ and no /, ' or a ')}; if ${reference} does not either, write it here.`,
            ],
          });
          return findings;
        }
        findings.push({
          ruleId,
          path: processPath,
          message: `The change process does not ask for a ${missing === 'cost and schedule' ? 'cost or schedule' : missing} impact: it names ${names}.`,
          fixes:
            typeof process === 'string'
              ? [
                  {
                    title: `Require a ${missing} impact in the process`,
                    ops: [{ op: 'replace', path: processPath, value: yamlScalar(appendImpact(process, missing)) }],
                    preferred: true,
                    applicability: 'unsafe',
                  },
                ]
              : [],
        });
      }
    }
    return findings;
  },
};

/**
 * A named contract document the process defers to: "Schedule 6 (Change Control Procedure) of the
 * MSA", "clause 14 of the framework agreement", "Annex C". Only with a change word in the same text.
 */
const namedDocument =
  /\b(?:[Ss]chedule|[Aa]nnex|[Aa]ppendix|[Cc]lause|[Ss]ection|[Ee]xhibit|[Aa]ttachment)\s+(?:\d+(?:\.\d+)*|[A-Z])(?![\w.])|\b(?:[Mm]aster [Ss]ervices [Aa]greement|[Ff]ramework [Aa]greement|[Cc]all-[Oo]ff [Cc]ontract|MSA)\b/;
function contractReference(text: string): string | undefined {
  if (text.length > 4000 || !/\bchange/i.test(text)) return undefined;
  return namedDocument.exec(text)?.[0];
}

/** The text steps of a process written as a list, one sentence each. */
function stepsOf(steps: readonly unknown[]): string {
  return steps
    .filter((step): step is string => typeof step === 'string')
    .map((step) => step.trim().replace(/[.;]?$/, '.'))
    .join(' ');
}

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
