import { z } from 'zod';
import { formFields } from '../form-data';
import { parsePartialDate, type PartialDate } from '../calendar-date';
import { ACTIVITY_DIRECTIONS, ACTIVITY_KINDS, ACTIVITY_STATUSES, COOPERATION_FIELDS } from '../domain';
import { checkbox, optionalText, versionField } from './fields';
import { MAX_SEARCH_LENGTH, queryText } from './search-params';

// The activity form's schema, shared by the client form (zodResolver) and the server actions. Messages are
// catalogue keys: 'validation.*' (shared) or 'activities.*' (this feature's own).

/** The longest texts, in characters. */
export const ACTIVITY_LIMITS = { title: 300, description: 5000, place: 200, notes: 5000, item: 200, unit: 50, name: 200, role: 200, milestoneNote: 1000, link: 2000 } as const;

/** How many rows of each kind the form offers before JavaScript adds more, and the most it accepts. */
export const ACTIVITY_SLOTS = {
  partners: { empty: 3, max: 100 },
  quantities: { empty: 3, max: 300 },
  organisations: { empty: 2, max: 30 },
  milestones: { empty: 2, max: 30 },
} as const;
export type ActivityRowKind = keyof typeof ACTIVITY_SLOTS;

/** The most links an activity keeps. */
export const MAX_LINKS = 20;
/** The largest amount or value numeric(18, 2) holds: 16 digits before the point. */
const MAX_INTEGER_DIGITS = 16;
/** The most participants one activity can have. */
export const MAX_PARTICIPANTS = 10_000_000;

/** The ISO 4217 currencies this runtime knows (CNY, USD, PKR ...), from Intl. */
export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && (Intl.supportedValuesOf('currency') as string[]).includes(code);
}

/**
 * An amount as staff type it: '20000', '20,000', '12.5', '1 200'. Returns the stored decimal text ('20000',
 * '12.5') or the catalogue key of what is wrong: negative, not a number (or more than two decimals), too large.
 */
export function parseAmount(text: string): { value: string } | { problem: string } {
  const compact = text.replace(/[\s,\u00a0\u202f]/g, '');
  if (/^-\d*\.?\d*$/.test(compact) && compact !== '-') return { problem: 'activities.amountNegative' };
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(compact);
  if (!m) return { problem: 'activities.amountNumber' };
  const integer = m[1]!.replace(/^0+(?=\d)/, '');
  if (integer.length > MAX_INTEGER_DIGITS) return { problem: 'activities.amountTooLarge' };
  const decimals = (m[2] ?? '').replace(/0+$/, '');
  return { value: decimals ? `${integer}.${decimals}` : integer };
}

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * Free text for an optional amount: trimmed; '' and absent are null; otherwise it must read as an amount. Checked
 * by a refinement (not inside the transform), so the form's other rules still run and every message shows at once.
 */
const amountText = z
  .string({ message: 'validation.invalid' })
  .trim()
  .max(40, { message: 'activities.amountNumber' })
  .optional()
  .superRefine((v, ctx) => {
    const parsed = v ? parseAmount(v) : null;
    if (parsed && 'problem' in parsed) ctx.addIssue({ code: 'custom', message: parsed.problem });
  })
  .transform((v) => {
    const parsed = v ? parseAmount(v) : null;
    return parsed && 'value' in parsed ? parsed.value : null;
  });

/** A date known to a year, a month or a day: '2020', '2020-10', '2020-10-25'. */
const partialDate = z
  .string({ message: 'validation.invalid' })
  .trim()
  .max(10, { message: 'validation.partialDate' })
  .optional()
  .refine((v) => !v || parsePartialDate(v) !== null, { message: 'validation.partialDate' })
  .transform((v) => v || null);

const partnershipChoice = z
  .string({ message: 'validation.invalid' })
  .trim()
  .optional()
  .refine((v) => !v || z.uuid().safeParse(v).success, { message: 'activities.choosePartnership' })
  .transform((v) => v || null);

const partnerRow = z.object({
  partnershipId: partnershipChoice,
  status: z.enum(ACTIVITY_STATUSES, { message: 'validation.invalid' }).default('completed'),
});

const quantityRow = z.object({
  // '' is the activity as a whole; otherwise one of the activity's partnerships.
  partnershipId: partnershipChoice,
  itemEn: optionalText(ACTIVITY_LIMITS.item),
  itemZh: optionalText(ACTIVITY_LIMITS.item),
  amount: amountText,
  unit: optionalText(ACTIVITY_LIMITS.unit),
});

const organisationRow = z.object({
  nameEn: optionalText(ACTIVITY_LIMITS.name),
  nameZh: optionalText(ACTIVITY_LIMITS.name),
  roleEn: optionalText(ACTIVITY_LIMITS.role),
  roleZh: optionalText(ACTIVITY_LIMITS.role),
});

const milestoneRow = z.object({
  date: partialDate,
  titleEn: optionalText(ACTIVITY_LIMITS.title),
  titleZh: optionalText(ACTIVITY_LIMITS.title),
  note: optionalText(ACTIVITY_LIMITS.milestoneNote),
});

function rows<T extends z.ZodType>(row: T, max: number) {
  return z
    .array(row, { message: 'validation.invalid' })
    .max(max, { message: 'activities.tooManyRows' })
    .optional()
    .transform((v) => (v ?? []) as Array<z.output<T>>);
}

/** Links, one http(s) address per line; blank lines are dropped, repeats kept once. */
const linkLines = (text: string | undefined) => [...new Set((text ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean))];
const links = z
  .string({ message: 'validation.invalid' })
  .max(MAX_LINKS * (ACTIVITY_LIMITS.link + 2), { message: 'validation.tooLong' })
  .optional()
  .superRefine((text, ctx) => {
    const lines = linkLines(text);
    if (lines.length > MAX_LINKS) ctx.addIssue({ code: 'custom', message: 'activities.tooManyLinks' });
    else if (lines.some((line) => line.length > ACTIVITY_LIMITS.link || !isWebAddress(line))) ctx.addIssue({ code: 'custom', message: 'activities.link' });
  })
  .transform(linkLines);

/** Whether a line is an absolute http or https address with a host. */
export function isWebAddress(text: string): boolean {
  if (/\s/.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** Participants as typed, without spaces or thousands separators. */
const participantsText = (v: string | undefined) => (v ?? '').replace(/[\s,]/g, '');

const activityFields = {
  kind: z.enum(ACTIVITY_KINDS, { message: 'validation.invalid' }),
  status: z.enum(ACTIVITY_STATUSES, { message: 'validation.invalid' }),
  direction: z.enum(ACTIVITY_DIRECTIONS, { message: 'validation.invalid' }),
  titleEn: z
    .string({ message: 'validation.required' })
    .trim()
    .min(1, { message: 'validation.required' })
    .max(ACTIVITY_LIMITS.title, { message: 'validation.tooLong' }),
  titleZh: optionalText(ACTIVITY_LIMITS.title),
  descriptionEn: optionalText(ACTIVITY_LIMITS.description),
  descriptionZh: optionalText(ACTIVITY_LIMITS.description),
  started: partialDate,
  ended: partialDate,
  placeEn: optionalText(ACTIVITY_LIMITS.place),
  placeZh: optionalText(ACTIVITY_LIMITS.place),
  cooperationFields: z
    .array(z.enum(COOPERATION_FIELDS, { message: 'validation.invalid' }), { message: 'validation.invalid' })
    .max(COOPERATION_FIELDS.length)
    .optional()
    .transform((v) => [...new Set(v ?? [])]),
  valueAmount: amountText,
  valueCurrency: z
    .string({ message: 'validation.invalid' })
    .trim()
    .toUpperCase()
    .max(3, { message: 'activities.currency' })
    .optional()
    .refine((v) => !v || isCurrencyCode(v), { message: 'activities.currency' })
    .transform((v) => v || null),
  participants: z
    .string({ message: 'validation.invalid' })
    .trim()
    .optional()
    .superRefine((v, ctx) => {
      const compact = participantsText(v);
      if (compact && (!/^\d{1,9}$/.test(compact) || Number(compact) > MAX_PARTICIPANTS)) {
        ctx.addIssue({ code: 'custom', message: compact.startsWith('-') ? 'activities.amountNegative' : 'activities.participantsNumber' });
      }
    })
    .transform((v) => {
      const compact = participantsText(v);
      return compact && /^\d{1,9}$/.test(compact) ? Number(compact) : null;
    }),
  links,
  internalNotes: optionalText(ACTIVITY_LIMITS.notes),
  isPublic: checkbox,
  partners: rows(partnerRow, ACTIVITY_SLOTS.partners.max),
  quantities: rows(quantityRow, ACTIVITY_SLOTS.quantities.max),
  organisations: rows(organisationRow, ACTIVITY_SLOTS.organisations.max),
  milestones: rows(milestoneRow, ACTIVITY_SLOTS.milestones.max),
};

type Parsed = z.output<z.ZodObject<typeof activityFields>>;

/** The last day a partial date covers: 2020 runs to 2020-12-31, 2020-02 to 2020-02-29. */
export function lastDayOf(date: PartialDate): string {
  if (date.precision === 'day') return date.on;
  const [y, m] = date.on.split('-').map(Number) as [number, number];
  if (date.precision === 'year') return `${String(y).padStart(4, '0')}-12-31`;
  const days = new Date(Date.UTC(2000, m, 0)).getUTCDate();
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${date.on.slice(0, 7)}-${String(m === 2 ? (leap ? 29 : 28) : days).padStart(2, '0')}`;
}

function activityRules(value: Parsed, ctx: z.RefinementCtx) {
  const started = value.started ? parsePartialDate(value.started) : null;
  const ended = value.ended ? parsePartialDate(value.ended) : null;
  if (started && ended) {
    // The end may not finish before the start begins; and as stored (each date's first day) it may not come first.
    if (lastDayOf(ended) < started.on) ctx.addIssue({ code: 'custom', path: ['ended'], message: 'validation.endBeforeStart' });
    else if (ended.on < started.on) ctx.addIssue({ code: 'custom', path: ['ended'], message: 'activities.endPrecision' });
  }
  if (ended && !value.started) ctx.addIssue({ code: 'custom', path: ['started'], message: 'activities.startForEnd' });
  if (value.valueAmount !== null && !value.valueCurrency) ctx.addIssue({ code: 'custom', path: ['valueCurrency'], message: 'activities.currency' });
  if (value.valueAmount === null && value.valueCurrency) ctx.addIssue({ code: 'custom', path: ['valueAmount'], message: 'activities.amountForCurrency' });

  const partners = new Set<string>();
  value.partners.forEach((p, i) => {
    if (!p.partnershipId) return;
    if (partners.has(p.partnershipId)) ctx.addIssue({ code: 'custom', path: ['partners', i, 'partnershipId'], message: 'activities.duplicatePartner' });
    partners.add(p.partnershipId);
  });
  if (partners.size === 0) ctx.addIssue({ code: 'custom', path: ['partners', 0, 'partnershipId'], message: 'activities.partnerRequired' });

  value.quantities.forEach((q, i) => {
    // A row whose item, amount and unit are empty is an empty slot, whoever it names.
    const used = q.itemEn || q.itemZh || q.amount !== null || q.unit;
    if (!used) return;
    if (!q.itemEn) ctx.addIssue({ code: 'custom', path: ['quantities', i, 'itemEn'], message: 'validation.required' });
    if (q.amount === null) ctx.addIssue({ code: 'custom', path: ['quantities', i, 'amount'], message: 'validation.required' });
    if (q.partnershipId && !partners.has(q.partnershipId)) {
      ctx.addIssue({ code: 'custom', path: ['quantities', i, 'partnershipId'], message: 'activities.quantityPartner' });
    }
  });
  value.organisations.forEach((o, i) => {
    if ((o.nameZh || o.roleEn || o.roleZh) && !o.nameEn) ctx.addIssue({ code: 'custom', path: ['organisations', i, 'nameEn'], message: 'validation.required' });
  });
  value.milestones.forEach((m, i) => {
    if ((m.date || m.titleZh || m.note) && !m.titleEn) ctx.addIssue({ code: 'custom', path: ['milestones', i, 'titleEn'], message: 'validation.required' });
  });
}

/** The rows as stored: empty slots dropped (after the checks, so an error names the slot typed in). */
function dropEmptyRows(value: Parsed) {
  return {
    ...value,
    partners: value.partners.filter((p): p is { partnershipId: string; status: Parsed['status'] } => Boolean(p.partnershipId)),
    quantities: value.quantities
      .filter((q) => q.itemEn && q.amount !== null)
      .map((q) => ({ ...q, itemEn: q.itemEn!, amount: q.amount! })),
    organisations: value.organisations.filter((o) => o.nameEn).map((o) => ({ ...o, nameEn: o.nameEn! })),
    milestones: value.milestones.filter((m) => m.titleEn).map((m) => ({ ...m, titleEn: m.titleEn! })),
  };
}

/** A new activity (`/activities/new`). */
export const activityInputSchema = z.object(activityFields).superRefine(activityRules).transform(dropEmptyRows);

/** A change to an activity at the version the editor opened (`/activities/[id]/edit`); child rows are replaced. */
export const activityUpdateSchema = z
  .object({ ...activityFields, id: z.uuid({ message: 'validation.invalid' }), version: versionField })
  .superRefine(activityRules)
  .transform((v) => ({ ...dropEmptyRows(v), id: v.id, version: v.version }));

export type ActivityInput = z.output<typeof activityInputSchema>;
export type ActivityUpdate = z.output<typeof activityUpdateSchema>;

/** Delete or restore: which activity, at which version. */
export const activityRefSchema = z.object({
  id: z.uuid({ message: 'validation.invalid' }),
  version: versionField,
});

const ROW_FIELDS: Record<ActivityRowKind, readonly string[]> = {
  partners: ['partnershipId', 'status'],
  quantities: ['partnershipId', 'itemEn', 'itemZh', 'amount', 'unit'],
  organisations: ['nameEn', 'nameZh', 'roleEn', 'roleZh'],
  milestones: ['date', 'titleEn', 'titleZh', 'note'],
};

/**
 * The activity form's FormData as the schema's input: row `i` of a repeated section arrives as `partners.i.status`,
 * `quantities.i.amount` ... (react-hook-form's names), in index order; cooperation fields as a list. Rows past a
 * section's maximum are counted, so the schema refuses them rather than dropping them unseen.
 */
export function activityFormFields(formData: unknown): Record<string, unknown> {
  if (!(formData instanceof FormData)) return {};
  const fields: Record<string, unknown> = formFields(formData, ['cooperationFields']);
  for (const [section, names] of Object.entries(ROW_FIELDS) as Array<[ActivityRowKind, readonly string[]]>) {
    const indices = new Set<number>();
    for (const key of Object.keys(fields)) {
      const m = new RegExp(`^${section}\\.(\\d{1,4})\\.`).exec(key);
      if (m) indices.add(Number(m[1]));
    }
    const list = [...indices]
      .sort((a, b) => a - b)
      .map((i) => Object.fromEntries(names.map((n) => [n, fields[`${section}.${i}.${n}`]]).filter(([, v]) => v !== undefined)));
    fields[section] = list;
  }
  for (const key of Object.keys(fields)) if (/^(partners|quantities|organisations|milestones)\./.test(key)) delete fields[key];
  return fields;
}

// ---- the list's query string ---------------------------------------------------------------------------------

/** Rows per page of the staff list. */
export const ACTIVITIES_PAGE_SIZE = 50;

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
function choice<T extends readonly [string, ...string[]]>(values: T) {
  return z.preprocess(first, z.enum(values).optional().catch(undefined));
}

/**
 * The staff list's filters from the query string: search text (titles, place), kind, status, direction, partner
 * (a partnership), partner country, cooperation field, a year the activity ran in, public or internal, page and
 * (admins) deleted records. Malformed values are dropped, not refused, except an over-long search.
 */
export const activityFilterSchema = z.object({
  q: queryText(MAX_SEARCH_LENGTH),
  kind: choice(ACTIVITY_KINDS),
  status: choice(ACTIVITY_STATUSES),
  direction: choice(ACTIVITY_DIRECTIONS),
  partnership: z.preprocess(first, z.uuid().optional().catch(undefined)),
  country: z.preprocess(first, z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/).optional().catch(undefined)),
  field: choice(COOPERATION_FIELDS),
  year: z.preprocess(first, z.coerce.number().int().min(1900).max(2100).optional().catch(undefined)),
  visibility: choice(['public', 'internal'] as const),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(100_000).catch(1).default(1)),
  deleted: z.preprocess(first, z.literal('1').optional().catch(undefined)),
});

export type ActivityFilter = z.output<typeof activityFilterSchema>;
