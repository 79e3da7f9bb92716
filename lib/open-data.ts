import type { OpenDataDirectory, OpenDataPartner } from '../db/queries/open-data';
import { partialDateText } from './calendar-date';
import { toCsv } from './csv-export';
import { LANGUAGE_TAG } from './i18n/routing';
import { absoluteUrl, partnerPagePath } from './seo';

// The open data's files and their shape. Column and key names are stable (they never follow the reader's
// language) so a script written against one download reads the next; a change of shape raises the version.

/** The downloads' stable addresses (locale-free route handlers under app/api/open-data/). */
export const OPEN_DATA_FILES = { csv: '/api/open-data/partners.csv', json: '/api/open-data/partners.json' } as const;

/** The version of the JSON shape below; raised when a key is removed or changes meaning (a new key keeps it). */
export const OPEN_DATA_VERSION = 1;

/** The licence the office publishes its compilation under (the sources allow it: see /open-data). */
export const OPEN_DATA_LICENSE = {
  id: 'CC-BY-4.0',
  name: 'Creative Commons Attribution 4.0 International',
  url: 'https://creativecommons.org/licenses/by/4.0/',
} as const;

/** The CSV's columns, in order; /open-data explains each one. */
export const OPEN_DATA_COLUMNS = [
  'partner_en',
  'partner_zh',
  'country_code',
  'country_en',
  'country_zh',
  'level',
  'type',
  'status',
  'established',
  'established_precision',
  'latitude',
  'longitude',
  'wikidata_id',
  'cooperation_fields',
  'page_en',
  'page_zh',
] as const;

const countryNames = {
  en: new Intl.DisplayNames([LANGUAGE_TAG.en], { type: 'region', fallback: 'code' }),
  zh: new Intl.DisplayNames([LANGUAGE_TAG.zh], { type: 'region', fallback: 'code' }),
};

/** A country's name in English and Chinese from its ISO 3166-1 code (the code itself for one Intl does not know). */
export function countryName(code: string, locale: 'en' | 'zh'): string {
  try {
    return countryNames[locale].of(code) ?? code;
  } catch {
    return code;
  }
}

/** One partner as the JSON file gives it. */
export interface OpenDataJsonPartner {
  nameEn: string;
  nameZh: string | null;
  countryCode: string;
  countryEn: string;
  countryZh: string;
  level: OpenDataPartner['level'];
  type: OpenDataPartner['type'];
  status: OpenDataPartner['status'];
  /** `1979`, `1996-08` or `1979-05-02`: the date as far as it is known, with how far that is. */
  established: { date: string; precision: NonNullable<OpenDataPartner['establishedPrecision']> } | null;
  latitude: number | null;
  longitude: number | null;
  wikidataId: string | null;
  cooperationFields: OpenDataPartner['cooperationFields'];
  /** The public partner page in each language. */
  page: { en: string; zh: string };
}

/** The JSON file: `version` and `license` first, then whose directory, when it was read, and the partners. */
export interface OpenDataJson {
  version: typeof OPEN_DATA_VERSION;
  license: typeof OPEN_DATA_LICENSE & { attribution: { en: string; zh: string } };
  /** The page that documents this file, in English and Chinese. */
  documentation: { en: string; zh: string };
  asOf: string;
  home: OpenDataDirectory['home'];
  count: number;
  partners: OpenDataJsonPartner[];
}

function jsonPartner(p: OpenDataPartner, origin: string): OpenDataJsonPartner {
  const path = partnerPagePath(p.slug);
  return {
    nameEn: p.nameEn,
    nameZh: p.nameZh,
    countryCode: p.countryCode,
    countryEn: countryName(p.countryCode, 'en'),
    countryZh: countryName(p.countryCode, 'zh'),
    level: p.level,
    type: p.type,
    status: p.status,
    established:
      p.establishedOn && p.establishedPrecision
        ? { date: partialDateText(p.establishedOn, p.establishedPrecision), precision: p.establishedPrecision }
        : null,
    latitude: p.latitude,
    longitude: p.longitude,
    wikidataId: p.wikidataId,
    cooperationFields: p.cooperationFields,
    page: { en: absoluteUrl(origin, path, 'en'), zh: absoluteUrl(origin, path, 'zh') },
  };
}

/**
 * The JSON document of the public directory. `origin` is the site's address (lib/seo.ts siteOrigin) for the
 * page links; `attribution` the credit line in both languages, from the catalogue.
 */
export function openDataJson(directory: OpenDataDirectory, origin: string, attribution: { en: string; zh: string }): OpenDataJson {
  return {
    version: OPEN_DATA_VERSION,
    license: { ...OPEN_DATA_LICENSE, attribution },
    documentation: { en: absoluteUrl(origin, '/open-data', 'en'), zh: absoluteUrl(origin, '/open-data', 'zh') },
    asOf: directory.asOf,
    home: directory.home,
    count: directory.partners.length,
    partners: directory.partners.map((p) => jsonPartner(p, origin)),
  };
}

/**
 * The CSV document of the public directory (UTF-8 with a byte-order mark, CRLF, a header row of
 * OPEN_DATA_COLUMNS). Coordinates are written as numbers, so a negative longitude stays a number, while any text
 * that would start a spreadsheet formula is neutralised (lib/csv-export.ts). Several cooperation fields are
 * separated by ';'.
 */
export function openDataCsv(directory: OpenDataDirectory, origin: string): string {
  return toCsv(
    [...OPEN_DATA_COLUMNS],
    directory.partners.map((p) => {
      const j = jsonPartner(p, origin);
      return [
        j.nameEn,
        j.nameZh,
        j.countryCode,
        j.countryEn,
        j.countryZh,
        j.level,
        j.type,
        j.status,
        j.established?.date ?? null,
        j.established?.precision ?? null,
        j.latitude,
        j.longitude,
        j.wikidataId,
        j.cooperationFields.join(';'),
        j.page.en,
        j.page.zh,
      ];
    }),
  );
}
