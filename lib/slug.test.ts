import { describe, expect, it } from 'vitest';
import { sameLocalityName, slugify } from './slug';

describe('slugify', () => {
  it.each([
    ['Łódź', 'lodz'],
    ['São Paulo', 'sao-paulo'],
    ['Bình Dương Province', 'binh-duong-province'],
    ['Ōita', 'oita'],
    ['Linköping', 'linkoping'],
    ['  Saint Petersburg ', 'saint-petersburg'],
    ['Düsseldorf', 'dusseldorf'],
  ])('%s -> %s', (input, slug) => {
    expect(slugify(input)).toBe(slug);
  });
});

describe('sameLocalityName', () => {
  it.each([
    [{ nameEn: 'Łódź', level: 'city' }, { nameEn: 'Lodz', level: 'city' }, true],
    [{ nameEn: 'Pest County', level: 'county' }, { nameEn: 'Pest', level: 'province' }, true],
    [{ nameEn: 'Sindh Province', level: 'province' }, { nameEn: 'Sindh', level: 'province' }, true],
    [{ nameEn: 'Aichi Prefecture', level: 'region' }, { nameEn: 'aichi', level: 'province' }, true],
    // A city keeps its whole name: the city of Kent is not Kent County, nor Quebec City the province.
    [{ nameEn: 'Kent County', level: 'county' }, { nameEn: 'Kent', level: 'city' }, false],
    [{ nameEn: 'Quebec City', level: 'city' }, { nameEn: 'Quebec', level: 'province' }, false],
    [{ nameEn: 'Pest', level: 'county' }, { nameEn: 'Pesti', level: 'county' }, false],
    [{ nameEn: 'County', level: 'county' }, { nameEn: 'Province', level: 'province' }, false],
    [{ nameEn: '', level: 'city' }, { nameEn: '', level: 'city' }, false],
  ])('%j and %j: %s', (a, b, same) => {
    expect(sameLocalityName(a, b)).toBe(same);
    expect(sameLocalityName(b, a)).toBe(same);
  });
});
