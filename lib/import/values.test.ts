import { describe, expect, it } from 'vitest';
import en from '../i18n/messages/en.json';
import zh from '../i18n/messages/zh.json';
import type { ImportFileErrorKind } from './read';
import type { ImportDateError } from './dates';
import {
  withoutFormulaGuard,
  parseCooperationFields,
  parseFieldValue,
  parseImportRow,
  parseLatitude,
  parseLevel,
  parseLongitude,
  parsePartnershipId,
  parsePublic,
  parseSources,
  parseStatus,
  parseType,
  parseWikidataId,
  type ImportValueError,
} from './values';
import { proposeMapping } from './columns';

describe('parseType', () => {
  it.each([
    ['sister_city', 'sister_city'],
    ['Sister city', 'sister_city'],
    ['SISTER CITY', 'sister_city'],
    ['sister-city', 'sister_city'],
    ['友好城市', 'sister_city'],
    ['姐妹城市', 'sister_city'],
    ['Twin town', 'sister_city'],
    ['friendly_cooperation_city', 'friendly_cooperation_city'],
    ['Friendly cooperation city', 'friendly_cooperation_city'],
    ['友好合作城市', 'friendly_cooperation_city'],
    ['友好合作交流城市', 'friendly_cooperation_city'],
    ['友好交流城市', 'friendly_cooperation_city'],
    ['友好交流合作城市', 'friendly_cooperation_city'],
    ['友好省州', 'sister_province'],
    ['Sister province or state', 'sister_province'],
    ['Sister state', 'sister_province'],
    ['友好合作交流省州', 'friendly_cooperation_province'],
    ['友好城区', 'sister_district'],
    ['其他关系', 'other'],
  ])('reads %j as %s', (text, type) => {
    expect(parseType(text)).toBe(type);
  });

  it('gives null for an empty cell and type_unknown for other words', () => {
    expect(parseType('  ')).toBeNull();
    expect(parseType('best friends')).toEqual({ error: 'type_unknown' });
    expect(parseType('sister')).toEqual({ error: 'type_unknown' });
  });
});

describe('parseStatus and parseLevel', () => {
  it.each([
    ['active', 'active'],
    ['Active', 'active'],
    ['有效', 'active'],
    ['Letter of intent', 'letter_of_intent'],
    ['letter_of_intent', 'letter_of_intent'],
    ['已终止', 'terminated'],
    ['Terminated', 'terminated'],
    ['洽谈中', 'negotiating'],
  ])('reads the status %j as %s', (text, status) => {
    expect(parseStatus(text)).toBe(status);
  });

  it.each([
    ['city', 'city'],
    ['City', 'city'],
    ['城市', 'city'],
    ['Province or state', 'province'],
    ['省／州', 'province'],
    ['省/州', 'province'],
    ['State', 'province'],
    ['县', 'county'],
    ['District', 'district'],
    ['地区', 'region'],
  ])('reads the level %j as %s', (text, level) => {
    expect(parseLevel(text)).toBe(level);
  });

  it('refuses other words', () => {
    expect(parseStatus('dormant')).toEqual({ error: 'status_unknown' });
    expect(parseLevel('village')).toEqual({ error: 'level_unknown' });
  });
});

describe('parseCooperationFields', () => {
  it.each([
    ['culture;education', ['culture', 'education']],
    ['culture, education', ['culture', 'education']],
    ['文化、教育、科技', ['culture', 'education', 'science_technology']],
    ['文化，教育；体育', ['culture', 'education', 'sports']],
    ['Science and technology; Health', ['science_technology', 'health']],
    ['经贸、文化', ['economy', 'trade', 'culture']],
    ['Trade; 贸易; trade', ['trade']],
    ['urban_governance', ['urban_governance']],
    ['culture\neducation', ['culture', 'education']],
  ])('reads %j', (text, fields) => {
    expect(parseCooperationFields(text)).toEqual(fields);
  });

  it('names the first unknown item', () => {
    expect(parseCooperationFields('culture; astrology; magic')).toEqual({ error: 'cooperation_field_unknown', text: 'astrology' });
    expect(parseCooperationFields(' ; , ')).toBeNull();
  });
});

describe('parsePublic', () => {
  it.each([
    ['yes', true],
    ['Yes', true],
    ['TRUE', true],
    ['true', true],
    ['1', true],
    ['是', true],
    ['√', true],
    ['no', false],
    ['False', false],
    ['0', false],
    ['否', false],
    ['不公开', false],
  ])('reads %j as %s', (text, value) => {
    expect(parsePublic(text)).toBe(value);
  });

  it('refuses anything else', () => {
    expect(parsePublic('maybe')).toEqual({ error: 'public_unknown' });
    expect(parsePublic('')).toBeNull();
  });
});

describe('coordinates', () => {
  it('reads decimal degrees, with a point or a decimal comma', () => {
    expect(parseLatitude('33.6')).toBe(33.6);
    expect(parseLatitude('-33,8688')).toBe(-33.8688);
    expect(parseLatitude('+5')).toBe(5);
    expect(parseLongitude('-118.24368')).toBe(-118.24368);
    expect(parseLongitude('180')).toBe(180);
    expect(parseLatitude('-90')).toBe(-90);
    expect(parseLatitude('')).toBeNull();
  });

  it('checks the range and refuses what is not a plain number', () => {
    expect(parseLatitude('90.0001')).toEqual({ error: 'latitude_out_of_range' });
    expect(parseLatitude('130.4')).toEqual({ error: 'latitude_out_of_range' });
    expect(parseLongitude('-180.5')).toEqual({ error: 'longitude_out_of_range' });
    expect(parseLatitude('33°36′N')).toEqual({ error: 'not_a_number' });
    expect(parseLatitude('1,234.5')).toEqual({ error: 'not_a_number' });
    expect(parseLongitude('1e2')).toEqual({ error: 'not_a_number' });
    expect(parseLongitude('NaN')).toEqual({ error: 'not_a_number' });
  });
});

describe('identifiers and lists', () => {
  it('reads a Wikidata id', () => {
    expect(parseWikidataId('Q123')).toBe('Q123');
    expect(parseWikidataId(' q15174 ')).toBe('Q15174');
    expect(parseWikidataId('https://www.wikidata.org/wiki/Q15174')).toBe('Q15174');
    expect(parseWikidataId('Q0123')).toEqual({ error: 'wikidata_invalid' });
    expect(parseWikidataId('123')).toEqual({ error: 'wikidata_invalid' });
    expect(parseWikidataId('P31')).toEqual({ error: 'wikidata_invalid' });
  });

  it('reads a partnership id', () => {
    expect(parsePartnershipId('5C0D6C3E-8D7B-4E3A-9E39-2B1B2D0C9F11')).toBe('5c0d6c3e-8d7b-4e3a-9e39-2b1b2d0c9f11');
    expect(parsePartnershipId('42')).toEqual({ error: 'id_invalid' });
  });

  it("splits sources as the shared dataset writes them, keeping a ';' inside an address", () => {
    expect(parseSources('https://a.example/x; https://b.example/y')).toEqual(['https://a.example/x', 'https://b.example/y']);
    expect(parseSources('https://a.example/x;y=1')).toEqual(['https://a.example/x;y=1']);
    expect(parseSources('FAO list\nXinhua 2019-11-01\nFAO list')).toEqual(['FAO list', 'Xinhua 2019-11-01']);
    expect(parseSources(' ')).toBeNull();
  });
});

describe('parseFieldValue', () => {
  it('gives each field its value under the registry name', () => {
    expect(parseFieldValue('partner_en', ' Fukuoka ')).toEqual({ value: { nameEn: 'Fukuoka' } });
    expect(parseFieldValue('partner_country', '日本')).toEqual({ value: { countryCode: 'JP' } });
    expect(parseFieldValue('type', '友好城市')).toEqual({ value: { type: 'sister_city' } });
    expect(parseFieldValue('established', '1979年5月2日')).toEqual({ value: { established: { on: '1979-05-02', precision: 'day' } } });
    expect(parseFieldValue('notes', 'call first')).toEqual({ value: { internalNotes: 'call first' } });
    expect(parseFieldValue('public', '')).toBeNull();
  });

  it('refuses a bad cell with its key', () => {
    expect(parseFieldValue('partner_country', 'Atlantis')).toEqual({ error: 'country_unknown', text: 'Atlantis' });
    expect(parseFieldValue('established', '02/05/1979')).toEqual({ error: 'ambiguous' });
    expect(parseFieldValue('partner_en', 'x'.repeat(201))).toEqual({ error: 'text_too_long' });
  });
});

describe('parseImportRow', () => {
  const header = ['city_en', 'city_zh', 'country_code', 'country_en', 'relationship', 'established_year', 'established_date', 'latitude', 'longitude', 'source'];
  const mapping = proposeMapping(header);

  it("reads a row of the shared dataset, the two date columns combined (the more precise wins)", () => {
    const row = ['Fukuoka', '福冈', 'JP', 'Japan', 'sister_city', '1979', '1979-05-02', '33.6', '130.41667', 'https://a.example/1; https://b.example/2'];
    expect(parseImportRow(mapping, row)).toEqual({
      values: {
        nameEn: 'Fukuoka',
        nameZh: '福冈',
        countryCode: 'JP',
        type: 'sister_city',
        established: { on: '1979-05-02', precision: 'day' },
        latitude: 33.6,
        longitude: 130.41667,
        sources: ['https://a.example/1', 'https://b.example/2'],
      },
      errors: [],
    });
  });

  it('keeps a year when the date column is empty, and sets nothing for blank cells', () => {
    const row = ['Lahore', '拉合尔', 'PK', 'Pakistan', 'friendly_cooperation_city', '2021', '', '', '', ''];
    expect(parseImportRow(mapping, row).values).toEqual({
      nameEn: 'Lahore',
      nameZh: '拉合尔',
      countryCode: 'PK',
      type: 'friendly_cooperation_city',
      established: { on: '2021-01-01', precision: 'year' },
    });
  });

  it('gives every refused cell with its field', () => {
    const row = ['Nowhere', '', 'XX', 'Japan', 'best friends', '1980', '1979-05-02', '95', '130', ''];
    expect(parseImportRow(mapping, row).errors).toEqual([
      { field: 'partner_country', error: 'country_unknown', text: 'XX' },
      { field: 'type', error: 'type_unknown' },
      { field: 'latitude', error: 'latitude_out_of_range' },
      { field: 'established_year', error: 'dates_disagree' },
    ]);
  });

  it('refuses two country columns that name different countries', () => {
    const row = ['Busan', '釜山', 'KR', 'Japan', 'sister_city', '', '', '', '', ''];
    const read = parseImportRow(mapping, row);
    expect(read.errors).toEqual([{ field: 'partner_country_name', error: 'countries_disagree' }]);
    expect(read.values.countryCode).toBe('KR');
  });

  it('puts an error of the date on the column that holds it', () => {
    expect(parseImportRow(mapping, ['A', '', 'JP', '', '', '19x9', '1979-05-02', '', '', '']).errors).toEqual([
      { field: 'established_year', error: 'unrecognised' },
    ]);
    expect(parseImportRow(['partner_en', 'partner_country', 'established', 'established_precision'], ['A', 'JP', '1979', 'day']).errors).toEqual([
      { field: 'established_precision', error: 'precision_finer_than_date' },
    ]);
  });
});

describe('the import catalogue', () => {
  const keys: Array<ImportValueError | ImportDateError | ImportFileErrorKind> = [
    'too_large',
    'too_large_unpacked',
    'not_tabular',
    'no_header',
    'no_sheet',
    'too_many_rows',
    'too_many_columns',
    'unreadable',
    'ambiguous',
    'impossible',
    'unrecognised',
    'dates_disagree',
    'precision_unknown',
    'precision_finer_than_date',
    'type_unknown',
    'status_unknown',
    'level_unknown',
    'cooperation_field_unknown',
    'public_unknown',
    'not_a_number',
    'latitude_out_of_range',
    'longitude_out_of_range',
    'wikidata_invalid',
    'id_invalid',
    'country_unknown',
    'countries_disagree',
    'text_too_long',
  ];

  it('has every error key in English and Chinese, with the limit where there is one', () => {
    for (const catalogue of [en.import, zh.import] as Array<Record<string, string>>) {
      for (const key of keys) expect(catalogue[key], key).toMatch(/\S/);
      for (const key of ['too_large', 'too_large_unpacked', 'too_many_rows', 'too_many_columns']) expect(catalogue[key]).toContain('{limit, number}');
    }
    expect(Object.keys(en.import).sort()).toEqual([...keys].sort());
  });
});

describe('withoutFormulaGuard', () => {
  it.each([
    ["'-2 km from the sea", '-2 km from the sea'],
    ["'=SUM(A1)", '=SUM(A1)'],
    ["'+86 20", '+86 20'],
    ["'@office", '@office'],
    ["'\tindented", '\tindented'],
    ["'quoted'", "'quoted'"],
    ['-3', '-3'],
    ['plain', 'plain'],
  ])('reads %j back as %j', (cell, text) => {
    expect(withoutFormulaGuard(cell)).toBe(text);
  });

  it('applies to every mapped cell of a row', () => {
    const { values } = parseImportRow(['partner_en', 'summary_en'], ['Lahore', "'=the masks and the Orange Line"]);
    expect(values.summaryEn).toBe('=the masks and the Orange Line');
  });
});

