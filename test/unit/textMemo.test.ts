// Answers remembered across checks (server/src/service/textMemo.ts): asked once per text, an
// undefined answer remembered too, and the memory bounded; and a check of a document whose texts
// were read before gives exactly the findings of a first check.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextMemo } from '../../server/src/service/textMemo';
import { analyzeText } from '../support/analyze';

describe('TextMemo', () => {
  it('computes each answer once, undefined included', () => {
    const memo = new TextMemo<string | undefined>();
    let calls = 0;
    const ask = (key: string): string | undefined =>
      memo.get(key, () => {
        calls++;
        return key === 'none' ? undefined : key.toUpperCase();
      });
    assert.deepEqual([ask('a'), ask('a'), ask('none'), ask('none')], ['A', 'A', undefined, undefined]);
    assert.equal(calls, 2);
  });

  it('starts again when the entry or character budget is reached', () => {
    let calls = 0;
    const byEntries = new TextMemo<number>(2, 1_000);
    for (const key of ['a', 'b', 'c', 'a']) byEntries.get(key, () => ++calls);
    assert.equal(calls, 4, '"a" was forgotten when "c" arrived at the 2-entry budget');
    calls = 0;
    const byChars = new TextMemo<number>(100, 5);
    for (const key of ['abc', 'abc', 'defg', 'abc']) byChars.get(key, () => ++calls);
    assert.equal(calls, 3, '"abc" was forgotten when "defg" passed the 5-character budget');
  });
});

describe('checks that reuse remembered answers', () => {
  it('give the same findings, ranges and messages as the first check of the same texts', () => {
    const text = [
      'scope_version: 1',
      'project:',
      '  name: Portal',
      '  objective: Improve the portal etc. and make it faster.',
      'deliverables:',
      '  - id: D1',
      '    title: Portal pages, reports etc.',
      '    due: 2027-03-01',
      '    acceptance_criteria:',
      '      - The client is happy with the pages',
      '      - 95% of 40 test cases pass',
      '  - id: D2',
      '    title: Portal pages, reports etc.',
      '    due: 2027-03-01',
      '    acceptance_criteria:',
      '      - The client is happy with the pages',
      '',
    ].join('\n');
    const shape = (t: string): string[] =>
      analyzeText(t).diagnostics.map(
        (d) =>
          `${String(d.code)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`,
      );
    const first = shape(text);
    assert.ok(
      first.some((d) => d.startsWith('cost-vague-language 6:')),
      'the repeated title is reported on D1',
    );
    assert.ok(
      first.some((d) => d.startsWith('cost-vague-language 12:')),
      'and on D2, at its own range',
    );
    assert.ok(first.some((d) => d.startsWith('expertise-acceptance-criteria-subjective 15:')));
    assert.deepEqual(shape(text), first);
  });
});
