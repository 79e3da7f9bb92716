import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { localities } from './localities';

/** The registry's one settings row: whose network the dashboard and the directory are about. */
export const settings = pgTable(
  'settings',
  {
    id: integer().primaryKey().default(1),
    homeLocalityId: uuid().references(() => localities.id, { onDelete: 'restrict' }),
    requireTotp: boolean().notNull().default(false),
    version: integer().notNull().default(1),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('settings_single_row', sql`${t.id} = 1`)],
);

export type Settings = typeof settings.$inferSelect;
