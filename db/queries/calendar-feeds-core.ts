import { and, eq, isNull } from 'drizzle-orm';
import type { Role } from '../../lib/domain';
import type { Executor } from '../client';
import { calendarFeeds, settings, users } from '../schema';

// Reads of calendar feeds without an access check: the feed's route checks the token itself, the account page
// goes through db/queries/calendar-feeds.ts; tests call these directly.

/** A live feed found by its token, with what serving it needs. */
export interface LiveCalendarFeed {
  id: string;
  userId: string;
  role: Role;
  lastUsedAt: Date | null;
  /** The network the feed is about (settings); null before one is set. */
  homeLocalityId: string | null;
}

/**
 * The live feed whose token hashes to `tokenHash`, or null when there is none: unknown, revoked, or its user
 * deactivated or deleted all give null alike. For app/api/calendar/[token]/route.ts.
 */
export async function findLiveCalendarFeed(executor: Executor, tokenHash: string): Promise<LiveCalendarFeed | null> {
  const [row] = await executor
    .select({
      id: calendarFeeds.id,
      userId: calendarFeeds.userId,
      role: users.role,
      lastUsedAt: calendarFeeds.lastUsedAt,
      homeLocalityId: settings.homeLocalityId,
    })
    .from(calendarFeeds)
    .innerJoin(users, and(eq(users.id, calendarFeeds.userId), eq(users.isActive, true), isNull(users.deletedAt)))
    .leftJoin(settings, eq(settings.id, 1))
    .where(and(eq(calendarFeeds.tokenHash, tokenHash), isNull(calendarFeeds.revokedAt)));
  return row ?? null;
}

/** How often a feed's lastUsedAt is written at most: calendar apps poll every few hours, each poll need not write. */
export const FEED_TOUCH_EVERY_MS = 3_600_000;

/**
 * Records that `feed` was fetched at `now`, unless its lastUsedAt is more recent than FEED_TOUCH_EVERY_MS: most
 * fetches write nothing. For the feed's route.
 */
export async function touchCalendarFeed(executor: Executor, feed: Pick<LiveCalendarFeed, 'id' | 'lastUsedAt'>, now = new Date()): Promise<void> {
  if (feed.lastUsedAt && now.getTime() - feed.lastUsedAt.getTime() < FEED_TOUCH_EVERY_MS) return;
  await executor.update(calendarFeeds).set({ lastUsedAt: now }).where(eq(calendarFeeds.id, feed.id));
}

/** A user's own live feed as the account page shows it (never its hash), or null when they have none. */
export interface OwnCalendarFeed {
  id: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

/** The live feed of user `userId`, or null. */
export async function queryOwnCalendarFeed(executor: Executor, userId: string): Promise<OwnCalendarFeed | null> {
  const [row] = await executor
    .select({ id: calendarFeeds.id, createdAt: calendarFeeds.createdAt, lastUsedAt: calendarFeeds.lastUsedAt })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)));
  return row ?? null;
}
