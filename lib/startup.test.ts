import { describe, expect, it } from 'vitest';
import { configProblems } from './startup';

describe('configProblems', () => {
  it('asks for AUTH_SECRET in production', () => {
    expect(configProblems({ NODE_ENV: 'production' })).toEqual([
      'AUTH_SECRET is not set (generate one with: openssl rand -base64 33)',
    ]);
  });

  it('refuses a short secret in production', () => {
    expect(configProblems({ NODE_ENV: 'production', AUTH_SECRET: 'short' })).toEqual([
      'AUTH_SECRET is shorter than 32 characters',
    ]);
  });

  it('accepts a long secret, and development without one', () => {
    expect(configProblems({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(44) })).toEqual([]);
    expect(configProblems({ NODE_ENV: 'development' })).toEqual([]);
  });

  it('refuses a public address that is not an http(s) origin', () => {
    const base = { NODE_ENV: 'production' as const, AUTH_SECRET: 'x'.repeat(44) };
    expect(configProblems({ ...base, AMITY_PUBLIC_URL: 'https://amity.example.org' })).toEqual([]);
    expect(configProblems({ ...base, AMITY_PUBLIC_URL: 'http://127.0.0.1:8443/' })).toEqual([]);
    expect(configProblems({ ...base, AMITY_PUBLIC_URL: 'amity.example.org' })).toEqual(['AMITY_PUBLIC_URL is not a URL: amity.example.org']);
    expect(configProblems({ ...base, AMITY_PUBLIC_URL: 'ftp://amity.example.org' })[0]).toMatch(/http:\/\/ or https:\/\//);
    expect(configProblems({ ...base, AMITY_PUBLIC_URL: 'https://example.org/amity' })[0]).toMatch(/origin only/);
  });
});
