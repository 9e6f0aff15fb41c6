// Turns declarative fix operations into text edits in the document's own indentation and style.
import type { TextEdit } from 'vscode-languageserver-types';
import type { ScopeDocument } from './document';
import type { Fix } from './types';

export interface ResolvedFix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  readonly preferred?: boolean;
  readonly safe?: boolean;
}

/** The text edits of a fix, or undefined when it cannot be applied to this document. */
export function resolveFix(_doc: ScopeDocument, _fix: Fix): ResolvedFix | undefined {
  return undefined;
}
