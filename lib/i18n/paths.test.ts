import { describe, expect, it } from 'vitest';
import { localizedHref } from './paths';

describe('localizedHref', () => {
  it.each([
    ['en', '/partners', '/partners'],
    ['zh', '/partners', '/zh/partners'],
    ['en', '/', '/'],
    ['zh', '/', '/zh'],
    ['zh', { pathname: '/partners', query: { type: 'sister_city', page: 2, skip: undefined } }, '/zh/partners?type=sister_city&page=2'],
    ['en', { pathname: '/partners', query: { field: ['trade', 'culture'], q: 'São Paulo & co' } }, '/partners?field=trade&field=culture&q=S%C3%A3o+Paulo+%26+co'],
    ['en', { pathname: '/partners', query: {} }, '/partners'],
  ] as const)('%s %j is %s', (locale, href, expected) => {
    expect(localizedHref(locale, href)).toBe(expected);
  });
});
