// security-attestation-missing: No current security attestation.
import type { Rule } from '../types';

export const rule: Rule = {
  id: 'security-attestation-missing',
  category: 'security',
  severity: 'warning',
  title: 'No current security attestation',
  explanation: `Sensitive data is in scope, but there is no current independent attestation or completed security questionnaire on record. "Vet an IT partner thoroughly" (blog) means collecting evidence rather than assurances. Standard questionnaires (SIG from Shared Assessments, the Cloud Security Alliance's CAIQ) give a comparable baseline, but independent attestations such as SOC 2 Type II and ISO/IEC 27001 carry more weight than self-attested answers (CompTIA Security+ study guide, *Due diligence, questionnaires and monitoring*). A SOC 2 report is normally relied on for about 12 months after its period ends; after that, ask for a new report or a bridge letter (I.S. Partners). Check that the certificate's scope covers the team and sites doing your work.`,
  check() {
    return [];
  },
};
