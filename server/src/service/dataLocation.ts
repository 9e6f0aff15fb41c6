// Reading `security.data_location` the way people write it (`DE`, `deu`, `Germany`, `United
// States`, `UK`, `EU`) and placing each location against GDPR Chapter V: inside the EU/EEA, a
// country with an EU adequacy decision, or a third country that needs a transfer basis.
// Country names and ISO 3166-1 codes come from i18n-iso-countries (English names with their
// common alternatives); only the legal lists below are ours.
// The library's index, not its Node entry, which loads all 80 locales (1 MB in each bundle).
import countries from 'i18n-iso-countries/index';
import english from 'i18n-iso-countries/langs/en.json';

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
  /** Not recognised as a country: treated as a third country until it is written as one. */
  | 'unrecognised';

export interface LocationReading {
  /** The location as written, trimmed. */
  readonly written: string;
  /** ISO 3166-1 alpha-2 code, or `EU`/`EEA`; undefined when not recognised. */
  readonly code?: string;
  /** The country's English name (`India`), or the region's, for messages. */
  readonly name?: string;
  readonly standing: LocationStanding;
  /** For an adequacy decision that covers only some organisations: which ones. */
  readonly partial?: string;
  /** True when the organisations covered must opt in (the US Data Privacy Framework list). */
  readonly optIn?: boolean;
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
