import type { NextAuthConfig } from 'next-auth';
import { CredentialsSignin } from 'next-auth';
import { publicUrl } from '../security/public-url';
import { authPolicy } from './policy';

// Proxy-safe: no database, no providers. lib/auth/index.ts adds the Credentials provider.
export const authConfig = {
  // The host comes from the request's X-Forwarded-Host, which proxy.ts sets from AMITY_PUBLIC_URL when it is set.
  trustHost: true,
  // Secure (and __Secure- prefixed) cookies when the public address is HTTPS, even if the proxy talks plain HTTP
  // to the app; without a public address, next-auth decides from the request's protocol.
  useSecureCookies: safePublicProtocol() === 'https:' ? true : undefined,
  pages: { signIn: '/login' },
  session: { strategy: 'jwt', maxAge: Math.floor(authPolicy().absoluteMs / 1000) },
  providers: [],
  callbacks: {
    // The token carries only ids: who the user is and which session row to check on every request.
    jwt({ token, user }) {
      if (user) {
        token.sid = (user as { sessionId?: string }).sessionId;
        token.sub = user.id;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, sessionId: typeof token.sid === 'string' ? token.sid : undefined };
    },
  },
  logger: {
    // Expected refusals (wrong password, throttled) are audited, not logged as errors with stacks.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      console.error(`[auth] ${error.name}: ${error.message}`);
    },
    warn() {},
    debug() {},
  },
} satisfies NextAuthConfig;

declare module 'next-auth' {
  interface Session {
    sessionId?: string;
  }
}

function safePublicProtocol(): string | null {
  try {
    return publicUrl()?.protocol ?? null;
  } catch {
    return null; // startup refuses an invalid value
  }
}
