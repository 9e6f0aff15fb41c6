// Our language server against yaml-language-server on the same generated files, with the same
// client, interleaved (the order alternates from one repetition to the next), and the `yaml`
// parse of the same text in this process as the floor.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { LineCounter, parseDocument } from 'yaml';
import type { GeneratedScope, Position } from './generate';
import { BenchClient, type ServerSpec } from './lsp';

export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function servers(root: string, dist: string): { ours: ServerSpec; theirs: ServerSpec } {
  const schemaUri = pathToFileURL(join(root, 'schemas', 'scope.schema.json')).href;
  return {
    ours: {
      name: 'scope-yaml',
      command: [process.execPath, join(dist, 'server.js'), '--stdio'],
      languageId: 'scope-yaml',
      settings: { scope: {} },
      // Ours asks per document, when it checks one.
      pullsOnChange: false,
    },
    theirs: {
      name: 'yaml-language-server',
      command: [process.execPath, join(root, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'), '--stdio'],
      languageId: 'yaml',
      pullsOnChange: true,
      settings: {
        yaml: {
          validate: true,
          hover: true,
          completion: true,
          format: { enable: false },
          schemas: { [schemaUri]: '*.scope.yaml' },
          // No catalogue download: only our schema, from disk.
          schemaStore: { enable: false },
        },
        http: { proxy: '', proxyStrictSSL: false },
        '[yaml]': {},
        editor: { tabSize: 2 },
        files: { associations: {} },
      },
    },
  };
}

export interface ServerFigures {
  startMs: number;
  openMs: number;
  firstCount: number;
  changeMs: number;
  cpuMsPerValidation: number;
  peakRssMb: number;
  /** Peak RSS before fix all: opening, editing, hover and completion, what both servers do. */
  peakRssBeforeFixAllMb: number;
  hoverMs: number;
  completionMs: number;
  /** Ours only: executeCommand scope.applyAllFixes until workspace/applyEdit arrives. */
  fixAllMs?: number;
  /** Why fix all gave no edit (e.g. stopped by its time bound). */
  fixAllStopped?: string;
}

export interface FileFigures {
  readonly lines: number;
  readonly kb: number;
  readonly floorMs: number;
  readonly ours: ServerFigures;
  readonly theirs: ServerFigures;
}

function floor(text: string, runs: number): number {
  // Warm-up runs first: the floor is the parser's speed once its code is compiled.
  for (let i = 0; i < 3; i++) parseDocument(text, { lineCounter: new LineCounter() });
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    parseDocument(text, { lineCounter: new LineCounter() });
    samples.push(performance.now() - started);
  }
  return median(samples);
}

const at = (p: Position, dx = 0) => ({ line: p.line, character: p.character + dx });

/** One cold session: start, initialize, settings, open, first diagnostics, stop. */
export async function cold(
  spec: ServerSpec,
  rootUri: string,
  uri: string,
  text: string,
): Promise<{ start: number; open: number; count: number }> {
  const client = await BenchClient.start(spec, rootUri);
  try {
    await client.configure();
    const { ms, count } = await client.open(uri, text);
    return { start: client.initializedAt - client.spawnedAt, open: ms, count };
  } finally {
    await client.stop();
  }
}

interface WarmResult {
  changeMs: number;
  cpuMsPerValidation: number;
  peakRssMb: number;
  peakRssBeforeFixAllMb: number;
  hoverMs: number;
  completionMs: number;
  fixAllMs?: number;
  fixAllStopped?: string;
}

/** One warm session: edits, CPU, hover, completion, fix all (ours), then peak RSS. */
async function warm(
  spec: ServerSpec,
  rootUri: string,
  uri: string,
  file: GeneratedScope,
  edits: number,
  fixAllRuns: number,
): Promise<WarmResult> {
  const client = await BenchClient.start(spec, rootUri);
  try {
    await client.configure();
    await client.open(uri, file.text);
    const insert = { start: at(file.edit), end: at(file.edit) };
    const remove = { start: at(file.edit), end: at(file.edit, 1) };
    // Typing one character and deleting it: the text alternates between two versions.
    const edit = (i: number) => (i % 2 === 0 ? client.change(uri, insert, 'x') : client.change(uri, remove, ''));
    for (let i = 0; i < 2; i++) await edit(i);
    const cpuBefore = client.cpuSeconds();
    const changes: number[] = [];
    for (let i = 0; i < edits; i++) changes.push(await edit(i));
    const cpuAfter = client.cpuSeconds();
    const hovers: number[] = [];
    const completions: number[] = [];
    const textDocument = { uri };
    for (let i = 0; i < 21; i++) {
      hovers.push((await client.timed('textDocument/hover', { textDocument, position: file.hover })).ms);
      completions.push((await client.timed('textDocument/completion', { textDocument, position: file.completion })).ms);
    }
    const peakRssBeforeFixAllMb = client.peakRssMb();
    let fixAllMs: number | undefined;
    let fixAllStopped: string | undefined;
    if (fixAllRuns > 0) {
      // Each run on a new version: the server does not redo a fix all of a version it already fixed.
      const fixes: number[] = [];
      for (let i = 0; i < fixAllRuns; i++) {
        await edit(edits + i);
        const applied = client.nextApplyEdit();
        const sent = performance.now();
        await client.connection.sendRequest('workspace/executeCommand', { command: 'scope.applyAllFixes', arguments: [uri] });
        try {
          fixes.push((await applied) - sent);
        } catch (error) {
          // Stopped by its time bound (or nothing to fix): a figure of its own, not the end of the run.
          fixAllStopped = error instanceof Error ? error.message : String(error);
          break;
        }
      }
      fixAllMs = fixAllStopped ? NaN : median(fixes);
    }
    return {
      changeMs: median(changes),
      cpuMsPerValidation: ((cpuAfter - cpuBefore) * 1000) / edits,
      peakRssMb: client.peakRssMb(),
      peakRssBeforeFixAllMb,
      hoverMs: median(hovers),
      completionMs: median(completions),
      ...(fixAllMs !== undefined ? { fixAllMs } : {}),
      ...(fixAllStopped ? { fixAllStopped } : {}),
    };
  } finally {
    await client.stop();
  }
}

export interface ServerBenchOptions {
  readonly root: string;
  /** Where our server.js is (default: the repository's dist/). */
  readonly dist: string;
  readonly dir: string;
  /** Cold sessions per server and file (start and open are medians of these). */
  readonly coldRuns: (lines: number) => number;
  /** Edits per warm session, by file size: the change median and the CPU per validation are over these. */
  readonly edits: (lines: number) => number;
  readonly log: (line: string) => void;
}

export async function benchServers(files: readonly GeneratedScope[], options: ServerBenchOptions): Promise<FileFigures[]> {
  const { ours, theirs } = servers(options.root, options.dist);
  mkdirSync(options.dir, { recursive: true });
  const rootUri = pathToFileURL(options.dir).href;
  const results: FileFigures[] = [];
  for (const file of files) {
    const name = `bench-${file.lines}.scope.yaml`;
    writeFileSync(join(options.dir, name), file.text);
    const uri = pathToFileURL(join(options.dir, name)).href;
    const floorMs = floor(file.text, file.lines > 10_000 ? 7 : 21);
    const runs = options.coldRuns(file.lines);
    const colds = { ours: [] as Awaited<ReturnType<typeof cold>>[], theirs: [] as Awaited<ReturnType<typeof cold>>[] };
    for (let i = 0; i < runs; i++) {
      const order = i % 2 === 0 ? (['ours', 'theirs'] as const) : (['theirs', 'ours'] as const);
      for (const who of order) colds[who].push(await cold(who === 'ours' ? ours : theirs, rootUri, uri, file.text));
    }
    options.log(`  ${file.lines} lines: ${runs} cold sessions each done`);
    const fixAllRuns = file.lines > 10_000 ? 3 : 5;
    const edits = options.edits(file.lines);
    const warmTheirs = await warm(theirs, rootUri, uri, file, edits, 0);
    const warmOurs = await warm(ours, rootUri, uri, file, edits, fixAllRuns);
    const figures = (c: typeof colds.ours, w: WarmResult): ServerFigures => ({
      startMs: median(c.map((x) => x.start)),
      openMs: median(c.map((x) => x.open)),
      firstCount: c[0]?.count ?? 0,
      ...w,
    });
    results.push({
      lines: file.lines,
      kb: file.text.length / 1024,
      floorMs,
      ours: figures(colds.ours, warmOurs),
      theirs: figures(colds.theirs, warmTheirs),
    });
    options.log(`  ${file.lines} lines: warm sessions done`);
  }
  return results;
}

/**
 * Start-up of several builds of our server and of yaml-language-server, interleaved round by round
 * (the order rotating), on one file: start → initialize result and open → first diagnostics.
 */
export async function benchStartup(
  root: string,
  dists: readonly string[],
  file: GeneratedScope,
  dir: string,
  rounds: number,
): Promise<{ name: string; startMs: number; openMs: number }[]> {
  mkdirSync(dir, { recursive: true });
  const rootUri = pathToFileURL(dir).href;
  const path = join(dir, `startup-${file.lines}.scope.yaml`);
  writeFileSync(path, file.text);
  const uri = pathToFileURL(path).href;
  const specs: ServerSpec[] = [
    ...dists.map((dist) => ({
      ...servers(root, dist).ours,
      name: dist === join(root, 'dist') ? 'ours (dist/)' : dist.endsWith('dist-production') ? 'ours (production bundles)' : dist,
    })),
    servers(root, dists[0] ?? '').theirs,
  ];
  const samples = specs.map(() => ({ start: [] as number[], open: [] as number[] }));
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < specs.length; k++) {
      const i = (k + round) % specs.length;
      const result = await cold(specs[i] as ServerSpec, rootUri, uri, file.text);
      samples[i]?.start.push(result.start);
      samples[i]?.open.push(result.open);
    }
  }
  return specs.map((spec, i) => ({ name: spec.name, startMs: median(samples[i]?.start ?? []), openMs: median(samples[i]?.open ?? []) }));
}
