import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { parseSearchParams } from './search-params';
import { partnershipFilterSchema, partnershipInputSchema, partnershipUpdateSchema } from './partnerships';

const PARTNER = '5b2e4a43-54e4-4f33-9a6b-0f1a6d2f1c11';
const valid = {
  partnerLocalityId: PARTNER,
  type: 'sister_city',
  status: 'active',
  established: '1996-08',
  establishedBasis: 'Signing',
  cooperationFields: ['trade', 'culture', 'trade'],
  summaryEn: '  Trade and culture. ',
  summaryZh: '',
  internalNotes: undefined,
  isPublic: 'on',
};

function firstError(input: unknown, schema: z.ZodType = partnershipInputSchema) {
  const r = schema.safeParse(input);
  return r.success ? null : { path: r.error.issues[0]!.path.join('.'), message: r.error.issues[0]!.message };
}

describe('partnershipInputSchema', () => {
  it('accepts a form and normalises it', () => {
    expect(partnershipInputSchema.parse(valid)).toMatchObject({
      partnerLocalityId: PARTNER,
      type: 'sister_city',
      status: 'active',
      established: '1996-08',
      establishedBasis: 'Signing',
      cooperationFields: ['trade', 'culture'],
      summaryEn: 'Trade and culture.',
      summaryZh: null,
      internalNotes: null,
      isPublic: true,
    });
  });

  it('accepts no date, no fields and an unticked box', () => {
    const out = partnershipInputSchema.parse({ partnerLocalityId: PARTNER, type: 'other', status: 'proposed' });
    expect(out).toMatchObject({ cooperationFields: [], isPublic: false });
    expect(out.established).toBeUndefined();
  });

  it.each([
    [{ partnerLocalityId: '' }, 'partnerLocalityId', 'validation.choosePartner'],
    [{ partnerLocalityId: 'lahore' }, 'partnerLocalityId', 'validation.choosePartner'],
    [{ type: 'twin_town' }, 'type', 'validation.invalid'],
    [{ status: 'happy' }, 'status', 'validation.invalid'],
    [{ established: '1996-13' }, 'established', 'validation.partialDate'],
    [{ established: '2023-02-29' }, 'established', 'validation.partialDate'],
    [{ established: '02/05/1979' }, 'established', 'validation.partialDate'],
    [{ established: '2999-01-01' }, 'established', 'validation.futureDate'],
    [{ establishedBasis: 'x'.repeat(501) }, 'establishedBasis', 'validation.tooLong'],
    [{ summaryEn: 'x'.repeat(2001) }, 'summaryEn', 'validation.tooLong'],
    [{ internalNotes: 'x'.repeat(5001) }, 'internalNotes', 'validation.tooLong'],
    [{ cooperationFields: ['trade', 'mining'] }, 'cooperationFields.1', 'validation.invalid'],
    [{ cooperationFields: 'trade' }, 'cooperationFields', 'validation.invalid'],
  ])('refuses %j at %s', (change, path, message) => {
    expect(firstError({ ...valid, ...change })).toEqual({ path, message });
  });

  it('allows a future date for a tie still proposed', () => {
    expect(firstError({ ...valid, status: 'proposed', established: '2999-01-01' })).toBeNull();
  });

  it('refuses a forged payload field by field', () => {
    expect(partnershipInputSchema.safeParse({}).success).toBe(false);
  });
});

describe('partnershipUpdateSchema', () => {
  it('needs the id and the version the editor started from', () => {
    expect(firstError({ ...valid, id: PARTNER, version: '3' }, partnershipUpdateSchema)).toBeNull();
    expect(firstError({ ...valid, id: PARTNER, version: '0' }, partnershipUpdateSchema)?.path).toBe('version');
    expect(firstError({ ...valid, version: '2' }, partnershipUpdateSchema)?.path).toBe('id');
  });
});

describe('partnershipFilterSchema', () => {
  it('reads a full query string', () => {
    expect(
      parseSearchParams(partnershipFilterSchema, {
        q: 'lahore',
        type: 'sister_city',
        status: 'active',
        country: 'pk',
        field: 'trade',
        level: 'city',
        visibility: 'public',
        scope: 'home',
        from: '2000',
        to: '2021',
        sort: '-established',
        page: '2',
        deleted: '1',
      }).value,
    ).toEqual({
      q: 'lahore',
      type: 'sister_city',
      status: 'active',
      country: 'PK',
      field: 'trade',
      level: 'city',
      visibility: 'public',
      scope: 'home',
      from: 2000,
      to: 2021,
      sort: '-established',
      page: 2,
      deleted: '1',
    });
  });

  it('drops what it does not understand', () => {
    expect(
      parseSearchParams(partnershipFilterSchema, {
        type: 'twin',
        status: ['active', 'terminated'],
        country: 'Pakistan',
        from: 'abc',
        to: '99999',
        sort: 'password',
        page: '-4',
        deleted: 'yes',
      }),
    ).toEqual({
      value: { q: '', type: undefined, status: 'active', country: undefined, field: undefined, level: undefined, visibility: undefined, scope: undefined, from: undefined, to: undefined, sort: 'partner', page: 1, deleted: undefined },
      problem: null,
    });
  });
});
