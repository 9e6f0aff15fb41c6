// Writing scalars: new keys and values quoted and escaped by the `yaml` library (CST
// `createScalarToken` / `setScalarValue`), words added to a value in the value's own style, a key
// renamed in its own style, words taken out of a value with the separator next to them.
import { CST, isScalar, parse, Parser, type Node } from 'yaml';
import type { Path } from '../types';
import type { OffsetEdit } from './compose';
import { flowScalarAt } from './cst';
import { hasRange, isBlockScalar, withoutTrailingNewlines } from './nodes';
import type { Rendered } from './layout';
import type { OpResult, Target } from './target';

type ScalarType = 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE';

interface ScalarContext {
  readonly implicitKey?: boolean;
  readonly inFlow?: boolean;
}

/** The source of a one-line scalar holding `value`, as the library writes it in the preferred style. */
function scalarSource(value: string, type: ScalarType, context: ScalarContext = {}): string {
  const token = CST.createScalarToken(value, { indent: 0, type, end: [], ...context });
  return 'source' in token ? token.source : JSON.stringify(value);
}

/**
 * A plain scalar when the text reads back as that same string (the library quotes what plain
 * style cannot hold, but does not know that `true` or `12` would read as another type), else quoted.
 */
function stringSource(value: string, context: ScalarContext, preferred: ScalarType = 'PLAIN'): string {
  const source = scalarSource(value, preferred, context);
  if (preferred !== 'PLAIN' || source.startsWith('"') || source.startsWith("'")) return source;
  return readsAs(source, value) ? source : scalarSource(value, 'QUOTE_DOUBLE', context);
}

function readsAs(source: string, value: string): boolean {
  try {
    return parse(source) === value;
  } catch {
    return false;
  }
}

/** A mapping key, plain when it can be. */
export function keyText(key: string, inFlow = false): string {
  // The common case, without a parse: an identifier is always a plain string key.
  if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) && !/^(?:true|false|null|True|False|Null|TRUE|FALSE|NULL)$/.test(key)) return key;
  return stringSource(key, { implicitKey: true, inFlow });
}

/** A string as a one-line scalar inside a flow collection. */
export function flowScalarText(value: string): string {
  return stringSource(value, { inFlow: true }, 'QUOTE_DOUBLE');
}

function typeOf(token: CST.FlowScalar): ScalarType {
  return token.type === 'double-quoted-scalar' ? 'QUOTE_DOUBLE' : token.type === 'single-quoted-scalar' ? 'QUOTE_SINGLE' : 'PLAIN';
}

/** `token`'s source once its value is `value`, written in the token's own style by the library. */
function restyled(token: CST.FlowScalar, value: string, inFlow: boolean, implicitKey = false): CST.FlowScalar {
  const copy: CST.FlowScalar = { ...token, end: [] };
  CST.setScalarValue(copy, value, { inFlow, implicitKey, type: typeOf(token) });
  return copy;
}

/** True when a node sits in a flow collection, judged by what its path leads through. */
function inFlowAt(t: Target, path: Path): boolean {
  for (let depth = path.length - 1; depth >= 0; depth--) {
    const node = t.doc.nodeAt(path.slice(0, depth));
    if (node && 'flow' in node && node.flow) return true;
  }
  return false;
}

/**
 * A new string that only adds words to the old one (at its end, or before its last few
 * characters such as a final full stop) is written as an insertion into the old scalar, so a
 * folded or quoted value keeps its style and its line breaks.
 */
export function insertIntoScalar(t: Target, path: Path, node: unknown, r: Rendered): OffsetEdit | undefined {
  const fresh = r.parsed.yaml?.contents;
  if (!isScalar(node) || !hasRange(node) || typeof node.value !== 'string' || node.value === '') return undefined;
  if (!isScalar(fresh) || typeof fresh.value !== 'string') return undefined;
  const wanted = fresh.value;
  if (isBlockScalar(node)) return insertIntoBlockScalar(t, node, node.value, wanted);
  const token = flowScalarAt(t.doc, node.range[0]);
  if (!token) return undefined;
  // The library writes the new value in the old one's style; when that source only adds
  // characters to the old source, those characters are the edit.
  const written = restyled(token, wanted, inFlowAt(t, path));
  if (written.type !== token.type) return undefined;
  const before = token.source;
  const after = written.source;
  let head = 0;
  while (head < before.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  if (head + tail !== before.length || after.length <= before.length) return undefined;
  const inserted = after.slice(head, after.length - tail);
  if (/[\r\n]/.test(inserted)) return undefined;
  return { start: token.offset + head, end: token.offset + head, text: inserted };
}

/** Words added to a `|` or `>` scalar go before its final line break, written as they are. */
function insertIntoBlockScalar(t: Target, node: Node, value: string, wanted: string): OffsetEdit | undefined {
  const old = withoutTrailingNewlines(value);
  let head = 0;
  while (head < old.length && head < wanted.length && old[head] === wanted[head]) head++;
  let tail = 0;
  while (tail < old.length - head && tail < wanted.length - head && old[old.length - 1 - tail] === wanted[wanted.length - 1 - tail]) tail++;
  if (old === '' || head + tail !== old.length) return undefined;
  const inserted = wanted.slice(head, wanted.length - tail);
  if (inserted === '' || /[\r\n]/.test(inserted)) return undefined;
  const at = t.contentEnd(node) - tail;
  // The characters after the insertion point must be written literally in the source.
  if (t.text.slice(at, at + tail) !== old.slice(old.length - tail)) return undefined;
  return { start: at, end: at, text: inserted };
}

/** Renames a key, keeping its value, its comment and (where it can hold the new name) its quoting. */
export function renameKey(t: Target, path: Path, key: string): OpResult {
  const pair = t.doc.pairAt(path);
  if (!pair || !hasRange(pair.key)) return 'noop';
  const parentPath = path.slice(0, -1);
  if (t.doc.has([...parentPath, key])) return 'fail';
  if (isScalar(pair.key) && pair.key.value === key) return 'noop';
  const token = flowScalarAt(t.doc, pair.key.range[0]);
  const inFlow = inFlowAt(t, path);
  let text = keyText(key, inFlow);
  if (token && token.type !== 'scalar') text = restyled(token, key, inFlow, true).source;
  return { start: pair.key.range[0], end: pair.key.range[1], text };
}

/**
 * Removes the first occurrence of `needle` from a string scalar, with the separator before it
 * (or after it, when it starts the value). What is left must read back as the same kind of
 * scalar, which the library's own scalar reader decides.
 */
export function removeText(t: Target, path: Path, needle: string): OpResult {
  const node = t.doc.nodeAt(path);
  if (!isScalar(node) || typeof node.value !== 'string' || !hasRange(node) || needle === '') return 'noop';
  const start = node.range[0];
  const end = isBlockScalar(node) ? t.contentEnd(node) : node.range[1];
  const source = t.text.slice(start, end);
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
  const left = source.slice(0, from) + source.slice(to);
  if (!isBlockScalar(node) && !stillOneScalar(t, path, node.range[0], left)) return 'fail';
  return { start: start + from, end: start + to, text: '' };
}

/**
 * True when `source`, written where the scalar at `offset` is, still reads as one scalar of the
 * same style with no error: the library's parser finds where it ends (a ` #` starting a comment,
 * a `: ` starting a mapping, a bare quote ending it early) and its scalar reader checks escapes.
 */
function stillOneScalar(t: Target, path: Path, offset: number, source: string): boolean {
  const token = flowScalarAt(t.doc, offset);
  if (!token) return false;
  const inFlow = inFlowAt(t, path);
  const wanted = source.trim();
  if (wanted === '') return true;
  let found: CST.Token | undefined;
  for (const top of new Parser().parse(inFlow ? `[${wanted}]` : wanted)) {
    if (top.type !== 'document' || found) return false;
    found = top.value;
    if (found?.type === 'flow-collection') {
      if (!inFlow || found.items.length !== 1 || found.end[0]?.source !== ']') return false;
      found = found.items[0]?.value;
    }
  }
  if (!found || found.type !== token.type || !('source' in found) || found.source !== wanted) return false;
  let broken = false;
  const resolved = CST.resolveAsScalar(found, true, () => (broken = true));
  return !broken && typeof resolved?.value === 'string';
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
