import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  numeric,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { editable } from './common';
import { activityKind, cooperationField, datePrecision } from './enums';
import { partnerships } from './partnerships';
import { users } from './users';

/** An exchange: a donation, a project, a delegation visit, a cultural or education exchange, an event. */
export const activities = pgTable(
  'activities',
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull(),
    kind: activityKind().notNull(),
    titleEn: text().notNull(),
    titleZh: text(),
    descriptionEn: text(),
    descriptionZh: text(),
    startedOn: date({ mode: 'string' }),
    startedPrecision: datePrecision(),
    endedOn: date({ mode: 'string' }),
    cooperationFields: cooperationField().array().notNull().default(sql`'{}'`),
    sources: text().array().notNull().default(sql`'{}'`),
    isPublic: boolean().notNull().default(true),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    updatedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    ...editable,
  },
  (t) => [
    uniqueIndex('activities_slug_key').on(t.slug),
    index('activities_started_idx').on(t.startedOn),
    check(
      'activities_precision_with_date',
      sql`(${t.startedOn} is null) = (${t.startedPrecision} is null)`,
    ),
    check('activities_end_after_start', sql`${t.endedOn} is null or ${t.startedOn} is null or ${t.endedOn} >= ${t.startedOn}`),
  ],
);

/** Links an activity to each partnership it served, with that partner's share in percent. */
export const activityPartnerships = pgTable(
  'activity_partnerships',
  {
    activityId: uuid()
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    partnershipId: uuid()
      .notNull()
      .references(() => partnerships.id, { onDelete: 'restrict' }),
    sharePercent: numeric({ precision: 5, scale: 2 }).notNull().default('100'),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.partnershipId] }),
    index('activity_partnerships_partnership_idx').on(t.partnershipId),
    check('activity_partnerships_share_range', sql`${t.sharePercent} > 0 and ${t.sharePercent} <= 100`),
  ],
);

export type Activity = typeof activities.$inferSelect;
export type NewActivity = typeof activities.$inferInsert;
export type ActivityPartnership = typeof activityPartnerships.$inferSelect;
