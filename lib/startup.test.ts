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
});
