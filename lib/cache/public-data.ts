import 'server-only';
import { cacheLife, cacheTag, revalidateTag, updateTag } from 'next/cache';

// Everything the public sees (the directory, partner pages, open data, the sitemap) is read through functions
// marked 'use cache' that call publicCache(); every write that may change what the public sees calls
// publicDataChanged() after its transaction commits. One tag for all of it: staff writes are rare (a few a day)
// next to public reads, and one tag cannot be forgotten on a page that shows data from several records.
// Other instances learn of the change through PostgreSQL (lib/cache/handler.mjs), within milliseconds.

/** The cache tag of every public read. */
export const PUBLIC_DATA_TAG = 'public-data';

/**
 * Marks the enclosing 'use cache' function as public data: kept until a write calls publicDataChanged(), and in
 * any case revalidated after 15 minutes (a safety net, should a change notification ever be missed).
 */
export function publicCache(): void {
  cacheTag(PUBLIC_DATA_TAG);
  cacheLife({ stale: 300, revalidate: 900, expire: 3600 });
}

/**
 * Expires every public read at once, from a server action, after its transaction committed: the next request
 * on any instance reads the database again (this instance at once, the others on the NOTIFY the cache handler
 * sends).
 */
export function publicDataChanged(): void {
  updateTag(PUBLIC_DATA_TAG);
}

/** The same, from a route handler (updateTag is for server actions only). */
export function publicDataChangedByRoute(): void {
  revalidateTag(PUBLIC_DATA_TAG, { expire: 0 });
}
