import { z } from 'zod';
import { isAfterTodayEverywhere, isCalendarDate, parsePartialDate, type PartialDate } from '../calendar-date';
import { APPROVAL_LEVELS, ENDING_PARTIES, LIFECYCLE_EVENT_KINDS, PARTNERSHIP_STATUSES, PARTNERSHIP_TYPES } from '../domain';
import { optionalText, versionField } from './fields';

// The lifecycle step form (`/partnerships/[id]/lifecycle/new`), shared by the client form and the server action.
// Messages are catalogue keys.

/** The longest texts of a step, in characters. */
export const LIFECYCLE_LIMITS = { reason: 2000, decision: 500, approvalBody: 300 } as const;

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

/** The last day a partial date covers: 2024-05 (a month) ends 2024-05-31, 2024 (a year) 2024-12-31. */
function lastDayOf(date: PartialDate): string {
  const [y, m] = date.on.split('-').map(Number) as [number, number];
  if (date.precision === 'year') return `${y}-12-31`;
  if (date.precision === 'month') return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return date.on;
}

/**
 * One step of a partnership's lifecycle, at the version of the partnership the editor started from:
 * - `kind` 'status': the new `status` (required); suspended needs a `reviewOn` after the effective date (after all
 *   of it: a suspension from 2024-05 is reviewed in June at the earliest); terminated
 *   needs `endedBy` (home, partner, mutual) and may name the `decision`;
 * - `kind` 'approval': the approving body's `approvalLevel` and name (`approvalBody`), both required;
 * - `kind` 'upgrade': the new type (`toType`); the current one is recorded by the server.
 * `effective` is a date with its precision ('2021', '2021-11', '2021-11-19'), required and not after today anywhere
 * on Earth (a step is recorded when it has happened). `agreementId` optionally names one of the tie's agreements as
 * the step's document; the server checks it belongs to the tie.
 */
export const lifecycleStepSchema = z
  .object({
    partnershipId: z.uuid({ message: 'validation.invalid' }),
    version: versionField,
    kind: z.enum(LIFECYCLE_EVENT_KINDS, { message: 'validation.invalid' }),
    status: z.preprocess(blankToUndefined, z.enum(PARTNERSHIP_STATUSES, { message: 'validation.invalid' }).optional()),
    effective: z
      .string({ message: 'validation.required' })
      .trim()
      .min(1, { message: 'validation.required' })
      .refine((v) => parsePartialDate(v) !== null, { message: 'validation.partialDate' }),
    reason: optionalText(LIFECYCLE_LIMITS.reason),
    reviewOn: z
      .string({ message: 'validation.invalid' })
      .trim()
      .optional()
      .refine((v) => !v || isCalendarDate(v), { message: 'validation.date' })
      .transform((v) => v || null),
    endedBy: z.preprocess(blankToUndefined, z.enum(ENDING_PARTIES, { message: 'validation.invalid' }).optional()),
    decision: optionalText(LIFECYCLE_LIMITS.decision),
    approvalLevel: z.preprocess(blankToUndefined, z.enum(APPROVAL_LEVELS, { message: 'validation.invalid' }).optional()),
    approvalBody: optionalText(LIFECYCLE_LIMITS.approvalBody),
    toType: z.preprocess(blankToUndefined, z.enum(PARTNERSHIP_TYPES, { message: 'validation.invalid' }).optional()),
    agreementId: z.preprocess(blankToUndefined, z.uuid({ message: 'validation.invalid' }).optional()),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    const effective = parsePartialDate(v.effective);
    if (effective && isAfterTodayEverywhere(effective.on)) issue('effective', 'validation.stepInFuture');
    if (v.kind === 'status') {
      if (!v.status) issue('status', 'validation.required');
      if (v.status === 'suspended') {
        if (!v.reviewOn) issue('reviewOn', 'validation.required');
        else if (effective && v.reviewOn <= lastDayOf(effective)) issue('reviewOn', 'validation.reviewAfterEffective');
      }
      if (v.status === 'terminated' && !v.endedBy) issue('endedBy', 'validation.required');
    }
    if (v.kind === 'approval') {
      if (!v.approvalLevel) issue('approvalLevel', 'validation.required');
      if (!v.approvalBody) issue('approvalBody', 'validation.required');
    }
    if (v.kind === 'upgrade' && !v.toType) issue('toType', 'validation.required');
  })
  .transform((v) => ({
    ...v,
    // Only what the kind of step records is kept: a review date belongs to a suspension, and so on.
    status: v.kind === 'status' ? v.status : undefined,
    reviewOn: v.kind === 'status' && v.status === 'suspended' ? v.reviewOn : null,
    endedBy: v.kind === 'status' && v.status === 'terminated' ? v.endedBy : undefined,
    decision: v.kind === 'status' && v.status === 'terminated' ? v.decision : null,
    approvalLevel: v.kind === 'approval' ? v.approvalLevel : undefined,
    approvalBody: v.kind === 'approval' ? v.approvalBody : null,
    toType: v.kind === 'upgrade' ? v.toType : undefined,
  }));

export type LifecycleStepInput = z.output<typeof lifecycleStepSchema>;
