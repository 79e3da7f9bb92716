import 'server-only';
import { requireCapability } from '@/lib/auth/guards';
import { officeToday } from '@/lib/calendar-date';
import { db } from '../index';
import { getHomeLocality } from './home';
import { listComingDates, type ComingDateAgreement, type ComingDateItem, type ComingDates, type ComingDateTie } from './coming-dates-core';

export type { ComingDateAgreement, ComingDateItem, ComingDates, ComingDateTie };

/**
 * The home network's coming dates (listComingDates) for `months` months from `from`, by default today on the
 * office's clock; null before a home locality is set. Staff with registry:read (every role).
 */
export async function getComingDates(from: string = officeToday(), months = 12): Promise<ComingDates | null> {
  await requireCapability('registry:read', '/dashboard');
  const home = await getHomeLocality();
  return home ? listComingDates(db, home.id, from, months) : null;
}
