// Ids and the places that refer to them: go to definition, find all references and rename for
// the ids of deliverables (D1), success measures (SM1), milestones (M1) and change requests (CR1).
// Ids share one namespace (format §1.3: unique across all three lists), so an id is matched by
// its text alone, whichever list a reference expects it in.
import { isScalar, isSeq } from 'yaml';
import type { Location, Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { ScopeDocument } from './document';
import type { Path } from './types';

/** What an id names where it is defined. */
export type DefinitionKind = 'deliverable' | 'success_measure' | 'milestone' | 'change_request';
/** What a reference must name: `item` is any deliverable, milestone or success measure (a change's `affects`). */
export type IdKind = DefinitionKind | 'item';

/** True when a definition of `kind` is what a reference expecting `expected` names. */
export function kindMatches(kind: IdKind, expected: IdKind): boolean {
  return kind === expected || (expected === 'item' && kind !== 'change_request' && kind !== 'item');
}

export interface IdOccurrence {
  readonly id: string;
  readonly path: Path;
  /** Offsets of the id's text, inside the quotes of a quoted scalar, so edits keep the quoting. */
  readonly start: number;
  readonly end: number;
  /** What the id names (a definition) or must name (a reference). */
  readonly kind: IdKind;
  readonly role: 'definition' | 'reference';
}

export interface IdDefinition extends IdOccurrence {
  readonly role: 'definition';
  /** The item's title, metric or name, shown next to the id in completion and the outline. */
  readonly label: string | undefined;
  /** A milestone's date. */
  readonly date: string | undefined;
}

export interface IdIndex {
  readonly definitions: readonly IdDefinition[];
  readonly references: readonly IdOccurrence[];
}

/** Where ids are defined, with the field that labels each item. */
const definitionLists: readonly { readonly list: Path; readonly kind: DefinitionKind; readonly label: string }[] = [
  { list: ['deliverables'], kind: 'deliverable', label: 'title' },
  { list: ['success_measures'], kind: 'success_measure', label: 'metric' },
  { list: ['timeline', 'milestones'], kind: 'milestone', label: 'name' },
  { list: ['changes'], kind: 'change_request', label: 'summary' },
];

/** Where ids are referred to: `field` is a single id, `list` a sequence of ids. */
const referenceSites: readonly { readonly items: Path; readonly field: string; readonly many: boolean; readonly kind: IdKind }[] = [
  { items: ['timeline', 'milestones'], field: 'deliverables', many: true, kind: 'deliverable' },
  { items: ['success_measures'], field: 'deliverables', many: true, kind: 'deliverable' },
  { items: ['success_measures'], field: 'deliverable', many: false, kind: 'deliverable' },
  { items: ['deliverables'], field: 'depends_on', many: true, kind: 'deliverable' },
  { items: ['budget', 'payments'], field: 'milestone', many: false, kind: 'milestone' },
  { items: ['changes'], field: 'affects', many: true, kind: 'item' },
];

/** The id kind a value at `path` must name, when `path` is a reference site (for completion). */
export function referenceKindAt(path: Path): IdKind | undefined {
  for (const site of referenceSites) {
    const n = site.items.length;
    if (path.length !== n + (site.many ? 3 : 2)) continue;
    if (!site.items.every((segment, i) => path[i] === segment)) continue;
    if (typeof path[n] !== 'number' || path[n + 1] !== site.field) continue;
    if (site.many && typeof path[n + 2] !== 'number') continue;
    return site.kind;
  }
  return undefined;
}

/** The kind of id the item at `path` defines (`deliverables[2]` defines a deliverable id). */
export function definitionKindAt(path: Path): DefinitionKind | undefined {
  for (const { list, kind } of definitionLists) {
    if (path.length === list.length + 1 && typeof path[list.length] === 'number' && list.every((segment, i) => path[i] === segment))
      return kind;
  }
  return undefined;
}

/** True when the value at `path` is a list of ids (`deliverables: [D1, D2]`). */
export function isReferenceListAt(path: Path): boolean {
  return referenceKindAt([...path, 0]) !== undefined;
}

export const idPrefixes: Readonly<Record<DefinitionKind, string>> = {
  deliverable: 'D',
  success_measure: 'SM',
  milestone: 'M',
  change_request: 'CR',
};

const kindNames: Readonly<Record<IdKind, string>> = {
  deliverable: 'deliverable',
  success_measure: 'success measure',
  milestone: 'milestone',
  change_request: 'change request',
  item: 'deliverable, milestone or success measure',
};

export function idKindName(kind: IdKind): string {
  return kindNames[kind];
}

/** Each document's index, with its occurrences by group (one per definition list, then one per reference site). */
const indexes = new WeakMap<ScopeDocument, { readonly index: IdIndex; readonly groups: readonly (readonly IdOccurrence[])[] }>();

/** Every id definition and reference in the document, read from the syntax tree (so broken files still work). */
export function idIndex(doc: ScopeDocument): IdIndex {
  const cached = indexes.get(doc);
  if (cached) return cached.index;
  const groups = editedGroups(doc) ?? allGroups(doc);
  const count = definitionLists.length;
  const index: IdIndex = {
    definitions: groups.slice(0, count).flat() as IdDefinition[],
    references: groups.slice(count).flat(),
  };
  indexes.set(doc, { index, groups });
  return index;
}

function allGroups(doc: ScopeDocument): IdOccurrence[][] {
  const groups: IdOccurrence[][] = [];
  for (const spec of definitionLists) {
    const group: IdOccurrence[] = [];
    forEachItem(doc, spec.list, (itemPath) => definitionIn(doc, spec, itemPath, group));
    groups.push(group);
  }
  for (const site of referenceSites) {
    const group: IdOccurrence[] = [];
    forEachItem(doc, site.items, (itemPath) => referencesIn(doc, site, itemPath, group));
    groups.push(group);
  }
  return groups;
}

/**
 * After an edit reparsed one item of a top-level list (`ScopeDocument.edited`), the previous
 * version's index with that item's occurrences found again and every later one moved by the
 * edit's length: the rest of the tree and its text are unchanged. Undefined when there is none.
 */
function editedGroups(doc: ScopeDocument): IdOccurrence[][] | undefined {
  const edit = doc.edit;
  const previous = edit?.previous ? indexes.get(edit.previous) : undefined;
  if (!edit || !previous) return undefined;
  const specs: readonly { readonly items: Path; readonly fill: (itemPath: Path, into: IdOccurrence[]) => void }[] = [
    ...definitionLists.map((spec) => ({
      items: spec.list,
      fill: (itemPath: Path, into: IdOccurrence[]) => definitionIn(doc, spec, itemPath, into),
    })),
    ...referenceSites.map((site) => ({
      items: site.items,
      fill: (itemPath: Path, into: IdOccurrence[]) => referencesIn(doc, site, itemPath, into),
    })),
  ];
  return previous.groups.map((group, g) => {
    const spec = specs[g];
    const depth = edit.list.length;
    const local = spec !== undefined && spec.items.length === depth && spec.items.every((segment, i) => segment === edit.list[i]);
    const out: IdOccurrence[] = [];
    let placed = !local;
    const place = (): void => {
      if (!placed && spec) spec.fill([...edit.list, edit.index], out);
      placed = true;
    };
    for (const o of group) {
      const item = o.path[depth];
      if (local && item === edit.index) {
        place();
        continue;
      }
      if (local && typeof item === 'number' && item > edit.index) place();
      out.push(o.start >= edit.oldEnd ? { ...o, start: o.start + edit.delta, end: o.end + edit.delta } : o);
    }
    place();
    return out;
  });
}

function definitionIn(
  doc: ScopeDocument,
  { kind, label }: { readonly kind: DefinitionKind; readonly label: string },
  itemPath: Path,
  into: IdOccurrence[],
): void {
  const occurrence = idOccurrence(doc, [...itemPath, 'id'], kind, 'definition');
  if (!occurrence) return;
  const date = kind === 'milestone' ? scalarText(doc.nodeAt([...itemPath, 'date'])) : undefined;
  const definition: IdDefinition = { ...occurrence, role: 'definition', label: scalarText(doc.nodeAt([...itemPath, label])), date };
  into.push(definition);
}

function referencesIn(
  doc: ScopeDocument,
  site: { readonly field: string; readonly many: boolean; readonly kind: IdKind },
  itemPath: Path,
  into: IdOccurrence[],
): void {
  const fieldPath = [...itemPath, site.field];
  if (!site.many) {
    const occurrence = idOccurrence(doc, fieldPath, site.kind, 'reference');
    if (occurrence) into.push(occurrence);
    return;
  }
  forEachItem(doc, fieldPath, (refPath) => {
    const occurrence = idOccurrence(doc, refPath, site.kind, 'reference');
    if (occurrence) into.push(occurrence);
  });
}

function forEachItem(doc: ScopeDocument, path: Path, visit: (itemPath: Path) => void): void {
  const node = doc.nodeAt(path);
  if (!isSeq(node)) return;
  for (let i = 0; i < node.items.length; i++) visit([...path, i]);
}

/** A scalar's value as text (numbers and booleans too); undefined for null and collections. */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const value = node.value;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  // YAML 1.1 timestamps, when a custom schema makes them dates.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  return undefined;
}

function idOccurrence(doc: ScopeDocument, path: Path, kind: IdKind, role: 'definition' | 'reference'): IdOccurrence | undefined {
  const node = doc.nodeAt(path);
  if (!isScalar(node) || typeof node.value !== 'string' || node.value === '' || !node.range) return undefined;
  let [start, end] = [node.range[0], node.range[1]];
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  if (quoted && end - start >= 2) {
    start++;
    end--;
  }
  // Only a plain or single-line quoted id can be edited in place; anything else is not an id.
  if (doc.text.slice(start, end) !== node.value) return undefined;
  return { id: node.value, path, start, end, kind, role };
}

/** The id definition or reference under the cursor. */
export function occurrenceAt(doc: ScopeDocument, position: Position): IdOccurrence | undefined {
  const offset = doc.offsetAt(position);
  const { definitions, references } = idIndex(doc);
  return [...definitions, ...references].find((o) => o.start <= offset && offset <= o.end);
}

function rangeOf(doc: ScopeDocument, o: IdOccurrence): Range {
  return { start: doc.positionAt(o.start), end: doc.positionAt(o.end) };
}

function locationOf(doc: ScopeDocument, o: IdOccurrence): Location {
  return { uri: doc.uri, range: rangeOf(doc, o) };
}

/** Go to definition: from a reference (or a definition) to every definition of that id. */
export function definition(doc: ScopeDocument, position: Position): Location[] | null {
  const at = occurrenceAt(doc, position);
  if (!at) return null;
  const found = idIndex(doc).definitions.filter((d) => d.id === at.id);
  return found.length > 0 ? found.map((d) => locationOf(doc, d)) : null;
}

/** Find all references: every place the id under the cursor is used, in document order. */
export function references(doc: ScopeDocument, position: Position, includeDeclaration: boolean): Location[] | null {
  const at = occurrenceAt(doc, position);
  if (!at) return null;
  return occurrencesOf(doc, at.id)
    .filter((o) => includeDeclaration || o.role === 'reference')
    .map((o) => locationOf(doc, o));
}

function occurrencesOf(doc: ScopeDocument, id: string): IdOccurrence[] {
  const { definitions, references: refs } = idIndex(doc);
  return [...definitions, ...refs].filter((o) => o.id === id).sort((a, b) => a.start - b.start);
}

export function prepareRename(doc: ScopeDocument, position: Position): { range: Range; placeholder: string } | null {
  const at = occurrenceAt(doc, position);
  return at ? { range: rangeOf(doc, at), placeholder: at.id } : null;
}

export type RenameResult = { readonly edit: WorkspaceEdit } | { readonly error: string };

/** The id grammar of the schema (`definitions.id`). */
const idPattern = /^[A-Za-z][A-Za-z0-9_-]*$/;
const maxIdLength = 64;
// YAML 1.1 parsers (PyYAML, js-yaml's default schema) read these as booleans or null, so such an id would not survive them.
const reservedWords = /^(y|yes|n|no|true|false|on|off|null)$/i;

/** Why `id` cannot be an id, or undefined when it can. */
export function invalidIdReason(id: string): string | undefined {
  if (!idPattern.test(id)) return `\`${id}\` is not a valid id: use a letter followed by letters, digits, \`_\` or \`-\` (e.g. \`D4\`).`;
  if (id.length > maxIdLength) return `An id has at most ${maxIdLength} characters.`;
  if (reservedWords.test(id)) return `\`${id}\` would be read as a boolean or null by YAML parsers; pick another id.`;
  return undefined;
}

/** Rename an id and every reference to it; refuses invalid ids and ids already in use. */
export function rename(doc: ScopeDocument, position: Position, newName: string): RenameResult | null {
  const at = occurrenceAt(doc, position);
  if (!at) return null;
  const edit: WorkspaceEdit = { changes: { [doc.uri]: [] } };
  if (newName === at.id) return { edit };
  const invalid = invalidIdReason(newName);
  if (invalid) return { error: invalid };
  const taken = idIndex(doc).definitions.find((d) => d.id === newName);
  if (taken) {
    const line = doc.positionAt(taken.start).line + 1;
    return {
      error: `\`${newName}\` is already the id of a ${idKindName(taken.kind)} (line ${line}); ids must be unique across deliverables, success measures, milestones and change requests.`,
    };
  }
  const edits: TextEdit[] = occurrencesOf(doc, at.id).map((o) => ({ range: rangeOf(doc, o), newText: newName }));
  return { edit: { changes: { [doc.uri]: edits } } };
}

/** `D4` after `D1`..`D3`: one more than the highest number used with the kind's prefix. */
export function nextId(doc: ScopeDocument, kind: DefinitionKind): string {
  const prefix = idPrefixes[kind];
  const pattern = new RegExp(`^${prefix}(\\d+)$`);
  let highest = 0;
  for (const d of idIndex(doc).definitions) {
    const m = pattern.exec(d.id);
    if (m) highest = Math.max(highest, Number(m[1]));
  }
  return `${prefix}${highest + 1}`;
}
