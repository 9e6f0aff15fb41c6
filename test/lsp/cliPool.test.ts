// The CLI's worker pool has the editor's bounds: a file over the time bound is that file's
// `input/timeout`, a worker over its heap limit or one that cannot start costs only the file it
// had (`input/check-failed`), and the run always goes on to report every other file.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { lintText } from '../../server/src/cli/lint';
import { runCli } from '../../server/src/cli/run';
import { defaultSettings } from '../../server/src/service/settings';
import { Capture, cliEnv, runInProcess } from '../support/cli';
import { fixturesDir, repoRoot } from '../support/paths';

interface JsonFile {
  filePath: string;
  messages: { ruleId: string; severity: string; message: string }[];
}

const risky = join(fixturesDir, 'golden', 'risky.scope.yaml');

/** A realistic scope file of about `kb` kilobytes (seconds to check): the full example with its deliverables repeated. */
function largeScope(kb: number): string {
  const full = readFileSync(join(fixturesDir, 'golden', 'full.scope.yaml'), 'utf8');
  const match = /^deliverables:\n((?: {2}.*\n|\n)*)/m.exec(full);
  const block = match?.[1] ?? '';
  let items = '';
  for (let i = 0; items.length < kb * 1024; i++) items += block.replace(/\bid: (\w+)/g, (_, id: string) => `id: ${id}x${i}`);
  return full.replace(match?.[0] ?? '', `deliverables:\n${items}`);
}

const summary = (files: JsonFile[]): string[] =>
  files.map((f) => `${f.filePath.split('/').pop()}: ${f.messages.length === 1 ? f.messages[0]?.ruleId : f.messages.length}`);

describe('scope-lint: worker pool bounds', () => {
  let dir: string;
  let big: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'scope-cli-pool-'));
    big = join(dir, 'big.scope.yaml');
    // Near the 2 MB limit: its check takes about a thousand times the small file's.
    writeFileSync(big, largeScope(1900));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a file over the time bound is its own input/timeout; the next file is still checked', async () => {
    // The bound sits between the two files' own times, measured here and now (so it holds at any
    // machine load): the geometric mean of the small file's first (cold) check and the near-2 MB
    // file's check (about 70 ms and 1,100 ms on a quiet machine) leaves a wide margin on both sides.
    const timed = (file: string): number => {
      const started = performance.now();
      lintText(file, readFileSync(file, 'utf8'), defaultSettings);
      return performance.now() - started;
    };
    const small = timed(risky);
    const large = timed(big);
    const boundMs = Math.max(100, Math.round(Math.sqrt(small * large) / 100) * 100);
    const run = await runInProcess(['-f', 'json', big, risky], {
      env: { SCOPE_LINT_WORKERS: '1', SCOPE_CHECK_TIMEOUT_MS: String(boundMs) },
    });
    assert.equal(run.status, 1, run.stderr);
    const files = JSON.parse(run.stdout) as JsonFile[];
    assert.deepEqual(summary(files), ['big.scope.yaml: input/timeout', 'risky.scope.yaml: 39']);
    assert.match(
      files[0]?.messages[0]?.message ?? '',
      new RegExp(`^Check stopped after ${boundMs / 1000} s, so this file is not checked: `),
    );
    assert.equal(files[0]?.messages[0]?.severity, 'error');
  });

  it('a worker over its heap limit costs only its file (input/check-failed); a fresh worker checks the rest', async () => {
    // 32 MB: room for the engine's code (about 9 MB of heap with V8's code cache, compileCache.ts)
    // and a small file's check, far too little for the near-2 MB file's.
    const run = await runInProcess(['-f', 'json', big, risky], { env: { SCOPE_LINT_WORKERS: '1', SCOPE_LINT_WORKER_MEMORY_MB: '32' } });
    assert.equal(run.status, 1, run.stderr);
    const files = JSON.parse(run.stdout) as JsonFile[];
    assert.deepEqual(summary(files), ['big.scope.yaml: input/check-failed', 'risky.scope.yaml: 39']);
    assert.match(files[0]?.messages[0]?.message ?? '', /^Check failed, so this file is not checked: the worker thread stopped \(.*memory/);
  });

  it('workers that cannot start do not hang the run: each file says so', async () => {
    const stdout = new Capture();
    const stderr = new Capture();
    const status = await runCli(['-f', 'json', risky, join(fixturesDir, 'golden', 'full.scope.yaml')], {
      stdout,
      stderr,
      cwd: repoRoot,
      env: cliEnv({ SCOPE_LINT_WORKERS: '2' }),
      workerFile: join(dir, 'no-such-bundle.js'),
    });
    assert.equal(status, 1, stderr.text);
    const files = JSON.parse(stdout.text) as JsonFile[];
    assert.deepEqual(summary(files), ['risky.scope.yaml: input/check-failed', 'full.scope.yaml: input/check-failed']);
  });

  /** runCli with a worker bundle that cannot start: a file sent to a worker says so (input/check-failed). */
  async function withoutWorkers(args: readonly string[], env: Record<string, string> = {}): Promise<{ status: number; files: JsonFile[] }> {
    const stdout = new Capture();
    const stderr = new Capture();
    const status = await runCli(['-f', 'json', ...args], {
      stdout,
      stderr,
      cwd: repoRoot,
      env: cliEnv(env),
      workerFile: join(dir, 'no-such-bundle.js'),
    });
    assert.equal(stderr.text, '');
    return { status, files: JSON.parse(stdout.text) as JsonFile[] };
  }

  it('one small file is checked on the main thread: no worker thread starts', async () => {
    const one = await withoutWorkers([risky]);
    assert.equal(one.status, 1);
    assert.deepEqual(summary(one.files), ['risky.scope.yaml: 39']);
    // The same file with another one, with SCOPE_LINT_WORKERS, or over 16 KB: on a worker, as before.
    const two = await withoutWorkers([risky, join(fixturesDir, 'golden', 'full.scope.yaml')]);
    assert.deepEqual(summary(two.files), ['risky.scope.yaml: input/check-failed', 'full.scope.yaml: input/check-failed']);
    const asked = await withoutWorkers([risky], { SCOPE_LINT_WORKERS: '1' });
    assert.deepEqual(summary(asked.files), ['risky.scope.yaml: input/check-failed']);
    const large = join(dir, 'large.scope.yaml');
    writeFileSync(large, largeScope(20));
    assert.deepEqual(summary((await withoutWorkers([large])).files), ['large.scope.yaml: input/check-failed']);
  });

  it('one small file on the main thread still has the time bound: over it, input/timeout', async () => {
    const small = join(dir, 'small.scope.yaml');
    // Just under 16 KB: checking it takes well over the 1 ms bound.
    writeFileSync(small, largeScope(15).slice(0, 16 * 1024));
    const run = await withoutWorkers([small], { SCOPE_CHECK_TIMEOUT_MS: '1' });
    assert.deepEqual(
      run.files[0]?.messages.map((m) => `${m.ruleId} ${m.message}`),
      [
        'input/timeout Check stopped after 0 s, so this file is not checked: it is very large or hit a slow path in a rule (setting SCOPE_CHECK_TIMEOUT_MS).',
      ],
    );
    assert.equal(run.status, 1);
  });
});
