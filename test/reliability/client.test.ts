// The language server against a hostile or broken client, over raw JSON-RPC on stdio: a client
// that answers the server's own requests with errors, sends replies nobody asked for, or never
// answers at all. The server stays up, keeps publishing, and says what happened in its log.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fixturesDir } from '../support/paths';
import { RawLsp, type RawMessage } from './support/rawLsp';

const minimal = readFileSync(join(fixturesDir, 'golden', 'minimal.scope.yaml'), 'utf8');
/** Lacks most of a scope: always has findings. */
const sparse = ['scope_version: 1', 'project:', '  name: Hostile client', 'vendor:', '  name: Someone', ''].join('\n');

/** A client that supports everything the server may ask for. */
const capabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
  },
};

const errorAnswer =
  (code = -32603, message = 'refused by the client') =>
  (request: RawMessage): RawMessage => ({ jsonrpc: '2.0', id: request.id ?? null, error: { code, message } });

/** The server still checks files and answers hover: it is alive, not only not-yet-dead. */
async function assertServing(server: RawLsp, name: string): Promise<void> {
  const uri = `file:///client/${name}.scope.yaml`;
  server.open(uri, sparse);
  const diagnostics = await server.diagnostics(uri, 1, 30_000);
  assert.ok(
    diagnostics.some((d) => d.code === 'expertise-essential-parameter-missing'),
    'the sparse scope has its findings',
  );
  const hover = await server.call('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } });
  assert.equal(hover.error, undefined);
  assert.ok(hover.result, 'hover answers');
  assert.equal(server.exitCode, undefined, `the server exited; stderr: ${server.stderr.join('')}`);
}

/** Messages the server logged (window/logMessage). */
function logged(server: RawLsp): string {
  return server.received
    .filter((m) => m.method === 'window/logMessage')
    .map((m) => (m.params as { message: string }).message)
    .join('\n');
}

describe('hostile client: error answers to the server requests', () => {
  it('survives client/registerCapability answered with an error, and logs it', async () => {
    const server = new RawLsp();
    try {
      server.answers.set('client/registerCapability', errorAnswer(-32601, 'registration refused'));
      await server.initialize(capabilities);
      await server.waitFor((m) => m.method === 'client/registerCapability', 'a registration request');
      await assertServing(server, 'register-refused');
      await server.waitFor(
        (m) => m.method === 'window/logMessage' && /registration refused/.test((m.params as { message: string }).message),
        'a log line about the refused registration',
      );
    } finally {
      server.kill();
    }
  });

  it('survives workspace/workspaceFolders answered with an error', async () => {
    const server = new RawLsp();
    try {
      server.answers.set('workspace/workspaceFolders', errorAnswer(-32603, 'folders unavailable'));
      await server.initialize(capabilities);
      server.notify('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: 'file:///tmp/x', name: 'x' }], removed: [] } });
      await server.waitFor((m) => m.method === 'workspace/workspaceFolders', 'a workspaceFolders request');
      await assertServing(server, 'folders-refused');
      assert.match(logged(server), /folders unavailable/);
    } finally {
      server.kill();
    }
  });

  it('survives workspace/configuration and workspace/applyEdit answered with errors', async () => {
    const server = new RawLsp();
    try {
      server.answers.set('workspace/configuration', errorAnswer());
      server.answers.set('workspace/applyEdit', errorAnswer(-32603, 'edit refused'));
      await server.initialize(capabilities);
      await assertServing(server, 'config-refused');
      const uri = 'file:///client/fix-all.scope.yaml';
      server.open(uri, 'scope_version: 1\nproject:\n  name: X\nbudget:\n  total: "5000"\n');
      await server.diagnostics(uri, 1);
      const answer = await server.call('workspace/executeCommand', { command: 'scope.applyAllFixes', arguments: [uri] });
      assert.ok(answer.id !== undefined);
      await assertServing(server, 'after-apply-edit');
    } finally {
      server.kill();
    }
  });

  it('survives stray and malformed replies', async () => {
    const server = new RawLsp();
    try {
      await server.initialize(capabilities);
      // Replies to requests the server never sent, with every kind of bad id and body.
      server.send({ jsonrpc: '2.0', id: 987654, result: null });
      server.send({ jsonrpc: '2.0', id: 'not-a-request', error: { code: -32603, message: 'stray error' } });
      server.send({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'parse error' } });
      server.send({ jsonrpc: '2.0', id: 0, error: { code: 'x', message: 42 } });
      server.send({ jsonrpc: '2.0', id: 1, result: { unexpected: true } });
      server.send({ jsonrpc: '2.0', error: { code: -32603, message: 'no id at all' } });
      server.send({ jsonrpc: '2.0', id: 2, result: null, error: { code: 1, message: 'both' } });
      await assertServing(server, 'stray');
    } finally {
      server.kill();
    }
  });
});

describe('hostile client: a workspace/configuration request that is never answered', () => {
  it('times out, falls back to the defaults and logs it; diagnostics, hover and outline still come', async () => {
    const server = new RawLsp();
    try {
      server.unanswered.add('workspace/configuration');
      await server.initialize(capabilities);
      const uri = 'file:///client/config-hangs.scope.yaml';
      server.open(uri, minimal);
      const started = Date.now();
      const diagnostics = await server.diagnostics(uri, 1, 30_000);
      const waited = Date.now() - started;
      assert.ok(diagnostics.length > 0, 'the defaults apply: the minimal example has findings');
      const outline = await server.call('textDocument/documentSymbol', { textDocument: { uri } }, 5_000);
      assert.ok(Array.isArray(outline.result) && outline.result.length > 0, 'outline answers');
      const hover = await server.call('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } }, 5_000);
      assert.equal(hover.error, undefined);
      assert.match(logged(server), /workspace\/configuration.*no answer/i);
      assert.ok(waited < 20_000, `diagnostics after ${waited} ms`);
    } finally {
      server.kill();
    }
  });
});

describe('hostile client: settings that would switch the guards off', () => {
  /** The client answers every workspace/configuration request with `scope`. */
  function serverWith(scope: unknown): RawLsp {
    const server = new RawLsp();
    server.answers.set('workspace/configuration', (request) => ({
      jsonrpc: '2.0',
      id: request.id ?? null,
      result: ((request.params as { items: unknown[] }).items ?? []).map(() => scope),
    }));
    return server;
  }

  const deep = `scope_version: 1\nproject: ${'['.repeat(100)}${']'.repeat(100)}\n`;
  const aliases = `scope_version: 1\nx: &a v\ny: [${Array.from({ length: 150 }, () => '*a').join(', ')}]\n`;

  it('ignores string limits (the guards stay on) and reports each bad setting once', async () => {
    const server = serverWith({ limits: { maxFileSizeKB: 'abc', maxNestingDepth: 'deep', maxAliases: '1e9' } });
    try {
      await server.initialize(capabilities);
      server.open('file:///settings/deep.scope.yaml', deep);
      server.open('file:///settings/aliases.scope.yaml', aliases);
      server.open('file:///settings/big.scope.yaml', `${sparse}# ${'x'.repeat(3 * 1024 * 1024)}\n`);
      const codes = async (uri: string) => (await server.diagnostics(uri, 1, 30_000)).map((d) => String(d.code));
      assert.deepEqual(await codes('file:///settings/deep.scope.yaml'), ['input/too-deep']);
      assert.deepEqual(await codes('file:///settings/aliases.scope.yaml'), ['input/too-many-aliases']);
      assert.deepEqual(await codes('file:///settings/big.scope.yaml'), ['input/too-large']);
      const log = logged(server);
      for (const name of ['maxFileSizeKB', 'maxNestingDepth', 'maxAliases']) {
        const lines = log.split('\n').filter((l) => l.includes(`scope.limits.${name}`));
        assert.equal(lines.length, 1, `scope.limits.${name} reported ${lines.length} times:\n${log}`);
      }
    } finally {
      server.kill();
    }
  });

  it('ignores negative and fractional limits instead of refusing every file', async () => {
    const server = serverWith({
      limits: { maxFileSizeKB: -1, maxNestingDepth: -5, maxAliases: 2.5 },
      thresholds: { maxCheckInDays: 'soon' },
    });
    try {
      await server.initialize(capabilities);
      await assertServing(server, 'negative-limits');
      const uri = 'file:///settings/minimal.scope.yaml';
      server.open(uri, minimal);
      const codes = (await server.diagnostics(uri, 1, 30_000)).map((d) => String(d.code));
      assert.ok(!codes.some((c) => c.startsWith('input/')), `refused: ${codes.join(', ')}`);
      assert.match(logged(server), /scope\.limits\.maxFileSizeKB: -1 is below the minimum 1; ignored/);
      assert.match(logged(server), /scope\.thresholds\.maxCheckInDays: "soon" is not a number; ignored/);
    } finally {
      server.kill();
    }
  });

  it('uses at most 200 custom vague terms and says so', async () => {
    const terms = Array.from({ length: 10_000 }, (_, i) => `vagueterm${i}`);
    const server = serverWith({ vagueTerms: { always: terms } });
    try {
      await server.initialize(capabilities);
      const uri = 'file:///settings/vague.scope.yaml';
      server.open(uri, minimal.replace('objective: Move all 140 pages', 'objective: Move vagueterm5 and vagueterm9999, all 140 pages'));
      const vague = (await server.diagnostics(uri, 1, 30_000)).filter((d) => d.code === 'cost-vague-language');
      assert.equal(vague.length, 1, 'the 6th term is used, the 10,000th is not');
      assert.match(vague[0]?.message ?? '', /vagueterm5/);
      assert.match(logged(server), /scope\.vagueTerms\.always has 10,000 terms; only the first 200 are used/);
    } finally {
      server.kill();
    }
  });
});
