import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSharedTagsCacheHandler } from './handler.mjs';

// Two app instances' cache handlers on one PostgreSQL database: a tag one expires reaches the other. The local
// stores are stand-ins that record what they are told; what is under test is the carrying between instances.
const url = process.env.DATABASE_URL;

function recordingStore() {
  const updated: string[][] = [];
  const entries = new Map<string, { tags: string[] }>();
  return {
    updated,
    async get(key: string) {
      return entries.get(key);
    },
    async set(key: string, pending: Promise<{ tags: string[] }>) {
      entries.set(key, await pending);
    },
    async refreshTags() {},
    async getExpiration() {
      return 0;
    },
    async updateTags(tags: string[]) {
      updated.push(tags);
    },
  };
}

type Handler = ReturnType<typeof createSharedTagsCacheHandler>;
const opened: Handler[] = [];
function instance(store = recordingStore()) {
  const handler = createSharedTagsCacheHandler({ url: url ?? null, local: store as never, log: () => {} });
  opened.push(handler);
  return { handler, store };
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((h) => h.close()));
});

describe.skipIf(!url)('cache invalidation between instances (PostgreSQL)', () => {
  it("expires a tag on the other instance when one instance's write expires it", async () => {
    const a = instance();
    const b = instance();
    await a.handler.refreshTags();
    await b.handler.refreshTags();
    expect(a.handler.listening && b.handler.listening).toBe(true);

    await a.handler.updateTags(['public-data']);
    expect(a.store.updated).toEqual([['public-data']]);
    await vi.waitFor(() => expect(b.store.updated).toEqual([['public-data']]), { timeout: 5000 });
    // An instance does not expire its own tag a second time on hearing its own notice.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(a.store.updated).toEqual([['public-data']]);
  });

  it('serves nothing from the cache while it cannot hear other instances, and forgets what it had once back', async () => {
    const b = instance();
    await b.handler.refreshTags();
    await b.handler.set('key', Promise.resolve({ tags: ['public-data'] } as never));
    expect(await b.handler.get('key', [])).toEqual({ tags: ['public-data'] });

    // PostgreSQL drops the listening connection (as in a restart).
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'amity-cache-listener' and datname = current_database()");
    } finally {
      await admin.end();
    }
    await vi.waitFor(() => expect(b.handler.listening).toBe(false), { timeout: 5000 });
    expect(await b.handler.get('key', [])).toBeUndefined();

    // The next request reconnects; every tag this instance cached is expired, since a notice may have been missed.
    await vi.waitFor(
      async () => {
        await b.handler.refreshTags();
        expect(b.handler.listening).toBe(true);
      },
      { timeout: 10_000, interval: 300 },
    );
    expect(b.store.updated).toContainEqual(['public-data']);
  });
});

describe.skipIf(!!url)('cache handler on the embedded PGlite', () => {
  it('is a single instance: it serves from the cache at once and tells nobody', async () => {
    const { handler, store } = instance();
    expect(handler.listening).toBe(true);
    await handler.set('key', Promise.resolve({ tags: ['public-data'] } as never));
    expect(await handler.get('key', [])).toEqual({ tags: ['public-data'] });
    await handler.updateTags(['public-data']);
    expect(store.updated).toEqual([['public-data']]);
  });
});
