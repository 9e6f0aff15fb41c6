// structure-duplicate-id: Duplicate id.
// One id shared by several deliverables, success measures or milestones: every use after the first
// (in document order) is reported at its `id` value.
import { arrayAt, formatPath, isRecord, shortText } from '../model';
import { sources } from '../sources';
import type { Finding, Path, Rule } from '../types';

/** Each section with ids, and the id prefix the format suggests for it. */
const idLists: readonly { readonly path: Path; readonly kind: string; readonly prefix: string }[] = [
  { path: ['deliverables'], kind: 'deliverable', prefix: 'D' },
  { path: ['success_measures'], kind: 'success measure', prefix: 'SM' },
  { path: ['timeline', 'milestones'], kind: 'milestone', prefix: 'M' },
  { path: ['changes'], kind: 'change request', prefix: 'CR' },
];
const suggestedPrefixes = new Set(idLists.map((l) => l.prefix));
/** Uses listed in the facts; a pathological file may repeat one id thousands of times. */
const maxListedUses = 10;

interface IdUse {
  readonly id: string;
  readonly kind: string;
  readonly prefix: string;
  readonly path: Path;
  /** Its line (1-based), worked out only for an id used more than once: most ids are not. */
  readonly line: () => number;
  readonly offset: number;
}

export const rule: Rule = {
  id: 'structure-duplicate-id',
  category: 'structure',
  severity: 'error',
  fixes: ['unsafe'],
  title: 'Duplicate id',
  explanation: `The same id is used more than once across deliverables, success measures and milestones. Milestones, payments and success measures refer to deliverables and milestones by id, so a duplicate makes every reference to it ambiguous: a payment could be released against the wrong milestone, or a measure could be linked to the wrong output. Give every deliverable (\`D1\`), success measure (\`SM1\`) and milestone (\`M1\`) its own id. Requirements engineering gives every requirement a unique identifier so that it can be traced (ISO/IEC/IEEE 29148), and the PMBOK Guide gives every work package one from a code of accounts, so that cost and schedule add up against it (§5.4.3.1).`,
  areas: [],
  remedy:
    'Give each deliverable, success measure and milestone its own id; references to a duplicated id are ambiguous, so the cross-field rules skip them. Every occurrence after the first is reported, at its id.',
  sources: [sources.iso29148, sources.pmbokWbsIds],
  check(doc) {
    const root = doc.value;
    const uses: IdUse[] = [];
    for (const { path: list, kind, prefix } of idLists) {
      arrayAt(root, list).forEach((item, index) => {
        const id = isRecord(item) ? item.id : undefined;
        // Non-string ids are type errors the schema reports.
        if (typeof id !== 'string' || id.trim() === '') return;
        const path = [...list, index, 'id'];
        const offset = doc.nodeOffsets(path)?.[0] ?? Number.MAX_SAFE_INTEGER;
        uses.push({ id, kind, prefix, path, line: () => doc.rangeOf(path).start.line + 1, offset });
      });
    }
    // "The first" is the one a reader meets first, wherever its section is in the file.
    uses.sort((a, b) => a.offset - b.offset);
    const byId = new Map<string, IdUse[]>();
    for (const use of uses) {
      const same = byId.get(use.id);
      if (same) same.push(use);
      else byId.set(use.id, [use]);
    }
    const findings: Finding[] = [];
    // Each suggested rename is distinct, so accepting all of them cannot create new duplicates.
    const taken = new Set(uses.map((u) => u.id));
    const nextNumber = new Map<string, number>();
    const freshId = (prefix: string): string => {
      let n = nextNumber.get(prefix) ?? 1;
      while (taken.has(`${prefix}${n}`)) n++;
      nextNumber.set(prefix, n + 1);
      taken.add(`${prefix}${n}`);
      return `${prefix}${n}`;
    };
    for (const [id, all] of byId) {
      const [first, ...later] = all;
      if (!first || later.length === 0) continue;
      const listed = all.slice(0, maxListedUses).map((u) => `\`${formatPath(u.path)}\` (line ${u.line()})`);
      const more = all.length > listed.length ? ` and ${all.length - listed.length} more` : '';
      const facts = [`\`${shortText(id)}\` is used ${all.length} times: ${listed.join(', ')}${more}.`];
      for (const use of later) {
        // A milestone that took a deliverable's `D1` gets an `M` id; otherwise the id keeps its own prefix.
        const own = idPrefix(id);
        const renamed = freshId(own === '' || suggestedPrefixes.has(own) ? use.prefix : own);
        findings.push({
          ruleId: 'structure-duplicate-id',
          path: use.path,
          message: `Id \`${shortText(id)}\` is already used by the ${first.kind} on line ${first.line()}: every reference to it is ambiguous (\`${formatPath(first.path.slice(0, -1))}\`).`,
          facts,
          fixes: [
            {
              title: `Rename to \`${shortText(renamed)}\``,
              ops: [{ op: 'replace', path: use.path, value: yamlScalar(renamed) }],
              preferred: true,
              // Which of the two keeps the id, and what references mean, is for the author.
              applicability: 'unsafe',
            },
          ],
        });
      }
    }
    return findings;
  },
};

/** `SM12` -> `SM`: the id without its trailing number, so a renamed id keeps its section's prefix. */
function idPrefix(id: string): string {
  let end = id.length;
  while (end > 0 && id.charCodeAt(end - 1) >= 48 && id.charCodeAt(end - 1) <= 57) end--;
  return id.slice(0, end);
}

/** A plain scalar when it is a well-formed id, else a double-quoted one (JSON strings are valid YAML). */
function yamlScalar(value: string): string {
  return /^[A-Za-z][A-Za-z0-9_-]*$/.test(value) ? value : JSON.stringify(value);
}
