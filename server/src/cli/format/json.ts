// `--format json`: [{ filePath, messages: [{ ruleId, severity, message, line, column, endLine, endColumn }] }].
import type { FormatContext } from './index';
import type { FileResult } from '../lint';

export function formatJson(results: readonly FileResult[], _context: FormatContext): string {
  const files = results
    .filter((r) => r.readError === undefined)
    .map((r) => ({
      filePath: r.filePath,
      messages: r.messages.map((m) => ({
        ruleId: m.ruleId,
        severity: m.severity,
        message: m.message,
        line: m.line,
        column: m.column,
        endLine: m.endLine,
        endColumn: m.endColumn,
      })),
    }));
  return `${JSON.stringify(files)}\n`;
}
