// Completion: the schema's keys at the cursor's level (with their documentation and a skeleton of
// required children), enum and boolean values, and ids where a field refers to a deliverable or a
// milestone.
// The cursor's context is read from the text's indentation, not from the syntax tree: while
// typing, the YAML is usually invalid and the tree has no node where the cursor is.
import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  type Command,
  type CompletionItem,
  type CompletionList,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import type { ScopeDocument } from './document';
import { isRecord } from './model';
import { definitionKindAt, idIndex, idKindName, isReferenceListAt, kindMatches, nextId, referenceKindAt } from './references';
import { enumAt, propertiesAt, requiredAt, schemaAt, schemaMarkdown, type SchemaNode } from './schemaNav';
import type { Path, PathSegment } from './types';

const noCompletions: CompletionList = { isIncomplete: false, items: [] };

/** Asks VS Code to open the suggestion list again, for the value after an inserted key. */
const suggestAgain: Command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

export function completion(doc: ScopeDocument, position: Position): CompletionList {
  if (doc.inputProblem || position.line >= doc.lineCount) return noCompletions;
  const lineText = doc.lineText(position.line);
  const cursor = Math.min(position.character, lineText.length);
  const outline = scanOutline(doc, position.line, cursor);
  if (outline.cursorInBlockScalar) return noCompletions;
  const comment = commentColumn(doc, position.line);
  if (comment !== undefined && comment < cursor) return noCompletions;
  const ctx: Context = { doc, line: position.line, lineText, cursor, outline };
  return { isIncomplete: false, items: itemsAt(ctx, [...outline.stackAtCursorLine]) };
}

interface Context {
  readonly doc: ScopeDocument;
  readonly line: number;
  readonly lineText: string;
  readonly cursor: number;
  readonly outline: Outline;
}

function itemsAt(ctx: Context, stack: Frame[]): CompletionItem[] {
  const { lineText, cursor } = ctx;
  const before = lineText.slice(0, cursor);
  let pos = leadingSpaces(before);
  let dashes = 0;
  while (before[pos] === '-' && (pos + 1 === before.length || isBlank(before[pos + 1]))) {
    pushFrame(stack, pos, 'dash', '', false);
    dashes++;
    pos++;
    while (isBlank(before[pos])) pos++;
  }
  // `-|`: whatever is inserted needs the space that makes the dash a sequence entry.
  const afterBareDash = dashes > 0 && before.endsWith('-');
  const rest = before.slice(pos);
  const key = keyPattern.exec(rest);
  if (key) {
    const keyPath = pushFrame(stack, pos, 'key', unquoteKey(key[1] ?? ''), false).path;
    const colon = pos + key[0].length;
    let valueStart = colon;
    while (isBlank(lineText[valueStart]) && valueStart < cursor) valueStart++;
    const opener = lineText[valueStart];
    if (valueStart < cursor && (opener === '{' || opener === '[')) return flowItems(ctx, keyPath, valueStart);
    const prefix = valueStart === colon ? ' ' : '';
    return valueItems(ctx, keyPath, blockValueRange(ctx, valueStart), prefix, siblingScalars(ctx, keyPath), false);
  }
  if (rest.startsWith('{') || rest.startsWith('[')) return flowItems(ctx, topPath(stack), pos);
  if (dashes > 0) {
    const itemPath = topPath(stack);
    const range = wordRange(ctx, pos);
    if (isObjectSchema(schemaAt(itemPath))) {
      const existing = siblingKeys(ctx, itemPath);
      const items = keyItems(ctx, itemPath, pos, range, existing, 'block', afterBareDash ? ' ' : '');
      // A fresh entry: offer the whole item at once, too (the snippet of its list, first).
      if (isWord(rest) && existing.size === 0)
        items.unshift(...newItem(ctx, itemPath.slice(0, -1), pos, range, false, afterBareDash ? ' ' : ''));
      return items;
    }
    return valueItems(
      ctx,
      itemPath,
      blockValueRange(ctx, pos),
      afterBareDash ? ' ' : '',
      siblingScalars(ctx, itemPath.slice(0, -1)),
      false,
    );
  }
  if (!/^[A-Za-z0-9_-]*$/.test(rest)) return [];
  // A key typed at this column belongs to the nearest line above that is indented less.
  popTo(stack, pos);
  const parent = topPath(stack);
  const range = wordRange(ctx, pos);
  const items = keyItems(ctx, parent, pos, range, siblingKeys(ctx, parent), 'block', '');
  if (isWord(rest)) items.push(...newItem(ctx, parent, pos, range, true, ''));
  return items;
}

// ---- the indentation outline ------------------------------------------------------------------

/** An open structure at a column: a `key:` or a sequence entry's `- `. */
interface Frame {
  readonly col: number;
  readonly kind: 'key' | 'dash';
  readonly path: Path;
  /** A key with nothing after the colon: a sequence may follow at the key's own column. */
  readonly open: boolean;
}

interface Token {
  readonly line: number;
  readonly kind: 'key' | 'dash';
  readonly path: Path;
  /** The scalar after a dash (`- D1`), for not offering an id twice in one list. */
  readonly scalar?: string;
}

interface Outline {
  readonly tokens: readonly Token[];
  readonly stackAtCursorLine: readonly Frame[];
  readonly cursorInBlockScalar: boolean;
  /** Spaces per nesting level in this document. */
  readonly indentUnit: number;
  /** True when sequences sit at their key's column (`key:\n- item`). */
  readonly flushSequences: boolean;
}

// A plain key never ends in a blank, so `[ \t]*` before the colon has nothing to share with it:
// `[^#]*?[ \t]*:` backtracks quadratically on a long run of spaces.
const keyPattern =
  /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{}[\],&*!|>%@`-](?:[ \t]*[^ \t#])*?|-[^\s#](?:[ \t]*[^ \t#])*?)[ \t]*:(?=[ \t]|$)/;
const blockScalarHeader = /^[|>][0-9+-]*[ \t]*(#.*)?$/;

function pushFrame(stack: Frame[], col: number, kind: 'key' | 'dash', name: string, open: boolean): Frame {
  let previousDash: Frame | undefined;
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (!top || top.col < col) break;
    // `key:` followed by `- item` at the same column: the sequence is the key's value.
    if (top.col === col && kind === 'dash' && top.kind === 'key' && top.open) break;
    stack.pop();
    if (top.col === col && top.kind === 'dash') previousDash = top;
  }
  const parent = topPath(stack);
  const last = previousDash?.path[previousDash.path.length - 1];
  const segment: PathSegment = kind === 'dash' ? (typeof last === 'number' ? last + 1 : 0) : name;
  const frame: Frame = { col, kind, path: [...parent, segment], open };
  stack.push(frame);
  return frame;
}

function popTo(stack: Frame[], col: number): void {
  while (stack.length > 0 && (stack[stack.length - 1]?.col ?? -1) >= col) stack.pop();
}

function topPath(stack: readonly Frame[]): Path {
  return stack[stack.length - 1]?.path ?? [];
}

/** One pass over the lines: the path of every `key:` and `- `, and the open structures at the cursor's line. */
function scanOutline(doc: ScopeDocument, cursorLine: number, cursorCol: number): Outline {
  const tokens: Token[] = [];
  const stack: Frame[] = [];
  let stackAtCursorLine: readonly Frame[] = [];
  let cursorInBlockScalar = false;
  let blockScalarOwner: number | undefined;
  let indentUnit: number | undefined;
  let flushSequences: boolean | undefined;
  for (let line = 0; line < doc.lineCount; line++) {
    const text = doc.lineText(line);
    const indent = leadingSpaces(text);
    const blank = indent === text.length;
    if (blockScalarOwner !== undefined) {
      // On a blank line the cursor's column says whether the text goes on or a new key starts.
      const inside = line === cursorLine && blank ? cursorCol > blockScalarOwner : blank || indent > blockScalarOwner;
      if (inside) {
        if (line === cursorLine) cursorInBlockScalar = true;
        continue;
      }
      blockScalarOwner = undefined;
    }
    if (line === cursorLine) stackAtCursorLine = [...stack];
    if (blank || doc.isCommentLine(line) || text.startsWith('---') || text.startsWith('...') || text.startsWith('%')) continue;
    // The line up to its comment, as the parser found it (a `#` inside quotes is text).
    const content = doc.lineTextWithoutComment(line);
    let pos = indent;
    let owner: number | undefined;
    const record = (frame: Frame, parent: Frame | undefined): void => {
      if (parent?.kind === 'key' && line !== cursorLine) {
        if (frame.kind === 'key' && indentUnit === undefined && frame.col > parent.col) indentUnit = frame.col - parent.col;
        if (frame.kind === 'dash' && flushSequences === undefined) flushSequences = frame.col === parent.col;
      }
    };
    while (text[pos] === '-' && (pos + 1 === text.length || isBlank(text[pos + 1]))) {
      const parent = parentFor(stack, pos, 'dash');
      const frame = pushFrame(stack, pos, 'dash', '', false);
      record(frame, parent);
      owner = pos;
      pos++;
      while (isBlank(text[pos])) pos++;
      const after = text.slice(pos);
      if (!keyPattern.test(after) && after[0] !== '-') {
        const scalar = content.slice(pos).trim();
        tokens.push({ line, kind: 'dash', path: frame.path, ...(scalar ? { scalar: unquoteKey(scalar) } : {}) });
        break;
      }
      tokens.push({ line, kind: 'dash', path: frame.path });
    }
    const key = keyPattern.exec(text.slice(pos));
    let value = text.slice(pos);
    if (key) {
      value = content.slice(pos + key[0].length).trim();
      const parent = parentFor(stack, pos, 'key');
      const frame = pushFrame(stack, pos, 'key', unquoteKey(key[1] ?? ''), value === '' || /^[&!]\S*$/.test(value));
      record(frame, parent);
      tokens.push({ line, kind: 'key', path: frame.path });
      owner = pos;
    } else {
      value = content.slice(pos).trim();
    }
    if (owner !== undefined && blockScalarHeader.test(value)) blockScalarOwner = owner;
  }
  if (cursorLine >= doc.lineCount) stackAtCursorLine = [...stack];
  return { tokens, stackAtCursorLine, cursorInBlockScalar, indentUnit: indentUnit ?? 2, flushSequences: flushSequences ?? false };
}

/** The frame a new token at `col` will sit under (for learning the document's indentation). */
function parentFor(stack: readonly Frame[], col: number, kind: 'key' | 'dash'): Frame | undefined {
  for (let i = stack.length - 1; i >= 0; i--) {
    const frame = stack[i];
    if (!frame) continue;
    if (frame.col < col || (frame.col === col && kind === 'dash' && frame.kind === 'key' && frame.open)) return frame;
  }
  return undefined;
}

function isChildOf(path: Path, parent: Path): boolean {
  return path.length === parent.length + 1 && parent.every((segment, i) => segment === path[i]);
}

/** Keys already written in the block mapping at `parent` (other than on the cursor's line). */
function siblingKeys(ctx: Context, parent: Path): Set<string> {
  const keys = new Set<string>();
  for (const t of ctx.outline.tokens) {
    const last = t.path[t.path.length - 1];
    if (t.kind === 'key' && t.line !== ctx.line && typeof last === 'string' && isChildOf(t.path, parent)) keys.add(last);
  }
  return keys;
}

/** Scalars already written in the block sequence at `list` (other than on the cursor's line). */
function siblingScalars(ctx: Context, list: Path): Set<string> {
  const values = new Set<string>();
  for (const t of ctx.outline.tokens) {
    if (t.kind === 'dash' && t.scalar !== undefined && t.line !== ctx.line && isChildOf(t.path, list)) values.add(t.scalar);
  }
  return values;
}

// ---- flow collections on the cursor's line --------------------------------------------------

interface FlowFrame {
  readonly open: '{' | '[';
  readonly openCol: number;
  readonly path: Path;
  key: string | undefined;
  expectKey: boolean;
  index: number;
  itemStart: number;
}

/** Completion inside `{ ... }` or `[ ... ]` that starts at `openCol` on the cursor's line. */
function flowItems(ctx: Context, base: Path, openCol: number): CompletionItem[] {
  const { lineText: text, cursor } = ctx;
  const frames: FlowFrame[] = [];
  let quote: string | undefined;
  for (let i = openCol; i < cursor; i++) {
    const ch = text[i];
    const top = frames[frames.length - 1];
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"') i++;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '{' || ch === '[') {
      const segment: PathSegment | undefined = !top ? undefined : top.open === '{' ? (top.key ?? '') : top.index;
      frames.push({
        open: ch,
        openCol: i,
        path: segment === undefined ? base : [...top!.path, segment],
        key: undefined,
        expectKey: ch === '{',
        index: 0,
        itemStart: i + 1,
      });
    } else if (ch === '}' || ch === ']') {
      frames.pop();
      if (frames.length === 0) return [];
    } else if (ch === ',' && top) {
      if (top.open === '{') {
        top.expectKey = true;
        top.key = undefined;
      } else top.index++;
      top.itemStart = i + 1;
    } else if (ch === ':' && top?.open === '{' && top.expectKey && /^[\s,}]?$/.test(text[i + 1] ?? '')) {
      top.key = unquoteKey(text.slice(top.itemStart, i).trim());
      top.expectKey = false;
      top.itemStart = i + 1;
    }
  }
  const top = frames[frames.length - 1];
  if (!top || quote) return [];
  let start = top.itemStart;
  while (start < cursor && isBlank(text[start])) start++;
  let end = cursor;
  while (end < text.length && !/[,\]}]/.test(text[end] ?? '') && !(top.expectKey && text[end] === ':')) end++;
  while (end > cursor && isBlank(text[end - 1])) end--;
  const range = lineRange(ctx, start, end);
  const others = flowEntries(text, top.openCol, commentColumn(ctx.doc, ctx.line)).filter((e) => !(e.start <= cursor && cursor <= e.end));
  if (top.open === '{' && top.expectKey) {
    if (!/^[A-Za-z0-9_-]*$/.test(text.slice(start, cursor))) return [];
    const existing = new Set(others.flatMap((e) => (e.key === undefined ? [] : [e.key])));
    return keyItems(
      ctx,
      top.path,
      start,
      range,
      existing,
      'flow',
      start === top.itemStart && text[start - 1] !== ' ' && text[start - 1] !== '{' ? ' ' : '',
    );
  }
  const path = top.open === '{' ? [...top.path, top.key ?? ''] : [...top.path, top.index];
  const existing = new Set(others.flatMap((e) => (e.value === undefined ? [] : [e.value])));
  const prefix =
    start === cursor && start > 0 && !isBlank(text[start - 1]) && text[start - 1] !== '[' && text[start - 1] !== '{' ? ' ' : '';
  return valueItems(ctx, path, range, prefix, top.open === '[' ? existing : new Set(), true);
}

interface FlowEntry {
  readonly start: number;
  readonly end: number;
  readonly key: string | undefined;
  readonly value: string | undefined;
}

/** The entries of the flow collection opening at `openCol`, up to its end or the line's comment. */
function flowEntries(text: string, openCol: number, commentCol: number | undefined): FlowEntry[] {
  const isMap = text[openCol] === '{';
  const entries: FlowEntry[] = [];
  let depth = 0;
  let quote: string | undefined;
  let itemStart = openCol + 1;
  let key: string | undefined;
  const finish = (end: number): void => {
    const raw = text.slice(itemStart, end).trim();
    if (raw === '' && key === undefined) return;
    entries.push({ start: itemStart, end, key, value: key === undefined && !isMap ? unquoteKey(raw) : undefined });
  };
  const stop = commentCol ?? text.length;
  let i = openCol;
  for (; i < stop; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"') i++;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 0) break;
    } else if (depth === 1 && ch === ',') {
      finish(i);
      itemStart = i + 1;
      key = undefined;
    } else if (depth === 1 && isMap && ch === ':' && key === undefined && /^[\s,}]?$/.test(text[i + 1] ?? '')) {
      key = unquoteKey(text.slice(itemStart, i).trim());
    }
  }
  finish(i);
  return entries;
}

// ---- completion items -------------------------------------------------------------------------

type Style = 'block' | 'flow';

function keyItems(
  ctx: Context,
  parent: Path,
  keyCol: number,
  range: Range,
  existing: ReadonlySet<string>,
  style: Style,
  prefix: string,
): CompletionItem[] {
  const required = new Set(requiredAt(parent));
  const after = ctx.lineText.slice(range.end.character);
  // Completing the name of a key that already has its colon: replace the name only.
  const hasColon = /^[ \t]*:/.test(after);
  const items: CompletionItem[] = [];
  propertiesAt(parent).forEach(([key, schema], order) => {
    if (existing.has(key)) return;
    const item: CompletionItem = {
      label: key,
      kind: CompletionItemKind.Property,
      detail: `${typeof schema.title === 'string' ? schema.title : key}${required.has(key) ? ' (required)' : ''}`,
      documentation: { kind: 'markdown', value: schemaMarkdown(schema, key) },
      sortText: String(order).padStart(3, '0'),
      filterText: key,
    };
    if (hasColon) {
      items.push({ ...item, textEdit: { range, newText: prefix + key } });
      return;
    }
    const insertion =
      style === 'flow'
        ? { text: `${key}: `, snippet: false, again: wantsSuggestions([...parent, key]) }
        : keyInsertion(ctx, [...parent, key], schema, keyCol);
    items.push({
      ...item,
      textEdit: { range, newText: prefix + insertion.text },
      insertTextFormat: insertion.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      // The text carries its own indentation, computed from the document's.
      ...(insertion.text.includes('\n') ? { insertTextMode: InsertTextMode.asIs } : {}),
      ...(insertion.again ? { command: suggestAgain } : {}),
    });
  });
  return items;
}

interface Insertion {
  readonly text: string;
  readonly snippet: boolean;
  /** Open the suggestion list again after inserting (values to choose from follow). */
  readonly again: boolean;
}

/** `key: `, or a block skeleton with the required children of an object or a list of objects. */
function keyInsertion(ctx: Context, path: Path, schema: SchemaNode, keyCol: number): Insertion {
  const key = String(path[path.length - 1]);
  const { indentUnit, flushSequences } = ctx.outline;
  const childCol = keyCol + indentUnit;
  if (isObjectSchema(schema)) {
    const tabstop = { next: 1 };
    const body = requiredBody(ctx, path, childCol, tabstop);
    if (body) return { text: `${key}:\n${body}`, snippet: true, again: false };
    return { text: `${key}:\n${' '.repeat(childCol)}`, snippet: false, again: true };
  }
  if (isArraySchema(schema)) {
    if (isReferenceListAt(path)) return { text: `${key}: [$1]`, snippet: true, again: true };
    const dashCol = flushSequences ? keyCol : childCol;
    const items = schemaAt([...path, 0]);
    if (isObjectSchema(items)) {
      const body = requiredBody(ctx, [...path, 0], dashCol + 2, { next: 1 });
      if (body) return { text: `${key}:\n${' '.repeat(dashCol)}- ${body.slice(dashCol + 2)}`, snippet: true, again: false };
    }
    return { text: `${key}:\n${' '.repeat(dashCol)}- `, snippet: false, again: !isObjectSchema(items) && wantsSuggestions([...path, 0]) };
  }
  return { text: `${key}: `, snippet: false, again: wantsSuggestions(path) };
}

/** The required children of the object at `path`, one per line at `col`, as snippet text ('' when none). */
function requiredBody(ctx: Context, path: Path, col: number, tabstop: { next: number }): string {
  const pad = ' '.repeat(col);
  const lines: string[] = [];
  for (const child of requiredAt(path)) {
    const childPath = [...path, child];
    const schema = schemaAt(childPath);
    if (isObjectSchema(schema)) {
      const body = requiredBody(ctx, childPath, col + ctx.outline.indentUnit, tabstop);
      lines.push(body ? `${pad}${child}:\n${body}` : `${pad}${child}: {}`);
      continue;
    }
    if (isArraySchema(schema)) {
      lines.push(`${pad}${child}: [$${tabstop.next++}]`);
      continue;
    }
    const kind = child === 'id' ? definitionKindAt(path) : undefined;
    lines.push(kind ? `${pad}${child}: \${${tabstop.next++}:${nextId(ctx.doc, kind)}}` : `${pad}${child}: $${tabstop.next++}`);
  }
  return lines.join('\n');
}

/** A new entry for the list at `list`: its snippet where the list has one, else its required children (`- id: D4\n  title: `). */
function newItem(ctx: Context, list: Path, itemCol: number, range: Range, withDash: boolean, prefix: string): CompletionItem[] {
  const listSchema = schemaAt(list);
  if (!isArraySchema(listSchema)) return [];
  const itemPath = [...list, 0];
  if (!isObjectSchema(schemaAt(itemPath))) return [];
  const contentCol = withDash ? itemCol + 2 : itemCol;
  const snippet = itemSnippets.find((s) => s.list.length === list.length && s.list.every((segment, i) => list[i] === segment));
  if (snippet) {
    const [first = '', ...more] = snippet.body(ctx.doc, ctx.outline.indentUnit);
    const body = [first, ...more.map((line) => ' '.repeat(contentCol) + line)].join('\n');
    return [
      {
        label: snippet.label,
        kind: CompletionItemKind.Snippet,
        detail: snippet.detail,
        documentation: { kind: 'markdown', value: snippet.documentation },
        // Above the keys of the entry: on a fresh entry the whole item is what is wanted.
        sortText: '!',
        preselect: true,
        filterText: snippet.filterText,
        textEdit: { range, newText: prefix + (withDash ? '- ' : '') + body },
        insertTextFormat: InsertTextFormat.Snippet,
        insertTextMode: InsertTextMode.asIs,
      },
    ];
  }
  const body = requiredBody(ctx, itemPath, contentCol, { next: 1 });
  if (!body) return [];
  const kind = definitionKindAt(itemPath);
  const required = requiredAt(itemPath);
  return [
    {
      label: withDash ? `- new ${kind ? idKindName(kind) : 'item'}` : `new ${kind ? idKindName(kind) : 'item'}`,
      kind: CompletionItemKind.Snippet,
      detail: `Required: ${required.join(', ')}`,
      sortText: '!',
      filterText: withDash ? '-' : required.join(' '),
      textEdit: { range, newText: prefix + (withDash ? '- ' : '') + body.slice(contentCol) },
      insertTextFormat: InsertTextFormat.Snippet,
      insertTextMode: InsertTextMode.asIs,
    },
  ];
}

// ---- item snippets ----------------------------------------------------------------------------

/**
 * The whole entry of a list, offered only inside that list. Every tab stop's default is valid
 * there (a fresh id, an id that exists, a number where a number goes, `null` for an unknown date),
 * so tabbing through leaves a file that parses and passes the schema; the TODO texts are left for
 * cost-tbd-placeholder to flag.
 */
interface ItemSnippet {
  readonly list: Path;
  readonly label: string;
  readonly filterText: string;
  readonly detail: string;
  readonly documentation: string;
  /** The entry's lines: the first after `- `, the others relative to the entry's content column. */
  body(doc: ScopeDocument, indentUnit: number): string[];
}

/** The ids of one kind, in document order. */
function idsOf(doc: ScopeDocument, kind: 'deliverable' | 'milestone'): string[] {
  return idIndex(doc)
    .definitions.filter((d) => d.kind === kind)
    .map((d) => d.id);
}

/** Snippet text: `$`, `}` and `\` are literal. */
function literal(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

const itemSnippets: readonly ItemSnippet[] = [
  {
    list: ['deliverables'],
    label: 'deliverable',
    filterText: 'deliverable',
    detail: 'New deliverable: id, title, acceptance criteria, due date, owner',
    documentation: 'A verifiable output with observable acceptance criteria (an entry of `deliverables`).',
    body: (doc, unit) => [
      `id: \${1:${literal(nextId(doc, 'deliverable'))}}`,
      'title: ${2:TODO what is delivered}',
      'acceptance_criteria:',
      `${' '.repeat(unit)}- \${3:TODO an observable, testable condition}`,
      'due: ${4:null}',
      'owner: ${5:vendor}',
    ],
  },
  {
    list: ['success_measures'],
    label: 'success_measure',
    filterText: 'success_measure measure sla',
    detail: 'New success measure: metric, target, unit, how it is measured, what it judges',
    documentation:
      'A metric with a numeric target, its unit, how it is measured and the deliverables it judges (an entry of `success_measures`).',
    body: (doc) => {
      const deliverable = idsOf(doc, 'deliverable')[0];
      return [
        `id: \${1:${literal(nextId(doc, 'success_measure'))}}`,
        'metric: ${2:TODO what is measured}',
        'target: ${3:TODO}',
        'unit: ${4:TODO}',
        'measured_by: ${5:TODO data source or method}',
        ...(deliverable ? [`deliverables: [\${6:${literal(deliverable)}}]`] : []),
      ];
    },
  },
  {
    list: ['timeline', 'milestones'],
    label: 'milestone',
    filterText: 'milestone',
    detail: 'New milestone: id, name, date, the deliverables accepted by then',
    documentation: 'A dated point, with the deliverables accepted by then (an entry of `timeline.milestones`).',
    body: (doc) => {
      const deliverable = idsOf(doc, 'deliverable')[0];
      return [
        `id: \${1:${literal(nextId(doc, 'milestone'))}}`,
        'name: ${2:TODO what is reached}',
        'date: ${3:null}',
        ...(deliverable ? [`deliverables: [\${4:${literal(deliverable)}}]`] : []),
      ];
    },
  },
  {
    list: ['budget', 'payments'],
    label: 'payment',
    filterText: 'payment',
    detail: 'New payment: the milestone that releases it and its percent of the total',
    documentation:
      'A payment released when a milestone is reached (an entry of `budget.payments`). The percent offered is what the other payments leave of 100.',
    body: (doc) => {
      const milestones = idsOf(doc, 'milestone');
      const payments = doc.value && isRecord(doc.value) && isRecord(doc.value.budget) ? doc.value.budget.payments : undefined;
      const entries = Array.isArray(payments) ? payments.filter(isRecord) : [];
      const paid = new Set(entries.map((p) => p.milestone));
      const milestone = milestones.find((m) => !paid.has(m)) ?? milestones[milestones.length - 1] ?? nextId(doc, 'milestone');
      const percents = entries.map((p) => p.percent).filter((v): v is number => typeof v === 'number');
      const left = Math.max(0, Math.round((100 - percents.reduce((a, b) => a + b, 0)) * 100) / 100);
      return [`milestone: \${1:${literal(milestone)}}`, `percent: \${2:${left}}`];
    },
  },
  {
    list: ['changes'],
    label: 'change_request',
    filterText: 'change_request change cr',
    detail: 'New change request: summary, status, cost and schedule impact, what it affects',
    documentation:
      'A change request with its cost and schedule impact, proposed until a change-control approver approves it (an entry of `changes`; PMBOK §4.6).',
    body: (doc) => {
      const deliverable = idsOf(doc, 'deliverable')[0];
      return [
        `id: \${1:${literal(nextId(doc, 'change_request'))}}`,
        'raised: ${2:null}',
        'summary: ${3:TODO what changes}',
        'status: ${4:proposed}',
        'cost_impact: ${5:0}',
        'schedule_impact_days: ${6:0}',
        ...(deliverable ? [`affects: [\${7:${literal(deliverable)}}]`] : []),
      ];
    },
  },
];

/** Values for the scalar at `path`: ids where it is a reference, enum values, booleans. */
function valueItems(
  ctx: Context,
  path: Path,
  range: Range,
  prefix: string,
  exclude: ReadonlySet<string>,
  inFlow: boolean,
): CompletionItem[] {
  const items: CompletionItem[] = [];
  const refKind = referenceKindAt(path);
  const listOfRefs = !inFlow && !refKind && isReferenceListAt(path);
  if (refKind || listOfRefs) {
    const kind = refKind ?? referenceKindAt([...path, 0]);
    idIndex(ctx.doc)
      .definitions.filter((d) => kind !== undefined && kindMatches(d.kind, kind) && !exclude.has(d.id))
      .forEach((d, order) => {
        if (items.some((i) => i.label === d.id)) return;
        const detail = [idKindName(d.kind), d.date, d.label].filter((p) => p !== undefined && p !== '').join(' · ');
        items.push({
          label: d.id,
          kind: CompletionItemKind.Reference,
          detail,
          sortText: String(order).padStart(4, '0'),
          textEdit: { range, newText: prefix + (listOfRefs ? `[${d.id}]` : d.id) },
          ...(listOfRefs ? { filterText: d.id } : {}),
        });
      });
    return items;
  }
  const schema = schemaAt(path);
  enumAt(path).forEach(({ value, description }, order) => {
    const text = String(value);
    if (items.some((i) => i.label === text) || exclude.has(text)) return;
    items.push({
      label: text,
      kind: CompletionItemKind.EnumMember,
      ...(description ? { documentation: { kind: 'markdown', value: description } } : {}),
      sortText: String(order).padStart(3, '0'),
      textEdit: { range, newText: prefix + text },
    });
  });
  if (schema && schemaTypes(schema).includes('boolean')) {
    for (const value of ['true', 'false'])
      items.push({ label: value, kind: CompletionItemKind.Value, textEdit: { range, newText: prefix + value } });
  }
  return items;
}

/** True when the scalar at `path` has values to choose from. */
function wantsSuggestions(path: Path): boolean {
  if (referenceKindAt(path) || isReferenceListAt(path) || enumAt(path).length > 0) return true;
  const schema = schemaAt(path);
  return !!schema && schemaTypes(schema).includes('boolean');
}

// ---- schema shapes ----------------------------------------------------------------------------

function schemaTypes(schema: SchemaNode): string[] {
  const type = schema.type;
  if (typeof type === 'string') return [type];
  return Array.isArray(type) ? type.map(String) : [];
}

function isObjectSchema(schema: SchemaNode | undefined): boolean {
  return !!schema && (schemaTypes(schema).includes('object') || isRecord(schema.properties));
}

function isArraySchema(schema: SchemaNode | undefined): boolean {
  return !!schema && schemaTypes(schema).includes('array');
}

// ---- text helpers -----------------------------------------------------------------------------

/** Nothing yet, or a word being typed (a snippet's name). */
function isWord(text: string): boolean {
  return /^[A-Za-z_]*$/.test(text);
}

function isBlank(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t';
}

function leadingSpaces(text: string): number {
  let i = 0;
  while (text[i] === ' ') i++;
  return i;
}

/** The column where the line's comment starts, as the parser found it. */
function commentColumn(doc: ScopeDocument, line: number): number | undefined {
  const comment = doc.commentOnLine(line);
  return comment === undefined ? undefined : doc.positionAt(comment.offset).character;
}

function unquoteKey(text: string): string {
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) return text.slice(1, -1).replace(/\\(.)/g, '$1');
  if (text.length >= 2 && text.startsWith("'") && text.endsWith("'")) return text.slice(1, -1).replace(/''/g, "'");
  return text;
}

function lineRange(ctx: Context, start: number, end: number): Range {
  return { start: { line: ctx.line, character: start }, end: { line: ctx.line, character: end } };
}

/** From `start` to the end of the word the cursor is in. */
function wordRange(ctx: Context, start: number): Range {
  let end = ctx.cursor;
  while (end < ctx.lineText.length && /[A-Za-z0-9_-]/.test(ctx.lineText[end] ?? '')) end++;
  return lineRange(ctx, start, end);
}

/** A block scalar value: from its start to the end of the line, without a trailing comment. */
function blockValueRange(ctx: Context, start: number): Range {
  const content = ctx.doc.lineTextWithoutComment(ctx.line);
  let end = Math.max(content.length, ctx.cursor);
  while (end > ctx.cursor && isBlank(ctx.lineText[end - 1])) end--;
  return lineRange(ctx, Math.min(start, ctx.cursor), end);
}
