// The server over a real stdio LSP connection: pushed diagnostics with versions, hover from the
// schema and the rules, only the newest version published, bad input never crashes it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { LspClient } from '../support/lspClient';
import { fixturesDir } from '../support/paths';

const golden = (name: string): string => readFileSync(join(fixturesDir, 'golden', `${name}.scope.yaml`), 'utf8');

function expectedRows(name: string): string[] {
  return readFileSync(join(fixturesDir, 'golden', `${name}.expected.txt`), 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => {
      const [severity, ruleId] = l.trim().split(/\s+/);
      return `${severity} ${ruleId}`;
    })
    .sort();
}

const severityNames = ['', 'error', 'warning', 'info', 'hint'];

describe('language server over stdio', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(async () => {
    await client.stop();
  });

  for (const name of ['minimal', 'full', 'risky']) {
    it(`publishes the expected findings for ${name}.scope.yaml, tagged with the version`, async () => {
      const uri = `file:///golden/${name}.scope.yaml`;
      await client.open(uri, golden(name));
      const diagnostics = await client.diagnostics(uri, 1);
      const got = diagnostics.map((d) => `${severityNames[d.severity ?? 1]} ${String(d.code)}`).sort();
      assert.deepEqual(got, expectedRows(name));
      for (const d of diagnostics) {
        assert.equal(d.source, 'scope');
        assert.ok(d.codeDescription?.href.includes('/docs/rules/'));
      }
    });
  }

  it('shows the schema documentation when hovering a key', async () => {
    const uri = 'file:///golden/hover.scope.yaml';
    await client.open(uri, golden('full'));
    await client.diagnostics(uri, 1);
    // `  contingency_percent: 15` under budget
    const line = golden('full')
      .split('\n')
      .findIndex((l) => l.startsWith('  contingency_percent:'));
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character: 5 } });
    const value = (hover?.contents as MarkupContent | undefined)?.value ?? '';
    assert.match(value, /\*\*.*[Cc]ontingency.*\*\*/);
    assert.match(value, /Examples: /);
  });

  it('publishes diagnostics for the newest version only, after a burst of edits', async () => {
    const uri = 'file:///edits/burst.scope.yaml';
    const base = golden('full');
    await client.open(uri, base);
    await client.diagnostics(uri, 1);
    const before = client.published.length;
    let version = 1;
    for (let i = 0; i < 50; i++) version = await client.change(uri, `${base}\nunknown_${i}: 1\n`);
    const diagnostics = await client.diagnostics(uri, version);
    const unknown = diagnostics.filter((d) => d.code === 'schema/additional-property');
    assert.equal(unknown.length, 1);
    assert.match(String(unknown[0]?.message), /`unknown_49`/);
    // Never a result for an older version after a newer one was published.
    const later = client.published.slice(before).filter((p) => p.uri === uri);
    const versions = later.map((p) => p.version ?? 0);
    assert.deepEqual(
      [...versions].sort((a, b) => a - b),
      versions,
      'versions are published in order',
    );
    assert.equal(versions[versions.length - 1], version);
  });

  it('an edit that fixes the document clears its diagnostics', async () => {
    const uri = 'file:///edits/fix.scope.yaml';
    await client.open(uri, `${golden('full')}\ncolour: blue\n`);
    assert.equal((await client.diagnostics(uri, 1)).length, 1);
    const version = await client.change(uri, golden('full'));
    assert.deepEqual(await client.diagnostics(uri, version), []);
  });

  const hostile: [string, string][] = [
    ['empty', ''],
    ['comment only', '# nothing yet\n'],
    ['list root', '- a\n'],
    ['multiple documents', 'scope_version: 1\n---\nx: 1\n'],
    ['tabs', 'project:\n\tname: x\n'],
    ['crlf + bom', '\ufeffscope_version: 1\r\nproject:\r\n  name: x\r\n'],
    ['binary garbage', '\u0000\u0001\u0002\uFFFD\u0007{{[[::'],
    ['deep flow nesting', `${'['.repeat(5000)}${']'.repeat(5000)}`],
  ];
  for (const [name, text] of hostile) {
    it(`survives ${name} with a clear diagnostic or none`, async () => {
      const uri = `file:///hostile/${name.replace(/\W+/g, '-')}.scope.yaml`;
      await client.open(uri, text);
      const diagnostics = await client.diagnostics(uri, 1);
      for (const d of diagnostics) {
        assert.ok(String(d.message).length > 10);
        assert.equal(d.range.start.line, d.range.end.line);
      }
      assert.doesNotMatch(client.stderr.join(''), /failed|Error:/);
    });
  }
});
