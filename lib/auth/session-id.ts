import 'server-only';
import { auth } from './index';

/** The session id in the request's signed token, or null. The one place that reads next-auth's session. */
export async function readSessionId(): Promise<string | null> {
  const session = await auth();
  return session?.sessionId ?? null;
}
