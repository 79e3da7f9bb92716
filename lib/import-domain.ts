// The closed sets of the spreadsheet import, shared by the database enums, the pages and the engine. Pure.

/**
 * Where an import stands: being classified, previewed (waiting for the user), being committed, committed,
 * failed (the last preview or commit did not finish: see its error), discarded by the user.
 */
export const IMPORT_STATUSES = ['previewing', 'previewed', 'committing', 'committed', 'failed', 'discarded'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** The class of one row of an import against the registry (see db/imports/classify.ts). */
export const IMPORT_ROW_CLASSES = ['new', 'update', 'unchanged', 'duplicate', 'error'] as const;
export type ImportRowClass = (typeof IMPORT_ROW_CLASSES)[number];

/** Statuses in which the import's page refreshes itself to show progress. */
export const IMPORT_BUSY: readonly ImportStatus[] = ['previewing', 'committing'];

/**
 * How long a preview or commit may go without reporting progress before it counts as stopped (its server was
 * restarted or died: a commit's transaction then rolled back): the user may then preview again or discard it.
 */
export const IMPORT_STALL_MS = 10 * 60_000;

/** Whether an import's preview or commit has stopped reporting progress (see IMPORT_STALL_MS). */
export function importStalled(row: { status: ImportStatus; updatedAt: Date }, now: Date = new Date()): boolean {
  return IMPORT_BUSY.includes(row.status) && now.getTime() - row.updatedAt.getTime() > IMPORT_STALL_MS;
}
