// Deleting a key or a list item with its value and its separator: the comma of a flow collection
// and the dash of a block sequence are the `yaml` library's CST tokens, not characters searched
// for in the text. Comment lines around the deleted entry stay.
import { isMap, isSeq, type Node } from 'yaml';
import type { CST } from 'yaml';
import type { Path } from '../types';
import type { OffsetEdit } from './compose';
import { blockSeqAt, flowCollectionAt } from './cst';
import { hasRange } from './nodes';
import { replaceValue } from './replace';
import type { OpResult, Target } from './target';

export function deleteAt(t: Target, path: Path): OpResult {
  if (path.length === 0 || !t.doc.has(path)) return 'noop';
  const parentPath = path.slice(0, -1);
  const container = parentPath.length === 0 ? t.doc.yaml?.contents : t.doc.nodeAt(parentPath);
  const last = path[path.length - 1];
  if (isMap(container)) {
    const pair = t.doc.pairAt(path);
    if (!pair || !hasRange(pair.key)) return 'fail';
    const index = container.items.indexOf(pair);
    const end = t.pairEnd(pair);
    if (end === undefined) return 'fail';
    if (container.flow) return deleteFlowItem(t, container, index);
    const keyStart = pair.key.range[0];
    const lineStart = t.lineStartAt(keyStart);
    if (t.text.slice(lineStart, keyStart).trim() === '') return removeLines(t, lineStart, t.lineEndAt(end));
    // The first pair of a `- key: value` item: the next pair moves up behind the dash.
    const next = container.items[index + 1];
    if (index === 0 && next && hasRange(next.key)) return { start: keyStart, end: next.key.range[0], text: '' };
    if (container.items.length === 1 && typeof parentPath[parentPath.length - 1] === 'number') return deleteAt(t, parentPath);
    return 'fail';
  }
  if (isSeq(container) && typeof last === 'number') {
    const item: unknown = container.items[last];
    if (!hasRange(item)) return 'fail';
    if (container.flow) return deleteFlowItem(t, container, last);
    if (container.items.length === 1 && parentPath.length > 0 && typeof parentPath[parentPath.length - 1] === 'string')
      return replaceValue(t, parentPath, '[]');
    const dash = hasRange(container) ? dashOf(blockSeqAt(t.doc, container.range[0]), last) : undefined;
    if (dash === undefined) return 'fail';
    const lineStart = t.lineStartAt(dash);
    if (t.text.slice(lineStart, dash).trim() !== '') return 'fail';
    return removeLines(t, lineStart, t.lineEndAt(t.contentEnd(item)));
  }
  return 'fail';
}

/** The offset of the `-` of a block sequence's item. */
function dashOf(seq: CST.BlockSequence | undefined, index: number): number | undefined {
  return seq?.items[index]?.start.find((token) => token.type === 'seq-item-ind')?.offset;
}

/** Where an item of a flow collection is written: from its first token after the separating comma to the end of its value. */
interface FlowSpan {
  readonly start: number;
  readonly end: number;
}

function flowSpans(collection: CST.FlowCollection): (FlowSpan | undefined)[] {
  return collection.items.map((item) => {
    const first = [...item.start, ...(item.key ? [item.key] : []), ...(item.sep ?? []), ...(item.value ? [item.value] : [])].find(
      (token) => token.type !== 'comma' && token.type !== 'space' && token.type !== 'newline' && token.type !== 'comment',
    );
    const end = item.value
      ? contentEnd(item.value)
      : item.sep?.length
        ? lastContentEnd(item.sep)
        : item.key
          ? contentEnd(item.key)
          : undefined;
    return first === undefined || end === undefined ? undefined : { start: first.offset, end };
  });
}

/** The end of a token's own text, without the spaces and comments after it. */
function contentEnd(token: CST.Token): number | undefined {
  switch (token.type) {
    case 'scalar':
    case 'single-quoted-scalar':
    case 'double-quoted-scalar':
    case 'alias':
      return token.offset + token.source.length;
    case 'flow-collection': {
      const close = token.end.find((t) => t.type === 'flow-map-end' || t.type === 'flow-seq-end');
      return close ? close.offset + close.source.length : undefined;
    }
    default:
      return undefined;
  }
}

function lastContentEnd(tokens: readonly CST.SourceToken[]): number | undefined {
  const last = [...tokens].reverse().find((t) => t.type !== 'space' && t.type !== 'newline' && t.type !== 'comment');
  return last ? last.offset + last.source.length : undefined;
}

/**
 * Deletes item `index` of a flow collection with one separator, and never a comment of another
 * entry: in a flow collection written over several lines, the text between two items can hold
 * the comment at the end of a neighbouring line. An item alone on its line(s) goes with its lines
 * (its own comment included), like a block entry; otherwise the comma and the spaces on the
 * item's side of the line go (the comma before it, or for the first item the comma after it).
 * The only item of a one-line collection leaves `[]` or `{}`.
 */
function deleteFlowItem(t: Target, container: Node, index: number): OpResult {
  if (!hasRange(container)) return 'fail';
  const token = flowCollectionAt(t.doc, container.range[0]);
  if (!token) return 'fail';
  const spans = flowSpans(token);
  const span = spans[index];
  if (!span) return 'fail';
  const previous = spans[index - 1];
  const next = spans[index + 1];
  const commaBefore = commaOf(token.items[index]);
  const commaAfter = commaOf(token.items[index + 1]);
  const lineStart = t.lineStartAt(span.start);
  const lineEnd = t.lineEndAt(span.end);
  const before = t.text.slice(lineStart, span.start);
  const after = t.text.slice(span.end, lineEnd);
  const aloneOnItsLines = before.trim() === '' && /^[ \t]*(?:,[ \t]*)?(?:#.*)?$/.test(after) && (after.includes(',') || !next);
  if (aloneOnItsLines && (previous || next)) {
    const lines = removeLines(t, lineStart, lineEnd);
    // The last item takes the comma before it, which may end a line with a comment of its own.
    if (!next && !after.includes(',') && commaBefore !== undefined)
      return { start: commaBefore, end: lines.end, text: t.text.slice(commaBefore + 1, lines.start) };
    return lines;
  }
  if (!previous && !next) return { start: container.range[0], end: container.range[1], text: isMap(container) ? '{}' : '[]' };
  const noComment = (from: number, to: number): boolean => !t.text.slice(from, to).includes('#');
  const oneLine = (from: number, to: number): boolean => noComment(from, to) && !/[\r\n]/.test(t.text.slice(from, to));
  if (previous && oneLine(previous.end, span.start)) return { start: previous.end, end: span.end, text: '' };
  if (next && oneLine(span.end, next.start)) return { start: span.start, end: next.start, text: '' };
  if (previous && noComment(previous.end, span.start)) return { start: previous.end, end: span.end, text: '' };
  if (next && noComment(span.end, next.start)) return { start: span.start, end: next.start, text: '' };
  // Comments on both sides: only the item and its comma go; the comments and the lines stay.
  if (commaBefore !== undefined) return { start: commaBefore, end: span.end, text: t.text.slice(commaBefore + 1, span.start) };
  if (commaAfter !== undefined) return { start: span.start, end: commaAfter + 1, text: t.text.slice(span.end, commaAfter) };
  return 'fail';
}

/** The offset of the comma that opens an item of a flow collection (the separator before it). */
function commaOf(item: CST.CollectionItem | undefined): number | undefined {
  return item?.start.find((token) => token.type === 'comma')?.offset;
}

/** Deletes whole lines, from a line start to a line end, with one line break. */
function removeLines(t: Target, start: number, lineEnd: number): OffsetEdit {
  if (t.text.startsWith('\r\n', lineEnd)) return { start, end: lineEnd + 2, text: '' };
  if (t.text.startsWith('\n', lineEnd)) return { start, end: lineEnd + 1, text: '' };
  // The last line of a file without a final line break: take the break before it.
  const previousBreak = start >= 2 && t.text.startsWith('\r\n', start - 2) ? 2 : start >= 1 ? 1 : 0;
  return { start: start - previousBreak, end: lineEnd, text: '' };
}
