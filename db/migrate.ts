import path from 'node:path';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { Connection } from './client';

const MIGRATIONS = path.resolve(process.cwd(), 'drizzle');
// Any fixed number; every instance uses the same one so only one migrates at a time.
const MIGRATION_LOCK = 7_411_020_211;

/** Applies drizzle/ to the connection's database. Safe when several app instances start at once on PostgreSQL. */
export async function migrateDatabase(conn: Connection, migrationsFolder = MIGRATIONS): Promise<void> {
  if (conn.target.kind === 'pglite') {
    await migratePglite(conn.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  // A session-level advisory lock on a dedicated client, held for the whole run.
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { Client } = await import('pg');
  const client = new Client({ connectionString: conn.target.url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migratePg(drizzle({ client }), { migrationsFolder });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await client.end();
  }
}
