/**
 * The address the public uses to reach Amity, from AMITY_PUBLIC_URL (for example `https://amity.example.org` or
 * `http://127.0.0.1:8443` behind a proxy on another port). Everything that must agree with the browser's view of
 * the site derives from it: the origin server actions and sign-in accept, the host next-auth builds its URLs
 * from, `Secure` session cookies and HSTS when it is HTTPS. Returns null when unset (the app then trusts the
 * Host and X-Forwarded-Host headers, as Next does); throws when set to anything but an http(s) origin.
 */
export function publicUrl(env: Record<string, string | undefined> = process.env): URL | null {
  const raw = env.AMITY_PUBLIC_URL?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`AMITY_PUBLIC_URL is not a URL: ${raw.slice(0, 200)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('AMITY_PUBLIC_URL must start with http:// or https://');
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || url.username || url.password) {
    throw new Error('AMITY_PUBLIC_URL must be an origin only, such as https://amity.example.org (no path, query or login)');
  }
  return url;
}
