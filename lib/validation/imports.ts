import { z } from 'zod';
import { IMPORT_ROW_CLASSES } from '../import-domain';
import { recordRef } from './fields';

// The import pages' forms and query string. Messages are catalogue keys. Which field names a mapping may use is
// checked by the action against lib/import's IMPORT_FIELDS (this module stays free of it, for the client).

/** Longest header, sheet or encoding name a form sends back, in characters. */
const NAME_MAX = 200;

/**
 * How to read an import (/partnerships/import/[id]): the column mapping (one entry per column of the header in
 * order: an import field's name, or '' to ignore the column), and for a CSV the encoding, for an XLSX the sheet.
 */
export const importReadingSchema = z.object({
  ...recordRef,
  mapping: z.array(z.string().trim().max(NAME_MAX), { message: 'validation.invalid' }).max(1000).optional().default([]),
  encoding: z.string().trim().max(NAME_MAX).optional().transform((v) => v || undefined),
  sheet: z.string().trim().max(NAME_MAX).optional().transform((v) => v || undefined),
});

/** Commit or discard: which import, at which version. */
export const importRefSchema = z.object(recordRef);

/** The user's decision on one possible duplicate of the preview. */
export const duplicateDecisionSchema = z.object({
  ...recordRef,
  rowNumber: z.coerce.number({ message: 'validation.invalid' }).int().min(1).max(10_000_000),
  decision: z.enum(['accept', 'skip'], { message: 'validation.invalid' }),
});

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/** The preview table's query string: one class or all, and the page; anything malformed means the default. */
export const importRowsFilterSchema = z.object({
  class: z.preprocess(first, z.enum(IMPORT_ROW_CLASSES).optional().catch(undefined)),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(100_000).catch(1).default(1)),
});

export type ImportReading = z.output<typeof importReadingSchema>;
