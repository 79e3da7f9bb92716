// The first gate of every request (proxy.ts): a target that cannot be decoded, or that carries control
// characters, is refused before any page, query or database sees it; a state-changing request from a foreign
// origin is refused before any server action runs. Pure, so the rules are unit-tested without a server.

/** C0 control characters other than tab, line feed and carriage return, and DEL: never meaningful in a URL. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** The longest request target (path and query) accepted, in characters. Browsers and proxies send far less. */
// Kept well below proxies' header buffers: Next repeats the URL in response headers (the locale rewrite), and
// nginx answers 502 and marks the instance failed when those outgrow its buffer.
export const MAX_TARGET_LENGTH = 2048;

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

/** How deep the arguments of a form action nest at most: a form state holds an object of objects of lists. */
const MAX_REPLY_DEPTH = 16;

/**
 * Whether decoded action arguments use only what Amity's forms send: plain JSON values, a FormData reference
 * (`$K1`) and React's escapes of plain values (`$$…` for a string starting with `$`, `$undefined`, `$NaN`,
 * `$Infinity`, `$-Infinity`, `$-0`, `$D<date>`). Other `$` references (promises, blobs, streams, server
 * references, parts that are not there) make React's decoder fail with a 500, and no form of ours sends them.
 */
function plainReply(value: unknown, depth: number): boolean {
  if (depth > MAX_REPLY_DEPTH) return false;
  if (typeof value === 'string') return !value.startsWith('$') || /^\$(\$|K[0-9a-f]+$|undefined$|NaN$|-?Infinity$|-0$|D\d)/.test(value);
  if (Array.isArray(value)) return value.every((v) => plainReply(v, depth + 1));
  if (value && typeof value === 'object') return Object.values(value).every((v) => plainReply(v, depth + 1));
  return true;
}

/**
 * The largest request body the proxy passes on, in bytes (next.config.js agrees): forms hold text only. Files
 * go to the upload routes under app/uploads/, which the proxy does not run for and which have their own limits.
 */
export const MAX_REQUEST_BYTES = 1024 * 1024;

/** Action calls up to this size are decoded and checked by the proxy; in bytes. */
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
      const parsed: unknown = JSON.parse(value);
      return { ok: plainReply(parsed, 0), array: Array.isArray(parsed) };
    } catch {
      return { ok: false, array: false };
    }
  };
  if (parts === null) {
    if (text === null) return false;
    const body = json(text);
    return body.ok && body.array;
  }
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

/**
 * Whether a form posted without JavaScript (multipart, no `Next-Action` header) is one Next can decode: every
 * `$ACTION_REF_n` has its `$ACTION_n:0` part, JSON `{ "id": ..., "bound": null | "$@k" }`, and a bound state
 * `$ACTION_n:k` that is a JSON array. `fields` are the form's entries.
 */
export function noScriptActionDecodes(fields: Iterable<[string, unknown]>): boolean {
  const byName = new Map<string, unknown>();
  for (const [name, value] of fields) byName.set(name, value);
  for (const name of byName.keys()) {
    const ref = /^\$ACTION_REF_(\d+)$/.exec(name);
    if (!ref) continue;
    const meta = byName.get(`$ACTION_${ref[1]}:0`);
    if (typeof meta !== 'string') return false;
    let parsed: { id?: unknown; bound?: unknown };
    try {
      parsed = JSON.parse(meta) as { id?: unknown; bound?: unknown };
    } catch {
      return false;
    }
    if (typeof parsed !== 'object' || parsed === null || typeof parsed.id !== 'string') return false;
    if (parsed.bound === null || parsed.bound === undefined) continue;
    const bound = typeof parsed.bound === 'string' ? /^\$@(\d+)$/.exec(parsed.bound) : null;
    if (!bound) return false;
    const state = byName.get(`$ACTION_${ref[1]}:${bound[1]}`);
    if (typeof state !== 'string') return false;
    try {
      const list: unknown = JSON.parse(state);
      if (!Array.isArray(list) || !plainReply(list, 0)) return false;
    } catch {
      return false;
    }
  }
  return true;
}
