// "Fix all": applies every safe fix (and, when asked, every unsafe one; never a display-only one), non-overlapping ones together, re-parses and re-validates, and
// goes again until nothing safe is left, so running it twice changes nothing the second time. It
// works on the text, round after round, and turns the end result into small edits with one diff.
// The server runs it on a validation worker, under the same time bound as a check.
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { ScopeDocument } from './document';
import { resolveFix, type OffsetEdit, type ResolvedFix } from './edits';
import { FindingLookup } from './findingLookup';
import type { RuleSettings } from './settings';
import { minimalEdits } from './textDiff';
import type { Applicability, Fix } from './types';
import { isDiagnosticData, maxFindingsPerRule, validate, type Analysis } from './validate';

/** Rounds of fix, re-parse and re-validate before "fix all" gives up on reaching a fixed point. */
export const maxFixAllRounds = 10;

export interface FixAllOutcome {
  /** The text once every fix that could be applied was. */
  readonly text: string;
  /** How many fixes were applied, over all rounds. */
  readonly applied: number;
  readonly rounds: number;
  /** Titles of the fixes left out because they would have broken the YAML (a bug in the fix). */
  readonly broke: readonly string[];
  /** False when fixes still remained after the last round (a fix that undoes another, or one that keeps finding more). */
  readonly converged: boolean;
  /** Set when nothing was tried: the YAML has syntax errors, or the file could not be read as a scope. */
  readonly refused?: 'syntax-errors' | 'input-problem';
}

/** What the worker sends back: the outcome without the text, as edits of the version it started from. */
export interface FixAllReport extends Omit<FixAllOutcome, 'text'> {
  readonly edits: readonly TextEdit[];
  readonly ms: number;
}

type Analyze = (doc: ScopeDocument) => Pick<Analysis, 'diagnostics' | 'fixes'>;

export interface FixAllOptions {
  /**
   * The diagnostics of exactly this version (the server has them cached): the first round takes its
   * fixes from them instead of validating the whole document again.
   */
  readonly seed?: readonly Diagnostic[];
  /** The validation of later rounds (injectable for tests). */
  readonly analyze?: Analyze;
  /** How a fix becomes edits (injectable for tests: `resolveFix` itself never makes broken YAML on its own). */
  readonly resolve?: typeof resolveFix;
  /**
   * Also apply `unsafe` fixes (`scope-lint --unsafe-fixes`): proposals a person confirms by asking for
   * them. A finding's safe fix still comes first; `display-only` fixes are never applied.
   */
  readonly unsafe?: boolean;
}

export function fixAllText(doc: ScopeDocument, settings: RuleSettings, options: FixAllOptions = {}): FixAllOutcome {
  // Every finding of a rule, not the editor's first 100: all their fixes go in one round.
  const analyze: Analyze = options.analyze ?? ((d) => validate(d, settings, { findingsPerRule: Infinity }));
  const resolve = options.resolve ?? resolveFix;
  if (doc.inputProblem) return { text: doc.text, applied: 0, rounds: 0, broke: [], converged: true, refused: 'input-problem' };
  if (doc.parseErrors.length > 0) return { text: doc.text, applied: 0, rounds: 0, broke: [], converged: true, refused: 'syntax-errors' };
  const rejected = new Set<string>();
  const broke: string[] = [];
  let current = doc;
  let applied = 0;
  let rounds = 0;
  const levels: readonly Applicability[] = options.unsafe ? ['safe', 'unsafe'] : ['safe'];
  // The cached diagnostics stand for a full check unless a rule reached the editor's cap: then
  // they miss findings, and the first round checks the whole document instead.
  const seed = options.seed && !options.analyze && !reachedCap(options.seed) ? options.seed : undefined;
  let analysis = seed ? seededAnalysis(doc, settings, seed, options.unsafe === true) : analyze(doc);
  for (;;) {
    const chosen = chooseFixes(current, analysis, rejected, resolve, levels);
    if (chosen.length === 0) return { text: current.text, applied, rounds, broke, converged: true };
    if (rounds === maxFixAllRounds) return { text: current.text, applied, rounds, broke, converged: false };
    rounds++;
    let batch = chosen;
    let next = parseWith(current, batch, settings);
    if (next.parseErrors.length > 0) {
      // Some fix breaks the YAML here: set aside those that do alone, and go one at a time.
      for (const c of chosen) {
        if (parseWith(current, [c], settings).parseErrors.length > 0) {
          rejected.add(c.key);
          broke.push(c.title);
        }
      }
      batch = chosen.filter((c) => !rejected.has(c.key)).slice(0, 1);
      next = batch.length > 0 ? parseWith(current, batch, settings) : current;
      if (batch.length > 0 && next.parseErrors.length > 0) {
        for (const c of batch) {
          rejected.add(c.key);
          broke.push(c.title);
        }
        next = current;
        batch = [];
      }
    }
    applied += batch.length;
    if (next !== current) {
      current = next;
      analysis = analyze(current);
    }
  }
}

/** Fix all as edits of `doc`'s text (empty when there is nothing safe to fix). */
export function fixAllEdits(doc: ScopeDocument, settings: RuleSettings, analyze?: Analyze): TextEdit[] {
  return editsOf(doc, fixAllText(doc, settings, analyze ? { analyze } : {}).text);
}

/** What the worker runs: the outcome, as edits of `doc`. */
export function fixAllReport(doc: ScopeDocument, settings: RuleSettings, seed?: readonly Diagnostic[]): FixAllReport {
  const started = performance.now();
  const { text, ...outcome } = fixAllText(doc, settings, seed ? { seed } : {});
  return { ...outcome, edits: editsOf(doc, text), ms: Math.round(performance.now() - started) };
}

function editsOf(doc: ScopeDocument, text: string): TextEdit[] {
  return minimalEdits(doc.text, text).map((e) => ({
    range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) },
    newText: e.text,
  }));
}

/** Whether some rule has as many findings as validate keeps by default (so maybe more). */
function reachedCap(diagnostics: readonly Diagnostic[]): boolean {
  const counts = new Map<unknown, number>();
  for (const d of diagnostics) {
    const count = (counts.get(d.code) ?? 0) + 1;
    if (count >= maxFindingsPerRule) return true;
    counts.set(d.code, count);
  }
  return false;
}

/** The first round's analysis from cached diagnostics: only those with a fix to apply are looked up again. */
function seededAnalysis(
  doc: ScopeDocument,
  settings: RuleSettings,
  seed: readonly Diagnostic[],
  unsafe: boolean,
): Pick<Analysis, 'diagnostics' | 'fixes'> {
  const lookup = new FindingLookup(doc, settings);
  const fixes = new Map<Diagnostic, readonly Fix[]>();
  const diagnostics = seed.filter((d) => isDiagnosticData(d.data) && (unsafe ? (d.data.fixes ?? 0) > 0 : d.data.safeFix === true));
  for (const d of diagnostics) fixes.set(d, lookup.fixes(d.code, d.data));
  return { diagnostics, fixes };
}

interface Chosen {
  /** Which finding and fix, stable across rounds. */
  readonly key: string;
  readonly title: string;
  readonly edits: readonly OffsetEdit[];
}

function chooseFixes(
  doc: ScopeDocument,
  analysis: Pick<Analysis, 'diagnostics' | 'fixes'>,
  rejected: ReadonlySet<string>,
  resolve: typeof resolveFix,
  levels: readonly Applicability[],
): Chosen[] {
  const chosen: Chosen[] = [];
  const keys = new Set<string>();
  const taken = new TakenRanges();
  for (const diagnostic of analysis.diagnostics) {
    const data: unknown = diagnostic.data;
    const fix = fixToApply(doc, analysis.fixes.get(diagnostic) ?? [], resolve, levels);
    if (!fix || !isDiagnosticData(data)) continue;
    const key = `${String(diagnostic.code)}|${data.path}|${fix.title}`;
    if (rejected.has(key) || keys.has(key)) continue;
    const edits = fix.edits.map((e) => ({ start: doc.offsetAt(e.range.start), end: doc.offsetAt(e.range.end), text: e.newText }));
    // Touching edits conflict too: two inserts at one place could both create the same key.
    if (edits.some((e) => taken.meets(e.start, e.end))) continue;
    for (const e of edits) taken.add(e.start, e.end);
    keys.add(key);
    chosen.push({ key, title: fix.title, edits });
  }
  return chosen;
}

/**
 * The ranges of the edits chosen so far, by 256-character block, so that checking a new edit
 * against thousands of chosen ones looks at its neighbours only (every finding of a rule is fixed
 * in one round: a loop over all of them for each was quadratic).
 */
class TakenRanges {
  private readonly blocks = new Map<number, { readonly start: number; readonly end: number }[]>();
  private static readonly shift = 8;

  /** Whether [start, end] overlaps or touches a range added before. */
  meets(start: number, end: number): boolean {
    for (let b = start >> TakenRanges.shift; b <= end >> TakenRanges.shift; b++)
      if (this.blocks.get(b)?.some((r) => r.start <= end && start <= r.end)) return true;
    return false;
  }

  add(start: number, end: number): void {
    const range = { start, end };
    for (let b = start >> TakenRanges.shift; b <= end >> TakenRanges.shift; b++) {
      const list = this.blocks.get(b);
      if (list) list.push(range);
      else this.blocks.set(b, [range]);
    }
  }
}

/**
 * The fix "fix all" applies to one finding: its preferred safe fix, else its first safe one; with
 * `unsafe` allowed, then its preferred unsafe fix, else its first unsafe one.
 */
function fixToApply(
  doc: ScopeDocument,
  fixes: readonly Fix[],
  resolve: typeof resolveFix,
  levels: readonly Applicability[],
): ResolvedFix | undefined {
  const ordered = levels.flatMap((level) => {
    const at = fixes.filter((f) => f.applicability === level);
    return [...at.filter((f) => f.preferred), ...at.filter((f) => !f.preferred)];
  });
  for (const fix of ordered) {
    const resolved = resolve(doc, fix);
    if (resolved && resolved.edits.length > 0) return resolved;
  }
  return undefined;
}

function parseWith(doc: ScopeDocument, chosen: readonly Chosen[], settings: RuleSettings): ScopeDocument {
  return new ScopeDocument(
    doc.uri,
    doc.version,
    applyOffsetEdits(
      doc.text,
      chosen.flatMap((c) => c.edits),
    ),
    settings.limits,
    undefined,
    // The next round resolves its fixes on this tree instead of parsing the text a second time.
    { keepCst: true },
  );
}

/** Applies non-overlapping edits of `text` in one pass. */
export function applyOffsetEdits(text: string, edits: readonly OffsetEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  let at = 0;
  for (const e of sorted) {
    parts.push(text.slice(at, e.start), e.text);
    at = e.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
