import { describe, expect, it } from 'vitest';
import { combineImportDates, parseImportDate, parsePrecision } from './dates';

describe('parseImportDate', () => {
  it.each([
    // The formats, each to its date and precision.
    ['1979-05-02', '1979-05-02', 'day'],
    ['1979.5.2', '1979-05-02', 'day'],
    ['1979/5/2', '1979-05-02', 'day'],
    ['2006.12.04.', '2006-12-04', 'day'],
    ['19790502', '1979-05-02', 'day'],
    ['1979年5月2日', '1979-05-02', 'day'],
    ['1979年5月', '1979-05-01', 'month'],
    ['1979年', '1979-01-01', 'year'],
    ['2 May 1979', '1979-05-02', 'day'],
    ['May 2, 1979', '1979-05-02', 'day'],
    ['1996-08', '1996-08-01', 'month'],
    ['August 1996', '1996-08-01', 'month'],
    ['1979', '1979-01-01', 'year'],
    // Variants offices write.
    ['  1979-5-2  ', '1979-05-02', 'day'],
    ['2006. 12. 4.', '2006-12-04', 'day'],
    ['1979 - 05 - 02', '1979-05-02', 'day'],
    ['１９７９年５月２日', '1979-05-02', 'day'],
    ['1979年05月02日', '1979-05-02', 'day'],
    ['1979 年 5 月 2 日', '1979-05-02', 'day'],
    ['1979年5月2号', '1979-05-02', 'day'],
    ['2006년 12월 4일', '2006-12-04', 'day'],
    ['2006년 12월', '2006-12-01', 'month'],
    ['2006년', '2006-01-01', 'year'],
    ['1996/08', '1996-08-01', 'month'],
    ['1996.8', '1996-08-01', 'month'],
    ['08/1996', '1996-08-01', 'month'],
    ['8.1996', '1996-08-01', 'month'],
    ['2nd May 1979', '1979-05-02', 'day'],
    ['02-May-1979', '1979-05-02', 'day'],
    ['2 May, 1979', '1979-05-02', 'day'],
    ['may 2 1979', '1979-05-02', 'day'],
    ['MAY 2ND, 1979', '1979-05-02', 'day'],
    ['Sept. 4, 2006', '2006-09-04', 'day'],
    ['Aug 1996', '1996-08-01', 'month'],
    ['Aug-1996', '1996-08-01', 'month'],
    ['aug. 1996', '1996-08-01', 'month'],
    ['29 February 2000', '2000-02-29', 'day'],
    ['2024-02-29', '2024-02-29', 'day'],
    // Day and month read without a guess: equal parts, or one over 12 (rule in dates.ts).
    ['05/05/1979', '1979-05-05', 'day'],
    ['25/12/1979', '1979-12-25', 'day'],
    ['12/25/1979', '1979-12-25', 'day'],
    ['13.5.1979', '1979-05-13', 'day'],
    ['31-01-1979', '1979-01-31', 'day'],
    // A midnight as spreadsheets and databases print a date.
    ['1979-05-02 00:00:00', '1979-05-02', 'day'],
    ['1979-05-02T00:00:00Z', '1979-05-02', 'day'],
    ['1979-05-02T00:00:00.000Z', '1979-05-02', 'day'],
    ['1979-05-02T00:00+00:00', '1979-05-02', 'day'],
    ['1979/5/2 0:00', '1979-05-02', 'day'],
  ])('reads %j as %s (%s)', (text, on, precision) => {
    expect(parseImportDate(text)).toEqual({ on, precision });
  });

  it.each([
    // Day and month could be either: never a guess.
    ['02/05/1979', 'ambiguous'],
    ['2.5.1979', 'ambiguous'],
    ['02-05-1979', 'ambiguous'],
    ['12/11/2006', 'ambiguous'],
    // The century is unknown.
    ['02/05/79', 'ambiguous'],
    ['79-05-02', 'ambiguous'],
    // The calendar date depends on a time zone the file does not give.
    ['1979-05-01T16:00:00.000Z', 'ambiguous'],
    ['1979-05-02T00:00:00+08:00', 'ambiguous'],
    ['1979-05-02 12:30', 'ambiguous'],
    // No such day or month.
    ['2021-02-29', 'impossible'],
    ['1900-02-29', 'impossible'],
    ['1979-13-01', 'impossible'],
    ['1979-04-31', 'impossible'],
    ['1979-00-10', 'impossible'],
    ['1979-05-00', 'impossible'],
    ['1979-13', 'impossible'],
    ['19791301', 'impossible'],
    ['1979年13月', 'impossible'],
    ['31 February 1979', 'impossible'],
    ['13/13/1979', 'impossible'],
    ['31/02/1979', 'impossible'],
    ['00/05/1979', 'impossible'],
    ['13/1979', 'impossible'],
    ['0999', 'impossible'],
    // Not a date.
    ['yesterday', 'unrecognised'],
    ['Foo 1979', 'unrecognised'],
    ['1979-05-02-01', 'unrecognised'],
    ['1979/05-02', 'unrecognised'],
    ['197', 'unrecognised'],
    ['28977', 'unrecognised'],
    ['一九七九年', 'unrecognised'],
    ['1979年5月2日 signed', 'unrecognised'],
    ['n/a', 'unrecognised'],
  ])('refuses %j as %s', (text, error) => {
    expect(parseImportDate(text)).toEqual({ error });
  });

  it('gives null for an empty cell, never a default date', () => {
    expect(parseImportDate('')).toBeNull();
    expect(parseImportDate('   ')).toBeNull();
    for (const text of ['0', '-', 'null', '—', '00:00']) expect(parseImportDate(text)).toEqual({ error: 'unrecognised' });
  });
});

describe('combineImportDates', () => {
  it('lets the more precise of two agreeing columns win (the shared dataset: established_year, established_date)', () => {
    expect(combineImportDates(['1979-05-02', '1979'])).toEqual({ on: '1979-05-02', precision: 'day' });
    expect(combineImportDates(['1979', '1979-05-02'])).toEqual({ on: '1979-05-02', precision: 'day' });
    expect(combineImportDates(['1996-08', '1996'])).toEqual({ on: '1996-08-01', precision: 'month' });
    expect(combineImportDates(['1996-08', '1996-08-15'])).toEqual({ on: '1996-08-15', precision: 'day' });
    expect(combineImportDates(['1979-05-02', '1979-05-02'])).toEqual({ on: '1979-05-02', precision: 'day' });
  });

  it('takes the one column that has text', () => {
    expect(combineImportDates(['', '2021'])).toEqual({ on: '2021-01-01', precision: 'year' });
    expect(combineImportDates([undefined, '2021'])).toEqual({ on: '2021-01-01', precision: 'year' });
    expect(combineImportDates(['2021-11-24', null])).toEqual({ on: '2021-11-24', precision: 'day' });
    expect(combineImportDates(['', ''])).toBeNull();
    expect(combineImportDates([])).toBeNull();
  });

  it('refuses columns that disagree on what both know', () => {
    expect(combineImportDates(['1980-05-02', '1979'])).toEqual({ error: 'dates_disagree' });
    expect(combineImportDates(['1979-06', '1979-05-02'])).toEqual({ error: 'dates_disagree' });
    expect(combineImportDates(['1979-05-02', '1979-05-03'])).toEqual({ error: 'dates_disagree' });
  });

  it('gives the first refused cell as the error', () => {
    expect(combineImportDates(['02/05/1979', '1979'])).toEqual({ error: 'ambiguous' });
    expect(combineImportDates(['1979', '2021-02-29'])).toEqual({ error: 'impossible' });
  });

  it('lets a precision column coarsen the date, never refine it', () => {
    expect(combineImportDates(['1979-05-02'], 'year')).toEqual({ on: '1979-01-01', precision: 'year' });
    expect(combineImportDates(['1979-05-02'], 'month')).toEqual({ on: '1979-05-01', precision: 'month' });
    expect(combineImportDates(['1979-05-02'], 'day')).toEqual({ on: '1979-05-02', precision: 'day' });
    expect(combineImportDates(['1979-05-02'], '')).toEqual({ on: '1979-05-02', precision: 'day' });
    expect(combineImportDates(['1979'], 'year')).toEqual({ on: '1979-01-01', precision: 'year' });
    expect(combineImportDates(['1979'], 'day')).toEqual({ error: 'precision_finer_than_date' });
    expect(combineImportDates(['1979-05-02'], 'week')).toEqual({ error: 'precision_unknown' });
    expect(combineImportDates([''], 'day')).toBeNull();
  });
});

describe('parsePrecision', () => {
  it.each([
    ['year', 'year'],
    ['Month', 'month'],
    [' DAY ', 'day'],
    ['年', 'year'],
    ['月', 'month'],
    ['日', 'day'],
    ['', null],
    ['week', undefined],
  ])('reads %j as %s', (text, precision) => {
    expect(parsePrecision(text)).toBe(precision);
  });
});
