// Reading `security.data_location` the way people write it (`DE`, `deu`, `Germany`, `United
// States`, `UK`, `EU`, and in words: "Azure West Europe (Amsterdam)", "eu-west-2 (London)",
// "hosted in Frankfurt", "Germany, with support access from India") and placing each location
// against GDPR Chapter V: inside the EU/EEA, a country with an EU adequacy decision, or a third
// country that needs a transfer basis. What names no country ("offshore", "Europe", a value with
// no place in it) is read as possibly outside the EU/EEA: the fail-safe reading.
// Country names and ISO 3166-1 codes come from i18n-iso-countries (English names with their
// common alternatives), cities from city-timezones (generated/cityCountries.json, built by
// scripts/cityCountries.mjs), cloud regions from the providers' lists (cloudRegions.ts); only the
// legal lists below are ours.
// The library's index, not its Node entry, which loads all 80 locales (1 MB in each bundle).
import countries from 'i18n-iso-countries/index';
import english from 'i18n-iso-countries/langs/en.json';
import { awsRegions, azureRegions, googleCloudRegions } from './cloudRegions';
import cityCountries from './generated/cityCountries.json';

/** English names are registered on first use, so files that name no location pay nothing at start-up. */
let namesRegistered = false;
function countryNames(): typeof countries {
  if (!namesRegistered) {
    countries.registerLocale(english);
    namesRegistered = true;
  }
  return countries;
}

/**
 * The EU member states and the three EEA EFTA states (Iceland, Liechtenstein, Norway), where the
 * GDPR applies directly (EEA Agreement, Annex XI as amended by EEA Joint Committee Decision 154/2018).
 */
const eea: ReadonlySet<string> = new Set([
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', // EU 27
  'IS', 'LI', 'NO', // EEA EFTA
]); // prettier-ignore

/**
 * Countries with an adequacy decision under GDPR Art. 45, as listed by the European Commission
 * ("Adequacy decisions", commission.europa.eu). Two cover only part of the country's organisations:
 * Canada (commercial organisations under PIPEDA) and the United States (organisations certified
 * under the EU-US Data Privacy Framework, Decision (EU) 2023/1795).
 */
const adequacy: ReadonlySet<string> = new Set([
  'AD', 'AR', 'CA', 'CH', 'FO', 'GB', 'GG', 'IL', 'IM', 'JE', 'JP', 'KR', 'NZ', 'US', 'UY',
]); // prettier-ignore

/**
 * Adequacy that covers only some organisations: what the vendor must be, in words, and whether an
 * organisation must opt in. Canada's decision covers commercial organisations subject to PIPEDA,
 * which a commercial vendor is by law. The United States' covers only organisations that certified
 * themselves under the Data Privacy Framework and appear on its list: most do not, so a scope with
 * European personal data must say the vendor is one (`transfer_basis: adequacy`) or name another basis.
 */
const partialAdequacy: Readonly<Record<string, { readonly covers: string; readonly optIn: boolean }>> = {
  US: { covers: 'organisations certified under the EU-US Data Privacy Framework', optIn: true },
  CA: { covers: 'commercial organisations subject to PIPEDA', optIn: false },
};

/**
 * Currencies of the EEA states (the euro, the other EU currencies, Iceland's and Norway's krona and
 * krone, and the Swiss franc of Liechtenstein), and of the United Kingdom and Switzerland, whose
 * data-protection laws (UK GDPR, Swiss FADP) restrict transfers to the US in the same way (the UK
 * Extension and the Swiss-US framework of the Data Privacy Framework). A budget in one of them says
 * the buyer, and so the personal data, is under European data-protection law.
 */
const europeanCurrencies: ReadonlySet<string> = new Set([
  'EUR', 'BGN', 'CZK', 'DKK', 'HUF', 'PLN', 'RON', 'SEK', 'ISK', 'NOK', 'CHF', 'GBP',
]); // prettier-ignore

/** Countries outside the EEA with the same transfer rules as the GDPR for the United States (see europeanCurrencies). */
const europeanLaw: ReadonlySet<string> = new Set(['GB', 'CH']);

/**
 * Why the personal data is under European data-protection law, as a clause, or undefined when the
 * document does not say: a location in the EU/EEA (or the UK or Switzerland), or a budget in a
 * European currency. A US company's data kept in the US is not a transfer under GDPR Chapter V.
 */
export function europeanTie(readings: readonly LocationReading[], currency: unknown): string | undefined {
  const european = readings.find((r) => r.standing === 'eea' || (r.code !== undefined && europeanLaw.has(r.code)));
  if (european) return `the data is also held in ${european.name ?? european.written}`;
  if (typeof currency === 'string' && europeanCurrencies.has(currency.trim().toUpperCase()))
    return `the budget is in ${currency.trim().toUpperCase()}, so the buyer is under European data-protection law`;
  return undefined;
}

/**
 * Names the country library does not know but scopes use: the EU and the EEA as a whole, the EU's
 * own code for Greece, and the nations of the United Kingdom.
 */
const aliases: Readonly<Record<string, string>> = {
  eu: 'EU',
  'european union': 'EU',
  eea: 'EEA',
  'european economic area': 'EEA',
  el: 'GR',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
};

/** Where one written location stands under GDPR Chapter V. */
export type LocationStanding =
  /** The EU/EEA, or a country in it: no transfer. */
  | 'eea'
  /** A country with an EU adequacy decision (Art. 45). */
  | 'adequate'
  /** A recognised country outside the EU/EEA without one: a transfer basis is needed (Art. 46-49). */
  | 'third-country'
  /** Not read as a country: treated as possibly outside the EU/EEA until it is written as one. */
  | 'unrecognised'
  /** The buyer's own premises, data centre or cloud tenant ("on the client's own premises", "client-hosted"): the vendor moves nothing. */
  | 'own'
  /** A value that names no place but says the vendor never receives the personal data ("test data only, anonymised"). */
  | 'no-access';

export interface LocationReading {
  /** The location as written, trimmed: the whole value, or the words of it that name the place. */
  readonly written: string;
  /** For a place read from words inside a value: the whole value. */
  readonly value?: string;
  /** For a city or a cloud region: the country it was read as (`Manila` in the Philippines). */
  readonly via?: 'city' | 'region';
  /** For a city name shared by cities in other countries: those countries' names (the most populous city was read). */
  readonly alsoIn?: readonly string[];
  /** For words that name no country ("offshore", "Europe"): why they may be outside the EU/EEA. */
  readonly vague?: string;
  /** ISO 3166-1 alpha-2 code, or `EU`/`EEA`; undefined when not recognised. */
  readonly code?: string;
  /** The country's English name (`India`), or the region's, for messages. */
  readonly name?: string;
  readonly standing: LocationStanding;
  /** For an adequacy decision that covers only some organisations: which ones. */
  readonly partial?: string;
  /** True when the organisations covered must opt in (the US Data Privacy Framework list). */
  readonly optIn?: boolean;
  /** The safeguard named in the same value ("under the EU SCCs"), which covers this location. */
  readonly coveredBy?: string;
}

/**
 * The buyer's own premises, data centre or cloud tenant, as leads write it: "on the client's own
 * premises", "client-hosted", "our own data centre", "in our server room", "the customer's Azure
 * tenant", "in the client's M365 tenant", "on-premises", "hosted by the client", "the client hosts
 * all data", "the client's own SharePoint", "through the client's VDI". Data kept there is not sent
 * anywhere by the vendor; where the vendor's staff reach it from is a location of its own ("remote
 * access from India"), read beside it. The vendor's or a supplier's premises are not the buyer's.
 */
const buyer = String.raw`(?:the\s+)?(?:client|customer|buyer|purchaser|authority|council|trust)`;
const ownPlace = new RegExp(
  [
    String.raw`\b(?:${buyer}(?:['’]s|s['’])?(?:\s+own)?|our(?:\s+own)?)[\s-]+(?:[\p{L}\p{N}]+\s+){0,2}?(?:premises|site|sites|offices?|data[\s-]?cent(?:re|er)s?|server[\s-]?rooms?|servers?|tenant|tenancy|subscriptions?|accounts?|infrastructure|environments?|network|private cloud|hosting|systems?|estate|vdi|virtual desktops?|citrix|sharepoint)\b`,
    // "the client's own SharePoint", "the customer's own ERP": whatever the buyer owns is the buyer's.
    String.raw`\b${buyer}['’]s\s+own\s+[\p{L}\p{N}]+`,
    String.raw`\b(?:client|customer|buyer|self)[\s-]hosted\b`,
    // "hosted by the client", "kept and operated by the customer", "hosted by Acme (client)".
    String.raw`\b(?:hosted|kept|stored|held|run|operated)\s+(?:(?:and|or)\s+[\p{L}]+\s+)?by\s+(?:${buyer}\b|[^()\n]{1,40}\((?:the\s+)?(?:client|customer|buyer)\))`,
    // "the client hosts all data", "the customer keeps the records in its own data centre".
    String.raw`\b${buyer}\s+(?:hosts|keeps|stores|holds|runs|operates|is\s+the\s+host)\b`,
    String.raw`\bon[\s-]?prem(?:ise|ises)?\b`,
  ].join('|'),
  'iu',
);
const notOwn = /\b(?:vendor|supplier|contractor|provider|partner|sub-?processor)(?:['’]s|s['’])?\b/i;
/** "not on the client's premises", "never hosted by the client". */
const deniedBefore = /\b(?:not|no|never|nor)\s+(?:[\p{L}]+\s+)?$/iu;

/** The words of a value that name the buyer's own premises or tenant, or undefined. */
export function ownPremises(text: string): string | undefined {
  if (text.length > 500) return undefined;
  const m = ownPlace.exec(text);
  if (!m) return undefined;
  // "on-premises at the vendor's site in Pune": the vendor's, not the buyer's.
  if (notOwn.test(m[0]) || (/^on[\s-]?prem/i.test(m[0]) && notOwn.test(text))) return undefined;
  if (deniedBefore.test(text.slice(Math.max(0, m.index - 20), m.index))) return undefined;
  return m[0];
}

/**
 * The vendor never receives the personal data, as leads write it: "vendor staff have no access to
 * production or personal data", "no personal data leaves the client", "test data only, anonymised",
 * "synthetic data only". Pseudonymised or masked data is still personal data (GDPR Recital 26), and
 * a hedge ("anonymised where possible", "except for", "unless") or a plan ("to be anonymised",
 * "TBD") says nothing for sure: neither counts.
 */
const noAccessWords = new RegExp(
  [
    String.raw`\b(?:no|without(?:\s+any)?|zero|never\s+(?:have|has|get|gets|be\s+given)(?:\s+any)?|not\s+(?:have|has|get|gets|be\s+given|receive)(?:\s+any)?)\s+access\s+to\s+(?:any\s+)?(?:the\s+)?(?:(?:client|customer)['’]s\s+)?(?:[\p{L}-]+\s+(?:or|and)\s+){0,2}(?:(?:production|live|real|personal|customer|patient|employee|citizen|member|user|pupil|student)\s+(?:data|records|information)|pii)\b`,
    String.raw`\bno\s+(?:production|live|real|personal|customer|patient|employee)\s+data\s+(?:is\s+|will\s+be\s+)?(?:shared|sent|transferred|leaves|provided|given|accessed|processed|copied|used)\b`,
    // "the vendor will not process personal data", "supplier staff never see live customer data".
    String.raw`\b(?:vendor|supplier|contractor|provider|partner)(?:['’]s)?(?:\s+(?:staff|team|engineers|developers|consultants|personnel))?\s+(?:will\s+not|won['’]t|does\s+not|doesn['’]t|do\s+not|don['’]t|shall\s+not|must\s+not|cannot|can\s+not|(?:will\s+)?never)\s+(?:[\p{L}]+\s+)?(?:process|see|access|receive|handle|store|hold|view|touch)\s+(?:any\s+)?(?:the\s+)?(?:(?:client|customer)['’]s\s+)?(?:(?:production|live|real|personal|customer|patient|employee|citizen|member|user)\s+)+(?:data|records|information)\b`,
    // "production data is not shared with the vendor", "data never leaves the client's data centre".
    String.raw`\b(?:production|live|real|personal|customer|patient|employee)\s+data\s+(?:is|are|will\s+be)\s+(?:not|never)\s+(?:shared|sent|provided|given|transferred|copied|disclosed|made\s+available)\b`,
    String.raw`\b(?:no\s+(?:[\p{L}]+\s+)?data\s+leaves|data\s+(?:never|does\s+not|doesn['’]t|will\s+not|won['’]t)\s+leaves?)\s+(?:the\s+)?(?:(?:client|customer|buyer)['’]s|our)\s+[\p{L}]+`,
    String.raw`\b(?:anonymi[sz]ed|synthetic|dummy|fictitious|fictional)\s+(?:test\s+)?data\b`,
    String.raw`\btest\s+data\s+only\b[^.;]{0,20}\banonymi[sz]ed\b`,
    String.raw`\bdata\s+(?:is|are|will\s+be)\s+(?:fully\s+)?anonymi[sz]ed\b`,
  ].join('|'),
  'iu',
);
const noAccessHedge =
  /\b(?:where(?:ver)?\s+(?:possible|feasible|practicable|practical)|if\s+(?:possible|feasible)|unless|except|apart\s+from|other\s+than|partly|partially|mostly|some|pseudonymi[sz]ed|masked|tbd|tbc|planned|pending|to\s+be\s+(?:anonymi[sz]ed|confirmed|agreed|decided))\b/i;

/**
 * The words of a text that say the vendor never receives the personal data, or undefined. With
 * `strict`, for a sentence outside \`data_location\` (a protection, an assumption): only a denial of
 * access ("no access to personal data", "no production data leaves the client") or data that is
 * only anonymised or synthetic, since "test environments use anonymised data" is a control beside
 * production access, not a statement that there is none.
 */
export function noVendorAccess(text: string, strict = false): string | undefined {
  if (text.length > 1000) return undefined;
  for (const sentence of text.split(/(?<=[.;!?])\s+|\n/)) {
    const m = noAccessWords.exec(sentence);
    if (!m || noAccessHedge.test(sentence)) continue;
    if (
      strict &&
      /^(?:anonymi|synthetic|dummy|fictitious|fictional|test\s|data\s+(?:is|are|will)\b)/i.test(m[0]) &&
      !/\b(?:only|exclusively)\b/i.test(sentence)
    )
      continue;
    return m[0];
  }
  return undefined;
}

/**
 * A sentence outside \`data_location\` that says the buyer hosts the data: its own-premises words
 * after a hosting verb ("the solution is hosted in the client's own Azure tenant", "all data stays
 * on the customer's premises"), or "hosted by the client", "the client hosts". Not a mere mention
 * of the buyer's systems ("SSO into the client's environment"), which says nothing of where the data is.
 */
export function hostedByBuyer(text: string): string | undefined {
  const own = ownPremises(text);
  if (own === undefined) return undefined;
  if (
    /^(?:hosted|kept|stored|held|run|operated|the|client|customer|buyer|purchaser|authority|council|trust)\b/i.test(own) &&
    !/['’]/.test(own)
  )
    return own;
  if (/-hosted$/i.test(own)) return own;
  const index = text.indexOf(own);
  const before = text.slice(Math.max(0, index - 50), index);
  return /\b(?:hosted|kept|stored|held|runs?|resides?|remains?|stays?|lives?|deployed|installed|done|performed|carried\s+out|works?|working)\s+(?:[\p{L}-]+\s+){0,2}?(?:in|on|within|inside|at|through|via)\s+$/iu.test(
    before,
  )
    ? own
    : undefined;
}

/**
 * Transfer safeguards named in words ("EU Standard Contractual Clauses (2021, module 2)", "the UK
 * IDTA", "BCRs", "certified under the EU-US Data Privacy Framework", "Art. 49 explicit consent"),
 * as the `transfer_basis` value they mean. Not when the same sentence says they are missing or still
 * to come ("SCCs to be signed", "no SCCs yet", "pending").
 */
const basisWords: readonly (readonly [RegExp, 'sccs' | 'bcrs' | 'adequacy' | 'derogation'])[] = [
  [
    // The clauses also by the Commission decision that adopted them (2021/914) and by the article that provides for them (Art. 46).
    /\b(?:standard\s+contractual\s+clauses|(?:EU\s+|UK\s+)?SCCs?|model\s+clauses|IDTA|international\s+data\s+transfer\s+(?:agreement|addendum)|UK\s+addendum|(?:Decision\s+(?:\(EU\)\s+)?)?2021\/914|art(?:icle)?\.?\s*46(?:\s*\(\s*2\s*\)\s*\(\s*[cd]\s*\))?)(?!\w)/i,
    'sccs',
  ],
  [/\b(?:binding\s+corporate\s+rules|BCRs?|art(?:icle)?\.?\s*47)\b/i, 'bcrs'],
  // The Data Privacy Framework also by its decision's number (2023/1795).
  [/\b(?:data\s+privacy\s+framework|DPF|adequacy(?:\s+decision)?|2023\/1795|art(?:icle)?\.?\s*45)\b/i, 'adequacy'],
  [/\b(?:derogations?|art(?:icle)?\.?\s*49|explicit\s+consent)\b/i, 'derogation'],
];
const notInForce =
  /\b(?:no|not|without|pending|planned|tbd|tbc|draft|missing|yet|being\s+(?:negotiated|drafted|agreed)|to\s+be\s+(?:signed|agreed|put\s+in\s+place|confirmed|drafted))\b/i;

export type TransferBasisWords = 'sccs' | 'bcrs' | 'adequacy' | 'derogation';

/** The transfer safeguard a text names in words, with the words, or undefined. */
export function transferBasisIn(text: string): { readonly basis: TransferBasisWords; readonly written: string } | undefined {
  if (text.length > 1000) return undefined;
  // "Art. 46(2)(c)" is one sentence: a stop after "Art." or "No." does not end it.
  for (const sentence of text.split(/(?<=[.;!?])(?<!\b(?:[Aa]rts?|[Nn]o|[Nn]r)\.)\s+|\n/)) {
    if (notInForce.test(sentence)) continue;
    for (const [pattern, basis] of basisWords) {
      const m = pattern.exec(sentence);
      if (m) return { basis, written: m[0] };
    }
  }
  return undefined;
}

/** One location as written, placed under GDPR Chapter V; case and surrounding spaces do not count. */
export function readLocation(text: string): LocationReading {
  const written = text.trim();
  const key = written.toLowerCase().replace(/\s+/g, ' ').replace(/^the /, '');
  const alias = aliases[key];
  if (alias === 'EU' || alias === 'EEA') return { written, code: alias, name: alias === 'EU' ? 'the EU' : 'the EEA', standing: 'eea' };
  const code = alias ?? codeOf(key);
  if (code === undefined) return { written, standing: 'unrecognised' };
  const name = countryNames().getName(code, 'en') ?? code;
  if (eea.has(code)) return { written, code, name, standing: 'eea' };
  if (adequacy.has(code)) {
    const partial = partialAdequacy[code];
    return {
      written,
      code,
      name,
      standing: 'adequate',
      ...(partial ? { partial: partial.covers, ...(partial.optIn ? { optIn: true } : {}) } : {}),
    };
  }
  return { written, code, name, standing: 'third-country' };
}

/** An ISO 3166-1 code (alpha-2, alpha-3 or numeric) or an English name, as an alpha-2 code. */
function codeOf(key: string): string | undefined {
  // `isValid` first: `toAlpha2` echoes any two letters back, known or not.
  if (/^([a-z]{2,3}|\d{3})$/.test(key) && countries.isValid(key)) return countries.toAlpha2(key);
  return countryNames().getAlpha2Code(key, 'en');
}

// ---- locations written in words ----------------------------------------------------------------

/** Lower case, accents and other marks removed, spaces collapsed: `São Paulo` -> `sao paulo`. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Cloud region names and codes, folded, to the country they are in. */
let regionIndex: Map<string, string> | undefined;
function regions(): Map<string, string> {
  if (regionIndex) return regionIndex;
  regionIndex = new Map();
  for (const [id, , country] of [...awsRegions, ...googleCloudRegions]) regionIndex.set(id, country);
  for (const [name, country] of azureRegions) {
    regionIndex.set(fold(name), country);
    regionIndex.set(fold(name).replace(/ /g, ''), country);
  }
  return regionIndex;
}

/** A region code in the providers' shape (`eu-west-2`, `europe-west4`, `ap-southeast-1a`) that no list has. */
const regionShape = /^[a-z]{2,}(?:-[a-z]+)+-?\d{1,2}[a-z]?$/;

/** English country names and their alternatives, folded, to alpha-2 codes; short capital forms (`US`) are codes below. */
let nameIndex: Map<string, string> | undefined;
function names(): Map<string, string> {
  if (nameIndex) return nameIndex;
  nameIndex = new Map();
  for (const [code, list] of Object.entries(countryNames().getNames('en', { select: 'all' }))) {
    for (const name of list) {
      if (/^[A-Z.]{1,4}$/.test(name)) continue;
      const plain = fold(name.replace(/\([^)]*\)/g, '').replace(/,.*$/, ''));
      if (plain.length >= 4 && !nameIndex.has(plain)) nameIndex.set(plain, code);
      if (!nameIndex.has(fold(name))) nameIndex.set(fold(name), code);
    }
  }
  for (const [alias, code] of Object.entries(aliases)) nameIndex.set(alias, code);
  for (const [alias, code] of Object.entries(moreNames)) nameIndex.set(alias, code);
  return nameIndex;
}

/**
 * Names a scope uses that the country library spells otherwise, and the adjectives leads write
 * ("German data centres", "Irish entity", "Indian delivery centre") for the EU/EEA states, the UK
 * and Switzerland, and the countries IT work is most often sent to.
 */
const moreNames: Readonly<Record<string, string>> = {
  holland: 'NL',
  korea: 'KR',
  'south korea': 'KR',
  'czech republic': 'CZ',
  'hong kong': 'HK',
  'great britain': 'GB',
  britain: 'GB',
  austrian: 'AT', belgian: 'BE', bulgarian: 'BG', croatian: 'HR', cypriot: 'CY', czech: 'CZ', danish: 'DK',
  estonian: 'EE', finnish: 'FI', french: 'FR', german: 'DE', greek: 'GR', hungarian: 'HU', irish: 'IE',
  italian: 'IT', latvian: 'LV', lithuanian: 'LT', luxembourgish: 'LU', maltese: 'MT', dutch: 'NL', polish: 'PL',
  portuguese: 'PT', romanian: 'RO', slovak: 'SK', slovenian: 'SI', spanish: 'ES', swedish: 'SE',
  icelandic: 'IS', norwegian: 'NO', british: 'GB', swiss: 'CH',
  american: 'US', canadian: 'CA', mexican: 'MX', brazilian: 'BR', argentinian: 'AR', colombian: 'CO',
  indian: 'IN', pakistani: 'PK', bangladeshi: 'BD', 'sri lankan': 'LK', filipino: 'PH', vietnamese: 'VN',
  chinese: 'CN', japanese: 'JP', korean: 'KR', singaporean: 'SG', malaysian: 'MY', indonesian: 'ID', thai: 'TH',
  australian: 'AU', 'south african': 'ZA', egyptian: 'EG', moroccan: 'MA', tunisian: 'TN', nigerian: 'NG',
  kenyan: 'KE', israeli: 'IL', turkish: 'TR', ukrainian: 'UA', serbian: 'RS', belarusian: 'BY', russian: 'RU',
  georgian: 'GE', armenian: 'AM', emirati: 'AE',
}; // prettier-ignore

/**
 * Codes written in capitals inside a sentence (`servers in DE and NL`). Capital two-letter words
 * that are also codes but mean something else in a scope (`IT support`, `HR data`, `QA`, `AI`,
 * `NO access`) are left out: reading them as a country could hide where the data is.
 */
const capitalCodes: Readonly<Record<string, string>> = { UK: 'GB', USA: 'US', US: 'US', UAE: 'AE', EU: 'EU', EEA: 'EEA' };
const notCodes: ReadonlySet<string> = new Set([
  'IT', 'HR', 'QA', 'AI', 'ID', 'IN', 'IS', 'AS', 'AT', 'BE', 'BY', 'DO', 'GO', 'ME', 'NO', 'TO', 'AM', 'PM', 'PR', 'MS', 'TV', 'CV', 'CI', 'CD', 'SO', 'MY', 'OR', 'AD', 'PA', 'MA', 'FM', 'GP', 'PS', 'SV', 'TM', 'ST', 'BI', 'DJ', 'GG', 'CA', 'LA', 'CO', 'SA', 'BA', 'GA', 'MO', 'NE', 'SC', 'SD', 'TN', 'VA', 'AL', 'AR', 'AZ', 'IL', 'MD', 'MN', 'MS', 'MT', 'NC',
]); // prettier-ignore

/**
 * English names and former names of cities that the city table (Natural Earth, through
 * city-timezones) spells in the local form or leaves out: "Nuremberg" (Nürnberg), "Gothenburg"
 * (Göteborg), "Antwerp" (Antwerpen), "Bangalore" (Bengaluru), and data-centre cities near a
 * capital that the table folds into it (Espoo, Leuven, Mechelen).
 */
const cityExonyms: Readonly<Record<string, string>> = {
  nuremberg: 'DE', hanover: 'DE', aachen: 'DE', gothenburg: 'SE', antwerp: 'BE', ghent: 'BE', bruges: 'BE',
  leuven: 'BE', mechelen: 'BE', lucerne: 'CH', cracow: 'PL', oporto: 'PT', cluj: 'RO', espoo: 'FI', kiev: 'UA',
  bangalore: 'IN', bombay: 'IN', madras: 'IN', calcutta: 'IN', saigon: 'VN',
}; // prettier-ignore

/** Groups of countries all inside the EU/EEA. */
const eeaGroups: Readonly<Record<string, string>> = {
  nordics: 'the Nordics',
  'nordic countries': 'the Nordics',
  scandinavia: 'Scandinavia',
  benelux: 'the Benelux',
  baltics: 'the Baltic states',
  'baltic states': 'the Baltic states',
};

/** Words that name no country but a wider area, or none: read as possibly outside the EU/EEA. */
const outsideWords: Readonly<Record<string, string>> = {
  offshore: 'offshore work is done outside the buyer’s country, and usually outside the EU/EEA',
  nearshore: 'nearshore work is done in a neighbouring country, which may be outside the EU/EEA',
  worldwide: 'worldwide access includes countries outside the EU/EEA',
  global: 'global access includes countries outside the EU/EEA',
  globally: 'global access includes countries outside the EU/EEA',
  anywhere: 'it can be anywhere, including outside the EU/EEA',
  international: 'it names no country',
  'follow the sun': 'follow-the-sun support works from several time zones, usually outside the EU/EEA',
  'follow-the-sun': 'follow-the-sun support works from several time zones, usually outside the EU/EEA',
  'rest of the world': 'it names countries outside the EU/EEA without saying which',
  outside: 'it says the data goes outside a named area',
  'non-eu': 'it says the data goes outside the EU',
  'non-eea': 'it says the data goes outside the EEA',
  'third country': 'it names a third country without saying which',
  'third countries': 'it names third countries without saying which',
  asia: 'Asia is outside the EU/EEA',
  apac: 'Asia-Pacific is outside the EU/EEA',
  'asia pacific': 'Asia-Pacific is outside the EU/EEA',
  'asia-pacific': 'Asia-Pacific is outside the EU/EEA',
  americas: 'the Americas are outside the EU/EEA',
  'north america': 'North America is outside the EU/EEA',
  'south america': 'South America is outside the EU/EEA',
  'latin america': 'Latin America is outside the EU/EEA',
  latam: 'Latin America is outside the EU/EEA',
  africa: 'Africa is outside the EU/EEA',
  'middle east': 'the Middle East is outside the EU/EEA',
  mena: 'the Middle East and North Africa are outside the EU/EEA',
  oceania: 'Oceania is outside the EU/EEA',
};

/** Areas that include EU/EEA countries and others: read as possibly outside only when the value names no place in them. */
const mixedWords: Readonly<Record<string, string>> = {
  europe: 'Europe includes countries outside the EU/EEA (the UK, Switzerland, Serbia, Türkiye, Ukraine)',
  european: 'Europe includes countries outside the EU/EEA (the UK, Switzerland, Serbia, Türkiye, Ukraine)',
  emea: 'EMEA includes the Middle East and Africa',
  dach: 'DACH includes Switzerland, outside the EU/EEA',
};

const longestPhrase = 5;

interface Word {
  readonly text: string;
  readonly folded: string;
  readonly start: number;
  readonly end: number;
}

/** The words of a value; a hyphenated word is split unless it is a region code or a name as a whole (`Guinea-Bissau`). */
function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*/gu)) {
    const raw = match[0];
    const start = match.index;
    const folded = fold(raw);
    const whole = !raw.includes('-') || regions().has(folded) || regionShape.test(folded) || names().has(folded) || folded in outsideWords;
    if (whole) {
      words.push({ text: raw, folded, start, end: start + raw.length });
      continue;
    }
    let offset = 0;
    for (const part of raw.split('-')) {
      if (part !== '') words.push({ text: part, folded: fold(part), start: start + offset, end: start + offset + part.length });
      offset += part.length + 1;
    }
  }
  return words;
}

type Mention =
  | {
      readonly kind: 'place';
      readonly code: string;
      readonly written: string;
      readonly via?: 'city' | 'region';
      readonly alsoIn?: readonly string[];
    }
  | { readonly kind: 'group'; readonly name: string; readonly written: string }
  | { readonly kind: 'outside' | 'mixed' | 'unknown'; readonly written: string; readonly vague: string };

/** The place, area or signal that the words from `i` on begin with, and how many words it takes. */
function mentionAt(text: string, words: readonly Word[], i: number): { mention: Mention; length: number } | undefined {
  const first = words[i];
  if (!first) return undefined;
  for (let n = Math.min(longestPhrase, words.length - i); n >= 1; n--) {
    const last = words[i + n - 1];
    if (!last) continue;
    const phrase = words
      .slice(i, i + n)
      .map((w) => w.folded)
      .join(' ');
    const written = text.slice(first.start, last.end);
    // An availability zone (`eu-north-1a`) is in its region's country.
    const region = regions().get(phrase) ?? regions().get(phrase.replace(/(?<=-\d{1,2})[a-z]$/, ''));
    if (region) return { mention: { kind: 'place', code: region, written, via: 'region' }, length: n };
    if (phrase in outsideWords) return { mention: { kind: 'outside', written, vague: outsideWords[phrase] ?? '' }, length: n };
    if (phrase in eeaGroups) return { mention: { kind: 'group', name: eeaGroups[phrase] ?? phrase, written }, length: n };
    if (phrase in mixedWords) return { mention: { kind: 'mixed', written, vague: mixedWords[phrase] ?? '' }, length: n };
    if (n === 1 && capitalCodes[first.text.replace(/\./g, '')] !== undefined && /^[A-Z.]+$/.test(first.text)) {
      return { mention: { kind: 'place', code: capitalCodes[first.text.replace(/\./g, '')] ?? '', written }, length: 1 };
    }
    if (n === 1 && /^[A-Z]{2}$/.test(first.text) && !notCodes.has(first.text) && countries.isValid(first.text)) {
      return { mention: { kind: 'place', code: first.text, written }, length: 1 };
    }
    // "New Jersey", "New South Wales": not Jersey or Wales. "New Zealand" and "New York" are names as a whole.
    const country = names().get(phrase);
    const city = /^\p{Lu}/u.test(first.text)
      ? ((cityCountries as Readonly<Record<string, string>>)[phrase] ?? cityExonyms[phrase])
      : undefined;
    if ((country || city) && i > 0 && words[i - 1]?.text === 'New') continue;
    if (country) return { mention: { kind: 'place', code: country, written }, length: n };
    if (city) {
      const [code = '', ...others] = city.split(' ');
      return { mention: { kind: 'place', code, written, via: 'city', ...(others.length ? { alsoIn: others } : {}) }, length: n };
    }
    if (n === 1 && regionShape.test(first.folded)) {
      return {
        mention: { kind: 'unknown', written, vague: 'it looks like a cloud region code, but not one of AWS, Google Cloud or Azure' },
        length: 1,
      };
    }
  }
  // "New South Wales", "New Jersey": a place this rule does not know, not Wales or Jersey.
  let end = i + 1;
  while (first.text === 'New' && end < words.length && /^\p{Lu}/u.test(words[end]?.text ?? '')) end++;
  const last = words[end - 1];
  if (end > i + 1 && last) {
    return {
      mention: { kind: 'unknown', written: text.slice(first.start, last.end), vague: 'it names no country this rule knows' },
      length: end - i,
    };
  }
  return undefined;
}

/** A reading of a country code (alpha-2, `EU`/`EEA`) found inside a value. */
function readingOf(code: string, written: string, value: string, extra: Partial<LocationReading> = {}): LocationReading {
  return { ...readLocation(code), written, value, ...extra };
}

/**
 * US state abbreviations that are also country codes: after a place that is not a country
 * (`Wilmington, DE`, `Ashburn, VA`) the code may be either, so it is read as neither.
 */
const stateCodes: Readonly<Record<string, string>> = {
  AL: 'Alabama', AR: 'Arkansas', AZ: 'Arizona', CA: 'California', CO: 'Colorado', DE: 'Delaware', GA: 'Georgia',
  ID: 'Idaho', IL: 'Illinois', IN: 'Indiana', LA: 'Louisiana', MA: 'Massachusetts', MD: 'Maryland', ME: 'Maine',
  MN: 'Minnesota', MO: 'Missouri', MS: 'Mississippi', MT: 'Montana', NC: 'North Carolina', NE: 'Nebraska',
  PA: 'Pennsylvania', SC: 'South Carolina', SD: 'South Dakota', TN: 'Tennessee', VA: 'Virginia',
}; // prettier-ignore

/** "no offshore access", "without any offshore support": the words just before an area word deny it. */
function deniedArea(words: readonly Word[], at: number): boolean {
  const before = words.slice(Math.max(0, at - 2), at).map((w) => w.folded);
  return before.some((w) => /^(?:no|not|never|without|zero)$/.test(w));
}

/**
 * "Porto nearshore centre", "nearshore team in Bucharest", "offshore centre at Cluj": nearshore or
 * offshore next to a place, which says where it is (and is read as that place).
 */
function sitedArea(part: string, words: readonly Word[], at: number, end: number, afterPlace: number): boolean {
  const word = words[at]?.folded;
  if (word !== 'nearshore' && word !== 'offshore') return false;
  if (afterPlace === at) return true;
  for (let j = end; j < Math.min(words.length, end + 4); j++) {
    const next = mentionAt(part, words, j);
    if (next) return next.mention.kind === 'place' && words.slice(end, j).some((w) => /^(?:in|at|from|based)$/.test(w.folded));
  }
  return false;
}

/** Words that say a boundary is kept ("no data outside the EU"), which cancel `outside`, `non-EU` and `third country` in the same part. */
const negation = /\b(?:no|not|never|nothing|none|without|only)\b/i;
const boundaryWords: ReadonlySet<string> = new Set(['outside', 'non-eu', 'non-eea', 'third country', 'third countries']);

/**
 * Every location one `data_location` value names. A value that is a country, a code or EU/EEA as
 * a whole is that one location. Otherwise each part between commas or semicolons is read the same
 * way, and what is left is read word by word: cloud regions, country names, cities (written with
 * a capital), codes in capitals, and words that name an area or no place at all. A value in which
 * nothing is read as a place is one unrecognised location: possibly outside the EU/EEA.
 */
export function readLocations(text: string): LocationReading[] {
  const whole = readLocation(text);
  if (whole.standing !== 'unrecognised') return [whole];
  const value = whole.written;
  const readings: LocationReading[] = [];
  const unknown: LocationReading[] = [];
  const outside: LocationReading[] = [];
  const mixed: LocationReading[] = [];
  /** What the part before said: a country (or nothing before), a city, or nothing read. */
  let previous: LocationReading | 'country' | 'unread' = 'country';
  for (const part of value.split(/[,;\n]/)) {
    const trimmed = part.trim();
    const state = stateCodes[trimmed];
    if (state !== undefined && previous !== 'country') {
      // `Frankfurt, DE` is Germany; `Ashburn, VA` or `Dallas, TX` after a US city is the state; otherwise either.
      const city = typeof previous === 'object' ? previous : undefined;
      const cityCountry = city?.code;
      if (cityCountry === trimmed) continue;
      if (cityCountry === 'US' || city?.alsoIn?.includes('United States of America')) {
        if (cityCountry !== 'US') readings.push(readingOf('US', trimmed, value));
        continue;
      }
      const country = countryNames().getName(trimmed, 'en') ?? trimmed;
      unknown.push({
        written: trimmed,
        value,
        standing: 'unrecognised',
        vague: `after a place it may be the US state of ${state} as well as ${country}`,
      });
      continue;
    }
    const asWhole = readLocation(part);
    if (trimmed !== '' && asWhole.standing !== 'unrecognised') {
      readings.push({ ...asWhole, value });
      previous = 'country';
      continue;
    }
    const before = readings.length;
    const words = wordsOf(part);
    /** The word just after the last place read in this part, to tell "Porto nearshore centre". */
    let afterPlace = -1;
    for (let i = 0; i < words.length;) {
      const found = mentionAt(part, words, i);
      if (!found) {
        i++;
        continue;
      }
      const at = i;
      i += found.length;
      const { mention } = found;
      if (mention.kind === 'place') afterPlace = i;
      if (mention.kind === 'outside' && (deniedArea(words, at) || sitedArea(part, words, at, i, afterPlace))) continue;
      if (mention.kind === 'place') {
        const alsoIn = mention.alsoIn?.map((code) => countryNames().getName(code, 'en') ?? code);
        readings.push(
          readingOf(mention.code, mention.written, value, { ...(mention.via ? { via: mention.via } : {}), ...(alsoIn ? { alsoIn } : {}) }),
        );
      } else if (mention.kind === 'group') {
        readings.push({ written: mention.written, value, code: 'EEA', name: mention.name, standing: 'eea' });
      } else if (mention.kind === 'outside' && boundaryWords.has(fold(mention.written)) && negation.test(part)) {
        continue;
      } else {
        const reading: LocationReading = { written: mention.written, value, standing: 'unrecognised', vague: mention.vague };
        (mention.kind === 'unknown' ? unknown : mention.kind === 'outside' ? outside : mixed).push(reading);
      }
    }
    const last = readings.length > before ? readings[readings.length - 1] : undefined;
    previous = last === undefined ? 'unread' : last.via === 'city' ? last : 'country';
  }
  const own = ownPremises(value);
  if (own !== undefined) readings.push({ written: own, value, code: 'OWN', name: 'the buyer’s own premises', standing: 'own' });
  // "Test data only, anonymised": no place, and no personal data for the vendor. A value that also
  // names a place is read by its places: data stored there may still be the personal data.
  const noAccess = readings.length === 0 && unknown.length === 0 && outside.length === 0 ? noVendorAccess(value) : undefined;
  if (noAccess !== undefined)
    readings.push({ written: noAccess, value, code: 'NONE', name: 'no access by the vendor', standing: 'no-access' });
  const places = uniqueByCode(readings);
  // An area word beside a place outside the EU/EEA adds nothing the place does not already say.
  const placeOutside = places.some((r) => r.standing === 'third-country');
  const result = [
    ...places,
    ...unknown,
    ...(placeOutside ? [] : outside),
    ...(places.length === 0 && unknown.length === 0 && outside.length === 0 ? mixed : []),
  ];
  return result.length > 0 ? result : [whole];
}

/** The first reading of each country: `Frankfurt` after `Germany` adds nothing. */
export function uniqueByCode(readings: readonly LocationReading[]): LocationReading[] {
  const seen = new Set<string>();
  return readings.filter((r) => {
    const key = r.code ?? r.written;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
