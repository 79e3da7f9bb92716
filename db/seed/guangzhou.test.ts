import { describe, expect, it } from 'vitest';
import { levelOf, readPartnerRows } from './guangzhou';

describe('the shipped dataset', () => {
  const rows = readPartnerRows();

  it('has the 93 rows its README counts, in 62 countries', () => {
    expect(rows).toHaveLength(93);
    expect(rows.filter((r) => r.relationship === 'sister_city')).toHaveLength(38);
    expect(new Set(rows.map((r) => r.countryCode)).size).toBe(62);
  });

  it('runs from Fukuoka (1979) and has Lahore and Pest County in November 2021', () => {
    expect(rows[0]).toMatchObject({ cityEn: 'Fukuoka', cityZh: '福冈', date: '1979-05-02' });
    expect(rows.find((r) => r.cityEn === 'Lahore')).toMatchObject({ cityZh: '拉合尔', year: 2021, date: null });
    expect(rows.find((r) => r.cityEn === 'Pest County')).toMatchObject({ date: '2021-11-24' });
  });

  it('gives every row a Chinese name and a source', () => {
    for (const r of rows) {
      expect(r.cityZh, r.cityEn).not.toBe('');
      expect(r.sources.length, r.cityEn).toBeGreaterThan(0);
    }
  });
});

describe('levelOf', () => {
  it.each([
    ['Mombasa County', 'county'],
    ['Bình Dương Province', 'province'],
    ['Guam', 'region'],
    ['Penang Island', 'region'],
    ['Lahore', 'city'],
  ])('%s is a %s', (name, level) => expect(levelOf(name)).toBe(level));
});
