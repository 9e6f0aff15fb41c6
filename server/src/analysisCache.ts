// One parse and one validation per document version, shared by every request.
// Validation is scheduled, never debounced by a fixed delay: a change schedules work for the
// next turn of the event loop, so a burst of changes is validated once, at its last version.
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ScopeDocument } from './service/document';
import type { RuleSettings } from './service/settings';
import { validate } from './service/validate';

export interface Entry {
  readonly doc: ScopeDocument;
  diagnostics: readonly Diagnostic[] | undefined;
  settings: RuleSettings | undefined;
}

/** Diagnostics computed elsewhere (the validation worker) for one version under one settings object. */
interface Validated {
  readonly version: number;
  readonly settings: RuleSettings;
  readonly diagnostics: readonly Diagnostic[];
}

export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();
  private readonly validated = new Map<string, Validated>();

  /** The parsed model of this exact version (parsed on first use). */
  model(document: TextDocument, settings: RuleSettings): ScopeDocument {
    const entry = this.entries.get(document.uri);
    if (entry && entry.doc.version === document.version && entry.settings?.limits === settings.limits) return entry.doc;
    const doc = new ScopeDocument(document.uri, document.version, document.getText(), settings.limits);
    this.entries.set(document.uri, { doc, diagnostics: undefined, settings });
    return doc;
  }

  /** Diagnostics of this exact version under these settings (validated on first use). */
  diagnostics(
    document: TextDocument,
    settings: RuleSettings,
    onRuleError?: (ruleId: string, error: unknown) => void,
  ): readonly Diagnostic[] {
    const doc = this.model(document, settings);
    const entry = this.entries.get(document.uri);
    if (entry && entry.doc === doc && entry.diagnostics && entry.settings === settings) return entry.diagnostics;
    const analysis = validate(doc, settings, onRuleError ? { onRuleError } : {});
    this.entries.set(document.uri, { doc, diagnostics: analysis.diagnostics, settings });
    return analysis.diagnostics;
  }

  /** Keeps what the validation worker found for this version. */
  store(uri: string, version: number, settings: RuleSettings, diagnostics: readonly Diagnostic[]): void {
    this.validated.set(uri, { version, settings, diagnostics });
  }

  /** The diagnostics of exactly this version (and these settings, when given), if already computed; never computes. */
  cached(uri: string, version: number, settings?: RuleSettings): readonly Diagnostic[] | undefined {
    const stored = this.validated.get(uri);
    if (stored && stored.version === version && (!settings || stored.settings === settings)) return stored.diagnostics;
    const entry = this.entries.get(uri);
    return entry && entry.doc.version === version && (!settings || entry.settings === settings) ? entry.diagnostics : undefined;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
    this.validated.delete(uri);
  }

  clear(): void {
    this.entries.clear();
    this.validated.clear();
  }
}
