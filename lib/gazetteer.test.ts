import { describe, expect, it } from 'vitest';
import { searchGazetteer } from './gazetteer';

describe('searchGazetteer', () => {
  it('finds Lahore with its GeoNames coordinates', () => {
    const [first] = searchGazetteer('lahore', { countryCode: 'PK' });
    expect(first).toMatchObject({ nameEn: 'Lahore', countryCode: 'PK', level: 'city' });
    expect(first!.key).toMatch(/^geonames:\d+$/);
    expect(first!.latitude).toBeCloseTo(31.55, 1);
    expect(first!.longitude).toBeCloseTo(74.34, 1);
  });

  it('finds provinces and counties from ISO 3166-2, accents optional', () => {
    expect(searchGazetteer('sindh', { countryCode: 'PK' })[0]).toMatchObject({ key: 'iso3166-2:PK-SD', nameEn: 'Sindh', level: 'province' });
    expect(searchGazetteer('balochistan', { countryCode: 'PK' })[0]).toMatchObject({ key: 'iso3166-2:PK-BA', nameEn: 'Balōchistān' });
    expect(searchGazetteer('pest', { countryCode: 'HU' }).map((e) => e.key)).toContain('iso3166-2:HU-PE');
  });

  it('finds Łódź by "lodz", larger places first', () => {
    const results = searchGazetteer('lodz');
    expect(results[0]).toMatchObject({ nameEn: 'Łódź', countryCode: 'PL' });
  });

  it('answers nothing for one letter, and at most the limit', () => {
    expect(searchGazetteer('l')).toEqual([]);
    expect(searchGazetteer('san', { limit: 5 })).toHaveLength(5);
  });
});
