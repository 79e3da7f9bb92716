import { describe, expect, it } from 'vitest';
import { slugify } from './slug';

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
