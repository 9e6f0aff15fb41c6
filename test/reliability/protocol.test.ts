// The language server against broken framing and requests outside the LSP lifecycle, over raw
// JSON-RPC on stdio: after a framing error it exits (so the client restarts it) instead of staying
// alive and deaf; it answers -32002 before `initialize` and InvalidRequest after `shutdown`, and
// publishes nothing after `shutdown`; unreasonable request sizes are refused with a reason.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RawLsp } from './support/rawLsp';

const text = ['scope_version: 1', 'project:', '  name: Protocol', ''].join('\n');

describe('protocol: framing errors', () => {
  const broken: Record<string, string> = {
    'a Content-Length that is not a number': 'Content-Length: abc\r\n\r\n{"jsonrpc":"2.0","method":"initialized","params":{}}',
    'a missing Content-Length header':
      'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{"jsonrpc":"2.0","method":"x","params":{}}',
    'a Content-Length shorter than the body': 'Content-Length: 5\r\n\r\n{"jsonrpc":"2.0","method":"initialized","params":{}}',
  };
  for (const [what, bytes] of Object.entries(broken)) {
    it(`exits after ${what}, so the client can restart it`, async () => {
      const server = new RawLsp();
      try {
        await server.initialize();
        server.write(bytes);
        const code = await server.exited(10_000);
        assert.notEqual(code, undefined, 'the server is still running, deaf to every later message');
        assert.notEqual(code, 0);
        assert.match(server.stderr.join(''), /unreadable message/);
      } finally {
        server.kill();
      }
    });
  }

  it('keeps running on a well-framed message with an unknown method', async () => {
    const server = new RawLsp();
    try {
      await server.initialize();
      const answer = await server.call('scope/noSuchMethod', {});
      assert.equal(answer.error?.code, -32601);
      assert.equal(server.exitCode, undefined);
    } finally {
      server.kill();
    }
  });
});

describe('protocol: the LSP lifecycle', () => {
  it('answers -32002 (ServerNotInitialized) to a request before initialize, and serves after it', async () => {
    const server = new RawLsp();
    try {
      const early = await server.call('textDocument/documentSymbol', { textDocument: { uri: 'file:///p/early.scope.yaml' } });
      assert.equal(early.error?.code, -32002);
      await server.initialize();
      server.open('file:///p/doc.scope.yaml', text);
      await server.diagnostics('file:///p/doc.scope.yaml', 1, 30_000);
      const outline = await server.call('textDocument/documentSymbol', { textDocument: { uri: 'file:///p/doc.scope.yaml' } });
      assert.equal(outline.error, undefined);
    } finally {
      server.kill();
    }
  });

  it('answers InvalidRequest after shutdown and publishes nothing more', async () => {
    const server = new RawLsp();
    try {
      await server.initialize();
      const uri = 'file:///p/shutdown.scope.yaml';
      server.open(uri, text);
      await server.diagnostics(uri, 1, 30_000);
      const shutdown = await server.call('shutdown', null);
      assert.equal(shutdown.error, undefined);
      const published = server.received.filter((m) => m.method === 'textDocument/publishDiagnostics').length;
      const hover = await server.call('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 1 } });
      assert.equal(hover.error?.code, -32600);
      server.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: `${text}x: 1\n` }] });
      server.open('file:///p/after-shutdown.scope.yaml', text);
      // The server has handled both notifications once it answers the next request.
      const after = await server.call('textDocument/documentSymbol', { textDocument: { uri } });
      assert.equal(after.error?.code, -32600);
      // Diagnostics are sent on the next turn of the event loop: one more round trip covers it.
      await server.call('textDocument/foldingRange', { textDocument: { uri } });
      assert.equal(server.received.filter((m) => m.method === 'textDocument/publishDiagnostics').length, published);
      server.notify('exit', null);
      assert.equal(await server.exited(10_000), 0);
    } finally {
      server.kill();
    }
  });
});

describe('protocol: nothing published after shutdown', () => {
  it('not even the findings of a check that was running when shutdown came', async () => {
    const server = new RawLsp();
    try {
      await server.initialize();
      // Valid YAML that takes a second or more to check; how long, here and now, is measured first.
      const slowish = `[${'1,'.repeat(100_000)}1]\n`;
      const measure = 'file:///p/measure.scope.yaml';
      const started = Date.now();
      server.open(measure, slowish);
      await server.diagnostics(measure, 1, 60_000);
      const checkMs = Date.now() - started;
      const uri = 'file:///p/in-flight.scope.yaml';
      const publishedFor = () =>
        server.received.filter((m) => m.method === 'textDocument/publishDiagnostics' && JSON.stringify(m.params).includes(uri));
      server.open(uri, slowish);
      const shutdown = await server.call('shutdown', null);
      assert.equal(shutdown.error, undefined);
      assert.deepEqual(publishedFor(), [], 'the check was still running at shutdown');
      // Three times what the same check took before: it would have ended by now.
      await new Promise((resolve) => setTimeout(resolve, 3 * checkMs));
      assert.deepEqual(publishedFor(), [], 'published after shutdown');
      server.notify('exit', null);
      assert.equal(await server.exited(10_000), 0);
    } finally {
      server.kill();
    }
  });
});

describe('protocol: unreasonable request sizes', () => {
  it('refuses selectionRange with 100,000 positions at once, with a reason, and stays responsive', async () => {
    const server = new RawLsp();
    try {
      await server.initialize();
      const uri = 'file:///p/selection.scope.yaml';
      server.open(uri, text);
      await server.diagnostics(uri, 1, 30_000);
      const positions = Array.from({ length: 100_000 }, (_, i) => ({ line: i % 3, character: 2 }));
      const started = Date.now();
      const answer = await server.call('textDocument/selectionRange', { textDocument: { uri }, positions }, 20_000);
      assert.equal(answer.error?.code, -32602);
      assert.match(answer.error?.message ?? '', /At most 1,000 positions/);
      const few = await server.call('textDocument/selectionRange', { textDocument: { uri }, positions: positions.slice(0, 1_000) });
      assert.ok(Array.isArray(few.result) && few.result.length === 1_000);
      assert.ok(Date.now() - started < 15_000);
    } finally {
      server.kill();
    }
  });
});
