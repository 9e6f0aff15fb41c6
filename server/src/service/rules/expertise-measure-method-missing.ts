// expertise-measure-method-missing: Success measure has no measurement method.
import type { Rule } from '../types';

export const rule: Rule = {
  id: 'expertise-measure-method-missing',
  category: 'expertise',
  severity: 'warning',
  title: 'Success measure has no measurement method',
  explanation: `Measure {id} does not say how or from what data it will be measured. FAR 37.601(b)(2) pairs every performance standard with "the method of assessing contractor performance", and 18F's Quality Assurance Surveillance Plans list a "Method of Surveillance" next to each acceptable quality level (for example, test coverage checked by automated CI). Without a named source, the vendor's own report becomes the only evidence. Governance guides stress reconciling vendor-reported figures independently (Aventario).`,
  check() {
    return [];
  },
};
