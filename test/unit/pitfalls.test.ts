// YAML pitfalls a lead hits (issue 10, "Wrong or unhelpful messages"): each gets one finding in
// plain words, on the text that is wrong, with a fix whose exact result is checked here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { analyzeText, resolvedFixesOf, severityName } from '../support/analyze';
import { fixturesDir } from '../support/paths';
import { applyTextEdits } from '../support/textEdits';

const minimal = readFileSync(join(fixturesDir, 'golden', 'minimal.scope.yaml'), 'utf8');

/** The minimal scope with one piece of text replaced (which must be there). */
function withText(from: string, to: string): string {
  assert.ok(minimal.includes(from), `the minimal scope has ${JSON.stringify(from)}`);
  return minimal.replace(from, to);
}

/** `code line:col-col` (1-based line and columns) of a diagnostic. */
function where(d: Diagnostic): string {
  return `${String(d.code)} ${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.character + 1}`;
}

/** Every diagnostic on the given 1-based line. */
function onLine(text: string, line: number): Diagnostic[] {
  return analyzeText(text).diagnostics.filter((d) => d.range.start.line === line - 1);
}

/** The text after the fix with this title. */
function afterFix(text: string, d: Diagnostic, title: string): string {
  const fixes = resolvedFixesOf(d);
  const fix = fixes.find((f) => f.title === title);
  assert.ok(fix, `fix "${title}" among: ${fixes.map((f) => f.title).join(' | ')}`);
  return applyTextEdits(text, fix.edits);
}

function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((l) => l.includes(needle));
  assert.ok(index >= 0, `a line has ${needle}`);
  return index + 1;
}

describe('a date and time where a date is expected', () => {
  const text = withText('    due: 2027-04-30\n', '    due: 2027-04-30T17:00:00   # end of day\n');
  const line = lineOf(text, 'due: 2027-04-30T17');

  it('is one finding in plain words, on the value', () => {
    const ds = onLine(text, line);
    assert.deepEqual(ds.map(where), [`schema/format ${line}:10-29`]);
    const [d] = ds;
    assert.ok(d);
    assert.equal(severityName(d), 'error');
    assert.equal(d.message, 'A date and time where a date is expected: `deliverables[0].due` is 2027-04-30T17:00:00; write 2027-04-30.');
  });

  it('has a safe fix that keeps the date part and the comment', () => {
    const [d] = onLine(text, line);
    assert.ok(d);
    assert.deepEqual(
      resolvedFixesOf(d).map((f) => [f.title, f.applicability]),
      [['Write the date 2027-04-30', 'safe']],
    );
    assert.equal(
      afterFix(text, d, 'Write the date 2027-04-30'),
      minimal.replace('    due: 2027-04-30\n', '    due: 2027-04-30   # end of day\n'),
    );
  });

  it('reads a space, a time zone and a quoted value too', () => {
    for (const written of ['"2027-04-30 17:00"', '2027-04-30T17:00Z', '2027-04-30T09:30:00+02:00', "'2027-04-30 17:00 CET'"]) {
      const t = withText('    due: 2027-04-30\n', `    due: ${written}\n`);
      const ds = onLine(t, line);
      assert.deepEqual(
        ds.map((d) => d.code),
        ['schema/format'],
        written,
      );
      const [d] = ds;
      assert.ok(d);
      assert.match(String(d.message), /^A date and time where a date is expected: .+; write 2027-04-30\.$/);
      assert.equal(afterFix(t, d, 'Write the date 2027-04-30'), minimal, written);
    }
  });

  it('an impossible day keeps the general date message, with no fix', () => {
    const t = withText('    due: 2027-04-30\n', '    due: 2027-02-30T17:00\n');
    const ds = onLine(t, line);
    assert.deepEqual(
      ds.map((d) => d.code),
      ['schema/format'],
    );
    assert.equal(
      ds[0]?.message,
      '`deliverables[0].due` must be a real date: write YYYY-MM-DD, such as 2027-03-01; the text "2027-02-30T17:00" is not.',
    );
    assert.deepEqual(resolvedFixesOf(ds[0]), []);
  });
});

describe('a contingency written as a fraction', () => {
  const text = withText('  contingency_percent: 10\n', '  contingency_percent: 0.15\n');
  const line = lineOf(text, 'contingency_percent');

  it('asks "did you mean 15%?" as a warning on the value', () => {
    const ds = onLine(text, line);
    assert.deepEqual(ds.map(where), [`cost-contingency-missing ${line}:24-28`]);
    const [d] = ds;
    assert.ok(d);
    assert.equal(severityName(d), 'warning');
    assert.equal(
      d.message,
      '`budget.contingency_percent` is 0.15, a reserve of 0.15%: did you mean 15%? Write percentages from 0 to 100, not as a fraction.',
    );
  });

  it('offers the percentage it most likely means, for a person to confirm', () => {
    const [d] = onLine(text, line);
    assert.ok(d);
    assert.deepEqual(
      resolvedFixesOf(d).map((f) => [f.title, f.applicability, f.preferred ?? false]),
      [['Change `contingency_percent` to 15', 'unsafe', true]],
    );
    assert.equal(
      afterFix(text, d, 'Change `contingency_percent` to 15'),
      withText('  contingency_percent: 10\n', '  contingency_percent: 15\n'),
    );
  });

  it('says when the meant percentage is still below the minimum, and keeps the usual proposal', () => {
    const t = withText('  contingency_percent: 10\n', '  contingency_percent: 0.05\n');
    const [d] = onLine(t, line);
    assert.ok(d);
    assert.equal(
      d.message,
      '`budget.contingency_percent` is 0.05, a reserve of 0.05%: did you mean 5%? Write percentages from 0 to 100, not as a fraction. 5% is still below the 10% minimum.',
    );
    assert.deepEqual(
      resolvedFixesOf(d).map((f) => f.title),
      ['Change `contingency_percent` to 5', 'Set `contingency_percent` to 15'],
    );
    assert.equal(
      afterFix(t, d, 'Change `contingency_percent` to 5'),
      withText('  contingency_percent: 10\n', '  contingency_percent: 5\n'),
    );
  });

  it('leaves 1% and more alone when it meets the minimum', () => {
    assert.deepEqual(onLine(withText('  contingency_percent: 10\n', '  contingency_percent: 12.5\n'), line), []);
  });
});

describe('a key near a known one', () => {
  it('`due_date` asks "did you mean `due`?" and the fix renames the key', () => {
    const text = withText('    due: 2027-04-30\n', '    due_date: 2027-04-30\n');
    const line = lineOf(text, 'due_date');
    const ds = onLine(text, line).filter((d) => d.code === 'schema/additional-property');
    assert.deepEqual(ds.map(where), [`schema/additional-property ${line}:5-13`]);
    const [d] = ds;
    assert.ok(d);
    assert.equal(d.message, 'Unknown property `due_date` in `deliverables[0]`. Did you mean `due`?');
    assert.deepEqual(
      resolvedFixesOf(d).map((f) => [f.title, f.applicability, f.preferred ?? false]),
      [['Rename to `due`', 'unsafe', true]],
    );
    assert.equal(afterFix(text, d, 'Rename to `due`'), minimal);
  });

  it('reads camelCase and other separators, and a key that names part of one', () => {
    const cases: [from: string, to: string, message: string][] = [
      ['  start: 2027-03-01\n', '  startDate: 2027-03-01\n', 'Unknown property `startDate` in `timeline`. Did you mean `start`?'],
      ['  end: 2027-05-31\n', '  end-date: 2027-05-31\n', 'Unknown property `end-date` in `timeline`. Did you mean `end`?'],
      [
        '  contingency_percent: 10\n',
        '  contingency: 10\n',
        'Unknown property `contingency` in `budget`. Did you mean `contingency_percent`?',
      ],
    ];
    for (const [from, to, message] of cases) {
      const text = withText(from, to);
      const d = analyzeText(text).diagnostics.find((x) => x.code === 'schema/additional-property');
      assert.equal(d?.message, message);
      assert.ok(d);
      assert.equal(afterFix(text, d, `Rename to \`${/Did you mean `([^`]+)`/.exec(message)?.[1] ?? ''}\``), minimal);
    }
  });

  it('names every equally good candidate, with no fix preferred', () => {
    const text = withText('target: ">= 95", unit: "%"', 'target_unit: ">= 95 %"');
    const d = analyzeText(text).diagnostics.find((x) => x.code === 'schema/additional-property');
    assert.ok(d);
    assert.equal(d.message, 'Unknown property `target_unit` in `success_measures[0]`. Did you mean `target` or `unit`?');
    assert.deepEqual(
      resolvedFixesOf(d).map((f) => [f.title, f.preferred ?? false]),
      [
        ['Rename to `target`', false],
        ['Rename to `unit`', false],
      ],
    );
    assert.equal(afterFix(text, d, 'Rename to `target`'), withText('target: ">= 95", unit: "%"', 'target: ">= 95 %"'));
  });

  it('leaves out a candidate that is already written', () => {
    const text = withText('unit: "%"', 'target_unit: "%"');
    const d = analyzeText(text).diagnostics.find((x) => x.code === 'schema/additional-property');
    assert.equal(d?.message, 'Unknown property `target_unit` in `success_measures[0]`. Did you mean `unit`?');
  });

  it('does not suggest a key that is already there', () => {
    const text = withText('    due: 2027-04-30\n', '    due: 2027-04-30\n    due_date: 2027-04-30\n');
    const d = analyzeText(text).diagnostics.find((x) => x.code === 'schema/additional-property');
    assert.equal(d?.message, 'Unknown property `due_date` in `deliverables[0]`.');
    assert.deepEqual(resolvedFixesOf(d), []);
  });
});

describe('a number with a comma inside { }', () => {
  const payments = '    - { milestone: M1, percent: 70 }\n    - { milestone: M2, percent: 30 }\n';
  const amounts = (first: string, second = '11400'): string =>
    withText(payments, `    - { milestone: M1, amount: ${first} }\n    - { milestone: M2, amount: ${second} }\n`);

  it('is one cost-amount-not-numeric on the whole written amount, and no unknown key', () => {
    const text = amounts('26,600');
    const line = lineOf(text, 'amount: 26,600');
    const ds = analyzeText(text).diagnostics;
    assert.deepEqual(ds.filter((d) => d.range.start.line === line - 1).map(where), [`cost-amount-not-numeric ${line}:32-38`]);
    const [d] = ds.filter((x) => x.code === 'cost-amount-not-numeric');
    assert.ok(d);
    assert.equal(severityName(d), 'error');
    assert.equal(
      d.message,
      'A comma splits `26,600` inside { }, read as 26 and a key 600: write `26600`, without the comma. Until then the payments cannot be checked against `budget.total`.',
    );
    // Read as 26, the payments would add up to 11,426 of 38,000: a mismatch nobody wrote.
    assert.deepEqual(
      ds.filter((x) => x.code === 'cost-payments-sum-mismatch' || x.code === 'schema/additional-property'),
      [],
    );
  });

  it('has a safe fix to the number, after which the payments add up', () => {
    const text = amounts('26,600');
    const d = analyzeText(text).diagnostics.find((x) => x.code === 'cost-amount-not-numeric');
    assert.ok(d);
    assert.deepEqual(
      resolvedFixesOf(d).map((f) => [f.title, f.applicability]),
      [['Write "26,600" as 26600', 'safe']],
    );
    const fixed = afterFix(text, d, 'Write "26,600" as 26600');
    assert.equal(fixed, amounts('26600'));
    assert.deepEqual(
      analyzeText(fixed).diagnostics.filter((x) => String(x.code).startsWith('cost-')),
      [],
    );
  });

  it('sums a wrong schedule again once fixed, and never from the broken value', () => {
    const text = amounts('26,600', '1400');
    assert.deepEqual(
      analyzeText(text)
        .diagnostics.filter((x) => x.code === 'cost-payments-sum-mismatch')
        .map((x) => x.message),
      [],
    );
    const fixed = amounts('26600', '1400');
    assert.deepEqual(
      analyzeText(fixed)
        .diagnostics.filter((x) => x.code === 'cost-payments-sum-mismatch')
        .map((x) => x.message),
      ['Payments add up to 73.7% of `budget.total` (28,000 of 38,000 USD): 10,000 USD of the price has no payment milestone.'],
    );
  });

  it('reads several groups (two keys `000` are no duplicate key)', () => {
    const text = amounts('1,000,000');
    const line = lineOf(text, 'amount: 1,000,000');
    const ds = analyzeText(text).diagnostics;
    assert.deepEqual(
      ds.filter((d) => String(d.code).startsWith('yaml/')),
      [],
    );
    const d = ds.find((x) => x.code === 'cost-amount-not-numeric');
    assert.ok(d);
    assert.equal(where(d), `cost-amount-not-numeric ${line}:32-41`);
    assert.equal(
      d.message,
      'A comma splits `1,000,000` inside { }, read as 1 and keys 000, 000: write `1000000`, without the commas. Until then the payments cannot be checked against `budget.total`.',
    );
    assert.equal(afterFix(text, d, 'Write "1,000,000" as 1000000'), amounts('1000000'));
  });

  it('a decimal comma in a percentage gets the schema finding in the same words, with no guess', () => {
    const text = withText('{ milestone: M1, percent: 70 }', '{ milestone: M1, percent: 69,5 }');
    const line = lineOf(text, 'percent: 69,5');
    const ds = analyzeText(text).diagnostics.filter((d) => d.range.start.line === line - 1);
    assert.deepEqual(ds.map(where), [`schema/type ${line}:33-37`]);
    assert.equal(
      ds[0]?.message,
      'A comma splits `69,5` inside { }, read as 69 and a key 5: write the number without a comma (a point for decimals).',
    );
    assert.deepEqual(resolvedFixesOf(ds[0]), []);
  });

  it('a comma in a number field other than an amount gets the number fix', () => {
    const text = withText('{ milestone: M1, percent: 70 }', '{ milestone: M1, percent: 1,000 }');
    const d = analyzeText(text).diagnostics.find((x) => x.code === 'schema/type');
    assert.ok(d);
    assert.equal(d.message, 'A comma splits `1,000` inside { }, read as 1 and a key 000: write `1000`, without the comma.');
    assert.equal(
      afterFix(text, d, 'Write `1,000` as 1000'),
      withText('{ milestone: M1, percent: 70 }', '{ milestone: M1, percent: 1000 }'),
    );
  });

  it('text with a comma before digits is a YAML warning with a fix that quotes it', () => {
    const text = withText('    - { id: M1, name: Site live,', '    - { id: M1, name: Release 1,2,');
    const line = lineOf(text, 'Release 1,2');
    const ds = analyzeText(text).diagnostics.filter((d) => d.range.start.line === line - 1);
    assert.deepEqual(ds.map(where), [`yaml/warning ${line}:23-34`]);
    const [d] = ds;
    assert.ok(d);
    assert.equal(severityName(d), 'warning');
    assert.equal(
      d.message,
      'A comma splits `Release 1,2` inside { }, read as "Release 1" and a key 2: put the text in quotes to keep it whole.',
    );
    assert.equal(
      afterFix(text, d, 'Quote `Release 1,2`'),
      withText('    - { id: M1, name: Site live,', '    - { id: M1, name: "Release 1,2",'),
    );
  });

  it('leaves a real key after a number alone', () => {
    const text = withText('{ milestone: M1, percent: 70 }', '{ milestone: M1, percent: 70,100: x }');
    assert.ok(analyzeText(text).diagnostics.some((d) => d.code === 'schema/additional-property' && String(d.message).includes('`100`')));
  });
});

describe('a number with a comma inside [ ]', () => {
  it('a number in brackets is one schema finding that says what YAML read, with a safe fix to the number', () => {
    const text = withText('  total: 38000\n', '  total: [38,000]\n');
    const line = lineOf(text, 'total: [38,000]');
    const ds = onLine(text, line);
    assert.deepEqual(ds.map(where), [`schema/type ${line}:10-18`]);
    const [d] = ds;
    assert.ok(d);
    assert.equal(d.message, '`[38,000]` is a list of 2 items, 38 and 000: write `38000`, without the brackets and the comma.');
    assert.equal(afterFix(text, d, 'Write `[38,000]` as 38000'), minimal);
  });

  it('text with a thousands comma in a flow list is one item, a YAML warning on the whole text, quoted by its fix', () => {
    const text = withText(
      'out_of_scope: [Rewriting blog content, New page designs]',
      'out_of_scope: [Pages beyond 1,250,000 visits, New page designs TBD]',
    );
    const line = lineOf(text, 'Pages beyond');
    const ds = onLine(text, line);
    assert.deepEqual(ds.map(where), [`yaml/warning ${line}:16-45`, `cost-tbd-placeholder ${line}:64-67`]);
    const [warning, tbd] = ds;
    assert.ok(warning && tbd);
    assert.equal(
      warning.message,
      'A comma splits `Pages beyond 1,250,000 visits` inside [ ], read as 3 items, "Pages beyond 1", 250 and "000 visits": put the text in quotes to keep it whole.',
    );
    // The item after the split is counted as written: `out_of_scope[1]`, not `[3]`.
    assert.equal(tbd.message, 'Open item "TBD" in `out_of_scope[1]`: it is still open in a scope you are about to sign.');
    assert.equal(
      afterFix(text, warning, 'Quote `Pages beyond 1,250,000 visits`'),
      withText(
        'out_of_scope: [Rewriting blog content, New page designs]',
        'out_of_scope: ["Pages beyond 1,250,000 visits", New page designs TBD]',
      ),
    );
  });

  it('leaves items separated by a comma and a space, and numbers not grouped in threes, as YAML reads them', () => {
    for (const list of ['[Phase 1, 200 pages]', '[Wave 1,20 sites]', '[Years 2026,Q1 2027]']) {
      const text = withText('out_of_scope: [Rewriting blog content, New page designs]', `out_of_scope: ${list}`);
      assert.deepEqual(onLine(text, lineOf(text, 'out_of_scope')).map(where), [], list);
    }
  });
});

describe('a colon in prose', () => {
  const criterion = '      - Lighthouse performance score >= 90 on the 10 most-visited pages.\n';

  it('a "Label: text" item in a list of text says why it is a mapping, and the fix quotes it as written', () => {
    const text = withText(criterion, '      - Lighthouse: performance score >= 90 on the 10 most-visited pages.   # per RFP\n');
    const line = lineOf(text, '- Lighthouse:');
    const ds = onLine(text, line);
    assert.deepEqual(ds.map(where), [`schema/type ${line}:9-74`]);
    const [d] = ds;
    assert.ok(d);
    assert.equal(
      d.message,
      'A colon makes YAML read this text as a key and a value: put the whole text in quotes (the colon after "Lighthouse").',
    );
    assert.deepEqual(
      resolvedFixesOf(d).map((f) => [f.title, f.applicability]),
      [['Put the text in quotes', 'safe']],
    );
    assert.equal(
      afterFix(text, d, 'Put the text in quotes'),
      withText(criterion, '      - "Lighthouse: performance score >= 90 on the 10 most-visited pages."   # per RFP\n'),
    );
  });

  it('a colon inside a value is a syntax error said in plain words, on the value', () => {
    const text = withText('  name: Marketing site migration to headless CMS\n', '  name: Phase 1: discovery   # working title\n');
    const line = lineOf(text, 'Phase 1: discovery');
    const ds = analyzeText(text).diagnostics;
    assert.deepEqual(ds.map(where), [`yaml/syntax ${line}:9-27`]);
    assert.equal(
      ds[0]?.message,
      '`Phase 1: discovery` has a colon and a space inside, which YAML reads as a second key: put the whole text in quotes.',
    );
  });

  it('a mapping written on purpose where text is expected keeps the schema message', () => {
    const text = withText(criterion, '      - Lighthouse:\n          score: 90\n');
    const d = analyzeText(text).diagnostics.find((x) => x.code === 'schema/type');
    assert.equal(d?.message, '`deliverables[0].acceptance_criteria[1]` must be text, not a mapping.');
  });
});

describe('a comma in prose inside { }', () => {
  const reference = '    - { company: Acme Retail, contact: cto@acme.example, contacted: 2027-02-18 }\n';

  it('the text after the comma is not an unknown property: the message says why, and the fix quotes the value with its commas', () => {
    const text = withText(
      reference,
      '    - { company: Acme Retail, contact: CTO, Lisbon office, Madrid and Porto, contacted: 2027-02-18 }   # by phone\n',
    );
    const line = lineOf(text, '- { company: Acme Retail');
    const ds = onLine(text, line).filter((d) => d.code === 'schema/additional-property');
    assert.deepEqual(ds.map(where), [`schema/additional-property ${line}:45-58`, `schema/additional-property ${line}:60-76`]);
    const [d] = ds;
    assert.ok(d);
    assert.equal(
      d.message,
      '"Lisbon office" is not a key: a comma inside `{ }` ended the value of `contact` before it. Put that whole value in quotes.',
    );
    assert.deepEqual(
      resolvedFixesOf(d).map((f) => [f.title, f.applicability]),
      [['Quote the value of `contact` with its comma', 'safe']],
    );
    const fixed = withText(
      reference,
      '    - { company: Acme Retail, contact: "CTO, Lisbon office, Madrid and Porto", contacted: 2027-02-18 }   # by phone\n',
    );
    assert.equal(afterFix(text, d, 'Quote the value of `contact` with its comma'), fixed);
    // The second stray key gets the same fix, and once applied nothing is left on that line.
    assert.equal(afterFix(text, ds[1] as Diagnostic, 'Quote the value of `contact` with its comma'), fixed);
    assert.deepEqual(onLine(fixed, line).map(where), []);
  });

  it('a key with a value, or one in a block mapping, keeps the unknown-property message', () => {
    const typo = withText(reference, '    - { company: Acme Retail, contakt: cto@acme.example, contacted: 2027-02-18 }\n');
    const [d] = onLine(typo, lineOf(typo, 'contakt')).filter((x) => x.code === 'schema/additional-property');
    assert.equal(d?.message, 'Unknown property `contakt` in `vendor.references[0]`. Did you mean `contact`?');
  });
});
