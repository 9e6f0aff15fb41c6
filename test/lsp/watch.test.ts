// Every client, not only VS Code, hears about .scope-lint.yaml edits: a client that supports dynamic
// registration is asked to watch the config files and the policy files they extend; one that does
// not is never asked.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
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

describe('the policy files a config extends are watched too', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'scope-watch-policy-'));
    mkdirSync(join(dir, 'shared'));
    writeFileSync(join(dir, '.scope-lint.yaml'), 'extends: ./shared/policy.yaml\n');
    writeFileSync(join(dir, 'shared', 'policy.yaml'), 'rules:\n  cost-vague-language: off\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const relativePatternSupport of [true, false]) {
    it(`registers the policy file once it is read, and re-checks when it changes (${relativePatternSupport ? 'relative pattern' : 'path as glob'})`, async () => {
      writeFileSync(join(dir, 'shared', 'policy.yaml'), 'rules:\n  cost-vague-language: off\n');
      const client = await LspClient.start({
        rootUri: pathToFileURL(dir).href,
        capabilities: {
          workspace: { didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport } },
          textDocument: { publishDiagnostics: { versionSupport: true } },
        },
      });
      try {
        const uri = pathToFileURL(join(dir, 'plan.scope.yaml')).href;
        const text = 'scope_version: 1\nproject:\n  name: Portal\n  objective: Rebuild the portal, reports etc.\n';
        await client.open(uri, text);
        const vague = async (): Promise<string[]> =>
          (await client.diagnostics(uri)).filter((d) => d.code === 'cost-vague-language').map((d) => `${d.range.start.line + 1}`);
        assert.deepEqual(await vague(), []);
        const policy = join(dir, 'shared', 'policy.yaml');
        const watchers = client.registrations
          .filter((r) => r.method === 'workspace/didChangeWatchedFiles')
          .flatMap((r) => (r.registerOptions as { watchers: { globPattern: unknown }[] }).watchers.map((w) => w.globPattern));
        assert.deepEqual(watchers, [
          '**/.scope-lint.{yaml,yml}',
          relativePatternSupport ? { baseUri: pathToFileURL(join(dir, 'shared')).href, pattern: 'policy.yaml' } : policy,
        ]);
        // The shared policy turns the rule back on: the client reports the change, the file is re-checked.
        writeFileSync(policy, 'rules:\n  cost-vague-language: warning\n');
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
          changes: [{ uri: pathToFileURL(policy).href, type: 2 }],
        });
        await waitUntil(async () => (await vague()).length > 0);
        assert.deepEqual(await vague(), ['4']);
      } finally {
        await client.stop();
      }
    });
  }
});

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('timed out waiting for the re-check');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
