// One hostile file must not cost the whole CLI run: every file gets its own result. 150,000
// repeated keys overflowed the call stack (an argument spread in ScopeDocument) and a 600 MB file
// was read and decoded before the size check; both ended the run with "internal error" and no
// report for any file. Run through runCli, on this thread and on a worker.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runInProcess } from '../support/cli';
import { fixturesDir } from '../support/paths';

interface JsonFile {
  filePath: string;
  messages: { ruleId: string; severity: string; message: string; line?: number }[];
}

const risky = join(fixturesDir, 'golden', 'risky.scope.yaml');

describe('the CLI: one hostile file costs only its own result', () => {
  let dir: string;
  let keys: string;
  let huge: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'scope-cli-hostile-'));
    keys = join(dir, 'keys.scope.yaml');
    writeFileSync(keys, `scope_version: 1\n${'a: 1\n'.repeat(150_000)}`);
    huge = join(dir, 'huge.scope.yaml');
    // 600 MB, sparse: no disk space used, but a reader that reads it all holds 600 MB.
    writeFileSync(huge, '');
    truncateSync(huge, 600 * 1024 * 1024);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("150,000 repeated keys are that file's own input/too-many-errors", async () => {
    const run = await runInProcess(['-f', 'json', keys, risky]);
    assert.equal(run.status, 1, run.stderr);
    assert.doesNotMatch(run.stderr, /internal error/);
    const [keysResult, riskyResult] = JSON.parse(run.stdout) as JsonFile[];
    assert.ok(keysResult && keysResult.messages.length > 0);
    // Past 1,000 errors parsing stops: one finding at the first repeated key.
    assert.deepEqual(
      keysResult.messages.map((m) => `${m.ruleId} ${m.line}`),
      ['input/too-many-errors 3'],
    );
    assert.equal(riskyResult?.messages.length, 39);
  });

  for (const workers of ['0', '1']) {
    const where = workers === '0' ? 'on the main thread' : 'on a worker thread';
    it(`a 600 MB file is input/too-large without being read, ${where}`, async () => {
      const run = await runInProcess(['-f', 'json', huge, risky], { env: { SCOPE_LINT_WORKERS: workers } });
      assert.equal(run.status, 1, run.stderr);
      const [hugeResult, riskyResult] = JSON.parse(run.stdout) as JsonFile[];
      assert.deepEqual(
        hugeResult?.messages.map((m) => `${m.severity} ${m.ruleId} ${m.message}`),
        [
          'error input/too-large This file is not checked: it is 614,400 KB, above the 2,048 KB limit (setting `scope.limits.maxFileSizeKB`).',
        ],
      );
      assert.equal(riskyResult?.messages.length, 39);
    });
  }
});
