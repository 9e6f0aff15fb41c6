// One parse and one validation per document text, shared by every request.
// Validation is scheduled, never debounced by a fixed delay: a change schedules work for the
// next turn of the event loop, so a burst of changes is validated once, at its last version.
//
// Results are keyed by the text itself as well as the version: a client may send a second
// `didOpen`, or a `didChange`, with a version number it has already used, and new text.
import type { Diagnostic } from 'vscode-languageserver';
import { ScopeDocument } from './service/document';
import type { InputProblem } from './service/inputGuard';
import type { RuleSettings } from './service/settings';

interface Entry {
  readonly doc: ScopeDocument;
  readonly settings: RuleSettings;
}

/** One version of a document as the server saw it: `TextDocuments` changes its document objects in place. */
export interface Snapshot {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
}

/** Diagnostics computed elsewhere (the validation worker) for one text under one settings object. */
interface Validated {
  readonly version: number;
  readonly text: string;
  readonly settings: RuleSettings;
  readonly diagnostics: readonly Diagnostic[];
}

export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();
  private readonly validated = new Map<string, Validated>();

  /** The model of exactly this text, if already built. */
  cachedModel(snapshot: Snapshot, settings: RuleSettings): ScopeDocument | undefined {
    const entry = this.entries.get(snapshot.uri);
    // Equal strings of a few MB compare in a millisecond; usually they are the same string object.
    const same = entry && entry.doc.version === snapshot.version && entry.doc.text === snapshot.text;
    return same && entry.settings.limits === settings.limits ? entry.doc : undefined;
  }

  /** The parsed model of this exact text (parsed on first use: the caller decides it is safe to parse here). */
  model(snapshot: Snapshot, settings: RuleSettings): ScopeDocument {
    const { uri, version, text } = snapshot;
    return this.cachedModel(snapshot, settings) ?? this.keep(new ScopeDocument(uri, version, text, settings.limits), settings);
  }

  /** A model that is not parsed here, for a text the validation worker refused or could not parse quickly. */
  unparsed(snapshot: Snapshot, settings: RuleSettings, problem: InputProblem): ScopeDocument {
    const { uri, version, text } = snapshot;
    return this.cachedModel(snapshot, settings) ?? this.keep(new ScopeDocument(uri, version, text, settings.limits, problem), settings);
  }

  private keep(doc: ScopeDocument, settings: RuleSettings): ScopeDocument {
    this.entries.set(doc.uri, { doc, settings });
    return doc;
  }

  /** Keeps what the validation worker found for this text. */
  store(snapshot: Snapshot, settings: RuleSettings, diagnostics: readonly Diagnostic[]): void {
    this.validated.set(snapshot.uri, { version: snapshot.version, text: snapshot.text, settings, diagnostics });
  }

  /** The diagnostics of exactly this version and text under these settings, if already computed; never computes. */
  cached(snapshot: Snapshot, settings: RuleSettings): readonly Diagnostic[] | undefined {
    const stored = this.validated.get(snapshot.uri);
    const same = stored && stored.version === snapshot.version && stored.text === snapshot.text && stored.settings === settings;
    return same ? stored.diagnostics : undefined;
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
