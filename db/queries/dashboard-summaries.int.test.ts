import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIVITY_KINDS, ACTIVITY_STATUSES } from '../../lib/domain';
import { activityInputSchema, activityUpdateSchema } from '../../lib/validation/activities';
import { openDatabase } from '../client';
import { db } from '../index';
import { migrateDatabase } from '../migrate';
import { insertActivity, setActivityDeleted, updateActivity } from '../mutations/activities';
import { setPartnershipDeleted } from '../mutations/partnerships';
import type { Actor } from '../mutations/users';
import { activities, localities, partnerships, users } from '../schema';
import { migrationsUpTo } from '../testing/migrations';
import { resetDatabase } from '../testing/reset';
import { getBreakdowns, getNetworkFigures } from './dashboard-core';
import { recountActivityFigures } from './dashboard-recount';

// The summaries behind the dashboard's activity figures (kept by the triggers of migration 0012) against a full
// recount (dashboard-recount.ts), after a random sequence of writes through the mutation functions and plain SQL.

const TODAY = '2025-06-30';
// Past dates, year and month boundaries, 29 February, today and a date after it.
const AS_OF = ['1999-12-31', '2000-01-01', '2000-02-29', '2004-02-28', '2004-02-29', '2019-12-31', '2020-01-01', '2020-02-29', '2020-03-01', '2024-02-29', '2024-12-31', '2025-01-01', '2025-06-15', TODAY, '2026-03-01'];
const DATES = ['1999-12-31', '2000-01-01', '2000-02-29', '2000-03', '2004-02-29', '2004', '2019-12-31', '2020-01-01', '2020-02-29', '2020-02', '2020-03-01', '2023-07-14', '2024-02-29', '2024-12-31', '2025-01-01', '2025-06-15', '2025-06-30', '2025-07-01', '2026-02'];
const ITEMS = [['Surgical masks', '外科口罩'], ['surgical MASKS', null], ['  Surgical masks ', '口罩'], ['Thermometers', null], ['Ventilators', '呼吸机']] as const;
const UNITS = ['boxes', 'Boxes', ' boxes', null, '', 'pieces'];

/** A small deterministic generator (mulberry32), so a failure can be replayed from its seed. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T,>(list: readonly T[]): T => list[int(list.length)]!;
  return { next, int, pick };
}

describe('the dashboard summaries', () => {
  let homes: string[];
  let ties: string[];
  let actor: Actor;

  beforeAll(async () => {
    await resetDatabase();
    const places = await db
      .insert(localities)
      .values([
        { slug: 'guangzhou', nameEn: 'Guangzhou', countryCode: 'CN' },
        { slug: 'zhengzhou', nameEn: 'Zhengzhou', countryCode: 'CN' },
        ...['fukuoka', 'osaka', 'lyon', 'hamburg', 'lahore'].map((slug, i) => ({ slug, nameEn: slug, countryCode: ['JP', 'JP', 'FR', 'DE', 'PK'][i]! })),
      ])
      .returning({ id: localities.id, slug: localities.slug });
    homes = places.slice(0, 2).map((p) => p.id);
    const tieRows = await db
      .insert(partnerships)
      .values(
        places.slice(2).flatMap((p, i) => [
          { slug: `gz-${p.slug}`, homeLocalityId: homes[0]!, partnerLocalityId: p.id, type: 'sister_city' as const },
          ...(i < 2 ? [{ slug: `zz-${p.slug}`, homeLocalityId: homes[1]!, partnerLocalityId: p.id, type: 'friendly_cooperation_city' as const }] : []),
        ]),
      )
      .returning({ id: partnerships.id });
    ties = tieRows.map((t) => t.id);
    const [user] = await db.insert(users).values({ email: 'editor@example.org', name: 'Editor', role: 'editor', passwordHash: 'x' }).returning();
    actor = { id: user!.id, email: user!.email };
  });

  // How many comparisons had activities and donations to compare: a run that compares only empty figures proves nothing.
  let compared = 0;

  /** The figures both ways, for every home and date, side by side. */
  async function compare(label: string) {
    for (const home of homes) {
      for (const asOf of AS_OF) {
        const [figures, breakdowns, recount] = await Promise.all([
          getNetworkFigures(db, home, asOf, { today: TODAY }),
          getBreakdowns(db, home, asOf, { today: TODAY }),
          recountActivityFigures(db, home, asOf, { today: TODAY }),
        ]);
        expect(
          {
            activitiesThisYear: figures.activitiesThisYear,
            activitiesLastYear: figures.activitiesLastYear,
            activitiesByKindPerYear: breakdowns.activitiesByKindPerYear,
            donatedQuantities: breakdowns.donatedQuantities,
          },
          `${label}, home ${homes.indexOf(home)}, as of ${asOf}`,
        ).toEqual(recount);
        if (recount.activitiesByKindPerYear.length > 0 && recount.donatedQuantities.length > 0) compared++;
      }
    }
  }

  function randomInput(r: ReturnType<typeof random>, live: string[]) {
    const started = r.next() < 0.1 ? undefined : r.pick(DATES);
    const chosen = [...new Set(Array.from({ length: 1 + r.int(3) }, () => r.pick(live.length ? live : ties)))];
    const ended = started && r.next() < 0.4 ? r.pick(DATES.filter((d) => d >= started && d.length === 10)) : undefined;
    return {
      kind: r.next() < 0.5 ? 'donation' : r.pick(ACTIVITY_KINDS),
      status: r.pick(ACTIVITY_STATUSES),
      direction: 'outgoing',
      titleEn: `Activity ${r.int(1e6)}`,
      started,
      ended,
      partners: chosen.map((partnershipId) => ({ partnershipId, status: r.pick(ACTIVITY_STATUSES) })),
      quantities: Array.from({ length: r.int(4) }, () => {
        const [itemEn, itemZh] = r.pick(ITEMS);
        return {
          partnershipId: r.next() < 0.5 ? '' : r.pick(chosen),
          itemEn,
          itemZh: itemZh ?? '',
          amount: String(r.int(100_000) / 100),
          unit: r.pick(UNITS) ?? '',
        };
      }),
    };
  }

  async function liveActivity(r: ReturnType<typeof random>) {
    const rows = await db
      .select({ id: activities.id, version: activities.version, deletedAt: activities.deletedAt })
      .from(activities)
      .orderBy(activities.slug);
    return rows.length ? r.pick(rows) : undefined;
  }

  /** One random write: through the mutation functions, or plain SQL as an import or a seed would write. */
  async function step(r: ReturnType<typeof random>) {
    const a = await liveActivity(r);
    const tieRows = await db
      .select({ id: partnerships.id, version: partnerships.version, deletedAt: partnerships.deletedAt })
      .from(partnerships)
      .orderBy(partnerships.slug);
    const live = tieRows.filter((t) => !t.deletedAt).map((t) => t.id);
    const roll = r.int(16);
    if (roll < 5 || !a) {
      const parsed = activityInputSchema.safeParse(randomInput(r, live));
      if (parsed.success) await db.transaction((tx) => insertActivity(tx, actor, parsed.data));
    } else if (roll === 5) {
      const parsed = activityUpdateSchema.safeParse({ ...randomInput(r, live), id: a.id, version: String(a.version) });
      if (parsed.success) await db.transaction((tx) => updateActivity(tx, actor, parsed.data));
    } else if (roll === 6) {
      await db.transaction((tx) => setActivityDeleted(tx, actor, a.id, a.version, !a.deletedAt));
    } else if (roll === 7) {
      // Deleted ties are restored more often than live ones deleted, so the network never empties.
      const deleted = tieRows.filter((t) => t.deletedAt);
      const tie = deleted.length && r.next() < 0.6 ? r.pick(deleted) : r.pick(tieRows);
      await db.transaction((tx) => setPartnershipDeleted(tx, actor, tie.id, tie.version, !tie.deletedAt));
    } else if (roll === 8) {
      const start = r.pick(DATES.filter((d) => d.length === 10));
      await db.execute(sql`update activities set started_on = ${start}::date, started_precision = 'day', ended_on = null, ended_precision = null,
        status = ${r.pick(ACTIVITY_STATUSES)}, kind = ${r.pick(ACTIVITY_KINDS)} where id = ${a.id}`);
    } else if (roll === 9) {
      // Several activities in one statement: a year later, ongoing, undated.
      const change = r.pick([
        sql`started_on = started_on + interval '1 year', ended_on = ended_on + interval '1 year'`,
        sql`status = 'ongoing', ended_on = null, ended_precision = null`,
        sql`started_on = null, started_precision = null, ended_on = null, ended_precision = null`,
      ]);
      await db.execute(sql`update activities set ${change} where id in (select id from activities order by slug limit 5 offset ${r.int(10)})`);
    } else if (roll === 10) {
      await db.execute(sql`insert into activity_partnerships (activity_id, partnership_id) values (${a.id}, ${r.pick(ties)}) on conflict do nothing`);
    } else if (roll === 11) {
      await db.execute(sql`delete from activity_partnerships where ctid in (select ctid from activity_partnerships where activity_id = ${a.id} limit 1)`);
    } else if (roll === 12) {
      const [itemEn, itemZh] = r.pick(ITEMS);
      await db.execute(sql`insert into activity_quantities (activity_id, partnership_id, item_en, item_zh, amount, unit, position)
        values (${a.id}, ${r.next() < 0.5 ? null : r.pick(ties)}, ${itemEn}, ${itemZh}, ${r.int(1000)}, ${r.pick(UNITS)}, ${r.int(3)})`);
    } else if (roll === 13) {
      await db.execute(sql`update activity_quantities set amount = amount + 1.25, item_en = upper(item_en) where activity_id = ${a.id}`);
    } else if (roll === 14) {
      // A tie moved to the other home (the pair stays unique: the other home has no tie of this type with it).
      await db.execute(sql`update partnerships set home_locality_id = case when home_locality_id = ${homes[0]!} then ${homes[1]!}::uuid else ${homes[0]!}::uuid end
        where id = ${r.pick(ties)} and not exists (select 1 from partnerships o where o.partner_locality_id = partnerships.partner_locality_id
          and o.type = partnerships.type and o.id <> partnerships.id and o.deleted_at is null)`);
    } else if (r.next() < 0.5) {
      await db.execute(sql`delete from activities where id = ${a.id}`);
    }
  }

  it('match a full recount after every few of 240 random writes, for both homes and every date', async () => {
    for (const seed of [1, 2]) {
      const r = random(seed);
      for (let i = 1; i <= 120; i++) {
        await step(r);
        if (i % 30 === 0) await compare(`seed ${seed}, after ${i} writes`);
      }
    }
    expect(compared).toBeGreaterThan(60);
  }, 180_000);

  it('equal, row for row, the summaries rebuilt from nothing', async () => {
    const rows = async () => ({
      counts: (await db.execute(sql`select home_locality_id, kind, start_month::text, end_year, activities from dashboard_activity_counts
        where activities <> 0 order by 1, 2, 3, 4 nulls first`)).rows,
      totals: (await db.execute(sql`select home_locality_id, item_key, unit_key, start_month::text, amount::text, activities from dashboard_donation_totals
        where activities <> 0 order by home_locality_id, item_key collate "C", unit_key collate "C", start_month nulls first`)).rows,
    });
    const kept = await rows();
    expect(kept.counts.length).toBeGreaterThan(5);
    await db.execute(sql`select dashboard_rebuild_summaries()`);
    expect(await rows()).toEqual(kept);
  });

  it('roll back with the write that failed', async () => {
    await db.execute(sql`update partnerships set deleted_at = null, home_locality_id = ${homes[0]!} where id = ${ties[0]!}`);
    const before = await recountActivityFigures(db, homes[0]!, TODAY, { today: TODAY });
    const input = activityInputSchema.parse({
      kind: 'donation', status: 'completed', direction: 'outgoing', titleEn: 'Rolled back', started: '2025-06-01',
      partners: [{ partnershipId: ties[0]!, status: 'completed' }], quantities: [{ itemEn: 'Rolled back item', amount: '5' }],
    });
    await expect(
      db.transaction(async (tx) => {
        await insertActivity(tx, actor, input);
        throw new Error('the form failed after the write');
      }),
    ).rejects.toThrow('the form failed');
    const [figures, breakdowns] = await Promise.all([getNetworkFigures(db, homes[0]!, TODAY, { today: TODAY }), getBreakdowns(db, homes[0]!, TODAY, { today: TODAY })]);
    expect(figures.activitiesThisYear).toBe(before.activitiesThisYear);
    expect(breakdowns.donatedQuantities).toEqual(before.donatedQuantities);
    expect(breakdowns.donatedQuantities.some((q) => q.itemEn === 'Rolled back item')).toBe(false);
  });
});

describe('migrations 0012-0013 (the summaries filled from the data already there)', () => {
  const upTo = migrationsUpTo('0011_dashboard_summaries');
  afterAll(() => upTo.remove());

  it('give the figures of a full recount for activities written before the triggers existed', async () => {
    const conn = openDatabase({ kind: 'pglite', dataDir: 'memory://' });
    try {
      await migrateDatabase(conn, upTo.folder);
      const one = async <T,>(q: ReturnType<typeof sql>) => ((await conn.db.execute(q)).rows as T[])[0]!;
      const { id: home } = await one<{ id: string }>(sql`insert into localities (slug, name_en, country_code) values ('guangzhou', 'Guangzhou', 'CN') returning id`);
      const { id: lahore } = await one<{ id: string }>(sql`insert into localities (slug, name_en, country_code) values ('lahore', 'Lahore', 'PK') returning id`);
      const { id: tie } = await one<{ id: string }>(
        sql`insert into partnerships (slug, home_locality_id, partner_locality_id, type) values ('gz-lahore', ${home}, ${lahore}, 'sister_city') returning id`,
      );
      const rows = [
        ['masks-2020', 'donation', 'completed', '2020-02-29', null],
        ['masks-undated', 'donation', 'completed', null, null],
        ['metro', 'project', 'ongoing', '2019-12-31', null],
        ['film-week', 'cultural_event', 'completed', '2021-11-19', '2022-01-02'],
        ['cancelled-visit', 'delegation_visit', 'cancelled', '2021-11-19', null],
      ] as const;
      for (const [slug, kind, status, on, ended] of rows) {
        const { id } = await one<{ id: string }>(sql`insert into activities (slug, kind, status, title_en, started_on, started_precision, ended_on, ended_precision)
          values (${slug}, ${kind}, ${status}, ${slug}, ${on}, ${on ? 'day' : null}, ${ended}, ${ended ? 'day' : null}) returning id`);
        await conn.db.execute(sql`insert into activity_partnerships (activity_id, partnership_id) values (${id}, ${tie})`);
        if (kind === 'donation') await conn.db.execute(sql`insert into activity_quantities (activity_id, item_en, amount, unit) values (${id}, 'Surgical masks', 20000, 'pieces')`);
      }

      await migrateDatabase(conn);

      for (const asOf of ['2020-02-29', '2021-11-19', '2022-01-01', TODAY]) {
        const [figures, breakdowns, recount] = await Promise.all([
          getNetworkFigures(conn.db, home, asOf, { today: TODAY }),
          getBreakdowns(conn.db, home, asOf, { today: TODAY }),
          recountActivityFigures(conn.db, home, asOf, { today: TODAY }),
        ]);
        expect(recount.activitiesByKindPerYear.length, asOf).toBeGreaterThan(0);
        expect(
          { activitiesThisYear: figures.activitiesThisYear, activitiesLastYear: figures.activitiesLastYear, activitiesByKindPerYear: breakdowns.activitiesByKindPerYear, donatedQuantities: breakdowns.donatedQuantities },
          asOf,
        ).toEqual(recount);
      }
      expect((await getBreakdowns(conn.db, home, TODAY, { today: TODAY })).donatedQuantities).toEqual([
        { itemEn: 'Surgical masks', itemZh: null, unit: 'pieces', amount: '40000.00', activities: 2 },
      ]);
    } finally {
      await conn.close();
    }
  });
});
