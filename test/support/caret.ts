// Test inputs with a `|` caret marking the cursor (as in yaml-language-server's tests), and
// applying the edits a feature returns to get the text the user would see.
import type { Position, TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ScopeDocument } from '../../server/src/service/document';

export interface AtCaret {
  readonly doc: ScopeDocument;
  readonly text: string;
  readonly position: Position;
}

/** Parses `source` without its one `|` caret; the position is where the caret was. */
export function atCaret(source: string, uri = 'file:///test.scope.yaml'): AtCaret {
  const offset = source.indexOf('|');
  if (offset < 0 || source.indexOf('|', offset + 1) >= 0) throw new Error(`expected exactly one | caret in ${JSON.stringify(source)}`);
  const text = source.slice(0, offset) + source.slice(offset + 1);
  const doc = new ScopeDocument(uri, 1, text);
  return { doc, text, position: doc.positionAt(offset) };
}

/** The text after applying edits (all against the original text, as LSP specifies). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///edit', 'scope-yaml', 1, text), [...edits]);
}

/** What a snippet inserts when the user accepts every placeholder as is. */
export function snippetText(snippet: string): string {
  return snippet
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '')
    .replace(/\\([$}\\])/g, '$1');
}
