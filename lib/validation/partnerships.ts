import { z } from 'zod';
import { checkbox, optionalText, versionField } from './fields';
import { isAfterTodayEverywhere, parsePartialDate } from '../calendar-date';
import { CONCLUDED_STATUSES, COOPERATION_FIELDS, LOCALITY_LEVELS, PARTNERSHIP_STATUSES, PARTNERSHIP_TYPES, type PartnershipStatus } from '../domain';
import { MAX_SEARCH_LENGTH, queryText } from './search-params';

// One schema per form, shared by the client form (zodResolver) and the server action. Messages are catalogue keys.

/** The longest texts, in characters. */
export const LIMITS = { basis: 500, summary: 2000, notes: 5000 } as const;


const partnershipFields = {
  partnerLocalityId: z.uuid({ message: 'validation.choosePartner' }),
  type: z.enum(PARTNERSHIP_TYPES, { message: 'validation.invalid' }),
  status: z.enum(PARTNERSHIP_STATUSES, { message: 'validation.invalid' }),
  // '1979', '1996-08' or '1979-05-02': the precision is what was typed.
  established: z
    .string({ message: 'validation.invalid' })
    .trim()
    .optional()
    .refine((v) => !v || parsePartialDate(v) !== null, { message: 'validation.partialDate' }),
  establishedBasis: optionalText(LIMITS.basis),
  cooperationFields: z
    .array(z.enum(COOPERATION_FIELDS, { message: 'validation.invalid' }), { message: 'validation.invalid' })
    .max(COOPERATION_FIELDS.length)
    .optional()
    .transform((v) => [...new Set(v ?? [])]),
  summaryEn: optionalText(LIMITS.summary),
  summaryZh: optionalText(LIMITS.summary),
  internalNotes: optionalText(LIMITS.notes),
  isPublic: checkbox,
};

function noFutureDateForConcludedTie(value: { status: PartnershipStatus; established?: string }, ctx: z.RefinementCtx) {
  const date = value.established ? parsePartialDate(value.established) : null;
  if (date && CONCLUDED_STATUSES.includes(value.status) && isAfterTodayEverywhere(date.on)) {
    ctx.addIssue({ code: 'custom', path: ['established'], message: 'validation.futureDate' });
  }
}

/** Value of partnerLocalityId meaning "a new locality, from the gazetteer fields below". */
export const NEW_LOCALITY = 'new';

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

// A partner not yet in the registry, as picked from the gazetteer: the English name, country and coordinates come
// from GeoNames or ISO 3166-2; staff type the Chinese name and may correct the level.
const newLocalityFields = {
  newNameEn: optionalText(200),
  newNameZh: optionalText(100),
  newCountry: z
    .string({ message: 'validation.invalid' })
    .trim()
    .toUpperCase()
    .optional()
    .transform((v) => v || null),
  newLevel: z.enum(LOCALITY_LEVELS, { message: 'validation.invalid' }).optional(),
  newLatitude: z.preprocess(blankToUndefined, z.coerce.number({ message: 'validation.invalid' }).min(-90).max(90).optional()),
  newLongitude: z.preprocess(blankToUndefined, z.coerce.number({ message: 'validation.invalid' }).min(-180).max(180).optional()),
  newSource: optionalText(100),
};

/** Whether a code is an assigned ISO 3166-1 alpha-2 country code (one Intl.DisplayNames can name). */
function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code)) return false;
  const name = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' }).of(code);
  return Boolean(name);
}

function newLocalityComplete(
  value: { partnerLocalityId: string; newNameEn: string | null; newNameZh: string | null; newCountry: string | null; newLevel?: string },
  ctx: z.RefinementCtx,
) {
  if (value.partnerLocalityId !== NEW_LOCALITY) return;
  if (!value.newNameEn) ctx.addIssue({ code: 'custom', path: ['newNameEn'], message: 'validation.required' });
  if (!value.newNameZh) ctx.addIssue({ code: 'custom', path: ['newNameZh'], message: 'validation.required' });
  if (!value.newCountry || !isCountryCode(value.newCountry)) ctx.addIssue({ code: 'custom', path: ['newCountry'], message: 'validation.country' });
  if (!value.newLevel) ctx.addIssue({ code: 'custom', path: ['newLevel'], message: 'validation.invalid' });
}

/**
 * A new partnership from the form (`/partnerships/new`): the partner is a locality of the registry (its id) or,
 * with partnerLocalityId 'new', one picked from the gazetteer (the new* fields); the home side is the home city
 * unless `homeLocalityId` names another locality of the registry.
 */
export const partnershipInputSchema = z
  .object({
    ...partnershipFields,
    partnerLocalityId: z.union([z.uuid({ message: 'validation.choosePartner' }), z.literal(NEW_LOCALITY)], { message: 'validation.choosePartner' }),
    // The home side: absent for the home city's own ties; another locality of the registry for a related tie
    // (Zhengzhou-Lahore beside Guangzhou-Lahore).
    homeLocalityId: z.preprocess(blankToUndefined, z.uuid({ message: 'validation.invalid' }).optional()),
    ...newLocalityFields,
  })
  .superRefine((value, ctx) => {
    noFutureDateForConcludedTie(value, ctx);
    newLocalityComplete(value, ctx);
  });

/**
 * A change to a partnership, at the version the editor started from (`/partnerships/[id]/edit`). The status is not
 * part of it: it changes by a lifecycle step (lifecycleStepSchema), with its date, reason and document.
 */
const { status: _status, ...editableFields } = partnershipFields;
export const partnershipUpdateSchema = z.object({
  ...editableFields,
  id: z.uuid({ message: 'validation.invalid' }),
  version: versionField,
});

export type PartnershipInput = z.output<typeof partnershipInputSchema>;
export type PartnershipUpdate = z.output<typeof partnershipUpdateSchema>;
/** The tie's own fields, whichever form they came from, with the partner as a locality id. */
export type TieFields = Omit<PartnershipUpdate, 'id' | 'version'> & { status: PartnershipStatus };
/** A partner locality to create, from the gazetteer fields of the registration form. */
export interface NewLocalityInput {
  nameEn: string;
  nameZh: string;
  countryCode: string;
  level: (typeof LOCALITY_LEVELS)[number];
  latitude: number | null;
  longitude: number | null;
  source: string | null;
}

/** The new locality a parsed registration form asks for, or null when it names a locality of the registry. */
export function newLocalityOf(input: PartnershipInput): NewLocalityInput | null {
  if (input.partnerLocalityId !== NEW_LOCALITY) return null;
  return {
    nameEn: input.newNameEn!,
    nameZh: input.newNameZh!,
    countryCode: input.newCountry!,
    level: input.newLevel!,
    latitude: input.newLatitude ?? null,
    longitude: input.newLongitude ?? null,
    source: input.newSource,
  };
}

/** Delete or restore: which partnership, at which version. */
export const partnershipRefSchema = z.object({
  id: z.uuid({ message: 'validation.invalid' }),
  version: versionField,
});

/** The names a form action reads as lists (checkbox groups), for formFields. */
export const PARTNERSHIP_LIST_FIELDS = ['cooperationFields'] as const;

// ---- the list's query string ---------------------------------------------------------------------------------

/** Sort orders of the staff list; a leading '-' is descending. */
export const PARTNERSHIP_SORTS = ['partner', '-partner', 'established', '-established', 'country', 'updated', '-updated'] as const;
export type PartnershipSort = (typeof PARTNERSHIP_SORTS)[number];

/** Rows per page of the staff list. */
export const PARTNERSHIPS_PAGE_SIZE = 50;

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
/** An optional choice from a closed set; anything else (absent, unknown, repeated) means no filter. */
function choice<T extends readonly [string, ...string[]]>(values: T) {
  return z.preprocess(first, z.enum(values).optional().catch(undefined));
}
const year = z.preprocess(first, z.coerce.number().int().min(1900).max(2100).optional().catch(undefined));

/**
 * The staff list's filters from the query string: search text, type, status, country (ISO 3166-1 alpha-2),
 * cooperation field, level of the partner, public or internal, the home locality's ties or others', years
 * established (inclusive), sort, page, and (admins) deleted records. Malformed values are dropped, not refused,
 * except an over-long search, which the page reports.
 */
export const partnershipFilterSchema = z.object({
  q: queryText(MAX_SEARCH_LENGTH),
  type: choice(PARTNERSHIP_TYPES),
  status: choice(PARTNERSHIP_STATUSES),
  country: z.preprocess(first, z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/).optional().catch(undefined)),
  field: choice(COOPERATION_FIELDS),
  level: choice(LOCALITY_LEVELS),
  visibility: choice(['public', 'internal'] as const),
  scope: choice(['home', 'other'] as const),
  from: year,
  to: year,
  sort: z.preprocess(first, z.enum(PARTNERSHIP_SORTS).catch('partner').default('partner')),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(100_000).catch(1).default(1)),
  deleted: z.preprocess(first, z.literal('1').optional().catch(undefined)),
});

export type PartnershipFilter = z.output<typeof partnershipFilterSchema>;
