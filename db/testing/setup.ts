import { afterAll } from 'vitest';
import { createThrowawayDatabase } from './throwaway';

// Runs before each integration test file: a database of its own, migrated from drizzle/, dropped afterwards.
// PostgreSQL when DATABASE_URL is set (a new database on that server), else an in-memory PGlite.
const serverUrl = process.env.DATABASE_URL?.trim();
let dropDatabase: (() => Promise<void>) | undefined;

if (serverUrl) {
  const created = await createThrowawayDatabase(serverUrl, 'amity_it');
  process.env.DATABASE_URL = created.url;
  dropDatabase = created.drop;
} else {
  process.env.PGLITE_DATA_DIR = 'memory://';
}

const { connection } = await import('../index');
const { migrateDatabase } = await import('../migrate');
await migrateDatabase(connection());

afterAll(async () => {
  await connection().close();
  await dropDatabase?.();
});
