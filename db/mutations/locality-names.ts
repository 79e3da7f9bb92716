import { and, desc, eq, inArray, isNotNull, isNull, ne, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { PartnershipType } from '../../lib/domain';
import { parsePartialDate } from '../../lib/calendar-date';
import { slugify } from '../../lib/slug';
import type { FormerNameInput, LocalityMerge, LocalityRename } from '../../lib/validation/localities';
import type { Executor } from '../client';
import { auditEvents, localities, localityNames, partnerships, settings } from '../schema';
import { insertAuditEvent } from './audit';
import type { Actor } from './users';

// Writes of the locality page: rename, former names, merge and its undo. Each takes the caller's transaction, so
// the change and its audit events commit or roll back together, and re-checks the rows inside that transaction.
// A locality's slug never changes: its URLs and the slugs of its partnerships stay as they were.

export type LocalityChangeResult =
  | { kind: 'ok' }
  | { kind: 'gone' }
  | { kind: 'conflict' }
  | { kind: 'same_name' }
  | { kind: 'name_gone' }
  | { kind: 'merged_gone' }
  | { kind: 'self' }
  | { kind: 'other_country' }
  | { kind: 'home' }
  | { kind: 'self_tie'; partnershipId: string }
  | { kind: 'duplicate'; partnershipId: string }
  | { kind: 'not_merged' };

const localityColumns = {
  id: localities.id,
  slug: localities.slug,
  nameEn: localities.nameEn,
  nameZh: localities.nameZh,
  level: localities.level,
  countryCode: localities.countryCode,
  mergedIntoId: localities.mergedIntoId,
  deletedAt: localities.deletedAt,
  version: localities.version,
};

const nameColumns = {
  id: localityNames.id,
  localityId: localityNames.localityId,
  kind: localityNames.kind,
  nameEn: localityNames.nameEn,
  nameZh: localityNames.nameZh,
  usedFrom: localityNames.usedFrom,
  usedFromPrecision: localityNames.usedFromPrecision,
  usedUntil: localityNames.usedUntil,
  usedUntilPrecision: localityNames.usedUntilPrecision,
  mergedLocalityId: localityNames.mergedLocalityId,
  note: localityNames.note,
};

/** The locality as the audit trail keeps it, locked for the rest of the transaction. */
async function lockLocality(tx: Executor, id: string) {
  const [row] = await tx.select(localityColumns).from(localities).where(eq(localities.id, id)).for('update');
  return row;
}

/** Moves a locality to its next version; the caller has checked the version it started from. */
async function bumpLocality(tx: Executor, id: string, set: Partial<typeof localities.$inferInsert> = {}) {
  await tx
    .update(localities)
    .set({ ...set, version: sql`${localities.version} + 1`, updatedAt: new Date() })
    .where(eq(localities.id, id));
}

/** Stored columns of a dated name. */
function dates(usedFrom: string | null, usedUntil: string | null) {
  const from = usedFrom ? parsePartialDate(usedFrom) : null;
  const until = usedUntil ? parsePartialDate(usedUntil) : null;
  return {
    usedFrom: from?.on ?? null,
    usedFromPrecision: from?.precision ?? null,
    usedUntil: until?.on ?? null,
    usedUntilPrecision: until?.precision ?? null,
  };
}

/**
 * Renames a live locality at `input.version`: its current names become a 'renamed' former name used until
 * `renamedOn`, and it takes the new names. Its ties are not touched. 'same_name' when nothing would change.
 */
/**
 * A live partnership, other than those `exclude` leaves out, of the same type as one of `ties` between the same two
 * localities either way round (`home`, `partner`: the sides the tie would have): moving the ties would make it a
 * second live tie of a kind between two localities. Null when there is none.
 */
async function liveClash(tx: Executor, ties: Array<{ type: PartnershipType; home: string; partner: string }>, exclude: SQL[]): Promise<{ id: string } | null> {
  const [clash] = await tx
    .select({ id: partnerships.id })
    .from(partnerships)
    .where(
      and(
        isNull(partnerships.deletedAt),
        ...exclude,
        or(
          ...ties.map((t) =>
            and(
              eq(partnerships.type, t.type),
              or(
                and(eq(partnerships.homeLocalityId, t.home), eq(partnerships.partnerLocalityId, t.partner)),
                and(eq(partnerships.homeLocalityId, t.partner), eq(partnerships.partnerLocalityId, t.home)),
              ),
            ),
          ),
        ),
      ),
    )
    .limit(1);
  return clash ?? null;
}

export async function renameLocality(tx: Executor, actor: Actor, input: LocalityRename): Promise<LocalityChangeResult> {
  const before = await lockLocality(tx, input.id);
  if (!before || before.deletedAt) return { kind: 'gone' };
  if (before.version !== input.version) return { kind: 'conflict' };
  if (before.nameEn === input.nameEn && before.nameZh === input.nameZh) return { kind: 'same_name' };
  const [former] = await tx
    .insert(localityNames)
    .values({
      localityId: before.id,
      kind: 'renamed',
      nameEn: before.nameEn,
      nameZh: before.nameZh,
      folded: slugify(before.nameEn),
      ...dates(null, input.renamedOn),
    })
    .returning(nameColumns);
  await bumpLocality(tx, before.id, { nameEn: input.nameEn, nameZh: input.nameZh });
  await insertAuditEvent(tx, {
    action: 'locality.rename',
    entityType: 'locality',
    entityId: before.id,
    actorId: actor.id,
    actorEmail: actor.email,
    before,
    after: { ...(await lockLocality(tx, before.id)), formerName: former },
  });
  return { kind: 'ok' };
}

/**
 * Adds a former name to a live locality (no `nameId`) or corrects one of its former names (`nameId`), at the
 * locality's version; the locality moves to its next version, so two editors cannot overwrite each other.
 */
export async function saveFormerName(tx: Executor, actor: Actor, input: FormerNameInput): Promise<LocalityChangeResult> {
  const locality = await lockLocality(tx, input.localityId);
  if (!locality || locality.deletedAt) return { kind: 'gone' };
  if (locality.version !== input.version) return { kind: 'conflict' };
  const values = {
    nameEn: input.nameEn,
    nameZh: input.nameZh,
    folded: slugify(input.nameEn),
    note: input.note,
    ...dates(input.usedFrom, input.usedUntil),
  };
  let before: Record<string, unknown> | null = null;
  let after: Record<string, unknown> | undefined;
  if (input.nameId) {
    const [old] = await tx
      .select(nameColumns)
      .from(localityNames)
      .where(and(eq(localityNames.id, input.nameId), eq(localityNames.localityId, locality.id)));
    if (!old) return { kind: 'name_gone' };
    before = old;
    [after] = await tx.update(localityNames).set(values).where(eq(localityNames.id, old.id)).returning(nameColumns);
  } else {
    [after] = await tx.insert(localityNames).values({ ...values, localityId: locality.id, kind: 'renamed' }).returning(nameColumns);
  }
  await bumpLocality(tx, locality.id);
  await insertAuditEvent(tx, {
    action: input.nameId ? 'locality.name_update' : 'locality.name_add',
    entityType: 'locality',
    entityId: locality.id,
    actorId: actor.id,
    actorEmail: actor.email,
    before: before ? { formerName: before, version: locality.version } : { version: locality.version },
    after: { formerName: after, version: locality.version + 1 },
  });
  return { kind: 'ok' };
}

/** A partnership as the audit trail keeps it when a merge moves it. */
const tieColumns = {
  id: partnerships.id,
  homeLocalityId: partnerships.homeLocalityId,
  partnerLocalityId: partnerships.partnerLocalityId,
  type: partnerships.type,
  deletedAt: partnerships.deletedAt,
  version: partnerships.version,
};

type Side = 'home' | 'partner';

/**
 * Merges live locality `input.mergedId` into live locality `input.id` (same country, at `input.version`): every
 * partnership of the merged one (live or deleted) moves to this one; its current and former names become 'merged'
 * former names of this one, used until `mergedOn`; it is soft-deleted with `merged_into_id`. Refused, with nothing
 * written, when a moved live tie would tie this locality to itself ('self_tie') or duplicate a live tie of the
 * same type between the same two localities, either way round ('duplicate'). The audit event records the moved
 * ties and the copied names, so an admin can undo the merge.
 */
export async function mergeLocality(tx: Executor, actor: Actor, input: LocalityMerge): Promise<LocalityChangeResult> {
  if (input.mergedId === input.id) return { kind: 'self' };
  // Both rows locked in id order, so two merges of the same pair in opposite directions wait rather than deadlock.
  const locked = new Map<string, Awaited<ReturnType<typeof lockLocality>>>();
  for (const id of [input.id, input.mergedId].sort()) locked.set(id, await lockLocality(tx, id));
  const target = locked.get(input.id);
  if (!target || target.deletedAt) return { kind: 'gone' };
  if (target.version !== input.version) return { kind: 'conflict' };
  const merged = locked.get(input.mergedId);
  if (!merged || merged.deletedAt) return { kind: 'merged_gone' };
  if (merged.countryCode !== target.countryCode) return { kind: 'other_country' };
  const [home] = await tx.select({ id: settings.homeLocalityId }).from(settings).where(eq(settings.id, 1));
  if (home?.id === merged.id) return { kind: 'home' };

  const ties = await tx
    .select(tieColumns)
    .from(partnerships)
    .where(or(eq(partnerships.homeLocalityId, merged.id), eq(partnerships.partnerLocalityId, merged.id)))
    .for('update');
  const moved = ties.map((t) => {
    const side: Side = t.homeLocalityId === merged.id ? 'home' : 'partner';
    const home = side === 'home' ? target.id : t.homeLocalityId;
    const partner = side === 'partner' ? target.id : t.partnerLocalityId;
    return { ...t, side, home, partner };
  });
  const selfTie = moved.find((t) => t.home === t.partner);
  if (selfTie) return { kind: 'self_tie', partnershipId: selfTie.id };
  const live = moved.filter((t) => !t.deletedAt);
  if (live.length > 0) {
    // A live tie of this locality of the same type with the same other side, either way round.
    const clash = await liveClash(tx, live, [ne(partnerships.homeLocalityId, merged.id), ne(partnerships.partnerLocalityId, merged.id)]);
    if (clash) return { kind: 'duplicate', partnershipId: clash.id };
  }

  for (const side of ['home', 'partner'] as const) {
    const ids = moved.filter((t) => t.side === side).map((t) => t.id);
    if (ids.length === 0) continue;
    await tx
      .update(partnerships)
      .set({
        ...(side === 'home' ? { homeLocalityId: target.id } : { partnerLocalityId: target.id }),
        version: sql`${partnerships.version} + 1`,
        updatedAt: new Date(),
        updatedBy: actor.id,
      })
      .where(inArray(partnerships.id, ids));
  }

  const formerOfMerged = await tx.select(nameColumns).from(localityNames).where(eq(localityNames.localityId, merged.id));
  const until = input.mergedOn ? parsePartialDate(input.mergedOn) : null;
  const copies = [
    {
      nameEn: merged.nameEn,
      nameZh: merged.nameZh,
      ...dates(null, null),
      usedUntil: until?.on ?? null,
      usedUntilPrecision: until?.precision ?? null,
      note: null,
    },
    ...formerOfMerged.map((n) => ({
      nameEn: n.nameEn,
      nameZh: n.nameZh,
      usedFrom: n.usedFrom,
      usedFromPrecision: n.usedFromPrecision,
      usedUntil: n.usedUntil,
      usedUntilPrecision: n.usedUntilPrecision,
      note: n.note,
    })),
  ];
  const names = await tx
    .insert(localityNames)
    .values(copies.map((c) => ({ ...c, localityId: target.id, kind: 'merged' as const, folded: slugify(c.nameEn), mergedLocalityId: merged.id })))
    .returning(nameColumns);

  await bumpLocality(tx, merged.id, { deletedAt: new Date(), mergedIntoId: target.id });
  await bumpLocality(tx, target.id);

  for (const t of moved) {
    await insertAuditEvent(tx, {
      action: 'partnership.move',
      entityType: 'partnership',
      entityId: t.id,
      actorId: actor.id,
      actorEmail: actor.email,
      before: { homeLocalityId: t.homeLocalityId, partnerLocalityId: t.partnerLocalityId, version: t.version },
      after: { homeLocalityId: t.home, partnerLocalityId: t.partner, version: t.version + 1 },
    });
  }
  await insertAuditEvent(tx, {
    action: 'locality.merge',
    entityType: 'locality',
    entityId: target.id,
    actorId: actor.id,
    actorEmail: actor.email,
    before: { ...target, merged },
    after: {
      ...(await lockLocality(tx, target.id)),
      mergedId: merged.id,
      merged: await lockLocality(tx, merged.id),
      movedTies: moved.map((t) => ({ id: t.id, side: t.side })),
      addedNameIds: names.map((n) => n.id),
    },
  });
  return { kind: 'ok' };
}

/**
 * Undoes the latest merge of locality `id` (merged, at `version`): restores it, moves back the ties the merge moved
 * that still sit on the locality it was merged into, and removes the former names the merge copied there (the
 * merged locality kept its own). Refused as 'duplicate' or 'self_tie' when moving a tie back would clash with a live
 * tie registered since. Admins.
 */
export async function undoLocalityMerge(tx: Executor, actor: Actor, id: string, version: number): Promise<LocalityChangeResult> {
  const merged = await lockLocality(tx, id);
  if (!merged) return { kind: 'gone' };
  if (merged.version !== version) return { kind: 'conflict' };
  if (!merged.mergedIntoId || !merged.deletedAt) return { kind: 'not_merged' };
  const targetId = merged.mergedIntoId;
  const target = await lockLocality(tx, targetId);
  if (!target) return { kind: 'gone' };
  const [event] = await tx
    .select({ after: auditEvents.after })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.action, 'locality.merge'),
        eq(auditEvents.entityType, 'locality'),
        eq(auditEvents.entityId, targetId),
        sql`${auditEvents.after}->>'mergedId' = ${merged.id}`,
      ),
    )
    .orderBy(desc(auditEvents.occurredAt))
    .limit(1);
  if (!event) return { kind: 'not_merged' };
  const record = event.after as { movedTies?: Array<{ id: string; side: Side }>; addedNameIds?: string[] };
  const recorded = record.movedTies ?? [];
  const ties =
    recorded.length === 0
      ? []
      : await tx.select(tieColumns).from(partnerships).where(inArray(partnerships.id, recorded.map((t) => t.id))).for('update');
  const back = ties.flatMap((t) => {
    const side = recorded.find((r) => r.id === t.id)!.side;
    if ((side === 'home' ? t.homeLocalityId : t.partnerLocalityId) !== targetId) return [];
    const home = side === 'home' ? merged.id : t.homeLocalityId;
    const partner = side === 'partner' ? merged.id : t.partnerLocalityId;
    return [{ ...t, side, home, partner }];
  });
  const selfTie = back.find((t) => t.home === t.partner);
  if (selfTie) return { kind: 'self_tie', partnershipId: selfTie.id };
  const live = back.filter((t) => !t.deletedAt);
  if (live.length > 0) {
    const clash = await liveClash(tx, live, [notInArray(partnerships.id, live.map((t) => t.id))]);
    if (clash) return { kind: 'duplicate', partnershipId: clash.id };
  }
  for (const t of back) {
    await tx
      .update(partnerships)
      .set({
        ...(t.side === 'home' ? { homeLocalityId: merged.id } : { partnerLocalityId: merged.id }),
        version: sql`${partnerships.version} + 1`,
        updatedAt: new Date(),
        updatedBy: actor.id,
      })
      .where(eq(partnerships.id, t.id));
    await insertAuditEvent(tx, {
      action: 'partnership.move',
      entityType: 'partnership',
      entityId: t.id,
      actorId: actor.id,
      actorEmail: actor.email,
      before: { homeLocalityId: t.homeLocalityId, partnerLocalityId: t.partnerLocalityId, version: t.version },
      after: { homeLocalityId: t.home, partnerLocalityId: t.partner, version: t.version + 1 },
    });
  }
  const nameIds = record.addedNameIds ?? [];
  const removedNames =
    nameIds.length === 0
      ? []
      : await tx
          .delete(localityNames)
          .where(and(inArray(localityNames.id, nameIds), eq(localityNames.localityId, targetId), isNotNull(localityNames.mergedLocalityId)))
          .returning(nameColumns);
  await bumpLocality(tx, merged.id, { deletedAt: null, mergedIntoId: null });
  await bumpLocality(tx, targetId);
  await insertAuditEvent(tx, {
    action: 'locality.unmerge',
    entityType: 'locality',
    entityId: merged.id,
    actorId: actor.id,
    actorEmail: actor.email,
    before: { ...merged, mergedIntoId: targetId },
    after: {
      ...(await lockLocality(tx, merged.id)),
      mergedFromId: targetId,
      movedBackTies: back.map((t) => ({ id: t.id, side: t.side })),
      removedNames,
    },
  });
  return { kind: 'ok' };
}
