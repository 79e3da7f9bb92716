import { describe, expect, it } from 'vitest';
import { continentOf, countriesOfContinent, countryCodesByName, countryCodesMatching } from './countries';

describe('countries', () => {
  it.each([
    ['Japan', ['JP']],
    ['日本', ['JP']],
    ['  JAPAN ', ['JP']],
    ['turkiye', ['TR']],
    ['巴基斯坦', ['PK']],
    ['', []],
    ['Atlantis', []],
  ])('finds %s', (term, codes) => {
    expect(countryCodesMatching(term)).toEqual(codes);
  });

  it('knows continents from countries-list', () => {
    expect(continentOf('JP')).toBe('AS');
    expect(continentOf('BR')).toBe('SA');
    expect(continentOf('XX')).toBeNull();
    expect(countriesOfContinent('OC')).toContain('AU');
    expect(countriesOfContinent('OC')).not.toContain('JP');
  });

  it('orders countries by their name in a language', () => {
    const en = countryCodesByName('en');
    const zh = countryCodesByName('zh-CN');
    expect(en.indexOf('FR')).toBeLessThan(en.indexOf('DE'));
    expect(zh.indexOf('DE')).toBeLessThan(zh.indexOf('FR'));
  });
});
