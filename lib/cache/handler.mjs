// The "use cache" handler of every instance (next.config.js cacheHandlers.default). Loaded by Next when the server
// starts, outside the bundle, so it is plain JavaScript.
//
// Entries live in Next's own in-memory store, one per instance. What instances must share is the moment a tag
// was expired: a write on one instance calls updateTag('public-data'), and every other instance must stop serving
// what it cached before. That news travels through PostgreSQL, which every instance already reaches:
// - updateTags() expires the tags here, then sends NOTIFY amity_cache_tags with the tags and this instance's id;
// - each instance LISTENs on one connection of its own and expires the tags it hears of;
// - while that connection is down, nothing is served from the cache (a notice could be missed), and when it is
//   back every tag this instance has cached is expired once, for the same reason.
// With the embedded PGlite (no DATABASE_URL) there is one process, so the local store is the whole truth.
import { randomUUID } from 'node:crypto';
import defaultHandlerModule from 'next/dist/server/lib/cache-handlers/default.js';
import pg from 'pg';

export const CHANNEL = 'amity_cache_tags';
const RETRY_MS = 1000;
const FIRST_CONNECT_WAIT_MS = 2000;

/**
 * A cache handler (Next's CacheHandler interface) over `local`, with tag expiries shared through PostgreSQL at
 * `url` (none: a single instance). `log` receives {level, msg, ...} objects.
 */
export function createSharedTagsCacheHandler({ url, local, log = console.log }) {
  const instance = randomUUID();
  const seenTags = new Set();
  /** @type {pg.Client | null} */
  let client = null;
  let listening = !url;
  /** @type {Promise<void> | null} */
  let connecting = null;
  let lastAttempt = 0;

  function dropConnection(reason) {
    if (!listening && !client) return;
    listening = false;
    const old = client;
    client = null;
    old?.removeAllListeners();
    old?.on('error', () => {});
    old?.end().catch(() => {});
    log({ level: 'warn', msg: 'cache: lost the PostgreSQL connection that carries cache invalidations; serving without the cache until it is back', reason: String(reason) });
  }

  async function connect() {
    lastAttempt = Date.now();
    const next = new pg.Client({ connectionString: url, application_name: 'amity-cache-listener', connectionTimeoutMillis: 5000, keepAlive: true });
    next.on('error', (error) => dropConnection(error?.message));
    next.on('end', () => dropConnection('connection ended'));
    next.on('notification', (message) => {
      try {
        const { from, tags } = JSON.parse(message.payload ?? '{}');
        if (from !== instance && Array.isArray(tags)) void local.updateTags(tags.filter((t) => typeof t === 'string'));
      } catch {
        // Not ours: ignore.
      }
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      next.removeAllListeners();
      next.on('error', () => {});
      next.end().catch(() => {});
      throw error;
    }
    // Whatever was cached while nobody listened may be stale.
    if (seenTags.size > 0) await local.updateTags([...seenTags]);
    client = next;
    listening = true;
    log({ level: 'info', msg: 'cache: listening for cache invalidations from other instances' });
  }

  function ensureListening() {
    if (listening || connecting || Date.now() - lastAttempt < RETRY_MS) return connecting;
    connecting = connect()
      .catch((error) => log({ level: 'warn', msg: 'cache: cannot listen for cache invalidations yet', reason: String(error?.message ?? error) }))
      .finally(() => {
        connecting = null;
      });
    return connecting;
  }

  async function publish(tags) {
    const payload = JSON.stringify({ from: instance, tags });
    try {
      if (client && listening) {
        await client.query('select pg_notify($1, $2)', [CHANNEL, payload]);
        return;
      }
      const once = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
      once.on('error', () => {});
      await once.connect();
      try {
        await once.query('select pg_notify($1, $2)', [CHANNEL, payload]);
      } finally {
        await once.end().catch(() => {});
      }
    } catch (error) {
      // The write itself is committed; other instances see it when their entries expire (cacheLife, 15 minutes).
      log({ level: 'error', msg: 'cache: could not tell other instances of a change', tags, reason: String(error?.message ?? error) });
    }
  }

  return {
    async get(cacheKey, softTags) {
      if (!listening) return undefined;
      return local.get(cacheKey, softTags);
    },
    async set(cacheKey, pendingEntry) {
      const entry = pendingEntry.then((e) => {
        for (const tag of e.tags) seenTags.add(tag);
        return e;
      });
      return local.set(cacheKey, entry);
    },
    async refreshTags() {
      if (listening) return;
      const pending = ensureListening();
      // The first requests after start wait briefly for the connection, so that they can use the cache.
      if (pending) await Promise.race([pending, new Promise((resolve) => setTimeout(resolve, FIRST_CONNECT_WAIT_MS).unref())]);
    },
    getExpiration: (tags) => local.getExpiration(tags),
    async updateTags(tags, durations) {
      await local.updateTags(tags, durations);
      if (url) await publish(tags);
    },
    /** For tests: whether this instance currently hears other instances' invalidations. */
    get listening() {
      return listening;
    },
    /** For tests and shutdown: closes the listening connection. */
    async close() {
      const old = client;
      client = null;
      listening = !url;
      old?.removeAllListeners();
      old?.on('error', () => {});
      await old?.end().catch(() => {});
    },
  };
}

const handler = createSharedTagsCacheHandler({
  url: process.env.DATABASE_URL || null,
  local: defaultHandlerModule.createDefaultCacheHandler(50 * 1024 * 1024),
  // scripts/server.mjs turns a logged object into one JSON line at the console method's level.
  log: ({ level, ...entry }) => (level === 'error' ? console.error : level === 'warn' ? console.warn : console.info)(entry),
});

export default handler;
