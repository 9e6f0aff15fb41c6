// A small file is parsed and checked on the server's main thread (server.ts, checkedHere); a
// server started with SCOPE_MAIN_THREAD_KB=0 sends every check to a validation worker. Both must
// publish exactly the same diagnostics for the same text: ranges, messages, data for the fixes
// and all. And a file over the main-thread size goes to a worker in the default server too.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { LspClient } from '../support/lspClient';
import { fixturesDir } from '../support/paths';

async function diagnosticsOf(text: string, env?: NodeJS.ProcessEnv) {
  const client = await LspClient.start(env ? { env: { ...process.env, ...env } } : {});
  try {
    const uri = 'file:///first/doc.scope.yaml';
    await client.open(uri, text);
    return await client.diagnostics(uri, 1, 30_000);
  } finally {
    await client.stop();
  }
}

describe('checks on the main thread and on a validation worker', () => {
  for (const name of ['risky', 'minimal', 'full']) {
    it(`${name}.scope.yaml: the same diagnostics on the main thread as on a worker`, async () => {
      const text = readFileSync(join(fixturesDir, 'golden', `${name}.scope.yaml`), 'utf8');
      const here = await diagnosticsOf(text);
      const onWorker = await diagnosticsOf(text, { SCOPE_MAIN_THREAD_KB: '0' });
      if (name !== 'full') assert.ok(here.length > 0, 'the fixture has findings');
      assert.deepEqual(here, onWorker);
    });
  }

  it('a file over 32 KB: the same diagnostics as with every check on a worker', async () => {
    const text = readFileSync(join(fixturesDir, 'golden', 'risky.scope.yaml'), 'utf8');
    const large = `${text}\n${'# padding line for the worker\n'.repeat(1_200)}`;
    assert.ok(large.length > 32 * 1024);
    const inDefault = await diagnosticsOf(large);
    const onWorker = await diagnosticsOf(large, { SCOPE_MAIN_THREAD_KB: '0' });
    assert.ok(inDefault.length > 0);
    assert.deepEqual(inDefault, onWorker);
  });
});
