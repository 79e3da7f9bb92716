import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
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
  let release = () => {};
  if (!target.dataDir.startsWith('memory://')) {
    // PGlite does not create its parent folder.
    mkdirSync(path.dirname(target.dataDir), { recursive: true });
    release = lockDataDir(target.dataDir);
  }
  const client = new PGlite(target.dataDir);
  const db = drizzlePglite({ client, schema, casing: 'snake_case' }) as unknown as Database;
  return {
    db,
    target,
    close: async () => {
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Claims a PGlite folder for this process with a lock file beside it. Two processes on one folder silently
 * diverge, so a second one (a script while the server runs) is refused with the holder's pid. A lock left by a
 * process that died is taken over. Returns the release function.
 */
export function lockDataDir(dataDir: string): () => void {
  const lockPath = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      const release = () => {
        process.off('exit', release);
        try {
          if (readFileSync(lockPath, 'utf8') === String(process.pid)) rmSync(lockPath);
        } catch {
          // Already gone.
        }
      };
      process.on('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(readFileSync(lockPath, 'utf8').trim());
      if (holder === process.pid) throw new Error(`PGlite folder ${dataDir} is already open in this process`);
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
        throw new Error(
          `PGlite folder ${dataDir} is in use by process ${holder}; stop it first (one process at a time), ` +
            `or delete ${lockPath} if that process is not Amity`,
        );
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`could not lock PGlite folder ${dataDir}`);
}
