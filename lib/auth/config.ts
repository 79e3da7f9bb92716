import type { NextAuthConfig } from 'next-auth';
import { CredentialsSignin } from 'next-auth';
import { authPolicy } from './policy';

// Proxy-safe: no database, no providers. lib/auth/index.ts adds the Credentials provider.
export const authConfig = {
  trustHost: true,
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
