// Every regular expression the engine, the server and the CLI run, and every `pattern` in the JSON
// schemas, finishes in linear time: under 250 ms on adversarial 100,000-character strings. The
// literals are found by parsing the sources with the TypeScript compiler, so a new one is tested
// without anyone listing it; a RegExp built at run time must be listed below with its test.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { createContext, Script } from 'node:vm';
import type * as TypeScript from 'typescript';
import { noVendorAccess, ownPremises } from '../../server/src/service/dataLocation';
import { ScopeDocument } from '../../server/src/service/document';
import { ongoingReason } from '../../server/src/service/engagement';
import { cadenceInDays } from '../../server/src/service/model';
import { readPaymentPlan } from '../../server/src/service/paymentTerms';
import { hasQuantity } from '../../server/src/service/quantities';
import { nextId } from '../../server/src/service/references';
import { findSuppressions } from '../../server/src/service/suppressions';
import { rulesById } from '../../server/src/service/rules';
import { mergeSettings } from '../../server/src/service/settings';
import { testToday } from '../support/analyze';
import { repoRoot } from '../support/paths';

// Loaded from node_modules at run time: bundling the compiler into the test would add 10 MB.
const ts = createRequire(join(repoRoot, 'package.json'))('typescript') as typeof TypeScript;

const length = 100_000;
/**
 * A linear regex takes a few milliseconds on 100,000 characters (a global replace of every one, up
 * to 60 ms on a loaded 2-core machine); a quadratic one takes seconds (5 billion steps), an
 * exponential one for ever. The bound sits between, with room for the noise.
 */
const boundMs = 250;

interface Found {
  readonly where: string;
  readonly regex: RegExp;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Regex literals and `new RegExp(...)` / `RegExp(...)` calls in the shipped TypeScript sources. */
function scanSources(): { literals: Found[]; dynamic: string[] } {
  const literals: Found[] = [];
  const dynamic: string[] = [];
  for (const file of sourceFiles(join(repoRoot, 'server', 'src'))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: TypeScript.Node): void => {
      const where = `${relative(repoRoot, file)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(source);
        const slash = text.lastIndexOf('/');
        literals.push({ where, regex: new RegExp(text.slice(1, slash), text.slice(slash + 1)) });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && node.expression.getText(source) === 'RegExp') {
        dynamic.push(where.replace(/:\d+$/, ''));
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { literals, dynamic };
}

/** `pattern` and `patternProperties` in every JSON schema, compiled as ajv does (unicode flag). */
function schemaPatterns(): Found[] {
  const found: Found[] = [];
  const dir = join(repoRoot, 'schemas');
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const stack: { node: unknown; path: string }[] = [{ node: JSON.parse(readFileSync(join(dir, name), 'utf8')) as unknown, path: '' }];
    while (stack.length > 0) {
      const { node, path } = stack.pop() ?? { node: undefined, path: '' };
      if (typeof node !== 'object' || node === null) continue;
      for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
        if (key === 'pattern' && typeof value === 'string') found.push({ where: `schemas/${name}#${path}`, regex: new RegExp(value, 'u') });
        if (key === 'patternProperties' && typeof value === 'object' && value !== null) {
          for (const p of Object.keys(value)) found.push({ where: `schemas/${name}#${path}/patternProperties`, regex: new RegExp(p, 'u') });
        }
        stack.push({ node: value, path: `${path}/${key}` });
      }
    }
  }
  return found;
}

/**
 * Characters that make a regex work hard: those it names, and members of the classes it uses.
 * Backtracking blows up on long runs of characters that several parts of a pattern accept.
 */
function alphabetOf(regex: RegExp): string[] {
  const source = regex.source;
  const chars = new Set<string>(['a', ' ', '1', ',', '-', '#', ':', '.', '\n', '\t', '\r']);
  for (const ch of source.replace(/\\[dswbDSWBnrtux]|\\u\{?[0-9a-fA-F]+\}?/g, '')) if (!'\\()[]{}|?*+^$'.includes(ch)) chars.add(ch);
  if (/\\[dD]/.test(source)) chars.add('7');
  if (/\\[wW]/.test(source)) chars.add('_').add('Z');
  if (/\\[sS]/.test(source)) chars.add('\u00a0').add('\u2028');
  return [...chars];
}

function payloads(regex: RegExp): { label: string; text: string }[] {
  const alphabet = alphabetOf(regex);
  const out: { label: string; text: string }[] = [];
  const show = (s: string): string => JSON.stringify(s);
  for (const c of alphabet) {
    out.push({ label: `${show(c)} x ${length} + "!"`, text: `${c.repeat(length)}!` });
    out.push({ label: `"a" + ${show(c)} x ${length} + "\\u0000"`, text: `a${c.repeat(length)}\u0000` });
    for (const d of [' ', 'a', '1', ':', '\n']) {
      if (d !== c) out.push({ label: `(${show(c + d)}) x ${length / 2} + "!"`, text: `${(c + d).repeat(length / 2)}!` });
    }
  }
  // Literal words of the pattern repeated: `to be to be to be ...`, `TBD TBD ...`.
  for (const word of new Set(regex.source.match(/[A-Za-z]{2,}/g) ?? [])) {
    out.push({ label: `(${show(`${word} `)}) repeated + "!"`, text: `${`${word} `.repeat(Math.ceil(length / (word.length + 1)))}!` });
  }
  return out;
}

/**
 * A catastrophic regex runs for hours, and a regex cannot be interrupted from the thread running
 * it: each run goes through node:vm with a timeout, which V8 does interrupt, so a regression fails
 * this suite within seconds instead of hanging CI.
 */
const giveUpMs = 2_000;
const run = new Script('regex.lastIndex = 0; regex.global ? text.replace(regex, "") : regex.test(text);');
const sandbox = createContext({ regex: /(?:)/, text: '' });
const call = new Script('work();');

/** Milliseconds `work` takes, or Infinity when it was stopped after `giveUpMs` (through node:vm, like a regex run). */
function bounded(work: () => void): number {
  const started = performance.now();
  try {
    call.runInContext(createContext({ work }), { timeout: giveUpMs });
  } catch {
    return Infinity;
  }
  return performance.now() - started;
}

/** Slower runs are noise (a GC pause, another process on a shared 2-core machine); the fastest of up to five is the regex. A super-linear one takes seconds on every run. */
function timeOf(regex: RegExp, text: string): number {
  let best = Infinity;
  for (let attempt = 0; attempt < 5 && best >= boundMs; attempt++) {
    sandbox.regex = new RegExp(regex.source, regex.flags);
    sandbox.text = text;
    const started = performance.now();
    try {
      run.runInContext(sandbox, { timeout: giveUpMs });
    } catch {
      return Infinity;
    }
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

function assertLinear(found: readonly Found[]): void {
  const slow: string[] = [];
  for (const { where, regex } of found) {
    for (const { label, text } of payloads(regex)) {
      const ms = timeOf(regex, text);
      if (ms >= boundMs) {
        const took = ms === Infinity ? `over ${giveUpMs} ms (stopped)` : `${Math.round(ms)} ms`;
        slow.push(`${where} ${String(regex)} takes ${took} on ${label}`);
        break;
      }
    }
  }
  assert.deepEqual(slow, [], `super-linear regexes:\n${slow.join('\n')}`);
}

/**
 * RegExps built at run time, by file, and why they are safe. A new one fails this test until it
 * is reviewed and added here with a test below.
 */
const reviewedDynamic: Readonly<Record<string, string>> = {
  'server/src/service/references.ts': 'nextId: `^<fixed id prefix>(\\d+)$`, anchored; tested below',
  'server/src/service/rules/cost-vague-language.ts': 'term list (built-in and user terms, escaped); tested below through the rule',
  'server/src/service/model.ts': 'cadence patterns built from constant word lists at load time; tested below through cadenceInDays',
  'server/src/service/engagement.ts':
    'headcount wording built from constant word lists at load time, read only on titles and descriptions of at most 2,000 characters; tested below through ongoingReason',
  'server/src/service/paymentTerms.ts':
    'shares in words and amounts of money, built from constant word and currency lists at load time (numberWords.ts), each alternative anchored by \\b or a currency; tested below through readPaymentPlan',
  'server/src/service/dataLocation.ts':
    "the buyer's premises and the vendor's lack of access, built from constant word lists at load time, each alternative anchored by \\b, read only on texts of at most 500 and 1,000 characters; tested below through ownPremises and noVendorAccess",
  'server/src/service/rules/governance-escalation-missing.ts':
    "a name from the document (the vendor's, its key personnel's, the owner's), escaped, words joined by \\s+, between lookarounds: a literal search; at most 50 names of 200 characters on contacts of at most 1,000 characters; tested below through the rule",
  'server/src/service/quantities.ts':
    'number words before a unit, built from the constant list of numberWords.ts at load time, anchored by \\b; tested below through hasQuantity',
};

describe('regular expressions run in linear time', () => {
  const { literals, dynamic } = scanSources();

  it('finds the regexes in the sources', () => {
    assert.ok(literals.length > 50, `only ${literals.length} regex literals found`);
  });

  it(`every regex literal in server/src: under ${boundMs} ms on ${length.toLocaleString('en-US')}-character adversarial strings`, () => {
    assertLinear(literals);
  });

  it(`every pattern in schemas/*.json: under ${boundMs} ms on ${length.toLocaleString('en-US')}-character adversarial strings`, () => {
    const patterns = schemaPatterns();
    assert.ok(patterns.length >= 5, `only ${patterns.length} schema patterns found`);
    assertLinear(patterns);
  });

  it('every RegExp built at run time is reviewed', () => {
    const unreviewed = [...new Set(dynamic)].filter((file) => !(file in reviewedDynamic));
    assert.deepEqual(
      unreviewed,
      [],
      'new RegExp(...) with a run-time pattern: review it for backtracking, test it, and list it in reviewedDynamic',
    );
  });

  it('cost-vague-language (built-in and user terms) stays linear on long text', () => {
    const rule = rulesById.get('cost-vague-language');
    assert.ok(rule);
    const settings = mergeSettings({
      today: testToday,
      vagueTerms: { always: ['a b c', 'x.*y', '(a+)+$'], unlessQuantified: ['quick  ly'] },
    });
    for (const filler of [' ', 'and ', 'as ', 'a ', 'etc', '.', 'x', 'a b ']) {
      const long = filler.repeat(Math.ceil(length / filler.length)).slice(0, length);
      const doc = new ScopeDocument('file:///v.scope.yaml', 1, `scope_version: 1\nproject:\n  description: "${long}!"\n`);
      const started = performance.now();
      rule.check(doc, settings);
      const ms = performance.now() - started;
      assert.ok(ms < 10 * boundMs, `cost-vague-language took ${Math.round(ms)} ms on ${JSON.stringify(filler)} x ${length}`);
    }
  });

  it('ownPremises and noVendorAccess (data location wording) stay fast on the longest texts they read', () => {
    for (const filler of [' ', 'the client ', "client's ", 'no access to ', 'personal ', 'hosted by ', 'or ', 'a-']) {
      for (const max of [500, 1000]) {
        const long = filler.repeat(Math.ceil(max / filler.length)).slice(0, max - 1);
        const started = performance.now();
        ownPremises(long);
        noVendorAccess(long);
        noVendorAccess(long, true);
        const ms = performance.now() - started;
        assert.ok(ms < boundMs, `data location wording took ${Math.round(ms)} ms on ${JSON.stringify(filler)} x ${long.length}`);
      }
    }
  });

  it('governance-escalation-missing (names from the document on each escalation contact) stays fast on a hostile ladder', () => {
    const rule = rulesById.get('governance-escalation-missing');
    assert.ok(rule);
    const settings = mergeSettings({ today: testToday });
    for (const filler of ['a ', 'Brightline ', 'a-', ' ']) {
      const long =
        filler
          .repeat(Math.ceil(length / filler.length))
          .slice(0, length)
          .trim() || 'x';
      const people = Array.from({ length: 2_000 }, (_, i) => `    - { name: "${long.slice(0, 150)} ${i}", role: lead }`).join('\n');
      const ladder = Array.from({ length: 40 }, () => `      - { level: 1, contact: "${long}" }`).join('\n');
      const text = `scope_version: 1\nproject:\n  owner: "${long.slice(0, 300)}"\nvendor:\n  name: "${long}"\n  key_personnel:\n${people}\ngovernance:\n  escalation:\n${ladder}\n`;
      const doc = new ScopeDocument('file:///e.scope.yaml', 1, text, { ...settings.limits, maxFileSizeKB: 100_000 });
      assert.ok(doc.value !== undefined, 'the hostile ladder parses');
      const started = performance.now();
      rule.check(doc, settings);
      const ms = performance.now() - started;
      assert.ok(ms < 10 * boundMs, `governance-escalation-missing took ${Math.round(ms)} ms on ${JSON.stringify(filler)}`);
    }
  });

  it('cadenceInDays (the cadence patterns) stays linear on long text', () => {
    for (const filler of [' ', '2x ', 'every ', 'once a ', 'twice ', '2 times per ', 'weekly ', '- ']) {
      for (const long of [filler.repeat(Math.ceil(length / filler.length)).slice(0, length), `2x${filler.repeat(length / 10)}!`]) {
        const started = performance.now();
        cadenceInDays(long);
        const ms = performance.now() - started;
        assert.ok(ms < 10 * boundMs, `cadenceInDays took ${Math.round(ms)} ms on ${JSON.stringify(filler)} x ${long.length}`);
      }
    }
  });

  it('readPaymentPlan (shares in words, amounts of money) stays linear on long text', () => {
    const fillers = [
      ' ',
      '1',
      '1,000 ',
      'EUR 1 ',
      '€1,',
      'twenty ',
      'twenty-',
      'a third ',
      'half ',
      '30% ',
      'one hundred ',
      'on signing, ',
    ];
    for (const filler of fillers) {
      const long = `${filler.repeat(Math.ceil(length / filler.length)).slice(0, length - 1)}!`;
      const ms = bounded(() => readPaymentPlan(long, { total: 100_000 }));
      assert.ok(ms < 10 * boundMs, `readPaymentPlan took ${Math.round(ms)} ms on ${JSON.stringify(filler)} x ${length}`);
    }
  });

  it('hasQuantity (number words before a unit) stays linear on long text', () => {
    for (const filler of [' ', 'twenty ', 'twenty-', 'a dozen ', 'five working ', 'ninety per ', '1 ']) {
      const long = `${filler.repeat(Math.ceil(length / filler.length)).slice(0, length - 1)}!`;
      const ms = bounded(() => hasQuantity(long));
      assert.ok(ms < 10 * boundMs, `hasQuantity took ${Math.round(ms)} ms on ${JSON.stringify(filler)} x ${length}`);
    }
  });

  it('ongoingReason (the headcount wording) stays fast on hostile titles and descriptions at its 2,000-character limit', () => {
    const reading = { kind: 'staff_augmentation', source: 'stated', small: false, because: '', size: '' } as const;
    const cap = 2_000;
    for (const filler of [' ', '1 ', '1', 'team of 4 ', '4 x ', '4 senior ', '4 hours ', '4 hours per ', 'up to ', 'a.b ', '1.1.1 ']) {
      const long = `${filler.repeat(Math.ceil(cap / filler.length)).slice(0, cap - 1)}!`;
      const ms = bounded(() => ongoingReason({ title: long, description: long }, reading));
      assert.ok(ms < boundMs, `ongoingReason took ${Math.round(ms)} ms on ${JSON.stringify(filler)} x ${cap}`);
    }
  });

  it('suppression comments with a waiver part stay linear on long hostile comments', () => {
    const blanks = ' '.repeat(length);
    const reasons = [
      `why ${blanks}!`,
      `why (${blanks}until${blanks}:${blanks}!)`,
      `why (approved-by:${blanks}, until:${blanks}x${blanks})`,
      `why (${'approved by '.repeat(length / 12)}`,
      `why (${'a'.repeat(length)}: ${blanks})${blanks}`,
    ];
    for (const reason of reasons) {
      const text = `scope_version: 1\n# scope-lint-disable-next-line cost-vague-language -- ${reason}\nproject:\n  name: x\n`;
      const doc = new ScopeDocument('file:///w.scope.yaml', 1, text);
      const ms = bounded(() => findSuppressions(doc));
      assert.ok(ms < 10 * boundMs, `findSuppressions took ${Math.round(ms)} ms on ${JSON.stringify(reason.slice(0, 40))}...`);
    }
  });

  it('nextId stays linear on long ids', () => {
    const ids = ['D'.repeat(length), `D${'1'.repeat(length)}x`, `D${'1'.repeat(length)}`];
    const text = `scope_version: 1\ndeliverables:\n${ids.map((id) => `  - id: ${id}\n`).join('')}`;
    const doc = new ScopeDocument('file:///n.scope.yaml', 1, text);
    const started = performance.now();
    nextId(doc, 'deliverable');
    assert.ok(performance.now() - started < 10 * boundMs);
  });
});
