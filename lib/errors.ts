/** A one-line reason for an operator's console: the message and code, never a stack. */
export function oneLine(err: unknown): string {
  if (err instanceof AggregateError && err.errors.length > 0) return oneLine(err.errors[0]);
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    const cause = err.cause instanceof Error ? `: ${oneLine(err.cause)}` : '';
    const msg = (err.message || err.name).split('\n')[0] ?? err.name;
    return `${msg}${typeof code === 'string' && !msg.includes(code) ? ` (${code})` : ''}${cause}`;
  }
  return String(err).split('\n')[0] ?? 'unknown error';
}
