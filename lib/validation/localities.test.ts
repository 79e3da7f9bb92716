import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from '../action-state';
import { formerNameSchema, localityMergeSchema, localityRefSchema, localityRenameSchema } from './localities';

const ID = '5b2e4a43-54e4-4f33-9a6b-0f1a6d2f1c11';
const OTHER = '0c7d4a43-54e4-4f33-9a6b-0f1a6d2f1c22';

/** The first field error of a refused parse, as the form shows it, or 'ok'. */
function outcome(schema: { safeParse(v: unknown): { success: true } | { success: false; error: never } }, value: unknown) {
  const r = schema.safeParse(value);
  if (r.success) return 'ok';
  return Object.entries(fieldErrorsOf(r.error)).map(([field, m]) => `${field}: ${m!.key}`)[0];
}

describe('localityRenameSchema', () => {
  const base = { id: ID, version: '3', nameEn: 'Dnipro', nameZh: '第聂伯', renamedOn: '2016-05' };
  it.each([
    ['a month', base, 'ok'],
    ['a year', { ...base, renamedOn: '2016' }, 'ok'],
    ['a day, names trimmed', { ...base, nameEn: '  Dnipro ', renamedOn: '2016-05-19' }, 'ok'],
    ['no English name', { ...base, nameEn: '   ' }, 'nameEn: validation.required'],
    ['no Chinese name', { ...base, nameZh: '' }, 'nameZh: validation.required'],
    ['a name too long', { ...base, nameEn: 'x'.repeat(201) }, 'nameEn: validation.tooLong'],
    ['no date', { ...base, renamedOn: '' }, 'renamedOn: validation.partialDate'],
    ['an impossible date', { ...base, renamedOn: '2016-02-30' }, 'renamedOn: validation.partialDate'],
    ['words for a date', { ...base, renamedOn: 'May 2016' }, 'renamedOn: validation.partialDate'],
    ['a future date', { ...base, renamedOn: '2999' }, 'renamedOn: validation.pastDate'],
    ['no version', { ...base, version: '' }, 'version: validation.invalid'],
    ['a malformed id', { ...base, id: 'lahore' }, 'id: validation.invalid'],
    ['nothing at all', {}, 'id: validation.invalid'],
  ])('%s', (_name, value, expected) => {
    expect(outcome(localityRenameSchema as never, value)).toBe(expected);
  });

  it('keeps the date as typed, so its precision survives', () => {
    expect(localityRenameSchema.parse(base)).toMatchObject({ nameEn: 'Dnipro', renamedOn: '2016-05', version: 3 });
  });
});

describe('formerNameSchema', () => {
  const base = { localityId: ID, version: '2', nameEn: 'Roebourne Shire', nameZh: '', usedFrom: '1887', usedUntil: '2016-05', note: '' };
  it.each([
    ['a new name with dates', base, 'ok'],
    ['a correction of one', { ...base, nameId: OTHER }, 'ok'],
    ['no dates', { ...base, usedFrom: '', usedUntil: '' }, 'ok'],
    ['from and until in one year', { ...base, usedFrom: '2016', usedUntil: '2016-05' }, 'ok'],
    ['no English name', { ...base, nameEn: '' }, 'nameEn: validation.required'],
    ['until before from', { ...base, usedFrom: '2016-06', usedUntil: '2016-05' }, 'usedUntil: validation.endBeforeStart'],
    ['a bad from', { ...base, usedFrom: '18870' }, 'usedFrom: validation.partialDate'],
    ['a future until', { ...base, usedUntil: '2999-01-01' }, 'usedUntil: validation.pastDate'],
    ['a malformed name id', { ...base, nameId: 'x' }, 'nameId: validation.invalid'],
    ['a note too long', { ...base, note: 'n'.repeat(501) }, 'note: validation.tooLong'],
  ])('%s', (_name, value, expected) => {
    expect(outcome(formerNameSchema as never, value)).toBe(expected);
  });

  it('turns blanks into nulls and an empty name id into none', () => {
    expect(formerNameSchema.parse({ ...base, nameId: '', usedFrom: '' })).toMatchObject({ nameId: undefined, nameZh: null, usedFrom: null, note: null });
  });
});

describe('localityMergeSchema and localityRefSchema', () => {
  const base = { id: ID, version: '4', mergedId: OTHER, mergedOn: '2008-07-01' };
  it.each([
    ['a dated merge', base, 'ok'],
    ['an undated merge', { ...base, mergedOn: '' }, 'ok'],
    ['no locality chosen', { ...base, mergedId: '' }, 'mergedId: validation.chooseLocality'],
    ['a future date', { ...base, mergedOn: '2999' }, 'mergedOn: validation.pastDate'],
    ['a version of zero', { ...base, version: '0' }, 'version: validation.invalid'],
  ])('%s', (_name, value, expected) => {
    expect(outcome(localityMergeSchema as never, value)).toBe(expected);
  });

  it('refuses an undo without a version', () => {
    expect(outcome(localityRefSchema as never, { id: ID })).toBe('version: validation.invalid');
    expect(outcome(localityRefSchema as never, { id: ID, version: '7' })).toBe('ok');
  });
});
