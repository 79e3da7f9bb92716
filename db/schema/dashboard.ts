import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { editable } from './common';
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

export type PublishedTotal = typeof publishedTotals.$inferSelect;
export type NewPublishedTotal = typeof publishedTotals.$inferInsert;
export type CalendarFeed = typeof calendarFeeds.$inferSelect;
