// security-attestation-missing: No current security attestation.
// Sensitive data in scope without current evidence: an unexpired certificate, a SOC 2 period that
// ended within `attestationMaxAgeMonths` of ref_date, or a completed security questionnaire; and,
// at info, current evidence that is only certificates that all expire before `timeline.end`.
import { plural } from '../plural';
import {
  addMonths,
  arrayAt,
  dateAt,
  dateOf,
  daysBetween,
  isAbsent,
  isRecord,
  refDate,
  sensitivityReasons,
  setKeyOp,
  shortText,
  todayDate,
  valueAt,
} from '../model';
import { findPhrases, phrase, wordsOf, type Phrase } from '../phrases';
import type { Finding, FixOp, Path, Rule } from '../types';
import { sources } from '../sources';

const certificationItem = [
  'name: ""        # e.g. ISO/IEC 27001:2022 or SOC 2 Type II',
  'scope: ""',
  'expires: null   # use period_end for SOC 2 reports',
].join('\n');
const certificationList = certificationItem
  .split('\n')
  .map((line, i) => (i === 0 ? `- ${line}` : `  ${line}`))
  .join('\n');
const questionnaire = ['type: SIG Lite', 'completed: null'].join('\n');

export const rule: Rule = {
  id: 'security-attestation-missing',
  category: 'security',
  severity: 'warning',
  fixes: ['display-only'],
  title: 'No current security attestation',
  explanation: `Sensitive data is in scope, but there is no current independent attestation or completed security questionnaire on record. Vetting a vendor against security threats means collecting evidence rather than assurances. Standard questionnaires (SIG from Shared Assessments, the Cloud Security Alliance's CAIQ) give a comparable baseline, but independent attestations such as SOC 2 Type II and ISO/IEC 27001 carry more weight than self-attested answers (CompTIA Security+ study guide, *Due diligence, questionnaires and monitoring*). A SOC 2 report is normally relied on for about 12 months after its period ends; after that, ask for a new report or a bridge letter (I.S. Partners). Check that the certificate's scope covers the team and sites doing your work.

Evidence is read for what it is: a quality or other management-system certificate (ISO 9001) is not evidence of security controls, a SOC 2 Type I report tests control design on one date rather than operation over a period, and a questionnaire completed more than \`attestationMaxAgeMonths\` before the start no longer describes the vendor. A security standard named with the vendor's own claim or a step on the way ("ISO 27001 compliant", "aligned with", "self-assessed", "readiness assessment", "gap analysis", "certification in progress", "stage 1") is not an attestation anyone independent issued, and evidence dated after both the start and today (a SOC 2 period that has not ended, a questionnaire \`completed\` next month) does not exist yet. None of them counts as current evidence.

Evidence must also last: when the only current evidence is certificates that all expire before \`timeline.end\`, the rule notes it at info level, so the contract can require the renewed certificate before then. Supplier security is managed over the whole relationship, not checked once at signature (ISO/IEC 27036-2, supplier relationship management). A current SOC 2 report or questionnaire is not projected forward: the next report or a bridge letter follows on its own cycle.`,
  areas: ['security'],
  remedy:
    'Ask for an independent attestation (an ISO/IEC 27001 certificate whose scope covers the team doing your work, or a SOC 2 Type II report less than a year past its period end), or at least a completed standard questionnaire (SIG Lite, CAIQ). The quick fix inserts `certifications` and `security_questionnaire` placeholders.',
  sources: [sources.sigCaiq, sources.dueDiligence, sources.soc2Validity, sources.iso27036],
  check(doc, settings) {
    const root = doc.value;
    const reasons = sensitivityReasons(root);
    if (reasons.length === 0) return [];
    const vendor = valueAt(root, ['vendor']);
    if (!isAbsent(vendor) && !isRecord(vendor)) return [];

    const ref = refDate(root, settings.today);
    const refLabel = dateAt(root, ['timeline', 'start'])
      ? `${ref} (\`timeline.start\`)`
      : `${ref} (today; there is no valid \`timeline.start\`)`;
    const months = settings.thresholds.attestationMaxAgeMonths;
    const oldestPeriodEnd = addMonths(ref, -months);
    // Evidence dated after both the start and today is a plan: a report period that has not ended,
    // a questionnaire that is not filled in yet.
    const notYet = (date: string): boolean => date > ref && date > todayDate(settings.today);
    const stale: string[] = [];

    // A completed questionnaire counts while it is as recent as a report would have to be. A
    // `completed` that is not a date (`false`, "in progress", "pending", "draft") does not say the
    // questionnaire was finished: fail safe, it is not evidence (the schema reports the value too).
    const survey = valueAt(root, ['vendor', 'security_questionnaire']);
    if (!isAbsent(survey) && !isRecord(survey)) return [];
    /** Why the questionnaire on record is not current evidence, if it is on record and is not. */
    let surveyGap: 'old' | 'unfinished' | undefined;
    /** Current certificates with an expiry date; and whether any other evidence (a report, a questionnaire, an undated certificate) is current. */
    const current: CurrentEvidence[] = [];
    let otherEvidence = false;
    if (isRecord(survey) && !isAbsent(survey.completed)) {
      const completed = dateOf(survey.completed);
      if (completed === undefined) {
        surveyGap = 'unfinished';
        stale.push(
          `The security questionnaire's \`completed\` is \`${shortText(String(survey.completed))}\`, not a date, so it does not show the questionnaire was finished.`,
        );
      } else if (notYet(completed)) {
        surveyGap = 'unfinished';
        stale.push(
          `The security questionnaire's \`completed\` date ${completed} is after ${refLabel} and today: it is not filled in yet, so it is not evidence when work begins.`,
        );
      } else if (completed >= oldestPeriodEnd) otherEvidence = true;
      else {
        surveyGap = 'old';
        stale.push(
          `The security questionnaire was completed ${completed}, more than ${plural(months, 'month')} before ${refLabel}: answers that old no longer describe the vendor.`,
        );
      }
    }

    const certifications = valueAt(root, ['vendor', 'certifications']);
    if (!isAbsent(certifications) && !Array.isArray(certifications)) return [];
    for (const [i, item] of arrayAt(root, ['vendor', 'certifications']).entries()) {
      if (!isRecord(item)) return [];
      const name = typeof item.name === 'string' && item.name.trim() ? `\`${shortText(item.name)}\`` : `certification ${i + 1}`;
      const kind = attestationKind(item.name);
      if (typeof kind === 'object') {
        stale.push(
          `${name} says "${kind.claim}": that is the vendor's own claim or a step towards certification, not an independent attestation.`,
        );
        continue;
      }
      if (kind === 'not-security') {
        stale.push(
          `${name} is not a security attestation (it certifies quality or another management system), so it is not evidence of security controls.`,
        );
        continue;
      }
      if (kind === 'type-1') {
        stale.push(`${name} tests the design of controls on one date, not their operation over a period; ask for a SOC 2 Type II report.`);
        continue;
      }
      const expires = item.expires;
      const periodEnd = item.period_end;
      // An invalid date (2027-02-30) is neither evidence nor its absence: stay silent and let the schema speak.
      if ((!isAbsent(expires) && !dateOf(expires)) || (!isAbsent(periodEnd) && !dateOf(periodEnd))) return [];
      const expiresOn = dateOf(expires);
      const endedOn = dateOf(periodEnd);
      if (endedOn !== undefined && notYet(endedOn)) {
        stale.push(`${name}: the period ends ${endedOn}, after ${refLabel}, so the report does not exist yet when work begins.`);
        continue;
      }
      if (endedOn !== undefined && endedOn >= oldestPeriodEnd) {
        otherEvidence = true;
        continue;
      }
      if (expiresOn !== undefined && expiresOn >= ref) {
        current.push({ path: ['vendor', 'certifications', i, 'expires'], expires: expiresOn, name });
        continue;
      }
      if (expiresOn !== undefined) stale.push(`${name} expired on ${expiresOn}, before ${refLabel}.`);
      if (endedOn !== undefined)
        stale.push(
          `${name}: the period ended ${endedOn}, more than ${plural(months, 'month')} before ${refLabel} (the report is relied on back to ${oldestPeriodEnd}).`,
        );
      if (expiresOn === undefined && endedOn === undefined)
        stale.push(`${name} has no \`expires\` or \`period_end\` date, so it cannot show it is current.`);
    }

    if (otherEvidence) return [];
    if (current.length > 0) return expiringCertificates(root, current, ref);

    const hasCertifications = arrayAt(root, ['vendor', 'certifications']).length > 0;
    const ops: FixOp[] = [];
    ops.push(
      Array.isArray(certifications)
        ? { op: 'append', path: ['vendor', 'certifications'], value: certificationItem }
        : setKeyOp(root, ['vendor'], 'certifications', certificationList),
    );
    if (!isRecord(survey)) ops.push(setKeyOp(root, ['vendor'], 'security_questionnaire', questionnaire));
    else if (!('completed' in survey))
      ops.push({ op: 'insert', parent: ['vendor', 'security_questionnaire'], key: 'completed', value: 'null' });

    return [
      {
        ruleId: 'security-attestation-missing',
        // About the list as a whole, whose first line is just one certificate; a stale questionnaire
        // with no certificate at all is the evidence the finding is about.
        path: surveyGap && !hasCertifications ? ['vendor', 'security_questionnaire'] : ['vendor', 'certifications'],
        at: 'key',
        message:
          surveyGap && !hasCertifications
            ? `No current security evidence for sensitive data: the questionnaire ${surveyState(surveyGap, months, ref)}, and there is no certification.`
            : stale.length > 0
              ? surveyGap
                ? `No current security evidence for sensitive data: no certification is current on ${ref}, and the questionnaire ${surveyState(surveyGap, months)}.`
                : `No current security evidence for sensitive data: no certification is current on ${ref}, and no security questionnaire is completed.`
              : 'No security evidence for sensitive data: the vendor has no certification, attestation report or completed questionnaire on record.',
        facts: [`Sensitive because ${reasons.join(' and ')}.`, ...stale],
        fixes: [
          {
            title: 'Add placeholders for a certification and a security questionnaire',
            ops,
            preferred: true,
            applicability: 'display-only',
          },
        ],
      },
    ];
  },
};

/** What the message says of a questionnaire that is not current evidence. */
function surveyState(gap: 'old' | 'unfinished', months: number, on?: string): string {
  return gap === 'old' ? `is over ${plural(months, 'month')} old${on ? ` on ${on}` : ''}` : 'is not completed';
}

/** A current certificate and its expiry date. */
interface CurrentEvidence {
  readonly path: Path;
  readonly expires: string;
  /** How the message names it (Markdown). */
  readonly name: string;
}

/**
 * Current certificates that all expire before `timeline.end` (info), on the one that lasts longest.
 * Silent without a valid end after the reference date (schedule rules report a missing or reversed timeline).
 */
function expiringCertificates(root: unknown, current: readonly CurrentEvidence[], ref: string): Finding[] {
  const end = dateAt(root, ['timeline', 'end']);
  if (end === undefined || end <= ref) return [];
  let latest = current[0];
  for (const evidence of current) if (latest === undefined || evidence.expires > latest.expires) latest = evidence;
  if (latest === undefined || latest.expires >= end) return [];
  const uncovered = daysBetween(latest.expires, end);
  const others = current.length - 1;
  return [
    {
      ruleId: 'security-attestation-missing',
      path: latest.path,
      severity: 'info',
      message: `${latest.name} expires before the project ends: on ${latest.expires}, the end is ${end} (\`timeline.end\`), and ${
        others === 0
          ? 'no other evidence lasts longer'
          : others === 1
            ? 'the other certificate expires earlier'
            : `the other ${others} certificates expire earlier`
      }.`,
      facts: [
        uncovered === 1
          ? 'The last day of the project has no current security attestation.'
          : `The last ${uncovered} days of the project have no current security attestation.`,
        'Require the renewed certificate before that date, and record its new `expires` here when it arrives.',
      ],
    },
  ];
}

/** Names of independent security attestations: ISO/IEC 27001 and its extensions, SOC 2, CSA STAR, PCI DSS and the like. */
const securityAttestation =
  /2700[1-2]|2701[78]|27701|\bsoc\s*-?\s*2\b|\bsoc2\b|csa\s*star|\bpci(\s*-?\s*dss)?\b|hitrust|fedramp|stateramp|cyber\s*essentials|tisax|\bc5\b|\birap\b|\biso\s*\/?\s*(iec\s*)?27\d{3}/i;
/** SOC 2 Type I (or Type 1): a point-in-time test of control design. */
const type1 = /\bsoc\s*-?\s*2\b.*\btype\s*(i|1)\b(?!i)/i;

/**
 * Words in a certification's name that make it the vendor's own claim or a step on the way rather
 * than an attestation someone independent issued: "ISO 27001 compliant", "aligned with SOC 2",
 * "self-assessed", "readiness assessment", "gap analysis", "certification in progress", "working
 * towards", "stage 1 audit". A name about the renewal of a certificate held ("recertification in
 * progress") is not a claim: its dates say whether it is current. Matched by word and inflection (phrases.ts). "Attestation of
 * Compliance" (the PCI DSS AOC) names a document an assessor signs, so "compliance" alone is not one.
 */
const claimPhrases: readonly Phrase<true>[] = [
  'compliant|conformant',
  '~align',
  'self ~assess|~assessment|~certify|~certification|~declare|~declaration|~attest|~attestation|assessed|certified|declared|attested',
  'readiness',
  'gap ~analysis|~assessment|~audit|~review',
  'pre ~assessment|~audit|~certification',
  'in progress|preparation',
  'planned|pending|underway|targeted|awaiting',
  '~work towards|toward',
  'applied for',
  'not yet',
  'stage one',
].flatMap((pattern) => phrase(pattern, true as const));
const stageOne = /\bstage\s*(?:1|i)\b(?!i)/i;

/** A name about the next audit of a certificate held ("renewal pending"): the dates say whether it is current. */
const renewal = /\b(?:renewal|renewing|re-?certif\w*|surveillance)\b/i;

/** The words that make a certification a claim rather than an attestation, as written; undefined when none. */
function claimIn(name: string): string | undefined {
  if (renewal.test(name)) return undefined;
  const stage = stageOne.exec(name);
  if (stage) return stage[0];
  const match = findPhrases(name, wordsOf(name), claimPhrases)[0];
  return match ? name.slice(match.start, match.end) : undefined;
}

/**
 * What a certification is evidence of. A name that says nothing readable (blank) is left to the
 * schema; a management-system certificate such as ISO 9001 is not evidence of security controls;
 * a security standard named with a claim ("ISO 27001 compliant") is the claim, as written.
 */
function attestationKind(name: unknown): 'security' | 'type-1' | 'not-security' | { readonly claim: string } {
  if (typeof name !== 'string' || name.trim() === '' || name.length > 400) return 'security';
  if (type1.test(name)) return 'type-1';
  if (!securityAttestation.test(name)) return 'not-security';
  const claim = claimIn(name);
  return claim === undefined ? 'security' : { claim };
}
