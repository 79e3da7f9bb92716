import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { parsePartialDate } from '../../lib/calendar-date';
import type { AgreementInput, AgreementUpdate } from '../../lib/validation/agreements';
import type { Executor } from '../client';
import { agreementFiles, agreements, agreementSignatories, partnerships, partnershipStatusEvents } from '../schema';
import { insertAuditEvent } from './audit';
import type { Actor } from './users';

// Writes of agreements and their signatories. Each takes the caller's transaction: the agreement, its signatories,
// the partnership's status change (a termination ends the tie) and the audit events commit together or not at all.
// Signed files are uploaded on their own (app/uploads, db/mutations/files.ts).

type Fields = Omit<AgreementInput, 'partnershipId' | 'signatories' | 'signed'> & { signed?: string };

function columnsOf(input: Fields) {
  const signed = input.signed ? parsePartialDate(input.signed) : null;
  return {
    kind: input.kind,
    titleEn: input.titleEn,
    titleZh: input.titleZh,
    signedOn: signed?.on ?? null,
    signedPrecision: signed?.precision ?? null,
    signedPlaceEn: input.signedPlaceEn,
    signedPlaceZh: input.signedPlaceZh,
    termEndsOn: input.termEndsOn,
    cooperationFields: input.cooperationFields,
    summaryEn: input.summaryEn,
    summaryZh: input.summaryZh,
    isPublic: input.isPublic,
  };
}

/** The agreement as the audit trail keeps it: its columns, its signatories and its files' names and hashes. */
async function snapshot(tx: Executor, id: string) {
  const [row] = await tx
    .select({
      id: agreements.id,
      partnershipId: agreements.partnershipId,
      kind: agreements.kind,
      titleEn: agreements.titleEn,
      titleZh: agreements.titleZh,
      signedOn: agreements.signedOn,
      signedPrecision: agreements.signedPrecision,
      signedPlaceEn: agreements.signedPlaceEn,
      signedPlaceZh: agreements.signedPlaceZh,
      termEndsOn: agreements.termEndsOn,
      cooperationFields: agreements.cooperationFields,
      summaryEn: agreements.summaryEn,
      summaryZh: agreements.summaryZh,
      isPublic: agreements.isPublic,
      deletedAt: agreements.deletedAt,
      version: agreements.version,
    })
    .from(agreements)
    .where(eq(agreements.id, id));
  if (!row) return undefined;
  const [signatories, files] = await Promise.all([
    tx
      .select({ side: agreementSignatories.side, nameEn: agreementSignatories.nameEn, nameZh: agreementSignatories.nameZh, titleEn: agreementSignatories.titleEn, titleZh: agreementSignatories.titleZh })
      .from(agreementSignatories)
      .where(eq(agreementSignatories.agreementId, id))
      .orderBy(asc(agreementSignatories.position)),
    tx
      .select({ id: agreementFiles.id, fileName: agreementFiles.fileName, byteSize: agreementFiles.byteSize, sha256: agreementFiles.sha256, isPublic: agreementFiles.isPublic })
      .from(agreementFiles)
      .where(and(eq(agreementFiles.agreementId, id), isNull(agreementFiles.deletedAt)))
      .orderBy(asc(agreementFiles.uploadedAt)),
  ]);
  return { ...row, signatories, files };
}

async function writeSignatories(tx: Executor, agreementId: string, signatories: AgreementInput['signatories']) {
  await tx.delete(agreementSignatories).where(eq(agreementSignatories.agreementId, agreementId));
  if (signatories.length === 0) return;
  await tx.insert(agreementSignatories).values(
    signatories.map((s, position) => ({
      agreementId,
      side: s.side,
      position,
      // The schema guarantees one of the two names.
      nameEn: s.nameEn ?? s.nameZh ?? '',
      nameZh: s.nameZh,
      titleEn: s.titleEn,
      titleZh: s.titleZh,
    })),
  );
}

/**
 * A termination ends its partnership: status 'terminated' from the signing date, with a status event, unless it has
 * ended already. Audited as a change of the partnership.
 */
async function endPartnershipFor(tx: Executor, actor: Actor, partnershipId: string, agreementId: string, signedOn: string | null, precision: string | null) {
  const [before] = await tx
    .select({ status: partnerships.status, version: partnerships.version })
    .from(partnerships)
    .where(eq(partnerships.id, partnershipId));
  if (!before || before.status === 'terminated') return;
  await tx
    .update(partnerships)
    .set({ status: 'terminated', version: sql`${partnerships.version} + 1`, updatedAt: new Date(), updatedBy: actor.id })
    .where(eq(partnerships.id, partnershipId));
  await tx.insert(partnershipStatusEvents).values({
    partnershipId,
    status: 'terminated',
    agreementId,
    effectiveOn: signedOn,
    effectivePrecision: signedOn ? ((precision ?? 'day') as 'day') : null,
    recordedBy: actor.id,
  });
  await insertAuditEvent(tx, {
    action: 'partnership.update',
    entityType: 'partnership',
    entityId: partnershipId,
    actorId: actor.id,
    actorEmail: actor.email,
    before,
    after: { status: 'terminated', version: before.version + 1, endedByAgreement: agreementId },
  });
}

/** 'ok' names the agreement and its partnership, whose page the user goes back to. */
export type AgreementResult = { kind: 'ok'; id: string; partnershipId: string } | { kind: 'gone' } | { kind: 'conflict' };

/** Records an agreement of a live partnership with its signatories; 'gone' when the partnership is not live. */
export async function insertAgreement(tx: Executor, actor: Actor, input: AgreementInput): Promise<AgreementResult> {
  const [tie] = await tx
    .select({ id: partnerships.id })
    .from(partnerships)
    .where(and(eq(partnerships.id, input.partnershipId), isNull(partnerships.deletedAt)))
    .for('update');
  if (!tie) return { kind: 'gone' };
  const columns = columnsOf(input);
  const [row] = await tx
    .insert(agreements)
    .values({ ...columns, partnershipId: input.partnershipId, createdBy: actor.id, updatedBy: actor.id })
    .returning({ id: agreements.id });
  const id = row!.id;
  await writeSignatories(tx, id, input.signatories);
  await insertAuditEvent(tx, {
    action: 'agreement.create',
    entityType: 'agreement',
    entityId: id,
    actorId: actor.id,
    actorEmail: actor.email,
    after: await snapshot(tx, id),
  });
  if (input.kind === 'termination') await endPartnershipFor(tx, actor, input.partnershipId, id, columns.signedOn, columns.signedPrecision);
  return { kind: 'ok', id, partnershipId: input.partnershipId };
}

/** Saves an edit made from `input.version` ('conflict' if someone saved since). */
export async function updateAgreement(tx: Executor, actor: Actor, input: AgreementUpdate): Promise<AgreementResult> {
  const before = await snapshot(tx, input.id);
  if (!before || before.deletedAt) return { kind: 'gone' };
  if (before.version !== input.version) return { kind: 'conflict' };
  const columns = columnsOf(input);
  const [updated] = await tx
    .update(agreements)
    .set({ ...columns, version: sql`${agreements.version} + 1`, updatedAt: new Date(), updatedBy: actor.id })
    .where(and(eq(agreements.id, input.id), eq(agreements.version, input.version), isNull(agreements.deletedAt)))
    .returning({ id: agreements.id });
  if (!updated) return { kind: 'conflict' };
  await writeSignatories(tx, input.id, input.signatories);
  await insertAuditEvent(tx, {
    action: 'agreement.update',
    entityType: 'agreement',
    entityId: input.id,
    actorId: actor.id,
    actorEmail: actor.email,
    before,
    after: await snapshot(tx, input.id),
  });
  if (input.kind === 'termination' && before.kind !== 'termination') {
    await endPartnershipFor(tx, actor, before.partnershipId, input.id, columns.signedOn, columns.signedPrecision);
  }
  return { kind: 'ok', id: input.id, partnershipId: before.partnershipId };
}

/** Soft-deletes an agreement (and with it its files from every list) at the version the user saw. */
export async function deleteAgreement(tx: Executor, actor: Actor, id: string, version: number): Promise<AgreementResult> {
  const before = await snapshot(tx, id);
  if (!before || before.deletedAt) return { kind: 'gone' };
  const [updated] = await tx
    .update(agreements)
    .set({ deletedAt: new Date(), version: sql`${agreements.version} + 1`, updatedAt: new Date(), updatedBy: actor.id })
    .where(and(eq(agreements.id, id), eq(agreements.version, version), isNull(agreements.deletedAt)))
    .returning({ id: agreements.id, partnershipId: agreements.partnershipId });
  if (!updated) return { kind: 'conflict' };
  await insertAuditEvent(tx, {
    action: 'agreement.delete',
    entityType: 'agreement',
    entityId: id,
    actorId: actor.id,
    actorEmail: actor.email,
    before,
    after: await snapshot(tx, id),
  });
  return { kind: 'ok', id, partnershipId: updated.partnershipId };
}
