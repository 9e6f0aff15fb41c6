// The risk report of one open document, for the editor: the summary the status bar and the code
// lens show, the panel's HTML body, and the exported register. Each is made from one FileReport
// of one validation, with the same renderer as `scope-lint --format markdown|csv|html`.
import type {
  ExportRegisterResult,
  RegisterFormatName,
  RiskReportParams,
  RiskReportResult,
  RiskSummary,
} from '../../../../shared/protocol';
import { serverVersion } from '../../../../shared/protocol';
import { compareInEditor, comparisonSection } from '../compare/inEditor';
import type { ScopeDocument } from '../document';
import type { RuleSettings } from '../settings';
import { validate } from '../validate';
import { fileReport, scoreOfReport, type FileReport } from './fileReport';
import { registerExtensions, renderRegister, reportBody, type RegisterFile } from './register';

/** The name the register gives the file: the last segment of its uri ("plan.scope.yaml", "Untitled-1"). */
export function fileNameOf(uri: string): string {
  const last =
    uri
      .replace(/[?#].*$/, '')
      .split('/')
      .pop() ?? uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

export function reportOf(doc: ScopeDocument, settings: RuleSettings): FileReport {
  return fileReport(doc, validate(doc, settings), settings);
}

export function summaryOf(report: FileReport): RiskSummary {
  const score = scoreOfReport(report);
  return {
    ...(score.risk !== undefined ? { risk: score.risk } : {}),
    errors: score.counts.error,
    warnings: score.counts.warning,
    infos: score.counts.info,
    accepted: score.accepted,
    verdict: score.verdict.text,
    level: score.verdict.level,
  };
}

export function riskReport(
  doc: ScopeDocument,
  settings: RuleSettings,
  html: boolean,
  compareWith?: RiskReportParams['compareWith'],
): RiskReportResult {
  const report = reportOf(doc, settings);
  const file: RegisterFile = { name: fileNameOf(doc.uri), report };
  const comparison = compareWith ? compareInEditor(doc, compareWith, settings.limits) : undefined;
  return {
    version: doc.version,
    summary: summaryOf(report),
    // The comparison was asked for: it comes first in the panel.
    ...(html
      ? { html: (comparison ? comparisonSection(comparison) : '') + reportBody(file, { version: serverVersion }, { mode: 'panel' }) }
      : {}),
    ...(comparison ? { comparison } : {}),
  };
}

export function exportRegister(doc: ScopeDocument, settings: RuleSettings, format: RegisterFormatName): ExportRegisterResult {
  const file: RegisterFile = { name: fileNameOf(doc.uri), report: reportOf(doc, settings) };
  return { text: renderRegister(format, [file], { version: serverVersion }), extension: registerExtensions[format] };
}
