import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { db } from '@/db/index';
import { attemptSignIn } from '@/db/mutations/auth';
import { signInInputSchema } from '@/lib/validation/users';
import { authConfig } from './config';
import { clientIp } from './request';
import { authPolicy } from './policy';

/** Wrong email, wrong password, wrong code or an inactive account: one message for all. */
export class InvalidCredentials extends CredentialsSignin {
  code = 'invalid';
}
export class SecondFactorRequired extends CredentialsSignin {
  code = 'second_factor_required';
}
export class Throttled extends CredentialsSignin {
  code = 'throttled';
  constructor(readonly retryAt: Date) {
    super();
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: {}, password: {}, code: {} },
      async authorize(raw, request) {
        const parsed = signInInputSchema.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        const outcome = await db.transaction((tx) =>
          attemptSignIn(
            tx,
            { ...parsed.data, ip: clientIp(request.headers), userAgent: request.headers.get('user-agent') },
            authPolicy(),
          ),
        );
        switch (outcome.kind) {
          case 'ok':
            return { id: outcome.userId, sessionId: outcome.sessionId };
          case 'throttled':
            throw new Throttled(outcome.retryAt);
          case 'second_factor_required':
            throw new SecondFactorRequired();
          default:
            throw new InvalidCredentials();
        }
      },
    }),
  ],
});
