// YAML syntax and bad input: the root cause with a precise one-line range, never an exception.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ScopeDocument } from '../../server/src/service/document';
import { analyzeText, severityName } from '../support/analyze';

interface Case {
  readonly name: string;
  readonly text: string;
  /** `<code> <1-based line>:<1-based column>` of every diagnostic, in order. */
  readonly want: readonly string[];
}

const cases: Case[] = [
  { name: 'empty file', text: '', want: ['scope/empty 1:1'] },
  { name: 'only a comment', text: '# a scope, some day\n', want: ['scope/empty 1:1'] },
  { name: 'a list at the root', text: '- a\n- b\n', want: ['schema/type 1:1'] },
  { name: 'a scalar at the root', text: 'just text\n', want: ['schema/type 1:1'] },
  // The first document is checked: a bare `scope_version: 1` misses every section.
  { name: 'two documents', text: 'scope_version: 1\n---\nfoo: 1\n', want: ['scope/missing-sections 1:1', 'yaml/multiple-documents 2:1'] },
  { name: 'tab indentation', text: 'scope_version: 1\nproject:\n\tname: x\n', want: ['yaml/syntax 3:1'] },
  { name: 'duplicate key', text: 'scope_version: 1\nproject:\n  name: a\n  name: b\n', want: ['yaml/duplicate-key 4:3'] },
  { name: 'unclosed flow sequence', text: 'scope_version: 1\nout_of_scope: [a, b\nassumptions: []\n', want: ['yaml/syntax 2:15'] },
];

describe('bad input gives a clear diagnostic or none', () => {
  for (const c of cases) {
    it(c.name, () => {
      const { diagnostics } = analyzeText(c.text);
      const got = diagnostics
        .filter((d) => !String(d.code).match(/^[a-z]+-/)) // risk rules are tested elsewhere
        .map((d) => `${String(d.code)} ${d.range.start.line + 1}:${d.range.start.character + 1}`);
      assert.deepEqual(got, c.want);
      for (const d of diagnostics) assert.equal(d.range.start.line, d.range.end.line);
    });
  }

  it('reports one root cause for a bad indent, not a cascade', () => {
    const text = ['scope_version: 1', 'project:', '  name: x', '    objective: y', '  owner: z', 'vendor:', '  name: v', ''].join('\n');
    const syntax = analyzeText(text).diagnostics.filter((d) => String(d.code).startsWith('yaml/'));
    assert.ok(syntax.length >= 1 && syntax.length <= 2, `got ${syntax.length}: ${syntax.map((d) => String(d.message)).join(' | ')}`);
    assert.ok(syntax.every((d) => d.range.start.line >= 2 && d.range.start.line <= 3));
  });

  it('treats a UTF-8 BOM and CRLF line endings like plain LF text', () => {
    const lf = 'scope_version: 1\nproject:\n  name: x\n  nmae: y\n';
    const crlf = `\ufeff${lf.replace(/\n/g, '\r\n')}`;
    const a = analyzeText(lf).diagnostics.map(
      (d) => `${String(d.code)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.character}`,
    );
    const b = analyzeText(crlf).diagnostics.map(
      (d) =>
        `${String(d.code)} ${d.range.start.line}:${d.range.start.character + (d.range.start.line === 0 ? -1 : 0)}-${d.range.end.character + (d.range.start.line === 0 ? -1 : 0)}`,
    );
    assert.deepEqual(b, a);
    const unknown = analyzeText(crlf).diagnostics.find((d) => d.code === 'schema/additional-property');
    assert.deepEqual(unknown?.range, { start: { line: 3, character: 2 }, end: { line: 3, character: 6 } });
  });
});

describe('schema diagnostics land on the narrowest node with human messages', () => {
  const base = [
    'scope_version: 1',
    'project:',
    '  name: Portal',
    '  objective: Cut tickets by 50% by 2027-10-31',
    'budget:',
    '  currency: EUR',
    '  pricing_model: fixed',
    '  total: 1000',
    'colour: blue',
    '',
  ].join('\n');
  const { diagnostics } = analyzeText(base);
  const byCode = (code: string) => diagnostics.filter((d) => d.code === code);

  it('an unknown property is a warning on the key itself', () => {
    const [d] = byCode('schema/additional-property');
    assert.ok(d);
    assert.equal(severityName(d), 'warning');
    assert.deepEqual(d.range, { start: { line: 8, character: 0 }, end: { line: 8, character: 6 } });
    assert.equal(String(d.message), 'Unknown property `colour` in the document.');
  });

  it('a wrong enum value is an error on the value', () => {
    const [d] = byCode('schema/enum');
    assert.ok(d);
    assert.deepEqual(d.range, { start: { line: 6, character: 17 }, end: { line: 6, character: 22 } });
    assert.match(
      String(d.message),
      /^`budget\.pricing_model` does not allow the text "fixed": use one of `fixed_price`, `time_and_materials`, `capped_time_and_materials`\.$/,
    );
  });

  it('a missing required property is reported on its parent key', () => {
    const { diagnostics: ds } = analyzeText('scope_version: 1\nproject:\n  objective: Cut tickets by 50% by 2027-10-31\n');
    const d = ds.find((x) => x.code === 'schema/required');
    assert.ok(d);
    assert.equal(String(d.message), '`project` is missing `name`.');
    assert.deepEqual(d.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 7 } });
  });

  it('suggests the closest key for a typo', () => {
    const { diagnostics: ds } = analyzeText('scope_version: 1\ndeliverabels: []\n');
    const d = ds.find((x) => x.code === 'schema/additional-property');
    assert.equal(d?.message, 'Unknown property `deliverabels` in the document. Did you mean `deliverables`?');
  });

  it('every diagnostic carries source, code and a documentation link', () => {
    for (const d of diagnostics) {
      assert.equal(d.source, 'scope');
      assert.ok(d.codeDescription?.href.endsWith(`/docs/rules/${String(d.code).replace('/', '-')}.md`));
    }
  });
});

describe('the line index', () => {
  const lines = (text: string): string[] => {
    const doc = new ScopeDocument('file:///lines.scope.yaml', 1, text);
    return Array.from({ length: doc.lineCount }, (_, line) => doc.lineText(line));
  };

  it('counts every line break where the parser, recovering from an error, skips one', () => {
    assert.deepEqual(lines('<<: ]|\n\n  '), ['<<: ]|', '', '  ']);
    const doc = new ScopeDocument('file:///lines.scope.yaml', 1, '<<: ]|\n\n  ');
    assert.deepEqual(doc.positionAt(9), { line: 2, character: 1 });
  });

  it('counts the lines after the third document, where parsing stops', () => {
    const text = 'a: 1\n---\nb: 2\n---\nc: 3\nd: 4\n';
    assert.deepEqual(lines(text), ['a: 1', '---', 'b: 2', '---', 'c: 3', 'd: 4', '']);
    assert.deepEqual(new ScopeDocument('file:///lines.scope.yaml', 1, text).positionAt(text.indexOf('d:')), { line: 5, character: 0 });
  });

  it('counts LF, CRLF and a lone CR, as YAML 1.2 does', () => {
    assert.deepEqual(lines('a: 1\r\nb: 2\rc: 3\n'), ['a: 1', 'b: 2', 'c: 3', '']);
  });
});
