import { sql } from 'drizzle-orm';
import { check, customType, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { IMPORT_ROW_CLASSES, IMPORT_STATUSES } from '../../lib/import-domain';
import { users } from './users';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

export const importStatus = pgEnum('import_status', IMPORT_STATUSES);
export const importRowClass = pgEnum('import_row_class', IMPORT_ROW_CLASSES);

/** Row counts of an import by class (see IMPORT_ROW_CLASSES). */
export type ImportCounts = Record<(typeof IMPORT_ROW_CLASSES)[number], number>;

/**
 * A spreadsheet of partnerships being imported (/partnerships/import): the uploaded file itself (kept here, so
 * whichever instance serves the commit reads it), how it is read (encoding, sheet, the column mapping), where the
 * preview or the commit stands (`status`, `rowsProcessed` of `rowsTotal`) and its counts by class. The file's bytes
 * are dropped once it is committed or discarded; the row stays as the record of what was imported.
 */
export const imports = pgTable(
  'imports',
  {
    id: uuid().primaryKey().defaultRandom(),
    fileName: text().notNull(),
    byteSize: integer().notNull(),
    sha256: text().notNull(),
    content: bytea(),
    // 'csv' or 'xlsx', by content.
    kind: text().notNull(),
    // The encoding the file is read with (CSV), and the one detected on upload.
    encoding: text(),
    detectedEncoding: text(),
    sheet: text(),
    sheets: text().array().notNull().default(sql`'{}'`),
    header: jsonb().$type<string[]>().notNull().default(sql`'[]'`),
    // One entry per column of the header: the import field it feeds, or null (ignored).
    mapping: jsonb().$type<Array<string | null>>().notNull().default(sql`'[]'`),
    status: importStatus().notNull().default('previewing'),
    // Bumped by each new preview (a changed mapping, encoding or sheet); the rows of older runs are ignored and
    // swept, and a preview still running for an older run stops.
    previewRun: integer().notNull().default(1),
    rowsTotal: integer().notNull().default(0),
    rowsProcessed: integer().notNull().default(0),
    counts: jsonb().$type<ImportCounts>(),
    // A catalogue key ('imports.failed', 'imports.stale' ...) when the last preview or commit did not finish.
    error: text(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    committedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    committedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('imports_created_idx').on(t.createdAt),
    check('imports_rows_check', sql`${t.rowsProcessed} >= 0 and ${t.rowsTotal} >= 0`),
  ],
);

/**
 * One data row of an import as the preview classified it: its row number in the file, its class, the values read
 * (by import field), what an update changes (field: [old, new]), the error key of an error row, and for a possible
 * duplicate the user's decision ('accept' imports it as a new partner, 'skip' leaves it out; null is skip).
 */
export const importRows = pgTable(
  'import_rows',
  {
    importId: uuid()
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    run: integer().notNull(),
    rowNumber: integer().notNull(),
    class: importRowClass().notNull(),
    values: jsonb().$type<Record<string, string>>().notNull(),
    changes: jsonb().$type<Record<string, [string | null, string | null]>>(),
    error: text(),
    // For a possible duplicate: the registry's near match, as "Victoria (CA)".
    nearMatch: text(),
    decision: text(),
  },
  (t) => [
    uniqueIndex('import_rows_key').on(t.importId, t.run, t.rowNumber),
    index('import_rows_class_idx').on(t.importId, t.run, t.class, t.rowNumber),
    check('import_rows_decision_check', sql`${t.decision} is null or ${t.decision} in ('accept', 'skip')`),
  ],
);

export type Import = typeof imports.$inferSelect;
export type NewImport = typeof imports.$inferInsert;
export type ImportRow = typeof importRows.$inferSelect;
export type NewImportRow = typeof importRows.$inferInsert;
