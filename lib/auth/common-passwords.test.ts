import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCommonPassword } from './common-passwords';

describe('common-passwords.txt', () => {
  const lines = readFileSync(path.join(process.cwd(), 'lib/auth/common-passwords.txt'), 'utf8').trimEnd().split('\n');

  it('has at least 1,000 distinct lower-case entries', () => {
    expect(lines.length).toBeGreaterThanOrEqual(1000);
    expect(new Set(lines).size).toBe(lines.length);
    expect(lines.filter((line) => line !== line.toLowerCase() || line.trim() !== line || line === '')).toEqual([]);
  });
});

describe('isCommonPassword', () => {
  it.each([
    'password',
    'PASSWORD',
    '  Password  ',
    'iloveyou',
    'letmein',
    'qwertyuiop',
    'trustno1',
    'password1',
    'password1234!',
    'Dragon2024',
    'monkey!!!',
    'aaaaaaaaaaaa',
    'zzzzzzzzzzzzzzzz',
    '!!!!!!!!!!!!',
    'aaaaaaaaaaaa2024!',
    '123456789012',
    '987654321098',
    '1234567890',
    'abcdefghijkl',
    'ABCDEFGHIJKL',
    'lkjihgfedcba',
    'uvwxyzabcdef',
    'abcdefgh1234!',
    '',
    '   ',
  ])('rejects %j', (password) => {
    expect(isCommonPassword(password)).toBe(true);
  });

  it.each([
    'correct horse battery staple',
    'Tr0ub4dor&3 is long',
    'vhq7-mxp2-kz9w',
    'a83920175462',
    'ab83920175',
    'password-manager-generated',
    'passwordx1',
    '1password1x',
    '123456789013',
    'abcdefghijkm',
    'aaaaaaaaaaab',
    'ñandú con alas',
  ])('accepts %j', (password) => {
    expect(isCommonPassword(password)).toBe(false);
  });
});
