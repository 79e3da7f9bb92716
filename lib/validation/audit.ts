import { z } from 'zod';
import { isCalendarDate } from '../calendar-date';

const date = z
  .string()
  .trim()
  .refine(isCalendarDate)
  .optional()
  .catch(undefined);
const text = z.string().trim().max(200).optional().catch(undefined).transform((v) => v || undefined);

/** The audit page's filters from the query string; anything malformed is dropped rather than refused. */
export const auditFilterSchema = z.object({
  user: text,
  action: text,
  record: text,
  recordId: text,
  from: date,
  to: date,
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export type AuditFilter = z.infer<typeof auditFilterSchema>;
