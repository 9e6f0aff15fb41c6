// The outline: sections with what identifies them, deliverables, measures and milestones by id.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { ScopeDocument } from '../../server/src/service/document';
import { documentSymbols } from '../../server/src/service/symbols';
import { fixturesDir } from '../support/paths';

const golden = (name: string): string => readFileSync(join(fixturesDir, 'golden', `${name}.scope.yaml`), 'utf8');
const outline = (text: string): DocumentSymbol[] => documentSymbols(new ScopeDocument('file:///o.scope.yaml', 1, text));
const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle));

/** What the Outline view shows: `name — detail`, children indented. */
function shown(symbols: readonly DocumentSymbol[], indent = ''): string[] {
  return symbols.flatMap((s) => [`${indent}${s.name}${s.detail ? ` — ${s.detail}` : ''}`, ...shown(s.children ?? [], `${indent}  `)]);
}

describe('document symbols', () => {
  it('shows the minimal example as the Outline view would', () => {
    assert.deepEqual(shown(outline(golden('minimal'))), [
      'scope_version',
      'project — Marketing site migration to headless CMS',
      'vendor — Pixel & Co',
      'security — internal',
      'deliverables',
      '  D1 — Migrated site on Contentful',
      'success_measures',
      '  SM1 — Organic sessions vs. April 2027',
      'budget — 38,000 USD',
      'timeline — 2027-03-01 → 2027-05-31',
      '  M1 — 2027-05-14 · Site live',
      '  M2 — 2027-05-31 · Traffic check passed',
      'governance — weekly',
      'out_of_scope',
    ]);
  });

  it('spans each section and item over its lines and selects the key or the id', () => {
    const text = golden('full');
    const symbols = outline(text);
    const deliverables = symbols.find((s) => s.name === 'deliverables');
    assert.equal(deliverables?.range.start.line, lineOf(text, 'deliverables:'));
    // The section ends on its last line of content, not on the blank line before the next one.
    assert.equal(deliverables?.range.end.line, lineOf(text, 'success_measures:') - 2);
    assert.deepEqual(deliverables?.selectionRange, {
      start: { line: lineOf(text, 'deliverables:'), character: 0 },
      end: { line: lineOf(text, 'deliverables:'), character: 12 },
    });
    const d2 = deliverables?.children?.find((c) => c.name === 'D2');
    const d2Line = lineOf(text, '- id: D2');
    assert.deepEqual(d2?.range.start, { line: d2Line, character: 2 });
    assert.equal(d2?.range.end.line, lineOf(text, '- id: D3') - 1);
    assert.deepEqual(d2?.selectionRange, { start: { line: d2Line, character: 8 }, end: { line: d2Line, character: 10 } });
  });

  it('still outlines a broken file, and names an entry without an id by its position', () => {
    const text = 'project:\n  name: Portal\ndeliverables:\n  - title: No id yet\n  - id: D2\n    title: [broken\n';
    assert.deepEqual(shown(outline(text)), ['project — Portal', 'deliverables', '  deliverables[0]', '  D2']);
  });

  it('gives nothing for an empty file or one that is not a mapping', () => {
    assert.deepEqual(outline(''), []);
    assert.deepEqual(outline('- a\n- b\n'), []);
  });
});
