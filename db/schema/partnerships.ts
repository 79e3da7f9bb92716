import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { editable } from './common';
import {
  approvalLevel,
  cooperationField,
  datePrecision,
  endingParty,
  lifecycleEventKind,
  partnershipStatus,
  partnershipType,
} from './enums';
import { localities } from './localities';
import { users } from './users';
import { agreements } from './agreements';

/** The tie between two localities: the home side (for the demo, Guangzhou) and the partner side. */
export const partnerships = pgTable(
  'partnerships',
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull(),
    homeLocalityId: uuid()
      .notNull()
      .references(() => localities.id, { onDelete: 'restrict' }),
    partnerLocalityId: uuid()
      .notNull()
      .references(() => localities.id, { onDelete: 'restrict' }),
    type: partnershipType().notNull(),
    status: partnershipStatus().notNull().default('active'),
    // A year-only date is stored as 1 January with precision 'year'; null when no source gives one.
    establishedOn: date({ mode: 'string' }),
    establishedPrecision: datePrecision(),
    establishedBasis: text(),
    cooperationFields: cooperationField().array().notNull().default(sql`'{}'`),
    summaryEn: text(),
    summaryZh: text(),
    internalNotes: text(),
    sources: text().array().notNull().default(sql`'{}'`),
    isPublic: boolean().notNull().default(true),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    updatedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    ...editable,
  },
  (t) => [
    uniqueIndex('partnerships_slug_key').on(t.slug),
    // One live tie of a kind between two localities; a soft-deleted one does not block re-entry.
    uniqueIndex('partnerships_pair_type_key')
      .on(t.homeLocalityId, t.partnerLocalityId, t.type)
      .where(sql`${t.deletedAt} is null`),
    index('partnerships_home_idx').on(t.homeLocalityId),
    index('partnerships_partner_idx').on(t.partnerLocalityId),
    check('partnerships_distinct_sides', sql`${t.homeLocalityId} <> ${t.partnerLocalityId}`),
    check(
      'partnerships_precision_with_date',
      sql`(${t.establishedOn} is null) = (${t.establishedPrecision} is null)`,
    ),
  ],
);

/**
 * The lifecycle of a partnership, append-only: each step (a change of status, an approval, an upgrade of the type)
 * with its effective date, reason and document. `status` is the tie's status after the step; the newest row is the
 * current one. A wrong step is corrected by a newer one, never rewritten.
 */
export const partnershipStatusEvents = pgTable(
  'partnership_status_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    partnershipId: uuid()
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    kind: lifecycleEventKind().notNull().default('status'),
    status: partnershipStatus().notNull(),
    effectiveOn: date({ mode: 'string' }),
    // How much of effectiveOn is known, as for establishedOn: a year-only date is never shown with a day.
    effectivePrecision: datePrecision(),
    // The reason for the step.
    note: text(),
    // Suspended until this review date.
    reviewOn: date({ mode: 'string' }),
    // A termination: which side ended the tie, and by what decision.
    endedBy: endingParty(),
    decision: text(),
    // An approval: the level of the approving body and its name ("Guangzhou Municipal People's Congress").
    approvalLevel: approvalLevel(),
    approvalBody: text(),
    // An upgrade: the type before and after (friendly cooperation city to sister city).
    fromType: partnershipType(),
    toType: partnershipType(),
    // The agreement that is this step's document, when it is one of the tie's agreements (the letter of intent).
    agreementId: uuid().references((): AnyPgColumn => agreements.id, { onDelete: 'set null' }),
    recordedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('partnership_status_events_partnership_idx').on(t.partnershipId, t.recordedAt),
    check('partnership_status_events_precision_with_date', sql`(${t.effectiveOn} is null) = (${t.effectivePrecision} is null)`),
    check(
      'partnership_status_events_upgrade_types',
      sql`(${t.kind} = 'upgrade') = (${t.fromType} is not null and ${t.toType} is not null)`,
    ),
    check('partnership_status_events_approval_level', sql`${t.kind} = 'approval' or ${t.approvalLevel} is null`),
  ],
);

export type Partnership = typeof partnerships.$inferSelect;
export type NewPartnership = typeof partnerships.$inferInsert;
export type PartnershipStatusEvent = typeof partnershipStatusEvents.$inferSelect;
