import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../client';
import { agreementFileParts, agreementFiles, agreements, partnerships, partnershipStatusEvents, users } from '../schema';

// Reads of signed files without the access check: db/queries/files.ts and the download route check the caller's
// role first; tests call these directly.

/** A stored file as the staff pages list it. */
export interface FileListRow {
  id: string;
  agreementId: string | null;
  statusEventId: string | null;
  fileName: string;
  byteSize: number;
  isPublic: boolean;
  uploadedAt: Date;
  uploadedBy: string | null;
  deletedAt: Date | null;
  deletedBy: string | null;
}

/** The files of a partnership, grouped by owner: `byAgreement[agreementId]`, `byStatusEvent[statusEventId]`. */
export interface PartnershipFiles {
  byAgreement: Record<string, FileListRow[]>;
  byStatusEvent: Record<string, FileListRow[]>;
}

const uploader = alias(users, 'uploader');
const deleter = alias(users, 'deleter');

/**
 * Every file of partnership `partnershipId` (of its live agreements and of its lifecycle steps), oldest first,
 * grouped by owner. Deleted files only with `includeDeleted` (for admins, who restore them).
 */
export async function queryPartnershipFiles(executor: Executor, partnershipId: string, opts: { includeDeleted?: boolean } = {}): Promise<PartnershipFiles> {
  const rows = await executor
    .select({
      id: agreementFiles.id,
      agreementId: agreementFiles.agreementId,
      statusEventId: agreementFiles.statusEventId,
      fileName: agreementFiles.fileName,
      byteSize: agreementFiles.byteSize,
      isPublic: agreementFiles.isPublic,
      uploadedAt: agreementFiles.uploadedAt,
      uploadedBy: uploader.name,
      deletedAt: agreementFiles.deletedAt,
      deletedBy: deleter.name,
    })
    .from(agreementFiles)
    .leftJoin(agreements, eq(agreements.id, agreementFiles.agreementId))
    .leftJoin(partnershipStatusEvents, eq(partnershipStatusEvents.id, agreementFiles.statusEventId))
    .leftJoin(uploader, eq(uploader.id, agreementFiles.uploadedBy))
    .leftJoin(deleter, eq(deleter.id, agreementFiles.deletedBy))
    .where(
      and(
        or(and(eq(agreements.partnershipId, partnershipId), isNull(agreements.deletedAt)), eq(partnershipStatusEvents.partnershipId, partnershipId)),
        opts.includeDeleted ? undefined : isNull(agreementFiles.deletedAt),
      ),
    )
    .orderBy(asc(agreementFiles.uploadedAt), asc(agreementFiles.id));
  const out: PartnershipFiles = { byAgreement: {}, byStatusEvent: {} };
  for (const row of rows) {
    const [group, key] = row.agreementId ? [out.byAgreement, row.agreementId] : [out.byStatusEvent, row.statusEventId!];
    (group[key] ??= []).push(row);
  }
  return out;
}

/** What the download sends before the bytes. */
export interface FileMeta {
  id: string;
  fileName: string;
  mediaType: string;
  byteSize: number;
  sha256: string;
}

/**
 * A live file of partnership `partnershipId` (of a live agreement, or of a lifecycle step of the partnership),
 * without its bytes; null when there is none. For the staff download.
 */
export async function queryFileMeta(executor: Executor, partnershipId: string, fileId: string): Promise<FileMeta | null> {
  const [row] = await executor
    .select({
      id: agreementFiles.id,
      fileName: agreementFiles.fileName,
      mediaType: agreementFiles.mediaType,
      byteSize: agreementFiles.byteSize,
      sha256: agreementFiles.sha256,
    })
    .from(agreementFiles)
    .leftJoin(agreements, eq(agreements.id, agreementFiles.agreementId))
    .leftJoin(partnershipStatusEvents, eq(partnershipStatusEvents.id, agreementFiles.statusEventId))
    .where(
      and(
        eq(agreementFiles.id, fileId),
        isNull(agreementFiles.deletedAt),
        or(and(eq(agreements.partnershipId, partnershipId), isNull(agreements.deletedAt)), eq(partnershipStatusEvents.partnershipId, partnershipId)),
      ),
    );
  return row ?? null;
}

/**
 * A file anyone may download, without its bytes; null otherwise. A file is public when it is marked public, is not
 * deleted, and belongs to a live public agreement of a live public partnership, or to a lifecycle step of a live
 * public partnership. For the public download (`/files/[fileId]`), which reads no session.
 */
export async function queryPublicFileMeta(executor: Executor, fileId: string): Promise<FileMeta | null> {
  const [row] = await executor
    .select({
      id: agreementFiles.id,
      fileName: agreementFiles.fileName,
      mediaType: agreementFiles.mediaType,
      byteSize: agreementFiles.byteSize,
      sha256: agreementFiles.sha256,
    })
    .from(agreementFiles)
    .leftJoin(agreements, eq(agreements.id, agreementFiles.agreementId))
    .leftJoin(partnershipStatusEvents, eq(partnershipStatusEvents.id, agreementFiles.statusEventId))
    .innerJoin(partnerships, eq(partnerships.id, sql`coalesce(${agreements.partnershipId}, ${partnershipStatusEvents.partnershipId})`))
    .where(
      and(
        eq(agreementFiles.id, fileId),
        eq(agreementFiles.isPublic, true),
        isNull(agreementFiles.deletedAt),
        eq(partnerships.isPublic, true),
        isNull(partnerships.deletedAt),
        or(isNull(agreementFiles.agreementId), and(eq(agreements.isPublic, true), isNull(agreements.deletedAt))),
      ),
    );
  return row ?? null;
}

/**
 * The bytes of file `fileId` as a stream that reads one stored part at a time, in order, when the reader asks for
 * more: a download never holds more than a part or two of the file in memory.
 */
export function fileContentStream(executor: Executor, fileId: string): ReadableStream<Uint8Array> {
  let seq = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const [part] = await executor
          .select({ content: agreementFileParts.content })
          .from(agreementFileParts)
          .where(and(eq(agreementFileParts.fileId, fileId), eq(agreementFileParts.seq, seq)));
        if (!part) {
          controller.close();
          return;
        }
        seq++;
        controller.enqueue(part.content);
      },
    },
    // Ask for the next part only when the previous one has been taken.
    { highWaterMark: 0 },
  );
}
