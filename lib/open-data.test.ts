import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { OpenDataDirectory, OpenDataPartner } from '../db/queries/open-data';
import { parseCsv } from './csv';
import { OPEN_DATA_COLUMNS, openDataCsv, openDataJson } from './open-data';

const ORIGIN = 'https://amity.example.org';

function partner(over: Partial<OpenDataPartner>): OpenDataPartner {
  return {
    slug: 'guangzhou-los-angeles',
    nameEn: 'Los Angeles',
    nameZh: '洛杉矶',
    countryCode: 'US',
    level: 'city',
    type: 'sister_city',
    status: 'active',
    establishedOn: '1981-12-08',
    establishedPrecision: 'day',
    latitude: 34.05223,
    longitude: -118.24368,
    wikidataId: 'Q65',
    cooperationFields: ['culture', 'trade'],
    ...over,
  };
}

function directory(partners: OpenDataPartner[]): OpenDataDirectory {
  return {
    home: { nameEn: 'Guangzhou', nameZh: '广州', countryCode: 'CN', wikidataId: null },
    partners,
    asOf: '2025-06-01T08:00:00.000Z',
  };
}

describe('openDataCsv', () => {
  it('writes a BOM, the header and one row per partner, with its pages and dates at their precision', () => {
    const text = openDataCsv(directory([partner({}), partner({ slug: 'guangzhou-busan', nameEn: 'Busan', nameZh: '釜山', countryCode: 'KR', establishedOn: '1996-08-01', establishedPrecision: 'month', latitude: null, longitude: null, wikidataId: null, cooperationFields: [] })]), ORIGIN);
    expect(text.startsWith(`\uFEFF${OPEN_DATA_COLUMNS.join(',')}\r\n`)).toBe(true);
    const rows = parseCsv(text);
    expect(rows).toEqual([
      {
        partner_en: 'Los Angeles',
        partner_zh: '洛杉矶',
        country_code: 'US',
        country_en: 'United States',
        country_zh: '美国',
        level: 'city',
        type: 'sister_city',
        status: 'active',
        established: '1981-12-08',
        established_precision: 'day',
        latitude: '34.05223',
        longitude: '-118.24368',
        wikidata_id: 'Q65',
        cooperation_fields: 'culture;trade',
        page_en: 'https://amity.example.org/partners/guangzhou-los-angeles',
        page_zh: 'https://amity.example.org/zh/partners/guangzhou-los-angeles',
      },
      expect.objectContaining({ partner_en: 'Busan', country_en: 'South Korea', established: '1996-08', established_precision: 'month', latitude: '', longitude: '', wikidata_id: '', cooperation_fields: '' }),
    ]);
  });

  it('keeps a negative longitude a number: unquoted, and read back as a number by a spreadsheet-like parser', () => {
    const text = openDataCsv(directory([partner({ latitude: -33.86785, longitude: -118.24 })]), ORIGIN);
    const line = text.split('\r\n')[1]!;
    expect(line).toContain(',-33.86785,-118.24,');
    expect(line).not.toContain("'-");
    const parsed = Papa.parse<Record<string, unknown>>(text.slice(1), { header: true, dynamicTyping: true, skipEmptyLines: true });
    expect(parsed.data[0]!.latitude).toBe(-33.86785);
    expect(parsed.data[0]!.longitude).toBe(-118.24);
  });

  it.each([
    ['=HYPERLINK("http://evil.example","x")'],
    ['+1+1'],
    ['-1+1'],
    ['@SUM(A1:A2)'],
    ['\t=1'],
    ['\r=1'],
    ['=1\nsecond line'],
  ])('neutralises a text starting a formula: %j', (name) => {
    const text = openDataCsv(directory([partner({ nameEn: name, nameZh: name })]), ORIGIN);
    const [row] = parseCsv(text);
    expect(row!.partner_en).toBe(`'${name}`);
    expect(row!.partner_zh).toBe(`'${name}`);
    expect(row!.longitude).toBe('-118.24368');
  });
});

describe('openDataJson', () => {
  it('carries the version, the licence with its attribution, the date read and the partners', () => {
    const doc = openDataJson(directory([partner({ establishedOn: '1979-01-01', establishedPrecision: 'year' })]), ORIGIN, { en: 'credit', zh: '署名' });
    expect(doc).toMatchObject({
      version: 1,
      license: { id: 'CC-BY-4.0', url: 'https://creativecommons.org/licenses/by/4.0/', attribution: { en: 'credit', zh: '署名' } },
      documentation: { en: `${ORIGIN}/open-data`, zh: `${ORIGIN}/zh/open-data` },
      asOf: '2025-06-01T08:00:00.000Z',
      home: { nameEn: 'Guangzhou', nameZh: '广州', countryCode: 'CN', wikidataId: null },
      count: 1,
    });
    expect(doc.partners[0]).toEqual({
      nameEn: 'Los Angeles',
      nameZh: '洛杉矶',
      countryCode: 'US',
      countryEn: 'United States',
      countryZh: '美国',
      level: 'city',
      type: 'sister_city',
      status: 'active',
      established: { date: '1979', precision: 'year' },
      latitude: 34.05223,
      longitude: -118.24368,
      wikidataId: 'Q65',
      cooperationFields: ['culture', 'trade'],
      page: { en: `${ORIGIN}/partners/guangzhou-los-angeles`, zh: `${ORIGIN}/zh/partners/guangzhou-los-angeles` },
    });
    expect(Object.keys(doc.partners[0]!)).not.toContain('slug');
  });

  it('gives an undated partner no date', () => {
    const doc = openDataJson(directory([partner({ establishedOn: null, establishedPrecision: null })]), ORIGIN, { en: '', zh: '' });
    expect(doc.partners[0]!.established).toBeNull();
  });
});
