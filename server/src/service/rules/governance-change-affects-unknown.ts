// governance-change-affects-unknown: Change affects an id that does not exist.
// `changes[].affects` lists the deliverables, milestones and success measures a change adds or
// alters; an id there that names none of them (a typo, an item never written, a change request)
// means the change accounts for nothing. Read from the id index of references.ts, the same one
// go to definition and rename use. structure-unknown-reference does not look at `affects`, so
// each unknown id is reported once.
import { stringify } from 'yaml';
import { changeRequests } from '../changeLog';
import type { ScopeDocument } from '../document';
import { editDistance } from '../editDistance';
import { shortText, valueAt } from '../model';
import { idIndex, idKindName, kindMatches, type IdDefinition, type IdOccurrence } from '../references';
import type { Finding, Fix, Rule } from '../types';
import { sources } from '../sources';

const ruleId = 'governance-change-affects-unknown';
/** Suggestions per finding: the closest known ids. */
const maxSuggestions = 10;
/** Ids are short; a longer text is no id, and measuring it against every id would cost for nothing. */
const maxIdLength = 64;

export const rule: Rule = {
  id: ruleId,
  category: 'governance',
  severity: 'warning',
  fixes: ['unsafe', 'display-only'],
  title: 'Change affects an id that does not exist',
  explanation: `A change request lists, in \`affects\`, the deliverables, milestones and success measures it adds or alters, and this id is none of them. A change that points at nothing cannot be traced to the work it pays for: a reviewer cannot tell which deliverable grew or which date moved, so a price increase or a new deliverable looks unaccounted for, and oversight of what the vendor was asked to do is lost. Integrated change control keeps every approved change traceable to the baseline items it updates (PMI *PMBOK Guide* §4.6). Fix the typo, or add the deliverable or milestone the change introduces.`,
  areas: ['expertise', 'cost'],
  remedy:
    'Point each id in `affects` at a deliverable, milestone or success measure that exists, or add the item the change introduces. The quick fixes change the id to each known one (closest first) or add a deliverable skeleton with the missing id.',
  sources: [sources.pmbokChangeControl],
  check(doc) {
    const root = doc.value;
    // A list that is not a list is the schema's finding, and every id would look unknown.
    for (const list of [['deliverables'], ['success_measures'], ['timeline', 'milestones']]) {
      const value = valueAt(root, list);
      if (value !== undefined && value !== null && !Array.isArray(value)) return [];
    }
    const { definitions, references } = idIndex(doc);
    const items = definitions.filter((d) => kindMatches(d.kind, 'item'));
    const known = new Set(items.map((d) => d.id));
    const labels = new Map(changeRequests(root).map((c) => [c.index, c.label]));
    const findings: Finding[] = [];
    for (const ref of references) {
      if (ref.kind !== 'item' || ref.path[0] !== 'changes' || known.has(ref.id)) continue;
      const index = ref.path[1];
      const label = (typeof index === 'number' ? labels.get(index) : undefined) ?? `\`changes[${String(index)}]\``;
      findings.push(finding(doc, ref, label, items, definitions));
    }
    return findings;
  },
};

function finding(
  doc: ScopeDocument,
  ref: IdOccurrence,
  label: string,
  items: readonly IdDefinition[],
  definitions: readonly IdDefinition[],
): Finding {
  const other = definitions.find((d) => d.id === ref.id);
  const id = shortText(ref.id);
  const message = other
    ? `Change ${label} affects \`${id}\`, a ${idKindName(other.kind)}: only deliverables, milestones and success measures can be affected.`
    : `Change ${label} affects an unknown id, \`${id}\`: no deliverable, milestone or success measure has it.`;
  const listPath = ref.path.slice(0, -1);
  const siblings = new Set(
    (Array.isArray(valueAt(doc.value, listPath)) ? (valueAt(doc.value, listPath) as unknown[]) : []).filter(
      (v): v is string => typeof v === 'string',
    ),
  );
  const caseSlip = items.find((d) => d.id.toLowerCase() === ref.id.toLowerCase() && !siblings.has(d.id));
  const ranked = items
    .filter((d) => !siblings.has(d.id) && d !== caseSlip)
    .map((d) => ({ d, distance: ref.id.length > maxIdLength ? maxIdLength : editDistance(ref.id, d.id, maxIdLength) }))
    // Array.prototype.sort is stable, so equally close ids keep document order.
    .sort((a, b) => a.distance - b.distance)
    .map((r) => r.d);
  const suggested = [...(caseSlip ? [caseSlip] : []), ...ranked].slice(0, maxSuggestions);
  const seen = new Set<string>();
  const fixes: Fix[] = [];
  for (const d of suggested) {
    if (seen.has(d.id)) continue;
    seen.add(d.id);
    fixes.push({
      title: `Change to \`${shortText(d.id)}\` (${idKindName(d.kind)}${d.label ? `: ${shortText(d.label, 40)}` : ''})`,
      ops: [{ op: 'replace', path: ref.path, value: yamlString(d.id) }],
      ...(d === caseSlip ? { preferred: true } : {}),
      // Even a case slip may name an item the change introduces and nobody has written yet.
      applicability: 'unsafe',
    });
  }
  // A change request's id is taken: no deliverable can be created with it.
  if (!other) {
    fixes.push({
      title: `Create deliverable \`${id}\``,
      ops: [
        {
          op: 'append',
          path: ['deliverables'],
          value: [`id: ${yamlString(ref.id)}`, 'title: ""', 'acceptance_criteria:', '  - ""', 'due: null'].join('\n'),
        },
      ],
      ...(caseSlip ? {} : { preferred: true }),
      applicability: 'display-only',
    });
  }
  const listed = items.slice(0, 20).map((d) => `\`${shortText(d.id)}\``);
  const more = items.length > listed.length ? ` and ${items.length - listed.length} more` : '';
  const facts = [
    items.length
      ? `Known deliverable, milestone and success-measure ids: ${listed.join(', ')}${more}.`
      : 'No deliverable, milestone or success measure has an id yet.',
  ];
  return { ruleId, path: ref.path, message, facts, fixes };
}

/** The text as one YAML scalar: plain when that reads back as the same text, quoted otherwise. */
function yamlString(text: string): string {
  return stringify(text, { lineWidth: 0 }).trimEnd();
}
