// Stands in for 'next/cache' in integration tests (vitest.config.ts aliases it): outside a Next server there is
// no cache to tag or expire. It records the tags that actions expire, so a test can check that a write tells the
// public pages.

/** Tags expired by updateTag or revalidateTag since the last reset, in order. */
export const expiredTags: string[] = [];

export function resetExpiredTags(): void {
  expiredTags.length = 0;
}

export function cacheTag(): void {}
export function cacheLife(): void {}
export function updateTag(tag: string): void {
  expiredTags.push(tag);
}
export function revalidateTag(tag: string): void {
  expiredTags.push(tag);
}
export function revalidatePath(): void {}
