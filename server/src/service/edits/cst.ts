// The `yaml` library's concrete syntax tree of a document: every token with its offset, comments and
// separators included. Edits read separators (a flow collection's commas, a sequence's dashes) and
// scalar styles from it instead of scanning the text. Parsed once per document version, and only
// when a fix is resolved (most versions never are), or taken from the model when it kept its tree.
import { CST, Parser } from 'yaml';
import type { ScopeDocument } from '../document';

/** The tokens that begin at each offset (a collection and its first item's key can share one). */
type TokenIndex = Map<number, CST.Token[]>;

const indexes = new WeakMap<ScopeDocument, TokenIndex>();

function indexOf(doc: ScopeDocument): TokenIndex {
  let index = indexes.get(doc);
  if (index) return index;
  index = new Map();
  const add = (token: CST.Token | undefined): void => {
    if (!token) return;
    const list = index?.get(token.offset);
    if (list) list.push(token);
    else index?.set(token.offset, [token]);
  };
  const indexDocument = (token: CST.Document): void => {
    add(token.value);
    CST.visit(token, (item) => {
      add(item.key ?? undefined);
      add(item.value);
    });
  };
  if (doc.cst) indexDocument(doc.cst);
  else {
    // As ScopeDocument parses: a lone CR is a line break (same length, so offsets hold).
    const text = doc.text.includes('\r') ? doc.text.replace(/\r(?!\n)/g, '\n') : doc.text;
    for (const token of new Parser().parse(text)) {
      // Only the first document is checked, and only it is ever edited.
      if (token.type !== 'document') continue;
      indexDocument(token);
      break;
    }
  }
  indexes.set(doc, index);
  return index;
}

export type FlowScalarToken = CST.FlowScalar;

/** The plain or quoted scalar token that starts at `offset`. */
export function flowScalarAt(doc: ScopeDocument, offset: number): CST.FlowScalar | undefined {
  return indexOf(doc)
    .get(offset)
    ?.find((t): t is CST.FlowScalar => t.type === 'scalar' || t.type === 'single-quoted-scalar' || t.type === 'double-quoted-scalar');
}

/** The flow collection (`[...]` or `{...}`) whose bracket is at `offset`. */
export function flowCollectionAt(doc: ScopeDocument, offset: number): CST.FlowCollection | undefined {
  return indexOf(doc)
    .get(offset)
    ?.find((t): t is CST.FlowCollection => t.type === 'flow-collection');
}

/** The block sequence whose first item starts at `offset`. */
export function blockSeqAt(doc: ScopeDocument, offset: number): CST.BlockSequence | undefined {
  return indexOf(doc)
    .get(offset)
    ?.find((t): t is CST.BlockSequence => t.type === 'block-seq');
}
