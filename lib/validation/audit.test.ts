import { describe, expect, it } from 'vitest';
import { auditFilterSchema } from './audit';

describe('auditFilterSchema', () => {
  it('keeps well-formed filters', () => {
    expect(auditFilterSchema.parse({ user: ' a@b.c ', from: '2026-11-01', to: '2026-11-29', page: '3' })).toEqual({
      user: 'a@b.c',
      action: undefined,
      record: undefined,
      recordId: undefined,
      from: '2026-11-01',
      to: '2026-11-29',
      page: 3,
    });
  });

  it.each([
    [{ from: '2026-99-99' }, 'from', undefined],
    [{ to: '2026-02-30' }, 'to', undefined],
    [{ from: ['2026-01-01', '2026-01-02'] }, 'from', undefined],
    [{ page: 'abc' }, 'page', 1],
    [{ page: '-1' }, 'page', 1],
    [{ page: '99999999999999999999' }, 'page', 1],
    [{ user: 'x'.repeat(201) }, 'user', undefined],
  ])('drops the malformed %j', (input, field, expected) => {
    expect(auditFilterSchema.parse(input)[field as keyof ReturnType<typeof auditFilterSchema.parse>]).toBe(expected);
  });
});
