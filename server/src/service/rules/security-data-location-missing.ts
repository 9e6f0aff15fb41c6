// security-data-location-missing: Personal data with no location or no transfer basis.
// Personal data and `security.data_location` absent, or naming a place outside the EU/EEA without
// an EU adequacy decision (or not recognised as a country) while `security.transfer_basis` is absent;
// also the United States for personal data under European law, since its adequacy decision covers
// only organisations certified under the EU-US Data Privacy Framework.
import {
  europeanTie,
  hostedByBuyer,
  noVendorAccess,
  readLocations,
  transferBasisIn,
  uniqueByCode,
  type LocationReading,
} from '../dataLocation';
import { canonicalEnum, hasPersonalData, isAbsent, isRecord, setKeyOp, shortText, valueAt } from '../model';
import type { Finding, Fix, Path, Rule } from '../types';
import { sources } from '../sources';

const ruleId = 'security-data-location-missing';
export const transferBases = ['adequacy', 'sccs', 'bcrs', 'derogation'] as const;

export const rule: Rule = {
  id: ruleId,
  category: 'security',
  severity: 'warning',
  fixes: ['unsafe', 'display-only'],
  title: 'Personal data with no location or no transfer basis',
  explanation: `The vendor will process personal data, but the scope does not say where, or it names a place outside the EU/EEA with no legal basis for sending the data there. Under GDPR Chapter V (Art. 44-49), personal data may leave the EU/EEA only to a country with an EU adequacy decision (Art. 45), or under appropriate safeguards such as the European Commission's standard contractual clauses (Art. 46(2)(c)) or binding corporate rules (Art. 47); the derogations of Art. 49 (explicit consent, for example) are for occasional transfers, not a vendor's routine processing. A processor contract must cover transfers to third countries (Art. 28(3)(a)), and DORA Art. 30(2)(b) requires the locations where data is processed. Without them, an offshore team or a support desk abroad can move your customers' data out of the protection you are accountable for, a security threat that the transfer rules make a legal one.

Locations are read as people write them: ISO 3166-1 codes (\`DE\`, \`DEU\`) or English country names (\`Germany\`, \`United States\`, \`UK\`), in any case, and \`EU\`/\`EEA\`; the public cloud regions of AWS, Google Cloud and Azure (\`eu-west-2 (London)\`, \`GCP europe-west4\`, \`Azure West Europe (Amsterdam)\`, each read as the country it is in: eu-west-2 is the United Kingdom and eu-central-2 Switzerland, both outside the EEA with an adequacy decision); cities of at least 50,000 people, by their local or English names (\`hosted in Frankfurt\`, \`Dublin data centre\`, \`Nürnberg\` or \`Nuremberg\`; a name shared by several cities is read as the most populous, and the hover says so); and values in words that name several places (\`Germany, with support access from India\`: support access from a third country is a transfer). Words that name no country (\`offshore\`, \`worldwide\`, \`Asia\`, \`Europe\` on its own) and a value in which no place can be read are treated as possibly outside the EU/EEA, and the message says so. The countries with an adequacy decision are those the European Commission lists; for the United States it covers only organisations certified under the EU-US Data Privacy Framework, and for Canada only commercial organisations subject to PIPEDA, so check the vendor qualifies before writing \`transfer_basis: adequacy\`.

Safeguards are read as leads write them. A \`transfer_basis\` in words ("EU SCCs (2021) and the UK IDTA", "Standard Contractual Clauses", "Binding Corporate Rules", "EU-US Data Privacy Framework", "Art. 49 explicit consent") counts as the basis it names, and the schema reports that it is not one of the four values; so does a safeguard written in \`protections\` or recorded in the signed DPA (\`dpa: { signed: true, sccs: true }\`), or in a location's own words ("Pune, India, under the EU SCCs") or a sub-processor entry ("Infosys BPM (Pune, India) under EU SCCs"), which covers the countries it names. Safeguards still to come ("SCCs to be signed", "no SCCs yet", "pending") do not count. The buyer's own premises or cloud tenant ("on the client's own premises", "client-hosted", "our own data centre", "the customer's Azure tenant", "hosted by the client", "the client hosts all data; the vendor works through the client's VDI") are not a transfer by the vendor, while where the vendor's staff reach them from is read beside them ("with remote support from India"); nor is a value that says the vendor never receives the personal data ("vendor staff have no access to production or personal data", "test data only, anonymised"; pseudonymised or masked data is still personal data, GDPR Recital 26, and "where possible" is no promise). With no \`data_location\` at all, such a statement in the protections, the assumptions, the background or an exclusion gets a hint to write the location down, unless the scope also names a place outside the EU/EEA. A mapping (\`{ hosting: EU, support: India }\`) is read by its values, and a key by another name (\`data_residency\`, \`hosting_location\`) as \`data_location\`. Safeguards are also read by their decision or article: Decision (EU) 2021/914 or Art. 46 for the SCCs, Art. 47 for BCRs, Decision (EU) 2023/1795 for the Data Privacy Framework. With no \`data_location\` key at all, a sub-processor list whose every entry names a place inside the EU/EEA or with an adequacy decision ("AWS (eu-west-1)") gets a hint to write the locations down, not a warning. So does a sentence in the background, the security section or the assumptions that says where the data is kept ("Tenant data is hosted in Azure UK South, with DR in UK West; no data leaves the UK") when every place such sentences name is inside the EU/EEA or has an adequacy decision; one that names a third country, or words such as "offshore", keeps the warning.

The United States needs that check written down. Organisations join the Data Privacy Framework by certifying themselves, and most US companies have not, so when the personal data is under European data-protection law (a location in the EU/EEA, the UK or Switzerland, or a budget in a European currency such as EUR, GBP or SEK), \`US\` with no \`transfer_basis\` is reported like any third country. A US buyer's data kept in the US is no transfer under Chapter V and gets only a hint, and so is any buyer's data kept in the country of its budget's currency when nothing ties it to European law (\`Australia\` with a budget in AUD). Canada's decision covers every commercial organisation subject to PIPEDA, which a commercial vendor is by law, so Canada gets the hint only.

A buyer outside Europe is not under GDPR Chapter V, so for one whose budget is in its own currency (AUD, INR, CAD, BRL, JPY, USD and others) with nothing tying the data to European law, the rule cites the buyer's own law instead: its own country is no transfer, a place abroad with no safeguard written gets the warning, citing Australia's Privacy Act 1988 (APP 8), India's DPDP Act 2023 (s. 16), Canada's PIPEDA (Principle 4.1.3), Brazil's LGPD (Art. 33), Japan's APPI (Art. 28), New Zealand's Privacy Act 2020 (IPP 12), Singapore's PDPA (s. 26), South Africa's POPIA (s. 72), or for a US buyer the state privacy laws and HIPAA, and neutral words for any other; a place abroad with an EU adequacy decision, which does not bind the buyer's law either way, gets a hint to check what that law asks of the contract.`,
  areas: ['security'],
  remedy:
    'Write where the vendor stores or accesses the data in `security.data_location` (countries, or `EU`). For a country outside the EU/EEA without an adequacy decision, sign standard contractual clauses (or rely on approved binding corporate rules) with a transfer impact assessment, and record it as `transfer_basis: sccs` (or `bcrs`). The quick fixes insert `data_location: [""]` to fill in, or `transfer_basis: sccs` to confirm.',
  sources: [sources.gdprChapterV, sources.adequacyDecisions, sources.sccs, sources.gdprArt28, sources.doraArt30],
  check(doc) {
    const root = doc.value;
    const security = valueAt(root, ['security']);
    if (!isRecord(security) || !hasPersonalData(root)) return [];
    // Locations under a key the schema does not know ("data_residency", "hosting_location") are read
    // as `data_location`, at that key: the schema reports the name, this rule what it says.
    const key = Object.prototype.hasOwnProperty.call(security, 'data_location')
      ? 'data_location'
      : (locationKeyOf(security) ?? 'data_location');
    const at: Path = ['security', key];
    const written = security[key];
    // A number is the schema's type error; a single text is read as one location, and a mapping
    // (`{ hosting: EU, support: India }`) by its values: the schema reports the shape, not where the data goes.
    if (!isAbsent(written) && !Array.isArray(written) && typeof written !== 'string' && !isRecord(written)) return [];
    const items: readonly unknown[] = isRecord(written)
      ? Object.values(written).flatMap((v: unknown): unknown[] => (Array.isArray(v) ? (v as unknown[]) : [v]))
      : Array.isArray(written)
        ? (written as unknown[])
        : [written];
    const texts = items.filter((item): item is string => typeof item === 'string' && item.trim() !== '');
    if (texts.length === 0) {
      // No `data_location` key, but the sub-processor list says where the data is hosted
      // ("AWS (eu-west-1)", "Hetzner (Germany)"): when every entry reads as a place inside the
      // EU/EEA or with an adequacy decision, a hint to write it down, not a warning.
      // A blank key (`data_location:`, `[""]`) is a placeholder left to fill in, still reported.
      const absentKey = !Object.prototype.hasOwnProperty.call(security, 'data_location');
      const fromSubprocessors = absentKey ? subprocessorPlaces(security.subprocessors) : undefined;
      if (
        fromSubprocessors !== undefined &&
        fromSubprocessors.every(
          (r) =>
            r.standing === 'eea' || r.standing === 'own' || r.standing === 'no-access' || (r.standing === 'adequate' && r.optIn !== true),
        )
      )
        return [
          writeItDown(
            root,
            `Data locations are named only in the sub-processor list (${placesOf(uniqueByCode(fromSubprocessors))}): write them in \`data_location\`, with where the vendor's own staff work.`,
          ),
        ];
      // No `data_location` key, but the scope says elsewhere that the buyer hosts the data or that
      // the vendor never receives it ("hosted in the client's own Azure tenant", "test data only,
      // anonymised"): no transfer by the vendor is in sight, so a hint to write it down. Not when
      // the same words name a place outside the EU/EEA ("via VDI from Pune").
      const statement = absentKey ? noTransferStatement(root) : undefined;
      if (statement !== undefined)
        return [
          writeItDown(
            root,
            `No personal data appears to leave the client's hands: \`${statement.path}\` says "${shortText(statement.text, 60)}"; still write where the data is, and where the vendor's staff work, in \`data_location\`.`,
          ),
        ];
      // No `data_location` key, but a sentence elsewhere says where the data is hosted ("Tenant data
      // is hosted in Azure UK South, with DR in UK West; no data leaves the UK"): when every place it
      // names is inside the EU/EEA or has an adequacy decision, a hint to write it down.
      const prose = absentKey ? residencyInProse(root) : undefined;
      if (prose !== undefined)
        return [
          writeItDown(
            root,
            `Data locations are written only in prose (\`${prose.path}\`: ${placesOf(uniqueByCode(prose.readings))}): write them in \`data_location\`, with where the vendor's staff work.`,
          ),
        ];
      const buyerHome =
        europeanTie([], valueAt(root, ['budget', 'currency'])) === undefined
          ? homeCountry(valueAt(root, ['budget', 'currency']))
          : undefined;
      return [
        {
          ruleId,
          path: ['security', 'data_location'],
          at: 'key',
          message:
            buyerHome !== undefined
              ? `The scope does not say where personal data will be processed: set \`data_location\`, or a transfer abroad goes unchecked (${lawOf(buyerHome.code)}).`
              : 'The scope does not say where personal data will be processed: set `data_location`, or a transfer outside the EU/EEA goes unchecked (GDPR Art. 44-49).',
          facts: [
            buyerHome !== undefined
              ? 'A security threat: personal data sent abroad needs a contract that binds the recipient to protect it as your own law requires.'
              : 'A security threat: data sent outside the EU/EEA needs an adequacy decision or safeguards such as standard contractual clauses (GDPR Art. 45-47).',
          ],
          fixes: [placeholderFix(root)],
        },
      ];
    }

    // A location whose own value names a safeguard ("India, under the EU SCCs") is covered by it, and
    // so is a country that a sub-processor entry names with one ("Infosys BPM (Pune, India), EU SCCs").
    // Adequacy in words ("DPF certified") covers only countries with an adequacy decision.
    const coveredBySubprocessor = subprocessorSafeguards(security.subprocessors);
    const everyReading = texts.flatMap((text) => {
      const named = transferBasisIn(text);
      return readLocations(text).map((r) => {
        const covered =
          named && (named.basis !== 'adequacy' || r.standing === 'adequate') ? named.written : coveredBySubprocessor.get(r.code ?? '');
        return covered !== undefined ? { ...r, coveredBy: covered } : r;
      });
    });
    const readings = uniqueByCode(everyReading);
    const uncovered = readings.filter((r) => r.coveredBy === undefined);
    const outside = uncovered.filter((r) => r.standing === 'third-country' || r.standing === 'unrecognised');
    const basisValue = security.transfer_basis;
    // `transfer_basis` in words ("EU Standard Contractual Clauses (2021)", "UK IDTA", "BCRs") means
    // that basis (the schema reports the enum); so does a safeguard named in the protections.
    const basis = canonicalEnum(basisValue, transferBases) ?? basisInWords(basisValue, security.protections, security.dpa);

    if (basis === 'sccs' || basis === 'bcrs' || basis === 'derogation') return [];
    if (basis === 'adequacy') {
      if (outside.length === 0) return [];
      return [
        {
          ruleId,
          path: ['security', 'transfer_basis'],
          message: `\`transfer_basis: adequacy\` does not cover ${placesOf(outside)}: ${outsideClause(outside)} (GDPR Art. 44-49).`,
          facts: [
            ...readFacts(outside, everyReading),
            ...unrecognisedFacts(outside),
            'Sign standard contractual clauses for it (`transfer_basis: sccs`), or use a location with an adequacy decision.',
          ],
        },
      ];
    }
    // The US decision covers only organisations on the Data Privacy Framework list: for personal
    // data under European law, "US" with no basis is a transfer nothing is known to cover.
    const tie = europeanTie(readings, valueAt(root, ['budget', 'currency']));
    // A buyer outside Europe (a budget in AUD, INR, USD...) with nothing tying the data to European
    // law: GDPR Chapter V does not apply. Its own country is no transfer; elsewhere is one under its
    // own law, which the finding cites; an EU adequacy decision means nothing to it.
    const local = tie === undefined ? homeCountry(valueAt(root, ['budget', 'currency'])) : undefined;
    if (local !== undefined && basis === undefined) return localFindings(root, readings, everyReading, local, at, basisValue);
    const uncertified = tie === undefined ? [] : uncovered.filter((r) => r.optIn === true);
    const needing = [...outside, ...uncertified];
    if (needing.length === 0) return partialAdequacyHints(readings, at);
    // A value that names no basis (`standard contract`) is the schema's enum error too; here it protects nothing.
    const unreadBasis = !isAbsent(basisValue)
      ? [
          `\`transfer_basis\` ${JSON.stringify(typeof basisValue === 'string' ? shortText(basisValue) : basisValue)} is none of adequacy, sccs, bcrs, derogation, so it is read as no basis.`,
        ]
      : [];
    // A buyer outside Europe keeping its data at home ("Australia" with a budget in AUD) makes no
    // transfer under GDPR Chapter V: a hint to check its own law, not a warning.
    const home = tie === undefined ? homeCountry(valueAt(root, ['budget', 'currency'])) : undefined;
    if (home !== undefined && needing.every((r) => r.code === home.code)) {
      const name = needing[0]?.name ?? home.code;
      return [
        {
          ruleId,
          path: at,
          at: 'key',
          severity: 'hint',
          message: `Personal data is kept in ${name}, the country of the budget's currency (${home.currency}): no transfer out of the EU/EEA is in sight; check your own data-protection law, and record where the vendor's staff work.`,
        },
      ];
    }
    const finding: Finding = {
      ruleId,
      path: at,
      at: 'key',
      message: noBasisMessage(needing),
      facts: [
        ...readFacts(needing, everyReading),
        ...unrecognisedFacts(outside),
        ...uncertified.map(
          (r) =>
            `The EU adequacy decision for ${r.name ?? r.written} covers only ${r.partial ?? ''}, and the scope does not say the vendor is one; ${tie ?? ''}. Check the vendor on the framework's list and record \`transfer_basis: adequacy\`, or sign standard contractual clauses.`,
        ),
        ...unreadBasis,
        'A security threat: outside the EU/EEA the data needs an adequacy decision or safeguards such as standard contractual clauses (GDPR Art. 45-47).',
      ],
      fixes: [
        {
          title: 'Record standard contractual clauses as the transfer basis (`transfer_basis: sccs`)',
          ops: [setKeyOp(root, ['security'], 'transfer_basis', 'sccs')],
          preferred: true,
          // It records a safeguard that a person must confirm is signed.
          applicability: 'unsafe',
        },
        ...(outside.length === 0
          ? [
              {
                title: 'Record that the vendor is certified under the EU-US Data Privacy Framework (`transfer_basis: adequacy`)',
                ops: [setKeyOp(root, ['security'], 'transfer_basis', 'adequacy')],
                // A certification a person must check on the framework's list.
                applicability: 'unsafe' as const,
              },
            ]
          : []),
      ],
    };
    return [finding];
  },
};

/** A key under `security` that holds locations by another name: `data_residency`, `hosting_location`, `data_locations`, `hosting`, `data_centre`. */
function locationKeyOf(security: Readonly<Record<string, unknown>>): string | undefined {
  return Object.keys(security).find(
    (key) =>
      key !== 'data_location' &&
      /^(?:data_?(?:locations?|residency|cent(?:re|er)s?|region)|hosting(?:_?(?:locations?|region|country))?|locations?|region|residency)$/i.test(
        key.replace(/[-\s]/g, '_'),
      ),
  );
}

/** The budget currencies of countries outside Europe, to the country: a buyer there keeping its data at home. */
const currencyCountries: Readonly<Record<string, string>> = {
  AUD: 'AU', NZD: 'NZ', CAD: 'CA', INR: 'IN', SGD: 'SG', JPY: 'JP', KRW: 'KR', ZAR: 'ZA', BRL: 'BR', MXN: 'MX',
  HKD: 'HK', AED: 'AE', SAR: 'SA', ILS: 'IL', MYR: 'MY', PHP: 'PH', THB: 'TH', IDR: 'ID', CNY: 'CN', TRY: 'TR',
  ARS: 'AR', CLP: 'CL', COP: 'CO', NGN: 'NG', KES: 'KE', EGP: 'EG', QAR: 'QA', USD: 'US',
}; // prettier-ignore

/**
 * The law a buyer outside Europe answers to for personal data sent abroad, by the country of its
 * budget's currency: what a finding cites instead of GDPR Chapter V, which does not apply to it.
 */
const localLaws: Readonly<Record<string, string>> = {
  AU: "Australia's Privacy Act 1988, APP 8 on cross-border disclosure",
  IN: "India's Digital Personal Data Protection Act 2023, s. 16 on processing outside India",
  CA: "Canada's PIPEDA, Principle 4.1.3 on information transferred for processing",
  BR: "Brazil's LGPD, Art. 33 on international transfers",
  JP: "Japan's APPI, Art. 28 on provision to a third party in a foreign country",
  US: "US state privacy laws such as the CCPA's service-provider contracts, and HIPAA for health data",
  NZ: "New Zealand's Privacy Act 2020, IPP 12",
  SG: "Singapore's PDPA, s. 26 on transfers",
  ZA: "South Africa's POPIA, s. 72",
};
/** The buyer's law as a parenthesis for a message: a named law, or neutral words. */
function lawOf(code: string): string {
  return localLaws[code] ?? 'your own data-protection law';
}

function homeCountry(currency: unknown): { readonly code: string; readonly currency: string } | undefined {
  if (typeof currency !== 'string') return undefined;
  const upper = currency.trim().toUpperCase();
  const code = currencyCountries[upper];
  return code === undefined ? undefined : { code, currency: upper };
}

/**
 * The findings for a buyer outside Europe: a warning for places abroad that are not its own country
 * and that no safeguard in the same words covers, citing its own law; a hint when every place is at
 * home (or the buyer's premises), and a neutral hint for places abroad with an EU adequacy decision,
 * which does not bind the buyer's law either way.
 */
function localFindings(
  root: unknown,
  readings: readonly LocationReading[],
  every: readonly LocationReading[],
  home: { readonly code: string; readonly currency: string },
  at: Path,
  basisValue: unknown,
): Finding[] {
  const homeName = countryName(home.code);
  const abroad = readings.filter(
    (r) => r.coveredBy === undefined && r.code !== home.code && r.standing !== 'own' && r.standing !== 'no-access',
  );
  const needing = abroad.filter((r) => r.standing !== 'adequate' && r.standing !== 'eea');
  const law = lawOf(home.code);
  if (needing.length === 0) {
    if (abroad.length === 0)
      return [
        {
          ruleId,
          path: at,
          at: 'key',
          severity: 'hint',
          message: `Personal data is kept in ${homeName}, the country of the budget's currency (${home.currency}): no transfer abroad is in sight; check your own law (${law}), and record where the vendor's staff work.`,
        },
      ];
    return [
      {
        ruleId,
        path: at,
        at: 'key',
        severity: 'hint',
        message: `Personal data goes to ${placesOf(abroad)}, outside ${homeName}: check what your own law requires of the contract for it (${law}).`,
      },
    ];
  }
  const unreadBasis = !isAbsent(basisValue)
    ? [
        `\`transfer_basis\` ${JSON.stringify(typeof basisValue === 'string' ? shortText(basisValue) : basisValue)} is none of adequacy, sccs, bcrs, derogation, so it is read as no basis.`,
      ]
    : [];
  const unrecognised = needing.filter((r) => r.standing === 'unrecognised').length;
  const places = placesOf(needing, 30);
  const lead =
    unrecognised === needing.length
      ? `No transfer safeguard is recorded for personal data in ${places}`
      : `No transfer safeguard is recorded for personal data in ${places}, outside ${homeName}`;
  const shortLead =
    lead.length <= 88
      ? lead
      : `No transfer safeguard is recorded for personal data in ${needing.length === 1 ? 'a place' : `${needing.length} places`} outside ${homeName}`;
  const why =
    unrecognised === needing.length
      ? `: ${needing.length > 1 ? 'they could not be read as countries and are' : 'it could not be read as a country and is'} treated as possibly abroad`
      : '';
  return [
    {
      ruleId,
      path: at,
      at: 'key',
      message: `${shortLead}${why}; see ${law}.`,
      facts: [
        `The buyer is read as being in ${homeName} from the budget's currency (${home.currency}), and nothing ties the data to European law, so GDPR Chapter V does not apply.`,
        ...readFacts(needing, every),
        ...unrecognisedFacts(needing),
        ...unreadBasis,
        'A security threat: personal data sent abroad needs a contract that binds the recipient to protect it as your own law requires; record it as `transfer_basis: sccs` (contractual clauses) once it is signed.',
      ],
      fixes: [
        {
          title: 'Record contractual clauses as the transfer safeguard (`transfer_basis: sccs`)',
          ops: [setKeyOp(root, ['security'], 'transfer_basis', 'sccs')],
          preferred: true,
          applicability: 'unsafe',
        },
      ],
    },
  ];
}

/** A country's English name from its code, through a reading of the code. */
function countryName(code: string): string {
  if (code === 'US') return 'the United States';
  return readLocations(code)[0]?.name ?? code;
}

/** A sentence about where data is kept: hosted, stored, held, resides, "data residency", "no data leaves". */
const residencyWords =
  /\b(?:hosted|stored|kept|held|resides?|residency|located|replicated|backed\s+up|backups?|disaster\s+recovery|DR|data\s+(?:cent(?:re|er)s?|stays?|remains?)|(?:never\s+)?leaves?|processed)\b/;
/**
 * Where a sentence in the project's background, the security section or the assumptions says the data
 * is kept, when every place it and every other such sentence names is inside the EU/EEA or has an
 * adequacy decision that needs no opt-in: the first path and all the places. Undefined when no
 * sentence says it, or when any names a place that needs a transfer basis or cannot be read (fail safe).
 */
function residencyInProse(root: unknown): { readonly path: string; readonly readings: LocationReading[] } | undefined {
  const texts: { path: string; text: string }[] = [];
  const collect = (value: unknown, path: string, depth: number): void => {
    if (depth > 4 || texts.length > 200) return;
    if (typeof value === 'string') texts.push({ path, text: value });
    else if (Array.isArray(value)) value.forEach((item, i) => collect(item, `${path}[${i}]`, depth + 1));
    else if (isRecord(value))
      for (const [key, item] of Object.entries(value)) if (key !== 'subprocessors') collect(item, `${path}.${key}`, depth + 1);
  };
  collect(valueAt(root, ['project', 'background']), 'project.background', 3);
  collect(valueAt(root, ['security']), 'security', 0);
  collect(valueAt(root, ['assumptions']), 'assumptions', 0);
  let first: string | undefined;
  const readings: LocationReading[] = [];
  for (const { path, text } of texts) {
    if (text.length > 2000) continue;
    for (const sentence of text.split(/(?<=[.;!?])\s+|\n/)) {
      if (!residencyWords.test(sentence)) continue;
      const read = readLocations(sentence).filter((r) => !(r.standing === 'unrecognised' && r.vague === undefined));
      if (read.length === 0) continue;
      if (read.some((r) => !(r.standing === 'eea' || r.standing === 'own' || (r.standing === 'adequate' && r.optIn !== true))))
        return undefined;
      first ??= path;
      readings.push(...read);
    }
  }
  return first === undefined ? undefined : { path: first, readings };
}

/** An exclusion of the vendor's access to the personal data: "Access to production data", "Processing of personal data". */
const excludedAccess =
  /^\s*(?:any\s+)?(?:vendor\s+)?(?:access\s+to|processing\s+of|handling\s+of|copies\s+of|extracts?\s+(?:of|from))\s+(?:any\s+)?(?:the\s+)?(?:(?:client|customer)['’]s\s+)?(?:production|live|personal|customer|patient|employee)\s+(?:data|records|systems?|environments?)\b/i;

/**
 * A statement outside `data_location` that the buyer hosts the data or that the vendor never
 * receives it, in `security` (protections, access controls, notes), `assumptions`, the project's
 * background or an exclusion ("Access to production data"): its path and text. Undefined when there is none, or when a text holding one also names a place outside the
 * EU/EEA or words such as "offshore" (the fail-safe reading: the vendor's staff may be there).
 */
function noTransferStatement(root: unknown): { readonly path: string; readonly text: string } | undefined {
  const texts: { path: string; text: string }[] = [];
  const collect = (value: unknown, path: string, depth: number): void => {
    if (depth > 4 || texts.length > 200) return;
    if (typeof value === 'string') texts.push({ path, text: value });
    else if (Array.isArray(value)) value.forEach((item, i) => collect(item, `${path}[${i}]`, depth + 1));
    else if (isRecord(value))
      for (const [key, item] of Object.entries(value)) if (key !== 'data_location') collect(item, `${path}.${key}`, depth + 1);
  };
  collect(valueAt(root, ['security']), 'security', 0);
  collect(valueAt(root, ['assumptions']), 'assumptions', 0);
  collect(valueAt(root, ['project', 'background']), 'project.background', 3);
  collect(valueAt(root, ['project', 'description']), 'project.description', 3);
  const exclusions = texts.length;
  collect(valueAt(root, ['out_of_scope']), 'out_of_scope', 0);
  const found = texts.find(
    ({ text }, i) =>
      hostedByBuyer(text) !== undefined || noVendorAccess(text, true) !== undefined || (i >= exclusions && excludedAccess.test(text)),
  );
  if (found === undefined) return undefined;
  // Any text of these naming a place outside the EU/EEA (a sub-processor "Zendesk (US)", a team "in Pune") keeps the warning.
  const outside = texts.some(({ text }) =>
    readLocations(text).some(
      (r) => r.standing === 'third-country' || r.optIn === true || (r.standing === 'unrecognised' && r.vague !== undefined),
    ),
  );
  return outside ? undefined : found;
}

/**
 * The places the sub-processor list names ("AWS (eu-west-1)", "Hetzner Online (Germany)"), or
 * undefined when it names none or an entry names no place that can be read (the fail-safe reading:
 * that sub-processor may be anywhere).
 */
function subprocessorPlaces(subprocessors: unknown): LocationReading[] | undefined {
  const list = isRecord(subprocessors) ? subprocessors.list : undefined;
  const items = Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string' && item.trim() !== '') : [];
  if (items.length === 0) return undefined;
  const readings: LocationReading[] = [];
  for (const item of items) {
    const read = readLocations(item).filter((r) => r.standing !== 'unrecognised');
    if (read.length === 0) return undefined;
    readings.push(...read);
  }
  return readings;
}

/** The countries that sub-processor entries naming a safeguard are in, to the safeguard's words. */
function subprocessorSafeguards(subprocessors: unknown): Map<string, string> {
  const covered = new Map<string, string>();
  const list = isRecord(subprocessors) ? subprocessors.list : undefined;
  for (const item of Array.isArray(list) ? list : []) {
    const named = typeof item === 'string' ? transferBasisIn(item) : undefined;
    if (!named || typeof item !== 'string') continue;
    for (const r of readLocations(item)) {
      if (r.code !== undefined && (named.basis !== 'adequacy' || r.standing === 'adequate')) covered.set(r.code, named.written);
    }
  }
  return covered;
}

/** The basis a `transfer_basis` written in words, or a protection, names ("EU SCCs 2021", "Binding Corporate Rules"). */
function basisInWords(value: unknown, protections: unknown, dpa: unknown): (typeof transferBases)[number] | undefined {
  if (typeof value === 'string') {
    const named = transferBasisIn(value);
    if (named) return named.basis;
  }
  // The DPA's own fields: `dpa: { signed: true, sccs: true }`, `dpa: { transfers: "EU SCCs, module 2" }` (the schema reports the keys).
  if (isRecord(dpa) && dpa.signed === true) {
    for (const [key, field] of Object.entries(dpa)) {
      const named =
        typeof field === 'string' ? transferBasisIn(field) : field === true ? transferBasisIn(key.replace(/_/g, ' ')) : undefined;
      if (named && named.basis !== 'adequacy') return named.basis;
    }
  }
  for (const item of Array.isArray(protections) ? protections : []) {
    const named = typeof item === 'string' ? transferBasisIn(item) : undefined;
    // "Adequacy" in a protection is too loose to stand for a checked certification; safeguards count.
    if (named && named.basis !== 'adequacy') return named.basis;
  }
  return undefined;
}

/** The finding's message; with many or long names, the lead clause counts them so that it stays short. */
function noBasisMessage(needing: readonly LocationReading[]): string {
  const places = placesOf(needing);
  const lead = `No transfer basis is recorded for personal data in ${places}`;
  if (lead.length <= 88 || needing.length === 1)
    return `${lead.length <= 88 ? lead : `No transfer basis is recorded for personal data in ${placesOf(needing, 30)}`}: ${outsideClause(needing)} (GDPR Art. 44-49).`;
  return `No transfer basis is recorded for personal data in ${needing.length} locations: ${places}; ${outsideClause(needing)} (GDPR Art. 44-49).`;
}

/** `India`, `India and Brazil`, `"our vendor's data centre"`: the locations a message is about. */
function placesOf(readings: readonly LocationReading[], width = 40): string {
  const names = readings.map((r) => (r.name !== undefined ? r.name : `"${shortText(r.written, width)}"`));
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

/** Why the locations need a basis, as a clause after the message's first: right for one or many and for unread ones. */
function outsideClause(readings: readonly LocationReading[]): string {
  const unrecognised = readings.filter((r) => r.standing === 'unrecognised').length;
  const optIn = readings.filter((r) => r.optIn === true);
  const many = readings.length > 1;
  if (optIn.length === readings.length)
    return `the EU adequacy decision covers only ${optIn[0]?.partial ?? ''}, and nothing says the vendor is one`;
  if (optIn.length > 0)
    return `they are outside the EU/EEA with no EU adequacy decision that is known to cover the vendor${unrecognised > 0 ? ', or could not be read as a country' : ''}`;
  if (unrecognised === 0) return `${many ? 'they are' : 'it is'} outside the EU/EEA with no EU adequacy decision`;
  if (unrecognised === readings.length)
    return many
      ? 'they could not be read as countries and are treated as possibly outside the EU/EEA'
      : 'it could not be read as a country and is treated as possibly outside the EU/EEA';
  return 'they are outside the EU/EEA with no EU adequacy decision, or could not be read as a country';
}

function unrecognisedFacts(readings: readonly LocationReading[]): string[] {
  return readings
    .filter((r) => r.standing === 'unrecognised')
    .map((r) =>
      r.vague !== undefined
        ? `\`${shortText(r.written, 40)}\` names no country: ${r.vague}, so it is treated as possibly outside the EU/EEA.`
        : `\`${shortText(r.written, 40)}\` could not be read as a place: write a country (\`DE\`, \`Germany\`), a city (\`Frankfurt\`) or a cloud region (\`eu-central-1\`); until then it is treated as possibly outside the EU/EEA.`,
    );
}

/**
 * How each value written in words was read, for the values the finding is about ("`Germany, with
 * support access from Manila` is read as Germany and Philippines (Manila)"), so that a misreading
 * shows: the lead sees which words were taken for which country.
 */
function readFacts(about: readonly LocationReading[], every: readonly LocationReading[]): string[] {
  const values = [...new Set(about.flatMap((r) => (r.value !== undefined && r.standing !== 'unrecognised' ? [r.value] : [])))];
  return values.map((value) => {
    const parts = uniqueByCode(every.filter((r) => r.value === value && r.standing !== 'unrecognised')).map(readAs);
    return `\`${shortText(value, 60)}\` is read as ${parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1] ?? ''}`}.`;
  });
}

/** `Philippines (Manila)`, `United States of America (us-east-1)`, `Venezuela (Valencia, the largest city of that name; also Spain)`. */
function readAs(r: LocationReading): string {
  const name = r.name ?? r.written;
  if (r.via === undefined || r.written.toLowerCase() === name.toLowerCase()) return name;
  const also = r.alsoIn?.length ? `, the largest city of that name; also ${r.alsoIn.join(', ')}` : '';
  return `${name} (${r.written}${also})`;
}

/**
 * A faded hint where an adequacy decision covers only some organisations (the United States, Canada)
 * and no basis is written: the scope cannot show the vendor is one of them, nor that it is not.
 */
function partialAdequacyHints(readings: readonly LocationReading[], path: Path): Finding[] {
  const partial = readings.filter((r) => r.partial !== undefined);
  if (partial.length === 0) return [];
  return [
    {
      ruleId,
      path,
      at: 'key',
      severity: 'hint',
      message: `Check that the vendor qualifies for the EU adequacy decision: for ${partial.map((r) => `${r.name ?? r.written} it covers only ${r.partial ?? ''}`).join(', and for ')}; then record \`transfer_basis: adequacy\` (or \`sccs\`).`,
    },
  ];
}

/** The quick fix for a missing `data_location`: a blank list, still reported by this rule until a person fills it in. */
function placeholderFix(root: unknown): Fix {
  return {
    title: 'Add a `data_location` placeholder for the countries where the data is stored or accessed',
    ops: [setKeyOp(root, ['security'], 'data_location', '[""]')],
    preferred: true,
    applicability: 'display-only',
  };
}

/** No `data_location` key, but the scope says elsewhere where the data is: a hint to write it down there. */
function writeItDown(root: unknown, message: string): Finding {
  return { ruleId, path: ['security', 'data_location'], at: 'key', severity: 'hint', message, fixes: [placeholderFix(root)] };
}
