// `npm run bench`: how fast a document is checked, as a ratio against a baseline measured in the
// same run on the same text (parsing it with `yaml` alone), so a noisy shared machine cancels out.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { LineCounter, parseDocument } from 'yaml';
import { ScopeDocument } from '../server/src/service/document';
import { hover } from '../server/src/service/hover';
import { mergeSettings } from '../server/src/service/settings';
import { validate } from '../server/src/service/validate';

const root = join(__dirname, '..', '..');
const settings = mergeSettings({ today: '2027-01-04', limits: { maxFileSizeKB: 16384 } });

function golden(name: string): string {
  return readFileSync(join(root, 'test', 'fixtures', 'golden', `${name}.scope.yaml`), 'utf8');
}

/** A large but realistic scope: the full example with `n` extra deliverables, measures and milestones. */
function large(n: number, linked = true): string {
  const base = golden('full');
  const deliverables: string[] = [];
  const measures: string[] = [];
  const milestones: string[] = [];
  for (let i = 10; i < n + 10; i++) {
    deliverables.push(
      `  - id: D${i}\n    title: Module ${i} of the portal\n    description: Feature set ${i}, as described in Annex ${i}.\n    acceptance_criteria:\n      - All ${i} test cases in Annex B${i} pass on staging.\n    due: 2027-05-${String((i % 27) + 1).padStart(2, '0')}`,
    );
    measures.push(
      `  - { id: SM${i}, metric: Defects in module ${i}, target: "< 5", unit: defects/month, measured_by: Jira report, deliverables: [${linked ? `D${i}` : 'D1'}] }`,
    );
    milestones.push(
      `    - { id: M${i}, name: Module ${i} accepted, date: 2027-06-${String((i % 27) + 1).padStart(2, '0')}, deliverables: [D${i}] }`,
    );
  }
  return base
    .replace('\nsuccess_measures:\n', `\n${deliverables.join('\n')}\n\nsuccess_measures:\n`)
    .replace('\nbudget:\n', `\n${measures.join('\n')}\n\nbudget:\n`)
    .replace('\nacceptance:\n', `\n${milestones.join('\n')}\n\nacceptance:\n`);
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Interleaves baseline and subject runs so both see the same machine load. */
function measure(runs: number, baseline: () => void, subject: () => void): { base: number; subj: number } {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    baseline();
    a.push(performance.now() - t);
    t = performance.now();
    subject();
    b.push(performance.now() - t);
  }
  return { base: median(a), subj: median(b) };
}

const cases: [string, string][] = [
  ['full example (5 KB)', golden('full')],
  ['risky example (38 findings)', golden('risky')],
  ['200 deliverables', large(200)],
  ['2,000 deliverables', large(2000)],
  ['1,000 unlinked deliverables (1,000 findings with fixes)', large(1000, false)],
];

const rows: string[][] = [['document', 'size', 'yaml parse (baseline)', 'full check', 'ratio', 'hover', 'ratio']];
for (const [name, text] of cases) {
  const runs = text.length > 500_000 ? 5 : text.length > 50_000 ? 15 : 60;
  const parseOnly = (): void => {
    parseDocument(text, { lineCounter: new LineCounter() });
  };
  const check = measure(runs, parseOnly, () => {
    validate(new ScopeDocument('file:///bench.scope.yaml', 1, text, settings.limits), settings);
  });
  const doc = new ScopeDocument('file:///bench.scope.yaml', 1, text, settings.limits);
  const { diagnostics } = validate(doc, settings);
  const line = text.split('\n').findIndex((l) => l.startsWith('  contingency_percent'));
  const hov = measure(runs, parseOnly, () => {
    hover(doc, diagnostics, { line: Math.max(0, line), character: 4 });
  });
  rows.push([
    name,
    `${Math.round(text.length / 1024)} KB`,
    `${check.base.toFixed(2)} ms`,
    `${check.subj.toFixed(2)} ms`,
    `${(check.subj / check.base).toFixed(2)}x`,
    `${hov.subj.toFixed(3)} ms`,
    `${(hov.subj / hov.base).toFixed(3)}x`,
  ]);
}

const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  '));
console.log('\nratio = time / time of parsing the same text with `yaml` alone, medians of interleaved runs in this process.');
