import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../client';
import { calendarFeeds } from '../schema';
import { insertAuditEvent } from './audit';
import type { Actor } from './users';

// Writes of a staff user's own calendar feed (the "Calendar feed" section of /account). Each takes the caller's
// transaction, so the change and its audit event commit or roll back together. The token's hash is never audited.

const ENTITY = 'calendar_feed';

/** A feed as the audit trail keeps it: never its token hash. */
const auditColumns = {
  id: calendarFeeds.id,
  userId: calendarFeeds.userId,
  createdAt: calendarFeeds.createdAt,
  lastUsedAt: calendarFeeds.lastUsedAt,
  revokedAt: calendarFeeds.revokedAt,
};

/** 'exists': the user already has a live feed; 'gone': the feed named is not the user's live one (revoked, replaced). */
export type CalendarFeedResult = { kind: 'ok'; feedId: string } | { kind: 'exists' } | { kind: 'gone' };

/** Inserts a live feed for the actor; null when they already have one (the partial unique index decides, race-free). */
async function insertLive(tx: Executor, actor: Actor, tokenHash: string) {
  const [row] = await tx.insert(calendarFeeds).values({ userId: actor.id, tokenHash }).onConflictDoNothing().returning(auditColumns);
  return row ?? null;
}

/** Revokes the actor's live feed `feedId`; returns it as it was, or null when it is not their live feed. */
async function revokeLive(tx: Executor, actor: Actor, feedId: string) {
  const [row] = await tx
    .update(calendarFeeds)
    .set({ revokedAt: new Date() })
    .where(and(eq(calendarFeeds.id, feedId), eq(calendarFeeds.userId, actor.id), isNull(calendarFeeds.revokedAt)))
    .returning(auditColumns);
  return row ?? null;
}

/**
 * Makes the actor's calendar feed with the SHA-256 `tokenHash` of its secret token (lib/calendar-feed.ts), with its
 * 'calendar_feed.create' audit event. 'exists' when the actor already has a live feed: nothing is written then.
 */
export async function createCalendarFeed(tx: Executor, actor: Actor, tokenHash: string): Promise<CalendarFeedResult> {
  const row = await insertLive(tx, actor, tokenHash);
  if (!row) return { kind: 'exists' };
  await insertAuditEvent(tx, { action: 'calendar_feed.create', entityType: ENTITY, entityId: row.id, actorId: actor.id, actorEmail: actor.email, after: row });
  return { kind: 'ok', feedId: row.id };
}

/**
 * Replaces the actor's live feed `feedId` by a new one with `tokenHash`: the old address stops working in the same
 * transaction. One 'calendar_feed.regenerate' audit event on the new feed, the old one as its `before`. 'gone' when
 * `feedId` is not the actor's live feed (revoked or replaced meanwhile, or another user's): nothing is written.
 */
export async function regenerateCalendarFeed(tx: Executor, actor: Actor, feedId: string, tokenHash: string): Promise<CalendarFeedResult> {
  const before = await revokeLive(tx, actor, feedId);
  if (!before) return { kind: 'gone' };
  const after = await insertLive(tx, actor, tokenHash);
  // The old feed was the actor's one live feed and is now revoked, so the insert cannot meet another.
  if (!after) throw new Error('calendar feed: a live feed remained after revoking the live one');
  await insertAuditEvent(tx, { action: 'calendar_feed.regenerate', entityType: ENTITY, entityId: after.id, actorId: actor.id, actorEmail: actor.email, before, after });
  return { kind: 'ok', feedId: after.id };
}

/**
 * Revokes the actor's live feed `feedId`, with its 'calendar_feed.revoke' audit event: its address answers 404 from
 * then on. 'gone' when `feedId` is not the actor's live feed: nothing is written.
 */
export async function revokeCalendarFeed(tx: Executor, actor: Actor, feedId: string): Promise<CalendarFeedResult> {
  const row = await revokeLive(tx, actor, feedId);
  if (!row) return { kind: 'gone' };
  await insertAuditEvent(tx, {
    action: 'calendar_feed.revoke',
    entityType: ENTITY,
    entityId: row.id,
    actorId: actor.id,
    actorEmail: actor.email,
    before: { ...row, revokedAt: null },
    after: row,
  });
  return { kind: 'ok', feedId: row.id };
}
