// security-data-location-missing on the words leads write when the vendor moves no personal data:
// the client hosts it ("hosted in the client's own Azure tenant", "the client hosts all data"), the
// vendor never receives it ("no access to production or personal data", "test data only,
// anonymised"), safeguards named by their decision or article, and denied or sited "offshore".
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { noVendorAccess, ownPremises, readLocations, transferBasisIn } from '../../server/src/service/dataLocation';
import { analyzeText, factsOf, severityName } from '../support/analyze';
import { fullWith } from '../support/ruleCheck';

const ruleId = 'security-data-location-missing';
const eu = '  data_location: [EU]\n';
const subprocessors = '  subprocessors: { allowed: true, approval_required: true, list: ["AWS (eu-west-1)"] }\n';
const noSubprocessors = '  subprocessors: { allowed: false, approval_required: true, list: [] }\n';
const protection = '    - TLS 1.2+ in transit, AES-256 at rest\n';
const assumption = '  - Our team answers vendor questions within 2 business days.\n';
const india =
  'No transfer basis is recorded for personal data in India: it is outside the EU/EEA with no EU adequacy decision (GDPR Art. 44-49).';

function findings(text: string) {
  return analyzeText(text)
    .diagnostics.filter((d) => d.code === ruleId)
    .map((d) => ({ ...d, message: typeof d.message === 'string' ? d.message : d.message.value }));
}

function one(text: string) {
  const found = findings(text);
  assert.equal(found.length, 1, `expected one ${ruleId}, got ${found.map((d) => d.message).join(' | ')}`);
  const [d] = found;
  assert.ok(d);
  return d;
}

const at = (location: string) => fullWith([eu, `  data_location: [${JSON.stringify(location)}]\n`]);

describe('security-data-location-missing: the client hosts the data', () => {
  it('reads a data_location that says the client hosts the data as no transfer', () => {
    for (const place of [
      "Hosted in the client's own Azure tenant",
      "The client hosts all data; the vendor works through the client's VDI",
      'Hosted by the client',
      "In the client's M365 tenant",
      "Client's own SharePoint",
      'Hosted by Acme (client) in its own data centre',
      "Client's AWS account, eu-central-1",
      'Hosted by the client; vendor access from Romania via VDI',
    ]) {
      assert.deepEqual(findings(at(place)), [], place);
    }
    assert.equal(ownPremises('The client hosts all data'), 'The client hosts');
    assert.equal(ownPremises('Hosted by the client'), 'Hosted by the client');
  });

  it('still reads where the vendor reaches the client’s tenant from, and the vendor’s own hosting', () => {
    const d = one(at("Client's own Azure tenant; vendor accesses via VDI from India"));
    assert.equal(d.message, india);
    assert.deepEqual(d.range, { start: { line: 37, character: 2 }, end: { line: 37, character: 15 } });
    assert.equal(ownPremises('Not hosted by the client: the vendor runs it'), undefined);
    assert.equal(ownPremises("Hosted by the vendor's partner"), undefined);
    assert.equal(
      one(at('Not hosted by the client')).message,
      'No transfer basis is recorded for personal data in "Not hosted by the client": it could not be read as a country and is treated as possibly outside the EU/EEA (GDPR Art. 44-49).',
    );
  });
});

describe('security-data-location-missing: the vendor never receives the personal data', () => {
  it('reads a data_location that says the vendor has no access, or gets only anonymised or synthetic data, as no transfer', () => {
    for (const place of [
      'Vendor staff have no access to production or personal data',
      'N/A - vendor has no access to personal data',
      'test data only, anonymised',
      'Anonymised test data only',
      'Synthetic data only; no production data is shared with the vendor',
    ]) {
      assert.deepEqual(findings(at(place)), [], place);
    }
    assert.equal(noVendorAccess('Vendor staff have no access to production or personal data.'), 'no access to production or personal data');
    assert.equal(noVendorAccess('test data only, anonymised'), 'test data only, anonymised');
  });

  it('does not take a hedge, a plan or pseudonymised data for no access, and reads a place beside it', () => {
    for (const words of [
      'Anonymised test data where possible',
      'Test data only, anonymised unless a defect needs production records',
      'Pseudonymised test data',
      'Synthetic data to be confirmed',
      'No access to production data except during cut-over',
    ]) {
      assert.equal(noVendorAccess(words), undefined, words);
    }
    assert.equal(
      one(at('Anonymised test data where possible')).message,
      'No transfer basis is recorded for personal data in "Anonymised test data where possible": it could not be read as a country and is treated as possibly outside the EU/EEA (GDPR Art. 44-49).',
    );
    // Data stored by the vendor in a third country may still be the personal data.
    assert.equal(one(at('India; vendor staff have no access to personal data')).message, india);
  });
});

describe('security-data-location-missing: no data_location, but the scope says no data leaves the client', () => {
  const hint =
    "No personal data appears to leave the client's hands: `security.protections[1]` says \"Solution hosted in the client's own Azure tenant; the vendo…\"; still write where the data is, and where the vendor's staff work, in `data_location`.";

  it('gives a hint, not a warning, for a statement in the protections or the assumptions', () => {
    const text = fullWith(
      [eu, ''],
      [subprocessors, noSubprocessors],
      [protection, `${protection}    - Solution hosted in the client's own Azure tenant; the vendor manages no infrastructure.\n`],
    );
    const d = one(text);
    assert.equal(severityName(d), 'hint');
    assert.equal(d.message, hint);
    assert.deepEqual(d.range, { start: { line: 31, character: 0 }, end: { line: 31, character: 8 } });
    const inAssumptions = one(
      fullWith(
        [eu, ''],
        [subprocessors, noSubprocessors],
        [assumption, `${assumption}  - Test data only, anonymised; no production data leaves the client.\n`],
      ),
    );
    assert.equal(severityName(inAssumptions), 'hint');
    assert.equal(
      inAssumptions.message,
      'No personal data appears to leave the client\'s hands: `assumptions[2]` says "Test data only, anonymised; no production data leaves the c…"; still write where the data is, and where the vendor\'s staff work, in `data_location`.',
    );
  });

  it('keeps the warning when the scope also names a place outside the EU/EEA, or says nothing of the kind', () => {
    const statement = `${protection}    - "Vendor staff have no access to production or personal data."\n`;
    for (const list of ['list: ["Zendesk (US)"]', 'list: ["Offshore support partner"]', 'list: ["Infosys (Pune, India)"]']) {
      const d = one(
        fullWith(
          [eu, ''],
          [subprocessors, `  subprocessors: { allowed: true, approval_required: true, ${list} }\n`],
          [protection, statement],
        ),
      );
      assert.equal(severityName(d), 'warning', list);
      assert.equal(
        d.message,
        'The scope does not say where personal data will be processed: set `data_location`, or a transfer outside the EU/EEA goes unchecked (GDPR Art. 44-49).',
      );
    }
    // `production_access: none` alone is not a statement about the personal data (extracts, test copies).
    assert.equal(severityName(one(fullWith([eu, ''], [subprocessors, noSubprocessors]))), 'warning');
    // A blank key is a placeholder left to fill in: still the warning.
    assert.equal(severityName(one(fullWith([eu, '  data_location: [""]\n'], [protection, statement]))), 'warning');
  });
});

describe('security-data-location-missing: transfer bases by decision or article, and "offshore" as written', () => {
  it('reads the SCCs by their decision number and article, BCRs by Art. 47 and the DPF by its decision', () => {
    assert.deepEqual(transferBasisIn('Commission Implementing Decision (EU) 2021/914'), {
      basis: 'sccs',
      written: 'Decision (EU) 2021/914',
    });
    assert.deepEqual(transferBasisIn('GDPR Art. 46(2)(c)'), { basis: 'sccs', written: 'Art. 46(2)(c)' });
    assert.deepEqual(transferBasisIn('Article 47 GDPR'), { basis: 'bcrs', written: 'Article 47' });
    assert.deepEqual(transferBasisIn('Decision (EU) 2023/1795'), { basis: 'adequacy', written: '2023/1795' });
    for (const basis of ['"Commission Decision 2021/914"', '"Art. 46 GDPR safeguards"', '"BCRs under Art. 47"']) {
      assert.deepEqual(findings(fullWith([eu, `  data_location: [India]\n  transfer_basis: ${basis}\n`])), [], basis);
    }
    assert.equal(one(fullWith([eu, '  data_location: [India]\n  transfer_basis: "2021/914 SCCs to be signed"\n'])).message, india);
  });

  it('reads "no offshore" as a boundary kept, and nearshore beside a place as that place', () => {
    for (const place of [
      'EEA, no offshore access',
      'EU only - no offshore',
      'Lisbon, Portugal; Porto nearshore centre',
      'Germany; nearshore team in Bucharest',
    ]) {
      assert.deepEqual(findings(at(place)), [], place);
    }
    assert.deepEqual(
      readLocations('Porto nearshore centre').map((r) => [r.code, r.standing]),
      [['PT', 'eea']],
    );
    const d = one(at('EU; offshore team with no production access'));
    assert.equal(
      d.message,
      'No transfer basis is recorded for personal data in "offshore": it could not be read as a country and is treated as possibly outside the EU/EEA (GDPR Art. 44-49).',
    );
    assert.equal(
      one(at('Germany; nearshore team')).message,
      'No transfer basis is recorded for personal data in "nearshore": it could not be read as a country and is treated as possibly outside the EU/EEA (GDPR Art. 44-49).',
    );
  });
});

describe('security-data-location-missing: locations written under another key or shape, and a buyer at home', () => {
  it('reads a key by another name as data_location, at that key', () => {
    const d = one(fullWith([eu, '  data_residency: "Germany; support desk in Manila"\n']));
    assert.equal(
      d.message,
      'No transfer basis is recorded for personal data in Philippines: it is outside the EU/EEA with no EU adequacy decision (GDPR Art. 44-49).',
    );
    assert.deepEqual(d.range, { start: { line: 37, character: 2 }, end: { line: 37, character: 16 } });
    for (const written of ['  data_residency: EU\n', '  hosting_location: Frankfurt\n', '  hosting: "Azure West Europe"\n']) {
      assert.deepEqual(findings(fullWith([eu, written])), [], written);
    }
  });

  it('gives a hint for a buyer outside Europe whose data stays in the country of its currency', () => {
    const d = one(fullWith([eu, '  data_location: ["Sydney (AWS ap-southeast-2)"]\n'], ['  currency: EUR\n', '  currency: AUD\n']));
    assert.equal(severityName(d), 'hint');
    assert.equal(
      d.message,
      "Personal data is kept in Australia, the country of the budget's currency (AUD): no transfer abroad is in sight; check your own law (Australia's Privacy Act 1988, APP 8 on cross-border disclosure), and record where the vendor's staff work.",
    );
    assert.deepEqual(d.range, { start: { line: 37, character: 2 }, end: { line: 37, character: 15 } });
    // Elsewhere than home, or with a tie to European law, it is a warning as before.
    assert.equal(
      severityName(one(fullWith([eu, '  data_location: [Australia, India]\n'], ['  currency: EUR\n', '  currency: AUD\n']))),
      'warning',
    );
    assert.equal(severityName(one(fullWith([eu, '  data_location: [Australia]\n']))), 'warning');
    assert.equal(
      severityName(one(fullWith([eu, '  data_location: [Germany, Australia]\n'], ['  currency: EUR\n', '  currency: AUD\n']))),
      'warning',
    );
  });

  it('reads denials in the words leads write, and keeps masked copies and a denied environment as unread', () => {
    for (const words of [
      'The vendor will not process personal data',
      'Supplier staff never see live customer data',
      'Production data is not shared with the vendor',
      "Remote access via the client's VPN only; data never leaves the client's data centre",
    ]) {
      assert.notEqual(noVendorAccess(words, true), undefined, words);
      assert.deepEqual(findings(at(words)), [], words);
    }
    // A bare "anonymised test data" outside data_location is a control beside production access, not a denial of it.
    assert.equal(noVendorAccess('Test environments use anonymised data', true), undefined);
    assert.equal(noVendorAccess('Test environments use anonymised data'), 'anonymised data');
    assert.equal(noVendorAccess("Data leaves the client's network for the vendor's cloud"), undefined);
    assert.match(one(at('Vendor works on masked copies only')).message, /could not be read as a country/);
  });
});

describe('security-data-location-missing: a buyer outside Europe is cited its own law, not GDPR', () => {
  const aud = ['  currency: EUR\n', '  currency: AUD\n'] as const;
  it('names the place abroad, not the buyer’s own country, and cites the Privacy Act 1988 (APP 8)', () => {
    const d = one(fullWith([eu, '  data_location: ["AWS Sydney (ap-southeast-2)", Level 2 support from Manila]\n'], aud));
    assert.equal(severityName(d), 'warning');
    assert.equal(
      d.message,
      "No transfer safeguard is recorded for personal data in Philippines, outside Australia; see Australia's Privacy Act 1988, APP 8 on cross-border disclosure.",
    );
    assert.deepEqual(d.range, { start: { line: 37, character: 2 }, end: { line: 37, character: 15 } });
    const [raw] = analyzeText(
      fullWith([eu, '  data_location: ["AWS Sydney (ap-southeast-2)", Level 2 support from Manila]\n'], aud),
    ).diagnostics.filter((x) => x.code === ruleId);
    assert.equal(
      factsOf(raw)?.[0],
      "The buyer is read as being in Australia from the budget's currency (AUD), and nothing ties the data to European law, so GDPR Chapter V does not apply.",
    );
  });

  it('cites each buyer’s law by its currency, and the GDPR again when the data is also in the EU', () => {
    for (const [currency, law] of [
      ['INR', "India's Digital Personal Data Protection Act 2023, s. 16 on processing outside India"],
      ['CAD', "Canada's PIPEDA, Principle 4.1.3 on information transferred for processing"],
      ['BRL', "Brazil's LGPD, Art. 33 on international transfers"],
      ['JPY', "Japan's APPI, Art. 28 on provision to a third party in a foreign country"],
    ] as const) {
      const d = one(fullWith([eu, '  data_location: [Vietnam]\n'], ['  currency: EUR\n', `  currency: ${currency}\n`]));
      assert.ok(d.message.endsWith(`; see ${law}.`), d.message);
    }
    assert.equal(
      one(fullWith([eu, '  data_location: [Germany, Vietnam]\n'], aud)).message,
      'No transfer basis is recorded for personal data in Vietnam: it is outside the EU/EEA with no EU adequacy decision (GDPR Art. 44-49).',
    );
  });

  it('asks a buyer outside Europe for the location under its own law', () => {
    const d = one(
      fullWith([eu, ''], aud, ['  subprocessors: { allowed: true, approval_required: true, list: ["AWS (eu-west-1)"] }\n', '']),
    );
    assert.equal(
      d.message,
      "The scope does not say where personal data will be processed: set `data_location`, or a transfer abroad goes unchecked (Australia's Privacy Act 1988, APP 8 on cross-border disclosure).",
    );
  });
});

describe('security-data-location-missing: a location written only in prose', () => {
  const noList = ['  subprocessors: { allowed: true, approval_required: true, list: ["AWS (eu-west-1)"] }\n', ''] as const;
  const background = (text: string) =>
    fullWith([eu, ''], noList, [
      '  name: Customer self-service portal rebuild\n',
      `  name: Customer self-service portal rebuild\n  background: ${text}\n`,
    ]);

  it('gives a hint when the background says the data is hosted in the UK, and names where', () => {
    const d = one(background('"Tenant data is hosted in Azure UK South (London), with DR in UK West; no data leaves the UK."'));
    assert.equal(severityName(d), 'hint');
    assert.equal(
      d.message,
      "Data locations are written only in prose (`project.background`: United Kingdom): write them in `data_location`, with where the vendor's staff work.",
    );
    assert.deepEqual(d.range, { start: { line: 32, character: 0 }, end: { line: 32, character: 8 } });
  });

  it('keeps the warning when the prose names a place that needs a transfer basis, or none that can be read', () => {
    for (const text of [
      '"Data is hosted in Frankfurt; support engineers in Pune have read access and data leaves for backups."',
      '"Data is stored offshore."',
    ]) {
      const d = one(background(text));
      assert.equal(severityName(d), 'warning', text);
      assert.ok(d.message.startsWith('The scope does not say where personal data will be processed'), d.message);
    }
  });
});
