import { and, desc, eq, sql } from 'drizzle-orm';
import type { ImportRowClass, ImportStatus } from '../../lib/import-domain';
import type { Executor } from '../client';
import { importRows, imports, users, type ImportCounts } from '../schema';

// Reads of the import pages, without the access check (db/queries/imports.ts checks the role; tests call these).

/** Rows of the preview table per page. */
export const IMPORT_ROWS_PAGE_SIZE = 50;

/** An import as its page shows it (never its bytes). */
export interface ImportView {
  id: string;
  fileName: string;
  byteSize: number;
  sha256: string;
  kind: string;
  encoding: string | null;
  detectedEncoding: string | null;
  sheet: string | null;
  sheets: string[];
  header: string[];
  mapping: Array<string | null>;
  status: ImportStatus;
  previewRun: number;
  rowsTotal: number;
  rowsProcessed: number;
  counts: ImportCounts | null;
  error: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  committedAt: Date | null;
  createdByEmail: string | null;
}

/** One import by id, or null. */
export async function queryImport(executor: Executor, id: string): Promise<ImportView | null> {
  const [row] = await executor
    .select({
      id: imports.id,
      fileName: imports.fileName,
      byteSize: imports.byteSize,
      sha256: imports.sha256,
      kind: imports.kind,
      encoding: imports.encoding,
      detectedEncoding: imports.detectedEncoding,
      sheet: imports.sheet,
      sheets: imports.sheets,
      header: imports.header,
      mapping: imports.mapping,
      status: imports.status,
      previewRun: imports.previewRun,
      rowsTotal: imports.rowsTotal,
      rowsProcessed: imports.rowsProcessed,
      counts: imports.counts,
      error: imports.error,
      version: imports.version,
      createdAt: imports.createdAt,
      updatedAt: imports.updatedAt,
      committedAt: imports.committedAt,
      createdByEmail: users.email,
    })
    .from(imports)
    .leftJoin(users, eq(users.id, imports.createdBy))
    .where(eq(imports.id, id));
  return row ?? null;
}

/** A row of the preview table. */
export interface ImportRowView {
  rowNumber: number;
  class: ImportRowClass;
  values: Record<string, string>;
  changes: Record<string, [string | null, string | null]> | null;
  error: string | null;
  nearMatch: string | null;
  decision: string | null;
}

/** One page of an import's current preview rows in file order, of one class or all, with the total. */
export async function queryImportRows(
  executor: Executor,
  imp: { id: string; previewRun: number },
  filter: { class?: ImportRowClass; page: number },
): Promise<{ rows: ImportRowView[]; total: number }> {
  const where = and(eq(importRows.importId, imp.id), eq(importRows.run, imp.previewRun), filter.class ? eq(importRows.class, filter.class) : undefined);
  const [rows, [count]] = await Promise.all([
    executor
      .select({
        rowNumber: importRows.rowNumber,
        class: importRows.class,
        values: importRows.values,
        changes: importRows.changes,
        error: importRows.error,
        nearMatch: importRows.nearMatch,
        decision: importRows.decision,
      })
      .from(importRows)
      .where(where)
      .orderBy(importRows.rowNumber)
      .limit(IMPORT_ROWS_PAGE_SIZE)
      .offset((filter.page - 1) * IMPORT_ROWS_PAGE_SIZE),
    executor.select({ n: sql<number>`count(*)::int` }).from(importRows).where(where),
  ]);
  return { rows, total: count?.n ?? 0 };
}

/** The latest imports (newest first), for the upload page. */
export async function queryRecentImports(executor: Executor, limit = 10): Promise<Array<Pick<ImportView, 'id' | 'fileName' | 'status' | 'rowsTotal' | 'createdAt' | 'createdByEmail'>>> {
  return executor
    .select({
      id: imports.id,
      fileName: imports.fileName,
      status: imports.status,
      rowsTotal: imports.rowsTotal,
      createdAt: imports.createdAt,
      createdByEmail: users.email,
    })
    .from(imports)
    .leftJoin(users, eq(users.id, imports.createdBy))
    .orderBy(desc(imports.createdAt))
    .limit(limit);
}

/** The stored bytes of an import's file, or null when gone (committed, discarded). Server only, never sent out. */
export async function queryImportContent(executor: Executor, id: string): Promise<Uint8Array | null> {
  const [row] = await executor.select({ content: imports.content }).from(imports).where(eq(imports.id, id));
  return row?.content ?? null;
}
