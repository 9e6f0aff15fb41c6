// security-personal-data-without-dpa: Personal data without a processing agreement.
import type { Rule } from '../types';

export const rule: Rule = {
  id: 'security-personal-data-without-dpa',
  category: 'security',
  severity: 'error',
  title: 'Personal data without a processing agreement',
  explanation: `The vendor will process personal data, but no data processing agreement is signed. Customer data is the blog's headline security concern, and an NDA is not enough. Under GDPR Art. 28(3), processing by a processor "shall be governed by a contract" that sets out the subject matter, duration, nature and purpose of the processing, the types of data and the categories of data subjects. That contract must bind the processor to:
- act only on documented instructions;
- keep the data confidential;
- apply Art. 32 security measures;
- follow the rules on sub-processors;
- assist you with data-subject rights and breaches;
- delete or return the data at the end;
- allow audits.
US health data needs the equivalent Business Associate Agreement under HIPAA.`,
  check() {
    return [];
  },
};
