// The pure import library (lib/import/: readers, mapping, dates, names, cell values), re-exported in one place so the
// engine depends on its contract here only.
export { IMPORT_FIELDS, proposeMapping, usableMapping, type ImportField } from '../../lib/import/columns';
export { combineImportDates, parseImportDate } from '../../lib/import/dates';
export { isNearName, nameKey, resolveCountry } from '../../lib/import/names';
export { IMPORT_ENCODINGS, IMPORT_LIMITS, isImportEncoding, readImportFile, type ImportEncoding, type ImportRead } from '../../lib/import/read';
import { IMPORT_LIMITS } from '../../lib/import/read';

/** The largest import file accepted, in bytes: the upload route's limit and the form's hint. */
export const IMPORT_MAX_BYTES = IMPORT_LIMITS.bytes;
export { parseImportRow, type ImportValues } from '../../lib/import/values';

/** The values the file messages (`imports.file_*`) name: the size limit in MB, the most rows and columns. */
export const IMPORT_LIMIT_VALUES = {
  mb: Math.round(IMPORT_LIMITS.bytes / 1024 / 1024),
  rows: IMPORT_LIMITS.rows,
  columns: IMPORT_LIMITS.columns,
} as const;
