// Small questions about parsed nodes that every edit asks: does it have a range, is it written
// in block style, is it empty.
import { isMap, isScalar, isSeq, type Node } from 'yaml';

export function isBlockCollection(node: unknown): boolean {
  return (isMap(node) || isSeq(node)) && !node.flow;
}

export function isBlockScalar(node: unknown): boolean {
  return isScalar(node) && (node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL');
}

export function hasRange(node: unknown): node is Node & { range: [number, number, number] } {
  return typeof node === 'object' && node !== null && 'range' in node && Array.isArray((node as { range?: unknown }).range);
}

/** A null value written as nothing at all (`key:`). */
export function isEmptyNull(node: unknown): boolean {
  return !hasRange(node) || (isScalar(node) && node.value === null && node.range?.[0] === node.range?.[1]);
}

/** `null`, `""`, `[]` or `{}`: a value a fix may fill in without overwriting anything. */
export function isAbsentValue(node: unknown): boolean {
  if (node === null || node === undefined) return true;
  if (isScalar(node)) return node.value === null || (typeof node.value === 'string' && node.value.trim() === '');
  if (isMap(node) || isSeq(node)) return node.items.length === 0;
  return false;
}

/** A loop, not /[ \t]+$/: that regex backtracks quadratically on a long run of blanks. */
export function withoutTrailingBlanks(line: string): string {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  return line.slice(0, end);
}

/** A loop, not /\n+$/, for the same reason. */
export function withoutTrailingNewlines(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === '\n') end--;
  return text.slice(0, end);
}
