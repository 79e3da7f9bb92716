import ICAL from 'ical.js';
import { createTranslator } from 'next-intl';
import { afterEach, describe, expect, it } from 'vitest';
import type { ComingDateItem } from '../db/queries/coming-dates-core';
import { comingDatesCalendar, comingDateText, feedTokenHash, isFeedToken, newFeedToken, type Translate } from './calendar-feed';
import { feedUrl } from './calendar-feed-url';
import en from './i18n/messages/en.json';
import zh from './i18n/messages/zh.json';

const t = { en: createTranslator({ locale: 'en', messages: en }) as unknown as Translate, zh: createTranslator({ locale: 'zh', messages: zh }) as unknown as Translate };

const tie: ComingDateItem['tie'] = {
  id: '11111111-1111-4111-8111-111111111111',
  slug: 'guangzhou-fukuoka',
  type: 'sister_city',
  status: 'active',
  partner: { id: '22222222-2222-4222-8222-222222222222', slug: 'fukuoka', nameEn: 'Fukuoka', nameZh: '福冈', countryCode: 'JP' },
};

const fiftieth: ComingDateItem = {
  kind: 'tie_anniversary',
  key: `tie-${tie.id}-50`,
  partnershipId: tie.id,
  agreementId: null,
  years: 50,
  observance: 'celebration',
  since: '1979-05-02',
  on: '2029-05-02',
  until: '2029-05-02',
  precision: 'day',
  tie,
  agreement: null,
};

const yearOnly: ComingDateItem = {
  ...fiftieth,
  key: `tie-${tie.id}-25`,
  years: 25,
  observance: 'letter',
  since: '2004-01-01',
  on: '2029-01-01',
  until: '2029-12-31',
  precision: 'year',
  tie: { ...tie, status: 'lapsed', partner: { ...tie.partner, nameZh: null } },
};

const termEnd: ComingDateItem = {
  kind: 'term_end',
  key: 'term-33333333-3333-4333-8333-333333333333',
  partnershipId: tie.id,
  agreementId: '33333333-3333-4333-8333-333333333333',
  on: '2029-06-30',
  until: '2029-06-30',
  precision: 'day',
  tie: { ...tie, status: 'suspended' },
  agreement: { id: '33333333-3333-4333-8333-333333333333', kind: 'mou', titleEn: 'Youth MoU', titleZh: null, signedOn: '2024-07-01' },
};

describe('feed tokens', () => {
  it('are 43 base64url characters, new each time, kept as their SHA-256', () => {
    const a = newFeedToken();
    const b = newFeedToken();
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.tokenHash).toBe(feedTokenHash(a.token));
    expect(a.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(feedTokenHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it.each(['', 'short', `${'a'.repeat(42)}=`, `${'a'.repeat(44)}`, `${'a'.repeat(42)}/`, `${'a'.repeat(42)}%`])('refuse %j', (v) =>
    expect(isFeedToken(v)).toBe(false),
  );

  it('make an address per language', () => {
    expect(feedUrl('https://amity.example.org', 'tok', 'en')).toBe('https://amity.example.org/api/calendar/tok');
    expect(feedUrl('https://amity.example.org', 'tok', 'zh')).toBe('https://amity.example.org/api/calendar/tok?lang=zh');
  });
});

describe('comingDateText', () => {
  it('names the partner, the years and how the day is marked, in either language', () => {
    expect(comingDateText(fiftieth, t.en, 'en')).toEqual({
      summary: 'Fukuoka: 50th anniversary of the partnership (celebration year)',
      description: 'Partnership (Sister city) established May 2, 1979.',
    });
    expect(comingDateText(fiftieth, t.zh, 'zh')).toEqual({ summary: '福冈：结好50周年（逢十庆祝年）', description: '1979年5月2日建立友好关系（友好城市）。' });
  });

  it('says a year-precision date spans the year, names a lapsed tie, and falls back to the English name', () => {
    const { summary, description } = comingDateText(yearOnly, t.zh, 'zh');
    expect(summary).toBe('Fukuoka：结好25周年（致贺信）');
    expect(description.split('\n')).toEqual(['2004年建立友好关系（友好城市）。', '仅记载到年份：周年纪念涵盖全年。', '友好关系状态：已失效。', '该友好关系已失效：周年纪念是恢复联系的契机。']);
  });

  it('words a term’s end with the agreement’s title', () => {
    expect(comingDateText(termEnd, t.en, 'en')).toEqual({
      summary: 'Fukuoka: the term of “Youth MoU” ends',
      description: 'The last day of the agreement’s term: decide before it whether to renew.\nStatus of the partnership: Suspended.',
    });
    expect(comingDateText(termEnd, t.zh, 'zh').summary).toBe('福冈：《Youth MoU》期满');
  });
});

describe('comingDatesCalendar', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    process.env.TZ = zone;
  });

  it.each(['Pacific/Kiritimati', 'America/Los_Angeles', 'UTC'])('writes the dates as given whatever the server’s zone (%s)', (tz) => {
    process.env.TZ = tz;
    const body = comingDatesCalendar({ from: '2029-01-01', to: '2029-12-31', items: [yearOnly, fiftieth, termEnd] }, t.en, 'en', 'https://amity.example.org');
    expect(body).toContain('DTSTART;VALUE=DATE:20290101\r\nDTEND;VALUE=DATE:20300101');
    expect(body).toContain('DTSTART;VALUE=DATE:20290502\r\nDTEND;VALUE=DATE:20290503');
    // Every line ends with CRLF, the last one too (RFC 5545, 3.1), and none with a bare LF.
    expect(body.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(body.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const calendar = new ICAL.Component(ICAL.parse(body));
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Amity: coming dates');
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => [e.uid, e.startDate.toString(), e.endDate.toString(), e.startDate.isDate])).toEqual([
      [`tie-${tie.id}-25@amity`, '2029-01-01', '2030-01-01', true],
      [`tie-${tie.id}-50@amity`, '2029-05-02', '2029-05-03', true],
      ['term-33333333-3333-4333-8333-333333333333@amity', '2029-06-30', '2029-07-01', true],
    ]);
    expect(events.map((e) => e.component.getFirstPropertyValue('transp'))).toEqual(['TRANSPARENT', 'TRANSPARENT', 'TRANSPARENT']);
    expect(events[2]!.component.getFirstPropertyValue('url')).toBe(`https://amity.example.org/partnerships/${tie.id}/agreements/33333333-3333-4333-8333-333333333333`);
  });
});
