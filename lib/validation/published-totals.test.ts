import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from '../action-state';
import { MAX_PUBLISHED_COUNT, publishedTotalInputSchema, publishedTotalRefSchema, publishedTotalUpdateSchema } from './published-totals';

/** The office's table of 2022-04-19, as the form sends it (text), with `change` applied. */
function table(change: Record<string, unknown> = {}) {
  return {
    announcedOn: '2022-04-19',
    partners: '101',
    countries: '',
    sisterPartners: '38',
    sisterCountries: '35',
    friendlyPartners: '63',
    friendlyCountries: '45',
    sourceTitle: ' Guangzhou Foreign Affairs Office ',
    sourceUrl: 'https://www.gz.gov.cn/post.html',
    note: '',
    ...change,
  };
}

/** Each refused field and its first message (a catalogue key), as the form shows them. */
function errorsOf(input: unknown): Record<string, string> {
  const parsed = publishedTotalInputSchema.safeParse(input);
  if (parsed.success) return {};
  return Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]).reverse());
}

describe('published total input schema', () => {
  it('reads the counts as numbers, a blank one as not announced, and trims the texts', () => {
    expect(publishedTotalInputSchema.parse(table())).toEqual({
      announcedOn: '2022-04-19',
      partners: 101,
      countries: null,
      sisterPartners: 38,
      sisterCountries: 35,
      friendlyPartners: 63,
      friendlyCountries: 45,
      sourceTitle: 'Guangzhou Foreign Affairs Office',
      sourceUrl: 'https://www.gz.gov.cn/post.html',
      note: null,
    });
  });

  it.each([
    ['99', 99],
    [' 1 200 ', 1200],
    ['1,200', 1200],
    ['0', 0],
    [String(MAX_PUBLISHED_COUNT), MAX_PUBLISHED_COUNT],
  ])('accepts the count %j as %d', (text, value) => {
    expect(publishedTotalInputSchema.parse({ announcedOn: '2021-11-19', partners: text }).partners).toBe(value);
  });

  it('needs only the date and the partners in all', () => {
    expect(publishedTotalInputSchema.parse({ announcedOn: '2021-11-19', partners: '99', countries: '65' })).toMatchObject({
      partners: 99,
      countries: 65,
      sisterPartners: null,
      friendlyCountries: null,
      sourceTitle: null,
      sourceUrl: null,
    });
  });

  it.each<[string, Record<string, unknown>, Record<string, string>]>([
    ['no partners in all', { partners: '' }, { partners: 'validation.required' }],
    ['no date', { announcedOn: '' }, { announcedOn: 'validation.required' }],
    ['a negative count', { sisterPartners: '-1' }, { sisterPartners: 'publishedTotals.countNumber' }],
    ['a fraction', { partners: '99.5' }, { partners: 'publishedTotals.countNumber' }],
    ['words', { countries: 'sixty-five' }, { countries: 'publishedTotals.countNumber' }],
    ['a count past the largest', { partners: String(MAX_PUBLISHED_COUNT + 1) }, { partners: 'publishedTotals.countTooLarge' }],
    ['a count as a number, not text', { partners: 99 }, { partners: 'validation.invalid' }],
    ['a date with a time', { announcedOn: '2021-11-19T10:00' }, { announcedOn: 'validation.date' }],
    ['a month only', { announcedOn: '2021-11' }, { announcedOn: 'validation.date' }],
    ['an impossible day', { announcedOn: '2022-02-29' }, { announcedOn: 'validation.date' }],
    ['a date in the future', { announcedOn: '2999-01-01' }, { announcedOn: 'publishedTotals.futureDate' }],
    ['a date before 1900', { announcedOn: '1899-12-31' }, { announcedOn: 'publishedTotals.tooEarlyDate' }],
    ['a source that is not a web address', { sourceUrl: 'javascript:alert(1)' }, { sourceUrl: 'publishedTotals.sourceUrlInvalid' }],
    ['an over-long note', { note: 'n'.repeat(2001) }, { note: 'validation.tooLong' }],
    ['sister partners above the whole', { partners: '30', countries: '', friendlyPartners: '', friendlyCountries: '' }, { sisterPartners: 'publishedTotals.partExceedsPartners' }],
    ['the two parts above the whole', { partners: '100' }, { friendlyPartners: 'publishedTotals.partsExceedPartners' }],
    ['more countries than partners', { partners: '101', countries: '102' }, { countries: 'publishedTotals.countriesExceedPartners' }],
    ['more sister countries than sister partners', { sisterCountries: '39' }, { sisterCountries: 'publishedTotals.countriesExceedPartners' }],
    ['a part in more countries than all', { countries: '40' }, { friendlyCountries: 'publishedTotals.partExceedsCountries' }],
    ['countries of a part without its partners', { sisterPartners: '' }, { sisterCountries: 'publishedTotals.countriesWithoutPartners' }],
  ])('refuses %s beside the field', (_case, change, expected) => {
    expect(errorsOf(table(change))).toEqual(expected);
  });

  it('shows every problem at once, comparing the counts that parsed even when another field was refused', () => {
    expect(errorsOf(table({ announcedOn: 'soon', partners: '100', sisterCountries: 'x' }))).toEqual({
      announcedOn: 'validation.date',
      friendlyPartners: 'publishedTotals.partsExceedPartners',
      sisterCountries: 'publishedTotals.countNumber',
    });
    // A part's countries with its partners refused (not blank): the one message is beside the partners.
    expect(errorsOf(table({ sisterPartners: 'many' }))).toEqual({ sisterPartners: 'publishedTotals.countNumber' });
  });

  it("keeps this feature's message keys when the action maps the errors to fields", () => {
    const parsed = publishedTotalInputSchema.safeParse(table({ partners: '-3', note: 'n'.repeat(2001) }));
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(fieldErrorsOf(parsed.error, 'publishedTotals')).toEqual({ partners: { key: 'publishedTotals.countNumber' }, note: { key: 'validation.tooLong' } });
    expect(fieldErrorsOf(parsed.error)).toEqual({ partners: { key: 'validation.invalid' }, note: { key: 'validation.tooLong' } });
  });
});

describe('published total update and reference schemas', () => {
  const id = '0b4e7a3e-1c7f-4d2a-9a55-2b1f3c4d5e6f';

  it('need the id and a positive version', () => {
    expect(publishedTotalUpdateSchema.parse(table({ id, version: '3' }))).toMatchObject({ id, version: 3, partners: 101 });
    expect(publishedTotalUpdateSchema.safeParse(table({ id: 'x', version: '3' })).success).toBe(false);
    expect(publishedTotalRefSchema.safeParse({ id, version: '0' }).success).toBe(false);
    expect(publishedTotalRefSchema.parse({ id, version: '2' })).toEqual({ id, version: 2 });
  });

  it('apply the same rules as a new announcement', () => {
    expect(publishedTotalUpdateSchema.safeParse(table({ id, version: '1', countries: '200' })).success).toBe(false);
  });
});
