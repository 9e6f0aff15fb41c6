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

/** Adequacy that covers only some organisations: what the vendor must be, in words. */
const partialAdequacy: Readonly<Record<string, string>> = {
  US: 'organisations certified under the EU-US Data Privacy Framework',
  CA: 'commercial organisations subject to PIPEDA',
};

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
    return { written, code, name, standing: 'adequate', ...(partial ? { partial } : {}) };
  }
  return { written, code, name, standing: 'third-country' };
}

/** An ISO 3166-1 code (alpha-2, alpha-3 or numeric) or an English name, as an alpha-2 code. */
function codeOf(key: string): string | undefined {
  // `isValid` first: `toAlpha2` echoes any two letters back, known or not.
  if (/^([a-z]{2,3}|\d{3})$/.test(key) && countries.isValid(key)) return countries.toAlpha2(key);
  return countryNames().getAlpha2Code(key, 'en');
}
