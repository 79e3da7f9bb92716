import { describe, expect, it } from 'vitest';
import { readDashboardQuery } from './dashboard';

const today = '2026-11-29';

describe('readDashboardQuery', () => {
  it('defaults to today and three years', () => {
    expect(readDashboardQuery({}, today)).toEqual({ value: { asOf: today, dormantYears: 3 }, errors: {}, given: { asOf: '', dormant: '' } });
    expect(readDashboardQuery({ asOf: ' ', dormant: '' }, today).value).toEqual({ asOf: today, dormantYears: 3 });
  });

  it('takes a past date and a threshold, the first of repeated values', () => {
    expect(readDashboardQuery({ asOf: ['2021-11-19', '2020-01-01'], dormant: '5' }, today)).toMatchObject({
      value: { asOf: '2021-11-19', dormantYears: 5 },
      errors: {},
    });
    expect(readDashboardQuery({ asOf: today }, today).errors).toEqual({});
  });

  it.each([
    ['2021-02-29', 'asOfInvalid'],
    ['19/11/2021', 'asOfInvalid'],
    ['2021-11-19T00:00', 'asOfInvalid'],
    ['<script>', 'asOfInvalid'],
    ['2026-11-30', 'asOfFuture'],
    ['1899-12-31', 'asOfTooEarly'],
  ])('refuses the date %s with %s and shows today', (asOf, error) => {
    const read = readDashboardQuery({ asOf }, today);
    expect(read.errors).toEqual({ asOf: error });
    expect(read.value.asOf).toBe(today);
    expect(read.given.asOf).toBe(asOf);
  });

  it.each(['0', '51', '2.5', '-1', 'three', '1e1', '9999'])('refuses the threshold %s', (dormant) => {
    const read = readDashboardQuery({ dormant }, today);
    expect(read.errors).toEqual({ dormant: 'dormantInvalid' });
    expect(read.value.dormantYears).toBe(3);
  });
});
