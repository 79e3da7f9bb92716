import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, isPublicPath, staffPath } from './headers';

describe('contentSecurityPolicy', () => {
  it('allows only nonced scripts and no framing in production', () => {
    const csp = contentSecurityPolicy('abc', false);
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
  });

  it('allows eval only for the development build', () => {
    expect(contentSecurityPolicy('abc', true)).toContain("'unsafe-eval'");
  });
});

describe('isPublicPath', () => {
  it.each(['/', '/partners', '/zh', '/zh/partners', '/partners/guangzhou-lahore', '/login', '/zh/login', '/api/health', '/files/0e8a2f2c-1b0e-4c55-9a5e-5c1d2a3b4c5d', '/open-data', '/zh/open-data', '/api/open-data/partners.csv', '/robots.txt', '/sitemap.xml', '/icon.svg'])(
    '%s is public',
    (p) => expect(isPublicPath(p)).toBe(true),
  );
  it.each(['/dashboard', '/zh/dashboard', '/partnerships', '/admin/users', '/zhx/partners', '/partnersx', '/filesx', '/partnerships/x/files/y', '/zh/robots.txt', '/login.txt'])(
    '%s is for staff',
    (p) => expect(isPublicPath(p)).toBe(false),
  );
});

describe('staffPath', () => {
  it.each([
    ['/admin/users', '/admin/users'],
    ['/zh/account/password', '/account/password'],
    ['/account', '/account'],
    ['/partners', null],
    ['/accounting', null],
    ['/no-such-page', null],
  ])('%s -> %s', (p, expected) => expect(staffPath(p)).toBe(expected));
});
