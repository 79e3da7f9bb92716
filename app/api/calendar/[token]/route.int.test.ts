import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/index';
import { agreements, calendarFeeds, localities, partnerships, settings, users } from '@/db/schema';
import { resetDatabase } from '@/db/testing/reset';
import { signInAs } from '@/db/testing/staff';
import { newFeedToken } from '@/lib/calendar-feed';

// The route words its events through next-intl's getTranslations; outside a Next server the real catalogues stand in.
vi.mock('next-intl/server', async () => {
  const { createTranslator } = await import('next-intl');
  const messages = { en: (await import('@/lib/i18n/messages/en.json')).default, zh: (await import('@/lib/i18n/messages/zh.json')).default };
  return { getTranslations: async ({ locale }: { locale: 'en' | 'zh' }) => createTranslator({ locale, messages: messages[locale] }) };
});

const { GET } = await import('./route');

async function fetchFeed(token: string, query = '') {
  const response = await GET(new Request(`http://localhost/api/calendar/${token}${query}`), { params: Promise.resolve({ token }) });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

interface ParsedEvent {
  uid: string;
  start: string;
  end: string;
  allDay: boolean;
  summary: string;
  description: string;
  url: string;
}

/** The feed's events as a calendar app reads them, through an independent parser. */
function eventsOf(body: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(body));
  expect(calendar.name).toBe('vcalendar');
  expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  return calendar.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      start: e.startDate.toString(),
      end: e.endDate.toString(),
      allDay: e.startDate.isDate && e.endDate.isDate,
      summary: e.summary,
      description: e.description,
      url: String(v.getFirstPropertyValue('url')),
    };
  });
}

let token: string;
let viewerId: string;
let fukuoka: string;
const session = { id: null as string | null };

describe('the calendar feed route', () => {
  beforeEach(async () => {
    // The feed starts today on the office's clock: hold the clock on 2027-01-10 in Guangzhou (Date only, so
    // timers and the database driver run as usual).
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2027-01-09T20:00:00Z'));
    await resetDatabase();
    const rows = await db
      .insert(localities)
      .values([
        { slug: 'guangzhou', nameEn: 'Guangzhou', nameZh: '广州', countryCode: 'CN' },
        { slug: 'fukuoka', nameEn: 'Fukuoka', nameZh: '福冈', countryCode: 'JP' },
        { slug: 'leapton', nameEn: 'Leapton', countryCode: 'GB' },
        { slug: 'auckland', nameEn: 'Auckland', nameZh: '奥克兰', countryCode: 'NZ' },
        { slug: 'bari', nameEn: 'Bari', nameZh: '巴里', countryCode: 'IT' },
      ])
      .returning({ id: localities.id, slug: localities.slug });
    const id = Object.fromEntries(rows.map((r) => [r.slug, r.id])) as Record<string, string>;
    await db.insert(settings).values({ id: 1, homeLocalityId: id.guangzhou! });
    const ties = await db
      .insert(partnerships)
      .values([
        { slug: 'gz-fukuoka', homeLocalityId: id.guangzhou!, partnerLocalityId: id.fukuoka!, type: 'sister_city', establishedOn: '1977-05-02', establishedPrecision: 'day' },
        { slug: 'gz-leapton', homeLocalityId: id.guangzhou!, partnerLocalityId: id.leapton!, type: 'sister_city', establishedOn: '2012-02-29', establishedPrecision: 'day' },
        { slug: 'gz-auckland', homeLocalityId: id.guangzhou!, partnerLocalityId: id.auckland!, type: 'friendly_cooperation_city', establishedOn: '2007-08-01', establishedPrecision: 'month' },
        { slug: 'gz-bari', homeLocalityId: id.guangzhou!, partnerLocalityId: id.bari!, type: 'sister_city', status: 'suspended', establishedOn: '2017-03-03', establishedPrecision: 'day' },
      ])
      .returning({ id: partnerships.id, slug: partnerships.slug });
    fukuoka = ties.find((t) => t.slug === 'gz-fukuoka')!.id;
    await db.insert(agreements).values({
      partnershipId: fukuoka,
      kind: 'mou',
      titleEn: 'MoU on youth exchange; sports, culture',
      titleZh: '青少年交流备忘录',
      signedOn: '2022-06-01',
      signedPrecision: 'month',
      termEndsOn: '2027-05-31',
    });
    const viewer = await signInAs(session, 'viewer');
    viewerId = viewer.id;
    const made = newFeedToken();
    token = made.token;
    await db.insert(calendarFeeds).values({ userId: viewer.id, tokenHash: made.tokenHash });
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('answers a live token with a private RFC 5545 calendar of the coming 12 months, all-day events only', async () => {
    const r = await fetchFeed(token);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(r.headers.get('cache-control')).toBe('private, no-store');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('set-cookie')).toBeNull();
    expect(r.body).toMatch(/\r\n/);
    expect(r.body).toContain('DTSTART;VALUE=DATE:20270502');
    const events = eventsOf(r.body);
    expect(events.map((e) => [e.start, e.end, e.allDay, e.summary])).toEqual([
      // Leapton, made on 29 February 2012: 15 years on 28 February 2027, a common year.
      ['2027-02-28', '2027-03-01', true, 'Leapton: 15th anniversary of the partnership (letter of congratulations)'],
      ['2027-05-02', '2027-05-03', true, 'Fukuoka: 50th anniversary of the partnership (celebration year)'],
      ['2027-05-31', '2027-06-01', true, 'Fukuoka: the term of “MoU on youth exchange; sports, culture” ends'],
      // Known to the month: the whole of June 2027, no day invented.
      ['2027-06-01', '2027-07-01', true, 'Fukuoka: 5th anniversary of “MoU on youth exchange; sports, culture” (letter of congratulations)'],
      ['2027-08-01', '2027-09-01', true, 'Auckland: 20th anniversary of the partnership (celebration year)'],
    ]);
    // Suspended Bari's 10th (3 March 2027) is not there.
    expect(events.some((e) => e.summary.startsWith('Bari'))).toBe(false);
    const auckland = events.find((e) => e.summary.startsWith('Auckland'))!;
    expect(auckland.description).toContain('established August 2007');
    expect(auckland.description).toContain('Only the month is on record');
    expect(events[1]!.url).toBe(`http://localhost/partnerships/${fukuoka}`);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
  });

  it('keeps each event’s UID from one fetch to the next, so calendar apps update rather than duplicate', async () => {
    const first = eventsOf((await fetchFeed(token)).body).map((e) => e.uid);
    vi.setSystemTime(new Date('2027-02-20T04:00:00Z'));
    const later = eventsOf((await fetchFeed(token)).body).map((e) => e.uid);
    expect(later).toEqual(first);
    expect(first[1]).toMatch(new RegExp(`^tie-${fukuoka}-50@amity$`));
  });

  it('words the events in Chinese with ?lang=zh', async () => {
    const events = eventsOf((await fetchFeed(token, '?lang=zh')).body);
    expect(events.map((e) => e.summary)).toContain('福冈：结好50周年（逢十庆祝年）');
    expect(events.map((e) => e.summary)).toContain('福冈：《青少年交流备忘录》期满');
    expect(events.find((e) => e.summary.startsWith('奥克兰'))!.description).toContain('2007年8月');
    expect(events[1]!.url).toBe(`http://localhost/zh/partnerships/${fukuoka}`);
  });

  it('records the fetch, at most once an hour', async () => {
    const lastUsed = async () => (await db.select({ at: calendarFeeds.lastUsedAt }).from(calendarFeeds))[0]!.at;
    expect(await lastUsed()).toBeNull();
    await fetchFeed(token);
    expect(await lastUsed()).toEqual(new Date('2027-01-09T20:00:00Z'));
    vi.setSystemTime(new Date('2027-01-09T20:30:00Z'));
    await fetchFeed(token);
    expect(await lastUsed()).toEqual(new Date('2027-01-09T20:00:00Z'));
    vi.setSystemTime(new Date('2027-01-09T21:00:01Z'));
    await fetchFeed(token);
    expect(await lastUsed()).toEqual(new Date('2027-01-09T21:00:01Z'));
  });

  it('answers the same 404 for a malformed, unknown or revoked token and for a deactivated or deleted user', async () => {
    const refusals: string[] = [];
    const refused = async (t: string) => {
      const r = await fetchFeed(t);
      refusals.push(JSON.stringify([r.status, r.body, r.headers.get('content-type'), r.headers.get('cache-control')]));
    };
    await refused('not-a-token');
    await refused(newFeedToken().token);
    await db.update(users).set({ isActive: false }).where(eq(users.id, viewerId));
    await refused(token);
    await db.update(users).set({ isActive: true, deletedAt: new Date() }).where(eq(users.id, viewerId));
    await refused(token);
    await db.update(users).set({ deletedAt: null }).where(eq(users.id, viewerId));
    expect((await fetchFeed(token)).status).toBe(200);
    await db.update(calendarFeeds).set({ revokedAt: new Date() });
    await refused(token);
    expect(new Set(refusals)).toEqual(new Set([JSON.stringify([404, '{"error":"not_found"}', 'application/json', 'no-store'])]));
    expect(refusals).toHaveLength(5);
  });

  it('serves an empty calendar before a home locality is set', async () => {
    await db.delete(settings);
    const r = await fetchFeed(token);
    expect(r.status).toBe(200);
    expect(eventsOf(r.body)).toEqual([]);
  });
});
