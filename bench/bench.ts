// `npm run bench`: how fast a document is checked, as a ratio against a baseline measured in the
// same run on the same text (parsing it with `yaml` alone), so a noisy shared machine cancels out.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { LineCounter, parseDocument } from 'yaml';
import type { Diagnostic } from 'vscode-languageserver-types';
import { ScopeDocument } from '../server/src/service/document';
import { resolveFix, type ResolvedFix } from '../server/src/service/edits';
import { FindingLookup } from '../server/src/service/findingLookup';
import { hover } from '../server/src/service/hover';
import { rulesById } from '../server/src/service/rules';
import { mergeSettings } from '../server/src/service/settings';
import { validate, type Analysis } from '../server/src/service/validate';

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
    hover(doc, diagnostics, { line: Math.max(0, line), character: 4 }, settings);
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

// ---- per keystroke: what each change costs the worker and sends to the client ------------------

/**
 * The payload as it was before fixes became lazy (issue 11): every fix of every finding resolved
 * into text edits and snippets, and sent in `data` with the finding's facts.
 */
function eagerPayload(doc: ScopeDocument, analysis: Analysis, facts?: ReadonlyMap<Diagnostic, readonly string[]>): string {
  const diagnostics = analysis.diagnostics.map((d) => {
    if (d.data === undefined) return d;
    const fixes: ResolvedFix[] = [];
    for (const fix of analysis.fixes.get(d) ?? []) {
      const resolved = resolveFix(doc, fix);
      if (resolved) fixes.push(resolved);
    }
    const code = String(d.code);
    const found = facts?.get(d);
    const data = {
      ruleId: code,
      path: (d.data as { path: string }).path,
      fixes,
      ...(found?.length ? { facts: found } : {}),
      ...(rulesById.has(code) ? { risk: true } : {}),
    };
    return { ...d, data };
  });
  return JSON.stringify({ uri: doc.uri, version: doc.version, diagnostics });
}

const keystrokeRows: string[][] = [
  ['document', 'yaml parse (baseline)', 'eager fixes', 'ratio', 'lazy fixes', 'ratio', 'lazy / eager', 'payload eager', 'payload lazy'],
];
for (const [name, text] of cases) {
  const runs = text.length > 500_000 ? 5 : text.length > 50_000 ? 15 : 60;
  const parseOnly = (): void => {
    parseDocument(text, { lineCounter: new LineCounter() });
  };
  // What the worker does per change, up to the message it posts: validate and serialise.
  const eager = measure(runs, parseOnly, () => {
    const doc = new ScopeDocument('file:///bench.scope.yaml', 1, text, settings.limits);
    eagerPayload(doc, validate(doc, settings));
  });
  const lazy = measure(runs, parseOnly, () => {
    const doc = new ScopeDocument('file:///bench.scope.yaml', 1, text, settings.limits);
    const { diagnostics } = validate(doc, settings);
    JSON.stringify({ uri: doc.uri, version: doc.version, diagnostics });
  });
  const doc = new ScopeDocument('file:///bench.scope.yaml', 1, text, settings.limits);
  const analysis = validate(doc, settings);
  const lookup = new FindingLookup(doc, settings);
  const facts = new Map(analysis.diagnostics.map((d) => [d, lookup.finding(d.code, d.data)?.facts ?? []]));
  const eagerBytes = Buffer.byteLength(eagerPayload(doc, analysis, facts));
  const lazyBytes = Buffer.byteLength(JSON.stringify({ uri: doc.uri, version: doc.version, diagnostics: analysis.diagnostics }));
  keystrokeRows.push([
    name,
    `${eager.base.toFixed(2)} ms`,
    `${eager.subj.toFixed(2)} ms`,
    `${(eager.subj / eager.base).toFixed(2)}x`,
    `${lazy.subj.toFixed(2)} ms`,
    `${(lazy.subj / lazy.base).toFixed(2)}x`,
    `${(lazy.subj / lazy.base / (eager.subj / eager.base)).toFixed(2)}`,
    `${eagerBytes.toLocaleString('en')} B`,
    `${lazyBytes.toLocaleString('en')} B (${Math.round((lazyBytes / eagerBytes) * 100)}%)`,
  ]);
}
console.log(
  '\nPer keystroke: validate and serialise the publishDiagnostics params, with every fix resolved (eager, before issue 11) or none (lazy).',
);
const keystrokeWidths = keystrokeRows[0]!.map((_, i) => Math.max(...keystrokeRows.map((r) => (r[i] ?? '').length)));
for (const row of keystrokeRows) console.log(row.map((cell, i) => cell.padEnd(keystrokeWidths[i] ?? 0)).join('  '));
