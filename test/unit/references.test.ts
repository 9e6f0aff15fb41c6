// Go to definition, find all references and rename for ids, at a `|` caret: where they lead and
// the exact text after a rename.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Location } from 'vscode-languageserver-types';
import { ScopeDocument } from '../../server/src/service/document';
import { definition, prepareRename, references, rename } from '../../server/src/service/references';
import { applyEdits, atCaret } from '../support/caret';
import { fixturesDir } from '../support/paths';

const minimal = readFileSync(join(fixturesDir, 'golden', 'minimal.scope.yaml'), 'utf8');

/** The minimal example with the caret where `|` is in `needle` (its first occurrence). */
function minimalAt(needle: string): string {
  const plain = needle.replace('|', '');
  const index = minimal.indexOf(plain);
  assert.ok(index >= 0, `${plain} is not in the minimal example`);
  const caret = index + needle.indexOf('|');
  return `${minimal.slice(0, caret)}|${minimal.slice(caret)}`;
}

const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle));

/** `line:start-end` for each location, 0-based lines as the protocol has them. */
const where = (locations: readonly Location[] | null): string[] =>
  (locations ?? []).map((l) => `${l.range.start.line}:${l.range.start.character}-${l.range.end.character}`);

function renamed(source: string, newName: string): string {
  const { doc, text, position } = atCaret(source);
  const result = rename(doc, position, newName);
  assert.ok(result && 'edit' in result, `rename refused: ${JSON.stringify(result)}`);
  return applyEdits(text, result.edit.changes?.[doc.uri] ?? []);
}

function refusal(source: string, newName: string): string {
  const { doc, position } = atCaret(source);
  const result = rename(doc, position, newName);
  assert.ok(result && 'error' in result, `rename was not refused: ${JSON.stringify(result)}`);
  return result.error;
}

describe('go to definition', () => {
  it('leads from a milestone deliverable to the deliverable id', () => {
    const { doc, position } = atCaret(minimalAt('[D|1] }'));
    assert.deepEqual(where(definition(doc, position)), [`${lineOf(minimal, 'id: D1')}:8-10`]);
  });

  it('leads from a payment to the milestone id', () => {
    const { doc, position } = atCaret(minimalAt('M|2, percent'));
    assert.deepEqual(where(definition(doc, position)), [`${lineOf(minimal, '{ id: M2')}:12-14`]);
  });

  it('gives nothing on a value that is not an id, or on an id nobody defined', () => {
    const { doc, position } = atCaret(minimalAt('fixed_|price'));
    assert.equal(definition(doc, position), null);
    const unknown = atCaret('budget:\n  payments:\n    - { milestone: M|9 }\n');
    assert.equal(definition(unknown.doc, unknown.position), null);
  });
});

describe('find all references', () => {
  it('lists every use of a deliverable id, with or without its definition', () => {
    const { doc, position } = atCaret(minimalAt('id: D|1'));
    const uses = [lineOf(minimal, 'deliverables: [D1] }'), lineOf(minimal, '{ id: M1')];
    assert.deepEqual(
      references(doc, position, false)?.map((l) => l.range.start.line),
      uses,
    );
    assert.deepEqual(
      references(doc, position, true)?.map((l) => l.range.start.line),
      [lineOf(minimal, 'id: D1'), ...uses],
    );
  });

  it('finds ids in block lists, single `deliverable` fields and depends_on', () => {
    const source = [
      'deliverables:',
      '  - id: D1',
      '  - id: D2',
      '    depends_on: [D1]',
      'success_measures:',
      '  - id: SM1',
      '    deliverable: D1',
      'timeline:',
      '  milestones:',
      '    - id: M1',
      '      deliverables:',
      '        - D|1',
    ].join('\n');
    const { doc, position } = atCaret(source);
    assert.deepEqual(where(references(doc, position, true)), ['1:8-10', '3:17-19', '6:17-19', '11:10-12']);
  });
});

describe('rename', () => {
  it('renames a deliverable id and every reference to it', () => {
    const expected = minimal
      .replace('id: D1', 'id: D7')
      .split('deliverables: [D1] }')
      .join('deliverables: [D7] }')
      .replace('date: 2027-05-14, deliverables: [D1]', 'date: 2027-05-14, deliverables: [D7]');
    assert.notEqual(expected, minimal);
    assert.equal(renamed(minimalAt('id: D|1'), 'D7'), expected);
  });

  it('renames from a reference too, and renames a milestone in the payments', () => {
    const expected = minimal.replace('{ milestone: M1,', '{ milestone: Golive,').replace('{ id: M1,', '{ id: Golive,');
    assert.equal(renamed(minimalAt('milestone: M|1'), 'Golive'), expected);
  });

  it('keeps quotes around a quoted id', () => {
    const source = 'deliverables:\n  - id: "D|1"\ntimeline:\n  milestones:\n    - { id: M1, deliverables: [\'D1\'] }\n';
    assert.equal(
      renamed(source, 'D2'),
      'deliverables:\n  - id: "D2"\ntimeline:\n  milestones:\n    - { id: M1, deliverables: [\'D2\'] }\n',
    );
  });

  it('works while another part of the file is broken', () => {
    const source = 'deliverables:\n  - id: D|1\nsuccess_measures:\n  - { id: SM1, deliverables: [D1] }\nbudget: {\n';
    assert.ok(new ScopeDocument('file:///b', 1, source.replace('|', '')).parseErrors.length > 0);
    assert.equal(renamed(source, 'D2'), 'deliverables:\n  - id: D2\nsuccess_measures:\n  - { id: SM1, deliverables: [D2] }\nbudget: {\n');
  });

  it('refuses an id that is already used, saying where', () => {
    assert.equal(
      refusal(minimalAt('id: D|1'), 'M2'),
      `\`M2\` is already the id of a milestone (line ${lineOf(minimal, '{ id: M2') + 1}); ids must be unique across deliverables, success measures, milestones and change requests.`,
    );
  });

  it('refuses what is not an id', () => {
    assert.match(refusal(minimalAt('id: D|1'), '1D'), /not a valid id/);
    assert.match(refusal(minimalAt('id: D|1'), 'D 1'), /not a valid id/);
    assert.match(refusal(minimalAt('id: D|1'), 'no'), /boolean or null/);
    assert.match(refusal(minimalAt('id: D|1'), `D${'x'.repeat(64)}`), /at most 64/);
  });

  it('changes nothing when the name stays the same', () => {
    assert.equal(renamed(minimalAt('id: D|1'), 'D1'), minimal);
  });

  it('prepares a rename only on an id, with the id as the placeholder', () => {
    const onId = atCaret(minimalAt('[D|1] }'));
    const line = lineOf(minimal, '[D1] }');
    const character = (minimal.split('\n')[line] ?? '').indexOf('[D1]') + 1;
    assert.deepEqual(prepareRename(onId.doc, onId.position), {
      range: { start: { line, character }, end: { line, character: character + 2 } },
      placeholder: 'D1',
    });
    const onTitle = atCaret(minimalAt('Migrated |site'));
    assert.equal(prepareRename(onTitle.doc, onTitle.position), null);
    assert.equal(rename(onTitle.doc, onTitle.position, 'D9'), null);
  });
});

describe('change request ids', () => {
  const withChanges = `${minimal}changes:\n  - id: CR1\n    summary: Add a CSV export\n    status: approved\n    affects: [D1, M2]\n`;
  const at = (needle: string, nth = 0): string => {
    const plain = needle.replace('|', '');
    let index = -1;
    for (let i = 0; i <= nth; i++) index = withChanges.indexOf(plain, index + 1);
    assert.ok(index >= 0, `${plain} not found`);
    const caret = index + needle.indexOf('|');
    return `${withChanges.slice(0, caret)}|${withChanges.slice(caret)}`;
  };

  it('leads from an id in `affects` to the deliverable and to the milestone', () => {
    const toDeliverable = atCaret(at('affects: [D|1'));
    assert.deepEqual(where(definition(toDeliverable.doc, toDeliverable.position)), [`${lineOf(withChanges, 'id: D1')}:8-10`]);
    const toMilestone = atCaret(at('D1, M|2]'));
    assert.deepEqual(where(definition(toMilestone.doc, toMilestone.position)), [`${lineOf(withChanges, '{ id: M2')}:12-14`]);
  });

  it('counts `affects` among the references of a deliverable, and renames it there too', () => {
    const { doc, position } = atCaret(at('id: D|1'));
    assert.ok(where(references(doc, position, false)).includes(`${lineOf(withChanges, 'affects: [D1')}:14-16`));
    const expected = withChanges
      .replace('id: D1', 'id: D7')
      .split('deliverables: [D1] }')
      .join('deliverables: [D7] }')
      .replace('affects: [D1,', 'affects: [D7,');
    assert.equal(renamed(at('id: D|1'), 'D7'), expected);
  });

  it('renames a change request id and refuses one already used by a deliverable', () => {
    assert.equal(renamed(at('id: CR|1'), 'CR2'), withChanges.replace('id: CR1', 'id: CR2'));
    assert.match(refusal(at('id: CR|1'), 'D1'), /already the id of a deliverable/);
    assert.match(refusal(at('id: D|1'), 'CR1'), /already the id of a change request/);
  });
});
