// security-data-location-missing: where personal data goes and on what GDPR Chapter V basis. The
// messages and ranges a user reads, locations written the way people write them, the fail-safe
// reading of what is not recognised, and the exact text after each quick fix.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readLocation } from '../../server/src/service/dataLocation';
import { analyzeText, factsOf, resolvedFixesOf, severityName } from '../support/analyze';
import { checkRule, fullWith } from '../support/ruleCheck';

const ruleId = 'security-data-location-missing';
const eu = '  data_location: [EU]\n';

function findings(text: string) {
  return analyzeText(text).diagnostics.filter((d) => d.code === ruleId);
}

/** The rule's one diagnostic on a text, with its message as plain text. */
function one(text: string) {
  const found = findings(text);
  assert.equal(found.length, 1, `expected one ${ruleId}, got ${found.map((d) => messageOf(d)).join(' | ')}`);
  const [d] = found;
  assert.ok(d);
  return Object.assign(d, { message: messageOf(d) });
}

function messageOf(d: { readonly message: string | { readonly value: string } }): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

function afterFix(text: string, title: string): string {
  const d = one(text);
  const fix = resolvedFixesOf(d).find((f) => f.title === title);
  assert.ok(fix, `no fix "${title}" among ${JSON.stringify(resolvedFixesOf(d).map((f) => f.title))}`);
  return TextDocument.applyEdits(TextDocument.create('file:///t.scope.yaml', 'scope-yaml', 1, text), [...fix.edits]);
}

describe('security-data-location-missing', () => {
  it('reports personal data in a third country with no transfer basis on the data_location key', () => {
    const text = fullWith([eu, '  data_location: [IN]\n']);
    const d = one(text);
    assert.equal(
      d.message,
      'No transfer basis is recorded for personal data in India: it is outside the EU/EEA with no EU adequacy decision (GDPR Art. 44-49).',
    );
    assert.equal(severityName(d), 'warning');
    assert.deepEqual(d.range, { start: { line: 37, character: 2 }, end: { line: 37, character: 15 } });
    assert.deepEqual(factsOf(d), [
      'A security threat: outside the EU/EEA the data needs an adequacy decision or safeguards such as standard contractual clauses (GDPR Art. 45-47).',
    ]);
  });

  it('offers standard contractual clauses as an unsafe proposal, which clears the finding once applied', () => {
    const text = fullWith([eu, '  data_location: [IN]\n']);
    const fix = resolvedFixesOf(one(text)).find((f) => f.title.startsWith('Record standard contractual clauses'));
    assert.equal(fix?.applicability, 'unsafe');
    const after = afterFix(text, 'Record standard contractual clauses as the transfer basis (`transfer_basis: sccs`)');
    assert.equal(after, fullWith([eu, '  data_location: [IN]\n  transfer_basis: sccs\n']));
    assert.deepEqual(findings(after), []);
  });

  it('reports a missing location on the security key and inserts a blank placeholder that is still reported', () => {
    const text = fullWith([eu, '']);
    const d = one(text);
    assert.equal(
      d.message,
      'The scope does not say where personal data will be processed: set `data_location`, or a transfer outside the EU/EEA goes unchecked (GDPR Art. 44-49).',
    );
    assert.deepEqual(d.range, { start: { line: 31, character: 0 }, end: { line: 31, character: 8 } });
    const after = afterFix(text, 'Add a `data_location` placeholder for the countries where the data is stored or accessed');
    assert.ok(after.includes('\n  data_location: [""]\n'), after);
    const left = one(after);
    assert.equal(left.range.start.line, after.split('\n').indexOf('  data_location: [""]'));
    assert.deepEqual(
      resolvedFixesOf(d).map((f) => f.applicability),
      ['display-only'],
    );
    // Inserting the same placeholder again would change nothing, so it is not offered.
    assert.deepEqual(resolvedFixesOf(left), []);
  });

  it('treats blank locations as no location: [], [""], a null value', () => {
    for (const blank of ['[]', '[""]', 'null', '["  "]']) {
      const d = one(fullWith([eu, `  data_location: ${blank}\n`]));
      assert.match(d.message, /^The scope does not say where personal data will be processed:/, blank);
      assert.equal(d.range.start.line, 37, blank);
    }
  });

  it('reads personal data from the categories when the flag is unset, as the DPA rule does', () => {
    const text = fullWith([eu, '  data_location: [IN]\n'], ['  personal_data: true\n', '']);
    assert.equal(one(text).range.start.line, 36);
    assert.deepEqual(
      findings(fullWith([eu, '  data_location: [IN]\n'], ['  personal_data: true\n', '  personal_data: false\n'])).length,
      1,
    );
  });

  it('is silent without personal data', () => {
    const text = fullWith(
      [eu, '  data_location: [IN]\n'],
      ['  personal_data: true\n', '  personal_data: false\n'],
      ['  personal_data_categories: [contact details, billing address, invoice history]\n', ''],
    );
    assert.deepEqual(checkRule(ruleId, text), []);
  });

  it('accepts countries as people write them, in any case, and EU/EEA', () => {
    for (const written of [
      'Germany',
      'germany',
      'DE',
      'de',
      'DEU',
      'the Netherlands',
      'UK',
      'United Kingdom',
      'England',
      'Switzerland',
      'Japan',
      'EU',
      'eea',
      'European Union',
      'EL',
      'Norway',
      'Iceland',
    ]) {
      assert.deepEqual(checkRule(ruleId, fullWith([eu, `  data_location: ["${written}"]\n`])), [], written);
    }
  });

  it('names each third country, however it is written, with one message for several', () => {
    for (const written of ['India', 'india', 'IN', 'IND', 'in']) {
      assert.match(
        one(fullWith([eu, `  data_location: ["${written}"]\n`])).message,
        /^No transfer basis is recorded for personal data in India: /,
        written,
      );
    }
    const several = one(fullWith([eu, '  data_location: [EU, Brazil, PH, "Türkiye"]\n']));
    assert.equal(
      several.message,
      'No transfer basis is recorded for personal data in Brazil, Philippines and Türkiye: they are outside the EU/EEA with no EU adequacy decision (GDPR Art. 44-49).',
    );
  });

  it('fails safe on a location it cannot recognise and says so', () => {
    const d = one(fullWith([eu, '  data_location: [DE, Frankfurt data centre]\n']));
    assert.equal(
      d.message,
      'No transfer basis is recorded for personal data in "Frankfurt data centre": it could not be recognised as a country and is treated as outside the EU/EEA (GDPR Art. 44-49).',
    );
    assert.equal(
      factsOf(d)?.[0],
      '`Frankfurt data centre` is not a country this rule recognises (write an ISO 3166-1 code such as `DE` or an English name such as `Germany`), so it is treated as outside the EU/EEA.',
    );
    const mixed = one(fullWith([eu, '  data_location: [India, Europe]\n']));
    assert.equal(
      mixed.message,
      'No transfer basis is recorded for personal data in India and "Europe": they are outside the EU/EEA with no EU adequacy decision or not recognised as a country (GDPR Art. 44-49).',
    );
  });

  it('reads a single text as one location (the schema reports the type) and leaves other shapes to the schema', () => {
    assert.match(one(fullWith([eu, '  data_location: India\n'])).message, /personal data in India:/);
    assert.deepEqual(checkRule(ruleId, fullWith([eu, '  data_location: { country: IN }\n'])), []);
    assert.deepEqual(checkRule(ruleId, fullWith([eu, '  data_location: 49\n'])), []);
  });

  it('accepts SCCs, BCRs and derogations, also in the wrong case; an unknown basis protects nothing', () => {
    for (const basis of ['sccs', 'bcrs', 'derogation', 'SCCs', 'BCRS']) {
      assert.deepEqual(checkRule(ruleId, fullWith([eu, `  data_location: [IN]\n  transfer_basis: ${basis}\n`])), [], basis);
    }
    const d = one(fullWith([eu, '  data_location: [IN]\n  transfer_basis: standard contract\n']));
    assert.equal(d.range.start.line, 37);
    assert.equal(
      factsOf(d)?.[0],
      '`transfer_basis` "standard contract" is none of adequacy, sccs, bcrs, derogation, so it is read as no basis.',
    );
  });

  it('reports `transfer_basis: adequacy` on its value when a location has no adequacy decision', () => {
    const d = one(fullWith([eu, '  data_location: [EU, India]\n  transfer_basis: adequacy\n']));
    assert.equal(
      d.message,
      '`transfer_basis: adequacy` does not cover India: it is outside the EU/EEA with no EU adequacy decision (GDPR Art. 44-49).',
    );
    assert.deepEqual(d.range, { start: { line: 38, character: 18 }, end: { line: 38, character: 26 } });
    assert.deepEqual(checkRule(ruleId, fullWith([eu, '  data_location: [GB, JP]\n  transfer_basis: adequacy\n'])), []);
  });

  it('gives only a hint for the United States and Canada when nothing puts the data under European law', () => {
    const usd = ['  currency: EUR\n', '  currency: USD\n'] as const;
    const d = one(fullWith([eu, '  data_location: [USA, Canada]\n'], usd));
    assert.equal(severityName(d), 'hint');
    assert.equal(
      d.message,
      'Check that the vendor qualifies for the EU adequacy decision: for United States of America it covers only organisations certified under the EU-US Data Privacy Framework, and for Canada it covers only commercial organisations subject to PIPEDA; then record `transfer_basis: adequacy` (or `sccs`).',
    );
    assert.deepEqual(checkRule(ruleId, fullWith([eu, '  data_location: [US]\n  transfer_basis: adequacy\n'])), []);
  });

  it('reports the United States with no basis for personal data under European law (a budget in EUR), on data_location', () => {
    const text = fullWith([eu, '  data_location: [US]\n']);
    const d = one(text);
    assert.equal(severityName(d), 'warning');
    assert.equal(
      d.message,
      'No transfer basis is recorded for personal data in United States of America: the EU adequacy decision covers only organisations certified under the EU-US Data Privacy Framework, and nothing says the vendor is one (GDPR Art. 44-49).',
    );
    assert.deepEqual(d.range, { start: { line: 37, character: 2 }, end: { line: 37, character: 15 } });
    assert.equal(
      factsOf(d)?.[0],
      "The EU adequacy decision for United States of America covers only organisations certified under the EU-US Data Privacy Framework, and the scope does not say the vendor is one; the budget is in EUR, so the buyer is under European data-protection law. Check the vendor on the framework's list and record `transfer_basis: adequacy`, or sign standard contractual clauses.",
    );
    // Both bases are proposals a person confirms; either clears the finding.
    assert.deepEqual(
      resolvedFixesOf(d).map((f) => [f.title, f.applicability]),
      [
        ['Record standard contractual clauses as the transfer basis (`transfer_basis: sccs`)', 'unsafe'],
        ['Record that the vendor is certified under the EU-US Data Privacy Framework (`transfer_basis: adequacy`)', 'unsafe'],
      ],
    );
    const after = afterFix(text, 'Record that the vendor is certified under the EU-US Data Privacy Framework (`transfer_basis: adequacy`)');
    assert.equal(after, fullWith([eu, '  data_location: [US]\n  transfer_basis: adequacy\n']));
    assert.deepEqual(findings(after), []);
  });

  it('reads European law from an EU/EEA, UK or Swiss location too, whatever the currency; Canada stays a hint', () => {
    const usd = ['  currency: EUR\n', '  currency: USD\n'] as const;
    for (const written of ['[DE, US]', '[EU, United States]', '[UK, usa]', '[CH, US]']) {
      const d = one(fullWith([eu, `  data_location: ${written}\n`], usd));
      assert.equal(severityName(d), 'warning', written);
      assert.match(d.message, /^No transfer basis is recorded for personal data in United States of America: /, written);
      assert.match(factsOf(d)?.[0] ?? '', /; the data is also held in /, written);
    }
    for (const currency of ['GBP', 'sek', 'CHF']) {
      const d = one(fullWith([eu, '  data_location: [US]\n'], ['  currency: EUR\n', `  currency: ${currency}\n`]));
      assert.equal(severityName(d), 'warning', currency);
    }
    assert.equal(severityName(one(fullWith([eu, '  data_location: [DE, Canada]\n'], usd))), 'hint');
  });

  it('names the US with a third country in one message, with one fix', () => {
    const d = one(fullWith([eu, '  data_location: [US, India]\n']));
    assert.equal(
      d.message,
      'No transfer basis is recorded for personal data in India and United States of America: they are outside the EU/EEA with no EU adequacy decision that is known to cover the vendor (GDPR Art. 44-49).',
    );
    assert.deepEqual(
      resolvedFixesOf(d).map((f) => f.title),
      ['Record standard contractual clauses as the transfer basis (`transfer_basis: sccs`)'],
    );
  });
});

describe('readLocation', () => {
  it('places locations under GDPR Chapter V', () => {
    assert.deepEqual(readLocation(' Germany '), { written: 'Germany', code: 'DE', name: 'Germany', standing: 'eea' });
    assert.deepEqual(readLocation('uk'), { written: 'uk', code: 'GB', name: 'United Kingdom', standing: 'adequate' });
    assert.equal(readLocation('USA').partial, 'organisations certified under the EU-US Data Privacy Framework');
    assert.equal(readLocation('in').standing, 'third-country');
    assert.deepEqual(readLocation('ZZ'), { written: 'ZZ', standing: 'unrecognised' });
    assert.deepEqual(readLocation('eu-west-1'), { written: 'eu-west-1', standing: 'unrecognised' });
  });
});
