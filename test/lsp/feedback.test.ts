// What the server tells the user about itself (issue 12, "Feedback"): a start-up line with its
// version and where settings come from, which .scope-lint.yaml applies to a file, and progress
// while a check is slow. And the hover leaves out the message where the client shows it already.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { serverName, serverVersion } from '../../shared/protocol';
import { LspClient } from '../support/lspClient';
import { fixturesDir } from '../support/paths';

async function until<T>(what: string, probe: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = probe();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('server feedback in the log and as progress', () => {
  let dir: string;
  let client: LspClient;
  let docUri: string;
  let configPath: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'scope-lsp-feedback-'));
    const file = join(dir, 'risky.scope.yaml');
    copyFileSync(join(fixturesDir, 'golden', 'risky.scope.yaml'), file);
    configPath = join(dir, '.scope-lint.yaml');
    writeFileSync(configPath, 'rules:\n  governance-owner-missing: off\n');
    // Every check counts as slow, so progress shows for this one.
    client = await LspClient.start({
      rootUri: pathToFileURL(dir).href,
      configuration: {},
      capabilities: { window: { workDoneProgress: true }, workspace: { configuration: true } },
      env: { ...process.env, SCOPE_SLOW_CHECK_MS: '0' },
    });
    docUri = pathToFileURL(file).href;
    await client.open(docUri, readFileSync(file, 'utf8'));
    await client.diagnostics(docUri, 1);
  });

  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('logs its start: name, version, Node, workspace and where settings come from', async () => {
    const line = await until('the start-up line', () => client.logs.find((l) => l.includes(' started ')));
    assert.ok(line.startsWith(`${serverName} ${serverVersion} started (Node ${process.version})`), line);
    assert.match(line, new RegExp(`Workspace: ${pathToFileURL(dir).href.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    assert.match(line, /Settings: built-in defaults, then the client's `scope` settings, then a \.scope-lint\.yaml/);
  });

  it('logs which .scope-lint.yaml applies to an open file', async () => {
    await until('the config line', () => client.logs.find((l) => l === `${docUri}: settings from ${configPath}`));
  });

  it('shows "Checking <file>" progress while a slow check runs, and ends it', async () => {
    const begin = await until('a progress begin', () => client.progress.find((p) => p.value.kind === 'begin'));
    assert.equal(begin.value.title, 'Scope YAML');
    assert.equal(begin.value.message, 'Checking risky.scope.yaml');
    await until('the progress end', () => client.progress.find((p) => p.token === begin.token && p.value.kind === 'end'));
    await until('the slow-check log line', () => client.logs.find((l) => l.startsWith(`Checking ${docUri} took `)));
  });
});

describe('hover and the client that shows diagnostics in it', () => {
  const text = readFileSync(join(fixturesDir, 'golden', 'risky.scope.yaml'), 'utf8');
  const uri = 'file:///feedback/risky.scope.yaml';
  const offset = text.indexOf('TBD');
  const before = text.slice(0, offset).split('\n');
  const position = { line: before.length - 1, character: (before[before.length - 1] ?? '').length + 1 };

  async function hoverAndMessages(initializationOptions: unknown): Promise<{ hover: string; messages: string[] }> {
    const client = await LspClient.start({ initializationOptions });
    try {
      await client.open(uri, text);
      const diagnostics = (await client.diagnostics(uri, 1)).filter(
        (d) => d.range.start.line === position.line && d.range.start.character <= position.character,
      );
      const hover = await client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
      return {
        hover: (hover?.contents as MarkupContent | undefined)?.value ?? '',
        messages: diagnostics.map((d) => (typeof d.message === 'string' ? d.message : d.message.value)),
      };
    } finally {
      await client.stop();
    }
  }

  it('VS Code (diagnosticsInHover: true): the hover does not repeat the message', async () => {
    const { hover, messages } = await hoverAndMessages({ workspaceTrusted: true, diagnosticsInHover: true });
    assert.ok(messages.length > 0);
    for (const m of messages) assert.ok(!hover.includes(m), `repeats "${m}"`);
    assert.match(hover, /\*\*Fix:\*\*/);
  });

  it('another client: the hover carries the message', async () => {
    const { hover, messages } = await hoverAndMessages(undefined);
    for (const m of messages) assert.ok(hover.includes(m), `lacks "${m}"`);
  });
});
