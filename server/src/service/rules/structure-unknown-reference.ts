// structure-unknown-reference: Reference to an unknown id.
// Ids that point nowhere: deliverables listed by milestones and success measures, milestones that
// release payments. Fixes: change to each known id (closest first), or create the missing item.
import { arrayAt, isAbsent, isRecord, itemLabel, shortText, valueAt } from '../model';
import type { ScopeDocument } from '../document';
import { sources } from '../sources';
import type { Finding, Fix, Path, Rule } from '../types';

type Kind = 'deliverable' | 'milestone';

/** Suggestions per finding: every known id in a real scope, the closest ones in a huge one. */
const maxSuggestions = 20;
/** Above this many (reference, id) pairs suggestions keep document order, so huge files stay fast. */
const maxRankedPairs = 10_000;
/** Above this size the id is marked on its own item: finding the text inside a huge list costs too much. */
const maxListChars = 4_096;

interface Reference {
  readonly id: string;
  /** The scalar holding the id. */
  readonly path: Path;
  /** The list holding the scalar, when the id is one item of a list. */
  readonly listPath?: Path;
  /** Ids already in that list: suggesting one of them would only create a duplicate entry. */
  readonly siblings?: ReadonlySet<string>;
  readonly message: string;
}

export const rule: Rule = {
  id: 'structure-unknown-reference',
  category: 'structure',
  severity: 'error',
  fixes: ['unsafe', 'display-only'],
  title: 'Reference to an unknown id',
  explanation: `This id does not exist. Milestones list deliverables by id, success measures link to deliverables by id, and payments are released at milestones by id; a reference to an id that does not exist means a payment with no trigger or an outcome linked to nothing. Fix the typo, or create the missing deliverable or milestone. Tracing work from requirement to delivery rests on identifiers that resolve: ISO/IEC/IEEE 29148 gives each requirement a unique identifier so that it can be traced, and the PMBOK Guide sums cost and schedule by work-package identifier (§5.4.3.1).`,
  areas: [],
  remedy:
    'Point the reference at an id that exists, or create the missing item. The quick fixes change the reference to each known id of the right kind, or create a deliverable skeleton with the missing id.',
  sources: [sources.iso29148, sources.pmbokWbsIds],
  check(doc) {
    const root = doc.value;
    const findings: Finding[] = [];
    // Without a deliverables list every link would be "unknown": expertise-essential-parameter-missing
    // reports the real cause, so stay silent rather than cascade.
    const deliverableIds = knownIds(root, ['deliverables']);
    if (deliverableIds) {
      const unknown = deliverableReferences(root).filter((ref) => !deliverableIds.has(ref.id));
      const known = targets('deliverable', deliverableIds, unknown.length);
      for (const ref of unknown) findings.push(finding(doc, ref, known));
    }
    // Payments keep their ids even when no milestone exists yet: nothing else would say the payment has no trigger.
    const milestones = valueAt(root, ['timeline', 'milestones']);
    const milestoneIds = isAbsent(milestones) ? new Set<string>() : knownIds(root, ['timeline', 'milestones']);
    if (milestoneIds) {
      const unknown: Reference[] = [];
      arrayAt(root, ['budget', 'payments']).forEach((payment, i) => {
        const id = isRecord(payment) ? payment.milestone : undefined;
        if (typeof id !== 'string' || id.trim() === '' || milestoneIds.has(id)) return;
        const path = ['budget', 'payments', i, 'milestone'];
        unknown.push({
          id,
          path,
          message: `Milestone \`${shortText(id)}\` does not exist: the payment at \`budget.payments[${i}]\` is released at it.`,
        });
      });
      const known = targets('milestone', milestoneIds, unknown.length);
      for (const ref of unknown) findings.push(finding(doc, ref, known));
    }
    return findings;
  },
};

/** The string ids of a list's items, in document order; undefined when the list is absent or not a list. */
function knownIds(root: unknown, list: Path): ReadonlySet<string> | undefined {
  const items = valueAt(root, list);
  if (!Array.isArray(items) || items.length === 0) return undefined;
  return new Set(items.flatMap((item) => (isRecord(item) && typeof item.id === 'string' ? [item.id] : [])));
}

function deliverableReferences(root: unknown): Reference[] {
  const refs: Reference[] = [];
  const fromList = (owner: string, verb: string, listPath: Path): void => {
    const value = valueAt(root, listPath);
    const ids = Array.isArray(value) ? value : [value];
    const siblings = new Set(ids.filter((v): v is string => typeof v === 'string'));
    ids.forEach((id, j) => {
      // Non-strings are type errors the schema reports.
      if (typeof id !== 'string' || id.trim() === '') return;
      const path = Array.isArray(value) ? [...listPath, j] : listPath;
      refs.push({
        id,
        path,
        ...(Array.isArray(value) ? { listPath, siblings } : {}),
        message: `${owner} ${verb} deliverable \`${shortText(id)}\`, which does not exist.`,
      });
    });
  };
  arrayAt(root, ['timeline', 'milestones']).forEach((milestone, i) => {
    fromList(`Milestone ${itemLabel(milestone, ['timeline', 'milestones', i])}`, 'lists', ['timeline', 'milestones', i, 'deliverables']);
  });
  arrayAt(root, ['success_measures']).forEach((measure, i) => {
    const label = `Success measure ${itemLabel(measure, ['success_measures', i])}`;
    fromList(label, 'links to', ['success_measures', i, 'deliverables']);
    fromList(label, 'links to', ['success_measures', i, 'deliverable']);
  });
  return refs;
}

/** The known ids of one kind, prepared once for every reference to them. */
interface Targets {
  readonly kind: Kind;
  /** In document order. */
  readonly ids: readonly string[];
  readonly byLowerCase: ReadonlyMap<string, string>;
  /** Whether to sort suggestions by edit distance (bounded by `maxRankedPairs`). */
  readonly rank: boolean;
}

function targets(kind: Kind, known: ReadonlySet<string>, references: number): Targets {
  const ids = [...known];
  return { kind, ids, byLowerCase: new Map(ids.map((id) => [id.toLowerCase(), id])), rank: references * ids.length <= maxRankedPairs };
}

function finding(doc: ScopeDocument, ref: Reference, { kind, ids, byLowerCase, rank }: Targets): Finding {
  const distance = new Map(rank ? ids.map((id) => [id, editDistance(ref.id, id)]) : []);
  // Array.prototype.sort is stable, so equally close ids keep document order.
  const candidates = rank ? [...ids].sort((a, b) => (distance.get(a) ?? 0) - (distance.get(b) ?? 0)) : ids;
  // Only a case slip is clearly a typo; with ids as short as `D1`, `D3` is as near `D1` as a missing item.
  const caseSlip = byLowerCase.get(ref.id.toLowerCase());
  const suggested: string[] = caseSlip !== undefined && !ref.siblings?.has(caseSlip) ? [caseSlip] : [];
  for (const id of candidates) {
    if (suggested.length >= maxSuggestions) break;
    if (id !== caseSlip && !ref.siblings?.has(id)) suggested.push(id);
  }
  const fixes: Fix[] = suggested.map((id) => ({
    title: `Change to \`${shortText(id)}\``,
    ops: [{ op: 'replace', path: ref.path, value: yamlScalar(id) }],
    ...(id === caseSlip ? { preferred: true } : {}),
    // Even a case slip may be a reference to an item not written yet.
    applicability: 'unsafe' as const,
  }));
  const fromMilestone = ref.path[0] === 'timeline';
  fixes.push(
    kind === 'deliverable'
      ? {
          title: `Create deliverable \`${shortText(ref.id)}\``,
          // A deliverable listed by a milestone is scheduled by it; any other needs its own due date.
          ops: [
            {
              op: 'append',
              path: ['deliverables'],
              value: [
                `id: ${yamlScalar(ref.id)}`,
                'title: ""',
                'acceptance_criteria:',
                '  - ""',
                ...(fromMilestone ? [] : ['due: null']),
              ].join('\n'),
            },
          ],
          ...(caseSlip ? {} : { preferred: true }),
          applicability: 'display-only',
        }
      : {
          title: `Create milestone \`${shortText(ref.id)}\``,
          ops: [
            { op: 'append', path: ['timeline', 'milestones'], value: [`id: ${yamlScalar(ref.id)}`, 'name: ""', 'date: null'].join('\n') },
          ],
          ...(caseSlip ? {} : { preferred: true }),
          applicability: 'display-only',
        },
  );
  const listed = ids.slice(0, maxSuggestions).map((id) => `\`${shortText(id)}\``);
  const more = ids.length > listed.length ? ` and ${ids.length - listed.length} more` : '';
  const facts = [ids.length ? `Known ${kind} ids: ${listed.join(', ')}${more}.` : `There are no ${kind}s with an id yet.`];
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
  if (list && item && list[1] - list[0] <= maxListChars) {
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

/** A plain scalar when it is a well-formed id, else a double-quoted one (JSON strings are valid YAML). */
function yamlScalar(value: string): string {
  return /^[A-Za-z][A-Za-z0-9_-]*$/.test(value) ? value : JSON.stringify(value);
}
