// Lints one file with the editor's engine and turns its diagnostics into plain, serialisable
// messages (1-based lines and columns) that every output format and the worker pool share.
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { ScopeDocument } from '../service/document';
import { decodeUtf8, tooLarge, type InputProblem } from '../service/inputGuard';
import { fileReport, type FileReport } from '../service/report/fileReport';
import { customRuleInfo } from '../service/customRules';
import { rulesById } from '../service/rules';
import type { RuleSettings } from '../service/settings';
import type { Severity } from '../service/types';
import { fromLspSeverity, validate, type DiagnosticData } from '../service/validate';
import { readUserFile } from '../userFile';

export interface LintMessage {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based, in UTF-16 code units like the editor. */
  readonly column: number;
  readonly endLine: number;
  /** 1-based, exclusive: the column just after the range. */
  readonly endColumn: number;
  /** The node the finding is about, in catalogue notation (`budget.payments[0].amount`). */
  readonly path?: string;
}

export interface FileResult {
  /** Absolute path. */
  readonly filePath: string;
  readonly messages: readonly LintMessage[];
  /** Set when the file could not be read: an I/O error, exit code 2. */
  readonly readError?: string;
  /** Rules that threw on this file (a bug): said on stderr, the other findings still count. */
  readonly ruleErrors?: readonly RuleError[];
  /** What the risk register (`--format markdown|csv|html`) shows: the same object the editor's report is made from. */
  readonly report?: FileReport;
}

export interface RuleError {
  readonly ruleId: string;
  readonly message: string;
}

/** What a result carries besides its messages. */
export interface LintOutput {
  /**
   * Build the file's risk report (default true). Only the register formats (`--format
   * markdown|csv|html`) print it; for the others a worker neither builds nor sends it.
   */
  readonly report?: boolean;
}

export function lintText(
  filePath: string,
  text: string,
  settings: RuleSettings,
  decodingProblem?: InputProblem,
  output: LintOutput = {},
): FileResult {
  const doc = new ScopeDocument(pathToFileURL(filePath).href, 0, text, settings.limits, decodingProblem);
  const ruleErrors: RuleError[] = [];
  const analysis = validate(doc, settings, {
    onRuleError: (ruleId, error) => ruleErrors.push({ ruleId, message: error instanceof Error ? error.message : String(error) }),
  });
  const messages = analysis.diagnostics.map((d) => toMessage(d));
  return {
    filePath,
    messages,
    ...(ruleErrors.length > 0 ? { ruleErrors } : {}),
    ...(output.report === false ? {} : { report: fileReport(doc, analysis, settings) }),
  };
}

/** Never throws: an unexpected failure is this file's `input/check-failed`, never the run's. */
export function lintFile(filePath: string, settings: RuleSettings, output: LintOutput = {}): FileResult {
  try {
    return readAndLint(filePath, settings, output);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return lintText(
      filePath,
      '',
      settings,
      {
        code: 'input/check-failed',
        message: `Check failed, so this file is not checked: ${reason}. Please report it with the file attached.`,
        offset: 0,
      },
      output,
    );
  }
}

function readAndLint(filePath: string, settings: RuleSettings, output: LintOutput): FileResult {
  // A UTF-8 byte sequence never makes fewer than a third as many UTF-16 characters, so a file of
  // more than 3 bytes per allowed character (plus a BOM) is too large whatever it holds, and is
  // refused before it is read or decoded.
  const read = readUserFile(filePath, settings.limits.maxFileSizeKB * 1024 * 3 + 3);
  if (!read.ok) {
    if (read.reason === 'too-large') return lintText(filePath, '', settings, tooLarge(read.size, settings.limits), output);
    return { filePath, messages: [], readError: read.reason === 'not-a-file' ? notRegular(read.kind) : describeIoError(read.error) };
  }
  // Decoded as the editor does (BOM dropped); bytes that are not UTF-8 are one clear diagnostic.
  const { text, problem } = decodeUtf8(read.bytes);
  return lintText(filePath, text, settings, problem, output);
}

/** Why a path that is not a regular file is not read. */
export function notRegular(kind: string): string {
  return `it is ${kind}, not a regular file`;
}

export function toMessage(d: Diagnostic): LintMessage {
  const data = d.data as DiagnosticData | undefined;
  return {
    ruleId: String(d.code ?? ''),
    severity: fromLspSeverity(d.severity),
    message: typeof d.message === 'string' ? d.message : d.message.value,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    ...(data?.path ? { path: data.path } : {}),
  };
}

/** The rule's title, or a readable name for engine codes such as `schema/required`. */
export function titleOf(ruleId: string): string {
  const rule = rulesById.get(ruleId) ?? customRuleInfo(ruleId);
  if (rule) return rule.title;
  const [family, kind] = ruleId.split('/');
  const families: Record<string, string> = {
    schema: 'Schema',
    yaml: 'YAML',
    suppression: 'Suppression comment',
    input: 'Input limit',
    scope: 'Scope file',
    config: 'Configuration',
  };
  return `${families[family ?? ''] ?? family ?? ruleId}: ${(kind ?? '').replace(/-/g, ' ')}`;
}

export function describeIoError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return error instanceof Error ? error.message : String(error);
}
