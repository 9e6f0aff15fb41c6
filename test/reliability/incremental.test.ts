// Incremental checking (service/incremental.ts) against a full check, after every edit of long
// random edit sequences: typing, deleting and replacing inside items and across their boundaries,
// with hostile text (anchors, aliases, flow collections, block scalars, quotes, tabs, comments that
// suppress, broken YAML), on realistic generated scopes and on hostile ones. After each edit the
// incremental diagnostics (and accepted findings) must deep-equal those of a fresh parse and
// validation of the same text.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { generateScope } from '../../bench/generate';
import { ScopeDocument } from '../../server/src/service/document';
import { IncrementalChecker } from '../../server/src/service/incremental';
import { mergeSettings } from '../../server/src/service/settings';
import { validate } from '../../server/src/service/validate';
import { testToday } from '../support/analyze';
import { fixturesDir, repoRoot } from '../support/paths';

const settings = mergeSettings({ today: testToday });
const uri = 'file:///incremental.scope.yaml';

/** Text typed or pasted: words, line breaks at item and key columns, and every YAML construct that must force a full parse. */
const snippets = [
  'x',
  'e',
  ' ',
  'TBD',
  'etc.',
  'robust',
  '2027-03-01',
  '1,000',
  'D1',
  'M1',
  '\n',
  '\n    ',
  '\n      - ',
  '\n  - ',
  '\n  - id: D99\n    title: New deliverable\n',
  '  - id: D98\n',
  'id: D2',
  ': ',
  ':',
  '&anchor ',
  '*anchor',
  '<<: *anchor',
  '{',
  '}',
  '[',
  ']',
  '[D1, D2]',
  '{ id: X, due: 2027-01-01 }',
  '[D1,\n  D2]',
  '|\n      block text\n',
  '>-\n      folded',
  '|+\n\n',
  '"',
  "'",
  '"quoted\n  on two lines"',
  '\t',
  '# a comment',
  ' # scope-lint-disable-line cost-vague-language -- accepted by the board',
  '\n    # scope-lint-disable-next-line expertise-acceptance-criteria-missing -- signed off\n',
  '!!str ',
  '? ',
  '---\n',
  '...\n',
  '%YAML 1.1\n',
  '\r\n',
  '-',
  '- ',
  'null',
  '~',
];

type Edit =
  | { readonly kind: 'insert'; readonly at: number; readonly snippet: number }
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'replace'; readonly at: number; readonly length: number; readonly snippet: number }
  | { readonly kind: 'undo' }
  | { readonly kind: 'reset' }
  | { readonly kind: 'type'; readonly at: number; readonly word: string };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 10, arbitrary: fc.record({ kind: fc.constant('type' as const), at: fc.nat(), word: fc.stringMatching(/^[a-z0-9 .]{1,6}$/) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), snippet: fc.nat(snippets.length - 1) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('delete' as const),
      at: fc.nat(),
      length: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 60 })),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('replace' as const),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 30 }),
      snippet: fc.nat(snippets.length - 1),
    }),
  },
  { weight: 6, arbitrary: fc.constant({ kind: 'undo' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'reset' as const }) },
);

/** Edits land mostly inside the item sequences of a long file: a position in the middle third, or anywhere. */
function offsetIn(text: string, at: number): number {
  if (text.length === 0) return 0;
  return at % 3 === 0 ? at % (text.length + 1) : Math.floor(text.length / 3) + (at % Math.max(1, Math.floor(text.length / 3)));
}

function apply(text: string, e: Edit, history: string[], base: string): string {
  switch (e.kind) {
    case 'reset':
      history.length = 0;
      return base;
    case 'undo':
      return history.pop() ?? text;
    case 'type': {
      // Typing at the end of a line, as in a value being written.
      const from = offsetIn(text, e.at);
      const end = text.indexOf('\n', from);
      const at = end < 0 ? text.length : end;
      return text.slice(0, at) + e.word + text.slice(at);
    }
    case 'insert': {
      const at = offsetIn(text, e.at);
      return text.slice(0, at) + (snippets[e.snippet] ?? '') + text.slice(at);
    }
    case 'delete': {
      const at = offsetIn(text, e.at);
      return text.slice(0, at) + text.slice(at + e.length);
    }
    case 'replace': {
      const at = offsetIn(text, e.at);
      return text.slice(0, at) + (snippets[e.snippet] ?? '') + text.slice(at + e.length);
    }
  }
}

function full(text: string, version: number): { diagnostics: unknown; accepted: unknown } {
  const { diagnostics, accepted } = validate(new ScopeDocument(uri, version, text, settings.limits), settings);
  return { diagnostics, accepted };
}

/** Edits run so far (the item path must be taken often enough for the test to mean something). */
let total = 0;

/** Runs a sequence on `base` and asserts equality after every edit; returns how many edits took the item path. */
function runSequence(base: string, edits: readonly Edit[]): number {
  total += edits.length;
  const checker = new IncrementalChecker();
  let text = base;
  let version = 0;
  checker.check(uri, version, text, settings);
  const history: string[] = [];
  let local = 0;
  for (const e of edits) {
    const next = apply(text, e, history, base);
    if (e.kind !== 'undo' && e.kind !== 'reset') history.push(text);
    text = next;
    version++;
    const doc = checker.parse(uri, version, text, settings);
    const incremental = checker.validate(doc, settings, {
      onRuleError: (id, error) => {
        throw new Error(`rule ${id} threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      },
    });
    if (checker.lastMode === 'item') local++;
    if (process.env.INCREMENTAL_DEBUG) console.log(checker.lastMode, JSON.stringify(e));
    if (checker.lastMode === 'item') {
      // The model itself: data, comments and line index as a full parse makes them.
      const fresh = new ScopeDocument(uri, version, text, settings.limits);
      assert.deepEqual(doc.value, fresh.value, `value after edit ${version}`);
      assert.deepEqual(doc.comments, fresh.comments, `comments after edit ${version}`);
      assert.equal(doc.lineCount, fresh.lineCount, `line count after edit ${version}`);
      for (let line = 0; line < fresh.lineCount; line += 7)
        assert.equal(doc.offsetAt({ line, character: 3 }), fresh.offsetAt({ line, character: 3 }));
    }
    const expected = full(text, version);
    assert.deepEqual(
      { diagnostics: incremental.diagnostics, accepted: incremental.accepted },
      expected,
      `after edit ${version} (${JSON.stringify(e)}), mode ${checker.lastMode}`,
    );
  }
  return local;
}

/** A hostile scope: anchors and aliases, flow collections over lines, block scalars, comments and suppressions between items. */
function hostile(anchors: boolean): string {
  const items: string[] = [];
  for (let i = 1; i <= 40; i++) {
    const kind = i % 8;
    const head = `  - id: D${i}\n    title: Deliverable ${i} of the portal, robust and user-friendly\n`;
    if (kind === 0)
      items.push(
        `${head}    description: |\n      Block text ${i}, etc.\n\n      # not a comment\n    acceptance_criteria: [All ${i} tests pass,\n      on staging]\n`,
      );
    else if (kind === 1)
      items.push(
        `${head}    acceptance_criteria:\n      - "Quoted criterion ${i}\n        over two lines"\n    due: 2027-02-0${(i % 9) + 1}\n`,
      );
    else if (kind === 2) items.push(`${head}    acceptance_criteria: ${anchors ? `&crit${i}` : ''}\n      - TBD\n`);
    else if (kind === 3)
      items.push(
        `    # scope-lint-disable-next-line cost-vague-language -- accepted by the steering group\n${head}    acceptance_criteria: { first: The client is satisfied, second: 'looks good' }\n`,
      );
    else if (kind === 4) items.push(`${head}    description: >-\n      Folded ${i}\n      text\n    owner: Jane Doe # inline comment\n`);
    else if (kind === 5) items.push(`${head}    acceptance_criteria:\n    - Zero critical findings in a scan ${i}.\n    due: TBD\n`);
    else if (kind === 6) items.push(`  -\n    id: D${i}\n    title: Empty dash line ${i}\n\n\n`);
    else items.push(`${head}    acceptance_criteria:\n      - p95 below 1.${i} s at 100 requests per second.\n    amount: 1,000\n`);
  }
  const measures: string[] = [];
  for (let i = 1; i <= 20; i++)
    measures.push(
      i % 4 === 0
        ? `  - { id: SM${i}, metric: Defects ${i}, target: "< 5", unit: defects/month, measured_by: Jira, deliverables: [D${i}] }\n`
        : `  - id: SM${i}\n    metric: Uptime ${i}\n    target: 99.${i}%\n    measured_by: monitoring\n    deliverables: [D${i}, D${i + 1}]\n`,
    );
  return [
    'scope_version: 1\n',
    'project:\n  name: Hostile portal\n  objective: Make it better, robust and scalable, as required.\n',
    'vendor:\n  name: Acme Ltd\n  nda_signed: true\n',
    anchors ? 'defaults: &defaults\n  owner: Jane\n' : 'defaults:\n  owner: Jane\n',
    `deliverables:\n${items.join('')}`,
    `success_measures:\n${measures.join('')}`,
    'budget:\n  total: 120,000\n  currency: EUR\n  payments:\n    - { milestone: M1, percent: 40 }\n    - milestone: M2\n      percent: 60\n',
    'timeline:\n  start: 2027-01-01\n  end: 2027-12-31\n  milestones:\n    - id: M1\n      date: 2027-03-01\n      deliverables: [D1, D2]\n    - id: M2\n      date: 2027-06-01\n      deliverables: [D3]\n    - { id: M3, date: 2027-09-01 }\n',
    anchors ? 'governance:\n  <<: *defaults\n  cadence: monthly\n' : 'governance:\n  cadence: monthly\n',
    'changes:\n  - id: CR1\n    affects: [D1, D404]\n    status: proposed\n    raised: 2026-11-01\n  - id: CR2\n    affects: [M1]\n',
  ].join('');
}

const realistic = [generateScope(repoRoot, 600, 3).text, generateScope(repoRoot, 1500, 7).text];
const golden = (name: string): string => readFileSync(join(fixturesDir, 'golden', `${name}.scope.yaml`), 'utf8');

describe('property: incremental checking equals a full check after every edit', () => {
  for (const [name, base, seed] of [
    ['a realistic 600-line scope', realistic[0] ?? '', 1501],
    ['a realistic 1,500-line scope', realistic[1] ?? '', 1502],
    ['a hostile scope', hostile(false), 1503],
    ['a hostile scope with anchors and aliases', hostile(true), 1505],
    ['the risky example', golden('risky'), 1504],
  ] as const) {
    it(name, () => {
      let local = 0;
      total = 0;
      fc.assert(
        fc.property(fc.array(edit, { minLength: 80, maxLength: 160 }), (edits) => {
          local += runSequence(base, edits);
        }),
        { seed, numRuns: 3, endOnFailure: true },
      );
      // The test is only worth its time if many edits took the incremental path.
      if (name === 'a hostile scope') assert.ok(local > 0, 'no edit was reparsed as one item');
      if (name.startsWith('a realistic')) assert.ok(local >= total / 8, `only ${local} of ${total} edits were reparsed as one item`);
    });
  }
});
