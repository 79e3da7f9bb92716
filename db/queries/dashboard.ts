import 'server-only';
import { requireCapability } from '@/lib/auth/guards';
import { db } from '../index';
import {
  getBreakdowns,
  getGrowth,
  getNetworkFigures,
  listDormantTies,
  listNetworkMapAsOf,
  type DormantTie,
  type GrowthYear,
  type NetworkBreakdowns,
  type NetworkFigures,
  type NetworkMapPartner,
} from './dashboard-core';
import { getHomeLocality, type HomeLocality } from './home';

export type { DormantTie, GrowthYear, NetworkBreakdowns, NetworkFigures, NetworkMapPartner };

/** Everything the dashboard shows of the network, as it stood on one date. */
export interface Dashboard {
  home: HomeLocality;
  figures: NetworkFigures;
  growth: GrowthYear[];
  breakdowns: NetworkBreakdowns;
  dormant: DormantTie[];
  map: NetworkMapPartner[];
}

/**
 * The staff dashboard's data as it stood on `asOf` ('YYYY-MM-DD', at most the office's today: the page validates
 * it), with ties silent for `dormantYears` years (1 to 50) counted dormant; null before a home locality is set.
 * Every figure comes from the SQL aggregates of db/queries/dashboard-core.ts (the rules of "as of" are there). Staff
 * with registry:read (every role); anyone else is sent to sign in or to /forbidden.
 */
export async function getDashboard(asOf: string, dormantYears: number): Promise<Dashboard | null> {
  await requireCapability('registry:read', '/dashboard');
  const home = await getHomeLocality();
  if (!home) return null;
  const [figures, growth, breakdowns, dormant, map] = await Promise.all([
    getNetworkFigures(db, home.id, asOf, { dormantYears }),
    getGrowth(db, home.id, asOf),
    getBreakdowns(db, home.id, asOf),
    listDormantTies(db, home.id, asOf, dormantYears),
    listNetworkMapAsOf(db, home.id, asOf),
  ]);
  return { home, figures, growth, breakdowns, dormant, map };
}
