// Turns declarative fix operations into minimal text edits written in the document's own
// indentation and style (block or flow), with snippet tab stops on the placeholders a person
// has to fill in. Nothing outside an edit's range changes, comments included.
//
// One job per file: `insert` (keys and items), `replace` (values), `scalar` (quoting, escaping,
// renames, removing words: the `yaml` library's CST does the writing), `remove` (keys and items
// with their separators), `layout` (the document's style: what the library does not do),
// `placeholders` (tab stops), `compose` (edits made one after another).
import { isAlias, isMap, isNode, isSeq, visit, type Node } from 'yaml';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import { ScopeDocument } from '../document';
import type { Applicability, Fix, FixOp } from '../types';
import { EditComposer, type OffsetEdit } from './compose';
import { appendItem, insertKey } from './insert';
import { styleOf } from './layout';
import { Placeholders } from './placeholders';
import { deleteAt } from './remove';
import { replaceValue } from './replace';
import { removeText, renameKey } from './scalar';
import { Target } from './target';

export { EditComposer, type OffsetEdit } from './compose';

export interface FixEdit extends TextEdit {
  /**
   * Snippet syntax for clients that support snippet edits. Lines after the first are written
   * relative to the indentation of the line the edit starts on, because VS Code re-indents
   * every following line of a snippet by that much.
   */
  readonly snippet?: string;
}

export interface ResolvedFix {
  readonly title: string;
  /** Plain edits: placeholders appear as their default text (`""`, `null`, `TODO`...). */
  readonly edits: readonly FixEdit[];
  readonly preferred?: boolean;
  readonly applicability: Applicability;
}

export function resolveFix(doc: ScopeDocument, fix: Fix): ResolvedFix | undefined {
  // A comment-only file has no YAML document at all, yet keys can be added to it.
  if (doc.inputProblem || doc.valueError || doc.parseErrors.length > 0 || fix.ops.length === 0) return undefined;
  try {
    const resolved = applyOps(doc, fix.ops);
    if (!resolved || resolved.edits.length === 0) return undefined;
    const { edits, placeholders } = resolved;
    const shared = anchorsEdited(doc, fix.ops);
    return {
      // An edit through an alias lands on the anchored value, which every alias of it shares.
      title:
        shared.length === 0
          ? fix.title
          : `${fix.title} (changes the shared value ${shared.map((a) => `&${a}`).join(', ')} and every alias of it)`,
      edits: toFixEdits(doc, edits, placeholders),
      ...(fix.preferred ? { preferred: true } : {}),
      applicability: fix.applicability,
    };
  } catch {
    // A fix that cannot be worked out is not offered; the finding itself still shows.
    return undefined;
  }
}

/**
 * The anchors whose values the ops edit while an alias shares them: their paths go through an
 * alias (`budget: *defaults`), or they edit an anchored value, or inside one, that an alias
 * repeats elsewhere (`nda: &nda { date: ... }` with `dpa: *nda`).
 */
function anchorsEdited(doc: ScopeDocument, ops: readonly FixOp[]): string[] {
  const found = new Set<string>();
  const aliased = aliasedNodes(doc);
  for (const op of ops) {
    const path = op.op === 'insert' ? op.parent : op.path;
    for (let depth = 0; depth <= path.length; depth++) {
      const node = depth === 0 ? doc.yaml?.contents : doc.nodeAt(path.slice(0, depth));
      if (isAlias(node) && depth < path.length + (op.op === 'insert' ? 1 : 0)) found.add(node.source);
      else if (isNode(node) && node.anchor && aliased.has(node)) found.add(node.anchor);
    }
  }
  return [...found];
}

const aliasedByDoc = new WeakMap<ScopeDocument, ReadonlySet<Node>>();

/** The anchored nodes that at least one alias repeats, in one pass in document order (an alias names the last anchor of its name before it). */
function aliasedNodes(doc: ScopeDocument): ReadonlySet<Node> {
  let aliased = aliasedByDoc.get(doc);
  if (!aliased) {
    const found = new Set<Node>();
    if (doc.yaml && doc.text.includes('*')) {
      const anchors = new Map<string, Node>();
      visit(doc.yaml, (_key, node) => {
        if (isAlias(node)) {
          const target = anchors.get(node.source);
          if (target) found.add(target);
        } else if (isNode(node) && node.anchor) anchors.set(node.anchor, node);
      });
    }
    aliased = found;
    aliasedByDoc.set(doc, aliased);
  }
  return aliased;
}

/**
 * Works out each op on the document as it is. When the resulting edits lie apart, or only meet
 * in ways whose order is clear (words added right after a replaced value; keys added at the end
 * of one existing mapping), they are the answer. Otherwise (say, two ops that both create the
 * same missing parent) the ops run one after another, each on the text the previous ones
 * produced. That re-parses the document, so it is the exception.
 */
function applyOps(doc: ScopeDocument, ops: readonly FixOp[]): { edits: OffsetEdit[]; placeholders: Placeholders } | undefined {
  const style = styleOf(doc);
  let placeholders = new Placeholders();
  const placed: Placed[] = [];
  for (const [index, op] of ops.entries()) {
    const result = applyOp(new Target(doc, style, placeholders), op);
    if (result === 'fail') return undefined;
    if (result !== 'noop' && doc.text.slice(result.start, result.end) !== result.text)
      placed.push({ edit: result, into: addsTo(doc, op, index) });
  }
  const merged = mergeApart(placed);
  if (merged) return { edits: merged, placeholders };

  placeholders = new Placeholders();
  const composer = new EditComposer(doc.text);
  let current = doc;
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i];
    if (!op) continue;
    const result = applyOp(new Target(current, style, placeholders), op);
    if (result === 'fail') return undefined;
    if (result === 'noop') continue;
    composer.apply(result);
    if (i < ops.length - 1) current = new ScopeDocument(doc.uri, doc.version, composer.text);
  }
  return { edits: composer.result(), placeholders };
}

/** An edit, and the collection it adds a new key or item to (when that is all it does). */
interface Placed {
  readonly edit: OffsetEdit;
  readonly into: { readonly collection: string; readonly item: string } | undefined;
}

function addsTo(doc: ScopeDocument, op: FixOp, index: number): Placed['into'] {
  if (op.op === 'insert' && isMap(doc.nodeAt(op.parent)) && !doc.has([...op.parent, op.key]))
    return { collection: JSON.stringify(op.parent), item: op.key };
  if (op.op === 'append' && isSeq(doc.nodeAt(op.path))) return { collection: JSON.stringify(op.path), item: `#${index}` };
  return undefined;
}

/** The edits as one set, or undefined when two of them meet in a way whose order is unclear. */
function mergeApart(placed: readonly Placed[]): OffsetEdit[] | undefined {
  // Stable: edits at one offset stay in op order.
  const sorted = [...placed].sort((a, b) => a.edit.start - b.edit.start);
  const out: { edit: OffsetEdit; insertsAtEnd: boolean; collection: string | undefined; items: Set<string> }[] = [];
  for (const { edit, into } of sorted) {
    const previous = out[out.length - 1];
    const insertion = edit.start === edit.end;
    if (!previous || previous.edit.end < edit.start) {
      out.push({
        edit,
        insertsAtEnd: insertion,
        collection: insertion ? into?.collection : undefined,
        items: new Set(insertion && into ? [into.item] : []),
      });
      continue;
    }
    if (previous.edit.end > edit.start || !insertion || !into) return undefined;
    // Two insertions at one place are in a clear order only when both add a different key or
    // item to the same existing collection (one nested deeper would land in the wrong parent).
    if (previous.insertsAtEnd && (previous.collection !== into.collection || previous.items.has(into.item))) return undefined;
    // Otherwise words inserted where a replaced value ends go after it, as on the edited text.
    previous.edit = { start: previous.edit.start, end: previous.edit.end, text: previous.edit.text + edit.text };
    previous.insertsAtEnd = true;
    previous.collection = into.collection;
    previous.items.add(into.item);
  }
  return out.map((o) => o.edit);
}

function applyOp(t: Target, op: FixOp): OffsetEdit | 'noop' | 'fail' {
  switch (op.op) {
    case 'insert':
      return insertKey(t, op.parent, op.key, t.fragment(op.value));
    case 'replace':
      return replaceValue(t, op.path, t.fragment(op.value));
    case 'append':
      return appendItem(t, op.path, t.fragment(op.value));
    case 'removeText':
      return removeText(t, op.path, op.text);
    case 'delete':
      return deleteAt(t, op.path);
    case 'renameKey':
      return renameKey(t, op.path, op.key);
    default:
      return 'fail';
  }
}

function toFixEdits(doc: ScopeDocument, edits: readonly OffsetEdit[], placeholders: Placeholders): FixEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const numbers = placeholders.number(sorted.map((e) => e.text));
  return sorted.map((e) => {
    const range: Range = { start: doc.positionAt(e.start), end: doc.positionAt(e.end) };
    const newText = placeholders.plain(e.text);
    if (!placeholders.has(e.text)) return { range, newText };
    const snippet = relativeToStartLine(doc, e.start, placeholders.snippet(e.text, numbers));
    return snippet === undefined ? { range, newText } : { range, newText, snippet };
  });
}

/** Removes the start line's indentation from each following line (VS Code adds it back). */
function relativeToStartLine(doc: ScopeDocument, offset: number, snippet: string): string | undefined {
  const position = doc.positionAt(offset);
  const before = doc.lineText(position.line).slice(0, position.character);
  const indent = /^[ \t]*/.exec(before)?.[0] ?? '';
  if (indent === '') return snippet;
  const lines = snippet.split(/(\r\n|\n)/);
  for (let i = 2; i < lines.length; i += 2) {
    const line = lines[i] ?? '';
    if (line === '') continue;
    if (!line.startsWith(indent)) return undefined;
    lines[i] = line.slice(indent.length);
  }
  return lines.join('');
}
