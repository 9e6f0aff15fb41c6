// "Scope: Compare with Previous Version" in the editor: the client reads the last committed text
// through VS Code's Git extension and sends it with each risk report request; the server compares
// it with the open text (compareScopes) and returns the summary for the panel and the findings
// for the editor. The previous text is the user's own file at an earlier commit, but it is still
// parsed under the same input limits as any document.
import type { ComparisonResult, RiskReportParams } from '../../../../shared/protocol';
import { escapeXml } from '../report/charts';
import { ScopeDocument } from '../document';
import { resolveFix } from '../edits';
import type { Limits } from '../settings';
import { compareScopes } from './compareScopes';

/** The previous version is parsed on the thread that answers: at most this many characters. */
export const maxCompareChars = 256 * 1024;

export function compareInEditor(now: ScopeDocument, base: NonNullable<RiskReportParams['compareWith']>, limits: Limits): ComparisonResult {
  const label = base.label.slice(0, 200);
  if (now.inputProblem) return { label, changes: [], findings: [], problem: 'This version could not be checked, so it is not compared.' };
  if (base.text.length > maxCompareChars || now.text.length > maxCompareChars)
    return {
      label,
      changes: [],
      findings: [],
      problem: `A version is larger than ${maxCompareChars / 1024} KB: compare it on the command line (scope-lint compare).`,
    };
  const before = new ScopeDocument(`${now.uri}#previous`, 0, base.text, limits);
  if (before.inputProblem || before.value === undefined)
    return { label, changes: [], findings: [], problem: `${label} could not be read as a scope, so there is nothing to compare with.` };
  const { changes, findings } = compareScopes(before, now);
  return {
    label,
    changes: changes.map((c) => ({ area: c.area, text: c.text })),
    findings: findings.map((f) => {
      const fixes = f.fixes.flatMap((fix) => {
        const resolved = resolveFix(now, fix);
        return resolved ? [{ title: resolved.title, edits: resolved.edits.map((e) => ({ range: e.range, newText: e.newText })) }] : [];
      });
      return { code: f.code, severity: f.severity, message: f.message, range: now.rangeOf(f.path), ...(fixes.length > 0 ? { fixes } : {}) };
    }),
  };
}

/** The panel's "Changes since ..." section (HTML, escaped; code spans kept as <code>). */
export function comparisonSection(result: ComparisonResult): string {
  const inline = (text: string) =>
    text
      .split('`')
      .map((part, i) => (i % 2 === 1 ? `<code>${escapeXml(part)}</code>` : escapeXml(part)))
      .join('');
  const items = result.problem
    ? `<p>${escapeXml(result.problem)}</p>`
    : result.changes.length === 0
      ? '<p>No changes to price, schedule, deliverables, success measures, security or vendor.</p>'
      : `<ul>${result.changes.map((c) => `<li>${inline(c.text)}</li>`).join('')}</ul>`;
  const findings =
    result.findings.length === 0
      ? ''
      : `<p>${result.findings.length} change${result.findings.length === 1 ? ' needs' : 's need'} a decision: ${result.findings
          .map((f) => `${inline(f.message)} <code>${escapeXml(f.code)}</code>`)
          .join(' ')}</p>`;
  return `<section class="comparison" aria-label="Changes since ${escapeXml(result.label)}"><h2>Changes since ${escapeXml(result.label)}</h2>${items}${findings}</section>`;
}
