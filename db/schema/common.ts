import { integer, timestamp } from 'drizzle-orm/pg-core';

/** Columns every editable row carries: optimistic-concurrency version, timestamps and the soft-delete mark. */
export const editable = {
  version: integer().notNull().default(1),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  deletedAt: timestamp({ withTimezone: true }),
};
