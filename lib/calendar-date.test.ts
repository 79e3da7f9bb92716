import { describe, expect, it } from 'vitest';
import { formatPartialDate, isAfterTodayEverywhere, isCalendarDate, parsePartialDate, partialDateText, todayIn } from './calendar-date';

describe('isCalendarDate', () => {
  it.each(['1979-05-02', '2024-02-29', '2000-02-29', '2026-12-31', '0001-01-01'])('%s is a date', (d) =>
    expect(isCalendarDate(d)).toBe(true),
  );
  it.each(['2026-99-99', '2026-02-30', '2023-02-29', '1900-02-29', '2026-04-31', '2026-00-10', '2026-01-00', '0000-01-01', '1979-5-2', '19790502', '', '2026-01-01T00:00'])(
    '%s is not',
    (d) => expect(isCalendarDate(d)).toBe(false),
  );
});

describe('parsePartialDate', () => {
  it.each([
    ['1979', { on: '1979-01-01', precision: 'year' }],
    ['1996-08', { on: '1996-08-01', precision: 'month' }],
    ['1996-8', { on: '1996-08-01', precision: 'month' }],
    ['1979-05-02', { on: '1979-05-02', precision: 'day' }],
    [' 1979-5-2 ', { on: '1979-05-02', precision: 'day' }],
    ['2024-02-29', { on: '2024-02-29', precision: 'day' }],
  ])('%s -> %j', (text, expected) => expect(parsePartialDate(text)).toEqual(expected));

  it.each(['', '79', '1979-13', '2023-02-29', '1979/05/02', '1979-05-02T00:00', 'May 1979', '0000'])('%j is refused', (t) =>
    expect(parsePartialDate(t)).toBeNull(),
  );
});

describe('partialDateText and formatPartialDate', () => {
  it('round-trips the precision', () => {
    expect(partialDateText('1996-08-01', 'month')).toBe('1996-08');
    expect(partialDateText('1979-01-01', 'year')).toBe('1979');
    expect(partialDateText('1979-05-02', 'day')).toBe('1979-05-02');
    expect(partialDateText(null, null)).toBe('');
  });

  it('formats at the precision in both languages, never shifted a day', () => {
    expect(formatPartialDate('1979-05-02', 'day', 'en')).toBe('May 2, 1979');
    expect(formatPartialDate('1979-05-02', 'day', 'zh-CN')).toBe('1979年5月2日');
    expect(formatPartialDate('1996-08-01', 'month', 'en')).toBe('August 1996');
    expect(formatPartialDate('1996-08-01', 'month', 'zh-CN')).toBe('1996年8月');
    expect(formatPartialDate('1979-01-01', 'year', 'zh-CN')).toBe('1979年');
  });
});

describe('isAfterTodayEverywhere', () => {
  const now = new Date('2026-11-29T10:00:00Z');
  it('refuses only dates no time zone has reached', () => {
    expect(isAfterTodayEverywhere('2026-11-29', now)).toBe(false);
    expect(isAfterTodayEverywhere('2026-11-30', now)).toBe(false); // already the 30th in UTC+14
    expect(isAfterTodayEverywhere('2026-12-01', now)).toBe(true);
  });
});

describe('todayIn', () => {
  it('is the date on the zone’s clock, not the server’s', () => {
    const instant = new Date('2026-02-28T17:30:00Z');
    expect(todayIn('Asia/Shanghai', instant)).toBe('2026-03-01');
    expect(todayIn('UTC', instant)).toBe('2026-02-28');
    expect(todayIn('America/Los_Angeles', new Date('2026-01-01T07:59:00Z'))).toBe('2025-12-31');
  });
  it('refuses an unknown zone', () => expect(() => todayIn('Mars/Olympus')).toThrow(RangeError));
});
