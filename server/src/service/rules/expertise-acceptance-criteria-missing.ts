// expertise-acceptance-criteria-missing: Deliverable without acceptance criteria.
// Without criteria, acceptance (and the payment tied to it) is a negotiation.
import { arrayAt, isAbsent, isRecord, itemLabel, setKeyOp } from '../model';
import type { Finding, Path, Rule } from '../types';
import { sources } from '../sources';

/** The catalogue's placeholder: the TODO keeps cost-tbd-placeholder visible until it is replaced. */
const criterionPlaceholder = '- "TODO: observable, testable condition, e.g. all N test cases in Annex B pass"';

export const rule: Rule = {
  id: 'expertise-acceptance-criteria-missing',
  category: 'expertise',
  severity: 'error',
  fixes: ['display-only'],
  title: 'Deliverable without acceptance criteria',
  explanation: `A deliverable has no acceptance criteria. PMBOK defines acceptance criteria as "a set of conditions that is required to be met before deliverables are accepted". Without them, acceptance, and the payment tied to it, becomes a negotiation. Good practice is for each deliverable's criteria to be objective, testable, tied to that deliverable, time-bound, evidenced and agreed before work starts (AIC operating manual, *Statements of Work*). Testable criteria are how you oversee the vendor's work without supervising it every day.`,
  areas: ['expertise'],
  remedy:
    'Write, for each deliverable, observable and testable conditions for accepting it: test cases that pass, thresholds that are met, evidence that is produced. The quick fix inserts a `TODO` criterion, which stays flagged until it is replaced.',
  sources: [sources.pmbokScope, sources.aicSow],
  check(doc) {
    const findings: Finding[] = [];
    arrayAt(doc.value, ['deliverables']).forEach((deliverable, index) => {
      // A deliverable that is not a mapping is the schema's finding.
      if (!isRecord(deliverable) || !isAbsent(deliverable.acceptance_criteria)) return;
      const item: Path = ['deliverables', index];
      const hasKey = Object.prototype.hasOwnProperty.call(deliverable, 'acceptance_criteria');
      findings.push({
        ruleId: 'expertise-acceptance-criteria-missing',
        // A missing key has no node of its own: the deliverable's first line is where the eye goes.
        path: hasKey ? [...item, 'acceptance_criteria'] : item,
        message: `Deliverable ${itemLabel(deliverable, item)} has no acceptance criteria.`,
        fixes: [
          {
            title: 'Add an acceptance criterion to fill in',
            ops: [setKeyOp(doc.value, item, 'acceptance_criteria', criterionPlaceholder)],
            preferred: true,
            applicability: 'display-only',
          },
        ],
      });
    });
    return findings;
  },
};
