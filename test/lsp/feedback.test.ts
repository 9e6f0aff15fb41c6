// What the server tells the user about itself (issue 12, "Feedback"): a start-up line with its
// version and where settings come from, which .scope-lint.yaml applies to a file, and progress
// while a check is slow. And the hover leaves out the message where the client shows it already.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
    // Over 32 KB (a comment block at the end), so its check runs on a validation worker: a small
    // file is checked at once on the main thread (server.ts, checkedHere), too quickly for any
    // progress to show.
    const padding = Array.from({ length: 700 }, (_, i) => `# Review note ${i}: nothing to add for this section.`).join('\n');
    writeFileSync(file, `${readFileSync(join(fixturesDir, 'golden', 'risky.scope.yaml'), 'utf8')}\n${padding}\n`);
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

describe('one open of a large file is one check', () => {
  // VS Code on opening a file: it pulls the diagnostics, asks for code actions and the outline at
  // once, and vscode-languageclient sends a configuration change that changes nothing right after
  // start (then pulls again when the server asks it to). All of it is one check of the text: one
  // "Checking <file>" progress and one slow-check line in the output channel, not one per request.
  const example = readFileSync(join(fixturesDir, 'golden', 'risky.scope.yaml'), 'utf8');
  const text = `${example}\nnotes: |\n${Array.from({ length: 20_000 }, (_, i) => `  line ${i} of the notes, TBD and etc.`).join('\n')}\n`;
  const uri = 'file:///feedback/large.scope.yaml';

  it('logs one slow check and shows one progress for the pull, code actions, outline and a configuration change', async () => {
    const client = await LspClient.start({
      configuration: {},
      env: { ...process.env, SCOPE_SLOW_CHECK_MS: '0' },
      capabilities: {
        window: { workDoneProgress: true },
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, diagnostics: { refreshSupport: true } },
        textDocument: { diagnostic: { dynamicRegistration: false }, codeAction: { dataSupport: true } },
      },
    });
    try {
      await client.open(uri, text);
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      const [pulled] = await Promise.all([
        client.request<{ kind: string; resultId?: string; items?: unknown[] }>('textDocument/diagnostic', { textDocument: { uri } }),
        client.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } }),
        client.request('textDocument/documentSymbol', { textDocument: { uri } }),
      ]);
      assert.equal(pulled.kind, 'full');
      assert.ok((pulled.items ?? []).length > 0, 'the risky file has findings');
      // The server asked the client to pull again after the configuration change; it gets the same result.
      await until('the diagnostic refresh', () => client.diagnosticRefreshes > 0);
      const again = await client.request<{ kind: string; resultId?: string }>('textDocument/diagnostic', {
        textDocument: { uri },
        previousResultId: pulled.resultId,
      });
      assert.deepEqual(again, { kind: 'unchanged', resultId: pulled.resultId });
      const slowLines = client.logs.filter((l) => l.startsWith(`Checking ${uri} took `));
      assert.equal(slowLines.length, 1, slowLines.join('\n'));
      const begins = client.progress.filter((p) => p.value.kind === 'begin' && p.value.message === 'Checking large.scope.yaml');
      assert.equal(begins.length, 1);
    } finally {
      await client.stop();
    }
  });
});
