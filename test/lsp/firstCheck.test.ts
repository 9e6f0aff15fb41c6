// The first file opened as the server starts is checked on the main thread while the validation
// worker loads (server.ts, checkedHere): its diagnostics must be exactly the worker's for the same
// text, ranges, messages, data for the fixes and all.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { LspClient } from '../support/lspClient';
import { fixturesDir } from '../support/paths';

describe('the first check while the validation worker loads', () => {
  for (const name of ['risky', 'minimal']) {
    it(`${name}.scope.yaml: the same diagnostics as a check on the worker`, async () => {
      const text = readFileSync(join(fixturesDir, 'golden', `${name}.scope.yaml`), 'utf8');
      const client = await LspClient.start();
      try {
        const first = `file:///first/${name}.scope.yaml`;
        await client.open(first, text);
        const atStart = await client.diagnostics(first, 1);
        // A file over 16 KB always goes to a worker: once it is checked, the worker is ready.
        const large = 'file:///first/large.scope.yaml';
        await client.open(large, `${text}\n${'# padding line for the worker\n'.repeat(700)}`);
        await client.diagnostics(large, 1, 30_000);
        // Closed and opened again: checked afresh, now on the worker.
        await client.close(first);
        const published = client.published.length;
        await client.open(first, text);
        const deadline = Date.now() + 30_000;
        while (!client.published.slice(published).some((p) => p.uri === first && p.version === 1)) {
          assert.ok(Date.now() < deadline, 'no diagnostics after reopening');
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        const onWorker = client.published.slice(published).find((p) => p.uri === first && p.version === 1)?.diagnostics;
        assert.ok(atStart.length > 0);
        assert.deepEqual(atStart, onWorker);
      } finally {
        await client.stop();
      }
    });
  }
});
