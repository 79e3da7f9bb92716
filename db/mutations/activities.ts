import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { parsePartialDate } from '../../lib/calendar-date';
import { slugify } from '../../lib/slug';
import type { ActivityInput, ActivityUpdate } from '../../lib/validation/activities';
import type { Executor } from '../client';
import {
  activities,
  activityMilestones,
  activityOrganisations,
  activityPartnerships,
  activityQuantities,
  partnerships,
} from '../schema';
import { insertAuditEvent } from './audit';
import type { Actor } from './users';

// Writes of the staff activity pages. Each takes the caller's transaction, so the activity, its rows (partners,
// quantities, organisations, milestones) and its audit event commit or roll back together; each re-checks the row
// inside that transaction.

const snapshotColumns = {
  id: activities.id,
  slug: activities.slug,
  kind: activities.kind,
  status: activities.status,
  direction: activities.direction,
  titleEn: activities.titleEn,
  titleZh: activities.titleZh,
  descriptionEn: activities.descriptionEn,
  descriptionZh: activities.descriptionZh,
  startedOn: activities.startedOn,
  startedPrecision: activities.startedPrecision,
  endedOn: activities.endedOn,
  endedPrecision: activities.endedPrecision,
  placeEn: activities.placeEn,
  placeZh: activities.placeZh,
  cooperationFields: activities.cooperationFields,
  valueAmount: activities.valueAmount,
  valueCurrency: activities.valueCurrency,
  participants: activities.participants,
  links: activities.links,
  internalNotes: activities.internalNotes,
  isPublic: activities.isPublic,
  deletedAt: activities.deletedAt,
  version: activities.version,
};

/** The activity as the audit trail keeps it before and after a change: its fields and every row of it. */
async function snapshot(tx: Executor, id: string) {
  const [row] = await tx.select(snapshotColumns).from(activities).where(eq(activities.id, id));
  if (!row) return undefined;
  const [partners, quantities, organisations, milestones] = await Promise.all([
    tx
      .select({ partnershipId: activityPartnerships.partnershipId, status: activityPartnerships.status })
      .from(activityPartnerships)
      .where(eq(activityPartnerships.activityId, id))
      .orderBy(asc(activityPartnerships.position)),
    tx
      .select({
        partnershipId: activityQuantities.partnershipId,
        itemEn: activityQuantities.itemEn,
        itemZh: activityQuantities.itemZh,
        amount: activityQuantities.amount,
        unit: activityQuantities.unit,
      })
      .from(activityQuantities)
      .where(eq(activityQuantities.activityId, id))
      .orderBy(asc(activityQuantities.position)),
    tx
      .select({ nameEn: activityOrganisations.nameEn, nameZh: activityOrganisations.nameZh, roleEn: activityOrganisations.roleEn, roleZh: activityOrganisations.roleZh })
      .from(activityOrganisations)
      .where(eq(activityOrganisations.activityId, id))
      .orderBy(asc(activityOrganisations.position)),
    tx
      .select({
        occurredOn: activityMilestones.occurredOn,
        occurredPrecision: activityMilestones.occurredPrecision,
        titleEn: activityMilestones.titleEn,
        titleZh: activityMilestones.titleZh,
        note: activityMilestones.note,
      })
      .from(activityMilestones)
      .where(eq(activityMilestones.activityId, id))
      .orderBy(asc(activityMilestones.position)),
  ]);
  return { ...row, partners, quantities, organisations, milestones };
}

type Fields = Omit<ActivityInput, 'partners' | 'quantities' | 'organisations' | 'milestones'>;

/** The stored columns of a form's values. */
function columnsOf(input: Fields) {
  const started = input.started ? parsePartialDate(input.started) : null;
  const ended = input.ended ? parsePartialDate(input.ended) : null;
  return {
    kind: input.kind,
    status: input.status,
    direction: input.direction,
    titleEn: input.titleEn,
    titleZh: input.titleZh,
    descriptionEn: input.descriptionEn,
    descriptionZh: input.descriptionZh,
    startedOn: started?.on ?? null,
    startedPrecision: started?.precision ?? null,
    endedOn: ended?.on ?? null,
    endedPrecision: ended?.precision ?? null,
    placeEn: input.placeEn,
    placeZh: input.placeZh,
    cooperationFields: input.cooperationFields,
    valueAmount: input.valueAmount,
    valueCurrency: input.valueAmount === null ? null : input.valueCurrency,
    participants: input.participants,
    links: input.links,
    internalNotes: input.internalNotes,
    isPublic: input.isPublic,
  };
}

/**
 * Which of the partnerships named cannot be linked: the index (in the form's partner rows) of the first that is
 * not a live partnership, unless it is already linked to this activity (a partnership deleted later stays listed).
 */
async function unavailablePartner(tx: Executor, input: Pick<ActivityInput, 'partners'>, activityId: string | null): Promise<number | null> {
  const ids = input.partners.map((p) => p.partnershipId);
  if (ids.length === 0) return null;
  const [live, linked] = await Promise.all([
    tx.select({ id: partnerships.id }).from(partnerships).where(and(inArray(partnerships.id, ids), isNull(partnerships.deletedAt))),
    activityId
      ? tx.select({ id: activityPartnerships.partnershipId }).from(activityPartnerships).where(eq(activityPartnerships.activityId, activityId))
      : Promise.resolve([] as Array<{ id: string }>),
  ]);
  const ok = new Set([...live, ...linked].map((r) => r.id));
  const index = ids.findIndex((id) => !ok.has(id));
  return index === -1 ? null : index;
}

/** Writes the activity's rows (after its old ones were removed). */
async function insertRows(tx: Executor, activityId: string, input: ActivityInput) {
  if (input.partners.length > 0) {
    await tx.insert(activityPartnerships).values(input.partners.map((p, position) => ({ activityId, partnershipId: p.partnershipId, status: p.status, position })));
  }
  if (input.quantities.length > 0) {
    await tx.insert(activityQuantities).values(
      input.quantities.map((q, position) => ({
        activityId,
        partnershipId: q.partnershipId,
        itemEn: q.itemEn,
        itemZh: q.itemZh,
        amount: q.amount,
        unit: q.unit,
        position,
      })),
    );
  }
  if (input.organisations.length > 0) {
    await tx.insert(activityOrganisations).values(input.organisations.map((o, position) => ({ activityId, ...o, position })));
  }
  if (input.milestones.length > 0) {
    await tx.insert(activityMilestones).values(
      input.milestones.map((m, position) => {
        const date = m.date ? parsePartialDate(m.date) : null;
        return { activityId, occurredOn: date?.on ?? null, occurredPrecision: date?.precision ?? null, titleEn: m.titleEn, titleZh: m.titleZh, note: m.note, position };
      }),
    );
  }
}

/** A slug not yet taken (by a live or a deleted activity): `lahore-surgical-masks`, else `...-2`, ... */
async function freeSlug(tx: Executor, title: string): Promise<string> {
  const base = slugify(title).slice(0, 80).replace(/-+$/, '') || 'activity';
  const taken = await tx
    .select({ slug: activities.slug })
    .from(activities)
    .where(sql`${activities.slug} = ${base} or ${activities.slug} like ${`${base}-%`}`);
  const used = new Set(taken.map((r) => r.slug));
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

function isSlugConflict(err: unknown): boolean {
  const e = err as { code?: string; constraint?: string; message?: string; cause?: { code?: string; constraint?: string; message?: string } };
  const c = e.cause ?? e;
  return c.code === '23505' && (c.constraint === 'activities_slug_key' || String(c.message ?? '').includes('activities_slug_key'));
}

export type ActivityResult = { kind: 'ok'; id: string } | { kind: 'gone' } | { kind: 'conflict' } | { kind: 'partner_gone'; index: number };

/**
 * Records an activity with its partners, quantities, organisations and milestones, and its audit event. Refused
 * as 'partner_gone' (with the partner row's index) when a partnership named is not a live one.
 */
export async function insertActivity(tx: Executor, actor: Actor, input: ActivityInput): Promise<ActivityResult> {
  const gone = await unavailablePartner(tx, input, null);
  if (gone !== null) return { kind: 'partner_gone', index: gone };
  const values = { ...columnsOf(input), createdBy: actor.id, updatedBy: actor.id };
  let inserted: Array<{ id: string }> | null = null;
  // Two editors saving the same title at once: the second takes the next free slug (a savepoint per try).
  for (let attempt = 0; attempt < 5 && !inserted; attempt++) {
    try {
      inserted = await tx.transaction(async (sp) =>
        sp.insert(activities).values({ ...values, slug: await freeSlug(sp, input.titleEn) }).returning({ id: activities.id }),
      );
    } catch (err) {
      if (!isSlugConflict(err) || attempt === 4) throw err;
    }
  }
  const id = inserted![0]!.id;
  await insertRows(tx, id, input);
  await insertAuditEvent(tx, {
    action: 'activity.create',
    entityType: 'activity',
    entityId: id,
    actorId: actor.id,
    actorEmail: actor.email,
    after: await snapshot(tx, id),
  });
  return { kind: 'ok', id };
}

/**
 * Saves an edit made from `input.version`, replacing the activity's rows with the form's. 'conflict' when someone
 * saved a newer version meanwhile, 'gone' when the activity is deleted: nothing is written then.
 */
export async function updateActivity(tx: Executor, actor: Actor, input: ActivityUpdate): Promise<ActivityResult> {
  const before = await snapshot(tx, input.id);
  if (!before || before.deletedAt) return { kind: 'gone' };
  if (before.version !== input.version) return { kind: 'conflict' };
  const gone = await unavailablePartner(tx, input, input.id);
  if (gone !== null) return { kind: 'partner_gone', index: gone };
  const updated = await tx
    .update(activities)
    .set({ ...columnsOf(input), version: sql`${activities.version} + 1`, updatedAt: new Date(), updatedBy: actor.id })
    .where(and(eq(activities.id, input.id), eq(activities.version, input.version), isNull(activities.deletedAt)))
    .returning({ id: activities.id });
  if (!updated[0]) return { kind: 'conflict' };
  await Promise.all([
    tx.delete(activityPartnerships).where(eq(activityPartnerships.activityId, input.id)),
    tx.delete(activityQuantities).where(eq(activityQuantities.activityId, input.id)),
    tx.delete(activityOrganisations).where(eq(activityOrganisations.activityId, input.id)),
    tx.delete(activityMilestones).where(eq(activityMilestones.activityId, input.id)),
  ]);
  await insertRows(tx, input.id, input);
  await insertAuditEvent(tx, {
    action: 'activity.update',
    entityType: 'activity',
    entityId: input.id,
    actorId: actor.id,
    actorEmail: actor.email,
    before,
    after: await snapshot(tx, input.id),
  });
  return { kind: 'ok', id: input.id };
}

/** Soft-deletes (`deleted: true`) or restores an activity at the version the user saw, with its audit event. */
export async function setActivityDeleted(tx: Executor, actor: Actor, id: string, version: number, deleted: boolean): Promise<ActivityResult> {
  const before = await snapshot(tx, id);
  if (!before) return { kind: 'gone' };
  if (before.version !== version) return { kind: 'conflict' };
  const updated = await tx
    .update(activities)
    .set({ deletedAt: deleted ? new Date() : null, version: sql`${activities.version} + 1`, updatedAt: new Date(), updatedBy: actor.id })
    .where(and(eq(activities.id, id), eq(activities.version, version), deleted ? isNull(activities.deletedAt) : isNotNull(activities.deletedAt)))
    .returning({ id: activities.id });
  if (!updated[0]) return { kind: 'conflict' };
  await insertAuditEvent(tx, {
    action: deleted ? 'activity.delete' : 'activity.restore',
    entityType: 'activity',
    entityId: id,
    actorId: actor.id,
    actorEmail: actor.email,
    before,
    after: await snapshot(tx, id),
  });
  return { kind: 'ok', id };
}
