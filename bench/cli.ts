// The CLI against ajv-cli on the same files and schema: one small file from process start to
// exit, and 1,000 files of about 150 lines. ajv-cli reads YAML with js-yaml's YAML 1.1 schema,
// which turns `2027-03-26` into a Date that the schema's `date` strings reject, so it gets the
// same files converted to JSON once (YAML 1.2 core schema, as our parser reads them), outside
// the timing; and, as the issue words it ("the same files"), the YAML files themselves, where the
// dates fail the schema. It checks the schema only; ours runs the schema and every rule. The floor:
// parsing the same texts with `yaml` alone, which no linter of these files can go below.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse, parseDocument } from 'yaml';
import { generateScope } from './generate';
import { median } from './servers';

export interface CliFigures {
  readonly smallOursMs: number;
  readonly smallTheirsMs: number;
  /** `node -e 0`: the cost of starting Node at all. */
  readonly smallNodeMs: number;
  readonly files: number;
  readonly manyOursMs: number;
  readonly manyTheirsMs: number;
  /** ajv-cli given the YAML files themselves (it reads them with js-yaml; their dates fail `format: date`, which costs nothing extra). */
  readonly manyTheirsYamlMs: number;
  /** `yaml` parseDocument of the same 1,000 texts, in this process, one thread: what parsing alone costs us. */
  readonly manyFloorMs: number;
}

function wall(command: readonly string[]): number {
  const started = performance.now();
  const result = spawnSync(command[0] as string, command.slice(1), { stdio: 'ignore' });
  const ms = performance.now() - started;
  if (result.error) throw result.error;
  // Both exit 1 when they find problems; 2 (ours) or a signal is a broken run.
  if (result.status === null || result.status > 1) throw new Error(`${command.join(' ')}: exit ${String(result.status ?? result.signal)}`);
  return ms;
}

export function benchCli(root: string, dist: string, dir: string, options: { files: number; runs: number; manyRuns: number }): CliFigures {
  rmSync(dir, { recursive: true, force: true });
  const yamlDir = join(dir, 'yaml');
  const jsonDir = join(dir, 'json');
  mkdirSync(yamlDir, { recursive: true });
  mkdirSync(jsonDir, { recursive: true });
  const texts: string[] = [];
  for (let i = 0; i < options.files; i++) {
    const { text } = generateScope(root, 150, 1000 + i);
    texts.push(text);
    const name = `scope-${String(i).padStart(4, '0')}`;
    writeFileSync(join(yamlDir, `${name}.scope.yaml`), text);
    writeFileSync(join(jsonDir, `${name}.json`), JSON.stringify(parse(text)));
  }
  const small = generateScope(root, 50);
  writeFileSync(join(dir, 'small.scope.yaml'), small.text);
  writeFileSync(join(dir, 'small.json'), JSON.stringify(parse(small.text)));
  const node = process.execPath;
  const cli = join(dist, 'cli.js');
  const ajv = [
    node,
    join(root, 'node_modules', 'ajv-cli', 'dist', 'index.js'),
    'validate',
    '-s',
    join(root, 'schemas', 'scope.schema.json'),
    // Our options: all errors, `date` format; the schema's editor keywords are not ajv's (strict off).
    '--all-errors',
    '--strict=false',
    '-c',
    'ajv-formats',
  ];
  const smallOurs: number[] = [];
  const smallTheirs: number[] = [];
  const smallNode: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    smallNode.push(wall([node, '-e', '0']));
    smallOurs.push(wall([node, cli, join(dir, 'small.scope.yaml')]));
    smallTheirs.push(wall([...ajv, '-d', join(dir, 'small.json')]));
  }
  const manyOurs: number[] = [];
  const manyTheirs: number[] = [];
  const manyTheirsYaml: number[] = [];
  const manyFloor: number[] = [];
  for (let i = 0; i < options.manyRuns; i++) {
    manyOurs.push(wall([node, cli, yamlDir]));
    manyTheirs.push(wall([...ajv, '-d', join(jsonDir, '*.json')]));
    manyTheirsYaml.push(wall([...ajv, '-d', join(yamlDir, '*.scope.yaml')]));
    const started = performance.now();
    for (const text of texts) parseDocument(text);
    manyFloor.push(performance.now() - started);
  }
  return {
    smallOursMs: median(smallOurs),
    smallTheirsMs: median(smallTheirs),
    smallNodeMs: median(smallNode),
    files: options.files,
    manyOursMs: median(manyOurs),
    manyTheirsMs: median(manyTheirs),
    manyTheirsYamlMs: median(manyTheirsYaml),
    manyFloorMs: median(manyFloor),
  };
}
