import { describe, expect, it } from 'vitest';
import { parseSearchParams, partnerSearchSchema } from './search-params';

describe('partnerSearchSchema via parseSearchParams', () => {
  it.each([
    [{}, ''],
    [{ q: 'lahore' }, 'lahore'],
    [{ q: '  São   Paulo ' }, 'São Paulo'],
    [{ q: ['a', 'b'] }, 'a'],
    [{ q: [] }, ''],
    [{ q: 'x'.repeat(100) }, 'x'.repeat(100)],
  ])('%j searches for %j', (params, q) => {
    expect(parseSearchParams(partnerSearchSchema, params)).toEqual({ value: { q }, problem: null });
  });

  it('refuses an over-long search with a message and searches for nothing', () => {
    expect(parseSearchParams(partnerSearchSchema, { q: 'x'.repeat(101) })).toEqual({
      value: { q: '' },
      problem: 'validation.searchTooLong',
    });
    expect(parseSearchParams(partnerSearchSchema, { q: 'x'.repeat(10_000) }).problem).toBe('validation.searchTooLong');
  });

  it('ignores parameters it does not know', () => {
    expect(parseSearchParams(partnerSearchSchema, { page: 'abc', q: 'fukuoka' })).toEqual({ value: { q: 'fukuoka' }, problem: null });
  });
});
