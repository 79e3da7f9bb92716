import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Executor } from '../client';
import { agreementFileParts, agreementFiles, agreements, partnerships, partnershipStatusEvents } from '../schema';
import { insertAuditEvent } from './audit';
import type { Actor } from './users';

// Writes of signed files: one upload (its row, its parts and its audit event in the caller's transaction), and the
// soft delete and restore of one file.

/** Bytes per stored part of a file (1 MiB). */
export const FILE_PART_BYTES = 1024 * 1024;

/** Whose document a file is: an agreement of the partnership or one of its lifecycle steps. */
export type FileOwner = { agreementId: string } | { statusEventId: string };

/** A received file, already checked (size, PDF by content) and hashed by the caller: its bytes as they arrived. */
export interface ReceivedFile {
  fileName: string;
  chunks: readonly Uint8Array[];
  byteSize: number;
  sha256: string;
  isPublic: boolean;
}

export type FileResult = { kind: 'ok'; id: string } | { kind: 'gone' };

/**
 * The chunks regrouped into parts of `size` bytes, in order. A part inside one chunk is a view of it; only a part
 * spanning chunks is copied, so at most one part's worth of bytes is held beside the chunks.
 */
export function* partsOf(chunks: readonly Uint8Array[], size = FILE_PART_BYTES): Generator<Uint8Array> {
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  for (const chunk of chunks) {
    let offset = 0;
    while (offset < chunk.byteLength) {
      const take = Math.min(size - pendingBytes, chunk.byteLength - offset);
      pending.push(chunk.subarray(offset, offset + take));
      pendingBytes += take;
      offset += take;
      if (pendingBytes === size) {
        yield pending.length === 1 ? pending[0]! : Buffer.concat(pending);
        pending = [];
        pendingBytes = 0;
      }
    }
  }
  if (pendingBytes > 0) yield pending.length === 1 ? pending[0]! : Buffer.concat(pending);
}

/**
 * Whether `owner` is a live record of live partnership `partnershipId`: an agreement not deleted, or a lifecycle
 * step. Locks the owner's row against a concurrent delete until the transaction ends.
 */
async function ownerIsLive(tx: Executor, partnershipId: string, owner: FileOwner): Promise<boolean> {
  if ('agreementId' in owner) {
    const [row] = await tx
      .select({ id: agreements.id })
      .from(agreements)
      .innerJoin(partnerships, eq(partnerships.id, agreements.partnershipId))
      .where(and(eq(agreements.id, owner.agreementId), eq(agreements.partnershipId, partnershipId), isNull(agreements.deletedAt), isNull(partnerships.deletedAt)))
      .for('share');
    return Boolean(row);
  }
  const [row] = await tx
    .select({ id: partnershipStatusEvents.id })
    .from(partnershipStatusEvents)
    .innerJoin(partnerships, eq(partnerships.id, partnershipStatusEvents.partnershipId))
    .where(and(eq(partnershipStatusEvents.id, owner.statusEventId), eq(partnershipStatusEvents.partnershipId, partnershipId), isNull(partnerships.deletedAt)))
    .for('share');
  return Boolean(row);
}

/**
 * Stores a received file of `owner` (which must be live and belong to partnership `partnershipId`, else 'gone'):
 * the row, its parts of FILE_PART_BYTES and the audit event, in the caller's transaction.
 */
export async function insertSignedFile(tx: Executor, actor: Actor, partnershipId: string, owner: FileOwner, file: ReceivedFile): Promise<FileResult> {
  if (!(await ownerIsLive(tx, partnershipId, owner))) return { kind: 'gone' };
  const [row] = await tx
    .insert(agreementFiles)
    .values({
      agreementId: 'agreementId' in owner ? owner.agreementId : null,
      statusEventId: 'statusEventId' in owner ? owner.statusEventId : null,
      fileName: file.fileName.slice(0, 255),
      mediaType: 'application/pdf',
      byteSize: file.byteSize,
      sha256: file.sha256,
      isPublic: file.isPublic,
      uploadedBy: actor.id,
    })
    .returning();
  let seq = 0;
  for (const content of partsOf(file.chunks)) {
    await tx.insert(agreementFileParts).values({ fileId: row!.id, seq, content });
    seq++;
  }
  await insertAuditEvent(tx, {
    action: 'file.upload',
    entityType: 'file',
    entityId: row!.id,
    actorId: actor.id,
    actorEmail: actor.email,
    after: { ...auditView(row!), partnershipId, parts: seq },
  });
  return { kind: 'ok', id: row!.id };
}

function auditView(row: typeof agreementFiles.$inferSelect) {
  return {
    id: row.id,
    agreementId: row.agreementId,
    statusEventId: row.statusEventId,
    fileName: row.fileName,
    mediaType: row.mediaType,
    byteSize: row.byteSize,
    sha256: row.sha256,
    isPublic: row.isPublic,
    deletedAt: row.deletedAt,
    deletedBy: row.deletedBy,
  };
}

/**
 * Soft-deletes (`deleted` true) or restores one file of partnership `partnershipId`, audited with the row before
 * and after. 'gone' when there is no such file, it is already in that state, or its owner or partnership is deleted.
 */
export async function setSignedFileDeleted(tx: Executor, actor: Actor, partnershipId: string, fileId: string, deleted: boolean): Promise<FileResult> {
  const [file] = await tx
    .select()
    .from(agreementFiles)
    .where(and(eq(agreementFiles.id, fileId), deleted ? isNull(agreementFiles.deletedAt) : isNotNull(agreementFiles.deletedAt)))
    .for('update');
  if (!file) return { kind: 'gone' };
  // Its owner must be a live record of this partnership: this also refuses a file id of another partnership.
  const owner: FileOwner = file.agreementId ? { agreementId: file.agreementId } : { statusEventId: file.statusEventId! };
  if (!(await ownerIsLive(tx, partnershipId, owner))) return { kind: 'gone' };
  const [after] = await tx
    .update(agreementFiles)
    .set(deleted ? { deletedAt: new Date(), deletedBy: actor.id } : { deletedAt: null, deletedBy: null })
    .where(eq(agreementFiles.id, fileId))
    .returning();
  await insertAuditEvent(tx, {
    action: deleted ? 'file.delete' : 'file.restore',
    entityType: 'file',
    entityId: fileId,
    actorId: actor.id,
    actorEmail: actor.email,
    before: auditView(file),
    after: auditView(after!),
  });
  return { kind: 'ok', id: fileId };
}

/**
 * Marks one live file of partnership `partnershipId` public (anyone may download it at /files/[id] while its
 * agreement or step and its partnership are public) or internal, audited with the row before and after. 'gone'
 * when there is no such live file or its owner or partnership is deleted. Setting what it already is changes nothing.
 */
export async function setSignedFilePublic(tx: Executor, actor: Actor, partnershipId: string, fileId: string, isPublic: boolean): Promise<FileResult> {
  const [file] = await tx
    .select()
    .from(agreementFiles)
    .where(and(eq(agreementFiles.id, fileId), isNull(agreementFiles.deletedAt)))
    .for('update');
  if (!file) return { kind: 'gone' };
  const owner: FileOwner = file.agreementId ? { agreementId: file.agreementId } : { statusEventId: file.statusEventId! };
  if (!(await ownerIsLive(tx, partnershipId, owner))) return { kind: 'gone' };
  if (file.isPublic === isPublic) return { kind: 'ok', id: fileId };
  const [after] = await tx.update(agreementFiles).set({ isPublic }).where(eq(agreementFiles.id, fileId)).returning();
  await insertAuditEvent(tx, {
    action: 'file.visibility',
    entityType: 'file',
    entityId: fileId,
    actorId: actor.id,
    actorEmail: actor.email,
    before: auditView(file),
    after: auditView(after!),
  });
  return { kind: 'ok', id: fileId };
}
