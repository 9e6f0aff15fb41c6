// Replacing a value: one-line over one-line changes only the value (its comment and spacing
// stay, an explicit tag goes), new words in a string go into it in its own style, and a block
// value is laid out under its key.
import { isMap, isSeq } from 'yaml';
import type { Path } from '../types';
import { insertKey } from './insert';
import { flowOf } from './layout';
import { hasRange, isBlockCollection, isBlockScalar, isEmptyNull } from './nodes';
import { insertIntoScalar } from './scalar';
import type { OpResult, Target } from './target';

export function replaceValue(t: Target, path: Path, fragment: string): OpResult {
  if (path.length === 0) return 'fail';
  if (!t.doc.has(path)) {
    const last = path[path.length - 1];
    return typeof last === 'string' ? insertKey(t, path.slice(0, -1), last, fragment) : 'fail';
  }
  const r = t.render(fragment);
  if (!r) return 'fail';
  const node = t.doc.nodeAt(path);
  if (t.sameValue(node ?? null, r)) return 'noop';
  const inserted = insertIntoScalar(t, path, node, r);
  if (inserted) return inserted;
  const container = path.length === 1 ? t.doc.yaml?.contents : t.doc.nodeAt(path.slice(0, -1));
  const written = node !== undefined && hasRange(node) && !isEmptyNull(node);
  const oldEnd = written ? (isBlockCollection(node) || isBlockScalar(node) ? t.contentEnd(node) : t.doc.writtenEnd(node)) : undefined;
  if ((isMap(container) || isSeq(container)) && container.flow) {
    const flow = flowOf(r, t.style);
    if (written && oldEnd !== undefined) return { ...t.untagged(node, flow), end: oldEnd };
    const pair = t.doc.pairAt(path);
    const colon = pair ? t.afterColon(pair) : undefined;
    return colon === undefined ? 'fail' : { start: colon, end: colon, text: ` ${flow}` };
  }
  if (isSeq(container)) {
    if (!written || oldEnd === undefined) return 'fail';
    const itemCol = t.col(node.range[0]);
    const [first = '', ...rest] = r.lines;
    const text = r.kind === 'inline' || rest.length === 0 ? first : `${first}${t.style.eol}${t.indentLines(rest, itemCol)}`;
    return { ...t.untagged(node, text), end: oldEnd };
  }
  const pair = t.doc.pairAt(path);
  if (!pair || !hasRange(pair.key)) return 'fail';
  const colon = t.afterColon(pair);
  if (colon === undefined) return 'fail';
  // A one-line value over a one-line value: only the value changes; spacing and comment stay.
  if (r.kind === 'inline' && written && oldEnd !== undefined && !isBlockCollection(node) && !isBlockScalar(node)) {
    return { ...t.untagged(node, r.lines[0] ?? ''), end: oldEnd };
  }
  return { start: colon, end: written && oldEnd !== undefined ? oldEnd : colon, text: t.afterKey(r, t.col(pair.key.range[0])) };
}
