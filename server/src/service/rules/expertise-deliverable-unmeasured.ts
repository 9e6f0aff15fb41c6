// expertise-deliverable-unmeasured: Deliverable not linked to a success measure.
// Acceptance shows a deliverable was built as specified; a linked measure shows it achieved something.
import { arrayAt, isAbsent, isRecord, itemLabel, nextFreeId, setKeyOp, valueAt, type Data } from '../model';
import type { Finding, Fix, Path, Rule } from '../types';
import { sources } from '../sources';

/** More "Link to SMn" actions than this only bury the one the user wants; the rest can be typed. */
const maxLinkFixes = 10;

export const rule: Rule = {
  id: 'expertise-deliverable-unmeasured',
  category: 'expertise',
  severity: 'info',
  fixes: ['unsafe', 'display-only'],
  title: 'Deliverable not linked to a success measure',
  explanation: `A deliverable is not linked to any success measure. Acceptance criteria show that it was built as specified; a success measure shows that it achieved what you bought it for. Linking each material deliverable to an outcome keeps the vendor focused on results rather than effort (FAR 37.602(b)(1): describe the work "in terms of the required results rather than either 'how' the work is to be accomplished or the number of hours to be provided"). This is only info, because some deliverables, such as documentation or a handover workshop, reasonably have acceptance criteria only.`,
  areas: ['expertise'],
  remedy:
    "Link the deliverable to the success measure it serves by adding its id to that measure's `deliverables`, or add a measure for it. Documentation or a handover workshop may reasonably have acceptance criteria only: then accept the finding with a suppression comment and a reason.",
  sources: [sources.far37602],
  check(doc) {
    const written = valueAt(doc.value, ['success_measures']);
    // With no measures at all (absent, blank or `[]`), no deliverable is referenced by one: the
    // catalogue's condition holds for each, and the scope buys outputs with nothing to show they
    // achieved anything. expertise-essential-parameter-missing says the section is missing; this
    // says which deliverables that leaves unmeasured. Measures of the wrong type (a mapping, a
    // string) are the schema's to report, and link nothing either.
    const measures = Array.isArray(written) ? written : [];
    const noMeasures = measures.length === 0;
    const linked = linkedDeliverableIds(measures);
    const findings: Finding[] = [];
    // Once per check, not per finding: the next free id is the same for every unlinked deliverable.
    const measureId = nextFreeId(doc.value, 'SM');
    // The same for every finding: built once (it lists every linked id, so per finding it was quadratic).
    const linkedFact = noMeasures
      ? 'The scope has no success measures yet.'
      : linked.size
        ? `Deliverables linked to a success measure: ${[...linked].map((l) => `\`${l}\``).join(', ')}`
        : 'No success measure lists a deliverable yet.';
    // A new measure can go into an absent, blank or empty section; a section of the wrong type is left to the schema.
    const canCreate = Array.isArray(written) || isAbsent(written);
    arrayAt(doc.value, ['deliverables']).forEach((deliverable, index) => {
      // Without an id nothing can refer to the deliverable; the schema asks for the id first.
      if (!isRecord(deliverable) || typeof deliverable.id !== 'string' || deliverable.id.trim() === '') return;
      const id = deliverable.id.trim();
      if (linked.has(id)) return;
      const item: Path = ['deliverables', index];
      findings.push({
        ruleId: 'expertise-deliverable-unmeasured',
        path: item,
        message: noMeasures
          ? `Deliverable ${itemLabel(deliverable, item)} is not linked to any success measure: the scope has none.`
          : `Deliverable ${itemLabel(deliverable, item)} is not linked to any success measure.`,
        facts: [linkedFact],
        fixes: [...linkFixes(doc.value, measures, id), ...(canCreate ? [createMeasureFix(doc.value, measureId, id, noMeasures)] : [])],
      });
    });
    return findings;
  },
};

/** Ids in `success_measures[].deliverables[]` and `.deliverable`, in either the list or the single form. */
function linkedDeliverableIds(measures: readonly unknown[]): Set<string> {
  const ids = new Set<string>();
  for (const measure of measures) {
    if (!isRecord(measure)) continue;
    for (const refs of [measure.deliverables, measure.deliverable]) {
      for (const ref of Array.isArray(refs) ? refs : [refs]) {
        if (typeof ref === 'string' && ref.trim() !== '') ids.add(ref.trim());
      }
    }
  }
  return ids;
}

function linkFixes(root: unknown, measures: readonly unknown[], id: string): Fix[] {
  const fixes: Fix[] = [];
  measures.forEach((measure, index) => {
    if (fixes.length >= maxLinkFixes || !isRecord(measure) || typeof measure.id !== 'string') return;
    const op = linkOp(root, measure, ['success_measures', index], id);
    // Which measure a deliverable serves is the author's call: one quick fix per measure.
    if (op) fixes.push({ title: `Link \`${id}\` to \`${measure.id}\``, ops: [op], applicability: 'unsafe' });
  });
  return fixes;
}

function linkOp(root: unknown, measure: Data, item: Path, id: string): Fix['ops'][number] | undefined {
  // A measure using the single `deliverable:` form would need restructuring; that is the author's call.
  if (Object.prototype.hasOwnProperty.call(measure, 'deliverable')) return undefined;
  const refs = measure.deliverables;
  if (Array.isArray(refs)) return { op: 'append', path: [...item, 'deliverables'], value: scalar(id) };
  if (refs === undefined || refs === null) return setKeyOp(root, item, 'deliverables', `- ${scalar(id)}`);
  return undefined;
}

function createMeasureFix(root: unknown, measureId: string, id: string, noMeasures: boolean): Fix {
  const lines = [`id: ${measureId}`, 'metric: ""', 'target: null', 'unit: ""', 'measured_by: ""', 'deliverables:', `  - ${scalar(id)}`];
  // With no measure yet, the section is written (or its blank or `[]` value replaced) with the first one.
  const op: Fix['ops'][number] = noMeasures
    ? setKeyOp(root, [], 'success_measures', lines.map((line, i) => (i === 0 ? `- ${line}` : `  ${line}`)).join('\n'))
    : { op: 'append', path: ['success_measures'], value: lines.join('\n') };
  return {
    title: `Create success measure \`${measureId}\` for \`${id}\``,
    ops: [op],
    applicability: 'display-only',
  };
}

/** An id as a YAML scalar: plain for the usual `D1`, quoted when YAML could read it as something else. */
function scalar(id: string): string {
  return /^[A-Za-z]+\d[A-Za-z0-9_-]*$/.test(id) ? id : JSON.stringify(id);
}
