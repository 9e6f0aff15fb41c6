// The vocabulary shared by the document model, the rules and the features: paths, findings, fixes, rules.
import type { ScopeDocument } from './document';
import type { RuleSettings } from './settings';

/** A path into the document's data: keys of mappings and indices of sequences. */
export type PathSegment = string | number;
export type Path = readonly PathSegment[];

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeverityOverride = Severity | 'off';

export type RuleCategory = 'security' | 'expertise' | 'cost' | 'schedule' | 'governance' | 'structure';

/** The three risk areas of outsourcing a rule guards against: security threats, lack of expertise and oversight, hidden costs. */
export type RiskArea = 'security' | 'expertise' | 'cost';

/** A named public source a rule's reasoning rests on (a regulation, a standard, practitioner guidance). */
export interface Source {
  /** The full title, as listed under a docs page's Sources. */
  readonly name: string;
  /** The citation as a lead would say it (`GDPR Art. 28`, `FAR 16.601`): shown in hovers, SARIF help and docs. */
  readonly short: string;
  readonly url: string;
}

/**
 * A declarative edit, turned into text edits by `edits/` in the document's own style.
 * YAML fragments are written in block style; the engine re-indents them, or converts them
 * to flow style when the target collection is written in flow style.
 */
export type FixOp =
  /** Add `key: value` to the mapping at `parent` (creating missing parent mappings). */
  | { readonly op: 'insert'; readonly parent: Path; readonly key: string; readonly value: string }
  /** Replace the value at `path` with a YAML fragment. */
  | { readonly op: 'replace'; readonly path: Path; readonly value: string }
  /** Append an item (a YAML fragment) to the sequence at `path` (creating it if absent). */
  | { readonly op: 'append'; readonly path: Path; readonly value: string }
  /** Remove the first occurrence of `text` from the scalar at `path` (and a separator before it). */
  | { readonly op: 'removeText'; readonly path: Path; readonly text: string }
  /** Remove the key (or sequence item) at `path` with its value. */
  | { readonly op: 'delete'; readonly path: Path }
  /** Rename the key at `path` to `key`, keeping its value. */
  | { readonly op: 'renameKey'; readonly path: Path; readonly key: string };

/**
 * How far a fix can be trusted without a person looking at it (ruff's three levels):
 * - `safe`: the result is what the author meant, beyond doubt; "fix all" (and `--fix`) applies it.
 * - `unsafe`: a proposal a person must confirm (a guessed currency, a rebalanced payment, a new
 *   wording); applied only when asked for, one quick fix at a time.
 * - `display-only`: scaffolding with placeholders (`""`, `TODO`, `null`, `<...>`) a person must
 *   fill in; offered as a quick fix (with tab stops), never applied in bulk.
 */
export type Applicability = 'safe' | 'unsafe' | 'display-only';

export const applicabilities: readonly Applicability[] = ['safe', 'unsafe', 'display-only'];

export interface Fix {
  readonly title: string;
  readonly ops: readonly FixOp[];
  /** The one fix the editor offers first (and the one "fix all" applies when it is `safe`). */
  readonly preferred?: boolean;
  readonly applicability: Applicability;
}

export interface Finding {
  readonly ruleId: string;
  /** The node the finding is about; when it does not exist the finding lands on the nearest existing key. */
  readonly path: Path;
  /** Where on the node: its value (default), its key, or a piece of text inside a scalar (`occurrence`, 0-based, when the text repeats). */
  readonly at?: 'value' | 'key' | { readonly text: string; readonly occurrence?: number };
  readonly message: string;
  /** A sub-case at a different severity than the rule's default (the catalogue notes these). */
  readonly severity?: Severity;
  /** Computed facts shown on hover (Markdown, one line each): the payment sum, the cadence in days... */
  readonly facts?: readonly string[];
  readonly fixes?: readonly Fix[];
  /**
   * The finding is about the node's wording, read in spite of its form (a criterion written as a
   * sentence instead of a list): it does not replace the schema's finding on the node's form.
   */
  readonly besideSchema?: boolean;
}

export interface Rule {
  /** kebab-case, stable forever: a public name in settings, suppressions and CI output. */
  readonly id: string;
  readonly category: RuleCategory;
  readonly severity: Severity;
  readonly title: string;
  /** Markdown for hover, docs and SARIF help: why it is a risk, in plain words, citing named sources. */
  readonly explanation: string;
  /** The applicability levels this rule's fixes can have (none: the rule has no fix); shown on its docs page. */
  readonly fixes?: readonly Applicability[];
  /** The risk areas a finding belongs to (none for the integrity checks that other rules depend on). */
  readonly areas: readonly RiskArea[];
  /** Markdown for the docs page: what to do, in words; the quick fixes show the edits. */
  readonly remedy: string;
  /** The public sources behind the explanation and the thresholds, listed on the docs page. */
  readonly sources: readonly Source[];
  check(doc: ScopeDocument, settings: RuleSettings): Finding[];
}
