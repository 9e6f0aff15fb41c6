// expertise-objective-not-smart: Objective is not measurable.
import type { Rule } from '../types';

export const rule: Rule = {
  id: 'expertise-objective-not-smart',
  category: 'expertise',
  severity: 'warning',
  title: 'Objective is not measurable',
  explanation: `The objective cannot tell you or the vendor when the project has succeeded. Write it as a SMART objective (Specific, Measurable, Achievable, Relevant, Time-bound; Doran 1981), for example "cut billing tickets from 1,200 to under 600 per month by 2027-10-31". PMBOK puts "measurable project objectives and related success criteria" in the project charter, and the blog names objectives as an essential parameter.`,
  check() {
    return [];
  },
};
