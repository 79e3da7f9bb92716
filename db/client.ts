import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { Pool } from 'pg';
import * as schema from './schema';
import { databaseTarget, type DatabaseTarget } from './config';

// Kept free of 'server-only' so command-line scripts and tests can open a database too; app code imports db/index.ts.

export type Database = NodePgDatabase<typeof schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Anything that runs queries: the client or an open transaction. */
export type Executor = Database | Transaction;

export interface Connection {
  db: Database;
  target: DatabaseTarget;
  close(): Promise<void>;
}

/** Opens a drizzle client on the target. Both drivers expose the same query builder. */
export function openDatabase(target: DatabaseTarget = databaseTarget()): Connection {
  if (target.kind === 'postgres') {
    const pool = new Pool({
      connectionString: target.url,
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
    });
    // An idle client losing its connection must not crash the process; the next query reconnects.
    pool.on('error', (err) => console.error(`database pool error: ${err.message}`));
    const db = drizzlePg({ client: pool, schema, casing: 'snake_case' });
    return { db, target, close: () => pool.end() };
  }
  if (!target.dataDir.startsWith('memory://')) {
    // PGlite does not create its parent folder.
    mkdirSync(path.dirname(target.dataDir), { recursive: true });
  }
  const client = new PGlite(target.dataDir);
  const db = drizzlePglite({ client, schema, casing: 'snake_case' }) as unknown as Database;
  return { db, target, close: () => client.close() };
}
