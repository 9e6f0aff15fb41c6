// In-document suppressions: which comments count, what they silence, and what is said about
// them. Only a real YAML comment is a suppression; the same words inside a quoted string, a block
// scalar or a flow collection's text are text, and the security finding they name stays.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';
import { fixAllEdits, fixAllText } from '../../server/src/service/fixAll';
import { ScopeDocument } from '../../server/src/service/document';
import { mergeSettings, type RuleSettings } from '../../server/src/service/settings';
import { validate, type DiagnosticData } from '../../server/src/service/validate';
import { analyzeText, testToday } from '../support/analyze';
import { fixturesDir } from '../support/paths';

const minimal = readFileSync(join(fixturesDir, 'golden', 'minimal.scope.yaml'), 'utf8');
const ndaLine = '  nda: { signed: true, date: 2027-02-20 }';
const unsignedNda = '  nda: { signed: false }';
/** A scope whose only security finding of interest is the unsigned NDA (an error). */
const unsigned = minimal.replace(ndaLine, unsignedNda);

/** The text with `extra` lines inserted before the first line that starts with `before`. */
function insertBefore(text: string, before: string, ...extra: string[]): string {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.startsWith(before));
  assert.ok(at >= 0, `no line starts with ${JSON.stringify(before)}`);
  lines.splice(at, 0, ...extra);
  return lines.join('\n');
}

/** The text with the line that starts with `prefix` replaced by `lines`. */
function replaceLine(text: string, prefix: string, ...lines: string[]): string {
  const all = text.split('\n');
  const at = all.findIndex((l) => l.startsWith(prefix));
  assert.ok(at >= 0, `no line starts with ${JSON.stringify(prefix)}`);
  all.splice(at, 1, ...lines);
  return all.join('\n');
}

function lineRange(text: string, linePrefix: string, from: string, to?: string): Range {
  const lines = text.split(/\r?\n/);
  const line = lines.findIndex((l) => l.startsWith(linePrefix));
  assert.ok(line >= 0, `no line starts with ${JSON.stringify(linePrefix)}`);
  const content = lines[line] ?? '';
  const start = content.indexOf(from);
  assert.ok(start >= 0);
  const end = to === undefined ? content.trimEnd().length : content.indexOf(to, start) + to.length;
  return { start: { line, character: start }, end: { line, character: end } };
}

function withCode(diagnostics: readonly Diagnostic[], code: string): Diagnostic[] {
  return diagnostics.filter((d) => d.code === code);
}

function suppressionDiagnostics(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.filter((d) => String(d.code).startsWith('suppression/')).map((d) => String(d.code));
}

/** The NDA finding is reported, on `false`, wherever the NDA line now is. */
function assertNdaFindingStays(text: string): void {
  const { diagnostics } = analyzeText(text);
  const nda = withCode(diagnostics, 'security-nda-missing');
  assert.equal(nda.length, 1, `the security finding stays: ${diagnostics.map((d) => String(d.code)).join(', ')}`);
  assert.deepEqual(nda[0]?.range, lineRange(text, unsignedNda, 'false', 'false'));
  assert.equal(nda[0]?.severity, 1, 'still an error');
}

describe('suppressions that count', () => {
  it('the finding is reported without any suppression (baseline)', () => {
    assertNdaFindingStays(unsigned);
  });

  it('next-line: silences the finding on the next line and nothing else', () => {
    const text = insertBefore(unsigned, unsignedNda, '  # scope-lint-disable-next-line security-nda-missing -- signed copy is with legal');
    const { diagnostics } = analyzeText(text);
    assert.deepEqual(withCode(diagnostics, 'security-nda-missing'), []);
    assert.deepEqual(suppressionDiagnostics(diagnostics), []);
    assert.equal(withCode(diagnostics, 'governance-exit-plan-missing').length, 1, 'other findings stay');
  });

  it('next-line: skips blank and comment lines to the next line with content', () => {
    const text = insertBefore(
      unsigned,
      unsignedNda,
      '  # scope-lint-disable-next-line security-nda-missing -- signed copy is with legal',
      '',
      '  # signed on paper',
    );
    assert.deepEqual(withCode(analyzeText(text).diagnostics, 'security-nda-missing'), []);
  });

  it('file-level: silences the rule anywhere in the file', () => {
    const text = `# scope-lint-disable security-nda-missing -- signed copy is with legal\n${unsigned}`;
    const { diagnostics } = analyzeText(text);
    assert.deepEqual(withCode(diagnostics, 'security-nda-missing'), []);
    assert.deepEqual(suppressionDiagnostics(diagnostics), []);
  });

  it('a trailing comment after a value is a comment too', () => {
    const text = unsigned.replace(
      'scope_version: 1\n',
      'scope_version: 1 # scope-lint-disable security-nda-missing -- signed copy is with legal\n',
    );
    assert.deepEqual(withCode(analyzeText(text).diagnostics, 'security-nda-missing'), []);
  });

  it('after a double-quoted string that ends in an escaped backslash', () => {
    const text = unsigned.replace(
      '  name: Pixel & Co',
      '  name: "Pixel \\\\" # scope-lint-disable security-nda-missing -- signed copy is with legal',
    );
    const { doc, diagnostics } = analyzeText(text);
    assert.equal((doc.value as { vendor: { name: string } }).vendor.name, 'Pixel \\');
    assert.deepEqual(withCode(diagnostics, 'security-nda-missing'), []);
  });

  it('several ids, separated by commas or spaces', () => {
    const text = `# scope-lint-disable security-nda-missing, governance-exit-plan-missing security-ip-ownership-missing -- agreed in the MSA\n${unsigned}`;
    const { diagnostics } = analyzeText(text);
    for (const id of ['security-nda-missing', 'governance-exit-plan-missing', 'security-ip-ownership-missing'])
      assert.deepEqual(withCode(diagnostics, id), [], id);
    assert.deepEqual(suppressionDiagnostics(diagnostics), []);
  });

  it('a real comment inside a multi-line flow collection counts', () => {
    const text = replaceLine(
      unsigned,
      'out_of_scope:',
      'out_of_scope: [',
      '    Rewriting blog content, # scope-lint-disable security-nda-missing -- signed copy is with legal',
      '    New page designs]',
    );
    const { diagnostics } = analyzeText(text);
    assert.deepEqual(withCode(diagnostics, 'security-nda-missing'), []);
    assert.deepEqual(suppressionDiagnostics(diagnostics), []);
  });

  it('a comment line below a block scalar, indented less than its text, counts', () => {
    const text = replaceLine(
      unsigned,
      '  objective:',
      '  objective: |',
      '    Move all 140 pages of www.example.com to Contentful by 2027-05-14.',
      '  # scope-lint-disable security-nda-missing -- signed copy is with legal',
    );
    assert.deepEqual(withCode(analyzeText(text).diagnostics, 'security-nda-missing'), []);
  });

  it('CRLF line breaks: next-line and file-level work, ranges stop before the CR', () => {
    const lf = insertBefore(
      `# scope-lint-disable governance-exit-plan-missing -- exit terms are in the MSA\n${unsigned}`,
      unsignedNda,
      '  # scope-lint-disable-next-line security-nda-missing -- signed copy is with legal',
    );
    const text = lf.replace(/\n/g, '\r\n');
    const { diagnostics } = analyzeText(text);
    assert.deepEqual(withCode(diagnostics, 'security-nda-missing'), []);
    assert.deepEqual(withCode(diagnostics, 'governance-exit-plan-missing'), []);
    assert.deepEqual(suppressionDiagnostics(diagnostics), []);
  });
});

describe('suppressions that are reported', () => {
  it('unknown id: reported on the comment, and the finding stays', () => {
    const text = `# scope-lint-disable security-nda-mising -- signed copy is with legal\n${unsigned}`;
    const { diagnostics } = analyzeText(text);
    const unknown = withCode(diagnostics, 'suppression/unknown-rule');
    assert.equal(unknown.length, 1);
    assert.deepEqual(unknown[0]?.range, lineRange(text, '# scope-lint-disable', '#'));
    assert.match(String(unknown[0]?.message), /`security-nda-mising`/);
    assertNdaFindingStays(text);
  });

  it('no id at all: reported as naming no rule', () => {
    const text = `#  scope-lint-disable -- agreed\n${unsigned}`;
    const unknown = withCode(analyzeText(text).diagnostics, 'suppression/unknown-rule');
    assert.equal(unknown.length, 1);
    assert.deepEqual(unknown[0]?.range, lineRange(text, '#  scope-lint-disable', '#'));
  });

  it('unused: a next-line suppression over a line without that finding is a hint on the comment', () => {
    const text = insertBefore(unsigned, '  owner:', '  # scope-lint-disable-next-line security-nda-missing -- signed copy is with legal');
    const { diagnostics } = analyzeText(text);
    const unused = withCode(diagnostics, 'suppression/unused');
    assert.equal(unused.length, 1);
    assert.deepEqual(unused[0]?.range, lineRange(text, '  # scope-lint-disable-next-line', '#'));
    assert.equal(unused[0]?.severity, 4, 'a hint');
    assert.deepEqual(unused[0]?.tags, [1], 'shown as unnecessary');
    assertNdaFindingStays(text);
  });

  it('missing reason: reported, and the finding stays', () => {
    for (const directive of [
      '# scope-lint-disable security-nda-missing',
      '# scope-lint-disable security-nda-missing --',
      '# scope-lint-disable security-nda-missing -- TODO: reason',
      '# scope-lint-disable security-nda-missing -- <reason>',
    ]) {
      const text = `${directive}\n${unsigned}`;
      const { diagnostics } = analyzeText(text);
      const missing = withCode(diagnostics, 'suppression/missing-reason');
      assert.equal(missing.length, 1, directive);
      assert.deepEqual(missing[0]?.range, lineRange(text, directive, '#'), directive);
      assertNdaFindingStays(text);
    }
  });

  it('CRLF: the range of a reported suppression ends before the CR', () => {
    const text = `# scope-lint-disable security-nda-mising -- signed copy is with legal\r\n${unsigned.replace(/\n/g, '\r\n')}`;
    const unknown = withCode(analyzeText(text).diagnostics, 'suppression/unknown-rule');
    assert.equal(unknown.length, 1);
    assert.deepEqual(unknown[0]?.range, lineRange(text, '# scope-lint-disable', '#'));
    assertNdaFindingStays(text);
  });
});

describe('the words of a suppression inside text are text', () => {
  const directive = 'scope-lint-disable security-nda-missing -- agreed';

  it('inside a double-quoted string with escaped quotes', () => {
    const text = unsigned.replace('  name: Pixel & Co', `  name: "Pixel \\" # ${directive}"`);
    assert.equal((analyzeText(text).doc.value as { vendor: { name: string } }).vendor.name, `Pixel " # ${directive}`);
    assertNdaFindingStays(text);
  });

  it('inside a single-quoted string with a doubled quote', () => {
    const text = unsigned.replace('  name: Pixel & Co', `  name: 'Pixel''s # ${directive}'`);
    assert.equal((analyzeText(text).doc.value as { vendor: { name: string } }).vendor.name, `Pixel's # ${directive}`);
    assertNdaFindingStays(text);
  });

  it('on the second line of a multi-line double-quoted string', () => {
    const text = unsigned.replace('  name: Pixel & Co', `  name: "Pixel & Co\n    # ${directive}"`);
    assertNdaFindingStays(text);
  });

  it('inside a literal block scalar', () => {
    const text = replaceLine(unsigned, '  objective:', '  objective: |', '    Move all 140 pages to Contentful.', `    # ${directive}`);
    assert.match((analyzeText(text).doc.value as { project: { objective: string } }).project.objective, /# scope-lint-disable/);
    assertNdaFindingStays(text);
  });

  it('inside a folded block scalar, as its first line', () => {
    const text = replaceLine(unsigned, '  objective:', '  objective: >-', `    # ${directive}`, '    Move all 140 pages to Contentful.');
    assertNdaFindingStays(text);
  });

  it('inside a quoted item of a flow sequence', () => {
    const text = replaceLine(unsigned, 'out_of_scope:', `out_of_scope: [Rewriting blog content, 'New page''s # ${directive}']`);
    assertNdaFindingStays(text);
  });

  it('on the second line of a quoted string inside a multi-line flow collection', () => {
    const text = replaceLine(unsigned, 'out_of_scope:', 'out_of_scope: [Rewriting blog content, "New page designs', `  # ${directive}"]`);
    assertNdaFindingStays(text);
  });

  it('a next-line directive inside a block scalar does not silence the line after it', () => {
    const text = replaceLine(
      unsigned,
      '  objective:',
      '  objective: |',
      '    Move all 140 pages to Contentful.',
      '    # scope-lint-disable-next-line security-nda-missing -- agreed',
    );
    assertNdaFindingStays(text);
    assert.deepEqual(suppressionDiagnostics(analyzeText(text).diagnostics), []);
  });

  it('CRLF: inside a block scalar', () => {
    const text = replaceLine(
      unsigned,
      '  objective:',
      '  objective: |',
      '    Move all 140 pages to Contentful.',
      `    # ${directive}`,
    ).replace(/\n/g, '\r\n');
    assertNdaFindingStays(text);
  });
});

describe('suppressions in Restricted Mode (an untrusted workspace)', () => {
  const trusted = mergeSettings({ today: testToday });
  const restricted: RuleSettings = { ...trusted, restrictedMode: true };
  const uri = 'file:///restricted.scope.yaml';
  // `Internal`: a slip of case that "fix all" fixes (safe), and a second one it fixes too.
  const upper = minimal.replace('  data_classification: internal', '  data_classification: Internal');
  const target = validate(new ScopeDocument(uri, 1, upper, trusted.limits), trusted).diagnostics.find(
    (d) => d.code === 'security-data-classification-missing',
  );
  assert.ok(target && (target.data as DiagnosticData | undefined)?.safeFix, 'a finding with a safe fix');
  const text = insertBefore(
    upper,
    '  data_classification:',
    '  # scope-lint-disable-next-line security-data-classification-missing -- done by hand in the kickoff',
  );
  const doc = new ScopeDocument(uri, 1, text, trusted.limits);

  it('shows a next-line suppressed finding as a hint naming the comment, and says so on the comment', () => {
    const diagnostics = validate(doc, restricted).diagnostics;
    const moved = {
      start: { ...target.range.start, line: target.range.start.line + 1 },
      end: { ...target.range.end, line: target.range.end.line + 1 },
    };
    const shown = diagnostics.filter((d) => d.code === target.code && d.range.start.line === moved.start.line);
    assert.deepEqual(
      shown.map((d) => [d.range, d.severity, d.message]),
      [
        [
          moved,
          DiagnosticSeverity.Hint,
          `${target.message} Suppressed on line ${target.range.start.line + 1} ("done by hand in the kickoff"); suppressions apply once you trust this workspace.`,
        ],
      ],
    );
    assert.deepEqual(
      diagnostics.filter((d) => String(d.code).startsWith('suppression/')).map((d) => [d.code, d.range.start.line, d.severity]),
      [['suppression/untrusted', target.range.start.line, DiagnosticSeverity.Information]],
    );
    assert.equal(
      validate(doc, trusted).diagnostics.some((d) => d.code === target.code && d.range.start.line === moved.start.line),
      false,
      'trusted: the suppression applies',
    );
  });

  it('"fix all" leaves the suppressed finding alone, as it does once the suppression applies', () => {
    assert.deepEqual(fixAllEdits(doc, restricted), []);
    // The server's path: the first round from the diagnostics it published.
    assert.equal(fixAllText(doc, restricted, { seed: validate(doc, restricted).diagnostics }).applied, 0);
    assert.deepEqual(fixAllEdits(doc, trusted), []);
    assert.ok(fixAllEdits(new ScopeDocument(uri, 1, upper, trusted.limits), restricted).length > 0, 'unsuppressed, it is fixed');
  });
});
