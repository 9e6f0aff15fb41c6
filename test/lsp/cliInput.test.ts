// A file the linter could not check fails CI: binary, non-UTF-8 and oversized files exit 1 with an error.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { runInProcess } from '../support/cli';

const cases: [string, Buffer, string][] = [
  ['binary', Buffer.from([0x73, 0x3a, 0x00, 0x01, 0x02, 0x0a]), 'input/binary'],
  ['latin-1', Buffer.from('project:\n  name: Caf\xe9\n', 'latin1'), 'input/invalid-utf8'],
  ['too large', Buffer.from(`scope_version: 1\nassumptions:\n${'  - x\n'.repeat(400_000)}`), 'input/too-large'],
];

for (const [name, bytes, code] of cases) {
  it(`a ${name} file is an error (exit 1), not a silent pass`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scope-cli-input-'));
    const file = join(dir, 'plan.scope.yaml');
    writeFileSync(file, bytes);
    const run = await runInProcess(['--format', 'json', file]);
    assert.equal(run.status, 1, run.stderr);
    const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string; severity: string }[] }[];
    assert.deepEqual(
      result?.messages.map((m) => `${m.severity} ${m.ruleId}`),
      [`error ${code}`],
    );
  });
}
