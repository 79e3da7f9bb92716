import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { editable } from './common';
import { agreementKind, cooperationField, datePrecision, signatorySide } from './enums';
import { partnerships } from './partnerships';
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

/** A scanned or signed file of an agreement, kept in the database so every app instance serves it. */
export const agreementFiles = pgTable(
  'agreement_files',
  {
    id: uuid().primaryKey().defaultRandom(),
    agreementId: uuid()
      .notNull()
      .references(() => agreements.id, { onDelete: 'restrict' }),
    fileName: text().notNull(),
    mediaType: text().notNull(),
    byteSize: integer().notNull(),
    sha256: text().notNull(),
    content: bytea().notNull(),
    // A signed copy is internal unless staff mark it public.
    isPublic: boolean().notNull().default(false),
    uploadedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    uploadedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('agreement_files_agreement_idx').on(t.agreementId)],
);

export type Agreement = typeof agreements.$inferSelect;
export type NewAgreement = typeof agreements.$inferInsert;
export type AgreementSignatory = typeof agreementSignatories.$inferSelect;
export type AgreementFile = typeof agreementFiles.$inferSelect;
