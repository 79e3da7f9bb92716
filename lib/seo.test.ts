import { describe, expect, it } from 'vitest';
import { absoluteUrl, languageAlternates, localizedPath, pageAlternates, partnerPagePath, siteOrigin } from './seo';

const headers = (h: Record<string, string>) => new Headers(h);

describe('siteOrigin', () => {
  it('takes AMITY_PUBLIC_URL first, whatever the request says', () => {
    expect(siteOrigin(headers({ host: 'evil.example' }), { AMITY_PUBLIC_URL: 'https://amity.example.org/' })).toBe(
      'https://amity.example.org',
    );
  });

  it('falls back to the forwarded host and scheme, then the Host header', () => {
    expect(siteOrigin(headers({ host: '127.0.0.1:3000' }), {})).toBe('http://127.0.0.1:3000');
    expect(siteOrigin(headers({ host: 'internal:3000', 'x-forwarded-host': 'Amity.Example.org, proxy', 'x-forwarded-proto': 'https' }), {})).toBe(
      'https://amity.example.org',
    );
    expect(siteOrigin(headers({ host: '[::1]:3000' }), {})).toBe('http://[::1]:3000');
  });

  it('gives null for a host that is not one, or an invalid AMITY_PUBLIC_URL', () => {
    expect(siteOrigin(headers({}), {})).toBeNull();
    expect(siteOrigin(headers({ host: 'a.example/<script>' }), {})).toBeNull();
    expect(siteOrigin(headers({ host: 'user@a.example' }), {})).toBeNull();
    expect(siteOrigin(headers({ host: 'a.example' }), { AMITY_PUBLIC_URL: 'ftp://a.example' })).toBeNull();
  });
});

describe('page addresses', () => {
  it('puts Chinese under /zh and English at the root', () => {
    expect(localizedPath('/partners', 'en')).toBe('/partners');
    expect(localizedPath('/partners', 'zh')).toBe('/zh/partners');
    expect(localizedPath('/', 'zh')).toBe('/zh');
    expect(absoluteUrl('https://a.example', '/open-data', 'zh')).toBe('https://a.example/zh/open-data');
  });

  it('names both languages and the English page as x-default', () => {
    expect(languageAlternates('/open-data')).toEqual({ en: '/open-data', 'zh-CN': '/zh/open-data', 'x-default': '/open-data' });
    expect(pageAlternates('/partners', 'zh')).toEqual({
      canonical: '/zh/partners',
      languages: { en: '/partners', 'zh-CN': '/zh/partners', 'x-default': '/partners' },
    });
  });

  it('escapes a slug', () => {
    expect(partnerPagePath('guangzhou-lahore')).toBe('/partners/guangzhou-lahore');
    expect(partnerPagePath('a/b?c')).toBe('/partners/a%2Fb%3Fc');
  });
});
