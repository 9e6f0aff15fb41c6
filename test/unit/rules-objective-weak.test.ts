// expertise-objective-not-smart on objectives as engineering leads write them: a product's release,
// an ordinal, service hours and a count written with "k" are not targets; names run together
// ("SAP S/4HANA 2023", "ISO/IEC 27001:2022"), a sentence's first word is no name, and three
// capitals are a currency only when they are one ("ISO 27001" is not a price).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { hasQuantity } from '../../server/src/service/quantities';
import { diagnosticsOf, lineOf, onlyDiagnostic } from '../support/analyze';
import { fullWith } from '../support/ruleCheck';

const id = 'expertise-objective-not-smart';
const objective = (text: string): string =>
  fullWith([
    '  objective: >-\n    Replace the legacy customer portal so customers can update billing details\n    and download invoices themselves, cutting billing-related support tickets\n    from 1,200 to under 600 per month by 2027-10-31.\n',
    `  objective: ${JSON.stringify(text)}\n`,
  ]);

function where(d: Diagnostic, text: string): [number, number, number, string] {
  const line = text.split('\n')[d.range.start.line] ?? '';
  return [d.range.start.line, d.range.start.character, d.range.end.character, line.slice(d.range.start.character, d.range.end.character)];
}

describe('hasQuantity: releases, ordinals, service hours and ages are not quantities', () => {
  it('reads none of these as a quantity', () => {
    for (const text of [
      'Replace Oracle 11g',
      'Provide 2nd and 3rd line support',
      'Provide 8x5 support',
      'Provide 8/5 support',
      'Provide a 24 x 7 service',
      'Run 24x7x365 operations',
      'Cover 7 days a week',
      'staffed 24 hours a day',
      'Replace the 20-year-old mainframe',
    ]) {
      assert.equal(hasQuantity(text), false, text);
      assert.equal(hasQuantity(text, { counts: 'none' }), false, text);
    }
  });

  it('still reads units, rates and changes, and counts "250k records" as a count in an objective', () => {
    for (const text of [
      'a 4h response',
      'fix in 2 days',
      'Deliver 2 releases a month',
      'save EUR 200k a year',
      'Grow members to 50k',
      'Process 1m invoices a year',
    ]) {
      assert.equal(hasQuantity(text, { counts: 'none' }), true, text);
    }
    for (const text of ['Migrate 250k customer records', 'Support 10k users']) {
      assert.equal(hasQuantity(text, { counts: 'none' }), false, text);
      assert.equal(hasQuantity(text), true, text);
    }
  });
});

describe('expertise-objective-not-smart: vague objectives with names and counts in them', () => {
  for (const [text, names] of [
    ['Migrate to SAP S/4HANA 2023 and make finance more efficient', '"SAP S/4HANA 2023" is a name or a count'],
    ['Support ISO 27001 certification', '"ISO 27001" is a name or a count'],
    ['Become PCI DSS 4.0 compliant', '"DSS 4.0" is a name or a count'],
    ['Achieve ISO/IEC 27001:2022 certification', '"ISO/IEC 27001:2022" is a name or a count'],
    ['Replace Oracle 11g with PostgreSQL 16', '"Oracle 11g", "PostgreSQL 16" are names or counts'],
    ['Provide 2nd and 3rd line support', '"2nd", "3rd" are names or counts'],
    ['Provide 8x5 support for the finance team', '"8x5" is a name or a count'],
    ['Move 3 data centres to AWS', '"3" is a name or a count'],
    ['Migrate 250k customer records', '"250k" is a name or a count'],
    ['Upgrade to 64-bit Office with 2-factor sign-in', '"64-bit", "2-factor" are names or counts'],
    ['Upgrade Jira to 9.12', '"9.12" is a name or a count'],
  ] as const) {
    it(`reports "${text}"`, () => {
      const doc = objective(text);
      const d = onlyDiagnostic(id, doc);
      assert.equal(d.message, `The objective has no target and no date: ${names}, not how much or by when.`);
      assert.deepEqual(where(d, doc), [lineOf(doc, '  objective:'), 13, 13 + JSON.stringify(text).length, JSON.stringify(text)]);
    });
  }

  for (const text of [
    'Modernise the platform',
    'Improve the customer experience across channels',
    'Provide a 24x7 service',
    'Deliver a best-in-class Salesforce Service Cloud implementation',
    'Reduce manual work significantly',
  ]) {
    it(`reports "${text}"`, () => {
      const doc = objective(text);
      const d = onlyDiagnostic(id, doc);
      assert.equal(
        d.message,
        text.includes('24x7')
          ? 'The objective has no target and no date: "24x7" is a name or a count, not how much or by when.'
          : 'The objective has no number and no date, so nothing in it says how much or by when.',
      );
      assert.deepEqual(where(d, doc), [lineOf(doc, '  objective:'), 13, 13 + JSON.stringify(text).length, JSON.stringify(text)]);
    });
  }

  it('keeps accepting a real quantity or a date', () => {
    for (const text of [
      'Cut ticket volume by 30%',
      'Go live on S/4HANA by Q3 2027',
      'Reduce manual work by 2,000 hours a year',
      'Handle 10,000 orders per day',
    ]) {
      assert.deepEqual(diagnosticsOf(id, objective(text)), [], text);
    }
  });
});
