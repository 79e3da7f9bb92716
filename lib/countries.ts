import { countries } from 'countries-list';
import { slugify } from './slug';

// Countries and continents for the public directory. The continent of each country comes from countries-list
// (its data: one continent per ISO 3166-1 alpha-2 code, Russia and Türkiye in Europe, Egypt in Africa); country
// names come from the runtime's Intl.DisplayNames (CLDR), the same names the pages show.

/** The continents, as countries-list codes them. */
export const CONTINENTS = ['AF', 'AS', 'EU', 'NA', 'OC', 'SA', 'AN'] as const;
export type Continent = (typeof CONTINENTS)[number];

const CODES = Object.keys(countries) as Array<keyof typeof countries>;

/** The continent of an ISO 3166-1 alpha-2 code ("JP" -> "AS"), or null for a code countries-list does not know. */
export function continentOf(countryCode: string): Continent | null {
  return (countries as Record<string, { continent: Continent } | undefined>)[countryCode]?.continent ?? null;
}

/** Every country code of a continent, in code order. */
export function countriesOfContinent(continent: Continent): string[] {
  return CODES.filter((code) => countries[code].continent === continent);
}

let namesForSearch: Array<{ code: string; names: string[] }> | null = null;

/** Each country's searchable names: English and Chinese (CLDR), and the English one without accents or case. */
function searchableNames(): Array<{ code: string; names: string[] }> {
  if (!namesForSearch) {
    const en = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    const zh = new Intl.DisplayNames(['zh-CN'], { type: 'region', fallback: 'none' });
    namesForSearch = CODES.map((code) => {
      const english = en.of(code) ?? countries[code].name;
      return { code, names: [english.toLowerCase(), slugify(english), zh.of(code) ?? ''].filter(Boolean) };
    });
  }
  return namesForSearch;
}

/**
 * The codes of the countries whose English or Chinese name contains `term` (case and accents ignored): "Japan" and
 * "日本" give ["JP"], "turkiye" gives ["TR"]. An empty term gives none. Pure; used by the directory's search.
 */
export function countryCodesMatching(term: string): string[] {
  const plain = term.trim().toLowerCase();
  if (!plain) return [];
  const folded = slugify(plain);
  return searchableNames()
    .filter(({ names }) => names.some((name) => name.includes(plain) || (folded !== '' && name.includes(folded))))
    .map(({ code }) => code);
}

/**
 * Country codes ordered by their names in a language (`languageTag` such as "en" or "zh-CN"), for sorting a list
 * by country in SQL: its position in this list is the sort key.
 */
export function countryCodesByName(languageTag: string): string[] {
  const names = new Intl.DisplayNames([languageTag], { type: 'region' });
  const collator = new Intl.Collator(languageTag);
  return [...CODES].sort((a, b) => collator.compare(names.of(a) ?? a, names.of(b) ?? b));
}
