// .scope-lint.yaml in the editor, over real LSP: the file wins over VS Code settings, its mistakes
// show on the file itself (config/invalid), and editing it or the settings re-validates open
// documents at once.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { LspClient } from '../support/lspClient';
import { fixturesDir } from '../support/paths';

type PublishDiagnosticsParams = LspClient['published'][number];

const FileChange = { Created: 1, Changed: 2, Deleted: 3 } as const;

/** Waits for the first publication for `uri` after the first `since` notifications. */
async function publishedAfter(client: LspClient, uri: string, since: number, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = client.published.slice(since).find((p) => p.uri === uri);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`nothing published for ${uri} within ${timeoutMs} ms; stderr: ${client.stderr.join('')}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const codes = (diagnostics: readonly Diagnostic[]): string[] => diagnostics.map((d) => `${String(d.code)}:${d.severity}`);

describe('.scope-lint.yaml in the language server', () => {
  let dir: string;
  let client: LspClient;
  let docUri: string;
  let configPath: string;
  let configUri: string;
  const logs: string[] = [];
  // What the client answers to workspace/configuration (the `scope` section); changed by the tests.
  const vscodeSettings: { rules: Record<string, string>; thresholds: Record<string, number> } = {
    rules: { 'governance-owner-missing': 'error', 'cost-contingency-missing': 'off', 'no-such-rule': 'off' },
    thresholds: {},
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'scope-lsp-config-'));
    const file = join(dir, 'risky.scope.yaml');
    copyFileSync(join(fixturesDir, 'golden', 'risky.scope.yaml'), file);
    configPath = join(dir, '.scope-lint.yaml');
    configUri = pathToFileURL(configPath).href;
    writeFileSync(configPath, 'rules:\n  governance-owner-missing: off\nthresholds:\n  maxCheckInDays: 31\n');
    client = await LspClient.start({ rootUri: pathToFileURL(dir).href, configuration: vscodeSettings });
    client.connection.onNotification('window/logMessage', (params: { message: string }) => {
      logs.push(params.message);
    });
    docUri = pathToFileURL(file).href;
    await client.open(docUri, readFileSync(file, 'utf8'));
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies the file over VS Code settings, and VS Code settings where the file is silent', async () => {
    const got = codes(await client.diagnostics(docUri, 1));
    assert.ok(!got.some((c) => c.startsWith('governance-owner-missing:')), 'the file turns it off although VS Code says error');
    assert.ok(!got.some((c) => c.startsWith('cost-contingency-missing:')), 'VS Code turns it off');
    assert.ok(!got.some((c) => c.startsWith('governance-cadence-too-infrequent:')), 'maxCheckInDays 31 from the file');
    assert.ok(got.includes('security-nda-missing:1'));
    assert.deepEqual((await publishedAfter(client, configUri, 0)).diagnostics, [], 'a valid config publishes no problems');
    assert.ok(
      logs.some((l) => l.includes('"no-such-rule"') && l.includes('ignored')),
      `an unknown rule id in scope.rules is logged: ${logs.join(' | ')}`,
    );
  });

  it('re-validates open documents when the config file changes', async () => {
    const since = client.published.length;
    writeFileSync(configPath, 'rules:\n  security-nda-missing: off\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: configUri, type: FileChange.Changed }],
    });
    const got = codes((await publishedAfter(client, docUri, since)).diagnostics);
    assert.ok(!got.some((c) => c.startsWith('security-nda-missing:')), 'turned off by the new file');
    assert.ok(got.includes('governance-owner-missing:1'), 'back, with the VS Code severity');
    assert.ok(got.includes('governance-cadence-too-infrequent:2'), 'the threshold is back to 14 days');
  });

  it('shows the config file its own mistakes, and still applies the rest', async () => {
    const since = client.published.length;
    writeFileSync(configPath, 'rules:\n  security-nda-missing: off\n  cost-currency-missing: loud\nthresholds:\n  maxChekInDays: 40\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: configUri, type: FileChange.Changed }],
    });
    const problems = (await publishedAfter(client, configUri, since)).diagnostics;
    assert.deepEqual(
      problems.map(
        (d) =>
          `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)} ${d.severity} ${d.source} ${typeof d.message === 'string' ? d.message : d.message.value}`,
      ),
      [
        '3:26 config/invalid 1 scope `cost-currency-missing` in `rules` is not a severity: use `off`, `hint`, `info`, `warning` or `error`.',
        '5:3 config/invalid 1 scope Unknown key `maxChekInDays` in `thresholds`. Did you mean `maxCheckInDays`?',
      ],
    );
    const got = codes((await publishedAfter(client, docUri, since)).diagnostics);
    assert.ok(!got.some((c) => c.startsWith('security-nda-missing:')), 'the valid entry still applies');
    assert.ok(got.includes('cost-currency-missing:1'), 'the invalid entry does not');
  });

  it('clears the config problems and its effect when the file is deleted', async () => {
    const since = client.published.length;
    rmSync(configPath);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: configUri, type: FileChange.Deleted }],
    });
    assert.deepEqual((await publishedAfter(client, configUri, since)).diagnostics, []);
    const got = codes((await publishedAfter(client, docUri, since)).diagnostics);
    assert.ok(got.includes('security-nda-missing:1'));
  });

  it('re-validates open documents when VS Code settings change, ignoring unknown rule ids', async () => {
    const since = client.published.length;
    vscodeSettings.rules = { 'security-nda-missing': 'hint' };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const got = codes((await publishedAfter(client, docUri, since)).diagnostics);
    assert.ok(got.includes('security-nda-missing:4'));
    assert.ok(got.includes('cost-contingency-missing:2'), 'no longer turned off');
  });
});
