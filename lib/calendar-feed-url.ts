import type { Locale } from './i18n/routing';

// Kept apart from lib/calendar-feed.ts (node:crypto, ical-generator) so the account page's client form can use it.

/** Where feeds are served (app/api/calendar/[token]/route.ts): the token follows, `?lang=zh` asks for Chinese. */
export const FEED_PATH = '/api/calendar';

/** The absolute address of a feed on `origin` ('https://amity.example.org'): English words by default, or Chinese. */
export function feedUrl(origin: string, token: string, locale: Locale): string {
  return `${origin}${FEED_PATH}/${encodeURIComponent(token)}${locale === 'zh' ? '?lang=zh' : ''}`;
}
