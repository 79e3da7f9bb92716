import path from 'node:path';

/** Where the data lives: a PostgreSQL URL when DATABASE_URL is set, else an embedded PGlite folder. */
export type DatabaseTarget =
  | { kind: 'postgres'; url: string }
  | { kind: 'pglite'; dataDir: string };

/** Reads DATABASE_URL / PGLITE_DATA_DIR; PGLITE_DATA_DIR may be `memory://` for throwaway databases. */
export function databaseTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  if (url) return { kind: 'postgres', url };
  const dir = env.PGLITE_DATA_DIR?.trim() || '.data/pglite';
  return { kind: 'pglite', dataDir: dir.startsWith('memory://') ? dir : path.resolve(/*turbopackIgnore: true*/ dir) };
}

/** A description of the target that is safe to print: no password. */
export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === 'pglite') return `PGlite at ${target.dataDir}`;
  try {
    const u = new URL(target.url);
    return `PostgreSQL at ${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL is not a valid URL)';
  }
}
