import { type NextRequest, NextResponse } from 'next/server';
import { contentSecurityPolicy } from '../../lib/security/headers';

// The same per-request nonce and CSP as Amity's proxy, and nothing else.
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce);
  request.headers.set('x-nonce', nonce);
  request.headers.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers: request.headers } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = { matcher: ['/((?!_next/static|_next/image).*)'] };
