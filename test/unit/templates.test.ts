// The New Scope File template and the item snippets: valid structure, and every placeholder left as
// it is stays visible as a finding. Their manifest entries point at what exists.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { analyzeText } from '../support/analyze';
import { applyEdits, atCaret, snippetText } from '../support/caret';
import { completion } from '../../server/src/service/completion';
import { repoRoot } from '../support/paths';

const template = readFileSync(join(repoRoot, 'templates', 'new.scope.yaml'), 'utf8');
const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  contributes: {
    snippets?: { language: string; path: string }[];
    commands: { command: string; title: string; category?: string }[];
    menus?: Record<string, { command: string; when?: string }[]>;
  };
};

/** A required value left blank to fill in (`date: null`): flagged, like a TODO, not a wrong structure. */
const isBlankToFill = (d: Diagnostic): boolean =>
  d.code === 'schema/required' && typeof d.message === 'string' && d.message.endsWith('is empty: fill it in (a blank counts as missing).');

/** Findings that mean the structure is wrong rather than a risk still open. */
const structural = (diagnostics: readonly Diagnostic[]): string[] =>
  diagnostics
    .filter((d) => /^(yaml|schema)\/|^structure-/.test(String(d.code)) && !isBlankToFill(d))
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

  it('leaves the milestone date it does not know flagged until someone fills it in', () => {
    const line = template.split('\n').findIndex((l) => l.includes('{ id: M1, name: TODO, date: null'));
    assert.deepEqual(
      diagnostics.filter(isBlankToFill).map((d) => [d.range.start.line, d.message]),
      [[line, '`timeline.milestones[0].date` is empty: fill it in (a blank counts as missing).']],
    );
  });

  it('never asserts a signature: the NDA starts unsigned', () => {
    assert.ok(diagnostics.some((d) => d.code === 'security-nda-missing'));
  });
});

/** Where each list's snippet is offered in the template: a new line after the list's last line, at its dash column. */
const targets: Record<string, { after: string; indent: string }> = {
  deliverable: { after: '    due: null', indent: '  ' },
  success_measure: { after: '  - { id: SM1,', indent: '  ' },
  milestone: { after: '    - { id: M1, name: TODO', indent: '    ' },
  payment: { after: '    - { milestone: M1, percent: 100 }', indent: '    ' },
};

/** The template after choosing the snippet `name` at its list's end and tabbing through every stop. */
function withSnippet(name: string): string {
  const target = targets[name];
  assert.ok(target, `no insertion point for snippet "${name}"`);
  const lines = template.split('\n');
  const at = lines.findIndex((l) => l.startsWith(target.after));
  assert.ok(at >= 0, `${target.after} not in the template`);
  const source = [...lines.slice(0, at + 1), `${target.indent}|`, ...lines.slice(at + 1)].join('\n');
  const { doc, text, position } = atCaret(source);
  const items = completion(doc, position).items;
  const item = items.find((i) => i.label === name);
  assert.ok(item, `"${name}" not offered in its list; got ${items.map((i) => i.label).join(', ')}`);
  assert.equal(item.sortText, '!', 'ranked first');
  const edit = item.textEdit as TextEdit;
  return applyEdits(text, [{ range: edit.range, newText: snippetText(edit.newText) }]);
}

describe('item snippets (offered by completion inside their list)', () => {
  it('are not contributed as context-free VS Code snippets', () => {
    assert.equal(manifest.contributes.snippets, undefined);
  });

  for (const name of Object.keys(targets)) {
    it(`"${name}" with every tab stop left as it is inserts a valid entry`, () => {
      const text = withSnippet(name);
      assert.deepEqual(structural(analyzeText(text).diagnostics), [], text);
    });

    it(`"${name}" keeps its TODO placeholders flagged`, () => {
      const text = withSnippet(name);
      assert.deepEqual(unflaggedTodos(text, analyzeText(text).diagnostics), []);
    });
  }

  it('the payment snippet names a milestone that exists and a number, not TODO, for the percent', () => {
    const text = withSnippet('payment');
    assert.match(text, /\n {4}- milestone: M1\n {6}percent: 0\n/);
  });
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
