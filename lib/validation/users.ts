import { z } from 'zod';
import { ROLES } from '../domain';

// NIST SP 800-63B: length rules only, no composition rules. Length counts characters, not bytes.
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export const passwordSchema = z
  .string()
  .refine((p) => [...p].length >= PASSWORD_MIN, { message: 'validation.passwordTooShort' })
  .refine((p) => [...p].length <= PASSWORD_MAX, { message: 'validation.passwordTooLong' });

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'validation.email' }).max(254, { message: 'validation.email' }));

/** A new staff user, as an admin or the operator's command line gives it. */
export const newUserInputSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, { message: 'validation.required' }).max(120, { message: 'validation.tooLong' }),
  role: z.enum(ROLES, { message: 'validation.role' }),
  password: passwordSchema,
});

export type NewUserInput = z.infer<typeof newUserInputSchema>;

/** The sign-in form: the code is a TOTP or recovery code, asked for only when the account has a second factor. */
export const signInInputSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, { message: 'validation.required' }).max(PASSWORD_MAX * 4, { message: 'validation.tooLong' }),
  code: z
    .string()
    .trim()
    .max(40, { message: 'validation.tooLong' })
    .optional()
    .transform((v) => v || undefined),
});

export type SignInInput = z.infer<typeof signInInputSchema>;

/** The user's own password change; the common-password check runs on the server only (it reads a file). */
export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, { message: 'validation.required' }).max(PASSWORD_MAX * 4, { message: 'validation.tooLong' }),
    newPassword: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'validation.passwordMismatch' })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ['newPassword'], message: 'validation.passwordSame' });

/** An admin's reset of someone's password. */
export const resetPasswordSchema = z.object({
  userId: z.uuid({ message: 'validation.invalid' }),
  version: z.coerce.number().int().positive({ message: 'validation.invalid' }),
  password: passwordSchema,
});

/** An admin's change to one user: role, or active flag. */
export const userRoleSchema = z.object({
  userId: z.uuid({ message: 'validation.invalid' }),
  version: z.coerce.number().int().positive({ message: 'validation.invalid' }),
  role: z.enum(ROLES, { message: 'validation.role' }),
});

export const userActiveSchema = z.object({
  userId: z.uuid({ message: 'validation.invalid' }),
  version: z.coerce.number().int().positive({ message: 'validation.invalid' }),
  active: z.enum(['true', 'false'], { message: 'validation.invalid' }).transform((v) => v === 'true'),
});

/** The 6-digit code that confirms TOTP enrolment. */
export const totpConfirmSchema = z.object({
  code: z.string().trim().regex(/^\d{6}$/, { message: 'validation.code' }),
});

export const disableTotpSchema = z.object({
  currentPassword: z.string().min(1, { message: 'validation.required' }).max(PASSWORD_MAX * 4, { message: 'validation.tooLong' }),
});

export const settingsSchema = z.object({
  version: z.coerce.number().int().positive({ message: 'validation.invalid' }),
  // A checkbox: 'on' when ticked, absent from the form data when not.
  requireTotp: z
    .union([z.literal('on'), z.literal('true'), z.literal(''), z.boolean()])
    .optional()
    .transform((v) => v === 'on' || v === 'true' || v === true),
});
