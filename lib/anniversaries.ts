import { isCalendarDate, type Precision } from './calendar-date';
import type { AgreementKind, PartnershipStatus } from './domain';

// Coming dates of a network: round anniversaries of its ties and agreements, and agreement terms ending. Pure: the
// query (db/queries/coming-dates-core.ts) reads the rows, this decides what falls in a window. Calendar dates are
// 'YYYY-MM-DD' strings throughout and are compared as strings; no JS Date is built from them in a local time zone.

/** The anniversaries the office marks, in years (issue 10, "Coming dates"). */
export const ROUND_ANNIVERSARIES = [5, 10, 15, 20, 25, 30, 40, 50] as const;

/**
 * How an anniversary is marked: every tenth year is a celebration year (events, delegations); the others get a
 * letter of congratulations between the two mayors.
 */
export type Observance = 'celebration' | 'letter';

/**
 * The statuses whose ties have anniversaries. A concluded tie in force, or resting: signed, active, paused, and
 * lapsed. A lapsed tie (no contact for years, never formally ended) keeps its anniversaries on purpose: a round
 * anniversary is the customary occasion to write again and revive it, and nothing forbids it. A suspended tie
 * (paused by a decision, until a review) and a terminated one have none; nor has a tie not yet concluded (proposed
 * to approved), which has no day of establishment to celebrate.
 */
export const ANNIVERSARY_STATUSES: readonly PartnershipStatus[] = ['signed', 'active', 'paused', 'lapsed'];

/** A tie's date of establishment as stored (a month or a year is stored as its first day). */
export interface TieDates {
  id: string;
  status: PartnershipStatus;
  establishedOn: string | null;
  establishedPrecision: Precision | null;
}

/** An agreement's signing date (with its precision) and the last day of its term, as stored. */
export interface AgreementDates {
  id: string;
  partnershipId: string;
  kind: AgreementKind;
  signedOn: string | null;
  signedPrecision: Precision | null;
  termEndsOn: string | null;
}

/** A span of calendar dates, both ends included. */
export interface DateWindow {
  from: string;
  to: string;
}

interface Dated {
  /**
   * Stable for the same occasion whatever the window or a later correction of the date: the tie or agreement and
   * the number of years, or the agreement whose term ends. The iCal feed's UIDs are made from it.
   */
  key: string;
  partnershipId: string;
  /** The first day the date may be: the day itself, the 1st of its month, or 1 January of its year. */
  on: string;
  /** The last day it may be, inclusive: `on` for a day, the month's last day, 31 December. */
  until: string;
  /** How much of the date is known. A month- or year-precision date is never given a day: it spans on..until. */
  precision: Precision;
}

/** A round anniversary of a tie's establishment or of an agreement's signing. */
export interface AnniversaryDate extends Dated {
  kind: 'tie_anniversary' | 'agreement_anniversary';
  /** Null for a tie's anniversary. */
  agreementId: string | null;
  years: (typeof ROUND_ANNIVERSARIES)[number];
  observance: Observance;
  /** The date whose anniversary it is, as stored (at `precision`): the tie's establishment or the signing. */
  since: string;
}

/** The last day of an agreement's term (always a day: the term's end is stored as a full date). */
export interface TermEndDate extends Dated {
  kind: 'term_end';
  agreementId: string;
  precision: 'day';
}

export type ComingDate = AnniversaryDate | TermEndDate;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function parts(date: string): [number, number, number] {
  return date.split('-').map(Number) as [number, number, number];
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

function assertDate(value: string, name: string): void {
  if (!isCalendarDate(value)) throw new RangeError(`${name} must be a calendar date written YYYY-MM-DD, got ${JSON.stringify(value)}`);
}

/**
 * The date `months` calendar months after `date` ('YYYY-MM-DD'; months may be negative). When the target month has
 * no such day, its last day: 2024-01-31 + 1 month is 2024-02-29, 2024-02-29 + 12 months is 2025-02-28, as the
 * PRC Civil Code counts periods in months and years (art. 202: with no corresponding day, the month's last day).
 * Throws a RangeError for a malformed date.
 */
export function addMonths(date: string, months: number): string {
  assertDate(date, 'date');
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (((index % 12) + 12) % 12) + 1;
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}`;
}

/**
 * The calendar date `days` days after `date` ('YYYY-MM-DD'; days may be negative), counted on the digits in UTC so
 * no time zone shifts it. Throws a RangeError for a malformed date.
 */
export function addDays(date: string, days: number): string {
  assertDate(date, 'date');
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * The window of `months` calendar months starting on `from`, both ends included: from 2026-03-15, 12 months is
 * 2026-03-15 to 2027-03-14. `months` is a whole number from 1 to 120; a malformed `from` or `months` throws a
 * RangeError.
 */
export function comingWindow(from: string, months: number): DateWindow {
  if (!Number.isInteger(months) || months < 1 || months > 120) throw new RangeError(`months must be 1 to 120, got ${months}`);
  return { from, to: addDays(addMonths(from, months), -1) };
}

/**
 * The span of a date's anniversary in `year`, at the date's precision: for a day, that day (a 29 February falls on
 * 28 February in a common year, the month's last day, by the same Civil Code rule as addMonths, so the anniversary
 * stays in its own month); for a month, the whole month; for a year, the whole year. A date stored at month or year
 * precision is never given a day.
 */
export function anniversarySpan(date: string, precision: Precision, year: number): { on: string; until: string } {
  assertDate(date, 'date');
  const [, m, d] = parts(date);
  const y = pad(year, 4);
  if (precision === 'year') return { on: `${y}-01-01`, until: `${y}-12-31` };
  if (precision === 'month') return { on: `${y}-${pad(m)}-01`, until: `${y}-${pad(m)}-${pad(daysInMonth(year, m))}` };
  const day = `${y}-${pad(m)}-${pad(Math.min(d, daysInMonth(year, m)))}`;
  return { on: day, until: day };
}

/** Whether an anniversary of `years` is marked, and how: 10, 20 ... 50 a celebration year; 5, 15, 25 a letter. */
export function observanceOf(years: number): Observance | null {
  if (!(ROUND_ANNIVERSARIES as readonly number[]).includes(years)) return null;
  return years % 10 === 0 ? 'celebration' : 'letter';
}

function overlaps(span: { on: string; until: string }, window: DateWindow): boolean {
  return span.on <= window.to && span.until >= window.from;
}

/** The round anniversaries of one date whose span meets the window. */
function anniversariesOf(date: string, precision: Precision, window: DateWindow) {
  const first = parts(date)[0];
  const out: Pick<AnniversaryDate, 'years' | 'observance' | 'since' | 'on' | 'until' | 'precision'>[] = [];
  for (let year = parts(window.from)[0]; year <= parts(window.to)[0]; year++) {
    const observance = observanceOf(year - first);
    if (!observance) continue;
    const span = anniversarySpan(date, precision, year);
    if (overlaps(span, window)) out.push({ years: (year - first) as AnniversaryDate['years'], observance, since: date, precision, ...span });
  }
  return out;
}

const KIND_ORDER: Record<ComingDate['kind'], number> = { tie_anniversary: 0, agreement_anniversary: 1, term_end: 2 };

/**
 * What falls in `window` (both ends included, 'YYYY-MM-DD'): the round anniversaries (ROUND_ANNIVERSARIES) of ties
 * of an anniversary status (ANNIVERSARY_STATUSES) and of their agreements, and the ends of agreement terms of every
 * tie not terminated (a suspended tie's term ending still needs a decision). A month- or year-precision date's
 * anniversary is listed when any day of its month or year is in the window, spanning that month or year. An
 * agreement signed on its tie's day of establishment (same date and precision) adds no anniversary of its own: the
 * tie's is the same occasion. A termination is no occasion either. Agreements of ties not given are ignored.
 * Sorted by first day, then last day, then kind (tie, agreement, term), then key. Throws a RangeError for a
 * malformed window.
 */
export function comingDatesIn(ties: readonly TieDates[], agreements: readonly AgreementDates[], window: DateWindow): ComingDate[] {
  assertDate(window.from, 'window.from');
  assertDate(window.to, 'window.to');
  if (window.from > window.to) return [];
  const byId = new Map(ties.map((t) => [t.id, t]));
  const out: ComingDate[] = [];
  for (const tie of ties) {
    if (!tie.establishedOn || !tie.establishedPrecision || !ANNIVERSARY_STATUSES.includes(tie.status)) continue;
    for (const a of anniversariesOf(tie.establishedOn, tie.establishedPrecision, window)) {
      out.push({ kind: 'tie_anniversary', key: `tie-${tie.id}-${a.years}`, partnershipId: tie.id, agreementId: null, ...a });
    }
  }
  for (const agreement of agreements) {
    const tie = byId.get(agreement.partnershipId);
    if (!tie) continue;
    const { signedOn, signedPrecision, termEndsOn } = agreement;
    const sameAsTie = signedOn === tie.establishedOn && signedPrecision === tie.establishedPrecision;
    if (signedOn && signedPrecision && !sameAsTie && agreement.kind !== 'termination' && ANNIVERSARY_STATUSES.includes(tie.status)) {
      for (const a of anniversariesOf(signedOn, signedPrecision, window)) {
        out.push({ kind: 'agreement_anniversary', key: `agreement-${agreement.id}-${a.years}`, partnershipId: tie.id, agreementId: agreement.id, ...a });
      }
    }
    if (termEndsOn && tie.status !== 'terminated' && termEndsOn >= window.from && termEndsOn <= window.to) {
      out.push({
        kind: 'term_end',
        key: `term-${agreement.id}`,
        partnershipId: tie.id,
        agreementId: agreement.id,
        on: termEndsOn,
        until: termEndsOn,
        precision: 'day',
      });
    }
  }
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return out.sort((a, b) => cmp(a.on, b.on) || cmp(a.until, b.until) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || cmp(a.key, b.key));
}
