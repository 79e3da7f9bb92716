import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IMPORT_FIELDS, headerKey, proposeMapping, usableMapping, type ImportField } from './columns';

// The shared dataset lies beside the checkout (/work/shared/data); the repository keeps a copy as the demo seed.
const SHARED_DATASET = new URL('../../../shared/data/guangzhou-partner-cities.csv', import.meta.url);
const SEED_DATASET = new URL('../../db/seed/data/guangzhou-partner-cities.csv', import.meta.url);
const EXPORT_ROUTE = new URL('../../app/[locale]/(staff)/partnerships/export/route.ts', import.meta.url);

function firstLine(url: URL): string[] {
  return readFileSync(url, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0]!.split(',');
}

describe('proposeMapping', () => {
  it.skipIf(!existsSync(SHARED_DATASET))('reads the same header in the shared dataset as in its copy in the seed', () => {
    expect(firstLine(SHARED_DATASET)).toEqual(firstLine(SEED_DATASET));
  });

  it("maps the shared dataset's header completely, with no change", () => {
    const header = firstLine(SEED_DATASET);
    const mapping = proposeMapping(header);
    expect(Object.fromEntries(header.map((h, i) => [h, mapping[i]]))).toEqual({
      city_en: 'partner_en',
      city_zh: 'partner_zh',
      country_code: 'partner_country',
      country_en: 'partner_country_name',
      relationship: 'type',
      established_year: 'established_year',
      established_date: 'established',
      latitude: 'latitude',
      longitude: 'longitude',
      source: 'sources',
    });
    expect(usableMapping(mapping)).toBe(true);
  });

  it("maps the staff export's header (read from the route) onto its own fields", () => {
    const source = readFileSync(EXPORT_ROUTE, 'utf8');
    const list = /const HEADER = \[([^\]]*)\]/.exec(source)?.[1];
    expect(list, 'the export route declares its HEADER').toBeDefined();
    const header = [...list!.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
    expect(header.length).toBeGreaterThan(10);
    expect(proposeMapping(header)).toEqual(header);
    expect(usableMapping(proposeMapping(header))).toBe(true);
  });

  it('reads English and Chinese headers, whatever their case, spaces and underscores', () => {
    expect(proposeMapping(['City', '城市', '国家', 'Relationship', '结好时间', '纬度', '经度', '备注'])).toEqual([
      'partner_en',
      'partner_zh',
      'partner_country',
      'type',
      'established',
      'latitude',
      'longitude',
      'notes',
    ]);
    expect(proposeMapping(['CITY EN', 'City-ZH', 'Country Code', 'TYPE', 'Established Date', 'Established (year)'])).toEqual([
      'partner_en',
      'partner_zh',
      'partner_country',
      'type',
      'established',
      'established_year',
    ]);
    expect(proposeMapping(['序号', '友城', '中文名', '国别', '类型', '结好日期', '合作领域', '是否公开', '来源'])).toEqual([
      null,
      'partner_zh',
      null,
      'partner_country',
      'type',
      'established',
      'cooperation_fields',
      'public',
      'sources',
    ]);
    expect(proposeMapping(['ＣＩＴＹ', 'country_code', 'lat', 'lng', 'Wikidata', 'status'])).toEqual([
      'partner_en',
      'partner_country',
      'latitude',
      'longitude',
      'wikidata_id',
      'status',
    ]);
  });

  it('proposes a field once, for the first column naming it, and leaves unknown columns unmapped', () => {
    expect(proposeMapping(['city', 'City', 'name', 'population', '', 'country', 'country_code'])).toEqual([
      'partner_en',
      null,
      null,
      null,
      null,
      'partner_country',
      null,
    ]);
  });

  it('knows each header name for one field only', () => {
    const mapping = proposeMapping(IMPORT_FIELDS.map((f) => f));
    expect(mapping).toEqual([...IMPORT_FIELDS]);
  });
});

describe('headerKey', () => {
  it('ignores case, width, spaces, underscores, hyphens, dots and brackets', () => {
    expect(headerKey(' Established_Date ')).toBe('establisheddate');
    expect(headerKey('established-date.')).toBe('establisheddate');
    expect(headerKey('（纬度）')).toBe('纬度');
  });
});

describe('usableMapping', () => {
  const cases: Array<[Array<ImportField | null>, boolean]> = [
    [['partner_en', 'partner_country'], true],
    [['partner_zh', null, 'partner_country_name'], true],
    [['partner_en', 'partner_zh'], false],
    [['partner_country', 'type'], false],
    [[null, null], false],
    [[], false],
    [['partner_en', 'partner_country', 'partner_en'], false],
  ];
  it.each(cases)('says %j is %s', (mapping, usable) => {
    expect(usableMapping(mapping)).toBe(usable);
  });

  it('refuses a field name the import does not know', () => {
    expect(usableMapping(['partner_en', 'partner_country', 'population'])).toBe(false);
    expect(usableMapping(['partner_en', 'partner_country', ''])).toBe(true);
  });
});
