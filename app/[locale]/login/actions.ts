'use server';

import { AuthError } from 'next-auth';
import { getFormatter, getLocale } from 'next-intl/server';
import { failure, invalid, type ActionState } from '@/lib/action-state';
import { formFields } from '@/lib/form-data';
import { safeCallbackPath } from '@/lib/auth/guards';
import { SecondFactorRequired, signIn, Throttled } from '@/lib/auth';
import { redirect } from '@/lib/i18n/navigation';
import { signInInputSchema } from '@/lib/validation/users';

/** Signs in with email, password and (when the account has one) a second-factor code. Anyone may call it. */
export async function signInAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const fields = formFields(formData);
  const parsed = signInInputSchema.safeParse({
    email: fields.email ?? '',
    password: fields.password ?? '',
    code: fields.code ?? undefined,
  });
  if (!parsed.success) return invalid(parsed.error);
  const locale = await getLocale();
  try {
    // Throttling, verification, the session row and the audit event all happen in the provider's authorize().
    await signIn('credentials', { ...parsed.data, code: parsed.data.code ?? '', redirect: false });
  } catch (err) {
    if (err instanceof Throttled) {
      const format = await getFormatter();
      return failure('auth.throttled', { time: format.dateTime(err.retryAt, { hour: '2-digit', minute: '2-digit' }) });
    }
    if (err instanceof SecondFactorRequired) {
      return { status: 'error', message: { key: 'auth.secondFactor' }, data: { secondFactor: true } };
    }
    if (err instanceof AuthError) {
      // Keep the code field on screen after a wrong code.
      return { status: 'error', message: { key: 'auth.invalid' }, data: { secondFactor: Boolean(parsed.data.code) } };
    }
    throw err;
  }
  const target = safeCallbackPath(fields.callbackUrl) ?? '/account';
  redirect({ href: target, locale });
  return { status: 'success' };
}
