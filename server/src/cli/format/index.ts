// The output formats of scope-lint, as a table: name -> formatter.
import type { FileResult } from '../lint';
import { formatNames, type FormatName } from '../usage';
import { formatGithub } from './github';
import { formatJson } from './json';
import { formatRegister } from './register';
import { formatSarif } from './sarif';
import { formatStylish } from './stylish';
import { unreadableCode, unreadableMessage, type Counts } from './summary';

export interface FormatContext {
  /** Paths are shown relative to this folder (and SARIF resolves them against it). */
  readonly cwd: string;
  readonly color: boolean;
  readonly version: string;
  /** Findings `--quiet` left out, by severity: the summary says so instead of "No problems". */
  readonly hidden?: Counts;
  /** Findings scope-lint-suppressions.json hid, and that file's path as shown. */
  readonly suppressed?: { readonly count: number; readonly file: string } | undefined;
}

export type Formatter = (results: readonly FileResult[], context: FormatContext) => string;

const formatters = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  markdown: formatRegister('markdown'),
  csv: formatRegister('csv'),
  html: formatRegister('html'),
} as const satisfies Record<FormatName, Formatter>;

export { formatNames, type FormatName };

export function formatResults(name: FormatName, results: readonly FileResult[], context: FormatContext): string {
  // SARIF reports paths it could not read as tool notifications; every other format as an error
  // finding on the path, so no reader of the report can take it for "no problems".
  // The register formats say it in their own words: "could not be checked", never a passed file.
  if (name === 'sarif' || name === 'markdown' || name === 'csv' || name === 'html') return formatters[name](results, context);
  return formatters[name](results.map(unreadableAsFinding), context);
}

function unreadableAsFinding(result: FileResult): FileResult {
  if (result.readError === undefined) return result;
  const message = unreadableMessage(result.readError);
  return {
    filePath: result.filePath,
    messages: [{ ruleId: unreadableCode, severity: 'error', message, line: 1, column: 1, endLine: 1, endColumn: 1 }],
  };
}
