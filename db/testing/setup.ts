import { randomBytes } from 'node:crypto';
import { afterAll } from 'vitest';
import { Client } from 'pg';

// Runs before each integration test file: a database of its own, migrated from drizzle/, dropped afterwards.
// PostgreSQL when DATABASE_URL is set (a new database on that server), else an in-memory PGlite.
const serverUrl = process.env.DATABASE_URL?.trim();
let dropDatabase: (() => Promise<void>) | undefined;

if (serverUrl) {
  const name = `amity_it_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  dropDatabase = async () => {
    const c = new Client({ connectionString: serverUrl });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  };
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
