// `--statistics`: how many findings each rule has, most first, instead of each finding (ruff's
// --statistics): where to start on a repository with many findings.
import { titleOf, type FileResult } from './lint';
import { hiddenByQuiet, plural, type Counts } from './format/summary';

export interface RuleCount {
  readonly ruleId: string;
  readonly title: string;
  readonly count: number;
}

export function countByRule(results: readonly FileResult[]): RuleCount[] {
  const counts = new Map<string, number>();
  for (const r of results) for (const m of r.messages) counts.set(m.ruleId, (counts.get(m.ruleId) ?? 0) + 1);
  return [...counts]
    .map(([ruleId, count]) => ({ ruleId, title: titleOf(ruleId), count }))
    .sort((a, b) => b.count - a.count || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
}

export function formatStatistics(results: readonly FileResult[], style: 'table' | 'json', hidden?: Counts): string {
  const rows = countByRule(results);
  if (style === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  const files = plural(results.filter((r) => r.readError === undefined).length, 'file');
  const quiet = hiddenByQuiet(hidden);
  if (rows.length === 0) return `${quiet ? 'No errors' : 'No problems'} in ${files}${quiet}.\n`;
  const countWidth = String(rows[0]?.count ?? 0).length;
  const idWidth = Math.max(...rows.map((r) => r.ruleId.length));
  const lines = rows.map((r) => `${String(r.count).padStart(countWidth)}  ${r.ruleId.padEnd(idWidth)}  ${r.title}`);
  const total = rows.reduce((n, r) => n + r.count, 0);
  return `${lines.join('\n')}\n\n${plural(total, quiet ? 'error' : 'problem')} in ${files}${quiet}.\n`;
}
