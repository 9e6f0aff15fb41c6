// Every client, not only VS Code, hears about .scope-lint.yaml edits: a client that supports dynamic
// registration is asked to watch the config files; one that does not is never asked.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { LspClient } from '../support/lspClient';

async function registrationsOf(dynamicRegistration: boolean): Promise<{ method: string; registerOptions?: unknown }[]> {
  const client = await LspClient.start({
    capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration } }, textDocument: {} },
  });
  try {
    // Registration follows `initialized`; a round trip after it makes sure it has been sent.
    await client.request('textDocument/hover', { textDocument: { uri: 'file:///none.scope.yaml' }, position: { line: 0, character: 0 } });
    return client.registrations;
  } finally {
    await client.stop();
  }
}

it('asks a client with dynamic registration to watch .scope-lint.yaml', async () => {
  const watch = (await registrationsOf(true)).filter((r) => r.method === 'workspace/didChangeWatchedFiles');
  assert.deepEqual(
    watch.map((r) => r.registerOptions),
    [{ watchers: [{ globPattern: '**/.scope-lint.{yaml,yml}' }] }],
  );
});

it('does not ask a client without dynamic registration', async () => {
  const watch = (await registrationsOf(false)).filter((r) => r.method === 'workspace/didChangeWatchedFiles');
  assert.deepEqual(watch, []);
});
