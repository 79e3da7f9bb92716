import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  anniversarySpan,
  comingDatesIn,
  comingWindow,
  observanceOf,
  type AgreementDates,
  type TieDates,
} from './anniversaries';
import type { PartnershipStatus } from './domain';

const tie = (id: string, establishedOn: string | null, precision: TieDates['establishedPrecision'], status: PartnershipStatus = 'active'): TieDates => ({
  id,
  status,
  establishedOn,
  establishedPrecision: precision,
});

const agreement = (id: string, partnershipId: string, fields: Partial<AgreementDates>): AgreementDates => ({
  id,
  partnershipId,
  kind: 'mou',
  signedOn: null,
  signedPrecision: null,
  termEndsOn: null,
  ...fields,
});

describe('addMonths, addDays and comingWindow', () => {
  it.each([
    ['2026-03-15', 12, '2027-03-15'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2026-01-31', -2, '2025-11-30'],
  ])('%s + %i months is %s', (from, months, expected) => expect(addMonths(from, months)).toBe(expected));

  it('steps over month, year and leap-day ends', () => {
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('makes a window of whole months, both ends included', () => {
    expect(comingWindow('2026-03-15', 12)).toEqual({ from: '2026-03-15', to: '2027-03-14' });
    expect(comingWindow('2026-01-01', 12)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(comingWindow('2026-01-31', 1)).toEqual({ from: '2026-01-31', to: '2026-02-27' });
  });

  it('refuses a malformed start or length', () => {
    expect(() => comingWindow('2026-02-30', 12)).toThrow(RangeError);
    expect(() => comingWindow('2026-03-15', 0)).toThrow(RangeError);
    expect(() => comingWindow('2026-03-15', 1.5)).toThrow(RangeError);
    expect(() => addMonths('15/03/2026', 1)).toThrow(RangeError);
  });
});

describe('observanceOf', () => {
  it('marks every tenth year as a celebration and 5, 15, 25 with a letter', () => {
    expect([5, 10, 15, 20, 25, 30, 40, 50].map(observanceOf)).toEqual([
      'letter',
      'celebration',
      'letter',
      'celebration',
      'letter',
      'celebration',
      'celebration',
      'celebration',
    ]);
  });
  it.each([0, 1, 4, 6, 35, 45, 55, -5])('passes over %i years', (n) => expect(observanceOf(n)).toBeNull());
});

describe('anniversarySpan', () => {
  it('keeps a day a day', () => expect(anniversarySpan('1979-05-02', 'day', 2029)).toEqual({ on: '2029-05-02', until: '2029-05-02' }));

  it('puts 29 February on 28 February in a common year and on the 29th in a leap year', () => {
    expect(anniversarySpan('2008-02-29', 'day', 2027)).toEqual({ on: '2027-02-28', until: '2027-02-28' });
    expect(anniversarySpan('2008-02-29', 'day', 2028)).toEqual({ on: '2028-02-29', until: '2028-02-29' });
    expect(anniversarySpan('2000-02-29', 'day', 2100)).toEqual({ on: '2100-02-28', until: '2100-02-28' });
  });

  it('gives a month the whole month and a year the whole year, never a day', () => {
    expect(anniversarySpan('1996-08-01', 'month', 2026)).toEqual({ on: '2026-08-01', until: '2026-08-31' });
    expect(anniversarySpan('2004-02-01', 'month', 2028)).toEqual({ on: '2028-02-01', until: '2028-02-29' });
    expect(anniversarySpan('2004-02-01', 'month', 2029)).toEqual({ on: '2029-02-01', until: '2029-02-28' });
    expect(anniversarySpan('1979-01-01', 'year', 2029)).toEqual({ on: '2029-01-01', until: '2029-12-31' });
  });
});

describe('comingDatesIn', () => {
  const window = { from: '2026-03-15', to: '2027-03-14' };

  it('lists round anniversaries of ties in the window, marked celebration or letter', () => {
    const ties = [
      tie('fukuoka', '1979-05-02', 'day'), // 47 in 2026, 48 in 2027: nothing
      tie('auckland', '2006-03-15', 'day'), // 20 on the window's first day
      tie('bari', '2001-03-14', 'day'), // 25 on 2026-03-14, the day before the window; 26 in 2027
      tie('lyon', '2002-03-14', 'day'), // 25 on 2027-03-14, the window's last day
      tie('vancouver', '1985-03-27', 'day'), // 41
    ];
    const dates = comingDatesIn(ties, [], window);
    expect(dates.map((d) => [d.key, d.on, d.kind === 'term_end' ? null : d.observance])).toEqual([
      ['tie-auckland-20', '2026-03-15', 'celebration'],
      ['tie-lyon-25', '2027-03-14', 'letter'],
    ]);
    expect(dates[0]).toEqual({
      kind: 'tie_anniversary',
      key: 'tie-auckland-20',
      partnershipId: 'auckland',
      agreementId: null,
      years: 20,
      observance: 'celebration',
      since: '2006-03-15',
      on: '2026-03-15',
      until: '2026-03-15',
      precision: 'day',
    });
  });

  it('marks 5, 10, 15, 20, 25, 30, 40 and 50 years and no others', () => {
    const ties = [1976, 1981, 1986, 1991, 1996, 2001, 2006, 2011, 2016, 2021, 2025, 2026].map((y) => tie(`t${y}`, `${y}-06-01`, 'day'));
    const years = comingDatesIn(ties, [], { from: '2026-01-01', to: '2026-12-31' }).map((d) => (d.kind === 'term_end' ? null : d.years));
    expect(years.sort((a, b) => a! - b!)).toEqual([5, 10, 15, 20, 25, 30, 40, 50]);
  });

  it('gives a tie made on 29 February its anniversary on 28 February of a common year', () => {
    const dates = comingDatesIn([tie('leap', '2004-02-29', 'day')], [], { from: '2029-01-01', to: '2029-12-31' });
    expect(dates.map((d) => [d.on, d.until])).toEqual([['2029-02-28', '2029-02-28']]);
    // The window ending on 28 February holds it; one starting on 1 March does not.
    expect(comingDatesIn([tie('leap', '2004-02-29', 'day')], [], { from: '2028-03-01', to: '2029-02-28' })).toHaveLength(1);
    expect(comingDatesIn([tie('leap', '2004-02-29', 'day')], [], { from: '2029-03-01', to: '2030-02-28' })).toHaveLength(0);
    // In a leap year it is the 29th.
    expect(comingDatesIn([tie('leap', '2004-02-29', 'day')], [], { from: '2024-01-01', to: '2024-12-31' }).map((d) => d.on)).toEqual(['2024-02-29']);
  });

  it('spans the whole month for a month-precision tie and lists it while any day of the month is in the window', () => {
    const ties = [tie('aug', '1996-08-01', 'month'), tie('mar', '2016-03-01', 'month')];
    const dates = comingDatesIn(ties, [], window);
    expect(dates.map((d) => [d.key, d.on, d.until, d.precision])).toEqual([
      // March 2026 has begun before the window opens on the 15th: the anniversary may still be to come.
      ['tie-mar-10', '2026-03-01', '2026-03-31', 'month'],
      ['tie-aug-30', '2026-08-01', '2026-08-31', 'month'],
    ]);
    expect(comingDatesIn(ties, [], { from: '2026-04-01', to: '2026-07-31' })).toEqual([]);
  });

  it('spans the whole year for a year-precision tie', () => {
    const dates = comingDatesIn([tie('y', '1977-01-01', 'year'), tie('z', '1996-01-01', 'year')], [], window);
    expect(dates.map((d) => [d.key, d.on, d.until, d.precision])).toEqual([
      ['tie-z-30', '2026-01-01', '2026-12-31', 'year'],
      ['tie-y-50', '2027-01-01', '2027-12-31', 'year'],
    ]);
  });

  it('gives no anniversary to a suspended, terminated or unconcluded tie, but keeps a lapsed or paused one', () => {
    const statuses: PartnershipStatus[] = ['proposed', 'negotiating', 'letter_of_intent', 'approved', 'signed', 'active', 'paused', 'suspended', 'terminated', 'lapsed'];
    const ties = statuses.map((s) => tie(s, '2016-06-01', 'day', s));
    expect(comingDatesIn(ties, [], window).map((d) => d.partnershipId).sort()).toEqual(['active', 'lapsed', 'paused', 'signed']);
  });

  it('skips a tie without a date of establishment', () => {
    expect(comingDatesIn([tie('none', null, null)], [], window)).toEqual([]);
  });

  it('lists anniversaries of agreements, not of a termination nor one signed on the tie’s own day', () => {
    const ties = [tie('p', '2006-05-10', 'day'), tie('s', '2016-05-10', 'day', 'suspended')];
    const agreements = [
      agreement('same-day', 'p', { kind: 'formal_agreement', signedOn: '2006-05-10', signedPrecision: 'day' }),
      agreement('mou', 'p', { signedOn: '2016-09-01', signedPrecision: 'month' }),
      agreement('end', 'p', { kind: 'termination', signedOn: '2021-07-07', signedPrecision: 'day' }),
      agreement('of-suspended', 's', { signedOn: '2021-07-07', signedPrecision: 'day' }),
      agreement('orphan', 'unknown', { signedOn: '2021-07-07', signedPrecision: 'day' }),
    ];
    expect(comingDatesIn(ties, agreements, window).map((d) => [d.key, d.kind, d.on, d.until])).toEqual([
      ['tie-p-20', 'tie_anniversary', '2026-05-10', '2026-05-10'],
      ['agreement-mou-10', 'agreement_anniversary', '2026-09-01', '2026-09-30'],
    ]);
  });

  it('lists the terms ending in the window, also of a suspended or lapsed tie, not of a terminated one', () => {
    const ties = [tie('a', null, null), tie('s', null, null, 'suspended'), tie('l', null, null, 'lapsed'), tie('t', null, null, 'terminated')];
    const agreements = [
      agreement('first-day', 'a', { termEndsOn: '2026-03-15' }),
      agreement('before', 'a', { termEndsOn: '2026-03-14' }),
      agreement('last-day', 'a', { termEndsOn: '2027-03-14' }),
      agreement('after', 'a', { termEndsOn: '2027-03-15' }),
      agreement('suspended', 's', { termEndsOn: '2026-10-01' }),
      agreement('lapsed', 'l', { termEndsOn: '2026-10-01' }),
      agreement('terminated', 't', { termEndsOn: '2026-10-01' }),
    ];
    expect(comingDatesIn(ties, agreements, window).map((d) => [d.key, d.kind, d.on, d.precision])).toEqual([
      ['term-first-day', 'term_end', '2026-03-15', 'day'],
      ['term-lapsed', 'term_end', '2026-10-01', 'day'],
      ['term-suspended', 'term_end', '2026-10-01', 'day'],
      ['term-last-day', 'term_end', '2027-03-14', 'day'],
    ]);
  });

  it('sorts by first day, then last day, then tie before agreement before term', () => {
    const ties = [tie('p', '2016-10-01', 'day'), tie('q', '2016-10-01', 'month')];
    const agreements = [agreement('m', 'p', { signedOn: '2021-10-01', signedPrecision: 'day', termEndsOn: '2026-10-01' })];
    expect(comingDatesIn(ties, agreements, window).map((d) => d.key)).toEqual(['tie-p-10', 'agreement-m-5', 'term-m', 'tie-q-10']);
  });

  it('keeps a key for the same occasion whatever the window', () => {
    const t = [tie('p', '2016-10-01', 'day')];
    expect(comingDatesIn(t, [], window)[0]!.key).toBe(comingDatesIn(t, [], { from: '2026-10-01', to: '2026-10-01' })[0]!.key);
  });

  it('gives nothing for an empty or reversed window and refuses a malformed one', () => {
    expect(comingDatesIn([tie('p', '2016-10-01', 'day')], [], { from: '2026-10-02', to: '2026-10-01' })).toEqual([]);
    expect(() => comingDatesIn([], [], { from: '2026-10-01', to: '2026-13-01' })).toThrow(RangeError);
  });
});
