import 'server-only';
import { openDatabase, type Connection } from './client';

export type { Database, Executor, Transaction } from './client';

// One client per process. Next may load this module in several bundles (instrumentation, routes), and two
// PGlite instances on one folder silently diverge, so the connection lives on globalThis.
const KEY = Symbol.for('amity.db');
type Holder = typeof globalThis & { [KEY]?: Connection };

/** The process-wide connection; opened on first use. */
export function connection(): Connection {
  const g = globalThis as Holder;
  g[KEY] ??= openDatabase();
  return g[KEY];
}

/** The drizzle client for queries and mutations under db/. */
export const db = new Proxy({} as Connection['db'], {
  get(_target, prop) {
    const real = connection().db;
    const value = Reflect.get(real, prop, real);
    return typeof value === 'function' ? value.bind(real) : value;
  },
});
