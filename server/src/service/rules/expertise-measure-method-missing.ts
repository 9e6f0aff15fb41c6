// expertise-measure-method-missing: Success measure has no measurement method.
// Without a named data source, the vendor's own report is the only evidence.
import { arrayAt, isAbsent, isRecord, itemLabel, setKeyOp } from '../model';
import type { Finding, Path, Rule } from '../types';
import { sources } from '../sources';

export const rule: Rule = {
  id: 'expertise-measure-method-missing',
  category: 'expertise',
  severity: 'warning',
  fixes: ['display-only'],
  title: 'Success measure has no measurement method',
  explanation: `A success measure does not say how or from what data it will be measured. FAR 37.601(b)(2) pairs every performance standard with "the method of assessing contractor performance", and 18F's Quality Assurance Surveillance Plans list a "Method of Surveillance" next to each acceptable quality level (for example, test coverage checked by automated CI). Without a named source, the vendor's own report becomes the only evidence. Governance guides stress reconciling vendor-reported figures independently (Aventario).`,
  areas: ['expertise'],
  remedy:
    'Name the data source or method that measures it (a report, a monitoring tool, a test), ideally one the vendor does not control. The quick fix inserts an empty `measured_by`.',
  sources: [sources.far37601, sources.qasp18f, sources.itGovernance],
  check(doc) {
    const findings: Finding[] = [];
    arrayAt(doc.value, ['success_measures']).forEach((measure, index) => {
      if (!isRecord(measure) || !isAbsent(measure.measured_by)) return;
      const item: Path = ['success_measures', index];
      const hasKey = Object.prototype.hasOwnProperty.call(measure, 'measured_by');
      findings.push({
        ruleId: 'expertise-measure-method-missing',
        // A missing key has no line of its own: the measure's first line is the natural place.
        path: hasKey ? [...item, 'measured_by'] : item,
        message: `Success measure ${itemLabel(measure, item)} does not say how or from what data it is measured (\`measured_by\`).`,
        // An empty key already shows where to write; only a missing one needs inserting.
        ...(hasKey
          ? {}
          : {
              fixes: [
                {
                  title: 'Add `measured_by`',
                  ops: [setKeyOp(doc.value, item, 'measured_by', '""')],
                  preferred: true,
                  applicability: 'display-only',
                },
              ],
            }),
      });
    });
    return findings;
  },
};
