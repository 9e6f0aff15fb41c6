// security-data-location-missing: where personal data goes and on what GDPR Chapter V basis. The
// messages and ranges a user reads, locations written the way people write them, the fail-safe
// reading of what is not recognised, and the exact text after each quick fix.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readLocation, readLocations } from '../../server/src/service/dataLocation';
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
    // A sub-processor that names no place ("Zendesk") says nothing of where the data is.
    const text = fullWith([eu, ''], ['list: ["AWS (eu-west-1)"]', 'list: [Zendesk]']);
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

  it('fails safe on a location it cannot read and says so', () => {
    const d = one(fullWith([eu, "  data_location: [DE, Vendor's primary data centre]\n"]));
    assert.equal(
      d.message,
      `No transfer basis is recorded for personal data in "Vendor's primary data centre": it could not be read as a country and is treated as possibly outside the EU/EEA (GDPR Art. 44-49).`,
    );
    assert.deepEqual(d.range, { start: { line: 37, character: 2 }, end: { line: 37, character: 15 } });
    assert.equal(
      factsOf(d)?.[0],
      "`Vendor's primary data centre` could not be read as a place: write a country (`DE`, `Germany`), a city (`Frankfurt`) or a cloud region (`eu-central-1`); until then it is treated as possibly outside the EU/EEA.",
    );
    const mixed = one(fullWith([eu, '  data_location: [India, Europe]\n']));
    assert.equal(
      mixed.message,
      'No transfer basis is recorded for personal data in India and "Europe": they are outside the EU/EEA with no EU adequacy decision, or could not be read as a country (GDPR Art. 44-49).',
    );
    assert.equal(
      factsOf(mixed)?.[0],
      '`Europe` names no country: Europe includes countries outside the EU/EEA (the UK, Switzerland, Serbia, Türkiye, Ukraine), so it is treated as possibly outside the EU/EEA.',
    );
  });

  it('reads the public cloud regions of AWS, Google Cloud and Azure as their country', () => {
    for (const written of [
      'Azure West Europe (Amsterdam)',
      'AWS eu-central-1',
      'GCP europe-west4',
      'Azure North Europe (Dublin)',
      'westeurope',
      'Azure Germany West Central',
      'eu-north-1a',
      'AWS Europe (Frankfurt)',
      // Outside the EEA, with an adequacy decision, as the country codes GB and CH are read.
      'eu-west-2 (London)',
      'Azure UK South',
      'eu-central-2 (Zurich)',
      'europe-west6',
    ]) {
      assert.deepEqual(checkRule(ruleId, fullWith([eu, `  data_location: ["${written}"]\n`])), [], written);
    }
    for (const written of ['ap-south-1 (Mumbai)', 'Azure Central India', 'asia-south1', 'AWS Asia Pacific (Mumbai)']) {
      const d = one(fullWith([eu, `  data_location: ["${written}"]\n`]));
      assert.equal(
        d.message,
        'No transfer basis is recorded for personal data in India: it is outside the EU/EEA with no EU adequacy decision (GDPR Art. 44-49).',
        written,
      );
      assert.deepEqual(d.range, { start: { line: 37, character: 2 }, end: { line: 37, character: 15 } }, written);
    }
    const us = one(fullWith([eu, '  data_location: [us-east-1]\n']));
    assert.match(
      us.message,
      /^No transfer basis is recorded for personal data in United States of America: the EU adequacy decision covers only /,
    );
    assert.equal(factsOf(us)?.[0], '`us-east-1` is read as United States of America (us-east-1).');
  });

  it('reads a region code in the providers’ shape that no list has as unknown, possibly outside', () => {
    const d = one(fullWith([eu, '  data_location: [eu-west-9]\n']));
    assert.match(
      d.message,
      /^No transfer basis is recorded for personal data in "eu-west-9": it could not be read as a country and is treated as possibly outside the EU\/EEA/,
    );
    assert.equal(
      factsOf(d)?.[0],
      '`eu-west-9` names no country: it looks like a cloud region code, but not one of AWS, Google Cloud or Azure, so it is treated as possibly outside the EU/EEA.',
    );
  });

  it('reads cities as their country, in a sentence, with accents or without', () => {
    for (const written of [
      'hosted in Frankfurt',
      'Dublin data centre',
      'servers in Amsterdam and Paris',
      'Zürich',
      'Zurich',
      'Kraków office',
      'Frankfurt, DE',
    ]) {
      assert.deepEqual(checkRule(ruleId, fullWith([eu, `  data_location: ["${written}"]\n`])), [], written);
    }
    const d = one(fullWith([eu, '  data_location: ["Lisbon", "2nd line support in Manila and São Paulo"]\n']));
    assert.equal(
      d.message,
      'No transfer basis is recorded for personal data in Philippines and Brazil: they are outside the EU/EEA with no EU adequacy decision (GDPR Art. 44-49).',
    );
    assert.equal(factsOf(d)?.[0], '`2nd line support in Manila and São Paulo` is read as Philippines (Manila) and Brazil (São Paulo).');
  });

  it('reads a city name shared by several cities as the most populous, and says which others there are', () => {
    const d = one(fullWith([eu, '  data_location: [Valencia data centre]\n']));
    assert.match(d.message, /^No transfer basis is recorded for personal data in Venezuela/);
    assert.equal(factsOf(d)?.[0], '`Valencia data centre` is read as Venezuela (Valencia, the largest city of that name; also Spain).');
  });

  it('reads every place in a value that mixes text, and support access from a third country is a transfer', () => {
    assert.deepEqual(checkRule(ruleId, fullWith([eu, '  data_location: ["EU (AWS Frankfurt) with backups in the UK"]\n'])), []);
    assert.deepEqual(checkRule(ruleId, fullWith([eu, '  data_location: ["servers in DE and NL", "the Nordics"]\n'])), []);
    const d = one(fullWith([eu, '  data_location: "Germany, with support access from India"\n']));
    assert.equal(
      d.message,
      'No transfer basis is recorded for personal data in India: it is outside the EU/EEA with no EU adequacy decision (GDPR Art. 44-49).',
    );
    assert.deepEqual(d.range, { start: { line: 37, character: 2 }, end: { line: 37, character: 15 } });
    assert.equal(factsOf(d)?.[0], '`Germany, with support access from India` is read as Germany and India.');
  });

  it('fails safe on words that name no country: offshore, worldwide, Asia, a US state that is also a country code', () => {
    for (const [written, place] of [
      ['Frankfurt, plus offshore support', 'offshore'],
      ['Hetzner Nuremberg, monitored worldwide', 'worldwide'],
      ['EU, with follow-the-sun support', 'follow-the-sun'],
      ['Ireland and somewhere in Asia', 'Asia'],
      ['Ashburn, VA', 'VA'],
      ['New South Wales', 'New South Wales'],
    ] as const) {
      const d = one(fullWith([eu, `  data_location: ["${written}"]\n`]));
      assert.match(d.message, new RegExp(`^No transfer basis is recorded for personal data in "${place}": `), written);
      assert.match(factsOf(d)?.join('\n') ?? '', /so it is treated as possibly outside the EU\/EEA\./, written);
    }
    // A boundary kept is not a transfer; a US city's state is the United States.
    assert.deepEqual(checkRule(ruleId, fullWith([eu, '  data_location: ["EU only, nothing stored outside the EU"]\n'])), []);
    assert.match(one(fullWith([eu, '  data_location: ["Dallas, TX"]\n'])).message, /personal data in United States of America:/);
  });

  it('keeps the lead clause short when many or long names need a basis', () => {
    const d = one(fullWith([eu, '  data_location: [Philippines, United States, Brazil]\n']));
    assert.equal(
      d.message,
      'No transfer basis is recorded for personal data in 3 locations: Philippines, Brazil and United States of America; they are outside the EU/EEA with no EU adequacy decision that is known to cover the vendor (GDPR Art. 44-49).',
    );
  });

  it('asks the same of a small job as of any other: no personal data, no finding; personal data, a location', () => {
    const small = [
      '  name: Customer self-service portal rebuild\n',
      '  name: Customer self-service portal rebuild\n  engagement: small_job\n',
    ] as const;
    assert.deepEqual(
      checkRule(
        ruleId,
        fullWith(
          small,
          [eu, ''],
          ['  personal_data: true\n', '  personal_data: false\n'],
          ['  personal_data_categories: [contact details, billing address, invoice history]\n', ''],
        ),
      ),
      [],
    );
    assert.deepEqual(checkRule(ruleId, fullWith(small, [eu, '  data_location: [hosted in Lisbon]\n'])), []);
    assert.match(
      one(fullWith(small, [eu, ''], ['list: ["AWS (eu-west-1)"]', 'list: [Zendesk]'])).message,
      /^The scope does not say where personal data will be processed/,
    );
  });

  it('reads a single text as one location and a mapping by its values (the schema reports the type), and leaves a number to the schema', () => {
    assert.match(one(fullWith([eu, '  data_location: India\n'])).message, /personal data in India:/);
    // A mapping says where the data goes as much as a list does: not a silent pass.
    assert.match(one(fullWith([eu, '  data_location: { country: IN }\n'])).message, /personal data in India:/);
    assert.deepEqual(checkRule(ruleId, fullWith([eu, '  data_location: { primary: Germany, dr: [Netherlands] }\n'])), []);
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
    // A US buyer (USD): the EU adequacy decision means nothing to it; the hint names its own law.
    const usd = ['  currency: EUR\n', '  currency: USD\n'] as const;
    const d = one(fullWith([eu, '  data_location: [USA, Canada]\n'], usd));
    assert.equal(severityName(d), 'hint');
    assert.equal(
      d.message,
      "Personal data goes to Canada, outside the United States: check what your own law requires of the contract for it (US state privacy laws such as the CCPA's service-provider contracts, and HIPAA for health data).",
    );
    // With no currency that places the buyer, the EU decision's limits are the hint, as before.
    assert.equal(
      one(fullWith([eu, '  data_location: [USA, Canada]\n'], ['  currency: EUR\n', '  currency: XYZ\n'])).message,
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

describe('readLocation and readLocations', () => {
  it('places a whole value under GDPR Chapter V', () => {
    assert.deepEqual(readLocation(' Germany '), { written: 'Germany', code: 'DE', name: 'Germany', standing: 'eea' });
    assert.deepEqual(readLocation('uk'), { written: 'uk', code: 'GB', name: 'United Kingdom', standing: 'adequate' });
    assert.equal(readLocation('USA').partial, 'organisations certified under the EU-US Data Privacy Framework');
    assert.equal(readLocation('in').standing, 'third-country');
    assert.deepEqual(readLocation('ZZ'), { written: 'ZZ', standing: 'unrecognised' });
  });

  it('reads each place a value names in words', () => {
    const codes = (text: string) => readLocations(text).map((r) => r.code ?? `?${r.written}`);
    assert.deepEqual(codes('eu-west-1'), ['IE']);
    assert.deepEqual(codes('EU (AWS Frankfurt) with backups in the UK'), ['EU', 'DE', 'GB']);
    assert.deepEqual(codes('Azure West Europe (Amsterdam)'), ['NL']);
    assert.deepEqual(codes('GCP europe-west4 (Eemshaven)'), ['NL']);
    assert.deepEqual(codes('eu-central-2 (Zurich)'), ['CH']);
    assert.deepEqual(codes('Bosnia and Herzegovina'), ['BA']);
    assert.deepEqual(codes('the Netherlands and Belgium'), ['NL', 'BE']);
    // Capital words that are codes but mean something else are not read as countries.
    assert.deepEqual(codes('IT support from Poland'), ['PL']);
    assert.deepEqual(codes('Aurora PostgreSQL in eu-central-1'), ['DE']);
    assert.deepEqual(codes('New Jersey'), ['?New Jersey']);
    assert.deepEqual(codes("vendor's data centre"), ["?vendor's data centre"]);
  });
});

describe('personal data read from the categories', () => {
  it('does not count a category that says there is none, for this rule as for the others', () => {
    for (const none of ['[none]', '[N/A]', '["No personal data"]', '["-"]']) {
      const text = fullWith(
        [eu, ''],
        ['  personal_data: true\n', '  personal_data: false\n'],
        ['  personal_data_categories: [contact details, billing address, invoice history]\n', `  personal_data_categories: ${none}\n`],
      );
      assert.deepEqual(checkRule(ruleId, text), [], none);
    }
    const some = fullWith(
      [eu, ''],
      ['  personal_data: true\n', '  personal_data: false\n'],
      [
        '  personal_data_categories: [contact details, billing address, invoice history]\n',
        '  personal_data_categories: [none, customer emails]\n',
      ],
    );
    assert.equal(one(some).range.start.line, 31);
  });

  it('reads the adjectives leads write as their country', () => {
    assert.deepEqual(checkRule(ruleId, fullWith([eu, '  data_location: [German data centres, Irish entity]\n'])), []);
    assert.match(one(fullWith([eu, '  data_location: [German hosting, Indian delivery centre]\n'])).message, /personal data in India:/);
  });
});

describe('security-data-location-missing: safeguards, the buyer’s own premises and sub-processors in the words leads write', () => {
  const india = (basis: string) => fullWith([eu, `  data_location: [Germany, India]\n  transfer_basis: ${basis}\n`]);

  it('reads a transfer basis written in words as the basis it names (the schema reports the enum)', () => {
    for (const basis of [
      'EU SCCs (2021) and the UK IDTA',
      'Standard Contractual Clauses (module 2)',
      'IDTA',
      'Binding Corporate Rules approved by the Dutch DPA',
      'Art. 49 explicit consent',
    ]) {
      assert.deepEqual(checkRule(ruleId, india(basis)), [], basis);
      assert.ok(
        analyzeText(india(basis)).diagnostics.some((d) => d.code === 'schema/enum'),
        basis,
      );
    }
    // The Data Privacy Framework is the US adequacy decision: it covers the US, not India.
    assert.deepEqual(
      checkRule(ruleId, fullWith([eu, '  data_location: [Germany, US]\n  transfer_basis: EU-US Data Privacy Framework (certified)\n'])),
      [],
    );
    const d = one(india('EU-US Data Privacy Framework (certified)'));
    assert.equal(
      d.message,
      '`transfer_basis: adequacy` does not cover India: it is outside the EU/EEA with no EU adequacy decision (GDPR Art. 44-49).',
    );
    assert.equal(d.range.start.line, 38);
  });

  it('does not take safeguards still to come for a basis, and says how the value was read', () => {
    const text = india('SCCs to be signed before go-live');
    const d = one(text);
    assert.equal(
      d.message,
      'No transfer basis is recorded for personal data in India: it is outside the EU/EEA with no EU adequacy decision (GDPR Art. 44-49).',
    );
    assert.deepEqual(d.range, { start: { line: 37, character: 2 }, end: { line: 37, character: 15 } });
    assert.ok(
      factsOf(d)?.includes(
        '`transfer_basis` "SCCs to be signed before go-live" is none of adequacy, sccs, bcrs, derogation, so it is read as no basis.',
      ),
      JSON.stringify(factsOf(d)),
    );
    assert.equal(one(fullWith([eu, '  data_location: ["India (no SCCs yet)"]\n'])).range.start.line, 37);
  });

  it('takes a safeguard named in a location, or in the protections, as covering it', () => {
    assert.deepEqual(checkRule(ruleId, fullWith([eu, '  data_location: [Germany, "Pune, India, under the EU SCCs (2021/914)"]\n'])), []);
    assert.deepEqual(
      checkRule(
        ruleId,
        fullWith(
          [eu, '  data_location: [Germany, India]\n'],
          [
            '    - Annual third-party penetration test\n',
            '    - Annual third-party penetration test\n    - EU Standard Contractual Clauses signed with the Indian affiliate\n',
          ],
        ),
      ),
      [],
    );
    // Only the value that names the safeguard is covered by it.
    const d = one(fullWith([eu, '  data_location: ["Pune, India, under the EU SCCs", Brazil]\n']));
    assert.equal(
      d.message,
      'No transfer basis is recorded for personal data in Brazil: it is outside the EU/EEA with no EU adequacy decision (GDPR Art. 44-49).',
    );
  });

  it('takes a safeguard named with a sub-processor for the countries it names, and SCCs recorded in the DPA', () => {
    const sub = (list: string) => ['list: ["AWS (eu-west-1)"]', `list: ${list}`] as const;
    const text = (locations: string, list: string) => fullWith([eu, `  data_location: ${locations}\n`], sub(list));
    assert.deepEqual(checkRule(ruleId, text('[Germany, India]', '["Infosys BPM (Pune, India) under EU SCCs"]')), []);
    assert.equal(
      one(text('[Germany, India, Brazil]', '["Infosys BPM (Pune, India) under EU SCCs"]')).message,
      'No transfer basis is recorded for personal data in Brazil: it is outside the EU/EEA with no EU adequacy decision (GDPR Art. 44-49).',
    );
    const dpa = (fields: string) =>
      fullWith(
        [eu, '  data_location: [Germany, India]\n'],
        ['  dpa: { signed: true, date: 2027-02-01 }', `  dpa: { signed: true, date: 2027-02-01, ${fields} }`],
      );
    assert.deepEqual(checkRule(ruleId, dpa('sccs: true')), []);
    assert.deepEqual(checkRule(ruleId, dpa('transfers: "EU SCCs, module 2, with a transfer impact assessment"')), []);
    assert.equal(one(dpa('sccs: false')).range.start.line, 37);
    // Adequacy in words covers only a country that has a decision.
    assert.equal(one(fullWith([eu, '  data_location: ["India (adequacy)"]\n'])).range.start.line, 37);
  });

  it('reads the buyer’s own premises or tenant as no transfer, and still reads where the vendor reaches it from', () => {
    for (const place of [
      "On the client's own premises",
      'Client-hosted',
      'Hosted in our own data centre',
      'On-premises',
      "Customer's own Azure tenant",
    ]) {
      assert.deepEqual(checkRule(ruleId, fullWith([eu, `  data_location: ["${place}"]\n`])), [], place);
    }
    assert.deepEqual(
      readLocations("On the client's own premises (our server room)").map((r) => [r.code, r.standing, r.written]),
      [['OWN', 'own', "the client's own premises"]],
    );
    const d = one(fullWith([eu, `  data_location: ["Client's premises, with remote support from India"]\n`]));
    assert.equal(
      d.message,
      'No transfer basis is recorded for personal data in India: it is outside the EU/EEA with no EU adequacy decision (GDPR Art. 44-49).',
    );
    // The vendor's premises are not the buyer's.
    for (const place of ["Our vendor's data centre", "On-premises at the vendor's site"]) {
      assert.match(one(fullWith([eu, `  data_location: ["${place}"]\n`])).message, /could not be read as a country/, place);
    }
  });

  it('gives a hint, not a warning, when only the sub-processor list names places, all inside the EU/EEA', () => {
    const text = fullWith([eu, ''], ['list: ["AWS (eu-west-1)"]', 'list: ["AWS (eu-west-1)", "Mailjet (France)"]']);
    const d = one(text);
    assert.equal(severityName(d), 'hint');
    assert.equal(
      d.message,
      "Data locations are named only in the sub-processor list (Ireland and France): write them in `data_location`, with where the vendor's own staff work.",
    );
    assert.deepEqual(d.range, { start: { line: 31, character: 0 }, end: { line: 31, character: 8 } });
    for (const list of ['list: ["AWS (us-east-1)"]', 'list: ["AWS (eu-west-1)", Zendesk]']) {
      const w = one(fullWith([eu, ''], ['list: ["AWS (eu-west-1)"]', list]));
      assert.equal(severityName(w), 'warning', list);
      assert.match(w.message, /^The scope does not say where personal data will be processed/, list);
    }
  });

  it('reads English names of cities that the city table spells in the local form', () => {
    const codes = (text: string) => readLocations(text).map((r) => r.code ?? `?${r.written}`);
    assert.deepEqual(codes('DATEV data centre in Nuremberg'), ['DE']);
    assert.deepEqual(codes('Gothenburg and Antwerp'), ['SE', 'BE']);
    assert.deepEqual(codes('support desk in Bangalore'), ['IN']);
    assert.equal(
      one(fullWith([eu, '  data_location: [Germany, support desk in Bangalore]\n'])).message,
      'No transfer basis is recorded for personal data in India: it is outside the EU/EEA with no EU adequacy decision (GDPR Art. 44-49).',
    );
  });

  it('names one long unread location in the message, not a count of one', () => {
    const d = one(fullWith([eu, '  data_location: ["Hosted by the sub-processor Hetzner in Falkenstein"]\n']));
    assert.equal(
      d.message,
      'No transfer basis is recorded for personal data in "Hosted by the sub-processor H…": it could not be read as a country and is treated as possibly outside the EU/EEA (GDPR Art. 44-49).',
    );
  });
});
