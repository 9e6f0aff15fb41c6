// Fix all on the text: rounds, the seeded first round, the cases a user must be told about (a fix
// that would break the YAML, no fixed point, syntax errors), the one diff at the end, and a count
// over every fixture and corpus file of fixes that break the YAML or do not converge (must be 0).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { ScopeDocument } from '../../server/src/service/document';
import { applyOffsetEdits, fixAllReport, fixAllText, maxFixAllRounds } from '../../server/src/service/fixAll';
import { mergeSettings } from '../../server/src/service/settings';
import { minimalEdits } from '../../server/src/service/textDiff';
import type { Fix } from '../../server/src/service/types';
import { validate, type DiagnosticData } from '../../server/src/service/validate';
import { testToday } from '../support/analyze';
import { fixturesDir, repoRoot } from '../support/paths';
import { applyTextEdits } from '../support/textEdits';

const settings = mergeSettings({ today: testToday });
const lines = (...l: string[]): string => `${l.join('\n')}\n`;
const doc = (text: string, version = 1) => new ScopeDocument('file:///f.scope.yaml', version, text);

/** A stand-in analysis: one finding on `governance` whose only fix is `fix` (safe). */
function oneFix(fix: (d: ScopeDocument) => Fix | undefined) {
  return (d: ScopeDocument) => {
    const f = fix(d);
    const diagnostics: Diagnostic[] = [];
    const fixes = new Map<Diagnostic, Fix[]>();
    if (f) {
      const diagnostic: Diagnostic = {
        range: d.rangeOf(['governance']),
        code: 'test',
        message: 'test',
        data: { path: 'governance', index: 0, fixes: 1, safeFix: true } satisfies DiagnosticData,
      };
      diagnostics.push(diagnostic);
      fixes.set(diagnostic, [f]);
    }
    return { diagnostics, fixes };
  };
}

describe('fix all', () => {
  it('refuses a file with syntax errors, and says why', () => {
    const outcome = fixAllText(doc('a: [1,\n'), settings);
    assert.equal(outcome.refused, 'syntax-errors');
    assert.equal(outcome.applied, 0);
    assert.equal(outcome.text, 'a: [1,\n');
  });

  it('leaves out a fix that would break the YAML, names it, and changes nothing else', () => {
    // resolveFix never makes broken YAML on its own; this stand-in resolves a fix to an unclosed flow sequence.
    const text = lines('governance:', '  owner: Ann');
    const breaking = oneFix(() => ({ title: 'Break it', ops: [{ op: 'delete', path: ['governance', 'owner'] }], applicability: 'safe' }));
    const resolve = (d: ScopeDocument, fix: Fix) => {
      const at = d.positionAt(d.text.indexOf('Ann'));
      return { title: fix.title, applicability: fix.applicability, edits: [{ range: { start: at, end: at }, newText: '[' }] };
    };
    const outcome = fixAllText(doc(text), settings, { analyze: breaking, resolve });
    assert.deepEqual(outcome.broke, ['Break it']);
    assert.equal(outcome.text, text);
    assert.equal(outcome.applied, 0);
    assert.equal(outcome.converged, true);
  });

  it('holds back a fix whose edit touches one already chosen until the next round, among hundreds spread over the file', () => {
    // One finding per item of a long list. Each fix adds "!" after its item, except every third,
    // which adds "?" after the item before it: at the very place that item's "!" goes, so it waits
    // one round and then lands after the "!".
    const count = 300;
    const name = (i: number) => `item ${String(i).padStart(3, '0')}`;
    const text = lines('notes:', ...Array.from({ length: count }, (_, i) => `  - ${name(i)}`));
    const touching = (i: number) => i % 3 === 2;
    const done = (d: ScopeDocument, i: number) => d.text.includes(touching(i) ? `${name(i - 1)}!?` : `${name(i)}!`);
    const analyze = (d: ScopeDocument) => {
      const diagnostics: Diagnostic[] = [];
      const fixes = new Map<Diagnostic, Fix[]>();
      for (let i = 0; i < count; i++) {
        if (done(d, i)) continue;
        const diagnostic: Diagnostic = {
          range: d.rangeOf(['notes', i]),
          code: 'test',
          message: 'test',
          data: { path: `notes[${i}]`, index: 0, fixes: 1, safeFix: true } satisfies DiagnosticData,
        };
        diagnostics.push(diagnostic);
        fixes.set(diagnostic, [{ title: `Mark ${i}`, ops: [{ op: 'delete', path: ['notes', i] }], applicability: 'safe' }]);
      }
      return { diagnostics, fixes };
    };
    const resolve = (d: ScopeDocument, fix: Fix) => {
      const i = Number(fix.title.slice('Mark '.length));
      const after = touching(i) ? name(i - 1) : name(i);
      let at = d.text.indexOf(after) + after.length;
      if (touching(i) && d.text[at] === '!') at++;
      const position = d.positionAt(at);
      return {
        title: fix.title,
        applicability: fix.applicability,
        edits: [{ range: { start: position, end: position }, newText: touching(i) ? '?' : '!' }],
      };
    };
    const outcome = fixAllText(doc(text), settings, { analyze, resolve });
    assert.equal(outcome.converged, true);
    assert.equal(outcome.rounds, 2);
    assert.equal(outcome.applied, count);
    const marked = (i: number) => `  - ${name(i)}${touching(i) ? '' : '!'}${touching(i + 1) ? '?' : ''}`;
    assert.equal(outcome.text, lines('notes:', ...Array.from({ length: count }, (_, i) => marked(i))));
  });

  it('stops after the last round when fixes keep coming (no fixed point), and says so', () => {
    // A fix that flips a value back and forth never settles.
    const flip = oneFix((d) => ({
      title: 'Flip',
      ops: [{ op: 'replace', path: ['governance', 'owner'], value: /owner: A/.test(d.text) ? 'B' : 'A' }],
      applicability: 'safe',
    }));
    const outcome = fixAllText(doc(lines('governance:', '  owner: A')), settings, { analyze: flip });
    assert.equal(outcome.converged, false);
    assert.equal(outcome.rounds, maxFixAllRounds);
    assert.equal(outcome.applied, maxFixAllRounds);
  });

  it('takes the first round from the cached diagnostics: none with a safe fix, nothing is validated or changed', () => {
    const text = readFileSync(join(fixturesDir, 'golden', 'minimal.scope.yaml'), 'utf8').replace('  total: 38000\n', '  total: "38,000"\n');
    const d = doc(text);
    const { diagnostics } = validate(d, settings);
    assert.ok(
      diagnostics.some((x) => (x.data as DiagnosticData).safeFix),
      'the file has a safe fix',
    );
    const seeded = fixAllReport(d, settings, diagnostics);
    assert.ok(seeded.applied >= 1);
    assert.equal(applyTextEdits(text, seeded.edits).includes('  total: 38000\n'), true);
    // An empty seed: this version has nothing to fix, so nothing is looked at again.
    const none = fixAllReport(d, settings, []);
    assert.equal(none.applied, 0);
    assert.deepEqual(none.edits, []);
    assert.equal(none.rounds, 0);
  });

  it('applies unsafe fixes only when asked, safe ones first, display-only ones never', () => {
    const one = (applicability: Fix['applicability'], value: string, preferred = false) => ({
      title: `${applicability} ${value}`,
      ops: [{ op: 'replace' as const, path: ['governance', 'owner'], value }],
      applicability,
      ...(preferred ? { preferred } : {}),
    });
    const text = lines('governance:', '  owner: Ann');
    // Fixes only while the owner is still Ann, so a round that applied one ends the loop.
    const many = (fixes: Fix[]) => (d: ScopeDocument) => {
      const analysis = oneFix(() => fixes[0])(d);
      for (const diagnostic of analysis.diagnostics) analysis.fixes.set(diagnostic, d.text.includes('Ann') ? fixes : []);
      return analysis;
    };
    const unsafeOnly = many([one('display-only', 'Placeholder', true), one('unsafe', 'Bea')]);
    assert.equal(fixAllText(doc(text), settings, { analyze: unsafeOnly }).text, text);
    assert.equal(fixAllText(doc(text), settings, { analyze: unsafeOnly, unsafe: true }).text, lines('governance:', '  owner: Bea'));
    const both = many([one('unsafe', 'Bea', true), one('safe', 'Cy')]);
    assert.equal(fixAllText(doc(text), settings, { analyze: both, unsafe: true }).text, lines('governance:', '  owner: Cy'));
    const displayOnly = many([one('display-only', 'Placeholder', true)]);
    const outcome = fixAllText(doc(text), settings, { analyze: displayOnly, unsafe: true });
    assert.equal(outcome.text, text);
    assert.equal(outcome.applied, 0);
  });

  // Issue 17: the safe numeric fix kept a `!!str` tag, so the value stayed text and the finding stayed.
  it('writes a tagged amount as a number: the tag goes, the finding goes, the comment stays', () => {
    const minimal = readFileSync(join(fixturesDir, 'golden', 'minimal.scope.yaml'), 'utf8');
    for (const written of ['!!str "38,000"', '!!str 38000', '&total !!str 38000']) {
      const before = minimal.replace('  total: 38000\n', `  total: ${written}   # approx\n`);
      assert.notEqual(before, minimal);
      assert.ok(
        validate(doc(before), settings).diagnostics.some((d) => d.code === 'cost-amount-not-numeric'),
        written,
      );
      const outcome = fixAllText(doc(before), settings);
      const expected = written.startsWith('&') ? '  total: &total 38000   # approx\n' : '  total: 38000   # approx\n';
      assert.equal(outcome.text, minimal.replace('  total: 38000\n', expected), written);
      assert.ok(!validate(doc(outcome.text), settings).diagnostics.some((d) => d.code === 'cost-amount-not-numeric'), written);
    }
  });

  // Issue 17: fix all in a flow mapping written over several lines deleted the comment at the end
  // of the line before the entry it removed, and moved the entry's own comment onto that line.
  it('keeps the comments of neighbouring lines in a flow mapping over several lines', () => {
    const minimal = readFileSync(join(fixturesDir, 'golden', 'minimal.scope.yaml'), 'utf8');
    const written = (...entries: string[]) =>
      minimal.replace('    - { milestone: M1, percent: 70 }\n', lines('    - {', ...entries.map((e) => `        ${e}`), '      }'));
    const before = written('milestone: M1,   # on go-live', 'percent: 70,   # most of it', 'amount: 26600   # the same 70 %');
    assert.notEqual(before, minimal, 'the payment is replaced');
    const outcome = fixAllText(doc(before), settings);
    assert.equal(outcome.applied, 1);
    assert.equal(outcome.text, written('milestone: M1,   # on go-live', 'percent: 70   # most of it'));
    const middle = written('milestone: M1,   # on go-live', 'amount: 26600,   # the same 70 %', 'percent: 70   # most of it');
    assert.equal(fixAllText(doc(middle), settings).text, written('milestone: M1,   # on go-live', 'percent: 70   # most of it'));
  });

  it("fixes every finding of a rule in one round, past the editor's 100 per rule, also from capped cached diagnostics", () => {
    const base = readFileSync(join(repoRoot, 'examples', 'site-migration.scope.yaml'), 'utf8');
    const measure = (i: number) =>
      `  - { id: SMX${i}, metric: p95 page load of template ${i}, target: "< 2 s", measured_by: RUM report (monthly), deliverables: [D1] }`;
    const fixed = (i: number) =>
      `  - { id: SMX${i}, metric: p95 page load of template ${i}, target: "< 2", measured_by: RUM report (monthly), deliverables: [D1], unit: s }`;
    const count = 150;
    const numbers = Array.from({ length: count }, (_, i) => i + 1);
    const text = base.replace(/(success_measures:\n(?: {2}- .*\n)+)/, (m) => `${m}${numbers.map(measure).join('\n')}\n`);
    assert.notEqual(text, base);
    const d = doc(text);
    const cached = validate(d, settings).diagnostics;
    assert.equal(cached.filter((x) => x.code === 'expertise-measure-not-quantified').length, 100, 'the editor shows the first 100');
    const outcome = fixAllReport(d, settings, cached);
    assert.equal(outcome.rounds, 1);
    assert.equal(outcome.converged, true);
    const after = applyTextEdits(text, outcome.edits);
    const lines = after.split('\n');
    for (const i of numbers) assert.ok(lines.includes(fixed(i)), `measure SMX${i} fixed`);
    assert.equal(
      outcome.applied,
      count + validate(doc(base), settings).diagnostics.filter((x) => (x.data as DiagnosticData).safeFix).length,
    );
  });

  it('sends the result as small edits of the version it started from', () => {
    const text = readFileSync(join(fixturesDir, 'golden', 'minimal.scope.yaml'), 'utf8').replace(
      '  total: 38000\n',
      '  total: "38,000"   # quoted\n',
    );
    const report = fixAllReport(doc(text), settings);
    assert.deepEqual(
      report.edits.map((e) => e.range.start.line),
      report.edits.map(() => text.split('\n').indexOf('  total: "38,000"   # quoted')),
    );
    assert.ok(
      report.edits.every((e) => e.range.start.line === e.range.end.line && e.newText.length < 10),
      JSON.stringify(report.edits),
    );
  });
});

describe('minimal edits (one diff at the end)', () => {
  const roundTrip = (a: string, b: string) => assert.equal(applyOffsetEdits(a, minimalEdits(a, b)), b);

  it('changes only what differs, inside a line', () => {
    const a = lines('a: 1', 'total: "38,000"   # keep', 'z: 2');
    const b = lines('a: 1', 'total: 38000   # keep', 'z: 2');
    const edits = minimalEdits(a, b);
    roundTrip(a, b);
    assert.ok(
      edits.every((e) => e.end - e.start + e.text.length <= 4),
      JSON.stringify(edits),
    );
  });

  it('round-trips inserts, deletions, CRLF, a text without a final newline, and empty texts', () => {
    roundTrip('', 'a: 1\n');
    roundTrip('a: 1\n', '');
    roundTrip('a: 1\r\nb: 2\r\n', 'a: 1\r\nc: 3\r\nb: 2\r\n');
    roundTrip('a: 1\nb: 2', 'a: 1\nb: 22');
    roundTrip(lines('x:', '  - 1', '  - 2'), lines('x:', '  - 2'));
  });

  it('stays small on a large file with scattered changes', () => {
    const big = Array.from({ length: 20_000 }, (_, i) => `k${i}: "${i},000"`).join('\n');
    const fixed = big.replace(/"(\d+),000"/g, (m, n: string) => (Number(n) % 500 === 0 ? `${n}000` : m));
    const edits = minimalEdits(big, fixed);
    assert.equal(applyOffsetEdits(big, edits), fixed);
    assert.ok(edits.length <= 40 * 3, `${edits.length} edits`);
  });
});

// ---- counted: fixes that break the YAML, and fix alls that do not converge ---------------------

function scopeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return scopeFiles(path);
    return name.endsWith('.scope.yaml') ? [path] : [];
  });
}

describe('fix all on every fixture and corpus file', () => {
  it('introduces no syntax error and reaches a fixed point on each (counted)', () => {
    const files = [...scopeFiles(fixturesDir), ...scopeFiles(join(repoRoot, 'test', 'corpus'))];
    assert.ok(files.length > 50, `${files.length} files`);
    const broke: string[] = [];
    const stuck: string[] = [];
    let applied = 0;
    for (const file of files) {
      const outcome = fixAllText(new ScopeDocument(`file://${file}`, 1, readFileSync(file, 'utf8')), settings);
      const name = relative(repoRoot, file);
      for (const title of outcome.broke) broke.push(`${name}: ${title}`);
      if (!outcome.converged) stuck.push(name);
      applied += outcome.applied;
    }
    assert.ok(applied > 0, 'some fixes were applied');
    assert.deepEqual(broke, [], 'fixes that would have broken the YAML');
    assert.deepEqual(stuck, [], 'files where fix all did not converge');
  });
});
