import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { connection, db } from './index';
import { migrateDatabase } from './migrate';
import { seedGuangzhou } from './seed/guangzhou';
import { resetDatabase } from './testing/reset';

async function publicTables(): Promise<string[]> {
  const rows = await db.execute<{ table_name: string }>(
    sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
  );
  return rows.rows.map((r) => r.table_name).sort();
}

describe('migrations', () => {
  it('create every table of the schema', async () => {
    expect(await publicTables()).toEqual([
      'activities',
      'activity_milestones',
      'activity_organisations',
      'activity_partnerships',
      'activity_photos',
      'activity_quantities',
      'agreement_file_parts',
      'agreement_files',
      'agreement_signatories',
      'agreements',
      'audit_events',
      'calendar_feeds',
      'dashboard_activity_counts',
      'dashboard_activity_facts',
      'dashboard_donation_totals',
      'dashboard_quantity_facts',
      'import_rows',
      'imports',
      'localities',
      'locality_names',
      'partnership_status_events',
      'partnerships',
      'published_totals',
      'recovery_codes',
      'sessions',
      'settings',
      'sign_in_attempts',
      'users',
    ]);
  });

  it('are recorded, and applying them again changes nothing', async () => {
    const before = await db.execute(sql`select hash, created_at from drizzle.__drizzle_migrations order by id`);
    expect(before.rows.length).toBeGreaterThan(0);
    await migrateDatabase(connection());
    const after = await db.execute(sql`select hash, created_at from drizzle.__drizzle_migrations order by id`);
    expect(after.rows).toEqual(before.rows);
  });

  it('enforce the domain rules in the database itself', async () => {
    await expect(
      db.execute(sql`insert into localities (slug, name_en, country_code) values ('x', 'X', 'china')`),
    ).rejects.toThrow();
    await expect(
      db.execute(sql`insert into localities (slug, name_en, country_code, latitude) values ('y', 'Y', 'CN', 91)`),
    ).rejects.toThrow();
  });

  it('leave every table empty after a reset (the test helper knows them all)', async () => {
    await seedGuangzhou(db);
    await resetDatabase();
    for (const table of await publicTables()) {
      const { rows } = await db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)}`);
      expect(rows[0]?.n, table).toBe(0);
    }
  });
});
