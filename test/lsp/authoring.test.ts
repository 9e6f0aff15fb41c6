// Authoring features over a real stdio LSP connection to dist/server.js (run `npm run build` first):
// the advertised capabilities, completion at a position, rename applied to the exact text, a
// refused rename, the outline and folding.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ServerCapabilities } from 'vscode-languageserver-protocol';
import type {
  CompletionItem,
  CompletionList,
  DocumentSymbol,
  FoldingRange,
  Location,
  Range,
  SelectionRange,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-types';
import { applyEdits } from '../support/caret';
import { LspClient } from '../support/lspClient';
import { fixturesDir } from '../support/paths';

const minimal = readFileSync(join(fixturesDir, 'golden', 'minimal.scope.yaml'), 'utf8');
const lines = minimal.split('\n');
/** The position of `needle` in the minimal example, `offset` characters in. */
function positionOf(needle: string, offset = 0): { line: number; character: number } {
  const line = lines.findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, `${needle} not found`);
  return { line, character: (lines[line] ?? '').indexOf(needle) + offset };
}

describe('authoring over stdio', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(async () => {
    await client.stop();
  });

  it('advertises completion, outline, definition, references, rename, folding and selection ranges', () => {
    const capabilities = client.initializeResult?.capabilities as ServerCapabilities | undefined;
    assert.deepEqual(capabilities?.completionProvider?.triggerCharacters, [':', ' ', '-', '[']);
    assert.deepEqual(capabilities?.renameProvider, { prepareProvider: true });
    for (const provider of [
      'documentSymbolProvider',
      'definitionProvider',
      'referencesProvider',
      'foldingRangeProvider',
      'selectionRangeProvider',
    ] as const) {
      assert.equal(capabilities?.[provider], true, provider);
    }
  });

  it('completes the keys missing in a mapping, at the cursor', async () => {
    const uri = 'file:///authoring/complete.scope.yaml';
    const text = 'scope_version: 1\nproject:\n  name: Portal\n  \nvendor:\n  name: Northwind\n';
    await client.open(uri, text);
    const result = await client.request<CompletionList | CompletionItem[] | null>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 3, character: 2 },
    });
    const items = Array.isArray(result) ? result : (result?.items ?? []);
    assert.deepEqual(
      items.map((i) => i.label),
      ['objective', 'sponsor', 'owner', 'engagement', 'background'],
    );
    const owner = items.find((i) => i.label === 'owner');
    assert.equal(
      applyEdits(text, [owner?.textEdit as TextEdit]),
      'scope_version: 1\nproject:\n  name: Portal\n  owner: \nvendor:\n  name: Northwind\n',
    );
  });

  it('completes milestone ids for a payment', async () => {
    const uri = 'file:///authoring/payment.scope.yaml';
    const text = minimal.replace('{ milestone: M2, percent: 30 }', '{ milestone: , percent: 30 }');
    await client.open(uri, text);
    const at = text.split('\n').findIndex((l) => l.includes('{ milestone: , percent: 30 }'));
    const character = (text.split('\n')[at] ?? '').indexOf('milestone: ') + 'milestone: '.length;
    const result = await client.request<CompletionList | null>('textDocument/completion', {
      textDocument: { uri },
      position: { line: at, character },
    });
    assert.deepEqual(
      result?.items.map((i) => i.label),
      ['M1', 'M2'],
    );
  });

  it('renames a deliverable id everywhere: the edit gives the exact text', async () => {
    const uri = 'file:///authoring/rename.scope.yaml';
    await client.open(uri, minimal);
    const position = positionOf('id: D1', 5);
    const prepared = await client.request<{ range: Range; placeholder: string } | null>('textDocument/prepareRename', {
      textDocument: { uri },
      position,
    });
    assert.equal(prepared?.placeholder, 'D1');
    const edit = await client.request<WorkspaceEdit | null>('textDocument/rename', { textDocument: { uri }, position, newName: 'D9' });
    const edits = edit?.changes?.[uri] ?? [];
    assert.equal(edits.length, 3);
    assert.equal(applyEdits(minimal, edits), minimal.replace(/\bD1\b/g, 'D9'));
  });

  it('refuses a rename to an id already in use, with the reason', async () => {
    const uri = 'file:///authoring/refuse.scope.yaml';
    await client.open(uri, minimal);
    await assert.rejects(
      client.request('textDocument/rename', { textDocument: { uri }, position: positionOf('id: D1', 5), newName: 'M1' }),
      (error: Error) => /`M1` is already the id of a milestone/.test(error.message),
    );
  });

  it('goes from a payment to its milestone and finds every use of it', async () => {
    const uri = 'file:///authoring/navigate.scope.yaml';
    await client.open(uri, minimal);
    const position = positionOf('milestone: M1', 'milestone: '.length);
    const definition = await client.request<Location[] | null>('textDocument/definition', { textDocument: { uri }, position });
    assert.deepEqual(
      definition?.map((l) => l.range.start),
      [positionOf('id: M1', 4)],
    );
    const refs = await client.request<Location[] | null>('textDocument/references', {
      textDocument: { uri },
      position,
      context: { includeDeclaration: true },
    });
    assert.deepEqual(
      refs?.map((l) => l.range.start.line),
      [positionOf('milestone: M1').line, positionOf('id: M1').line],
    );
  });

  it('outlines the document and folds its sections', async () => {
    const uri = 'file:///authoring/outline.scope.yaml';
    await client.open(uri, minimal);
    const symbols = await client.request<DocumentSymbol[] | null>('textDocument/documentSymbol', { textDocument: { uri } });
    const deliverables = symbols?.find((s) => s.name === 'deliverables');
    assert.deepEqual(
      deliverables?.children?.map((c) => `${c.name} ${c.detail}`),
      ['D1 Migrated site on Contentful'],
    );
    const folds = await client.request<FoldingRange[] | null>('textDocument/foldingRange', { textDocument: { uri } });
    assert.ok(folds?.some((f) => f.startLine === positionOf('deliverables:').line && f.endLine === positionOf('due: 2027-04-30').line));
    const [selection] =
      (await client.request<SelectionRange[] | null>('textDocument/selectionRange', {
        textDocument: { uri },
        positions: [positionOf('total: 38000', 8)],
      })) ?? [];
    assert.deepEqual(selection?.range, { start: positionOf('38000'), end: positionOf('38000', 5) });
  });

  it('answers requests on a broken document without crashing', async () => {
    const uri = 'file:///authoring/broken.scope.yaml';
    const text = 'project:\n  name: [Portal\n  ow\n';
    await client.open(uri, text);
    const result = await client.request<CompletionList | null>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 2, character: 4 },
    });
    assert.ok(Array.isArray(result?.items));
    for (const method of ['textDocument/documentSymbol', 'textDocument/foldingRange']) {
      await client.request(method, { textDocument: { uri } });
    }
    const symbols = await client.request<DocumentSymbol[] | null>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(Array.isArray(symbols));
  });
});
