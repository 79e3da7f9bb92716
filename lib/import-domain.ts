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
