// cost-tbd-placeholder: Open placeholder (TBD/TODO).
// Walks every scalar value of the YAML tree (not the plain data, so each finding has an exact path):
// an error for money and dates (budget.*, timeline.*, deliverables[].due), a warning elsewhere.
import { isMap, isScalar, isSeq, stringify, type Node } from 'yaml';
import { approvedChanges, costImpactOf, scheduleImpactOf } from '../changeLog';
import { formatPath, valueAt } from '../model';
import type { Finding, Path, Rule } from '../types';
import { keySegment, type ScopeDocument } from '../document';
import { sources } from '../sources';

const ruleId = 'cost-tbd-placeholder';
// Linear: the only unbounded quantifiers sit between fixed words, so a whitespace run is tried once.
// "todo list app", "the TODO markers in the old code": the word names a thing, it is not an open item.
// Beyond the catalogue's words, the open items people write: "to be finalised", "not yet agreed",
// "pending confirmation", "t.b.c.", a number left as "XX" or "£X,XXX", and "??". Not "to be fixed"
// (a defect) or "to be set up" (an obligation): only words that leave a decision open.
const placeholder =
  /(?<!\w)(?:TBD|TBC|TBA|TODO(?!\s+(?:lists?|apps?|applications?|items?|markers?|comments?|managers?|features?|trackers?|boards?)\b)|to\s+be\s+(?:determined|confirmed|agreed|decided|finali[sz]ed|defined|clarified|negotiated|specified|advised|announced|settled|worked\s+out)|not\s+yet\s+(?:agreed|decided|confirmed|defined|known|finali[sz]ed|priced|scheduled|settled|determined)|pending\s+(?:confirmation|agreement|decision)|t\.b\.[dca]\.?|X{2,}(?:[,.]X+)*)(?!\w)|\?{2,}/i;
/** A scalar that is nothing but the placeholder (and trailing punctuation) can move to assumptions. */
const wholePlaceholder = /^(?:TBD|TBC|TBA|TODO|to be (?:determined|confirmed|agreed|decided)|\?\?\?)[.!?]*$/i;

export const rule: Rule = {
  id: ruleId,
  category: 'cost',
  severity: 'warning',
  fixes: ['display-only'],
  title: 'Open placeholder (TBD/TODO)',
  explanation: `An open item (TBD, TODO, "to be confirmed") in a scope you are about to sign is a blank cheque. Prices and dates left as TBD get settled after signature, when you have the least leverage, which is how hidden costs get into a signed contract. If something truly cannot be known yet, record it as an assumption with a decision date and an owner. Wiegers: "make it a TBD and set a date to find out".

A value whose own line ends in a comment that says it is open (\`total: 240000  # TBC\`, \`due: 2027-05-14  # to be confirmed\`) is reported the same way, on the value, when it is a price or a date (under \`budget\`, under \`timeline\`, or a deliverable's \`due\`): it looks settled, but its author says it is not. A comment on a line of its own is not read, since it may be about anything below it.`,
  areas: ['cost'],
  remedy:
    'Settle the open item before signing. If it truly cannot be known yet, record it as an assumption with a decision date and an owner: the quick fix sets the field to `null` and appends "Decide … by … (owner: …)" to `assumptions`.',
  sources: [sources.ambiguousTerms],
  check(doc, settings) {
    const findings: Finding[] = [];
    const contents = doc.yaml?.contents;
    if (contents) visit(doc, contents, [], false, findings);
    commentFindings(doc, findings);
    // One finding per value: the impact of an approved change that is a placeholder is
    // cost-change-impact-missing's, which names the approved change and its missing price.
    if (settings.rules['cost-change-impact-missing'] === 'off') return findings;
    const impacts = new Set<string>();
    for (const change of approvedChanges(doc.value)) {
      if (costImpactOf(change).kind === 'unreadable') impacts.add(formatPath([...change.path, 'cost_impact']));
      if (scheduleImpactOf(change).kind === 'unreadable') impacts.add(formatPath([...change.path, 'schedule_impact_days']));
    }
    return impacts.size === 0 ? findings : findings.filter((f) => !impacts.has(formatPath(f.path)));
  },
};

/** The findings of each collection item of a sequence, by its syntax node (nodes are never changed once parsed, only moved). */
const itemFindings = new WeakMap<object, { readonly path: Path; readonly findings: readonly Finding[] }>();

function samePath(a: Path, b: Path): boolean {
  return a.length === b.length && a.every((segment, i) => segment === b[i]);
}

/**
 * Keys are not scanned: a key such as `TBD:` is an unknown key, which the schema reports.
 * Aliases are not followed: the anchored node is scanned where it is written.
 */
function visit(doc: ScopeDocument, node: Node, path: Path, inMapping: boolean, findings: Finding[]): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = keySegment(pair.key);
      if (key !== undefined && pair.value) visit(doc, pair.value as Node, [...path, key], true, findings);
    }
  } else if (isSeq(node)) {
    doc.writtenItems(node).forEach((item, i) => {
      if (!item) return;
      const itemPath = [...path, i];
      // A collection item the previous check saw at the same path (an edit reparsed another item,
      // ScopeDocument.edited) has the same findings: its subtree is the same, unchanged.
      if (!isMap(item) && !isSeq(item)) return visit(doc, item as Node, itemPath, false, findings);
      const known = itemFindings.get(item);
      if (known && samePath(known.path, itemPath)) {
        for (const finding of known.findings) findings.push(finding);
        return;
      }
      const found: Finding[] = [];
      visit(doc, item, itemPath, false, found);
      itemFindings.set(item, { path: itemPath, findings: found });
      for (const finding of found) findings.push(finding);
    });
  } else if (isScalar(node) && typeof node.value === 'string') {
    const finding = check(node.value, path, inMapping);
    if (finding) findings.push(finding);
  }
}

function check(value: string, path: Path, inMapping: boolean): Finding | undefined {
  const m = placeholder.exec(value);
  if (!m) return undefined;
  const written = m[0];
  const where = `\`${formatPath(path)}\``;
  const whole = wholePlaceholder.test(value.trim());
  const critical = isMoneyOrDate(path);
  const message = whole
    ? `${where} is still "${written}": ${critical ? 'settle it before signing' : 'fill it in before signing'}, or record it as an assumption with a decision date and an owner.`
    : `Open item "${written}" in ${where}: it is still open in a scope you are about to sign.`;
  return {
    ruleId,
    path,
    at: { text: written },
    message,
    ...(critical
      ? {
          severity: 'error' as const,
          facts: ['An error: open prices and dates get settled after signature, when you have the least leverage.'],
        }
      : {}),
    // Only a field that is wholly a placeholder can become `null`; in a list, `null` would be a blank item.
    ...(whole && inMapping
      ? {
          fixes: [
            {
              title: 'Move to assumptions',
              ops: [
                { op: 'replace' as const, path, value: 'null' },
                {
                  op: 'append' as const,
                  path: ['assumptions'],
                  value: yamlScalar(`Decide ${snippetText(formatPath(path))} by \${1:YYYY-MM-DD} (owner: \${2:TODO})`),
                },
              ],
              preferred: true,
              applicability: 'display-only',
            },
          ],
        }
      : {}),
  };
}

/**
 * A value whose own line's comment says it is open: `total: 240000  # TBC`, `due: 2027-05-14 # to be
 * confirmed`. The number or date looks settled, but its author says it is not. Only a comment after a
 * value on the same line is read (a comment on a line of its own could be about anything below it),
 * and only where the value itself is no placeholder (that is its own finding).
 */
function commentFindings(doc: ScopeDocument, findings: Finding[]): void {
  const text = doc.text;
  for (const comment of doc.comments) {
    if (comment.text.length > 500 || /^#\s*scope-lint/i.test(comment.text)) continue;
    const m = placeholder.exec(comment.text.slice(1));
    if (!m) continue;
    const lineStart = text.lastIndexOf('\n', comment.offset - 1) + 1;
    const before = text.slice(lineStart, comment.offset);
    const valueEnd = lineStart + before.trimEnd().length;
    if (before.trim() === '' || valueEnd <= lineStart) continue;
    const located = doc.pathAt(valueEnd - 1);
    if (located.onKey || located.path.length === 0) continue;
    const value = valueAt(doc.value, located.path);
    // A flow collection written on the comment's line (`- { milestone: M1, percent: 20 }  # TBC`) is that item.
    if (value === null || (typeof value === 'object' && (doc.nodeOffsets(located.path)?.[0] ?? -1) < lineStart)) continue;
    if (typeof value === 'string' && placeholder.test(value)) continue;
    const path = located.path;
    // Only prices and dates: a note on a name ("# TODO check name") is an editor's reminder, while
    // "# TBC" on the total means the number about to be signed is not agreed.
    if (!isMoneyOrDate(path) || findings.some((f) => formatPath(f.path) === formatPath(path))) continue;
    findings.push({
      ruleId,
      path,
      severity: 'error',
      message: `The comment on \`${formatPath(path)}\` says "${m[0]}": the value is not confirmed. Settle it before signing, or record it as an assumption with a decision date and an owner.`,
      facts: ['An error: open prices and dates get settled after signature, when you have the least leverage.'],
    });
  }
}

/** Under `budget.*`, under `timeline.*`, or a deliverable's `due`. */
function isMoneyOrDate(path: Path): boolean {
  const [first, index, field] = path;
  if (first === 'budget' || first === 'timeline') return true;
  return first === 'deliverables' && typeof index === 'number' && field === 'due' && path.length === 3;
}

/** The text as one YAML scalar, quoted because "owner: TODO" would otherwise read as a mapping. */
function yamlScalar(text: string): string {
  return stringify(text, { lineWidth: 0 }).trimEnd();
}

/** Text inside a snippet fragment: `$`, `}` and the backslash are snippet syntax. */
function snippetText(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}
