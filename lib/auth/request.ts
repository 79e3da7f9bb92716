/**
 * The client's address for throttling and the audit trail. Each reverse proxy appends the address it saw to
 * X-Forwarded-For, and Next fills the header with the socket's address when it is absent, so the entry to trust
 * is the one added by the outermost of our own proxies: counting from the right, entry number
 * AMITY_TRUSTED_PROXIES (default 1). Entries further left come from the client and can be forged.
 */
export function clientIp(headers: Headers, env: Record<string, string | undefined> = process.env): string | null {
  const hops = Math.max(1, Math.floor(Number(env.AMITY_TRUSTED_PROXIES ?? 1)) || 1);
  const entries = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const ip = entries.length > 0 ? entries[Math.max(0, entries.length - hops)] : headers.get('x-real-ip')?.trim();
  return ip ? ip.slice(0, 64) : null;
}
