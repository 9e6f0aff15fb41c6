// `--format github`: GitHub Actions workflow commands, so findings show as annotations on the
// pull request's changed lines. info and hint become `notice`.
import type { FormatContext } from './index';
import type { Severity } from '../../service/types';
import type { FileResult } from '../lint';
import { titleOf } from '../lint';
import { countBySeverity, describeCounts, displayPath, plural, printable } from './summary';

const commandOf: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

export function formatGithub(results: readonly FileResult[], context: FormatContext): string {
  const lines: string[] = [];
  const checked = results.filter((r) => r.readError === undefined);
  for (const result of checked) {
    const file = displayPath(result.filePath, context.cwd);
    for (const m of result.messages) {
      const properties = [
        `file=${escapeProperty(file)}`,
        `line=${m.line}`,
        `endLine=${m.endLine}`,
        `col=${m.column}`,
        `endColumn=${m.endColumn}`,
        `title=${escapeProperty(`${titleOf(m.ruleId)} (${m.ruleId})`)}`,
      ];
      lines.push(`::${commandOf[m.severity]} ${properties.join(',')}::${escapeData(m.message)}`);
    }
  }
  lines.push(`scope-lint: ${describeCounts(countBySeverity(checked))} in ${plural(checked.length, 'file')}.`);
  return `${lines.join('\n')}\n`;
}

/** Workflow-command escaping (as in @actions/core): data escapes % and LF (and shows control characters as `\\x1B`); properties also : and ,. */
function escapeData(text: string): string {
  // Control characters first (GitHub's log view runs ANSI sequences); a line break stays %0A.
  return printable(text).replace(/%/g, '%25').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
