import { sql } from 'drizzle-orm';
import {
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
import { cooperationField, datePrecision, partnershipStatus, partnershipType } from './enums';
import { localities } from './localities';
import { users } from './users';

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

/** The status history of a partnership, append-only: the newest row is the current status. */
export const partnershipStatusEvents = pgTable(
  'partnership_status_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    partnershipId: uuid()
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    status: partnershipStatus().notNull(),
    effectiveOn: date({ mode: 'string' }),
    // How much of effectiveOn is known, as for establishedOn: a year-only date is never shown with a day.
    effectivePrecision: datePrecision(),
    note: text(),
    recordedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('partnership_status_events_partnership_idx').on(t.partnershipId, t.recordedAt),
    check('partnership_status_events_precision_with_date', sql`(${t.effectiveOn} is null) = (${t.effectivePrecision} is null)`),
  ],
);

export type Partnership = typeof partnerships.$inferSelect;
export type NewPartnership = typeof partnerships.$inferInsert;
export type PartnershipStatusEvent = typeof partnershipStatusEvents.$inferSelect;
