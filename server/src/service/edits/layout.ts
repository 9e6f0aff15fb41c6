// Laying out new YAML in the document's own style: its indentation unit and sequence offset, its
// line ends, its flow-collection padding. The `yaml` library writes a node in one fixed style;
// this is the part it does not do.
import { isMap, isScalar, isSeq, visit } from 'yaml';
import { ScopeDocument } from '../document';
import { Memo } from './memo';
import { hasRange, isBlockCollection, isEmptyNull, withoutTrailingBlanks } from './nodes';
import { flowScalarText } from './scalar';

export interface Style {
  /** Spaces per nesting level of block mappings. */
  readonly unit: number;
  /** How far a block sequence's `-` sits right of its parent key (0 or a few spaces). */
  readonly seqOffset: number;
  readonly eol: string;
  /** `{ a: 1 }` rather than `{a: 1}`. */
  readonly mapPadding: boolean;
  /** `[ a ]` rather than `[a]`. */
  readonly seqPadding: boolean;
}

interface Observed {
  readonly unit: number | undefined;
  readonly seqOffset: number | undefined;
  readonly mapPadding: boolean | undefined;
  readonly seqPadding: boolean | undefined;
}

const styles = new WeakMap<ScopeDocument, Style>();

export function styleOf(doc: ScopeDocument): Style {
  let style = styles.get(doc);
  if (!style) {
    const seen = observeStyle(doc);
    const unit = seen.unit ?? 2;
    style = {
      unit,
      seqOffset: seen.seqOffset ?? unit,
      eol: doc.text.includes('\r\n') ? '\r\n' : '\n',
      mapPadding: seen.mapPadding ?? true,
      seqPadding: seen.seqPadding ?? false,
    };
    styles.set(doc, style);
  }
  return style;
}

/** The indentation and padding habits visible in a parsed text (undefined where it shows none). */
export function observeStyle(doc: ScopeDocument): Observed {
  const units = new Map<number, number>();
  const offsets = new Map<number, number>();
  // [padded, unpadded] counts of non-empty flow collections.
  const pads = { map: [0, 0] as [number, number], seq: [0, 0] as [number, number] };
  const count = (m: Map<number, number>, k: number): void => void m.set(k, (m.get(k) ?? 0) + 1);
  const col = (offset: number): number => doc.positionAt(offset).character;
  const line = (offset: number): number => doc.positionAt(offset).line;
  const root = doc.yaml?.contents;
  if (!root) return { unit: undefined, seqOffset: undefined, mapPadding: undefined, seqPadding: undefined };
  visit(doc.yaml, {
    Map(_key, node) {
      if (node.flow && node.items.length > 0 && node.range) pads.map[doc.text[node.range[0] + 1] === ' ' ? 0 : 1]++;
      if (node.flow) return;
      for (const pair of node.items) {
        const key = pair.key;
        const value = pair.value;
        if (!isScalar(key) || !key.range || !value || !(isMap(value) || isSeq(value)) || value.flow || !value.range) continue;
        if (line(value.range[0]) === line(key.range[0])) continue;
        const diff = col(value.range[0]) - col(key.range[0]);
        if (isMap(value) && diff > 0) count(units, diff);
        if (isSeq(value) && diff >= 0) count(offsets, diff);
      }
    },
    Seq(_key, node) {
      if (node.flow && node.items.length > 0 && node.range) pads.seq[doc.text[node.range[0] + 1] === ' ' ? 0 : 1]++;
    },
  });
  const mostFrequent = (m: Map<number, number>): number | undefined => [...m.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
  const majority = (p: [number, number]): boolean | undefined => (p[0] + p[1] === 0 ? undefined : p[0] >= p[1]);
  return { unit: mostFrequent(units), seqOffset: mostFrequent(offsets), mapPadding: majority(pads.map), seqPadding: majority(pads.seq) };
}

// ---- fragments --------------------------------------------------------------------------------------

/** A YAML fragment laid out for block context: its lines relative to column 0, and its shape. */
export interface Rendered {
  readonly kind: 'inline' | 'map' | 'seq' | 'multiline';
  readonly lines: readonly string[];
  readonly parsed: ScopeDocument;
}

function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\n/).map(withoutTrailingBlanks);
  while (lines.length > 0 && lines[0]?.trim() === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1]?.trim() === '') lines.pop();
  const indents = lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length);
  const common = indents.length > 0 ? indents.reduce((a, b) => Math.min(a, b)) : 0;
  return lines.map((l) => l.slice(Math.min(common, l.length - l.trimStart().length)));
}

const renderings = new Memo<Rendered | null>(500);

export function render(fragment: string, style: Style): Rendered | undefined {
  const key = `${style.unit},${style.seqOffset},${style.mapPadding},${style.seqPadding},${style.eol.length}\u0000${fragment}`;
  return renderings.get(key, () => renderUncached(fragment, style) ?? null) ?? undefined;
}

function renderUncached(fragment: string, style: Style): Rendered | undefined {
  const parsed = new ScopeDocument('fragment:', 0, fragment);
  if (!parsed.yaml || parsed.parseErrors.length > 0) return undefined;
  const node = parsed.yaml.contents;
  let lines = splitLines(fragment);
  if (isBlockCollection(node)) {
    const seen = observeStyle(parsed);
    if ((seen.unit !== undefined && seen.unit !== style.unit) || (seen.seqOffset !== undefined && seen.seqOffset !== style.seqOffset)) {
      lines = splitLines(parsed.yaml.toString({ indent: style.unit, indentSeq: style.seqOffset > 0, lineWidth: 0 }));
    }
    return { kind: isMap(node) ? 'map' : 'seq', lines, parsed };
  }
  if (lines.length <= 1) return { kind: 'inline', lines: lines.length ? lines : [''], parsed };
  if (isMap(node) || isSeq(node)) return { kind: 'inline', lines: [flowText(parsed, node, style)], parsed };
  return { kind: 'multiline', lines, parsed };
}

/** A fragment as one line of flow YAML (comments dropped: they would end the line). */
export function flowOf(r: Rendered, style: Style): string {
  const node = r.parsed.yaml?.contents;
  return node ? flowText(r.parsed, node, style) : 'null';
}

function flowText(source: ScopeDocument, node: unknown, style: Style): string {
  if (isMap(node)) {
    if (node.items.length === 0) return '{}';
    const items = node.items.map(
      (pair) =>
        `${flowText(source, pair.key, style)}: ${pair.value === null || isEmptyNull(pair.value) ? 'null' : flowText(source, pair.value, style)}`,
    );
    return style.mapPadding ? `{ ${items.join(', ')} }` : `{${items.join(', ')}}`;
  }
  if (isSeq(node)) {
    if (node.items.length === 0) return '[]';
    const items = node.items.map((item) => flowText(source, item, style));
    return style.seqPadding ? `[ ${items.join(', ')} ]` : `[${items.join(', ')}]`;
  }
  if (isScalar(node) && hasRange(node)) {
    const text = source.text.slice(node.range[0], node.range[1]);
    if (node.type === 'PLAIN' && !/[,[\]{}#\n]|: |:$/.test(text)) return text;
    if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && !text.includes('\n')) return text;
    const value: unknown = node.value;
    return value === null ? 'null' : flowScalarText(typeof value === 'string' ? value : text.trim());
  }
  if (hasRange(node)) return source.text.slice(node.range[0], node.range[1]);
  return 'null';
}
