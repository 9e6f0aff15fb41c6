// Builds server/src/service/generated/cityCountries.json, the city -> country table that
// dataLocation.ts reads `security.data_location` with ("hosted in Frankfurt", "Dublin data centre").
// The source is the city-timezones package (about 7,300 cities from Natural Earth, 1.9 MB of JSON);
// the table keeps only each city's name and country (ISO 3166-1 alpha-2) for cities of at least
// `minPopulation` people, about 60 KB, so the bundles stay small. Called by scripts/generate.mjs,
// whose `--check` (in `npm run lint`) fails when the table is stale.
//
// Keys are names in lower case without accents (`sao paulo`, `zurich`). A name shared by cities in
// several countries maps to all of them, the most populous first (`valencia` -> `VE ES`): the rule
// reads the first and says which others there are.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Cities smaller than this are left out: data centres and offices are in larger places. */
export const minPopulation = 50000;

/**
 * Names that are also ordinary words, given names or product names a scope uses ("Reading list",
 * "Aurora PostgreSQL", "Split traffic"): reading them as a city could hide where the data is.
 */
const notPlaces = new Set([
  'aurora', 'phoenix', 'mobile', 'nice', 'split', 'reading', 'tours', 'temple', 'man', 'male', 'van', 'springs',
  'bend', 'bath', 'flint', 'dover', 'gary', 'george', 'david', 'norman', 'mary', 'eugene', 'jackson', 'hail',
  'ho', 'wa', 'ye', 'bo', 'sur', 'mus', 'elk', 'brits', 'colon', 'moron', 'mesa', 'salem', 'leon', 'santos',
  'victoria', 'florence', 'york', 'orange', 'lima', 'delta', 'kinder', 'union', 'independence', 'concord',
  'providence', 'hue', 'ica', 'ilo', 'uba', 'lae', 'osh', 'bida', 'sale', 'gap', 'deal', 'wells', 'ede',
]); // prettier-ignore

const fold = (name) => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** The table as JSON text, sorted by name so that it changes only when the data does. */
export function cityCountriesJson() {
  const cities = require('city-timezones/data/cityMap.json');
  /** name -> country -> largest population of a city of that name there */
  const byName = new Map();
  for (const city of cities) {
    if (!(city.pop >= minPopulation) || typeof city.iso2 !== 'string' || !/^[A-Z]{2}$/.test(city.iso2)) continue;
    for (const written of new Set([city.city, city.city_ascii])) {
      if (typeof written !== 'string') continue;
      const name = fold(written);
      if (name.length < 3 || notPlaces.has(name)) continue;
      const countries = byName.get(name) ?? new Map();
      countries.set(city.iso2, Math.max(countries.get(city.iso2) ?? 0, city.pop));
      byName.set(name, countries);
    }
  }
  const table = {};
  for (const name of [...byName.keys()].sort()) {
    const countries = [...byName.get(name).entries()].sort((a, b) => b[1] - a[1]).map(([code]) => code);
    table[name] = countries.join(' ');
  }
  return `${JSON.stringify(table)}\n`;
}
