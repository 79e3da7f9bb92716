import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../index';
import {
  activities,
  activityMilestones,
  activityOrganisations,
  activityPartnerships,
  activityQuantities,
  agreements,
  auditEvents,
  localities,
  partnerships,
  partnershipStatusEvents,
  publishedTotals,
  settings,
} from '../schema';
import { resetDatabase } from '../testing/reset';
import { seedGuangzhou } from './guangzhou';

const home = alias(localities, 'home');
const partner = alias(localities, 'partner');

async function snapshot() {
  const tables = ['localities', 'partnerships', 'partnership_status_events', 'agreements', 'activities',
    'activity_partnerships', 'activity_quantities', 'activity_organisations', 'activity_milestones', 'settings', 'audit_events', 'published_totals'];
  const out: Record<string, unknown> = {};
  for (const t of tables) {
    const { rows } = await db.execute(sql`select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h,
      count(*)::int as n from ${sql.identifier(t)} x`);
    out[t] = rows[0];
  }
  return out;
}

describe('the Guangzhou demo seed', () => {
  beforeAll(async () => {
    await resetDatabase();
    await db.transaction((tx) => seedGuangzhou(tx));
  });

  it('makes Guangzhou the home locality', async () => {
    const [row] = await db
      .select({ slug: localities.slug, nameZh: localities.nameZh })
      .from(settings)
      .innerJoin(localities, eq(localities.id, settings.homeLocalityId));
    expect(row).toEqual({ slug: 'guangzhou', nameZh: '广州' });
  });

  it('loads all 93 partners of the dataset: 38 sister cities and 55 friendly cooperation cities in 62 countries', async () => {
    const rows = await db
      .select({ type: partnerships.type, country: partner.countryCode })
      .from(partnerships)
      .innerJoin(home, eq(home.id, partnerships.homeLocalityId))
      .innerJoin(partner, eq(partner.id, partnerships.partnerLocalityId))
      .where(eq(home.slug, 'guangzhou'));
    expect(rows).toHaveLength(93);
    expect(rows.filter((r) => r.type === 'sister_city')).toHaveLength(38);
    expect(rows.filter((r) => r.type === 'friendly_cooperation_city')).toHaveLength(55);
    expect(new Set(rows.map((r) => r.country)).size).toBe(62);
  });

  it('keeps date precision: Fukuoka to the day, Lahore to the year, Busan undated', async () => {
    const rows = await db
      .select({ slug: partnerships.slug, on: partnerships.establishedOn, p: partnerships.establishedPrecision })
      .from(partnerships)
      .where(sql`${partnerships.slug} in ('guangzhou-fukuoka', 'guangzhou-lahore', 'guangzhou-busan')`)
      .orderBy(partnerships.slug);
    expect(rows).toEqual([
      { slug: 'guangzhou-busan', on: null, p: null },
      { slug: 'guangzhou-fukuoka', on: '1979-05-02', p: 'day' },
      { slug: 'guangzhou-lahore', on: '2021-01-01', p: 'year' },
    ]);
  });

  it('records the Lahore MoU with its six fields, the masks and the Orange Line', async () => {
    const [tie] = await db.select().from(partnerships).where(eq(partnerships.slug, 'guangzhou-lahore'));
    expect(tie?.cooperationFields).toEqual(['economy', 'trade', 'culture', 'tourism', 'science_technology', 'education']);
    const mous = await db.select().from(agreements).where(eq(agreements.partnershipId, tie!.id));
    expect(mous).toHaveLength(1);
    expect(mous[0]?.kind).toBe('mou');
    const acts = await db
      .select({ slug: activities.slug, kind: activities.kind, fields: activities.cooperationFields })
      .from(activityPartnerships)
      .innerJoin(activities, eq(activities.id, activityPartnerships.activityId))
      .where(eq(activityPartnerships.partnershipId, tie!.id))
      .orderBy(activities.slug);
    expect(acts).toEqual([
      { slug: 'lahore-orange-line-metro', kind: 'project', fields: ['infrastructure', 'transport'] },
      { slug: 'lahore-surgical-masks-2020', kind: 'donation', fields: ['health'] },
    ]);
    const history = await db.select().from(partnershipStatusEvents).where(eq(partnershipStatusEvents.partnershipId, tie!.id));
    expect(history.map((h) => h.status)).toEqual(['active']);
  });

  it('gives the masks their quantity for Lahore, and the Orange Line its status, operator and start of operation', async () => {
    const [tie] = await db.select({ id: partnerships.id }).from(partnerships).where(eq(partnerships.slug, 'guangzhou-lahore'));
    const [masks] = await db.select().from(activities).where(eq(activities.slug, 'lahore-surgical-masks-2020'));
    expect(masks).toMatchObject({ kind: 'donation', status: 'completed', direction: 'outgoing', startedOn: '2020-01-01', startedPrecision: 'year' });
    const quantities = await db.select().from(activityQuantities).where(eq(activityQuantities.activityId, masks!.id));
    expect(quantities.map((q) => ({ partnershipId: q.partnershipId, itemEn: q.itemEn, itemZh: q.itemZh, amount: q.amount, unit: q.unit }))).toEqual([
      { partnershipId: tie!.id, itemEn: 'Disposable surgical masks', itemZh: '一次性医用外科口罩', amount: '20000.00', unit: null },
    ]);
    const [metro] = await db.select().from(activities).where(eq(activities.slug, 'lahore-orange-line-metro'));
    expect(metro).toMatchObject({ kind: 'project', status: 'ongoing', direction: 'outgoing', startedOn: '2020-10-01', startedPrecision: 'month', endedOn: null });
    const [link] = await db.select({ status: activityPartnerships.status }).from(activityPartnerships).where(eq(activityPartnerships.activityId, metro!.id));
    expect(link?.status).toBe('ongoing');
    const orgs = await db.select().from(activityOrganisations).where(eq(activityOrganisations.activityId, metro!.id));
    expect(orgs.map((o) => [o.nameEn, o.roleEn, o.nameZh, o.roleZh])).toEqual([['Consortium led by Guangzhou Metro', 'Operator and maintainer', '广州地铁牵头的联合体', '运营和维护']]);
    const milestones = await db.select().from(activityMilestones).where(eq(activityMilestones.activityId, metro!.id));
    expect(milestones.map((m) => [m.occurredOn, m.occurredPrecision, m.titleEn])).toEqual([['2020-10-01', 'month', 'Start of operation']]);
    expect(await db.$count(activityQuantities, eq(activityQuantities.activityId, metro!.id))).toBe(0);
  });

  it('holds ties of other localities: Zhengzhou-Lahore, Henan-Balochistan, Hubei-Sindh', async () => {
    const rows = await db
      .select({ home: home.nameEn, partner: partner.nameEn, type: partnerships.type })
      .from(partnerships)
      .innerJoin(home, eq(home.id, partnerships.homeLocalityId))
      .innerJoin(partner, eq(partner.id, partnerships.partnerLocalityId))
      .where(sql`${home.slug} <> 'guangzhou'`)
      .orderBy(home.nameEn);
    expect(rows).toEqual([
      { home: 'Henan', partner: 'Balochistan', type: 'sister_province' },
      { home: 'Hubei', partner: 'Sindh', type: 'sister_province' },
      { home: 'Zhengzhou', partner: 'Lahore', type: 'sister_city' },
    ]);
    // Documents only where the brief names one: the Lahore MoU and the Henan-Balochistan letter.
    const docs = await db
      .select({ tie: partnerships.slug, kind: agreements.kind })
      .from(agreements)
      .innerJoin(partnerships, eq(partnerships.id, agreements.partnershipId))
      .orderBy(partnerships.slug);
    expect(docs).toEqual([
      { tie: 'guangzhou-lahore', kind: 'mou' },
      { tie: 'henan-balochistan', kind: 'letter_of_intent' },
    ]);
  });

  it('writes one audit event for the load', async () => {
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'seed.load')));
    expect(events).toHaveLength(1);
    expect(events[0]?.after).toMatchObject({ partnerships: 96 });
  });

  it("records the office's three announced counts, with their sources", async () => {
    const rows = await db
      .select({ on: publishedTotals.announcedOn, partners: publishedTotals.partners, countries: publishedTotals.countries, sister: publishedTotals.sisterPartners, sisterCountries: publishedTotals.sisterCountries, friendly: publishedTotals.friendlyPartners, friendlyCountries: publishedTotals.friendlyCountries, title: publishedTotals.sourceTitle })
      .from(publishedTotals)
      .orderBy(publishedTotals.announcedOn);
    expect(rows.map(({ title, ...figures }) => figures)).toEqual([
      { on: '2021-11-19', partners: 99, countries: 65, sister: null, sisterCountries: null, friendly: null, friendlyCountries: null },
      { on: '2021-11-24', partners: 100, countries: 66, sister: null, sisterCountries: null, friendly: null, friendlyCountries: null },
      { on: '2022-04-19', partners: 101, countries: null, sister: 38, sisterCountries: 35, friendly: 63, friendlyCountries: 45 },
    ]);
    for (const r of rows) expect(r.title).toMatch(/Guangzhou Foreign Affairs Office/);
  });

  it('changes nothing when run again', async () => {
    const before = await snapshot();
    const report = await db.transaction((tx) => seedGuangzhou(tx));
    expect(report).toEqual({ localities: 0, partnerships: 0, agreements: 0, activities: 0, activityDetails: 0, publishedTotals: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it('brings a database seeded in the old shape up to the new one on the next seed, once', async () => {
    // The old seed made both activities without quantities, organisations or milestones; the migration gave every
    // activity and partner link the status 'completed'.
    const [metro] = await db.select({ id: activities.id }).from(activities).where(eq(activities.slug, 'lahore-orange-line-metro'));
    await db.delete(activityQuantities);
    await db.delete(activityOrganisations);
    await db.delete(activityMilestones);
    await db.update(activities).set({ status: 'completed' }).where(eq(activities.id, metro!.id));
    await db.update(activityPartnerships).set({ status: 'completed' }).where(eq(activityPartnerships.activityId, metro!.id));
    const report = await db.transaction((tx) => seedGuangzhou(tx));
    expect(report).toEqual({ localities: 0, partnerships: 0, agreements: 0, activities: 0, activityDetails: 4, publishedTotals: 0 });
    const [after] = await db.select({ status: activities.status }).from(activities).where(eq(activities.id, metro!.id));
    expect(after?.status).toBe('ongoing');
    expect([await db.$count(activityQuantities), await db.$count(activityOrganisations), await db.$count(activityMilestones)]).toEqual([1, 1, 1]);
    const before = await snapshot();
    expect(await db.transaction((tx) => seedGuangzhou(tx))).toMatchObject({ activityDetails: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it('adds nothing to an activity staff have edited', async () => {
    const [masks] = await db.select({ id: activities.id }).from(activities).where(eq(activities.slug, 'lahore-surgical-masks-2020'));
    await db.delete(activityQuantities).where(eq(activityQuantities.activityId, masks!.id));
    await db.update(activities).set({ version: 2 }).where(eq(activities.id, masks!.id));
    await db.transaction((tx) => seedGuangzhou(tx));
    expect(await db.$count(activityQuantities, eq(activityQuantities.activityId, masks!.id))).toBe(0);
  });

  it('leaves an announcement staff deleted deleted', async () => {
    await db.update(publishedTotals).set({ deletedAt: new Date() }).where(eq(publishedTotals.announcedOn, '2021-11-24'));
    expect(await db.transaction((tx) => seedGuangzhou(tx))).toMatchObject({ publishedTotals: 0 });
    expect(await db.$count(publishedTotals)).toBe(3);
    expect(await db.$count(publishedTotals, isNotNull(publishedTotals.deletedAt))).toBe(1);
  });

  it('does not overwrite a row staff have edited', async () => {
    await db.update(localities).set({ nameZh: '拉合尔市' }).where(eq(localities.slug, 'lahore'));
    await db.transaction((tx) => seedGuangzhou(tx));
    const [row] = await db.select({ nameZh: localities.nameZh }).from(localities).where(eq(localities.slug, 'lahore'));
    expect(row?.nameZh).toBe('拉合尔市');
  });
});
