// cost-vague-language: Vague, open-ended language.
import type { Rule } from '../types';

export const rule: Rule = {
  id: 'cost-vague-language',
  category: 'cost',
  severity: 'warning',
  title: 'Vague, open-ended language',
  explanation: `"{term}" leaves the scope open-ended. Unclear guidelines are the blog's first cause of hidden costs: the vendor prices the narrow reading, you expect the broad one, and the difference comes back as a change request. Open lists ("etc.", "and so on", "including but not limited to") "can't be used for design or testing", and comparative words ("faster", "better", "user-friendly") need a number (Karl Wiegers, *Software Requirements*, ambiguous terms to avoid). The hover also gives a specific suggestion for each term, taken from Wiegers' table. Wiegers also lists "such as". It is off by default because it is too noisy in descriptions, and can be enabled through \`vagueTerms.always\`.`,
  check() {
    return [];
  },
};
