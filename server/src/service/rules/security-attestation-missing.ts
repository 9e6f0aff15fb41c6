// security-attestation-missing: No current security attestation.
// Sensitive data in scope without current evidence: an unexpired certificate, a SOC 2 period that
// ended within `attestationMaxAgeMonths` of ref_date, or a completed security questionnaire.
import {
  addMonths,
  arrayAt,
  dateAt,
  dateOf,
  isAbsent,
  isRecord,
  refDate,
  sensitivityReasons,
  setKeyOp,
  shortText,
  valueAt,
} from '../model';
import type { FixOp, Rule } from '../types';
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
  explanation: `Sensitive data is in scope, but there is no current independent attestation or completed security questionnaire on record. Vetting a vendor against security threats means collecting evidence rather than assurances. Standard questionnaires (SIG from Shared Assessments, the Cloud Security Alliance's CAIQ) give a comparable baseline, but independent attestations such as SOC 2 Type II and ISO/IEC 27001 carry more weight than self-attested answers (CompTIA Security+ study guide, *Due diligence, questionnaires and monitoring*). A SOC 2 report is normally relied on for about 12 months after its period ends; after that, ask for a new report or a bridge letter (I.S. Partners). Check that the certificate's scope covers the team and sites doing your work.`,
  areas: ['security'],
  remedy:
    'Ask for an independent attestation (an ISO/IEC 27001 certificate whose scope covers the team doing your work, or a SOC 2 Type II report less than a year past its period end), or at least a completed standard questionnaire (SIG Lite, CAIQ). The quick fix inserts `certifications` and `security_questionnaire` placeholders.',
  sources: [sources.sigCaiq, sources.dueDiligence, sources.soc2Validity],
  check(doc, settings) {
    const root = doc.value;
    const reasons = sensitivityReasons(root);
    if (reasons.length === 0) return [];
    const vendor = valueAt(root, ['vendor']);
    if (!isAbsent(vendor) && !isRecord(vendor)) return [];

    // Present in any form counts, as the catalogue says; a malformed date there is the schema's to report.
    const survey = valueAt(root, ['vendor', 'security_questionnaire']);
    if (!isAbsent(survey) && !isRecord(survey)) return [];
    if (isRecord(survey) && !isAbsent(survey.completed)) return [];

    const certifications = valueAt(root, ['vendor', 'certifications']);
    if (!isAbsent(certifications) && !Array.isArray(certifications)) return [];
    const ref = refDate(root, settings.today);
    const refLabel = dateAt(root, ['timeline', 'start'])
      ? `${ref} (\`timeline.start\`)`
      : `${ref} (today; there is no valid \`timeline.start\`)`;
    const months = settings.thresholds.attestationMaxAgeMonths;
    const oldestPeriodEnd = addMonths(ref, -months);
    const stale: string[] = [];
    for (const [i, item] of arrayAt(root, ['vendor', 'certifications']).entries()) {
      if (!isRecord(item)) return [];
      const name = typeof item.name === 'string' && item.name.trim() ? `\`${shortText(item.name)}\`` : `certification ${i + 1}`;
      const expires = item.expires;
      const periodEnd = item.period_end;
      // An invalid date (2027-02-30) is neither evidence nor its absence: stay silent and let the schema speak.
      if ((!isAbsent(expires) && !dateOf(expires)) || (!isAbsent(periodEnd) && !dateOf(periodEnd))) return [];
      const expiresOn = dateOf(expires);
      const endedOn = dateOf(periodEnd);
      if (expiresOn !== undefined && expiresOn >= ref) return [];
      if (endedOn !== undefined && endedOn >= oldestPeriodEnd) return [];
      if (expiresOn !== undefined) stale.push(`${name} expired on ${expiresOn}, before ${refLabel}.`);
      if (endedOn !== undefined)
        stale.push(
          `${name}: the period ended ${endedOn}, more than ${months} months before ${refLabel} (the report is relied on back to ${oldestPeriodEnd}).`,
        );
      if (expiresOn === undefined && endedOn === undefined)
        stale.push(`${name} has no \`expires\` or \`period_end\` date, so it cannot show it is current.`);
    }

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
        path: ['vendor', 'certifications'],
        // About the list as a whole, whose first line is just one certificate.
        at: 'key',
        message:
          stale.length > 0
            ? `None of the vendor's certifications is current on ${ref}, and no security questionnaire is completed, although the data is sensitive.`
            : 'The data is sensitive, but the vendor has no certification, attestation report or completed security questionnaire on record.',
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
