import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { migrateDatabase } from './migrate';
import { migrationsUpTo } from './testing/migrations';

// Migration 0008 on data written under 0007: activities of the old kinds (cultural exchange, event, economic trade)
// are kept with the new ones (cultural event, economic and trade mission), their links to partnerships survive
// the share percentage being dropped, and the new columns get their defaults.

const upTo = migrationsUpTo('0007_lifecycle_names_file_parts');
afterAll(() => upTo.remove());

describe('migration 0008 (activities grown)', () => {
  it('keeps activities of the renamed kinds, their partners and dates, and fills the new columns', async () => {
    const conn = openDatabase({ kind: 'pglite', dataDir: 'memory://' });
    try {
      await migrateDatabase(conn, upTo.folder);
      const one = async <T>(q: ReturnType<typeof sql>) => ((await conn.db.execute(q)).rows as T[])[0]!;
      const { id: home } = await one<{ id: string }>(sql`insert into localities (slug, name_en, country_code) values ('guangzhou', 'Guangzhou', 'CN') returning id`);
      const { id: lahore } = await one<{ id: string }>(sql`insert into localities (slug, name_en, country_code) values ('lahore', 'Lahore', 'PK') returning id`);
      const { id: tie } = await one<{ id: string }>(
        sql`insert into partnerships (slug, home_locality_id, partner_locality_id, type, status) values ('gz-lahore', ${home}, ${lahore}, 'sister_city', 'active') returning id`,
      );
      const rows = [
        ['lahore-calligraphy-2019', 'cultural_exchange', '2019-05-01', 'month', '2019-06-30'],
        ['lahore-film-week-2021', 'event', '2021-01-01', 'year', null],
        ['lahore-trade-fair-2023', 'economic_trade', '2023-11-02', 'day', '2023-11-05'],
        ['lahore-surgical-masks-2020', 'donation', '2020-04-01', 'month', null],
      ] as const;
      for (const [slug, kind, on, precision, ended] of rows) {
        const { id } = await one<{ id: string }>(
          sql`insert into activities (slug, kind, title_en, started_on, started_precision, ended_on) values (${slug}, ${kind}, ${slug}, ${on}, ${precision}, ${ended}) returning id`,
        );
        await conn.db.execute(sql`insert into activity_partnerships (activity_id, partnership_id, share_percent) values (${id}, ${tie}, 50)`);
      }

      await migrateDatabase(conn);

      const after = (
        await conn.db.execute(
          sql`select slug, kind::text, status::text, direction::text, started_on::text, started_precision::text, ended_on::text, ended_precision::text, links, value_amount
              from activities order by slug`,
        )
      ).rows;
      expect(after).toEqual([
        { slug: 'lahore-calligraphy-2019', kind: 'cultural_event', status: 'completed', direction: 'outgoing', started_on: '2019-05-01', started_precision: 'month', ended_on: '2019-06-30', ended_precision: 'day', links: [], value_amount: null },
        { slug: 'lahore-film-week-2021', kind: 'cultural_event', status: 'completed', direction: 'outgoing', started_on: '2021-01-01', started_precision: 'year', ended_on: null, ended_precision: null, links: [], value_amount: null },
        { slug: 'lahore-surgical-masks-2020', kind: 'donation', status: 'completed', direction: 'outgoing', started_on: '2020-04-01', started_precision: 'month', ended_on: null, ended_precision: null, links: [], value_amount: null },
        { slug: 'lahore-trade-fair-2023', kind: 'economic_trade_mission', status: 'completed', direction: 'outgoing', started_on: '2023-11-02', started_precision: 'day', ended_on: '2023-11-05', ended_precision: 'day', links: [], value_amount: null },
      ]);
      const links = (await conn.db.execute(sql`select partnership_id, status::text, position from activity_partnerships`)).rows;
      expect(links).toHaveLength(4);
      expect(links.every((l) => (l as { partnership_id: string }).partnership_id === tie)).toBe(true);
      expect(links.every((l) => (l as { status: string }).status === 'completed')).toBe(true);
      const columns = (await conn.db.execute(sql`select column_name from information_schema.columns where table_name = 'activity_partnerships'`)).rows.map(
        (r) => (r as { column_name: string }).column_name,
      );
      expect(columns).not.toContain('share_percent');
      const kinds = (await conn.db.execute(sql`select unnest(enum_range(null::activity_kind))::text as k`)).rows.map((r) => (r as { k: string }).k);
      expect(kinds).not.toContain('cultural_exchange');
      expect(kinds).not.toContain('event');
      expect(kinds).not.toContain('economic_trade');
      // The new checks hold: a value needs an ISO-shaped currency.
      await expect(conn.db.execute(sql`update activities set value_amount = 10 where slug = 'lahore-film-week-2021'`)).rejects.toThrow();
    } finally {
      await conn.close();
    }
  });
});
