// `npm run bench` (`--quick`: small files only, a couple of minutes; `--only=lsp,startup,cli,
// inprocess,incremental`: those sections; `--sizes=50,30000`: the server section on those sizes; `--write`: also write docs/benchmarks.md, which a full
// run always does). Every figure is a ratio against a baseline measured in the same run:
// yaml-language-server and ajv-cli on the same files and schema, and parsing the same text with
// `yaml` alone, so a noisy shared machine cancels out.
// Sections: language servers over stdio (servers.ts), the CLI (cli.ts), in-process checks (here).
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchCli, type CliFigures } from './cli';
import { generateScope } from './generate';
import { benchServers, benchStartup, type FileFigures } from './servers';
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
import { IncrementalChecker } from '../server/src/service/incremental';

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

/** The in-process checks: full check and hover against a parse, and the per-keystroke payload. */
function inProcess(quick: boolean): { rows: string[][]; keystrokeRows: string[][] } {
  const cases: [string, string][] = [
    ['full example (5 KB)', golden('full')],
    ['risky example (38 findings)', golden('risky')],
    ['200 deliverables', large(200)],
    ...(quick
      ? []
      : ([
          ['2,000 deliverables', large(2000)],
          ['1,000 unlinked deliverables (1,000 findings with fixes)', large(1000, false)],
        ] as [string, string][])),
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
  return { rows, keystrokeRows };
}

// ---- an edit in a long file: the incremental check (issue 15) -----------------------------------

/**
 * Typing and deleting one character at the end of a deliverable title in the middle of a generated
 * file, as the language server's worker checks each version (IncrementalChecker: the item reparsed
 * alone, the findings of rules that did not read the section kept), against parsing the same text
 * with `yaml` alone and against a full check; CPU time of this thread, medians of interleaved runs.
 */
function incremental(quick: boolean): string[][] {
  const rows: string[][] = [
    [
      'document',
      'yaml parse (floor)',
      'full check',
      'incremental check',
      'incremental / floor',
      'incremental / full',
      'reparsed as one item',
    ],
  ];
  for (const lines of quick ? [5_000] : [5_000, 30_000]) {
    const file = generateScope(root, lines);
    const starts = [0];
    for (let i = 0; i < file.text.length; i++) if (file.text[i] === '\n') starts.push(i + 1);
    const at = (starts[file.edit.line] ?? 0) + file.edit.character;
    const cpu = (): number => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
    const checker = new IncrementalChecker();
    checker.check('file:///bench.scope.yaml', 0, file.text, settings);
    const floor: number[] = [];
    const full: number[] = [];
    const inc: number[] = [];
    let local = 0;
    const runs = lines > 10_000 ? 9 : 21;
    let text = file.text;
    for (let v = 1; v <= runs; v++) {
      text = v % 2 ? `${text.slice(0, at)}x${text.slice(at)}` : text.slice(0, at) + text.slice(at + 1);
      let t = cpu();
      parseDocument(text, { lineCounter: new LineCounter() });
      floor.push(cpu() - t);
      if (v <= 3) {
        t = cpu();
        validate(new ScopeDocument('file:///full.scope.yaml', v, text, settings.limits), settings);
        full.push(cpu() - t);
      }
      t = cpu();
      checker.check('file:///bench.scope.yaml', v, text, settings);
      inc.push(cpu() - t);
      if (checker.lastMode === 'item') local++;
    }
    const f = median(floor);
    const i = median(inc);
    rows.push([
      `${file.lines.toLocaleString('en')} lines (${Math.round(file.text.length / 1024)} KB)`,
      `${f.toFixed(0)} ms`,
      `${median(full).toFixed(0)} ms`,
      `${i.toFixed(0)} ms`,
      `${(i / f).toFixed(3)}x`,
      `${(i / median(full)).toFixed(3)}x`,
      `${local} of ${runs}`,
    ]);
  }
  return rows;
}

// ---- the run -----------------------------------------------------------------------------------

const quick = process.argv.includes('--quick');
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
// A run of some sections (`--only=incremental`) does not replace the page of a full run unless asked.
const write = process.argv.includes('--write') || (!quick && !only);
const wants = (section: string): boolean => !only || only.includes(section);
/** `--sizes=50,30000`: the language-server section on files of these many lines only. */
const sizesArg = process.argv
  .find((a) => a.startsWith('--sizes='))
  ?.slice('--sizes='.length)
  .split(',')
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);
/** `--dist=<folder>`: measure the server.js and cli.js there (e.g. an older build) instead of dist/. */
const dist = process.argv.find((a) => a.startsWith('--dist='))?.slice('--dist='.length) ?? join(root, 'dist');

const ms = (value: number): string =>
  value >= 100 ? `${value.toFixed(0)} ms` : value >= 10 ? `${value.toFixed(1)} ms` : `${value.toFixed(2)} ms`;
const ratio = (a: number, b: number): string => (Number.isFinite(a / b) ? `${(a / b).toFixed(a / b < 0.1 ? 3 : 2)}×` : 'n/a');

function markdown(rows: readonly (readonly string[])[]): string {
  const [head, ...rest] = rows;
  if (!head) return '';
  const line = (row: readonly string[]) => `| ${row.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rest.map(line)].join('\n');
}

function serverTable(files: readonly FileFigures[]): string[][] {
  const rows: string[][] = [['file', 'measure', 'ours', 'yaml-language-server', 'ours / theirs', 'ours / floor']];
  for (const f of files) {
    const name = `${f.lines.toLocaleString('en')} lines (${Math.round(f.kb)} KB)`;
    const { ours, theirs } = f;
    const row = (measure: string, a: number, b: number | undefined, floorRatio = true) =>
      rows.push([
        name,
        measure,
        ms(a),
        b === undefined ? '–' : ms(b),
        b === undefined ? '–' : ratio(a, b),
        floorRatio ? ratio(a, f.floorMs) : '–',
      ]);
    rows.push([name, 'floor: `yaml` parseDocument, in process', ms(f.floorMs), '', '', '']);
    row('server start → initialize result', ours.startMs, theirs.startMs, false);
    row('open → first diagnostics', ours.openMs, theirs.openMs);
    row('change → diagnostics (median)', ours.changeMs, theirs.changeMs);
    row('CPU per validation (process, all threads)', ours.cpuMsPerValidation, theirs.cpuMsPerValidation);
    rows.push([
      name,
      'peak RSS (VmHWM)',
      `${ours.peakRssMb.toFixed(0)} MB`,
      `${theirs.peakRssMb.toFixed(0)} MB`,
      ratio(ours.peakRssMb, theirs.peakRssMb),
      '–',
    ]);
    rows.push([
      name,
      'peak RSS before fix all (open, edits, hover, completion)',
      `${ours.peakRssBeforeFixAllMb.toFixed(0)} MB`,
      `${theirs.peakRssBeforeFixAllMb.toFixed(0)} MB`,
      ratio(ours.peakRssBeforeFixAllMb, theirs.peakRssBeforeFixAllMb),
      '–',
    ]);
    row('hover (median)', ours.hoverMs, theirs.hoverMs);
    row('completion (median)', ours.completionMs, theirs.completionMs);
    if (ours.fixAllStopped) rows.push([name, 'fix all → workspace/applyEdit', `no edit: ${ours.fixAllStopped}`, '–', '–', '–']);
    else if (ours.fixAllMs !== undefined) {
      row('fix all → workspace/applyEdit (median)', ours.fixAllMs, undefined);
      rows.push([name, 'fix all / our change → diagnostics', '', '', '', ratio(ours.fixAllMs, ours.changeMs)]);
      // The target (issue 15): fix all in at most twice one full check, as open → first diagnostics makes one.
      rows.push([name, 'fix all / our open → first diagnostics (one full check)', '', '', '', ratio(ours.fixAllMs, ours.openMs)]);
    }
    rows.push([name, 'diagnostics on open (count)', String(ours.firstCount), String(theirs.firstCount), '', '']);
  }
  return rows;
}

function cliTable(c: CliFigures): string[][] {
  return [
    ['measure', 'ours (schema + all rules)', 'ajv-cli 5.0.0 (schema only)', 'ours / ajv-cli', '`node -e 0`', 'ours / node'],
    [
      'one small file, process start → exit',
      ms(c.smallOursMs),
      ms(c.smallTheirsMs),
      ratio(c.smallOursMs, c.smallTheirsMs),
      ms(c.smallNodeMs),
      ratio(c.smallOursMs, c.smallNodeMs),
    ],
    [
      `${c.files.toLocaleString('en')} files of about 150 lines (ajv-cli given them as JSON)`,
      ms(c.manyOursMs),
      ms(c.manyTheirsMs),
      ratio(c.manyOursMs, c.manyTheirsMs),
      '',
      '',
    ],
    [
      `${c.files.toLocaleString('en')} files of about 150 lines (ajv-cli given the YAML files)`,
      ms(c.manyOursMs),
      ms(c.manyTheirsYamlMs),
      ratio(c.manyOursMs, c.manyTheirsYamlMs),
      '',
      '',
    ],
    [
      `floor: \`yaml\` parseDocument of the ${c.files.toLocaleString('en')} files, in process, one thread`,
      ms(c.manyFloorMs),
      ms(c.manyTheirsMs),
      ratio(c.manyFloorMs, c.manyTheirsMs),
      '',
      '',
    ],
  ];
}

async function main(): Promise<void> {
  const out: string[] = [];
  const section = (title: string, text: string, note?: string) => {
    const block = [`## ${title}`, '', ...(note ? [note, ''] : []), text, ''].join('\n');
    console.log(`\n${block}`);
    out.push(block);
  };
  const log = (line: string) => console.error(line);
  const work = join(tmpdir(), `scope-bench-${process.pid}`);
  if (wants('lsp')) {
    const sizes = sizesArg ?? (quick ? [50, 500] : [50, 500, 5_000, 30_000]);
    const files = sizes.map((lines) => generateScope(root, lines));
    log(`language servers: ${files.map((f) => f.lines).join(', ')} lines`);
    const figures = await benchServers(files, {
      root,
      dist,
      dir: join(work, 'lsp'),
      coldRuns: (lines) => (quick ? 3 : lines > 10_000 ? 3 : lines > 1_000 ? 5 : 7),
      // CPU is read in clock ticks (10 ms): over 21 edits of a small file a tick is a quarter of one
      // edit's figure, and the first edits after open (code still being optimised) weigh as much as the rest.
      edits: (lines) => (quick ? 20 : lines <= 1_000 ? 101 : 21),
      log,
    });
    section(
      'Language server: ours against yaml-language-server 1.25.0',
      markdown(serverTable(figures)),
      'Both over stdio with the same client, the same files and schema (`yaml.schemas` → schemas/scope.schema.json), push diagnostics, incremental sync. ' +
        'Start and open: medians of fresh servers, the order alternating. Change: typing and deleting one character at the end of a deliverable title in the middle of the file, ' +
        'each edit waiting for its diagnostics (yaml-language-server waits 200 ms before it validates: its real behaviour, measured as is). ' +
        'CPU: utime + stime of the server process over the edits, per edit (101 edits on files up to 1,000 lines, where one clock tick of 10 ms is a large part of an edit; 21 above). Fix all: `scope.applyAllFixes`, on a new version each time, until `workspace/applyEdit` arrives.',
    );
  }
  if (wants('startup')) {
    // `--startup=<dist>,<dist>`: builds to compare (default: ours); every one against yaml-language-server.
    const dists = process.argv
      .find((a) => a.startsWith('--startup='))
      ?.slice('--startup='.length)
      .split(',') ?? [dist];
    const rounds = quick ? 7 : 9;
    log(`start-up: ${dists.length} build(s) and yaml-language-server, ${rounds} rounds`);
    for (const lines of [50]) {
      const results = await benchStartup(root, dists, generateScope(root, lines), join(work, 'startup'), rounds);
      const theirs = results[results.length - 1];
      const rows = [
        ['server', 'start → initialize result', '/ yaml-language-server', 'open → first diagnostics', '/ yaml-language-server'],
      ];
      for (const r of results)
        rows.push([r.name, ms(r.startMs), ratio(r.startMs, theirs?.startMs ?? NaN), ms(r.openMs), ratio(r.openMs, theirs?.openMs ?? NaN)]);
      section(
        `Start-up on a ${lines.toLocaleString('en')}-line file`,
        markdown(rows),
        `Fresh servers, ${rounds} rounds, the order rotating each round; medians.`,
      );
    }
  }
  if (wants('cli')) {
    log('CLI');
    const figures = benchCli(root, dist, join(work, 'cli'), { files: 1_000, runs: quick ? 5 : 11, manyRuns: quick ? 1 : 3 });
    section(
      'CLI: ours against ajv-cli',
      markdown(cliTable(figures)),
      'ajv-cli validates the same generated files against the same schema (all errors, `date` format), converted to JSON once outside the timing: ' +
        "its YAML reader (js-yaml, YAML 1.1) turns unquoted dates into Date objects that the schema's date strings reject; it is also timed on the YAML files themselves. " +
        'The floor row is `yaml` parseDocument of the same texts on one thread, against ajv-cli on JSON: parsing alone, before any check. Wall time, medians.',
    );
  }
  if (wants('incremental')) {
    log('incremental');
    section(
      'In process: an edit in a long file',
      markdown(incremental(quick)),
      'Typing and deleting one character at the end of a deliverable title in the middle of the file, checked as the worker checks each version (the edited item reparsed alone, the findings of rules that did not read its section kept); CPU time, medians.',
    );
  }
  if (wants('inprocess')) {
    log('in process');
    const { rows, keystrokeRows } = inProcess(quick);
    section(
      'In process: full check and hover',
      markdown(rows),
      'ratio = time / time of parsing the same text with `yaml` alone, medians of interleaved runs in this process.',
    );
    section(
      'In process: per keystroke',
      markdown(keystrokeRows),
      'Validate and serialise the publishDiagnostics params, with every fix resolved (eager, before issue 11) or none (lazy).',
    );
  }
  rmSync(work, { recursive: true, force: true });
  if (write) {
    const commit = (() => {
      try {
        return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
      } catch {
        return 'unknown';
      }
    })();
    const cores = cpus();
    const header = [
      '# Benchmarks',
      '',
      `Written by \`npm run bench${quick ? ' -- --quick --write' : ''}\`${dist === join(root, 'dist') ? '' : dist.endsWith('dist-production') ? ' (ours: the minified bundles the .vsix and the npm package ship)' : ` (our bundles from ${dist})`} on ${new Date().toISOString().slice(0, 10)} at commit ${commit}: ` +
        `${cores.length} cores (${cores[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}, ${process.platform}. ` +
        'Every absolute figure depends on the machine and its load; the ratios, measured in the same run, are what to compare.',
      '',
    ].join('\n');
    writeFileSync(join(root, 'docs', 'benchmarks.md'), `${header}\n${out.join('\n')}`);
    log('wrote docs/benchmarks.md');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
