import { describe, expect, it } from 'vitest';
import { directoryFilterSchema, isNarrowed } from './directory';
import { parseSearchParams } from './search-params';

const parse = (params: Record<string, string | string[]>) => parseSearchParams(directoryFilterSchema, params);

describe('the directory query string', () => {
  it('takes every filter', () => {
    expect(parse({ q: ' Japan ', continent: 'AS', country: 'jp', type: 'sister_city', field: 'trade', from: '1990', to: '2000', sort: '-year', page: '2' })).toEqual({
      value: { q: 'Japan', continent: 'AS', country: 'JP', type: 'sister_city', field: 'trade', from: 1990, to: 2000, sort: '-year', page: 2 },
      problem: null,
    });
  });

  it.each([
    [{ continent: 'Atlantis' }],
    [{ continent: '' }],
    [{ country: 'Japan' }],
    [{ type: 'enemy' }],
    [{ field: '<script>' }],
    [{ from: 'soon' }],
    [{ to: '99999' }],
    [{ from: '' }],
    [{ sort: 'price' }],
    [{ page: '-3' }],
    [{ page: 'x' }],
    [{ page: '1e99' }],
    [{ unknown: 'thing' }],
  ])('ignores %o', (params) => {
    const { value, problem } = parse(params);
    expect(problem).toBeNull();
    expect(value).toEqual({ q: '', continent: undefined, country: undefined, type: undefined, field: undefined, from: undefined, to: undefined, sort: 'name', page: 1 });
    expect(isNarrowed(value)).toBe(false);
  });

  it('swaps a year range given the wrong way round, takes the first of repeated values', () => {
    expect(parse({ from: '2010', to: '1990' }).value).toMatchObject({ from: 1990, to: 2010 });
    expect(parse({ country: ['FR', 'DE'] }).value).toMatchObject({ country: 'FR' });
  });

  it('reports an over-long search and searches for nothing', () => {
    const { value, problem } = parse({ q: 'x'.repeat(101), country: 'FR' });
    expect(problem).toBe('validation.searchTooLong');
    expect(value.q).toBe('');
    expect(value.country).toBeUndefined();
  });
});
