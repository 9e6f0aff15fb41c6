// Every quick fix, on every rule fixture, golden file, example and main-corpus file (issue 10: "a
// quick fix must never leave a blank that nothing reports"): applied as an editor applies it, the
// result parses with no new syntax error, and every blank value it writes (absent in the sense of
// rules.md §2.0: null, "", [], {}) is reported by some finding on its line, so the file cannot
// look finished while a hole the fix made is still open. Fixes are applied as plain text edits (a
// snippet's placeholders hold the same text before the user types).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { isMap, isScalar, isSeq, visit, type Node, type Scalar } from 'yaml';
import { ScopeDocument } from '../../server/src/service/document';
import { resolveFix } from '../../server/src/service/edits';
import { mergeSettings } from '../../server/src/service/settings';
import { validate } from '../../server/src/service/validate';
import { testToday } from '../support/analyze';
import { fixturesDir, repoRoot } from '../support/paths';
import { applyTextEdits } from '../support/textEdits';

const settings = mergeSettings({ today: testToday });

function scopeFiles(dir: string, skip: (name: string) => boolean = () => false): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (skip(name)) return [];
    if (statSync(path).isDirectory()) return scopeFiles(path, skip);
    return name.endsWith('.scope.yaml') ? [path] : [];
  });
}

// The held-out corpus is never read by tests that could be tuned on it.
const files = [
  ...scopeFiles(join(fixturesDir, 'rules')),
  ...scopeFiles(join(fixturesDir, 'golden')),
  ...scopeFiles(join(repoRoot, 'examples')),
  ...scopeFiles(join(repoRoot, 'test', 'corpus'), (name) => name.startsWith('holdout')),
];

function isBlank(node: unknown): boolean {
  if (node === null || node === undefined) return true;
  if (isScalar(node)) return node.value === null || (typeof node.value === 'string' && node.value.trim() === '');
  if (isMap(node) || isSeq(node)) return node.items.length === 0;
  return false;
}

/**
 * Blank values in `doc`: the line of the value, of its key, and of each node it is inside (its list
 * item, the keys above it), top-level keys left out: a finding on any of them speaks about it.
 */
interface Blank {
  readonly line: number;
  readonly keyLine: number;
  readonly around: number[];
  /** The blank's key and the keys above it, nearest first (`['unit', 'success_measures']`). */
  readonly keys: string[];
}

function blankLines(doc: ScopeDocument): Blank[] {
  const found: Blank[] = [];
  if (!doc.yaml) return found;
  const lineOf = (offset: number) => doc.positionAt(offset).line;
  const aroundOf = (path: readonly unknown[]): number[] =>
    path
      .slice(2)
      .map((n) => {
        const node = n as { key?: Node | null; range?: [number, number, number] | null };
        const range = node.key?.range ?? node.range;
        return range ? lineOf(range[0]) : -1;
      })
      .filter((l) => l >= 0);
  const keysOf = (path: readonly unknown[]): string[] =>
    path
      .map((n) => (n as { key?: unknown }).key)
      .filter((k): k is Scalar => isScalar(k))
      .map((k) => String(k.value))
      .reverse();
  visit(doc.yaml, {
    Pair(_, pair, path) {
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      if (!key?.range || !isBlank(value)) return;
      const keyLine = lineOf(key.range[0]);
      found.push({
        line: value?.range ? lineOf(value.range[0]) : keyLine,
        keyLine,
        around: aroundOf(path),
        keys: [isScalar(key) ? String(key.value) : '', ...keysOf(path)],
      });
    },
    Seq(_, seq, path) {
      for (const item of seq.items as (Node | null)[])
        if (item?.range && isScalar(item) && isBlank(item))
          found.push({ line: lineOf(item.range[0]), keyLine: lineOf(item.range[0]), around: aroundOf([...path, seq]), keys: keysOf(path) });
    },
  });
  return found;
}

/**
 * Blanks a fix may leave because a finding elsewhere already speaks for them: the blank's key, the
 * key it is under, the rule whose finding must be present in the fixed file, and why.
 */
const spokenFor: readonly { readonly key: string; readonly under: string; readonly rule: string; readonly why: string }[] = [
  {
    key: 'unit',
    under: 'success_measures',
    rule: 'expertise-measure-not-quantified',
    why: 'the new measure has no target yet (an error on it); once a number is written, a blank unit is reported too',
  },
  {
    key: 'deliverables',
    under: 'success_measures',
    rule: 'expertise-deliverable-unmeasured',
    why: 'each deliverable no measure covers is reported on the deliverable',
  },
  {
    key: 'completed',
    under: 'security_questionnaire',
    rule: 'security-attestation-missing',
    why: 'the finding on `vendor.certifications` says that no security questionnaire is completed',
  },
  {
    key: 'list',
    under: 'subprocessors',
    rule: '',
    why: 'no sub-processors, with approval required, is a complete answer, not a hole',
  },
  {
    key: 'due',
    under: 'deliverables',
    rule: 'cost-tbd-placeholder',
    why: '"Move to assumptions" (rules.md) writes the decision, with its date and owner to fill in, as an assumption',
  },
  {
    key: 'milestones',
    under: 'timeline',
    rule: '',
    why: 'milestones are optional (format.md: the timeline requires start and end); under a fixed price the missing payment schedule says there is no milestone to tie a payment to',
  },
  {
    key: 'contents',
    under: 'status_reports',
    rule: '',
    why: 'the catalogue asks only for `status_reports` itself (rules.md governance-status-reports-missing)',
  },
];

interface Problem {
  readonly file: string;
  readonly fix: string;
  readonly what: string;
}

function check(): { problems: Problem[]; applied: number } {
  const problems: Problem[] = [];
  let applied = 0;
  for (const path of files) {
    const text = readFileSync(path, 'utf8');
    const file = relative(repoRoot, path);
    const doc = new ScopeDocument(`file:///${file}`, 1, text, settings.limits);
    if (doc.inputProblem || doc.parseErrors.length > 0) continue;
    const analysis = validate(doc, settings);
    const textLines = text.split('\n');
    const blanksBefore = new Set(blankLines(doc).map((b) => b.keyLine));
    for (const [diagnostic, fixes] of analysis.fixes) {
      for (const fix of fixes) {
        const resolved = resolveFix(doc, fix);
        if (!resolved) continue;
        applied++;
        const after = applyTextEdits(
          text,
          resolved.edits.map((e) => ({ range: e.range, newText: e.newText })),
        );
        const label = `${String(diagnostic.code)}: ${fix.title}`;
        const fixed = new ScopeDocument(`file:///${file}`, 2, after, settings.limits);
        if (fixed.parseErrors.length > 0) {
          problems.push({ file, fix: label, what: `breaks the YAML: ${fixed.parseErrors[0]?.message ?? ''}` });
          continue;
        }
        const afterLines = after.split('\n');
        const reported = validate(fixed, settings).diagnostics;
        const covers = (line: number) => reported.some((d) => d.range.start.line <= line && line <= d.range.end.line);

        for (const blank of blankLines(fixed)) {
          // Only blanks the fix wrote: a blank on an unchanged line of the original is another test's business.
          const original = textLines[blank.keyLine];
          if (original !== undefined && original === afterLines[blank.keyLine] && blanksBefore.has(blank.keyLine)) continue;
          const excuse = spokenFor.find((e) => blank.keys[0] === e.key && blank.keys.includes(e.under));
          if (excuse && (excuse.rule === '' || reported.some((d) => d.code === excuse.rule))) continue;
          if (!covers(blank.line) && !covers(blank.keyLine) && !blank.around.some(covers))
            problems.push({
              file,
              fix: label,
              what: `leaves a blank on line ${blank.keyLine + 1} that nothing reports: ${afterLines[blank.keyLine]?.trim() ?? ''}`,
            });
        }
      }
    }
  }
  return { problems, applied };
}

describe('every quick fix leaves no silent blank', () => {
  it('applies every fix on every rule fixture, golden file, example and main-corpus file: no broken YAML, no blank nothing reports', () => {
    const { problems, applied } = check();
    assert.ok(files.length > 150, `only ${files.length} files`);
    assert.ok(applied > 500, `only ${applied} fixes applied: this test would prove little`);
    assert.deepEqual(
      problems.map((p) => `${p.file} [${p.fix}] ${p.what}`),
      [],
    );
  });
});
