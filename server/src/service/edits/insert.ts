// Adding a key to a mapping (creating missing parent mappings) or an item to a sequence, laid
// out in the document's own style after the last entry.
import { isMap, isScalar, isSeq } from 'yaml';
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
    return t.linesAfter(t.contentEnd(container), t.pad(keyCol) + `${keyText(key)}:${t.afterKey(r, keyCol)}`);
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
