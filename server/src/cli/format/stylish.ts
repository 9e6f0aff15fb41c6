// `--format stylish` (default): findings grouped by file, `line:col severity message rule-id`,
// then one summary line. Colors only when the caller says so (a terminal, no --no-color/NO_COLOR).
import type { FormatContext } from './index';
import type { Severity } from '../../service/types';
import type { FileResult } from '../lint';
import { countBySeverity, describeCounts, displayPath, hiddenByQuiet, oneLine, plural, printable } from './summary';

const ansi = { red: 31, yellow: 33, cyan: 36, gray: 90, green: 32, bold: 1, underline: 4, dim: 2 } as const;
type Style = keyof typeof ansi;

export function formatStylish(results: readonly FileResult[], context: FormatContext): string {
  const paint = (style: Style, text: string): string => (context.color ? `\u001b[${ansi[style]}m${text}\u001b[0m` : text);
  const severityStyle: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'cyan', hint: 'gray' };
  const lines: string[] = [];
  const checked = results.filter((r) => r.readError === undefined);
  for (const result of checked) {
    if (result.messages.length === 0) continue;
    lines.push(paint('underline', printable(displayPath(result.filePath, context.cwd))));
    const positionWidth = result.messages.reduce((width, m) => Math.max(width, `${m.line}:${m.column}`.length), 0);
    for (const m of result.messages) {
      const position = `${m.line}:${m.column}`.padStart(positionWidth);
      const severity = paint(severityStyle[m.severity], m.severity.padEnd(7));
      lines.push(`  ${position}  ${severity}  ${oneLine(m.message)}  ${paint('dim', m.ruleId)}`);
    }
    lines.push('');
  }
  const counts = countBySeverity(checked);
  const total = counts.error + counts.warning + counts.info + counts.hint;
  const files = plural(checked.length, 'file');
  // After --quiet, only errors are shown: say so, and what was left out, never "No problems".
  const bulk = context.suppressed ? `; ${context.suppressed.count} suppressed by ${context.suppressed.file}` : '';
  const hidden = hiddenByQuiet(context.hidden) + bulk;
  if (total === 0) {
    lines.push(paint('green', `✔ ${hiddenByQuiet(context.hidden) ? 'No errors' : 'No problems'} in ${files}${hidden}.`));
  } else {
    const found = hiddenByQuiet(context.hidden) ? plural(total, 'error') : `${plural(total, 'problem')} (${describeCounts(counts)})`;
    const summary = `${counts.error ? '✖' : '⚠'} ${found} in ${files}${hidden}.`;
    lines.push(paint('bold', paint(counts.error ? 'red' : counts.warning ? 'yellow' : 'cyan', summary)));
  }
  return `${lines.join('\n')}\n`;
}
