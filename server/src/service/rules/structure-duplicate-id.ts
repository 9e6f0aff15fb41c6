// structure-duplicate-id: Duplicate id.
// One id shared by several deliverables, success measures or milestones: every use after the first
// (in document order) is reported at its `id` value.
import { arrayAt, formatPath, isRecord } from '../model';
import type { Finding, Path, Rule } from '../types';

const idLists: readonly Path[] = [['deliverables'], ['success_measures'], ['timeline', 'milestones']];

interface IdUse {
  readonly id: string;
  readonly path: Path;
  readonly line: number;
  readonly offset: number;
}

export const rule: Rule = {
  id: 'structure-duplicate-id',
  category: 'structure',
  severity: 'error',
  title: 'Duplicate id',
  explanation: `The same id is used more than once across deliverables, success measures and milestones. Milestones, payments and success measures refer to deliverables and milestones by id, so a duplicate makes every reference to it ambiguous: a payment could be released against the wrong milestone, or a measure could be linked to the wrong output. Give every deliverable (\`D1\`), success measure (\`SM1\`) and milestone (\`M1\`) its own id.`,
  check(doc) {
    const root = doc.value;
    const uses: IdUse[] = [];
    for (const list of idLists) {
      arrayAt(root, list).forEach((item, index) => {
        const id = isRecord(item) ? item.id : undefined;
        // Non-string ids are type errors the schema reports.
        if (typeof id !== 'string' || id.trim() === '') return;
        const path = [...list, index, 'id'];
        const offset = doc.nodeOffsets(path)?.[0] ?? Number.MAX_SAFE_INTEGER;
        uses.push({ id, path, line: doc.rangeOf(path).start.line + 1, offset });
      });
    }
    // "The first" is the one a reader meets first, wherever its section is in the file.
    uses.sort((a, b) => a.offset - b.offset);
    const byId = new Map<string, IdUse[]>();
    for (const use of uses) byId.set(use.id, [...(byId.get(use.id) ?? []), use]);
    const findings: Finding[] = [];
    // Each suggested rename is distinct, so accepting all of them cannot create new duplicates.
    const taken = new Set(uses.map((u) => u.id));
    const freshId = (prefix: string): string => {
      let n = 1;
      while (taken.has(`${prefix}${n}`)) n++;
      taken.add(`${prefix}${n}`);
      return `${prefix}${n}`;
    };
    for (const [id, all] of byId) {
      const [first, ...later] = all;
      if (!first || later.length === 0) continue;
      const facts = [`\`${id}\` is used ${all.length} times: ${all.map((u) => `\`${formatPath(u.path)}\` (line ${u.line})`).join(', ')}.`];
      for (const use of later) {
        const renamed = freshId(idPrefix(id));
        findings.push({
          ruleId: 'structure-duplicate-id',
          path: use.path,
          message: `Id \`${id}\` is already used by \`${formatPath(first.path.slice(0, -1))}\` on line ${first.line}; every reference to it is ambiguous.`,
          facts,
          fixes: [{ title: `Rename to \`${renamed}\``, ops: [{ op: 'replace', path: use.path, value: yamlScalar(renamed) }], preferred: true }],
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
