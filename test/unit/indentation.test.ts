// Indentation mistakes are reported on the line that is wrong, in words about columns: the YAML
// parser notices them a line later (the next, correct key) or a line earlier (the key above).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../support/analyze';

function syntaxAt(text: string): string[] {
  return analyzeText(text)
    .diagnostics.filter((d) => String(d.code).startsWith('yaml/'))
    .map((d) => `${String(d.code)} ${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.character + 1}`);
}

function messages(text: string): string[] {
  return analyzeText(text)
    .diagnostics.filter((d) => String(d.code).startsWith('yaml/'))
    .map((d) => (typeof d.message === 'string' ? d.message : d.message.value));
}

describe('indentation errors', () => {
  it('a key typed 4 spaces deep under `vendor:` is reported on its own line, not on the correct key after it', () => {
    const text = 'scope_version: 1\nvendor:\n    contact: Ann\n  name: Acme\nproject:\n  name: Portal\n';
    assert.deepEqual(syntaxAt(text), ['yaml/syntax 3:5-17']);
    assert.deepEqual(messages(text), [
      'Indented 4 spaces, but `name` under `vendor` is indented 2: keys of one mapping must start in the same column.',
    ]);
  });

  it('a key indented less than its siblings is reported on its own line', () => {
    const text = 'scope_version: 1\nvendor:\n  name: Acme\n bad: indentation\n';
    assert.deepEqual(syntaxAt(text), ['yaml/syntax 4:2-18']);
    assert.match(messages(text)[0] ?? '', /^Indented 1 space, but `name` under `vendor` is indented 2/);
  });

  it('in a 4-space document the 2-space key is the odd one out', () => {
    const text = 'scope_version: 1\nproject:\n    name: Portal\n    owner: Ann\nvendor:\n      contact: Bo\n    name: Acme\n';
    assert.deepEqual(syntaxAt(text), ['yaml/syntax 6:7-18']);
  });

  it('a key indented deeper than the key above, which has a value, is reported on the deeper line', () => {
    const text = 'scope_version: 1\nvendor:\n  name: Acme\n    nda: { signed: false }\nproject:\n  name: Portal\n';
    assert.deepEqual(syntaxAt(text), ['yaml/syntax 4:5-27']);
    assert.match(messages(text)[0] ?? '', /^Indented 4 spaces, deeper than `name` \(2\), which already has a value/);
  });

  it('the same inside a list entry', () => {
    const text = 'scope_version: 1\ndeliverables:\n  - id: D1\n    title: x\n      due: null\n';
    assert.deepEqual(syntaxAt(text), ['yaml/syntax 5:7-16']);
  });
});

describe('indentation errors next to a tab', () => {
  it('leave the tab line as the parser reports it, and the next key keeps its message', () => {
    const text = 'scope_version: 1\nvendor:\n\tname: Acme\n  nda: { signed: true }\n  references: []\n';
    assert.deepEqual(
      syntaxAt(text).map((s) => s.replace(/-\d+$/, '')),
      ['yaml/syntax 3:1', 'yaml/syntax 5:3'],
    );
  });
});
