import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { editable } from './common';
import { role } from './enums';

/** A staff user. The password hash never leaves db/. */
export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    name: text().notNull(),
    role: role().notNull().default('viewer'),
    passwordHash: text().notNull(),
    isActive: boolean().notNull().default(true),
    mustChangePassword: boolean().notNull().default(false),
    // Bumped on sign-out everywhere, deactivation, role or password change: older sessions stop working.
    sessionVersion: integer().notNull().default(1),
    totpSecret: text(),
    totpEnabledAt: timestamp({ withTimezone: true }),
    // The last accepted TOTP time step: a code is never accepted twice.
    totpLastStep: integer(),
    lastSignInAt: timestamp({ withTimezone: true }),
    ...editable,
  },
  (t) => [uniqueIndex('users_email_key').on(sql`lower(${t.email})`)],
);

/** A signed-in browser session; the JWT carries only its id, so it can be ended server-side. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sessionVersion: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    endedAt: timestamp({ withTimezone: true }),
    ip: text(),
    userAgent: text(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

/** One sign-in attempt, kept for throttling by account and by address across app instances. */
export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    ip: text(),
    succeeded: boolean().notNull(),
    attemptedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('sign_in_attempts_email_idx').on(sql`lower(${t.email})`, t.attemptedAt),
    index('sign_in_attempts_ip_idx').on(t.ip, t.attemptedAt),
    index('sign_in_attempts_at_idx').on(t.attemptedAt),
  ],
);

/** One-time recovery codes for the second factor, stored as SHA-256 hashes (they are long random strings). */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Session = typeof sessions.$inferSelect;
