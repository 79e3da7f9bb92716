import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { PublishedTotalInput, PublishedTotalUpdate } from '../../lib/validation/published-totals';
import type { Executor } from '../client';
import { queryPublishedTotal } from '../queries/published-totals-core';
import { publishedTotals } from '../schema';
import { insertAuditEvent } from './audit';
import type { Actor } from './users';

// Writes of the office's published counts (/dashboard/announcements). Each takes the caller's transaction, so the
// row and its audit event commit or roll back together, and re-checks the row inside that transaction.

/** The audit entity type of an announcement. */
const ENTITY = 'published_total';

/** The announcement as the audit trail keeps it before and after a change: every field, its version and deletion. */
const snapshot = (tx: Executor, id: string) => queryPublishedTotal(tx, id);

/** The stored columns of a form's values. */
function columnsOf(input: PublishedTotalInput) {
  return {
    announcedOn: input.announcedOn,
    partners: input.partners,
    countries: input.countries,
    sisterPartners: input.sisterPartners,
    sisterCountries: input.sisterCountries,
    friendlyPartners: input.friendlyPartners,
    friendlyCountries: input.friendlyCountries,
    sourceTitle: input.sourceTitle,
    sourceUrl: input.sourceUrl,
    note: input.note,
  };
}

export type PublishedTotalResult = { kind: 'ok'; id: string } | { kind: 'gone' } | { kind: 'conflict' };

/** Records an announcement with its 'published_total.create' audit event; returns its id. Editors and admins. */
export async function insertPublishedTotal(tx: Executor, actor: Actor, input: PublishedTotalInput): Promise<PublishedTotalResult> {
  const [row] = await tx
    .insert(publishedTotals)
    .values({ ...columnsOf(input), createdBy: actor.id, updatedBy: actor.id })
    .returning({ id: publishedTotals.id });
  await insertAuditEvent(tx, {
    action: 'published_total.create',
    entityType: ENTITY,
    entityId: row!.id,
    actorId: actor.id,
    actorEmail: actor.email,
    after: await snapshot(tx, row!.id),
  });
  return { kind: 'ok', id: row!.id };
}

/**
 * Saves an edit made from `input.version`, with its audit event (before and after). 'conflict' when someone saved a
 * newer version meanwhile, 'gone' when the announcement does not exist or is deleted: nothing is written then.
 */
export async function updatePublishedTotal(tx: Executor, actor: Actor, input: PublishedTotalUpdate): Promise<PublishedTotalResult> {
  const before = await snapshot(tx, input.id);
  if (!before || before.deletedAt) return { kind: 'gone' };
  if (before.version !== input.version) return { kind: 'conflict' };
  const updated = await tx
    .update(publishedTotals)
    .set({ ...columnsOf(input), version: sql`${publishedTotals.version} + 1`, updatedAt: new Date(), updatedBy: actor.id })
    .where(and(eq(publishedTotals.id, input.id), eq(publishedTotals.version, input.version), isNull(publishedTotals.deletedAt)))
    .returning({ id: publishedTotals.id });
  if (!updated[0]) return { kind: 'conflict' };
  await insertAuditEvent(tx, {
    action: 'published_total.update',
    entityType: ENTITY,
    entityId: input.id,
    actorId: actor.id,
    actorEmail: actor.email,
    before,
    after: await snapshot(tx, input.id),
  });
  return { kind: 'ok', id: input.id };
}

/**
 * Soft-deletes (`deleted: true`) or restores an announcement at the version the user saw, with its audit event.
 * 'gone' when there is no such row; 'conflict' when the version moved on or the row is already in that state.
 */
export async function setPublishedTotalDeleted(tx: Executor, actor: Actor, id: string, version: number, deleted: boolean): Promise<PublishedTotalResult> {
  const before = await snapshot(tx, id);
  if (!before) return { kind: 'gone' };
  if (before.version !== version) return { kind: 'conflict' };
  const updated = await tx
    .update(publishedTotals)
    .set({ deletedAt: deleted ? new Date() : null, version: sql`${publishedTotals.version} + 1`, updatedAt: new Date(), updatedBy: actor.id })
    .where(and(eq(publishedTotals.id, id), eq(publishedTotals.version, version), deleted ? isNull(publishedTotals.deletedAt) : isNotNull(publishedTotals.deletedAt)))
    .returning({ id: publishedTotals.id });
  if (!updated[0]) return { kind: 'conflict' };
  await insertAuditEvent(tx, {
    action: deleted ? 'published_total.delete' : 'published_total.restore',
    entityType: ENTITY,
    entityId: id,
    actorId: actor.id,
    actorEmail: actor.email,
    before,
    after: await snapshot(tx, id),
  });
  return { kind: 'ok', id };
}
