// Outline (document symbols): one symbol per top-level section, with what identifies it at a
// glance (project and vendor names, the budget total, the period of performance), and the
// deliverables, success measures and milestones by id, each with its title, metric or date.
import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import type { ScopeDocument } from './document';
import { formatAmount } from './model';
import { idIndex, scalarText as scalarString, type IdDefinition, type IdKind } from './references';
import type { Path } from './types';

const sectionKinds: Readonly<Record<string, SymbolKind>> = {
  scope_version: SymbolKind.Constant,
  project: SymbolKind.Package,
  budget: SymbolKind.Number,
  timeline: SymbolKind.Event,
};

/** The lists whose entries appear in the outline, by id. */
const itemLists: readonly { readonly list: Path; readonly kind: IdKind; readonly symbol: SymbolKind }[] = [
  { list: ['deliverables'], kind: 'deliverable', symbol: SymbolKind.Object },
  { list: ['success_measures'], kind: 'success_measure', symbol: SymbolKind.Field },
  { list: ['timeline', 'milestones'], kind: 'milestone', symbol: SymbolKind.Event },
];

export function documentSymbols(doc: ScopeDocument): DocumentSymbol[] {
  const root = doc.yaml?.contents;
  if (!isMap(root)) return [];
  const symbols: DocumentSymbol[] = [];
  for (const pair of root.items) {
    const key = scalarString(pair.key);
    if (key === undefined) continue;
    const range = pairRange(doc, pair);
    if (!range) continue;
    const selectionRange = nodeRange(doc, pair.key) ?? range;
    const detail = sectionDetail(doc, key);
    const children = [...itemSymbols(doc, [key]), ...(key === 'timeline' ? itemSymbols(doc, ['timeline', 'milestones']) : [])];
    symbols.push({
      name: key,
      kind: sectionKinds[key] ?? SymbolKind.Module,
      range,
      selectionRange,
      ...(detail ? { detail } : {}),
      ...(children.length ? { children } : {}),
    });
  }
  return symbols;
}

/** What identifies a section at a glance. */
function sectionDetail(doc: ScopeDocument, key: string): string | undefined {
  const text = (path: Path): string | undefined => scalarString(doc.nodeAt(path));
  switch (key) {
    case 'project':
      return text(['project', 'name']);
    case 'vendor':
      return text(['vendor', 'name']);
    case 'budget': {
      const total = doc.nodeAt(['budget', 'total']);
      const amount = isScalar(total) && typeof total.value === 'number' ? formatAmount(total.value) : scalarString(total);
      if (amount === undefined) return undefined;
      return [amount, text(['budget', 'currency'])].filter(Boolean).join(' ');
    }
    case 'timeline': {
      const [start, end] = [text(['timeline', 'start']), text(['timeline', 'end'])];
      return start || end ? `${start ?? '?'} → ${end ?? '?'}` : undefined;
    }
    case 'security':
      return text(['security', 'data_classification']);
    case 'governance':
      return text(['governance', 'check_in_cadence']);
    default:
      return undefined;
  }
}

/** The entries of a deliverables, success_measures or milestones list. */
function itemSymbols(doc: ScopeDocument, list: Path): DocumentSymbol[] {
  const spec = itemLists.find((l) => l.list.length === list.length && l.list.every((s, i) => s === list[i]));
  const seq = doc.nodeAt(list);
  if (!spec || !isSeq(seq)) return [];
  const definitions = idIndex(doc).definitions;
  const symbols: DocumentSymbol[] = [];
  seq.items.forEach((item, index) => {
    const range = nodeRange(doc, item as Node, true);
    if (!range) return;
    const definition = definitions.find(
      (d) => d.path.length === list.length + 2 && d.path[list.length] === index && list.every((s, i) => d.path[i] === s),
    );
    const selectionRange = definition ? { start: doc.positionAt(definition.start), end: doc.positionAt(definition.end) } : range;
    symbols.push({
      name: definition?.id ?? `${list.join('.')}[${index}]`,
      kind: spec.symbol,
      range,
      selectionRange,
      ...itemDetail(definition),
    });
  });
  return symbols;
}

function itemDetail(definition: IdDefinition | undefined): { detail?: string } {
  if (!definition) return {};
  const detail = [definition.date, definition.label].filter((p) => p !== undefined && p !== '').join(' · ');
  return detail ? { detail } : {};
}

/** A pair's full range: from its key to the end of its value. */
function pairRange(doc: ScopeDocument, pair: Pair): Range | undefined {
  const key = pair.key as Node | null;
  if (!key?.range) return undefined;
  const value = pair.value as Node | null;
  const end = value?.range ? Math.max(value.range[1], key.range[1]) : key.range[1];
  return offsetsRange(doc, key.range[0], end);
}

/** A node's full range; with `withDash`, a sequence entry starts at its `- `. */
function nodeRange(doc: ScopeDocument, node: Node | null, withDash = false): Range | undefined {
  if (!node?.range) return undefined;
  let start = node.range[0];
  if (withDash) {
    let i = start - 1;
    while (i >= 0 && doc.text[i] === ' ') i--;
    if (doc.text[i] === '-') start = i;
  }
  return offsetsRange(doc, start, node.range[1]);
}

function offsetsRange(doc: ScopeDocument, start: number, end: number): Range {
  let stop = end;
  // A block collection's value ends after its last line break; the symbol ends on its last character.
  while (stop > start && /\s/.test(doc.text[stop - 1] ?? '')) stop--;
  return { start: doc.positionAt(start), end: doc.positionAt(stop) };
}
