/**
 * The client's address for throttling and the audit trail: the first X-Forwarded-For entry (set by Next or by the
 * reverse proxy in front of it), else X-Real-IP. Behind no proxy a client could forge it; the per-account limit
 * does not depend on it.
 */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  const ip = forwarded || headers.get('x-real-ip')?.trim();
  return ip ? ip.slice(0, 64) : null;
}
