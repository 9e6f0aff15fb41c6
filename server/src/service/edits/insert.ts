// Adding a key to a mapping (creating missing parent mappings) or an item to a sequence, laid
// out in the document's own style, in the format's order of keys (else after the last entry).
import { isMap, isScalar, isSeq, type Pair, type YAMLMap } from 'yaml';
import { keySegment } from '../document';
import { propertiesAt } from '../schemaNav';
import type { Path } from '../types';
import { flowOf } from './layout';
import { hasRange, isAbsentValue } from './nodes';
import { replaceValue } from './replace';
import { keyText } from './scalar';
import type { OpResult, Target } from './target';

export function insertKey(t: Target, parent: Path, key: string, fragment: string): OpResult {
  const r = t.render(fragment);
  if (!r) return 'fail';
  if (!t.doc.has(parent)) {
    let depth = parent.length - 1;
    while (depth > 0 && !t.doc.has(parent.slice(0, depth))) depth--;
    const missing = parent.slice(depth);
    if (missing.some((s) => typeof s !== 'string')) return 'fail';
    let nested = t.pairBlock(key, r);
    for (let i = missing.length - 1; i >= 1; i--) {
      const inner = t.render(nested);
      if (!inner) return 'fail';
      nested = t.pairBlock(String(missing[i]), inner);
    }
    return insertKey(t, parent.slice(0, depth), String(missing[0]), nested);
  }
  const existing = t.doc.pairAt([...parent, key]);
  if (existing) return isAbsentValue(existing.value) ? replaceValue(t, [...parent, key], fragment) : 'noop';
  const container = parent.length === 0 ? (t.doc.yaml?.contents ?? undefined) : t.doc.nodeAt(parent);
  if (isMap(container) && hasRange(container)) {
    if (container.flow) {
      const pairText = `${keyText(key, true)}: ${flowOf(r, t.style)}`;
      const last = container.items[container.items.length - 1];
      if (!last)
        return { start: container.range[0], end: container.range[1], text: t.style.mapPadding ? `{ ${pairText} }` : `{${pairText}}` };
      const end = t.pairEnd(last);
      return end === undefined ? 'fail' : { start: end, end, text: `, ${pairText}` };
    }
    const firstKey = container.items[0]?.key;
    if (!hasRange(firstKey)) return 'fail';
    const keyCol = t.col(firstKey.range[0]);
    const lines = t.pad(keyCol) + `${keyText(key)}:${t.afterKey(r, keyCol)}`;
    const place = canonicalPlace(t, container, parent, key);
    // Where the neighbours are set apart by a blank line, the new entry is too.
    if (place?.before !== undefined) {
      const spaced = blankLineBefore(t, place.before);
      return { start: place.before, end: place.before, text: lines + t.style.eol + (spaced ? t.style.eol : '') };
    }
    if (place?.after !== undefined) return t.linesAfter(place.after, (blankLineAfter(t, place.after) ? t.style.eol : '') + lines);
    return t.linesAfter(t.contentEnd(container), lines);
  }
  if (parent.length === 0 && (container === undefined || container === null || isAbsentValue(container))) {
    // An empty document: the new key is its first line of data.
    const end = t.text.length;
    const needsBreak = end > 0 && !t.text.endsWith('\n');
    if (isScalar(container) && hasRange(container) && container.range[0] !== container.range[1]) return 'fail';
    return { start: end, end, text: (needsBreak ? t.style.eol : '') + t.pairBlock(key, r) + t.style.eol };
  }
  if (isAbsentValue(container)) return replaceValue(t, parent, t.pairBlock(key, r));
  return 'fail';
}

/**
 * Where a new key goes in a block mapping so the mapping keeps the format's order (the order of
 * the schema's properties, as in the spec's examples): right after the nearest existing key that
 * comes before it, else before the first existing key that comes after it (above that key's
 * comment lines), else at the end. Keys the schema does not know are not counted.
 */
function canonicalPlace(t: Target, container: YAMLMap, parent: Path, key: string): { after?: number; before?: number } | undefined {
  const order = propertiesAt(parent).map(([name]) => name);
  const wanted = order.indexOf(key);
  if (wanted < 0) return undefined;
  let previous: { pair: Pair; rank: number } | undefined;
  let following: Pair | undefined;
  for (const pair of container.items) {
    const name = keySegment(pair.key);
    const rank = name === undefined ? -1 : order.indexOf(name);
    if (rank < 0) continue;
    if (rank < wanted && (!previous || rank > previous.rank)) previous = { pair, rank };
    if (rank > wanted && !following) following = pair;
  }
  if (previous) {
    if (previous.pair === container.items[container.items.length - 1]) return undefined;
    const end = t.pairEnd(previous.pair);
    return end === undefined ? undefined : { after: end };
  }
  if (!following || !hasRange(following.key)) return undefined;
  let line = t.doc.positionAt(following.key.range[0]).line;
  if (t.text.slice(t.lineStartAt(following.key.range[0]), following.key.range[0]).trim() !== '') return undefined;
  while (line > 0 && t.doc.isCommentLine(line - 1)) line--;
  return { before: t.doc.offsetAt({ line, character: 0 }) };
}

/** True when the line before the one starting at `lineStart` is blank. */
function blankLineBefore(t: Target, lineStart: number): boolean {
  const line = t.doc.positionAt(lineStart).line;
  return line > 0 && t.doc.lineText(line - 1).trim() === '';
}

/** True when the line after the one holding `offset` is blank. */
function blankLineAfter(t: Target, offset: number): boolean {
  const line = t.doc.positionAt(offset).line;
  return line + 1 < t.doc.lineCount - 1 && t.doc.lineText(line + 1).trim() === '';
}

export function appendItem(t: Target, path: Path, fragment: string): OpResult {
  const r = t.render(fragment);
  if (!r) return 'fail';
  const node = t.doc.has(path) ? t.doc.nodeAt(path) : undefined;
  if (isSeq(node) && hasRange(node)) {
    if (t.itemKeys(node).has(t.wantedKey(r))) return 'noop';
    if (node.flow) {
      const flow = flowOf(r, t.style);
      const last = node.items[node.items.length - 1];
      if (!hasRange(last)) return { start: node.range[0], end: node.range[1], text: t.style.seqPadding ? `[ ${flow} ]` : `[${flow}]` };
      return { start: last.range[1], end: last.range[1], text: `, ${flow}` };
    }
    const dashCol = t.col(node.range[0]);
    return t.linesAfter(t.contentEnd(node), t.pad(dashCol) + t.itemText(r, dashCol));
  }
  if (node === undefined || isAbsentValue(node)) return replaceValue(t, path, t.itemText(r, 0));
  return 'fail';
}
