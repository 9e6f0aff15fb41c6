// Hover: in VS Code (which shows the diagnostic's message above the hover) only what the message
// does not say; elsewhere the message too. Ids show what they refer to; keys their values in plain words.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { MarkupContent, Position } from 'vscode-languageserver-types';
import { hover } from '../../server/src/service/hover';
import { mergeSettings } from '../../server/src/service/settings';
import { schemaAt } from '../../server/src/service/schemaNav';
import { analyzeText, testToday } from '../support/analyze';
import { fixturesDir } from '../support/paths';

const risky = readFileSync(join(fixturesDir, 'golden', 'risky.scope.yaml'), 'utf8');

/** The position of `word`, inside the nth occurrence of `context` (which contains it). */
function at(text: string, word: string, nth = 0, context = word): Position {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = text.indexOf(context, offset + 1);
  assert.ok(offset >= 0, `${context} not found`);
  offset += context.indexOf(word);
  const before = text.slice(0, offset + 1).split('\n');
  return { line: before.length - 1, character: (before[before.length - 1]?.length ?? 1) - 1 };
}

function hoverText(text: string, position: Position, messageShown: boolean): string {
  const { doc, diagnostics } = analyzeText(text);
  const result = hover(doc, diagnostics, position, mergeSettings({ today: testToday }), { messageShown });
  return (result?.contents as MarkupContent | undefined)?.value ?? '';
}

describe('hover of a finding', () => {
  const position = at(risky, 'TBD');
  const { diagnostics } = analyzeText(risky);
  const here = diagnostics.filter((d) => d.range.start.line === position.line && d.range.start.character <= position.character);

  it('in VS Code: the why, the fix and one link per finding, not the message VS Code already shows', () => {
    assert.ok(here.length > 0);
    const text = hoverText(risky, position, true);
    for (const d of here) {
      const message = typeof d.message === 'string' ? d.message : d.message.value;
      assert.ok(!text.includes(message), `repeats the message "${message}":\n${text}`);
      assert.ok(text.includes(`[Learn more about \`${String(d.code)}\`](`), `no link for ${String(d.code)}`);
    }
    assert.equal((text.match(/\]\(https?:/g) ?? []).length, here.length, 'one link per finding');
    assert.equal((text.match(/\*\*Fix:\*\*/g) ?? []).length, here.length, 'one fix per finding');
    // A short paragraph, not the whole explanation: the docs page has the rest.
    for (const section of text.split('\n\n---\n\n')) assert.ok((section.split('\n\n')[0] ?? '').length <= 400, section);
  });

  it('in other clients: title, code, severity and the message as well', () => {
    const text = hoverText(risky, position, false);
    for (const d of here) {
      const message = typeof d.message === 'string' ? d.message : d.message.value;
      assert.ok(text.includes(message), `lacks the message "${message}"`);
      assert.ok(text.includes(`\`${String(d.code)}\``));
    }
  });

  it('is shorter in VS Code than elsewhere', () => {
    assert.ok(hoverText(risky, position, true).length < hoverText(risky, position, false).length);
  });
});

describe('hover of an id', () => {
  it('a reference (D1 in a milestone) shows the deliverable it refers to', () => {
    const text = hoverText(risky, at(risky, 'D1', 0, '[D1, D3]'), true);
    assert.match(text, /^\*\*D1\*\* is the deliverable: CRM sync service/);
    assert.match(text, /\(line 11\)/);
  });

  it('a milestone reference in a payment shows its name and date', () => {
    const text = hoverText(risky, at(risky, 'M1', 0, 'milestone: M1'), true);
    assert.equal(text, '**M1** is the milestone: Kick-off · date 2027-06-01 (line 30)');
  });

  it('a reference to an id that does not exist adds nothing (its finding says so)', () => {
    const text = hoverText(risky, at(risky, 'D3', 0, '[D1, D3]'), true);
    assert.doesNotMatch(text, /\*\*D3\*\* is/);
    assert.match(text, /structure-unknown-reference/);
  });

  it('a definition lists where it is used', () => {
    const text = hoverText(risky, at(risky, 'M2', 0, 'id: M2'), true);
    assert.match(text, /^\*\*M2\*\*: this milestone is referred to by payment 2 \(line 25\)\.$/);
  });
});

describe('hover of a key', () => {
  it('pricing_model says what each value means in plain words before the sources', () => {
    const text = hoverText(risky, at(risky, 'pricing_model'), true);
    // Each value says, in a lead's words, who pays when the work takes longer.
    const lines = text.split('\n');
    assert.deepEqual(
      lines.filter((l) => l.startsWith('- `')),
      [
        '- `fixed_price`: One agreed price for the defined scope. **The vendor carries the cost risk**: if the work takes longer, the vendor pays for the extra days, not you. What you pay more for is only what you add through change control.',
        '- `time_and_materials`: You pay for the hours or days worked, at the `rate_card` rates. **You carry the cost risk**: if the work takes longer, every extra day is on your bill, with no upper limit unless a `cap` is set (FAR 16.601 asks for a ceiling and fixed rates: `cost-tm-without-cap`).',
        '- `capped_time_and_materials`: You pay for the hours or days worked, but never more than `cap`. **The risk is shared**: you pay for extra days up to the cap, and past it the vendor works at its own cost (GOV.UK DOS "capped time and materials").',
      ],
      text,
    );
    const values = text.indexOf('- `fixed_price`');
    assert.ok(text.indexOf('GOV.UK Digital Outcomes') > values, 'sources after the plain words');
    // The plain description (clients without Markdown) names who pays for each value too.
    assert.match(
      String(schemaAt(['budget', 'pricing_model'])?.description),
      /^How the vendor is paid, and so who pays when the work takes longer than planned: fixed_price \(the vendor does\), time_and_materials \(you do, for every extra day\) or capped_time_and_materials \(you do, up to the cap; the vendor past it\)\.$/,
    );
  });
});
