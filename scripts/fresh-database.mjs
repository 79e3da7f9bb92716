// A database of its own for a script that seeds and serves the app (the end-to-end server, the benchmark).
import { rmSync } from 'node:fs';
import pg from 'pg';

/**
 * Points `env` at an empty database named for `purpose` ("e2e", "bench"): with DATABASE_URL, the sibling database
 * "<name>_<purpose>" on the same PostgreSQL server, dropped and created anew; without it, an embedded PGlite folder
 * `.data/<purpose>-pglite`, deleted first. Returns a description ("PostgreSQL host:port" or "PGlite (embedded)").
 */
export async function useFreshDatabase(env, purpose) {
  if (!env.DATABASE_URL) {
    env.PGLITE_DATA_DIR = `.data/${purpose}-pglite`;
    rmSync(env.PGLITE_DATA_DIR, { recursive: true, force: true });
    return 'PGlite (embedded)';
  }
  const server = new URL(env.DATABASE_URL);
  const name = `${server.pathname.slice(1) || 'amity'}_${purpose}`.replace(/[^a-zA-Z0-9_]/g, '_');
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  server.pathname = `/${name}`;
  env.DATABASE_URL = server.toString();
  return `PostgreSQL ${server.host}`;
}
