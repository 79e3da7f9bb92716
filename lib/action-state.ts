import type { z } from 'zod';

/**
 * What every server action returns to its form. Messages are catalogue keys (with optional values), so the
 * client shows them in the reader's language; field errors are keyed by schema field.
 */
export type Message = { key: string; values?: Record<string, string | number> };
export type FieldErrors = Partial<Record<string, Message>>;

export type ActionState =
  | { status: 'idle' }
  | { status: 'invalid'; fieldErrors: FieldErrors; message?: Message; values?: Record<string, unknown> }
  | { status: 'error'; message: Message; data?: Record<string, unknown> }
  | { status: 'conflict'; message: Message; data?: Record<string, unknown> }
  | { status: 'success'; message?: Message; data?: Record<string, unknown> };

export const IDLE: ActionState = { status: 'idle' };

/**
 * The first issue per field of a failed parse, as catalogue keys (zod messages in our schemas are keys). A field
 * is named by its dotted path as react-hook-form names it ('signatories.1.nameEn'); an issue with one item of a
 * list ('cooperationFields.1') belongs to the list. Keys outside 'validation.*' become 'validation.invalid',
 * except those of the feature's own `namespace` ('publishedTotals' keeps 'publishedTotals.countNumber').
 */
export function fieldErrorsOf(error: z.ZodError, namespace?: string): FieldErrors {
  const out: FieldErrors = {};
  const own = (key: string) => key.startsWith('validation.') || (namespace !== undefined && key.startsWith(`${namespace}.`));
  for (const issue of error.issues) {
    const path = [...issue.path];
    while (path.length > 1 && typeof path[path.length - 1] === 'number') path.pop();
    const field = path.length > 0 ? path.map(String).join('.') : 'form';
    if (!out[field]) out[field] = { key: own(issue.message) ? issue.message : 'validation.invalid' };
  }
  return out;
}

/**
 * The answer to input its schema refused: the field errors (keeping the keys of `namespace`, see fieldErrorsOf)
 * and, when given, the values as sent, so that a form sent without JavaScript comes back holding what the user
 * typed (never pass passwords or secrets).
 */
export function invalid(error: z.ZodError, values?: Record<string, unknown>, namespace?: string): ActionState {
  return { status: 'invalid', fieldErrors: fieldErrorsOf(error, namespace), message: { key: 'validation.fixFields' }, ...(values ? { values } : {}) };
}

export function failure(key: string, values?: Message['values']): ActionState {
  return { status: 'error', message: { key, values } };
}
