import { describe, expect, it } from 'vitest';
import { newUserInputSchema } from './users';

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
