import 'server-only';
import { requireUser } from '@/lib/auth/guards';
import { db } from '../index';
import { queryOwnCalendarFeed, type OwnCalendarFeed } from './calendar-feeds-core';

export type { OwnCalendarFeed };

/** The signed-in user's own live calendar feed for the account page, or null. Any signed-in user, for themselves. */
export async function getOwnCalendarFeed(): Promise<OwnCalendarFeed | null> {
  const user = await requireUser('/account');
  return queryOwnCalendarFeed(db, user.id);
}
