import { z } from 'zod';

// Building blocks of the form schemas. Messages are catalogue keys.

/** Optional free text: trimmed; '' and absent become null; longer than `max` characters is 'validation.tooLong'. */
export function optionalText(max: number) {
  return z
    .string({ message: 'validation.invalid' })
    .trim()
    .max(max, { message: 'validation.tooLong' })
    .optional()
    .transform((v) => v || null);
}

/** A checkbox: 'on' (or 'true', or true from react-hook-form) when ticked, absent or 'false' when not. */
export const checkbox = z
  .union([z.literal('on'), z.literal('true'), z.literal('false'), z.literal(''), z.boolean()])
  .optional()
  .transform((v) => v === 'on' || v === 'true' || v === true);

/** The version of a record the user started from (optimistic concurrency): a positive integer. */
export const versionField = z.coerce.number({ message: 'validation.invalid' }).int().positive({ message: 'validation.invalid' });

/**
 * A record and the version of it the user started from: `{ id, version }` (a uuid, a positive integer), the fields
 * an edit adds to its form and all that a delete or a restore sends.
 */
export const recordRef = { id: z.uuid({ message: 'validation.invalid' }), version: versionField };
