// Numbers written with a comma inside `{ }`. In a flow mapping a comma separates entries, so
// `{ amount: 100,000 }` is read as `amount: 100` plus a key `000` with no value: the amount is
// wrong by a factor of 1,000 and the schema complains about a key nobody wrote. The document
// model finds these in the syntax tree and gives the rules the value as it was written (the text
// `100,000`), so they fail safe on it (nothing adds up a broken amount), and says what happened.
import { isMap, isScalar, isSeq, Scalar, type Node, type Pair } from 'yaml';
import type { Path, PathSegment } from './types';

export interface SplitNumber {
  /** The path of the value as the author wrote it (`budget.payments[2].amount`). */
  readonly path: Path;
  /** The value as written: `100,000`. */
  readonly text: string;
  /** Offsets of the written value in the document. */
  readonly start: number;
  readonly end: number;
  /** What YAML read as the value: `100`. */
  readonly read: string;
  /** Where YAML split it: inside `{ }` (the parts are keys) or `[ ]` (the parts are items). */
  readonly within: 'mapping' | 'sequence';
  /** The parts read as keys or items, as written: `000`. */
  readonly parts: readonly string[];
  /** Those keys in the plain data (`0`: YAML reads `000` as the number 0). */
  readonly dataKeys: readonly string[];
  /** The number meant when the commas group thousands (`100000`); undefined when they do not (`12,5`). */
  readonly number: string | undefined;
}

export interface SplitNumbers {
  readonly list: readonly SplitNumber[];
  /** The scalar YAML read as the value (`100`), to the end offset of the whole written value. */
  readonly endOf: ReadonlyMap<Node, number>;
  /** The key nodes of the parts (`000`), which are no keys the author wrote. */
  readonly partKeys: ReadonlySet<unknown>;
  /** The item nodes of the parts in `[ ]` (`000`), which are no items the author wrote: paths skip them. */
  readonly partItems: ReadonlySet<unknown>;
}

/** At most this many: past it, a file of nothing else gets its first findings, not a slow walk. */
const maxSplitNumbers = 1000;

const digits = /^\d+$/;
const lastDigits = /^\d+(?:\.\d+)?$/;
const thousands = /^[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/** The split numbers of a parsed document's contents. `text` is the text the parser read. */
export function findSplitNumbers(contents: unknown, text: string, keyOf: (key: unknown) => string | undefined): SplitNumbers {
  const list: SplitNumber[] = [];
  const endOf = new Map<Node, number>();
  const partKeys = new Set<unknown>();
  const partItems = new Set<unknown>();
  const stack: { node: unknown; path: PathSegment[] }[] = [{ node: contents, path: [] }];
  while (stack.length > 0 && list.length < maxSplitNumbers) {
    const { node, path } = stack.pop() ?? { node: undefined, path: [] };
    if (isSeq(node)) {
      // In `[ ]` a comma separates items: `[100,000]` is read as 100 and 0, `[Up to 10,000 users]`
      // as "Up to 10" and "000 users". The path index counts the items the author wrote.
      let index = 0;
      for (let i = 0; i < node.items.length; i++, index++) {
        const split = node.flow ? splitItemAt(node.items, i, text, [...path, index]) : undefined;
        if (split) {
          list.push(split.number);
          endOf.set(node.items[i] as Node, split.number.end);
          for (const part of split.parts) partItems.add(part);
          i += split.parts.length;
          continue;
        }
        stack.push({ node: node.items[i], path: [...path, index] });
      }
      continue;
    }
    if (!isMap(node)) continue;
    const items = node.items;
    for (let i = 0; i < items.length; i++) {
      const pair = items[i];
      if (!pair) continue;
      const key = keyOf(pair.key);
      if (key === undefined) continue;
      if (node.flow) {
        const split = splitAt(items, i, text, [...path, key], keyOf);
        if (split) {
          list.push(split.number);
          endOf.set(pair.value as Node, split.number.end);
          for (const part of split.parts) partKeys.add(part);
          i += split.parts.length;
          continue;
        }
      }
      stack.push({ node: pair.value, path: [...path, key] });
    }
  }
  return { list, endOf, partKeys, partItems };
}

/** The split number starting at `items[i]` of a flow sequence: it ends in a digit and items of three digits (and text) follow over bare commas. */
function splitItemAt(
  items: readonly unknown[],
  i: number,
  text: string,
  path: Path,
): { number: SplitNumber; parts: unknown[] } | undefined {
  const first = items[i];
  if (!isPlain(first) || !/\d$/.test(text.slice(first.range[0], first.range[1]))) return undefined;
  const start = first.range[0];
  let end = first.range[1];
  const parts: unknown[] = [];
  const written: string[] = [];
  for (let j = i + 1; j < items.length; j++) {
    const next = items[j];
    if (!isPlain(next) || text.slice(end, next.range[0]) !== ',') break;
    const part = text.slice(next.range[0], next.range[1]);
    // `000`, `000.50` or `000 users`: three digits right after the comma, as thousands are grouped.
    if (!/^\d{3}(?!\d)/.test(part)) break;
    parts.push(next);
    written.push(part);
    end = next.range[1];
    if (!/^\d{3}$/.test(part)) break;
  }
  if (parts.length === 0) return undefined;
  const whole = text.slice(start, end);
  return {
    number: {
      path,
      text: whole,
      start,
      end,
      read: text.slice(start, first.range[1]),
      within: 'sequence',
      parts: written,
      dataKeys: [],
      number: thousands.test(whole) ? whole.replace(/,/g, '').replace(/^\+/, '') : undefined,
    },
    parts,
  };
}

/** The split number starting at the value of `items[i]`, if its value ends in a digit and digit-only keys follow it over bare commas. */
function splitAt(
  items: readonly Pair[],
  i: number,
  text: string,
  path: Path,
  keyOf: (key: unknown) => string | undefined,
): { number: SplitNumber; parts: unknown[] } | undefined {
  const value = items[i]?.value;
  if (!isPlain(value) || !value.range || !/\d$/.test(text.slice(value.range[0], value.range[1]))) return undefined;
  const start = value.range[0];
  let end = value.range[1];
  const parts: unknown[] = [];
  const written: string[] = [];
  const dataKeys: string[] = [];
  for (let j = i + 1; j < items.length; j++) {
    const next = items[j];
    const key = next?.key;
    if (!next || next.value !== null || !isPlain(key) || !key.range) break;
    const part = text.slice(key.range[0], key.range[1]);
    // `100,000` and `1,045,000.50`: digits right after a comma, then `,` or `}`, never `000: x`.
    if (text.slice(end, key.range[0]) !== ',' || !(digits.test(part) || lastDigits.test(part))) break;
    if (/^\s*:/.test(text.slice(key.range[1]))) break;
    parts.push(key);
    written.push(part);
    dataKeys.push(keyOf(key) ?? part);
    end = key.range[1];
    if (!digits.test(part)) break;
  }
  if (parts.length === 0) return undefined;
  const whole = text.slice(start, end);
  return {
    number: {
      path,
      text: whole,
      start,
      end,
      read: text.slice(start, value.range[1]),
      within: 'mapping',
      parts: written,
      dataKeys,
      number: thousands.test(whole) ? whole.replace(/,/g, '').replace(/^\+/, '') : undefined,
    },
    parts,
  };
}

function isPlain(node: unknown): node is Scalar & { range: [number, number, number] } {
  return isScalar(node) && node.type === Scalar.PLAIN && Array.isArray(node.range);
}

/**
 * The plain data as the author wrote it: each split value becomes its written text and the
 * parts' keys go. Mutates `value` (fresh from `toJS`).
 */
export function joinSplitNumbers(value: unknown, list: readonly SplitNumber[]): void {
  for (const split of list) {
    let parent: unknown = value;
    for (const segment of split.path.slice(0, -1)) parent = childOf(parent, segment);
    const last = split.path[split.path.length - 1];
    if (Array.isArray(parent) && typeof last === 'number') {
      parent.splice(last, split.parts.length + 1, split.text);
      continue;
    }
    if (!isObject(parent) || typeof last !== 'string') continue;
    for (const key of split.dataKeys) if (key !== last) delete parent[key];
    parent[last] = split.text;
  }
}

function childOf(node: unknown, segment: PathSegment): unknown {
  if (Array.isArray(node) && typeof segment === 'number') return node[segment];
  return isObject(node) && typeof segment === 'string' ? node[segment] : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What happened, in words, for any message about a split number. */
export function splitNumberReading(split: SplitNumber): string {
  // Plain digits and the brackets: one code span (the written number) is all the Problems panel needs.
  if (split.within === 'sequence') return `A comma splits \`${split.text}\` inside [ ], read as ${splitItems(split)}`;
  return `A comma splits \`${split.text}\` inside { }, read as ${readValue(split)} and ${split.parts.length === 1 ? 'a key' : 'keys'} ${split.parts.join(', ')}`;
}

/** What YAML read inside [ ]: `2 items, 100 and 000`, text in quotes. */
export function splitItems(split: SplitNumber): string {
  const items = [readValue(split), ...split.parts.map((p) => (/^\d+$/.test(p) ? p : `"${p}"`))];
  return `${items.length} items, ${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

function readValue(split: SplitNumber): string {
  return /^[-+]?\d+(?:\.\d+)?$/.test(split.read) ? split.read : `"${split.read}"`;
}

/** The advice: the number to write, or how to write it. */
export function splitNumberAdvice(split: SplitNumber): string {
  return split.number !== undefined
    ? `write \`${split.number}\`, without the comma${split.parts.length > 1 ? 's' : ''}`
    : 'write the number without a comma (a point for decimals)';
}
