// One version of the text a fix op works on, with the questions every op asks of it: columns and
// line ends from the document's one line index, where a node's content ends, how a rendered
// fragment is written after a key or as a list item in the document's style.
import { isMap, isPair, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLSeq } from 'yaml';
import type { ScopeDocument } from '../document';
import type { OffsetEdit } from './compose';
import { render, type Rendered, type Style } from './layout';
import { Memo } from './memo';
import { hasRange, isBlockCollection, isBlockScalar, isEmptyNull } from './nodes';
import { markPlaceholders, type Placeholders } from './placeholders';
import { keyText } from './scalar';

export type OpResult = OffsetEdit | 'noop' | 'fail';

export class Target {
  constructor(
    readonly doc: ScopeDocument,
    readonly style: Style,
    readonly placeholders: Placeholders,
  ) {}

  get text(): string {
    return this.doc.text;
  }

  fragment(value: string): string {
    return markPlaceholders(value, this.placeholders);
  }

  col(offset: number): number {
    return this.doc.positionAt(offset).character;
  }

  pad(n: number): string {
    return ' '.repeat(Math.max(0, n));
  }

  indentLines(lines: readonly string[], n: number): string {
    return lines.map((l) => (l === '' ? l : this.pad(n) + l)).join(this.style.eol);
  }

  /** What follows `key:` for a value, when the key sits at column `keyCol` in block context. */
  afterKey(r: Rendered, keyCol: number): string {
    const [first = '', ...rest] = r.lines;
    switch (r.kind) {
      case 'inline':
        return first === '' ? '' : ` ${first}`;
      case 'map':
        return this.style.eol + this.indentLines(r.lines, keyCol + this.style.unit);
      case 'seq':
        return this.style.eol + this.indentLines(r.lines, keyCol + this.style.seqOffset);
      case 'multiline':
        return ` ${first}${this.style.eol}${this.indentLines(rest, keyCol)}`;
    }
  }

  /** A block-sequence item (`- ...`) whose dash sits at column `dashCol`. */
  itemText(r: Rendered, dashCol: number): string {
    const [first = '', ...rest] = r.lines;
    if (r.kind === 'inline' || rest.length === 0) return first === '' ? '-' : `- ${first}`;
    return `- ${first}${this.style.eol}${this.indentLines(rest, dashCol + 2)}`;
  }

  /** `key: value` laid out at column 0, for nesting into a new parent. */
  pairBlock(key: string, r: Rendered): string {
    return `${keyText(key)}:${this.afterKey(r, 0)}`;
  }

  render(fragment: string): Rendered | undefined {
    return render(fragment, this.style);
  }

  /** The end of the last thing written inside a node (before trailing comments and blank lines). */
  contentEnd(node: Node): number {
    let n: unknown = node;
    for (let guard = 0; guard < 1000; guard++) {
      if ((isMap(n) || isSeq(n)) && !n.flow && n.items.length > 0) {
        const last: unknown = n.items[n.items.length - 1];
        n = isPair(last) ? (last.value !== null && !isEmptyNull(last.value) ? last.value : last.key) : last;
        continue;
      }
      break;
    }
    if (!hasRange(n)) return hasRange(node) ? node.range[1] : 0;
    let end = n.range[1];
    while (end > n.range[0] && /\s/.test(this.text[end - 1] ?? '')) end--;
    return end;
  }

  /**
   * New lines after the line holding `offset`, inserted at the start of the next line. Starting
   * at column 0 matters for snippets: VS Code indents each following snippet line by the
   * indentation of the line the snippet starts on.
   */
  linesAfter(offset: number, lines: string): OffsetEdit {
    const lineEnd = this.lineEndAt(offset);
    const lineBreak = this.text.startsWith('\r\n', lineEnd)
      ? 2
      : this.text.startsWith('\n', lineEnd) || this.text.startsWith('\r', lineEnd)
        ? 1
        : 0;
    if (lineBreak === 0) return { start: lineEnd, end: lineEnd, text: this.style.eol + lines };
    return { start: lineEnd + lineBreak, end: lineEnd + lineBreak, text: lines + this.style.eol };
  }

  lineEndAt(offset: number): number {
    return this.doc.lineEnd(this.doc.positionAt(offset).line);
  }

  lineStartAt(offset: number): number {
    return offset - this.doc.positionAt(offset).character;
  }

  /** The offset just after the `:` that follows a key. */
  afterColon(pair: Pair): number | undefined {
    if (!hasRange(pair.key)) return undefined;
    const colon = this.text.indexOf(':', pair.key.range[1]);
    return colon < 0 ? undefined : colon + 1;
  }

  /** Sameness as data: applying a fix twice must not write the same value twice. */
  sameValue(node: unknown, r: Rendered): boolean {
    return dataKey(node) === this.wantedKey(r);
  }

  wantedKey(r: Rendered): string {
    const plain = this.placeholders.plain(r.parsed.text);
    return plainValues.get(plain, () => JSON.stringify(normalise(parseDocument(plain).toJS())));
  }

  /** The items of a sequence as data keys, computed once per parsed sequence: many findings append to the same list. */
  itemKeys(seq: YAMLSeq): Set<string> {
    let keys = itemKeysBySeq.get(seq);
    if (!keys) {
      keys = new Set(seq.items.map(dataKey));
      itemKeysBySeq.set(seq, keys);
    }
    return keys;
  }

  /** Where a pair ends: its value, else its key. */
  pairEnd(pair: Pair): number | undefined {
    if (pair.value !== null && hasRange(pair.value) && !isEmptyNull(pair.value))
      return isBlockCollection(pair.value) || isBlockScalar(pair.value) ? this.contentEnd(pair.value) : this.doc.writtenEnd(pair.value);
    return hasRange(pair.key) ? pair.key.range[1] : undefined;
  }

  /**
   * Where the replacement of a scalar starts, and its text: from the scalar's explicit tag, when it
   * has one on its line (`!!str 38000`). A fix writes a value of its own, and a `!!str` kept in
   * front of a number would make it text again. An anchor stays.
   */
  untagged(node: Node & { range: [number, number, number] }, text: string): { start: number; text: string } {
    if (!isScalar(node) || !node.tag) return { start: node.range[0], text };
    const lineStart = this.lineStartAt(node.range[0]);
    const props = /(?<!\S)(![^\s]*)((?:[ \t]+&[^\s]+)?)[ \t]+$/.exec(this.text.slice(lineStart, node.range[0]));
    if (!props) return { start: node.range[0], text };
    const anchor = (props[2] ?? '').trim();
    return { start: lineStart + props.index, text: anchor ? `${anchor} ${text}` : text };
  }
}

function dataKey(node: unknown): string {
  const current = isScalar(node) || isMap(node) || isSeq(node) ? (node.toJSON() as unknown) : null;
  return JSON.stringify(normalise(current));
}

const itemKeysBySeq = new WeakMap<YAMLSeq, Set<string>>();

const plainValues = new Memo<string>(500);

/** JSON-comparable data: dates as strings, no undefined. */
function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(normalise);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = normalise(v);
    return out;
  }
  return value ?? null;
}
