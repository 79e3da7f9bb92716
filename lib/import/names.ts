import { countries } from 'countries-list';
import { distance } from 'fastest-levenshtein';
import { iso31661, iso31661Alpha3ToAlpha2 } from 'iso-3166';

// Letters that Unicode does not decompose into a base letter and a mark, folded as lib/slug.ts folds them, so
// that "Łódź" is "lodz" and "Ærøskøbing" "aeroskobing".
const FOLD: Record<string, string> = {
  ł: 'l',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ħ: 'h',
  ı: 'i',
};

/**
 * The key two names are compared by: NFKC (full-width letters and digits, ligatures), then NFD with the combining
 * diacritical marks removed (accents, macrons, Vietnamese horns, the dot of İ; not the kana voicing marks, which
 * change a Japanese name), case-folded, a few letters with no decomposition folded (ł, ø,
 * æ, œ, ß, đ, ð, þ, ħ, ı); apostrophes and middle dots dropped (Xi'an = Xian, 圣·彼得堡 = 圣彼得堡); other
 * punctuation and symbols (hyphens, dots, commas, brackets) and runs of white space become one space; NFC at the
 * end, so Hangul and kana stay whole. `Linköping` and `Linkoping`, `Ōita` and `Oita`, `Saint-Étienne` and
 * `saint etienne` have the same key. Chinese names pass through unchanged but for width and spacing.
 */
export function nameKey(text: string): string {
  return text
    .normalize('NFKC')
    .normalize('NFD')
    .replace(/[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+/g, '')
    .toLowerCase()
    .replace(/[łøæœßđðþħı]/g, (c) => FOLD[c] ?? c)
    .replace(/['‘’ʻʼ`´′·・‧･]/g, '')
    .replace(/[\p{P}\p{S}\s]+/gu, ' ')
    .trim()
    .normalize('NFC');
}

/**
 * Whether two names are a letter or two apart once read by nameKey (a possible duplicate for the user to judge:
 * Vitoria and Victoria, Kiev and Kyiv, 洛杉矶 and 洛杉机): an edit distance (Levenshtein: a letter added, removed
 * or changed) of 1 or 2, and at most half the length of the shorter key, so that two short names such as Ufa
 * and Ica are not near. Names with the same key are the same name, not near ones: false.
 */
export function isNearName(a: string, b: string): boolean {
  const ka = nameKey(a);
  const kb = nameKey(b);
  if (ka === '' || kb === '' || ka === kb) return false;
  const d = distance(ka, kb);
  return d <= 2 && d * 2 <= Math.min([...ka].length, [...kb].length);
}

// Names offices use that neither CLDR nor ISO 3166 gives: constituent countries of the United Kingdom, older
// English names, and the long official names in Chinese.
const COUNTRY_ALIASES: Record<string, string> = {
  uk: 'GB',
  'great britain': 'GB',
  britain: 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  英格兰: 'GB',
  苏格兰: 'GB',
  威尔士: 'GB',
  北爱尔兰: 'GB',
  大不列颠及北爱尔兰联合王国: 'GB',
  'united states of america': 'US',
  america: 'US',
  美利坚合众国: 'US',
  'republic of korea': 'KR',
  大韩民国: 'KR',
  'south korea': 'KR',
  日本国: 'JP',
  中华人民共和国: 'CN',
  俄罗斯联邦: 'RU',
  turkey: 'TR',
  'czech republic': 'CZ',
  'ivory coast': 'CI',
  burma: 'MM',
  holland: 'NL',
  uae: 'AE',
  'dr congo': 'CD',
  drc: 'CD',
  vatican: 'VA',
  swaziland: 'SZ',
  macedonia: 'MK',
};

let countryIndex: Map<string, string> | null = null;

/** Every name of every country, by nameKey: CLDR English and Chinese (simplified and traditional), ISO 3166, countries-list. */
function countryNames(): Map<string, string> {
  if (countryIndex) return countryIndex;
  const index = new Map<string, string>();
  const add = (name: string | undefined, code: string) => {
    if (!name) return;
    for (const variant of [name, name.replace(/\s*\(.*\)\s*$/, '')]) {
      const key = nameKey(variant);
      if (key && !index.has(key)) index.set(key, code);
    }
  };
  const displays = ['en', 'zh-CN', 'zh-TW'].map((tag) => new Intl.DisplayNames([tag], { type: 'region', fallback: 'none' }));
  const codes = Object.keys(countries);
  for (const code of codes) for (const names of displays) add(names.of(code), code);
  for (const entry of iso31661) add(entry.name, entry.alpha2);
  for (const code of codes) {
    const c = (countries as Record<string, { name: string; native: string }>)[code]!;
    add(c.name, code);
    add(c.native, code);
  }
  for (const [name, code] of Object.entries(COUNTRY_ALIASES)) index.set(nameKey(name), code);
  countryIndex = index;
  return index;
}

/**
 * The ISO 3166-1 alpha-2 code of a country cell, or null when it names none: an alpha-2 code (`jp`, `JP`; `UK`
 * for GB), an alpha-3 code (`JPN`, `USA`), or a name in English or Chinese, case, accents and punctuation ignored
 * (`Japan`, `日本`, `United States`, `美国`, `South Korea`, `Korea, Republic of`, `韩国`, `Côte d'Ivoire`; a leading
 * "the" is dropped: `The Gambia`). "Korea" alone names no country: North and South are both Korea. Names
 * come from the runtime's CLDR (Intl.DisplayNames: English, simplified and traditional Chinese), iso-3166 (the
 * standard's own English names) and countries-list (names and native names), plus a short list of aliases.
 */
export function resolveCountry(text: string): string | null {
  const s = text.normalize('NFKC').trim();
  if (s === '') return null;
  if (/^[A-Za-z]{2}$/.test(s)) {
    const code = s.toUpperCase();
    if (code in countries) return code;
    if (code === 'UK') return 'GB';
    return null;
  }
  if (/^[A-Za-z]{3}$/.test(s)) {
    const code = iso31661Alpha3ToAlpha2[s.toUpperCase()];
    if (code) return code;
  }
  const key = nameKey(s);
  return countryNames().get(key) ?? countryNames().get(key.replace(/^the /, '')) ?? null;
}
