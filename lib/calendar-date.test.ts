import { describe, expect, it } from 'vitest';
import { isCalendarDate } from './calendar-date';

describe('isCalendarDate', () => {
  it.each(['1979-05-02', '2024-02-29', '2000-02-29', '2026-12-31', '0001-01-01'])('%s is a date', (d) =>
    expect(isCalendarDate(d)).toBe(true),
  );
  it.each(['2026-99-99', '2026-02-30', '2023-02-29', '1900-02-29', '2026-04-31', '2026-00-10', '2026-01-00', '0000-01-01', '1979-5-2', '19790502', '', '2026-01-01T00:00'])(
    '%s is not',
    (d) => expect(isCalendarDate(d)).toBe(false),
  );
});
