import { z } from 'zod';

// Query strings arrive as anything: absent, repeated (`?q=a&q=b` gives an array), over-long, with stray
// whitespace. Pages parse them with these schemas, never read them raw; proxy.ts has already refused targets
// that do not decode or that carry control characters.

/** The first of repeated values, so `?q=a&q=b` means `q=a`. */
function firstValue(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * A free-text query parameter: the first value, whitespace runs collapsed and trimmed, '' when absent. Longer than
 * `max` characters fails with `validation.searchTooLong` (the page says so and searches for nothing).
 */
export function queryText(max: number) {
  return z.preprocess(
    firstValue,
    z
      .string()
      .catch('')
      .transform((s) => s.replace(/\s+/g, ' ').trim())
      .pipe(z.string().max(max, 'validation.searchTooLong')),
  );
}

/** The longest search text, in characters: names are far shorter. */
export const MAX_SEARCH_LENGTH = 100;

/** The public directory's query string: `q`, a name in English or Chinese, accents optional. */
export const partnerSearchSchema = z.object({ q: queryText(MAX_SEARCH_LENGTH) });

/**
 * Parses a page's search params with a schema; on failure returns the schema's value for no params at all and
 * the first problem's catalogue key, so the page shows its default view with a message instead of failing.
 */
export function parseSearchParams<S extends z.ZodType>(
  schema: S,
  params: Record<string, string | string[] | undefined>,
): { value: z.output<S>; problem: string | null } {
  const parsed = schema.safeParse(params);
  if (parsed.success) return { value: parsed.data, problem: null };
  const message = parsed.error.issues[0]?.message ?? '';
  return { value: schema.parse({}), problem: message.startsWith('validation.') ? message : 'validation.invalid' };
}
