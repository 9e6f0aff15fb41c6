// When an edit is reparsed as one item (service/incremental.ts, ScopeDocument.edited), when the
// whole text is parsed again, and that both give exactly a full check's diagnostics.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ScopeDocument } from '../../server/src/service/document';
import { IncrementalChecker } from '../../server/src/service/incremental';
import { mergeSettings } from '../../server/src/service/settings';
import { validate } from '../../server/src/service/validate';
import { testToday } from '../support/analyze';

const settings = mergeSettings({ today: testToday });
const uri = 'file:///unit.scope.yaml';

const base = [
  'scope_version: 1',
  'project:',
  '  name: Portal',
  '  objective: Cut ticket handling time by 30% by 2027-06-30.',
  'deliverables:',
  '  - id: D1',
  '    title: Billing API',
  '    acceptance_criteria:',
  '      - All 40 test cases in Annex B pass on staging.',
  '  - id: D2',
  '    title: Customer portal',
  '    acceptance_criteria:',
  '      - p95 below 1 s at 100 requests per second.',
  '  - id: D3',
  '    title: Audit log',
  'success_measures:',
  '  - id: SM1',
  '    metric: Ticket handling time',
  '    target: 30% lower',
  '    deliverables: [D1, D2]',
  'timeline:',
  '  start: 2027-01-01',
  '  end: 2027-12-31',
  '  milestones:',
  '    - id: M1',
  '      date: 2027-03-01',
  '      deliverables: [D1]',
  '    - id: M2',
  '      date: 2027-06-01',
  '      deliverables: [D2]',
  '    - id: M3',
  '      date: 2027-09-01',
  '',
].join('\n');

/** The mode the checker takes for `edited` after `base`, asserting its diagnostics equal a full check's. */
function modeOf(edited: string, from = base): string {
  const checker = new IncrementalChecker();
  checker.check(uri, 1, from, settings);
  const analysis = checker.check(uri, 2, edited, settings);
  const fresh = validate(new ScopeDocument(uri, 2, edited, settings.limits), settings);
  assert.deepEqual(analysis.diagnostics, fresh.diagnostics);
  assert.deepEqual(analysis.accepted, fresh.accepted);
  return checker.lastMode;
}

const replace = (from: string, to: string, text = base): string => {
  assert.ok(text.includes(from), from);
  return text.replace(from, to);
};

describe('incremental checking: which edits reparse one item', () => {
  it('typing in a value of a deliverable other than the last reparses that item', () => {
    assert.equal(modeOf(replace('Billing API', 'Billing API v2')), 'item');
    assert.equal(modeOf(replace('    title: Customer portal\n', '    title: Customer portal\n    due: 2027-03-01\n')), 'item');
    assert.equal(modeOf(replace('      - p95 below 1 s', '      - p95 below 2 s')), 'item');
  });

  it('an item of a list one level down (timeline.milestones) is local too, but not the last', () => {
    assert.equal(modeOf(replace('date: 2027-03-01', 'date: 2027-03-02')), 'item');
    assert.equal(modeOf(replace('deliverables: [D2]', 'deliverables: [D2, D3]')), 'item');
    assert.equal(modeOf(replace('date: 2027-09-01', 'date: 2027-09-02')), 'full');
    assert.equal(modeOf(replace('  end: 2027-12-31', '  end: 2027-12-30')), 'full');
  });

  it('keeps the findings of rules that do not read the edited section', () => {
    const checker = new IncrementalChecker();
    checker.check(uri, 1, base, settings);
    checker.check(uri, 2, replace('Billing API', 'Billing API v2'), settings);
    assert.equal(checker.lastMode, 'item');
    assert.ok(checker.lastKept > 10, `kept ${checker.lastKept}`);
  });

  it('parses everything again for edits that are not local to one item', () => {
    // The last item of a sequence, a mapping section, two items at once, the line of the dash.
    assert.equal(modeOf(replace('Audit log', 'Audit trail')), 'full');
    assert.equal(modeOf(replace('name: Portal', 'name: Portal 2')), 'full');
    assert.equal(modeOf(replace('Billing API\n', 'Billing API\n  - id: D9\n')), 'full');
    assert.equal(
      modeOf(replace('Billing API', 'Billing API').replace('Customer portal', 'Customer site').replace('id: D1', 'id: D0')),
      'full',
    );
    // Joining two items: the edit spans the end of D1 and the start of D2.
    assert.equal(modeOf(replace('Annex B pass on staging.\n  - id: D2\n', 'Annex B pass on staging.\n    id2: D2\n')), 'full');
  });

  it('parses everything again for anchors, aliases, comments, flow collections left open, tabs and syntax errors', () => {
    assert.equal(modeOf(replace('title: Billing API', 'title: &t Billing API')), 'full');
    assert.equal(modeOf(replace('title: Billing API', 'title: *t')), 'full');
    assert.equal(modeOf(replace('title: Billing API', 'title: Billing API # scope-lint-disable-line cost-vague-language -- ok')), 'full');
    assert.equal(modeOf(replace('title: Billing API', 'title: [Billing API')), 'full');
    assert.equal(modeOf(replace('title: Billing API', 'title:\tBilling API')), 'full');
    assert.equal(modeOf(replace('title: Billing API', 'title: "Billing API')), 'full');
    assert.equal(modeOf(replace('    title: Billing API', '   title: Billing API')), 'full');
    assert.equal(modeOf(replace('    title: Billing API', 'title: Billing API')), 'full');
  });

  it('parses everything again when the previous version was not clean', () => {
    const broken = replace('title: Billing API', 'title: [Billing API');
    assert.equal(modeOf(replace('Customer portal', 'Customer site', broken), broken), 'full');
    const anchored = replace('name: Portal', 'name: &n Portal');
    assert.equal(modeOf(replace('Customer portal', 'Customer site', anchored), anchored), 'full');
  });

  it('a block scalar or a closed flow collection inside the item is local', () => {
    assert.equal(
      modeOf(replace('    title: Billing API\n', '    title: Billing API\n    description: |\n      Two lines\n      of text\n')),
      'item',
    );
    assert.equal(modeOf(replace('    title: Billing API\n', '    title: Billing API\n    depends_on: [D2,\n      D3]\n')), 'item');
  });

  it('an item edit is checked against the input limits by reading the item alone, and still meets them exactly', () => {
    // Nesting: 20 levels deep in one item is fine under the default limit; 70 open brackets are not,
    // and the edited text gets the same input/too-deep finding a full check gives (modeOf compares).
    const deep = (n: number): string => `${'['.repeat(n)}x${']'.repeat(n)}`;
    assert.equal(modeOf(replace('title: Billing API', `title: Billing API\n    tags: ${deep(20)}`)), 'item');
    const tooDeep = replace('title: Billing API', `title: Billing API\n    tags: ${deep(70)}`);
    assert.equal(modeOf(tooDeep), 'full');
    const checker = new IncrementalChecker();
    checker.check(uri, 1, base, settings);
    assert.deepEqual(
      checker.check(uri, 2, tooDeep, settings).diagnostics.map((d) => [d.code, d.range.start.line]),
      [['input/too-deep', 7]],
    );
    // Under a low limit the levels above the item count too: 2 above a deliverable's dash.
    const low = mergeSettings({ today: testToday, limits: { maxNestingDepth: 6 } });
    const lowMode = (edited: string): [string, unknown[]] => {
      const c = new IncrementalChecker();
      c.check(uri, 1, base, low);
      const analysis = c.check(uri, 2, edited, low);
      const fresh = validate(new ScopeDocument(uri, 2, edited, low.limits), low);
      assert.deepEqual(analysis.diagnostics, fresh.diagnostics);
      return [c.lastMode, analysis.diagnostics.filter((d) => String(d.code).startsWith('input/')).map((d) => d.code)];
    };
    assert.deepEqual(lowMode(replace('title: Billing API', `title: Billing API\n    tags: ${deep(1)}`)), ['item', []]);
    assert.deepEqual(lowMode(replace('title: Billing API', `title: Billing API\n    tags: ${deep(6)}`)), ['full', ['input/too-deep']]);
    // Text that looks like an alias inside a quoted title is counted against the whole file's limit, and passes.
    assert.equal(modeOf(replace('title: Billing API', 'title: "Billing API *v2"')), 'item');
    // A carriage return in the item: the whole text is parsed again.
    assert.equal(modeOf(replace('title: Billing API\n', 'title: Billing API\r\n')), 'full');
  });
});
