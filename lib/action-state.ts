import type { z } from 'zod';

/**
 * What every server action returns to its form. Messages are catalogue keys (with optional values), so the
 * client shows them in the reader's language; field errors are keyed by schema field.
 */
export type Message = { key: string; values?: Record<string, string | number> };
export type FieldErrors = Partial<Record<string, Message>>;

export type ActionState =
  | { status: 'idle' }
  | { status: 'invalid'; fieldErrors: FieldErrors; message?: Message }
  | { status: 'error'; message: Message; data?: Record<string, unknown> }
  | { status: 'conflict'; message: Message; data?: Record<string, unknown> }
  | { status: 'success'; message?: Message; data?: Record<string, unknown> };

export const IDLE: ActionState = { status: 'idle' };

/** The first issue per field of a failed parse, as catalogue keys; zod messages in our schemas are keys. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    if (!out[field]) out[field] = { key: issue.message.startsWith('validation.') ? issue.message : 'validation.invalid' };
  }
  return out;
}

export function invalid(error: z.ZodError): ActionState {
  return { status: 'invalid', fieldErrors: fieldErrorsOf(error), message: { key: 'validation.fixFields' } };
}

export function failure(key: string, values?: Message['values']): ActionState {
  return { status: 'error', message: { key, values } };
}
