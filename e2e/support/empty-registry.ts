import { eq, sql } from 'drizzle-orm';
import { openDatabase } from '../../db/client';
import { databaseTarget } from '../../db/config';
import { migrateDatabase } from '../../db/migrate';
import { localities, settings } from '../../db/schema';
import { seedDemoUsers } from '../../db/seed/demo-users';

// `tsx --conditions=react-server e2e/support/empty-registry.ts` with PGLITE_DATA_DIR (or DATABASE_URL) set: a
// registry with nothing in it but its home locality (Guangzhou) and the demo staff, for the import's end-to-end
// test. Tests only.
const conn = openDatabase(databaseTarget());
await migrateDatabase(conn);
await conn.db.transaction(async (tx) => {
  const [found] = await tx.select({ id: localities.id }).from(localities).where(eq(localities.slug, 'guangzhou'));
  const id =
    found?.id ??
    (await tx.insert(localities).values({ slug: 'guangzhou', nameEn: 'Guangzhou', nameZh: '广州', countryCode: 'CN', latitude: 23.11667, longitude: 113.25 }).returning({ id: localities.id }))[0]!.id;
  // The migrations make the settings row; an admin's own choice of home is kept.
  await tx
    .insert(settings)
    .values({ id: 1, homeLocalityId: id })
    .onConflictDoUpdate({ target: settings.id, set: { homeLocalityId: sql`coalesce(${settings.homeLocalityId}, excluded.home_locality_id)` } });
  await seedDemoUsers(tx);
});
await conn.close();
