// The output formats of scope-lint, as a table: name -> formatter.
import type { FileResult } from '../lint';
import { formatGithub } from './github';
import { formatJson } from './json';
import { formatMarkdown } from './markdown';
import { formatSarif } from './sarif';
import { formatStylish } from './stylish';

export interface FormatContext {
  /** Paths are shown relative to this folder (and SARIF resolves them against it). */
  readonly cwd: string;
  readonly color: boolean;
  readonly version: string;
}

export type Formatter = (results: readonly FileResult[], context: FormatContext) => string;

const formatters = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  markdown: formatMarkdown,
} as const satisfies Record<string, Formatter>;

export type FormatName = keyof typeof formatters;
export const formatNames = Object.keys(formatters) as FormatName[];

export function formatResults(name: FormatName, results: readonly FileResult[], context: FormatContext): string {
  return formatters[name](results, context);
}
