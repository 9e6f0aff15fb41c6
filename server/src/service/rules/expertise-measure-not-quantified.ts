// expertise-measure-not-quantified: Success measure has no measurable target.
import type { Rule } from '../types';

export const rule: Rule = {
  id: 'expertise-measure-not-quantified',
  category: 'expertise',
  severity: 'error',
  title: 'Success measure has no measurable target',
  explanation: `Success measure {id} has no measurable target (or no unit). US federal acquisition rules require "measurable performance standards (i.e., in terms of quality, timeliness, quantity, etc.)" (FAR 37.601(b)(2)), structured so that performance can actually be assessed (FAR 37.603). Words like "fast", "good", "high" and "user-friendly" are on Wiegers' list of ambiguous requirement terms: say *how* fast, in what unit, and at which percentile. Measures of success are one of the three things the blog says you must spell out.`,
  check() {
    return [];
  },
};
