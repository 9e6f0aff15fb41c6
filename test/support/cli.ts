// scope-lint in the test process: `runCli` with captured streams, the environment a CI job would
// have, and dist/cli.js as the worker bundle, so a case costs milliseconds instead of a process.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { runCli } from '../../server/src/cli/run';
import { repoRoot } from './paths';

export const cliPath = join(repoRoot, 'dist', 'cli.js');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliRunOptions {
  readonly cwd?: string;
  /** Added to the test's environment; `undefined` removes a variable. */
  readonly env?: Record<string, string | undefined>;
  /** Standard input (for --stdin). */
  readonly stdin?: string | Uint8Array;
}

/** The environment without the variables that change the CLI's output, plus `extra`. */
export function cliEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: undefined,
    FORCE_COLOR: undefined,
    SCOPE_LINT_WORKERS: undefined,
    SCOPE_CHECK_TIMEOUT_MS: undefined,
    SCOPE_LINT_WORKER_MEMORY_MB: undefined,
    ...extra,
  };
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}

/** A stream that keeps what is written to it. */
export class Capture extends Writable {
  private readonly chunks: Buffer[] = [];
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    callback();
  }
  get text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

/** `scope-lint ...args` in this process. */
export async function runInProcess(args: readonly string[], options: CliRunOptions = {}): Promise<CliRun> {
  const stdout = new Capture();
  const stderr = new Capture();
  const status = await runCli(args, {
    stdout,
    stderr,
    cwd: options.cwd ?? repoRoot,
    env: cliEnv(options.env),
    workerFile: cliPath,
    docsDir: join(repoRoot, 'docs', 'rules'),
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
  });
  return { status, stdout: stdout.text, stderr: stderr.text };
}

/** `node dist/cli.js ...args` as a real process: for what only the bin does (exit code, pipes, heap flags). */
export function runSpawned(
  args: readonly string[],
  options: CliRunOptions & { nodeArgs?: readonly string[]; wrapper?: readonly string[]; timeoutMs?: number } = {},
): CliRun {
  const command = [...(options.wrapper ?? []), process.execPath, ...(options.nodeArgs ?? []), cliPath, ...args];
  const result = spawnSync(command[0] ?? process.execPath, command.slice(1), {
    cwd: options.cwd ?? repoRoot,
    env: cliEnv(options.env),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    ...(options.stdin !== undefined ? { input: options.stdin } : {}),
    // A process that hangs is killed (status null): the test fails instead of hanging too.
    ...(options.timeoutMs ? { timeout: options.timeoutMs, killSignal: 'SIGKILL' as const } : {}),
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
