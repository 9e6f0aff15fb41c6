// Checking a document again after an edit without redoing all of it (issue 15). Two savings, each
// exact or not taken:
// - Parsing: an edit inside one item of a top-level block sequence (a deliverable, a measure, a
//   payment) reparses that item alone (`ScopeDocument.edited`, which says when that is safe);
//   anything else parses the whole text.
// - Rules: a rule that read only the plain data of the document (`doc.value`), and there no
//   top-level section the edit changed, finds what it found before: its findings are kept. Which
//   sections each rule read is recorded while it runs; a rule that used the document any other way
//   (the syntax tree, the text, positions) is run again on every version.
// Schema checks, custom rules, suppressions and the folding of findings run on every version. The
// result equals `validate(new ScopeDocument(...))` of the same text (test/reliability/incremental.test.ts).
import { ScopeDocument } from './document';
import { todayDate } from './model';
import type { RuleSettings } from './settings';
import type { Finding, Path, Rule } from './types';
import { validate, type Analysis, type ValidateHooks } from './validate';

/** What one rule read and found on the last version. */
interface RuleRun {
  readonly findings: Finding[];
  /** The top-level keys of `doc.value` it read. */
  readonly sections: ReadonlySet<string>;
}

/** How the last check was made: for tests and the benchmark. */
export type CheckMode = 'full' | 'item';

export interface IncrementalOptions {
  /** Never reuse anything (a full check each time, with the same bookkeeping): for tests. */
  readonly disabled?: boolean;
}

/** One document's incremental checker: give it every version of that document in turn. */
export class IncrementalChecker {
  private doc: ScopeDocument | undefined;
  private settings: RuleSettings | undefined;
  private today: string | undefined;
  private runs = new Map<string, RuleRun>();
  /** Rules seen using more than `doc.value`: run with the real document, never kept. */
  private readonly documentWide = new Set<string>();
  /** How the last version was parsed. */
  lastMode: CheckMode = 'full';
  /** How many rules' findings the last check kept. */
  lastKept = 0;
  /** Milliseconds the last full parse took (set by the caller, which times it). */
  fullParseMs = 0;

  constructor(private readonly options: IncrementalOptions = {}) {}

  /** The model of this version: reparsed from the last one where that is exact. */
  parse(uri: string, version: number, text: string, settings: RuleSettings): ScopeDocument {
    const previous = this.doc;
    // The previous tree is taken over by the new model (or dropped): never used twice.
    this.doc = undefined;
    let doc: ScopeDocument | undefined;
    let changed: string | undefined;
    if (!this.options.disabled && previous && previous.uri === uri && previous.text !== text) {
      let edited: ReturnType<typeof ScopeDocument.edited>;
      try {
        edited = ScopeDocument.edited(previous, version, text, settings.limits);
      } catch {
        // A bug here costs a full parse, never a wrong result.
        edited = undefined;
      }
      doc = edited?.doc;
      changed = edited?.section;
    }
    this.lastMode = doc ? 'item' : 'full';
    doc ??= new ScopeDocument(uri, version, text, settings.limits);
    this.changedSection = changed;
    this.doc = doc;
    return doc;
  }

  /** The top-level key whose value the last `parse` changed, when it reparsed one item. */
  private changedSection: string | undefined;

  /** Validates the model `parse` returned last, keeping the findings of rules the edit cannot change. */
  validate(doc: ScopeDocument, settings: RuleSettings, hooks: ValidateHooks = {}): Analysis {
    const today = todayDate(settings.today);
    const reusable = this.lastMode === 'item' && this.settings === settings && this.today === today && doc === this.doc;
    const previous = reusable ? this.runs : new Map<string, RuleRun>();
    const changed = this.changedSection;
    const runs = new Map<string, RuleRun>();
    let kept = 0;
    const runRule = (rule: Rule): Finding[] => {
      if (this.documentWide.has(rule.id)) return rule.check(doc, settings);
      const before = previous.get(rule.id);
      if (before && changed !== undefined && !before.sections.has(changed)) {
        runs.set(rule.id, before);
        kept++;
        return before.findings;
      }
      const sections = new Set<string>();
      let wide = false;
      const value = doc.value;
      const root = isPlainRecord(value) ? watchedSections(value, sections) : value;
      const watched = new Proxy(doc, {
        get(target, key) {
          if (key === 'value') return root;
          // Split numbers (`{ amount: 1,045,000 }`) are in no model an edit reparses as one item
          // (document.ts refuses them on either side), so a rule that asks about them where there
          // are none gets the same answer on the next such version: it still read only the data.
          if (target.splitNumbers.length === 0) {
            if (key === 'splitNumbers') return target.splitNumbers;
            if (key === 'splitNumberAt') return (path: Path) => target.splitNumberAt(path);
          }
          wide = true;
          return Reflect.get(target, key, target) as unknown;
        },
      });
      const findings = rule.check(watched, settings);
      if (wide) this.documentWide.add(rule.id);
      else runs.set(rule.id, { findings, sections });
      return findings;
    };
    let analysis: Analysis;
    try {
      analysis = validate(doc, settings, { ...hooks, runRule });
    } finally {
      // What rules brought forward from the previous model is done: let it go.
      if (doc.edit) doc.edit.previous = undefined;
    }
    this.runs = runs;
    this.settings = settings;
    this.today = today;
    this.lastKept = kept;
    return analysis;
  }

  /** Parse and validate one version. */
  check(uri: string, version: number, text: string, settings: RuleSettings, hooks: ValidateHooks = {}): Analysis {
    return this.validate(this.parse(uri, version, text, settings), settings, hooks);
  }
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

/**
 * A copy of the document's top level whose sections record their key in `sections` when first read,
 * then read as plain data: a rule that reads one section thousands of times (a path from the root
 * for each item) pays for the bookkeeping once, where a Proxy trapped every read. Sound for the
 * edits whose findings are kept: an edit reparsed as one item changes the value of one section,
 * never which sections there are, and a section's value is only had through its getter.
 */
function watchedSections(value: Record<string, unknown>, sections: Set<string>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    Object.defineProperty(copy, key, {
      configurable: true,
      enumerable: true,
      get() {
        sections.add(key);
        const section = value[key];
        Object.defineProperty(copy, key, { value: section, configurable: true, enumerable: true, writable: true });
        return section;
      },
    });
  }
  return copy;
}
