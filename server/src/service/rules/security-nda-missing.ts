// security-nda-missing: No signed NDA before work starts.
import type { Rule } from '../types';

export const rule: Rule = {
  id: 'security-nda-missing',
  category: 'security',
  severity: 'error',
  title: 'No signed NDA before work starts',
  explanation: `The vendor has no signed NDA, or the NDA is dated after work begins. The blog's first outsourcing risk is security: before you hand over confidential or proprietary information or customer data, vet the partner and ask whether they will sign an NDA. An NDA dated after kickoff means requirements, data samples and architecture were shared without protection. Procurement guidance recommends putting an NDA in place before any nonpublic information changes hands, including in the RFP itself (VendorCentric, *6 best practices for NDAs in procurement*).`,
  check() {
    return [];
  },
};
