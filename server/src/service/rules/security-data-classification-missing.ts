// security-data-classification-missing: Data classification not stated.
import type { Rule } from '../types';

export const rule: Rule = {
  id: 'security-data-classification-missing',
  category: 'security',
  severity: 'warning',
  title: 'Data classification not stated',
  explanation: `The scope does not say how sensitive the data is that the vendor will touch, so neither you nor this linter can scale vendor checks to the risk. Third-party-risk practice starts every assessment with a scope summary that includes data classification, and tiers vendors by it. ISO/IEC 27036-2 requires security requirements for a supplier relationship to be based on the sensitivity and criticality of the information involved. The blog's security risk is about confidential, proprietary and customer data, and this field states which of those is in play.`,
  check() {
    return [];
  },
};
