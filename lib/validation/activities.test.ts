import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from '../action-state';
import {
  activityFilterSchema,
  activityFormFields,
  activityInputSchema,
  activityUpdateSchema,
  isCurrencyCode,
  lastDayOf,
  parseAmount,
} from './activities';

const LAHORE = '0b4e7a3e-1c7f-4d2a-9a55-2b1f3c4d5e6f';
const KARACHI = '1c5f8b4f-2d80-4e3b-8b66-3c2a4d5e6f70';
const PESHAWAR = '2d6a9c50-3e91-4f4c-9c77-4d3b5e6f7081';

/** A valid donation to three partners, as the form sends it (strings), with `change` applied. */
function donation(change: Record<string, unknown> = {}) {
  return {
    kind: 'donation',
    status: 'completed',
    direction: 'outgoing',
    titleEn: 'Masks for Pakistan, 2020',
    titleZh: '向巴基斯坦捐赠口罩',
    started: '2020-04',
    ended: '2020-05-20',
    valueAmount: '1,250,000.50',
    valueCurrency: 'cny',
    participants: '',
    links: 'https://example.org/news/1\n\n  http://example.org/2  \nhttps://example.org/news/1',
    isPublic: true,
    cooperationFields: ['health', 'health'],
    partners: [
      { partnershipId: LAHORE, status: 'completed' },
      { partnershipId: KARACHI, status: 'ongoing' },
      { partnershipId: PESHAWAR, status: 'completed' },
      { partnershipId: '', status: 'completed' },
    ],
    quantities: [
      { partnershipId: LAHORE, itemEn: 'Surgical masks', itemZh: '医用口罩', amount: '20,000', unit: 'pieces' },
      { partnershipId: KARACHI, itemEn: 'Surgical masks', itemZh: '', amount: '15000', unit: 'pieces' },
      { partnershipId: PESHAWAR, itemEn: 'Surgical masks', itemZh: '', amount: '5000.00', unit: 'pieces' },
      { partnershipId: '', itemEn: '', itemZh: '', amount: '', unit: '' },
    ],
    organisations: [{ nameEn: 'Guangzhou Metro', nameZh: '广州地铁', roleEn: 'operator and maintainer', roleZh: '' }, { nameEn: '', nameZh: '', roleEn: '', roleZh: '' }],
    milestones: [{ date: '2020-10', titleEn: 'Start of operation', titleZh: '', note: '' }, { date: '', titleEn: '', titleZh: '', note: '' }],
    ...change,
  };
}

/** The field errors (catalogue keys) of a refused input. */
function errorsOf(input: unknown): Record<string, string> {
  const parsed = activityInputSchema.safeParse(input);
  if (parsed.success) return {};
  // The first issue of each field, as the form shows it.
  return Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]).reverse());
}

describe('activity input schema', () => {
  it('accepts a donation to three partners and keeps only the rows typed in', () => {
    const parsed = activityInputSchema.parse(donation());
    expect(parsed.valueAmount).toBe('1250000.5');
    expect(parsed.valueCurrency).toBe('CNY');
    expect(parsed.participants).toBeNull();
    expect(parsed.links).toEqual(['https://example.org/news/1', 'http://example.org/2']);
    expect(parsed.cooperationFields).toEqual(['health']);
    expect(parsed.partners).toEqual([
      { partnershipId: LAHORE, status: 'completed' },
      { partnershipId: KARACHI, status: 'ongoing' },
      { partnershipId: PESHAWAR, status: 'completed' },
    ]);
    expect(parsed.quantities.map((q) => q.amount)).toEqual(['20000', '15000', '5000']);
    expect(parsed.organisations).toHaveLength(1);
    expect(parsed.milestones).toEqual([{ date: '2020-10', titleEn: 'Start of operation', titleZh: null, note: null }]);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['an end before the start', { started: '2020-05-02', ended: '2020-05-01' }, 'ended', 'validation.endBeforeStart'],
    ['an end year before the start year', { started: '2021', ended: '2020' }, 'ended', 'validation.endBeforeStart'],
    ['an end written less precisely than the start, in the same year', { started: '2020-05', ended: '2020' }, 'ended', 'activities.endPrecision'],
    ['an end without a start', { started: '', ended: '2020' }, 'started', 'activities.startForEnd'],
    ['an impossible date', { started: '2023-02-29' }, 'started', 'validation.partialDate'],
    ['a currency that is not ISO 4217', { valueCurrency: 'XYZ' }, 'valueCurrency', 'activities.currency'],
    ['a currency written out', { valueCurrency: 'yuan' }, 'valueCurrency', 'activities.currency'],
    ['a value without its currency', { valueCurrency: '' }, 'valueCurrency', 'activities.currency'],
    ['a currency without a value', { valueAmount: '' }, 'valueAmount', 'activities.amountForCurrency'],
    ['a negative value', { valueAmount: '-5' }, 'valueAmount', 'activities.amountNegative'],
    ['a value in words', { valueAmount: 'a lot' }, 'valueAmount', 'activities.amountNumber'],
    ['a value past numeric(18, 2)', { valueAmount: '12345678901234567' }, 'valueAmount', 'activities.amountTooLarge'],
    ['three decimals', { valueAmount: '1.234' }, 'valueAmount', 'activities.amountNumber'],
    ['negative participants', { participants: '-3' }, 'participants', 'activities.amountNegative'],
    ['participants in words', { participants: 'forty' }, 'participants', 'activities.participantsNumber'],
    ['a title over 300 characters', { titleEn: 'x'.repeat(301) }, 'titleEn', 'validation.tooLong'],
    ['no English title', { titleEn: '  ' }, 'titleEn', 'validation.required'],
    ['a description over its limit', { descriptionZh: '长'.repeat(5001) }, 'descriptionZh', 'validation.tooLong'],
    ['an unknown kind', { kind: 'party' }, 'kind', 'validation.invalid'],
    ['a link that is not a web address', { links: 'javascript:alert(1)' }, 'links', 'activities.link'],
    ['a link without its scheme', { links: 'www.example.org' }, 'links', 'activities.link'],
    ['too many links', { links: Array.from({ length: 21 }, (_, i) => `https://example.org/${i}`).join('\n') }, 'links', 'activities.tooManyLinks'],
  ])('refuses %s beside the field', (_what, change, field, key) => {
    expect(errorsOf(donation(change))[field]).toBe(key);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['a negative quantity', { amount: '-200' }, 'quantities.0.amount', 'activities.amountNegative'],
    ['a quantity in words', { amount: 'twenty thousand' }, 'quantities.0.amount', 'activities.amountNumber'],
    ['a quantity without its amount', { amount: '' }, 'quantities.0.amount', 'validation.required'],
    ['a quantity without its item', { itemEn: '' }, 'quantities.0.itemEn', 'validation.required'],
    ['an item over its limit', { itemEn: 'm'.repeat(201) }, 'quantities.0.itemEn', 'validation.tooLong'],
    ['a quantity for a partner not listed', { partnershipId: '3e7b0d61-4fa2-4a5d-8d88-5e4c6f708192' }, 'quantities.0.partnershipId', 'activities.quantityPartner'],
    ['a quantity for something that is not an id', { partnershipId: 'lahore' }, 'quantities.0.partnershipId', 'activities.choosePartnership'],
  ])('refuses %s in its row', (_what, change, field, key) => {
    const input = donation();
    input.quantities[0] = { ...input.quantities[0]!, ...change } as (typeof input.quantities)[number];
    expect(errorsOf(input)[field]).toBe(key);
  });

  it('reports every problem at once: a bad amount does not hide an end before the start', () => {
    const input = donation({ started: '2020-05', ended: '2020-04', valueCurrency: 'XYZ', participants: 'many', links: 'not a link' });
    input.quantities[1] = { ...input.quantities[1]!, amount: '-15000' };
    input.quantities[2] = { ...input.quantities[2]!, amount: 'lots' };
    expect(errorsOf(input)).toEqual({
      ended: 'validation.endBeforeStart',
      valueCurrency: 'activities.currency',
      participants: 'activities.participantsNumber',
      links: 'activities.link',
      'quantities.1.amount': 'activities.amountNegative',
      'quantities.2.amount': 'activities.amountNumber',
    });
  });

  it('refuses an activity without partners, and a partner listed twice', () => {
    expect(errorsOf(donation({ partners: [{ partnershipId: '', status: 'completed' }], quantities: [] }))['partners.0.partnershipId']).toBe('activities.partnerRequired');
    expect(errorsOf(donation({ partners: [{ partnershipId: LAHORE }, { partnershipId: LAHORE }], quantities: [] }))['partners.1.partnershipId']).toBe(
      'activities.duplicatePartner',
    );
  });

  it('asks for the name of an organisation given a role, and the title of a dated milestone', () => {
    const errors = errorsOf(
      donation({ organisations: [{ nameEn: '', roleEn: 'operator' }], milestones: [{ date: '2020', titleEn: '' }] }),
    );
    expect(errors['organisations.0.nameEn']).toBe('validation.required');
    expect(errors['milestones.0.titleEn']).toBe('validation.required');
  });

  it('refuses anything but a form-shaped object, field by field, without throwing', () => {
    for (const junk of [null, 'x', 42, [], { partners: 'all', quantities: {} }]) {
      const parsed = activityInputSchema.safeParse(junk);
      expect(parsed.success).toBe(false);
    }
  });

  it('maps row errors to the names react-hook-form uses', () => {
    const input = donation();
    input.quantities[1] = { ...input.quantities[1]!, amount: '-1' };
    const parsed = activityInputSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(Object.keys(fieldErrorsOf(parsed.error!))).toEqual(['quantities.1.amount']);
  });

  it('takes the id and version when editing', () => {
    const parsed = activityUpdateSchema.parse({ ...donation(), id: LAHORE, version: '3' });
    expect(parsed).toMatchObject({ id: LAHORE, version: 3 });
    expect(parsed.partners).toHaveLength(3);
    expect(activityUpdateSchema.safeParse({ ...donation(), id: LAHORE, version: '0' }).success).toBe(false);
  });
});

describe('amounts, currencies and dates', () => {
  it.each([
    ['20000', '20000'],
    ['20,000', '20000'],
    [' 1 200 ', '1200'],
    ['007', '7'],
    ['12.50', '12.5'],
    ['0', '0'],
    ['0.00', '0'],
  ])('reads %j as %j', (text, value) => {
    expect(parseAmount(text)).toEqual({ value });
  });

  it.each([
    ['-1', 'activities.amountNegative'],
    ['-0.5', 'activities.amountNegative'],
    ['1e5', 'activities.amountNumber'],
    ['NaN', 'activities.amountNumber'],
    ['Infinity', 'activities.amountNumber'],
    ['1.', 'activities.amountNumber'],
    ['0x10', 'activities.amountNumber'],
    ['9'.repeat(17), 'activities.amountTooLarge'],
  ])('refuses %j', (text, problem) => {
    expect(parseAmount(text)).toEqual({ problem });
  });

  it('knows ISO 4217 codes from Intl', () => {
    for (const code of ['CNY', 'USD', 'PKR', 'EUR', 'JPY']) expect(isCurrencyCode(code)).toBe(true);
    for (const code of ['XYZ', 'usd', 'RMB', 'US', '']) expect(isCurrencyCode(code)).toBe(false);
  });

  it('gives the last day a partial date covers', () => {
    expect(lastDayOf({ on: '2020-01-01', precision: 'year' })).toBe('2020-12-31');
    expect(lastDayOf({ on: '2020-02-01', precision: 'month' })).toBe('2020-02-29');
    expect(lastDayOf({ on: '2021-02-01', precision: 'month' })).toBe('2021-02-28');
    expect(lastDayOf({ on: '2021-04-01', precision: 'month' })).toBe('2021-04-30');
    expect(lastDayOf({ on: '2021-04-05', precision: 'day' })).toBe('2021-04-05');
  });
});

describe('the form data of the activity form', () => {
  it('becomes rows in index order, with cooperation fields as a list', () => {
    const data = new FormData();
    data.append('titleEn', 'Masks\u0000');
    data.append('cooperationFields', 'health');
    data.append('cooperationFields', 'youth');
    data.append('quantities.10.amount', '3');
    data.append('quantities.2.amount', '1');
    data.append('quantities.2.itemEn', 'Masks');
    data.append('partners.0.partnershipId', LAHORE);
    data.append('partners.0.status', 'completed');
    const fields = activityFormFields(data);
    expect(fields.titleEn).toBe('Masks');
    expect(fields.cooperationFields).toEqual(['health', 'youth']);
    expect(fields.quantities).toEqual([{ amount: '1', itemEn: 'Masks' }, { amount: '3' }]);
    expect(fields.partners).toEqual([{ partnershipId: LAHORE, status: 'completed' }]);
    expect(fields.organisations).toEqual([]);
    expect(Object.keys(fields).some((k) => k.includes('.'))).toBe(false);
  });

  it('is empty for anything but FormData', () => {
    expect(activityFormFields('x')).toEqual({});
    expect(activityFormFields(undefined)).toEqual({});
  });
});

describe('the list filters', () => {
  it('keep what is valid and drop the rest', () => {
    expect(activityFilterSchema.parse({ kind: 'donation', status: 'nope', year: '2020', partnership: 'x', country: 'pk', page: '-3', visibility: 'internal' })).toEqual({
      q: '',
      kind: 'donation',
      status: undefined,
      direction: undefined,
      partnership: undefined,
      country: 'PK',
      field: undefined,
      year: 2020,
      visibility: 'internal',
      page: 1,
      deleted: undefined,
    });
  });
});
