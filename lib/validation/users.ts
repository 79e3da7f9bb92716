import { z } from 'zod';
import { ROLES } from '../domain';

// NIST SP 800-63B: length rules only, no composition rules. Length counts characters, not bytes.
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export const passwordSchema = z
  .string()
  .refine((p) => [...p].length >= PASSWORD_MIN, { message: `At least ${PASSWORD_MIN} characters` })
  .refine((p) => [...p].length <= PASSWORD_MAX, { message: `At most ${PASSWORD_MAX} characters` });

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'A valid email address' }).max(254));

/** A new staff user, as an admin or the operator's command line gives it. */
export const newUserInputSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, { message: 'A name' }).max(120),
  role: z.enum(ROLES, { message: 'One of admin, editor, viewer' }),
  password: passwordSchema,
});

export type NewUserInput = z.infer<typeof newUserInputSchema>;
