import { createHash, randomBytes } from 'node:crypto';
import ical, { ICalEventTransparency } from 'ical-generator';
import type { ComingDateItem, ComingDates } from '../db/queries/coming-dates-core';
import { addDays } from './anniversaries';
import { formatPartialDate } from './calendar-date';
import { LANGUAGE_TAG, type Locale } from './i18n/routing';
import { absoluteUrl } from './seo';

// A staff user's calendar feed: a secret address a calendar app fetches without a session (app/api/calendar/
// [token]/route.ts), and the RFC 5545 calendar it answers with. The token is kept only as its SHA-256 hash
// (db/schema/dashboard.ts calendarFeeds), so the address (lib/calendar-feed-url.ts) is shown once, when it is made;
// a lost one is regenerated.

// 32 random bytes in base64url: 256 bits, beyond guessing, and safe in a path without escaping.
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The SHA-256 of a feed token, in hex: what the database keeps and looks a request's token up by. */
export function feedTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new secret feed token (32 random bytes, base64url, 43 characters) and its hash for the database. */
export function newFeedToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: feedTokenHash(token) };
}

/** Whether a path segment has the shape of a feed token: anything else is refused before the database is asked. */
export function isFeedToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

/** A translator over the whole catalogue with full keys ('comingDates.termEnd'), as next-intl's getTranslations() gives. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * The words of a coming date in a language: a summary naming the partner, the occasion and (for an anniversary) how
 * it is marked, and a description saying what is known of the date. A month- or year-precision date is written as
 * its month or year and said to span it, never given a day. Keys come from the `comingDates`, `partnershipType`
 * and `partnershipStatus` namespaces.
 */
export function comingDateText(item: ComingDateItem, t: Translate, locale: Locale): { summary: string; description: string } {
  const tag = LANGUAGE_TAG[locale];
  const partner = (locale === 'zh' && item.tie.partner.nameZh) || item.tie.partner.nameEn;
  const title = item.agreement ? (locale === 'zh' && item.agreement.titleZh) || item.agreement.titleEn : '';
  const lines: string[] = [];
  let summary: string;
  if (item.kind === 'term_end') {
    summary = t('comingDates.termEnd', { partner, title });
    lines.push(t('comingDates.termEndNote'));
  } else {
    const occasion =
      item.kind === 'tie_anniversary'
        ? t('comingDates.tieAnniversary', { partner, years: item.years })
        : t('comingDates.agreementAnniversary', { partner, title, years: item.years });
    summary = t('comingDates.withObservance', { summary: occasion, observance: t(`comingDates.${item.observance}`) });
    const since = formatPartialDate(item.since, item.precision, tag);
    lines.push(
      item.kind === 'tie_anniversary'
        ? t('comingDates.tieEstablished', { date: since, type: t(`partnershipType.${item.tie.type}`) })
        : t('comingDates.agreementSigned', { date: since }),
    );
    if (item.precision !== 'day') lines.push(t(item.precision === 'month' ? 'comingDates.monthOnly' : 'comingDates.yearOnly'));
  }
  if (item.tie.status !== 'active') lines.push(t('comingDates.tieStatus', { status: t(`partnershipStatus.${item.tie.status}`) }));
  if (item.tie.status === 'lapsed' && item.kind !== 'term_end') lines.push(t('comingDates.lapsedNote'));
  return { summary, description: lines.join('\n') };
}

/**
 * The coming dates as an RFC 5545 calendar (text, CRLF lines): one all-day event per date (DTSTART and DTEND with
 * VALUE=DATE, the end exclusive), spanning the whole month or year for a month- or year-precision date; UIDs from
 * each date's stable key, so a calendar app updates an event rather than adding another; events transparent (they
 * do not make anyone busy); a refresh interval of 12 hours. Links go to the staff pages on `origin`.
 */
export function comingDatesCalendar(dates: ComingDates, t: Translate, locale: Locale, origin: string): string {
  const calendar = ical({
    name: t('calendarFeed.calendarName'),
    description: t('calendarFeed.calendarDescription'),
    prodId: { company: 'Amity', product: 'Coming dates', language: locale.toUpperCase() },
    ttl: 12 * 3600,
  });
  for (const item of dates.items) {
    const { summary, description } = comingDateText(item, t, locale);
    const page = item.agreement ? `/partnerships/${item.tie.id}/agreements/${item.agreement.id}` : `/partnerships/${item.tie.id}`;
    calendar.createEvent({
      id: `${item.key}@amity`,
      // Date strings: with no time zone on the calendar the library writes their UTC digits, the dates as given.
      start: item.on,
      end: addDays(item.until, 1),
      allDay: true,
      summary,
      description,
      url: absoluteUrl(origin, page, locale),
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  // RFC 5545 ends every content line with CRLF, the last one too; ical-generator leaves the last one bare.
  const text = calendar.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
