// The one place diagnostics are made: input limits, YAML syntax, schema, risk rules and
// suppressions, in that order, each later stage only when the earlier ones leave a usable model.
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type Range } from 'vscode-languageserver-types';
import type { YAMLError } from 'yaml';
import type { ScopeDocument } from './document';
import { formatPath, isRecord, todayDate } from './model';
import { rules, rulesById } from './rules';
import { validateDocumentSchema } from './schema';
import type { RuleSettings } from './settings';
import { absentSectionOf, maxUnfoldedSectionFindings, missingSectionsCode, missingSectionsFinding } from './missingSections';
import { findSuppressions, waiverForm, type Suppression } from './suppressions';
import { checkCustomRule } from './customRules';
import type { Finding, Fix, Path, Rule, Severity } from './types';

export const diagnosticSource = 'scope';
export const docsBaseUrl = 'https://github.com/scope-yaml/scope-yaml/blob/main/docs/rules/';

/** The documentation page of a diagnostic code: `schema/required` -> `docs/rules/schema-required.md`. */
export function docsUrl(code: string): string {
  return `${docsBaseUrl}${code.replace(/\//g, '-')}.md`;
}

/**
 * What travels in `Diagnostic.data` (worker -> server -> client on every change): only what
 * identifies the finding; the rule id is the diagnostic's `code`. Its fixes (as text edits) and
 * its facts are worked out again from the rule when a code action or a hover asks for them
 * (`FindingLookup` in codeActions.ts): on the risky example that halves what every change sends.
 */
export interface DiagnosticData {
  /** The path the finding is about, in catalogue notation (`budget.payments[0]`). */
  readonly path: string;
  /** The finding's position in its rule's findings (or in the schema's) on this version and settings. */
  readonly index: number;
  /** How many fixes the finding has (absent: none). */
  readonly fixes?: number;
  /** One of its fixes is `safe`: "fix all" applies it. */
  readonly safeFix?: true;
  /** `scope/missing-sections`: the findings it stands for, so the report scores each in its own area. */
  readonly standsFor?: readonly { readonly ruleId: string; readonly severity: Severity }[];
}

export function isDiagnosticData(value: unknown): value is DiagnosticData {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.path === 'string' && typeof v.index === 'number';
}

export interface Analysis {
  readonly uri: string;
  readonly version: number;
  readonly diagnostics: readonly Diagnostic[];
  /** The fixes of each diagnostic that has some, as the rules made them (not yet text edits); never serialised. */
  readonly fixes: ReadonlyMap<Diagnostic, readonly Fix[]>;
  /** Findings a suppression with a written reason accepted: not diagnostics, but the risk report lists them. */
  readonly accepted: readonly AcceptedFinding[];
}

/** A risk the author accepted in the file (`# scope-lint-disable... -- <reason>`): shown in the report, never hidden. */
export interface AcceptedFinding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  /** The node the finding is about, in catalogue notation. */
  readonly path: string;
  readonly reason: string;
  /** The waiver's `approved-by:`, when it has one. */
  readonly approvedBy?: string;
  /** The waiver's `until:` (YYYY-MM-DD), when it has one; today is on or before it. */
  readonly until?: string;
}

const severityToLsp: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspSeverity(severity: Severity): DiagnosticSeverity {
  return severityToLsp[severity];
}

const severityOfLsp: readonly Severity[] = ['error', 'error', 'warning', 'info', 'hint'];

/** A diagnostic's severity in the catalogue's words (no severity, or one out of range, reads as error). */
export function fromLspSeverity(severity: DiagnosticSeverity | undefined): Severity {
  return severityOfLsp[severity ?? 1] ?? 'error';
}

export interface ValidateHooks {
  /** Called when a rule throws: a bug, logged, never shown as a crash. */
  readonly onRuleError?: (ruleId: string, error: unknown) => void;
  /** Lets a long validation stop early when a newer version arrived. */
  readonly isCancelled?: () => boolean;
  /**
   * Runs one rule in place of `rule.check(doc, settings)`, which it must equal (incremental.ts
   * keeps the findings of rules an edit cannot change); its errors are the rule's.
   */
  readonly runRule?: (rule: Rule) => Finding[];
  /**
   * Findings kept per rule (default `maxFindingsPerRule`). "Fix all" takes every one: with the
   * editor's cap, a file with 300 findings of one rule took three rounds of parse and check.
   */
  readonly findingsPerRule?: number;
}

export function validate(doc: ScopeDocument, settings: RuleSettings, hooks: ValidateHooks = {}): Analysis {
  const diagnostics: Diagnostic[] = [];
  const fixes = new Map<Diagnostic, readonly Fix[]>();
  const accepted: AcceptedFinding[] = [];
  const result = (): Analysis => ({ uri: doc.uri, version: doc.version, diagnostics: sortByPosition(diagnostics), fixes, accepted });
  // The organisation's own rules have no page here: their message is all there is.
  const customIds = new Set((settings.customRules ?? []).map((r) => r.id));
  const make: Make = (code, range, message, severity, data, tags, findingFixes, suppressed) => {
    const override = settings.rules[code];
    if (override === 'off') return;
    const diagnostic: Diagnostic = {
      range,
      // A finding its file suppresses, shown in Restricted Mode: a hint whatever the rule's severity.
      severity: toLspSeverity(suppressed ? 'hint' : (override ?? severity)),
      code,
      ...(customIds.has(code) ? {} : { codeDescription: { href: docsUrl(code) } }),
      source: diagnosticSource,
      message,
      ...(tags ? { tags } : {}),
      ...(data ? { data } : {}),
    };
    diagnostics.push(diagnostic);
    if (findingFixes && findingFixes.length > 0) fixes.set(diagnostic, findingFixes);
  };

  // 1. Input the parser must not see.
  // An error, not a warning: a file that could not be checked must not pass CI.
  if (doc.inputProblem) {
    const start = doc.positionAt(doc.inputProblem.offset);
    make(doc.inputProblem.code, doc.oneLineRange(doc.inputProblem.offset, doc.lineEnd(start.line)), doc.inputProblem.message, 'error');
    return result();
  }

  // 2. YAML syntax: the root cause only.
  const lineOf = (offset: number): number => doc.positionAt(offset).line;
  const syntax = rootCauses(doc.parseErrors, lineOf);
  for (const error of syntax) {
    const indentation = indentationError(doc, error);
    if (indentation) {
      make('yaml/syntax', doc.oneLineRange(indentation.start, indentation.end), indentation.message, 'error');
      continue;
    }
    const colon = colonInPlainValue(doc, error);
    if (colon) {
      make('yaml/syntax', doc.oneLineRange(colon.start, colon.end), colon.message, 'error');
      continue;
    }
    const start = syntaxErrorOffset(doc, error);
    make(
      yamlCode(error),
      doc.oneLineRange(start, Math.max(start === error.pos[0] ? error.pos[1] : start + 1, start + 1)),
      yamlMessage(error),
      'error',
    );
  }
  for (const warning of rootCauses(doc.parseWarnings, lineOf)) {
    make('yaml/warning', doc.oneLineRange(warning.pos[0], Math.max(warning.pos[1], warning.pos[0] + 1)), yamlMessage(warning), 'warning');
  }
  if (doc.documents.length > 1) {
    const second = doc.documents[1];
    const offset = second?.range?.[0] ?? 0;
    make(
      'yaml/multiple-documents',
      doc.oneLineRange(offset, doc.lineEnd(doc.positionAt(offset).line)),
      `This file holds ${doc.moreDocuments ? 'more than two' : 'two'} YAML documents; a scope file is one document, so only the first is checked.`,
      'warning',
    );
  }
  if (syntax.length > 0) return result();
  if (doc.valueError) {
    make('yaml/alias-limit', doc.firstLineRange(), `The file could not be read as data: ${doc.valueError}.`, 'error');
    return result();
  }

  // 3. Nothing to check yet.
  if (doc.value === undefined || doc.value === null) {
    make(
      'scope/empty',
      { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      'This scope file is empty. Start with `scope_version: 1` and the `project`, `vendor`, `deliverables`, `success_measures`, `budget`, `timeline` and `governance` sections (command "Scope: New Scope File" inserts a template).',
      'info',
    );
    return result();
  }

  // 4. Schema and rules.
  const schemaFindings = validateDocumentSchema(doc);
  if (!isRecord(doc.value)) {
    schemaFindings.forEach((f, index) => emitFinding(doc, f, index, 'error', make));
    return result();
  }
  const ruleFindings: { finding: Finding; index: number; severity: Severity; range: Range }[] = [];
  const perRule = hooks.findingsPerRule ?? maxFindingsPerRule;
  for (const rule of rules) {
    if (settings.rules[rule.id] === 'off') continue;
    if (hooks.isCancelled?.()) return result();
    let found: Finding[];
    try {
      found = hooks.runRule ? hooks.runRule(rule) : rule.check(doc, settings);
    } catch (error) {
      hooks.onRuleError?.(rule.id, error);
      continue;
    }
    // Like syntax and schema findings, capped: 100,000 findings of one rule help nobody and cost the editor.
    found.slice(0, perRule).forEach((finding, index) => {
      ruleFindings.push({ finding, index, severity: finding.severity ?? rule.severity, range: findingRange(doc, finding) });
    });
  }
  for (const custom of settings.customRules ?? []) {
    if (settings.rules[custom.id] === 'off') continue;
    if (hooks.isCancelled?.()) return result();
    let found: Finding[];
    try {
      found = checkCustomRule(custom, doc.value);
    } catch (error) {
      hooks.onRuleError?.(custom.id, error);
      continue;
    }
    found.slice(0, perRule).forEach((finding, index) => {
      ruleFindings.push({ finding, index, severity: custom.severity, range: findingRange(doc, finding) });
    });
  }

  // Findings that pass suppressions, before whole missing sections fold some of them into one.
  const pending: Pending[] = [];

  // A rule that speaks about a node says it better than the schema (and has a fix).
  // Not a custom rule's: a policy about a value does not say what is wrong with its form. Nor a
  // hint: a faded note about a node ("reports are described here") never hides what is wrong with it.
  // A schema finding is covered by a rule finding at its path or under it: every path a rule finding
  // is at or under, in one set (a lookup each, not a scan of the rule findings for each).
  const ruleCovers = new Set<string>();
  for (const r of ruleFindings) {
    if (customIds.has(r.finding.ruleId) || r.severity === 'hint' || r.finding.besideSchema === true) continue;
    const path = r.finding.path;
    ruleCovers.add(formatPath(path));
    for (let n = 1; n < path.length; n++) ruleCovers.add(formatPath(path.slice(0, n)));
  }
  schemaFindings.forEach((finding, index) => {
    if (!ruleCovers.has(formatPath(finding.path)))
      pending.push({ finding, index, severity: finding.severity ?? 'error', range: findingRange(doc, finding) });
  });

  // 5. Suppressions. In Restricted Mode (an untrusted workspace) the file's own comments hide
  // nothing: a finding they would suppress is a hint that names the comment, and each comment
  // that would hide something says so.
  const suppressions = findSuppressions(doc);
  // A waiver holds through its `until:` day; today is the rules' today (settings.today in tests).
  const today = todayDate(settings.today);
  const expired = (s: Suppression): boolean => s.until !== undefined && s.until < today;
  const used = new Set<number>();
  const hidden = new Map<number, number>();
  for (const { finding, index: findingIndex, severity, range } of ruleFindings) {
    const index = suppressions.findIndex(
      (s) =>
        s.reason !== undefined &&
        s.waiverProblem === undefined &&
        !expired(s) &&
        s.ruleIds.includes(finding.ruleId) &&
        (s.kind === 'file' ||
          (s.targetLine !== undefined && range.start.line >= s.targetLine && range.start.line <= (s.targetEndLine ?? s.targetLine))),
    );
    const by = suppressions[index];
    if (by) {
      used.add(index);
      const override = settings.rules[finding.ruleId];
      accepted.push({
        ruleId: finding.ruleId,
        severity: override && override !== 'off' ? override : severity,
        message: finding.message,
        range,
        path: formatPath(finding.path),
        reason: by.reason ?? '',
        ...(by.approvedBy !== undefined ? { approvedBy: by.approvedBy } : {}),
        ...(by.until !== undefined ? { until: by.until } : {}),
      });
      if (!settings.restrictedMode) continue;
      hidden.set(index, (hidden.get(index) ?? 0) + 1);
      const suppressed = { ...finding, message: `${finding.message} ${suppressedNote(by)}` };
      emitFinding(doc, suppressed, findingIndex, severity, make, range, true);
      continue;
    }
    pending.push({ finding, index: findingIndex, severity, range });
  }
  emitFolded(doc, pending, settings, make);
  suppressions.forEach((s, index) => {
    if (s.reason === undefined) {
      make(
        'suppression/missing-reason',
        s.range,
        `This suppression has no reason, so it does not suppress anything: write why the risk is accepted after --, as in # scope-lint-disable${s.kind === 'next-line' ? '-next-line' : ''} ${s.ruleIds.join(', ') || '<rule-id>'} -- <reason> (a TODO or <reason> placeholder does not count).`,
        'warning',
      );
      return;
    }
    const unknown = s.ruleIds.filter((id) => !rulesById.has(id) && !customIds.has(id));
    if (unknown.length > 0 || s.ruleIds.length === 0) {
      make(
        'suppression/unknown-rule',
        s.range,
        s.ruleIds.length === 0
          ? 'This suppression names no rule id.'
          : `Unknown rule id${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `\`${u}\``).join(', ')} in this suppression.`,
        'warning',
      );
      return;
    }
    if (s.waiverProblem !== undefined) {
      make(
        'suppression/invalid-waiver',
        s.range,
        `This waiver's approval part cannot be read, so it suppresses nothing: ${s.waiverProblem}. End the reason with \`${waiverForm}\`.`,
        'warning',
      );
      return;
    }
    if (expired(s)) {
      make(
        'suppression/expired',
        s.range,
        `This waiver of ${s.ruleIds.map((u) => `\`${u}\``).join(', ')} expired on ${s.until ?? ''}${s.approvedBy !== undefined ? ` (approved by ${s.approvedBy})` : ''}, so it no longer suppresses anything: the accepted risk needs a fresh decision. Renew the approval with a new \`until:\` date, or fix the risk.`,
        'warning',
      );
      return;
    }
    const count = hidden.get(index);
    if (count !== undefined) {
      make(
        'suppression/untrusted',
        s.range,
        `Restricted Mode: this suppression of ${s.ruleIds.map((u) => `\`${u}\``).join(', ')} does not hide ${count === 1 ? 'its finding' : `its ${count} findings`} until you trust this workspace; ${count === 1 ? 'it is shown as a hint' : 'they are shown as hints'}.`,
        'info',
      );
    } else if (!used.has(index)) {
      make(
        'suppression/unused',
        s.range,
        `This suppression of ${s.ruleIds.map((u) => `\`${u}\``).join(', ')} silences nothing${s.kind === 'next-line' ? ' on the next line' : ''}; remove it.`,
        'hint',
        undefined,
        [DiagnosticTag.Unnecessary],
      );
    }
  });
  return result();
}

interface Pending {
  readonly finding: Finding;
  readonly index: number;
  readonly severity: Severity;
  readonly range: Range;
}

/**
 * Emits the findings, except that when more than a few are only about sections the document does
 * not have at all, those become one `scope/missing-sections` finding that names every rule id it
 * stands for (nothing goes silent: its severity is the highest of theirs).
 */
function emitFolded(doc: ScopeDocument, pending: readonly Pending[], settings: RuleSettings, make: Make): void {
  const shown = pending.filter((p) => settings.rules[p.finding.ruleId] !== 'off');
  const about = new Map<Pending, string>();
  for (const p of shown) {
    const section = absentSectionOf(doc, p.finding);
    if (section !== undefined) about.set(p, section);
  }
  const fold = about.size > maxUnfoldedSectionFindings && settings.rules[missingSectionsCode] !== 'off';
  if (fold) {
    // First, so it leads the findings on its line.
    const standsFor = [...about.keys()].map((p) => ({ ruleId: p.finding.ruleId, severity: p.severity }));
    const { finding, severity } = missingSectionsFinding(doc, standsFor);
    emitFinding(doc, finding, 0, severity, make, undefined, false, standsFor);
  }
  for (const p of pending) {
    if (fold && about.has(p)) continue;
    emitFinding(doc, p.finding, p.index, p.severity, make, p.range);
  }
}

type Make = (
  code: string,
  range: Range,
  message: string,
  severity: Severity,
  data?: DiagnosticData,
  tags?: DiagnosticTag[],
  fixes?: readonly Fix[],
  /** Suppressed by the file, shown in Restricted Mode: always a hint. */
  suppressed?: boolean,
) => void;

function emitFinding(
  doc: ScopeDocument,
  finding: Finding,
  index: number,
  severity: Severity,
  make: Make,
  range = findingRange(doc, finding),
  suppressed = false,
  standsFor?: DiagnosticData['standsFor'],
): void {
  // Fixes are not turned into text edits here: that costs more than the check, on every change.
  const fixes = finding.fixes ?? [];
  make(
    finding.ruleId,
    range,
    finding.message,
    severity,
    {
      path: formatPath(finding.path),
      index,
      ...(fixes.length ? { fixes: fixes.length } : {}),
      // A suppressed finding keeps its quick fixes (found again from its data), but "fix all" leaves
      // it alone, as it does once the suppression applies.
      ...(!suppressed && fixes.some((f) => f.applicability === 'safe') ? { safeFix: true as const } : {}),
      ...(standsFor ? { standsFor } : {}),
    },
    undefined,
    suppressed ? undefined : fixes,
    suppressed,
  );
}

/** Longer reasons are cut: the note names the comment, the comment has the full text. */
const maxReasonInNote = 200;

function suppressedNote(s: Suppression): string {
  const reason = s.reason ?? '';
  const shown = reason.length > maxReasonInNote ? `${reason.slice(0, maxReasonInNote)}…` : reason;
  return `Suppressed on line ${s.line + 1} (${JSON.stringify(shown)}); suppressions apply once you trust this workspace.`;
}

export function findingRange(doc: ScopeDocument, finding: Finding): Range {
  const at = finding.at;
  if (at && typeof at === 'object') return doc.rangeOfText(finding.path, at.text, at.occurrence);
  return doc.rangeOf(finding.path, at ?? 'value');
}

/** At most this many YAML errors (and as many warnings) per document: a binary-like file has one per token. */
export const maxSyntaxFindings = 100;

/** At most this many findings of one rule per file. */
export const maxFindingsPerRule = 100;

/** First error per line; later errors on the same line are follow-ons of the first. */
function rootCauses(errors: readonly YAMLError[], lineOf: (offset: number) => number): YAMLError[] {
  const byLine = new Map<number, YAMLError>();
  const sorted = [...errors].sort((a, b) => a.pos[0] - b.pos[0]);
  for (const error of sorted) {
    const key = lineOf(error.pos[0]);
    if (!byLine.has(key)) byLine.set(key, error);
    if (byLine.size >= maxSyntaxFindings) break;
  }
  const kept = [...byLine.values()];
  // Once indentation or structure breaks, the parser reports every following line; the first says it all.
  const cascade = new Set(['BAD_INDENT', 'MISSING_CHAR', 'UNEXPECTED_TOKEN', 'BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY']);
  const out: YAMLError[] = [];
  for (const error of kept) {
    const previous = out[out.length - 1];
    if (previous && cascade.has(previous.code) && cascade.has(error.code) && out.length >= 3) continue;
    out.push(error);
  }
  return out;
}

/**
 * Where the user must look. An unclosed `[` or `{` is reported where the parser gave up (often
 * the next line); the root cause is the outermost bracket before it that was never closed.
 */
function syntaxErrorOffset(doc: ScopeDocument, error: YAMLError): number {
  if (!/end with a [\]}]/.test(error.message)) return error.pos[0];
  return doc.unclosedFlowStarts.find((offset) => offset < error.pos[0]) ?? error.pos[0];
}

interface IndentationError {
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

/** Indentation of a content line (spaces), or undefined for a blank or comment line. */
function contentIndent(doc: ScopeDocument, line: number): number | undefined {
  const text = doc.lineText(line);
  const indent = /^ */.exec(text)?.[0].length ?? 0;
  if (indent === text.length || doc.isCommentLine(line)) return undefined;
  return indent;
}

/** Spaces per level in this document: the most frequent step from a `key:` line to its first child (2 on a tie). */
function indentUnit(doc: ScopeDocument): number {
  const steps = new Map<number, number>();
  let previous: { line: number; indent: number } | undefined;
  for (let line = 0; line < doc.lineCount; line++) {
    const indent = contentIndent(doc, line);
    if (indent === undefined) continue;
    if (previous && indent > previous.indent && /:\s*$/.test(doc.lineTextWithoutComment(previous.line))) {
      const step = indent - previous.indent;
      steps.set(step, (steps.get(step) ?? 0) + 1);
    }
    previous = { line, indent };
  }
  let best = 2;
  for (const [step, count] of steps) if (count > (steps.get(best) ?? 0)) best = step;
  return best;
}

function lineRangeAt(doc: ScopeDocument, line: number): { start: number; end: number } {
  const start = doc.offsetAt({ line, character: contentIndent(doc, line) ?? 0 });
  const end = doc.offsetAt({ line, character: doc.lineTextWithoutComment(line).trimEnd().length });
  return { start, end: Math.max(end, start + 1) };
}

function spaces(n: number): string {
  return n === 1 ? '1 space' : `${n} spaces`;
}

function keyName(doc: ScopeDocument, line: number): string {
  const text = doc.lineTextWithoutComment(line).trim();
  return /^(?:- )?([^:]+):/.exec(text)?.[1]?.trim() ?? text;
}

/**
 * An indentation mistake, reported on the line that is wrong (the parser reports where it notices:
 * the next, correct key, or the key above an over-indented one), in words about columns.
 */
function indentationError(doc: ScopeDocument, error: YAMLError): IndentationError | undefined {
  const errorLine = doc.positionAt(error.pos[0]).line;
  if (error.code === 'BAD_INDENT' && /mapping items must start at the same column/.test(error.message)) {
    const column = contentIndent(doc, errorLine);
    if (column === undefined) return undefined;
    // The mapping's parent: the nearest line above indented less than this key; its first item sets the column.
    let parent: number | undefined;
    for (let line = errorLine - 1; line >= 0; line--) {
      const indent = contentIndent(doc, line);
      if (indent !== undefined && indent < column) {
        parent = line;
        break;
      }
    }
    if (parent === undefined) return undefined;
    let first: number | undefined;
    for (let line = parent + 1; line < errorLine; line++) {
      if (contentIndent(doc, line) !== undefined) {
        first = line;
        break;
      }
    }
    if (first === undefined) return undefined;
    // A tab in the indentation is its own error, which the parser reports where it is: this key
    // keeps the parser's message, at the key.
    for (let line = parent; line <= errorLine; line++)
      if (/^ *\t/.test(doc.lineText(line))) return { ...lineRangeAt(doc, errorLine), message: yamlMessage(error) };
    const firstColumn = contentIndent(doc, first) ?? 0;
    const parentColumn = contentIndent(doc, parent) ?? 0;
    const unit = indentUnit(doc);
    const under = keyName(doc, parent);
    // The first key is off the document's step and this one is on it: the first key is the mistake.
    const firstIsWrong = firstColumn !== parentColumn + unit && column === parentColumn + unit;
    const wrong = firstIsWrong ? first : errorLine;
    const other = firstIsWrong ? errorLine : first;
    const wrongColumn = firstIsWrong ? firstColumn : column;
    const otherColumn = firstIsWrong ? column : firstColumn;
    const { start, end } = lineRangeAt(doc, wrong);
    return {
      start,
      end,
      message: `Indented ${spaces(wrongColumn)}, but \`${keyName(doc, other)}\` under \`${under}\` is indented ${otherColumn}: keys of one mapping must start in the same column.`,
    };
  }
  if ((error.code === 'BLOCK_AS_IMPLICIT_KEY' || error.code === 'MULTILINE_IMPLICIT_KEY') && error.pos[1] > error.pos[0]) {
    // `name: x` followed by a line indented deeper: the deeper line is the mistake.
    const lastLine = doc.positionAt(Math.max(error.pos[0], error.pos[1] - 1)).line;
    let next = errorLine + 1;
    while (next < doc.lineCount && contentIndent(doc, next) === undefined) next++;
    const wrong = lastLine > errorLine ? lastLine : next;
    const above = contentIndent(doc, errorLine);
    const column = wrong < doc.lineCount ? contentIndent(doc, wrong) : undefined;
    if (above === undefined || column === undefined || column <= above) return undefined;
    const { start, end } = lineRangeAt(doc, wrong);
    return {
      start,
      end,
      message: `Indented ${spaces(column)}, deeper than \`${keyName(doc, errorLine)}\` (${above}), which already has a value: indent it like the key above or give that key no value.`,
    };
  }
  return undefined;
}

/**
 * `summary: Phase 1: discovery`: a colon and a space inside a plain value read as a second key
 * (the parser: "nested mappings are not allowed in compact mappings"). Said in plain words, on the value.
 */
function colonInPlainValue(doc: ScopeDocument, error: YAMLError): IndentationError | undefined {
  if (error.code !== 'BLOCK_AS_IMPLICIT_KEY') return undefined;
  const line = doc.positionAt(error.pos[0]).line;
  const text = doc.lineTextWithoutComment(line);
  const m = /^(\s*(?:-\s+)?[^\s:#'"{}[\],&*!|>%@`][^:#]*?:\s+)([^'"{}[\]\s][^#]*?:\s.*?)\s*$/.exec(text);
  if (!m || m[1] === undefined || m[2] === undefined) return undefined;
  const start = doc.offsetAt({ line, character: m[1].length });
  const value = m[2];
  return {
    start,
    end: start + value.length,
    message: `\`${value.length > 60 ? `${value.slice(0, 59)}…` : value}\` has a colon and a space inside, which YAML reads as a second key: put the whole text in quotes.`,
  };
}

function yamlCode(error: YAMLError): string {
  switch (error.code) {
    case 'DUPLICATE_KEY':
      return 'yaml/duplicate-key';
    case 'BAD_ALIAS':
      return 'yaml/bad-alias';
    default:
      return 'yaml/syntax';
  }
}

function yamlMessage(error: YAMLError): string {
  // The parser's words for these lead with a symbol or a bare noun; the Problems panel needs a clause.
  if (error.code === 'KEY_OVER_1024_CHARS')
    return 'A key is longer than YAML allows: a plain key ends within 1,024 characters, so write long text as a value.';
  if (error.code === 'TAG_RESOLVE_FAILED') {
    const tag = /^Unresolved tag: (.*?)(?: at line \d+, column \d+:?)?$/.exec(error.message.split('\n')[0] ?? '')?.[1];
    return `An unknown YAML tag is ignored and the value read as text${tag ? `: "${tag.length > 60 ? `${tag.slice(0, 59)}…` : tag}"` : ''}.`;
  }
  const first = error.message.split('\n')[0] ?? error.message;
  const clean = first.replace(/ at line \d+, column \d+:?$/, '').trim();
  return clean.endsWith('.') ? clean : `${clean}.`;
}

function sortByPosition(list: Diagnostic[]): Diagnostic[] {
  return list.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

export type { Path };
