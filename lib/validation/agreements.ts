import { z } from 'zod';
import { formFields } from '../form-data';
import { checkbox, optionalText, versionField } from './fields';
import { isAfterTodayEverywhere, isCalendarDate, parsePartialDate } from '../calendar-date';
import { AGREEMENT_KINDS, COOPERATION_FIELDS, SIGNATORY_SIDES } from '../domain';

// The agreement form's schema, shared by the client form and the server action. Messages are catalogue keys.

/** The largest signed file, in bytes (20 MiB); the proxy refuses larger requests before reading them. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** How many signatory rows the form offers (two a side). */
export const SIGNATORY_SLOTS = 4;

/**
 * The uploaded file, if any: a File from the server's FormData or from the browser's file input (a FileList).
 * An empty input sends a nameless, empty File, which means no file. Larger than MAX_FILE_BYTES is refused here;
 * whether it is a PDF is decided by its bytes on the server (isPdf).
 */
const upload = z.preprocess(
  (v) => {
    const list = typeof FileList !== 'undefined' && v instanceof FileList ? v[0] : v;
    if (list instanceof File) return list.size === 0 && list.name === '' ? undefined : list;
    return list === '' || list === null ? undefined : list;
  },
  z
    .instanceof(File, { message: 'validation.invalid' })
    .refine((f) => f.size <= MAX_FILE_BYTES, { message: 'validation.fileTooLarge' })
    .refine((f) => f.size > 0, { message: 'validation.fileEmpty' })
    .optional(),
);

const signatorySchema = z.object({
  side: z.enum(SIGNATORY_SIDES, { message: 'validation.invalid' }),
  nameEn: optionalText(200),
  nameZh: optionalText(200),
  titleEn: optionalText(200),
  titleZh: optionalText(200),
});

const agreementFields = {
  kind: z.enum(AGREEMENT_KINDS, { message: 'validation.invalid' }),
  titleEn: z.string({ message: 'validation.required' }).trim().min(1, { message: 'validation.required' }).max(300, { message: 'validation.tooLong' }),
  titleZh: optionalText(300),
  signed: z
    .string({ message: 'validation.invalid' })
    .trim()
    .optional()
    .refine((v) => !v || parsePartialDate(v) !== null, { message: 'validation.partialDate' }),
  signedPlaceEn: optionalText(200),
  signedPlaceZh: optionalText(200),
  termEndsOn: z
    .string({ message: 'validation.invalid' })
    .trim()
    .optional()
    .refine((v) => !v || isCalendarDate(v), { message: 'validation.date' })
    .transform((v) => v || null),
  cooperationFields: z
    .array(z.enum(COOPERATION_FIELDS, { message: 'validation.invalid' }), { message: 'validation.invalid' })
    .max(COOPERATION_FIELDS.length)
    .optional()
    .transform((v) => [...new Set(v ?? [])]),
  summaryEn: optionalText(2000),
  summaryZh: optionalText(2000),
  isPublic: checkbox,
  // One row per slot of the form; empty slots are dropped after the checks (dropEmptySignatories), so an error
  // names the slot the user typed in.
  signatories: z
    .array(signatorySchema)
    .max(SIGNATORY_SLOTS)
    .optional()
    .transform((rows) => rows ?? []),
  file: upload,
  fileIsPublic: checkbox,
};

function agreementRules(
  value: { signed?: string; termEndsOn: string | null; signatories: Array<{ nameEn: string | null; nameZh: string | null; titleEn: string | null; titleZh: string | null }> },
  ctx: z.RefinementCtx,
) {
  const signed = value.signed ? parsePartialDate(value.signed) : null;
  if (signed && isAfterTodayEverywhere(signed.on)) ctx.addIssue({ code: 'custom', path: ['signed'], message: 'validation.futureDate' });
  if (signed && value.termEndsOn && value.termEndsOn < signed.on) {
    ctx.addIssue({ code: 'custom', path: ['termEndsOn'], message: 'validation.endBeforeStart' });
  }
  value.signatories.forEach((s, i) => {
    if ((s.titleEn || s.titleZh) && !s.nameEn && !s.nameZh) ctx.addIssue({ code: 'custom', path: ['signatories', i, 'nameEn'], message: 'validation.signatoryName' });
  });
}

type Signatory = z.output<typeof signatorySchema>;
function dropEmptySignatories<T extends { signatories: Signatory[] }>(value: T): T {
  return { ...value, signatories: value.signatories.filter((r) => r.nameEn || r.nameZh || r.titleEn || r.titleZh) };
}

/** A new agreement of partnership `partnershipId`, with its signatories and optionally its signed file. */
export const agreementInputSchema = z
  .object({ ...agreementFields, partnershipId: z.uuid({ message: 'validation.invalid' }) })
  .superRefine(agreementRules)
  .transform(dropEmptySignatories);

/** A change to an agreement at the version the editor opened; a file given is added beside the existing ones. */
export const agreementUpdateSchema = z
  .object({
    ...agreementFields,
    id: z.uuid({ message: 'validation.invalid' }),
    version: versionField,
  })
  .superRefine(agreementRules)
  .transform(dropEmptySignatories);

export type AgreementInput = z.output<typeof agreementInputSchema>;
export type AgreementUpdate = z.output<typeof agreementUpdateSchema>;

/** An agreement or file to delete, at the agreement's version. */
export const agreementRefSchema = z.object({
  id: z.uuid({ message: 'validation.invalid' }),
  version: versionField,
});

/**
 * The agreement form's FormData as the schema's input: signatory slot `i` arrives as `signatories.i.side`,
 * `signatories.i.nameEn` ... (react-hook-form's names), cooperation fields as a list, the file as a File.
 */
export function agreementFormFields(formData: unknown): Record<string, unknown> {
  if (!(formData instanceof FormData)) return {};
  const fields: Record<string, unknown> = formFields(formData, ['cooperationFields']);
  const signatories = [];
  for (let i = 0; i < SIGNATORY_SLOTS; i++) {
    const get = (k: string) => fields[`signatories.${i}.${k}`];
    if (get('side') === undefined) continue;
    signatories.push({ side: get('side'), nameEn: get('nameEn'), nameZh: get('nameZh'), titleEn: get('titleEn'), titleZh: get('titleZh') });
  }
  fields.signatories = signatories;
  for (const key of Object.keys(fields)) if (key.startsWith('signatories.')) delete fields[key];
  return fields;
}

/**
 * Whether bytes are a PDF, by content (ISO 32000: the file starts with `%PDF-` and ends, after trailing
 * whitespace, with `%%EOF` within its last 1 KiB), not by the name or the type the browser claimed.
 */
export function isPdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 5));
  if (head !== '%PDF-') return false;
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 1024)));
  return tail.includes('%%EOF');
}
