// Folding ranges (entries, block scalars, comment blocks) and selection ranges (expand selection).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SelectionRange } from 'vscode-languageserver-types';
import { ScopeDocument } from '../../server/src/service/document';
import { foldingRanges, selectionRanges } from '../../server/src/service/folding';
import { atCaret } from '../support/caret';

const doc = (text: string): ScopeDocument => new ScopeDocument('file:///f.scope.yaml', 1, text);

/** `start-end` (0-based lines), with `comment` for comment folds. */
const folds = (text: string): string[] => foldingRanges(doc(text)).map((r) => `${r.startLine}-${r.endLine}${r.kind ? ` ${r.kind}` : ''}`);

const sample = [
  '# Scope of the portal rebuild.', // 0
  '# Owner: Sam Patel', // 1
  'project:', // 2
  '  name: Portal', // 3
  '  objective: >-', // 4
  '    # not a comment: text of the objective', // 5
  '    # still text', // 6
  '  # a comment inside project', // 7
  '', // 8
  'deliverables:', // 9
  '- id: D1', // 10
  '  acceptance_criteria:', // 11
  '    - All 42 test cases pass.', // 12
  '    - Zero high findings.', // 13
  '- { id: D2, title: Beta }', // 14
  'vendor: { name: Northwind,', // 15
  '  nda: { signed: true } }', // 16
].join('\n');

describe('folding ranges', () => {
  it('folds every multi-line entry, the outermost one per line, and comment blocks', () => {
    assert.deepEqual(folds(sample), ['0-1 comment', '2-6', '4-6', '9-14', '10-13', '11-13', '15-16']);
  });

  it('does not take `#` lines inside a block scalar for comments', () => {
    assert.ok(!folds(sample).includes('5-6 comment'));
  });

  it('does not take `#` lines inside a multi-line quoted string for comments', () => {
    const text = ['project:', '  name: "Portal', '    # rebuild', '    # phase 2"', '  # owner', '  # Sam Patel', ''].join('\n');
    assert.deepEqual(folds(text), ['0-3', '1-3', '4-5 comment']);
  });

  it('folds a comment block between sections, even in a broken file', () => {
    assert.deepEqual(folds('a:\n  b: 1\n# one\n# two\n# three\nc: [\n'), ['0-1', '2-4 comment']);
  });
});

/** The chain of selected texts from the caret outwards, as "Expand Selection" shows them. */
function expansions(source: string): string[] {
  const { doc: d, text, position } = atCaret(source);
  const [range] = selectionRanges(d, [position]);
  const out: string[] = [];
  for (let r: SelectionRange | undefined = range; r; r = r.parent) {
    out.push(text.slice(d.offsetAt(r.range.start), d.offsetAt(r.range.end)));
  }
  return out;
}

describe('selection ranges', () => {
  it('expands from a value to its entry, the sequence item, the list, the section and the file', () => {
    const source = 'scope_version: 1\ndeliverables:\n  - id: D1\n    title: Por|tal\n';
    assert.deepEqual(expansions(source), [
      'Portal',
      'title: Portal',
      'id: D1\n    title: Portal',
      '- id: D1\n    title: Portal',
      'deliverables:\n  - id: D1\n    title: Portal',
      'scope_version: 1\ndeliverables:\n  - id: D1\n    title: Portal',
    ]);
  });

  it('selects a key, then its entry', () => {
    assert.deepEqual(expansions('budget:\n  to|tal: 100\n').slice(0, 3), ['total', 'total: 100', 'budget:\n  total: 100']);
  });

  it('expands inside flow collections', () => {
    assert.deepEqual(expansions('ms: [{ id: M1, deliverables: [D|1, D2] }]\n').slice(0, 4), [
      'D1',
      '[D1, D2]',
      'deliverables: [D1, D2]',
      '{ id: M1, deliverables: [D1, D2] }',
    ]);
  });

  it('answers every position, also outside any node', () => {
    const d = doc('a: 1\n\n\n');
    const ranges = selectionRanges(d, [
      { line: 0, character: 3 },
      { line: 2, character: 0 },
    ]);
    assert.equal(ranges.length, 2);
    assert.deepEqual(ranges[1]?.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } });
  });
});
