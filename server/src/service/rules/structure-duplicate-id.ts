// structure-duplicate-id: Duplicate id.
import type { Rule } from '../types';

export const rule: Rule = {
  id: 'structure-duplicate-id',
  category: 'structure',
  severity: 'error',
  title: 'Duplicate id',
  explanation: `The same id is used more than once across deliverables, success measures and milestones. Milestones, payments and success measures refer to deliverables and milestones by id, so a duplicate makes every reference to it ambiguous: a payment could be released against the wrong milestone, or a measure could be linked to the wrong output. Give every deliverable (\`D1\`), success measure (\`SM1\`) and milestone (\`M1\`) its own id.`,
  check() {
    return [];
  },
};
