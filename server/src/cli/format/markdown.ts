// `--format markdown`: a risk register an engineering lead can paste into a review, worst first,
// with the suggested mitigation (the editor's quick fix) and an empty Owner column to assign.
import type { FormatContext } from './index';
import { rulesById } from '../../service/rules';
import type { Severity } from '../../service/types';
import { docsUrl } from '../../service/validate';
import type { FileResult, LintMessage } from '../lint';
import { titleOf } from '../lint';
import { countBySeverity, describeCounts, displayPath, oneLine, plural, severityOrder } from './summary';

const areaOf: Record<string, string> = {
  security: 'Security',
  expertise: 'Expertise & oversight',
  cost: 'Hidden costs',
  schedule: 'Schedule',
  governance: 'Governance',
  structure: 'Structure',
};

export function formatMarkdown(results: readonly FileResult[], context: FormatContext): string {
  const checked = results.filter((r) => r.readError === undefined);
  const rows: { file: string; m: LintMessage }[] = checked.flatMap((r) =>
    r.messages.map((m) => ({ file: displayPath(r.filePath, context.cwd), m })),
  );
  const rank = (s: Severity): number => severityOrder.indexOf(s);
  rows.sort(
    (a, b) =>
      rank(a.m.severity) - rank(b.m.severity) ||
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.m.line - b.m.line ||
      a.m.column - b.m.column,
  );

  const lines = ['## Scope risk register', ''];
  const files = plural(checked.length, 'file');
  if (rows.length === 0) {
    lines.push(`No risks found in ${files} (scope-lint ${context.version}).`);
    return `${lines.join('\n')}\n`;
  }
  lines.push(`${describeCounts(countBySeverity(checked))} in ${files} (scope-lint ${context.version}).`, '');
  lines.push('| # | Severity | Area | Risk | Where | Finding | Mitigation | Owner |');
  lines.push('|--:|---|---|---|---|---|---|---|');
  rows.forEach(({ file, m }, i) => {
    const rule = rulesById.get(m.ruleId);
    const area = rule ? (areaOf[rule.category] ?? rule.category) : 'Format';
    const risk = `[${cell(titleOf(m.ruleId))}](${docsUrl(m.ruleId)})<br>\`${m.ruleId}\``;
    const where = `\`${cell(file)}:${m.line}\`${m.path ? `<br>\`${cell(m.path)}\`` : ''}`;
    lines.push(`| ${i + 1} | ${m.severity} | ${area} | ${risk} | ${where} | ${cell(m.message)} | ${m.fix ? cell(m.fix) : ''} |  |`);
  });
  return `${lines.join('\n')}\n`;
}

/** Table-cell safe: one line, pipes escaped. */
function cell(text: string): string {
  return oneLine(text).replace(/\|/g, '\\|');
}
