import { z } from 'zod';
import { isAfterTodayEverywhere, parsePartialDate } from '../calendar-date';
import { optionalText, versionField } from './fields';

// The locality page's forms: rename, a former name (add or correct), merge, undo a merge. One schema per form,
// shared by the client form (zodResolver) and the server action. Messages are catalogue keys.

/** The longest names and notes, in characters. */
export const NAME_LIMITS = { nameEn: 200, nameZh: 100, note: 500 } as const;

const id = z.uuid({ message: 'validation.invalid' });

/** A required name: trimmed, not blank, at most `max` characters. */
function requiredName(max: number) {
  return z
    .string({ message: 'validation.required' })
    .trim()
    .min(1, { message: 'validation.required' })
    .max(max, { message: 'validation.tooLong' });
}

/**
 * A date as staff type it ('1988', '2016-05', '2016-05-19'), kept as typed so its precision survives; '' and
 * absent become null. A date after today everywhere is refused: these dates record what has happened.
 */
const pastPartialDate = z
  .string({ message: 'validation.invalid' })
  .trim()
  .optional()
  .refine((v) => !v || parsePartialDate(v) !== null, { message: 'validation.partialDate' })
  .refine((v) => !v || !isAfterTodayEverywhere(parsePartialDate(v)?.on ?? ''), { message: 'validation.pastDate' })
  .transform((v) => v || null);

/** The same, required. */
const requiredPastPartialDate = pastPartialDate.refine((v) => v !== null, { message: 'validation.partialDate' });

/** Renames a locality at the version the editor saw: the names it takes and when; its old names become a former name. */
export const localityRenameSchema = z.object({
  id,
  version: versionField,
  nameEn: requiredName(NAME_LIMITS.nameEn),
  nameZh: requiredName(NAME_LIMITS.nameZh),
  renamedOn: requiredPastPartialDate,
});

/** Whether `from` is no later than `until`, comparing the first days the two dates stand for. */
function inOrder(value: { usedFrom: string | null; usedUntil: string | null }, ctx: z.RefinementCtx) {
  const from = value.usedFrom ? parsePartialDate(value.usedFrom) : null;
  const until = value.usedUntil ? parsePartialDate(value.usedUntil) : null;
  if (from && until && from.on > until.on) ctx.addIssue({ code: 'custom', path: ['usedUntil'], message: 'validation.endBeforeStart' });
}

/**
 * A former name of a locality (`localityId`, at the locality's `version`): a new one, or a correction of the one
 * `nameId` names. English name required; Chinese name, dates of use and a note optional.
 */
export const formerNameSchema = z
  .object({
    localityId: id,
    version: versionField,
    nameId: z.preprocess((v) => (v === '' ? undefined : v), id.optional()),
    nameEn: requiredName(NAME_LIMITS.nameEn),
    nameZh: optionalText(NAME_LIMITS.nameZh),
    usedFrom: pastPartialDate,
    usedUntil: pastPartialDate,
    note: optionalText(NAME_LIMITS.note),
  })
  .superRefine(inOrder);

/** Merges locality `mergedId` into locality `id` (at the version the editor saw), optionally dated. */
export const localityMergeSchema = z.object({
  id,
  version: versionField,
  mergedId: z.uuid({ message: 'validation.chooseLocality' }),
  mergedOn: pastPartialDate,
});

/** Undoes the merge of locality `id` (merged, at its version). */
export const localityRefSchema = z.object({ id, version: versionField });

export type LocalityRename = z.output<typeof localityRenameSchema>;
export type FormerNameInput = z.output<typeof formerNameSchema>;
export type LocalityMerge = z.output<typeof localityMergeSchema>;
