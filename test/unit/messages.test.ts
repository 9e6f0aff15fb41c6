// The Problems panel shows a diagnostic's message as raw text on one line, cut at the panel's edge,
// with backticks shown as they are (VS Code renders no Markdown there). So every message leads with a
// clause a lead can read on its own within 90 characters (the details follow it, and the hover adds
// the why), and code formatting marks only keys, ids and short literal values. This runs the real
// engine on every fixture (rules, golden, end-to-end, reliability), every corpus file (the held-out part too: it is run, not read), the
// examples, the template, and inputs made to raise each engine code, and checks every message.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { engineCodes } from '../../server/src/service/codes';
import { rules } from '../../server/src/service/rules';
import { analyzeText } from '../support/analyze';
import { firstClause, messageProblems } from '../support/messageRules';
import { fixturesDir, repoRoot } from '../support/paths';

function scopeFilesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return scopeFilesUnder(path);
      return /\.scope\.ya?ml$/.test(name) ? [path] : [];
    });
}

/** Texts that raise the engine codes a file on disk rarely shows. */
const made: readonly (readonly [string, string])[] = [
  ['an empty file', ''],
  ['a bare version', 'scope_version: 1\n'],
  ['a list at the root', '- a\n- b\n'],
  ['a scalar at the root', 'just text\n'],
  ['two documents', 'scope_version: 1\n---\nfoo: 1\n'],
  ['tab indentation', 'scope_version: 1\nproject:\n\tname: x\n'],
  ['a duplicate key', 'scope_version: 1\nproject:\n  name: a\n  name: b\n'],
  ['an unclosed flow sequence', 'scope_version: 1\nout_of_scope: [a, b\nassumptions: []\n'],
  ['a bad indent', 'scope_version: 1\nproject:\n  name: x\n    objective: y\n  owner: z\nvendor:\n  name: v\n'],
  ['an unknown alias', 'scope_version: 1\nproject:\n  name: *nowhere\n'],
  ['a binary file', 'scope_version: 1\n\u0000\u0001\u0002\n'],
  [
    'schema slips',
    [
      'scope_version: 2',
      'project:',
      '  name: ""',
      '  nmae: y',
      'budget:',
      '  currency: EURO',
      '  pricing_model: Fixed price',
      '  total: -5',
      '  payments: 3',
      'timeline:',
      '  start: 2027-13-40',
      'colour: blue',
      '',
    ].join('\n'),
  ],
  ['a bad id and currency', 'scope_version: 1\nbudget:\n  currency: eur\ndeliverables:\n  - id: 1st deliverable\n    name: x\n'],
  ['a split number', 'scope_version: 1\nbudget:\n  total: 10,000\n'],
  ['a colon in text', 'scope_version: 1\nproject:\n  objective: Cut tickets: by half\n'],
  [
    'suppressions without reason, unknown and unused',
    [
      '# scope-lint-disable-next-line security-nda-missing',
      'scope_version: 1',
      '# scope-lint-disable-next-line no-such-rule -- why not',
      'project:',
      '  name: x',
      '# scope-lint-disable-next-line cost-vague-language -- nothing vague here',
      'vendor:',
      '  name: v',
      '',
    ].join('\n'),
  ],
];

interface Seen {
  readonly where: string;
  readonly code: string;
  readonly message: string;
  /** From the held-out corpus: its text is checked but never shown, so nobody tunes to it. */
  readonly heldOut: boolean;
}

function collect(): Seen[] {
  const files = [
    ...scopeFilesUnder(fixturesDir),
    ...scopeFilesUnder(join(repoRoot, 'test', 'e2e', 'fixtures')),
    ...scopeFilesUnder(join(repoRoot, 'test', 'reliability', 'corpus')),
    ...scopeFilesUnder(join(repoRoot, 'test', 'corpus')),
    ...scopeFilesUnder(join(repoRoot, 'examples')),
    ...scopeFilesUnder(join(repoRoot, 'templates')),
  ];
  const inputs = [
    ...files.map((f) => [relative(repoRoot, f), readFileSync(f, 'utf8')] as const),
    ...made,
    ['a file over the size limit', `scope_version: 1\nnotes: "${'x'.repeat(3 * 1024 * 1024)}"\n`] as const,
    ['a file nested too deep', `scope_version: 1\nnotes: ${'['.repeat(80)}${']'.repeat(80)}\n`] as const,
    ['too many aliases', `scope_version: 1\na: &a x\nb: [${Array.from({ length: 150 }, () => '*a').join(', ')}]\n`] as const,
  ];
  const seen: Seen[] = [];
  for (const [where, text] of inputs) {
    const heldOut = where.includes(join('corpus', 'holdout'));
    for (const d of analyzeText(text).diagnostics) {
      const message = typeof d.message === 'string' ? d.message : d.message.value;
      seen.push({ where: heldOut ? 'a held-out corpus file' : where, code: String(d.code), message, heldOut });
    }
  }
  return seen;
}

describe('messages in the Problems panel', () => {
  it('finds the first clause as the test defines it', () => {
    assert.equal(
      firstClause('Payments add up to 80% of `budget.total`: 2,000 USD has no payment.'),
      'Payments add up to 80% of `budget.total`',
    );
    assert.equal(firstClause('No NDA is signed; sign one.'), 'No NDA is signed');
    assert.equal(firstClause('"etc." hides work. Say what.'), '"etc." hides work');
    assert.equal(firstClause('Review takes 2.5 days, e.g. a week — too long.'), 'Review takes 2.5 days, e.g. a week');
    assert.equal(firstClause('No owner - name one'), 'No owner');
    assert.equal(firstClause('Short and whole'), 'Short and whole');
  });

  it('flags what a reader of the panel would trip on', () => {
    assert.deepEqual(messageProblems('No signed NDA: name the agreement.'), []);
    assert.match(messageProblems(`${'word '.repeat(20)}end.`).join(), /first clause is 103 characters/);
    assert.match(messageProblems('Set `a`, `b` and `c` now.').join(), /3 code spans/);
    assert.match(messageProblems('Write `the whole sentence here` instead.').join(), /around prose/);
    assert.match(messageProblems('Set `an_identifier_that_goes_on_and_on` now.').join(), /is 33 characters \(at most 30\)/);
    assert.deepEqual(messageProblems('Fill in `governance.change_control.approval_by[0]` now.'), []);
    assert.match(messageProblems('The payments of the.').join(), /ends on "the"/);
    assert.match(messageProblems('Missing (see the: rest).').join(), /parenthesis/);
  });

  const seen = collect();

  it('the inputs raise every rule and every engine code that checking a text can give', () => {
    const codes = new Set(seen.map((s) => s.code));
    const missing = rules.map((r) => r.id).filter((id) => !codes.has(id));
    assert.deepEqual(missing, [], 'rules no input raised');
    // Codes given outside `validate` (by the CLI, the server, a config file or a comparison) are collected by running that code
    // in messagesElsewhere.test.ts; nor are the
    // waiver codes, which depend on the date and the comment's form (test/unit/waivers.test.ts gives each with its range).
    const elsewhere =
      /^(?:input\/(?:timeout|unreadable|check-failed|too-many-errors|invalid-utf8)|compare\/.*|config\/.*|suppression\/(?:untrusted|invalid-waiver|expired)|yaml\/(?:warning|alias-limit)|schema\/(?:length|invalid))$/;
    const engineMissing = engineCodes.map((c) => c.code).filter((code) => !elsewhere.test(code) && !codes.has(code));
    assert.deepEqual(engineMissing, [], 'engine codes no input raised');
    assert.ok(seen.length > 500, `only ${seen.length} messages`);
  });

  it('every message leads with a clause of at most 90 characters that stands on its own, with code formatting only on keys, ids and values', () => {
    const offenders = new Map<string, { readonly code: string; readonly text: string }>();
    for (const s of seen) {
      const problems = messageProblems(s.message);
      // One line per distinct message text: the same text on many files is one thing to fix.
      const key = `${s.code}: ${s.message}`;
      if (problems.length === 0 || offenders.has(key)) continue;
      // A held-out message is named by its code and what is wrong, never by its text.
      const said = s.heldOut
        ? problems.map((p) => p.replace(/"[^"]*"|`[^`]*`/g, '…')).join('; ')
        : `${problems.join('; ')}\n    ${s.message}`;
      offenders.set(key, { code: s.code, text: `${s.where} ${s.code}: ${said}` });
    }
    assert.equal(offenders.size, 0, `${offenders.size} messages:\n${[...offenders.values()].map((o) => o.text).join('\n')}`);
  });
});
