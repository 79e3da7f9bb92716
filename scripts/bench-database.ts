import { createThrowawayDatabase } from '../db/testing/throwaway';

/**
 * Points the app's database client (db/index.ts, imported after this) at a benchmark's own database: with
 * DATABASE_URL, a new database on that server; otherwise PGlite in memory. Returns what drops the new database
 * (nothing to drop for PGlite). For the benchmark scripts only.
 */
export async function useBenchDatabase(prefix: string): Promise<(() => Promise<void>) | undefined> {
  const server = process.env.DATABASE_URL;
  if (!server) {
    process.env.PGLITE_DATA_DIR = 'memory://';
    return undefined;
  }
  const created = await createThrowawayDatabase(server, prefix);
  process.env.DATABASE_URL = created.url;
  return created.drop;
}
