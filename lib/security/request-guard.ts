// The first gate of every request (proxy.ts): a target that cannot be decoded, or that carries control
// characters, is refused before any page, query or database sees it; a state-changing request from a foreign
// origin is refused before any server action runs. Pure, so the rules are unit-tested without a server.

/** C0 control characters other than tab, line feed and carriage return, and DEL: never meaningful in a URL. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** The longest request target (path and query) accepted, in characters. Browsers and proxies send far less. */
export const MAX_TARGET_LENGTH = 4096;

export type TargetProblem = 'malformed' | 'control' | 'too_long';

function decodes(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/**
 * Checks a raw request path and query string (as sent, still percent-encoded; `search` with or without its `?`).
 * Returns null when both decode cleanly, else why not: 'malformed' for an invalid percent-encoding (`%E0%A4%A`,
 * `%zz`), 'control' for a NUL or other control character after decoding, 'too_long' past MAX_TARGET_LENGTH.
 */
export function checkRequestTarget(pathname: string, search: string): TargetProblem | null {
  if (pathname.length + search.length > MAX_TARGET_LENGTH) return 'too_long';
  const segments = pathname.split('/');
  const pairs = search.replace(/^\?/, '').split('&').flatMap((pair) => pair.replace(/\+/g, ' ').split('='));
  for (const raw of [...segments, ...pairs]) {
    if (!raw) continue;
    const decoded = decodes(raw);
    if (decoded === null) return 'malformed';
    if (CONTROL.test(decoded) || CONTROL.test(raw)) return 'control';
  }
  return null;
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Whether a request may change state, judged by its `Origin` header (what browsers send with every cross-site
 * POST, so a forged form or fetch from another site is caught). Safe methods and requests without an Origin
 * (non-browser clients, which carry no victim's cookies) pass. With a public origin configured
 * (AMITY_PUBLIC_URL), the Origin must be exactly it; without one, its host must be the host the request was
 * addressed to (X-Forwarded-Host from our proxy, else Host), the rule Next applies to server actions.
 */
export function originAllowed(
  method: string,
  headers: { get(name: string): string | null },
  publicOrigin: string | null,
): boolean {
  if (!UNSAFE_METHODS.has(method.toUpperCase())) return true;
  const origin = headers.get('origin');
  if (origin === null) return true;
  if (publicOrigin) return origin === publicOrigin;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false; // "null" (sandboxed frames, opaque origins) or garbage
  }
  const addressed = (headers.get('x-forwarded-host') ?? headers.get('host') ?? '').split(',')[0]!.trim();
  return addressed !== '' && originHost.toLowerCase() === addressed.toLowerCase();
}

/** The largest request body accepted, in bytes: a 20 MB signed file and its form (next.config.js agrees). */
export const MAX_REQUEST_BYTES = 22 * 1024 * 1024;

/** Action calls larger than this (file uploads) are left to the action's own checks; in bytes. */
export const MAX_CHECKED_ACTION_BYTES = 1024 * 1024;

/**
 * Whether the body of a server-action call (a POST with a `Next-Action` header) is decodable: React encodes the
 * argument list as a JSON array, either as the whole body (text) or as numbered multipart fields (`0`, `1`, ...) beside
 * the form's own fields (`_1_email`). A field or body that is not JSON makes Next answer 500 before the action
 * runs, so the proxy answers 400 instead. `parts` are the multipart fields, or null for a text body.
 */
export function actionPayloadDecodes(parts: Iterable<[string, unknown]> | null, text: string | null): boolean {
  // The root (the whole text body, or field `0`) is the argument list: a JSON array. Other numbered fields are
  // outlined values (objects, strings) referenced from it.
  const json = (value: string): { ok: boolean; array: boolean } => {
    try {
      return { ok: true, array: Array.isArray(JSON.parse(value)) };
    } catch {
      return { ok: false, array: false };
    }
  };
  if (parts === null) return text !== null && json(text).array;
  let root = false;
  for (const [name, value] of parts) {
    if (!/^\d+$/.test(name)) continue;
    if (typeof value !== 'string') return false;
    const parsed = json(value);
    if (!parsed.ok || (name === '0' && !parsed.array)) return false;
    if (name === '0') root = true;
  }
  return root;
}
