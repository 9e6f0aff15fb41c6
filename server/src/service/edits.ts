// Turns declarative fix operations into minimal text edits written in the document's own
// indentation and style (block or flow), with snippet tab stops on the placeholders a person
// has to fill in. Nothing outside an edit's range changes, comments included.
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Node, type Pair, type Scalar, type YAMLSeq } from 'yaml';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import { ScopeDocument } from './document';
import type { Applicability, Fix, FixOp, Path } from './types';

/** A text edit, plus the same edit as a snippet when it contains placeholders. */
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

/** An edit in offsets of one text. `text` may still hold placeholder markers. */
export interface OffsetEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The text edits of a fix, or undefined when it cannot be applied or would change nothing. */
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

/** The anchors whose values the ops edit because their paths go through an alias (`budget: *defaults`). */
function anchorsEdited(doc: ScopeDocument, ops: readonly FixOp[]): string[] {
  const found = new Set<string>();
  for (const op of ops) {
    const path = op.op === 'insert' ? op.parent : op.path;
    for (let depth = 1; depth <= path.length; depth++) {
      const node = doc.nodeAt(path.slice(0, depth));
      if (isAlias(node) && depth < path.length + (op.op === 'insert' ? 1 : 0)) found.add(node.source);
    }
  }
  return [...found];
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
      return t.insertKey(op.parent, op.key, t.fragment(op.value));
    case 'replace':
      return t.replaceValue(op.path, t.fragment(op.value));
    case 'append':
      return t.appendItem(op.path, t.fragment(op.value));
    case 'removeText':
      return t.removeText(op.path, op.text);
    case 'delete':
      return t.deleteAt(op.path);
    case 'renameKey':
      return t.renameKey(op.path, op.key);
    default:
      return 'fail';
  }
}

// ---- composing edits ----------------------------------------------------------------------------

/**
 * Accumulates edits made one after another on a changing text, as edits of the original text.
 * An edit that overlaps or touches an earlier one is merged with it.
 */
export class EditComposer {
  private edits: OffsetEdit[] = [];
  text: string;

  constructor(readonly original: string) {
    this.text = original;
  }

  /** Applies an edit given in offsets of the current `text`. */
  apply(edit: OffsetEdit): void {
    const { start: cs, end: ce } = edit;
    let delta = 0;
    const spans = this.edits.map((e) => {
      const ts = e.start + delta;
      delta += e.text.length - (e.end - e.start);
      return { e, ts, te: ts + e.text.length };
    });
    const toOriginal = (t: number): number => {
      let d = 0;
      for (const s of spans) if (s.te <= t) d += s.e.text.length - (s.e.end - s.e.start);
      return t - d;
    };
    const touching = spans.filter((s) => s.ts <= ce && s.te >= cs);
    const first = touching[0];
    const last = touching[touching.length - 1];
    let merged: OffsetEdit;
    if (!first || !last) {
      merged = { start: toOriginal(cs), end: toOriginal(ce), text: edit.text };
    } else {
      const a = Math.min(cs, first.ts);
      const b = Math.max(ce, last.te);
      merged = {
        start: a === first.ts ? first.e.start : toOriginal(a),
        end: b === last.te ? last.e.end : toOriginal(b),
        text: this.text.slice(a, cs) + edit.text + this.text.slice(ce, b),
      };
    }
    const kept = this.edits.filter((e) => !touching.some((s) => s.e === e));
    kept.push(merged);
    kept.sort((x, y) => x.start - y.start);
    this.edits = kept;
    this.text = this.text.slice(0, cs) + edit.text + this.text.slice(ce);
  }

  /**
   * The accumulated edits in original offsets. They are not trimmed to the characters that
   * differ: an edit covers the nodes its op names, which reads better in a preview and keeps
   * tokens whole (`time_and_materials` -> `capped_time_and_materials`, not an inserted `capped_`).
   */
  result(): OffsetEdit[] {
    return this.edits.filter((e) => this.original.slice(e.start, e.end) !== e.text);
  }
}

/** A bounded memo for fragment parses: rules send the same skeletons on every keystroke. */
class Memo<V> {
  private readonly map = new Map<string, V>();

  constructor(private readonly max: number) {}

  get(key: string, make: () => V): V {
    if (this.map.has(key)) return this.map.get(key) as V;
    const value = make();
    if (this.map.size >= this.max) {
      const oldest = this.map.keys().next();
      if (!oldest.done) this.map.delete(oldest.value);
    }
    this.map.set(key, value);
    return value;
  }
}

// ---- placeholders ---------------------------------------------------------------------------------

const markerPattern = /\uE000(\d+)\uE001/g;

interface Placeholder {
  readonly defaultText: string;
  readonly choices?: readonly string[];
  /** Placeholders of one group share a tab stop (the same `$n` written twice). */
  readonly group: string;
}

/**
 * Placeholders travel through the edit engine as private-use markers, which YAML reads as plain
 * text in every scalar style, and become default text or snippet tab stops at the very end.
 */
class Placeholders {
  private readonly list: Placeholder[] = [];

  /** A new placeholder; without a group it is a tab stop of its own. */
  add(placeholder: Omit<Placeholder, 'group'> & { readonly group?: string }): string {
    this.list.push({ ...placeholder, group: placeholder.group ?? `auto${this.list.length}` });
    return `\uE000${this.list.length - 1}\uE001`;
  }

  has(text: string): boolean {
    return text.includes('\uE000');
  }

  plain(text: string): string {
    return text.replace(markerPattern, (_m, id: string) => {
      const p = this.list[Number(id)];
      return p ? (p.choices?.[0] ?? p.defaultText) : '';
    });
  }

  /** Gives each group a tab-stop number in order of first appearance. */
  number(texts: readonly string[]): Map<string, number> {
    const numbers = new Map<string, number>();
    for (const text of texts) {
      for (const m of text.matchAll(markerPattern)) {
        const p = this.list[Number(m[1])];
        if (p && !numbers.has(p.group)) numbers.set(p.group, numbers.size + 1);
      }
    }
    return numbers;
  }

  snippet(text: string, numbers: Map<string, number>): string {
    let out = '';
    let last = 0;
    for (const m of text.matchAll(markerPattern)) {
      out += escapeSnippet(text.slice(last, m.index));
      last = m.index + m[0].length;
      const p = this.list[Number(m[1])];
      const n = p ? numbers.get(p.group) : undefined;
      if (!p || n === undefined) continue;
      if (p.choices && p.choices.length > 0) out += `\${${n}|${p.choices.map((c) => c.replace(/[\\$},|]/g, '\\$&')).join(',')}|}`;
      else out += p.defaultText === '' ? `\${${n}}` : `\${${n}:${escapeSnippet(p.defaultText)}}`;
    }
    return out + escapeSnippet(text.slice(last));
  }
}

function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/**
 * `${1:default}`, `${1|a,b|}` or `${1}` in a fragment: the author placed the tab stops. (Not the
 * bare `$1` form, which a price such as `$120k` would look like.)
 */
const explicitPlaceholder = /\$\{(\d+)(?::((?:[^}\\]|\\.)*))?\}|\$\{(\d+)\|((?:[^|\\]|\\.)*)\|\}/g;

/** A `<what to write>` hint inside a string scalar. */
const angleHint = /<[^<>\n]{1,40}>/g;

function unescapeSnippet(text: string): string {
  return text.replace(/\\([\\$}|,])/g, '$1');
}

/**
 * Replaces the placeholders of a YAML fragment with markers. Either the author wrote snippet
 * syntax, or the values a person must fill in are found automatically: `""`, `null`, `0`,
 * strings containing TODO (whole), and `<hints>` inside strings.
 */
function markPlaceholders(fragment: string, placeholders: Placeholders): string {
  if (/\$\{\d+[:|}]/.test(fragment)) {
    let out = '';
    let last = 0;
    for (const m of fragment.matchAll(explicitPlaceholder)) {
      out += unescapeSnippet(fragment.slice(last, m.index));
      last = m.index + m[0].length;
      const n = m[1] ?? m[3] ?? '0';
      const choices = m[4] !== undefined ? m[4].split(/(?<!\\),/).map(unescapeSnippet) : undefined;
      out += placeholders.add({ defaultText: unescapeSnippet(m[2] ?? ''), ...(choices ? { choices } : {}), group: `tab${n}` });
    }
    return out + unescapeSnippet(fragment.slice(last));
  }
  let out = fragment;
  for (const cut of placeholderCuts.get(fragment, () => findPlaceholders(fragment))) {
    out = out.slice(0, cut.start) + placeholders.add({ defaultText: cut.defaultText }) + out.slice(cut.end);
  }
  return out;
}

interface Cut {
  readonly start: number;
  readonly end: number;
  readonly defaultText: string;
}

const placeholderCuts = new Memo<readonly Cut[]>(500);

/** Where a fragment's automatic placeholders are, last first. */
function findPlaceholders(fragment: string): Cut[] {
  const parsed = parseDocument(fragment, { keepSourceTokens: false });
  if (parsed.errors.length > 0) return [];
  const cuts: Cut[] = [];
  visit(parsed, {
    Scalar(key, node) {
      if (key === 'key' || !node.range) return;
      const [start, end] = node.range;
      const source = fragment.slice(start, end);
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
      const plain = node.type === 'PLAIN' && !source.includes('\n');
      if (node.value === null && (source === 'null' || source === '~')) {
        cuts.push({ start, end, defaultText: source });
      } else if (node.value === 0 && plain && /^0(\.0+)?$/.test(source)) {
        cuts.push({ start, end, defaultText: source });
      } else if (typeof node.value === 'string' && (quoted || plain)) {
        const innerStart = quoted ? start + 1 : start;
        const innerEnd = quoted ? end - 1 : end;
        const inner = fragment.slice(innerStart, innerEnd);
        if (inner === '') cuts.push({ start: innerStart, end: innerStart, defaultText: '' });
        else if (/\bTODO\b/.test(inner)) cuts.push({ start: innerStart, end: innerEnd, defaultText: inner });
        else
          for (const m of inner.matchAll(angleHint))
            cuts.push({ start: innerStart + m.index, end: innerStart + m.index + m[0].length, defaultText: m[0] });
      }
    },
  });
  return cuts.sort((a, b) => b.start - a.start);
}

/** Final LSP edits: plain text, plus the snippet form when placeholders are present. */
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

// ---- the document's style -------------------------------------------------------------------------

interface Style {
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

function styleOf(doc: ScopeDocument): Style {
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
function observeStyle(doc: ScopeDocument): Observed {
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
interface Rendered {
  readonly kind: 'inline' | 'map' | 'seq' | 'multiline';
  readonly lines: readonly string[];
  readonly parsed: ScopeDocument;
}

function isBlockCollection(node: unknown): boolean {
  return (isMap(node) || isSeq(node)) && !node.flow;
}

function isBlockScalar(node: unknown): boolean {
  return isScalar(node) && (node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL');
}

function hasRange(node: unknown): node is Node & { range: [number, number, number] } {
  return typeof node === 'object' && node !== null && 'range' in node && Array.isArray((node as { range?: unknown }).range);
}

/** A null value written as nothing at all (`key:`). */
function isEmptyNull(node: unknown): boolean {
  return !hasRange(node) || (isScalar(node) && node.value === null && node.range?.[0] === node.range?.[1]);
}

/** `null`, `""`, `[]` or `{}`: a value a fix may fill in without overwriting anything. */
function isAbsentValue(node: unknown): boolean {
  if (node === null || node === undefined) return true;
  if (isScalar(node)) return node.value === null || (typeof node.value === 'string' && node.value.trim() === '');
  if (isMap(node) || isSeq(node)) return node.items.length === 0;
  return false;
}

/** A loop, not /[ \t]+$/: that regex backtracks quadratically on a long run of blanks. */
function withoutTrailingBlanks(line: string): string {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  return line.slice(0, end);
}

/** A loop, not /\n+$/, for the same reason. */
function withoutTrailingNewlines(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === '\n') end--;
  return text.slice(0, end);
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

function render(fragment: string, style: Style): Rendered | undefined {
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
function flowOf(r: Rendered, style: Style): string {
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
    return value === null
      ? 'null'
      : JSON.stringify(typeof value === 'string' ? value : source.text.slice(node.range[0], node.range[1]).trim());
  }
  if (hasRange(node)) return source.text.slice(node.range[0], node.range[1]);
  return 'null';
}

function keyText(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? key : JSON.stringify(key);
}

// ---- operations on one version of the text ------------------------------------------------------

type OpResult = OffsetEdit | 'noop' | 'fail';

class Target {
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

  private col(offset: number): number {
    return this.doc.positionAt(offset).character;
  }

  private pad(n: number): string {
    return ' '.repeat(Math.max(0, n));
  }

  private indentLines(lines: readonly string[], n: number): string {
    return lines.map((l) => (l === '' ? l : this.pad(n) + l)).join(this.style.eol);
  }

  /** What follows `key:` for a value, when the key sits at column `keyCol` in block context. */
  private afterKey(r: Rendered, keyCol: number): string {
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
  private itemText(r: Rendered, dashCol: number): string {
    const [first = '', ...rest] = r.lines;
    if (r.kind === 'inline' || rest.length === 0) return first === '' ? '-' : `- ${first}`;
    return `- ${first}${this.style.eol}${this.indentLines(rest, dashCol + 2)}`;
  }

  /** `key: value` laid out at column 0, for nesting into a new parent. */
  private pairBlock(key: string, r: Rendered): string {
    return `${keyText(key)}:${this.afterKey(r, 0)}`;
  }

  private render(fragment: string): Rendered | undefined {
    return render(fragment, this.style);
  }

  /** The end of the last thing written inside a node (before trailing comments and blank lines). */
  private contentEnd(node: Node): number {
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
  private linesAfter(offset: number, lines: string): OffsetEdit {
    const lineEnd = this.lineEndAt(offset);
    const lineBreak = this.text.startsWith('\r\n', lineEnd)
      ? 2
      : this.text.startsWith('\n', lineEnd) || this.text.startsWith('\r', lineEnd)
        ? 1
        : 0;
    if (lineBreak === 0) return { start: lineEnd, end: lineEnd, text: this.style.eol + lines };
    return { start: lineEnd + lineBreak, end: lineEnd + lineBreak, text: lines + this.style.eol };
  }

  private lineEndAt(offset: number): number {
    return this.doc.lineEnd(this.doc.positionAt(offset).line);
  }

  private lineStartAt(offset: number): number {
    return offset - this.doc.positionAt(offset).character;
  }

  /** The offset just after the `:` that follows a key. */
  private afterColon(pair: Pair): number | undefined {
    if (!hasRange(pair.key)) return undefined;
    const colon = this.text.indexOf(':', pair.key.range[1]);
    return colon < 0 ? undefined : colon + 1;
  }

  /** Sameness as data: applying a fix twice must not write the same value twice. */
  private sameValue(node: unknown, r: Rendered): boolean {
    return dataKey(node) === this.wantedKey(r);
  }

  private wantedKey(r: Rendered): string {
    const plain = this.placeholders.plain(r.parsed.text);
    return plainValues.get(plain, () => JSON.stringify(normalise(parseDocument(plain).toJS())));
  }

  /** The items of a sequence as data keys, computed once per parsed sequence: many findings append to the same list. */
  private itemKeys(seq: YAMLSeq): Set<string> {
    let keys = itemKeysBySeq.get(seq);
    if (!keys) {
      keys = new Set(seq.items.map(dataKey));
      itemKeysBySeq.set(seq, keys);
    }
    return keys;
  }

  insertKey(parent: Path, key: string, fragment: string): OpResult {
    const r = this.render(fragment);
    if (!r) return 'fail';
    if (!this.doc.has(parent)) {
      let depth = parent.length - 1;
      while (depth > 0 && !this.doc.has(parent.slice(0, depth))) depth--;
      const missing = parent.slice(depth);
      if (missing.some((s) => typeof s !== 'string')) return 'fail';
      let nested = this.pairBlock(key, r);
      for (let i = missing.length - 1; i >= 1; i--) {
        const inner = this.render(nested);
        if (!inner) return 'fail';
        nested = this.pairBlock(String(missing[i]), inner);
      }
      return this.insertKey(parent.slice(0, depth), String(missing[0]), nested);
    }
    const existing = this.doc.pairAt([...parent, key]);
    if (existing) return isAbsentValue(existing.value) ? this.replaceValue([...parent, key], fragment) : 'noop';
    const container = parent.length === 0 ? (this.doc.yaml?.contents ?? undefined) : this.doc.nodeAt(parent);
    if (isMap(container) && hasRange(container)) {
      if (container.flow) {
        const pairText = `${keyText(key)}: ${flowOf(r, this.style)}`;
        const last = container.items[container.items.length - 1];
        if (!last)
          return { start: container.range[0], end: container.range[1], text: this.style.mapPadding ? `{ ${pairText} }` : `{${pairText}}` };
        const end = this.pairEnd(last);
        return end === undefined ? 'fail' : { start: end, end, text: `, ${pairText}` };
      }
      const firstKey = container.items[0]?.key;
      if (!hasRange(firstKey)) return 'fail';
      const keyCol = this.col(firstKey.range[0]);
      return this.linesAfter(this.contentEnd(container), this.pad(keyCol) + `${keyText(key)}:${this.afterKey(r, keyCol)}`);
    }
    if (parent.length === 0 && (container === undefined || container === null || isAbsentValue(container))) {
      // An empty document: the new key is its first line of data.
      const end = this.text.length;
      const needsBreak = end > 0 && !this.text.endsWith('\n');
      if (isScalar(container) && hasRange(container) && container.range[0] !== container.range[1]) return 'fail';
      return { start: end, end, text: (needsBreak ? this.style.eol : '') + this.pairBlock(key, r) + this.style.eol };
    }
    if (isAbsentValue(container)) return this.replaceValue(parent, this.pairBlock(key, r));
    return 'fail';
  }

  /** Where a pair ends: its value, else its key. */
  private pairEnd(pair: Pair): number | undefined {
    if (pair.value !== null && hasRange(pair.value) && !isEmptyNull(pair.value))
      return isBlockCollection(pair.value) || isBlockScalar(pair.value) ? this.contentEnd(pair.value) : pair.value.range[1];
    return hasRange(pair.key) ? pair.key.range[1] : undefined;
  }

  replaceValue(path: Path, fragment: string): OpResult {
    if (path.length === 0) return 'fail';
    if (!this.doc.has(path)) {
      const last = path[path.length - 1];
      return typeof last === 'string' ? this.insertKey(path.slice(0, -1), last, fragment) : 'fail';
    }
    const r = this.render(fragment);
    if (!r) return 'fail';
    const node = this.doc.nodeAt(path);
    if (this.sameValue(node ?? null, r)) return 'noop';
    const inserted = this.insertIntoScalar(node, r);
    if (inserted) return inserted;
    const container = path.length === 1 ? this.doc.yaml?.contents : this.doc.nodeAt(path.slice(0, -1));
    const written = node !== undefined && hasRange(node) && !isEmptyNull(node);
    const oldEnd = written ? (isBlockCollection(node) || isBlockScalar(node) ? this.contentEnd(node) : node.range[1]) : undefined;
    if ((isMap(container) || isSeq(container)) && container.flow) {
      const flow = flowOf(r, this.style);
      if (written && oldEnd !== undefined) return { ...this.untagged(node, flow), end: oldEnd };
      const pair = this.doc.pairAt(path);
      const colon = pair ? this.afterColon(pair) : undefined;
      return colon === undefined ? 'fail' : { start: colon, end: colon, text: ` ${flow}` };
    }
    if (isSeq(container)) {
      if (!written || oldEnd === undefined) return 'fail';
      const itemCol = this.col(node.range[0]);
      const [first = '', ...rest] = r.lines;
      const text = r.kind === 'inline' || rest.length === 0 ? first : `${first}${this.style.eol}${this.indentLines(rest, itemCol)}`;
      return { ...this.untagged(node, text), end: oldEnd };
    }
    const pair = this.doc.pairAt(path);
    if (!pair || !hasRange(pair.key)) return 'fail';
    const colon = this.afterColon(pair);
    if (colon === undefined) return 'fail';
    // A one-line value over a one-line value: only the value changes; spacing and comment stay.
    if (r.kind === 'inline' && written && oldEnd !== undefined && !isBlockCollection(node) && !isBlockScalar(node)) {
      return { ...this.untagged(node, r.lines[0] ?? ''), end: oldEnd };
    }
    return { start: colon, end: written && oldEnd !== undefined ? oldEnd : colon, text: this.afterKey(r, this.col(pair.key.range[0])) };
  }

  /**
   * Where the replacement of a scalar starts, and its text: from the scalar's explicit tag, when it
   * has one on its line (`!!str 38000`). A fix writes a value of its own, and a `!!str` kept in
   * front of a number would make it text again. An anchor stays.
   */
  private untagged(node: Node & { range: [number, number, number] }, text: string): { start: number; text: string } {
    if (!isScalar(node) || !node.tag) return { start: node.range[0], text };
    const lineStart = this.lineStartAt(node.range[0]);
    const props = /(?<!\S)(![^\s]*)((?:[ \t]+&[^\s]+)?)[ \t]+$/.exec(this.text.slice(lineStart, node.range[0]));
    if (!props) return { start: node.range[0], text };
    const anchor = (props[2] ?? '').trim();
    return { start: lineStart + props.index, text: anchor ? `${anchor} ${text}` : text };
  }

  /**
   * A new string that only adds words to the old one (at its end, or before its last few
   * characters such as a final full stop) is written as an insertion into the old scalar, so a
   * folded or quoted value keeps its style and its line breaks.
   */
  private insertIntoScalar(node: unknown, r: Rendered): OffsetEdit | undefined {
    const fresh = r.parsed.yaml?.contents;
    if (!isScalar(node) || !hasRange(node) || typeof node.value !== 'string') return undefined;
    if (!isScalar(fresh) || typeof fresh.value !== 'string') return undefined;
    // A block scalar's final line break is its own; the words go before it.
    const old = isBlockScalar(node) ? withoutTrailingNewlines(node.value) : node.value;
    const wanted = fresh.value;
    let head = 0;
    while (head < old.length && head < wanted.length && old[head] === wanted[head]) head++;
    let tail = 0;
    while (tail < old.length - head && tail < wanted.length - head && old[old.length - 1 - tail] === wanted[wanted.length - 1 - tail])
      tail++;
    if (old === '' || head + tail !== old.length) return undefined;
    const inserted = wanted.slice(head, wanted.length - tail);
    if (inserted === '' || /[\r\n]/.test(inserted)) return undefined;
    const contentEnd =
      node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE'
        ? node.range[1] - 1
        : isBlockScalar(node)
          ? this.contentEnd(node)
          : node.range[1];
    const at = contentEnd - tail;
    // The characters after the insertion point must be written literally in the source.
    if (this.text.slice(at, contentEnd) !== old.slice(old.length - tail)) return undefined;
    switch (node.type) {
      case 'PLAIN':
        // A plain scalar cannot hold ` #` or `: `, nor end with `:` or a space.
        if (/ #|: /.test(inserted) || (tail === 0 && /[:\s]$/.test(inserted))) return undefined;
        return { start: at, end: at, text: inserted };
      case 'BLOCK_FOLDED':
      case 'BLOCK_LITERAL':
        return { start: at, end: at, text: inserted };
      case 'QUOTE_DOUBLE':
        return { start: at, end: at, text: JSON.stringify(inserted).slice(1, -1) };
      case 'QUOTE_SINGLE':
        return { start: at, end: at, text: inserted.replace(/'/g, "''") };
      default:
        return undefined;
    }
  }

  appendItem(path: Path, fragment: string): OpResult {
    const r = this.render(fragment);
    if (!r) return 'fail';
    const node = this.doc.has(path) ? this.doc.nodeAt(path) : undefined;
    if (isSeq(node) && hasRange(node)) {
      if (this.itemKeys(node).has(this.wantedKey(r))) return 'noop';
      if (node.flow) {
        const flow = flowOf(r, this.style);
        const last = node.items[node.items.length - 1];
        if (!hasRange(last)) return { start: node.range[0], end: node.range[1], text: this.style.seqPadding ? `[ ${flow} ]` : `[${flow}]` };
        return { start: last.range[1], end: last.range[1], text: `, ${flow}` };
      }
      const dashCol = this.col(node.range[0]);
      return this.linesAfter(this.contentEnd(node), this.pad(dashCol) + this.itemText(r, dashCol));
    }
    if (node === undefined || isAbsentValue(node)) return this.replaceValue(path, this.itemText(r, 0));
    return 'fail';
  }

  removeText(path: Path, needle: string): OpResult {
    const node = this.doc.nodeAt(path);
    if (!isScalar(node) || typeof node.value !== 'string' || !hasRange(node) || needle === '') return 'noop';
    const start = node.range[0];
    const end = isBlockScalar(node) ? this.contentEnd(node) : node.range[1];
    const source = this.text.slice(start, end);
    const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
    const innerStart = quoted ? 1 : isBlockScalar(node) ? Math.max(0, source.indexOf('\n') + 1) : 0;
    const innerEnd = quoted ? source.length - 1 : source.length;
    const index = source.toLowerCase().indexOf(needle.toLowerCase(), innerStart);
    if (index < 0 || index + needle.length > innerEnd) return 'noop';
    let from = index;
    let to = index + needle.length;
    const before = source.slice(innerStart, from);
    const separatorBefore = before.slice(trailingSeparatorStart(before));
    if (before.trim() !== '' && separatorBefore !== '') {
      from -= separatorBefore.length;
    } else if (before.trim() === '') {
      // The text starts the value: take the separator after it instead.
      to += /^\s*[,;]?\s*/.exec(source.slice(to, innerEnd))?.[0].length ?? 0;
    }
    // What is left must still be the same kind of scalar (checked here rather than by re-parsing).
    const removed = source.slice(from, to);
    const left = (source.slice(innerStart, from) + source.slice(to, innerEnd)).trim();
    if (node.type === 'QUOTE_DOUBLE' && /["\\]/.test(removed)) return 'fail';
    if (node.type === 'QUOTE_SINGLE' && removed.includes("'")) return 'fail';
    if (node.type === 'PLAIN' && left !== '' && (/ #|: |:$/.test(left) || /^[-?:,[\]{}#&*!|>'"%@`]/.test(left))) return 'fail';
    return { start: start + from, end: start + to, text: '' };
  }

  deleteAt(path: Path): OpResult {
    if (path.length === 0 || !this.doc.has(path)) return 'noop';
    const parentPath = path.slice(0, -1);
    const container = parentPath.length === 0 ? this.doc.yaml?.contents : this.doc.nodeAt(parentPath);
    const last = path[path.length - 1];
    if (isMap(container)) {
      const pair = this.doc.pairAt(path);
      if (!pair || !hasRange(pair.key)) return 'fail';
      const index = container.items.indexOf(pair);
      const end = this.pairEnd(pair);
      if (end === undefined) return 'fail';
      if (container.flow)
        return this.deleteFlowItem(
          container.items.map((p) => this.flowSpan(p)),
          index,
          container,
        );
      const keyStart = pair.key.range[0];
      const lineStart = this.lineStartAt(keyStart);
      if (this.text.slice(lineStart, keyStart).trim() === '') return this.removeLines(lineStart, this.lineEndAt(end));
      // The first pair of a `- key: value` item: the next pair moves up behind the dash.
      const next = container.items[index + 1];
      if (index === 0 && next && hasRange(next.key)) return { start: keyStart, end: next.key.range[0], text: '' };
      if (container.items.length === 1 && typeof parentPath[parentPath.length - 1] === 'number') return this.deleteAt(parentPath);
      return 'fail';
    }
    if (isSeq(container) && typeof last === 'number') {
      const item: unknown = container.items[last];
      if (!hasRange(item)) return 'fail';
      if (container.flow)
        return this.deleteFlowItem(
          container.items.map((i) => (hasRange(i) ? { start: i.range[0], end: i.range[1] } : undefined)),
          last,
          container,
        );
      if (container.items.length === 1 && parentPath.length > 0 && typeof parentPath[parentPath.length - 1] === 'string')
        return this.replaceValue(parentPath, '[]');
      const dash = this.text.lastIndexOf('-', item.range[0]);
      const lineStart = dash < 0 ? -1 : this.lineStartAt(dash);
      if (dash < 0 || this.text.slice(lineStart, dash).trim() !== '') return 'fail';
      return this.removeLines(lineStart, this.lineEndAt(this.contentEnd(item)));
    }
    return 'fail';
  }

  private flowSpan(pair: Pair): { start: number; end: number } | undefined {
    const end = this.pairEnd(pair);
    return hasRange(pair.key) && end !== undefined ? { start: pair.key.range[0], end } : undefined;
  }

  private deleteFlowItem(spans: readonly ({ start: number; end: number } | undefined)[], index: number, container: Node): OpResult {
    const span = spans[index];
    if (!span || !hasRange(container)) return 'fail';
    if (spans.length === 1) return { start: container.range[0], end: container.range[1], text: isMap(container) ? '{}' : '[]' };
    const previous = spans[index - 1];
    if (previous) return { start: previous.end, end: span.end, text: '' };
    const next = spans[index + 1];
    return next ? { start: span.start, end: next.start, text: '' } : 'fail';
  }

  /** Deletes whole lines, from a line start to a line end, with one line break. */
  private removeLines(start: number, lineEnd: number): OffsetEdit {
    if (this.text.startsWith('\r\n', lineEnd)) return { start, end: lineEnd + 2, text: '' };
    if (this.text.startsWith('\n', lineEnd)) return { start, end: lineEnd + 1, text: '' };
    // The last line of a file without a final line break: take the break before it.
    const previousBreak = start >= 2 && this.text.startsWith('\r\n', start - 2) ? 2 : start >= 1 ? 1 : 0;
    return { start: start - previousBreak, end: lineEnd, text: '' };
  }

  renameKey(path: Path, key: string): OpResult {
    const pair = this.doc.pairAt(path);
    if (!pair || !hasRange(pair.key)) return 'noop';
    const parentPath = path.slice(0, -1);
    if (this.doc.has([...parentPath, key])) return 'fail';
    const current = (pair.key as Scalar).value;
    if (current === key) return 'noop';
    return { start: pair.key.range[0], end: pair.key.range[1], text: keyText(key) };
  }
}

/** A node as comparable data (the parsed tree never changes, so sequences can be cached by identity). */
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

/**
 * Where a text's trailing `\s*[,;]?\s*` starts. A loop, not that regex: the regex backtracks
 * cubically on a long whitespace run that is followed by other text.
 */
function trailingSeparatorStart(text: string): number {
  let i = text.length;
  while (i > 0 && /\s/.test(text.charAt(i - 1))) i--;
  if (i > 0 && (text.charAt(i - 1) === ',' || text.charAt(i - 1) === ';')) {
    i--;
    while (i > 0 && /\s/.test(text.charAt(i - 1))) i--;
  }
  return i;
}
