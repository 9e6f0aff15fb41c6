// A new scope file (`scope_version: 1` and nothing else) over a real stdio LSP connection (issue 12):
// few findings on any one line, a short hover on line 1, a short light bulb with no entry twice.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-types';
import { LspClient } from '../support/lspClient';

const uri = 'file:///new/new.scope.yaml';
const text = 'scope_version: 1\n';
const messageOf = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);

/** Measurements printed so a run shows them next to the bounds. */
function note(label: string, value: number): void {
  process.stdout.write(`# new file: ${label} = ${value}\n`);
}

for (const [name, initializationOptions] of [
  ['a client that shows diagnostics in the hover (VS Code)', { workspaceTrusted: true, diagnosticsInHover: true }],
  ['any other client', { workspaceTrusted: true }],
] as const) {
  describe(`a new file, ${name}`, () => {
    let client: LspClient;
    let diagnostics: Diagnostic[];
    before(async () => {
      client = await LspClient.start({
        initializationOptions,
        capabilities: {
          textDocument: {
            publishDiagnostics: { dataSupport: true },
            codeAction: {
              dataSupport: true,
              isPreferredSupport: true,
              codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } },
            },
          },
        },
      });
      await client.open(uri, text);
      diagnostics = await client.diagnostics(uri, 1);
    });
    after(async () => client.stop());

    it('has at most 3 findings on any one line, the missing sections first', () => {
      const perLine = new Map<number, number>();
      for (const d of diagnostics) perLine.set(d.range.start.line, (perLine.get(d.range.start.line) ?? 0) + 1);
      note('findings on line 1', perLine.get(0) ?? 0);
      assert.ok(Math.max(...perLine.values()) <= 3, JSON.stringify(diagnostics.map((d) => [d.code, d.range.start.line])));
      assert.equal(diagnostics[0]?.code, 'scope/missing-sections');
      assert.deepEqual(diagnostics[0]?.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 16 } });
    });

    it('shows a hover on line 1 under 3,000 characters, counting the messages VS Code puts above it', async () => {
      const position = { line: 0, character: 3 };
      const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
      const value = (hover?.contents as MarkupContent | undefined)?.value ?? '';
      const shown =
        'diagnosticsInHover' in initializationOptions ? diagnostics.map(messageOf).join('\n').length + value.length : value.length;
      note(`hover characters (${name})`, shown);
      if ('diagnosticsInHover' in initializationOptions) {
        assert.ok(value.length > 0);
        assert.ok(shown < 3000, `${shown} characters`);
      } else {
        // A client that does not show diagnostics in its hover gets each message in the hover itself.
        assert.ok(value.includes(messageOf(diagnostics[0] as Diagnostic)), value);
      }
    });

    it('offers a light bulb of fewer than 12 entries on line 1, none twice, the sections fix first', async () => {
      const at = { line: 0, character: 0 };
      const actions =
        (await client.request<CodeAction[] | null>('textDocument/codeAction', {
          textDocument: { uri },
          range: { start: at, end: at },
          context: { diagnostics: diagnostics.filter((d) => d.range.start.line === 0) },
        })) ?? [];
      const titles = actions.map((a) => a.title);
      note(`light-bulb entries (${name})`, titles.length);
      assert.ok(titles.length < 12, titles.join('\n'));
      assert.equal(new Set(titles).size, titles.length, titles.join('\n'));
      assert.equal(titles[0], 'Add the 9 missing sections to fill in');
      assert.equal(actions[0]?.isPreferred, true);
    });
  });
}
