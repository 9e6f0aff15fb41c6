// resolveFix: the exact text after each kind of fix op, in block and flow style, with the
// comments around the edit intact; the snippet form; applying a fix twice is the same as once.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ScopeDocument } from '../../server/src/service/document';
import { resolveFix } from '../../server/src/service/edits';
import type { Fix, FixOp } from '../../server/src/service/types';
import { analyzeText, resolvedFixesOf } from '../support/analyze';
import { fixturesDir } from '../support/paths';
import { applyTextEdits, fixText, unchangedOutside } from '../support/textEdits';

const lines = (...l: string[]): string => `${l.join('\n')}\n`;
const fix = (...ops: FixOp[]): Fix => ({ title: 'test fix', ops, applicability: 'unsafe' });

/** Applies the fix and checks the result; then checks that applying it again changes nothing. */
function expectFix(before: string, f: Fix, expected: string, { twice = true } = {}): void {
  const { resolved, after } = fixText(before, f);
  assert.ok(resolved, 'the fix resolves');
  assert.equal(after, expected);
  assert.ok(unchangedOutside(before, after, resolved.edits), 'nothing outside the edit ranges changes');
  if (!twice) return;
  const again = fixText(after, f);
  assert.equal(again.after, after, 'applying the fix twice is the same as once');
}

const ndaSkeleton = ['signed: false   # set true and fill date once countersigned', 'date: null', 'mutual: true'].join('\n');

describe('insert', () => {
  it('adds a key after the last entry of a block mapping, before a trailing comment', () => {
    const before = lines('# head', 'vendor:', '  name: Acme   # who', '  # about the vendor', 'security:', '  personal_data: true');
    expectFix(
      before,
      fix({ op: 'insert', parent: ['vendor'], key: 'nda', value: ndaSkeleton }),
      lines(
        '# head',
        'vendor:',
        '  name: Acme   # who',
        '  nda:',
        '    signed: false   # set true and fill date once countersigned',
        '    date: null',
        '    mutual: true',
        '  # about the vendor',
        'security:',
        '  personal_data: true',
      ),
    );
  });

  it("uses the document's own indentation unit", () => {
    const before = lines('vendor:', '    name: Acme', 'timeline:', '    start: 2027-01-01');
    expectFix(
      before,
      fix({ op: 'insert', parent: ['vendor'], key: 'nda', value: ndaSkeleton }),
      lines(
        'vendor:',
        '    name: Acme',
        '    nda:',
        '        signed: false   # set true and fill date once countersigned',
        '        date: null',
        '        mutual: true',
        'timeline:',
        '    start: 2027-01-01',
      ),
    );
  });

  it('writes flow style into a flow mapping, without the fragment comments', () => {
    const before = lines('vendor: { name: Acme }  # keep', 'x: 1');
    expectFix(
      before,
      fix({ op: 'insert', parent: ['vendor'], key: 'nda', value: ndaSkeleton }),
      lines('vendor: { name: Acme, nda: { signed: false, date: null, mutual: true } }  # keep', 'x: 1'),
    );
  });

  it('fills an empty flow mapping', () => {
    expectFix(lines('vendor: {}'), fix({ op: 'insert', parent: ['vendor'], key: 'name', value: '""' }), lines('vendor: { name: "" }'));
  });

  it('quotes plain text that flow style cannot hold', () => {
    const before = lines('security: { personal_data: true }');
    expectFix(
      before,
      fix({
        op: 'insert',
        parent: ['security'],
        key: 'protections',
        value: '- Least-privilege access, reviewed quarterly\n- SSO with MFA',
      }),
      lines('security: { personal_data: true, protections: ["Least-privilege access, reviewed quarterly", SSO with MFA] }'),
    );
  });

  it('creates missing parent mappings at the end of the document', () => {
    const before = lines('project:', '  name: X', '# end of file');
    expectFix(
      before,
      fix({ op: 'insert', parent: ['security', 'dpa'], key: 'signed', value: 'false' }),
      lines('project:', '  name: X', 'security:', '  dpa:', '    signed: false', '# end of file'),
    );
  });

  it('creates a missing parent once when two ops need it', () => {
    const before = lines('project:', '  name: X');
    expectFix(
      before,
      fix(
        { op: 'insert', parent: ['ip'], key: 'owner', value: 'client' },
        { op: 'insert', parent: ['ip'], key: 'transfer', value: 'on_payment' },
      ),
      lines('project:', '  name: X', 'ip:', '  owner: client', '  transfer: on_payment'),
    );
  });

  it('fills a key that is present but empty instead of writing it twice', () => {
    expectFix(
      lines('budget:', '  currency:   # which one?', '  total: 5'),
      fix({ op: 'insert', parent: ['budget'], key: 'currency', value: 'USD' }),
      lines('budget:', '  currency: USD   # which one?', '  total: 5'),
    );
  });

  it('leaves a key that already has a value alone', () => {
    const { resolved } = fixText(
      lines('vendor:', '  nda: { signed: true }'),
      fix({ op: 'insert', parent: ['vendor'], key: 'nda', value: ndaSkeleton }),
    );
    assert.equal(resolved, undefined);
  });

  it('adds a key to a mapping that is a list item', () => {
    const before = lines('deliverables:', '  - id: D1', '    title: Site  # main', '  - id: D2');
    expectFix(
      before,
      fix({ op: 'insert', parent: ['deliverables', 0], key: 'due', value: 'null  # TODO' }),
      lines('deliverables:', '  - id: D1', '    title: Site  # main', '    due: null  # TODO', '  - id: D2'),
    );
  });

  it("puts a new section in the format's order, above the comment of the section after it", () => {
    expectFix(
      lines('scope_version: 1', '', '# money', 'budget:', '  total: 5'),
      fix({ op: 'insert', parent: [], key: 'project', value: 'name: X' }),
      lines('scope_version: 1', '', 'project:', '  name: X', '', '# money', 'budget:', '  total: 5'),
    );
    expectFix(
      lines('project:', '  name: X', '', 'budget:', '  total: 5', '', 'exit:', '  notice_days: 30'),
      fix({ op: 'insert', parent: [], key: 'timeline', value: 'start: null' }),
      lines('project:', '  name: X', '', 'budget:', '  total: 5', '', 'timeline:', '  start: null', '', 'exit:', '  notice_days: 30'),
    );
  });

  it('puts a new key right after the key the format puts before it', () => {
    expectFix(
      lines('budget:', '  pricing_model: fixed_price', '  total: 5', '  my_note: x', '  payments: []'),
      fix({ op: 'insert', parent: ['budget'], key: 'cap', value: '10' }),
      lines('budget:', '  pricing_model: fixed_price', '  total: 5', '  cap: 10', '  my_note: x', '  payments: []'),
    );
  });

  it('keeps CRLF line endings', () => {
    const before = 'vendor:\r\n  name: Acme\r\nx: 1\r\n';
    expectFix(
      before,
      fix({ op: 'insert', parent: ['vendor'], key: 'nda', value: 'signed: false\ndate: null' }),
      'vendor:\r\n  name: Acme\r\n  nda:\r\n    signed: false\r\n    date: null\r\nx: 1\r\n',
    );
  });

  it('adds to a file without a final line break', () => {
    expectFix(
      'governance:\n  check_in_cadence: weekly',
      fix({ op: 'insert', parent: ['governance'], key: 'steering', value: 'null' }),
      'governance:\n  check_in_cadence: weekly\n  steering: null',
    );
  });

  it('fills a parent that is present but null', () => {
    expectFix(
      lines('security:', 'x: 1'),
      fix({ op: 'insert', parent: ['security'], key: 'data_classification', value: 'confidential' }),
      lines('security:', '  data_classification: confidential', 'x: 1'),
    );
  });
});

describe('replace', () => {
  // Issue 17: the numeric fix kept a `!!str` tag, so the value stayed text and the finding stayed.
  it('drops the tag of the value it replaces, and keeps its anchor and comment', () => {
    const replaceTotal = fix({ op: 'replace', path: ['budget', 'total'], value: '38000' });
    expectFix(lines('budget:', '  total: !!str 38000   # approx'), replaceTotal, lines('budget:', '  total: 38000   # approx'));
    expectFix(lines('budget:', '  total: &t !!str "38,000"'), replaceTotal, lines('budget:', '  total: &t 38000'));
    expectFix(lines('budget:', '  total: !!str &t 38000'), replaceTotal, lines('budget:', '  total: &t 38000'));
    expectFix(lines('budget: { total: !!str 38000 }'), replaceTotal, lines('budget: { total: 38000 }'));
    expectFix(
      lines('budget:', '  payments:', '    - !!str 50', '    - 50'),
      fix({ op: 'replace', path: ['budget', 'payments', 0], value: '50' }),
      lines('budget:', '  payments:', '    - 50', '    - 50'),
    );
  });

  it('replaces a value and keeps the comment on its line; a new key goes where the format puts it', () => {
    const before = lines('budget:', '  total: "$120k"   # approx', '  pricing_model: fixed_price');
    expectFix(
      before,
      fix(
        { op: 'replace', path: ['budget', 'total'], value: '120000' },
        { op: 'insert', parent: ['budget'], key: 'currency', value: 'USD' },
      ),
      lines('budget:', '  currency: USD', '  total: 120000   # approx', '  pricing_model: fixed_price'),
    );
  });

  it('replaces a value inside a flow mapping', () => {
    expectFix(
      lines('payments:', '  - { milestone: M1, percent: 60 }  # deposit'),
      fix({ op: 'replace', path: ['payments', 0, 'percent'], value: '70' }),
      lines('payments:', '  - { milestone: M1, percent: 70 }  # deposit'),
    );
  });

  it('writes a block mapping under a key whose value was empty', () => {
    expectFix(
      lines('vendor:', '  nda:', '  name: X'),
      fix({ op: 'replace', path: ['vendor', 'nda'], value: 'signed: false\ndate: null' }),
      lines('vendor:', '  nda:', '    signed: false', '    date: null', '  name: X'),
    );
  });

  it('swaps two values (two ops on one text)', () => {
    const before = lines('timeline:', '  start: 2027-06-01  # kickoff', '  end: 2027-05-01');
    expectFix(
      before,
      fix(
        { op: 'replace', path: ['timeline', 'start'], value: '2027-05-01' },
        { op: 'replace', path: ['timeline', 'end'], value: '2027-06-01' },
      ),
      lines('timeline:', '  start: 2027-05-01  # kickoff', '  end: 2027-06-01'),
    );
  });

  it('replaces a list item', () => {
    expectFix(
      lines('acceptance_criteria:', '  - Works well  # vague', '  - 10 tests pass'),
      fix({ op: 'replace', path: ['acceptance_criteria', 0], value: '"TODO: N of M test cases pass"' }),
      lines('acceptance_criteria:', '  - "TODO: N of M test cases pass"  # vague', '  - 10 tests pass'),
    );
  });

  it('inserts the key when the path does not exist', () => {
    expectFix(
      lines('security:', '  personal_data: true'),
      fix({ op: 'replace', path: ['security', 'breach_notification_hours'], value: '24' }),
      lines('security:', '  personal_data: true', '  breach_notification_hours: 24'),
    );
  });

  it('offers nothing when the value is already the one asked for', () => {
    assert.equal(fixText(lines('a:', '  b: 24'), fix({ op: 'replace', path: ['a', 'b'], value: '24' })).resolved, undefined);
  });
});

describe('append', () => {
  it('appends an item to a block sequence, after its last item', () => {
    const before = lines('vendor:', '  references:', '    - company: Acme', '      contacted: 2027-01-02  # called', '  name: X');
    expectFix(
      before,
      fix({ op: 'append', path: ['vendor', 'references'], value: 'company: ""\ncontact: ""' }),
      lines(
        'vendor:',
        '  references:',
        '    - company: Acme',
        '      contacted: 2027-01-02  # called',
        '    - company: ""',
        '      contact: ""',
        '  name: X',
      ),
    );
  });

  it('appends to a flow sequence', () => {
    expectFix(
      lines('m: { id: M1, deliverables: [D1] }  # c'),
      fix({ op: 'append', path: ['m', 'deliverables'], value: 'D2' }),
      lines('m: { id: M1, deliverables: [D1, D2] }  # c'),
    );
  });

  it('fills an empty flow sequence', () => {
    expectFix(
      lines('vendor:', '  references: []'),
      fix({ op: 'append', path: ['vendor', 'references'], value: 'company: ""' }),
      lines('vendor:', '  references: [{ company: "" }]'),
    );
  });

  it('creates the sequence when it is missing', () => {
    expectFix(
      lines('project:', '  name: X'),
      fix({ op: 'append', path: ['out_of_scope'], value: '"TODO"' }),
      lines('project:', '  name: X', 'out_of_scope:', '  - "TODO"'),
    );
  });

  it("follows the document's sequence indentation", () => {
    expectFix(
      lines('a:', '  list:', '  - x', 'b: 1'),
      fix({ op: 'append', path: ['c'], value: 'y' }),
      lines('a:', '  list:', '  - x', 'b: 1', 'c:', '- y'),
    );
  });

  it('does not append an item that is already there', () => {
    assert.equal(
      fixText(lines('m:', '  deliverables: [D1, D2]'), fix({ op: 'append', path: ['m', 'deliverables'], value: 'D2' })).resolved,
      undefined,
    );
  });
});

describe('removeText', () => {
  it('removes a term and the separator before it', () => {
    expectFix(
      lines('title: CRM sync service, reports, etc.  # from the RFP'),
      fix({ op: 'removeText', path: ['title'], text: 'etc.' }),
      lines('title: CRM sync service, reports  # from the RFP'),
    );
  });

  it('removes a term inside a quoted string', () => {
    expectFix(
      lines('title: "Docs, code and so on."'),
      fix({ op: 'removeText', path: ['title'], text: 'and so on' }),
      lines('title: "Docs, code."'),
    );
  });

  it('removes a term from a string with escapes and keeps them', () => {
    expectFix(
      lines('title: "Say \\"hi\\", etc. \\u00e9"'),
      fix({ op: 'removeText', path: ['title'], text: 'etc.' }),
      lines('title: "Say \\"hi\\" \\u00e9"'),
    );
  });

  it('does not cut a plain value into a comment or a mapping', () => {
    assert.equal(fixText(lines('title: a etc. #b'), fix({ op: 'removeText', path: ['title'], text: 'etc.' })).after, lines('title: a #b'));
    assert.equal(
      fixText(lines('title: "x: etc., y"'), fix({ op: 'removeText', path: ['title'], text: 'etc.' })).after,
      lines('title: "x:, y"'),
    );
    assert.equal(fixText(lines('title: x, etc.: y'), fix({ op: 'removeText', path: ['title'], text: 'etc.' })).resolved, undefined);
  });

  it('removes a leading term and the separator after it', () => {
    expectFix(lines('- etc., docs'), fix({ op: 'removeText', path: [0], text: 'etc.' }), lines('- docs'));
  });
});

describe('delete', () => {
  it('deletes a key of a block mapping with its value', () => {
    expectFix(
      lines('p:', '  # why', '  amount: 5', '  percent: 10  # share', '  milestone: M1'),
      fix({ op: 'delete', path: ['p', 'percent'] }),
      lines('p:', '  # why', '  amount: 5', '  milestone: M1'),
    );
  });

  it('deletes a key of a flow mapping', () => {
    expectFix(
      lines('- { milestone: M1, percent: 60, amount: 100 }'),
      fix({ op: 'delete', path: [0, 'amount'] }),
      lines('- { milestone: M1, percent: 60 }'),
    );
  });

  // Issue 17: in a flow mapping written over several lines, deleting an entry took the comment at
  // the end of the line before it, or moved its own comment onto a neighbour's line.
  describe('in a flow collection over several lines, never takes or moves a neighbour comment', () => {
    const payment = (...entries: string[]) => lines('- {', ...entries.map((e) => `    ${e}`), '  }');
    const deleteAmount = fix({ op: 'delete', path: [0, 'amount'] });

    it('the last entry, alone on its line: its line and the comma before it go', () => {
      expectFix(
        payment('milestone: M1,   # on signature', 'percent: 20,   # a fifth', 'amount: 48000   # same as 20 %'),
        deleteAmount,
        payment('milestone: M1,   # on signature', 'percent: 20   # a fifth'),
      );
    });

    it('a middle entry, alone on its line: only its line goes', () => {
      expectFix(
        payment('milestone: M1,   # on signature', 'amount: 48000,   # same as 20 %', 'percent: 20   # a fifth'),
        deleteAmount,
        payment('milestone: M1,   # on signature', 'percent: 20   # a fifth'),
      );
    });

    it('the first entry, alone on its line, and a comment line above it stays', () => {
      expectFix(
        payment('# agreed with finance', 'amount: 48000,   # same as 20 %', 'milestone: M1,   # on signature', 'percent: 20'),
        deleteAmount,
        payment('# agreed with finance', 'milestone: M1,   # on signature', 'percent: 20'),
      );
    });

    it('an entry that shares its line takes the comma on its own line, not the line before', () => {
      expectFix(
        payment('milestone: M1,   # on signature', 'amount: 48000, percent: 20   # a fifth'),
        deleteAmount,
        payment('milestone: M1,   # on signature', 'percent: 20   # a fifth'),
      );
      expectFix(
        lines('- { milestone: M1, amount: 48000,  # on signature', '    percent: 20 }   # a fifth'),
        deleteAmount,
        lines('- { milestone: M1,  # on signature', '    percent: 20 }   # a fifth'),
      );
    });

    it('the last entry before the closing brace, with comments on both sides', () => {
      expectFix(
        lines('- { milestone: M1,   # on signature', '    percent: 20,   # same', '    amount: 48000 }   # a fifth'),
        deleteAmount,
        lines('- { milestone: M1,   # on signature', '    percent: 20   # same', '     }   # a fifth'),
      );
    });

    it('in a flow sequence too', () => {
      expectFix(
        lines('l: [', '  a,   # first', '  b,   # second', '  c    # third', ']'),
        fix({ op: 'delete', path: ['l', 1] }),
        lines('l: [', '  a,   # first', '  c    # third', ']'),
        { twice: false },
      );
    });
  });

  it('deletes the first item of a flow sequence with the comma after it', () => {
    expectFix(lines('l: [a, b, c]  # three'), fix({ op: 'delete', path: ['l', 0] }), lines('l: [b, c]  # three'), { twice: false });
    expectFix(lines('l: [a, b]'), fix({ op: 'delete', path: ['l', 1] }), lines('l: [a]'), { twice: false });
    expectFix(lines('l: [a]'), fix({ op: 'delete', path: ['l', 0] }), lines('l: []'), { twice: false });
  });

  it('deletes the first key of a list item', () => {
    expectFix(lines('- amount: 5', '  milestone: M1'), fix({ op: 'delete', path: [0, 'amount'] }), lines('- milestone: M1'));
  });

  it('deletes a sequence item', () => {
    // An index names a position, not an item: a second run deletes the next item (so rules re-derive it).
    expectFix(lines('l:', '  - a', '  - b  # bee', '  - c'), fix({ op: 'delete', path: ['l', 1] }), lines('l:', '  - a', '  - c'), {
      twice: false,
    });
  });

  it('empties a sequence when its only item goes, keeping the comment on its line', () => {
    expectFix(lines('l:', '  - a  # only', 'm: 1'), fix({ op: 'delete', path: ['l', 0] }), lines('l: []  # only', 'm: 1'), {
      twice: false,
    });
  });
});

describe('through an alias', () => {
  // Issue 17: a fix through an alias edits the anchored value, and so every alias, silently.
  it('says in its title that it changes the shared value', () => {
    const before = lines('defaults: &terms', '  total: "$120k"', 'budget: *terms');
    const { resolved, after } = fixText(before, fix({ op: 'replace', path: ['budget', 'total'], value: '120000' }));
    assert.equal(resolved?.title, 'test fix (changes the shared value &terms and every alias of it)');
    assert.equal(after, lines('defaults: &terms', '  total: 120000', 'budget: *terms'));
  });

  it('says so when it edits an anchored value, or inside one, that an alias repeats', () => {
    const shared = ' (changes the shared value &t and every alias of it)';
    const scalar = lines('budget:', '  total: &t "38,000"', 'cap: *t');
    const replaced = fixText(scalar, fix({ op: 'replace', path: ['budget', 'total'], value: '38000' }));
    assert.equal(replaced.resolved?.title, `test fix${shared}`);
    assert.equal(replaced.after, lines('budget:', '  total: &t 38000', 'cap: *t'));
    const inside = lines('nda: &t { signed: true, date: 2027-02-20T10:00:00 }', 'dpa: *t');
    const edited = fixText(inside, fix({ op: 'replace', path: ['nda', 'date'], value: '2027-02-20' }));
    assert.equal(edited.resolved?.title, `test fix${shared}`);
    assert.equal(edited.after, lines('nda: &t { signed: true, date: 2027-02-20 }', 'dpa: *t'));
    assert.equal(
      fixText(inside, fix({ op: 'insert', parent: ['nda'], key: 'mutual', value: 'true' })).resolved?.title,
      `test fix${shared}`,
    );
    assert.equal(fixText(inside, fix({ op: 'delete', path: ['nda', 'signed'] })).resolved?.title, `test fix${shared}`);
  });

  it('says so on the quick fix of a real finding inside a shared mapping', () => {
    const minimal = readFileSync(join(fixturesDir, 'golden', 'minimal.scope.yaml'), 'utf8');
    const text = minimal
      .replace('  nda: { signed: true, date: 2027-02-20 }\n', '  nda: &nda { signed: true, date: 2027-02-20T10:00:00 }\n')
      .replace('security:\n', 'security:\n  dpa: *nda\n');
    const titles = analyzeText(text)
      .diagnostics.filter((d) => d.code === 'schema/format')
      .map((d) => [d.range.start.line, resolvedFixesOf(d).map((f) => f.title)]);
    const line = text.split('\n').indexOf('  nda: &nda { signed: true, date: 2027-02-20T10:00:00 }');
    const title = 'Write the date 2027-02-20 (changes the shared value &nda and every alias of it)';
    assert.deepEqual(titles, [
      [line, [title]],
      [line, [title]],
    ]);
  });

  it('keeps its title for an anchor that no alias repeats, and for an alias replaced where it stands', () => {
    assert.equal(
      fixText(lines('budget:', '  total: &t "38,000"'), fix({ op: 'replace', path: ['budget', 'total'], value: '38000' })).resolved?.title,
      'test fix',
    );
    const atAlias = fixText(lines('start: &k 2027-03-01T09:00:00', 'end: *k'), fix({ op: 'replace', path: ['end'], value: '2027-03-01' }));
    assert.equal(atAlias.resolved?.title, 'test fix');
    assert.equal(atAlias.after, lines('start: &k 2027-03-01T09:00:00', 'end: 2027-03-01'));
  });

  it('keeps its title when no alias is on the way', () => {
    const before = lines('defaults: &terms', '  total: "$120k"', 'budget:', '  total: "$120k"');
    assert.equal(fixText(before, fix({ op: 'replace', path: ['budget', 'total'], value: '120000' })).resolved?.title, 'test fix');
  });
});

describe('renameKey', () => {
  it('renames a key and keeps its value and comment', () => {
    expectFix(
      lines('deliverable:   # typo', '  - id: D1'),
      fix({ op: 'renameKey', path: ['deliverable'], key: 'deliverables' }),
      lines('deliverables:   # typo', '  - id: D1'),
    );
  });

  it('keeps the quoting of a quoted key, and quotes a name plain style would misread', () => {
    expectFix(
      lines("'deliverable': [D1]  # q"),
      fix({ op: 'renameKey', path: ['deliverable'], key: 'deliverables' }),
      lines("'deliverables': [D1]  # q"),
    );
    expectFix(lines('a: 1', 'b: 2'), fix({ op: 'renameKey', path: ['a'], key: 'true' }), lines('"true": 1', 'b: 2'));
    expectFix(lines('{ a: 1, b: 2 }'), fix({ op: 'renameKey', path: ['a'], key: 'x, y' }), lines('{ "x, y": 1, b: 2 }'));
  });

  it('does not rename onto an existing key', () => {
    assert.equal(fixText(lines('a: 1', 'b: 2'), fix({ op: 'renameKey', path: ['a'], key: 'b' })).resolved, undefined);
  });
});

describe('adding words to a string', () => {
  it("writes the new words in the string's own quoting and escaping", () => {
    expectFix(
      lines('objective: "Cut costs"  # draft'),
      fix({ op: 'replace', path: ['objective'], value: '\'Cut costs by "20%"\'' }),
      lines('objective: "Cut costs by \\"20%\\""  # draft'),
    );
    expectFix(
      lines("objective: 'Cut costs'"),
      fix({ op: 'replace', path: ['objective'], value: '"Cut costs (the client\'s)"' }),
      lines("objective: 'Cut costs (the client''s)'"),
    );
  });
});

describe('snippets', () => {
  it('turns placeholders into tab stops and keeps the plain text as their defaults', () => {
    const text = lines('vendor:', '  name: Acme', 'x: 1');
    const resolved = resolveFix(
      new ScopeDocument('file:///s', 1, text),
      fix({
        op: 'insert',
        parent: ['vendor'],
        key: 'references',
        value: '- company: ""\n  contacted: null   # date\n  notes: "TODO: what they said"',
      }),
    );
    assert.ok(resolved);
    const [edit] = resolved.edits;
    assert.ok(edit);
    // New lines go in at the start of the next line, so the snippet needs no re-indenting.
    assert.deepEqual(edit.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } });
    assert.equal(edit.newText, '  references:\n    - company: ""\n      contacted: null   # date\n      notes: "TODO: what they said"\n');
    assert.equal(
      edit.snippet,
      '  references:\n    - company: "${1}"\n      contacted: ${2:null}   # date\n      notes: "${3:TODO: what they said}"\n',
    );
  });

  it('writes snippet lines relative to the start line when the edit starts inside a line', () => {
    // No line after the last one: the lines are added at its end, and VS Code adds its indentation back.
    const text = 'vendor:\n  name: Acme';
    const resolved = resolveFix(
      new ScopeDocument('file:///s', 1, text),
      fix({ op: 'insert', parent: ['vendor'], key: 'nda', value: 'signed: false\ndate: null' }),
    );
    const [edit] = resolved?.edits ?? [];
    assert.equal(edit?.newText, '\n  nda:\n    signed: false\n    date: null');
    assert.equal(edit?.snippet, '\nnda:\n  signed: false\n  date: ${1:null}');
  });

  it('keeps snippet syntax written by the rule author and escapes everything else', () => {
    const text = lines('project:', '  objective: Cut costs  # draft', '  budget_note: costs $5');
    const resolved = resolveFix(
      new ScopeDocument('file:///s', 1, text),
      fix({ op: 'replace', path: ['project', 'objective'], value: 'Cut costs from ${1:baseline} to ${2:target} by ${3:YYYY-MM-DD} ($)' }),
    );
    assert.ok(resolved);
    const [edit] = resolved.edits;
    assert.equal(edit?.newText, ' from baseline to target by YYYY-MM-DD ($)');
    assert.equal(edit?.snippet, ' from ${1:baseline} to ${2:target} by ${3:YYYY-MM-DD} (\\$)');
    assert.equal(
      applyTextEdits(text, resolved.edits),
      lines('project:', '  objective: Cut costs from baseline to target by YYYY-MM-DD ($)  # draft', '  budget_note: costs $5'),
    );
  });

  it('reads a dollar amount as text, not as a tab stop', () => {
    const resolved = resolveFix(
      new ScopeDocument('file:///s', 1, lines('assumptions: []')),
      fix({ op: 'append', path: ['assumptions'], value: '"Price $120k holds until $5 fees apply"' }),
    );
    const [edit] = resolved?.edits ?? [];
    assert.equal(edit?.newText, '["Price $120k holds until $5 fees apply"]');
    assert.equal(edit?.snippet, undefined);
  });

  it('makes <hints> inside strings tab stops', () => {
    const resolved = resolveFix(
      new ScopeDocument('file:///s', 1, lines('objective: Cut costs')),
      fix({ op: 'replace', path: ['objective'], value: 'Cut costs from <baseline> to <target>' }),
    );
    assert.equal(resolved?.edits[0]?.snippet, ' from ${1:<baseline>} to ${2:<target>}');
  });

  it('has no snippet form when nothing is a placeholder', () => {
    const resolved = resolveFix(
      new ScopeDocument('file:///s', 1, lines('a:', '  b: 1')),
      fix({ op: 'insert', parent: ['a'], key: 'c', value: 'weekly' }),
    );
    assert.equal(resolved?.edits[0]?.snippet, undefined);
  });
});

describe('robustness', () => {
  it('offers nothing on a document with syntax errors', () => {
    assert.equal(fixText('a: [1, 2\nb: 3\n', fix({ op: 'insert', parent: [], key: 'c', value: '1' })).resolved, undefined);
  });

  it('offers nothing for a path through a scalar', () => {
    assert.equal(fixText(lines('vendor: Acme'), fix({ op: 'insert', parent: ['vendor'], key: 'nda', value: 'x' })).resolved, undefined);
  });

  it('inserts into an empty document', () => {
    expectFix(
      '# only a comment\n',
      fix({ op: 'insert', parent: [], key: 'scope_version', value: '1' }),
      '# only a comment\nscope_version: 1\n',
    );
  });
});
