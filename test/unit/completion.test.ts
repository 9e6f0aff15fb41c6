// Completion at a `|` caret: what the list offers there, and the exact text after accepting an item.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { InsertTextFormat, type CompletionItem, type TextEdit } from 'vscode-languageserver-types';
import { completion } from '../../server/src/service/completion';
import { ScopeDocument } from '../../server/src/service/document';
import { applyEdits, atCaret, snippetText } from '../support/caret';
import { fixturesDir } from '../support/paths';

function complete(source: string): { text: string; items: CompletionItem[]; labels: string[] } {
  const { doc, text, position } = atCaret(source);
  const { items } = completion(doc, position);
  return { text, items, labels: items.map((i) => i.label) };
}

/** The document text after choosing `label` (snippet placeholders accepted as they are). */
function accept(source: string, label: string): string {
  const { text, items, labels } = complete(source);
  const item = items.find((i) => i.label === label);
  assert.ok(item, `"${label}" is not offered; got ${JSON.stringify(labels)}`);
  const edit = item.textEdit as TextEdit;
  const newText = item.insertTextFormat === InsertTextFormat.Snippet ? snippetText(edit.newText) : edit.newText;
  return applyEdits(text, [{ range: edit.range, newText }]);
}

const topLevelKeys = [
  'scope_version',
  'project',
  'vendor',
  'security',
  'deliverables',
  'success_measures',
  'budget',
  'timeline',
  'acceptance',
  'governance',
  'out_of_scope',
  'assumptions',
  'ip',
  'exit',
  'changes',
];

describe('completion: keys from the schema at the cursor level', () => {
  it('offers every top-level section in an empty file, in the format order', () => {
    assert.deepEqual(complete('|').labels, topLevelKeys);
  });

  it('offers only the keys not yet present in the mapping', () => {
    const { labels } = complete('scope_version: 1\nproject:\n  name: Portal\n  |\nvendor:\n  name: Northwind\n');
    assert.deepEqual(labels, ['objective', 'sponsor', 'owner', 'engagement', 'background']);
  });

  it('does not offer the sections already in the file at the top level', () => {
    const { labels } = complete('scope_version: 1\nproject:\n  name: Portal\n|\nvendor:\n  name: Northwind\n');
    assert.deepEqual(
      labels,
      topLevelKeys.filter((k) => !['scope_version', 'project', 'vendor'].includes(k)),
    );
  });

  it('documents each key with the schema description and marks required ones', () => {
    const { items } = complete('vendor:\n  |\n');
    const name = items.find((i) => i.label === 'name');
    assert.equal(name?.detail, 'Vendor name (required)');
    const nda = items.find((i) => i.label === 'nda');
    assert.match(JSON.stringify(nda?.documentation), /signed before anything confidential is shared/);
  });

  it('replaces the partial key and inserts `key: `', () => {
    assert.equal(accept('project:\n  name: Portal\n  ob|\n', 'objective'), 'project:\n  name: Portal\n  objective: \n');
  });

  it('works in a broken document, from the indentation of the current line', () => {
    const source = 'project:\n  name: Portal\n  ow|\nvendor: {\n  name: [\n';
    assert.ok(new ScopeDocument('file:///b.scope.yaml', 1, source.replace('|', '')).parseErrors.length > 0);
    assert.equal(accept(source, 'owner'), 'project:\n  name: Portal\n  owner: \nvendor: {\n  name: [\n');
  });

  it('completes keys inside a sequence entry, after its `- ` and on the lines below it', () => {
    const source = 'deliverables:\n  - id: D1\n    title: Portal\n    |\n';
    const { labels } = complete(source);
    assert.deepEqual(labels, ['description', 'acceptance_criteria', 'due', 'owner', 'depends_on']);
    assert.deepEqual(complete('deliverables:\n  - |\n    title: Portal\n').labels, [
      'id',
      'description',
      'acceptance_criteria',
      'due',
      'owner',
      'depends_on',
    ]);
    assert.deepEqual(complete('deliverables:\n  - id: D1\n  - |\n').labels.slice(0, 3), ['deliverable', 'id', 'title']);
  });

  it('renames only the key when the colon is already there', () => {
    assert.equal(accept('project:\n  na|me: Portal\n', 'owner'), 'project:\n  owner: Portal\n');
  });

  it('inserts a block skeleton with the required children of an object', () => {
    assert.equal(accept('scope_version: 1\n|', 'project'), 'scope_version: 1\nproject:\n  name: ');
  });

  it('inserts a list with the required children of its first entry and the next free id', () => {
    const deliverables = 'deliverables:\n  - id: D1\n    title: A\n  - id: D2\n    title: B\n';
    assert.equal(accept(`${deliverables}|`, 'success_measures'), `${deliverables}success_measures:\n  - id: SM1\n    metric: `);
    assert.equal(
      accept('vendor:\n  references:\n    - company: A\n    |', '- new item'),
      'vendor:\n  references:\n    - company: A\n    - company: ',
    );
  });

  it('follows the document indentation: four spaces, sequences flush with their key', () => {
    const four = 'vendor:\n    name: Northwind\n    |\n';
    assert.equal(accept(four, 'references'), 'vendor:\n    name: Northwind\n    references:\n        - company: \n');
    const flush = 'deliverables:\n- id: D1\n  title: A\n|';
    assert.equal(accept(flush, 'success_measures'), 'deliverables:\n- id: D1\n  title: A\nsuccess_measures:\n- id: SM1\n  metric: ');
    assert.equal(
      accept('deliverables:\n- id: D1\n  title: A\n  |\n', 'acceptance_criteria'),
      'deliverables:\n- id: D1\n  title: A\n  acceptance_criteria:\n  - \n',
    );
  });

  it('writes multi-line insertions with their own indentation and asks for values after `key: `', () => {
    const { items } = complete('deliverables:\n  - id: D1\n    title: A\n    |\n');
    const criteria = items.find((i) => i.label === 'acceptance_criteria');
    assert.equal(criteria?.insertTextMode, 1 /* asIs */);
    assert.equal(items.find((i) => i.label === 'owner')?.command?.command, 'editor.action.triggerSuggest');
    assert.equal(
      items.find((i) => i.label === 'title'),
      undefined,
    );
  });

  it('offers the keys of a flow mapping that are not written yet', () => {
    assert.deepEqual(complete('vendor:\n  nda: { signed: true, | }\n').labels, ['date', 'mutual']);
    assert.equal(accept('vendor:\n  nda: { signed: true,| }\n', 'date'), 'vendor:\n  nda: { signed: true, date:  }\n');
  });
});

describe('completion: values', () => {
  it('offers enum values and replaces the whole value', () => {
    assert.deepEqual(complete('budget:\n  pricing_model: |\n').labels, ['fixed_price', 'time_and_materials', 'capped_time_and_materials']);
    assert.equal(accept('budget:\n  pricing_model: fi|xed\n', 'fixed_price'), 'budget:\n  pricing_model: fixed_price\n');
  });

  it('offers the engagement kinds, each explained', () => {
    const done = complete('project:\n  engagement: |\n');
    assert.deepEqual(done.labels, ['small_job', 'project', 'programme', 'managed_service', 'staff_augmentation']);
    const small = done.items.find((i) => i.label === 'small_job');
    assert.match(JSON.stringify(small?.documentation), /status reports, an escalation path and an exit plan/);
    assert.equal(accept('project:\n  engagement: sm|\n', 'small_job'), 'project:\n  engagement: small_job\n');
  });

  it('documents enum values (cadences with their days)', () => {
    const weekly = complete('governance:\n  check_in_cadence: |\n').items.find((i) => i.label === 'weekly');
    assert.match(JSON.stringify(weekly?.documentation), /7 days/);
  });

  it('offers true and false for booleans, with the space after a just-typed colon', () => {
    assert.deepEqual(complete('security:\n  personal_data: |\n').labels, ['true', 'false']);
    assert.equal(accept('security:\n  personal_data:|\n', 'false'), 'security:\n  personal_data: false\n');
  });

  it('offers nothing for free text, inside a block scalar or in a comment', () => {
    assert.deepEqual(complete('project:\n  name: Por|\n').labels, []);
    assert.deepEqual(complete('project:\n  objective: >-\n    Cut tickets\n    by 50|\n').labels, []);
    assert.deepEqual(complete('# project: |\n').labels, []);
  });
});

describe('completion: id references', () => {
  const ids = [
    'deliverables:',
    '  - { id: D1, title: Prototype }',
    '  - { id: D2, title: Beta portal }',
    '  - { id: D3, title: Go-live }',
    'success_measures:',
    '  - { id: SM1, metric: Tickets }',
    'timeline:',
    '  milestones:',
    '    - { id: M1, name: Beta accepted, date: 2027-06-25 }',
    '    - { id: M2, name: Go-live accepted, date: 2027-08-06 }',
  ].join('\n');

  it('offers deliverable ids in a milestone, without those already listed', () => {
    const { labels } = complete(`${ids}\n    - { id: M3, name: x, date: 2027-09-01, deliverables: [D1, |] }\n`);
    assert.deepEqual(labels, ['D2', 'D3']);
  });

  it('offers deliverable ids in a success measure, as a block list item', () => {
    const source = `${ids}\n  - id: SM2\n    metric: Coverage\n    deliverables:\n      - D2\n      - |\n`;
    assert.deepEqual(complete(source).labels, ['D1', 'D3']);
  });

  it('offers milestone ids for a payment, with their date and name', () => {
    const { items } = complete(`${ids}\nbudget:\n  payments:\n    - { milestone: |, percent: 50 }\n`);
    assert.deepEqual(
      items.map((i) => `${i.label} ${i.detail}`),
      ['M1 milestone · 2027-06-25 · Beta accepted', 'M2 milestone · 2027-08-06 · Go-live accepted'],
    );
    assert.equal(
      accept(`${ids}\nbudget:\n  payments:\n    - milestone: M|\n`, 'M2'),
      `${ids}\nbudget:\n  payments:\n    - milestone: M2\n`,
    );
  });

  it('writes a flow list when the list itself is empty', () => {
    assert.equal(accept(`${ids}\n  - id: SM2\n    deliverables: |\n`, 'D3'), `${ids}\n  - id: SM2\n    deliverables: [D3]\n`);
  });

  it('never offers a success-measure id where a deliverable is expected', () => {
    assert.ok(!complete(`${ids}\n    - { id: M3, deliverables: [|] }\n`).labels.includes('SM1'));
  });
});

describe('completion: speed', () => {
  // Absolute times depend on the machine; parsing the same text is done on every keystroke anyway,
  // so completion must cost a small fraction of it (best of three, after warming up).
  it('costs less than half a parse of the same 3,000-line file', () => {
    const full = readFileSync(join(fixturesDir, 'golden', 'full.scope.yaml'), 'utf8');
    const body = full.slice(full.indexOf('deliverables:\n') + 'deliverables:\n'.length, full.indexOf('\nsuccess_measures:'));
    const big = `${full.slice(0, full.indexOf('deliverables:\n'))}deliverables:\n${Array.from({ length: 110 }, () => body).join('\n')}\n  - id: D999\n    |\n`;
    const warm = atCaret('deliverables:\n  - id: D1\n    |\n');
    completion(warm.doc, warm.position);
    let parse = Infinity;
    let complete = Infinity;
    for (let run = 0; run < 3; run++) {
      let started = performance.now();
      const { doc, position } = atCaret(big);
      parse = Math.min(parse, performance.now() - started);
      assert.ok(doc.lineCount > 3000);
      started = performance.now();
      const { items } = completion(doc, position);
      complete = Math.min(complete, performance.now() - started);
      assert.ok(items.some((i) => i.label === 'title'));
    }
    assert.ok(complete < parse / 2, `completion took ${complete.toFixed(1)} ms, parsing ${parse.toFixed(1)} ms`);
  });
});

describe('completion: item snippets only where their item belongs', () => {
  const risky = readFileSync(join(fixturesDir, 'golden', 'risky.scope.yaml'), 'utf8');
  const snippetLabels = ['deliverable', 'success_measure', 'milestone', 'payment'];
  const snippetsIn = (source: string) => complete(source).labels.filter((l) => snippetLabels.includes(l));

  it('a deliverable snippet at a new entry of deliverables, first and preselected, with the next free id', () => {
    const deliverables = 'deliverables:\n  - id: D1\n    title: A\n  - id: D2\n    title: B\n';
    const { items } = complete(`${deliverables}  |`);
    assert.equal(items[0]?.label, 'deliverable');
    assert.equal(items[0]?.preselect, true);
    assert.equal(
      accept(`${deliverables}  |`, 'deliverable'),
      `${deliverables}  - id: D3\n    title: TODO what is delivered\n    acceptance_criteria:\n      - TODO an observable, testable condition\n    due: null\n    owner: vendor`,
    );
    assert.deepEqual(snippetsIn(`${deliverables}  - |`), ['deliverable']);
    assert.deepEqual(snippetsIn(`${deliverables}  deli|`), ['deliverable']);
  });

  it('nothing but keys inside a deliverable', () => {
    assert.deepEqual(snippetsIn('deliverables:\n  - id: D1\n    title: A\n    |\n'), []);
    assert.deepEqual(snippetsIn('deliverables:\n  - id: D1\n    title: A\n    pay|\n'), []);
  });

  it('nothing as the value of scope_version or at the top level', () => {
    assert.deepEqual(snippetsIn('scope_version: |\n'), []);
    assert.deepEqual(snippetsIn('scope_version: 1\n|\n'), []);
  });

  it('a payment in budget.payments names an unpaid milestone and the percent the others leave', () => {
    const source = risky.replace('    - { milestone: M2, percent: 30 }\n', '    - { milestone: M2, percent: 30 }\n    |\n');
    assert.deepEqual(snippetsIn(source), ['payment']);
    const item = complete(source).items.find((i) => i.label === 'payment');
    assert.equal((item?.textEdit as TextEdit).newText, '- milestone: ${1:M2}\n      percent: ${2:10}');
  });

  it('a milestone in timeline.milestones refers to a deliverable that exists', () => {
    const source = risky.replace('deliverables: [D1, D3] }\n', 'deliverables: [D1, D3] }\n    |\n');
    assert.deepEqual(snippetsIn(source), ['milestone']);
    const item = complete(source).items.find((i) => i.label === 'milestone');
    assert.equal(
      (item?.textEdit as TextEdit).newText,
      '- id: ${1:M3}\n      name: ${2:TODO what is reached}\n      date: ${3:null}\n      deliverables: [${4:D1}]',
    );
  });

  it('a change request in changes: the next free CR id, proposed, zero impact, a deliverable that exists', () => {
    const source = 'deliverables:\n  - id: D1\n    title: A\nchanges:\n  - id: CR1\n    summary: B\n    status: approved\n  |';
    const { items } = complete(source);
    assert.equal(items[0]?.label, 'change_request');
    assert.equal(
      accept(source, 'change_request'),
      `${source.slice(0, -1)}- id: CR2\n    raised: null\n    summary: TODO what changes\n    status: proposed\n    cost_impact: 0\n    schedule_impact_days: 0\n    affects: [D1]`,
    );
  });

  it('ids of deliverables, milestones and success measures (not change requests) as the value of `affects`', () => {
    const source =
      'deliverables:\n  - id: D1\n    title: A\nsuccess_measures:\n  - id: SM1\ntimeline:\n  milestones:\n    - id: M1\nchanges:\n  - id: CR1\n    affects:\n      - |\n';
    assert.deepEqual(complete(source).labels, ['D1', 'SM1', 'M1']);
  });

  it('a success measure answers to "sla" and "measure" too', () => {
    const item = complete('success_measures:\n  - id: SM1\n    metric: x\n  |').items.find((i) => i.label === 'success_measure');
    assert.match(item?.filterText ?? '', /\bsla\b/);
    assert.match(item?.filterText ?? '', /\bmeasure\b/);
  });
});
