// Folding ranges (each multi-line mapping entry, sequence entry and block scalar, and each block of
// comment lines) and selection ranges (value -> key: value -> collection -> ... -> document),
// both read from the syntax tree, which the parser keeps even for a broken file.
import { isMap, isPair, isSeq, type Node } from 'yaml';
import { FoldingRangeKind, type FoldingRange, type Position, type Range, type SelectionRange } from 'vscode-languageserver-types';
import type { ScopeDocument } from './document';

type Span = readonly [start: number, end: number];

export function foldingRanges(doc: ScopeDocument): FoldingRange[] {
  // One fold per start line, the outermost: `- id: D1` starts both the entry and its first pair.
  const endByStart = new Map<number, number>();
  const add = ([start, end]: Span): void => {
    const startLine = doc.positionAt(start).line;
    const endLine = doc.positionAt(trimEnd(doc, start, end)).line;
    if (endLine > startLine && endLine > (endByStart.get(startLine) ?? -1)) endByStart.set(startLine, endLine);
  };
  const visit = (node: unknown, depth: number): void => {
    if (depth > 1000) return;
    if (isMap(node) || isSeq(node)) {
      for (const item of node.items) {
        const span = entrySpan(doc, item);
        if (span) add(span);
        visit(isPair(item) ? item.value : item, depth + 1);
      }
    }
  };
  visit(doc.yaml?.contents, 0);

  const ranges: FoldingRange[] = [...endByStart].map(([startLine, endLine]) => ({ startLine, endLine }));
  // Comment blocks: two or more consecutive comment lines, as the parser found the comments (a `#`
  // line inside a block scalar or a quoted string is text).
  let blockStart: number | undefined;
  for (let line = 0; line <= doc.lineCount; line++) {
    const isComment = line < doc.lineCount && doc.isCommentLine(line);
    if (isComment && blockStart === undefined) blockStart = line;
    if (!isComment && blockStart !== undefined) {
      if (line - 1 > blockStart) ranges.push({ startLine: blockStart, endLine: line - 1, kind: FoldingRangeKind.Comment });
      blockStart = undefined;
    }
  }
  return ranges.sort((a, b) => a.startLine - b.startLine);
}

export function selectionRanges(doc: ScopeDocument, positions: readonly Position[]): SelectionRange[] {
  return positions.map((position) => selectionRangeAt(doc, position));
}

/** The nested spans around the cursor, outermost first, each shrunk to its last character. */
function selectionRangeAt(doc: ScopeDocument, position: Position): SelectionRange {
  const offset = doc.offsetAt(position);
  const spans: Span[] = [];
  const content = contentSpan(doc);
  if (content) spans.push(content);
  let node: unknown = doc.yaml?.contents;
  for (let depth = 0; depth < 1000 && isNode(node) && node.range; depth++) {
    spans.push([node.range[0], node.range[1]]);
    if (!isMap(node) && !isSeq(node)) break;
    let next: unknown;
    for (const item of node.items) {
      const span = entrySpan(doc, item);
      if (!span || offset < span[0] || offset > span[1]) continue;
      spans.push(span);
      if (isPair(item)) {
        const key = item.key as Node | null;
        if (key?.range && offset >= key.range[0] && offset <= key.range[1]) spans.push([key.range[0], key.range[1]]);
        else next = item.value;
      } else next = item;
      break;
    }
    node = next;
  }
  let result: SelectionRange | undefined;
  let previous: Span | undefined;
  for (const [start, rawEnd] of spans) {
    const end = Math.max(start, trimEnd(doc, start, rawEnd));
    if (offset < start || offset > end) continue;
    // Each range must lie inside its parent; an equal one adds nothing.
    if (previous && (start < previous[0] || end > previous[1] || (start === previous[0] && end === previous[1]))) continue;
    result = { range: toRange(doc, start, end), ...(result ? { parent: result } : {}) };
    previous = [start, end];
  }
  return result ?? { range: { start: position, end: position } };
}

/** A mapping entry from its key to the end of its value; a sequence entry from its `- `. */
function entrySpan(doc: ScopeDocument, item: unknown): Span | undefined {
  if (isPair(item)) {
    const key = item.key as Node | null;
    const value = item.value as Node | null;
    const start = key?.range?.[0] ?? value?.range?.[0];
    const end = Math.max(key?.range?.[1] ?? -1, value?.range?.[1] ?? -1);
    return start === undefined || end < start ? undefined : [start, end];
  }
  if (!isNode(item) || !item.range) return undefined;
  let dash = item.range[0] - 1;
  while (dash >= 0 && doc.text[dash] === ' ') dash--;
  return [doc.text[dash] === '-' ? dash : item.range[0], item.range[1]];
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'range' in value;
}

/** The offset after the last non-blank character in [start, end): collections end after a line break. */
function trimEnd(doc: ScopeDocument, start: number, end: number): number {
  let stop = Math.min(end, doc.text.length);
  while (stop > start && /\s/.test(doc.text[stop - 1] ?? '')) stop--;
  return stop;
}

function contentSpan(doc: ScopeDocument): Span | undefined {
  const start = doc.text.length - doc.text.trimStart().length;
  const end = trimEnd(doc, start, doc.text.length);
  return end > start ? [start, end] : undefined;
}

function toRange(doc: ScopeDocument, start: number, end: number): Range {
  return { start: doc.positionAt(start), end: doc.positionAt(end) };
}
