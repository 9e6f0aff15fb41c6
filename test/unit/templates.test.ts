// The New Scope File template and the snippets: valid structure, and every placeholder left as
// it is stays visible as a finding. Their manifest entries point at what exists.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { analyzeText } from '../support/analyze';
import { snippetText } from '../support/caret';
import { repoRoot } from '../support/paths';

const template = readFileSync(join(repoRoot, 'templates', 'new.scope.yaml'), 'utf8');
const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  contributes: {
    snippets?: { language: string; path: string }[];
    commands: { command: string; title: string; category?: string }[];
    menus?: Record<string, { command: string; when?: string }[]>;
  };
};

/** Findings that mean the structure is wrong rather than a risk still open. */
const structural = (diagnostics: readonly Diagnostic[]): string[] =>
  diagnostics
    .filter((d) => /^(yaml|schema)\/|^structure-/.test(String(d.code)))
    .map((d) => `${d.range.start.line + 1} ${String(d.code)}: ${typeof d.message === 'string' ? d.message : d.message.value}`);

/** Every line holding a TODO has a cost-tbd-placeholder finding. */
function unflaggedTodos(text: string, diagnostics: readonly Diagnostic[]): number[] {
  const flagged = new Set(diagnostics.filter((d) => d.code === 'cost-tbd-placeholder').map((d) => d.range.start.line));
  return text.split('\n').flatMap((line, i) => (/\bTODO\b/.test(line.replace(/#.*$/, '')) && !flagged.has(i) ? [i + 1] : []));
}

describe('New Scope File template', () => {
  const { diagnostics } = analyzeText(template);

  it('is a structurally valid scope: no syntax, schema or id problems', () => {
    assert.deepEqual(structural(diagnostics), []);
  });

  it('leaves every TODO placeholder flagged until someone fills it in', () => {
    assert.deepEqual(unflaggedTodos(template, diagnostics), []);
  });

  it('never asserts a signature: the NDA starts unsigned', () => {
    assert.ok(diagnostics.some((d) => d.code === 'security-nda-missing'));
  });
});

interface Snippet {
  readonly prefix: string | string[];
  readonly body: string[];
  readonly description: string;
}

const snippetFile = manifest.contributes.snippets?.find((s) => s.language === 'scope-yaml');
// Snippet files are JSON with comments and trailing commas (VS Code reads them as JSONC; Prettier keeps the commas).
const jsonc = (text: string): unknown => JSON.parse(text.replace(/^\s*\/\/.*$/gm, '').replace(/,(\s*[\]}])/g, '$1'));
const snippets = snippetFile ? (jsonc(readFileSync(join(repoRoot, snippetFile.path), 'utf8')) as Record<string, Snippet>) : {};

/** Where each snippet goes in the template: after the last line of its list. */
const targets: Record<string, { after: string; indent: string }> = {
  Deliverable: { after: '    due: null', indent: '  ' },
  'Success measure': { after: '  - { id: SM1,', indent: '  ' },
  Milestone: { after: '    - { id: M1, name: TODO', indent: '    ' },
  Payment: { after: '    - { milestone: M1, percent: 100 }', indent: '    ' },
};

/** The template with a snippet inserted the way VS Code does: each line after the first gets the current indentation. */
function withSnippet(name: string, body: string[], fill: (text: string) => string): string {
  const target = targets[name];
  assert.ok(target, `no insertion point for snippet "${name}"`);
  const lines = template.split('\n');
  const at = lines.findIndex((l) => l.startsWith(target.after));
  assert.ok(at >= 0, `${target.after} not in the template`);
  const inserted = fill(body.join('\n'))
    .split('\n')
    .map((l) => target.indent + l);
  return [...lines.slice(0, at + 1), ...inserted, ...lines.slice(at + 1)].join('\n');
}

/** Fills tab stop 1 (the id) with a fresh id and numbers where a number goes, like a user would. */
function filled(snippet: string): string {
  return snippetText(
    snippet
      .replace(/^- id: \$\{1:D1\}/, '- id: D2')
      .replace(/^- id: \$\{1:SM1\}/, '- id: SM2')
      .replace(/^- id: \$\{1:M1\}/, '- id: M2')
      .replace(/\$\{(\d+)\|([^,|]+)[^}]*\|\}/g, '$2')
      .replace(/: \$\{3:TODO\}$/, ': 0'),
  );
}

/** Accepts every placeholder as it is (the first of a choice). */
function asIs(snippet: string): string {
  return snippetText(snippet.replace(/\$\{(\d+)\|([^,|]+)[^}]*\|\}/g, '$2'));
}

describe('snippets', () => {
  it('are contributed for the scope-yaml language and shipped in the .vsix', () => {
    assert.equal(snippetFile?.path, './snippets/scope-yaml.code-snippets');
    assert.match(readFileSync(join(repoRoot, '.vscodeignore'), 'utf8'), /^!snippets\/\*\.code-snippets$/m);
    assert.deepEqual(Object.keys(snippets).sort(), Object.keys(targets).sort());
  });

  for (const [name, snippet] of Object.entries(snippets)) {
    it(`"${name}" inserts a valid entry into its list`, () => {
      const text = withSnippet(name, snippet.body, filled);
      assert.deepEqual(structural(analyzeText(text).diagnostics), [], text);
    });

    it(`"${name}" left as it is keeps its placeholders flagged`, () => {
      const text = withSnippet(name, snippet.body, asIs);
      const { diagnostics } = analyzeText(text);
      assert.deepEqual(unflaggedTodos(text, diagnostics), []);
    });
  }
});

describe('New Scope File command', () => {
  it('is contributed as "Scope: New Scope File", in File > New File... and on folders in the Explorer', () => {
    const command = manifest.contributes.commands.find((c) => c.command === 'scope.newFile');
    assert.equal(`${command?.category}: ${command?.title}`, 'Scope: New Scope File');
    assert.ok(manifest.contributes.menus?.['file/newFile']?.some((m) => m.command === 'scope.newFile'));
    assert.equal(
      manifest.contributes.menus?.['explorer/context']?.find((m) => m.command === 'scope.newFile')?.when,
      'explorerResourceIsFolder',
    );
  });

  it('is registered by the client', () => {
    assert.match(readFileSync(join(repoRoot, 'client', 'src', 'commands.ts'), 'utf8'), /'scope\.newFile': /);
  });
});
