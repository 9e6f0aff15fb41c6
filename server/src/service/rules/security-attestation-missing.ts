// security-attestation-missing: No current security attestation.
// Sensitive data in scope without current evidence: an unexpired certificate, a SOC 2 period that
// ended within `attestationMaxAgeMonths` of ref_date, or a completed security questionnaire; and,
// at info, current evidence that is only certificates that all expire before `timeline.end`.
// Evidence is read for what it is: claims and plans (in the name, scope, notes or comments), pen
// tests, bridge letters and the cloud provider's certificates are not the vendor's attestation.
import { readEvidenceDate } from '../evidence';
import { plural } from '../plural';
import {
  addMonths,
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
import type { ScopeDocument } from '../document';
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
  explanation: `Sensitive data is in scope, so the vendor needs current, independent evidence of its security controls (an attestation, or at least a completed security questionnaire) for as long as the project runs. Vetting a vendor against security threats means collecting evidence rather than assurances. Standard questionnaires (SIG from Shared Assessments, the Cloud Security Alliance's CAIQ) give a comparable baseline, but independent attestations such as SOC 2 Type II and ISO/IEC 27001 carry more weight than self-attested answers (CompTIA Security+ study guide, *Due diligence, questionnaires and monitoring*). A SOC 2 report is normally relied on for about 12 months after its period ends; after that, ask for a new report. A bridge letter covers only the few months between a report's period and the next one: it is the vendor's own letter, not an audited report (I.S. Partners). Check that the certificate's scope covers the team and sites doing your work.

Evidence is read for what it is: a quality or other management-system certificate (ISO 9001) is not evidence of security controls, a SOC 2 Type I report tests control design on one date rather than operation over a period, and a questionnaire completed more than \`attestationMaxAgeMonths\` before the start no longer describes the vendor. A security standard named with the vendor's own claim or a step on the way ("ISO 27001 compliant", "aligned with", "self-assessed", "readiness assessment", "gap analysis", "certification in progress", "stage 1") is not an attestation anyone independent issued, and evidence dated after both the start and today (a SOC 2 period that has not ended, a questionnaire \`completed\` next month) does not exist yet. None of them counts as current evidence.

Evidence must also be the vendor's attestation of its controls. A penetration test report shows what testers found in some systems on the days of the test; it is point-in-time testing, not a certification, and says nothing about how the vendor runs its controls from one day to the next. A SOC 2 bridge letter does not count by itself. The cloud provider's certificates ("hosted on AWS, which is ISO 27001 certified", "our hosting provider is SOC 2 Type II", a scope that is the hosting provider's data centre) cover the provider's data centres and platform, not the vendor's staff, access to your data, code and operations, which are the controls you rely on. Plans written in a certificate's scope, notes or comments ("audit scheduled for Q3", "targeting", "working towards") are plans, whatever its expiry date says; the renewal of a certificate held ("surveillance audit scheduled") and a certificate with its issuer or number are judged by their dates.

Evidence must also cover the work: a certificate whose scope or notes leave out the team, site or service doing your work ("excludes the Lisbon delivery centre", "managed services are out of scope") does not cover the controls you rely on, and a parent company's certificate counts only when its scope says it covers the subsidiaries. An ISO/IEC 27001:2013 certificate ceased to be valid on 2025-10-31, when the transition to the 2022 version ended (IAF MD 26), whatever expiry it prints. Evidence is read as vendors write it: certifications under \`attestations\` or \`certificates\`, or as a mapping of names to dates (\`ISO 27001: 2028-01-31\`); an expiry under \`valid_until\`, \`expiry_date\`, \`certificate_expiry\` or a \`validity\` range (its last day), a period end under \`report_period_end\` or as a range, a month ("June 2028", read as its last day), "SOC 2 Type 1 and Type 2" (a Type 2 report), a note about the next annual or transition audit of a certificate held (a renewal, judged by its dates); certifications and a questionnaire written as sentences ("ISO 27001, valid until 2028-09-30", "SIG Lite sent on 2027-01-20, answers pending") are read for the dates their words name and whether they say the answers are in; a year alone is read as its last day, and a date and time as its day; a questionnaire on record with no \`completed\` date is not completed. A certificate marked suspended, withdrawn or lapsed in its name, a status, a note or a comment ("Suspended", "withdrawn by BSI", "renewal audit failed"), or "expired" beside an expiry date that says otherwise, is not current whatever expiry it prints, unless the text says it was reinstated or renewed. A certificate given only by the day it was issued or renewed (\`issued\`, \`certified_on\`, \`renewed\`) runs for its scheme's term: Cyber Essentials (Plus), a PCI DSS Attestation of Compliance and HITRUST i1/e1 12 months, HITRUST r2 24 months, ISO/IEC 27001 (and 27017, 27018, 27701), TISAX and CSA STAR Certification three years; an audit report (SOC 2, C5, ISAE) is dated by its period, not its issue, and a scheme with no fixed term stays undated. The names read include the common spellings ("ISO27001", "27001 certified", "SOC II Type II", "SOC2 T2", "PCI DSS v4.0 AoC", "BSI C5 Type 2", "HITRUST r2") and national schemes (Japan's ISMAP, Spain's ENS, France's HDS and SecNumCloud); an assessment "under assessment", "being assessed" or "ongoing" is a step on the way, like "in progress". A questionnaire's day is read under \`completed\`, the keys people use (\`completed_on\`, \`returned\`), a \`status\` that says it is done beside a \`date\`, or a \`completed\` text that names the day ("Yes (2026-11-02)"). An entry that says there is none ("None", "N/A", "TBD") is no evidence on record. A date that cannot be read ("TBC", "30/06/2028", 2028-02-30) shows nothing, so the certificate or questionnaire it belongs to is not current evidence, and the finding says which date could not be read.

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
    // A questionnaire written as a sentence ("SIG Lite sent on 2027-01-20, answers pending") or as a
    // list is read for the date it was completed and whether it says it is not finished.
    const survey = valueAt(root, ['vendor', 'security_questionnaire']);
    const surveyRead = readSurvey(survey);
    /** Why the questionnaire on record is not current evidence, if it is on record and is not. */
    let surveyGap: SurveyGap | undefined;
    /** Current certificates with an expiry date; and whether any other evidence (a report, a questionnaire, an undated certificate) is current. */
    const current: CurrentEvidence[] = [];
    let otherEvidence = false;
    if (surveyRead.kind === 'text' && surveyRead.completed === undefined) {
      surveyGap = 'unfinished';
      stale.push(
        `The security questionnaire is written as "${shortText(surveyRead.text)}": ${
          surveyRead.pending ? `it says "${surveyRead.pending}"` : 'it names no date it was completed'
        }, so it does not show the questionnaire was finished.`,
      );
    } else if (surveyRead.kind === 'record' && isAbsent(surveyRead.record.completed)) {
      // On record with no date (or a blank one, as a quick fix leaves it): not shown to be finished.
      surveyGap = 'unfinished';
      stale.push('The security questionnaire has no `completed` date, so it does not show the questionnaire was finished.');
    } else if (surveyRead.kind !== 'none') {
      // A date and time is read as its day; a month ("November 2026") as its days, fail safe: its
      // first day for its age, its last for whether it has happened yet.
      const written = surveyRead.kind === 'text' ? surveyRead.completed : surveyRead.record.completed;
      const reading = readEvidenceDate(written);
      const completedFirst = typeof reading === 'object' ? reading.first : undefined;
      const completed = typeof reading === 'object' ? reading.last : undefined;
      if (completed === undefined || completedFirst === undefined) {
        surveyGap = 'unfinished';
        stale.push(
          `The security questionnaire's \`completed\` is \`${shortText(String(surveyRead.kind === 'record' ? surveyRead.record.completed : ''))}\`, not a date, so it does not show the questionnaire was finished.`,
        );
      } else if (notYet(completed)) {
        surveyGap = { future: completed };
        stale.push(
          `The security questionnaire's \`completed\` date ${completed} is after ${refLabel} and today: it is not filled in yet, so it is not evidence when work begins.`,
        );
      } else if (completedFirst >= oldestPeriodEnd) otherEvidence = true;
      else {
        surveyGap = 'old';
        stale.push(
          `The security questionnaire was completed ${typeof reading === 'object' && reading.precision === 'month' ? reading.written : completedFirst}, more than ${plural(months, 'month')} before ${refLabel}: answers that old no longer describe the vendor.`,
        );
      }
    }

    /** What each certification on record is, when it does not count: the message names a kind shared by all of them. */
    const uncounted: UncountedKind[] = [];
    // Certifications written as sentences ("ISO 27001 certified, expires 2028-03-31"), or one
    // certification written as a mapping instead of a list, are read as certifications named so.
    // Under another key (`attestations`, `certificates`, `security_certifications`) they are read as
    // `certifications`, there (the schema reports the key). A mapping of names to dates or records
    // (`ISO 27001: 2028-01-31`, `SOC 2 Type II: { period_end: 2026-10-31 }`) is read entry by entry.
    const certKey = certificationsKeyOf(vendor);
    const certifications = valueAt(root, ['vendor', certKey]);
    const byName = namedCertifications(certifications);
    const items: readonly unknown[] =
      byName ?? (Array.isArray(certifications) ? certifications : isAbsent(certifications) ? [] : [certifications]);
    /** Entries that say there is none ("None", "N/A", "TBD"): no certification on record, not one that fails. */
    let placeholders = 0;
    for (const [i, written] of items.entries()) {
      if (typeof written === 'string' && noneWritten.test(written.trim())) {
        placeholders++;
        stale.push(`\`certifications\` says "${shortText(written)}": no certification is on record.`);
        continue;
      }
      const item: Readonly<Record<string, unknown>> | undefined = isRecord(written)
        ? written
        : typeof written === 'string' || typeof written === 'number'
          ? { name: String(written) }
          : undefined;
      if (item === undefined) return [];
      const name = typeof item.name === 'string' && item.name.trim() ? `\`${shortText(item.name)}\`` : `certification ${i + 1}`;
      const kind = attestationKind(item, commentsOf(doc, byName ? ['vendor', certKey, String(item.name)] : ['vendor', certKey, i]));
      if (kind === 'point-in-time' || kind === 'bridge-letter' || (typeof kind === 'object' && 'provider' in kind)) uncounted.push(kind);
      else if (typeof kind === 'object' && ('excluded' in kind || 'parent' in kind)) uncounted.push('not-covering');
      else if (typeof kind === 'object' && 'revoked' in kind) uncounted.push('revoked');
      else if (kind === 'not-security' && typeof item.name === 'string' && managementSystem.test(item.name))
        uncounted.push('management-system');
      else if (kind === 'type-1') uncounted.push('type-1');
      else uncounted.push('other');
      if (kind === 'point-in-time') {
        stale.push(
          `${name} is a penetration test or scan: it shows what the testers found in the systems they tested on the days of the test. It does not certify the vendor's security controls or show that they keep operating, so it is not an attestation.`,
        );
        continue;
      }
      if (kind === 'bridge-letter') {
        stale.push(
          `${name} is a bridge letter: the vendor's own statement that its controls did not change in the months after a SOC 2 report's period, not an audited report. It does not count by itself; the SOC 2 Type II report it follows must be current.`,
        );
        continue;
      }
      if (typeof kind === 'object' && 'provider' in kind) {
        stale.push(
          kind.provider.startsWith('the ')
            ? `${name} is ${kind.provider}'s certificate, not the vendor's: it covers the provider's data centres and platform, while the vendor's own controls (its staff, its access to your data, its code and operations) have no attestation.`
            : `${name} is the cloud provider's certificate (${kind.provider}), not the vendor's: it covers ${kind.provider}'s data centres and platform, while the vendor's own controls (its staff, its access to your data, its code and operations) have no attestation.`,
        );
        continue;
      }
      if (typeof kind === 'object' && 'revoked' in kind) {
        stale.push(
          `${name}: its ${kind.field} says "${kind.revoked}": a suspended, withdrawn or lapsed certificate is not current, whatever expiry it prints. Ask for the certification body's confirmation that it is valid again.`,
        );
        continue;
      }
      if (typeof kind === 'object' && 'excluded' in kind) {
        stale.push(
          `${name}: its ${kind.field} leaves out "${kind.excluded}", which is the team or service doing your work, so it does not cover the controls you rely on.`,
        );
        continue;
      }
      if (typeof kind === 'object' && 'parent' in kind) {
        stale.push(
          `${name} is the certificate of the vendor's ${kind.parent}, and nothing written says its scope covers the vendor or the team doing your work.`,
        );
        continue;
      }
      if (typeof kind === 'object') {
        stale.push(
          `${name}${kind.field ? `: its ${kind.field}` : ''} says "${kind.claim}": that is the vendor's own claim or a step towards certification, not an independent attestation.`,
        );
        continue;
      }
      if (kind === 'not-security') {
        stale.push(
          typeof item.name === 'string' && managementSystem.test(item.name)
            ? `${name} is not a security attestation (it certifies quality or another management system), so it is not evidence of security controls.`
            : `${name} is not a security attestation: it names no independent security certificate or report (such as ISO/IEC 27001 or SOC 2 Type II), so it is not evidence of security controls.`,
        );
        continue;
      }
      if (kind === 'type-1') {
        stale.push(`${name} tests the design of controls on one date, not their operation over a period; ask for a SOC 2 Type II report.`);
        continue;
      }
      // The dates as written: under the format's keys or the ones people use (`valid_until`,
      // `report_period_end`, a `period` from one date to another), as a day or a month ("2028-06",
      // "June 2028", read as its last day); the schema reports the key or the value.
      const expiresKey = dateKey(item, expiryKeys);
      const periodKey = dateKey(item, periodEndKeys);
      // With no date under any key, a date written in the name or a note after the words that say
      // what it is ("expires 2028-03-31", "period ending 2025-06-30").
      const texts = [item.name, ...proseOf(item, []).map(([, text]) => text)].filter((t): t is string => typeof t === 'string');
      const inText = expiresKey === undefined && periodKey === undefined ? datesInText(texts) : {};
      // With no expiry and no period end, an issue date (`issued`, `certified_on`) of a scheme whose
      // certificates run a fixed time (Cyber Essentials a year, ISO/IEC 27001 three) gives the expiry.
      const fromIssue =
        expiresKey === undefined && periodKey === undefined && inText.expires === undefined && inText.periodEnd === undefined
          ? expiryFromIssue(item)
          : undefined;
      if (fromIssue !== undefined && fromIssue.expires < ref)
        stale.push(
          `${name} was issued ${fromIssue.issued} (\`${fromIssue.key}\`); ${fromIssue.scheme} certificates run ${plural(fromIssue.months % 12 === 0 ? fromIssue.months / 12 : fromIssue.months, fromIssue.months % 12 === 0 ? 'year' : 'month')}, so it expired on ${fromIssue.expires}, before ${refLabel}.`,
        );
      if (fromIssue !== undefined && fromIssue.expires < ref) continue;
      const expires = expiresKey === undefined ? (inText.expires ?? fromIssue?.expires) : item[expiresKey];
      const periodEnd = periodKey === undefined ? inText.periodEnd : item[periodKey];
      // A date that cannot be read ("TBC", 30/06/2028, 2027-02-30) shows nothing: fail safe, the
      // certificate is not current evidence, and the fact says which date could not be read.
      const unreadable =
        !isAbsent(expires) && !looseDate(expires, true)
          ? { key: expiresKey ?? 'expires', value: expires }
          : !isAbsent(periodEnd) && !looseDate(periodEnd, true)
            ? { key: periodKey ?? 'period_end', value: periodEnd }
            : undefined;
      if (unreadable !== undefined) {
        uncounted[uncounted.length - 1] = 'undated';
        const value = unreadable.value;
        const shown =
          typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
            ? String(value)
            : (JSON.stringify(value) ?? '');
        stale.push(
          `${name}: its \`${unreadable.key}\` "${shortText(shown, 40)}" is not a date (write YYYY-MM-DD), so it cannot show it is current.`,
        );
        continue;
      }
      const expiresOn = looseDate(expires, true);
      const endedOn = looseDate(periodEnd, true);
      if (endedOn !== undefined && notYet(endedOn)) {
        stale.push(`${name}: the period ends ${endedOn}, after ${refLabel}, so the report does not exist yet when work begins.`);
        continue;
      }
      if (endedOn !== undefined && endedOn >= oldestPeriodEnd) {
        otherEvidence = true;
        continue;
      }
      // ISO/IEC 27001:2013 certificates ceased to be valid when the transition to the 2022 version
      // ended, whatever expiry the certificate prints (IAF MD 26).
      if (
        expiresOn !== undefined &&
        expiresOn >= ref &&
        iso2013.test(String(item.name)) &&
        !iso2022.test(String(item.name)) &&
        ref > iso2013End
      ) {
        uncounted[uncounted.length - 1] = 'iso-2013';
        stale.push(
          `${name} certifies the 2013 version of ISO/IEC 27001, whose certificates ceased to be valid on ${iso2013End} at the end of the transition to the 2022 version (IAF MD 26), whatever expiry it prints.`,
        );
        continue;
      }
      if (expiresOn !== undefined && expiresOn >= ref) {
        current.push({
          path: byName ? ['vendor', certKey, String(item.name)] : ['vendor', certKey, i, expiresKey ?? fromIssue?.key ?? 'expires'],
          expires: expiresOn,
          name,
        });
        continue;
      }
      if (expiresOn !== undefined) stale.push(`${name} expired on ${expiresOn}, before ${refLabel}.`);
      if (endedOn !== undefined)
        stale.push(
          `${name}: the period ended ${endedOn}, more than ${plural(months, 'month')} before ${refLabel} (the report is relied on back to ${oldestPeriodEnd}).`,
        );
      if (expiresOn === undefined && endedOn === undefined) {
        uncounted[uncounted.length - 1] = 'undated';
        stale.push(`${name} has no \`expires\` or \`period_end\` date, so it cannot show it is current.`);
      }
    }

    if (otherEvidence) return [];
    if (current.length > 0) return expiringCertificates(root, current, ref);

    const hasCertifications = items.length > placeholders;
    const blankCompleted = isRecord(survey) && typeof survey.completed === 'string' && isAbsent(survey.completed);
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
        // A blank `completed` (as the quick fix leaves it) is the value a rule requires: on the value.
        path:
          surveyGap && !hasCertifications
            ? ['vendor', 'security_questionnaire', ...(blankCompleted ? ['completed'] : [])]
            : ['vendor', certKey],
        at: surveyGap && !hasCertifications && blankCompleted ? 'value' : 'key',
        message:
          surveyGap && !hasCertifications
            ? `No current security evidence for sensitive data: the questionnaire ${surveyState(surveyGap, months, ref)}, and there is no certification.`
            : hasCertifications && stale.length > 0
              ? surveyGap
                ? `No current security evidence for sensitive data: ${certificationsState(uncounted, ref)}, and the questionnaire ${surveyState(surveyGap, months)}.`
                : `No current security evidence for sensitive data: ${certificationsState(uncounted, ref)}, and no security questionnaire is completed.`
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

/** A certification entry that says there is none, or none yet: "None", "N/A", "TBD", "none yet", "-". */
const noneWritten = /^(?:none(?:\s+yet)?|n\/?a|nil|no|not\s+yet|tbd|tbc|tba|to\s+follow|to\s+be\s+confirmed|pending|-+|\?+)\.?$/i;

/** What a certification on record is when it is not counted, as far as the message tells them apart. */
type UncountedKind =
  | 'point-in-time'
  | 'bridge-letter'
  | { readonly provider: string }
  | 'not-covering'
  | 'management-system'
  | 'type-1'
  | 'iso-2013'
  | 'revoked'
  | 'undated'
  | 'other';

/**
 * What the message says of the certifications on record when none is current evidence: the kind
 * they all share when it is one of the kinds people mistake for an attestation, else that none is current.
 */
function certificationsState(kinds: readonly UncountedKind[], ref: string): string {
  const [first] = kinds;
  const many = kinds.length > 1;
  if (first === 'point-in-time' && kinds.every((k) => k === first))
    return many
      ? 'penetration tests are point-in-time testing, not a certification of controls'
      : 'a penetration test is point-in-time testing, not a certification of controls';
  if (first === 'bridge-letter' && kinds.every((k) => k === first))
    return many
      ? "SOC 2 bridge letters are the vendor's own letters, not audited reports"
      : "a SOC 2 bridge letter is the vendor's own letter, not an audited report";
  if (first === 'not-covering' && kinds.every((k) => k === first))
    return many
      ? "the certificates' scopes do not cover the vendor's team doing your work"
      : "the certificate's scope does not cover the vendor's team doing your work";
  if (first === 'management-system' && kinds.every((k) => k === first))
    return many
      ? 'quality and other management-system certificates (such as ISO 9001) are not evidence of security controls'
      : 'a quality or other management-system certificate (such as ISO 9001) is not evidence of security controls';
  if (first === 'type-1' && kinds.every((k) => k === first))
    return many
      ? 'SOC 2 Type I reports test the design of controls on one date, not their operation over a period'
      : 'a SOC 2 Type I report tests the design of controls on one date, not their operation over a period';
  if (first === 'revoked' && kinds.every((k) => k === first))
    return many ? 'the certificates are marked suspended, withdrawn or lapsed' : 'the certificate is marked suspended, withdrawn or lapsed';
  if (first === 'undated' && kinds.every((k) => k === first))
    return many
      ? 'no certification has a readable `expires` or `period_end` date'
      : 'the certification has no readable `expires` or `period_end` date';
  if (first === 'iso-2013' && kinds.every((k) => k === first))
    return many
      ? `ISO/IEC 27001:2013 certificates ceased to be valid on ${iso2013End}, whatever expiry they print`
      : `an ISO/IEC 27001:2013 certificate ceased to be valid on ${iso2013End}, whatever expiry it prints`;
  if (typeof first === 'object' && kinds.every((k) => typeof k === 'object' && k.provider === first.provider))
    return first.provider.startsWith('the ')
      ? `the certificate${many ? 's are' : ' is'} ${first.provider}'s and cover${many ? '' : 's'} none of the vendor's own controls`
      : `the certificate${many ? 's are' : ' is'} ${first.provider}'s, the cloud provider's, and cover${many ? '' : 's'} none of the vendor's own controls`;
  return `no certification is current on ${ref}`;
}

/** What the message says of a questionnaire that is not current evidence. */
function surveyState(gap: SurveyGap, months: number, on?: string): string {
  if (typeof gap === 'object') return `is not completed yet (its \`completed\` date ${gap.future} is after work starts and today)`;
  return gap === 'old' ? `is over ${plural(months, 'month')} old${on ? ` on ${on}` : ''}` : 'is not completed';
}

/** Why a questionnaire on record is not current evidence: too old, not finished (or no readable date), or dated in the future. */
type SurveyGap = 'old' | 'unfinished' | { readonly future: string };

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
        auditReport.test(latest.name)
          ? 'Require the next report (or a bridge letter until it comes) before that date, and record it here when it arrives.'
          : 'Require the renewed certificate before that date, and record its new `expires` here when it arrives.',
      ],
    },
  ];
}

/**
 * Names of independent security attestations: ISO/IEC 27001 and its extensions, SOC 2, CSA STAR, PCI DSS and the like,
 * and the national schemes (Japan's ISMAP, Spain's ENS, France's HDS and SecNumCloud, Singapore's MTCS, Korea's K-ISMS).
 */
const securityAttestation =
  /2700[1-2]|2701[78]|27701|\bsoc\s*-?\s*(?:2|ii|3|iii)\b|\bsoc[23]\b|csa\s*star|\bpci(\s*-?\s*dss)?\b|hitrust|fedramp|stateramp|cyber\s*essentials|tisax|\bc5\b|\birap\b|\bisae\s*3000\b|\bnen\s*7510\b|secnumcloud|\bismap\b|esquema\s+nacional\s+de\s+seguridad|\bens\s+(?:alto|medio|b[aá]sico|high|medium|basic|categor)|\bhds\b|h[ée]bergeur\s+de\s+donn[ée]es\s+de\s+sant[ée]|\bmtcs\b|\bk-?isms\b|\biso\s*\/?\s*(iec\s*)?27\d{3}/i;
/** An auditor's report on a period (SOC 2 or 3, ISAE 3000), renewed by the next report, not by a certificate. */
const auditReport = /\bsoc\s*-?\s*(?:2|ii|3|iii)\b|\bsoc[23]\b|\bisae\s*3000\b/i;
/** SOC 2 (or ISAE 3000) Type I (or Type 1): a point-in-time test of control design. */
const type1 = /(?:\bsoc\s*-?\s*(?:2|ii)\b|\bsoc2\b|\bisae\s*3000\b).*\btype\s*(i|1)\b(?!i)/i;
/** ISO/IEC 27001:2013, whose certificates ceased to be valid at the end of the transition (IAF MD 26), and the 2022 version. */
const iso2013 = /27001\s*[:/-]?\s*2013\b/i;
const iso2022 = /27001\s*[:/-]?\s*2022\b/i;
const iso2013End = '2025-10-31';
/** A Type 2 report named beside it ("SOC 2 Type 1 and Type 2", "Type I & II", "SOC2 T2"): the report that counts. */
const type2 = /\btype\s*(?:ii|2)\b|\b(?:i|1)\s*(?:&|and|\+|\/)\s*(?:ii|2)\b|\bt2\b/i;
/** Management-system and service-management standards that are not about security controls. */
const managementSystem =
  /\biso\s*\/?\s*(?:iec\s*)?(?:9001|14001|20000|22301|45001|50001)\b|\b(?:9001|14001|20000-1|22301)\b|\bcmmi\b|\bitil\b/i;

/**
 * Words that make a certification the vendor's own claim, a plan or a step on the way rather than
 * an attestation someone independent issued: "ISO 27001 compliant", "aligned with SOC 2",
 * "self-assessed", "readiness assessment", "gap analysis", "certification in progress", "working
 * towards", "targeting Q3", "audit scheduled", "stage 1 audit". A text about the renewal of a
 * certificate held ("recertification in progress", "surveillance audit scheduled") is not a claim:
 * its dates say whether it is current. Matched by word and inflection (phrases.ts). "Attestation of
 * Compliance" (the PCI DSS AOC) names a document an assessor signs, so "compliance" alone is not one.
 *
 * Strong phrases are a claim wherever they are written; weak ones ("planned", "scheduled",
 * "compliant", "in progress") also describe the work a certificate covers ("planned and emergency
 * changes"), so in a certificate's scope or notes they count only in a clause about certification
 * or audit. In the name, which names the certificate itself, both count.
 */
const strongClaimPhrases: readonly Phrase<true>[] = [
  'self ~assess|~assessment|~certify|~certification|~declare|~declaration|~attest|~attestation|assessed|certified|declared|attested',
  'readiness',
  'gap ~analysis|~assessment|~audit|~review',
  'pre ~assessment|~audit|~certification',
  '~work towards|toward',
  '~aim for|at|to',
  '~target|~targeting',
  '~intend to',
  'on track',
  'on the? roadmap',
  'applied for',
  'not yet',
  'stage one',
].flatMap((pattern) => phrase(pattern, true as const));
const weakClaimPhrases: readonly Phrase<true>[] = [
  'compliant|conformant',
  '~align',
  'in progress|preparation',
  'planned|pending|underway|targeted|awaiting|scheduled|booked|expected|upcoming',
  'will be|become',
  'under ~assessment|~audit|~evaluation',
  'being ~assess|~audit|~certify|~evaluate',
  'ongoing|initiated|commenced',
].flatMap((pattern) => phrase(pattern, true as const));
const allClaimPhrases: readonly Phrase<true>[] = [...strongClaimPhrases, ...weakClaimPhrases];
/** Words that make a clause about certification, audit or a standard's controls, for the weak phrases. */
const certificationWords: readonly Phrase<true>[] = [
  '~certify|~certification|~certificate|certified|~audit|~attest|~attestation|~accredit|~accreditation|~assessment|~report|~compliance',
  'criteria|~criterion|~control|~standard|~framework|annex',
].flatMap((pattern) => phrase(pattern, true as const));
const stageOne = /\bstage\s*(?:1|i)\b(?!i)/i;

/** A text about the next audit of a certificate held ("renewal pending"): the dates say whether it is current. */
const renewal =
  /\b(?:renewal|renewing|re-?certif\w*|re-?assess\w*|surveillance|continuing\s+assessment|transition(?:ing)?\s+(?:to|audit)|(?:next|annual|yearly|periodic)\s+(?:\w+\s+)?(?:audit|assessment|review))\b/i;

/** The words of a name that make a certification a claim rather than an attestation, as written; undefined when none. */
function claimInName(name: string, issued: boolean): string | undefined {
  if (renewal.test(name)) return undefined;
  const stage = stageOne.exec(name);
  if (stage) return stage[0];
  const match = findPhrases(name, wordsOf(name), issued ? strongClaimPhrases : allClaimPhrases)[0];
  return match ? name.slice(match.start, match.end) : undefined;
}

/**
 * The words of a scope or note that make a certification a claim; undefined when none. In a scope,
 * which describes the work covered, weak words count only in a clause about certification; a note
 * or comment on the certificate is about the certificate ("planned for Q3 2027"), so they count there.
 */
function claimInProse(text: string, issued: boolean, describesWork: boolean): string | undefined {
  let offset = 0;
  for (const clause of text.split(/[;,.()\n]/)) {
    const start = offset;
    offset += clause.length + 1;
    if (renewal.test(clause)) continue;
    const stage = stageOne.exec(clause);
    if (stage) return stage[0];
    const words = wordsOf(clause);
    const strong = findPhrases(clause, words, strongClaimPhrases)[0];
    if (strong) return text.slice(start + strong.start, start + strong.end);
    const weak = issued ? undefined : findPhrases(clause, words, weakClaimPhrases)[0];
    if (weak && (!describesWork || securityAttestation.test(clause) || findPhrases(clause, words, certificationWords).length > 0))
      return text.slice(start + weak.start, start + weak.end);
  }
  return undefined;
}

/**
 * Penetration tests, vulnerability scans and red-team exercises: one test of some systems on some
 * days. Read from the name only: a certificate's scope may well include the annual penetration test.
 */
const pointInTimePhrases: readonly Phrase<true>[] = [
  'penetration|pen ~test|~testing|tester',
  'pentest|pentests|pentesting',
  'red team|teaming ~exercise|~test|~assessment|~report',
  'vulnerability ~scan|~assessment|~test',
  'asv ~scan',
  'ethical ~hack|hacking',
].flatMap((pattern) => phrase(pattern, true as const));

/** A SOC 2 bridge (gap) letter: management's letter about the months after a report's period. */
const bridgeLetterPhrases: readonly Phrase<true>[] = ['bridge|bridging|gap ~letter'].flatMap((pattern) => phrase(pattern, true as const));

/** Cloud and hosting providers whose own certificates vendors list as theirs, as people write them. */
const providerPhrases: readonly Phrase<string>[] = (
  [
    [['aws', 'amazon web services', 'amazon aws'], 'AWS'],
    [['microsoft? azure'], 'Microsoft Azure'],
    [['google cloud platform?', 'gcp'], 'Google Cloud'],
    [['oracle cloud', 'oci'], 'Oracle Cloud'],
    [['ibm cloud'], 'IBM Cloud'],
    [['alibaba cloud'], 'Alibaba Cloud'],
    [['ovhcloud', 'ovh'], 'OVHcloud'],
    [['hetzner'], 'Hetzner'],
    [['digitalocean', 'digital ocean'], 'DigitalOcean'],
    [['equinix'], 'Equinix'],
    [['cloudflare'], 'Cloudflare'],
    [['heroku'], 'Heroku'],
  ] as const
).flatMap(([patterns, label]) => patterns.flatMap((pattern) => phrase<string>(pattern, label)));
/** "Our", "we": the vendor speaking of its own certificate on the provider ("ISO 27001 for our AWS platform"). */
const ownWords = /\b(?:our|we|us)\b/i;

/**
 * The cloud provider a certification belongs to, when it is the provider's rather than the vendor's:
 * the name mentions the provider ("Hosted on AWS, which is ISO 27001 certified", "ISO 27001 (via
 * Azure)"), or the scope is the provider's estate (it begins with the provider: "Azure UK South data
 * centres", or says the controls are inherited from it). A vendor's scope that says where it works
 * ("Managed hosting on AWS eu-west-2") is its own certificate.
 */
function providerOf(name: string, scope: string | undefined): string | undefined {
  // "Hosting provider is SOC 2 Type II", "ISO 27001 (our hosting provider Hetzner)", a scope
  // "Hosting provider Equinix LD5 data centre": the words say whose certificate it is, "our" or not.
  for (const text of scope === undefined ? [name] : [name, scope]) {
    const words = wordsOf(text);
    const generic = findPhrases(text, words, hostingProviderPhrases)[0];
    if (generic) return findPhrases(text, words, providerPhrases)[0]?.value ?? 'the hosting provider';
  }
  if (!ownWords.test(name)) {
    const inName = findPhrases(name, wordsOf(name), providerPhrases)[0];
    if (inName) return inName.value;
  }
  if (scope === undefined || ownWords.test(scope)) return undefined;
  const words = wordsOf(scope);
  const inScope = findPhrases(scope, words, providerPhrases)[0];
  if (!inScope) return undefined;
  if (inScope.first === 0 || findPhrases(scope, words, inherited).length > 0) return inScope.value;
  return undefined;
}
/** Words for the company that hosts the vendor's service, whichever it is: "hosting provider", "cloud provider", "data centre operator". */
const hostingProviderPhrases: readonly Phrase<true>[] = [
  'hosting|cloud|infrastructure|iaas|paas|colocation|colo|datacentre|datacenter provider|providers|partner|partners|supplier|suppliers|operator|operators',
  'data centre|center|centres|centers provider|providers|operator|operators|supplier|suppliers',
  'hyperscaler|hyperscalers',
].flatMap((pattern) => phrase(pattern, true as const));
const inherited: readonly Phrase<true>[] = ['~inherit'].flatMap((pattern) => phrase(pattern, true as const));

/** What a certification on record is, as far as the rule tells kinds apart. */
type AttestationKind =
  | 'security'
  | 'type-1'
  | 'not-security'
  | 'point-in-time'
  | 'bridge-letter'
  | { readonly provider: string }
  | { readonly revoked: string; readonly field: string }
  | { readonly excluded: string; readonly field: string }
  | { readonly parent: string }
  | { readonly claim: string; readonly field?: string };

/**
 * Text written about a certification other than its name and dates, with where it is written: its
 * `scope`, notes under keys the format does not know (`notes`, `status`), and comments on its lines.
 */
function proseOf(item: Readonly<Record<string, unknown>>, comments: readonly string[]): [string, string][] {
  const prose: [string, string][] = [];
  for (const [key, value] of Object.entries(item)) {
    if (key === 'name' || key === 'expires' || key === 'period_end') continue;
    if (typeof value === 'string' && value.length <= 2000) prose.push([`\`${key}\``, value]);
  }
  for (const comment of comments) prose.push(['comment', comment]);
  return prose;
}

/** The comments on the lines of a node (a note after `expires:` is read like a note in the text). */
function commentsOf(doc: ScopeDocument, path: Path): string[] {
  const range = doc.nodeAt(path)?.range;
  if (!range) return [];
  const first = doc.positionAt(range[0]).line;
  const last = Math.min(doc.positionAt(range[1]).line, first + 50);
  const comments: string[] = [];
  for (let line = first; line <= last; line++) {
    const comment = doc.commentOnLine(line);
    if (comment && comment.text.length <= 2000) comments.push(comment.text.replace(/^#\s*/, ''));
  }
  return comments;
}

/**
 * Words that show a certificate was issued: an issuer ("issued by BSI", "audited by Schellman",
 * "certified by", "signed by a QSA"), a certificate or registration number, or an `issuer` written
 * beside it. With them, the words that also describe other things ("aligned with Schedule 2", "next
 * audit scheduled") do not make the certificate a plan; the vendor's own claims still do.
 */
const issuancePhrases: readonly Phrase<true>[] = ['issued|certified|audited|attested|accredited|registered|signed|verified by'].flatMap(
  (pattern) => phrase(pattern, true as const),
);
/** A certificate or registration number: an identifier with digits, not the word alone ("certificate number pending"). */
const certificateNumber = /\b(?:cert(?:ificate)?|registration|reg)\b\.?(?:\s*(?:no\.?|number|nr\.?|#|id))?[\s:]*[A-Z]{0,6}[\s-]?\d{3,}/i;
function showsIssuance(item: Readonly<Record<string, unknown>>, texts: readonly string[]): boolean {
  for (const key of ['issuer', 'issued_by', 'certified_by', 'certificate_number', 'auditor'])
    if (typeof item[key] === 'string' && String(item[key]).trim() !== '') return true;
  return texts.some((text) => certificateNumber.test(text) || findPhrases(text, wordsOf(text), issuancePhrases).length > 0);
}

/**
 * What a certification is evidence of. A name that says nothing readable (blank) is left to the
 * schema; a penetration test or a bridge letter is not an attestation; a management-system
 * certificate such as ISO 9001 is not evidence of security controls; a cloud provider's certificate
 * is not the vendor's; a security standard named with a claim or a plan, in its name or its scope,
 * is the claim, as written.
 */
function attestationKind(item: Readonly<Record<string, unknown>>, comments: readonly string[]): AttestationKind {
  const name = item.name;
  if (typeof name !== 'string' || name.trim() === '' || name.length > 400) return 'security';
  const words = wordsOf(name);
  if (findPhrases(name, words, pointInTimePhrases).length > 0) return 'point-in-time';
  if (findPhrases(name, words, bridgeLetterPhrases).length > 0) return 'bridge-letter';
  if (type1.test(name) && !type2.test(name)) return 'type-1';
  if (!securityAttestation.test(name)) {
    // "HIPAA compliant", "GDPR compliant", "NIST aligned": a claim about a law or framework nobody certifies.
    const claim = claimInName(name, false);
    return claim === undefined ? 'not-security' : { claim };
  }
  const prose = proseOf(item, comments);
  const provider = providerOf(name, typeof item.scope === 'string' ? item.scope : undefined);
  if (provider !== undefined) return { provider };
  const revoked = revokedIn([['name', name], ...prose], dateKey(item, expiryKeys) !== undefined);
  if (revoked !== undefined) return revoked;
  const issued = showsIssuance(item, [name, ...prose.map(([, text]) => text)]);
  const claim = claimInName(name, issued);
  if (claim !== undefined) return { claim };
  for (const [field, text] of prose) {
    const inProse = claimInProse(text, issued, describesWork.has(field));
    if (inProse !== undefined) return { claim: inProse, field };
  }
  for (const [field, text] of prose) {
    const excluded = exclusionOf(text);
    if (excluded !== undefined) return { excluded, field };
  }
  const parent = parentOf([name, ...prose.map(([, text]) => text)], item.scope);
  if (parent !== undefined) return { parent };
  return 'security';
}

/**
 * Words that say a certificate held is no longer valid: "Suspended", "withdrawn by BSI", "lapsed",
 * "revoked", "no longer valid", "not renewed", "renewal audit failed". In the name, a status or a
 * note they are about the certificate; in a scope, which describes the work ("suspended accounts"),
 * only in a clause about certification. A text that also says it was restored ("reinstated",
 * "renewed", "recertified") is judged by its dates.
 */
const revokedPhrases: readonly Phrase<true>[] = [
  'suspended|withdrawn|revoked|lapsed|cancelled|canceled|invalidated|terminated|rescinded',
  'no longer valid|current|certified|held|in force',
  'not renewed|valid|current',
  '~audit|recertification|surveillance failed',
  'failed the? ~audit|recertification|surveillance',
].flatMap((pattern) => phrase(pattern, true as const));
/**
 * "Expired" in a text beside an expiry date under its own key ("ISO 27001 (expired June 2026)",
 * `expires: 2027-12-31`): the two disagree, and the fail-safe reading is the text's. With no such
 * key the words' own date is read as the expiry ("certificate expired 2026-11-30").
 */
const expiredPhrases: readonly Phrase<true>[] = phrase('expired|outdated', true);
const restoredPhrases: readonly Phrase<true>[] = ['reinstated|renewed|recertified|restored|lifted|reissued|re-issued'].flatMap((pattern) =>
  phrase(pattern, true as const),
);
function revokedIn(
  texts: readonly (readonly [string, string])[],
  datedByKey: boolean,
): { readonly revoked: string; readonly field: string } | undefined {
  for (const [field, text] of texts) {
    if (text.length > 2000) continue;
    for (const clause of text.split(/[;.()\n]/)) {
      const words = wordsOf(clause);
      const found =
        findPhrases(clause, words, revokedPhrases)[0] ?? (datedByKey ? findPhrases(clause, words, expiredPhrases)[0] : undefined);
      if (!found) continue;
      if (findPhrases(text, wordsOf(text), restoredPhrases).length > 0) break;
      if (describesWork.has(field) && !securityAttestation.test(clause) && findPhrases(clause, words, certificationWords).length === 0)
        continue;
      return { revoked: clause.slice(found.start, found.end), field: field === 'name' ? 'name' : field };
    }
  }
  return undefined;
}

/** Fields that describe the work a certificate covers rather than the certificate itself. */
const describesWork: ReadonlySet<string> = new Set(['`scope`', '`description`', '`covers`', '`coverage`']);

/** Where people write a certificate's expiry and a report's period end, the format's key first. */
const expiryKeys = [
  'expires',
  'valid_until',
  'valid_to',
  'valid_through',
  'valid_till',
  'expiry',
  'expiry_date',
  'expiration',
  'expiration_date',
  'expires_on',
];
const periodEndKeys = [
  'period_end',
  'report_period_end',
  'audit_period_end',
  'period_to',
  'coverage_end',
  'period',
  'audit_period',
  'report_period',
];
/** Where people write the day a certificate was issued or last renewed. */
const issuedKeys = [
  'issued',
  'issued_on',
  'issue_date',
  'date_issued',
  'date_of_issue',
  'certified',
  'certified_on',
  'certification_date',
  'awarded',
  'awarded_on',
  'renewed',
  'renewed_on',
  'last_renewed',
];
/**
 * How long certificates of a scheme run from their issue (or renewal) date, by the scheme's own
 * rules: Cyber Essentials and Cyber Essentials Plus 12 months (NCSC/IASME), a PCI DSS Attestation
 * of Compliance 12 months (annual assessment), HITRUST r2 24 months and i1/e1 12 months, ISO/IEC
 * 27001 and its extensions, TISAX and CSA STAR Certification 3 years (ISO/IEC 17021-1 cycle).
 * Audit reports (SOC 2, C5, ISAE) are dated by their period, not their issue, and are not here.
 */
const validityMonths: readonly (readonly [{ test(name: string): boolean }, number, string])[] = [
  [/cyber\s*essentials/i, 12, 'Cyber Essentials'],
  [/\bpci\b/i, 12, 'PCI DSS'],
  [{ test: hitrustShortTerm }, 12, 'HITRUST i1 and e1'],
  [/hitrust/i, 24, 'HITRUST r2'],
  [/tisax/i, 36, 'TISAX'],
  [/csa\s*star/i, 36, 'CSA STAR Certification'],
  [/2700[1-2]|2701[78]|27701|\biso\s*\/?\s*(?:iec\s*)?27\d{3}/i, 36, 'ISO/IEC 27001'],
];
/** "HITRUST i1" or "HITRUST e1 validated assessment": i1 or e1 after "HITRUST" in the same clause (one pass, not a `[^,;]*` run from every "HITRUST"). */
function hitrustShortTerm(name: string): boolean {
  const at = name.search(/hitrust/i);
  if (at < 0) return false;
  const rest = name.slice(at);
  const clause = rest.slice(0, rest.search(/[,;]/) >= 0 ? rest.search(/[,;]/) : rest.length);
  return /\b(?:i1|e1)\b/i.test(clause);
}

/** The expiry an issue date gives, with what it was read from; undefined when there is none or the scheme has no fixed term. */
function expiryFromIssue(
  item: Readonly<Record<string, unknown>>,
):
  | { readonly expires: string; readonly issued: string; readonly key: string; readonly months: number; readonly scheme: string }
  | undefined {
  const key = dateKey(item, issuedKeys);
  if (key === undefined || typeof item.name !== 'string' || auditReport.test(item.name)) return undefined;
  const reading = readEvidenceDate(item[key]);
  if (typeof reading !== 'object') return undefined;
  const scheme = validityMonths.find(([pattern]) => pattern.test(String(item.name)));
  if (scheme === undefined) return undefined;
  const [, months, label] = scheme;
  // Fail safe: a month or year is read as its first day, the earliest it can expire; the day before the anniversary.
  const expires = addMonths(reading.first, months);
  const dayBefore = new Date(Date.parse(`${expires}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return { expires: dayBefore, issued: reading.written, key, months, scheme: label };
}

/**
 * The first of these keys the certification writes a value under; for expiries, also any key that
 * says so (`certificate_expiry`, `expiry_on`, `validity`, `valid`: a range is read by its last day).
 */
function dateKey(item: Readonly<Record<string, unknown>>, keys: readonly string[]): string | undefined {
  const listed = keys.find((key) => !isAbsent(item[key]));
  if (listed !== undefined || keys !== expiryKeys) return listed;
  return Object.keys(item).find((key) => /^(?:\w+_)?(?:expir\w*|valid(?:ity)?(?:_\w+)?)$/i.test(key) && !isAbsent(item[key]));
}

/** The key under `vendor` that holds the certifications: `certifications`, or another name people use for it. */
function certificationsKeyOf(vendor: unknown): string {
  if (!isRecord(vendor) || !isAbsent(vendor.certifications)) return 'certifications';
  return (
    Object.keys(vendor).find(
      (key) =>
        /^(?:security_|vendor_)?(?:certifications?|certificates?|attestations?|accreditations?|security_evidence|assurance(?:_reports)?)$/i.test(
          key,
        ) && !isAbsent(vendor[key]),
    ) ?? 'certifications'
  );
}

/**
 * Certifications written as a mapping of names (`ISO 27001: 2028-01-31`, `SOC 2 Type II: { period_end:
 * 2026-10-31 }`), as items with that name; undefined for a list, or for one certification written as
 * a mapping (it has a \`name\`, or keys of a certification).
 */
function namedCertifications(value: unknown): Record<string, unknown>[] | undefined {
  if (!isRecord(value) || 'name' in value) return undefined;
  const entries = Object.entries(value);
  if (entries.length === 0 || !entries.every(([key]) => securityAttestation.test(key) || managementSystem.test(key))) return undefined;
  return entries.map(([name, entry]) => {
    if (isRecord(entry)) return { ...entry, name };
    // A date, or a text beside the name ("expires 2028-01-31", "period ending 2026-10-31"), is read as written in the name.
    if (typeof entry === 'string' || typeof entry === 'number' || entry instanceof Date) {
      const reading = readEvidenceDate(entry);
      if (typeof reading === 'object') return { name, [auditReport.test(name) ? 'period_end' : 'expires']: entry };
      return { name: `${name} (${String(entry)})` };
    }
    return { name };
  });
}

/**
 * A date as people write it for a certificate (evidence.ts): a day (2028-06-30, "30 June 2028"), a
 * date and time (its day), a month (2028-06, "June 2028", "Jun 2028") or a year, read as its last
 * day; with `last`, the last date of a range ("2025-10-01 to 2026-09-30", a report's period).
 * Undefined for anything else.
 */
function looseDate(value: unknown, last = false): string | undefined {
  const reading = readEvidenceDate(value);
  if (typeof reading === 'object') return reading.last;
  if (!last || typeof value !== 'string' || value.length > 200) return undefined;
  const days = value.match(/\d{4}-\d{2}-\d{2}/g);
  return days && days.length > 1 ? dateOf(days[days.length - 1]) : undefined;
}

/**
 * What a certificate's scope or note leaves out, when it is the kind of thing doing your work: "excludes
 * the Lisbon delivery centre", "managed services are out of scope", "the delivery team is not in its
 * scope". An exclusion of something else ("excludes the Paris sales office") leaves the certificate
 * counting. Undefined when nothing the work depends on is left out.
 */
function exclusionOf(text: string): string | undefined {
  for (const clause of text.split(/[;.()\n]/)) {
    const words = wordsOf(clause);
    const marker = findPhrases(clause, words, exclusionPhrases)[0];
    if (!marker) continue;
    // "excludes X" names X after the words; "X is not in scope" before them, or after ("out of scope: X").
    const after = clause.slice(marker.end);
    const before = clause.slice(0, marker.start);
    const parts = marker.value === 'before' && before.trim() !== '' ? [before] : [after];
    for (const part of parts) {
      const found = findPhrases(part, wordsOf(part), deliveryPhrases)[0];
      if (found)
        return part
          .trim()
          .replace(/^[\s:,-]*(?:the|its|all|any)?\s*/i, '')
          .replace(/(?<!\s)\s+(?:is|are)$/i, '')
          .slice(0, 80);
    }
  }
  return undefined;
}
/** Words that leave something out of a certificate: `after` names it after them, `before` before them. */
const exclusionPhrases: readonly Phrase<'after' | 'before'>[] = [
  ...['~exclude|excluding', 'except|excepting', 'but not', 'does|do not ~cover|include'].flatMap((pattern) =>
    phrase<'after' | 'before'>(pattern, 'after'),
  ),
  ...['not in|within the? scope', 'not in its scope', 'out of scope', 'outside the? scope', 'not covered|included|certified'].flatMap(
    (pattern) => phrase<'after' | 'before'>(pattern, 'before'),
  ),
];
/** What does your work: delivery, development, support and operations, their teams and sites, or the vendor as a subsidiary. */
const deliveryPhrases: readonly Phrase<true>[] = [
  '~delivery|~deliver|~development|~developer|~engineering|~engineer|~operation|~support|~hosting|~project',
  '~service|~services|~team|~staff|~subsidiary|~subsidiaries|~affiliate|offshore|nearshore|~centre|~center',
  'client|customer ~work|~environment|~data|~system',
].flatMap((pattern) => phrase(pattern, true as const));

/**
 * The parent or sister company whose certificate the vendor lists ("held by our parent company", "group
 * certificate"), unless its scope says it covers the vendor's subsidiaries or group companies.
 */
function parentOf(texts: readonly string[], scope: unknown): string | undefined {
  for (const text of texts) {
    const found = findPhrases(text, wordsOf(text), parentPhrases)[0];
    if (!found) continue;
    if (typeof scope === 'string' && findPhrases(scope, wordsOf(scope), groupCoverage).length > 0) return undefined;
    return found.value;
  }
  return undefined;
}
const parentPhrases: readonly Phrase<string>[] = [
  ...phrase<string>('parent|holding ~company|group|organisation|organization', 'parent company'),
  ...phrase<string>('our|its parent', 'parent company'),
  ...phrase<string>('group ~certificate|~certification', 'parent group'),
  ...phrase<string>('sister ~company', 'sister company'),
];
/** A scope that says the certificate covers the subsidiaries, the whole group or all its companies. */
const groupCoverage: readonly Phrase<true>[] = [
  'all|every ~subsidiary|~subsidiaries|~company|~companies|~entity|~entities',
  'group wide|groupwide',
  'including|includes|incl|covers|covering ~subsidiary|~subsidiaries',
].flatMap((pattern) => phrase(pattern, true as const));

/** A questionnaire as written: a mapping (the format's), a sentence, or nothing on record. */
type SurveyRead =
  | { readonly kind: 'none' }
  | { readonly kind: 'record'; readonly record: Readonly<Record<string, unknown>> }
  | { readonly kind: 'text'; readonly text: string; readonly completed?: string; readonly pending?: string };

/**
 * Reads `security_questionnaire` as written. A list: its latest completed questionnaire (else its
 * first). A sentence: the date in it, unless it says the answers are not in ("sent", "pending",
 * "requested", "not yet"). Any other value (`true`) says nothing was completed.
 */
function readSurvey(value: unknown): SurveyRead {
  // "N/A", "None", "TBD": no questionnaire on record.
  if (isAbsent(value) || (typeof value === 'string' && noneWritten.test(value.trim()))) return { kind: 'none' };
  if (isRecord(value)) return { kind: 'record', record: surveyRecord(value) };
  if (Array.isArray(value)) {
    const records = value.filter(isRecord).map(surveyRecord);
    let best = records[0];
    for (const record of records) if ((dateOf(record.completed) ?? '') > (dateOf(best?.completed) ?? '')) best = record;
    if (best !== undefined) return { kind: 'record', record: best };
    return readSurvey(value.find((v) => typeof v === 'string'));
  }
  const text = typeof value === 'string' ? value : String(value);
  if (text.length > 2000) return { kind: 'text', text: text.slice(0, 60) };
  const words = wordsOf(text);
  const date = dateOf(text.match(/\d{4}-\d{2}-\d{2}/)?.[0]);
  const pendings = findPhrases(text, words, pendingPhrases);
  const pending = pendings.find((m) => m.value) ?? pendings[0];
  // "Completed 2026-11-02" is done, whatever else it says ("sent back"), unless it is denied ("not
  // yet answered"); a date with no word either way is the date it was done.
  const done = date !== undefined && findPhrases(text, words, donePhrases).length > 0 && !pending?.value;
  if (pending && !done) return { kind: 'text', text, pending: text.slice(pending.start, pending.end) };
  return { kind: 'text', text, ...(date !== undefined ? { completed: date } : {}) };
}
/** Keys people write for the day a questionnaire was completed. */
const completedKeys = [
  'completed_on',
  'completed_date',
  'date_completed',
  'completion_date',
  'returned',
  'returned_on',
  'answered',
  'received',
];

/**
 * A questionnaire mapping with its completion day read as written: under `completed` or a key
 * people use for it (\`completed_on\`), a \`status\` that says it is done beside a \`date\`, or a
 * \`completed\` text that names the day ("Yes (2026-11-02)"). Otherwise the mapping as written.
 */
function surveyRecord(record: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  const completed = record.completed;
  if (isAbsent(completed)) {
    const key = completedKeys.find((k) => !isAbsent(record[k]));
    if (key !== undefined) return { ...record, completed: record[key] };
    const status = record.status;
    if (typeof status === 'string' && !isAbsent(record.date) && status.length <= 200) {
      const words = wordsOf(status);
      if (findPhrases(status, words, donePhrases).length > 0 && findPhrases(status, words, pendingPhrases).length === 0)
        return { ...record, completed: record.date };
    }
    return record;
  }
  if (typeof completed === 'string' && readEvidenceDate(completed) === 'unreadable' && /\d{4}-\d{2}-\d{2}/.test(completed)) {
    const read = readSurvey(completed);
    if (read.kind === 'text' && read.completed !== undefined) return { ...record, completed: read.completed };
  }
  return record;
}

/** Words that say a questionnaire's answers are not in; `true` for the ones no "completed" outweighs ("not yet"). */
const pendingPhrases: readonly Phrase<boolean>[] = [
  ...['sent|requested|issued|pending|awaiting|outstanding|draft|started|underway', 'in progress'].flatMap((pattern) =>
    phrase(pattern, false),
  ),
  ...[
    'not|never yet|returned|completed|answered|received|submitted',
    'to be ~complete|completed|~return|returned|~send|sent',
    'will be|~send|~complete|~return',
  ].flatMap((pattern) => phrase(pattern, true)),
];
/** Words that say it was done. */
const donePhrases: readonly Phrase<true>[] = phrase('completed|answered|returned|received|submitted|done', true);

/** What a date in a certification's text is, from the words before it. */
const expiryWords =
  /\b(?:expir\w*|valid\s+(?:until|to|through|thru|till)|valid\s+from\s+\S+\s+(?:to|until)|until|renewal\s+due|lapses?|lapsed)\s*:?\s*(?:on\s+)?$/i;
const periodWords = /\b(?:period\s+(?:end(?:s|ed|ing)?|to|through)|ending|ended|through|to)\s*:?\s*(?:on\s+)?$/i;
const textDate = /\b(\d{4}-\d{2}-\d{2}|\d{4}-\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4})\b/gi;
/** The expiry and period end written in a certification's name or notes, as the words before each date say. */
function datesInText(texts: readonly string[]): { expires?: string; periodEnd?: string } {
  let expires: string | undefined;
  let periodEnd: string | undefined;
  for (const text of texts) {
    if (text.length > 2000) continue;
    for (const m of text.matchAll(textDate)) {
      const before = text.slice(Math.max(0, m.index - 40), m.index);
      if (expires === undefined && expiryWords.test(before)) expires = m[1];
      else if (periodEnd === undefined && periodWords.test(before)) periodEnd = m[1];
    }
  }
  return { ...(expires !== undefined ? { expires } : {}), ...(periodEnd !== undefined ? { periodEnd } : {}) };
}
