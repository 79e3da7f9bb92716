import { describe, expect, it } from 'vitest';
import { newUserInputSchema, settingsSchema } from './users';

const valid = { email: ' Ana@Example.org ', name: ' Ana ', role: 'editor', password: 'correct horse battery' };

describe('newUserInputSchema', () => {
  it('accepts a valid user, trimming and lower-casing the email', () => {
    expect(newUserInputSchema.parse(valid)).toEqual({
      email: 'ana@example.org',
      name: 'Ana',
      role: 'editor',
      password: 'correct horse battery',
    });
  });

  it.each([
    [{ email: 'not-an-email' }, 'email'],
    [{ name: '   ' }, 'name'],
    [{ role: 'owner' }, 'role'],
    [{ password: 'short' }, 'password'],
    [{ password: 'x'.repeat(129) }, 'password'],
  ])('rejects %o on %s', (patch, field) => {
    const result = newUserInputSchema.safeParse({ ...valid, ...patch });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path[0])).toContain(field);
  });

  it('counts characters, not bytes: twelve Chinese characters are enough', () => {
    expect(newUserInputSchema.safeParse({ ...valid, password: '广州拉合尔友好城市合作交流' }).success).toBe(true);
  });
});

describe('settingsSchema', () => {
  it.each([
    [{ version: '3', requireTotp: 'on' }, { version: 3, requireTotp: true }],
    [{ version: '3' }, { version: 3, requireTotp: false }],
    [{ version: '1', requireTotp: '' }, { version: 1, requireTotp: false }],
  ])('reads the form %o', (input, output) => {
    expect(settingsSchema.parse(input)).toEqual(output);
  });

  it('refuses a missing or bad version and an unknown checkbox value', () => {
    expect(settingsSchema.safeParse({ requireTotp: 'on' }).success).toBe(false);
    expect(settingsSchema.safeParse({ version: 'x' }).success).toBe(false);
    expect(settingsSchema.safeParse({ version: '1', requireTotp: 'yes please' }).success).toBe(false);
  });
});
