import { sql } from 'drizzle-orm';
import { check, date, index, integer, numeric, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { editable } from './common';
import { activityKind } from './enums';
import { users } from './users';

/**
 * A count of the network the office announced in public ("99 cities in 65 countries", 2021-11-19), with its source,
 * so the dashboard can set it beside what the registry holds as of that date. "Sister" counts every sister_* type of
 * tie (city, province, county, district), "friendly" every friendly_cooperation_* type; a figure the announcement
 * does not give is null.
 */
export const publishedTotals = pgTable(
  'published_totals',
  {
    id: uuid().primaryKey().defaultRandom(),
    announcedOn: date({ mode: 'string' }).notNull(),
    partners: integer().notNull(),
    countries: integer(),
    sisterPartners: integer(),
    sisterCountries: integer(),
    friendlyPartners: integer(),
    friendlyCountries: integer(),
    sourceTitle: text(),
    sourceUrl: text(),
    note: text(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    updatedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    ...editable,
  },
  (t) => [
    index('published_totals_announced_idx').on(t.announcedOn),
    check(
      'published_totals_non_negative',
      sql`${t.partners} >= 0 and coalesce(${t.countries}, 0) >= 0 and coalesce(${t.sisterPartners}, 0) >= 0 and coalesce(${t.sisterCountries}, 0) >= 0 and coalesce(${t.friendlyPartners}, 0) >= 0 and coalesce(${t.friendlyCountries}, 0) >= 0`,
    ),
  ],
);

/**
 * A user's calendar feed of coming dates (anniversaries, agreement terms ending): its secret token is in the feed's
 * URL and kept here only as a SHA-256 hash. Revoking sets `revokedAt`; a user has at most one live feed.
 */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('calendar_feeds_token_key').on(t.tokenHash),
    uniqueIndex('calendar_feeds_live_user_key').on(t.userId).where(sql`${t.revokedAt} is null`),
  ],
);

// The dashboard's activity figures kept in step with every write (db/queries/dashboard-core.ts explains the design).
// These four tables are derived: only the triggers of migration 0011 write them (dashboard_refresh_activities), in
// the transaction of the write that changed an activity, its partners, its quantities or a tie; no code under db/
// writes them, and they have no editable columns. No foreign keys: a fact must leave through the refresh, which
// takes its count out of the summary with it, never through a cascade that would leave the count behind.

/**
 * One row per counted activity (not deleted, not cancelled, dated) and home locality it counts for (the home side
 * of a live tie it is linked to): its kind, start date and last year (null while it runs on: ongoing, no end).
 */
export const dashboardActivityFacts = pgTable(
  'dashboard_activity_facts',
  {
    activityId: uuid().notNull(),
    homeLocalityId: uuid().notNull(),
    kind: activityKind().notNull(),
    startedOn: date({ mode: 'string' }).notNull(),
    endYear: integer(),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.homeLocalityId] }),
    // The "as of" month read: one month's activities of one home.
    index('dashboard_activity_facts_home_started_idx').on(t.homeLocalityId, t.startedOn),
  ],
);

/**
 * The counted activities per home locality, kind, month of start (its first day) and last year (null: runs on).
 * Rows that fall to zero stay (at most one per calendar cell), so concurrent writers only ever add and subtract.
 */
export const dashboardActivityCounts = pgTable(
  'dashboard_activity_counts',
  {
    homeLocalityId: uuid().notNull(),
    kind: activityKind().notNull(),
    startMonth: date({ mode: 'string' }).notNull(),
    endYear: integer(),
    activities: integer().notNull(),
  },
  (t) => [unique('dashboard_activity_counts_key').on(t.homeLocalityId, t.kind, t.startMonth, t.endYear).nullsNotDistinct()],
);

/**
 * One row per quantity of a counted donation and home locality it counts for (its own, or a live tie's of that
 * home): the item and unit keys it is summed under (lower-case, trimmed), the activity's start date (null when
 * undated) and the quantity's spelling and place, from which the dashboard takes the latest spelling of each item.
 */
export const dashboardQuantityFacts = pgTable(
  'dashboard_quantity_facts',
  {
    quantityId: uuid().notNull(),
    homeLocalityId: uuid().notNull(),
    activityId: uuid().notNull(),
    itemKey: text().notNull(),
    unitKey: text().notNull(),
    startedOn: date({ mode: 'string' }),
    position: integer().notNull(),
    itemEn: text().notNull(),
    itemZh: text(),
    unit: text(),
    amount: numeric({ precision: 18, scale: 2 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.quantityId, t.homeLocalityId] }),
    index('dashboard_quantity_facts_activity_idx').on(t.activityId),
    index('dashboard_quantity_facts_home_started_idx').on(t.homeLocalityId, t.startedOn),
    // The latest spelling of an item as of a date: one index probe per item (the Chinese one among named rows).
    index('dashboard_quantity_facts_latest_idx').on(t.homeLocalityId, t.itemKey, t.unitKey, t.startedOn.desc().nullsLast(), t.position, t.quantityId),
    index('dashboard_quantity_facts_latest_zh_idx')
      .on(t.homeLocalityId, t.itemKey, t.unitKey, t.startedOn.desc().nullsLast(), t.position, t.quantityId)
      .where(sql`${t.itemZh} is not null`),
  ],
);

/**
 * Donated quantities per home locality, item and unit key and month of the activity's start (null: undated): the
 * amount (exact) and the donations (an activity once per item and unit, whatever its rows). Zero rows stay.
 */
export const dashboardDonationTotals = pgTable(
  'dashboard_donation_totals',
  {
    homeLocalityId: uuid().notNull(),
    itemKey: text().notNull(),
    unitKey: text().notNull(),
    startMonth: date({ mode: 'string' }),
    amount: numeric().notNull(),
    activities: integer().notNull(),
  },
  (t) => [unique('dashboard_donation_totals_key').on(t.homeLocalityId, t.itemKey, t.unitKey, t.startMonth).nullsNotDistinct()],
);

export type PublishedTotal = typeof publishedTotals.$inferSelect;
export type NewPublishedTotal = typeof publishedTotals.$inferInsert;
export type CalendarFeed = typeof calendarFeeds.$inferSelect;
