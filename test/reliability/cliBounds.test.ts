// Every file the CLI checks has the time bound, however few files there are: with fewer than 64
// files it used to check on its main thread with no bound, so one file that floods the parser held
// the whole run. SCOPE_LINT_WORKERS is checked and capped: 100,000 started 10,000 threads, and a
// value that is not a number was silently ignored.
import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { workerCountFor } from '../../server/src/cli/pool';
import { runInProcess } from '../support/cli';
import { fixturesDir } from '../support/paths';

interface JsonFile {
  filePath: string;
  messages: { ruleId: string; severity: string; message: string }[];
}

const risky = join(fixturesDir, 'golden', 'risky.scope.yaml');

const summary = (stdout: string): string[] =>
  (JSON.parse(stdout) as JsonFile[]).map(
    (f) => `${f.filePath.split('/').pop()}: ${f.messages.length === 1 ? f.messages[0]?.ruleId : f.messages.length}`,
  );

describe('the CLI: every file has the time bound', () => {
  let dir: string;
  let hostile: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'scope-cli-bounds-'));
    hostile = join(dir, 'commas.scope.yaml');
    // Under the size, depth, alias and NUL limits; the parser makes an error object per comma.
    writeFileSync(hostile, `[${','.repeat(2_000_000)}]`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a hostile file among a few is its own input/timeout, without SCOPE_LINT_WORKERS', async () => {
    // The bound is a third of what checking the hostile file takes on this thread in this run, so
    // it overruns the bound however fast or loaded the machine is.
    const started = performance.now();
    const unbounded = await runInProcess(['-f', 'json', hostile], { env: { SCOPE_LINT_WORKERS: '0' } });
    const boundMs = Math.max(200, Math.round((performance.now() - started) / 3));
    assert.deepEqual(summary(unbounded.stdout), ['commas.scope.yaml: input/too-many-errors']);

    const run = await runInProcess(['-f', 'json', hostile, risky], { env: { SCOPE_CHECK_TIMEOUT_MS: String(boundMs) } });
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(summary(run.stdout), ['commas.scope.yaml: input/timeout', 'risky.scope.yaml: 39'], `bound ${boundMs} ms`);
    assert.equal(run.stderr, '');
  });
});

describe('the CLI: SCOPE_LINT_WORKERS', () => {
  it('is capped at two threads per core, and says so', async () => {
    const cap = availableParallelism() * 2;
    assert.equal(workerCountFor(1000, { SCOPE_LINT_WORKERS: '100000' }).count, cap);
    assert.equal(workerCountFor(1000, { SCOPE_LINT_WORKERS: String(cap) }).note, undefined);
    const run = await runInProcess(['-f', 'json', risky], { env: { SCOPE_LINT_WORKERS: '100000' } });
    assert.equal(run.status, 1);
    assert.deepEqual(summary(run.stdout), ['risky.scope.yaml: 39']);
    assert.equal(
      run.stderr,
      `scope-lint: SCOPE_LINT_WORKERS=100000 is more than 2 worker threads per core (${availableParallelism()} cores), so ${cap} are used at most.\n`,
    );
  });

  for (const bad of ['abc', '-1', '1.5', '2 workers']) {
    it(`"${bad}" is a usage error (exit 2), not silently ignored`, async () => {
      const run = await runInProcess(['-f', 'json', risky], { env: { SCOPE_LINT_WORKERS: bad } });
      assert.equal(run.status, 2);
      assert.equal(run.stdout, '');
      assert.equal(
        run.stderr,
        `scope-lint: SCOPE_LINT_WORKERS must be a whole number of worker threads (0: check on the main thread, without the time bound), got ${JSON.stringify(bad)}.\n`,
      );
    });
  }

  it('never starts more workers than there are files, and 0 means none', () => {
    assert.equal(workerCountFor(3, { SCOPE_LINT_WORKERS: '8' }).count, 3);
    assert.equal(workerCountFor(3, { SCOPE_LINT_WORKERS: '0' }).count, 0);
    assert.equal(workerCountFor(3, {}).count, 1, 'a few files: one worker, so each has the time bound');
    assert.equal(workerCountFor(0, {}).count, 0);
  });
});
