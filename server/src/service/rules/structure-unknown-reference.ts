// structure-unknown-reference: Reference to an unknown id.
// Ids that point nowhere: deliverables listed by milestones and success measures, milestones that
// release payments. Fixes: change to each known id (closest first), or create the missing item.
import { arrayAt, formatPath, isAbsent, isRecord, valueAt } from '../model';
import type { ScopeDocument } from '../document';
import type { Finding, Fix, Path, Rule } from '../types';

type Kind = 'deliverable' | 'milestone';

interface Reference {
  readonly id: string;
  /** The scalar holding the id. */
  readonly path: Path;
  /** The list holding the scalar, when the id is one item of a list. */
  readonly listPath?: Path;
  readonly message: string;
}

export const rule: Rule = {
  id: 'structure-unknown-reference',
  category: 'structure',
  severity: 'error',
  title: 'Reference to an unknown id',
  explanation: `This id does not exist. Milestones list deliverables by id, success measures link to deliverables by id, and payments are released at milestones by id; a reference to an id that does not exist means a payment with no trigger or an outcome linked to nothing. Fix the typo, or create the missing deliverable or milestone.`,
  check(doc) {
    const root = doc.value;
    const findings: Finding[] = [];
    // Without a deliverables list every link would be "unknown": expertise-essential-parameter-missing
    // reports the real cause, so stay silent rather than cascade.
    const deliverableIds = knownIds(root, ['deliverables']);
    if (deliverableIds) {
      for (const ref of deliverableReferences(root)) {
        if (!deliverableIds.includes(ref.id)) findings.push(finding(doc, ref, 'deliverable', deliverableIds));
      }
    }
    // Payments keep their ids even when no milestone exists yet: nothing else would say the payment has no trigger.
    const milestones = valueAt(root, ['timeline', 'milestones']);
    const milestoneIds = isAbsent(milestones) ? [] : knownIds(root, ['timeline', 'milestones']);
    if (milestoneIds) {
      arrayAt(root, ['budget', 'payments']).forEach((payment, i) => {
        const id = isRecord(payment) ? payment.milestone : undefined;
        if (typeof id !== 'string' || id.trim() === '' || milestoneIds.includes(id)) return;
        const path = ['budget', 'payments', i, 'milestone'];
        findings.push(finding(doc, { id, path, message: `The payment at \`budget.payments[${i}]\` is released at milestone \`${id}\`, which does not exist.` }, 'milestone', milestoneIds));
      });
    }
    return findings;
  },
};

/** The string ids of a list's items, in order; undefined when the list is absent or not a list. */
function knownIds(root: unknown, list: Path): string[] | undefined {
  const items = valueAt(root, list);
  if (!Array.isArray(items) || items.length === 0) return undefined;
  return items.flatMap((item) => (isRecord(item) && typeof item.id === 'string' ? [item.id] : []));
}

function deliverableReferences(root: unknown): Reference[] {
  const refs: Reference[] = [];
  const fromList = (owner: string, verb: string, listPath: Path): void => {
    const value = valueAt(root, listPath);
    const ids = Array.isArray(value) ? value : [value];
    ids.forEach((id, j) => {
      // Non-strings are type errors the schema reports.
      if (typeof id !== 'string' || id.trim() === '') return;
      const path = Array.isArray(value) ? [...listPath, j] : listPath;
      refs.push({ id, path, ...(Array.isArray(value) ? { listPath } : {}), message: `${owner} ${verb} deliverable \`${id}\`, which does not exist.` });
    });
  };
  arrayAt(root, ['timeline', 'milestones']).forEach((milestone, i) => {
    fromList(`Milestone ${labelOf(milestone, ['timeline', 'milestones', i])}`, 'lists', ['timeline', 'milestones', i, 'deliverables']);
  });
  arrayAt(root, ['success_measures']).forEach((measure, i) => {
    const label = `Success measure ${labelOf(measure, ['success_measures', i])}`;
    fromList(label, 'links to', ['success_measures', i, 'deliverables']);
    fromList(label, 'links to', ['success_measures', i, 'deliverable']);
  });
  return refs;
}

function finding(doc: ScopeDocument, ref: Reference, kind: Kind, known: readonly string[]): Finding {
  const distance = new Map(known.map((id) => [id, editDistance(ref.id, id)]));
  const candidates = [...new Set(known)].sort((a, b) => (distance.get(a) ?? 0) - (distance.get(b) ?? 0));
  // Only a case slip is clearly a typo; with ids as short as `D1`, `D3` is as near `D1` as a missing item.
  const caseSlip = candidates.find((id) => id.toLowerCase() === ref.id.toLowerCase());
  const fixes: Fix[] = candidates.map((id) => ({
    title: `Change to \`${id}\``,
    ops: [{ op: 'replace', path: ref.path, value: yamlScalar(id) }],
    ...(id === caseSlip ? { preferred: true } : {}),
  }));
  const fromMilestone = ref.path[0] === 'timeline';
  fixes.push(
    kind === 'deliverable'
      ? {
          title: `Create deliverable \`${ref.id}\``,
          // A deliverable listed by a milestone is scheduled by it; any other needs its own due date.
          ops: [{ op: 'append', path: ['deliverables'], value: [`id: ${yamlScalar(ref.id)}`, 'title: ""', 'acceptance_criteria:', '  - ""', ...(fromMilestone ? [] : ['due: null'])].join('\n') }],
          ...(caseSlip ? {} : { preferred: true }),
        }
      : {
          title: `Create milestone \`${ref.id}\``,
          ops: [{ op: 'append', path: ['timeline', 'milestones'], value: [`id: ${yamlScalar(ref.id)}`, 'name: ""', 'date: null'].join('\n') }],
          ...(caseSlip ? {} : { preferred: true }),
        },
  );
  const facts = [known.length ? `Known ${kind} ids: ${[...new Set(known)].map((id) => `\`${id}\``).join(', ')}.` : `There are no ${kind}s with an id yet.`];
  return { ruleId: 'structure-unknown-reference', ...location(doc, ref), message: ref.message, facts, fixes };
}

/**
 * The finding is about the list (`timeline.milestones[1].deliverables`), marked at the id's text.
 * When the first match of that text in the list is not this item (`[D30, D3]`), the item itself is
 * the only precise place.
 */
function location(doc: ScopeDocument, ref: Reference): Pick<Finding, 'path' | 'at'> {
  if (!ref.listPath) return { path: ref.path };
  const list = doc.nodeOffsets(ref.listPath);
  const item = doc.nodeOffsets(ref.path);
  if (list && item) {
    const index = doc.text.slice(list[0], list[1]).toLowerCase().indexOf(ref.id.toLowerCase());
    if (index >= 0 && list[0] + index >= item[0] && list[0] + index < item[1]) return { path: ref.listPath, at: { text: ref.id } };
  }
  return { path: ref.path };
}

/** Levenshtein distance for ordering suggestions; long strings are not ids, so they sort last unmeasured. */
function editDistance(a: string, b: string): number {
  if (a.length > 64 || b.length > 64) return Number.MAX_SAFE_INTEGER;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** How a message names a list item: its id (`M2`), else its path (`timeline.milestones[1]`). */
function labelOf(item: unknown, path: Path): string {
  const id = isRecord(item) ? item.id : undefined;
  return typeof id === 'string' && id.trim() !== '' ? `\`${id.trim()}\`` : `\`${formatPath(path)}\``;
}

/** A plain scalar when it is a well-formed id, else a double-quoted one (JSON strings are valid YAML). */
function yamlScalar(value: string): string {
  return /^[A-Za-z][A-Za-z0-9_-]*$/.test(value) ? value : JSON.stringify(value);
}
