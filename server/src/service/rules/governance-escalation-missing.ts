// governance-escalation-missing: No escalation path.
// An issue a check-in cannot resolve needs a named next level and a response time.
import { arrayAt, isAbsent, isMappingOrAbsent, isRecord, setKeyOp, shortText, stringAt, valueAt } from '../model';
import type { Finding, Rule } from '../types';
import { sources } from '../sources';
import { engagementOf, inferredNote, overruledFacts, proportion } from '../engagement';
import { escalationInProse, mentionFact, namesEscalationContact } from '../governanceProse';

const escalationSkeleton = [
  '- level: 1',
  '  contact: ""',
  '  respond_within_days: 2',
  '- level: 2',
  '  contact: ""',
  '  respond_within_days: 5',
].join('\n');

export const rule: Rule = {
  id: 'governance-escalation-missing',
  category: 'governance',
  severity: 'warning',
  fixes: ['display-only'],
  title: 'No escalation path',
  explanation: `There is no escalation path. When a check-in cannot resolve an issue, it needs a named next level and a response time; otherwise decisions stall and the vendor gets conflicting instructions (Outsourcing Explained). Governance playbooks define problem-resolution routes up front (Everest Group, *Outsourcing Governance 101*). Your leadership has little time for the project, which is exactly why escalation must be rare, fast and defined: without it, oversight stops at the first disagreement.

A small job (\`project.engagement: small_job\`, or a scope within the \`smallJobMaxTotal\` and \`smallJobMaxWeeks\` thresholds with at most 3 deliverables, or a vendor that is one person, a sole trader, within twice those thresholds) needs no escalation ladder: its owner deals with the vendor directly. When only the size says so, the finding is a hint that says what was read.

A route written in the governance section's prose counts, in the change-control process or under any governance key: "any issue the weekly call cannot settle is escalated to the steering group, which decides within 5 working days", and without the word escalate, "issues unresolved after 5 working days go to the CIO", "disputes are referred to the steering committee", "risks are raised with the sponsor", a path of roles ("PM → Delivery Director → Steering Committee", "the delivery leads, then the two sponsors", each step ending at a role or a named person and one of them senior), a numbered level ("Level 2", "L2 (Delivery Director)"), or a key such as \`escalation_path: Sam Patel, then Dana Reyes\`, \`issue_resolution:\` or \`disputes:\`. The assumptions, the acceptance terms, the key personnel ("Account director (escalation contact)") and the project's sponsor and owner ("Dana Reyes (final escalation point)") are read the same way, except for incident handling there. A process of steps ("Change request → impact assessment → approval") is not a route, and neither is an escalation left to the moment: "issues are escalated as needed" names no level, contact or response time, so the finding stays, as it does for \`escalation_path: as needed\`. A sentence counts when an unsettled issue goes to a senior role or a named person; an approval ("change requests over 10,000 EUR go to the sponsor"), a report sent to a forum or an issue filed in a tool is not a route. The finding is then a hint on that text, asking to record each level, its contact and response time in \`governance.escalation\`. Escalation inside a deliverable ("P1 incidents are escalated to our on-call engineer") is incident handling, not a route for issues between the parties, and does not count.

A RACI or responsibility matrix named in the governance text ("issue ownership follows the governance RACI in Schedule 5") says who is accountable for an unresolved issue, and counts the same way, as does a route in a section of the lead's own at the top level (\`communication:\`). A ladder written as text where the format wants a list of levels counts when it names a role or a person; \`escalation: as needed\`, \`TBD\` or \`true\` names nobody, and is reported beside the schema's type finding.

A ladder whose every level is the vendor's own people is the vendor's internal route, not yours: nobody on your side is named to take an issue the vendor does not resolve, so it is reported on \`escalation\`. A contact is the vendor's when it names the vendor ("Brightline delivery director"), one of its key personnel, or says "vendor" or "supplier"; it is yours when it names your owner or sponsor or says "our" or "client". A contact that says neither ("Head of IT") is not taken to be the vendor's.

A path whose levels give no response time (\`respond_within_days\`) is reported as information, on the first such level: the route exists, but an issue can wait at a level as long as it likes.`,
  areas: ['expertise'],
  remedy:
    'Define who an unresolved issue goes to next, and how fast each level must respond. The quick fix inserts two escalation levels to fill in.',
  sources: [sources.vendorGovernance, sources.governancePlaybook],
  check(doc, settings) {
    if (!isMappingOrAbsent(doc.value, ['governance'])) return [];
    const ladder = valueAt(doc.value, ['governance', 'escalation']);
    if (!isAbsent(ladder)) {
      if (!Array.isArray(ladder)) return notALadder(ladder);
      return vendorOnly(doc.value, ladder) ?? noResponseTime(ladder);
    }
    // A small job is escalated by its owner calling the vendor: no ladder is needed.
    const engagement = engagementOf(doc.value, settings.thresholds);
    const how = proportion(engagement, engagement.small);
    if (how === 'skip') return [];
    const fix = {
      title: 'Add a two-level `escalation` path',
      // The contacts are left empty: who escalates to whom is for the author to decide.
      ops: [setKeyOp(doc.value, ['governance'], 'escalation', escalationSkeleton)],
      preferred: true,
      applicability: 'display-only' as const,
    };
    // A route written in the governance section's prose ("escalated to the steering group, which
    // decides within 5 working days") is agreed: say where, and ask to record its levels.
    const prose = escalationInProse(doc.value);
    if (prose)
      return [
        {
          ruleId: 'governance-escalation-missing',
          path: prose.path,
          severity: 'hint',
          message:
            'An escalation route is described here, not in `governance.escalation`: record each level, its contact and response time there.',
          facts: [mentionFact(prose)],
          fixes: [fix],
        },
      ];
    const relaxed: Partial<Finding> =
      how === 'hint'
        ? { severity: 'hint', facts: [inferredNote(engagement, true)] }
        : engagement.overruled
          ? { facts: overruledFacts(engagement) }
          : {};
    return [
      {
        ruleId: 'governance-escalation-missing',
        path: ['governance', 'escalation'],
        message:
          how === 'hint'
            ? `There is no escalation path (\`governance.escalation\`); for a small job this is optional.`
            : 'There is no escalation path (`governance.escalation`): no named next level and no response time when a check-in cannot resolve an issue.',
        ...relaxed,
        fixes: [fix],
      },
    ];
  },
};

/**
 * Levels written with no response time (`respond_within_days`): the path exists, but an issue can
 * wait at any level for as long as that level likes. One finding, on the first such level.
 */
function noResponseTime(ladder: readonly unknown[]): Finding[] {
  const levels = ladder.flatMap((entry, i) => (isRecord(entry) && isAbsent(entry.respond_within_days) ? [{ entry, i }] : []));
  const first = levels[0];
  if (!first || ladder.some((e) => !isRecord(e))) return [];
  const names = levels.map(({ entry, i }) =>
    typeof entry.level === 'number' || typeof entry.level === 'string' ? `level ${String(entry.level)}` : `\`escalation[${i}]\``,
  );
  const list = names.length === 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
  return [
    {
      ruleId: 'governance-escalation-missing',
      path: ['governance', 'escalation', first.i],
      severity: 'info',
      message: `The escalation path gives no response time for ${list} (\`respond_within_days\`): an issue can wait there as long as that level likes.`,
    },
  ];
}

/**
 * A ladder written as something else (`escalation: as needed`, `escalation: true`, a sentence, a
 * mapping of levels). A sentence or mapping that names a role or a person to go to is a route in
 * the wrong shape (the schema's finding); one that names nobody ("as needed", "TBD", `true`) agrees
 * no next level, contact or response time, and is reported beside the schema's type finding.
 */
function notALadder(ladder: unknown): Finding[] {
  const texts = isRecord(ladder) ? Object.values(ladder).filter((v): v is string => typeof v === 'string') : [];
  const text = typeof ladder === 'string' ? ladder : texts.join('; ');
  if (text !== '' && namesEscalationContact(text)) return [];
  const written =
    typeof ladder === 'string' ? `"${shortText(ladder.trim(), 40)}"` : `\`${JSON.stringify(ladder)?.slice(0, 40) ?? String(ladder)}\``;
  return [
    {
      ruleId: 'governance-escalation-missing',
      path: ['governance', 'escalation'],
      besideSchema: true,
      message: `The escalation path names no one: ${written} gives no next level, contact or response time (\`governance.escalation\`).`,
    },
  ];
}

/** Words that make a contact the vendor's: its own name for itself ("Vendor account manager"). */
const vendorWords =
  /\b(?:vendor|supplier|contractor|provider)(?:'s)?\b(?!\s+(?:manager|management|relationship|governance|performance|office))/i;
/** Words that make a contact yours. */
const clientWords = /\b(?:our|we|us|client|customer|buyer)(?:'s)?\b/i;
/** Words of a company name that do not identify it ("Brightline Digital Ltd" is "Brightline"). */
const companyFiller = new Set(
  'ltd limited plc llc llp inc corp corporation co company gmbh ag bv nv sa sas sarl srl spa lda oy ab as aps kft sp group holdings the and of & digital software solutions consulting services systems technologies technology it'.split(
    ' ',
  ),
);

/** The person's name in "Dana Reyes (VP Customer Operations)": the text before a bracket or comma. */
function personName(text: string): string {
  return text.split(/[(,;]/)[0]?.trim() ?? '';
}

/** How many names and contacts vendorOnly reads, and how much of each: a ladder is a handful of short lines. */
const maxNamesRead = 50;
const maxNameChars = 200;
const maxContactChars = 1_000;

function containsWords(text: string, words: string): boolean {
  if (words.length < 3) return false;
  const escaped = words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu').test(text);
}

/**
 * A ladder whose every level is the vendor's own people ("Brightline account manager", then
 * "Brightline delivery director", then "Brightline managing director") is the vendor's internal
 * route, not yours: nobody on your side is named to take an issue the vendor will not fix. A
 * contact is the vendor's when it names the vendor, one of its key personnel, or says "vendor" or
 * "supplier"; it is yours when it names your owner, sponsor or says "our" or "client" (a "vendor
 * manager" or "supplier relationship manager" is your role for the vendor, not theirs). A contact
 * that says neither ("Head of IT") is not taken to be the vendor's.
 */
function vendorOnly(root: unknown, ladder: readonly unknown[]): Finding[] | undefined {
  const vendorName = stringAt(root, ['vendor', 'name']) ?? '';
  const vendorTokens = vendorName
    .split(/[^\p{L}\p{N}&]+/u)
    .filter((w) => w.length >= 3 && !companyFiller.has(w.toLowerCase()))
    .slice(0, maxNamesRead)
    .map((w) => w.slice(0, maxNameChars));
  // Bounded: each name is a RegExp run on each contact, so a hostile file cannot make this quadratic.
  const vendorPeople = arrayAt(root, ['vendor', 'key_personnel'])
    .slice(0, maxNamesRead)
    .map((p) => (isRecord(p) && typeof p.name === 'string' ? personName(p.name).slice(0, maxNameChars) : ''))
    .filter((n) => n !== '');
  const clientPeople = [stringAt(root, ['project', 'owner']), stringAt(root, ['project', 'sponsor'])]
    .map((t) => personName(t ?? '').slice(0, maxNameChars))
    .filter((n) => n !== '');
  const contacts = ladder
    .slice(0, maxNamesRead)
    .map((entry) => (typeof entry === 'string' ? entry : isRecord(entry) && typeof entry.contact === 'string' ? entry.contact : undefined));
  if (ladder.length > maxNamesRead) return undefined;
  if (contacts.length === 0 || contacts.some((c) => c === undefined || c.trim() === '')) return undefined;
  const reads: string[] = [];
  for (const written of contacts as string[]) {
    const contact = written.slice(0, maxContactChars);
    const ours = clientWords.test(contact) || clientPeople.some((n) => containsWords(contact, n));
    const theirs =
      vendorTokens.find((t) => containsWords(contact, t)) ??
      vendorPeople.find((n) => containsWords(contact, n)) ??
      vendorWords.exec(contact)?.[0];
    if (ours || theirs === undefined) return undefined;
    reads.push(theirs);
  }
  const names = [...new Set(reads)];
  return [
    {
      ruleId: 'governance-escalation-missing',
      path: ['governance', 'escalation'],
      at: 'key',
      message: `Every level of the escalation path is on the vendor's side (${shortText(names.slice(0, 2).join(', '), 30)}): no one of yours is named to take an issue the vendor does not resolve.`,
      facts: contacts.map((c, i) => `Level ${i + 1}: "${shortText(c ?? '', 50)}" is the vendor's (${reads[i] ?? ''}).`),
    },
  ];
}
