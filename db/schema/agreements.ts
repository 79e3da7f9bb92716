import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { editable } from './common';
import { agreementKind, cooperationField, datePrecision, signatorySide } from './enums';
import { partnerships, partnershipStatusEvents } from './partnerships';
import { users } from './users';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

/** A signed document of a partnership: letter of intent, MoU, formal agreement, renewal, termination. */
export const agreements = pgTable(
  'agreements',
  {
    id: uuid().primaryKey().defaultRandom(),
    partnershipId: uuid()
      .notNull()
      .references(() => partnerships.id, { onDelete: 'restrict' }),
    kind: agreementKind().notNull(),
    titleEn: text().notNull(),
    titleZh: text(),
    signedOn: date({ mode: 'string' }),
    signedPrecision: datePrecision(),
    signedPlaceEn: text(),
    signedPlaceZh: text(),
    termEndsOn: date({ mode: 'string' }),
    cooperationFields: cooperationField().array().notNull().default(sql`'{}'`),
    summaryEn: text(),
    summaryZh: text(),
    sources: text().array().notNull().default(sql`'{}'`),
    // Kind, date and title appear in the public directory when the agreement and its partnership are public.
    isPublic: boolean().notNull().default(true),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    updatedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    ...editable,
  },
  (t) => [
    index('agreements_partnership_idx').on(t.partnershipId),
    check(
      'agreements_precision_with_date',
      sql`(${t.signedOn} is null) = (${t.signedPrecision} is null)`,
    ),
    check('agreements_term_after_signing', sql`${t.termEndsOn} is null or ${t.signedOn} is null or ${t.termEndsOn} >= ${t.signedOn}`),
  ],
);

/** Who signed an agreement, on which side, in signing order. */
export const agreementSignatories = pgTable(
  'agreement_signatories',
  {
    id: uuid().primaryKey().defaultRandom(),
    agreementId: uuid()
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    side: signatorySide().notNull(),
    position: integer().notNull().default(0),
    nameEn: text().notNull(),
    nameZh: text(),
    titleEn: text(),
    titleZh: text(),
  },
  (t) => [index('agreement_signatories_agreement_idx').on(t.agreementId)],
);

/**
 * A signed document of a partnership, kept in the database so that one backup holds it and every app instance serves
 * it: a file of an agreement, or the document of a lifecycle step (an approval, a termination decision). Exactly one
 * of `agreementId` and `statusEventId` is set. The bytes are in `agreementFileParts`, written as the upload streams
 * in, so no copy of the whole file is ever held in memory.
 */
export const agreementFiles = pgTable(
  'agreement_files',
  {
    id: uuid().primaryKey().defaultRandom(),
    agreementId: uuid().references(() => agreements.id, { onDelete: 'restrict' }),
    statusEventId: uuid().references(() => partnershipStatusEvents.id, { onDelete: 'restrict' }),
    fileName: text().notNull(),
    mediaType: text().notNull(),
    byteSize: integer().notNull(),
    sha256: text().notNull(),
    // A signed copy is internal unless staff mark it public.
    isPublic: boolean().notNull().default(false),
    uploadedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    uploadedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // Soft delete: admins see deleted files and restore them.
    deletedAt: timestamp({ withTimezone: true }),
    deletedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('agreement_files_agreement_idx').on(t.agreementId),
    index('agreement_files_status_event_idx').on(t.statusEventId),
    check('agreement_files_one_owner', sql`(${t.agreementId} is null) <> (${t.statusEventId} is null)`),
  ],
);

/** The bytes of a stored file in order, in parts of at most 1 MiB (the last may be shorter). */
export const agreementFileParts = pgTable(
  'agreement_file_parts',
  {
    fileId: uuid()
      .notNull()
      .references(() => agreementFiles.id, { onDelete: 'cascade' }),
    seq: integer().notNull(),
    content: bytea().notNull(),
  },
  (t) => [primaryKey({ columns: [t.fileId, t.seq] })],
);

export type Agreement = typeof agreements.$inferSelect;
export type NewAgreement = typeof agreements.$inferInsert;
export type AgreementSignatory = typeof agreementSignatories.$inferSelect;
export type AgreementFile = typeof agreementFiles.$inferSelect;
