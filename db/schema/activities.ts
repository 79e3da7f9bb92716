import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { editable } from './common';
import { activityDirection, activityKind, activityStatus, cooperationField, datePrecision } from './enums';
import { partnerships } from './partnerships';
import { users } from './users';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

/**
 * An exchange: a donation, a project, a delegation visit, a cultural or education exchange, a letter. It serves one
 * or more partnerships (`activityPartnerships`), each with its own status and quantities; the totals are the sums.
 * Dates carry their precision (a year-only date is 1 January with precision 'year'). `valueAmount` is in
 * `valueCurrency` (ISO 4217).
 */
export const activities = pgTable(
  'activities',
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull(),
    kind: activityKind().notNull(),
    status: activityStatus().notNull().default('completed'),
    direction: activityDirection().notNull().default('outgoing'),
    titleEn: text().notNull(),
    titleZh: text(),
    descriptionEn: text(),
    descriptionZh: text(),
    startedOn: date({ mode: 'string' }),
    startedPrecision: datePrecision(),
    endedOn: date({ mode: 'string' }),
    endedPrecision: datePrecision(),
    placeEn: text(),
    placeZh: text(),
    cooperationFields: cooperationField().array().notNull().default(sql`'{}'`),
    valueAmount: numeric({ precision: 18, scale: 2 }),
    valueCurrency: text(),
    participants: integer(),
    links: text().array().notNull().default(sql`'{}'`),
    sources: text().array().notNull().default(sql`'{}'`),
    internalNotes: text(),
    isPublic: boolean().notNull().default(true),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    updatedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    ...editable,
  },
  (t) => [
    uniqueIndex('activities_slug_key').on(t.slug),
    index('activities_started_idx').on(t.startedOn),
    index('activities_kind_idx').on(t.kind, t.startedOn),
    index('activities_status_idx').on(t.status),
    check('activities_precision_with_date', sql`(${t.startedOn} is null) = (${t.startedPrecision} is null)`),
    check('activities_end_precision_with_date', sql`(${t.endedOn} is null) = (${t.endedPrecision} is null)`),
    check('activities_end_after_start', sql`${t.endedOn} is null or ${t.startedOn} is null or ${t.endedOn} >= ${t.startedOn}`),
    check('activities_value_currency', sql`(${t.valueAmount} is null) = (${t.valueCurrency} is null) and (${t.valueCurrency} is null or ${t.valueCurrency} ~ '^[A-Z]{3}$')`),
    check('activities_value_non_negative', sql`${t.valueAmount} is null or ${t.valueAmount} >= 0`),
    check('activities_participants_non_negative', sql`${t.participants} is null or ${t.participants} >= 0`),
  ],
);

/** Links an activity to each partnership it served, with that partner's own status of the activity. */
export const activityPartnerships = pgTable(
  'activity_partnerships',
  {
    activityId: uuid()
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    partnershipId: uuid()
      .notNull()
      .references(() => partnerships.id, { onDelete: 'restrict' }),
    status: activityStatus().notNull().default('completed'),
    position: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.partnershipId] }),
    index('activity_partnerships_partnership_idx').on(t.partnershipId),
  ],
);

/**
 * A quantity of an activity: 20,000 disposable surgical masks, 200 thermometers. With `partnershipId`, the
 * quantity that partner received or gave; without, the activity's own (not split by partner). Totals are sums by
 * item and unit.
 */
export const activityQuantities = pgTable(
  'activity_quantities',
  {
    id: uuid().primaryKey().defaultRandom(),
    activityId: uuid()
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    partnershipId: uuid().references(() => partnerships.id, { onDelete: 'restrict' }),
    itemEn: text().notNull(),
    itemZh: text(),
    amount: numeric({ precision: 18, scale: 2 }).notNull(),
    unit: text(),
    position: integer().notNull().default(0),
  },
  (t) => [
    index('activity_quantities_activity_idx').on(t.activityId),
    index('activity_quantities_partnership_idx').on(t.partnershipId),
    check('activity_quantities_non_negative', sql`${t.amount} >= 0`),
  ],
);

/** An organisation involved in an activity, with its role (Guangzhou Metro: operator and maintainer). */
export const activityOrganisations = pgTable(
  'activity_organisations',
  {
    id: uuid().primaryKey().defaultRandom(),
    activityId: uuid()
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    nameEn: text().notNull(),
    nameZh: text(),
    roleEn: text(),
    roleZh: text(),
    position: integer().notNull().default(0),
  },
  (t) => [index('activity_organisations_activity_idx').on(t.activityId)],
);

/** A dated step of a long activity: the Orange Line's contract, construction, start of operation (October 2020). */
export const activityMilestones = pgTable(
  'activity_milestones',
  {
    id: uuid().primaryKey().defaultRandom(),
    activityId: uuid()
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    occurredOn: date({ mode: 'string' }),
    occurredPrecision: datePrecision(),
    titleEn: text().notNull(),
    titleZh: text(),
    note: text(),
    position: integer().notNull().default(0),
  },
  (t) => [
    index('activity_milestones_activity_idx').on(t.activityId),
    check('activity_milestones_precision_with_date', sql`(${t.occurredOn} is null) = (${t.occurredPrecision} is null)`),
  ],
);

/**
 * A photo of an activity, kept in the database so every instance serves it: the original as uploaded (an image
 * recognised by its content) and a resized copy for display. Soft-deleted like every record.
 */
export const activityPhotos = pgTable(
  'activity_photos',
  {
    id: uuid().primaryKey().defaultRandom(),
    activityId: uuid()
      .notNull()
      .references(() => activities.id, { onDelete: 'restrict' }),
    fileName: text().notNull(),
    mediaType: text().notNull(),
    byteSize: integer().notNull(),
    sha256: text().notNull(),
    width: integer().notNull(),
    height: integer().notNull(),
    content: bytea().notNull(),
    displayMediaType: text().notNull(),
    displayWidth: integer().notNull(),
    displayHeight: integer().notNull(),
    displayContent: bytea().notNull(),
    captionEn: text(),
    captionZh: text(),
    isPublic: boolean().notNull().default(false),
    uploadedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    uploadedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp({ withTimezone: true }),
    deletedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('activity_photos_activity_idx').on(t.activityId)],
);

export type Activity = typeof activities.$inferSelect;
export type NewActivity = typeof activities.$inferInsert;
export type ActivityPartnership = typeof activityPartnerships.$inferSelect;
export type ActivityQuantity = typeof activityQuantities.$inferSelect;
export type ActivityOrganisation = typeof activityOrganisations.$inferSelect;
export type ActivityMilestone = typeof activityMilestones.$inferSelect;
export type ActivityPhoto = typeof activityPhotos.$inferSelect;
