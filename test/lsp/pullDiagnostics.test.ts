// LSP 3.17 pull diagnostics over a real stdio connection: a client that can pull gets each
// document's findings when it asks (textDocument/diagnostic), "unchanged" when it has them, nothing
// pushed for the documents it pulls, and a refresh request when settings change; a client that
// cannot pull keeps getting them pushed, the same findings.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import type { Diagnostic } from 'vscode-languageserver-types';
import { LspClient } from '../support/lspClient';
import { fixturesDir } from '../support/paths';

const risky = readFileSync(join(fixturesDir, 'golden', 'minimal.scope.yaml'), 'utf8').replace('  total: 38000\n', '  total: "38,000"\n');

const pullCapabilities = {
  workspace: { configuration: false, didChangeConfiguration: { dynamicRegistration: false }, diagnostics: { refreshSupport: true } },
  textDocument: {
    diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
    publishDiagnostics: { versionSupport: true, dataSupport: true, codeDescriptionSupport: true },
  },
};

const show = (d: Diagnostic) =>
  `${String(d.code)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;

describe('pull diagnostics over stdio', () => {
  let pull: LspClient;
  let push: LspClient;
  before(async () => {
    [pull, push] = await Promise.all([LspClient.start({ capabilities: pullCapabilities }), LspClient.start()]);
  });
  after(async () => {
    await Promise.all([pull.stop(), push.stop()]);
  });

  const ask = (uri: string, previousResultId?: string) =>
    pull.request<DocumentDiagnosticReport>('textDocument/diagnostic', {
      textDocument: { uri },
      ...(previousResultId ? { previousResultId } : {}),
    });

  it('advertises a diagnostic provider only to a client that can pull', () => {
    assert.deepEqual(pull.initializeResult?.capabilities.diagnosticProvider, {
      identifier: 'scope-language-server',
      interFileDependencies: false,
      workspaceDiagnostics: false,
    });
    assert.equal(push.initializeResult?.capabilities.diagnosticProvider, undefined);
  });

  it('answers a pull with the findings a push client gets, then "unchanged", then the new findings after an edit', async () => {
    const uri = 'file:///pull/risky.scope.yaml';
    await Promise.all([pull.open(uri, risky), push.open(uri, risky)]);
    const pushed = await push.diagnostics(uri, 1);
    const first = await ask(uri);
    assert.equal(first.kind, 'full');
    assert.ok(first.kind === 'full' && first.resultId);
    assert.deepEqual(first.items.map(show), pushed.map(show));
    assert.ok(first.items.some((d) => d.code === 'cost-amount-not-numeric'));

    const again = await ask(uri, first.resultId);
    assert.deepEqual(again, { kind: 'unchanged', resultId: first.resultId });

    const fixed = risky.replace('  total: "38,000"\n', '  total: 38000\n');
    await pull.change(uri, fixed);
    const third = await ask(uri, first.resultId);
    assert.equal(third.kind, 'full');
    assert.ok(third.kind === 'full' && third.resultId !== first.resultId);
    assert.ok(third.kind === 'full' && !third.items.some((d) => d.code === 'cost-amount-not-numeric'));
    // Nothing is pushed for a document the client pulls.
    assert.deepEqual(
      pull.published.filter((p) => p.uri === uri),
      [],
    );
  });

  it('asks the client to pull again when settings change, and answers an empty report for a closed document', async () => {
    const before = pull.diagnosticRefreshes;
    await pull.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const deadline = Date.now() + 10_000;
    while (pull.diagnosticRefreshes === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.equal(pull.diagnosticRefreshes, before + 1);
    assert.deepEqual(await ask('file:///pull/never-opened.scope.yaml'), { kind: 'full', items: [] });
  });
});
