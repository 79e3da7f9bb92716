import { z } from 'zod';
import { formFields } from '../form-data';
import { checkbox, optionalText, versionField } from './fields';
import { isAfterTodayEverywhere, isCalendarDate, parsePartialDate } from '../calendar-date';
import { AGREEMENT_KINDS, COOPERATION_FIELDS, SIGNATORY_SIDES } from '../domain';

// The agreement form's schema, shared by the client form and the server action. Messages are catalogue keys.

/** How many signatory rows the form offers (two a side). */
export const SIGNATORY_SLOTS = 4;

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

/** A new agreement of partnership `partnershipId`, with its signatories (its signed files are uploaded apart). */
export const agreementInputSchema = z
  .object({ ...agreementFields, partnershipId: z.uuid({ message: 'validation.invalid' }) })
  .superRefine(agreementRules)
  .transform(dropEmptySignatories);

/** A change to an agreement at the version the editor opened. */
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

/** An agreement to delete, at its version. */
export const agreementRefSchema = z.object({
  id: z.uuid({ message: 'validation.invalid' }),
  version: versionField,
});

/**
 * The agreement form's FormData as the schema's input: signatory slot `i` arrives as `signatories.i.side`,
 * `signatories.i.nameEn` ... (react-hook-form's names), cooperation fields as a list.
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
