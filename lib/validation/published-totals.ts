import { z } from 'zod';
import { isAfterTodayEverywhere, isCalendarDate } from '../calendar-date';
import { isWebAddress } from './activities';
import { optionalText, recordRef } from './fields';

// The form of an office's published count of its network (`/dashboard/announcements/new`, `.../[id]/edit`), shared
// by the client form (zodResolver) and the server actions. Messages are catalogue keys: 'validation.*' (shared) or
// 'publishedTotals.*' (this feature's own).

/** The longest texts, in characters. */
export const PUBLISHED_TOTAL_LIMITS = { sourceTitle: 300, sourceUrl: 2000, note: 2000 } as const;

/** The largest count accepted: far above any city's network, far below PostgreSQL's integer. */
export const MAX_PUBLISHED_COUNT = 100_000;

/** The six counts of an announcement, in the order the form and the list show them. */
export const PUBLISHED_COUNT_FIELDS = ['partners', 'countries', 'sisterPartners', 'sisterCountries', 'friendlyPartners', 'friendlyCountries'] as const;
export type PublishedCountField = (typeof PUBLISHED_COUNT_FIELDS)[number];

/** A count as staff type it ('99', ' 1 200 ', '1,200'), without spaces or thousands separators. */
const compact = (v: string | undefined) => (v ?? '').replace(/[\s,\u00a0\u202f]/g, '');

/**
 * A count: a whole number from 0 to MAX_PUBLISHED_COUNT. '' and absent are null, or 'validation.required' when the
 * announcement must give it. Checked by a refinement (not inside the transform), so every message shows at once.
 */
function count<Required extends boolean>(required: Required) {
  return z
    .string({ message: 'validation.invalid' })
    .trim()
    .max(20, { message: 'publishedTotals.countNumber' })
    .optional()
    .superRefine((v, ctx) => {
      const text = compact(v);
      if (!text) {
        if (required) ctx.addIssue({ code: 'custom', message: 'validation.required' });
      } else if (!/^\d+$/.test(text)) ctx.addIssue({ code: 'custom', message: 'publishedTotals.countNumber' });
      else if (Number(text) > MAX_PUBLISHED_COUNT) ctx.addIssue({ code: 'custom', message: 'publishedTotals.countTooLarge' });
    })
    // A required count that got here passed the refinement above, so it is a number.
    .transform((v) => countOf(v) as Required extends true ? number : number | null);
}

const announcedOn = z
  .string({ message: 'validation.required' })
  .trim()
  .min(1, { message: 'validation.required' })
  .refine(isCalendarDate, { message: 'validation.date' })
  // Recorded once it was announced; a date that is already today somewhere on Earth is not refused.
  .refine((v) => !isCalendarDate(v) || !isAfterTodayEverywhere(v), { message: 'publishedTotals.futureDate' })
  // The registry's dates, and the dashboard's "as of", start in 1900: an earlier announcement is a typing slip.
  .refine((v) => !isCalendarDate(v) || v >= '1900-01-01', { message: 'publishedTotals.tooEarlyDate' });

/** An http(s) address with a host; '' and absent are null. */
const sourceUrl = z
  .string({ message: 'validation.invalid' })
  .trim()
  .max(PUBLISHED_TOTAL_LIMITS.sourceUrl, { message: 'validation.tooLong' })
  .optional()
  .refine((v) => !v || isWebAddress(v), { message: 'publishedTotals.sourceUrlInvalid' })
  .transform((v) => v || null);

const publishedTotalFields = {
  announcedOn,
  partners: count(true),
  countries: count(false),
  sisterPartners: count(false),
  sisterCountries: count(false),
  friendlyPartners: count(false),
  friendlyCountries: count(false),
  sourceTitle: optionalText(PUBLISHED_TOTAL_LIMITS.sourceTitle),
  sourceUrl,
  note: optionalText(PUBLISHED_TOTAL_LIMITS.note),
};

type Parsed = z.output<z.ZodObject<typeof publishedTotalFields>>;

const textOf = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
/** A count as parsed, or as sent when zod did not transform it; null when blank or not a number. */
function countOf(v: unknown): number | null {
  if (typeof v === 'number') return v;
  const text = compact(textOf(v));
  return /^\d+$/.test(text) ? Number(text) : null;
}

/**
 * The parts may not exceed the whole: sister plus friendly partners at most all partners (other types, such as
 * sister provinces, may make up the rest); each set's countries at most its partners (every partner is in one
 * country) and at most all countries; a set's countries only with its partners. Each refusal names the part.
 */
function partsWithinWhole(value: Parsed, ctx: z.RefinementCtx) {
  // zod runs this check also when some field was refused, and then hands over every field as it was sent (text):
  // the counts are read again here, and one that is not a number is left out of the comparisons.
  const v = Object.fromEntries(PUBLISHED_COUNT_FIELDS.map((f) => [f, countOf(value[f])])) as Record<PublishedCountField, number | null>;
  const issue = (path: PublishedCountField, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  const exceeds = (part: number | null, whole: number | null) => part !== null && whole !== null && part > whole;
  if (exceeds(v.sisterPartners, v.partners)) issue('sisterPartners', 'publishedTotals.partExceedsPartners');
  else if (exceeds(v.friendlyPartners, v.partners)) issue('friendlyPartners', 'publishedTotals.partExceedsPartners');
  else if (v.partners !== null && (v.sisterPartners ?? 0) + (v.friendlyPartners ?? 0) > v.partners) issue('friendlyPartners', 'publishedTotals.partsExceedPartners');
  if (exceeds(v.countries, v.partners)) issue('countries', 'publishedTotals.countriesExceedPartners');
  for (const set of ['sister', 'friendly'] as const) {
    const partners = v[`${set}Partners`];
    const countries = v[`${set}Countries`];
    const field = `${set}Countries` as const;
    if (countries === null) continue;
    // Only when the part's partners were left blank, not when they were refused.
    if (partners === null) {
      if (!compact(textOf(value[`${set}Partners`]))) issue(field, 'publishedTotals.countriesWithoutPartners');
    } else if (countries > partners) issue(field, 'publishedTotals.countriesExceedPartners');
    else if (exceeds(countries, v.countries)) issue(field, 'publishedTotals.partExceedsCountries');
  }
}

/** A new announcement: its date (YYYY-MM-DD, not after today), the counts it gives, its source and a note. */
export const publishedTotalInputSchema = z.object(publishedTotalFields).superRefine(partsWithinWhole);

/** A change to an announcement at the version the editor opened. */
export const publishedTotalUpdateSchema = z
  .object({ ...publishedTotalFields, ...recordRef })
  .superRefine(partsWithinWhole);

export type PublishedTotalInput = z.output<typeof publishedTotalInputSchema>;
export type PublishedTotalUpdate = z.output<typeof publishedTotalUpdateSchema>;

/** Delete or restore: which announcement, at which version. */
export const publishedTotalRefSchema = z.object(recordRef);
