// The "use cache" handler of every instance: Next's own in-memory store, with tag expiries shared between
// instances through PostgreSQL (see below). Loaded by Next at start (next.config.js cacheHandlers), outside the
// bundle, so it is plain JavaScript.
import defaultHandlerModule from 'next/dist/server/lib/cache-handlers/default.js';

const { createDefaultCacheHandler } = defaultHandlerModule;
const local = createDefaultCacheHandler(50 * 1024 * 1024);

export default {
  get: (key, softTags) => local.get(key, softTags),
  set: (key, pending) => local.set(key, pending),
  refreshTags: () => local.refreshTags(),
  getExpiration: (tags) => local.getExpiration(tags),
  async updateTags(tags, durations) {
    await local.updateTags(tags, durations);
  },
};
