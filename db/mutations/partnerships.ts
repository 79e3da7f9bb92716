import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { isAfterTodayEverywhere, parsePartialDate } from '../../lib/calendar-date';
import { CONCLUDED_STATUSES, type PartnershipStatus } from '../../lib/domain';
import type { LifecycleStepInput } from '../../lib/validation/lifecycle';
import { slugify } from '../../lib/slug';
import type { NewLocalityInput, PartnershipUpdate, TieFields } from '../../lib/validation/partnerships';
import type { Executor } from '../client';
import { agreements, localities, partnerships, partnershipStatusEvents } from '../schema';
import { insertAuditEvent } from './audit';
import { ensureLocality } from './localities';
import type { Actor } from './users';

// Writes of the staff partnership pages. Each takes the caller's transaction, so the change, its status event and
// its audit event commit or roll back together; each re-checks the row inside that transaction.

/** The fields of a partnership the audit trail keeps before and after each change (no internal ids of users). */
export const partnershipSnapshotColumns = {
  id: partnerships.id,
  slug: partnerships.slug,
  homeLocalityId: partnerships.homeLocalityId,
  partnerLocalityId: partnerships.partnerLocalityId,
  type: partnerships.type,
  status: partnerships.status,
  establishedOn: partnerships.establishedOn,
  establishedPrecision: partnerships.establishedPrecision,
  establishedBasis: partnerships.establishedBasis,
  cooperationFields: partnerships.cooperationFields,
  summaryEn: partnerships.summaryEn,
  summaryZh: partnerships.summaryZh,
  internalNotes: partnerships.internalNotes,
  isPublic: partnerships.isPublic,
  deletedAt: partnerships.deletedAt,
  version: partnerships.version,
};

async function snapshot(tx: Executor, id: string) {
  const [row] = await tx.select(partnershipSnapshotColumns).from(partnerships).where(eq(partnerships.id, id));
  return row;
}

/** The stored columns of a form's values. */
function columnsOf(input: TieFields) {
  const date = input.established ? parsePartialDate(input.established) : null;
  return {
    partnerLocalityId: input.partnerLocalityId,
    type: input.type,
    status: input.status,
    establishedOn: date?.on ?? null,
    establishedPrecision: date?.precision ?? null,
    establishedBasis: input.establishedBasis,
    cooperationFields: input.cooperationFields,
    summaryEn: input.summaryEn,
    summaryZh: input.summaryZh,
    internalNotes: input.internalNotes,
    isPublic: input.isPublic,
  };
}

/** Whether a live locality exists; a partner picked in a stale form may have been deleted since. */
async function localityLive(tx: Executor, id: string): Promise<{ slug: string } | null> {
  const [row] = await tx.select({ slug: localities.slug }).from(localities).where(and(eq(localities.id, id), isNull(localities.deletedAt)));
  return row ?? null;
}

/** A slug not yet taken: `guangzhou-lahore`, else `guangzhou-lahore-2`, ... */
async function freeSlug(tx: Executor, base: string): Promise<string> {
  const taken = await tx
    .select({ slug: partnerships.slug })
    .from(partnerships)
    .where(sql`${partnerships.slug} = ${base} or ${partnerships.slug} like ${`${base}-%`}`);
  const used = new Set(taken.map((r) => r.slug));
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

const PAIR_KEY = 'partnerships_pair_type_key';
function isPairConflict(err: unknown): boolean {
  const e = err as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const c = e.cause ?? e;
  return c.code === '23505' && (c.constraint === PAIR_KEY || String((c as { message?: string }).message ?? '').includes(PAIR_KEY));
}

/**
 * Runs a write in a savepoint and answers 'duplicate' when it would make a second live tie of one type between
 * two localities; the savepoint keeps the caller's transaction usable after that refusal.
 */
async function unlessDuplicate<T>(tx: Executor, write: (sp: Executor) => Promise<T>): Promise<T | 'duplicate'> {
  try {
    return await tx.transaction(write);
  } catch (err) {
    if (isPairConflict(err)) return 'duplicate';
    throw err;
  }
}

export type CreateResult =
  | { kind: 'ok'; id: string }
  | { kind: 'duplicate' }
  | { kind: 'partner_gone' }
  | { kind: 'same_as_home' }
  | { kind: 'no_home' }
  | { kind: 'home_gone' };

/**
 * Registers a partnership of the home locality (`homeLocalityId`, from settings) with the chosen partner, its
 * first status event and its audit event; with `newLocality`, the partner is found or created first, in the same
 * transaction. Refusals are typed: 'duplicate' when a live tie of that type between
 * the two exists, 'partner_gone' when the partner locality was deleted, 'same_as_home' when it is the home,
 * 'no_home' when no home locality is given, 'home_gone' when the home locality given is not a live one.
 */
export async function insertPartnership(
  tx: Executor,
  actor: Actor,
  homeLocalityId: string | null,
  tie: TieFields,
  newLocality: NewLocalityInput | null = null,
): Promise<CreateResult> {
  if (!homeLocalityId) return { kind: 'no_home' };
  // A partner from the gazetteer: the registry's own locality of that name and country if it has one.
  const input = newLocality ? { ...tie, partnerLocalityId: (await ensureLocality(tx, actor, newLocality)).id } : tie;
  if (input.partnerLocalityId === homeLocalityId) return { kind: 'same_as_home' };
  const [homeRow, partnerRow] = await Promise.all([localityLive(tx, homeLocalityId), localityLive(tx, input.partnerLocalityId)]);
  if (!homeRow) return { kind: 'home_gone' };
  if (!partnerRow) return { kind: 'partner_gone' };
  const columns = columnsOf(input);
  // A savepoint, so a duplicate leaves the caller's transaction usable.
  const inserted = await unlessDuplicate(tx, async (sp) =>
    sp
      .insert(partnerships)
      .values({
        ...columns,
        slug: await freeSlug(sp, `${homeRow.slug}-${slugify(partnerRow.slug)}`),
        homeLocalityId,
        createdBy: actor.id,
        updatedBy: actor.id,
      })
      .returning({ id: partnerships.id }),
  );
  if (inserted === 'duplicate' || !inserted[0]) return { kind: 'duplicate' };
  const id = inserted[0].id;
  await tx.insert(partnershipStatusEvents).values({
    partnershipId: id,
    status: columns.status,
    effectiveOn: columns.establishedOn,
    effectivePrecision: columns.establishedPrecision,
    note: null,
    recordedBy: actor.id,
  });
  await insertAuditEvent(tx, {
    action: 'partnership.create',
    entityType: 'partnership',
    entityId: id,
    actorId: actor.id,
    actorEmail: actor.email,
    after: await snapshot(tx, id),
  });
  return { kind: 'ok', id };
}

export type ChangeResult =
  | { kind: 'ok' }
  | { kind: 'gone' }
  | { kind: 'conflict' }
  | { kind: 'duplicate' }
  | { kind: 'partner_gone' }
  | { kind: 'same_as_home' }
  | { kind: 'future_date' };

/**
 * Saves an edit made from `input.version`. 'conflict' when someone saved a newer version meanwhile (nothing is
 * written); 'gone' when the partnership is deleted; 'future_date' when the date established lies after today for a
 * tie already signed. The status is not edited here: it changes by a lifecycle step (recordLifecycleStep), which
 * keeps its date, reason and document.
 */
export async function updatePartnership(tx: Executor, actor: Actor, input: PartnershipUpdate): Promise<ChangeResult> {
  const before = await snapshot(tx, input.id);
  if (!before || before.deletedAt) return { kind: 'gone' };
  if (before.version !== input.version) return { kind: 'conflict' };
  if (input.partnerLocalityId === before.homeLocalityId) return { kind: 'same_as_home' };
  if (input.partnerLocalityId !== before.partnerLocalityId && !(await localityLive(tx, input.partnerLocalityId))) {
    return { kind: 'partner_gone' };
  }
  const { status: _status, ...columns } = columnsOf({ ...input, status: before.status });
  if (columns.establishedOn && CONCLUDED_STATUSES.includes(before.status) && isAfterTodayEverywhere(columns.establishedOn)) {
    return { kind: 'future_date' };
  }
  const updated = await unlessDuplicate(tx, (sp) =>
    sp
      .update(partnerships)
      .set({ ...columns, version: sql`${partnerships.version} + 1`, updatedAt: new Date(), updatedBy: actor.id })
      .where(and(eq(partnerships.id, input.id), eq(partnerships.version, input.version), isNull(partnerships.deletedAt)))
      .returning({ id: partnerships.id }),
  );
  if (updated === 'duplicate') return { kind: 'duplicate' };
  if (!updated[0]) return { kind: 'conflict' };
  await insertAuditEvent(tx, {
    action: 'partnership.update',
    entityType: 'partnership',
    entityId: input.id,
    actorId: actor.id,
    actorEmail: actor.email,
    before,
    after: await snapshot(tx, input.id),
  });
  return { kind: 'ok' };
}

export type LifecycleResult = ChangeResult | { kind: 'same_status' } | { kind: 'same_type' } | { kind: 'agreement_gone' };

/** Statuses before an approval: an approval moves a tie from any of them to 'approved'. */
const BEFORE_APPROVAL: readonly PartnershipStatus[] = ['proposed', 'negotiating', 'letter_of_intent'];

/**
 * Records one step of a partnership's lifecycle (see lifecycleStepSchema) at the version the editor started from,
 * with its event and audit event, in the caller's transaction:
 * - a status step sets the status (refused as 'same_status' when it is the current one);
 * - an approval moves a tie not yet approved to 'approved' and otherwise leaves the status as it is;
 * - an upgrade changes the type on the same tie (refused as 'same_type' when unchanged, 'duplicate' when the pair
 *   already has a live tie of the new type).
 * 'agreement_gone' when the named document is not a live agreement of this tie. Every step bumps the version.
 */
export async function recordLifecycleStep(tx: Executor, actor: Actor, input: LifecycleStepInput): Promise<LifecycleResult> {
  const before = await snapshot(tx, input.partnershipId);
  if (!before || before.deletedAt) return { kind: 'gone' };
  if (before.version !== input.version) return { kind: 'conflict' };
  if (input.agreementId) {
    const [doc] = await tx
      .select({ id: agreements.id })
      .from(agreements)
      .where(and(eq(agreements.id, input.agreementId), eq(agreements.partnershipId, input.partnershipId), isNull(agreements.deletedAt)));
    if (!doc) return { kind: 'agreement_gone' };
  }
  let status = before.status;
  let type = before.type;
  if (input.kind === 'status') {
    if (input.status === before.status) return { kind: 'same_status' };
    status = input.status!;
  } else if (input.kind === 'approval') {
    if (BEFORE_APPROVAL.includes(before.status)) status = 'approved';
  } else {
    if (input.toType === before.type) return { kind: 'same_type' };
    type = input.toType!;
  }
  const updated = await unlessDuplicate(tx, (sp) =>
    sp
      .update(partnerships)
      .set({ status, type, version: sql`${partnerships.version} + 1`, updatedAt: new Date(), updatedBy: actor.id })
      .where(and(eq(partnerships.id, input.partnershipId), eq(partnerships.version, input.version), isNull(partnerships.deletedAt)))
      .returning({ id: partnerships.id }),
  );
  if (updated === 'duplicate') return { kind: 'duplicate' };
  if (!updated[0]) return { kind: 'conflict' };
  const effective = parsePartialDate(input.effective)!;
  const [event] = await tx
    .insert(partnershipStatusEvents)
    .values({
      partnershipId: input.partnershipId,
      kind: input.kind,
      status,
      effectiveOn: effective.on,
      effectivePrecision: effective.precision,
      note: input.reason,
      reviewOn: input.reviewOn,
      endedBy: input.endedBy ?? null,
      decision: input.decision,
      approvalLevel: input.approvalLevel ?? null,
      approvalBody: input.approvalBody,
      fromType: input.kind === 'upgrade' ? before.type : null,
      toType: input.kind === 'upgrade' ? type : null,
      agreementId: input.agreementId ?? null,
      recordedBy: actor.id,
    })
    .returning({ id: partnershipStatusEvents.id });
  const { partnershipId: _p, version: _v, ...step } = input;
  await insertAuditEvent(tx, {
    action: 'partnership.lifecycle',
    entityType: 'partnership',
    entityId: input.partnershipId,
    actorId: actor.id,
    actorEmail: actor.email,
    before,
    after: { ...(await snapshot(tx, input.partnershipId)), step: { ...step, id: event!.id } },
  });
  return { kind: 'ok' };
}

/**
 * Soft-deletes (`deleted: true`) or restores a partnership at the version the user saw. Restoring is refused as
 * 'duplicate' when a live tie of the same type between the same localities was registered meanwhile.
 */
export async function setPartnershipDeleted(
  tx: Executor,
  actor: Actor,
  id: string,
  version: number,
  deleted: boolean,
): Promise<ChangeResult> {
  const before = await snapshot(tx, id);
  if (!before) return { kind: 'gone' };
  if (before.version !== version) return { kind: 'conflict' };
  const updated = await unlessDuplicate(tx, (sp) =>
    sp
      .update(partnerships)
      .set({ deletedAt: deleted ? new Date() : null, version: sql`${partnerships.version} + 1`, updatedAt: new Date(), updatedBy: actor.id })
      .where(
        and(eq(partnerships.id, id), eq(partnerships.version, version), deleted ? isNull(partnerships.deletedAt) : isNotNull(partnerships.deletedAt)),
      )
      .returning({ id: partnerships.id }),
  );
  if (updated === 'duplicate') return { kind: 'duplicate' };
  if (!updated[0]) return { kind: 'conflict' };
  await insertAuditEvent(tx, {
    action: deleted ? 'partnership.delete' : 'partnership.restore',
    entityType: 'partnership',
    entityId: id,
    actorId: actor.id,
    actorEmail: actor.email,
    before,
    after: await snapshot(tx, id),
  });
  return { kind: 'ok' };
}
