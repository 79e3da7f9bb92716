import { getTranslations } from 'next-intl/server';
import { db } from '@/db/index';
import { findLiveCalendarFeed, touchCalendarFeed } from '@/db/queries/calendar-feeds-core';
import { listComingDates } from '@/db/queries/coming-dates-core';
import { comingWindow } from '@/lib/anniversaries';
import { officeToday } from '@/lib/calendar-date';
import { comingDatesCalendar, feedTokenHash, isFeedToken, type Translate } from '@/lib/calendar-feed';
import { can } from '@/lib/permissions';
import { siteOrigin } from '@/lib/seo';

export const dynamic = 'force-dynamic';

// The same answer for every refusal (a malformed, unknown or revoked token, a deactivated user), so the answer
// says nothing about which feeds exist.
const notFound = () => Response.json({ error: 'not_found' }, { status: 404, headers: { 'Cache-Control': 'no-store' } });

/**
 * GET /api/calendar/[token] (`?lang=zh` for Chinese words): the coming 12 months of the home network's dates, from
 * today on the office's clock, as an RFC 5545 calendar (lib/calendar-feed.ts) for a calendar app, which has no
 * session: the secret token in the address is the credential. A live token of an active staff user gets it, private
 * and never stored by a cache; anything else the same 404. Records the fetch at most hourly (lastUsedAt).
 */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (!isFeedToken(token)) return notFound();
  const feed = await findLiveCalendarFeed(db, feedTokenHash(token));
  if (!feed || !can(feed.role, 'registry:read')) return notFound();
  const locale = new URL(request.url).searchParams.get('lang') === 'zh' ? 'zh' : 'en';
  const from = officeToday();
  const dates = feed.homeLocalityId ? await listComingDates(db, feed.homeLocalityId, from, 12) : { ...comingWindow(from, 12), items: [] };
  const t = (await getTranslations({ locale })) as unknown as Translate;
  const origin = siteOrigin(request.headers) ?? new URL(request.url).origin;
  const body = comingDatesCalendar(dates, t, locale, origin);
  await touchCalendarFeed(db, feed);
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'inline; filename="amity-coming-dates.ics"',
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    },
  });
}
